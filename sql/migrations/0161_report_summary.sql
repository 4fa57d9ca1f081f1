-- 0161 summary tables for the reports, kept current incrementally by
-- statement-level triggers with transition tables: each INSERT, UPDATE or
-- DELETE on a source table adds the difference it makes to the summary rows
-- in the same transaction, so a committed change is in the figures at once
-- (staleness: none; a GROUP BY over 3,000,000 complaints takes 2.4 s, the
-- summary of a month a few milliseconds).
--
-- Each summary is described once in meta.report_summary: which source table
-- feeds it, a projection of a source row to the summary's key and measure
-- columns, and the upsert that adds signed changes. The triggers project
-- the rows a statement inserted (+1), deleted (−1) or updated (new rows
-- EXCEPT ALL old rows +1, old EXCEPT ALL new −1, so rows whose projection did
-- not change cost nothing) and run the upsert, ordered by key so that
-- concurrent writers lock summary rows in one order (the trigger functions are
-- generated from that description with the statements written out:
-- meta.report_summary_install()). meta.report_summary_rebuild()
-- recomputes everything from the source tables (after a bulk load with the
-- triggers disabled) and meta.report_summary_drift() says which summary
-- rows differ from a recomputation (the tests use it).

CREATE TABLE meta.report_summary (
	name text NOT NULL CHECK (name ~ '^[a-z_]+$'),
	source text NOT NULL CHECK (source ~ '^[a-z]+\.[a-z_0-9]+$'),
	target text NOT NULL CHECK (target ~ '^meta\.report_sum_[a-z_]+$'),
	projection text NOT NULL CHECK (core.present(projection)),
	apply text NOT NULL CHECK (core.present(apply)),
	rebuild boolean NOT NULL DEFAULT true,
	PRIMARY KEY (name, source)
);
COMMENT ON TABLE meta.report_summary IS '报表汇总表的维护规则：源表的行如何投影为汇总表的键和度量，如何累加增量';
COMMENT ON COLUMN meta.report_summary.name IS '规则名';
COMMENT ON COLUMN meta.report_summary.source IS '源表（模式.表名）';
COMMENT ON COLUMN meta.report_summary.target IS '汇总表（模式.表名）';
COMMENT ON COLUMN meta.report_summary.projection IS '投影查询：%1$s 处为源表或触发器的过渡表，返回键和度量列';
COMMENT ON COLUMN meta.report_summary.apply IS '累加语句：ch 为带符号 s（+1/−1）的投影行，按键汇总后插入或累加到汇总表';
COMMENT ON COLUMN meta.report_summary.rebuild IS '重算时是否由此源表计算（否：只跟随此表的变动，如主体变更属地机构后移动其年报和风险评定）';

-- ---------------------------------------------------------------------------
-- The summary tables

CREATE TABLE meta.report_sum_entity_flow (
	month date NOT NULL,
	org_id bigint NOT NULL,
	type_code text NOT NULL,
	section text NOT NULL,
	established integer NOT NULL DEFAULT 0,
	deregistered integer NOT NULL DEFAULT 0,
	revoked integer NOT NULL DEFAULT 0,
	annulled integer NOT NULL DEFAULT 0,
	moved_out integer NOT NULL DEFAULT 0,
	PRIMARY KEY (month, org_id, type_code, section)
);
COMMENT ON TABLE meta.report_sum_entity_flow IS '报表汇总：每月每所每类型每门类的主体成立与退出数（由触发器增量维护）';
COMMENT ON COLUMN meta.report_sum_entity_flow.month IS '月份（该月 1 日）';
COMMENT ON COLUMN meta.report_sum_entity_flow.org_id IS '属地监管机构（主体无属地机构时为市局）';
COMMENT ON COLUMN meta.report_sum_entity_flow.type_code IS '主体类型';
COMMENT ON COLUMN meta.report_sum_entity_flow.section IS '行业门类字母（行业不详为空串）';
COMMENT ON COLUMN meta.report_sum_entity_flow.established IS '当月成立的主体数';
COMMENT ON COLUMN meta.report_sum_entity_flow.deregistered IS '当月注销的主体数（按状态变更日期）';
COMMENT ON COLUMN meta.report_sum_entity_flow.revoked IS '当月被吊销的主体数';
COMMENT ON COLUMN meta.report_sum_entity_flow.annulled IS '当月被撤销登记的主体数';
COMMENT ON COLUMN meta.report_sum_entity_flow.moved_out IS '当月迁出的主体数';
CREATE INDEX report_sum_entity_flow_org_idx ON meta.report_sum_entity_flow (org_id, month);

