#!/bin/bash
# The work calendar from command mode: deadlines, counting, showing, and
# loading a holiday file (admins only, all or nothing, bad rows by line).
. "$(dirname "$0")/../lib/env.sh"

run demo_clerk_lx calendar deadline 2026-02-12 7
is "$rc" 0 "calendar deadline exits 0"
like "$out" '^期限 +: 2026-02-28$' "7 working days from 2026-02-12 end on 2026-02-28"
like "$out" '^期限星期 +: 星期六$' "  ... a Saturday"
like "$out" '^期限日类别 +: 调休上班$' "  ... a make-up working day"
like "$out" '^节日 +: 春节$' "  ... of 春节"
like "$out" '^起算日星期 +: 星期四$' "  ... counted from a Thursday"

run demo_handler_jy calendar deadline 2026-09-21 45 --format json
like "$out" '"deadline": "2026-11-30"' "45 working days (the mediation limit) skip 中秋 and 国庆"
like "$out" '"deadline_kind": "workday"' "  ... JSON gives the kind as a code"
like "$out" '"workdays": 45' "  ... and the number as a number"

run demo_clerk_lx --lang en calendar deadline 2026-10-09 1
like "$out" '^deadline +: 2026-10-10$' "in English: the make-up Saturday after 2026-10-09"
like "$out" '^deadline weekday +: Saturday$' "  ... named in English"

run demo_clerk_lx calendar deadline 2035-12-20 20
is "$rc" 1 "a deadline running past the provisional years (2027-2035) fails"
contains "$err" "2036 年的工作日历尚未载入" "  ... and names the year"
contains "$err" "smcon calendar load" "  ... and the command that loads it"

run demo_clerk_lx calendar deadline 2026/02/12 7
is "$rc" 2 "a date not written YYYY-MM-DD is a usage error"
run demo_clerk_lx calendar deadline 2026-02-30 7
is "$rc" 1 "an impossible date is refused by the database"
run demo_clerk_lx calendar deadline 2026-02-12 seven
is "$rc" 2 "a number of days that is not a number is a usage error"

run demo_inspector_lx calendar workdays 2026-02-12 2026-02-28
like "$out" '^工作日数 +: 7$' "workdays between 2026-02-12 and 2026-02-28: 7 (the end counts)"
run demo_inspector_lx calendar workdays 2026-02-28 2026-02-12 --format csv
like "$out" '^2026-02-28,星期六,2026-02-12,星期四,-7' "  ... -7 the other way round"

run demo_analyst calendar show
is "$rc" 0 "calendar show lists the loaded years"
like "$out" '^ 2019 \|' "  ... from 2019"
like "$out" '^ 2026 \| +33 \| +6 \| +248 \| cn-holidays-2019-2026.csv' "  ... to 2026, with its counts"
run demo_analyst calendar show 2026
like "$out" '^ 2026-02-28 \| 星期六 \| 调休上班 \| 春节 +\| 否$' "calendar show 2026 lists its days, not provisional"
like "$out" '^ 2026-10-01 \| 星期四 \| 放假 +\| 国庆节 \| 否$' "  ... off days too"
run demo_analyst calendar show 2036
is "$rc" 4 "a year neither loaded nor provisional is not found"
contains "$err" "2036 年的工作日历尚未载入" "  ... and says so"

# Loading, on a copy of the warehouse.
db=$(test_db)
cat >"$SCRATCH/2027.csv" <<'CSV'
date,kind,name
2026-12-31,off,元旦
2027-01-01,off,元旦
2027-02-06,makeup_workday,春节
2027-02-07,off,春节
CSV
run_db "$db" demo_clerk_lx calendar load "$SCRATCH/2027.csv"
is "$rc" 3 "a clerk may not load a calendar"
contains "$err" "系统管理员" "  ... it needs an administrator"
out=$(DB=$db psql_as demo_clerk_lx -c "SELECT api.calendar_load('{2}', '{2027-01-01}', '{off}', '{元旦}', 'x.csv')" 2>&1)
contains "$out" "permission denied" "  ... and the database refuses a clerk in psql too"

