#!/bin/bash
# 96333 desk benchmarks (make bench):
#   - rescue code → elevator card (api.elevator_card), server time, median and
#     p99, on the bench warehouse's elevators, and the command-mode path
#     (`elevator show CODE` through cmdtime);
#   - 10 scripted dispatchers (pgbench, two logins) acting for
#     BENCH_RESCUE_SECONDS (60) on the same 20 incidents, each step taken with
#     the version it read, as a console does; then the checks that nothing was
#     lost: one dispatch per incident, every step's version once, the
#     incident's version equal to its steps;
#   - one desk's action seen by 10 other desks (LISTEN smcon_rescue), p99.
# The dispatch and NOTIFY parts write incidents, so they run on a database of
# their own, rescue_bench in the same cluster, generated once at 2,000
# entities (BENCH_RESCUE_SCALE).
set -u
export PGOPTIONS="-c client_min_messages=warning"
root=${SMCON_ROOT:?run through bench/run}
bin=$SMCON_BIN
tools="$root/${BUILD:-build}/tests/tools"
secs=${BENCH_RESCUE_SECONDS:-60}
super() { PGUSER=postgres PGPASSWORD=$BENCH_SUPER_PW psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
owner() { PGUSER=smcon_owner PGPASSWORD=$BENCH_OWNER_PW psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
disp() { PGUSER=demo_dispatcher PGPASSWORD=demo psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
pct() { sort -n | awk '{ v[NR] = $1 } END { m = v[int((NR + 1) / 2)]; p = v[int(NR * 0.99 + 0.999)]; printf "median %7.2f ms  p99 %7.2f ms  max %7.2f ms", m, p, v[NR] }'; }

make -s -C "$root" tests >/dev/null || exit 1

# 1. code → card
echo "# $(owner -c "SELECT count(*) FROM equipment.elevator") elevators, $(owner -c "SELECT count(*) FROM rights.rescue_incident") incidents"
echo "# server time (clock_timestamp around each call, as demo_dispatcher, warm session):"
disp <<'SQL' | sed 's/^/  /'
CREATE TEMP TABLE code AS
SELECT rescue_code AS c FROM equipment.elevator WHERE rescue_code IS NOT NULL ORDER BY hashint8(id) LIMIT 1000;
CREATE TEMP TABLE frag AS
SELECT substr(address, 8, 2) AS f2, substr(address, 8, 4) AS f4
  FROM equipment.elevator ORDER BY hashint8(id + 7) LIMIT 200;
CREATE TEMP TABLE t (what text, ms float8);
DO $$
DECLARE r record; t0 timestamptz; n bigint; i int := 0;
BEGIN
	FOR r IN SELECT c FROM code LOOP
		i := i + 1;
		t0 := clock_timestamp();
		SELECT count(*) INTO n FROM api.elevator_card(r.c);
		IF i > 20 THEN INSERT INTO t VALUES ('1 rescue code → elevator card', extract(epoch FROM clock_timestamp() - t0) * 1000); END IF;
	END LOOP;
	i := 0;
	FOR r IN SELECT * FROM frag LOOP
		i := i + 1;
		t0 := clock_timestamp();
		SELECT count(*) INTO n FROM api.elevator_search(r.f2);
		IF i > 5 THEN INSERT INTO t VALUES ('2 address search, 2 characters, 50 rows', extract(epoch FROM clock_timestamp() - t0) * 1000); END IF;
		t0 := clock_timestamp();
		SELECT count(*) INTO n FROM api.elevator_search(r.f4);
		IF i > 5 THEN INSERT INTO t VALUES ('3 address search, 4 characters, 50 rows', extract(epoch FROM clock_timestamp() - t0) * 1000); END IF;
	END LOOP;
END $$;
SELECT rpad(substr(what, 3), 42) || lpad(count(*)::text, 5)
       || '  median ' || to_char(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), '9990.00') || ' ms'
       || '  p99 ' || to_char(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms), '9990.00') || ' ms'
       || '  max ' || to_char(max(ms), '9990.00') || ' ms'
  FROM t GROUP BY what ORDER BY what;
SQL
disp -c "SELECT 'elevator show ' || rescue_code FROM equipment.elevator WHERE rescue_code IS NOT NULL
         ORDER BY hashint8(id + 3) LIMIT 520" >"$BENCH_DIR/card.txt"
PGUSER=demo_dispatcher PGPASSWORD=demo "$tools/cmdtime" "host=$PGHOST dbname=$PGDATABASE" <"$BENCH_DIR/card.txt" |
	tail -n +21 | awk '$2 == 0 { print $1 }' >"$BENCH_DIR/card.ms"
echo "# command-mode path (cmdtime: parse, query, print):"
echo "  elevator show CODE                        $(wc -l <"$BENCH_DIR/card.ms")  $(pct <"$BENCH_DIR/card.ms")"

# 2. the dispatchers' own database
export PGDATABASE=rescue_bench
if [ -z "$(super -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'rescue_bench'")" ] ||
	[ "$(owner -c "SELECT count(*) FROM equipment.elevator" 2>/dev/null || echo 0)" = 0 ]; then
	echo "# generating rescue_bench (${BENCH_RESCUE_SCALE:-2000} entities)"
	super -d postgres -c "DROP DATABASE IF EXISTS rescue_bench WITH (FORCE)" \
		-c "CREATE DATABASE rescue_bench OWNER smcon_owner"
	PGUSER=smcon_owner PGPASSWORD=$BENCH_OWNER_PW "$bin" -C /dev/null db migrate >/dev/null || exit 1
	owner -f "$root/sql/demo/accounts.sql" >/dev/null 2>&1
	PGUSER=smcon_owner PGPASSWORD=$BENCH_OWNER_PW "$bin" -C /dev/null db generate \
		--scale "${BENCH_RESCUE_SCALE:-2000}" >/dev/null || exit 1
fi
code=$(owner -c "SELECT rescue_code FROM equipment.elevator WHERE status = 'in_use' AND rescue_code IS NOT NULL
                 AND maintenance_entity_id IS NOT NULL ORDER BY id LIMIT 1")
owner -v code="$code" <<'SQL'
DROP SCHEMA IF EXISTS bench CASCADE;
CREATE SCHEMA bench;
COMMENT ON SCHEMA bench IS 'bench/rescue.sh 的调度员脚本（仅基准测试库）';
CREATE TABLE bench.pool (slot int PRIMARY KEY, incident_id bigint NOT NULL);
CREATE TABLE bench.outcome (slot int, state text, ok boolean);
CREATE TABLE bench.setting (code text);
INSERT INTO bench.setting VALUES (:'code');
GRANT USAGE ON SCHEMA bench TO smcon_dispatcher;
GRANT SELECT, UPDATE ON bench.pool TO smcon_dispatcher;
GRANT SELECT ON bench.setting TO smcon_dispatcher;
GRANT INSERT ON bench.outcome TO smcon_dispatcher;
-- One dispatcher's move on slot s: read the incident's state and version (as
-- the board shows them) and take the next step with that version; a finished
-- incident is replaced by a new call.
CREATE FUNCTION bench.act(s int) RETURNS void LANGUAGE plpgsql SET jit = off AS $$
DECLARE
	i bigint;
	b record;
	n bigint;
BEGIN
	SELECT p.incident_id INTO i FROM bench.pool p WHERE p.slot = s;
	SELECT * INTO b FROM api.rescue_board(i);
	BEGIN
		CASE b.state
		WHEN 'received' THEN PERFORM api.rescue_dispatch(i, b.version);
		WHEN 'dispatched' THEN PERFORM api.rescue_ack(i, b.version);
		WHEN 'acknowledged' THEN PERFORM api.rescue_enroute(i, b.version, 10);
		WHEN 'en_route' THEN PERFORM api.rescue_arrive(i, b.version);
		WHEN 'arrived' THEN PERFORM api.rescue_release(i, b.version);
		WHEN 'released' THEN PERFORM api.rescue_close(i, b.version, 'door_fault');
		WHEN 'closed' THEN PERFORM api.rescue_callback(i, b.version, 'satisfied');
		ELSE
			SELECT x.id INTO n FROM api.rescue_new((SELECT code FROM bench.setting), '13900000000', 1, false, 'bench') x;
			UPDATE bench.pool p SET incident_id = n WHERE p.slot = s AND p.incident_id = i;
		END CASE;
		INSERT INTO bench.outcome VALUES (s, b.state, true);
	EXCEPTION WHEN serialization_failure THEN
		INSERT INTO bench.outcome VALUES (s, b.state, false);
	END;
END $$;
GRANT EXECUTE ON FUNCTION bench.act(int) TO smcon_dispatcher;
SQL
for s in $(seq 1 20); do
	id=$(disp -c "SELECT id FROM api.rescue_new('$code', '13900000000', 1, false, 'bench')")
	owner -c "INSERT INTO bench.pool VALUES ($s, $id)"
done
first=$(owner -c "SELECT min(incident_id) FROM bench.pool")
printf '\\set slot random(1, 20)\nSELECT bench.act(:slot);\n' >"$BENCH_DIR/rescue.pgbench"
echo "# 10 dispatchers (5 as demo_dispatcher, 5 as demo_dispatcher2), ${secs} s, 20 incidents:"
for u in demo_dispatcher demo_dispatcher2; do
	PGUSER=$u PGPASSWORD=demo pgbench -n -c 5 -j 1 -T "$secs" -f "$BENCH_DIR/rescue.pgbench" \
		>"$BENCH_DIR/pgbench.$u" 2>&1 &
done
wait
grep -h "^tps\|failed" "$BENCH_DIR"/pgbench.demo_dispatcher* | sed 's/^/  /'
owner <<SQL | sed 's/^/  /'
SELECT format('moves %s: steps taken %s, refused (someone else was first) %s',
              count(*), count(*) FILTER (WHERE ok), count(*) FILTER (WHERE NOT ok)) FROM bench.outcome;
WITH i AS (SELECT * FROM rights.rescue_incident WHERE id >= $first AND note = 'bench'),
     s AS (SELECT s.* FROM rights.rescue_step s JOIN i ON i.id = s.incident_id)
SELECT format('incidents %s; dispatched twice %s; a step taken twice %s; versions lost or repeated %s',
              (SELECT count(*) FROM i),
              (SELECT count(*) FROM (SELECT incident_id FROM s WHERE step = 'dispatched' GROUP BY 1 HAVING count(*) > 1) x),
              (SELECT count(*) FROM (SELECT incident_id, step FROM s WHERE step NOT IN ('taken', 'declined')
                                      GROUP BY 1, 2 HAVING count(*) > 1) x),
              (SELECT count(*) FROM i WHERE i.version <> (SELECT count(DISTINCT s.version) FROM s
                                                           WHERE s.incident_id = i.id AND s.step <> 'received')
                                         OR i.version <> (SELECT count(*) FROM s
                                                           WHERE s.incident_id = i.id AND s.step NOT IN ('received', 'taken'))));
SQL

# 3. NOTIFY: an intake seen by 10 desks
PGUSER=demo_dispatcher PGPASSWORD=demo "$tools/notifytime" "host=$PGHOST dbname=$PGDATABASE" 10 220 "$code" \
	>"$BENCH_DIR/notify.ms" || exit 1
echo "# one desk takes a call, 10 other desks LISTEN (200 calls after 20 warm-up):"
echo "  call sent → seen by all 10 desks           $(tail -n +21 "$BENCH_DIR/notify.ms" | cut -d' ' -f1 | pct)"
echo "  commit → seen by all 10 desks              $(tail -n +21 "$BENCH_DIR/notify.ms" | cut -d' ' -f2 | pct)"
disp -c "SELECT count(*) FROM api.rescue_board()" >/dev/null
echo "# the board with its open incidents, server time:"
disp <<'SQL' | sed 's/^/  /'
CREATE TEMP TABLE t (ms float8);
DO $$
DECLARE t0 timestamptz; n bigint;
BEGIN
	FOR k IN 1..200 LOOP
		t0 := clock_timestamp();
		SELECT count(*) INTO n FROM api.rescue_board();
		INSERT INTO t VALUES (extract(epoch FROM clock_timestamp() - t0) * 1000);
	END LOOP;
END $$;
SELECT rpad('api.rescue_board(), ' || (SELECT count(*) FROM api.rescue_board()) || ' open', 42) || lpad(count(*)::text, 5)
       || '  median ' || to_char(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), '9990.00') || ' ms'
       || '  p99 ' || to_char(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms), '9990.00') || ' ms' FROM t;
SQL
