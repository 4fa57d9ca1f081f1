#!/bin/bash
# The supervisor's view of the 12315 desk (screens/complaint_supervise.c):
# open, near-due and overdue items by unit and handler, read without
# blocking when the screen opens and again, without a key press, when
# another operator registers an item (NOTIFY on the desk's channel).
. "$(dirname "$0")/../lib/screen.sh"

db=$(test_db empty)
psql_su -d "$db" -q -1 -v ON_ERROR_STOP=1 -f "$ROOT/tests/data/entity-fixtures.sql" >/dev/null
LX=91320213MA1XHD015B
run_db "$db" demo_clerk_lx complaint new --name 周海燕 --phone 13861234567 --address 梁溪区中山路8号 --uscc $LX \
	--request 退货 --facts 电池三天后无法充电
is "$rc" 0 "a complaint is registered in 梁溪"
# total - the unit's open items as api.desk_supervise counts them
total() { DB=$db psql_as demo_supervisor_lx -c "SELECT sum(total) FROM api.desk_supervise(NULL) WHERE org_name = '梁溪区局'"; }
before=$(total)

scr_start 110 30 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db"
scr_login demo_supervisor_lx
await "主菜单" "a supervisor logs in"
scr_keys 2
scr_wait "全部" 30 && scr_keys s
await "督办：各机构、各承办人" "s opens the supervisor's view"
# (the status line names the unit too: wait for the table's row, with a count)
scr_until "the 梁溪 row" 30 eval 'scr_capture | grep -v "(demo_" | grep -qE "梁溪区局 .* [0-9]+ "'
row=$(scr_capture | grep "梁溪区局" | head -1)
like "$row" "梁溪区局 .* $before " "  ... the unit's open items as the database counts them ($before)"

run_db "$db" demo_clerk_lx complaint new --name 王五 --phone 13900001111 --address 梁溪区学前街 --uscc $LX \
	--request 赔偿 --facts 服务差
is "$rc" 0 "another operator registers a second complaint"
after=$((before + 1))
scr_until "the count to change" 30 eval 'scr_capture | grep "梁溪区局" | head -1 | grep -q " $after "'
_tap_result $? "  ... the view counts it without a key press ($after)"
done_testing
