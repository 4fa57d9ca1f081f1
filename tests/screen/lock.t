#!/bin/bash
# The idle lock: after ui.idle_lock_minutes the console hides its screens and
# asks for the password again; the screen underneath keeps its state.
. "$(dirname "$0")/../lib/screen.sh"

printf 'ui: { idle_lock_minutes = 0.03; };\n' >"$SCRATCH/lock.conf"   # 1.8 seconds
scr_start 80 24 "$SMCON" -C "$CONF" -C "$SCRATCH/lock.conf"
scr_login demo_handler_jy
await "主菜单" "logged in"
scr_keys 5
await "检索条文：" "a screen is open"
await "控制台已锁定" "after the idle time the console locks"
unlike "$(scr_capture)" "检索条文：" "  ... and hides the screen underneath"
contains "$(scr_capture)" "吴强（demo_handler_jy）" "  ... naming who must unlock it"
scr_type "wrong"
scr_keys Enter
await "密码错误" "a wrong password does not unlock"
scr_type "demo"
scr_keys Enter
await "检索条文：" "the right password unlocks, back on the same screen"
await "控制台已锁定" "idle again, it locks again"
scr_keys Escape
await "用户名" "Esc on the lock logs out to the login screen"
contains "$(scr_capture | tail -1)" "未登录" "  ... and the session is gone"
done_testing
