#!/bin/bash
# The working day's load (make bench): LOAD_SESSIONS console sessions (300)
# for LOAD_SECONDS (600) against the bench warehouse, first straight to the
# server, then through PgBouncer in session mode (mk/pgbouncer.sh) when it is
# installed. Each session does what a desk does, at LOAD_RATE actions a
# minute (2: one every 30 s, a clerk at the counter; 300 sessions then offer
# 10 actions a second, 50 times the city's 200 complaints a day in
# registrations alone; 12 saturates the 2-core bench machine, whose
# figures then only measure the queue in front of it):
#   clerks (85% of the sessions, demo_clerk_lx): entity lookups (name
#     fragments, 53% of their actions), profiles (header, risk, first page of
#     facts: 35%), complaint registrations (12%; they stay in the warehouse);
#   complaint handlers (15%, demo_handler_lx): their queue, the first 50
#     items as the desk shows them (api.desk_queue).
# Sessions are pgbench clients on the console's API functions (prepared
# statements, as a held console session runs them; every session of a kind
# logs in as one demo role, so PgBouncer keeps one pool per kind). Prints per
# action the count, median and p99 in ms, the errors (failed statements,
# aborted sessions), and the server's memory (sum of the proportional set
# size of the postgres processes, sampled every 2 s: peak) with the number of
# server processes. LOAD_WARMUP (60) seconds at the start are not counted.
set -u
root=${SMCON_ROOT:?run through bench/run}
dir=${BENCH_DIR:?run through bench/run}
sessions=${LOAD_SESSIONS:-300}
seconds=${LOAD_SECONDS:-600}
rate=${LOAD_RATE:-2}
# the first seconds are left out of the figures: 300 logins at once, and
# pgbench counts a transaction's latency from when it was scheduled
warmup=${LOAD_WARMUP:-60}
[ "$warmup" -lt "$seconds" ] || warmup=0
handlers=$((sessions * 15 / 100))
clerks=$((sessions - handlers))
export PGOPTIONS="-c client_min_messages=warning"
super() { PGUSER=postgres PGPASSWORD=$BENCH_SUPER_PW psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
owner() { PGUSER=smcon_owner PGPASSWORD=$BENCH_OWNER_PW psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
work=$(mktemp -d /tmp/smcon-load.XXXXXX)
chmod 755 "$work"
cleanup() {
	sh "$root/mk/pgbouncer.sh" stop "$work/pb" >/dev/null 2>&1
	owner -c "DROP SCHEMA IF EXISTS bench_load CASCADE" >/dev/null 2>&1
	rm -rf "$work"
}
trap cleanup EXIT

# Room for every session, the reports and the admins: the test and demo
# clusters allow 200.
need=$((sessions + 30))
if [ "$(super -c 'SHOW max_connections')" -lt "$need" ]; then
	echo "# max_connections raised to $need for $sessions sessions (a restart)"
	super -c "ALTER SYSTEM SET max_connections = $need" >/dev/null
	sh "$root/mk/pgcluster.sh" stop "$dir" && sh "$root/mk/pgcluster.sh" start "$dir" || exit 1
fi

# What the sessions look up: a thousand entities' codes and the fragments of
# their names a clerk types (the 字号 after the district).
owner <<'SQL' || exit 1
DROP SCHEMA IF EXISTS bench_load CASCADE;
CREATE SCHEMA bench_load;
COMMENT ON SCHEMA bench_load IS 'bench/load.sh 的抽样（运行结束即删除）';
CREATE TABLE bench_load.sample AS
SELECT row_number() OVER () AS i, uscc::text AS code,
       substr(name, CASE WHEN name LIKE '无锡市%' THEN 4 ELSE 3 END, 2 + (id % 2)::int) AS frag
  FROM (SELECT * FROM core.entity TABLESAMPLE SYSTEM (1) REPEATABLE (3) LIMIT 1000) e;
ALTER TABLE bench_load.sample ADD PRIMARY KEY (i);
GRANT USAGE ON SCHEMA bench_load TO smcon_staff;
GRANT SELECT ON bench_load.sample TO smcon_staff;
SQL
n=$(owner -c "SELECT count(*) FROM bench_load.sample")
[ "$n" -gt 0 ] || { echo "# the warehouse has no entities"; exit 1; }

cat >"$work/lookup.sql" <<SQL
\set i random(1, $n)
SELECT frag FROM bench_load.sample WHERE i = :i \gset
SELECT count(*) FROM api.entity_search(:frag);
SQL
cat >"$work/profile.sql" <<SQL
\set i random(1, $n)
SELECT code FROM bench_load.sample WHERE i = :i \gset
SELECT count(*) FROM api.entity_header(:code);
SELECT count(*) FROM api.entity_risk(:code);
SELECT count(*) FROM api.entity_facts(:code, NULL, 50, NULL);
SQL
cat >"$work/complaint.sql" <<SQL
\set i random(1, $n)
SELECT code FROM bench_load.sample WHERE i = :i \gset
SELECT complaint_no FROM api.complaint_register(:code, '王小明', '13912345678', '无锡市梁溪区中山路1号', '退还货款', '购买的商品有质量问题，商家拒绝退货。');
SQL
cat >"$work/queue.sql" <<'SQL'
SELECT count(*) FROM api.desk_queue(NULL, 'all', NULL, NULL, NULL, 50, 0);
SQL

srv=$(dirname "$(readlink -f "$dir/pgdata")")
# memory: the peak of the postgres processes' summed PSS (kB) and their number
sample_memory() {
	local pm peak=0 procs=0 kb p n
	pm=$(head -1 "$srv/pgdata/postmaster.pid")
	while :; do
		kb=0
		n=0
		for p in $pm $(ps -o pid= --ppid "$pm"); do
			kb=$((kb + $(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)))
			n=$((n + 1))
		done
		[ "$kb" -gt "$peak" ] && peak=$kb && procs=$n
		echo "$peak $procs" >"$1"
		sleep 2
	done
}

# run TAG NAME HOST PORT: the load through HOST:PORT, its logs in $work/TAG
run() {
	local name=$2 host=$3 port=$4 out="$work/$1"
	mkdir -p "$out"
	sample_memory "$out/mem" &
	local sampler=$!
	started=$(date +%s)
	local common=(-n -M prepared -j 2 -T "$seconds" -h "$host" -p "$port" -d "${PGDATABASE:-smcon}" --log)
	PGUSER=demo_clerk_lx PGPASSWORD=demo env -u PGOPTIONS pgbench "${common[@]}" --log-prefix="$out/clerk" \
		-c "$clerks" -R "$(awk -v c="$clerks" -v r="$rate" 'BEGIN {printf "%.2f", c * r / 60}')" \
		-f "$work/lookup.sql@53" -f "$work/profile.sql@35" -f "$work/complaint.sql@12" \
		>"$out/clerk.out" 2>"$out/clerk.err" &
	local p1=$! p2=
	if [ "$handlers" -gt 0 ]; then
		PGUSER=demo_handler_lx PGPASSWORD=demo env -u PGOPTIONS pgbench "${common[@]}" \
			--log-prefix="$out/handler" -c "$handlers" \
			-R "$(awk -v c="$handlers" -v r="$rate" 'BEGIN {printf "%.2f", c * r / 60}')" \
			-f "$work/queue.sql" >"$out/handler.out" 2>"$out/handler.err" &
		p2=$!
	fi
	wait $p1 $p2
	kill $sampler 2>/dev/null
	wait $sampler 2>/dev/null
	report "$name" "$out"
}

# report NAME DIR: per action count, median, p99 (ms) from pgbench's logs
report() {
	local out=$2 mem
	echo "# $1: $sessions sessions ($clerks clerks, $handlers handlers), $seconds s, $rate actions/min each;" \
		"figures without the first $warmup s"
	local from=$((started + warmup))
	{
		cat "$out"/clerk.[0-9]* 2>/dev/null |
			awk -v f=$from '$5 >= f { print ($4 == 0 ? "lookup" : $4 == 1 ? "profile" : "complaint"), $3 }'
		cat "$out"/handler.[0-9]* 2>/dev/null | awk -v f=$from '$5 >= f { print "queue", $3 }'
	} | sort -k1,1 -k2,2n | awk '
		function flush() { if (n) printf "%-10s %8d %10.1f %10.1f\n", k, n, v[int((n + 1) / 2)] / 1000, v[int(n * 0.99 + 0.999)] / 1000 }
		BEGIN { printf "%-10s %8s %10s %10s\n", "action", "count", "median ms", "p99 ms" }
		$1 != k { flush(); k = $1; n = 0 }
		{ v[++n] = $2 }
		END { flush() }'
	local failed aborted
	failed=$(cat "$out"/*.out | awk '/number of failed transactions/ { s += $5 } END { print s + 0 }')
	aborted=$(cat "$out"/*.err | grep -c 'aborted')
	echo "errors: $failed failed transactions, $aborted aborted sessions"
	grep -h 'aborted\|error:' "$out"/*.err | sed 's/client [0-9]* /client N /' | sort | uniq -c | sort -rn | head -3
	mem=
	[ -f "$out/mem" ] && read -r mem procs <"$out/mem"
	[ -n "$mem" ] && echo "server memory (peak PSS of $procs postgres processes): $((mem / 1024)) MiB"
}

run direct direct "$srv/run" 5432
if command -v pgbouncer >/dev/null 2>&1 || [ -x /usr/sbin/pgbouncer ]; then
	PGBOUNCER_POOL_SIZE=$((clerks + 10)) sh "$root/mk/pgbouncer.sh" start "$work/pb" "$dir" session || exit 1
	echo
	run pgbouncer "through PgBouncer (session pooling)" "$work/pb" 6432
	pbrss=$(ps -o rss= -p "$(cat "$work/pb/pgbouncer.pid")" 2>/dev/null)
	echo "pgbouncer's own memory (RSS): $((${pbrss:-0} / 1024)) MiB"
else
	echo "# pgbouncer is not installed: no run through it (apt-get install pgbouncer)"
fi
