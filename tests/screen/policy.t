#!/bin/bash
# 政策法规 in the console: the law texts searched as one types, each hit in
# context (the match marked, far matches cut around, within the width);
# Enter reads the article with its law's title and where it stands, n and p
# its neighbours, Esc goes back to the search as it was; q is text in the
# search box.
. "$(dirname "$0")/../lib/screen.sh"

scr_start 110 32 "$SMCON" -C "$CONF"
scr_login demo_handler_lx
await "主菜单" "a handler logs in"
scr_keys 5
await "检索条文：" "5 (政策法规) opens the policy search, not a placeholder"
contains "$(scr_capture)" "各词都须出现" "  ... which says how to search"

# search as you type: every hit in context
scr_type "七个工作日"
await "【七个工作日】" "typing a word lists the articles with the word marked in their text"
screen=$(scr_capture)
row=$(printf '%s\n' "$screen" | grep -m1 "第十四条")
contains "$row" "收到投诉之日起【七个工作日】内作出受理" "  ... the 投诉举报 article's hit in its context"
row=$(printf '%s\n' "$screen" | grep -m1 "第五十三条")
like "$row" "…[^ ]*【七个工作日】" "  ... a match far into a long article: its text cut before it, marked …"
contains "$screen" "条条文" "  ... and the status line counts them"

scr_type "q"
await "没有同时包含这些词的条文" "q in the search box is text: the search for 七个工作日q finds nothing"
scr_keys BSpace
await "【七个工作日】" "  ... Backspace takes it back"

# Enter: the article, with its law's title and its neighbours
first=$(scr_capture | grep -n "【七个工作日】" | head -1 | cut -d: -f1)
target=$(scr_capture | grep -n "第十四条.*【七个工作日】" | head -1 | cut -d: -f1)
scr_keys Tab Home # Tab: from the box to the results; Home: the first hit
for ((i = first; i < target; i++)); do scr_keys Down; done
scr_keys Enter
await "市场监督管理投诉举报处理暂行办法  第十四条" "Enter opens the selected article under its law's full title"
await "第 14 条，共" "  ... saying where it stands in the law"
contains "$(scr_capture)" "第十四条 具有本办法规定的处理权限的市场监督管理部门" "  ... with its text"
contains "$(scr_keyline)" "下一条" "  ... the key line offers the next article"
scr_keys n
await "市场监督管理投诉举报处理暂行办法  第十五条" "n reads the next article of the same law"
await "第十五条 投诉有下列情形之一的" "  ... its text"
scr_keys p p
await "市场监督管理投诉举报处理暂行办法  第十三条" "p p goes back two articles"
scr_keys F1
await "“法规条文”页的按键" "F1 on the article"
help=$(scr_capture)
like "$help" "Left/p +上一条" "  ... lists p and Left for the previous article"
like "$help" "Right/n +下一条" "  ... n and Right for the next"
unlike "$help" "Tab" "  ... and not the search's Tab"
scr_keys Escape
await_gone "页的按键" "Esc closes help"
scr_keys Escape
await "【七个工作日】" "Esc goes back to the search, the hits as they were"
contains "$(scr_capture)" "检索条文：七个工作日" "  ... and the words typed"
scr_keys Enter
await "共" "Enter opens the article again"
scr_keys q
await "【七个工作日】" "q closes the article (no text box there)"
scr_keys Escape
scr_keys Escape
await_gone "检索条文：" "Esc, Esc leave the results and the search for the menu"

done_testing