CREATE TABLE meta.report_sum_entity_now (
	org_id bigint NOT NULL,
	type_code text NOT NULL,
	section text NOT NULL,
	status text NOT NULL,
	risk_grade text NOT NULL,
	entities integer NOT NULL DEFAULT 0,
	PRIMARY KEY (org_id, type_code, section, status, risk_grade)
);
COMMENT ON TABLE meta.report_sum_entity_now IS '报表汇总：当前每所每类型每门类每登记状态每风险等级的主体数（由触发器增量维护）';
COMMENT ON COLUMN meta.report_sum_entity_now.org_id IS '属地监管机构（无属地机构时为市局）';
COMMENT ON COLUMN meta.report_sum_entity_now.type_code IS '主体类型';
COMMENT ON COLUMN meta.report_sum_entity_now.section IS '行业门类字母（行业不详为空串）';
COMMENT ON COLUMN meta.report_sum_entity_now.status IS '登记状态';
COMMENT ON COLUMN meta.report_sum_entity_now.risk_grade IS '当前风险等级（未评定为空串）';
COMMENT ON COLUMN meta.report_sum_entity_now.entities IS '主体数';

CREATE TABLE meta.report_sum_annual (
	year smallint NOT NULL,
	org_id bigint NOT NULL,
	type_code text NOT NULL,
	section text NOT NULL,
	reported integer NOT NULL DEFAULT 0,
	PRIMARY KEY (year, org_id, type_code, section)
);
COMMENT ON TABLE meta.report_sum_annual IS '报表汇总：每年度每所报送年度报告的主体数（按报送时主体的属地机构）';
COMMENT ON COLUMN meta.report_sum_annual.year IS '报告年度';
COMMENT ON COLUMN meta.report_sum_annual.org_id IS '属地监管机构';
COMMENT ON COLUMN meta.report_sum_annual.type_code IS '主体类型';
COMMENT ON COLUMN meta.report_sum_annual.section IS '行业门类字母（行业不详为空串）';
COMMENT ON COLUMN meta.report_sum_annual.reported IS '报送了该年度报告的主体数';

CREATE TABLE meta.report_sum_complaint (
	month date NOT NULL,
	org_id bigint NOT NULL,
	kind text NOT NULL CHECK (kind IN ('complaint', 'report')),
	channel_code text NOT NULL,
	category_code text NOT NULL,
	received integer NOT NULL DEFAULT 0,
	decided integer NOT NULL DEFAULT 0,
	accepted integer NOT NULL DEFAULT 0,
	refused integer NOT NULL DEFAULT 0,
	due_decided integer NOT NULL DEFAULT 0,
	decided_on_time integer NOT NULL DEFAULT 0,
	closed integer NOT NULL DEFAULT 0,
	agreement integer NOT NULL DEFAULT 0,
	recovered numeric(18,2) NOT NULL DEFAULT 0,
	involved numeric(18,2) NOT NULL DEFAULT 0,
	PRIMARY KEY (month, org_id, kind, channel_code, category_code)
);
COMMENT ON TABLE meta.report_sum_complaint IS '报表汇总：每月每处理机构每渠道每分类的投诉、举报件数和办理情况（由触发器增量维护）';
COMMENT ON COLUMN meta.report_sum_complaint.month IS '收到月份（北京时间，该月 1 日）';
COMMENT ON COLUMN meta.report_sum_complaint.org_id IS '处理机构';
COMMENT ON COLUMN meta.report_sum_complaint.kind IS '类别：complaint 投诉，report 举报';
COMMENT ON COLUMN meta.report_sum_complaint.channel_code IS '受理渠道';
COMMENT ON COLUMN meta.report_sum_complaint.category_code IS '投诉分类或举报的违法行为类别（不详为空串）';
COMMENT ON COLUMN meta.report_sum_complaint.received IS '收到件数';
COMMENT ON COLUMN meta.report_sum_complaint.decided IS '已作出受理（立案）决定的件数';
COMMENT ON COLUMN meta.report_sum_complaint.accepted IS '受理的投诉（含调解中、办结）或立案的举报件数';
COMMENT ON COLUMN meta.report_sum_complaint.refused IS '不予受理的投诉或不予立案的举报件数';
COMMENT ON COLUMN meta.report_sum_complaint.due_decided IS '已决定且能算出受理期限的投诉件数（按期率的分母：有存储的期限，或收到和决定的日期都在工作日历内）';
COMMENT ON COLUMN meta.report_sum_complaint.decided_on_time IS '在受理期限内作出决定的投诉件数（存储的期限 accept_due_on；没有时按工作日历，收到后七个工作日内）';
COMMENT ON COLUMN meta.report_sum_complaint.closed IS '办结的投诉件数';
COMMENT ON COLUMN meta.report_sum_complaint.agreement IS '调解达成协议的投诉件数';
COMMENT ON COLUMN meta.report_sum_complaint.recovered IS '为消费者挽回经济损失，元';
COMMENT ON COLUMN meta.report_sum_complaint.involved IS '涉及金额，元';
CREATE INDEX report_sum_complaint_org_idx ON meta.report_sum_complaint (org_id, month);

