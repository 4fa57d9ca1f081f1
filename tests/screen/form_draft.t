#!/bin/bash
# Never lose typed input: Esc, F10 and Ctrl-C on a complaint form with
# something typed ask first and 否 keeps every character; the form keeps a
# draft on the server as it is typed, so that after a killed terminal the
# next login offers it again and reopens it with the text intact; a
# registered complaint takes its draft with it.
. "$(dirname "$0")/../lib/screen.sh"

DB=$(test_db empty) || { fail "an empty copy of the test warehouse"; done_testing; exit; }
psql_su -d "$DB" -q -1 -v ON_ERROR_STOP=1 -f "$ROOT/tests/data/entity-fixtures.sql" >/dev/null
is "$?" 0 "the entity fixtures load"
drafts() { psql_su -At -d "$DB" -c "SELECT count(*) FROM meta.draft WHERE owner_login = 'demo_handler_lx'"; }
draft_has() { psql_su -At -d "$DB" -c "SELECT vals::text FROM meta.draft WHERE owner_login = 'demo_handler_lx'" | grep -qF -- "$1"; }

# start COLS ROWS: the console as a complaint handler, logged in, on the main menu
start() {
	scr_start "$1" "$2" "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$DB"
	scr_login demo_handler_lx
	scr_wait "主菜单"
}

start 80 24
unlike "$(scr_capture)" "未完成的草稿" "no drafts yet: the menu says nothing about them"
scr_keys 1 && scr_wait "查找："
scr_type "91320213MA1XHD015B"
scr_wait "无锡红豆纺织科技有限公司"
scr_keys Enter
scr_wait "统一社会信用代码 91320213MA1XHD015B"
scr_keys n
await "投诉 无锡红豆纺织科技有限公司" "the complaint form at 80×24"
for l in 投诉人姓名 投诉人电话 投诉人地址 投诉事由 投诉请求 事实和理由; do
	contains "$(scr_capture)" "$l" "  ... shows $l"
done
is "$(colof "$(scr_line '投诉人姓名')" 投诉人姓名)" "$(colof "$(scr_line '事实和理由')" 事实和理由)" \
	"  ... labels of the same display width start in the same column"
contains "$(scr_line '投诉人姓名')" "*" "  ... required fields are marked"

scr_keys Escape
await_gone "投诉人姓名" "Esc on an untouched form leaves at once"
scr_keys n
scr_wait "投诉人姓名"

scr_type "周海燕"; scr_keys Tab
scr_type "13861234567"
scr_keys Escape
await "放弃已输入的内容？" "Esc with something typed asks before discarding"
contains "$(scr_capture)" "Y 是 · N 否" "  ... keyboard answers"
scr_keys n
await_gone "放弃已输入的内容？" "n answers"
contains "$(scr_line '投诉人姓名')" "周海燕" "  ... and the text stays"
contains "$(scr_line '投诉人电话')" "13861234567" "  ... all of it"
scr_keys F10
await "放弃已输入的内容并退出" "F10 asks too"
scr_keys n
await_gone "并退出" "  ... n stays"
scr_keys C-c
await "放弃已输入的内容并退出" "Ctrl-C asks too"
scr_keys Escape
await_gone "并退出" "  ... Esc is no"
unlike "$(scr_capture)" "<<exited>>" "  ... smcon still runs"
contains "$(scr_line '投诉人电话')" "13861234567" "  ... with the text"

scr_keys Tab
scr_type "无锡市梁溪区中山路8号"
scr_keys Tab
wait_until 10 draft_has "中山路8号"
_tap_result $? "leaving a field saves a draft on the server"
is "$(drafts)" 1 "  ... one draft"
scr_type "电动自行车"
wait_until 10 draft_has "电动自行车"
_tap_result $? "typing on saves it again within seconds, without leaving the field"

# the terminal is killed: nothing is asked, nothing more is saved
T kill-server
wait_until 10 eval '[ "$(psql_su -At -d "$DB" -c "SELECT count(*) FROM pg_stat_activity WHERE usename = '"'demo_handler_lx'"'")" = 0 ]'
is "$(drafts)" 1 "after a killed terminal the draft is still there"

start 80 24
await "您有 1 份未完成的草稿" "the next login offers the draft"
scr_keys d
await "投诉登记" "d lists the drafts"
contains "$(scr_capture)" "无锡红豆纺织科技有限公司" "  ... named by the entity"
scr_keys Enter
await "投诉 无锡红豆纺织科技有限公司" "Enter reopens it in the complaint form"
contains "$(scr_line '投诉人姓名')" "周海燕" "  ... with the name"
contains "$(scr_line '投诉人电话')" "13861234567" "  ... the phone"
contains "$(scr_line '投诉人地址')" "无锡市梁溪区中山路8号" "  ... the address"
contains "$(scr_line '投诉事由')" "电动自行车" "  ... and what was typed last"
scr_keys Tab Tab Tab Tab
scr_type "退货退款"; scr_keys Tab
scr_type "电池三天后无法充电"
scr_keys F5
await "已登记投诉 SM" "F5 registers it"
is "$(psql_su -At -d "$DB" -c "SELECT complainant_address || '|' || subject FROM rights.complaint WHERE source_system = 'smcon'")" \
	"无锡市梁溪区中山路8号|电动自行车" "  ... as typed before the terminal was killed"
is "$(drafts)" 0 "  ... and the draft is gone with it"

await "孙丽，您好" "  ... back on the menu"
unlike "$(scr_capture)" "未完成的草稿" "  ... which no longer mentions drafts"
# 是 discards the input and its draft
scr_keys 1 && scr_wait "查找："
scr_type "91320213MA1XHD015B"
scr_wait "无锡红豆纺织科技有限公司"
scr_keys Enter
scr_wait "统一社会信用代码 91320213MA1XHD015B"
scr_keys n
scr_wait "投诉人姓名"
scr_type "钱晓东"; scr_keys Tab
wait_until 10 eval '[ "$(drafts)" = 1 ]'
scr_keys Escape
scr_wait "放弃已输入的内容？"
scr_keys y
await_gone "投诉人姓名" "y discards and leaves"
is "$(drafts)" 0 "  ... the draft goes too"
scr_keys Escape
scr_wait "查找："
scr_keys Escape
scr_wait "主菜单"
scr_keys Escape
await "退出登录？" "Esc on the main menu asks before logging out"
scr_keys n
await "主菜单" "  ... n stays"
scr_keys F10
scr_wait "<<exited>>"
done_testing
