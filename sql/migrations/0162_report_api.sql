-- 0162 the six reports, each one function in api that says what it counts
-- (its COMMENT), called with the period, the org unit (code) and the
-- grouping. core.report_params() checks these and the caller's role and
-- scope first, so every wall holds in psql too. Each returns a key and a
-- name per group row, the figures, and a last row with the key NULL: the
-- totals over the same rows (rates recomputed, never averaged).
-- api.report_open() runs one by its catalog name into a cursor that the
-- client fetches in pieces (rows are written as they arrive).

-- Rescue and the complaints' top respondents read the source tables by time.
CREATE INDEX rescue_incident_report_received_idx ON rights.rescue_incident (received_at);
COMMENT ON INDEX rights.rescue_incident_report_received_idx IS '报表：按接警时间取一段期间的事件';
CREATE INDEX complaint_report_received_idx ON rights.complaint (received_at);
COMMENT ON INDEX rights.complaint_report_received_idx IS '报表：按收到时间取一段期间的投诉（全市被投诉人排行）';
CREATE INDEX risk_grade_history_report_assessed_idx ON credit.risk_grade_history (assessed_on);
COMMENT ON INDEX credit.risk_grade_history_report_assessed_idx IS '报表：按评定日期取风险评定';

-- The name of a group row's key for the org groupings.
CREATE FUNCTION core.report_org_label(org bigint) RETURNS text
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT o.short_name FROM core.org_unit o WHERE o.id = org $$;
COMMENT ON FUNCTION core.report_org_label(bigint) IS '报表分组行的机构简称';

-- Which group row each org unit's records fall in (grouped by district: a
-- station's go to its district bureau; otherwise each unit its own), as a
-- table to join once rather than a function called per summary row.
CREATE FUNCTION core.report_org_map(grp_by text) RETURNS TABLE (org_id bigint, grp_id bigint)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT o.id, CASE WHEN grp_by = 'district' AND o.level = 'station' THEN o.parent_id ELSE o.id END
	  FROM core.org_unit o
$$;
COMMENT ON FUNCTION core.report_org_map(text) IS '报表分组：每个机构的记录归入哪一行（按区局分组时所归其区局）';

-- The key a client shows and drills down by: the org code for org groupings.
CREATE FUNCTION core.report_key(grp_by text, k text) RETURNS text
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT CASE WHEN grp_by IN ('district', 'station') THEN (SELECT o.code FROM core.org_unit o WHERE o.id = k::bigint)
	            ELSE k END
$$;
COMMENT ON FUNCTION core.report_key(text, text) IS '报表分组行的代码：按机构分组时为机构代码';

-- ---------------------------------------------------------------------------
-- 1 市场主体发展

CREATE FUNCTION api.report_entity(p_from date DEFAULT NULL, p_to date DEFAULT NULL, p_org text DEFAULT NULL,
                                  p_by text DEFAULT NULL)
RETURNS TABLE (grp text, grp_name text, active_start bigint, established bigint, deregistered bigint,
               revoked bigint, annulled bigint, moved_out bigint, net_growth bigint, active_end bigint,
               annual_reported bigint, activity_pct numeric)
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
		            ELSE coalesce(ak.reported, 0) END AS reported
		  FROM (SELECT per.k FROM per WHERE p.group_by <> 'month' OR per.k <= to_char(m_to, 'YYYY-MM')
		        UNION SELECT nk.k FROM now_k nk WHERE p.group_by <> 'month'
		        UNION SELECT to_char(m, 'YYYY-MM') FROM generate_series(m_from, m_to, interval '1 month') m
		         WHERE p.group_by = 'month') g
		  LEFT JOIN per ON per.k = g.k
		  LEFT JOIN now_k nk ON nk.k = g.k
		  LEFT JOIN annual_k ak ON ak.k = g.k),
	rows AS (
		SELECT g.k, g.e, g.d, g.r, g.a, g.mo, g.active_end,
		       g.active_end - (g.e - g.d - g.r - g.a - g.mo) AS active_start, g.reported
		  FROM grouped g)
	SELECT core.report_key(p.group_by, r.k), CASE p.group_by WHEN 'month' THEN r.k
	                            WHEN 'type' THEN (SELECT t.name FROM core.entity_type t WHERE t.code = r.k)
	                            WHEN 'industry' THEN coalesce((SELECT i.name FROM core.industry i WHERE i.code = r.k),
	                                                          '行业不详')
	                            ELSE core.report_org_label(r.k::bigint) END,
	       r.active_start::bigint, r.e::bigint, r.d::bigint, r.r::bigint, r.a::bigint, r.mo::bigint,
	       (r.e - r.d - r.r - r.a - r.mo)::bigint, r.active_end::bigint, r.reported::bigint,
	       round(100.0 * r.reported / nullif(r.active_end, 0), 1)
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
	       round(100.0 * CASE WHEN p.group_by = 'month' THEN max(r.reported) ELSE sum(r.reported) END
	             / nullif(CASE WHEN p.group_by = 'month' THEN (SELECT r.active_end FROM rows r ORDER BY r.k DESC LIMIT 1)
	                           ELSE sum(r.active_end) END, 0), 1)
	  FROM rows r
	 ORDER BY 1 NULLS LAST;
