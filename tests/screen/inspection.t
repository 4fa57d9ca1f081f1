#!/bin/bash
# 双随机 in the console: a supervisor creates a small plan in the form,
# files it, previews the draw (counts only) and commits it after a y; an
# inspector opens the task and enters the result, the second inspector
# confirms it; the supervisor sees it on the overview, flagged when it is
# not published within 20 working days.
. "$(dirname "$0")/../lib/screen.sh"

db=$(test_db)
psql_su -d "$db" -q -v ON_ERROR_STOP=1 -f "$ROOT/tests/data/inspection-fixtures.sql" >/dev/null
q() { psql_su -d "$db" -Atc "$1"; }
# start LOGIN DAY: the console as LOGIN with the test clock at DAY
start() {
	SCR_ENV="PGOPTIONS=-csmcon.now=${2}T10:00:00+08" scr_start 120 32 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db"
	scr_login "$1"
	await "主菜单" "$1 logged in"
	scr_keys 4
	await "计划编号" "  ... the 双随机 entry opens the plans, not a placeholder"
}

start demo_supervisor_lx 2026-06-01
scr_keys n
await "新建抽查计划" "n opens the new-plan form"
scr_type "梁溪区六月测试抽查"; scr_keys Tab
scr_type "2026"; scr_keys Tab
scr_type "TST-001"; scr_keys Tab
scr_type "LX"; scr_keys Tab C-u
scr_type "A:10,B:10,C:10,D:10"; scr_keys Tab
scr_type "2026-06-01"; scr_keys Tab
scr_type "2026-05-30"; scr_keys Enter
await "结束日期不能早于开始日期" "a window that ends before it starts is refused, next to the field"
scr_keys C-u
scr_type "2026-06-30"; scr_keys Enter
await "已制定抽查计划 LX2026-" "the plan is created"
plan=$(q "SELECT plan_no FROM supervision.inspection_plan WHERE title = '梁溪区六月测试抽查'")
await "$plan" "  ... and listed"
scr_keys Home Enter
await "梁溪区六月测试抽查" "Enter opens the plan"
scr_keys f
await "已报无锡市市场监督管理局备案" "f files it"
scr_keys v
await "抽取预览" "v previews the draw"
screen=$(scr_capture)
contains "$screen" "风险分层" "  ... counts per stratum"
leak=$(q "SELECT e.uscc FROM supervision.inspection_object o JOIN core.entity e ON e.id = o.entity_id
          WHERE o.object_type = '测试对象'" | while read -r u; do case "$screen" in *"$u"*) echo "$u" ;; esac; done)
is "$leak" "" "  ... and no entity"
scr_keys d
await "按 y 确认" "d asks before committing"
scr_keys y
await "已抽取：候选" "y commits the draw"
ntasks=$(q "SELECT count(*) FROM supervision.inspection_task t JOIN supervision.inspection_batch b ON b.id = t.batch_id
            JOIN supervision.inspection_plan p ON p.id = b.plan_id WHERE p.plan_no = '$plan'")
is "$([ "$ntasks" -gt 0 ] && echo yes)" yes "  ... tasks were made ($ntasks)"

start demo_inspector_lx 2026-06-05
scr_keys t
await "$plan-00001" "the inspector's tasks are listed"
scr_keys Home Enter
await "检查依据" "Enter opens the task, the legal basis on it"
task=$(scr_capture | grep -o "$plan-[0-9]*" | head -1)
scr_keys r
await "录入检查结果" "r opens the result form"
scr_keys Right Tab Tab
scr_type "2026-06-03"; scr_keys Enter
await "已录入第 1 版结果" "the result is entered"
is "$(q "SELECT result_code || ' ' || inspected_on FROM supervision.inspection_result r JOIN supervision.inspection_task t ON t.id = r.task_id WHERE t.task_no = '$task'")" \
	"no_problem 2026-06-03" "  ... stored"

start demo_inspector2_lx 2026-06-05
scr_keys t
await "$task" "the second inspector sees the task"
n=$(scr_capture | grep -n "$task" | head -1 | cut -d: -f1)
first=$(scr_capture | grep -n "$plan-" | head -1 | cut -d: -f1)
for ((i = first; i < n; i++)); do scr_keys Down; done
scr_keys Enter
await "未发现问题" "  ... opens it, with the result"
scr_keys a
await "按 y 确认" "a asks before confirming"
scr_keys y
await "已确认第 1 版结果" "the second inspector confirms the result"

start demo_supervisor_lx 2026-08-03
scr_keys o
await "实施进度" "o opens the overview"
await "$plan" "  ... with the plan's progress"
await "逾期未公示" "  ... and the result not published within 20 working days flagged"
await "第六条" "  ... with the article that sets the limit"
done_testing