run_db "$db" demo_admin calendar load "$SCRATCH/2027.csv"
is "$rc" 0 "an admin loads a good file"
contains "$out" "已载入 4 行" "  ... and is told how many rows"
like "$out" '^ 2027 \| +2 \| +1 \| 否 +\| 是$' "  ... and which year, provisional until now"
contains "$out" "已按新日历重算已存期限" "  ... and the stored deadlines are recomputed"
run_db "$db" demo_clerk_lx calendar deadline 2026-12-28 5
like "$out" '^期限 +: 2027-01-06$' "deadlines now run into 2027"

printf 'date,kind,name\n2028-01-01,off,元旦\n2028-02-30,off,春节\n2028-02-08,makeup_workday,春节\n2028-02-09,holiday,春节\n2028-01-01,off,元旦\n2028-02-10,off\n2028-02-11,off,\n' >"$SCRATCH/bad.csv"
run_db "$db" demo_admin calendar load "$SCRATCH/bad.csv"
is "$rc" 1 "a file with bad rows fails"
contains "$err" "第 3 行：日期“2028-02-30”无效" "  ... an impossible date, by its line"
contains "$err" "第 4 行：2028-02-08 是周一至周五" "  ... a weekday marked makeup_workday"
contains "$err" "第 5 行：类别“holiday”无效" "  ... an unknown kind"
contains "$err" "第 6 行：日期与第 2 行重复" "  ... a duplicate date"
contains "$err" "第 7 行：应有 3 列" "  ... a missing field"
contains "$err" "第 8 行：节日名称“”无效" "  ... an empty name"
contains "$err" "有 6 处错误，未载入任何数据" "  ... and nothing loaded"
run_db "$db" demo_admin calendar show 2028
contains "$out" "2028 年的节假日安排尚未载入" "  ... indeed: 2028 is not loaded (still provisional)"
is "$(DB=$db psql_as demo_admin -c "SELECT count(*) FROM core.work_calendar WHERE day >= '2028-01-01'")" 0 \
	"  ... and none of its rows is in the table"

run_db "$db" demo_admin --lang en calendar load "$SCRATCH/bad.csv"
contains "$err" "line 4: 2028-02-08 is a Monday to Friday" "the problems in English"
contains "$err" "nothing loaded" "  ... nothing loaded"

printf 'date,kind,name\n2028-02-05,off,春节\n' >"$SCRATCH/noyear.csv"
run_db "$db" demo_admin calendar load "$SCRATCH/noyear.csv"
is "$rc" 1 "a file without 1 January loads no year and is refused"
contains "$err" "没有任何一年的元旦" "  ... and says why"

run_db "$db" demo_admin calendar load "$SCRATCH/missing.csv"
is "$rc" 4 "a missing file is not found"

run_db "$db" demo_admin calendar load "$ROOT/data/reference/cn-holidays-2019-2026.csv"
is "$rc" 0 "the holiday file the warehouse was built from loads again (idempotent)"
printf 'date,kind,name\n2027-01-01,off,元旦\n2027-01-04,makeup_workday,元旦\n' >"$SCRATCH/weekday.csv"
run_db "$db" demo_admin calendar load "$SCRATCH/weekday.csv"
contains "$err" "第 3 行：2027-01-04 是周一至周五" "a weekday marked as a make-up working day is refused, by line"

sh "$ROOT/mk/gen-calendar.sh" "$ROOT/data/reference/cn-holidays-2019-2026.csv" >"$SCRATCH/0004.sql"
if cmp -s "$SCRATCH/0004.sql" "$ROOT/sql/migrations/0004_calendar_data.sql"; then
	pass "the calendar migration is what mk/gen-calendar.sh makes of the CSV"
else
	fail "the calendar migration is what mk/gen-calendar.sh makes of the CSV"
fi
done_testing
