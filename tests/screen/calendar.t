#!/bin/bash
# The work calendar on screen: from 1 November, while next year's holidays are
# not loaded, admins and supervisors see it in the status line (clerks do
# not); a complaint registered in late December says its deadline is 暂定.
. "$(dirname "$0")/../lib/screen.sh"

DB=$(test_db) || { fail "a copy of the test warehouse"; done_testing; exit; }
psql_su -d "$DB" -qc "UPDATE meta.test_clock SET enabled = true"
# console COLS ROWS USER NOW: logged in as USER with the warehouse's clock at NOW
console() {
	SCR_ENV="PGOPTIONS=-csmcon.now=$4" scr_start "$1" "$2" "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$DB"
	scr_login "$3"
	scr_wait "主菜单"
}
status_line() { scr_capture | tail -1; }

console 100 30 demo_admin 2026-11-02T09:00:00+08
await "2027年日历未载入·期限暂定" "from 1 November an admin sees the calendar warning"
contains "$(status_line)" "2027年日历未载入·期限暂定" "  ... in the status line"
scr_keys F2
await "2027 calendar not loaded: provisional" "  ... in English after F2"
scr_keys F10
scr_wait "<<exited>>"

console 80 24 demo_supervisor_lx 2026-12-20T09:00:00+08
await "2027年日历未载入" "a district supervisor sees it too, at 80 columns"
scr_keys F10
scr_wait "<<exited>>"

console 100 30 demo_admin 2026-10-31T09:00:00+08
contains "$(status_line)" "已连接" "on 31 October the admin's status line is complete"
unlike "$(status_line)" "日历未载入" "  ... and has no calendar warning yet"
scr_keys F10
scr_wait "<<exited>>"

# a complaint handler on 2026-12-23: the warning is not theirs; the deadline is 暂定
code=$(psql_su -d "$DB" -Atc "SELECT uscc FROM core.entity WHERE status = 'active'
                              AND core.org_district(org_id) = (SELECT id FROM core.org_unit WHERE code = 'LX')
                              ORDER BY id LIMIT 1")
name=$(psql_su -d "$DB" -Atc "SELECT name FROM core.entity WHERE uscc = '$code'")
console 100 30 demo_handler_lx 2026-12-23T10:00:00+08
contains "$(status_line)" "已连接" "a complaint handler's status line is complete"
unlike "$(status_line)" "日历未载入" "  ... without the calendar warning (it is for admins and supervisors)"
scr_keys 1
scr_wait "查找："
scr_type "$code"
await "$name" "the handler finds an entity of 梁溪"
scr_keys Enter
await "n 登记投诉" "  ... opens its profile"
scr_keys n
await "F5 或 Ctrl-S 登记" "  ... and the complaint form"
for v in 周海燕 13861234567 无锡市梁溪区中山路8号 电动自行车 退货退款 电池三天后无法充电; do
	scr_type "$v"
	scr_keys Enter
done
await "须在 2027-01-04（暂定） 前决定" "registered on 2026-12-23: the deadline 2027-01-04 is marked 暂定"
scr_keys F10
scr_wait "<<exited>>"
done_testing
