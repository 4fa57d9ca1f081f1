-- Reports, second round (issue 14):
-- * 市场主体发展's activity indicator counts, beside the annual reports, the
--   entities that took a licence or registered a change in the period
--   without having reported for the year before: a new column active_other
--   (the function's row type changes, so it is dropped and created again,
--   with its grants), read from a summary of its own, meta.report_sum_activity
--   (one row per entity and month with such an activity), kept by triggers
--   like the other summaries and rebuilt with them;
-- * the 96333 report groups by station too: the station of the elevator's
--   using unit, when that station lies in the elevator's district (else the
--   district itself), so that Enter on a district drills down.

CREATE TABLE meta.report_sum_activity (
	month date NOT NULL,
	entity_id bigint NOT NULL,
	org_id bigint NOT NULL,
	type_code text NOT NULL,
	section text NOT NULL,
	reported_prev boolean NOT NULL,
	PRIMARY KEY (month, entity_id)
);
COMMENT ON TABLE meta.report_sum_activity IS '报表汇总：每月取得许可或办理变更登记的主体（每主体每月一行，活跃度用；由触发器维护，meta.report_summary_rebuild() 重算）';
COMMENT ON COLUMN meta.report_sum_activity.month IS '活动月份（许可日期或变更日期所在月的 1 日）';
COMMENT ON COLUMN meta.report_sum_activity.entity_id IS '市场主体';
COMMENT ON COLUMN meta.report_sum_activity.org_id IS '活动时主体的属地监管机构';
COMMENT ON COLUMN meta.report_sum_activity.type_code IS '主体类型';
COMMENT ON COLUMN meta.report_sum_activity.section IS '行业门类字母（行业不详为空串）';
COMMENT ON COLUMN meta.report_sum_activity.reported_prev IS '主体是否报送了该月上一年度的年度报告（年报增删时由触发器更新）';
CREATE INDEX report_sum_activity_entity_idx ON meta.report_sum_activity (entity_id);
INSERT INTO audit.unaudited (table_name, reason)
VALUES ('meta.report_sum_activity', '派生数据：报表汇总，由触发器从已审计的源表算出，可随时重算');

-- The rows of the activities in src (entity_id, day): one per entity and month.
CREATE FUNCTION meta.report_activity_add(p_entity bigint[], p_day date[]) RETURNS void
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
	INSERT INTO meta.report_sum_activity (month, entity_id, org_id, type_code, section, reported_prev)
	SELECT x.month, x.entity_id, coalesce(e.org_id, core.city_org()), e.entity_type_code,
	       coalesce(i.section::text, ''),
	       EXISTS (SELECT 1 FROM credit.annual_report r
	                WHERE r.entity_id = x.entity_id AND r.year = extract(year FROM x.month)::int - 1)
	  FROM (SELECT DISTINCT c.entity_id, date_trunc('month', c.day)::date AS month
	          FROM unnest(p_entity, p_day) AS c(entity_id, day)) x
	  JOIN core.entity e ON e.id = x.entity_id
	  LEFT JOIN core.industry i ON i.code = e.industry_code
	ON CONFLICT (month, entity_id) DO NOTHING
$$;
COMMENT ON FUNCTION meta.report_activity_add(bigint[], date[]) IS '把主体的许可或变更登记（主体、日期）记入活跃度汇总';

-- After annual reports come or go: the flag of their entities' months of the year after.
CREATE FUNCTION meta.report_activity_recheck(p_entity bigint[], p_year integer[]) RETURNS void
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
	UPDATE meta.report_sum_activity a
	   SET reported_prev = EXISTS (SELECT 1 FROM credit.annual_report r
	                                WHERE r.entity_id = a.entity_id AND r.year = c.year)
	  FROM (SELECT DISTINCT * FROM unnest(p_entity, p_year) AS u(entity_id, year)) c
	 WHERE a.entity_id = c.entity_id
	   AND a.month >= make_date(c.year + 1, 1, 1) AND a.month < make_date(c.year + 2, 1, 1)
$$;
COMMENT ON FUNCTION meta.report_activity_recheck(bigint[], integer[]) IS '年度报告增删后，更新相应主体下一年各月活跃度汇总的“已报上一年度年报”标记';

CREATE FUNCTION meta.report_activity_licence() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
	PERFORM meta.report_activity_add(array_agg(n.entity_id), array_agg(n.issued_on)) FROM new_rows n;
	RETURN NULL;
