#!/bin/bash
# The console works under common terminal types, in colour and in monochrome.
. "$(dirname "$0")/../lib/screen.sh"

for term in xterm-256color screen-256color vt100 linux; do
	SCR_ENV="TERM=$term" scr_start 80 24 "$SMCON" -C "$CONF"
	scr_login demo_clerk_lx
	await "主菜单" "TERM=$term: log in and reach the menu"
	scr_keys 1
	await "请输入代码、名称、法定代表人、地址或电话" "TERM=$term: a menu key opens a screen"
	scr_keys Escape
	await "李娜，您好" "TERM=$term: Esc goes back"
	contains "$(scr_capture | tail -1)" "登记查询员" "TERM=$term: the status bar is drawn"
	scr_keys C-c
	scr_wait "<<exited>>"
	T kill-server
done

SCR_ENV="TERM=xterm-256color" scr_start 80 24 "$SMCON" -C "$CONF"
scr_wait "用户名"
like "$(scr_capture_e | head -1)" $'\e\\[[0-9;]*4[0-7]m|\e\\[[0-9;]*48;5;' "in colour the title bar has a background colour"
scr_keys F10
scr_wait "<<exited>>"
T kill-server

SCR_ENV="TERM=xterm-256color NO_COLOR=1" scr_start 80 24 "$SMCON" -C "$CONF"
scr_wait "用户名"
screen=$(scr_capture_e)
unlike "$screen" $'\e\\[[0-9;]*(3[0-7]|4[0-7]|38;5;[0-9]+|48;5;[0-9]+)m' "NO_COLOR: no colour codes at all"
like "$(printf '%s\n' "$screen" | head -1)" $'\e\\[[0-9;]*7m' "  ... the title bar is shown in reverse video instead"
scr_keys F10
scr_wait "<<exited>>"
T kill-server

printf 'ui: { color = "never"; };\n' >"$SCRATCH/mono.conf"
SCR_ENV="TERM=xterm-256color" scr_start 80 24 "$SMCON" -C "$CONF" -C "$SCRATCH/mono.conf"
scr_wait "用户名"
unlike "$(scr_capture_e)" $'\e\\[[0-9;]*(4[0-7]|48;5;[0-9]+)m' "ui.color = never: no colours either"
done_testing
