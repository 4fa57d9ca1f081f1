#!/bin/bash
# Issue 10, item 1, at the console: the operator's console is on the search
# screen when an admin suspends the account. It does not reconnect and go on:
# it says the account is suspended and goes back to the login screen.
. "$(dirname "$0")/../lib/screen.sh"

u=suspc_$RANDOM
pw=Console2026x
at_exit "sh '$ROOT/mk/pgcluster.sh' psql '$SMCON_TEST_PG' -d smcon -c \"DELETE FROM core.staff WHERE login = '$u'\" -c 'DROP ROLE IF EXISTS $u'"
printf '%s\n' "$pw" | PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -C "$CONF" \
	user add "$u" --name 苏控 --employee-no LX0778 --org LX --roles clerk >/dev/null 2>&1
is "$?" 0 "a fresh account"
# its holder replaces the admin's first password (else the console asks first)
pw2=Console2026y
printf '%s\n' "$pw2" | PGUSER=$u PGPASSWORD=$pw "$SMCON" -C "$CONF" password >/dev/null 2>&1
pw=$pw2

scr_start 100 30 "$SMCON" -C "$CONF"
scr_login "$u" "$pw"
await "主菜单" "logged in"
scr_keys 1
await "查找：" "the search screen is open"
PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -C "$CONF" user suspend "$u" >/dev/null 2>&1
is "$?" 0 "an admin suspends the account"
await "账号 $u 已被停用，不能登录" "the console says why"
await "用户名" "  ... and is back on the login screen"
unlike "$(scr_capture)" "已重新连接数据库" "  ... it did not reconnect"
is "$(psql_su -At -d smcon -c "SELECT count(*) FROM pg_stat_activity WHERE usename = '$u'")" 0 \
	"  ... and holds no session"
done_testing
