-- 0046 writes through the api: no ordinary role may INSERT, UPDATE or DELETE
-- a table whose state matters; these functions (run as the owner) check the
-- caller's role, the record's scope and the transition, then write. They
-- prove the pattern for the complaint and 96333 workflows, which their own
-- issues complete.
--
--   api.entity_update       an entity's phone and address, by clerks and
--                           supervisors of the entity's district (the city
--                           bureau: any), each change kept in
--                           core.entity_change
--   api.complaint_accept    registered → accepted, §9 materials complete
--   api.complaint_refuse    registered → refused, with a §15 ground
--   api.incident_acknowledge  the rescue unit answered a level-1 dispatch

-- The district bureau an entity belongs to: its supervising station's, or
-- the district bureau of its division when it has no station.
CREATE FUNCTION core.entity_district(p_entity_id bigint) RETURNS bigint
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT coalesce(core.org_district(e.org_id),
	                (SELECT d.id FROM core.org_unit d WHERE d.level = 'district' AND d.division_code = e.division_code))
	  FROM core.entity e WHERE e.id = p_entity_id
$$;
COMMENT ON FUNCTION core.entity_district(bigint) IS '市场主体所属的区（县级市）局（按属地监管所，没有时按所在区划）';

CREATE FUNCTION api.entity_update(p_entity_id bigint, p_phone text DEFAULT NULL, p_address text DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	me record;
	e core.entity;
	district bigint;
	n int := 0;
BEGIN
	PERFORM core.require_role('clerk', 'supervisor');
	me := core.caller_staff();
	SELECT * INTO e FROM core.entity WHERE id = p_entity_id FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION '没有编号为 % 的市场主体', p_entity_id USING ERRCODE = 'no_data_found';
	END IF;
	district := core.entity_district(p_entity_id);
	IF me.org_level <> 'city' AND district IS DISTINCT FROM me.district_id THEN
		RAISE EXCEPTION '%（%）不在本区（县级市）局辖区，只能由其属地局修改', e.name, e.uscc
			USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF core.present(p_phone) AND btrim(p_phone) IS DISTINCT FROM e.phone THEN
		UPDATE core.entity SET phone = btrim(p_phone) WHERE id = e.id;
		INSERT INTO core.entity_change (entity_id, changed_on, item, before_value, after_value, source_system)
		VALUES (e.id, current_date, '联系电话变更', e.phone, btrim(p_phone), 'smcon');
		n := n + 1;
	END IF;
	IF core.present(p_address) AND btrim(p_address) IS DISTINCT FROM e.address THEN
		UPDATE core.entity SET address = btrim(p_address) WHERE id = e.id;
		INSERT INTO core.entity_change (entity_id, changed_on, item, before_value, after_value, source_system)
		VALUES (e.id, current_date, '住所变更', e.address, btrim(p_address), 'smcon');
		n := n + 1;
	END IF;
	RETURN n;
END $$;
COMMENT ON FUNCTION api.entity_update(bigint, text, text) IS '修改市场主体的联系电话、住所（限属地区局的登记查询员和负责人），变更记入主体变更记录；返回变更项数';

-- A complaint of the caller's scope, locked, in the state asked for.
CREATE FUNCTION core.complaint_for_decision(p_id bigint) RETURNS rights.complaint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	c rights.complaint;
BEGIN
	PERFORM core.require_role('handler', 'supervisor');
	SELECT * INTO c FROM rights.complaint WHERE id = p_id FOR UPDATE;
	IF NOT FOUND OR NOT c.handling_org_id = ANY (api.my_orgs()) THEN
		RAISE EXCEPTION '没有编号为 % 的投诉，或不在本机构范围内', p_id USING ERRCODE = 'no_data_found';
	ELSIF c.status <> 'registered' THEN
		RAISE EXCEPTION '投诉 % 已作出受理决定（状态 %）', c.complaint_no, c.status
			USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	RETURN c;
END $$;
COMMENT ON FUNCTION core.complaint_for_decision(bigint) IS '取出待决定受理的投诉（本机构范围内，加锁）';

CREATE FUNCTION api.complaint_accept(p_id bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	c rights.complaint := core.complaint_for_decision(p_id);
	missing text[];
BEGIN
	missing := ARRAY(SELECT label FROM (VALUES
		(1, '投诉人姓名', c.complainant_name), (2, '投诉人电话', c.complainant_phone),
		(3, '投诉人通讯地址', c.complainant_address), (4, '被投诉人名称', c.respondent_name),
		(5, '被投诉人地址', c.respondent_address), (6, '投诉请求', c.request), (7, '争议事实', c.facts)
	) AS m (ord, label, v) WHERE NOT core.present(v) ORDER BY ord);
	IF cardinality(missing) > 0 THEN
		RAISE EXCEPTION '投诉 % 缺少第九条规定的材料：%', c.complaint_no, array_to_string(missing, '、')
			USING ERRCODE = 'check_violation', CONSTRAINT = 'complaint_section9_complete',
			      HINT = '材料不全的，可按第十五条第五项（materials_missing）不予受理';
	END IF;
	UPDATE rights.complaint
	   SET status = 'accepted', decided_at = now(),
	       handler_staff_id = coalesce(handler_staff_id, (core.caller_staff()).staff_id)
	 WHERE id = c.id;
END $$;
COMMENT ON FUNCTION api.complaint_accept(bigint) IS '受理投诉（第九条材料齐全；限处理机构范围内的投诉举报处理员和负责人）';

CREATE FUNCTION api.complaint_refuse(p_id bigint, p_ground text, p_note text DEFAULT NULL) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	c rights.complaint := core.complaint_for_decision(p_id);
BEGIN
	IF NOT EXISTS (SELECT 1 FROM core.refusal_ground g WHERE g.code = p_ground) THEN
		RAISE EXCEPTION '没有不予受理情形“%”；见 core.refusal_ground（第十五条）', coalesce(p_ground, '')
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	UPDATE rights.complaint
	   SET status = 'refused', decided_at = now(), refusal_ground_code = p_ground,
	       refusal_note = nullif(btrim(p_note), ''),
	       handler_staff_id = coalesce(handler_staff_id, (core.caller_staff()).staff_id)
	 WHERE id = c.id;
END $$;
COMMENT ON FUNCTION api.complaint_refuse(bigint, text, text) IS '不予受理投诉，须写明第十五条的情形（限处理机构范围内的投诉举报处理员和负责人）';

CREATE FUNCTION api.incident_acknowledge(p_id bigint) RETURNS timestamptz
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	i rights.rescue_incident;
	t timestamptz := now();
BEGIN
	PERFORM core.require_role('dispatcher', 'supervisor');
	SELECT * INTO i FROM rights.rescue_incident WHERE id = p_id FOR UPDATE;
	IF NOT FOUND OR NOT (core.caller_has('dispatcher') OR i.district_org_id = ANY (api.my_orgs())) THEN
		RAISE EXCEPTION '没有编号为 % 的 96333 事件，或不在本机构范围内', p_id USING ERRCODE = 'no_data_found';
	ELSIF i.status <> 'open' THEN
		RAISE EXCEPTION '事件 % 已结案或撤销', i.incident_no USING ERRCODE = 'object_not_in_prerequisite_state';
	ELSIF i.level1_dispatched_at IS NULL THEN
		RAISE EXCEPTION '事件 % 尚未派单，不能登记响应', i.incident_no
			USING ERRCODE = 'object_not_in_prerequisite_state';
	ELSIF i.acknowledged_at IS NOT NULL THEN
		RAISE EXCEPTION '事件 % 已于 % 登记响应', i.incident_no, i.acknowledged_at
			USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	UPDATE rights.rescue_incident SET acknowledged_at = greatest(t, i.level1_dispatched_at) WHERE id = i.id
	RETURNING acknowledged_at INTO t;
	RETURN t;
END $$;
COMMENT ON FUNCTION api.incident_acknowledge(bigint) IS '登记救援单位已响应一级派单（调度员；负责人限本辖区）';

REVOKE ALL ON FUNCTION core.entity_district(bigint), core.complaint_for_decision(bigint),
	api.entity_update(bigint, text, text), api.complaint_accept(bigint), api.complaint_refuse(bigint, text, text),
	api.incident_acknowledge(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION core.entity_district(bigint) TO smcon_staff;
GRANT EXECUTE ON FUNCTION api.entity_update(bigint, text, text) TO smcon_clerk, smcon_supervisor;
GRANT EXECUTE ON FUNCTION api.complaint_accept(bigint), api.complaint_refuse(bigint, text, text)
	TO smcon_handler, smcon_supervisor;
GRANT EXECUTE ON FUNCTION api.incident_acknowledge(bigint) TO smcon_dispatcher, smcon_supervisor;
