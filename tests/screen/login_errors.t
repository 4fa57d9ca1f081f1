#!/bin/bash
# Each way a login fails gets its own message on the login screen; nothing crashes.
. "$(dirname "$0")/../lib/screen.sh"

psql_su -d smcon -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'nostaff_user') THEN CREATE ROLE nostaff_user LOGIN PASSWORD 'demo' IN ROLE smcon_clerk; END IF; END \$\$" >/dev/null

scr_start 80 24 "$SMCON" -C "$CONF"
scr_login demo_clerk_lx wrongpass
await "密码错误" "a wrong password says so"
contains "$(scr_capture)" "用户 demo_clerk_lx 的密码错误" "  ... naming the user"

scr_login ghost_user demo
await "不存在" "an unknown account says so"
contains "$(scr_capture)" "账号 ghost_user 不存在，或未开通控制台登录" "  ... naming the account"

scr_login nostaff_user demo
await "没有职员档案" "an account without a staff record is refused"
contains "$(scr_capture)" "用户名" "  ... and stays on the login screen"

scr_keys C-u
scr_type demo_clerk_lx
scr_keys Tab Enter
await "请输入密码" "an empty password is asked for"
scr_keys F10
scr_wait "<<exited>>"

scr_start 80 24 "$SMCON" -d "host=$SCRATCH/nowhere dbname=smcon"
scr_login demo_clerk_lx demo
await "无法连接数据库服务器" "a server that is down says so"
scr_keys F10
await "<<exited>>" "and the console still quits cleanly"
done_testing
