#!/bin/bash
# Provisional calendars from command mode: a deadline that reaches a year whose
# holiday notice is not loaded succeeds and says 暂定; a complaint registered on
# 2026-12-23 gets such a deadline; loading the notice recomputes it and says how
# many moved; admins and supervisors are warned from 1 November.
. "$(dirname "$0")/../lib/env.sh"

run demo_clerk_lx calendar deadline 2026-12-20 10
is "$rc" 0 "a deadline running into 2027 (no notice loaded) succeeds"
like "$out" '^期限 +: 2027-01-04（暂定）$' "  ... on the provisional calendar, marked 暂定"
like "$out" '^暂定 +: 是$' "  ... and says so in its own line"
run demo_clerk_lx calendar deadline 2027-02-04 1 --format json
contains "$out" '"deadline": "2027-02-11"' "the issue's example: 春节 2027 on the 6th, one working day after the 4th is the 11th"
contains "$out" '"provisional": true' "  ... JSON carries the mark as a boolean"
run demo_clerk_lx calendar deadline 2026-12-01 7 --format json
contains "$out" '"provisional": false' "a deadline inside a loaded year is not provisional"
run demo_clerk_lx --lang en calendar deadline 2026-12-20 10
like "$out" '^deadline +: 2027-01-04 \(provisional\)$' "  ... marked in English too"
run demo_clerk_lx calendar workdays 2026-12-23 2027-01-04 --format csv
like "$out" '^2026-12-23,星期三,2027-01-04,星期一,7,t' "workdays counts across too, provisionally"

run demo_analyst calendar show 2027
is "$rc" 0 "calendar show 2027 lists the provisional year"
contains "$out" "2027 年的节假日安排尚未载入" "  ... says it is not loaded"
like "$out" '^ 2027-02-09 \| 星期二 \| 放假 \| 春节补假 +\| 是$' "  ... and shows a weekend holiday made up"
run demo_analyst calendar show --format json
contains "$out" '"year": 2035, ' "calendar show lists the provisional years up to 2035"

expected=$(tail -n +2 "$ROOT/data/reference/cn-festival-dates-2027-2035.csv" | sort)
actual=$(psql_su -d smcon -Atc "SELECT year || ',' || festival || ',' || day FROM core.festival_date" | sort)
is "$actual" "$expected" "core.festival_date holds exactly the reference file's dates"

# A copy of the warehouse whose clock a test may set (PGOPTIONS smcon.now).
DB=$(test_db)
psql_su -d "$DB" -qc "UPDATE meta.test_clock SET enabled = true"
at() { PGOPTIONS="-c smcon.now=$1" run_db "$DB" "${@:2}"; }

at 2026-10-15T10:00:00+08 demo_admin db status --format json
contains "$out" '"calendar_year": 2027, "calendar_loaded": false, "calendar_provisional": true, "calendar_warning": ""' \
	"db status in October: 2027 not loaded, provisional, no warning yet"
at 2026-11-02T10:00:00+08 demo_admin db status
like "$out" '^日历提醒 +: 2027 年的节假日安排尚未载入：跨入该年的期限按法定规则暂定' \
	"from 1 November an admin is warned"
at 2026-11-02T10:00:00+08 demo_supervisor db status --format json
unlike "$out" '"calendar_warning": ""' "  ... a supervisor too"
at 2026-11-02T10:00:00+08 demo_clerk_lx db status --format json
contains "$out" '"calendar_warning": ""' "  ... a clerk is not"

mapfile -d '' items < <(printf '%s\0' --name 周海燕 --phone 13861234567 --address '无锡市梁溪区中山路 8 号' \
	--request 退货退款 --facts '购买三天后电池无法充电，商家拒绝退货')
code=$(psql_su -d "$DB" -Atc "SELECT uscc FROM core.entity e WHERE status = 'active'
                              AND core.org_district(org_id) = (SELECT id FROM core.org_unit WHERE code = 'LX')
                              ORDER BY id LIMIT 1")
at 2026-12-23T10:00:00+08 demo_handler_lx entity complaint "$code" "${items[@]}"
is "$rc" 0 "a complaint registered on 2026-12-23"
contains "$out" "须在 2027-01-04（暂定） 前决定是否受理" "  ... must be decided by 2027-01-04, provisionally"
at 2027-02-03T10:00:00+08 demo_handler_lx entity complaint "$code" "${items[@]}" --format json
contains "$out" '"decide_by": "2027-02-18", "decide_by_provisional": true' \
	"one registered on 2027-02-03: 2027-02-18 (春节 5-10 February), a JSON boolean"
no=$(printf '%s' "$out" | grep -o 'SM[0-9]*')
is "$(psql_su -d "$DB" -Atc "SELECT accept_due_on FROM rights.complaint WHERE complaint_no = '$no'")" 2027-02-18 \
	"  ... the deadline is stored with the complaint"

cat >"$SCRATCH/2027.csv" <<'CSV'
date,kind,name
2027-01-01,off,元旦
2027-02-05,off,春节
2027-02-06,off,春节
2027-02-07,off,春节
2027-02-08,off,春节
2027-02-09,off,春节
2027-02-10,off,春节
2027-02-11,off,春节
2027-02-20,makeup_workday,春节
CSV
run_db "$DB" demo_admin calendar load "$SCRATCH/2027.csv"
is "$rc" 0 "the 2027 notice loads"
like "$out" '^ 2027 \| +8 \| +1 \| 否 +\| 是$' "  ... replacing a provisional year"
like "$out" "已按新日历重算已存期限：[0-9]+ 条移动" "  ... and reports how many stored deadlines moved"
like "$out" '^ complaint_accept +\| 决定是否受理投诉的期限 +\| 市场监督管理投诉举报处理暂行办法第十四条 +\| +1 \| +1$' \
	"  ... by how much, of which clock and article"
# the 12315 desk's running clocks are stored deadlines too (0100): the
# complaint's 7-day clock moves with its accept_due_on
like "$out" '^ desk_complaint +\| 投诉办理时限' "  ... the desk's running clocks with them"
is "$(psql_su -d "$DB" -Atc "SELECT accept_due_on FROM rights.complaint WHERE complaint_no = '$no'")" 2027-02-19 \
	"  ... the stored deadline moved to 2027-02-19"
at 2027-02-03T10:00:00+08 demo_handler_lx calendar deadline 2027-02-03 7 --format json
contains "$out" '"provisional": false' "  ... and is no longer provisional"
at 2026-11-02T10:00:00+08 demo_admin db status --format json
contains "$out" '"calendar_warning": ""' "with 2027 loaded, the warning is gone"

run demo_admin calendar deadline 2035-12-20 20
contains "$err" "只到 2035 年" "past the reference data: refused, saying how far it reaches"
done_testing
