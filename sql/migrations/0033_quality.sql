-- 0033 data quality (数据质量): rules kept as rows, run by the platform, and
-- their results kept with a timestamp so that trends show.
--
-- A rule is a query that returns the offending records as (key text, name
-- text): a natural key (USCC, registration code, complaint number) and what
-- a person recognises it by. Rules are added by migrations, never by
-- callers: api.quality_run() (SECURITY DEFINER) runs the rule text stored
-- here as the warehouse owner, so nobody can pass SQL of their own, and the
-- results are the same whoever asks. Admins and supervisors may run them.

CREATE TABLE meta.quality_rule (
	code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
	title text NOT NULL CHECK (core.present(title)),
	description text NOT NULL CHECK (core.present(description)),
	theme text NOT NULL CHECK (theme IN ('core', 'supervision', 'product', 'rights', 'equipment', 'fooddrug',
	                                     'credit', 'price', 'ip', 'nqi', 'cogov')),
	severity text NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
	query text NOT NULL CHECK (core.present(query)),
	active boolean NOT NULL DEFAULT true,
	sort_order integer NOT NULL DEFAULT 0
);
COMMENT ON TABLE meta.quality_rule IS '数据质量规则：每条规则是一个查询，返回有问题的记录（键和名称）；规则由迁移加入';
COMMENT ON COLUMN meta.quality_rule.code IS '规则代码';
COMMENT ON COLUMN meta.quality_rule.title IS '规则名称';
COMMENT ON COLUMN meta.quality_rule.description IS '说明：查什么、为什么、如何处理';
COMMENT ON COLUMN meta.quality_rule.theme IS '所属主题库（模式）';
COMMENT ON COLUMN meta.quality_rule.severity IS '严重程度：error 错误（须更正），warning 警告（须核实），info 提示';
COMMENT ON COLUMN meta.quality_rule.query IS '规则查询：返回 key text、name text 两列，每行一个问题记录';
COMMENT ON COLUMN meta.quality_rule.active IS '是否启用';
COMMENT ON COLUMN meta.quality_rule.sort_order IS '显示顺序';

CREATE TABLE meta.quality_run (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	rule_code text REFERENCES meta.quality_rule (code),
	login text NOT NULL DEFAULT session_user,
	staff_id bigint REFERENCES core.staff (id),
	started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
	finished_at timestamptz
);
COMMENT ON TABLE meta.quality_run IS '数据质量检查的每次运行';
COMMENT ON COLUMN meta.quality_run.id IS '运行编号';
COMMENT ON COLUMN meta.quality_run.rule_code IS '只运行的一条规则（全部运行为空）';
COMMENT ON COLUMN meta.quality_run.login IS '运行者的数据库账号';
COMMENT ON COLUMN meta.quality_run.staff_id IS '运行者';
COMMENT ON COLUMN meta.quality_run.started_at IS '开始时间';
COMMENT ON COLUMN meta.quality_run.finished_at IS '结束时间';
CREATE INDEX quality_run_rule_code_idx ON meta.quality_run (rule_code);
CREATE INDEX quality_run_staff_id_idx ON meta.quality_run (staff_id);

CREATE TABLE meta.quality_result (
	run_id bigint NOT NULL REFERENCES meta.quality_run (id),
	rule_code text NOT NULL REFERENCES meta.quality_rule (code),
	checked_at timestamptz NOT NULL,
	offender_count bigint CHECK (offender_count >= 0),
	sample jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(sample) = 'array'),
	duration_ms numeric(12,1) NOT NULL CHECK (duration_ms >= 0),
	error text,
	PRIMARY KEY (run_id, rule_code),
	CHECK ((error IS NULL) = (offender_count IS NOT NULL))
);
COMMENT ON TABLE meta.quality_result IS '数据质量检查结果：每次运行每条规则一行（问题数、示例），按时间可看趋势';
COMMENT ON COLUMN meta.quality_result.run_id IS '运行编号';
COMMENT ON COLUMN meta.quality_result.rule_code IS '规则';
COMMENT ON COLUMN meta.quality_result.checked_at IS '检查时间';
COMMENT ON COLUMN meta.quality_result.offender_count IS '有问题的记录数（规则出错时为空）';
COMMENT ON COLUMN meta.quality_result.sample IS '示例：按键排序的前 10 条，[{"key": …, "name": …}]';
COMMENT ON COLUMN meta.quality_result.duration_ms IS '运行耗时（毫秒）';
COMMENT ON COLUMN meta.quality_result.error IS '规则查询出错时的错误信息';
CREATE INDEX quality_result_rule_idx ON meta.quality_result (rule_code, checked_at);

