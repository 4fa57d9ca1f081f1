#!/bin/bash
# The entity lookup and profile screens in a real terminal: search as you
# type, the CJK alignment of the results at 80 and 160 columns, paging,
# filters, search within, the profile and its tabs, copy, export, an
# elevator, adding to a plan, registering a complaint, and a dropped
# connection.
. "$(dirname "$0")/../lib/screen.sh"

DB=$(test_db empty) || { fail "an empty copy of the test warehouse"; done_testing; exit; }
psql_su -d "$DB" -q -1 -v ON_ERROR_STOP=1 -f "$ROOT/tests/data/entity-fixtures.sql" >/dev/null
is "$?" 0 "the entity fixtures load"

# start COLS ROWS USER: the console in $SCRATCH (exports land there), logged in, on the search screen
start() {
	scr_start "$1" "$2" sh -c 'cd "$1" && shift && exec "$@"' sh "$SCRATCH" \
		"$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$DB"
	scr_login "$3"
	scr_wait "主菜单" && scr_keys 1 && scr_wait "查找："
}

esc() { scr_keys Escape; }

code_re='9[123]3202[0-9]{2}[0-9A-Z]{10}'
# code_columns: the display columns at which the screen's credit codes start, one a line
code_columns() {
	scr_capture | grep -E "$code_re" | while IFS= read -r line; do
		code=$(printf '%s\n' "$line" | grep -oE "$code_re" | head -1)
		colof "$line" "$code"
	done | sort -u
}
# drawn N TITLE: the frame is complete: N rows with a credit code, at one
# column, under a header line holding TITLE
drawn() {
	[ "$(scr_capture | grep -cE "$code_re")" -eq "$1" ] && [ "$(code_columns | wc -l)" -eq 1 ] &&
		scr_capture | grep -q "统一社会信用代码.*$2"
}

start 80 24 demo_clerk_lx
await "请输入代码、名称、法定代表人、地址或电话" "the search screen says what it takes"
scr_type "红豆"
await "无锡红豆纺织科技有限公司" "results appear as the operator types"
await "梁溪区陈记红豆面馆" "  ... every name with the fragment"
await "按名称、法定代表人、地址 · 3 条" "  ... and how many"
scr_until "the three rows drawn" 10 drawn 3 代表人
cols=$(code_columns)
is "$(echo "$cols" | wc -l)" 1 "80 columns: the credit codes of every row start at the same column"
header=$(scr_line '统一社会信用代码')
is "$(colof "$header" 统一社会信用代码)" "$cols" "  ... under their column title"
rep=$(scr_capture | grep -m1 '陈记红豆面馆')
is "$(colof "$rep" 陈阿红)" "$(colof "$header" 代表人)" "  ... and so do the legal representatives (CJK widths counted)"
line=$(scr_capture_e | grep '吴卫东')
like "$line" $'\e\\[2m' "a deregistered entity's row is dimmed"
like "$(scr_capture_e | grep -m1 '周海峰')" $'无锡\e\\[1m(\e\\[33m)?红豆' "the matched fragment is marked (bold)"

scr_resize 160 30
await "区县" "at 160 columns"
scr_until "the three rows drawn at 160 columns" 10 drawn 3 区县
cols=$(code_columns)
is "$(echo "$cols" | wc -l)" 1 "160 columns: the credit codes still start at one column"
header=$(scr_line '统一社会信用代码')
is "$(colof "$header" 统一社会信用代码)" "$cols" "  ... under their column title"
is "$(colof "$(scr_capture | grep -m1 '陈记红豆面馆')" 陈阿红)" "$(colof "$header" 代表人)" \
	"  ... and the legal representatives under theirs"
scr_resize 80 24

