#!/bin/bash
# Every screen is in the registry (screens/registry.c), so that the checks
# that walk every screen (tests/unit/test_keymap.c) see them all.
. "$(dirname "$0")/lib/env.sh"
cd "$ROOT" || exit 1

# defined DIR: the screens the C files of DIR define, one name a line: as
# "const struct screen NAME =" or through a macro whose first argument is
# the name (#define M(var, ...) const struct screen var = ...).
defined() {
	awk '
	FNR == 1 { inmacro = 0 }
	match($0, /^(static )?const struct screen [a-z_0-9]+ =/) {
		n = split(substr($0, RSTART, RLENGTH), w, " ")
		print w[n - 1]
	}
	/^#define [A-Z_0-9]+\(/ {
		name = $2; sub(/\(.*/, "", name)
		param = $2; sub(/^[A-Z_0-9]+\(/, "", param); sub(/[,)].*/, "", param)
		inmacro = 1
	}
	inmacro && $0 ~ ("struct screen " param " =") { makers[name] = 1 }
	inmacro && $0 ~ /struct screen [a-z_]*##/ { print "(the macro " name " builds its screen'"'"'s name: pass it whole)" }
	inmacro && $0 !~ /\\$/ { inmacro = 0 }
	{ lines[FILENAME, FNR] = $0; nlines[FILENAME] = FNR }
	END {
		for (f in nlines)
			for (i = 1; i <= nlines[f]; i++) {
				l = lines[f, i]
				if (match(l, /^[A-Z_0-9]+\([a-z_0-9]+/)) {
					m = substr(l, 1, index(l, "(") - 1)
					if (m in makers) print substr(l, index(l, "(") + 1, RLENGTH - index(l, "("))
				}
			}
	}' "$1"/*.c | sort
}

# registered FILE: the screens listed in screens_all of FILE.
registered() {
	sed -n '/screens_all\[\] = {/,/^};/p' "$1" | grep -o '&[a-z_0-9]*' | tr -d '&' | sort
}

is "$(comm -23 <(defined screens) <(registered screens/registry.c))" "" \
	"every screen defined in screens/ is in screens_all"
is "$(registered screens/registry.c | uniq -d)" "" "  ... once"
like "$(defined screens | wc -l)" '^[1-9][0-9]+$' "  ... (dozens of screens found, not none)"
contains "$(defined screens)" "screen_report_stations" "  ... those a macro defines as well"

# The check fails for a screen that is not registered, defined either way.
cp -r screens "$SCRATCH/screens"
printf 'const struct screen screen_new_thing = {.name = "new"};\n' >"$SCRATCH/screens/new_thing.c"
printf '#define NEW_SCREEN(v, n) \\\n\tconst struct screen v = {.name = n};\nNEW_SCREEN(screen_made, "made")\n' \
	>>"$SCRATCH/screens/new_thing.c"
is "$(comm -23 <(defined "$SCRATCH/screens") <(registered "$SCRATCH/screens/registry.c") | tr '\n' ' ')" \
	"screen_made screen_new_thing " "a new screen that is not registered is found"
# The key walk (tests/screen/keywalk.t) reaches every screen: each has a
# recipe in keywalk.tsv, or says there why not.
walked=$(grep -v '^#' tests/screen/keywalk.tsv | cut -f1 | sort -u)
is "$(comm -23 <("$TOOLS/screen_names" | sort) <(printf '%s\n' "$walked"))" "" \
	"every screen has a key-walk recipe (tests/screen/keywalk.tsv)"
is "$(comm -13 <("$TOOLS/screen_names" | sort) <(printf '%s\n' "$walked") | grep .)" "" \
	"  ... and every recipe names a screen there is"
done_testing
