#!/bin/bash
# Issue 10, item 7: an admin may not change their own roles or unit (no
# self-grant of case data), and granting a role that sees case data needs a
# reason, kept in the audit log with who granted it. Through smcon and psql.
. "$(dirname "$0")/../lib/env.sh"

db=$(test_db)
run_db "$db" demo_admin user roles demo_admin --add supervisor --reason "自己看看"
is "$rc" 3 "user roles demo_admin --add supervisor, as demo_admin: refused (exit 3)"
like "$err" "不能调整自己的角色" "  ... saying so"
like "$(DB=$db psql_as demo_admin -c "SELECT api.user_roles('demo_admin', '{supervisor}', '{}', 'x')" 2>&1)" \
	"不能调整自己的角色" "  ... and through psql"
like "$(DB=$db psql_as demo_admin -c "SELECT api.user_roles('demo_admin', '{supervisor}', '{}')" 2>&1)" \
	"不能调整自己的角色" "  ... the old three-argument call too"
is "$(psql_su -At -d "$db" -c "SELECT core.login_roles('demo_admin')")" "{admin}" "  ... demo_admin holds admin only"
run_db "$db" demo_admin user org demo_admin LX
like "$err" "不能调整自己所属的机构" "an admin may not move themselves to another unit"

u=grant_$RANDOM
at_exit "sh '$ROOT/mk/pgcluster.sh' psql '$SMCON_TEST_PG' -d postgres -c 'DROP ROLE IF EXISTS $u'"
printf 'Grant2026xy\n' | PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db" \
	user add "$u" --name 葛兰 --employee-no LX0991 --org LX --roles analyst >/dev/null 2>&1
run_db "$db" demo_admin user roles "$u" --add handler
is "$rc" 1 "granting a case-data role without a reason is refused"
like "$err" "须写明理由" "  ... asking for the reason"
run_db "$db" demo_admin user roles "$u" --add handler --reason "调入投诉科，工单 2026-118"
is "$rc" 0 "with a reason it is granted"
is "$(psql_su -At -d "$db" -c "SELECT actor || '|' || (detail ->> 'reason') || '|' || (detail -> 'case_data_granted' ->> 0) FROM audit.log WHERE action = 'admin' AND detail ->> 'op' = 'user_roles' AND row_key ->> 'login' = '$u'")" \
	"demo_admin|调入投诉科，工单 2026-118|handler" "  ... and the audit log says who, why and which role"
DB=$db psql_as demo_admin -c "SELECT api.user_roles('$u', '{inspector}', '{}')" >/dev/null 2>&1
is "$(psql_su -At -d "$db" -c "SELECT detail ->> 'reason_missing' FROM audit.log WHERE action = 'admin' AND detail ->> 'op' = 'user_roles' AND row_key ->> 'login' = '$u' AND detail -> 'case_data_granted' ? 'inspector'")" \
	"true" "the older call without a reason (the console's form) is taken, and the audit row says the reason is missing"
run_db "$db" demo_admin user roles "$u" --remove analyst
is "$rc" 0 "removing a role needs no reason"
done_testing
