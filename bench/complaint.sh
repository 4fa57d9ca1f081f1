#!/bin/bash
# The 12315 desk (make bench): median and p99 of
#   - a district queue's first screen: the counts per band and the first 50
#     rows by share of the limit used (api.desk_counts + api.desk_queue), as
#     梁溪's handler, server time;
#   - intake with the duplicate check (api.desk_intake), server time;
#   - a change seen on another handler's queue: from sending the change to
#     the end of the other session's reread after its NOTIFY arrived
#     (tests/tools/notifylat);
#   - 20 concurrent handlers on one queue (pgbench: reads, reassignments,
#     intake, pause/resume), with a check that no update was lost: every
#     item's handler is the one its last logged assignment names, and every
#     committed transaction left its event. Client time from the moment a
#     transaction starts; in the paced runs pgbench's lag behind its
#     schedule is shown apart.
# The generator makes 1.5 complaints per entity (3,000,000 at 2,000,000
# entities) plus reports and consultations, so the history is there; open
# items without a clock (a warehouse generated before the desk) get one here.
# Figures are only meaningful on a quiet machine (see the load average printed).
set -u
export PGOPTIONS="-c client_min_messages=warning"
root=${SMCON_ROOT:?run through bench/run}
tools="$root/${BUILD:-build}/tests/tools"
owner() { PGUSER=smcon_owner PGPASSWORD=$BENCH_OWNER_PW psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
as() {
	local u=$1
	shift
	PGUSER=$u PGPASSWORD=demo psql -X -q -At -v ON_ERROR_STOP=1 "$@"
}
make -s -C "$root" tests >/dev/null || exit 1
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg)"

owner -c "SELECT rights.desk_clock_fill()" >/dev/null
owner -c "VACUUM ANALYZE rights.complaint" -c "VACUUM ANALYZE rights.report" -c "VACUUM ANALYZE rights.consultation" >/dev/null
# the vacuum's dirty pages written out now, not by the checkpointer while
# the figures are taken
PGUSER=postgres PGPASSWORD=$BENCH_SUPER_PW psql -X -q -c CHECKPOINT
owner <<'SQL' | sed 's/^/# /'
SELECT format('%s complaints, %s reports, %s consultations in the warehouse',
              (SELECT count(*) FROM rights.complaint), (SELECT count(*) FROM rights.report),
              (SELECT count(*) FROM rights.consultation));
SELECT format('%s open items in 梁溪 (district and stations), %s city-wide',
              (SELECT count(*) FROM rights.desk_open_items(core.org_scope((SELECT id FROM core.org_unit WHERE code = 'LX')),
                                                           core.today())),
              (SELECT count(*) FROM rights.desk_open_items(ARRAY(SELECT id FROM core.org_unit), core.today())));
SQL

pct() {
	# "what" label, then numbers on stdin: median and p99 in ms
	sort -n | awk -v w="$1" '{ v[NR] = $1 } END {
		if (NR == 0) { printf "%-48s no samples\n", w; exit }
		m = v[int((NR + 1) / 2)]; p = v[int(NR * 0.99 + 0.999)]; if (p == "") p = v[NR]
		printf "%-48s median %7.2f ms   p99 %7.2f ms   (%d runs)\n", w, m, p, NR }'
}

# 1. The queue's first screen, server time: what the console asks (one pass),
# and the counts and the page asked separately.
as demo_handler_lx <<'SQL' | pct "queue first screen (api.desk_screen)"
CREATE TEMP TABLE t (ms float8);
DO $$
DECLARE t0 timestamptz; n bigint;
BEGIN
	FOR i IN 1 .. 220 LOOP
		t0 := clock_timestamp();
		SELECT count(*) INTO n FROM api.desk_screen(NULL, 'all', 50, 0);
		IF i > 20 THEN INSERT INTO t VALUES (extract(epoch FROM clock_timestamp() - t0) * 1000); END IF;
	END LOOP;
