-- Reports (0160–0162): the catalog, figures recomputed independently from
-- the source tables, summaries that follow every write, the walls (the
-- internal risk report, the data scope, parameters named in errors).
BEGIN;
SELECT plan(38);
\ir lib/fixtures.psql

SELECT is((SELECT count(*)::int FROM meta.report), 6, 'the catalog holds the six reports');
SELECT is((SELECT count(*)::int FROM meta.report r
            WHERE obj_description(to_regprocedure(format('api.%s(date, date, text, text)', r.function_name)),
                                  'pg_proc') IS NOT NULL), 6,
          'every report function exists and says in its comment what it counts');
SELECT is((SELECT count(*)::int FROM meta.report r
            WHERE (SELECT count(*) FROM meta.report_column c WHERE c.report = r.name)
                = (SELECT count(*) FROM unnest((SELECT p.proargmodes FROM pg_proc p
                                                 WHERE p.oid = to_regprocedure(format('api.%s(date, date, text, text)',
                                                                                      r.function_name)))) m
                    WHERE m = 't')), 6,
          'the column list of every report matches its function''s result columns');
SELECT is((SELECT count(*)::int FROM meta.report r
            WHERE NOT EXISTS (SELECT 1 FROM meta.report_column c WHERE c.report = r.name AND c.key = r.chart_column)),
          0, 'every chart column is one of the report''s columns');

-- The generated history is in the summaries, and they equal a recomputation.
SELECT ok((SELECT count(*) FROM meta.report_sum_complaint) > 0 AND (SELECT count(*) FROM meta.report_sum_entity_flow) > 0,
          'the summaries were filled when the warehouse was generated');

-- Figures recomputed with plain SQL on the source tables (analyst, city-wide, 2026-10).
CREATE TEMP TABLE got AS SELECT * FROM api.report_complaint('2026-10-01', '2026-10-31', NULL, 'district') LIMIT 0;
CREATE TEMP TABLE got_entity AS SELECT * FROM api.report_entity('2026-10-01', '2026-10-31', NULL, 'district') LIMIT 0;
CREATE TEMP TABLE got_rescue AS SELECT * FROM api.report_rescue('2026-01-01', '2026-10-31', NULL, 'district') LIMIT 0;
CREATE TEMP TABLE got_insp AS SELECT * FROM api.report_inspection('2026-01-01', '2026-10-31', NULL, 'district') LIMIT 0;
GRANT ALL ON got, got_entity, got_rescue, got_insp TO PUBLIC;
SET SESSION AUTHORIZATION demo_analyst;
INSERT INTO got SELECT * FROM api.report_complaint('2026-10-01', '2026-10-31', NULL, 'district');
INSERT INTO got_entity SELECT * FROM api.report_entity('2026-10-01', '2026-10-31', NULL, 'district');
INSERT INTO got_rescue SELECT * FROM api.report_rescue('2026-01-01', '2026-10-31', NULL, 'district');
INSERT INTO got_insp SELECT * FROM api.report_inspection('2026-01-01', '2026-10-31', NULL, 'district');
RESET SESSION AUTHORIZATION;

SELECT is((SELECT received FROM got WHERE grp IS NULL),
          (SELECT (SELECT count(*) FROM rights.complaint
                    WHERE received_at >= '2026-10-01 00:00+08' AND received_at < '2026-11-01 00:00+08')
                + (SELECT count(*) FROM rights.report
                    WHERE received_at >= '2026-10-01 00:00+08' AND received_at < '2026-11-01 00:00+08')),
          'complaints and reports received in October, city-wide, as counted from the tables');
SELECT is((SELECT received FROM got WHERE grp = 'LX'),
          (SELECT (SELECT count(*) FROM rights.complaint c JOIN core.org_unit o ON o.id = c.handling_org_id
                    WHERE (o.code = 'LX' OR o.code LIKE 'LX__')
                      AND received_at >= '2026-10-01 00:00+08' AND received_at < '2026-11-01 00:00+08')
                + (SELECT count(*) FROM rights.report c JOIN core.org_unit o ON o.id = c.handling_org_id
                    WHERE (o.code = 'LX' OR o.code LIKE 'LX__')
                      AND received_at >= '2026-10-01 00:00+08' AND received_at < '2026-11-01 00:00+08')),
          '... and for 梁溪区局 with its stations');
SELECT is((SELECT recovered FROM got WHERE grp IS NULL),
          (SELECT coalesce(sum(recovered_amount), 0) FROM rights.complaint
            WHERE received_at >= '2026-10-01 00:00+08' AND received_at < '2026-11-01 00:00+08'),
          'the amount recovered for consumers');
