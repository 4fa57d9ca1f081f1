#!/bin/bash
# Issue 10, item 8 (second part): exports and report runs are in the audit
# log where a rollback cannot undo them. A report run records itself in
# api.report_open (console, cron and psql alike, inside a READ ONLY
# transaction); every file of warehouse data the console writes is recorded
# with api.audit_note before it is written. A login can only record what it
# did itself. (A run on a standby: tests/cmd/failover.t.)
. "$(dirname "$0")/../lib/env.sh"

before=$(psql_su -At -d smcon -c "SELECT coalesce(max(id), 0) FROM audit.log")
# rows ACTOR OP [SQL]: audit rows since the start of this test
rows() { psql_su -At -d smcon -c "SELECT count(*) FROM audit.log WHERE id > $before AND actor = '$1' AND action = 'note' AND detail ->> 'op' = '$2' $3"; }
has() { [ "$(rows "$@")" -ge 1 ]; }

run demo_supervisor report run complaint --period 2026-10 --format csv
is "$rc" 0 "a supervisor runs the complaint report"
wait_until 10 has demo_supervisor report_run "AND detail ->> 'report' = 'complaint'"
is "$(rows demo_supervisor report_run "AND detail ->> 'report' = 'complaint' AND detail ->> 'from' = '2026-10-01' AND detail ->> 'to' = '2026-10-31' AND table_name = 'meta.report'")" 1 \
	"  ... the run is in the audit log: which report, for which period"

out=$(psql_as demo_analyst -c "BEGIN READ ONLY" -c "SELECT org_code IS NOT NULL OR true FROM api.report_open('entity', '2026-09-01', '2026-09-30')" -c "ROLLBACK" 2>&1)
like "$out" "^t$" "an analyst opens a report in psql and rolls back"
wait_until 10 has demo_analyst report_run "AND detail ->> 'report' = 'entity' AND detail ->> 'from' = '2026-09-01'"
is "$(rows demo_analyst report_run "AND detail ->> 'report' = 'entity' AND detail ->> 'from' = '2026-09-01'")" 1 \
	"  ... the run is recorded all the same"

dir="$SCRATCH/out"
run demo_supervisor report run complaint --period 2026-10 --format xlsx -o "$dir"
is "$rc" 0 "a report exported to a file"
wait_until 10 has demo_supervisor export "AND detail ->> 'what' = 'report'"
is "$(rows demo_supervisor export "AND detail ->> 'what' = 'report' AND detail ->> 'key' = 'complaint' AND detail ->> 'file' = '$dir' AND detail ->> 'format' = 'xlsx'")" 1 \
	"  ... the export is recorded: the report, where it went, as what"

code=$(psql_su -At -d smcon -c "SELECT e.uscc FROM core.entity e ORDER BY e.id LIMIT 1")
run demo_clerk_lx entity export "$code" --output "$SCRATCH/profile.txt"
is "$rc" 0 "a clerk exports a profile to a file"
wait_until 10 has demo_clerk_lx export "AND detail ->> 'key' = '$code'"
is "$(rows demo_clerk_lx export "AND detail ->> 'what' = 'entity_profile' AND detail ->> 'key' = '$code' AND detail ->> 'file' = '$SCRATCH/profile.txt'")" 1 \
	"  ... recorded: whose profile, to which file"
run demo_clerk_lx entity export "$code"
wait_until 10 has demo_clerk_lx export "AND detail ->> 'key' = '$code' AND detail ->> 'file' = '-'"
is "$(rows demo_clerk_lx export "AND detail ->> 'key' = '$code' AND detail ->> 'file' = '-'")" 1 \
	"  ... and to standard output too"

like "$(psql_as demo_clerk_lx -c "SELECT api.audit_note('admin', '{}')" 2>&1)" "只能是 export 或 report_run" \
	"api.audit_note records exports and report runs, nothing else"
like "$(psql_as demo_clerk_lx -c "SELECT api.audit_note('export', to_jsonb(repeat('x', 5000)))" 2>&1)" "JSON 对象" \
	"  ... with a small JSON object"
psql_as demo_clerk_lx -c "SELECT api.audit_note('export', '{\"what\": \"by hand\"}')" >/dev/null
wait_until 10 has demo_clerk_lx export "AND detail ->> 'what' = 'by hand'"
is "$(psql_su -At -d smcon -c "SELECT string_agg(DISTINCT actor, ',') FROM audit.log WHERE id > $before AND detail ->> 'what' = 'by hand'")" \
	demo_clerk_lx "  ... whose actor is the caller's own login, whatever the detail says"
like "$(psql_as demo_clerk_lx -c "SELECT core.audit_event('export', NULL, NULL, '{}')" 2>&1)" "permission denied" \
	"the event function itself is not the staff's to call"

out=$(PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -C "$CONF" audit log --user demo_supervisor --format csv 2>&1)
like "$out" "report_run" "smcon audit log shows the report runs"
done_testing
