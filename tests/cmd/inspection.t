#!/bin/bash
# 双随机、一公开 in command mode: item, plan and task commands, their formats
# and exit codes (2 bad input named by field, 3 denied, 4 not found, 5 wrong
# state), a draw that is committed once and verified, verify failing on a
# snapshot row the owner altered, results confirmed by the second inspector,
# publication as CSV, and the walls also met through psql.
. "$(dirname "$0")/../lib/env.sh"

DB=$(test_db) || { fail "a copy of the test warehouse"; done_testing; exit; }
psql_su -d "$DB" -q -v ON_ERROR_STOP=1 -f "$ROOT/tests/data/inspection-fixtures.sql" >/dev/null
is "$?" 0 "the inspection fixtures load"
export PGOPTIONS="-c smcon.now=2026-06-01T10:00:00+08"
e() { run_db "$DB" "$@"; }
q() { psql_su -d "$DB" -Atc "$1"; }
plans() { q "SELECT count(*) FROM supervision.inspection_plan WHERE source_system = 'smcon'"; }
# create [ITEM [SCOPE [RATIO]]]: a plan of 梁溪 for June
create() {
	e demo_supervisor_lx plan create --title 梁溪区测试抽查 --year 2026 --item "${1:-TST-001}" --scope "${2:-LX}" \
		--ratio "${3:-A:10,B:10,C:10,D:10}" --from 2026-06-01 --to 2026-06-30
}

e demo_clerk_lx item list --format csv
is "$rc" 0 "everyone reads the item list"
contains "$out" "TST-001,企业公示信息测试检查,一般,测试专长" "  ... with the specialty an item needs"

# bad input: exit 2, the field named, nothing written
create NOPE-9
is "$rc:$(plans)" "2:0" "an unknown item: exit 2, nothing written"
contains "$err" "抽查事项“NOPE-9”" "  ... the field and value named"
create TST-001 火星区
is "$rc" 2 "an unknown division: exit 2"
contains "$err" "抽查范围“火星区”" "  ... named"
create TST-001 LX A:150
is "$rc" 2 "a ratio above 100: exit 2"
contains "$err" "抽查比例“A:150”" "  ... named"
e demo_supervisor_lx plan create --title x --year 2026 --item TST-001 --ratio A:1 --from 2026-06-30 --to 2026-06-01
is "$rc" 2 "a window that ends before it starts: exit 2"
contains "$err" "检查实施期" "  ... named"
e demo_supervisor_lx plan create --title x --year 2026 --item TST-001 --ratio A:1 --from 2026-12-01 --to 2027-01-10
is "$rc" 2 "a window outside the plan year: exit 2"
e demo_supervisor_lx plan create --title x --year 2026 --item TST-EMPTY --ratio A:1 --from 2026-06-01 --to 2026-06-10
is "$rc" 2 "a scope that yields no candidates: exit 2"
contains "$err" "没有可抽取的对象" "  ... said so"
e demo_supervisor_lx plan create --title x --year 2026 --item TST-001 --ratio A:1 --from 2026-06-01 --to 2026-6-1
is "$rc" 2 "a date that is not a date: exit 2"
contains "$err" "--to" "  ... the option named"
is "$(plans)" 0 "no bad plan was written"
create TST-001 JY
is "$rc" 3 "a district supervisor cannot plan for another district (exit 3)"
e demo_inspector_lx plan create --title x --year 2026 --item TST-001 --ratio A:1 --from 2026-06-01 --to 2026-06-10
is "$rc" 3 "an inspector cannot plan (exit 3)"

create
is "$rc" 0 "the supervisor creates a plan"
like "$out" "^LX2026-[0-9]{4}$" "  ... and gets its number"
plan=$out
e demo_supervisor_lx plan list --format json
contains "$out" "{\"plan_no\": \"$plan\", \"title\": \"梁溪区测试抽查\", \"year\": 2026, \"org_name\": \"梁溪区局\", \"status\": \"草拟\"" \
	"the plan is listed (JSON), a draft"

e demo_supervisor_lx plan draw "$plan" --preview
is "$rc" 0 "the preview runs"
contains "$out" "风险分层" "  ... it shows counts per stratum"
leaked=0
while read -r code name; do
	case "$out" in *"$code"* | *"$name"*) leaked=1 ;; esac
