-- The complaint report's on-time rates, one per clock of the desk
-- (core.desk_clock): the acceptance decision of complaints (7 working
-- days), the decision whether to open a case on a report (15), and the
-- mediation of accepted complaints (45, from the acceptance to closing).
-- The complaint summary gets the mediation counts and counts the reports'
-- decisions on time in due_decided/decided_on_time (kind = 'report'); its
-- rules are rewritten, the triggers generated again and the summaries
-- rebuilt. The report's row type changes: dropped and created again.

ALTER TABLE meta.report_sum_complaint
	ADD COLUMN due_mediated integer NOT NULL DEFAULT 0,
	ADD COLUMN mediated_on_time integer NOT NULL DEFAULT 0;
COMMENT ON COLUMN meta.report_sum_complaint.due_mediated IS '已办结且受理、办结日期都在工作日历内的投诉件数（按期调解率的分母）';
COMMENT ON COLUMN meta.report_sum_complaint.mediated_on_time IS '受理后四十五个工作日内办结的投诉件数（不扣除暂停的日数）';
COMMENT ON COLUMN meta.report_sum_complaint.due_decided IS '已决定且能算出期限的件数（按期率的分母）：投诉为受理决定（有存储的期限，或收到和决定的日期都在工作日历内），举报为是否立案的决定（日期都在日历内）';

UPDATE meta.report_summary SET projection = $p$SELECT date_trunc('month', t.received_at AT TIME ZONE 'Asia/Shanghai')::date AS month,
       t.handling_org_id AS org_id, 'complaint'::text AS kind, t.channel_code,
       coalesce(t.category_code, '') AS category_code,
       (t.decided_at IS NOT NULL)::int AS decided,
       (t.status IN ('accepted', 'mediating', 'closed'))::int AS accepted,
       (t.status = 'refused')::int AS refused,
       (t.decided_at IS NOT NULL AND (t.accept_due_on IS NOT NULL OR d.day IS NOT NULL AND r.day IS NOT NULL))::int
         AS due_decided,
       coalesce((t.decided_at AT TIME ZONE 'Asia/Shanghai')::date <= t.accept_due_on,
                d.ordinal - r.ordinal <= 7, false)::int AS on_time,
       (t.status = 'closed')::int AS closed, coalesce(t.outcome = 'agreement', false)::int AS agreement,
       coalesce(t.recovered_amount, 0) AS recovered, coalesce(t.amount_involved, 0) AS involved,
       (t.status = 'closed' AND d.day IS NOT NULL AND c.day IS NOT NULL)::int AS due_mediated,
       coalesce(t.status = 'closed' AND c.ordinal - d.ordinal
                <= (SELECT k.workdays FROM core.desk_clock k WHERE k.code = 'complaint_mediate'), false)::int
         AS mediated_on_time
  FROM %1$s t
  LEFT JOIN core.calendar_day r ON r.day = (t.received_at AT TIME ZONE 'Asia/Shanghai')::date
  LEFT JOIN core.calendar_day d ON d.day = (t.decided_at AT TIME ZONE 'Asia/Shanghai')::date
  LEFT JOIN core.calendar_day c ON c.day = (t.closed_at AT TIME ZONE 'Asia/Shanghai')::date$p$, apply = $a$INSERT INTO meta.report_sum_complaint AS f (month, org_id, kind, channel_code, category_code, received,
                                            decided, accepted, refused, due_decided, decided_on_time, closed,
                                            agreement, recovered, involved, due_mediated, mediated_on_time)
SELECT c.month, c.org_id, c.kind, c.channel_code, c.category_code, sum(c.s), sum(c.s * c.decided),
       sum(c.s * c.accepted), sum(c.s * c.refused), sum(c.s * c.due_decided), sum(c.s * c.on_time),
       sum(c.s * c.closed), sum(c.s * c.agreement), sum(c.s * c.recovered), sum(c.s * c.involved),
       sum(c.s * c.due_mediated), sum(c.s * c.mediated_on_time)
  FROM ch c GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
