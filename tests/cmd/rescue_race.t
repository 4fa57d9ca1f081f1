#!/bin/bash
# Two dispatchers dispatch the same incident at the same moment: the second
# waits for the first one's row lock, then is refused (exit 5) with the state
# the first one left; the incident is dispatched once.
. "$(dirname "$0")/../lib/env.sh"

DB=$(test_db) || { fail "a copy of the test warehouse"; done_testing; exit; }
q() { psql_su -d "$DB" -Atc "$1"; }
code=$(q "SELECT rescue_code FROM equipment.elevator WHERE status = 'in_use' AND maintenance_entity_id IS NOT NULL
          AND rescue_code IS NOT NULL ORDER BY id LIMIT 1")
run_db "$DB" demo_dispatcher rescue new --code "$code" --phone 13912345678 --trapped 1
no=$out
id=$(q "SELECT id FROM rights.rescue_incident WHERE incident_no = '$no'")

# A: dispatches in a transaction it keeps open
mkfifo "$SCRATCH/a.in"
PGPASSWORD=demo psql -X -q -At -h "$SMCON_TEST_PG/run" -U demo_dispatcher -d "$DB" <"$SCRATCH/a.in" >"$SCRATCH/a.out" 2>&1 &
apid=$!
exec 7>"$SCRATCH/a.in"
echo "BEGIN; SELECT api.rescue_dispatch($id, 0);" >&7
has_line() { [ -s "$SCRATCH/a.out" ]; }
wait_until 10 has_line
is "$(cat "$SCRATCH/a.out")" 1 "dispatcher A dispatches, not yet committed"

# B: the same step from command mode, at the same time
(PGUSER=demo_dispatcher2 PGPASSWORD=demo "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$DB" rescue dispatch "$no" \
	>"$SCRATCH/b.out" 2>"$SCRATCH/b.err"; echo $? >"$SCRATCH/b.rc") &
bpid=$!
waiting() { [ "$(q "SELECT count(*) FROM pg_stat_activity WHERE usename = 'demo_dispatcher2'
                   AND datname = '$DB' AND wait_event_type = 'Lock'")" = 1 ]; }
wait_until 10 waiting
is "$?" 0 "dispatcher B waits for A's lock"
echo "COMMIT;" >&7
exec 7>&-
wait "$apid"
wait "$bpid"
is "$(cat "$SCRATCH/b.rc")" 5 "B is refused once A commits (exit 5)"
contains "$(cat "$SCRATCH/b.err")" "已派单" "  ... told the incident is dispatched"
contains "$(cat "$SCRATCH/b.err")" "$(q "SELECT full_name FROM core.staff WHERE login = 'demo_dispatcher'")" "  ... by A"
is "$(q "SELECT count(*) FROM rights.rescue_step WHERE incident_id = $id AND step = 'dispatched'")" 1 \
	"the incident is dispatched once"
is "$(q "SELECT version FROM rights.rescue_incident WHERE id = $id")" 1 "  ... version 1"

done_testing
