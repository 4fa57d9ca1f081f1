-- 0141 the list of inspection items and the plans' life: create (draft),
-- file with the level above, cancel; listed and shown within the caller's
-- scope. Who may plan: a supervisor, for their own district bureau (a
-- station's supervisor for the district it belongs to) or, at the city
-- bureau, for the city. Every change is audited by the tables' triggers and
-- announced on the channel smcon_inspection with a small JSON payload (kind,
-- id, org, state), never names: any role can LISTEN.

CREATE FUNCTION core.insp_notify(kind text, id bigint, org bigint, state text) RETURNS void
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
	SELECT pg_notify('smcon_inspection', json_build_object('kind', kind, 'id', id, 'org', org, 'state', state)::text)
$$;
COMMENT ON FUNCTION core.insp_notify(text, bigint, bigint, text) IS
	'在 smcon_inspection 频道通知抽查计划或任务的变化（只含编号、机构和状态）';

-- The org a supervisor plans for: the city bureau at city level, else the
-- district bureau of the caller's unit.
CREATE FUNCTION core.insp_planning_org() RETURNS bigint
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	me record;
BEGIN
	PERFORM core.require_role('supervisor');
	me := core.caller_staff();
	RETURN CASE WHEN me.org_level = 'city' THEN me.org_id ELSE me.district_id END;
END $$;
COMMENT ON FUNCTION core.insp_planning_org() IS '负责人制定抽查计划的机构：市局负责人为市局，其余为所属区局';

-- A plan by number. Reading: inspectors, supervisors and analysts, within
-- their scope (an unknown number and one outside the scope get the same
-- answer). Writing (locked): a supervisor of the plan's own bureau, or of
-- the city bureau.
CREATE FUNCTION core.plan_get(p_plan_no text, p_write boolean) RETURNS supervision.inspection_plan
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	p supervision.inspection_plan;
	me record;
BEGIN
	IF p_write THEN
		PERFORM core.require_role('supervisor');
		SELECT * INTO p FROM supervision.inspection_plan x WHERE x.plan_no = btrim(p_plan_no) FOR UPDATE;
	ELSE
		PERFORM core.require_role('inspector', 'supervisor', 'analyst');
		SELECT * INTO p FROM supervision.inspection_plan x WHERE x.plan_no = btrim(p_plan_no);
	END IF;
	IF p.id IS NULL OR NOT (p.org_id = ANY (api.my_orgs()) OR (NOT p_write AND core.caller_has('analyst'))) THEN
		IF p.id IS NOT NULL AND p_write THEN
			RAISE EXCEPTION '抽查计划 % 属于%，不在本人的计划权限内', p.plan_no,
				(SELECT o.name FROM core.org_unit o WHERE o.id = p.org_id) USING ERRCODE = 'insufficient_privilege';
		END IF;
		RAISE EXCEPTION '没有编号为 % 的抽查计划，或不在本人的数据范围内', btrim(p_plan_no) USING ERRCODE = 'no_data_found';
	END IF;
	IF p_write THEN
		me := core.caller_staff();
		IF NOT (me.org_level = 'city' OR p.org_id = me.district_id) THEN
			RAISE EXCEPTION '抽查计划 % 属于%，不在本人的计划权限内', p.plan_no,
				(SELECT o.name FROM core.org_unit o WHERE o.id = p.org_id) USING ERRCODE = 'insufficient_privilege';
		END IF;
	END IF;
	RETURN p;
END $$;
COMMENT ON FUNCTION core.plan_get(text, boolean) IS '按编号取抽查计划：读取限数据范围，修改限本局（市局可修改全部）负责人并加锁';

-- ---------------------------------------------------------------------------
-- Items

CREATE FUNCTION api.inspection_items()
RETURNS TABLE (code text, name text, category text, specialty text, object_type text, method text,
               legal_basis text, in_use boolean)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
	SELECT i.code, i.name, CASE i.category WHEN 'key' THEN '重点' ELSE '一般' END, i.specialty, i.object_type,
	       i.method, i.legal_basis, i.valid_to IS NULL OR i.valid_to > core.today()
	  FROM supervision.inspection_item i
	 ORDER BY i.code
$$;
COMMENT ON FUNCTION api.inspection_items() IS '随机抽查事项清单';

CREATE FUNCTION api.inspection_item_add(p_code text, p_name text, p_category text, p_legal_basis text,
                                        p_object_type text, p_method text, p_specialty text DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
	PERFORM core.require_role('supervisor');
	PERFORM core.caller_staff();
	IF NOT coalesce(btrim(p_code) ~ '^[0-9A-Za-z-]{2,20}$', false) THEN
		RAISE EXCEPTION '事项编码“%”：须为 2 至 20 个字母、数字或连字符', coalesce(p_code, '')
			USING ERRCODE = 'invalid_parameter_value', COLUMN = 'code';
	ELSIF NOT (core.present(p_name) AND core.present(p_legal_basis) AND core.present(p_object_type)
	           AND core.present(p_method)) THEN
		RAISE EXCEPTION '抽查事项须有名称、检查依据、检查对象和检查方式'
			USING ERRCODE = 'invalid_parameter_value', COLUMN = 'name';
	ELSIF coalesce(p_category, '') NOT IN ('general', 'key') THEN
		RAISE EXCEPTION '事项类别“%”：须为 general（一般）或 key（重点）', coalesce(p_category, '')
			USING ERRCODE = 'invalid_parameter_value', COLUMN = 'category';
	ELSIF EXISTS (SELECT 1 FROM supervision.inspection_item i WHERE i.code = btrim(p_code)) THEN
		RAISE EXCEPTION '已有编码为 % 的抽查事项', btrim(p_code) USING ERRCODE = 'unique_violation', COLUMN = 'code';
	END IF;
	INSERT INTO supervision.inspection_item (code, name, category, legal_basis, inspecting_body, object_type, method,
	                                         specialty, valid_from, source_system)
	VALUES (btrim(p_code), btrim(p_name), p_category, btrim(p_legal_basis), '市场监督管理部门', btrim(p_object_type),
	        btrim(p_method), nullif(btrim(p_specialty), ''), core.today(), 'smcon');
	RETURN btrim(p_code);
END $$;
COMMENT ON FUNCTION api.inspection_item_add(text, text, text, text, text, text, text) IS
	'把一项检查事项列入随机抽查事项清单（负责人）；返回事项编码';

-- ---------------------------------------------------------------------------
-- Plans

-- The org units a scope entry names: an org code (district bureau or
-- station) or a six-digit division code (its district bureau).
CREATE FUNCTION core.insp_scope_org(v text) RETURNS bigint
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
	SELECT coalesce((SELECT o.id FROM core.org_unit o WHERE o.code = upper(btrim(v))),
	                (SELECT o.id FROM core.org_unit o WHERE o.level = 'district' AND o.division_code = btrim(v)),
	                (SELECT o.id FROM core.org_unit o WHERE o.name = btrim(v) OR o.short_name = btrim(v) LIMIT 1))
$$;
COMMENT ON FUNCTION core.insp_scope_org(text) IS '抽查范围中的一项（机构代码、区划代码或机构名称）对应的机构';

-- Ratio text 'A:1,B:2,C:10,D:30' as rows; raises naming the field.
CREATE FUNCTION core.insp_ratios(v text) RETURNS TABLE (grade text, pct numeric)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	part text;
	g text;
	n numeric;
BEGIN
	IF NOT core.present(v) THEN
		RAISE EXCEPTION '抽查比例：须按风险等级给出，如 A:1,B:2,C:10,D:30' USING ERRCODE = 'invalid_parameter_value',
			COLUMN = 'ratio';
	END IF;
	FOREACH part IN ARRAY string_to_array(v, ',') LOOP
		g := upper(btrim(split_part(part, ':', 1)));
		IF NOT EXISTS (SELECT 1 FROM core.risk_grade r WHERE r.code = g) THEN
			RAISE EXCEPTION '抽查比例“%”：没有风险等级 %（可用 %）', btrim(part), g,
				(SELECT string_agg(r.code, '、' ORDER BY r.rank) FROM core.risk_grade r)
				USING ERRCODE = 'invalid_parameter_value', COLUMN = 'ratio';
		END IF;
		BEGIN
			n := btrim(replace(split_part(part, ':', 2), '%', ''))::numeric;
		EXCEPTION WHEN invalid_text_representation THEN
			n := NULL;
		END;
		IF n IS NULL OR n < 0 OR n > 100 THEN
			RAISE EXCEPTION '抽查比例“%”：须为 0 到 100 之间的百分数', btrim(part)
				USING ERRCODE = 'invalid_parameter_value', COLUMN = 'ratio';
		END IF;
		IF g = ANY (SELECT x.grade FROM pg_temp.insp_ratio_seen x) THEN
			RAISE EXCEPTION '抽查比例：风险等级 % 出现了两次', g USING ERRCODE = 'invalid_parameter_value', COLUMN = 'ratio';
		END IF;
		INSERT INTO pg_temp.insp_ratio_seen VALUES (g, n);
	END LOOP;
	RETURN QUERY SELECT x.grade, x.pct FROM pg_temp.insp_ratio_seen x;
END $$;
COMMENT ON FUNCTION core.insp_ratios(text) IS '解析按风险等级的抽查比例（A:1,B:2,C:10,D:30），出错时指明该项';

CREATE FUNCTION api.plan_create(p_title text, p_year integer, p_items text[], p_scope text[], p_ratios text,
                                p_from date, p_to date, p_kind text DEFAULT 'random',
                                p_entity_types text[] DEFAULT '{}', p_industries text[] DEFAULT '{}',
                                p_recent_months integer DEFAULT 12)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	org bigint := core.insp_planning_org();
	me record := core.caller_staff();
	o core.org_unit;
	v text;
	sid bigint;
	scope bigint[] := '{}';
	item_ids bigint[] := '{}';
	iid bigint;
	pid bigint;
	pno text;
	n bigint;
BEGIN
	SELECT * INTO o FROM core.org_unit x WHERE x.id = org;
	IF NOT core.present(p_title) OR char_length(p_title) > 100 THEN
		RAISE EXCEPTION '计划名称：不能为空，最多 100 个字' USING ERRCODE = 'invalid_parameter_value', COLUMN = 'title';
	END IF;
	IF p_year IS NULL OR p_year NOT BETWEEN 2015 AND 2100 THEN
		RAISE EXCEPTION '计划年度：须为 2015 至 2100 年' USING ERRCODE = 'invalid_parameter_value', COLUMN = 'year';
	END IF;
	IF coalesce(p_kind, '') NOT IN ('random', 'key', 'special') THEN
		RAISE EXCEPTION '计划类型“%”：须为 random、key 或 special', coalesce(p_kind, '')
			USING ERRCODE = 'invalid_parameter_value', COLUMN = 'kind';
	END IF;
	IF cardinality(p_items) IS NULL OR cardinality(p_items) = 0 THEN
		RAISE EXCEPTION '抽查事项：至少列一项' USING ERRCODE = 'invalid_parameter_value', COLUMN = 'item';
	END IF;
	FOREACH v IN ARRAY p_items LOOP
		SELECT i.id INTO iid FROM supervision.inspection_item i
		 WHERE i.code = btrim(v) AND (i.valid_to IS NULL OR i.valid_to > core.today());
		IF iid IS NULL THEN
			RAISE EXCEPTION '抽查事项“%”：清单中没有这一在用事项', btrim(v) USING ERRCODE = 'invalid_parameter_value',
				COLUMN = 'item';
		END IF;
		item_ids := item_ids || iid;
	END LOOP;
	FOREACH v IN ARRAY coalesce(p_scope, '{}') LOOP
		sid := core.insp_scope_org(v);
		IF sid IS NULL THEN
			RAISE EXCEPTION '抽查范围“%”：没有这个区（县级市）局、监管所或区划', btrim(v)
				USING ERRCODE = 'invalid_parameter_value', COLUMN = 'scope';
		END IF;
		IF o.level <> 'city' AND sid <> org AND NOT EXISTS (SELECT 1 FROM core.org_unit x WHERE x.id = sid AND x.parent_id = org) THEN
			RAISE EXCEPTION '抽查范围“%”：不在%的辖区内', btrim(v), o.name USING ERRCODE = 'insufficient_privilege',
				COLUMN = 'scope';
		END IF;
		scope := scope || sid;
	END LOOP;
	IF p_from IS NULL OR p_to IS NULL OR p_to < p_from THEN
		RAISE EXCEPTION '检查实施期：结束日期不能早于开始日期' USING ERRCODE = 'invalid_parameter_value', COLUMN = 'window';
	END IF;
	IF extract(year FROM p_from) <> p_year OR extract(year FROM p_to) <> p_year THEN
		RAISE EXCEPTION '检查实施期：% 至 % 不在计划年度 % 年内', p_from, p_to, p_year
			USING ERRCODE = 'invalid_parameter_value', COLUMN = 'window';
	END IF;
	IF p_recent_months IS NULL OR p_recent_months NOT BETWEEN 0 AND 60 THEN
		RAISE EXCEPTION '近期已检查的排除月数：须为 0 至 60' USING ERRCODE = 'invalid_parameter_value', COLUMN = 'recent';
	END IF;
	FOREACH v IN ARRAY coalesce(p_entity_types, '{}') LOOP
		IF NOT EXISTS (SELECT 1 FROM core.entity_type t WHERE t.code = btrim(v)) THEN
			RAISE EXCEPTION '主体类型“%”：没有这个类型代码', btrim(v) USING ERRCODE = 'invalid_parameter_value',
				COLUMN = 'type';
		END IF;
	END LOOP;
	FOREACH v IN ARRAY coalesce(p_industries, '{}') LOOP
		IF NOT EXISTS (SELECT 1 FROM core.industry i WHERE i.code LIKE btrim(v) || '%') THEN
			RAISE EXCEPTION '行业“%”：没有以此开头的国民经济行业代码', btrim(v)
				USING ERRCODE = 'invalid_parameter_value', COLUMN = 'industry';
		END IF;
	END LOOP;
	CREATE TEMP TABLE insp_ratio_seen (grade text, pct numeric) ON COMMIT DROP;
	PERFORM core.insp_ratios(p_ratios);

	pno := format('%s%s-%s', o.code, p_year, lpad(nextval('supervision.plan_no_seq')::text, 4, '0'));
	INSERT INTO supervision.inspection_plan (plan_no, org_id, year, title, kind, status, created_by_staff_id,
	                                         window_from, window_to, scope_org_ids, scope_entity_types,
	                                         scope_industries, recent_months, source_system)
	VALUES (pno, org, p_year, btrim(p_title), p_kind, 'draft', me.staff_id, p_from, p_to, scope,
	        ARRAY(SELECT btrim(x) FROM unnest(p_entity_types) x), ARRAY(SELECT btrim(x) FROM unnest(p_industries) x),
	        p_recent_months, 'smcon')
	RETURNING id INTO pid;
	INSERT INTO supervision.plan_item (plan_id, item_id) SELECT DISTINCT pid, x FROM unnest(item_ids) x;
	INSERT INTO supervision.plan_grade_ratio (plan_id, risk_grade, ratio_percent)
	SELECT pid, r.grade, r.pct FROM pg_temp.insp_ratio_seen r WHERE r.pct > 0;
	SELECT count(*) INTO n FROM core.plan_population(pid) c WHERE c.excluded IS NULL;
	IF n = 0 THEN
		RAISE EXCEPTION '抽查范围：按所列事项、范围和排除条件没有可抽取的对象' USING ERRCODE = 'invalid_parameter_value',
			COLUMN = 'scope';
	END IF;
	INSERT INTO supervision.inspection_batch (plan_id, org_id, batch_no, scope, planned_quantity, starts_on, ends_on,
	                                          source_system)
	VALUES (pid, org, 1, CASE WHEN cardinality(scope) = 0 THEN o.short_name || '辖区'
	                          ELSE (SELECT string_agg(x.short_name, '、') FROM core.org_unit x WHERE x.id = ANY (scope)) END,
	        greatest(1, (SELECT sum(q.quota) FROM core.plan_quota(pid) q)::int), p_from, p_to, 'smcon');
	DROP TABLE pg_temp.insp_ratio_seen;
	PERFORM core.insp_notify('plan', pid, org, 'draft');
	RETURN pno;
END $$;
COMMENT ON FUNCTION api.plan_create(text, integer, text[], text[], text, date, date, text, text[], text[], integer) IS
	'制定抽查计划（草拟）：负责人为本局（市局为全市）制定，指定事项、范围、各风险等级的比例和实施期；返回计划编号';

CREATE FUNCTION api.plan_file(p_plan_no text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	p supervision.inspection_plan := core.plan_get(p_plan_no, true);
	above bigint;
BEGIN
	IF p.status <> 'draft' THEN
		RAISE EXCEPTION '抽查计划 % 不是草拟状态（%），不能备案', p.plan_no, p.status
			USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	SELECT coalesce(o.parent_id, o.id) INTO above FROM core.org_unit o WHERE o.id = p.org_id;
	UPDATE supervision.inspection_plan SET status = 'filed', filed_at = core.now(), filed_with_org_id = above
	 WHERE id = p.id;
	PERFORM core.insp_notify('plan', p.id, p.org_id, 'filed');
	RETURN (SELECT o.name FROM core.org_unit o WHERE o.id = above);
END $$;
COMMENT ON FUNCTION api.plan_file(text) IS '抽查计划报上级备案（草拟 → 已备案）；返回备案机构';

CREATE FUNCTION api.plan_cancel(p_plan_no text, p_reason text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	p supervision.inspection_plan := core.plan_get(p_plan_no, true);
BEGIN
	IF p.status NOT IN ('draft', 'filed') THEN
		RAISE EXCEPTION '抽查计划 % 已抽取或已结束（%），不能撤销', p.plan_no, p.status
			USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	IF NOT core.present(p_reason) THEN
		RAISE EXCEPTION '撤销理由：不能为空' USING ERRCODE = 'invalid_parameter_value', COLUMN = 'reason';
	END IF;
	UPDATE supervision.inspection_plan SET status = 'cancelled', cancel_reason = btrim(p_reason) WHERE id = p.id;
	PERFORM core.insp_notify('plan', p.id, p.org_id, 'cancelled');
END $$;
COMMENT ON FUNCTION api.plan_cancel(text, text) IS '撤销抽查计划（草拟或已备案的），须写明理由';

CREATE FUNCTION api.plan_list(p_year integer DEFAULT NULL)
RETURNS TABLE (plan_no text, title text, year smallint, org_name text, status text, window_from date,
               window_to date, tasks bigint, done bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
#variable_conflict use_column
BEGIN
	PERFORM core.require_role('inspector', 'supervisor', 'analyst');
	RETURN QUERY
	SELECT p.plan_no, p.title, p.year, o.short_name, core.plan_status_name(p.status), p.window_from, p.window_to,
	       (SELECT count(*) FROM supervision.inspection_task t JOIN supervision.inspection_batch b ON b.id = t.batch_id
	         WHERE b.plan_id = p.id AND t.status <> 'cancelled'),
	       (SELECT count(*) FROM supervision.inspection_task t JOIN supervision.inspection_batch b ON b.id = t.batch_id
	         WHERE b.plan_id = p.id AND t.status = 'done')
	  FROM supervision.inspection_plan p JOIN core.org_unit o ON o.id = p.org_id
	 WHERE (p.org_id = ANY (api.my_orgs()) OR core.caller_has('analyst'))
	   AND (plan_list.p_year IS NULL OR p.year = plan_list.p_year)
	 ORDER BY p.year DESC, p.created_at DESC, p.plan_no
	 LIMIT 500;
END $$;
COMMENT ON FUNCTION api.plan_list(integer) IS '数据范围内的抽查计划（最近的在前，至多 500 个）';

CREATE FUNCTION core.plan_status_name(s text) RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
RETURN CASE s WHEN 'draft' THEN '草拟' WHEN 'filed' THEN '已备案' WHEN 'drawn' THEN '已抽取'
              WHEN 'in_progress' THEN '实施中' WHEN 'finished' THEN '已完成' WHEN 'cancelled' THEN '已撤销' ELSE s END;
COMMENT ON FUNCTION core.plan_status_name(text) IS '抽查计划状态的中文名';

CREATE FUNCTION api.plan_show(p_plan_no text)
RETURNS TABLE (field text, value text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	p supervision.inspection_plan := core.plan_get(p_plan_no, false);
BEGIN
	RETURN QUERY
	SELECT f, v FROM (VALUES
		(1, '计划编号', p.plan_no),
		(2, '计划名称', p.title),
		(3, '年度', p.year::text),
		(4, '制定机构', (SELECT o.name FROM core.org_unit o WHERE o.id = p.org_id)),
		(5, '状态', core.plan_status_name(p.status)),
		(6, '实施期', p.window_from || ' 至 ' || p.window_to),
		(7, '抽查事项', (SELECT string_agg(i.code || ' ' || i.name, '；' ORDER BY i.code)
		                  FROM supervision.plan_item pi JOIN supervision.inspection_item i ON i.id = pi.item_id
		                 WHERE pi.plan_id = p.id)),
		(8, '抽查范围', CASE WHEN cardinality(p.scope_org_ids) = 0 THEN '本机构全部辖区'
		                     ELSE (SELECT string_agg(o.short_name, '、' ORDER BY o.code) FROM core.org_unit o
		                            WHERE o.id = ANY (p.scope_org_ids)) END
		                || CASE WHEN cardinality(p.scope_entity_types) > 0
		                        THEN '；主体类型 ' || array_to_string(p.scope_entity_types, '、') ELSE '' END
		                || CASE WHEN cardinality(p.scope_industries) > 0
		                        THEN '；行业 ' || array_to_string(p.scope_industries, '、') ELSE '' END),
		(9, '抽查比例', (SELECT string_agg(r.risk_grade || ':' || trim_scale(r.ratio_percent) || '%', ',' ORDER BY r.risk_grade)
		                  FROM supervision.plan_grade_ratio r WHERE r.plan_id = p.id)),
		(10, '排除近期已查', p.recent_months || ' 个月'),
		(11, '备案机构', (SELECT o.name FROM core.org_unit o WHERE o.id = p.filed_with_org_id)),
		(12, '备案时间', to_char(p.filed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')),
		(13, '抽取', (SELECT string_agg(format('第 %s 批：%s 抽取，种子 %s（%s%s），候选 %s 个，抽中 %s 个', b.batch_no,
		                                        to_char(d.drawn_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'),
		                                        d.seed, CASE d.seed_source WHEN 'external' THEN '外部号码' ELSE '服务器生成' END,
		                                        CASE WHEN d.witness IS NOT NULL THEN '，见证人 ' || d.witness ELSE '' END,
		                                        d.population_count, d.drawn_count), '；' ORDER BY b.batch_no)
		                FROM supervision.inspection_batch b JOIN supervision.inspection_draw d ON d.batch_id = b.id
		               WHERE b.plan_id = p.id AND d.kind = 'object')),
		(14, '撤销理由', p.cancel_reason)
	) AS x (ord, f, v)
	WHERE v IS NOT NULL
	ORDER BY ord;
END $$;
COMMENT ON FUNCTION api.plan_show(text) IS '一个抽查计划的详情（字段、值）';

REVOKE ALL ON FUNCTION core.insp_notify(text, bigint, bigint, text), core.insp_planning_org(),
	core.plan_get(text, boolean), core.insp_scope_org(text), core.insp_ratios(text),
	api.inspection_items(), api.inspection_item_add(text, text, text, text, text, text, text),
	api.plan_create(text, integer, text[], text[], text, date, date, text, text[], text[], integer),
	api.plan_file(text), api.plan_cancel(text, text), api.plan_list(integer), api.plan_show(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION core.plan_status_name(text) TO smcon_staff;
GRANT EXECUTE ON FUNCTION api.inspection_items() TO smcon_staff;
GRANT EXECUTE ON FUNCTION api.inspection_item_add(text, text, text, text, text, text, text),
	api.plan_create(text, integer, text[], text[], text, date, date, text, text[], text[], integer),
	api.plan_file(text), api.plan_cancel(text, text) TO smcon_supervisor;
GRANT EXECUTE ON FUNCTION api.plan_list(integer), api.plan_show(text)
	TO smcon_inspector, smcon_supervisor, smcon_analyst;
