# The key walk's set-up (tests/screen/keywalk.t): a copy of the test
# warehouse with what the recipes of tests/screen/keywalk.tsv need, then
# tests/lib/keywalk.py over the screens named. Usage: keywalk SCREEN...
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

# keywalk_setup: KW_DB, a copy of the test warehouse, and the KW_* fixtures
# the recipes name.
keywalk_setup() {
	local db q
	db=$(test_db) || { fail "a copy of the test warehouse"; return 1; }
	KW_DB=$db
	q() { psql_su -d "$db" -AtX -v ON_ERROR_STOP=1 -c "$1"; }
	export KW_USCC KW_ELEV_USCC KW_RESCUE_CODE KW_NEWUSER
	KW_USCC=$(q "SELECT e.uscc FROM core.entity e JOIN core.org_unit o ON o.id = e.org_id
	             WHERE o.code LIKE 'LX%' AND e.status = 'active' ORDER BY e.id LIMIT 1")
	KW_ELEV_USCC=$(q "SELECT e.uscc FROM core.entity e JOIN core.org_unit o ON o.id = e.org_id
	                  WHERE o.code LIKE 'LX%' AND EXISTS (SELECT 1 FROM equipment.elevator v WHERE v.entity_id = e.id)
	                  ORDER BY e.id LIMIT 1")
	local codes
	codes=($(q "SELECT rescue_code FROM equipment.elevator e WHERE status = 'in_use'
	            AND maintenance_entity_id IS NOT NULL AND rescue_code IS NOT NULL ORDER BY id LIMIT 2"))
	KW_RESCUE_CODE=${codes[0]}
	# an open incident dispatched 8 minutes ago, unacknowledged: it has an
	# escalation proposal (the board's and the incident's decline)
	q "UPDATE meta.test_clock SET enabled = true" >/dev/null
	local ago id
	ago=$(q "SELECT to_char(now() - interval '8 minutes', 'YYYY-MM-DD\"T\"HH24:MI:SSOF')")
	id=$(DB=$db PGOPTIONS="-c smcon.now=$ago" psql_as demo_dispatcher \
		-c "SELECT id FROM api.rescue_new('${codes[1]}', '13912345678', 1)")
	DB=$db PGOPTIONS="-c smcon.now=$ago" psql_as demo_dispatcher -c "SELECT api.rescue_dispatch($id)" >/dev/null
	# a drawn plan whose tasks go to demo_inspector_lx and demo_inspector2_lx
	psql_su -d "$db" -q -v ON_ERROR_STOP=1 -f "$ROOT/tests/data/inspection-fixtures.sql" >/dev/null
	local plan
	plan=$(DB=$db psql_as demo_supervisor_lx -c "SELECT api.plan_create('键位巡查测试', 2027, '{TST-001}', '{LX}',
	       'A:10,B:10,C:10,D:10', '2027-01-04', '2027-01-29')")
	DB=$db psql_as demo_supervisor_lx -c "SELECT api.plan_file('$plan')" >/dev/null
	DB=$db psql_as demo_supervisor_lx -c "SELECT drawn FROM api.plan_draw('$plan', '体彩 2026060 期 02 11 17 24 30', '公证员 王平')" >/dev/null
	# a draft of each kind, each reopened from its owner's drafts list (the
	# supervisor's is the one the drafts list's own walk may discard)
	local task
	task=$(q "SELECT t.task_no FROM supervision.inspection_task t JOIN supervision.task_inspector ti ON ti.task_id = t.id
	          JOIN core.staff s ON s.id = ti.staff_id WHERE s.login = 'demo_inspector_lx' ORDER BY t.id LIMIT 1")
	draft() { DB=$db psql_as "$1" -c "SELECT api.draft_save('$2', '$3', '$4'::jsonb, '$5')" >/dev/null; }
	draft demo_clerk_lx complaint "$KW_USCC" '{"complainant_name": "周海燕", "facts": "买到的电水壶漏电"}' 周海燕的投诉
	# two of those whose F5 and ^S each register one
	local i
	for i in 1 2; do
		draft demo_handler_lx desk_intake "kw-$i" '{"complainant_name": "陈晓东", "request": "退款"}' 陈晓东的投诉
		draft demo_dispatcher rescue "kw-$i" '{"code": "'"$KW_RESCUE_CODE"'", "phone": "13912345678"}' 困人报警草稿
	done
	draft demo_inspector_lx inspection_result "$task" '{"finding": "公示信息与登记一致"}' 公示信息检查结果
	draft demo_supervisor complaint "$KW_USCC" '{"complainant_name": "王建国"}' 王建国的投诉
	# an account whose first password the admin set: its login asks for a new one
	KW_NEWUSER=kw_$RANDOM
	at_exit "sh '$ROOT/mk/pgcluster.sh' psql '$SMCON_TEST_PG' -d postgres -c 'DROP ROLE IF EXISTS $KW_NEWUSER'"
	printf 'Admin-set-2026\n' | PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db" \
		user add "$KW_NEWUSER" --name 钱多多 --employee-no LX0557 --org LX --roles clerk >/dev/null
	KW_NEWUSER="$KW_NEWUSER:Admin-set-2026"
	isnt "$KW_USCC:$KW_ELEV_USCC:$KW_RESCUE_CODE:$id:$plan:$task" "" \
		"the fixtures: entities, an elevator, an incident, a plan and its task"
}

keywalk() {
	keywalk_setup || return 1
	local state="$SCRATCH/keywalk.counts" n failed
	KEYWALK_TAP_FROM=$((_tap_n + 1)) KEYWALK_TAP_STATE=$state python3 "$ROOT/tests/lib/keywalk.py" \
		"$SMCON" "host=$SMCON_TEST_PG/run dbname=$KW_DB" "$ROOT/tests/screen/keywalk.tsv" "$@"
	if ! read -r n failed <"$state"; then
		fail "the key walk ran to its end"
		return 1
	fi
	_tap_n=$((_tap_n + n))
	_tap_failed=$((_tap_failed + failed))
}
