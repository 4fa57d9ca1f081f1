#!/bin/bash
# A cancel that comes late: the statement a screen leaves has already ended
# when its cancel is sent, and the next statement on the connection must not
# be cancelled in its place (the drain waits until the server has taken the
# cancel request). tests/tools/cancelrace runs 30 rounds through src/db.
. "$(dirname "$0")/../lib/env.sh"

out=$("$TOOLS/cancelrace" "host=$SMCON_TEST_PG/run dbname=smcon user=demo_clerk_lx password=demo" 30 2>"$SCRATCH/err")
rc=$?
is "$rc" 0 "30 late cancels: the statement after each runs to its end" || diag "$(head -5 "$SCRATCH/err")"
is "$out" 0 "  ... none of them cancelled"
done_testing
