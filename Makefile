# smcon — see README.md. The two commands: `make demo` and `make check`.

PREFIX ?= /usr/local
ifeq ($(filter /usr /usr/local,$(PREFIX)),)
SYSCONFDIR ?= $(PREFIX)/etc/smcon
else
SYSCONFDIR ?= /etc/smcon
endif
BUILD ?= build
CC ?= cc
PKG_CONFIG ?= pkg-config
PKGS = ncursesw libpq readline libconfig xlsxwriter
OPT ?= -O2
SAN ?=

# Recursive on purpose: evaluated after `deps` has installed pkg-config and the libraries.
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS))
PKG_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lm
CPPFLAGS_ALL = -Isrc -I. -I$(BUILD)/gen -DNCURSES_WIDECHAR=1 \
	-D_XOPEN_SOURCE_EXTENDED
CFLAGS_ALL = -std=c11 -g $(OPT) $(SAN) -Wall -Wextra -Werror -Wshadow -Wformat=2 \
	-MMD -MP $(PKG_CFLAGS) $(CFLAGS)
LDFLAGS_ALL = $(SAN) $(LDFLAGS)

SRCS := $(wildcard src/base/*.c src/db/*.c src/domain/*.c src/gen/*.c src/import/*.c src/print/*.c \
	src/ui/*.c src/cmd/*.c src/i18n/*.c screens/*.c)
OBJS := $(SRCS:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/embedded_migrations.o
MAIN_OBJ := $(BUILD)/obj/src/main.o
LIB := $(BUILD)/libsmcon.a
MIGRATIONS := $(sort $(wildcard sql/migrations/*.sql))

UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/unit/%.t)
# The server module (src/pgext): failed-login lock-out, loaded by our clusters.
PGEXT := $(BUILD)/pgext/smcon_auth.so
PG_SERVER_INCLUDE = $(shell pg_config --includedir-server)
TOOL_SRCS := $(wildcard tests/tools/*.c)
TOOL_BINS := $(TOOL_SRCS:tests/tools/%.c=$(BUILD)/tests/tools/%)

.PHONY: all deps tests check check-asan demo demo-db demo-stop install man format bench \
	bench-stop fuzz clean FORCE

all: deps $(BUILD)/smcon $(PGEXT)

deps:
	@sh mk/deps.sh

$(BUILD)/smcon: $(MAIN_OBJ) $(LIB)
	$(CC) $(LDFLAGS_ALL) -o $@ $(MAIN_OBJ) $(LIB) $(PKG_LIBS)

$(LIB): $(OBJS)
	@rm -f $@
	ar rcs $@ $(OBJS)

# Built without sanitizers: it runs inside the PostgreSQL server.
# `| deps`: with make -j the packages are installed before anything compiles.
$(PGEXT): $(wildcard src/pgext/*.c) $(wildcard src/pgext/*.h) | deps
	@mkdir -p $(dir $@)
	$(CC) -std=gnu11 -O2 -g -fPIC -shared -Wall -Wextra -Werror -Wshadow -Wformat=2 \
		-isystem $(PG_SERVER_INCLUDE) -o $@ $(filter %.c,$^)

$(BUILD)/obj/%.o: %.c $(BUILD)/gen/paths.h | deps
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -c -o $@ $<

$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -c -o $@ $<

$(BUILD)/gen/embedded_migrations.c: $(MIGRATIONS) mk/embed.sh $(BUILD)/gen/migrations.list
	@mkdir -p $(dir $@)
	sh mk/embed.sh embedded_migrations $@ $(MIGRATIONS)

# The set of migration files: rewritten only when a file is added or removed,
# so removing one rebuilds the embedded list too.
$(BUILD)/gen/migrations.list: FORCE
	@mkdir -p $(dir $@)
	@echo $(MIGRATIONS) >$@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

# Installation paths compiled in; rewritten only when they change.
$(BUILD)/gen/paths.h: FORCE
	@mkdir -p $(dir $@)
	@echo '#define SMCON_SYSCONFDIR "$(SYSCONFDIR)"' >$@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

tests: $(UNIT_BINS) $(TOOL_BINS)

$(BUILD)/tests/unit/%.t: tests/unit/%.c $(LIB) tests/lib/tap.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) -Itests $(CFLAGS_ALL) $(LDFLAGS_ALL) -o $@ $< $(LIB) $(PKG_LIBS)

$(BUILD)/tests/tools/%: tests/tools/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) -Itests $(CFLAGS_ALL) $(LDFLAGS_ALL) -o $@ $< $(LIB) $(PKG_LIBS)

check: all tests
	@BUILD=$(BUILD) tests/run

check-asan: deps
	$(MAKE) BUILD=build-asan OPT=-O1 \
		SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		all tests
	@BUILD=build-asan ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lib/lsan.supp:print_suppressions=0 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 tests/run

demo-db: all
	@sh mk/warehouse.sh var/demo smcon demo

demo: demo-db
	$(BUILD)/smcon -C var/demo/smcon.conf

demo-stop:
	@sh mk/pgcluster.sh stop var/demo

# Benchmarks on a city-scale warehouse in var/bench (kept between runs;
# BENCH_FRESH=1 regenerates it, BENCH_SCALE sets its size).
bench: all
	@BUILD=$(BUILD) bench/run

bench-stop:
	@sh mk/pgcluster.sh stop var/bench

# Fuzzing, not part of make check: the libFuzzer harnesses in tests/fuzz, built
# with clang into $(FUZZ_BUILD) and run for FUZZ_SECONDS each from their seeds
# in tests/fuzz/corpus/NAME (tests/fuzz/run). FUZZ="csv uscc" picks harnesses.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FUZZ_SRCS := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ ?= $(FUZZ_SRCS:tests/fuzz/fuzz_%.c=%)
FUZZ_BINS = $(FUZZ:%=$(FUZZ_BUILD)/fuzz_%)
FUZZ_LIB_SRCS := $(wildcard src/base/*.c) src/cmd/words.c src/i18n/i18n.c \
	src/import/import_value.c src/import/import_field.c src/import/import_map.c src/import/import_file.c \
	$(filter-out src/db/migrate.c,$(wildcard src/db/*.c))
FUZZ_CFLAGS = -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer -Wall -Wextra -Werror -Wshadow $(PKG_CFLAGS)

fuzz: deps
	@command -v $(FUZZ_CC) >/dev/null || { echo "make fuzz needs clang: apt-get install clang" >&2; exit 1; }
	@$(MAKE) --no-print-directory $(FUZZ_BINS)
	@FUZZ_BUILD=$(FUZZ_BUILD) sh tests/fuzz/run $(FUZZ_SECONDS) $(FUZZ_BINS)

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_LIB_SRCS) $(BUILD)/gen/paths.h
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS_ALL) $(FUZZ_CFLAGS) -o $@ $< $(FUZZ_LIB_SRCS) $(PKG_LIBS)

# The COMMANDS section of the manual page is generated from the command table.
man: all
	@sh mk/man.sh $(BUILD)/smcon doc/smcon.1

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(SYSCONFDIR)
	install -m 755 $(BUILD)/smcon $(DESTDIR)$(PREFIX)/bin/smcon
	install -m 644 doc/smcon.1 $(DESTDIR)$(PREFIX)/share/man/man1/smcon.1
	@if [ -e $(DESTDIR)$(SYSCONFDIR)/smcon.conf ]; then \
		echo "keeping the existing $(DESTDIR)$(SYSCONFDIR)/smcon.conf"; \
	else install -m 644 conf/smcon.conf $(DESTDIR)$(SYSCONFDIR)/smcon.conf; fi

format:
	clang-format -i $(SRCS) src/main.c $(UNIT_SRCS) $(TOOL_SRCS) $(wildcard src/*/*.h screens/*.h)

clean:
	rm -rf build build-asan build-fuzz

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
