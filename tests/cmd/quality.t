#!/bin/bash
# smcon quality run / history / rules: the data-quality rules run as the
# platform, results are kept with their time, admins and supervisors only.
. "$(dirname "$0")/../lib/env.sh"

DB=$(test_db)
export DB
sql() { psql_su -At -d "$DB" -c "$1"; }
cp "$ROOT/tests/data/import/entity-good.csv" "$SCRATCH/"
run_db "$DB" demo_admin import entity "$SCRATCH/entity-good.csv" >/dev/null

run_db "$DB" demo_supervisor quality rules --format csv
is "$rc" 0 "a supervisor lists the rules"
rules=$(printf '%s\n' "$out" | tail -n +2 | wc -l)
ok=$([ "$rules" -ge 10 ] && echo yes)
is "$ok" yes "  at least ten of them ($rules)"
like "$out" "elevator_no_maintenance_unit,在用电梯没有维保单位,equipment" "  one is the elevator without a maintenance unit"

run_db "$DB" demo_supervisor quality run --format csv
is "$rc" 0 "a supervisor runs them all"
is "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" "$rules" "  one row per rule"
like "$out" "^entity_no_legal_rep,存续主体未登记法定代表人,core,error,0," "  none of the imported entities lacks a legal representative"

# an entity without a legal representative, as a migration from an old system leaves it
sql "UPDATE core.entity SET legal_rep_name = NULL WHERE uscc = '91320211MA1R5D7U6W'" >/dev/null
run_db "$DB" demo_admin quality run --rule entity_no_legal_rep --format csv
is "$rc" 0 "an admin runs one rule"
like "$out" "^entity_no_legal_rep,存续主体未登记法定代表人,core,error,1,91320211MA1R5D7U6W 无锡太湖物业管理有限公司," \
	"  it finds the offender, with its name as the example"
run_db "$DB" demo_admin quality run --rule entity_no_legal_rep
like "$out" "91320211MA1R5D7U6W 无锡太湖物业管理有限公司" "  the table shows the example too"

run_db "$DB" demo_supervisor quality history --rule entity_no_legal_rep --format csv
is "$rc" 0 "the history of a rule"
is "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f2,4,5,6 | tr -d '\r' | tr '\n' ' ')" \
	"entity_no_legal_rep,1,1,0 entity_no_legal_rep,1,0,+1 entity_no_legal_rep,0,, " \
	"  newest first, with the change since the run before"
is "$(sql "SELECT count(*) FROM meta.quality_result WHERE rule_code = 'entity_no_legal_rep'")" 3 \
	"  every run is kept with its time"

run_db "$DB" demo_supervisor quality run --rule no_such_rule
is "$rc" 4 "an unknown rule: exit 4"
run_db "$DB" demo_clerk_lx quality run
is "$rc" 3 "a clerk may not run the rules (exit 3)"
out=$(DB=$DB psql_as demo_clerk_lx -c "SELECT count(*) FROM api.quality_run()" 2>&1)
like "$out" "permission denied for function quality_run" "  and the database refuses a clerk's psql too"
out=$(DB=$DB psql_as demo_supervisor -c "SELECT count(*) FROM meta.quality_rule" 2>&1)
like "$out" "permission denied" "  nobody reads or writes the rule table directly"
done_testing