ON CONFLICT (month, org_id, kind, channel_code, category_code) DO UPDATE
   SET received = f.received + excluded.received, decided = f.decided + excluded.decided,
       accepted = f.accepted + excluded.accepted, refused = f.refused + excluded.refused,
       due_decided = f.due_decided + excluded.due_decided,
       decided_on_time = f.decided_on_time + excluded.decided_on_time, closed = f.closed + excluded.closed,
       agreement = f.agreement + excluded.agreement, recovered = f.recovered + excluded.recovered,
       involved = f.involved + excluded.involved, due_mediated = f.due_mediated + excluded.due_mediated,
       mediated_on_time = f.mediated_on_time + excluded.mediated_on_time$a$
 WHERE name = 'complaint' AND source = 'rights.complaint';
UPDATE meta.report_summary SET projection = $p$SELECT date_trunc('month', t.received_at AT TIME ZONE 'Asia/Shanghai')::date AS month,
       t.handling_org_id AS org_id, 'report'::text AS kind, t.channel_code,
       coalesce(t.violation_category_code, '') AS category_code,
       (t.decided_at IS NOT NULL)::int AS decided, coalesce(t.decision = 'case_opened', false)::int AS accepted,
       coalesce(t.decision = 'not_opened', false)::int AS refused,
       (t.decided_at IS NOT NULL AND d.day IS NOT NULL AND r.day IS NOT NULL)::int AS due_decided,
       coalesce(d.ordinal - r.ordinal
                <= (SELECT k.workdays FROM core.desk_clock k WHERE k.code = 'report_verify'), false)::int AS on_time,
       (t.status = 'closed')::int AS closed, 0 AS agreement, 0::numeric AS recovered, 0::numeric AS involved,
       0 AS due_mediated, 0 AS mediated_on_time
  FROM %1$s t
  LEFT JOIN core.calendar_day r ON r.day = (t.received_at AT TIME ZONE 'Asia/Shanghai')::date
  LEFT JOIN core.calendar_day d ON d.day = (t.decided_at AT TIME ZONE 'Asia/Shanghai')::date$p$
 WHERE name = 'complaint' AND source = 'rights.report';
SELECT meta.report_summary_install();
SELECT meta.report_summary_rebuild();

DROP FUNCTION api.report_complaint(date, date, text, text);
CREATE FUNCTION api.report_complaint(p_from date DEFAULT NULL, p_to date DEFAULT NULL, p_org text DEFAULT NULL,
                                     p_by text DEFAULT NULL)
RETURNS TABLE (grp text, grp_name text, received bigint, complaints bigint, reports bigint, accepted bigint,
               refused bigint, acceptance_pct numeric, on_time_pct numeric, verify_on_time_pct numeric, closed bigint,
               agreement bigint, mediation_success_pct numeric, mediate_on_time_pct numeric, recovered numeric,
               involved numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	p record;
	t_from timestamptz;
	t_to timestamptz;
	mediate_days integer := (SELECT c.workdays FROM core.desk_clock c WHERE c.code = 'complaint_mediate');
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
			                cd.ordinal - cr.ordinal <= 7, false) AS on_time,
			       x.status = 'closed' AND x.decided_at IS NOT NULL AND cd.day IS NOT NULL AND cc.day IS NOT NULL AS due_m,
			       coalesce(x.status = 'closed' AND cc.ordinal - cd.ordinal <= mediate_days, false) AS on_time_m
			  FROM rights.complaint x LEFT JOIN core.entity e ON e.id = x.entity_id
			  LEFT JOIN core.calendar_day cr ON cr.day = (x.received_at AT TIME ZONE 'Asia/Shanghai')::date
			  LEFT JOIN core.calendar_day cd ON cd.day = (x.decided_at AT TIME ZONE 'Asia/Shanghai')::date
			  LEFT JOIN core.calendar_day cc ON cc.day = (x.closed_at AT TIME ZONE 'Asia/Shanghai')::date
			 WHERE x.received_at >= t_from AND x.received_at < t_to AND x.handling_org_id = ANY (p.orgs)),
		g AS (
			SELECT c.k, c.n, count(*) AS received,
			       count(*) FILTER (WHERE c.status IN ('accepted', 'mediating', 'closed')) AS accepted,
			       count(*) FILTER (WHERE c.status = 'refused') AS refused,
			       count(*) FILTER (WHERE c.due) AS due, count(*) FILTER (WHERE c.on_time) AS on_time,
			       count(*) FILTER (WHERE c.status = 'closed') AS closed,
			       count(*) FILTER (WHERE c.outcome = 'agreement') AS agreement,
			       count(*) FILTER (WHERE c.due_m) AS due_m, count(*) FILTER (WHERE c.on_time_m) AS on_time_m,
			       coalesce(sum(c.recovered_amount), 0) AS recovered, coalesce(sum(c.amount_involved), 0) AS involved
			  FROM c GROUP BY c.k, c.n ORDER BY received DESC, c.k, c.n LIMIT 20)
		SELECT g.k, g.n, g.received, g.received, 0::bigint, g.accepted, g.refused,
		       round(100.0 * g.accepted / nullif(g.accepted + g.refused, 0), 1),
		       round(100.0 * g.on_time / nullif(g.due, 0), 1), NULL::numeric, g.closed, g.agreement,
		       round(100.0 * g.agreement / nullif(g.closed, 0), 1), round(100.0 * g.on_time_m / nullif(g.due_m, 0), 1),
		       g.recovered, g.involved
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
		       sum(s.due_decided) FILTER (WHERE s.kind = 'complaint') AS due,
		       sum(s.decided_on_time) FILTER (WHERE s.kind = 'complaint') AS on_time,
		       sum(s.due_decided) FILTER (WHERE s.kind = 'report') AS due_v,
		       sum(s.decided_on_time) FILTER (WHERE s.kind = 'report') AS on_time_v,
		       sum(s.due_mediated) AS due_m, sum(s.mediated_on_time) AS on_time_m,
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
	       round(100.0 * g.on_time / nullif(g.due, 0), 1), round(100.0 * g.on_time_v / nullif(g.due_v, 0), 1),
	       coalesce(g.closed, 0)::bigint, g.agreement::bigint,
	       round(100.0 * g.agreement / nullif(g.closed, 0), 1), round(100.0 * g.on_time_m / nullif(g.due_m, 0), 1),
	       g.recovered, g.involved
	  FROM g ORDER BY 1 NULLS LAST;