# sort, export
scr_keys Down
scr_keys s
await "排序：名称" "s sorts by the next column: the name"
await "名称↑" "  ... and the column title says so"
scr_keys S
await "排序：名称↓" "S reverses the order"
scr_keys e
await "已把 3 条结果导出到 $XDG_DATA_HOME/smcon/exports/" "e exports what is shown as CSV, to the export directory"
csv=$(ls "$XDG_DATA_HOME"/smcon/exports/entity-search-*.csv 2>/dev/null | head -1)
is "$(stat -c %a "$XDG_DATA_HOME/smcon/exports")" 700 "  ... made for the operator alone"
is "$(ls "$SCRATCH" | grep -c '^entity-search-')" 0 "  ... and nothing in the current directory"
like "$(head -1 "$csv" 2>/dev/null)" "^.?统一社会信用代码,名称,法定代表人,主体类型" "  ... a CSV file for people: Chinese headers"
is "$(head -c 3 "$csv" | od -An -tx1 | tr -d ' ')" efbbbf "  ... after a byte order mark, for Excel (ui.export_bom)"
is "$(($(wc -l <"$csv" 2>/dev/null || echo 0) - 1))" 3 "  ... and the three rows"
exports() { psql_su -At -d "$DB" -c "SELECT count(*) FROM audit.log WHERE actor = 'demo_clerk_lx' AND detail ->> 'op' = 'export' AND detail ->> 'what' = '$1' AND detail ->> 'file' LIKE '$XDG_DATA_HOME/smcon/exports/%' $2"; }
is "$(exports entity_search "AND detail ->> 'rows' = '3' AND detail ->> 'format' = 'csv'")" 1 \
	"  ... recorded in the audit log: the file, three rows"
for i in 1 2 3 4 5 6; do scr_keys s; done
await "排序：相关度↓" "s comes round to relevance again"
scr_keys S

# search within the results
scr_keys /
await "结果中查找：" "/ asks for a second fragment"
scr_type "面馆"
scr_keys Enter
await "结果中查找：面馆" "  ... and narrows the results"
scr_wait_gone "无锡红豆纺织科技有限公司"
await "梁溪区陈记红豆面馆" "  ... to those that have it"
scr_keys /
esc
await "无锡红豆纺织科技有限公司" "Esc there brings every result back"

# filters
scr_keys Tab
scr_keys Tab
scr_keys Down
await "区县:锡山区" "Tab goes to the filters; Down picks the first district"
await "按名称、法定代表人、地址 · 0 条" "  ... and the results follow"
for i in 1 2; do scr_keys Down; done
await "区县:滨湖区" "Down again: the next districts"
await "无锡蠡湖红豆酒店" "  ... and 滨湖区's entity is found"
scr_keys Delete
await "区县:不限" "Delete clears the filter"
await "按名称、法定代表人、地址 · 3 条" "  ... and every result is back"
esc
scr_keys C-u
scr_type "晨曦"
await "130 条" "130 companies share 晨曦"
scr_keys Down
scr_keys End
last=$(psql_as demo_clerk_lx -d "$DB" -c "SELECT name FROM api.entity_search('晨曦', page_size => 1000) WHERE pos = 130")
# End again once each page has come (the selection at the end asks for the next)
for i in 1 2 3 4 5; do
	scr_keys End
	scr_wait "$last" 2 2>/dev/null && break
done
await "$last" "paging: End loads page after page, down to row 130"
rm -f "$XDG_DATA_HOME"/smcon/exports/entity-search-*.csv
scr_keys Home
scr_keys e
await "已把 130 条结果导出到" "e exports every row that matches, not only those loaded"
csv=$(ls "$XDG_DATA_HOME"/smcon/exports/entity-search-*.csv 2>/dev/null | head -1)
is "$(($(wc -l <"$csv" 2>/dev/null || echo 0) - 1))" 130 "  ... all 130 in the file"
is "$(exports entity_search "AND detail ->> 'rows' = '130'")" 1 "  ... and the audit log says 130"

# a mistyped code
esc
scr_keys C-u
scr_type "91320202MA1TAA04X8"
await "第 18 位（校验码）应为 7，不是 8" "a wrong check character says which was expected"
await "91320202MA1TAA04X7 顾建平 存续" "  ... and the near match is offered"
contains "$(scr_line 91320202MA1TAA04X7)" "相近代码" "  ... marked as a similar code"

