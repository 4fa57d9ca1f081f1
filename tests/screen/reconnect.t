#!/bin/bash
# A dropped connection is shown and repaired; the operator stays where they were.
. "$(dirname "$0")/../lib/screen.sh"

scr_start 80 24 "$SMCON" -C "$CONF"
scr_login demo_inspector2_lx
await "主菜单" "logged in"
scr_keys 5
await "模块尚未安装" "a screen is open"
# While the account may not log in, reconnecting fails and the loss stays visible.
psql_su -d smcon -c "ALTER ROLE demo_inspector2_lx NOLOGIN" >/dev/null
at_exit "sh '$ROOT/mk/pgcluster.sh' psql '$SMCON_TEST_PG' -d smcon -c 'ALTER ROLE demo_inspector2_lx LOGIN'"
psql_su -d smcon -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'demo_inspector2_lx'" >/dev/null
await "连接中断" "a killed connection shows in the status bar"
contains "$(scr_capture)" "模块尚未安装" "  ... while the screen stays as it was"
psql_su -d smcon -c "ALTER ROLE demo_inspector2_lx LOGIN" >/dev/null
await "已重新连接数据库" "smcon reconnects by itself once it can"
contains "$(scr_capture | tail -1)" "已连接" "  ... and the status bar says connected"
contains "$(scr_capture)" "模块尚未安装" "  ... on the same screen as before"
is "$(psql_su -At -d smcon -c "SELECT count(*) FROM pg_stat_activity WHERE usename = 'demo_inspector2_lx'")" 1 "  ... with one new session"
done_testing
