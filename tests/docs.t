#!/bin/bash
# The documents say what the program does.
. "$(dirname "$0")/lib/env.sh"

cp "$ROOT/doc/smcon.1" "$SCRATCH/smcon.1"
sh "$ROOT/mk/man.sh" "$SMCON" "$SCRATCH/smcon.1"
if diff -u "$ROOT/doc/smcon.1" "$SCRATCH/smcon.1" >"$SCRATCH/diff"; then
	pass "the man page's command list matches the command table"
else
	fail "the man page's command list matches the command table (run make man)"
	diag "$(cat "$SCRATCH/diff")"
fi
for c in $("$SMCON" --format csv help | tail -n +2 | cut -d, -f1 | cut -d' ' -f1-2 | tr ' ' '_'); do
	contains "$(cat "$ROOT/doc/smcon.1")" ".B ${c//_/ }" "the man page documents '${c//_/ }'"
done
head=$(head -20 "$ROOT/README.md")
contains "$head" "make demo" "the README names 'make demo' at the top"
contains "$head" "make check" "the README names 'make check' at the top"
contains "$(cat "$ROOT/.ci/run")" "make check" ".ci/run runs make check"
for st in 0 1 2 3 4 5; do
	like "$(sed -n '/^\.SH EXIT STATUS/,/^\.SH EXAMPLES/p' "$ROOT/doc/smcon.1")" "^\.B $st\$" "exit code $st is documented"
done
for key in db.conninfo db.connect_timeout db.statement_timeout ui.language ui.color ui.idle_lock_minutes ui.timezone ui.export_dir log.file log.level shell.history_file shell.history_size; do
	grep -q "^ *#* *${key#*.} = " "$ROOT/conf/smcon.conf"
	_tap_result $? "conf/smcon.conf documents $key"
done
man -l "$ROOT/doc/smcon.1" >/dev/null 2>"$SCRATCH/manerr" || true
is "$(grep -v 'cannot adjust' "$SCRATCH/manerr")" "" "the man page renders without warnings"
done_testing
