#!/bin/bash
# The 12315 desk in the console: intake with a duplicate warning and a merge;
# an item accepted, mediated to an agreement, the parties told, closed; a
# handler's queue that shows another handler's new item without a key
# press (LISTEN/NOTIFY through the live list). The clock is pinned.
. "$(dirname "$0")/../lib/screen.sh"

db=$(test_db empty)
psql_su -d "$db" -q -1 -v ON_ERROR_STOP=1 -f "$ROOT/tests/data/entity-fixtures.sql" >/dev/null
psql_su -d "$db" -qc "UPDATE meta.test_clock SET enabled = true"
export PGOPTIONS="-c smcon.now=2026-12-07T10:00:00+08"
SCR_ENV="PGOPTIONS=-csmcon.now=2026-12-07T10:00:00+08"
LX=91320213MA1XHD015B
run_db "$db" demo_clerk_lx complaint new --name 周海燕 --phone 13861234567 --address 梁溪区中山路8号 --uscc $LX \
	--request 退货 --facts 电池三天后无法充电
first=$(printf '%s' "$out" | grep -o 'SM[0-9]*' | head -1)
is "$rc" 0 "a complaint is registered in command mode ($first)"

scr_start 110 32 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db"
scr_login demo_handler_lx
await "主菜单" "a handler logs in"
scr_keys 2
await "$first" "2 opens the 12315 desk: the unit's queue lists the complaint"
contains "$(scr_capture)" "全部 2" "  ... with the counts of the views"
contains "$(scr_capture)" "正常" "  ... and a band marker that needs no colour"

# intake: the same phone and respondent again
scr_keys n
await "登记（F5" "n opens the intake form"
scr_keys Tab Tab Tab
scr_type 周海燕; scr_keys Tab
scr_type 13861234567; scr_keys Tab
scr_type 梁溪区中山路8号; scr_keys Tab
scr_type $LX; scr_keys Tab Tab Tab
scr_type 退货; scr_keys Tab
scr_type 又坏了; scr_keys Enter
await "可能与下列事项重复" "intake warns of a duplicate"
await "同一电话、同一被投诉人" "  ... and lists it with the reason"
contains "$(scr_capture)" "$first" "  ... naming the earlier complaint"
second=$(scr_capture | grep -o 'SM[0-9]*' | head -1)
scr_keys m
await "已并入 $first" "m merges the new one into the earlier"
is "$(psql_su -d "$db" -Atc "SELECT status FROM rights.complaint WHERE complaint_no = '$second'")" merged \
	"  ... in the database too"

# accept → mediate → agreement → notify → close
scr_keys Home Enter
await "投诉 $first" "Enter opens the item"
await "剩余 7 个工作日" "  ... with its clock's working days left"
contains "$(scr_capture)" "第十四条" "  ... and its article"
contains "$(scr_keyline)" "y 受理" "the key line offers accepting"
keyline_lacks "c 办结" "  ... not closing"
scr_keys y
await "说明" "y asks for a note"
scr_keys Enter
await "投诉 $first  已受理" "the complaint is accepted"
await "剩余 45 个工作日" "  ... and the 45-day mediation clock runs"
scr_keys l
await "四十五个工作日内" "l shows the article's text"
scr_keys Escape
scr_keys m
await "说明" "m asks for a note"
scr_keys Enter
await "投诉 $first  调解中" "mediation starts"
scr_keys g
await "调解协议" "g asks for the agreement"
scr_type 退款300元; scr_keys Tab
scr_type 300; scr_keys Tab Enter
await "投诉 $first  达成调解协议" "the agreement is recorded"
scr_keys N
await "说明" "N asks for a note"
scr_keys Enter
await "告知双方 → 达成调解协议" "the parties are told: it is on the timeline"
await "c 办结" "  ... and now it can be closed"
scr_keys c
await "说明" "c asks for a note"
scr_keys Enter
await "投诉 $first  办结" "the complaint is closed"
is "$(psql_su -d "$db" -Atc "SELECT status || ' ' || recovered_amount FROM rights.complaint WHERE complaint_no = '$first'")" \
	"closed 300.00" "  ... in the database"

# live: another handler registers; this queue shows it without a key press
scr_keys Escape
await "全部 1" "back on the queue, only the fixtures' complaint is open"
run_db "$db" demo_supervisor_lx complaint new --name 王五 --phone 13900001111 --address 梁溪区学前街 --uscc $LX \
	--request 赔偿 --facts 服务差
third=$(printf '%s' "$out" | grep -o 'SM[0-9]*' | head -1)
is "$rc" 0 "another operator registers a complaint ($third)"
await "$third" "the queue shows it without a key press"
await "全部 2" "  ... and counts it (with the fixtures' registered one)"
done_testing
