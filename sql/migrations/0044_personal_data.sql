-- 0044 personal data, unmasked: the one way to read a raw personal column
-- (staff are granted only the masked copies, 0040). api.personal() checks
-- that the caller's role and unit may see that record's personal data, and
-- every reveal is written to the audit log as a read event (the columns, not
-- the values).
--
-- Who may see what:
--   complaints, consultations, 12345 transfers: handlers, clerks and
--       supervisors of the handling or the receiving unit (in scope)
--   reports: handlers and supervisors of the handling unit itself — its own
--       staff and its stations' — and nobody else, city bureau included
--       (投诉举报处理暂行办法 §33)
--   96333 incidents: dispatchers; supervisors of the elevator's district
--   entities and their contacts: clerks, inspectors, handlers and
--       supervisors of the entity's district (the city bureau: all)
--   natural persons who are parties to a case or penalty: inspectors,
--       handlers and supervisors of the deciding unit
-- Analysts never: they hold none of these roles for the purpose.

-- Whether the caller may see the personal data of one record. NULL when the
-- record does not exist; false, never NULL, when it does.
CREATE FUNCTION core.may_reveal(tbl text, row_id bigint) RETURNS boolean
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	mine bigint[] := api.my_orgs();
	me record;
	a bigint;
	b bigint;
BEGIN
	IF NOT EXISTS (SELECT 1 FROM core.staff s WHERE s.login = session_user AND s.status = 'active') THEN
		RETURN false;
	END IF;
	me := core.caller_staff();
	CASE tbl
	WHEN 'rights.complaint' THEN
		SELECT c.handling_org_id, c.receiving_org_id INTO a, b FROM rights.complaint c WHERE c.id = row_id;
		IF NOT FOUND THEN RETURN NULL; END IF;
		RETURN coalesce((core.caller_has('handler') OR core.caller_has('clerk') OR core.caller_has('supervisor'))
		       AND (a = ANY (mine) OR b = ANY (mine)), false);
	WHEN 'rights.consultation' THEN
		SELECT c.handling_org_id, c.receiving_org_id INTO a, b FROM rights.consultation c WHERE c.id = row_id;
		IF NOT FOUND THEN RETURN NULL; END IF;
		RETURN coalesce((core.caller_has('handler') OR core.caller_has('clerk') OR core.caller_has('supervisor'))
		       AND (a = ANY (mine) OR b = ANY (mine)), false);
	WHEN 'rights.transfer_12345' THEN
		SELECT t.handling_org_id, t.receiving_org_id INTO a, b FROM rights.transfer_12345 t WHERE t.id = row_id;
		IF NOT FOUND THEN RETURN NULL; END IF;
		RETURN coalesce((core.caller_has('handler') OR core.caller_has('clerk') OR core.caller_has('supervisor'))
		       AND (a = ANY (mine) OR b = ANY (mine)), false);
	WHEN 'rights.report' THEN
		SELECT r.handling_org_id INTO a FROM rights.report r WHERE r.id = row_id;
		IF NOT FOUND THEN RETURN NULL; END IF;
		RETURN coalesce((core.caller_has('handler') OR core.caller_has('supervisor'))
		       AND a IN (me.org_id, me.district_id), false);
	WHEN 'rights.rescue_incident' THEN
		SELECT i.district_org_id INTO a FROM rights.rescue_incident i WHERE i.id = row_id;
		IF NOT FOUND THEN RETURN NULL; END IF;
		RETURN coalesce(core.caller_has('dispatcher') OR (core.caller_has('supervisor') AND a = ANY (mine)), false);
	WHEN 'core.entity' THEN
		SELECT coalesce(core.org_district(e.org_id),
		                (SELECT d.id FROM core.org_unit d WHERE d.level = 'district'
		                    AND d.division_code = e.division_code))
		  INTO a FROM core.entity e WHERE e.id = row_id;
		IF NOT FOUND THEN RETURN NULL; END IF;
		RETURN coalesce((core.caller_has('clerk') OR core.caller_has('inspector') OR core.caller_has('handler')
		        OR core.caller_has('supervisor'))
		       AND (me.org_level = 'city' OR a = me.district_id), false);
	WHEN 'core.entity_contact' THEN
		SELECT c.entity_id INTO a FROM core.entity_contact c WHERE c.id = row_id;
		IF NOT FOUND THEN RETURN NULL; END IF;
		RETURN core.may_reveal('core.entity', a);
	WHEN 'supervision.enforcement_case' THEN
		SELECT c.deciding_org_id INTO a FROM supervision.enforcement_case c WHERE c.id = row_id;
		IF NOT FOUND THEN RETURN NULL; END IF;
		RETURN coalesce((core.caller_has('inspector') OR core.caller_has('handler') OR core.caller_has('supervisor'))
		       AND a = ANY (mine), false);
	WHEN 'supervision.penalty' THEN
		SELECT p.deciding_org_id INTO a FROM supervision.penalty p WHERE p.id = row_id;
		IF NOT FOUND THEN RETURN NULL; END IF;
		RETURN coalesce((core.caller_has('inspector') OR core.caller_has('handler') OR core.caller_has('supervisor'))
		       AND a = ANY (mine), false);
	ELSE
		RETURN false;
	END CASE;
END $$;
COMMENT ON FUNCTION core.may_reveal(text, bigint) IS '当前账号能否查看某条记录的未脱敏个人信息（记录不存在时为空）';

-- The raw personal values of one record, one row per personal column, each
-- reveal recorded in the audit log. Errors: 42501 not allowed, P0002 no such
-- record, 22023 not a table with personal data.
CREATE FUNCTION api.personal(tbl text, row_id bigint)
RETURNS TABLE (column_name text, kind text, masked_value text, value text)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	allowed boolean;
	cols text[];
	sch text;
	rel text;
	rec jsonb;
BEGIN
	SELECT array_agg(p.column_name ORDER BY p.column_name), min(p.table_schema), min(p.table_name)
	  INTO cols, sch, rel
	  FROM meta.personal_column p WHERE p.table_schema || '.' || p.table_name = tbl;
	IF cols IS NULL THEN
		RAISE EXCEPTION '% 不是存有个人信息的表', tbl USING ERRCODE = 'invalid_parameter_value';
	END IF;
	allowed := core.may_reveal(tbl, row_id);
	IF allowed IS NULL THEN
		RAISE EXCEPTION '% 中没有编号为 % 的记录', tbl, row_id USING ERRCODE = 'no_data_found';
	ELSIF NOT allowed THEN
		RAISE EXCEPTION '账号 % 无权查看 % 第 % 号记录的个人信息', session_user, tbl, row_id
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	EXECUTE format('SELECT to_jsonb(t) FROM %I.%I t WHERE t.id = $1', sch, rel) INTO rec USING row_id;
	PERFORM audit.append('read', tbl, jsonb_build_object('id', row_id), NULL, NULL,
	                     jsonb_build_object('columns', to_jsonb(cols)));
	RETURN QUERY
		SELECT p.column_name, p.kind, rec ->> p.masked_column, rec ->> p.column_name
		  FROM meta.personal_column p
		 WHERE p.table_schema || '.' || p.table_name = tbl
		 ORDER BY p.column_name;
END $$;
COMMENT ON FUNCTION api.personal(text, bigint) IS '查看一条记录的未脱敏个人信息（按角色和机构核验，每次查看记入审计日志）';

REVOKE ALL ON FUNCTION core.may_reveal(text, bigint), api.personal(text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.personal(text, bigint) TO smcon_staff;
