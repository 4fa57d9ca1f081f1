#!/bin/bash
# A dropped connection is repaired; the operator stays where they were. (An
# account that may no longer log in goes back to the login screen instead:
# tests/security/suspend_console.t.)
. "$(dirname "$0")/../lib/screen.sh"

scr_start 80 24 "$SMCON" -C "$CONF"
scr_login demo_inspector2_lx
await "主菜单" "logged in"
scr_keys 5
await "检索条文：" "a screen is open"
psql_su -d smcon -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'demo_inspector2_lx'" >/dev/null
await "已重新连接数据库" "smcon reconnects by itself after its connection was killed"
contains "$(scr_capture | tail -1)" "已连接" "  ... and the status bar says connected"
contains "$(scr_capture)" "检索条文：" "  ... on the same screen as before"
is "$(psql_su -At -d smcon -c "SELECT count(*) FROM pg_stat_activity WHERE usename = 'demo_inspector2_lx'")" 1 "  ... with one new session"
done_testing
