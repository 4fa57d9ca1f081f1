#!/bin/bash
# The admin screens as a daily tool at the smallest terminal (80×24): the
# account list keeps its roles column and narrows as the admin types (demo_admin
# is ten pages down); roles are ticked by their Chinese names; the audit list
# keeps its content column.
. "$(dirname "$0")/../lib/screen.sh"

db=$(test_db)
# a clerk of its own: roles live in the cluster, shared by every test database
u=scr_$RANDOM
at_exit "sh '$ROOT/mk/pgcluster.sh' psql '$SMCON_TEST_PG' -d postgres -c 'DROP ROLE IF EXISTS $u'"
DB=$db psql_as demo_admin -c "SELECT api.user_add('$u', '钱多多', 'JY0999', 'JY01', '{clerk}', 'Qianduo2026', NULL, NULL)" >/dev/null
# an entry with a long actor and a long table name, the widest the list gets
who=audit_probe_with_a_long_login_$RANDOM
at_exit "sh '$ROOT/mk/pgcluster.sh' psql '$SMCON_TEST_PG' -d postgres -c 'DROP ROLE IF EXISTS $who'"
psql_su -q -d "$db" -c "CREATE ROLE $who SUPERUSER" -c "SET SESSION AUTHORIZATION $who" \
	-c "UPDATE core.inspection_result_code SET name = name || '（改）' WHERE code = (SELECT min(code) FROM core.inspection_result_code)"
scr_start 80 24 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db"
scr_login demo_admin
await "主菜单" "logged in as the admin"
scr_keys 7
await "账号（WX 及下属机构" "the admin screen opens on the whole city"
head=$(scr_capture | grep "登录名")
contains "$head" "角色" "at 80×24 the account list keeps the roles column"
contains "$head" "姓名" "  ... and the name"
unlike "$(scr_capture)" "demo_admin " "demo_admin is not among the first accounts (ten pages down)"

scr_keys /
scr_type "demo_ad"
await "WX 及下属机构，1 个" "typing after / narrows the accounts to one"
row=$(scr_capture | grep "demo_admin ")
contains "$row" "系统管理员" "  ... demo_admin, with its roles by name"
scr_keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace
scr_type "处理员"
scr_until "the handlers" 10 eval 'scr_capture | grep -q "demo_handler_lx "'
_tap_result $? "a role's Chinese name finds the accounts that hold it"
unlike "$(scr_capture)" "demo_admin " "  ... and no others"
scr_keys Escape
await "WX 及下属机构，507 个" "Esc clears the search: every account again"

scr_keys /
scr_type "$u"
await "WX 及下属机构，1 个" "a new account found by its login"
scr_keys Enter r
await "钱多多（$u）的角色" "r opens its roles form at 80×24"
screen=$(scr_capture)
contains "$screen" "[x] 登记查询员" "  ... its role ticked, by name"
contains "$screen" "[ ] 统计分析员" "  ... the others listed by name too"
scr_keys 6 Enter
await "已调整账号 $u 的角色" "ticking 统计分析员 (6) and Enter saves"
is "$(DB=$db psql_as demo_admin -c "SELECT array_to_string(roles, ',') FROM api.user_list() WHERE login = '$u'")" \
	"clerk,analyst" "  ... and the database has both roles"
await "登记查询员、统" "  ... which the list shows"
scr_keys Escape
await "查找市场主体" "Esc goes back to the menu"
scr_keys 8
scr_until "audit entries" 10 eval 'scr_capture | grep -qE "^ +[0-9]+ 20|^ 20[0-9][0-9]-"'
head=$(scr_capture | grep "操作人")
contains "$head" "内容" "at 80×24 the audit list keeps the content column"
contains "$head" "时间" "  ... and the time"
contains "$(scr_capture)" "core.inspection_res" "  ... beside the long table name"
done_testing
