-- 0064 The profile's calls: the header, the facts behind the risk grade,
-- the tabs (one call gives every tab's count and first page, or the next
-- page of one tab), an elevator and its 96333 history. All SECURITY
-- INVOKER with search_path pinned; a code is looked up as typed
-- (core.uscc_normalize), through the unique index. They are PL/pgSQL so
-- that a session plans each query once: a SQL function's body is planned
-- on every call, which for the header's ten joins costs more than running
-- it; the lookups by key run on the generic plan from the start.

-- The entity with that USCC, or NULL.
CREATE FUNCTION core.entity_by_uscc(code text) RETURNS bigint
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN (SELECT e.id FROM core.entity e WHERE e.uscc = core.uscc_normalize(code));
COMMENT ON FUNCTION core.entity_by_uscc(text) IS '按统一社会信用代码（规范化后）找主体编号；没有时为空';

-- The profile's header: one row, or none for an unknown code.
CREATE FUNCTION api.entity_header(code text)
RETURNS TABLE (id bigint, uscc text, name text, reg_no text, entity_type_code text, entity_type_name text,
               market_entity boolean, legal_rep_title text, legal_rep_name text, legal_rep_id_no_masked text,
               phone text, address text, registered_capital numeric, capital_currency text,
               established_on date, approved_on date, operating_from date, operating_to date,
               business_scope text, status text, status_name text, in_business boolean,
               status_changed_on date, status_reason text, reg_authority text, reg_division_code text,
               reg_division_name text, reg_division_note text, division_code text, division_name text,
               district_bureau text, station text, industry_code text, industry_name text,
               industry_section text, section_name text, risk_grade text, risk_grade_name text,
               risk_graded_on date, risk_score numeric, tags text, former_names text, source_system text,
               loaded_at timestamptz, updated_at timestamptz)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
	RETURN QUERY
	SELECT e.id, e.uscc::text, e.name, e.reg_no, e.entity_type_code, et.name, et.is_market_entity, et.legal_rep_title,
	       e.legal_rep_name, e.legal_rep_id_no_masked, e.phone::text, e.address, e.registered_capital,
	       e.capital_currency, e.established_on, e.approved_on, e.operating_from, e.operating_to,
	       e.business_scope, e.status, split_part(es.name, '（', 1), es.in_business, e.status_changed_on,
	       e.status_reason, ra.name, e.reg_division_code, rd.name,
	       CASE WHEN NOT rd.current THEN rd.retired_year || ' 年撤销，今属' || coalesce(sd.name, '—') END,
	       e.division_code::text, dv.name, coalesce(dist.short_name, st.short_name), CASE WHEN st.level = 'station' THEN st.short_name END,
	       e.industry_code, ind.name, ind.section::text, sec.name, e.risk_grade, rg.name, e.risk_graded_on,
	       (SELECT h.score FROM credit.risk_grade_history h WHERE h.entity_id = e.id
	         ORDER BY h.assessed_on DESC, h.id DESC LIMIT 1),
	       (SELECT string_agg(t.name, '、' ORDER BY t.category, t.name)
	          FROM core.entity_tag x JOIN core.tag t ON t.id = x.tag_id WHERE x.entity_id = e.id AND t.active),
	       (SELECT string_agg(f.name, '、' ORDER BY f.used_to DESC)
	          FROM core.entity_former_name f WHERE f.entity_id = e.id),
	       e.source_system, e.loaded_at, e.updated_at
	  FROM core.entity e
	  JOIN core.entity_status es ON es.code = e.status
	  JOIN core.entity_type et ON et.code = e.entity_type_code
	  LEFT JOIN core.org_unit ra ON ra.id = e.reg_authority_org_id
	  LEFT JOIN core.division rd ON rd.code = e.reg_division_code
	  LEFT JOIN core.division sd ON sd.code = rd.successor_code
	  LEFT JOIN core.division dv ON dv.code = e.division_code
	  LEFT JOIN core.org_unit st ON st.id = e.org_id
	  LEFT JOIN core.org_unit dist ON dist.id = st.parent_id AND st.level = 'station'
	  LEFT JOIN core.industry ind ON ind.code = e.industry_code
	  LEFT JOIN core.industry sec ON sec.code = ind.section
	  LEFT JOIN core.risk_grade rg ON rg.code = e.risk_grade
	 WHERE e.uscc = core.uscc_normalize(entity_header.code);
END $$;
COMMENT ON FUNCTION api.entity_header(text) IS '市场主体画像的表头：登记信息、属地、行业、风险等级、标签';