END $$;
SELECT ms FROM t;
SQL
as demo_handler_lx <<'SQL' | pct "queue: desk_counts + desk_queue, first 50"
CREATE TEMP TABLE t (ms float8);
DO $$
DECLARE t0 timestamptz; n bigint;
BEGIN
	FOR i IN 1 .. 220 LOOP
		t0 := clock_timestamp();
		SELECT count(*) INTO n FROM api.desk_counts();
		SELECT count(*) INTO n FROM api.desk_queue(NULL, 'all', NULL, NULL, NULL, 50, 0);
		IF i > 20 THEN INSERT INTO t VALUES (extract(epoch FROM clock_timestamp() - t0) * 1000); END IF;
	END LOOP;
END $$;
SELECT ms FROM t;
SQL
as demo_handler_lx <<'SQL' | pct "queue: overdue view, first 50 rows"
CREATE TEMP TABLE t (ms float8);
DO $$
DECLARE t0 timestamptz; n bigint;
BEGIN
	FOR i IN 1 .. 120 LOOP
		t0 := clock_timestamp();
		SELECT count(*) INTO n FROM api.desk_queue(NULL, 'overdue', NULL, NULL, NULL, 50, 0);
		IF i > 20 THEN INSERT INTO t VALUES (extract(epoch FROM clock_timestamp() - t0) * 1000); END IF;
	END LOOP;
END $$;
SELECT ms FROM t;
SQL

# 2. Intake with the duplicate check, server time, each in a transaction of
# its own and timed through its commit (the target is the intake's commit);
# the intakes are deleted again afterwards.
since=$(owner -c "SELECT now()")
as demo_handler_lx <<'SQL' | pct "intake of a complaint with duplicate check"
CREATE TEMP TABLE t (ms float8);
CREATE TEMP TABLE e AS
	SELECT uscc FROM core.entity WHERE org_id IN (SELECT unnest(api.my_orgs())) LIMIT 300;
DO $$
DECLARE t0 timestamptz; n bigint; r record; i int := 0;
BEGIN
	FOR r IN SELECT uscc FROM e LOOP
		i := i + 1;
		t0 := clock_timestamp();
		SELECT count(*) INTO n FROM api.desk_intake('complaint', 'hotline_12315', p_name => '周海燕',
			p_phone => '1386123' || lpad((i % 40)::text, 4, '0'), p_address => '无锡市梁溪区中山路 8 号',
			p_uscc => r.uscc, p_request => '退货退款', p_facts => '质量问题');
		COMMIT;
		IF i > 20 THEN INSERT INTO t VALUES (extract(epoch FROM clock_timestamp() - t0) * 1000); END IF;
	END LOOP;
END $$;
SELECT ms FROM t;
SQL
owner <<SQL >/dev/null
WITH gone AS (DELETE FROM rights.complaint c WHERE c.complainant_name = '周海燕' AND c.complainant_phone LIKE '1386123%'
                                             AND c.source_system = 'smcon' AND c.received_at >= '$since'
              RETURNING c.id)
DELETE FROM rights.desk_event e WHERE e.item_kind = 'complaint' AND e.item_id IN (SELECT gone.id FROM gone);
SQL

# 3. A change seen on another handler's queue: latency ITEM LABEL (ITEM: the
# complaint in mediation the change reassigns, again and again).
host="host=$PGHOST dbname=$PGDATABASE password=demo"
latency() {
	local item=$1
	if [ -z "$item" ]; then
		echo "# no open complaint in mediation in 梁溪: change latency not measured"
		return
	fi
	"$tools/notifylat" "${ROUNDS:-200}" "$host user=demo_supervisor_lx" "$host user=demo_handler_lx" smcon_complaint \
		"SELECT api.desk_assign('complaint', ARRAY[$item::bigint],
		        CASE WHEN \$1::int % 2 = 0 THEN 'demo_handler_lx' ELSE 'demo_supervisor_lx' END)" \
		"SELECT count(*) FROM api.desk_screen(NULL, 'all', 50, 0)" |
		tail -n +11 | pct "$2"
}
latency "$(as demo_supervisor_lx -c "SELECT id FROM api.desk_queue(NULL, 'all', 'mediating', NULL, 'complaint', 1, 0)")" \
	"change committed → other session notified and reread"