-- on-time rates per clock, recomputed with the calendar's ordinals
SELECT is((SELECT verify_on_time_pct FROM got WHERE grp IS NULL),
          (SELECT round(100.0 * count(*) FILTER (WHERE d.ordinal - r.ordinal <= 15) / nullif(count(*), 0), 1)
             FROM rights.report t
             JOIN core.calendar_day r ON r.day = (t.received_at AT TIME ZONE 'Asia/Shanghai')::date
             JOIN core.calendar_day d ON d.day = (t.decided_at AT TIME ZONE 'Asia/Shanghai')::date
            WHERE t.received_at >= '2026-10-01 00:00+08' AND t.received_at < '2026-11-01 00:00+08'),
          'reports decided whether to open a case within 15 working days (report_verify)');
SELECT is((SELECT mediate_on_time_pct FROM got WHERE grp IS NULL),
          (SELECT round(100.0 * count(*) FILTER (WHERE c.ordinal - d.ordinal <= 45) / nullif(count(*), 0), 1)
             FROM rights.complaint t
             JOIN core.calendar_day d ON d.day = (t.decided_at AT TIME ZONE 'Asia/Shanghai')::date
             JOIN core.calendar_day c ON c.day = (t.closed_at AT TIME ZONE 'Asia/Shanghai')::date
            WHERE t.status = 'closed'
              AND t.received_at >= '2026-10-01 00:00+08' AND t.received_at < '2026-11-01 00:00+08'),
          'complaints closed within 45 working days of acceptance (complaint_mediate)');
SELECT ok((SELECT verify_on_time_pct IS NOT NULL AND mediate_on_time_pct IS NOT NULL FROM got WHERE grp IS NULL),
          '... both figures exist in the generated October');
SELECT is((SELECT sum(received)::bigint FROM got WHERE grp IS NOT NULL), (SELECT received FROM got WHERE grp IS NULL),
          'the total row is the sum of the district rows');
SELECT is((SELECT established FROM got_entity WHERE grp IS NULL),
          (SELECT count(*) FROM core.entity WHERE established_on BETWEEN '2026-10-01' AND '2026-10-31'),
          'entities established in October');
SELECT is((SELECT active_end FROM got_entity WHERE grp IS NULL),
          (SELECT count(*) FROM core.entity
            WHERE established_on <= '2026-10-31'
              AND NOT (status IN ('deregistered', 'revoked', 'annulled', 'moved_out')
                       AND coalesce(status_changed_on, established_on) <= '2026-10-31')),
          'entities in the register at the end of October');
CREATE TEMP TABLE other_active AS
SELECT DISTINCT e.id FROM core.entity e
 WHERE (EXISTS (SELECT 1 FROM supervision.licence l WHERE l.entity_id = e.id AND l.issued_on BETWEEN '2026-10-01' AND '2026-10-31')
        OR EXISTS (SELECT 1 FROM core.entity_change c WHERE c.entity_id = e.id AND c.changed_on BETWEEN '2026-10-01' AND '2026-10-31'))
   AND NOT EXISTS (SELECT 1 FROM credit.annual_report r WHERE r.entity_id = e.id AND r.year = 2025);
SELECT ok((SELECT count(*) FROM other_active) > 0, 'some entities without an annual report took a licence or registered a change in October');
SELECT is((SELECT active_other FROM got_entity WHERE grp IS NULL), (SELECT count(*) FROM other_active),
          '... and the activity indicator counts them, once each');
SELECT is((SELECT activity_pct FROM got_entity WHERE grp IS NULL),
          (SELECT round(100.0 * (annual_reported + active_other) / active_end, 1) FROM got_entity WHERE grp IS NULL),
          '... the activity share is annual reporters and other active entities over the register');
SELECT is((SELECT trapped_persons FROM got_rescue WHERE grp IS NULL),
          (SELECT coalesce(sum(trapped_count), 0) FROM rights.rescue_incident
            WHERE kind = 'trapped' AND status <> 'cancelled'
              AND received_at >= '2026-01-01 00:00+08' AND received_at < '2026-11-01 00:00+08'),
          'persons trapped in elevators this year');
SELECT is((SELECT arrival_median_min FROM got_rescue WHERE grp IS NULL),
          (SELECT round((percentile_cont(0.5) WITHIN GROUP (
                   ORDER BY extract(epoch FROM arrived_at - level1_dispatched_at) / 60))::numeric, 1)
             FROM rights.rescue_incident
            WHERE status <> 'cancelled'
              AND received_at >= '2026-01-01 00:00+08' AND received_at < '2026-11-01 00:00+08'),
          'the median arrival time');
SELECT is((SELECT inspected FROM got_insp WHERE grp IS NULL),
          (SELECT count(*) FROM supervision.inspection_result r JOIN supervision.inspection_plan p ON p.org_id = r.org_id
             JOIN supervision.inspection_task t ON t.id = r.task_id
             JOIN supervision.inspection_batch b ON b.id = t.batch_id AND b.plan_id = p.id
            WHERE p.year = 2026),
          'inspection results of this year''s plans');

