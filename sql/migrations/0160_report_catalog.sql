-- 0160 the report catalog: the statistics the bureau publishes and decides
-- on, each defined once in SQL (api.report_<name>, 0162) over summary
-- tables kept current by triggers (0161). This file holds the catalog (what
-- reports exist, their titles, parameters, who may run them, which are
-- public), the columns each report returns (labels for screens and files),
-- and the one function that checks a run's parameters: the period, the org
-- unit against the caller's data scope, the grouping, the role.

CREATE TABLE meta.report (
	name text PRIMARY KEY CHECK (name ~ '^[a-z][a-z_]*$'),
	title_zh text NOT NULL CHECK (core.present(title_zh)),
	title_en text NOT NULL CHECK (core.present(title_en)),
	description text NOT NULL CHECK (core.present(description)),
	by_options text[] NOT NULL CHECK (cardinality(by_options) > 0),
	default_by text NOT NULL,
	public boolean NOT NULL,
	roles text[] NOT NULL DEFAULT '{}',
	function_name text NOT NULL CHECK (function_name ~ '^report_[a-z_]+$'),
	chart_column text NOT NULL,
	whole_months boolean NOT NULL,
	sort_order integer NOT NULL,
	CHECK (default_by = ANY (by_options))
);
COMMENT ON TABLE meta.report IS '报表目录：每张报表的名称、标题、说明、参数、是否公开、可用角色';
COMMENT ON COLUMN meta.report.name IS '报表名（命令行用）';
COMMENT ON COLUMN meta.report.title_zh IS '中文标题';
COMMENT ON COLUMN meta.report.title_en IS '英文标题';
COMMENT ON COLUMN meta.report.description IS '说明：统计什么、口径如何（各指标的定义）';
COMMENT ON COLUMN meta.report.by_options IS '可选的分组方式（--by）：district 区局，station 所，month 月份，以及报表自有的分组';
COMMENT ON COLUMN meta.report.default_by IS '默认分组方式';
COMMENT ON COLUMN meta.report.public IS '是否公开报表（公开报表一律脱敏个人信息，不论调用者角色）';
COMMENT ON COLUMN meta.report.roles IS '可以运行的角色（空为全体职员）；在数据库中检查';
COMMENT ON COLUMN meta.report.function_name IS 'api 模式中计算本报表的函数名';
COMMENT ON COLUMN meta.report.chart_column IS '图表（横向条形图）所用的列';
COMMENT ON COLUMN meta.report.whole_months IS '是否按整月统计（由月汇总表计算：期间扩展到所涉及的整月）';
COMMENT ON COLUMN meta.report.sort_order IS '显示顺序';

CREATE TABLE meta.report_column (
	report text NOT NULL REFERENCES meta.report (name) ON DELETE CASCADE,
	position smallint NOT NULL CHECK (position > 0),
	key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]*$'),
	label_zh text NOT NULL CHECK (core.present(label_zh)),
	label_en text NOT NULL CHECK (core.present(label_en)),
	kind text NOT NULL CHECK (kind IN ('text', 'int', 'num', 'pct', 'min', 'spark')),
	PRIMARY KEY (report, position),
	UNIQUE (report, key)
);
COMMENT ON TABLE meta.report_column IS '报表的列：机器名、中英文列名、类型（文件和屏幕共用）';
COMMENT ON COLUMN meta.report_column.report IS '报表';
COMMENT ON COLUMN meta.report_column.position IS '列序号（与报表函数的结果列一致）';
COMMENT ON COLUMN meta.report_column.key IS '列的机器名（CSV 表头、JSON 键）';
COMMENT ON COLUMN meta.report_column.label_zh IS '中文列名';
COMMENT ON COLUMN meta.report_column.label_en IS '英文列名';
COMMENT ON COLUMN meta.report_column.kind IS '类型：text 文字，int 整数，num 数值，pct 百分比，min 分钟，spark 趋势（逗号分隔的数列）';

GRANT SELECT ON meta.report, meta.report_column TO smcon_staff;

-- The org units inside one (itself, its stations; the city: all).
CREATE FUNCTION core.org_subtree(org bigint) RETURNS bigint[]
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT coalesce(array_agg(o.id ORDER BY o.id), '{}')
	  FROM core.org_unit o LEFT JOIN core.org_unit p ON p.id = o.parent_id
	 WHERE o.id = org OR o.parent_id = org OR p.parent_id = org
