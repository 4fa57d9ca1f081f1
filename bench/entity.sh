#!/bin/bash
# Entity lookup benchmarks (make bench): median and p99 of
#   - a USCC lookup (the profile header), server time and through the
#     command-mode path (a command read, run on an open connection, printed);
#   - name searches with two- and three-character Chinese fragments (first
#     50 rows), server time, and a few fragments half the register shares;
#   - the full profile (header, every tab's first page and count, risk facts);
#   - the console's resident size with a profile open.
# Runs on the bench warehouse when it holds BENCH_SCALE entities (the data
# generator fills it); until then on a database of its own, entity_bench in
# the same cluster, filled once with bench/entity_fill.sql.
set -u
export PGOPTIONS="-c client_min_messages=warning"
root=${SMCON_ROOT:?run through bench/run}
bin=$SMCON_BIN
tools="$root/${BUILD:-build}/tests/tools"
scale=$BENCH_SCALE
super() { PGUSER=postgres PGPASSWORD=$BENCH_SUPER_PW psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
owner() { PGUSER=smcon_owner PGPASSWORD=$BENCH_OWNER_PW psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
clerk() { PGUSER=demo_clerk_lx PGPASSWORD=demo psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

make -s -C "$root" tests >/dev/null || exit 1

have=$(owner -c "SELECT count(*) FROM core.entity")
if [ "$have" -lt $((scale * 9 / 10)) ]; then
	export PGDATABASE=entity_bench
	n=$(super -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'entity_bench'")
	[ -n "$n" ] && n=$(owner -c "SELECT count(*) FROM core.entity" 2>/dev/null || echo 0)
	if [ "${n:-0}" -lt $((scale * 9 / 10)) ]; then
		echo "# the warehouse holds $have entities: filling entity_bench with $scale synthetic ones"
		super -d postgres -c "DROP DATABASE IF EXISTS entity_bench WITH (FORCE)" \
			-c "CREATE DATABASE entity_bench OWNER smcon_owner"
		PGUSER=smcon_owner PGPASSWORD=$BENCH_OWNER_PW "$bin" -C /dev/null db migrate >/dev/null || exit 1
		owner -f "$root/sql/demo/accounts.sql" >/dev/null 2>&1
		start=$(date +%s)
		owner -v n="$scale" -f "$root/bench/entity_fill.sql" || exit 1
		super -c "VACUUM ANALYZE"
		echo "# filled in $(($(date +%s) - start)) s"
	fi
	echo "# measured on entity_bench: synthetic entities (bench/entity_fill.sql), not the generator's"
fi
owner <<'SQL' | sed 's/^/# /'
SELECT format('%s entities, %s former names, %s facts in the theme databases',
              (SELECT count(*) FROM core.entity), (SELECT count(*) FROM core.entity_former_name),
              (SELECT count(*) FROM api.entity_fact WHERE tab <> 'registration'));
SELECT format('%-32s %8s', c.relname, pg_size_pretty(pg_relation_size(c.oid)))
  FROM pg_class c
 WHERE c.relname IN ('entity', 'entity_pkey', 'entity_uscc_key', 'entity_name_bigram_idx',
                     'entity_legal_rep_bigram_idx', 'entity_address_bigram_idx', 'entity_former_name_bigram_idx',
                     'entity_name_norm_idx', 'entity_phone_key_idx', 'entity_name_trgm_idx')
 ORDER BY c.relname;
SQL

# Samples: credit codes (half of them entities with facts), fragments where a
# clerk types them (the 字号 after the city or district).
measure_sql=$(cat <<'SQL'
CREATE TEMP TABLE code AS
	(SELECT uscc::text AS c FROM core.entity TABLESAMPLE SYSTEM (0.2) REPEATABLE (11) LIMIT 500)
	UNION ALL
	(SELECT uscc::text FROM core.entity WHERE id % 20 = 0 AND id % 40 = 0 ORDER BY hashint8(id) LIMIT 500);
CREATE TEMP TABLE frag AS
SELECT substr(name, CASE WHEN uscc LIKE '92%' THEN 4 WHEN name LIKE '无锡市%' THEN 4 ELSE 3 END, 2) AS f2,
       substr(name, CASE WHEN uscc LIKE '92%' THEN 4 WHEN name LIKE '无锡市%' THEN 4 ELSE 3 END, 3) AS f3
  FROM core.entity TABLESAMPLE SYSTEM (0.2) REPEATABLE (7) LIMIT 1000;
CREATE TEMP TABLE t (what text, ms float8);
DO $$
DECLARE r record; t0 timestamptz; n bigint; i int := 0; q text;
BEGIN
	FOR r IN SELECT c FROM code LOOP
		i := i + 1;
		t0 := clock_timestamp();
		SELECT count(*) INTO n FROM api.entity_header(r.c);
		IF i > 20 THEN INSERT INTO t VALUES ('1 USCC lookup, profile header', extract(epoch FROM clock_timestamp() - t0) * 1000); END IF;
		t0 := clock_timestamp();
		SELECT count(*) INTO n FROM api.entity_search(r.c);
		IF i > 20 THEN INSERT INTO t VALUES ('2 USCC typed in the search box', extract(epoch FROM clock_timestamp() - t0) * 1000); END IF;
	END LOOP;
	i := 0;
	FOR r IN SELECT * FROM frag LOOP
		i := i + 1;
		t0 := clock_timestamp();
		SELECT count(*) INTO n FROM api.entity_search(r.f2);
		IF i > 20 THEN INSERT INTO t VALUES ('3 name search, 2 characters, 50 rows', extract(epoch FROM clock_timestamp() - t0) * 1000); END IF;
		t0 := clock_timestamp();
		SELECT count(*) INTO n FROM api.entity_search(r.f3);
		IF i > 20 THEN INSERT INTO t VALUES ('4 name search, 3 characters, 50 rows', extract(epoch FROM clock_timestamp() - t0) * 1000); END IF;
	END LOOP;
	FOR k IN 1..20 LOOP
		FOREACH q IN ARRAY ARRAY['无锡', '有限公司', '中山路', '面馆'] LOOP
			t0 := clock_timestamp();
			SELECT count(*) INTO n FROM api.entity_search(q);
			INSERT INTO t VALUES ('5 fragments half the register shares', extract(epoch FROM clock_timestamp() - t0) * 1000);
		END LOOP;
	END LOOP;
	i := 0;
	FOR r IN SELECT c FROM code LOOP
		i := i + 1;
		t0 := clock_timestamp();
		SELECT count(*) INTO n FROM api.entity_header(r.c);
		SELECT count(*) INTO n FROM api.entity_facts(r.c);
		SELECT count(*) INTO n FROM api.entity_risk(r.c);
		IF i > 20 THEN INSERT INTO t VALUES ('6 full profile (header, 13 tabs, risk)', extract(epoch FROM clock_timestamp() - t0) * 1000); END IF;
	END LOOP;
END $$;
SELECT rpad(substr(what, 3), 42) || lpad(count(*)::text, 5)
       || '  median ' || to_char(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), '9990.00') || ' ms'
       || '  p99 ' || to_char(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms), '9990.00') || ' ms'
       || '  max ' || to_char(max(ms), '9990.00') || ' ms'
  FROM t GROUP BY what ORDER BY what;
SQL
)
echo "# server time (clock_timestamp around each call, as demo_clerk_lx, warm session):"
clerk -c "$measure_sql" | sed 's/^/  /'

echo "# for comparison, a two-character fragment with the indexes switched off: a sequential scan reads"
echo "# every name (with LIMIT 50 it would stop at the 50th match, early for a common 字号):"
clerk <<'SQL' | sed 's/^/  /'
SET enable_indexscan = off; SET enable_bitmapscan = off;
CREATE TEMP TABLE t (ms float8);
DO $$
DECLARE t0 timestamptz; n bigint;
BEGIN
	FOR k IN 1..3 LOOP
		t0 := clock_timestamp();
		SELECT count(*) INTO n FROM core.entity WHERE strpos(name, '海澜') > 0;
		INSERT INTO t VALUES (extract(epoch FROM clock_timestamp() - t0) * 1000);
	END LOOP;
END $$;
SELECT rpad('name contains 海澜, no index, all rows', 42) || lpad(count(*)::text, 5)
       || '  median ' || to_char(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), '9990.00') || ' ms' FROM t;
SQL

# The command-mode path: `entity show USCC` and `entity search` read, run on
# an open connection and printed (to /dev/null), as the shell runs them.
pct() { sort -n | awk '{ v[NR] = $1 } END { m = v[int((NR + 1) / 2)]; p = v[int(NR * 0.99 + 0.999)]; printf "median %7.2f ms  p99 %7.2f ms  max %7.2f ms", m, p, v[NR] }'; }
clerk -c "SELECT 'entity show ' || uscc FROM core.entity TABLESAMPLE SYSTEM (0.2) REPEATABLE (3) LIMIT 520" >"$BENCH_DIR/show.txt"
PGUSER=demo_clerk_lx PGPASSWORD=demo "$tools/cmdtime" "host=$PGHOST dbname=$PGDATABASE" <"$BENCH_DIR/show.txt" |
	tail -n +21 | awk '$2 == 0 { print $1 }' >"$BENCH_DIR/show.ms"
echo "# command-mode path (cmdtime: parse, query, print):"
echo "  entity show USCC                          $(wc -l <"$BENCH_DIR/show.ms")  $(pct <"$BENCH_DIR/show.ms")"
clerk -c "SELECT 'entity search ' || substr(name, 3, 2) || ' --limit 50' FROM core.entity TABLESAMPLE SYSTEM (0.2) REPEATABLE (5) WHERE uscc LIKE '91%' LIMIT 320" >"$BENCH_DIR/search.txt"
PGUSER=demo_clerk_lx PGPASSWORD=demo "$tools/cmdtime" "host=$PGHOST dbname=$PGDATABASE" <"$BENCH_DIR/search.txt" |
	tail -n +21 | awk '{ print $1 }' >"$BENCH_DIR/search.ms"
echo "  entity search FRAGMENT --limit 50         $(wc -l <"$BENCH_DIR/search.ms")  $(pct <"$BENCH_DIR/search.ms")"

# Resident size of the console: at the login screen, then with a profile open.
sock="smcon-bench-$$"
code=$(clerk -c "SELECT uscc FROM core.entity WHERE id % 40 = 0 ORDER BY id LIMIT 1")
tmux -L "$sock" -f /dev/null new-session -d -x 120 -y 40 \
	"exec env LANG=C.UTF-8 '$bin' -C /dev/null -d 'host=$PGHOST dbname=$PGDATABASE' -U demo_clerk_lx"
pid=$(tmux -L "$sock" list-panes -F '#{pane_pid}')
wait_for() {
	for _ in $(seq 100); do tmux -L "$sock" capture-pane -p | grep -qF -- "$1" && return 0; sleep 0.1; done
	echo "# (timed out waiting for $1)"
}
rss() { awk '/VmRSS/ { printf "%.1f MB", $2 / 1024 }' "/proc/$pid/status"; }
wait_for "密码"
echo "# resident size of the console (VmRSS):"
echo "  at the login screen                        $(rss)"
tmux -L "$sock" send-keys -l demo
tmux -L "$sock" send-keys Enter
wait_for "主菜单"
tmux -L "$sock" send-keys 1
wait_for "查找："
tmux -L "$sock" send-keys -l "$code"
wait_for " · 1 条"
tmux -L "$sock" send-keys Enter
wait_for "登记("
sleep 1
echo "  with a profile open                        $(rss)"
tmux -L "$sock" kill-server
