#!/bin/bash
# The C and SQL implementations of the USCC agree: every test vector goes
# through `smcon uscc check --format csv` and through core.uscc_problem(
# core.uscc_normalize(code)) as a clerk, and both must give the same verdict,
# problem, position and expected character.
. "$(dirname "$0")/../lib/env.sh"

VECTORS="$ROOT/tests/data/uscc-vectors.txt"
grep -v '^#' "$VECTORS" | grep . | cut -f1 >"$SCRATCH/codes"
grep -v '^#' "$VECTORS" | grep . | awk -F'\t' '{ print (NF > 1 ? $2 : "valid") }' >"$SCRATCH/want"
n=$(wc -l <"$SCRATCH/codes")
ok=0
[ "$n" -gt 400 ] && ! grep -q '\\' "$SCRATCH/codes" && ok=1
is "$ok" 1 "$n vectors, none with a backslash (they go through COPY's text format)"

# "valid|problem|position|expected" from core.uscc_problem()'s spelling.
from_sql() {
	awk '{
		if ($1 == "valid") print "true|||"
		else if ($1 == "length") print "false|length||"
		else if ($1 == "char") print "false|char|" $2 "|"
		else if ($1 == "org_check") print "false|org_check|17|" $2
		else if ($1 == "check") print "false|check|18|" $2
		else print "unknown answer: " $0
	}'
}

# The same four fields from smcon's CSV, picked by the names in its header.
from_csv() {
	perl -ne '
		s/\r?\n\z//;
		my @f;
		while (/\G(?:"((?:[^"]|"")*)"|([^,]*))(,|\z)/g) {
			push @f, defined $1 ? $1 =~ s/""/"/gr : $2;
			last if $3 eq "";
		}
		if ($. == 1) { %col = map { $f[$_] => $_ } 0 .. $#f; next }
		print join("|", map { $f[$col{$_}] } qw(valid problem position expected)), "\n";
	'
}

"$SMCON" -C "$CONF" -d "host=/nonexistent" uscc check --format csv <"$SCRATCH/codes" \
	>"$SCRATCH/c.csv" 2>"$SCRATCH/c.err"
is "$?" 1 "smcon uscc check reads the vectors (exit 1: some are invalid)"
from_csv <"$SCRATCH/c.csv" >"$SCRATCH/c"

psql_as demo_clerk_lx >"$SCRATCH/sql.raw" 2>"$SCRATCH/sql.err" <<SQL
CREATE TEMP TABLE vector (n int GENERATED ALWAYS AS IDENTITY, code text NOT NULL);
\copy vector (code) FROM '$SCRATCH/codes'
SELECT coalesce(core.uscc_problem(core.uscc_normalize(code)), 'valid') FROM vector ORDER BY n;
SQL
is "$?" 0 "psql as demo_clerk_lx checks the same vectors"
[ -s "$SCRATCH/sql.err" ] && diag "$(cat "$SCRATCH/sql.err")"
from_sql <"$SCRATCH/sql.raw" >"$SCRATCH/sql"
from_sql <"$SCRATCH/want" >"$SCRATCH/file"

is "$(wc -l <"$SCRATCH/c")" "$n" "C: one answer a vector"
is "$(wc -l <"$SCRATCH/sql")" "$n" "SQL: one answer a vector"

# mismatches A B: the vectors on which two lists of answers differ.
mismatches() {
	paste -d '\t' "$SCRATCH/codes" "$1" "$2" | awk -F'\t' '$2 != $3 { print NR ": " $1 "  " $2 " vs " $3 }'
}
m=$(mismatches "$SCRATCH/c" "$SCRATCH/sql")
is "$m" "" "C and SQL agree on every vector: verdict, problem, position, expected character"
m=$(mismatches "$SCRATCH/sql" "$SCRATCH/file")
is "$m" "" "  ... and both say what the vector file says"

# Agreement on nothing would prove nothing: every kind of answer occurs.
for kind in 'true|||' 'false|length|' 'false|char|' 'false|org_check|17|' 'false|check|18|'; do
	ok=$(grep -cF "$kind" "$SCRATCH/c")
	[ "$ok" -gt 0 ] && ok=1
	is "$ok" 1 "the vectors include answers of the kind '$kind'"
done
done_testing