CREATE TABLE meta.report_sum_inspection (
	plan_id bigint NOT NULL,
	org_id bigint NOT NULL,
	result_code text NOT NULL,
	tasks integer NOT NULL DEFAULT 0,
	cancelled integer NOT NULL DEFAULT 0,
	results integer NOT NULL DEFAULT 0,
	published integer NOT NULL DEFAULT 0,
	published_on_time integer NOT NULL DEFAULT 0,
	PRIMARY KEY (plan_id, org_id, result_code)
);
COMMENT ON TABLE meta.report_sum_inspection IS '报表汇总：每个抽查计划的任务数和按结果分列的检查结果、公示情况（由触发器增量维护）';
COMMENT ON COLUMN meta.report_sum_inspection.plan_id IS '抽查计划';
COMMENT ON COLUMN meta.report_sum_inspection.org_id IS '实施机构（计划的机构）';
COMMENT ON COLUMN meta.report_sum_inspection.result_code IS '检查结果（任务行为空串）';
COMMENT ON COLUMN meta.report_sum_inspection.tasks IS '抽中的任务数';
COMMENT ON COLUMN meta.report_sum_inspection.cancelled IS '取消的任务数';
COMMENT ON COLUMN meta.report_sum_inspection.results IS '录入的检查结果数';
COMMENT ON COLUMN meta.report_sum_inspection.published IS '已公示的结果数';
COMMENT ON COLUMN meta.report_sum_inspection.published_on_time IS '在公示期限（检查后 20 个工作日）内公示的结果数';

CREATE TABLE meta.report_sum_risk_move (
	month date NOT NULL,
	org_id bigint NOT NULL,
	from_grade text NOT NULL,
	to_grade text NOT NULL,
	moves integer NOT NULL DEFAULT 0,
	PRIMARY KEY (month, org_id, from_grade, to_grade)
);
COMMENT ON TABLE meta.report_sum_risk_move IS '报表汇总：每月每所风险评定由上次等级到本次等级的主体数（内部使用，由触发器增量维护）';
COMMENT ON COLUMN meta.report_sum_risk_move.month IS '评定月份';
COMMENT ON COLUMN meta.report_sum_risk_move.org_id IS '属地监管机构';
COMMENT ON COLUMN meta.report_sum_risk_move.from_grade IS '上次评定的等级（首次评定为空串）';
COMMENT ON COLUMN meta.report_sum_risk_move.to_grade IS '本次评定的等级';
COMMENT ON COLUMN meta.report_sum_risk_move.moves IS '评定次数';

-- ---------------------------------------------------------------------------
-- How each summary follows its sources

