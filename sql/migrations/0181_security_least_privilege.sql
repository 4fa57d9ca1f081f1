-- 0181 least privilege on internal data (issue 10, item 10). Every staff
-- role could read them all; now only the roles whose work needs them:
--   supervision.inspector_recusal (who must recuse from which entity, and
--       why): supervisors, who draw the inspection plans;
--   core.staff.phone (staff phone numbers): supervisors and dispatchers;
--       admins see them through api.user_list;
--   credit.risk_grade_history, credit.risk_grade_fact (内部使用，不得公开):
--       inspectors, supervisors and analysts, who plan by risk. The facts of
--       a grade no longer name the report behind them (§33: reports are
--       seen by their handling unit only).
-- Every role keeps the grade itself (core.entity.risk_grade), the latest
-- score on the profile's header (core.entity_risk_score()) and the profile's
-- risk facts through api.entity_risk(), now SECURITY DEFINER: the curated
-- view, without the ids of reports behind the facts. The tables themselves,
-- in psql, are for the three roles above.

REVOKE SELECT ON supervision.inspector_recusal FROM smcon_staff;
GRANT SELECT ON supervision.inspector_recusal TO smcon_supervisor;

REVOKE SELECT (phone) ON core.staff FROM smcon_staff;
GRANT SELECT (phone) ON core.staff TO smcon_supervisor, smcon_dispatcher;

REVOKE SELECT ON credit.risk_grade_history, credit.risk_grade_fact FROM smcon_staff;
GRANT SELECT ON credit.risk_grade_history, credit.risk_grade_fact TO smcon_inspector, smcon_supervisor, smcon_analyst;

-- The latest risk score of an entity, for the profile's header (any staff role).
CREATE FUNCTION core.entity_risk_score(p_entity_id bigint) RETURNS numeric
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
RETURN (SELECT h.score FROM credit.risk_grade_history h WHERE h.entity_id = p_entity_id
         ORDER BY h.assessed_on DESC, h.id DESC LIMIT 1);
COMMENT ON FUNCTION core.entity_risk_score(bigint) IS '主体最近一次信用风险分类的得分（画像表头用；不含计分事实）';
REVOKE ALL ON FUNCTION core.entity_risk_score(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION core.entity_risk_score(bigint) TO smcon_staff;

CREATE OR REPLACE FUNCTION api.entity_header(code text)
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
	       core.entity_risk_score(e.id),
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
CREATE OR REPLACE FUNCTION api.entity_risk(code text)
RETURNS TABLE (grade text, grade_name text, score numeric, assessed_on date, model_version text,
               manual_adjustment boolean, adjustment_reason text, indicator text, fact text, points numeric,
               source_table text, source_id bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
	RETURN QUERY
	SELECT h.grade, g.name, h.score, h.assessed_on, h.model_version, h.manual_adjustment, h.adjustment_reason,
	       i.name, f.fact, f.points,
	       CASE WHEN f.source_table IS DISTINCT FROM 'rights.report' THEN f.source_table END,
	       CASE WHEN f.source_table IS DISTINCT FROM 'rights.report' THEN f.source_id END
	  FROM (SELECT * FROM credit.risk_grade_history x WHERE x.entity_id = core.entity_by_uscc(entity_risk.code)
	         ORDER BY x.assessed_on DESC, x.id DESC LIMIT 1) h
	  JOIN core.risk_grade g ON g.code = h.grade
	  LEFT JOIN credit.risk_grade_fact f ON f.history_id = h.id
	  LEFT JOIN credit.risk_indicator i ON i.code = f.indicator_code
	 ORDER BY f.points DESC NULLS LAST, i.sort_order;
END $$;
