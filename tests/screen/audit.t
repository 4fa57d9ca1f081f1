#!/bin/bash
# The audit screen: newest first, a filter by user, an entry's details, the
# chain checked; not offered to a clerk.
. "$(dirname "$0")/../lib/screen.sh"

db=$(test_db)
psql_su -q -d "$db" -c "INSERT INTO core.tag (code, name, category) VALUES ('screen_probe', '屏幕测试标签', '测试')"
scr_start 100 30 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db"
scr_login demo_admin
await "主菜单" "logged in as the admin"
scr_keys 8
await "screen_probe" "the audit screen opens with the newest entries"
first=$(scr_capture | grep -E '^ +[0-9]+ 20' | head -1)
contains "$first" "core.tag" "  ... the newest first"
contains "$first" "postgres" "  ... with who did it"
scr_keys Enter
await "修改后" "Enter shows the selected entry's values"
contains "$(scr_capture)" '"name": "屏幕测试标签"' "  ... as they were written"
scr_keys Escape
await "起始日期" "Esc goes back to the list"
scr_keys f
scr_type "demo_admin"
scr_keys Enter
await "没有符合条件的审计记录" "a filter by user applies (the admin has done nothing yet)"
scr_keys f C-u Enter
await "screen_probe" "clearing it shows everything again"
scr_keys v
await "审计哈希链完整" "v verifies the chain"
scr_keys Escape
await "查找市场主体" "Esc goes back to the menu"
scr_keys Escape
scr_wait "退出登录？"
scr_keys y
await "用户名" "logged out"
scr_login demo_clerk_lx
await "主菜单" "a clerk logs in"
unlike "$(scr_capture)" "审计日志" "  ... and is not offered the audit log"
# F1 after 8 shows the help of the screen 8 left the clerk on: the menu's
scr_keys 8 F1
await "“主菜单”页的按键" "  ... nor opens it with its key (the menu stays)"
unlike "$(scr_capture)" "screen_probe" "  ... nor shows its entries"
done_testing