$$;
COMMENT ON FUNCTION core.org_subtree(bigint) IS '某机构及其下属机构（市局为全部）的编号数组';

-- The city bureau (records without an org unit are counted under it).
CREATE FUNCTION core.city_org() RETURNS bigint
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT o.id FROM core.org_unit o WHERE o.level = 'city' ORDER BY o.id LIMIT 1 $$;
COMMENT ON FUNCTION core.city_org() IS '市局的机构编号';

-- Checks a report run and resolves its parameters. Raises, naming the
-- parameter: no_data_found (P0002) for an unknown report or a period that
-- lies after today, invalid_parameter_value (22023) for a bad period, org
-- or grouping, insufficient_privilege (42501) for a role the report is not
-- for or an org outside the caller's data scope. Without from/to: the last
-- whole month; without org: the caller's own unit (the city bureau: all).
CREATE FUNCTION core.report_params(p_report text, p_from date, p_to date, p_org text, p_by text,
                                   OUT org_id bigint, OUT orgs bigint[], OUT group_by text, OUT masked boolean,
                                   OUT date_from date, OUT date_to date)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	r meta.report;
	me record;
	o core.org_unit;
BEGIN
	SELECT * INTO r FROM meta.report x WHERE x.name = p_report;
	IF r.name IS NULL THEN
		RAISE EXCEPTION '没有名为“%”的报表', p_report USING ERRCODE = 'no_data_found',
			HINT = (SELECT string_agg(x.name, ', ' ORDER BY x.sort_order) FROM meta.report x);
	END IF;
	IF cardinality(r.roles) > 0 AND NOT EXISTS (SELECT 1 FROM unnest(r.roles) g WHERE core.caller_has(g)) THEN
		RAISE EXCEPTION '报表“%”仅供以下角色使用：%', r.title_zh, array_to_string(r.roles, '、')
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	SELECT * INTO me FROM core.caller_staff();
	date_from := coalesce(p_from, (date_trunc('month', core.today()) - interval '1 month')::date);
	date_to := coalesce(p_to, CASE WHEN p_from IS NULL
	                          THEN (date_trunc('month', core.today()) - interval '1 day')::date
	                          ELSE core.today() END);
	IF date_to < date_from THEN
		RAISE EXCEPTION '--to：截止日期 % 早于起始日期 %', date_to, date_from USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF date_to - date_from > 3660 THEN
		RAISE EXCEPTION '--period：统计期间 % 至 % 超过十年', date_from, date_to USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF date_from > core.today() THEN
		RAISE EXCEPTION '--period：统计期间 % 至 % 在今天（%）之后，没有数据', date_from, date_to, core.today()
			USING ERRCODE = 'no_data_found';
	END IF;
	IF nullif(btrim(p_org), '') IS NULL THEN
		org_id := me.org_id;
	ELSE
		SELECT * INTO o FROM core.org_unit x WHERE x.code = upper(btrim(p_org));
		IF o.id IS NULL THEN
			RAISE EXCEPTION '--org：没有代码为“%”的机构', p_org USING ERRCODE = 'invalid_parameter_value';
		END IF;
		org_id := o.id;
	END IF;
	orgs := core.org_subtree(org_id);
	IF NOT orgs <@ api.my_orgs() THEN
		RAISE EXCEPTION '--org：无权查看“%”的数据（超出本账号的数据范围）',
			(SELECT x.short_name FROM core.org_unit x WHERE x.id = report_params.org_id)
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	group_by := coalesce(nullif(btrim(p_by), ''), r.default_by);
	IF NOT group_by = ANY (r.by_options) THEN
		RAISE EXCEPTION '--by：报表“%”不能按“%”分组', r.name, group_by USING ERRCODE = 'invalid_parameter_value',
			HINT = array_to_string(r.by_options, ', ');
	END IF;
	masked := r.public;
END $$;
COMMENT ON FUNCTION core.report_params(text, date, date, text, text) IS
	'检查一次报表运行的参数（报表、期间、机构与数据范围、分组、角色）并给出实际使用的值；出错时指明参数';
REVOKE ALL ON FUNCTION core.org_subtree(bigint), core.city_org(),
	core.report_params(text, date, date, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION core.org_subtree(bigint), core.city_org(),
	core.report_params(text, date, date, text, text) TO smcon_staff;