# the profile
scr_keys C-u
scr_type "91320213MA1XHD015B"
await "无锡红豆纺织科技有限公司" "a credit code finds its entity"
scr_keys Enter
await "主体画像" "Enter opens the profile"
await "统一社会信用代码 91320213MA1XHD015B" "  ... with the code in the header"
await "登记(4)" "tab titles carry their counts"
await "处罚(1)" "  ... every theme's"
await "风险等级 C 信用风险较高（38.00 分）" "the header gives the risk grade"
await "列入经营异常名录" "the overview lists the facts behind it"
scr_keys End
await "入库时间         2" "  ... and, further down, when the header was loaded"
scr_keys Home
scr_keys Right
await "名称变更：无锡市太湖毛纺织厂" "Right: the registration tab, changes and former names"
await "来源：管理主体库 · 企业登记系统" "  ... the selected fact says where it came from"
for i in 1 2 3; do scr_keys Right; done
await "锡梁市监处罚〔2025〕118 号" "three more: the penalties"
await "罚款 20000.00 元" "  ... with its measures under the table"
scr_keys Right
await "TS20260305-LX-0012" "the complaints, newest first"
scr_keys Right
await "31103202132016050001" "special equipment: the elevator"
scr_keys Enter
await "曳引驱动乘客电梯" "Enter on an elevator opens it"
await "96333 救援记录（无权查看）" "  ... a clerk may not read 96333 incidents (row-level security: not a clerk's business), and is told so"
esc
await "特种设备(1)" "Esc goes back to the profile"
scr_keys Right
await "（无记录）" "a tab without rows says so"

# copy and export
T set-option -g set-clipboard on >/dev/null
scr_keys c
await "已复制统一社会信用代码 91320213MA1XHD015B" "c copies the code and says so"
buffer=""
wait_until 2 eval 'buffer=$(T show-buffer 2>/dev/null) && [ -n "$buffer" ]'
is "$buffer" "91320213MA1XHD015B" "  ... onto the terminal's clipboard (OSC 52)"
scr_keys x
await "画像已导出到 entity-91320213MA1XHD015B-" "x exports the profile and names the file"
file=$(ls "$XDG_DATA_HOME"/smcon/exports/entity-91320213MA1XHD015B-*.txt 2>/dev/null | head -1)
ok=0
[ -n "$file" ] && grep -q "【处罚】共 1 条" "$file" && ok=1
is "$ok" 1 "  ... in the current directory, as text"
is "$(exports entity_profile "AND detail ->> 'key' = '91320213MA1XHD015B'")" 1 "  ... recorded in the audit log: whose profile"
keyline_lacks "加入检查计划" "a clerk is not offered the inspection plans"
scr_keys F10
scr_wait "<<exited>>"

# an inspector adds the entity to a plan of his district
start 80 24 demo_inspector_lx
scr_type "91320213MA1XHD015B"
await "无锡红豆纺织科技有限公司" "an inspector finds the entity"
scr_keys Enter
await "统一社会信用代码 91320213MA1XHD015B" "  ... opens its profile"
await "p 加入检查计划" "an inspector is offered the inspection plans"
keyline_lacks "登记投诉" "  ... but not to register complaints"
scr_keys p
await "LX-2026-SJ-01" "p lists the plans of his scope"
unlike "$(scr_capture)" "JY-2026-SJ-01" "  ... not another district's"
scr_keys Enter
await "已加入抽查计划 LX-2026-SJ-01 的候选名单" "Enter adds the entity"
is "$(psql_su -At -d "$DB" -c "SELECT count(*) FROM supervision.plan_candidate")" 1 "  ... in the database"
scr_keys p
scr_wait "LX-2026-SJ-01"
scr_keys Enter
await "已在抽查计划 LX-2026-SJ-01 的候选名单中" "twice: the database refuses, and says why"
scr_keys Escape
for i in 1 2 3 4 5 6; do scr_keys Right; done
await "31103202132016050001" "the inspector's special-equipment tab"
scr_keys Enter
await "96333 救援记录（1 条）" "an inspector of the district sees the elevator's rescue history"
await "96333-20260302-0007" "  ... the incident"
scr_keys F10
scr_wait "<<exited>>"