# 4. Twenty handlers at once (pgbench), and no lost update.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
as demo_supervisor_lx -c "SELECT id FROM api.desk_queue(NULL, 'all', 'mediating', NULL, 'complaint', 40, 0)" >"$work/ids"
n_ids=$(wc -l <"$work/ids")
if [ "$n_ids" -lt 2 ]; then
	echo "# fewer than 2 open complaints in mediation in 梁溪: the concurrent run is skipped"
	exit 0
fi
ids=$(paste -sd, "$work/ids")
before=$(owner -c "SELECT coalesce(max(id), 0) FROM rights.desk_event")
cat >"$work/read.sql" <<'SQL'
SELECT count(*) FROM api.desk_screen(NULL, 'all', 50, 0);
SQL
cat >"$work/assign.sql" <<SQL
\set k random(1, $n_ids)
SELECT api.desk_assign('complaint', ARRAY[(('{$ids}'::bigint[])[:k])], CASE WHEN :client_id % 2 = 0 THEN 'demo_handler_lx' ELSE 'demo_supervisor_lx' END);
SQL
# each client pauses and resumes an item of its own (the check and the step
# are two statements: two clients on one item would race between them)
cat >"$work/pause.sql" <<SQL
\set k 1 + :client_id % $n_ids
SELECT CASE WHEN clock_paused_since IS NULL THEN api.desk_pause('complaint', id, '送检')::text
            ELSE api.desk_resume('complaint', id)::text END
  FROM rights.complaint WHERE id = ('{$ids}'::bigint[])[:k];
SQL
cat >"$work/intake.sql" <<'SQL'
\set p random(10000000, 99999999)
SELECT count(*) FROM api.desk_intake('complaint', 'hotline_12315', p_name => '钱七', p_phone => '139' || :p,
       p_address => '梁溪区中山路 1 号', p_respondent => '某小店', p_respondent_address => '梁溪区南长街 1 号',
       p_request => '退款', p_facts => '质量问题');
SQL
cd "$work" || exit 1
# Three times: as fast as the 20 clients can go (no pause between
# transactions: on 2 cores 20 busy clients queue for the CPU, so latency is
# the queue, not the work); at 2 transactions a second each (40 in all, a
# key press every half second all day, more than a handler does); and at a
# brisk handler's pace, one every 2 seconds each (10 in all).
names=(read assign pause intake)
handlers() {
	local label=$1
	shift
	rm -f "$work"/log*
	PGUSER=demo_supervisor_lx PGPASSWORD=demo pgbench -n -c 20 -j 2 -T 20 -l --log-prefix="$work/log" "$@" \
		-f read.sql@60 -f assign.sql@20 -f pause.sql@10 -f intake.sql@10 >"$work/out" 2>"$work/err"
	echo "# $label: load average at the end $(cut -d" " -f1-3 /proc/loadavg)"
	grep -E "number of transactions actually processed|number of failed|tps = " "$work/out" | sed 's/^/# /'
	grep -v "^pgbench: client" "$work/err" | head -3 | sed 's/^/# pgbench: /'
	# A client's first transaction of each kind is left out of the figures
	# and shown apart: a new backend plans every function and statement it
	# runs the first time (tens of ms), which a handler's console, connected
	# all day, pays once a login.
	# With --rate, pgbench logs a transaction's time from its scheduled
	# start, and its lag behind that schedule (field 7) apart: the lag is
	# pgbench's own (its two threads waiting for the CPU), not the step's,
	# and is taken out here and shown on its own line.
	for s in 0 1 2 3; do
		cat "$work"/log* | awk -v s=$s '$4 == s && seen[$1]++ { print ($3 - (NF >= 7 ? $7 : 0)) / 1000 }' |
			pct "20 handlers, $label: ${names[$s]}"
	done
	cat "$work"/log* | awk '!seen[$1, $4]++ { print ($3 - (NF >= 7 ? $7 : 0)) / 1000 }' |
		pct "  ... each client's first of each kind"
	if [ "$(head -1 "$(ls "$work"/log* | head -1)" | awk '{ print NF }')" -ge 7 ]; then
		cat "$work"/log* | awk '{ print $7 / 1000 }' | pct "  ... pgbench's lag behind its schedule"
	fi
	cat "$work"/log* | awk '$4 == 1 || $4 == 2 || $4 == 3 { n++ } END { print n + 0 }' >>"$work/committed"
}
handlers "flat out"
handlers "40 tx/s" -R 40
# the third with the change latency measured beside it, on a complaint in
# mediation that the handlers do not touch
aside=$(as demo_supervisor_lx -c "SELECT coalesce(min(q.id), 0) FROM api.desk_queue(NULL, 'all', 'mediating', NULL,
                                  'complaint', 200, 0) q WHERE q.id <> ALL ('{$ids}'::bigint[])")
