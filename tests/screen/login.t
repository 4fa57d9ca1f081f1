#!/bin/bash
# Log in as a clerk, use the menu, help, resize, switch language, log out, quit.
. "$(dirname "$0")/../lib/screen.sh"

scr_start 80 24 "$SMCON" -C "$CONF"
await "用户名" "the login screen comes up in Chinese"
screen=$(scr_capture)
contains "$screen" "无锡市市场监督管理局" "  ... with the bureau's name"
user_line=$(scr_line '用户名')
pass_line=$(scr_line '  密码')
is "$(( $(colof "$user_line" 用户名) + 6 ))" "$(( $(colof "$pass_line" 密码) + 4 ))" \
	"the field labels end in the same column (right-aligned Chinese)"

scr_type demo_clerk_lx
scr_keys Tab
scr_type demo
scr_keys Enter
await "主菜单" "logging in opens the main menu"
screen=$(scr_capture)
contains "$screen" "李娜，您好" "the menu greets the operator by name"
contains "$screen" "主体查询" "a clerk sees entity lookup"
contains "$screen" "投诉举报" "  ... and complaints"
unlike "$screen" "用户与权限|审计日志|96333" "  ... but not admin, audit or rescue"
unlike "$screen" "\*\*\*\*" "the password is not on the screen"

status=$(scr_capture | tail -1)
like "$status" "李娜 \(demo_clerk_lx\)" "the status bar shows the user"
contains "$status" "梁溪区局" "  ... the org unit"
contains "$status" "登记查询员" "  ... the role"
contains "$status" "已连接" "  ... the connection state"
like "$status" "20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}" "  ... and the clock"

l1=$(scr_line '1  主体查询')
l2=$(scr_line '2  投诉举报')
is "$(colof "$l1" 主体查询)" "$(colof "$l2" 投诉举报)" "menu labels start in the same column"
is "$(colof "$l1" 查找市场主体)" "$(colof "$l2" 受理和处理)" "the descriptions after Chinese labels line up"

scr_keys F1
await "“主菜单”页的按键" "F1 opens help for the menu"
screen=$(scr_capture)
like "$screen" "Enter +打开 +打开选中的项目" "help is generated from the action table"
unlike "$screen" "用户与权限" "help does not offer what the role lacks"
scr_keys Escape
await_gone "页的按键" "Esc closes help"
scr_keys F1
await "“主菜单”页的按键" "help again"
scr_keys Escape 5
await "检索条文：" "Esc and a key typed at once both count (help closes, entry 5 opens)"
scr_keys Escape
await "李娜，您好" "  ... and Esc returns to the menu"

scr_resize 160 48
scr_until "the status bar on line 48" 10 eval '[[ "$(scr_capture | sed -n 48p)" == *已连接* ]]'
scr_wait "主体查询"
is "$(scr_capture | wc -l)" 48 "at 160×48 the screen fills 48 lines"
like "$(scr_capture | sed -n 48p)" "已连接" "  ... with the status bar on the last"
scr_resize 60 20
await "终端窗口太小" "below 80×24 a message asks for more room"
contains "$(scr_capture)" "当前 60×20" "  ... giving the current size"
scr_resize 80 24
await "主体查询" "back at 80×24 the menu returns"

scr_keys 5
await "检索条文：" "entry 5 opens the policy search"
scr_keys Escape
await "李娜，您好" "Esc returns to the menu"

scr_keys F2
await "Main menu" "F2 switches to English"
contains "$(scr_capture)" "Entity lookup" "  ... menu entries too"
contains "$(scr_capture | tail -1)" "clerk" "  ... and the status bar"
scr_keys F2
await "主菜单" "F2 again switches back to Chinese"

scr_keys Escape
await "退出登录？" "Esc on the menu asks before logging out"
scr_keys n
await_gone "退出登录？" "  ... n keeps the session"
contains "$(scr_capture | tail -1)" "已连接" "  ... still logged in"
scr_keys Escape
scr_wait "退出登录？"
scr_keys y
await "用户名" "  ... and y logs out"
contains "$(scr_capture | tail -1)" "未登录" "  ... and the status bar says so"
scr_keys Escape
await "退出 smcon？" "Esc on the login screen with a name typed asks instead of quitting"
scr_keys n
await_gone "退出 smcon？" "  ... n stays"
unlike "$(scr_capture)" "<<exited>>" "  ... smcon still runs"
contains "$(scr_capture)" "demo_clerk_lx" "  ... with the name as typed"
scr_keys F10
await "<<exited>>" "F10 quits"
done_testing
