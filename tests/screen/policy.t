#!/bin/bash
# 政策法规 in the console: the law texts searched as one types, each hit in
# context (the match marked, far matches cut around, within the width);
# Enter reads the article with its law's title and where it stands, n and p
# its neighbours, Esc goes back to the search as it was; q is text in the
# search box. The same article screen opens from a 12315 item's clock and
# from an inspection task's legal basis.
. "$(dirname "$0")/../lib/screen.sh"

db=$(test_db empty)
psql_su -d "$db" -q -1 -v ON_ERROR_STOP=1 -f "$ROOT/tests/data/entity-fixtures.sql" >/dev/null
psql_su -d "$db" -qc "UPDATE meta.test_clock SET enabled = true"
export PGOPTIONS="-c smcon.now=2026-12-07T10:00:00+08"
run_db "$db" demo_clerk_lx complaint new --name 周海燕 --phone 13861234567 --address 梁溪区中山路8号 \
	--uscc 91320213MA1XHD015B --request 退货 --facts 电池三天后无法充电
complaint=$(printf '%s' "$out" | grep -o 'SM[0-9]*' | head -1)
is "$rc" 0 "a complaint is registered in command mode ($complaint)"

SCR_ENV="PGOPTIONS=-csmcon.now=2026-12-07T10:00:00+08" \
	scr_start 110 32 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db"
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

# the 12315 item's clock: l opens its article on the same screen
scr_keys 2
await "$complaint" "the desk lists the complaint"
scr_keys Home Enter
await "投诉 $complaint" "Enter opens the item"
await "第十四条" "  ... its clock cites the article"
scr_keys l
await "市场监督管理投诉举报处理暂行办法  第十四条" "l on the item opens the clock's article on the article screen"
await "应当自收到投诉之日起七个工作日内" "  ... with its text"
scr_keys n
await "市场监督管理投诉举报处理暂行办法  第十五条" "  ... whose neighbours are a key away"
scr_keys Escape
await "投诉 $complaint" "Esc goes back to the item"

# an inspection task's legal basis
db2=$(test_db)
psql_su -d "$db2" -q -v ON_ERROR_STOP=1 -f "$ROOT/tests/data/inspection-fixtures.sql" >/dev/null
export PGOPTIONS="-c smcon.now=2026-06-01T10:00:00+08"
run_db "$db2" demo_supervisor_lx plan create --title 梁溪区测试抽查 --year 2026 --item TST-001 --scope LX \
	--ratio A:10,B:10,C:10,D:10 --from 2026-06-01 --to 2026-06-30
plan=$out
run_db "$db2" demo_supervisor_lx plan file "$plan"
run_db "$db2" demo_supervisor_lx plan draw "$plan" --commit
is "$rc" 0 "a plan under an item whose basis is 《企业信息公示暂行条例》第十四条 is drawn ($plan)"
SCR_ENV="PGOPTIONS=-csmcon.now=2026-06-05T10:00:00+08" \
	scr_start 110 32 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db2"
scr_login demo_inspector_lx
await "主菜单" "an inspector logs in"
scr_keys 4
await "计划编号" "4 opens the plans"
scr_keys t
await "$plan-00001" "t lists the inspector's tasks"
scr_keys Home Enter
await "《企业信息公示暂行条例》第十四条" "Enter opens a task with its legal basis"
scr_keys l
await "企业信息公示暂行条例  第十四条" "l opens the cited article on the article screen"
await "第十四条 国务院工商行政管理部门和省" "  ... with its text"
scr_keys Escape
await "《企业信息公示暂行条例》第十四条" "Esc goes back to the task"
done_testing
