#!/bin/bash
# The main menu shows exactly what each role allows.
. "$(dirname "$0")/../lib/screen.sh"

menu_of() {
	scr_start 80 24 "$SMCON" -C "$CONF"
	scr_login "$1"
	scr_wait "主菜单" || return 1
	scr_capture
	scr_keys F10
	scr_wait "<<exited>>"
	T kill-server
}

m=$(menu_of demo_admin)
contains "$m" "用户与权限" "an admin sees users and roles"
contains "$m" "审计日志" "  ... and the audit log"
unlike "$m" "96333" "  ... but not the rescue desk"

m=$(menu_of demo_dispatcher)
contains "$m" "96333 电梯救援" "a dispatcher sees the rescue desk"
unlike "$m" "投诉举报" "  ... but not complaints"

m=$(menu_of demo_analyst)
contains "$m" "统计分析" "an analyst sees statistics"
unlike "$m" "双随机抽查" "  ... but not inspections"

m=$(menu_of demo_inspector_lx)
contains "$m" "双随机抽查" "an inspector sees inspections"

scr_start 80 24 "$SMCON" -C "$CONF"
scr_login demo_clerk_lx
scr_wait "主菜单"
scr_keys 7
await "您的角色不能使用" "a clerk pressing 7 (users) is told the role does not allow it"
contains "$(scr_capture)" "李娜，您好" "  ... and stays on the menu"
done_testing