INSERT INTO meta.report_summary (name, source, target, projection, apply) VALUES
('entity_flow', 'core.entity', 'meta.report_sum_entity_flow',
 $p$SELECT coalesce(t.org_id, (SELECT core.city_org())) AS org_id, t.entity_type_code AS type_code,
       coalesce(i.section::text, '') AS section, date_trunc('month', t.established_on)::date AS est_month,
       CASE WHEN t.status IN ('deregistered', 'revoked', 'annulled', 'moved_out')
            THEN date_trunc('month', coalesce(t.status_changed_on, t.established_on))::date END AS exit_month,
       t.status
  FROM %1$s t LEFT JOIN core.industry i ON i.code = t.industry_code$p$,
 $a$INSERT INTO meta.report_sum_entity_flow AS f (month, org_id, type_code, section, established, deregistered,
                                              revoked, annulled, moved_out)
SELECT month, org_id, type_code, section, sum(e), sum(d), sum(r), sum(a), sum(m)
  FROM (SELECT c.est_month AS month, c.org_id, c.type_code, c.section, c.s AS e, 0 AS d, 0 AS r, 0 AS a, 0 AS m
          FROM ch c
        UNION ALL
        SELECT c.exit_month, c.org_id, c.type_code, c.section, 0, c.s * (c.status = 'deregistered')::int,
               c.s * (c.status = 'revoked')::int, c.s * (c.status = 'annulled')::int,
               c.s * (c.status = 'moved_out')::int
          FROM ch c WHERE c.exit_month IS NOT NULL) x
 GROUP BY month, org_id, type_code, section
 ORDER BY month, org_id, type_code, section
ON CONFLICT (month, org_id, type_code, section) DO UPDATE
   SET established = f.established + excluded.established, deregistered = f.deregistered + excluded.deregistered,
       revoked = f.revoked + excluded.revoked, annulled = f.annulled + excluded.annulled,
       moved_out = f.moved_out + excluded.moved_out$a$),
('entity_now', 'core.entity', 'meta.report_sum_entity_now',
 $p$SELECT coalesce(t.org_id, (SELECT core.city_org())) AS org_id, t.entity_type_code AS type_code,
       coalesce(i.section::text, '') AS section, t.status, coalesce(t.risk_grade, '') AS risk_grade
  FROM %1$s t LEFT JOIN core.industry i ON i.code = t.industry_code$p$,
 $a$INSERT INTO meta.report_sum_entity_now AS f (org_id, type_code, section, status, risk_grade, entities)
SELECT c.org_id, c.type_code, c.section, c.status, c.risk_grade, sum(c.s) FROM ch c
 GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
ON CONFLICT (org_id, type_code, section, status, risk_grade) DO UPDATE SET entities = f.entities + excluded.entities$a$),
('annual', 'credit.annual_report', 'meta.report_sum_annual',
 $p$SELECT t.year, coalesce(e.org_id, (SELECT core.city_org())) AS org_id, e.entity_type_code AS type_code,
       coalesce(i.section::text, '') AS section
  FROM %1$s t JOIN core.entity e ON e.id = t.entity_id LEFT JOIN core.industry i ON i.code = e.industry_code$p$,
 $a$INSERT INTO meta.report_sum_annual AS f (year, org_id, type_code, section, reported)
SELECT c.year, c.org_id, c.type_code, c.section, sum(c.s) FROM ch c GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
ON CONFLICT (year, org_id, type_code, section) DO UPDATE SET reported = f.reported + excluded.reported$a$),
('complaint', 'rights.complaint', 'meta.report_sum_complaint',
 $p$SELECT date_trunc('month', t.received_at AT TIME ZONE 'Asia/Shanghai')::date AS month,
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
       coalesce(t.recovered_amount, 0) AS recovered, coalesce(t.amount_involved, 0) AS involved
  FROM %1$s t
  LEFT JOIN core.calendar_day r ON r.day = (t.received_at AT TIME ZONE 'Asia/Shanghai')::date
  LEFT JOIN core.calendar_day d ON d.day = (t.decided_at AT TIME ZONE 'Asia/Shanghai')::date$p$,
 $a$INSERT INTO meta.report_sum_complaint AS f (month, org_id, kind, channel_code, category_code, received,
                                            decided, accepted, refused, due_decided, decided_on_time, closed,
                                            agreement, recovered, involved)
SELECT c.month, c.org_id, c.kind, c.channel_code, c.category_code, sum(c.s), sum(c.s * c.decided),
       sum(c.s * c.accepted), sum(c.s * c.refused), sum(c.s * c.due_decided), sum(c.s * c.on_time),
       sum(c.s * c.closed), sum(c.s * c.agreement), sum(c.s * c.recovered), sum(c.s * c.involved)
  FROM ch c GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
ON CONFLICT (month, org_id, kind, channel_code, category_code) DO UPDATE
   SET received = f.received + excluded.received, decided = f.decided + excluded.decided,
       accepted = f.accepted + excluded.accepted, refused = f.refused + excluded.refused,
       due_decided = f.due_decided + excluded.due_decided,
       decided_on_time = f.decided_on_time + excluded.decided_on_time, closed = f.closed + excluded.closed,
       agreement = f.agreement + excluded.agreement, recovered = f.recovered + excluded.recovered,
       involved = f.involved + excluded.involved$a$),
