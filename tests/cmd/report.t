#!/bin/bash
# smcon report list|run: every report as CSV, JSON, XLSX (read back and
# compared cell by cell with the CSV) and text for A4; figures recomputed
# with plain SQL; bad parameters named with their exit codes and no file
# left behind; masking; the internal report refused; a long run cancelled.
. "$(dirname "$0")/../lib/env.sh"
check() { /usr/bin/python3 "$ROOT/tests/lib/report_check.py" "$@"; }
# a copy of the warehouse: the quality report needs a run of the rules, which writes
DB=$(test_db) || { fail "a copy of the test warehouse"; done_testing; }
run() { run_db "$DB" "$@"; }

run demo_analyst report list --format csv
is "$rc" 0 "report list runs"
is "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" "entity inspection complaint rescue risk quality " \
	"  ... and lists the six reports in order"
like "$(printf '%s\n' "$out" | grep '^risk,')" ",f,t," "  ... the risk report internal, and the analyst may run it"
run demo_clerk_lx report list --format csv
like "$(printf '%s\n' "$out" | grep '^risk,')" ",f,f," "  ... a clerk may not"

# every report in every file format, over a period with data
declare -A params=(
	[entity]="--period 2026-10"
	[inspection]="--from 2026-01-01 --to 2026-11-30"
	[complaint]="--period 2026-10"
	[rescue]="--from 2024-01-01 --to 2026-11-30"
	[risk]="--from 2024-01-01 --to 2026-11-30"
	[quality]="--from 2026-01-01 --to 2026-12-31"
)
# the quality report has results to show once the rules have run
run demo_admin quality run
for r in entity inspection complaint rescue risk quality; do
	dir="$SCRATCH/$r"
	mkdir -p "$dir"
	# shellcheck disable=SC2086
	for f in csv json xlsx text; do
		run demo_analyst report run "$r" ${params[$r]} --format "$f" -o "$dir"
		is "$rc" 0 "$r as $f"
	done
	csv=$(ls "$dir"/*.csv)
	like "$(basename "$csv")" "^${r}_WX_[a-z]+_[0-9-]{10}_[0-9-]{10}_[0-9]{8}\\.csv$" \
		"  ... the file name carries the report, org, grouping, period and date"
	rows=$(($(wc -l <"$csv") - 1))
	[ "$rows" -ge 2 ]
	_tap_result $? "  ... the CSV has group rows and a total ($rows rows)"
	is "$(tail -1 "$csv" | cut -d, -f2)" "合计" "  ... the last row is the total"
	is "$(/usr/bin/python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$dir"/*.json)" "$rows" \
		"  ... the JSON has the same rows"
	is "$(check xlsx "$dir"/*.xlsx "$csv")" "ok $rows rows" "  ... the XLSX has the same cells and a chart"
	w=$(check text "$dir"/*.txt)
	[ "$w" -le 80 ]
	_tap_result $? "  ... the text fits 80 columns of an A4 page ($w)"
	is "$(ls -A "$dir" | grep -c '^\.')" 0 "  ... no temporary file is left"
done

# the same numbers as plain SQL over the source tables
run demo_analyst report run complaint --period 2026-10 --format csv
total=$(printf '%s\n' "$out" | tail -1 | cut -d, -f3)
is "$total" "$(psql_su -d "$DB" -Atc "SELECT (SELECT count(*) FROM rights.complaint
	WHERE received_at >= '2026-10-01 00:00+08' AND received_at < '2026-11-01 00:00+08')
	+ (SELECT count(*) FROM rights.report WHERE received_at >= '2026-10-01 00:00+08' AND received_at < '2026-11-01 00:00+08')")" \
	"complaints and reports received in 2026-10 equal a count of the tables"
run demo_analyst report run rescue --from 2024-01-01 --to 2026-11-30 --format csv
is "$(printf '%s\n' "$out" | tail -1 | cut -d, -f5)" "$(psql_su -d "$DB" -Atc "SELECT sum(trapped_count) FROM rights.rescue_incident
	WHERE kind = 'trapped' AND status <> 'cancelled' AND received_at >= '2024-01-01 00:00+08' AND received_at < '2026-12-01 00:00+08'")" \
	"persons trapped equal a sum over the incidents"
run demo_analyst report run entity --period 2026-10 --by station --format csv
is "$(printf '%s\n' "$out" | grep -c '^[A-Z][A-Z][0-9][0-9],')" \
	"$(psql_su -d "$DB" -Atc "SELECT count(DISTINCT o.code) FROM core.entity e JOIN core.org_unit o ON o.id = e.org_id WHERE o.level = 'station'")" \
	"grouped by station, one row per station that has entities"
run demo_analyst report run entity --period 2026-10 --format table
like "$out" "梁溪区局" "the table format shows the district names"
like "$out" "合计" "  ... and the total"

# masking: a public report masks respondents outside the register, whatever the role
run demo_supervisor report run complaint --from 2017-01-01 --to 2026-12-06 --by respondent --format csv
unmasked=$(printf '%s\n' "$out" | tail -n +2 | grep '^,' | cut -d, -f2 | grep -v '\*' | grep -vc '（未填）')
is "$unmasked" 0 "respondents outside the register are masked in the public complaint report, for a supervisor too"

# bad input: named, the right exit code, no file
bad="$SCRATCH/bad"
mkdir -p "$bad"
run demo_analyst report run weather --format csv -o "$bad"
is "$rc" 4 "an unknown report: exit 4"
contains "$err" "weather" "  ... naming it"
run demo_analyst report run complaint --period 2026-13 --format csv -o "$bad"
is "$rc" 2 "a month that is no month: exit 2"
contains "$err" "--period" "  ... naming --period"
run demo_analyst report run complaint --from 2026-02-30 --to 2026-03-01 --format csv -o "$bad"
is "$rc" 2 "a day that does not exist: exit 2"
contains "$err" "--from" "  ... naming --from"
run demo_analyst report run complaint --period 2026-10 --by weekday --format csv -o "$bad"
is "$rc" 2 "a grouping the report lacks: exit 2"
contains "$err" "--by" "  ... naming --by"
run demo_analyst report run complaint --period 2026-10 --org XX --format csv -o "$bad"
is "$rc" 2 "an org code that does not exist: exit 2"
contains "$err" "--org" "  ... naming --org"
run demo_analyst report run complaint --period 2030-01 --format csv -o "$bad"
is "$rc" 4 "a period after today: exit 4"
run demo_clerk_lx report run complaint --period 2026-10 --org JY --format csv -o "$bad"
is "$rc" 3 "a 梁溪 clerk asking for 江阴: exit 3"
contains "$err" "江阴市局" "  ... naming the org unit"
run demo_clerk_lx report run risk --period 2026-10 --format csv -o "$bad"
is "$rc" 3 "the internal risk report refused to a clerk: exit 3"
out=$(psql_as demo_clerk_lx -c "SELECT count(*) FROM api.report_risk('2026-10-01', '2026-10-31', NULL, NULL)" 2>&1)
like "$out" "permission denied for function report_risk" "  ... and in psql"
run demo_analyst report run complaint --period 2026-10 --format xlsx
is "$rc" 2 "XLSX to a terminal: exit 2"
is "$(ls -A "$bad")" "" "no bad run left a file or a temporary file"
run demo_clerk_lx report run complaint --period 2026-10 --format csv
is "$rc" 0 "a 梁溪 clerk runs the complaint report without --org"
is "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1 | grep -v '^$' | grep -vc '^LX')" 0 "  ... and gets 梁溪 only"

# a long run cancelled with Ctrl-C: the query stops, no file is left
long="$SCRATCH/long"
mkdir -p "$long"
PGOPTIONS="-c smcon.report_test_delay=60" PGUSER=demo_analyst PGPASSWORD=demo \
	"$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$DB" report run complaint --period 2026-10 --format csv -o "$long/c.csv" \
	>"$SCRATCH/long.out" 2>"$SCRATCH/long.err" &
pid=$!
sleeping() {
	[ "$(psql_su -d "$DB" -Atc "SELECT count(*) FROM pg_stat_activity WHERE usename = 'demo_analyst'
		AND query LIKE 'FETCH%smcon_report%' AND state = 'active'")" = 1 ]
}
wait_until 20 sleeping
_tap_result $? "a long report is running"
kill -INT "$pid"
gone() { ! kill -0 "$pid" 2>/dev/null; }
wait_until 10 gone
_tap_result $? "  ... Ctrl-C ends it well before its minute"
wait "$pid"
rc=$?
is "$rc" 1 "  ... with exit 1"
contains "$(cat "$SCRATCH/long.err")" "取消" "  ... saying it was cancelled"
is "$(ls -A "$long")" "" "  ... leaving no file"
is "$(psql_su -d "$DB" -Atc "SELECT count(*) FROM pg_stat_activity WHERE usename = 'demo_analyst'
	AND query LIKE 'FETCH%smcon_report%' AND state = 'active'")" 0 "  ... and no query on the server"

# db.report_conninfo: reports go there (here: the same server; then one that is down)
sed "s#^\( *\)conninfo = .*#&\n\1report_conninfo = \"host=$SMCON_TEST_PG/run dbname=smcon\";#" "$CONF" >"$SCRATCH/standby.conf"
out=$(PGUSER=demo_analyst PGPASSWORD=demo "$SMCON" -C "$SCRATCH/standby.conf" report run complaint --period 2026-10 --format csv 2>&1)
is "$(printf '%s\n' "$out" | tail -1 | cut -d, -f3)" "$total" "with db.report_conninfo set, the report runs there"
sed "s#^\( *\)conninfo = .*#&\n\1report_conninfo = \"host=$SCRATCH/nowhere dbname=smcon\";#" "$CONF" >"$SCRATCH/down.conf"
PGUSER=demo_analyst PGPASSWORD=demo "$SMCON" -C "$SCRATCH/down.conf" report run complaint --period 2026-10 --format csv >/dev/null 2>&1
isnt_rc=$?
[ "$isnt_rc" -ne 0 ]
_tap_result $? "  ... and a standby that is down is an error, not a silent fallback"

done_testing
