#!/bin/bash
# The audit screen at 80×24: an entry opens in full and scrolls to the end
# of a long change; a start date that does not exist is refused in Chinese.
. "$(dirname "$0")/../lib/screen.sh"

db=$(test_db)
psql_su -q -d "$db" -c "INSERT INTO core.tag (code, name, category)
	VALUES ('long_probe', repeat('很长的标签名称', 300) || ' END_OF_CHANGE', '测试')"
scr_start 80 24 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db"
scr_login demo_admin
await "主菜单" "logged in as the admin"
scr_keys 8
await "core.tag" "the audit screen lists the long change first"
scr_keys Enter
await "修改后" "Enter opens the entry in full"
screen=$(scr_capture)
contains "$screen" '"code": "long_probe"' "  ... a member of the change on a line of its own"
unlike "$screen" "END_OF_CHANGE" "  ... whose end is past the screen"
scr_keys End
await "END_OF_CHANGE" "End scrolls to the end of the change"
contains "$(scr_capture)" "共 " "  ... and the heading says which lines show"
scr_keys Home
await_gone "END_OF_CHANGE" "Home goes back to the top"
for i in $(seq 10); do scr_keys PgDn; done
await "END_OF_CHANGE" "PgDn pages down to the end too"
scr_keys F1
await "“审计记录”页的按键" "F1 shows the keys of the entry"
screen=$(scr_capture)
contains "$screen" "PgDn" "  ... paging"
contains "$screen" "End" "  ... and the end"
scr_keys Escape
await "END_OF_CHANGE" "Esc closes the help"
scr_keys Escape
await "起始日期" "Esc goes back to the list"

scr_keys f Tab Tab
scr_type "2026-02-30"
scr_keys Enter
await "日期或时间超出范围" "a start date that does not exist is refused in Chinese"
unlike "$(scr_capture)" "out of range" "  ... not in the server's English"
done_testing