-- Writes are in the figures at once, and the summaries equal a recomputation.
UPDATE rights.complaint SET recovered_amount = coalesce(recovered_amount, 0) + 1000
 WHERE id = (SELECT min(id) FROM rights.complaint WHERE received_at >= '2026-10-01 00:00+08'
                                                   AND received_at < '2026-11-01 00:00+08');
DELETE FROM credit.annual_report WHERE id IN (SELECT id FROM credit.annual_report ORDER BY id LIMIT 5);
UPDATE core.entity SET org_id = pg_temp.org('JY01')
 WHERE id IN (SELECT entity_id FROM credit.risk_grade_history ORDER BY id LIMIT 20);
UPDATE core.entity SET status = 'deregistered', status_changed_on = '2026-10-15'
 WHERE id IN (SELECT id FROM core.entity WHERE status = 'active' AND established_on < '2026-01-01' ORDER BY id LIMIT 3);
SET SESSION AUTHORIZATION demo_analyst;
CREATE TEMP TABLE after AS SELECT * FROM api.report_complaint('2026-10-01', '2026-10-31', NULL, 'district');
RESET SESSION AUTHORIZATION;
SELECT is((SELECT recovered FROM after WHERE grp IS NULL), (SELECT recovered + 1000 FROM got WHERE grp IS NULL),
          'an update of a complaint is in the report as soon as it is made');
SELECT is((SELECT sum(differing)::int FROM meta.report_summary_drift()), 0,
          'after inserts, updates, deletes and entities moving district, every summary equals a recomputation');

-- The walls, as an operator meets them in psql (the roles cannot call
-- pgTAP: what each call raised is collected first).
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ' ' || SQLERRM;
END $$;
CREATE TEMP TABLE wall (what text PRIMARY KEY, got text);
CREATE TEMP TABLE masked_rows (unmasked int, unmatched int);
GRANT ALL ON wall, masked_rows TO PUBLIC;
SET SESSION AUTHORIZATION demo_clerk_lx;
INSERT INTO wall VALUES
	('risk', pg_temp.err($$SELECT * FROM api.report_risk('2026-10-01', '2026-10-31', NULL, NULL)$$)),
	('risk_open', pg_temp.err($$SELECT * FROM api.report_open('risk', '2026-10-01', '2026-10-31', NULL, NULL)$$)),
	('risk_sum', pg_temp.err($$SELECT * FROM meta.report_sum_risk_move$$)),
	('other_district', pg_temp.err($$SELECT * FROM api.report_complaint('2026-10-01', '2026-10-31', 'JY', NULL)$$)),
	('city', pg_temp.err($$SELECT * FROM api.report_complaint('2026-10-01', '2026-10-31', 'WX', NULL)$$)),
	('own_station', pg_temp.err($$SELECT * FROM api.report_complaint('2026-10-01', '2026-10-31', 'LX01', 'station')$$)),
	('own_default', (SELECT count(*)::text FROM api.report_complaint('2026-10-01', '2026-10-31', NULL, 'station')
	                  WHERE grp IS NOT NULL AND grp NOT LIKE 'LX%')),
	('bad_by', pg_temp.err($$SELECT * FROM api.report_complaint('2026-10-01', '2026-10-31', NULL, 'weekday')$$)),
	('future', pg_temp.err($$SELECT * FROM api.report_complaint('2027-03-01', '2027-03-31', NULL, NULL)$$)),
	('unknown', pg_temp.err($$SELECT * FROM api.report_open('weather', NULL, NULL, NULL, NULL)$$));
RESET SESSION AUTHORIZATION;
SELECT alike((SELECT got FROM wall WHERE what = 'risk'), '42501 %', 'the internal risk report is refused to a clerk');
SELECT is((SELECT got FROM wall WHERE what = 'risk_open'), '42501 报表“风险分类分布”仅供以下角色使用：analyst、supervisor',
          '... also when opened by its catalog name');
SELECT alike((SELECT got FROM wall WHERE what = 'risk_sum'), '42501 %', '... and its summary cannot be read');
SELECT is((SELECT got FROM wall WHERE what = 'other_district'),
          '42501 --org：无权查看“江阴市局”的数据（超出本账号的数据范围）', 'a district clerk may not see another district');
SELECT alike((SELECT got FROM wall WHERE what = 'city'), '42501 %', '... nor the whole city');
SELECT is((SELECT got FROM wall WHERE what = 'own_station'), 'ok', 'but sees a station of their own district');
SELECT is((SELECT got FROM wall WHERE what = 'own_default'), '0',
          'without --org a district clerk gets their own district');