-- The facts behind the entity's latest credit-risk grade (internal: never published).
CREATE FUNCTION api.entity_risk(code text)
RETURNS TABLE (grade text, grade_name text, score numeric, assessed_on date, model_version text,
               manual_adjustment boolean, adjustment_reason text, indicator text, fact text, points numeric,
               source_table text, source_id bigint)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
	RETURN QUERY
	SELECT h.grade, g.name, h.score, h.assessed_on, h.model_version, h.manual_adjustment, h.adjustment_reason,
	       i.name, f.fact, f.points, f.source_table, f.source_id
	  FROM (SELECT * FROM credit.risk_grade_history x WHERE x.entity_id = core.entity_by_uscc(entity_risk.code)
	         ORDER BY x.assessed_on DESC, x.id DESC LIMIT 1) h
	  JOIN core.risk_grade g ON g.code = h.grade
	  LEFT JOIN credit.risk_grade_fact f ON f.history_id = h.id
	  LEFT JOIN credit.risk_indicator i ON i.code = f.indicator_code
	 ORDER BY f.points DESC NULLS LAST, i.sort_order;
END $$;
COMMENT ON FUNCTION api.entity_risk(text) IS '主体最近一次信用风险分类的等级、得分和计分事实（内部使用）';

-- The profile's tabs. Without only_tab: every tab's first page_size facts,
-- newest first, each row with its tab's total. With only_tab: the page of that
-- tab after the row whose sort_key is after_key (tab_total then counts
-- what is left). A tab without rows has no rows here (its count is 0).
CREATE FUNCTION api.entity_facts(code text, only_tab text DEFAULT NULL, page_size integer DEFAULT 50,
                                 after_key text DEFAULT NULL)
RETURNS TABLE (tab text, fact_on date, category text, summary text, status text, detail text, theme text,
               source_system text, loaded_at timestamptz, ref_table text, ref_id bigint, sort_key text,
               tab_total bigint)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
	-- looked up once: as a constant, entity_id = it is pushed into every branch of the view
	eid bigint := core.entity_by_uscc(entity_facts.code);
BEGIN
	IF eid IS NULL THEN
		RETURN;
	END IF;
	RETURN QUERY
	SELECT s.tab, s.fact_on, s.category, s.summary, s.status, s.detail, s.theme, s.source_system, s.loaded_at,
	       s.ref_table, s.ref_id, s.sort_key::text, s.tab_total
	  FROM (SELECT f.*, k.sort_key,
	               row_number() OVER (PARTITION BY f.tab ORDER BY k.sort_key DESC) AS n,
	               count(*) OVER (PARTITION BY f.tab) AS tab_total
	          FROM api.entity_fact f
	         CROSS JOIN LATERAL (SELECT (coalesce(to_char(f.fact_on, 'YYYYMMDD'), '00000000') || f.ref_table
	                                     || lpad(f.ref_id::text, 19, '0')) COLLATE "C" AS sort_key) k
	         WHERE f.entity_id = eid
	           AND (entity_facts.only_tab IS NULL OR f.tab = entity_facts.only_tab)
	           AND (entity_facts.after_key IS NULL OR k.sort_key < entity_facts.after_key COLLATE "C")) s
	 WHERE s.n <= entity_facts.page_size
	 ORDER BY s.tab, s.sort_key DESC;
END $$;
COMMENT ON FUNCTION api.entity_facts(text, text, integer, text) IS
	'画像页签：不给 only_tab 时返回每个页签最新的 page_size 条及其总数；给 only_tab 时返回该页签 after_key 之后的一页';

-- The elevator with a registration code (20 digits) or rescue code, or NULL.
CREATE FUNCTION api.elevator_find(code text) RETURNS bigint
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
RETURN (SELECT e.id FROM equipment.elevator e
         WHERE e.registration_code = btrim(code) OR e.rescue_code = btrim(code)
         ORDER BY e.registration_code = btrim(code) DESC LIMIT 1);
COMMENT ON FUNCTION api.elevator_find(text) IS '按注册代码或救援识别码找电梯编号；没有时为空';