END $$;
COMMENT ON FUNCTION api.report_complaint(date, date, text, text) IS
	'投诉举报统计：期间（整月）收到的投诉和举报，按区局、所、月份、渠道或分类（投诉分类、举报违法行为类别），收到件数、其中投诉、举报，受理和不予受理的投诉、'
	'受理率（受理 ÷ 已决定）、每种时限的按期率（core.desk_clock，按工作日历计）：按期受理率（收到后七个工作日内作出受理决定 ÷ 有期限的已决定投诉）、'
	'举报按期核查率（收到后十五个工作日内作出是否立案的决定 ÷ 已决定且日期在日历内的举报）、按期调解率（受理后四十五个工作日内办结 ÷ 已办结且日期在日历内的投诉，不扣除暂停的日数），'
	'办结、调解成功（达成协议）及调解成功率（协议 ÷ 办结）、挽回经济损失和涉及金额（元）；'
	'按被投诉人（respondent）时为期间（按日）投诉最多的 20 个被投诉人，未匹配主体的被投诉人姓名脱敏';

REVOKE ALL ON FUNCTION api.report_complaint(date, date, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.report_complaint(date, date, text, text) TO smcon_staff;

-- the columns: 举报按期核查% after 按期受理%, 按期调解% after 调解成功率%
UPDATE meta.report_column SET position = position + 100 WHERE report = 'complaint' AND position >= 10;
UPDATE meta.report_column SET position = position - 99 WHERE report = 'complaint' AND position >= 110 AND position < 113;
UPDATE meta.report_column SET position = position - 98 WHERE report = 'complaint' AND position >= 113;
UPDATE meta.report_column SET label_zh = '按期受理%', label_en = 'Accepted on time %'
 WHERE report = 'complaint' AND key = 'on_time_pct';
INSERT INTO meta.report_column (report, position, key, label_zh, label_en, kind) VALUES
	('complaint', 10, 'verify_on_time_pct', '举报按期核查%', 'Reports decided on time %', 'pct'),
	('complaint', 14, 'mediate_on_time_pct', '按期调解%', 'Mediated on time %', 'pct');
UPDATE meta.report
   SET description = '按区局、所、月份、渠道、分类统计收到的投诉举报、受理率、每种时限的按期率（受理决定七个工作日、举报立案决定十五个工作日、调解四十五个工作日）、调解成功率和挽回损失；按被投诉人列出投诉最多的 20 个。公开报表：个人信息脱敏。'
 WHERE name = 'complaint';
