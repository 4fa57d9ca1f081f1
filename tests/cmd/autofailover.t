#!/bin/bash
# The admin guide's automatic failover: pg_auto_failover's monitor promotes
# the secondary when the primary's machine dies (keeper and server gone at
# once), and the formation's multi-host URI, the consoles' db.conninfo,
# then reaches the new primary. Skipped where the packages are missing.
. "$(dirname "$0")/../lib/env.sh"

if ! command -v pg_autoctl >/dev/null 2>&1; then
	echo "1..0 # SKIP pg_auto_failover is not installed"
	exit 0
fi
paf() { sh "$ROOT/mk/pgautofailover.sh" "$@"; }
at_exit "sh '$ROOT/mk/pgautofailover.sh' down '$SCRATCH/paf'"
base=$((20000 + RANDOM % 20000))
paf up "$SCRATCH/paf" $base 2>"$SCRATCH/up.err"
_tap_result $? "a monitor, a primary and a secondary come up" || diag "$(cat "$SCRATCH/up.err")"
uri=$(paf uri "$SCRATCH/paf")
like "$uri" "localhost:$((base + 1)),localhost:$((base + 2))/.*target_session_attrs=read-write" \
	"the formation's URI names both nodes and asks for the writable one"
writable() { psql -X -At "$uri&connect_timeout=2" -U postgres -c 'SELECT inet_server_port()' 2>/dev/null; }
is "$(writable)" $((base + 1)) "  ... which is node 1"

paf kill "$SCRATCH/paf" 1
start=$(date +%s)
# wait_until counts tries, and a try may take a while here: a deadline of our own
deadline=$((start + 150))
promoted_or_late() { [ "$(writable)" = $((base + 2)) ] || [ "$(date +%s)" -ge $deadline ]; }
wait_until 3000 promoted_or_late
[ "$(writable)" = $((base + 2)) ]
_tap_result $? "node 1 dies: the monitor promotes node 2, and the URI reaches it ($(($(date +%s) - start)) s)"
done_testing
