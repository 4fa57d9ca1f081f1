#!/bin/bash
# The test harness itself. A test that cannot fail is a defect, so the
# harness refuses what would let one pass unseen: a test named that does not
# exist, a shell test calling a helper that does not exist, a unit test
# that stops early, text "gone" that was never there, a
# screen test that sleeps for a frame, random SQL tests that cannot be
# replayed.
. "$(dirname "$0")/lib/screen.sh"
cd "$ROOT" || exit 1

# tests/run
out=$(tests/run tests/cmd/no_such_test.t 2>&1)
is "$?" 1 "tests/run fails for a test that does not exist"
contains "$out" "no such test: tests/cmd/no_such_test.t" "  ... and names it"
unlike "$out" "test warehouse" "  ... before setting anything up"
out=$(tests/run tests/layers.t tests/no_such_test.t 2>&1)
is "$?" 1 "  ... also when other tests named exist"

# a failed test is named again at the end, with its output from a run alone
printf '#!/bin/bash\necho 1..2\necho ok 1\necho "not ok 2 - the check that fails"\n' >"$SCRATCH/fails.t"
chmod +x "$SCRATCH/fails.t"
out=$(GENERATE_SCALE=0 tests/run "$SCRATCH/fails.t" 2>&1)
is "$?" 1 "tests/run fails when a test fails"
is "$(printf '%s\n' "$out" | tail -1)" "tests/run: FAILED: $SCRATCH/fails.t" \
	"  ... and its last line names the test (what a CI log's tail shows)"
contains "$out" "not ok 2 - the check that fails" "  ... after the test's own output, run again alone"

# tests/lib/tap.sh: a helper that does not exist fails the test (a check
# that never ran is no pass)
printf '#!/bin/bash\n. "%s/tests/lib/tap.sh"\nis 1 1 "one"\nno_such_helper 1 2 "two"\ndone_testing\n' "$ROOT" >"$SCRATCH/missing.t"
out=$(bash "$SCRATCH/missing.t" 2>&1)
is "$?" 1 "a shell test that calls a helper that does not exist fails"
contains "$out" "no such command: no_such_helper (line 4)" "  ... and names it with its line"

# tests/lib/tap.h: plans up front
# unit PROGRAM: builds a main() using tests/lib/tap.h and runs it; sets rc and out.
unit() {
	printf '#include "lib/tap.h"\nint main(void)\n{\n%s\n}\n' "$1" >"$SCRATCH/unit.c"
	rm -f "$SCRATCH/unit"
	cc -std=c11 -I"$ROOT/tests" -o "$SCRATCH/unit" "$SCRATCH/unit.c" 2>"$SCRATCH/cc.err" ||
		diag "$(cat "$SCRATCH/cc.err")"
	out=$("$SCRATCH/unit" 2>&1)
	rc=$?
}
unit 'plan(2); ok(1, "one"); ok(1, "two"); return done_testing();'
is "$rc" 0 "a unit test that makes the checks it planned, and passes them, passes"
is "$(printf '%s\n' "$out" | head -1)" "1..2" "  ... before any check"
unit 'plan(3); ok(1, "one"); if (!ok(1, "two")) return 1; return done_testing();'
is "$rc" 1 "a unit test that stops before its plan is done fails"
contains "$out" "planned 3 checks, ran 2" "  ... and says so"
unit 'ok(1, "one"); return done_testing();'
is "$rc" 1 "a unit test without a plan fails"
is "$(grep -L '^	plan([0-9]*);' tests/unit/test_*.c)" "" "every unit test declares its plan"

# tests/lib/screen.sh: "gone" must first have been there
scr_start 80 24 sh -c 'echo "going soon"; read x; clear; echo "all gone"; read x'
scr_wait "going soon"
scr_wait_gone "never shown" 1 2>/dev/null
is "$?" 1 "scr_wait_gone fails for text that was never on the screen"
scr_keys Enter
scr_wait_gone "going soon"
is "$?" 0 "  ... and passes for text that was there and went"

# no sleeping for a frame
is "$(grep -nw sleep tests/screen/*.t)" "" "screen tests never sleep: they wait for what the screen shows"
is "$(grep -nE '\bsleep [0-9]*\.' tests/lib/*.sh | grep -v 'tap.sh:.*sleep 0.05$')" "" \
	"  ... and tests/lib polls only in wait_until"

# random tests can be replayed
for f in tests/sql/*.sql; do
	grep -q 'random()' "$f" || continue
	grep -q 'setseed(' "$f"
	_tap_result $? "$f seeds random() (setseed), so that a failure replays"
done
done_testing