-- An elevator (for the profile's equipment tab).
CREATE FUNCTION api.elevator_detail(elevator_id bigint)
RETURNS TABLE (id bigint, registration_code text, category text, rescue_code text, user_uscc text,
               user_name text, maintainer_uscc text, maintainer_name text, maintainer_duty_phone text,
               maintenance_contract_ends_on date, manufacturer_name text, model text, rated_load_kg integer,
               rated_speed_mps numeric, floors smallint, address text, place_type text, division_name text,
               district_bureau text, urban boolean, commissioned_on date, registered_on date, status text,
               last_maintained_on date, last_inspected_on date, next_inspection_due date, inspection_overdue boolean,
               source_system text, loaded_at timestamptz)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
	RETURN QUERY
	SELECT e.id, e.registration_code, c.name, e.rescue_code, u.uscc::text, u.name, m.uscc::text, m.name,
	       mu.duty_phone::text,
	       e.maintenance_contract_ends_on, e.manufacturer_name, e.model, e.rated_load_kg, e.rated_speed_mps,
	       e.floors, e.address,
	       CASE e.place_type WHEN 'residential' THEN '住宅' WHEN 'office' THEN '办公' WHEN 'shopping' THEN '商场'
	            WHEN 'hospital' THEN '医院' WHEN 'school' THEN '学校' WHEN 'transport' THEN '交通场站'
	            WHEN 'hotel' THEN '宾馆' WHEN 'factory' THEN '厂区' WHEN 'public' THEN '公共场所' ELSE '其他' END,
	       d.name, o.name, e.urban, e.commissioned_on, e.registered_on, core.status_label(e.status),
	       e.last_maintained_on, e.last_inspected_on, e.next_inspection_due,
	       coalesce(e.next_inspection_due < current_date, false), e.source_system, e.loaded_at
	  FROM equipment.elevator e
	  JOIN core.elevator_category c ON c.code = e.category_code
	  JOIN core.entity u ON u.id = e.entity_id
	  LEFT JOIN core.entity m ON m.id = e.maintenance_entity_id
	  LEFT JOIN equipment.maintenance_unit mu ON mu.entity_id = e.maintenance_entity_id
	  LEFT JOIN core.division d ON d.code = e.division_code
	  LEFT JOIN core.org_unit o ON o.id = e.district_org_id
	 WHERE e.id = elevator_detail.elevator_id;
END $$;
COMMENT ON FUNCTION api.elevator_detail(bigint) IS '一台电梯：注册代码、救援识别码、使用单位、维保单位、检验维保情况';

-- The elevator's 96333 incidents, newest first (as far as the caller's scope reaches).
CREATE FUNCTION api.elevator_incidents(elevator_id bigint, max_rows integer DEFAULT 100)
RETURNS TABLE (id bigint, incident_no text, kind text, received_at timestamptz, trapped_count smallint,
               injured boolean, level text, arrival_minutes integer, arrival_limit_minutes smallint,
               released_at timestamptz, status text, cause text, callback_result text, source_system text,
               loaded_at timestamptz)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
	RETURN QUERY
	SELECT i.id, i.incident_no,
	       CASE i.kind WHEN 'trapped' THEN '困人' WHEN 'fault' THEN '故障' ELSE '其他' END, i.received_at,
	       i.trapped_count, i.injured,
	       CASE WHEN i.level3_dispatched_at IS NOT NULL THEN '三级（119）'
	            WHEN i.level2_dispatched_at IS NOT NULL THEN '二级' ELSE '一级' END,
	       (extract(epoch FROM i.arrived_at - i.level1_dispatched_at) / 60)::integer, i.arrival_limit_minutes,
	       i.released_at, CASE i.status WHEN 'open' THEN '处置中' WHEN 'closed' THEN '已办结' ELSE '已取消' END,
	       rc.name,
	       CASE i.callback_result WHEN 'satisfied' THEN '满意' WHEN 'unsatisfied' THEN '不满意'
	            WHEN 'unreachable' THEN '无法联系' END,
	       i.source_system, i.loaded_at
	  FROM rights.rescue_incident i
	  LEFT JOIN core.rescue_cause rc ON rc.code = i.cause_code
	 WHERE i.elevator_id = elevator_incidents.elevator_id
	 ORDER BY i.received_at DESC
	 LIMIT max_rows;
END $$;
COMMENT ON FUNCTION api.elevator_incidents(bigint, integer) IS '一台电梯的 96333 救援记录，新的在前（按调用者的数据范围）';

REVOKE ALL ON FUNCTION api.entity_header(text), api.entity_risk(text), api.entity_facts(text, text, integer, text),
	api.elevator_find(text), api.elevator_detail(bigint), api.elevator_incidents(bigint, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.entity_header(text), api.entity_risk(text), api.entity_facts(text, text, integer, text),
	api.elevator_find(text), api.elevator_detail(bigint), api.elevator_incidents(bigint, integer),
	core.entity_by_uscc(text) TO smcon_staff;