# (two minutes: a tenth of the transactions are intakes, about a hundred
# of them, so that their p99 is not simply the slowest of a few)
handlers "10 tx/s" -R 10 -T 120 >"$work/third" &
sleep 5
# (a change every 200 ms, 450 of them: ~5 more transactions a second)
[ "$aside" != 0 ] && ROUNDS=450 NOTIFYLAT_PAUSE_MS=200 latency "$aside" "20 handlers, 10 tx/s: change seen by another queue"
wait
cat "$work/third"
committed=$(awk '{ n += $1 } END { print n + 0 }' "$work/committed")
owner <<SQL | sed 's/^/# /'
SELECT format('%s assignment, pause/resume and intake transactions committed, %s events logged', $committed,
              (SELECT count(*) FROM rights.desk_event
                WHERE id > $before AND action IN ('assign', 'pause', 'resume', 'intake')
                  AND NOT (item_kind = 'complaint' AND item_id = $aside)));
SELECT format('lost updates: %s items whose handler is not the one their last assignment named',
              count(*))
  FROM rights.complaint c
 WHERE c.id = ANY ('{$ids}'::bigint[])
   AND c.handler_staff_id IS DISTINCT FROM (
       SELECT s.id FROM rights.desk_event e JOIN core.staff s ON e.note = '承办人：' || s.full_name
        WHERE e.item_kind = 'complaint' AND e.item_id = c.id AND e.action = 'assign'
        ORDER BY e.id DESC LIMIT 1)
   AND EXISTS (SELECT 1 FROM rights.desk_event e WHERE e.item_kind = 'complaint' AND e.item_id = c.id
                  AND e.action = 'assign' AND e.id > $before);
SELECT format('lost updates: %s items whose testing days differ from the pauses logged', count(*))
  FROM rights.complaint c
 WHERE c.id = ANY ('{$ids}'::bigint[])
   AND c.testing_working_days < (SELECT coalesce(sum(substring(e.note FROM '暂停 ([0-9]+) 个工作日')::int), 0)
                                   FROM rights.desk_event e
                                  WHERE e.item_kind = 'complaint' AND e.item_id = c.id AND e.action = 'resume');
SQL
# The run's intakes go again, so that every run reads as many open items as
# the generator left (they stayed before, and each run read ~600 more).
owner <<'SQL' | sed 's/^/# /'
WITH gone AS (DELETE FROM rights.complaint c WHERE c.complainant_name = '钱七' AND c.source_system = 'smcon'
              RETURNING c.id),
ev AS (DELETE FROM rights.desk_event e WHERE e.item_kind = 'complaint' AND e.item_id IN (SELECT gone.id FROM gone)
       RETURNING 1)
SELECT format('the run''s intakes deleted again: %s complaints, %s events', (SELECT count(*) FROM gone),
              (SELECT count(*) FROM ev));
SQL