('complaint', 'rights.report', 'meta.report_sum_complaint',
 $p$SELECT date_trunc('month', t.received_at AT TIME ZONE 'Asia/Shanghai')::date AS month,
       t.handling_org_id AS org_id, 'report'::text AS kind, t.channel_code,
       coalesce(t.violation_category_code, '') AS category_code,
       (t.decided_at IS NOT NULL)::int AS decided, coalesce(t.decision = 'case_opened', false)::int AS accepted,
       coalesce(t.decision = 'not_opened', false)::int AS refused, 0 AS due_decided, 0 AS on_time,
       (t.status = 'closed')::int AS closed, 0 AS agreement, 0::numeric AS recovered, 0::numeric AS involved
  FROM %1$s t$p$,
 '='),
('inspection', 'supervision.inspection_task', 'meta.report_sum_inspection',
 $p$SELECT b.plan_id, t.org_id, ''::text AS result_code, 1 AS tasks, (t.status = 'cancelled')::int AS cancelled,
       0 AS results, 0 AS published, 0 AS on_time
  FROM %1$s t JOIN supervision.inspection_batch b ON b.id = t.batch_id$p$,
 $a$INSERT INTO meta.report_sum_inspection AS f (plan_id, org_id, result_code, tasks, cancelled, results, published,
                                             published_on_time)
SELECT c.plan_id, c.org_id, c.result_code, sum(c.s * c.tasks), sum(c.s * c.cancelled), sum(c.s * c.results),
       sum(c.s * c.published), sum(c.s * c.on_time)
  FROM ch c GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
ON CONFLICT (plan_id, org_id, result_code) DO UPDATE
   SET tasks = f.tasks + excluded.tasks, cancelled = f.cancelled + excluded.cancelled,
       results = f.results + excluded.results, published = f.published + excluded.published,
       published_on_time = f.published_on_time + excluded.published_on_time$a$),
('inspection', 'supervision.inspection_result', 'meta.report_sum_inspection',
 $p$SELECT b.plan_id, r.org_id, r.result_code, 0 AS tasks, 0 AS cancelled, 1 AS results,
       (r.published_at IS NOT NULL)::int AS published,
       coalesce((r.published_at AT TIME ZONE 'Asia/Shanghai')::date <= r.publish_due_on, false)::int AS on_time
  FROM %1$s r JOIN supervision.inspection_task t ON t.id = r.task_id
  JOIN supervision.inspection_batch b ON b.id = t.batch_id$p$,
 '='),
('risk_move', 'credit.risk_grade_history', 'meta.report_sum_risk_move',
 $p$SELECT date_trunc('month', h.assessed_on)::date AS month, coalesce(e.org_id, (SELECT core.city_org())) AS org_id,
       coalesce(h.prev, '') AS from_grade, h.grade AS to_grade
  FROM (SELECT a.id, a.entity_id, a.grade, a.assessed_on,
               lag(a.grade) OVER (PARTITION BY a.entity_id ORDER BY a.assessed_on, a.id) AS prev
          FROM credit.risk_grade_history a
         WHERE a.entity_id IN (SELECT n.entity_id FROM %1$s n)) h
  JOIN %1$s t ON t.id = h.id
  JOIN core.entity e ON e.id = h.entity_id$p$,
 $a$INSERT INTO meta.report_sum_risk_move AS f (month, org_id, from_grade, to_grade, moves)
SELECT c.month, c.org_id, c.from_grade, c.to_grade, sum(c.s) FROM ch c GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
ON CONFLICT (month, org_id, from_grade, to_grade) DO UPDATE SET moves = f.moves + excluded.moves$a$);

