#!/bin/bash
# Issue 10, item 10: where a role may not read a tab's records at all
# (row-level security gives it none), the profile says 无权查看 on the tab
# and in it, not (0) as if the entity had none; a role that may read them
# sees the count. F2 turns the profile's column headers to English at once.
. "$(dirname "$0")/../lib/screen.sh"

DB=$(test_db empty) || { fail "an empty copy of the test warehouse"; done_testing; exit; }
psql_su -d "$DB" -q -1 -v ON_ERROR_STOP=1 -f "$ROOT/tests/data/entity-fixtures.sql" >/dev/null
is "$?" 0 "the entity fixtures load"

# profile USER: the console logged in as USER, on the profile of 91320213MA1XHD015B
profile() {
	scr_start 100 30 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$DB"
	scr_login "$1"
	scr_wait "主菜单" && scr_keys 1 && scr_wait "查找："
	scr_type "91320213MA1XHD015B"
	scr_wait "无锡红豆纺织科技有限公司" && scr_keys Enter
	scr_wait "统一社会信用代码"
}

profile demo_dispatcher
await "投诉举报(无权查看)" "a dispatcher's profile: the complaints tab says 无权查看"
await "处罚(无权查看)" "  ... so do the penalties"
unlike "$(scr_capture)" "投诉举报\(0\)" "  ... never (0)"
await "特种设备(1)" "  ... while the elevators, the dispatcher's business, are counted"
for i in 1 2 3 4 5; do scr_keys Right; done
await "无权查看：您的角色不能查看这类记录" "inside the complaints tab, the reason"
unlike "$(scr_capture)" "（无记录）" "  ... not 'no records'"


profile demo_clerk_lx
await "投诉举报(1)" "a clerk of the handling unit counts the complaint"
await "检查(无权查看)" "  ... but not the inspection tasks"

# F2 switches the language of everything at once, column headers included
scr_keys Right
scr_until "the registration tab's table" 5 eval 'scr_capture | grep -qE "日期 +类别"'
_tap_result $? "Right: a tab's table under Chinese column headers"
scr_keys F2
scr_until "English column headers" 5 eval 'scr_capture | grep -qE "date +category"'
_tap_result $? "  ... F2: the headers are English at once, without leaving the screen"
scr_keys F2

done_testing