END $$;
CREATE FUNCTION meta.report_activity_change() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
	PERFORM meta.report_activity_add(array_agg(n.entity_id), array_agg(n.changed_on)) FROM new_rows n;
	RETURN NULL;
END $$;
CREATE FUNCTION meta.report_activity_annual() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		PERFORM meta.report_activity_recheck(array_agg(n.entity_id), array_agg(n.year::int)) FROM new_rows n;
	END IF;
	IF TG_OP IN ('DELETE', 'UPDATE') THEN
		PERFORM meta.report_activity_recheck(array_agg(o.entity_id), array_agg(o.year::int)) FROM old_rows o;
	END IF;
	RETURN NULL;
END $$;
COMMENT ON FUNCTION meta.report_activity_licence() IS '触发器：新的许可记入活跃度汇总';
COMMENT ON FUNCTION meta.report_activity_change() IS '触发器：新的变更登记记入活跃度汇总';
COMMENT ON FUNCTION meta.report_activity_annual() IS '触发器：年度报告增删改后更新活跃度汇总的年报标记';
-- named report_sum_* like the summaries' own, so that a bulk load switches them off too
CREATE TRIGGER report_sum_activity_ins AFTER INSERT ON supervision.licence
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION meta.report_activity_licence();
CREATE TRIGGER report_sum_activity_ins AFTER INSERT ON core.entity_change
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION meta.report_activity_change();
CREATE TRIGGER report_sum_activity_ins AFTER INSERT ON credit.annual_report
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION meta.report_activity_annual();
CREATE TRIGGER report_sum_activity_upd AFTER UPDATE ON credit.annual_report
	REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION meta.report_activity_annual();
CREATE TRIGGER report_sum_activity_del AFTER DELETE ON credit.annual_report
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION meta.report_activity_annual();

-- Recomputes the activity summary from its sources.
CREATE FUNCTION meta.report_activity_rebuild() RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	n bigint;
BEGIN
	TRUNCATE meta.report_sum_activity;
	INSERT INTO meta.report_sum_activity (month, entity_id, org_id, type_code, section, reported_prev)
	SELECT x.month, x.entity_id, coalesce(e.org_id, core.city_org()), e.entity_type_code,
	       coalesce(i.section::text, ''), r.entity_id IS NOT NULL
	  FROM (SELECT l.entity_id, date_trunc('month', l.issued_on)::date AS month FROM supervision.licence l
	        UNION
	        SELECT c.entity_id, date_trunc('month', c.changed_on)::date FROM core.entity_change c) x
	  JOIN core.entity e ON e.id = x.entity_id
	  LEFT JOIN core.industry i ON i.code = e.industry_code
	  LEFT JOIN credit.annual_report r ON r.entity_id = x.entity_id AND r.year = extract(year FROM x.month)::int - 1;
	GET DIAGNOSTICS n = ROW_COUNT;
	ANALYZE meta.report_sum_activity;
	RETURN n;
END $$;
COMMENT ON FUNCTION meta.report_activity_rebuild() IS '由许可、变更登记和年度报告重算活跃度汇总，返回行数';

-- ... with every other summary: a bulk load calls meta.report_summary_rebuild().
CREATE OR REPLACE FUNCTION meta.report_summary_rebuild() RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	x record;
	n bigint := 0;
	k bigint;
BEGIN
	FOR x IN SELECT DISTINCT target FROM meta.report_summary ORDER BY 1 LOOP
		EXECUTE format('TRUNCATE %s', x.target);
	END LOOP;
	FOR x IN SELECT s.source, s.projection, s.apply FROM meta.report_summary s WHERE s.rebuild
	          ORDER BY s.name, s.source LOOP
		EXECUTE format('WITH ch AS (%s) %s', meta.report_changes('REBUILD', x.projection, x.source), x.apply);
		GET DIAGNOSTICS k = ROW_COUNT;
		n := n + k;
	END LOOP;
	FOR x IN SELECT DISTINCT target FROM meta.report_summary ORDER BY 1 LOOP
		EXECUTE format('ANALYZE %s', x.target);
	END LOOP;
	RETURN n + meta.report_activity_rebuild();