-- An entity that moves to another org unit takes its annual reports and
-- risk assessments with it (these follow core.entity too, never rebuilt from it).
INSERT INTO meta.report_summary (name, source, target, projection, apply, rebuild) VALUES
('annual', 'core.entity', 'meta.report_sum_annual',
 $p$SELECT a.year, coalesce(t.org_id, (SELECT core.city_org())) AS org_id, t.entity_type_code AS type_code,
       coalesce(i.section::text, '') AS section
  FROM %1$s t JOIN credit.annual_report a ON a.entity_id = t.id LEFT JOIN core.industry i ON i.code = t.industry_code$p$,
 '=', false),
('risk_move', 'core.entity', 'meta.report_sum_risk_move',
 $p$SELECT date_trunc('month', h.assessed_on)::date AS month, coalesce(t.org_id, (SELECT core.city_org())) AS org_id,
       coalesce(h.prev, '') AS from_grade, h.grade AS to_grade
  FROM %1$s t
  JOIN (SELECT a.entity_id, a.grade, a.assessed_on,
               lag(a.grade) OVER (PARTITION BY a.entity_id ORDER BY a.assessed_on, a.id) AS prev
          FROM credit.risk_grade_history a
         WHERE a.entity_id IN (SELECT n.id FROM %1$s n)) h ON h.entity_id = t.id$p$,
 '=', false);

-- The second source of a summary shares the first one's upsert.
UPDATE meta.report_summary s SET apply = f.apply
  FROM meta.report_summary f
 WHERE s.apply = '=' AND f.name = s.name AND f.apply <> '=';

-- The signed changes of one statement (or, for 'REBUILD', every source row)
-- as a subquery over the transition tables new_rows / old_rows.
CREATE FUNCTION meta.report_changes(op text, projection text, source text) RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT CASE op
	WHEN 'INSERT' THEN format('SELECT 1 AS s, c.* FROM (%s) c', format(projection, 'new_rows'))
	WHEN 'DELETE' THEN format('SELECT -1 AS s, c.* FROM (%s) c', format(projection, 'old_rows'))
	WHEN 'UPDATE' THEN format('SELECT 1 AS s, c.* FROM (%1$s EXCEPT ALL %2$s) c '
	                          'UNION ALL SELECT -1 AS s, c.* FROM (%2$s EXCEPT ALL %1$s) c',
	                          format(projection, 'new_rows'), format(projection, 'old_rows'))
	ELSE format('SELECT 1 AS s, c.* FROM (%s) c', format(projection, source)) END
$$;
COMMENT ON FUNCTION meta.report_changes(text, text, text) IS '报表汇总：一条语句带来的带符号变化行（查询文本）';

-- Creates, for every source table and statement kind, a trigger function
-- with the summaries' statements written out (static SQL: PL/pgSQL keeps
-- their plans for the session, so a one-row write does not plan them anew)
-- and the statement-level triggers report_sum_ins/upd/del that call it.
-- Run again after changing meta.report_summary. Risk assessments are
-- followed on insert only (the history is appended, never edited).
CREATE FUNCTION meta.report_summary_install() RETURNS integer
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	src text;
	op text;
	fn text;
	body text;
	n integer := 0;
	ops constant text[] := ARRAY['INSERT', 'UPDATE', 'DELETE'];
	trig constant text[] := ARRAY['report_sum_ins', 'report_sum_upd', 'report_sum_del'];
	refs constant text[] := ARRAY['REFERENCING NEW TABLE AS new_rows',
	                              'REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows',
	                              'REFERENCING OLD TABLE AS old_rows'];
