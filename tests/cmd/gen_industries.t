#!/bin/bash
# mk/gen-industries.sh: the committed industry migration is what the CSV
# generates, and a malformed CSV line is reported with its number.
. "$(dirname "$0")/../lib/env.sh"

csv="$ROOT/data/reference/gbt4754-2017-industries.csv"
sh "$ROOT/mk/gen-industries.sh" "$csv" "$SCRATCH/0011.sql" 2>"$SCRATCH/err"
is "$?" 0 "the generator runs on the reference CSV"
if cmp -s "$SCRATCH/0011.sql" "$ROOT/sql/migrations/0011_industries.sql"; then
	pass "sql/migrations/0011_industries.sql is what the CSV generates"
else
	fail "sql/migrations/0011_industries.sql is what the CSV generates (run sh mk/gen-industries.sh)"
	diag "$(diff "$ROOT/sql/migrations/0011_industries.sql" "$SCRATCH/0011.sql" | head -20)"
fi
counts=$(grep -c "" "$csv")
like "$(head -1 "$SCRATCH/0011.sql")" "20 sections, 97 divisions, [0-9]+ groups, [0-9]+ classes" \
	"the migration's header counts the levels"
is "$(grep -o "', [1-4], '" "$SCRATCH/0011.sql" | wc -l)" "$((counts - 1))" "one row per CSV line"

{ head -4 "$csv"; echo 'A,011,3,"谷物种植"'; } >"$SCRATCH/dup.csv"
sh "$ROOT/mk/gen-industries.sh" "$SCRATCH/dup.csv" "$SCRATCH/dup.sql" 2>"$SCRATCH/err"
rc=$?
is "$([ $rc -ne 0 ] && echo failed)" failed "a duplicate code stops the generator"
contains "$(cat "$SCRATCH/err")" "line 5: duplicate code 011" "  ... naming the line"
is "$([ -e "$SCRATCH/dup.sql" ] && echo written)" "" "  ... and writes no migration"

{ head -2 "$csv"; echo 'A,0111,4,稻谷种植'; } >"$SCRATCH/bad.csv"
sh "$ROOT/mk/gen-industries.sh" "$SCRATCH/bad.csv" "$SCRATCH/bad.sql" 2>"$SCRATCH/err"
contains "$(cat "$SCRATCH/err")" "line 3: not section,code,level" "an unquoted name is reported with its line"
{ head -2 "$csv"; echo 'A,0111,4,"稻谷种植"'; } >"$SCRATCH/orphan.csv"
sh "$ROOT/mk/gen-industries.sh" "$SCRATCH/orphan.csv" "$SCRATCH/orphan.sql" 2>"$SCRATCH/err"
contains "$(cat "$SCRATCH/err")" "line 3: parent 01 of 0111 not seen before it" "a class without its division is reported"
done_testing