END $$;
COMMENT ON FUNCTION meta.report_summary_rebuild() IS '由源表全部重算报表汇总表（含活跃度汇总），返回写入的行数';
REVOKE ALL ON FUNCTION meta.report_activity_add(bigint[], date[]), meta.report_activity_recheck(bigint[], integer[]),
	meta.report_activity_rebuild(), meta.report_summary_rebuild() FROM PUBLIC;
SELECT meta.report_activity_rebuild();

DROP FUNCTION api.report_entity(date, date, text, text);
CREATE FUNCTION api.report_entity(p_from date DEFAULT NULL, p_to date DEFAULT NULL, p_org text DEFAULT NULL,
                                  p_by text DEFAULT NULL)
RETURNS TABLE (grp text, grp_name text, active_start bigint, established bigint, deregistered bigint,
               revoked bigint, annulled bigint, moved_out bigint, net_growth bigint, active_end bigint,
               annual_reported bigint, active_other bigint, activity_pct numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	p record;
	m_from date;
	m_to date;
BEGIN
	SELECT * INTO p FROM core.report_params('entity', p_from, p_to, p_org, p_by);
	m_from := date_trunc('month', p.date_from)::date;
	m_to := date_trunc('month', p.date_to)::date;
	RETURN QUERY
	WITH keyed AS (
		-- every summary row of the org units asked for, with its group key
		SELECT CASE p.group_by WHEN 'month' THEN to_char(f.month, 'YYYY-MM')
		                       WHEN 'type' THEN f.type_code WHEN 'industry' THEN f.section
		                       ELSE m.grp_id::text END AS k,
		       f.month, f.established AS e,
		       f.deregistered + f.revoked + f.annulled + f.moved_out AS x,
		       f.deregistered, f.revoked, f.annulled, f.moved_out
		  FROM meta.report_sum_entity_flow f JOIN core.report_org_map(p.group_by) m ON m.org_id = f.org_id
		 WHERE f.org_id = ANY (p.orgs) AND f.month >= m_from),
	now_k AS (
		SELECT CASE p.group_by WHEN 'type' THEN n.type_code WHEN 'industry' THEN n.section
		                       WHEN 'month' THEN NULL
		                       ELSE m.grp_id::text END AS k,
		       sum(n.entities) FILTER (WHERE n.status IN ('active', 'dormant')) AS in_register
		  FROM meta.report_sum_entity_now n JOIN core.report_org_map(p.group_by) m ON m.org_id = n.org_id WHERE n.org_id = ANY (p.orgs) GROUP BY 1),
	annual_k AS (
		SELECT CASE p.group_by WHEN 'type' THEN a.type_code WHEN 'industry' THEN a.section
		                       WHEN 'month' THEN NULL
		                       ELSE m.grp_id::text END AS k,
		       sum(a.reported) AS reported
		  FROM meta.report_sum_annual a JOIN core.report_org_map(p.group_by) m ON m.org_id = a.org_id
		 WHERE a.org_id = ANY (p.orgs) AND a.year = extract(year FROM p.date_to)::int - 1 GROUP BY 1),
	-- other activity: entities that took a licence or registered a change
	-- in the period without having reported for the year before (those are
	-- counted as annual_reported already)
	other AS (
		SELECT a.entity_id,
		       CASE p.group_by WHEN 'month' THEN to_char(a.month, 'YYYY-MM')
		                       WHEN 'type' THEN a.type_code WHEN 'industry' THEN a.section
		                       ELSE m.grp_id::text END AS k
		  FROM meta.report_sum_activity a JOIN core.report_org_map(p.group_by) m ON m.org_id = a.org_id
		 WHERE a.month BETWEEN m_from AND m_to AND a.org_id = ANY (p.orgs) AND NOT a.reported_prev),
	other_k AS (SELECT o.k, count(DISTINCT o.entity_id) AS n FROM other o GROUP BY o.k),
	other_all AS (SELECT count(DISTINCT o.entity_id) AS n FROM other o),
	per AS (
		SELECT k.k, sum(k.e) FILTER (WHERE k.month <= m_to) AS e,
		       sum(k.deregistered) FILTER (WHERE k.month <= m_to) AS d,
		       sum(k.revoked) FILTER (WHERE k.month <= m_to) AS r,
		       sum(k.annulled) FILTER (WHERE k.month <= m_to) AS a,
		       sum(k.moved_out) FILTER (WHERE k.month <= m_to) AS mo,
		       coalesce(sum(k.e - k.x) FILTER (WHERE k.month > m_to), 0) AS net_after
		  FROM keyed k GROUP BY k.k),
	city_now AS (SELECT sum(in_register) AS v FROM now_k),
	city_after AS (SELECT coalesce(sum(per.net_after), 0) AS v FROM per WHERE p.group_by = 'month'),
	grouped AS (
		SELECT g.k, coalesce(per.e, 0) AS e, coalesce(per.d, 0) AS d, coalesce(per.r, 0) AS r,
		       coalesce(per.a, 0) AS a, coalesce(per.mo, 0) AS mo,
		       CASE WHEN p.group_by = 'month'
		            THEN (SELECT v FROM city_now) - (SELECT v FROM city_after)
		                 - coalesce(sum(coalesce(per.e - per.d - per.r - per.a - per.mo, 0))
		                   OVER (ORDER BY g.k DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)
		            ELSE coalesce(nk.in_register, 0) - coalesce(per.net_after, 0) END AS active_end,
		       CASE WHEN p.group_by = 'month' THEN (SELECT sum(reported) FROM annual_k)
		            ELSE coalesce(ak.reported, 0) END AS reported,
		       coalesce(ok.n, 0) AS other
		  FROM (SELECT per.k FROM per WHERE p.group_by <> 'month' OR per.k <= to_char(m_to, 'YYYY-MM')
		        UNION SELECT nk.k FROM now_k nk WHERE p.group_by <> 'month'
		        UNION SELECT to_char(m, 'YYYY-MM') FROM generate_series(m_from, m_to, interval '1 month') m
		         WHERE p.group_by = 'month') g
		  LEFT JOIN per ON per.k = g.k
		  LEFT JOIN now_k nk ON nk.k = g.k
		  LEFT JOIN annual_k ak ON ak.k = g.k
		  LEFT JOIN other_k ok ON ok.k = g.k),
	rows AS (
		SELECT g.k, g.e, g.d, g.r, g.a, g.mo, g.active_end,
		       g.active_end - (g.e - g.d - g.r - g.a - g.mo) AS active_start, g.reported, g.other
		  FROM grouped g)
	SELECT core.report_key(p.group_by, r.k), CASE p.group_by WHEN 'month' THEN r.k
	                            WHEN 'type' THEN (SELECT t.name FROM core.entity_type t WHERE t.code = r.k)
	                            WHEN 'industry' THEN coalesce((SELECT i.name FROM core.industry i WHERE i.code = r.k),
	                                                          '行业不详')
	                            ELSE core.report_org_label(r.k::bigint) END,
	       r.active_start::bigint, r.e::bigint, r.d::bigint, r.r::bigint, r.a::bigint, r.mo::bigint,
	       (r.e - r.d - r.r - r.a - r.mo)::bigint, r.active_end::bigint, r.reported::bigint, r.other::bigint,
	       round(100.0 * (r.reported + r.other) / nullif(r.active_end, 0), 1)
	  FROM rows r
	UNION ALL
	SELECT NULL, '合计',
	       CASE WHEN p.group_by = 'month' THEN (SELECT r.active_start FROM rows r ORDER BY r.k LIMIT 1)
	            ELSE sum(r.active_start) END::bigint,
	       sum(r.e)::bigint, sum(r.d)::bigint, sum(r.r)::bigint, sum(r.a)::bigint, sum(r.mo)::bigint,
	       sum(r.e - r.d - r.r - r.a - r.mo)::bigint,
	       CASE WHEN p.group_by = 'month' THEN (SELECT r.active_end FROM rows r ORDER BY r.k DESC LIMIT 1)
	            ELSE sum(r.active_end) END::bigint,
	       CASE WHEN p.group_by = 'month' THEN max(r.reported) ELSE sum(r.reported) END::bigint,
	       CASE WHEN p.group_by = 'month' THEN (SELECT n FROM other_all) ELSE sum(r.other) END::bigint,
	       round(100.0 * (CASE WHEN p.group_by = 'month' THEN max(r.reported) ELSE sum(r.reported) END
	                      + CASE WHEN p.group_by = 'month' THEN (SELECT n FROM other_all) ELSE sum(r.other) END)
	             / nullif(CASE WHEN p.group_by = 'month' THEN (SELECT r.active_end FROM rows r ORDER BY r.k DESC LIMIT 1)
	                           ELSE sum(r.active_end) END, 0), 1)
	  FROM rows r
	 ORDER BY 1 NULLS LAST;
END $$;
COMMENT ON FUNCTION api.report_entity(date, date, text, text) IS
	'市场主体发展：按区局、所、月份、主体类型或行业门类，期初在册数、期间成立（按成立日期）、注销、吊销、撤销、迁出（按状态变更日期）、净增长、期末在册数（存续和歇业）、'
	'报送上一年度年报的主体数、其他活跃主体数（期间取得许可或办理变更登记、未报上一年度年报的主体，按活动时的属地机构）和活跃度'
	'（两者之和占期末在册主体的百分比；按月分组时其他活跃按各月计，合计行按整个期间去重）；按整月统计';
CREATE OR REPLACE FUNCTION api.report_rescue(p_from date DEFAULT NULL, p_to date DEFAULT NULL, p_org text DEFAULT NULL,
                                  p_by text DEFAULT NULL)
RETURNS TABLE (grp text, grp_name text, calls bigint, trapped_incidents bigint, trapped_persons bigint,
               ack_median_min numeric, ack_p90_min numeric, ack_within_pct numeric, arrival_median_min numeric,
               arrival_p90_min numeric, arrival_within_pct numeric, release_median_min numeric, escalations bigint,
               ignored_dispatch bigint, repeat_elevators bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	p record;
	ack_limit integer := core.setting_int('rescue_ack_limit_minutes');
	arrival_default integer := core.setting_int('rescue_arrival_limit_urban_minutes');
BEGIN
	SELECT * INTO p FROM core.report_params('rescue', p_from, p_to, p_org, p_by);
	RETURN QUERY
	WITH i AS (
		SELECT CASE p.group_by WHEN 'month' THEN to_char(x.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')
		                       WHEN 'unit' THEN coalesce(e.uscc::text, '')
		                       ELSE m.grp_id::text END AS k,
		       CASE WHEN p.group_by = 'unit' THEN coalesce(e.name, '（未派单）') END AS unit_name,
		       x.*,
		       extract(epoch FROM x.acknowledged_at - x.level1_dispatched_at) / 60 AS ack_min,
		       extract(epoch FROM x.arrived_at - x.level1_dispatched_at) / 60 AS arrival_min,
		       extract(epoch FROM x.released_at - x.received_at) / 60 AS release_min
		  FROM rights.rescue_incident x LEFT JOIN core.entity e ON e.id = x.level1_entity_id
		  -- the station: the using unit's, when it lies in the elevator's district
		  LEFT JOIN equipment.elevator el ON el.id = x.elevator_id
		  LEFT JOIN core.entity u ON u.id = el.entity_id
		  LEFT JOIN core.org_unit us ON us.id = u.org_id AND us.parent_id = x.district_org_id
		  JOIN core.report_org_map(p.group_by) m ON m.org_id = coalesce(us.id, x.district_org_id)
		 WHERE x.received_at >= (p.date_from::timestamp AT TIME ZONE 'Asia/Shanghai')
		   AND x.received_at < ((p.date_to + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
		   AND coalesce(us.id, x.district_org_id) = ANY (p.orgs) AND x.status <> 'cancelled'),
	rep AS (
		-- elevators with two or more entrapments in the period, counted in each group they fall in
		SELECT r.k, count(*) AS n FROM (
			SELECT i.k, i.elevator_id FROM i WHERE i.kind = 'trapped' AND i.elevator_id IS NOT NULL
			 GROUP BY i.k, i.elevator_id HAVING count(*) >= 2) r GROUP BY r.k),
	rep_all AS (
		SELECT count(*) AS n FROM (
			SELECT i.elevator_id FROM i WHERE i.kind = 'trapped' AND i.elevator_id IS NOT NULL
			 GROUP BY i.elevator_id HAVING count(*) >= 2) r),
	g AS (
		SELECT i.k, max(i.unit_name) AS unit_name, count(*) AS calls,
		       count(*) FILTER (WHERE i.kind = 'trapped') AS trapped_incidents,
		       coalesce(sum(i.trapped_count) FILTER (WHERE i.kind = 'trapped'), 0) AS trapped_persons,
		       percentile_cont(0.5) WITHIN GROUP (ORDER BY i.ack_min) AS ack_med,
		       percentile_cont(0.9) WITHIN GROUP (ORDER BY i.ack_min) AS ack_p90,
		       count(*) FILTER (WHERE i.ack_min <= ack_limit) AS ack_within,
		       count(*) FILTER (WHERE i.level1_dispatched_at IS NOT NULL) AS dispatched,
		       percentile_cont(0.5) WITHIN GROUP (ORDER BY i.arrival_min) AS arr_med,
		       percentile_cont(0.9) WITHIN GROUP (ORDER BY i.arrival_min) AS arr_p90,
		       count(*) FILTER (WHERE i.arrival_min <= coalesce(i.arrival_limit_minutes, arrival_default)) AS arr_within,
		       percentile_cont(0.5) WITHIN GROUP (ORDER BY i.release_min) AS rel_med,
		       count(*) FILTER (WHERE i.level2_dispatched_at IS NOT NULL OR i.level3_dispatched_at IS NOT NULL) AS esc,
		       count(*) FILTER (WHERE i.level1_dispatched_at IS NOT NULL AND i.acknowledged_at IS NULL
		                          AND i.level2_dispatched_at IS NOT NULL) AS ignored
		  FROM i GROUP BY GROUPING SETS ((i.k), ()))
	SELECT core.report_key(p.group_by, g.k),
	       CASE WHEN g.k IS NULL THEN '合计' WHEN p.group_by = 'month' THEN g.k
	            WHEN p.group_by = 'unit' THEN g.unit_name
	            ELSE core.report_org_label(g.k::bigint) END,
	       g.calls, g.trapped_incidents, g.trapped_persons::bigint,
	       round(g.ack_med::numeric, 1), round(g.ack_p90::numeric, 1),
	       round(100.0 * g.ack_within / nullif(g.dispatched, 0), 1),
	       round(g.arr_med::numeric, 1), round(g.arr_p90::numeric, 1),
	       round(100.0 * g.arr_within / nullif(g.dispatched, 0), 1),
	       round(g.rel_med::numeric, 1), g.esc, g.ignored,
	       coalesce(CASE WHEN g.k IS NULL THEN (SELECT n FROM rep_all) ELSE (SELECT rep.n FROM rep WHERE rep.k = g.k) END, 0)
	  FROM g
	 ORDER BY g.k IS NULL,
	          CASE WHEN p.group_by = 'unit' THEN -coalesce(100.0 * g.arr_within / nullif(g.dispatched, 0), -1) END,
	          1;
END $$;
COMMENT ON FUNCTION api.report_rescue(date, date, text, text) IS
	'96333 电梯应急救援：期间（按日）接警且未撤销的事件，按区局、所（电梯使用单位的属地所，不在本区的归区局本级）、月份或一级响应的维保单位（按到场及时率排名），接警数、困人事件数、被困人数，'
	'响应时间（派单到响应）、到场时间（派单到到场）的中位数和第 90 百分位（分钟）及时限内比例（响应 3 分钟、到场按事件时限，占已派单事件）、'
	'解救时间中位数（接警到解救）、升级响应数（二级或三级）、派单未响应而转二级的事件数、重复困人电梯数（期间困人两次及以上的电梯）';

REVOKE ALL ON FUNCTION api.report_entity(date, date, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.report_entity(date, date, text, text) TO smcon_staff;

UPDATE meta.report_column SET position = 13 WHERE report = 'entity' AND key = 'activity_pct';
INSERT INTO meta.report_column (report, position, key, label_zh, label_en, kind)
VALUES ('entity', 12, 'active_other', '其他活跃', 'Other activity', 'int');

UPDATE meta.report
   SET description = '按区局、所、月份、主体类型或行业门类统计期初期末在册主体、期间成立、注销、吊销、撤销、迁出和净增长；'
                     '活跃度为报送了上一年度年报的主体，与期间取得许可或办理变更登记而未报年报的主体（“其他活跃”）之和占期末在册主体的百分比。按整月统计。'
 WHERE name = 'entity';
UPDATE meta.report
   SET by_options = '{district,station,unit,month}',
       description = '按区局、所（电梯使用单位的属地所）、月份或维保单位统计接警、困人、被困人数、响应和到场时间（中位数、第 90 百分位、时限内比例）、解救时间、升级响应、派单未响应和重复困人电梯。'
 WHERE name = 'rescue';
