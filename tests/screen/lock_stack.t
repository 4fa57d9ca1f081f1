#!/bin/bash
# The idle lock does not depend on room for screens: F1 on the help page
# does not open another help page, and however many screens are open the
# console still locks when idle.
. "$(dirname "$0")/../lib/screen.sh"

printf 'ui: { idle_lock_minutes = 0.05; };\n' >"$SCRATCH/lock.conf"   # 3 seconds
scr_start 100 30 "$SMCON" -C "$CONF" -C "$SCRATCH/lock.conf"
scr_login demo_handler_jy
await "主菜单" "logged in"
scr_keys F1
await "Esc" "F1 opens the help page"
for i in $(seq 20); do scr_keys F1; done
scr_keys Escape
await "吴强，您好" "after 20 more presses of F1, one Esc closes the help page: F1 did not stack it"
unlike "$(scr_capture)" "打开的页面太多" "  ... with no complaint about too many screens"
scr_keys F1
for i in $(seq 20); do scr_keys F1; done
await "控制台已锁定" "with the help page open after many F1, the idle lock still comes"
scr_type "demo"
scr_keys Enter
await_gone "控制台已锁定" "the password unlocks"
scr_keys Escape
await "吴强，您好" "  ... back to the help page, and Esc to the menu"
done_testing