SELECT is((SELECT got FROM wall WHERE what = 'bad_by'), '22023 --by：报表“complaint”不能按“weekday”分组',
          'a grouping the report lacks is named');
SELECT alike((SELECT got FROM wall WHERE what = 'future'), 'P0002 --period：%', 'a period after today has no data');
SELECT is((SELECT got FROM wall WHERE what = 'unknown'), 'P0002 没有名为“weather”的报表', 'an unknown report is named');

-- Public reports mask personal data whatever the role. The grouping by
-- respondent shows the 20 with most complaints; one respondent outside the
-- register is given thirty, so that it is among them whatever the day's
-- generated data holds.
UPDATE rights.complaint SET respondent_name = '梁溪区某某副食品商行'
 WHERE id IN (SELECT id FROM rights.complaint WHERE entity_id IS NULL AND received_at >= '2017-01-01'
                AND received_at < '2026-12-06' ORDER BY id LIMIT 30);
SET SESSION AUTHORIZATION demo_supervisor;
INSERT INTO masked_rows
SELECT count(*) FILTER (WHERE r.grp_name !~ '\*' AND r.grp_name <> '（未填）'), count(*)
  FROM api.report_complaint('2017-01-01', '2026-12-06', NULL, 'respondent') r WHERE r.grp = '';
RESET SESSION AUTHORIZATION;
SELECT ok((SELECT unmasked = 0 AND unmatched > 0 FROM masked_rows),
          'respondents outside the register are masked in the public complaint report, even for a supervisor');

-- 96333 by station: the stations of a district add up to the district
CREATE TEMP TABLE got_rescue_st AS SELECT * FROM api.report_rescue('2026-01-01', '2026-10-31', 'LX', 'station') LIMIT 0;
GRANT ALL ON got_rescue_st TO PUBLIC;
SET SESSION AUTHORIZATION demo_analyst;
INSERT INTO got_rescue_st SELECT * FROM api.report_rescue('2026-01-01', '2026-10-31', 'LX', 'station');
RESET SESSION AUTHORIZATION;
SELECT is((SELECT sum(calls)::bigint FROM got_rescue_st WHERE grp IS NOT NULL), (SELECT calls FROM got_rescue WHERE grp = 'LX'),
          'the 96333 report by station: 梁溪''s stations add up to the district');
-- the activity summary follows new licences, changes and annual reports
CREATE TEMP TABLE act_entity AS
SELECT e.id FROM core.entity e
 WHERE NOT EXISTS (SELECT 1 FROM credit.annual_report r WHERE r.entity_id = e.id AND r.year = 2025)
   AND NOT EXISTS (SELECT 1 FROM meta.report_sum_activity a WHERE a.entity_id = e.id AND a.month = '2026-10-01')
 ORDER BY e.id LIMIT 1;
CREATE TEMP TABLE act AS SELECT active_other FROM got_entity WHERE grp IS NULL;
GRANT ALL ON act TO PUBLIC;
INSERT INTO core.entity_change (entity_id, changed_on, item, before_value, after_value, source_system)
SELECT id, '2026-10-15', '住所变更', '旧址', '新址', 'test' FROM act_entity;
INSERT INTO core.entity_change (entity_id, changed_on, item, before_value, after_value, source_system)
SELECT id, '2026-10-20', '经营范围变更', '旧', '新', 'test' FROM act_entity;
SET SESSION AUTHORIZATION demo_analyst;
UPDATE act SET active_other = (SELECT active_other - act.active_other FROM api.report_entity('2026-10-01', '2026-10-31', NULL, 'district') WHERE grp IS NULL);
RESET SESSION AUTHORIZATION;
SELECT is((SELECT active_other FROM act), 1::bigint, 'two changes of an entity without an annual report make it active once');
INSERT INTO credit.annual_report (entity_id, year, submitted_on, source_system)
SELECT id, 2025, '2026-11-02', 'test' FROM act_entity;
SELECT is((SELECT reported_prev FROM meta.report_sum_activity a JOIN act_entity x ON x.id = a.entity_id WHERE a.month = '2026-10-01'),
          true, '... its annual report for 2025 moves it to the annual reporters');
CREATE TEMP TABLE act_kept AS TABLE meta.report_sum_activity;
SELECT ok(meta.report_activity_rebuild() > 0, 'the activity summary is rebuilt from its sources');
SELECT is((SELECT count(*)::int FROM ((TABLE act_kept EXCEPT ALL TABLE meta.report_sum_activity)
                                      UNION ALL (TABLE meta.report_sum_activity EXCEPT ALL TABLE act_kept)) d),
          0, '... to what the triggers kept');
SELECT * FROM finish();
ROLLBACK;