-- The offenders of one rule, as its query finds them now.
CREATE FUNCTION meta.quality_offenders(rule text) RETURNS TABLE (key text, name text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	q text;
BEGIN
	SELECT r.query INTO q FROM meta.quality_rule r WHERE r.code = rule;
	IF q IS NULL THEN
		RAISE EXCEPTION '没有数据质量规则 %', rule USING ERRCODE = 'no_data_found';
	END IF;
	RETURN QUERY EXECUTE format('SELECT r.key::text, r.name::text FROM (%s) AS r', q);
END $$;
COMMENT ON FUNCTION meta.quality_offenders(text) IS '按规则查询当前有问题的记录';

-- Checks one rule: its count and the first ten offenders by key. A rule that
-- fails records its error and does not stop the others.
CREATE FUNCTION meta.quality_check(run bigint, rule text) RETURNS meta.quality_result
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	res meta.quality_result;
	t0 timestamptz := clock_timestamp();
BEGIN
	res.run_id := run;
	res.rule_code := rule;
	res.checked_at := t0;
	res.sample := '[]';
	BEGIN
		SELECT count(*),
		       coalesce(jsonb_agg(jsonb_build_object('key', o.key, 'name', o.name) ORDER BY o.key)
		                FILTER (WHERE o.n <= 10), '[]')
		  INTO res.offender_count, res.sample
		  FROM (SELECT q.key, q.name, row_number() OVER (ORDER BY q.key) AS n
		          FROM meta.quality_offenders(rule) AS q) AS o;
	EXCEPTION WHEN OTHERS THEN
		res.offender_count := NULL;
		res.error := SQLERRM;
	END;
	res.duration_ms := round((extract(epoch FROM clock_timestamp() - t0) * 1000)::numeric, 1);
	INSERT INTO meta.quality_result SELECT res.*;
	RETURN res;
END $$;
COMMENT ON FUNCTION meta.quality_check(bigint, text) IS '运行一条规则并记录结果（问题数、前 10 条示例、耗时或错误）';

-- Runs every active rule (or one) and returns what each found.
CREATE FUNCTION api.quality_run(rule text DEFAULT NULL)
RETURNS TABLE (code text, title text, theme text, severity text, offender_count bigint, sample jsonb,
               error text, checked_at timestamptz, duration_ms numeric)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	run bigint;
	r meta.quality_rule;
	res meta.quality_result;
BEGIN
	IF rule IS NOT NULL AND NOT EXISTS (SELECT 1 FROM meta.quality_rule q WHERE q.code = rule) THEN
		RAISE EXCEPTION '没有数据质量规则 %', rule USING ERRCODE = 'no_data_found';
	END IF;
	INSERT INTO meta.quality_run (rule_code, staff_id)
	VALUES (rule, (SELECT s.id FROM core.staff s WHERE s.login = session_user))
	RETURNING id INTO run;
	FOR r IN SELECT * FROM meta.quality_rule q
	          WHERE (rule IS NULL AND q.active) OR q.code = rule
	          ORDER BY q.sort_order, q.code LOOP
		res := meta.quality_check(run, r.code);
		code := r.code;
		title := r.title;
		theme := r.theme;
		severity := r.severity;
		offender_count := res.offender_count;
		sample := res.sample;
		error := res.error;
		checked_at := res.checked_at;
		duration_ms := res.duration_ms;
		RETURN NEXT;
	END LOOP;
	UPDATE meta.quality_run q SET finished_at = clock_timestamp() WHERE q.id = run;
END $$;
COMMENT ON FUNCTION api.quality_run(text) IS '运行数据质量规则（全部启用的，或指定的一条），记录并返回结果';

-- The results over time, newest first, with the change since the rule's
-- previous run.
CREATE FUNCTION api.quality_history(rule text DEFAULT NULL, max_rows integer DEFAULT 50)
RETURNS TABLE (checked_at timestamptz, code text, title text, offender_count bigint, previous_count bigint,
               change bigint, error text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT h.checked_at, h.rule_code, q.title, h.offender_count, h.previous_count,
	       h.offender_count - h.previous_count, h.error
	  FROM (SELECT r.*, lag(r.offender_count) OVER (PARTITION BY r.rule_code ORDER BY r.checked_at, r.run_id)
	                      AS previous_count
	          FROM meta.quality_result r
	         WHERE quality_history.rule IS NULL OR r.rule_code = quality_history.rule) AS h
	  JOIN meta.quality_rule q ON q.code = h.rule_code
	 ORDER BY h.checked_at DESC, q.sort_order, q.code
	 LIMIT greatest(max_rows, 1)
$$;
COMMENT ON FUNCTION api.quality_history(text, integer) IS '数据质量检查的历次结果（新的在前），含与上次相比的变化';

CREATE FUNCTION api.quality_rules()
RETURNS TABLE (code text, title text, theme text, severity text, active boolean, description text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT q.code, q.title, q.theme, q.severity, q.active, q.description
	  FROM meta.quality_rule q ORDER BY q.sort_order, q.code
$$;
COMMENT ON FUNCTION api.quality_rules() IS '数据质量规则列表';

REVOKE ALL ON FUNCTION meta.quality_offenders(text), meta.quality_check(bigint, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION api.quality_run(text), api.quality_history(text, integer), api.quality_rules() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.quality_run(text), api.quality_history(text, integer), api.quality_rules()
	TO smcon_admin, smcon_supervisor;