done < <(q "SELECT e.uscc, e.name FROM supervision.inspection_object o JOIN core.entity e ON e.id = o.entity_id
            WHERE o.object_type = '测试对象'" | tr '|' ' ')
is "$leaked" 0 "  ... and names no entity"
e demo_supervisor_lx plan draw "$plan"
is "$rc" 2 "draw without --preview or --commit: exit 2"
e demo_supervisor_lx plan draw "$plan" --commit
is "$rc" 5 "a draft cannot be drawn (exit 5)"
e demo_supervisor_lx plan file "$plan"
is "$rc:$out" "0:已报无锡市市场监督管理局备案" "the plan is filed with the city bureau"
e demo_supervisor_lx plan draw "$plan" --commit --seed '体彩 2026061 期'
is "$rc" 2 "an external seed without a witness: exit 2"
contains "$err" "见证人" "  ... named"
e demo_supervisor_lx plan draw "$plan" --commit --seed '体彩 2026061 期 03 15 22' --witness '公证员 王平' --format json
is "$rc" 0 "the draw is committed with an external seed and a witness"
contains "$out" '"seed_source": "external"' "  ... recorded as external"
e demo_supervisor_lx plan draw "$plan" --commit
is "$rc" 5 "a batch cannot be drawn twice (exit 5)"
ntasks=$(q "SELECT count(*) FROM supervision.inspection_task t JOIN supervision.inspection_batch b ON b.id = t.batch_id
            JOIN supervision.inspection_plan p ON p.id = b.plan_id WHERE p.plan_no = '$plan'")
is "$([ "$ntasks" -ge 4 ] && echo yes)" yes "tasks were made ($ntasks)"
is "$(q "SELECT count(*) FROM supervision.inspection_task t JOIN supervision.inspection_batch b ON b.id = t.batch_id
         JOIN supervision.inspection_plan p ON p.id = b.plan_id WHERE p.plan_no = '$plan'
          AND (SELECT count(*) FROM supervision.task_inspector ti WHERE ti.task_id = t.id) < 2")" 0 \
	"  ... none with fewer than two inspectors"

e demo_supervisor_lx plan verify "$plan"
is "$rc" 0 "verify: exit 0"
like "$out" "^一致" "  ... 一致"
owner() { PGPASSWORD=$(owner_pw) psql -X -q -At -h "$SMCON_TEST_PG/run" -U smcon_owner -d "$DB" -c "$1"; }
drawsql="SELECT d.id FROM supervision.inspection_draw d JOIN supervision.inspection_batch b ON b.id = d.batch_id
         JOIN supervision.inspection_plan p ON p.id = b.plan_id WHERE p.plan_no = '$plan' AND d.kind = 'object'"
victim=$(q "SELECT u.id || '|' || c.stratum || '|' || c.chunk_no FROM supervision.draw_chunk c, unnest(c.entity_ids) AS u (id)
           WHERE c.draw_id = ($drawsql) ORDER BY u.id DESC LIMIT 1")
vid=${victim%%|*}
vchunk="draw_id = ($drawsql) AND stratum = '$(echo "$victim" | cut -d'|' -f2)' AND chunk_no = ${victim##*|}"
owner "UPDATE supervision.draw_chunk SET must_ids = must_ids || $vid::bigint WHERE $vchunk"
e demo_supervisor_lx plan verify "$plan"
is "$rc" 1 "a snapshot chunk the owner altered: verify exits 1"
contains "$err" "$(echo "$victim" | cut -d'|' -f2) 层第 ${victim##*|} 块" "  ... naming the chunk"
contains "$err" "至 $vid，" "  ... and the entities it spans (the altered one its last)"
owner "UPDATE supervision.draw_chunk SET must_ids = array_remove(must_ids, $vid::bigint) WHERE $vchunk"
e demo_analyst plan verify "$plan"
is "$rc" 0 "restored, an analyst (the auditor) verifies it again"
like "$out" "^一致" "  ... 一致"

# the walls through psql too
out=$(psql_as demo_supervisor_lx -d "$DB" -c "SELECT count(*) FROM core.plan_population(1)" 2>&1)
contains "$out" "permission denied" "no role may list a plan's candidates through psql"
city=$(PGUSER=demo_supervisor PGPASSWORD=demo "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$DB" plan create --title 全市测试抽查 \
	--year 2026 --item TST-001 --ratio A:10,B:10,C:10,D:10 --from 2026-06-01 --to 2026-06-30 2>/dev/null)
like "$city" "^WX2026-" "the city supervisor plans for the city"
e demo_supervisor_lx plan file "$city"
is "$rc" 3 "a district supervisor cannot file the city's plan (exit 3)"
out=$(psql_as demo_supervisor_lx -d "$DB" -c "SELECT * FROM api.plan_draw('$city')" 2>&1)
contains "$out" "不在本人的计划权限内" "  ... nor draw it through psql"
e demo_supervisor_lx plan show NOPE-PLAN
is "$rc" 4 "an unknown plan: exit 4"
out=$(psql_as demo_supervisor_lx -d "$DB" -c "SELECT api.plan_cancel('$city', '测试')" 2>&1)
is "$(q "SELECT status FROM supervision.inspection_plan WHERE plan_no = '$city'")" draft "  ... nor cancel it"
out=$(psql_as demo_supervisor_lx -d "$DB" -c "LISTEN smcon_inspection" \
	-c "SELECT api.plan_create('通知测试', 2026, '{TST-001}', '{LX}', 'A:10', '2026-06-01', '2026-06-30')" 2>&1)
contains "$out" 'Asynchronous notification "smcon_inspection"' "a change is announced on smcon_inspection"
contains "$out" '"kind" : "plan"' "  ... with the kind, id, org and state, no names"

# tasks and results
export PGOPTIONS="-c smcon.now=2026-06-05T10:00:00+08"
e demo_inspector_lx task list --mine --plan "$plan" --format csv
is "$rc" 0 "the inspector lists their tasks"
is "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" "$ntasks" "  ... every task of the plan (both demo inspectors are its pool)"
task=$(printf '%s\n' "$out" | sed -n 2p | cut -d, -f1)
e demo_inspector_lx task show "$task"
contains "$out" "《企业信息公示暂行条例》第十四条" "the task shows the item's legal basis"
e demo_inspector_lx task result "$task" --code maybe
is "$rc" 2 "an unknown result code: exit 2"
contains "$err" "检查结果“maybe”" "  ... named"
e demo_inspector_lx task result "$task" --code corrected --done 2026-06-03
is "$rc" 2 "a problem without findings: exit 2"
e demo_inspector_lx task result "$task" --code corrected --finding 'TST-001:未公示年报' --done 2026-06-03 --format csv
is "$rc" 0 "the inspector enters a result"
contains "$out" "1,$(q "SELECT api.add_workdays('2026-06-03', 15)"),$(q "SELECT api.add_workdays('2026-06-03', 20)")," \
	"  ... version 1, rectification in 15 working days, publication due in 20"
e demo_inspector_lx task confirm "$task"
is "$rc" 3 "whoever entered it cannot confirm it (exit 3)"
e demo_inspector2_lx task confirm "$task"
is "$rc:$out" "0:已确认第 1 版结果" "the second inspector confirms it"
e demo_inspector2_lx task confirm "$task"
is "$rc" 5 "  ... once (exit 5)"
e demo_inspector_lx task result "$task" --code pending_followup --finding 须复查 --done 2026-06-03 --format json
contains "$out" '"version": 2' "an edit after confirmation is version 2"
is "$(q "SELECT count(*) FROM supervision.inspection_result_version")" 1 "  ... the confirmed version is kept"
e demo_inspector2_lx task confirm "$task"
is "$rc" 0 "  ... confirmed again"

export PGOPTIONS="-c smcon.now=2026-08-03T10:00:00+08"
e demo_supervisor_lx plan overview --flags "$plan" --format csv
is "$rc" 0 "the supervisor reads the flags"
contains "$out" "逾期未公示" "  ... a result not published within 20 working days is flagged"
contains "$out" "《企业信息公示暂行条例》第六条" "  ... with the article"
e demo_supervisor_lx plan overview
is "$rc" 0 "  ... and the progress"
e demo_supervisor_lx plan publish "$plan" --format csv
is "$rc" 0 "the results are published"
is "$(printf '%s\n' "$out" | head -1 | tr -d '\r')" "plan_no,task_no,uscc,entity_name,legal_rep,items,result,findings,inspected_on,org_name,published_on" \
	"  ... as CSV"
rep=$(q "SELECT e.legal_rep_name FROM supervision.inspection_task t JOIN core.entity e ON e.id = t.entity_id WHERE t.task_no = '$task'")
if [ -n "$rep" ] && [ "$(printf '%s' "$rep" | wc -m)" -gt 1 ]; then
	unlike "$out" "$rep" "  ... the legal representative's name masked"
else
	pass "  ... (the entity names no legal representative)"
fi
contains "$err" "本次公示 1 条结果" "  ... one confirmed result went out"
is "$(q "SELECT count(*) FROM audit.log WHERE table_name = 'supervision.inspection_result' AND actor IN ('demo_inspector_lx', 'demo_inspector2_lx')")" \
	4 "entering, confirming and correcting the result are audited under the inspectors' names"
done_testing
