#!/bin/bash
# The permission matrix (tests/data/permissions.tsv) and the data scope, as
# the operators themselves: each demo user logs in with its own password and
# runs tests/perm/matrix.sql under pg_prove — every table, privilege and api
# function tried for real, the rows seen compared with the scope — on a copy
# of the warehouse holding tests/perm/fixtures.sql. Then named cases.
. "$(dirname "$0")/../lib/env.sh"

db=$(test_db)
psql_su -d "$db" -f "$ROOT/tests/perm/fixtures.sql" >"$SCRATCH/fixtures.log" 2>&1 ||
	{ fail "the fixtures load"; diag "$(cat "$SCRATCH/fixtures.log")"; done_testing; }

for who in demo_clerk_lx:clerk demo_clerk_jy:clerk demo_inspector_lx:inspector demo_handler_lx:handler \
	demo_dispatcher:dispatcher demo_supervisor:supervisor demo_supervisor_lx:supervisor \
	demo_analyst:analyst demo_admin:admin; do
	user=${who%%:*} role=${who##*:}
	out=$(cd "$ROOT" && PGPASSWORD=demo PGOPTIONS="-c search_path=pgtap,public" pg_prove --nocolor \
		-h "$SMCON_TEST_PG/run" -U "$user" -d "$db" -S role="$role" tests/perm/matrix.sql 2>&1)
	if [ $? -eq 0 ]; then pass "$user ($role) meets the permission matrix"; else
		fail "$user ($role) meets the permission matrix"
		diag "$(printf '%s\n' "$out" | grep -E '^#|not ok' | head -40)"
	fi
done

# named cases of the issue
q() { DB=$db psql_as "$@" 2>&1; }
is "$(q demo_clerk_lx -c "SELECT count(*) FROM rights.complaint WHERE complaint_no LIKE 'PF-TS-JY%'")" 0 \
	"a 梁溪 clerk sees no 江阴 complaints"
is "$(q demo_clerk_lx -c "SELECT string_agg(complaint_no, ',' ORDER BY complaint_no) FROM rights.complaint WHERE complaint_no LIKE 'PF-%'")" \
	"PF-TS-LX-1,PF-TS-LX-2,PF-TS-LX01-1" "  ... and sees those of 梁溪区局 and its stations"
is "$(q demo_clerk_jy -c "SELECT string_agg(complaint_no, ',') FROM rights.complaint WHERE complaint_no LIKE 'PF-%'")" \
	"PF-TS-JY-1" "a 江阴 clerk sees only 江阴's"
is "$(q demo_inspector_lx -c "SELECT string_agg(task_no, ',' ORDER BY task_no) FROM supervision.inspection_task WHERE task_no LIKE 'PF-%'")" \
	"PF-PLAN-LX-T1" "a 崇安寺所 inspector sees the tasks of its district's plan, not another station's or 江阴's"
is "$(q demo_dispatcher -c "SELECT count(*) FROM rights.rescue_incident WHERE incident_no LIKE 'PF-%'")" 3 \
	"a dispatcher sees every 96333 incident, an unidentified one included"
is "$(q demo_dispatcher -c "SELECT count(*) FROM rights.complaint WHERE complaint_no LIKE 'PF-%'")" 0 \
	"  ... and no complaints, though at the city bureau"
is "$(q demo_inspector_lx -c "SELECT string_agg(incident_no, ',') FROM rights.rescue_incident WHERE incident_no LIKE 'PF-%'")" \
	"PF-96333-LX-1" "an inspector sees the incidents of its district only"
is "$(q demo_analyst -c "SELECT count(*) FROM rights.complaint WHERE complaint_no LIKE 'PF-%'")" 4 \
	"an analyst sees every complaint"
is "$(q demo_analyst -c "SELECT complainant_phone_masked FROM rights.complaint WHERE complaint_no = 'PF-TS-LX-1'")" \
	"139****2345" "  ... with the complainant's phone masked"
like "$(q demo_analyst -c "SELECT complainant_phone FROM rights.complaint LIMIT 1")" "permission denied" \
	"  ... and never the raw phone"
is "$(q demo_admin -c "SELECT count(*) FROM rights.complaint")" 0 "an admin sees no case data"

# unmasked personal data: only through api.personal(), by the right unit, audited
report=$(psql_su -At -d "$db" -c "SELECT id FROM rights.report WHERE report_no = 'PF-JB-LX-1'")
complaint=$(psql_su -At -d "$db" -c "SELECT id FROM rights.complaint WHERE complaint_no = 'PF-TS-LX-1'")
reveal() { q "$1" -c "SELECT value FROM api.personal('$2', $3) WHERE column_name = '$4'"; }
is "$(reveal demo_handler_lx rights.report "$report" reporter_name)" "王立新" \
	"the handling unit's handler sees the reporter's name (§33)"
is "$(reveal demo_supervisor_lx rights.report "$report" reporter_id_no)" "320282199001010034" \
	"  ... and so does the handling unit's supervisor"
like "$(reveal demo_supervisor rights.report "$report" reporter_name)" "无权查看" \
	"the city bureau's supervisor does not: it is not the handling unit"
like "$(reveal demo_handler_jy rights.report "$report" reporter_name)" "无权查看" "nor does 江阴's handler"
like "$(reveal demo_clerk_lx rights.report "$report" reporter_name)" "无权查看" "nor a clerk of the unit"
like "$(reveal demo_analyst rights.report "$report" reporter_name)" "无权查看" "nor an analyst"
is "$(reveal demo_clerk_lx rights.complaint "$complaint" complainant_phone)" "13951512345" \
	"a clerk of the handling unit sees the complainant's phone"
like "$(reveal demo_clerk_jy rights.complaint "$complaint" complainant_phone)" "无权查看" "  ... a 江阴 clerk does not"
like "$(reveal demo_clerk_lx rights.complaint 999999999 complainant_phone)" "42501|无权查看" "a record that does not exist gets the answer of one that is not yours (no probing of ids)"
like "$(reveal demo_clerk_lx core.staff 1 full_name)" "不是存有个人信息的表" "a table without personal data is refused"
is "$(psql_su -At -d "$db" -c "SELECT string_agg(actor || ' ' || table_name || ' ' || (row_key ->> 'id'), ',' ORDER BY id)
                               FROM audit.log WHERE action = 'read'")" \
	"demo_handler_lx rights.report $report,demo_supervisor_lx rights.report $report,demo_clerk_lx rights.complaint $complaint" \
	"every reveal, and only those that happened, is a read event in the audit log"
unlike "$(psql_su -At -d "$db" -c "SELECT detail::text FROM audit.log WHERE action = 'read'")" "王立新|13951512345" \
	"  ... which names the columns, not the values"
done_testing
