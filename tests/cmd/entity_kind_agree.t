#!/bin/bash
# The search box's idea of an input is the same in SQL as in C: every line of
# tests/data/entity-query-kinds.txt goes through core.entity_query_kind() as a
# clerk and must get the kind the file says (tests/unit/test_entity.c holds C
# to the same file).
. "$(dirname "$0")/../lib/env.sh"

KINDS="$ROOT/tests/data/entity-query-kinds.txt"
grep -v '^#' "$KINDS" | grep -F "$(printf '\t')" | cut -f1 >"$SCRATCH/inputs"
grep -v '^#' "$KINDS" | grep -F "$(printf '\t')" | cut -f2 >"$SCRATCH/want"
n=$(wc -l <"$SCRATCH/inputs")
ok=0
[ "$n" -ge 40 ] && ! grep -q '\\' "$SCRATCH/inputs" && ok=1
is "$ok" 1 "$n inputs, none with a backslash (they go through COPY's text format)"

psql_as demo_clerk_lx >"$SCRATCH/got" 2>"$SCRATCH/err" <<SQL
CREATE TEMP TABLE input (n int GENERATED ALWAYS AS IDENTITY, q text NOT NULL);
\copy input (q) FROM '$SCRATCH/inputs'
SELECT core.entity_query_kind(q) FROM input ORDER BY n;
SQL
is "$?" 0 "psql as demo_clerk_lx classifies them"
[ -s "$SCRATCH/err" ] && diag "$(cat "$SCRATCH/err")"
is "$(wc -l <"$SCRATCH/got")" "$n" "one kind an input"
m=$(paste -d '\t' "$SCRATCH/inputs" "$SCRATCH/want" "$SCRATCH/got" | awk -F'\t' '$2 != $3 { print NR ": [" $1 "] file " $2 ", SQL " $3 }')
is "$m" "" "SQL says what the file says for every input"
for kind in empty uscc reg_no phone uscc_prefix text; do
	is "$(grep -cx "$kind" "$SCRATCH/got" | sed 's/^[1-9][0-9]*$/some/')" some "the inputs include the kind $kind"
done

# core.uscc_complete() (SQL) gives every valid vector back from its first 16 characters.
VECTORS="$ROOT/tests/data/uscc-vectors.txt"
grep -v '^#' "$VECTORS" | grep . | awk -F'\t' 'NF == 1 || $2 == "valid" { print $1 }' >"$SCRATCH/valid"
psql_as demo_clerk_lx >"$SCRATCH/complete" 2>&1 <<SQL
CREATE TEMP TABLE v (code text NOT NULL);
\copy v (code) FROM '$SCRATCH/valid'
SELECT count(*), count(*) FILTER (WHERE core.uscc_complete(left(core.uscc_normalize(code), 16))
                                        IS DISTINCT FROM core.uscc_normalize(code))
  FROM v;
SELECT core.uscc_complete('91320213MA1XHD0'), core.uscc_complete('91320213MA1XHD0I') IS NULL;
SQL
is "$(sed -n 1p "$SCRATCH/complete")" "$(wc -l <"$SCRATCH/valid")|0" \
	"core.uscc_complete() completes every valid vector from its first 16 characters"
is "$(sed -n 2p "$SCRATCH/complete")" "|t" "  ... and gives NULL for 15 characters or a letter outside the set"
done_testing
