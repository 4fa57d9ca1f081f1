#!/bin/bash
# 双随机 benchmarks (make bench), on the generated warehouse, for two city
# plans, each inside one transaction that is rolled back (the warehouse is
# left as it was): the issue's scenario, about a million candidates (the
# yearly check of the 个体工商户, 1.17 million), and the whole register
# (企业 and 个体工商户, 1.66 million); ratios A 1 %, B 2 %, C 10 %, D 30 %:
#   - creating the plan (it counts the candidates);
#   - the preview over the whole city (counts only);
#   - the commit: snapshot + draw + tasks + inspector pairing, one call
#     (and what the snapshot took: algorithm, chunks, bytes);
#   - verify (the replay of both draws, compared with the tasks);
#   - an inspector's own task list: median and p99 of 200 calls.
# Server time (clock_timestamp around each api call), as the supervisor and
# the inspector of the demo accounts.
set -u
export PGOPTIONS="-c client_min_messages=notice"
super() { PGUSER=postgres PGPASSWORD=$BENCH_SUPER_PW psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

# Each run draws a city plan and rolls it back: 34,610 tasks and 69,220
# team rows left dead in the tables and their indexes until autovacuum
# comes (the task list read 230 heap pages of them for an inspector's 115
# tasks, 3.9-5.3 ms a call instead of 2.1). Vacuumed first, as
# bench/complaint.sh vacuums its tables, so every run starts alike.

# One city plan (its items $1, its title $2), drawn and rolled back.
draw() {
echo "# $2 ($1)"
for t in inspection_plan inspection_batch inspection_draw draw_chunk inspection_task task_inspector; do
	super -c "VACUUM ANALYZE supervision.$t"
done
super -v items="$1" -v title="$2" <<'SQL' 2>&1 | sed -n -e "s/^.*NOTICE:  //p" -e "/ERROR/p"
BEGIN;
SELECT set_config('bench.items', :'items', false), set_config('bench.title', :'title', false);
-- the demo inspectors join the directory, so that the inspector has tasks
INSERT INTO supervision.inspector (staff_id, specialties, included_on, source_system)
SELECT s.id, '{企业公示信息}', '2020-01-01', 'bench' FROM core.staff s
 WHERE s.login IN ('demo_inspector_lx', 'demo_inspector2_lx') ON CONFLICT DO NOTHING;
DO $$
DECLARE
	t0 timestamptz;
	pno text;
	n bigint;
	pool bigint;
	r record;
	ms numeric[] := '{}';
	i int;
	y int := extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int;
BEGIN
	SELECT count(*) INTO n FROM core.entity;
	SELECT count(*) INTO pool FROM supervision.inspector i JOIN core.staff s ON s.id = i.staff_id
	 WHERE s.credential_no IS NOT NULL AND s.status = 'active' AND i.excluded_on IS NULL;
	RAISE NOTICE '% entities, % inspectors in the directory', n, pool;
	SET SESSION AUTHORIZATION demo_supervisor;
	t0 := clock_timestamp();
	pno := api.plan_create(current_setting('bench.title'), y, current_setting('bench.items')::text[], '{}',
	                       'A:1,B:2,C:10,D:30',
	                       make_date(y, 1, 1), make_date(y, 12, 31));
	RAISE NOTICE 'create plan (counts the candidates)  % ms', round(extract(epoch FROM clock_timestamp() - t0) * 1000);
	t0 := clock_timestamp();
	SELECT sum(population) FILTER (WHERE section = '合计') AS cand, sum(quota) FILTER (WHERE section = '合计') AS draw
	  INTO r FROM api.plan_preview(pno);
	RAISE NOTICE 'preview: % candidates, % to draw  % ms', r.cand, r.draw,
		round(extract(epoch FROM clock_timestamp() - t0) * 1000);
	PERFORM api.plan_file(pno);
	t0 := clock_timestamp();
	SELECT * INTO r FROM api.plan_draw(pno);
	RAISE NOTICE 'commit: % candidates frozen, % drawn, % inspectors paired  % ms', r.population, r.drawn,
		r.inspectors, round(extract(epoch FROM clock_timestamp() - t0) * 1000);
	SELECT d.algorithm AS alg, count(c.*) AS chunks, pg_size_pretty(sum(pg_column_size(c.entity_ids) + pg_column_size(c.usccs)))
	       AS size
	  INTO r
	  FROM supervision.inspection_draw d JOIN supervision.inspection_batch b ON b.id = d.batch_id
	  JOIN supervision.inspection_plan p ON p.id = b.plan_id
	  LEFT JOIN supervision.draw_chunk c ON c.draw_id = d.id
	 WHERE p.plan_no = pno AND d.kind = 'object' GROUP BY d.algorithm;
	RAISE NOTICE '  the snapshot: algorithm %, % chunks, %', r.alg, r.chunks, r.size;
	t0 := clock_timestamp();
	SELECT * INTO r FROM api.plan_verify(pno);
	RAISE NOTICE 'verify: %  % ms', r.detail, round(extract(epoch FROM clock_timestamp() - t0) * 1000);
	RESET SESSION AUTHORIZATION;
END $$;
-- the new tasks counted, as autovacuum would have done after the commit
ANALYZE supervision.inspection_task, supervision.task_inspector, supervision.inspection_result;
DO $$
DECLARE
	t0 timestamptz;
	n bigint;
	r record;
	ms numeric[] := '{}';
	i int;
BEGIN
	SET SESSION AUTHORIZATION demo_inspector_lx;
	SELECT count(*) INTO n FROM api.task_list(true, NULL);
	FOR i IN 1 .. 200 LOOP
		t0 := clock_timestamp();
		PERFORM count(*) FROM api.task_list(true, NULL);
		ms := ms || (extract(epoch FROM clock_timestamp() - t0) * 1000)::numeric;
	END LOOP;
	SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) AS median, percentile_cont(0.99) WITHIN GROUP (ORDER BY x) AS p99
	  INTO r FROM unnest(ms) x;
	RAISE NOTICE 'inspector''s task list (% tasks), 200 calls: median % ms, p99 % ms', n,
		round(r.median::numeric, 2), round(r.p99::numeric, 2);
	RESET SESSION AUTHORIZATION;
END $$;
ROLLBACK;
SQL
}

# The issue's scenario (about a million candidates): the yearly check of
# every 个体工商户's published information, 1.17 million candidates.
draw '{JSSJ-002}' '全市个体工商户公示信息抽查'
echo
# The whole register: 企业 and 个体工商户 together, 1.66 million.
draw '{JSSJ-001,JSSJ-002}' '全市基准抽查'
