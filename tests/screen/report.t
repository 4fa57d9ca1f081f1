#!/bin/bash
# The report screens: the analyst opens the catalog from the menu, fills in
# the parameters, sees the table with its totals and the bar chart, drills
# down from a district to its stations, exports an XLSX; a long report shows
# its progress and Esc cancels the query, leaving the console usable.
. "$(dirname "$0")/../lib/screen.sh"

work="$SCRATCH/cwd"
mkdir -p "$work"
start_console() { # the console runs in $work; e exports to the export directory
	scr_start 100 32 sh -c 'cd "$1" && exec "$2" -C "$3"' sh "$work" "$SMCON" "$CONF"
}
mark=$(psql_su -d smcon -Atc "SELECT coalesce(max(id), 0) FROM audit.log")
# notes OP SQL: the analyst's audit notes of kind OP since the start (other tests run reports as analysts too)
notes() { psql_su -d smcon -Atc "SELECT count(*) FROM audit.log WHERE id > $mark AND actor = 'demo_analyst' AND detail ->> 'op' = '$1' $2"; }
start_console
scr_login demo_analyst
await "主菜单" "the analyst logs in"
scr_keys 6
await "投诉举报统计" "the menu's 统计分析 opens the report catalog"
contains "$(scr_capture)" "风险分类分布" "  ... with the internal reports the analyst may run"
scr_keys Down Down
scr_keys Enter
await "机构代码" "Enter on 投诉举报统计 opens its parameter form"
contains "$(scr_capture)" "区局" "  ... the grouping a choice, shown by name"
scr_keys C-u
scr_type "2026-1x"
scr_keys Enter
await "不是 YYYY-MM 形式的月份" "a month that is not one is refused in the form"
contains "$(scr_capture)" "机构代码" "  ... which stays open with what was typed"
scr_keys C-u
scr_type "2026-10"
scr_keys Enter
await "合计" "Enter runs the report: a table with the totals row"
screen=$(scr_capture)
contains "$screen" "期间：2026-10-01 至 2026-10-31" "  ... the period it covers"
contains "$screen" "梁溪区局" "  ... a row per district"
contains "$screen" "图：收到" "  ... and a bar chart of the received counts"
lx=$(psql_su -d smcon -Atc "SELECT (SELECT count(*) FROM rights.complaint c JOIN core.org_unit o ON o.id = c.handling_org_id
	WHERE (o.code = 'LX' OR o.code LIKE 'LX__') AND received_at >= '2026-10-01 00:00+08' AND received_at < '2026-11-01 00:00+08')
	+ (SELECT count(*) FROM rights.report c JOIN core.org_unit o ON o.id = c.handling_org_id
	WHERE (o.code = 'LX' OR o.code LIKE 'LX__') AND received_at >= '2026-10-01 00:00+08' AND received_at < '2026-11-01 00:00+08')")
like "$(scr_line '^ LX ')" "^ LX +梁溪区局 +$lx " "  ... 梁溪's count as the tables have it"
name_col=$(colof "$(scr_line '^ LX ')" "梁溪区局")
is "$(colof "$(scr_line '^ +合计')" "合计")" "$name_col" "  ... names aligned in display columns with the totals"
bars=$(scr_capture | grep -c '█')
[ "$bars" -ge 2 ]
_tap_result $? "  ... one bar per district ($bars drawn)"

# Enter on a district row drills down to its stations: the district whose
# stations received most in October (the generated data differ from day to
# day; a district may have none there)
first=$(psql_su -d smcon -Atc "SELECT left(o.code, 2) FROM (SELECT handling_org_id FROM rights.complaint
	WHERE received_at >= '2026-10-01 00:00+08' AND received_at < '2026-11-01 00:00+08'
	UNION ALL SELECT handling_org_id FROM rights.report
	WHERE received_at >= '2026-10-01 00:00+08' AND received_at < '2026-11-01 00:00+08') x
	JOIN core.org_unit o ON o.id = x.handling_org_id WHERE o.code ~ '^[A-Z]{2}[0-9]{2}$'
	GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
