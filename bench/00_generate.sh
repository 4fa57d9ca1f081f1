#!/bin/bash
# The generated warehouse: when bench/run has just generated it (a new bench
# cluster, or BENCH_FRESH=1), how long generation took, how many rows and how
# big the database is; otherwise only its size.
set -u
log="$BENCH_DIR/generate.log"
size=$(PGPASSWORD=$BENCH_OWNER_PW psql -X -At -U smcon_owner \
	-c "SELECT pg_size_pretty(pg_database_size(current_database())) || ' (' || pg_database_size(current_database()) || ' bytes)'")
entities=$(PGPASSWORD=$BENCH_OWNER_PW psql -X -At -U smcon_owner \
	-c "SELECT count(*) FROM core.entity WHERE uscc_prefix IN ('91', '92', '93')")
if [ -f "$BENCH_DIR/generated" ] && [ -f "$log" ]; then
	sed 's/^/# /' "$log"
	summary=$(grep -E '^(完成|done)' "$log")
	rows=$(sed -nE 's/^(完成：共|done:) ([0-9]+) .*/\2/p' <<<"$summary")
	secs=$(sed -nE 's/.*(用时|rows in) ([0-9.]+) .*/\2/p' <<<"$summary")
	echo "generate $entities entities with every theme: $(awk -v s="$secs" 'BEGIN { printf "%.1f", s / 60 }') minutes," \
		"$rows rows, database $size (target: under 15 minutes on 2 cores)"
else
	echo "database of $entities entities: $size (generated earlier; BENCH_FRESH=1 make bench generates it again and times it)"
fi