# a complaint handler registers a complaint about the entity from its profile
start 100 30 demo_handler_lx
scr_type "91320213MA1XHD015B"
await "无锡红豆纺织科技有限公司" "a complaint handler finds the entity"
scr_keys Enter
await "统一社会信用代码 91320213MA1XHD015B" "  ... opens its profile"
await "n 登记投诉" "  ... and is offered to register a complaint about it"
scr_keys n
await "投诉 无锡红豆纺织科技有限公司（F5 或 Ctrl-S 登记，Esc 放弃）" "n opens the complaint form"
scr_type "周海燕"; scr_keys Tab
scr_type "13861234567"; scr_keys Tab
scr_type "无锡市梁溪区中山路8号"; scr_keys Tab
scr_type "电动自行车"; scr_keys Tab
scr_type "退货退款"
scr_keys F5
await "投诉须有投诉人姓名、电话、地址和投诉请求、事实" "F5 without the facts: the database says what §9 asks for"
contains "$(scr_line '投诉人电话')" "13861234567" "  ... and what was typed is still there"
scr_keys Tab
scr_type "电池三天后无法充电"
psql_su -d "$DB" -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'demo_handler_lx'" >/dev/null
scr_keys F5
# the connection was dropped: smcon reconnects and registers it, or says so
# and keeps the form for another F5
stored() { psql_su -At -d "$DB" -c "SELECT count(*) FROM rights.complaint WHERE source_system = 'smcon'"; }
if ! wait_until 10 eval '[ "$(stored)" = 1 ]'; then
	contains "$(scr_line '事实和理由')" "电池三天后无法充电" "a dropped connection keeps the form as typed"
	scr_keys F5
	wait_until 5 eval '[ "$(stored)" = 1 ]'
else
	await "已登记投诉 SM" "a dropped connection: smcon reconnected at once, registered it and says so"
fi
is "$(psql_su -At -d "$DB" -c "SELECT facts || '|' || complainant_phone FROM rights.complaint WHERE source_system = 'smcon'")" \
	"电池三天后无法充电|13861234567" "F5 registers it once, in the database, as typed"
await_gone "投诉人电话" "  ... and the form closes"
scr_keys n
await "投诉 无锡红豆纺织科技有限公司" "another complaint"
for v in 钱晓东 0510-82711234 无锡市滨湖区蠡湖大道1号 羊毛围巾 更换 洗后严重缩水; do
	scr_type "$v"
	scr_keys Enter
done
await "已登记投诉 SM" "Enter on the last field registers it"
like "$(scr_capture)" "已登记投诉 SM[0-9]{14}，交无锡市梁溪区市场监督管理局处理，须在 [0-9-]{10}(（暂定）)? 前决定是否受理" \
	"  ... and says its number, the handling unit and the deadline"
scr_keys F10
scr_wait "<<exited>>"

# a dropped connection: what was typed stays, the search runs again when it is back
start 80 24 demo_clerk_jy
scr_type "红豆"
await "按名称、法定代表人、地址 · 3 条" "a search as 江阴's clerk"
psql_su -d "$DB" -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'demo_clerk_jy'" >/dev/null
scr_type "纺织"
await "查找： 红豆纺织" "the connection drops while the operator types on"
await "按名称、法定代表人、地址 · 1 条" "  ... smcon reconnects and the search runs again"
is "$(scr_line '查找：')" "查找： 红豆纺织" "  ... with what was typed, and nothing else printed in the box"
await "无锡红豆纺织科技有限公司" "  ... and finds the entity"
contains "$(scr_capture | tail -1)" "已连接" "  ... connected again"
is "$(psql_su -At -d "$DB" -c "SELECT count(*) FROM pg_stat_activity WHERE usename = 'demo_clerk_jy'")" 1 \
	"  ... on a new session"
done_testing