END $$;
COMMENT ON FUNCTION api.report_entity(date, date, text, text) IS
	'市场主体发展：按区局、所、月份、主体类型或行业门类，期初在册数、期间成立（按成立日期）、注销、吊销、撤销、迁出（按状态变更日期）、净增长、期末在册数（存续和歇业）、'
	'报送上一年度年报的主体数和活跃度（报送上一年度年报的主体占期末在册主体的百分比）；按整月统计';

-- ---------------------------------------------------------------------------
-- 2 双随机抽查完成情况

CREATE FUNCTION api.report_inspection(p_from date DEFAULT NULL, p_to date DEFAULT NULL, p_org text DEFAULT NULL,
                                      p_by text DEFAULT NULL)
RETURNS TABLE (grp text, grp_name text, plans bigint, drawn bigint, cancelled bigint, inspected bigint,
               completion_pct numeric, no_problem bigint, problems bigint, unreachable bigint, not_operating bigint,
               problem_pct numeric, published bigint, published_on_time_pct numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	p record;
BEGIN
	SELECT * INTO p FROM core.report_params('inspection', p_from, p_to, p_org, p_by);
	RETURN QUERY
	WITH s AS (
		SELECT CASE p.group_by WHEN 'plan' THEN pl.plan_no
		                       ELSE m.grp_id::text END AS k,
		       x.*
		  FROM meta.report_sum_inspection x JOIN core.report_org_map(p.group_by) m ON m.org_id = x.org_id
		  JOIN supervision.inspection_plan pl ON pl.id = x.plan_id
		 WHERE x.org_id = ANY (p.orgs)
		   AND pl.year BETWEEN extract(year FROM p.date_from) AND extract(year FROM p.date_to)),
	g AS (
		SELECT s.k, count(DISTINCT s.plan_id) AS plans, sum(s.tasks) AS drawn, sum(s.cancelled) AS cancelled,
		       sum(s.results) AS inspected,
		       sum(s.results) FILTER (WHERE s.result_code = 'no_problem') AS no_problem,
		       sum(s.results) FILTER (WHERE s.result_code IN ('not_publicized', 'false_publicity', 'refused_inspection',
		                                                      'corrected', 'pending_followup', 'unreachable')) AS problems,
		       sum(s.results) FILTER (WHERE s.result_code = 'unreachable') AS unreachable,
		       sum(s.results) FILTER (WHERE s.result_code IN ('no_activity', 'closed_liquidating', 'deregistered',
		                                                      'revoked', 'annulled', 'moved_out')) AS not_operating,
		       sum(s.published) AS published, sum(s.published_on_time) AS on_time
		  FROM s GROUP BY GROUPING SETS ((s.k), ()))
	SELECT core.report_key(p.group_by, g.k),
	       CASE WHEN g.k IS NULL THEN '合计'
	            WHEN p.group_by = 'plan' THEN (SELECT pl.title FROM supervision.inspection_plan pl WHERE pl.plan_no = g.k)
	            ELSE core.report_org_label(g.k::bigint) END,
	       g.plans, g.drawn, g.cancelled, g.inspected,
	       round(100.0 * g.inspected / nullif(g.drawn - g.cancelled, 0), 1),
	       coalesce(g.no_problem, 0), coalesce(g.problems, 0), coalesce(g.unreachable, 0), coalesce(g.not_operating, 0),
	       round(100.0 * coalesce(g.problems, 0) / nullif(g.inspected, 0), 1),
	       g.published, round(100.0 * g.on_time / nullif(g.inspected, 0), 1)
	  FROM g ORDER BY 1 NULLS LAST;
END $$;
COMMENT ON FUNCTION api.report_inspection(date, date, text, text) IS
	'双随机抽查完成情况：期间所在年度的抽查计划，按计划、区局或所，抽中任务数、取消数、已录入结果数（完成率 = 结果 ÷（抽中 − 取消））、未发现问题、发现问题'
	'（未按规定公示、弄虚作假、无法联系、不配合、责令改正、待后续处理）、其中无法联系、未经营（未开展相关经营、停业清算、已注销吊销撤销迁出）、问题发现率（发现问题 ÷ 结果）、'
	'已公示数和按期公示率（检查后 20 个工作日内公示 ÷ 结果）';

-- ---------------------------------------------------------------------------
-- 3 投诉举报统计

CREATE FUNCTION api.report_complaint(p_from date DEFAULT NULL, p_to date DEFAULT NULL, p_org text DEFAULT NULL,
                                     p_by text DEFAULT NULL)
RETURNS TABLE (grp text, grp_name text, received bigint, complaints bigint, reports bigint, accepted bigint,
               refused bigint, acceptance_pct numeric, on_time_pct numeric, closed bigint, agreement bigint,
               mediation_success_pct numeric, recovered numeric, involved numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	p record;
	t_from timestamptz;
	t_to timestamptz;
BEGIN
	SELECT * INTO p FROM core.report_params('complaint', p_from, p_to, p_org, p_by);
	IF p.group_by = 'respondent' THEN
		-- the 20 respondents with most complaints received in the period (days, not months)
		t_from := (p.date_from::timestamp AT TIME ZONE 'Asia/Shanghai');
		t_to := ((p.date_to + 1)::timestamp AT TIME ZONE 'Asia/Shanghai');
		RETURN QUERY
		WITH c AS (
			SELECT coalesce(e.uscc::text, '') AS k,
			       coalesce(e.name, CASE WHEN p.masked THEN core.mask_name(x.respondent_name)
			                             ELSE x.respondent_name END, '（未填）') AS n,
			       x.status, x.decided_at, x.outcome, x.recovered_amount, x.amount_involved,
			       x.decided_at IS NOT NULL AND (x.accept_due_on IS NOT NULL OR cd.day IS NOT NULL AND cr.day IS NOT NULL)
			         AS due,
			       coalesce((x.decided_at AT TIME ZONE 'Asia/Shanghai')::date <= x.accept_due_on,
			                cd.ordinal - cr.ordinal <= 7, false) AS on_time
			  FROM rights.complaint x LEFT JOIN core.entity e ON e.id = x.entity_id
			  LEFT JOIN core.calendar_day cr ON cr.day = (x.received_at AT TIME ZONE 'Asia/Shanghai')::date
			  LEFT JOIN core.calendar_day cd ON cd.day = (x.decided_at AT TIME ZONE 'Asia/Shanghai')::date
			 WHERE x.received_at >= t_from AND x.received_at < t_to AND x.handling_org_id = ANY (p.orgs)),
		g AS (
			SELECT c.k, c.n, count(*) AS received,
			       count(*) FILTER (WHERE c.status IN ('accepted', 'mediating', 'closed')) AS accepted,
			       count(*) FILTER (WHERE c.status = 'refused') AS refused,
			       count(*) FILTER (WHERE c.due) AS due, count(*) FILTER (WHERE c.on_time) AS on_time,
			       count(*) FILTER (WHERE c.status = 'closed') AS closed,
			       count(*) FILTER (WHERE c.outcome = 'agreement') AS agreement,
			       coalesce(sum(c.recovered_amount), 0) AS recovered, coalesce(sum(c.amount_involved), 0) AS involved
			  FROM c GROUP BY c.k, c.n ORDER BY received DESC, c.k, c.n LIMIT 20)
		SELECT g.k, g.n, g.received, g.received, 0::bigint, g.accepted, g.refused,
		       round(100.0 * g.accepted / nullif(g.accepted + g.refused, 0), 1),
		       round(100.0 * g.on_time / nullif(g.due, 0), 1), g.closed, g.agreement,
		       round(100.0 * g.agreement / nullif(g.closed, 0), 1), g.recovered, g.involved
		  FROM g;
		RETURN;
	END IF;
	RETURN QUERY
	WITH s AS (
		SELECT CASE p.group_by WHEN 'month' THEN to_char(x.month, 'YYYY-MM') WHEN 'channel' THEN x.channel_code
		                       WHEN 'category' THEN x.kind || ':' || x.category_code
		                       ELSE m.grp_id::text END AS k,
		       x.*
		  FROM meta.report_sum_complaint x JOIN core.report_org_map(p.group_by) m ON m.org_id = x.org_id
		 WHERE x.org_id = ANY (p.orgs)
		   AND x.month BETWEEN date_trunc('month', p.date_from)::date AND p.date_to),
	g AS (
		SELECT s.k, sum(s.received) AS received,
		       sum(s.received) FILTER (WHERE s.kind = 'complaint') AS complaints,
		       sum(s.received) FILTER (WHERE s.kind = 'report') AS reports,
		       sum(s.accepted) FILTER (WHERE s.kind = 'complaint') AS accepted,
		       sum(s.refused) FILTER (WHERE s.kind = 'complaint') AS refused,
		       sum(s.due_decided) AS due, sum(s.decided_on_time) AS on_time,
		       sum(s.closed) FILTER (WHERE s.kind = 'complaint') AS closed, sum(s.agreement) AS agreement,
		       sum(s.recovered) AS recovered, sum(s.involved) AS involved
		  FROM s GROUP BY GROUPING SETS ((s.k), ()))
	SELECT core.report_key(p.group_by, g.k),
	       CASE WHEN g.k IS NULL THEN '合计'
	            WHEN p.group_by = 'month' THEN g.k
	            WHEN p.group_by = 'channel' THEN (SELECT ch.name FROM core.channel ch WHERE ch.code = g.k)
	            WHEN p.group_by = 'category' THEN coalesce(
	                (SELECT cc.name FROM core.complaint_category cc WHERE 'complaint:' || cc.code = g.k),
	                (SELECT '举报：' || vc.name FROM core.violation_category vc WHERE 'report:' || vc.code = g.k),
	                '分类不详')
	            ELSE core.report_org_label(g.k::bigint) END,
	       g.received::bigint, coalesce(g.complaints, 0)::bigint, coalesce(g.reports, 0)::bigint,
	       coalesce(g.accepted, 0)::bigint, coalesce(g.refused, 0)::bigint,
	       round(100.0 * g.accepted / nullif(g.accepted + g.refused, 0), 1),
	       round(100.0 * g.on_time / nullif(g.due, 0), 1), coalesce(g.closed, 0)::bigint, g.agreement::bigint,
	       round(100.0 * g.agreement / nullif(g.closed, 0), 1), g.recovered, g.involved
	  FROM g ORDER BY 1 NULLS LAST;
END $$;
COMMENT ON FUNCTION api.report_complaint(date, date, text, text) IS
	'投诉举报统计：期间（整月）收到的投诉和举报，按区局、所、月份、渠道或分类（投诉分类、举报违法行为类别），收到件数、其中投诉、举报，受理和不予受理的投诉、'
	'受理率（受理 ÷ 已决定）、按期决定率（七个工作日受理期限内作出决定 ÷ 有期限的已决定投诉）、办结、调解成功（达成协议）及调解成功率（协议 ÷ 办结）、挽回经济损失和涉及金额（元）；'
	'按被投诉人（respondent）时为期间（按日）投诉最多的 20 个被投诉人，未匹配主体的被投诉人姓名脱敏';

-- ---------------------------------------------------------------------------
-- 4 96333 电梯应急救援

CREATE FUNCTION api.report_rescue(p_from date DEFAULT NULL, p_to date DEFAULT NULL, p_org text DEFAULT NULL,
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
		  JOIN core.report_org_map(p.group_by) m ON m.org_id = x.district_org_id
		 WHERE x.received_at >= (p.date_from::timestamp AT TIME ZONE 'Asia/Shanghai')
		   AND x.received_at < ((p.date_to + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
		   AND x.district_org_id = ANY (p.orgs) AND x.status <> 'cancelled'),
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
	'96333 电梯应急救援：期间（按日）接警且未撤销的事件，按区局、月份或一级响应的维保单位（按到场及时率排名），接警数、困人事件数、被困人数，'
	'响应时间（派单到响应）、到场时间（派单到到场）的中位数和第 90 百分位（分钟）及时限内比例（响应 3 分钟、到场按事件时限，占已派单事件）、'
	'解救时间中位数（接警到解救）、升级响应数（二级或三级）、派单未响应而转二级的事件数、重复困人电梯数（期间困人两次及以上的电梯）';

-- ---------------------------------------------------------------------------
-- 5 风险分类分布 (internal)

CREATE FUNCTION api.report_risk(p_from date DEFAULT NULL, p_to date DEFAULT NULL, p_org text DEFAULT NULL,
                                p_by text DEFAULT NULL)
RETURNS TABLE (grp text, grp_name text, in_register bigint, grade_a bigint, grade_b bigint, grade_c bigint,
               grade_d bigint, ungraded bigint, high_risk_pct numeric, assessed bigint, first_graded bigint,
               upgraded bigint, downgraded bigint, unchanged bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	p record;
BEGIN
	PERFORM core.require_role('analyst', 'supervisor');
	SELECT * INTO p FROM core.report_params('risk', p_from, p_to, p_org, p_by);
	RETURN QUERY
	WITH n AS (
		SELECT m.grp_id::text AS k,
		       sum(x.entities) AS total,
		       sum(x.entities) FILTER (WHERE x.risk_grade = 'A') AS a, sum(x.entities) FILTER (WHERE x.risk_grade = 'B') AS b,
		       sum(x.entities) FILTER (WHERE x.risk_grade = 'C') AS c, sum(x.entities) FILTER (WHERE x.risk_grade = 'D') AS d,
		       sum(x.entities) FILTER (WHERE x.risk_grade = '') AS u
		  FROM meta.report_sum_entity_now x JOIN core.report_org_map(p.group_by) m ON m.org_id = x.org_id
		 WHERE x.org_id = ANY (p.orgs) AND x.status IN ('active', 'dormant') GROUP BY 1),
	m AS (
		SELECT m.grp_id::text AS k, sum(x.moves) AS assessed,
		       sum(x.moves) FILTER (WHERE x.from_grade = '') AS first_graded,
		       sum(x.moves) FILTER (WHERE x.from_grade <> '' AND x.to_grade < x.from_grade) AS upgraded,
		       sum(x.moves) FILTER (WHERE x.from_grade <> '' AND x.to_grade > x.from_grade) AS downgraded,
		       sum(x.moves) FILTER (WHERE x.to_grade = x.from_grade) AS unchanged
		  FROM meta.report_sum_risk_move x JOIN core.report_org_map(p.group_by) m ON m.org_id = x.org_id
		 WHERE x.org_id = ANY (p.orgs)
		   AND x.month BETWEEN date_trunc('month', p.date_from)::date AND p.date_to GROUP BY 1),
	j AS (
		SELECT coalesce(n.k, m.k) AS k, n.total, n.a, n.b, n.c, n.d, n.u, m.assessed, m.first_graded, m.upgraded,
		       m.downgraded, m.unchanged
		  FROM n FULL JOIN m ON m.k = n.k),
	g AS (
		SELECT j.k, sum(j.total) AS total, sum(j.a) AS a, sum(j.b) AS b, sum(j.c) AS c, sum(j.d) AS d, sum(j.u) AS u,
		       sum(j.assessed) AS assessed, sum(j.first_graded) AS first_graded, sum(j.upgraded) AS upgraded,
		       sum(j.downgraded) AS downgraded, sum(j.unchanged) AS unchanged
		  FROM j GROUP BY GROUPING SETS ((j.k), ()))
	SELECT core.report_key(p.group_by, g.k), CASE WHEN g.k IS NULL THEN '合计' ELSE core.report_org_label(g.k::bigint) END,
	       coalesce(g.total, 0)::bigint, coalesce(g.a, 0)::bigint, coalesce(g.b, 0)::bigint, coalesce(g.c, 0)::bigint,
	       coalesce(g.d, 0)::bigint, coalesce(g.u, 0)::bigint,
	       round(100.0 * (coalesce(g.c, 0) + coalesce(g.d, 0)) / nullif(g.total - coalesce(g.u, 0), 0), 1),
	       coalesce(g.assessed, 0)::bigint, coalesce(g.first_graded, 0)::bigint, coalesce(g.upgraded, 0)::bigint,
	       coalesce(g.downgraded, 0)::bigint, coalesce(g.unchanged, 0)::bigint
	  FROM g ORDER BY 1 NULLS LAST;
END $$;
COMMENT ON FUNCTION api.report_risk(date, date, text, text) IS
	'风险分类分布（内部，仅统计分析员和科室/所负责人）：按区局或所，当前在册主体（存续和歇业）按风险等级 A–D 和未评定的分布、高风险占比（C 和 D 占已评定的百分比），'
	'期间（整月）内的评定次数及与该主体上一次评定相比：首次评定、等级下降为更低风险（升级）、变为更高风险（降级）、不变';

-- ---------------------------------------------------------------------------
-- 6 数据质量 (internal)

CREATE FUNCTION api.report_quality(p_from date DEFAULT NULL, p_to date DEFAULT NULL, p_org text DEFAULT NULL,
                                   p_by text DEFAULT NULL)
RETURNS TABLE (grp text, grp_name text, severity text, runs bigint, first_count bigint, last_count bigint,
               change bigint, trend text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	p record;
BEGIN
	SELECT * INTO p FROM core.report_params('quality', p_from, p_to, p_org, p_by);
	IF nullif(btrim(p_org), '') IS NOT NULL THEN
		RAISE EXCEPTION '--org：数据质量报表只按全市统计，不分机构' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	RETURN QUERY
	WITH r AS (
		SELECT q.rule_code, q.checked_at, q.offender_count
		  FROM meta.quality_result q
		 WHERE q.checked_at >= (p.date_from::timestamp AT TIME ZONE 'Asia/Shanghai')
		   AND q.checked_at < ((p.date_to + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
		   AND q.offender_count IS NOT NULL),
	g AS (
		SELECT ru.code, ru.title, ru.severity, ru.sort_order, count(r.checked_at) AS runs,
		       (array_agg(r.offender_count ORDER BY r.checked_at))[1] AS first_count,
		       (array_agg(r.offender_count ORDER BY r.checked_at DESC))[1] AS last_count,
		       string_agg(r.offender_count::text, ',' ORDER BY r.checked_at) AS trend
		  FROM meta.quality_rule ru LEFT JOIN r ON r.rule_code = ru.code
		 WHERE ru.active GROUP BY ru.code, ru.title, ru.severity, ru.sort_order)
	SELECT x.code, x.title, x.severity, x.runs, x.first_count, x.last_count, x.last_count - x.first_count, x.trend
	  FROM (SELECT g.*, 0 AS total FROM g
	        UNION ALL
	        SELECT NULL, '合计', NULL, 0, sum(g.runs)::bigint, sum(g.first_count)::bigint, sum(g.last_count)::bigint,
	               NULL, 1 FROM g) x
	 ORDER BY x.total, x.sort_order, x.code;
END $$;
COMMENT ON FUNCTION api.report_quality(date, date, text, text) IS
	'数据质量（内部）：每条启用的质量规则在期间（按日）内的运行次数、期间第一次和最后一次检查发现的问题记录数、变化、每次运行的问题数（趋势，逗号分隔）；只按全市';

-- ---------------------------------------------------------------------------
-- The catalog rows

INSERT INTO meta.report (name, title_zh, title_en, description, by_options, default_by, public, roles,
                         function_name, chart_column, whole_months, sort_order) VALUES
('entity', '市场主体发展', 'Market entity development',
 '按区局、所、月份、主体类型或行业门类统计期初期末在册主体、期间成立、注销、吊销、撤销、迁出和净增长；活跃度为报送上一年度年报的主体占期末在册主体的百分比（许可等其他活动尚未计入）。按整月统计。',
 '{district,station,month,type,industry}', 'district', true, '{}', 'report_entity', 'net_growth', true, 1),
('inspection', '双随机抽查完成情况', 'Random inspections: completion',
 '期间所在年度的抽查计划，按计划、区局或所统计抽中、完成、检查结果分类、问题发现率和按期公示率。',
 '{plan,district,station}', 'district', true, '{}', 'report_inspection', 'inspected', false, 2),
('complaint', '投诉举报统计', 'Complaints and reports',
 '按区局、所、月份、渠道、分类统计收到的投诉举报、受理率、按期决定率（七个工作日受理期限）、调解成功率和挽回损失；按被投诉人列出投诉最多的 20 个。公开报表：个人信息脱敏。',
 '{district,station,month,channel,category,respondent}', 'district', true, '{}', 'report_complaint', 'received', true, 3),
('rescue', '96333 电梯应急救援', '96333 elevator rescue',
 '按区局、月份或维保单位统计接警、困人、被困人数、响应和到场时间（中位数、第 90 百分位、时限内比例）、解救时间、升级响应、派单未响应和重复困人电梯。',
 '{district,unit,month}', 'district', true, '{}', 'report_rescue', 'arrival_within_pct', false, 4),
('risk', '风险分类分布', 'Risk grade distribution',
 '当前在册主体按信用风险等级和区局（所）的分布，以及期间内评定等级的变动。内部报表，仅统计分析员和科室/所负责人可用。',
 '{district,station}', 'district', false, '{analyst,supervisor}', 'report_risk', 'high_risk_pct', true, 5),
('quality', '数据质量', 'Data quality',
 '各条数据质量规则在期间内的检查结果和趋势。内部报表。',
 '{rule}', 'rule', false, '{analyst,supervisor,admin}', 'report_quality', 'last_count', false, 6);

-- Positions follow the order of this list within each report (a VALUES list
-- is read in order).
INSERT INTO meta.report_column (report, position, key, label_zh, label_en, kind)
SELECT v.r, row_number() OVER (PARTITION BY v.r ORDER BY v.n), v.k, v.z, v.e, v.t
  FROM (SELECT l.*, row_number() OVER () AS n FROM (VALUES
	('entity', 'grp', '代码', 'Code', 'text'), ('entity', 'grp_name', '名称', 'Name', 'text'),
	('entity', 'active_start', '期初在册', 'In register (start)', 'int'),
	('entity', 'established', '成立', 'Established', 'int'), ('entity', 'deregistered', '注销', 'Deregistered', 'int'),
	('entity', 'revoked', '吊销', 'Revoked', 'int'), ('entity', 'annulled', '撤销', 'Annulled', 'int'),
	('entity', 'moved_out', '迁出', 'Moved out', 'int'), ('entity', 'net_growth', '净增长', 'Net growth', 'int'),
	('entity', 'active_end', '期末在册', 'In register (end)', 'int'),
	('entity', 'annual_reported', '已报年报', 'Annual reports', 'int'),
	('entity', 'activity_pct', '活跃度%', 'Activity %', 'pct'),
	('inspection', 'grp', '代码', 'Code', 'text'), ('inspection', 'grp_name', '名称', 'Name', 'text'),
	('inspection', 'plans', '计划', 'Plans', 'int'), ('inspection', 'drawn', '抽中', 'Drawn', 'int'),
	('inspection', 'cancelled', '取消', 'Cancelled', 'int'), ('inspection', 'inspected', '已检查', 'Inspected', 'int'),
	('inspection', 'completion_pct', '完成率%', 'Completion %', 'pct'),
	('inspection', 'no_problem', '未发现问题', 'No problem', 'int'), ('inspection', 'problems', '发现问题', 'Problems', 'int'),
	('inspection', 'unreachable', '无法联系', 'Unreachable', 'int'),
	('inspection', 'not_operating', '未经营', 'Not operating', 'int'),
	('inspection', 'problem_pct', '问题率%', 'Problem %', 'pct'), ('inspection', 'published', '已公示', 'Published', 'int'),
	('inspection', 'published_on_time_pct', '按期公示%', 'Published on time %', 'pct'),
	('complaint', 'grp', '代码', 'Code', 'text'), ('complaint', 'grp_name', '名称', 'Name', 'text'),
	('complaint', 'received', '收到', 'Received', 'int'), ('complaint', 'complaints', '投诉', 'Complaints', 'int'),
	('complaint', 'reports', '举报', 'Reports', 'int'), ('complaint', 'accepted', '受理', 'Accepted', 'int'),
	('complaint', 'refused', '不予受理', 'Refused', 'int'), ('complaint', 'acceptance_pct', '受理率%', 'Acceptance %', 'pct'),
	('complaint', 'on_time_pct', '按期决定%', 'Decided on time %', 'pct'), ('complaint', 'closed', '办结', 'Closed', 'int'),
	('complaint', 'agreement', '调解成功', 'Agreements', 'int'),
	('complaint', 'mediation_success_pct', '调解成功率%', 'Mediation success %', 'pct'),
	('complaint', 'recovered', '挽回损失(元)', 'Recovered (CNY)', 'num'),
	('complaint', 'involved', '涉及金额(元)', 'Involved (CNY)', 'num'),
	('rescue', 'grp', '代码', 'Code', 'text'), ('rescue', 'grp_name', '名称', 'Name', 'text'),
	('rescue', 'calls', '接警', 'Calls', 'int'), ('rescue', 'trapped_incidents', '困人事件', 'Entrapments', 'int'),
	('rescue', 'trapped_persons', '被困人数', 'Persons trapped', 'int'),
	('rescue', 'ack_median_min', '响应中位(分)', 'Ack median (min)', 'min'),
	('rescue', 'ack_p90_min', '响应P90(分)', 'Ack p90 (min)', 'min'),
	('rescue', 'ack_within_pct', '响应及时%', 'Ack in time %', 'pct'),
	('rescue', 'arrival_median_min', '到场中位(分)', 'Arrival median (min)', 'min'),
	('rescue', 'arrival_p90_min', '到场P90(分)', 'Arrival p90 (min)', 'min'),
	('rescue', 'arrival_within_pct', '到场及时%', 'Arrival in time %', 'pct'),
	('rescue', 'release_median_min', '解救中位(分)', 'Release median (min)', 'min'),
	('rescue', 'escalations', '升级响应', 'Escalations', 'int'),
	('rescue', 'ignored_dispatch', '派单未响应', 'Dispatch ignored', 'int'),
	('rescue', 'repeat_elevators', '重复困人电梯', 'Repeat elevators', 'int'),
	('risk', 'grp', '代码', 'Code', 'text'), ('risk', 'grp_name', '名称', 'Name', 'text'),
	('risk', 'in_register', '在册主体', 'In register', 'int'), ('risk', 'grade_a', 'A 级', 'Grade A', 'int'),
	('risk', 'grade_b', 'B 级', 'Grade B', 'int'), ('risk', 'grade_c', 'C 级', 'Grade C', 'int'),
	('risk', 'grade_d', 'D 级', 'Grade D', 'int'), ('risk', 'ungraded', '未评定', 'Ungraded', 'int'),
	('risk', 'high_risk_pct', '高风险%', 'High risk %', 'pct'), ('risk', 'assessed', '期间评定', 'Assessed', 'int'),
	('risk', 'first_graded', '首次评定', 'First graded', 'int'), ('risk', 'upgraded', '风险降低', 'Risk lowered', 'int'),
	('risk', 'downgraded', '风险升高', 'Risk raised', 'int'), ('risk', 'unchanged', '不变', 'Unchanged', 'int'),
	('quality', 'grp', '规则', 'Rule', 'text'), ('quality', 'grp_name', '名称', 'Name', 'text'),
	('quality', 'severity', '严重程度', 'Severity', 'text'), ('quality', 'runs', '检查次数', 'Runs', 'int'),
	('quality', 'first_count', '期初问题数', 'First count', 'int'),
	('quality', 'last_count', '期末问题数', 'Last count', 'int'), ('quality', 'change', '变化', 'Change', 'int'),
	('quality', 'trend', '趋势', 'Trend', 'spark')
) AS l (r, k, z, e, t)) v;

-- ---------------------------------------------------------------------------
-- The catalog as the caller sees it, and running a report into a cursor

CREATE FUNCTION api.report_list()
RETURNS TABLE (name text, title_zh text, title_en text, description text, by_options text[], default_by text,
               public boolean, roles text[], may_run boolean, chart_column text, whole_months boolean)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT r.name, r.title_zh, r.title_en, r.description, r.by_options, r.default_by, r.public, r.roles,
	       cardinality(r.roles) = 0 OR EXISTS (SELECT 1 FROM unnest(r.roles) g WHERE core.caller_has(g)),
	       r.chart_column, r.whole_months
	  FROM meta.report r ORDER BY r.sort_order
$$;
COMMENT ON FUNCTION api.report_list() IS '报表目录，及当前账号能否运行每张报表';

-- Checks the parameters (raising as core.report_params does) and opens the
-- cursor smcon_report over the report's rows in the caller's transaction;
-- returns the period, org unit and grouping actually used. The setting
-- smcon.report_test_delay (seconds) makes the first FETCH wait that long:
-- the tests cancel a long report with it.
CREATE FUNCTION api.report_open(p_name text, p_from date DEFAULT NULL, p_to date DEFAULT NULL,
                                p_org text DEFAULT NULL, p_by text DEFAULT NULL,
                                OUT cursor_name refcursor, OUT date_from date, OUT date_to date,
                                OUT org_code text, OUT org_name text, OUT group_by text, OUT masked boolean)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	p record;
	r meta.report;
	delay float8 := coalesce(nullif(current_setting('smcon.report_test_delay', true), '')::float8, 0);
BEGIN
	SELECT * INTO p FROM core.report_params(p_name, p_from, p_to, p_org, p_by);
	SELECT * INTO r FROM meta.report x WHERE x.name = p_name;
	date_from := p.date_from;
	date_to := p.date_to;
	IF r.whole_months AND p.group_by <> 'respondent' THEN
		date_from := date_trunc('month', p.date_from)::date;
		date_to := (date_trunc('month', p.date_to) + interval '1 month - 1 day')::date;
	END IF;
	SELECT o.code, o.short_name INTO org_code, org_name FROM core.org_unit o WHERE o.id = p.org_id;
	group_by := p.group_by;
	masked := p.masked;
	cursor_name := 'smcon_report';
	-- the wait, if any, comes with the first FETCH, where the report's work is
	OPEN cursor_name FOR EXECUTE format('SELECT r.* FROM pg_sleep($5) AS w, api.%I($1, $2, $3, $4) AS r',
	                                    r.function_name)
		USING p_from, p_to, p_org, p_by, delay;
END $$;
COMMENT ON FUNCTION api.report_open(text, date, date, text, text) IS
	'检查参数并在调用者的事务中打开游标 smcon_report（报表的各行，供分批读取）；返回实际使用的期间、机构和分组';

REVOKE ALL ON FUNCTION core.report_org_label(bigint), core.report_key(text, text), core.report_org_map(text), api.report_entity(date, date, text, text),
	api.report_inspection(date, date, text, text), api.report_complaint(date, date, text, text),
	api.report_rescue(date, date, text, text), api.report_risk(date, date, text, text),
	api.report_quality(date, date, text, text), api.report_list(),
	api.report_open(text, date, date, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION core.report_org_label(bigint), core.report_key(text, text), core.report_org_map(text), api.report_entity(date, date, text, text),
	api.report_inspection(date, date, text, text), api.report_complaint(date, date, text, text),
	api.report_rescue(date, date, text, text), api.report_quality(date, date, text, text), api.report_list(),
	api.report_open(text, date, date, text, text) TO smcon_staff;
-- the internal risk report: not even callable by other roles
GRANT EXECUTE ON FUNCTION api.report_risk(date, date, text, text) TO smcon_analyst, smcon_supervisor;

-- The catalog and the summaries' description are audited like any table;
-- the summaries themselves are derived data.
SELECT audit.attach('meta.report'), audit.attach('meta.report_column'), audit.attach('meta.report_summary');
INSERT INTO audit.unaudited (table_name, reason)
SELECT t, '派生数据：报表汇总，由触发器从已审计的源表算出（meta.report_summary），可随时重算'
  FROM unnest(ARRAY['meta.report_sum_entity_flow', 'meta.report_sum_entity_now', 'meta.report_sum_annual',
                    'meta.report_sum_complaint', 'meta.report_sum_inspection', 'meta.report_sum_risk_move']) t;
