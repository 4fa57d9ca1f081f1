#!/bin/bash
# Accounts through command mode: an admin adds, lists, suspends, resumes,
# re-passwords, re-roles and moves operators without being a superuser; the
# exit codes say what went wrong; passwords never appear anywhere.
. "$(dirname "$0")/../lib/env.sh"

db=$(test_db)
adm() { run_db "$db" demo_admin "$@"; }
u=adm_$RANDOM # roles are cluster-wide: a name of our own
at_exit "sh '$ROOT/mk/pgcluster.sh' psql '$SMCON_TEST_PG' -d postgres -c 'DROP ROLE IF EXISTS $u, ${u}x, ${u}y, ${u}z'"

out=$(printf 'Qingming2026\n' | PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db" \
	user add "$u" --name 王小明 --employee-no LX0777 --org LX01 --roles clerk,inspector --credential-no 3202130777 \
	--phone 0510-82711777 2>&1)
is "$?" 0 "an admin adds an account, the password read from standard input"
contains "$out" "已新建账号 $u（王小明，LX01）" "  ... and says so"
adm user list --org LX --format csv
like "$out" "^$u,王小明,LX0777,3202130777,0510-82711777,LX01,崇安寺所,active,\"clerk,inspector\",t" \
	"user list --org LX shows it among 梁溪's staff, below the district bureau"
adm user list --org JY --format csv
unlike "$out" "$u" "  ... and not among 江阴's"
is "$(PASSWORD=Qingming2026 DB=$db psql_as "$u" -c "SELECT login || ' ' || org_code FROM api.whoami()")" "$u LX01" \
	"the new account logs in with psql, with its org unit"
unlike "$(psql_su -At -d "$db" -c "SELECT coalesce(string_agg(detail::text || coalesce(new_values::text, ''), ' '), '') FROM audit.log")" \
	"Qingming2026" "the password is nowhere in the audit log"
is "$(psql_su -At -d "$db" -c "SELECT rolpassword LIKE 'SCRAM-SHA-256\$%' FROM pg_authid WHERE rolname = '$u'")" t \
	"  ... and stored as SCRAM-SHA-256"
is "$(psql_su -At -d "$db" -c "SELECT detail ->> 'op' FROM audit.log WHERE action = 'admin' AND actor = 'demo_admin' ORDER BY id DESC LIMIT 1")" \
	"user_add" "the admin action is in the audit log, under the admin's name"

printf 'Qingming2026\n' | PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db" \
	user add "$u" --name 王小明 --employee-no LX0778 --org LX01 --roles clerk >/dev/null 2>&1
is "$?" 5 "adding it again is a conflict (exit 5)"
printf 'Qingming2026\n' | PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db" \
	user add "${u}x" --name 王小明 --employee-no LX0779 --org ZZ99 --roles clerk >/dev/null 2>&1
is "$?" 4 "an unknown org unit is not found (exit 4)"
out=$(printf 'short1\n' | PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db" \
	user add "${u}y" --name 王小明 --employee-no LX0780 --org LX --roles clerk 2>&1)
like "$out" "密码至少 8 个字符" "a short password is refused with the rule"
out=$(printf 'x%syabc123\n' "$u" | PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db" \
	user add "${u}y" --name 王小明 --employee-no LX0780 --org LX --roles clerk 2>&1)
like "$out" "不得包含登录名" "  ... and one containing the login"
is "$(psql_su -At -d postgres -c "SELECT count(*) FROM pg_roles WHERE rolname = '${u}y'")" 0 "  ... and no role is left behind"
out=$(printf 'Qingming2026\n' | PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db" \
	user add "${u}y" --name 王小明 --employee-no LX0780 --org LX --roles clerk,wizard 2>&1)
like "$out" "没有角色“wizard”" "an unknown role is named"
out=$(PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db" \
	user add "${u}y" --name 王小明 --org LX --roles clerk 2>&1 </dev/null)
like "$out" "缺少选项 --employee-no" "a missing option is named"
out=$(printf 'Qingming2026\n' | PGUSER=demo_clerk_lx PGPASSWORD=demo "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db" \
	user add "${u}z" --name 王小明 --employee-no LX0781 --org LX --roles admin 2>&1)
is "$?" 3 "a clerk may not add accounts (exit 3)"
contains "$out" "需要以下角色之一：系统管理员" "  ... and is told which role it takes"
printf 'user list\n' >"$SCRATCH/script"
out=$(printf 'Qingming2026\n' | PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db" \
	-f "$SCRATCH/script" 2>&1)
is "$?" 0 "a script may list accounts"

adm user roles "$u" --add handler --remove inspector --reason "调入投诉科" --format csv
contains "$out" "$u,\"clerk,handler\",登记查询员、投诉举报处理员" "user roles adds and removes roles and shows the result"
adm user roles "$u" --remove clerk,handler
is "$rc" 1 "an account keeps at least one role"
adm user roles demo_admin --remove admin
like "$err" "不能调整自己的角色" "an admin cannot drop its own admin role"
adm user org "$u" JY01
is "$rc" 0 "user org moves the account"
is "$(PASSWORD=Qingming2026 DB=$db psql_as "$u" -c "SELECT org_code FROM api.whoami()")" "JY01" \
	"  ... and its scope follows"

adm user suspend "$u"
is "$rc" 0 "user suspend"
out=$(PGUSER=$u PGPASSWORD=Qingming2026 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db" whoami 2>&1)
is "$?" 3 "a suspended account cannot log in"
contains "$out" "账号 $u 已被停用" "  ... and the console says it is suspended"
adm user suspend "$u"
is "$rc" 5 "suspending it again is a conflict"
adm user suspend demo_admin
like "$err" "不能停用自己的账号" "an admin cannot suspend itself"
adm user resume "$u"
is "$rc" 0 "user resume"
printf 'Chunjie2027x\n' | PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db" \
	user passwd "$u" >/dev/null 2>&1
is "$?" 0 "user passwd resets the password"
is "$(PASSWORD=Chunjie2027x DB=$db psql_as "$u" -c "SELECT 1")" 1 "  ... the new one works"
like "$(PASSWORD=Qingming2026 DB=$db psql_as "$u" -c "SELECT 1" 2>&1)" "password authentication failed" \
	"  ... the old one does not"
is "$(psql_su -At -d "$db" -c "SELECT string_agg(detail ->> 'op', ',' ORDER BY id) FROM audit.log WHERE action = 'admin' AND row_key ->> 'login' = '$u'")" \
	"user_add,user_roles,user_org,user_suspend,user_resume,user_passwd" "every admin action on it is audited, in order"
adm user suspend nobody_here
is "$rc" 4 "an unknown account is not found (exit 4)"

adm org tree --format csv
like "$out" "^LX01,梁溪区市场监督管理局崇安寺市场监管所,station,LX,[0-9]+,[0-9]+" "org tree lists the stations under their district"
run_db "$db" demo_clerk_lx org tree
is "$rc" 0 "every operator may see the org tree"
run_db "$db" demo_clerk_lx user list
is "$rc" 3 "  ... but not the accounts"
done_testing
