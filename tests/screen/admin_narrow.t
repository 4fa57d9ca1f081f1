#!/bin/bash
# The admin screens as a daily tool at the smallest terminal (80×24): the
# account list keeps its roles column, the audit list its content column.
. "$(dirname "$0")/../lib/screen.sh"

db=$(test_db)
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

scr_keys Escape
await "查找市场主体" "Esc goes back to the menu"
scr_keys 8
scr_until "audit entries" 10 eval 'scr_capture | grep -qE "^ +[0-9]+ 20|^ 20[0-9][0-9]-"'
head=$(scr_capture | grep "操作人")
contains "$head" "内容" "at 80×24 the audit list keeps the content column"
contains "$head" "时间" "  ... and the time"
contains "$(scr_capture)" "core.inspection_res" "  ... beside the long table name"
done_testing