row=$(scr_capture | grep -E '^ [A-Z]{2} ' | awk '{print $1}' | grep -n "^$first\$" | cut -d: -f1)
for _ in $(seq 2 "${row:-1}"); do scr_keys Down; done
scr_keys Enter
await "分组：station" "Enter on a district drills down to its stations"
scr_until "the stations of $first" 10 eval 'scr_capture | grep -qE " ${first}0[0-9] "'
like "$(scr_capture)" " ${first}0[0-9] " "  ... the stations of $first"
scr_keys e
await "已导出" "e exports the report"
file=$(ls "$XDG_DATA_HOME"/smcon/exports/*.xlsx 2>/dev/null | head -1)
is "$(ls "$work" | grep -c xlsx)" 0 "  ... in the export directory, not the current one"
like "$(basename "$file")" "^complaint_${first}_station_2026-10-01_2026-10-31_[0-9]{8}\\.xlsx$" \
	"  ... to an XLSX named for the report and its parameters"
wait_until 10 eval '[ "$(notes export "AND detail ->> '"'key'"' = '"'complaint'"' AND detail ->> '"'format'"' = '"'xlsx'"'")" -ge 1 ]'
is "$(notes export "AND detail ->> 'key' = 'complaint' AND detail ->> 'format' = 'xlsx'")" 1 "  ... recorded in the audit log"
scr_keys Escape
await_gone "分组：station" "Esc goes back to the city-wide table"

# a long report on the report server (db.report_conninfo; here the same
# server under a second connection): progress, then Esc cancels the query
scr_keys q
await "机构代码" "back in the form"
scr_keys Down Down Right Enter
await "分组：station" "Right on the grouping picks the next one (所), and Enter runs it"
# (the form's line changes before the rows come: wait for them)
scr_until "the stations' rows" 10 eval 'scr_capture | grep -qE " [A-Z]{2}0[0-9] "'
like "$(scr_capture)" " [A-Z]{2}0[0-9] " "  ... a row per station"
sed "s#^\( *\)conninfo = .*#&\n\1report_conninfo = \"host=$SMCON_TEST_PG/run dbname=smcon\";#" "$CONF" >"$SCRATCH/reports.conf"
CONF="$SCRATCH/reports.conf"
SCR_ENV="PGOPTIONS=-csmcon.report_test_delay=60" start_console
scr_login demo_analyst
await "主菜单" "logged in again, with every report made slow"
scr_keys 6
await "投诉举报统计" "the catalog"
scr_keys Down Down
scr_keys Enter
await "机构代码" "the form"
scr_keys Enter
await "正在计算报表" "a long report shows its progress"
running() {
	[ "$(psql_su -d smcon -Atc "SELECT count(*) FROM pg_stat_activity WHERE usename = 'demo_analyst'
		AND query LIKE 'FETCH%smcon_report%' AND state = 'active'")" = 1 ]
}
scr_until "the report's query on the server" 10 running
_tap_result $? "  ... while its query runs on the server"
contains "$(scr_capture | tail -2)" "报表:报表库" "  ... the status line says reports read from the report server"
is "$(psql_su -d smcon -Atc "SELECT count(DISTINCT pid) FROM pg_stat_activity WHERE usename = 'demo_analyst'")" 2 \
	"  ... on a connection of its own beside the console's"
scr_keys Escape
await "报表已取消" "Esc cancels it"
idle() {
	[ "$(psql_su -d smcon -Atc "SELECT count(*) FROM pg_stat_activity WHERE usename = 'demo_analyst'
		AND query LIKE 'FETCH%smcon_report%' AND state = 'active'")" = 0 ]
}
scr_until "the query gone from the server" 10 idle
_tap_result $? "  ... and the query stops on the server"
wait_until 10 eval '[ "$(notes report_run "AND detail ->> '"'server'"' = '"'report'"'")" -ge 1 ]'
is "$(notes report_run "AND detail ->> 'server' = 'report'")" 1 "  ... its run recorded on the operator's own server too"
scr_keys Escape
await "市场主体发展" "the console is usable: back in the catalog"
done_testing