BEGIN
	FOR src IN SELECT DISTINCT s.source FROM meta.report_summary s ORDER BY 1 LOOP
		FOR k IN 1..3 LOOP
			op := ops[k];
			EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', trig[k], src);
			SELECT string_agg(format('WITH ch AS (%s)%s%s;', meta.report_changes(op, s.projection, NULL), E'\n', s.apply),
			                  E'\n' ORDER BY s.name)
			  INTO body
			  FROM meta.report_summary s
			 WHERE s.source = src AND (op = 'INSERT' OR src <> 'credit.risk_grade_history');
			CONTINUE WHEN body IS NULL;
			fn := format('meta.report_sum_%s_%s', replace(src, '.', '_'), lower(op));
			-- and a note on smcon_report (the source table and the kind of change;
			-- never a row), so that a report on screen may offer to run again
			body := body || format(E'\nPERFORM pg_notify(%L, %L);', 'smcon_report',
			                       json_build_object('source', src, 'op', lower(op))::text);
			EXECUTE format('CREATE OR REPLACE FUNCTION %s() RETURNS trigger LANGUAGE plpgsql '
			               'SET search_path = pg_catalog, pg_temp SET jit = off AS %L',
			               fn, format(E'BEGIN\n%s\nRETURN NULL;\nEND', body));
			EXECUTE format('COMMENT ON FUNCTION %s() IS %L', fn,
			               format('触发器（按语句）：%s 的 %s 带来的变化累加到报表汇总表（由 meta.report_summary_install 生成）',
			                      src, op));
			EXECUTE format('REVOKE ALL ON FUNCTION %s() FROM PUBLIC', fn);
			EXECUTE format('CREATE TRIGGER %I AFTER %s ON %s %s FOR EACH STATEMENT EXECUTE FUNCTION %s()',
			               trig[k], op, src, refs[k], fn);
			n := n + 1;
		END LOOP;
	END LOOP;
	RETURN n;
END $$;
COMMENT ON FUNCTION meta.report_summary_install() IS '按 meta.report_summary 生成报表汇总表的触发器函数和触发器，返回触发器个数';
SELECT meta.report_summary_install();

-- Recomputes every summary from its sources (after a bulk load that ran with
-- the triggers disabled). Returns the number of summary rows written.
CREATE FUNCTION meta.report_summary_rebuild() RETURNS bigint
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
	RETURN n;
END $$;
COMMENT ON FUNCTION meta.report_summary_rebuild() IS '由源表全部重算报表汇总表，返回写入的行数';

-- Summary rows that differ from a recomputation from the sources, per
-- summary table (none when the triggers kept everything current). Rows whose
-- measures all came back to zero count as absent. Leaves the summaries
-- recomputed; the tests call it inside a transaction they roll back.
CREATE FUNCTION meta.report_summary_drift() RETURNS TABLE (target text, differing bigint)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	x record;
	zero text;
BEGIN
	FOR x IN SELECT DISTINCT s.target AS t FROM meta.report_summary s ORDER BY 1 LOOP
		SELECT string_agg(format('%I = 0', a.attname), ' AND ') INTO zero
		  FROM pg_attribute a
		 WHERE a.attrelid = x.t::regclass AND a.attnum > 0 AND NOT a.attisdropped
		   AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisprimary
		                                             AND a.attnum = ANY (i.indkey));
		EXECUTE format('CREATE TEMP TABLE %I ON COMMIT DROP AS SELECT * FROM %s WHERE NOT (%s)',
		               'drift_' || split_part(x.t, '.', 2), x.t, zero);
	END LOOP;
	PERFORM meta.report_summary_rebuild();
	FOR x IN SELECT DISTINCT s.target AS t FROM meta.report_summary s ORDER BY 1 LOOP
		target := x.t;
		EXECUTE format('SELECT count(*) FROM ((SELECT * FROM %1$I EXCEPT ALL SELECT * FROM %2$s) '
		               'UNION ALL (SELECT * FROM %2$s EXCEPT ALL SELECT * FROM %1$I)) d',
		               'drift_' || split_part(x.t, '.', 2), x.t) INTO differing;
		RETURN NEXT;
		EXECUTE format('DROP TABLE %I', 'drift_' || split_part(x.t, '.', 2));
	END LOOP;
END $$;
COMMENT ON FUNCTION meta.report_summary_drift() IS '报表汇总表与由源表重算结果不同的行数（每张汇总表一行；执行后汇总表已重算）';

REVOKE ALL ON FUNCTION meta.report_changes(text, text, text), meta.report_summary_install(),
	meta.report_summary_rebuild(), meta.report_summary_drift() FROM PUBLIC;

-- A warehouse that already holds data gets its summaries now.
SELECT meta.report_summary_rebuild();
