#!/bin/bash
# The admin screen: the org tree and its accounts; a new account through the
# form, suspend (with confirmation), resume, a new password, roles; the keys
# and the help follow the role.
. "$(dirname "$0")/../lib/screen.sh"

db=$(test_db empty)
u=scr_$RANDOM
at_exit "sh '$ROOT/mk/pgcluster.sh' psql '$SMCON_TEST_PG' -d postgres -c 'DROP ROLE IF EXISTS $u'"
scr_start 100 30 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db"
scr_login demo_admin
await "主菜单" "logged in as the admin"
contains "$(scr_capture)" "用户与权限" "the admin's menu offers accounts"
scr_keys 7
await "账号（WX 及下属机构" "the admin screen opens on the whole city"
# (the title is drawn before the list arrives: wait for the list)
await "demo_clerk_jy" "the accounts of every unit are listed"
contains "$(scr_capture)" "JY 江阴市局" "the org tree is on the left"
contains "$(scr_capture | tail -2 | head -1)" "a 新建" "the key line offers a new account"

scr_keys F1
await "按键" "F1 shows the screen's keys"
screen=$(scr_capture)
contains "$screen" "停用所选账号" "  ... suspend"
contains "$screen" "重设所选账号的密码" "  ... and password"
scr_keys Escape
await "账号（WX 及下属机构" "Esc closes the help"

for i in $(seq 22); do scr_keys Down; done   # WX BH… HS… JK… JY… LX LX01 LX02
await "账号（LX02 及下属机构，0 个）" "moving in the tree lists that unit's accounts (通江所: none)"
scr_keys a
await "在机构 LX02 新建账号" "a opens the new-account form for the selected unit"
scr_type "$u"; scr_keys Tab
scr_type "周晓"; scr_keys Tab
scr_type "LX0888"; scr_keys Tab Tab
scr_type "0510-82710888"; scr_keys Tab Tab
await "[ ] 登记查询员" "the roles are a list of their Chinese names"
scr_keys Space
await "[x] 登记查询员" "  ... Space ticks the one under the cursor"
scr_keys Tab
scr_type "Tongjiang2026"; scr_keys Tab
scr_type "Tongjiang2025"; scr_keys Enter
await "两次输入的 $u 的密码不一致" "different passwords are refused"
unlike "$(scr_capture)" "Tongjiang" "passwords are never shown"
scr_keys C-u
scr_type "Tongjiang2026"
scr_keys Enter
await "已新建账号 $u（周晓，LX02）" "the account is created"
await "账号（LX02 及下属机构，1 个）" "  ... and listed"
is "$(DB=$db psql_as demo_admin -c "SELECT org_code || ' ' || array_to_string(roles, ',') FROM api.user_list() WHERE login = '$u'")" \
	"LX02 clerk" "  ... in the database, with its role"

scr_keys Tab
await "周晓（$u）" "Tab moves to the accounts; the selected one is described below"
scr_keys s
await "停用 周晓（$u）的账号？按 y 确认" "s asks for confirmation"
scr_keys n
await_gone "按 y 确认" "any other key cancels"
is "$(DB=$db psql_as demo_admin -c "SELECT status FROM api.user_list('LX02')")" "active" "  ... and nothing happened"
scr_keys s
await "按 y 确认" "asked again"
scr_keys y
await "已停用账号 $u" "y suspends"
await "停用" "  ... the list shows it"
scr_keys u
await "已恢复账号 $u" "u resumes it"

scr_keys p
await "重设 周晓（$u）的密码" "p opens the password form"
scr_type "Xinmima2026"; scr_keys Tab
scr_type "Xinmima2026"; scr_keys F5
await "已重设账号 $u 的密码" "F5 saves the new password"
is "$(PASSWORD=Xinmima2026 DB=$db psql_as "$u" -c "SELECT 1")" 1 "  ... which works"

scr_keys r
await "周晓（$u）的角色" "r opens the roles form"
contains "$(scr_capture)" "[x] 登记查询员" "  ... the account's roles ticked"
scr_keys 3
await "[x] 投诉举报处理员" "  ... a number ticks another"
scr_keys Enter
await "已调整账号 $u 的角色" "the roles are saved"
await "登记查询员、投诉举报处理员" "  ... and listed"
is "$(DB=$db psql_as demo_admin -c "SELECT array_to_string(roles, ',') FROM api.user_list() WHERE login = '$u'")" \
	"clerk,handler" "  ... in the database too"
scr_keys Escape
await "查找市场主体" "Esc goes back to the menu"
done_testing
