-- 0122 the 96333 desk, part 3: escalation proposals, the board and reads.
--
-- Proposals are computed, not stored: at core.now() an open incident not yet
-- released proposes
--   level 2 (the nearest other maintenance post or public rescue station,
--   same district first, by distance where both have coordinates; another
--   maintenance unit of the district when there is no station) when its
--   elevator has no contracted unit, when the unit has not acknowledged
--   rescue_escalate_no_ack_minutes (5) after dispatch, or when its arrival is
--   projected late (the reported ETA is past the limit, or the limit passed);
--   level 3 (119) when someone is injured, or level 2 failed (no
--   acknowledgement in the same minutes after level-2 dispatch, or the limit
--   passed without arrival).
-- The dispatcher accepts one (api.rescue_escalate without a target), sends
-- someone else (a target of their own: an override, with the reason), or
-- declines it (api.rescue_decline, with the reason); each is a step with who,
-- when, what was proposed and why. A declined proposal is not made again for
-- the same reason. Level 3 may also be started without a proposal when
-- rescue on site is impossible (reason required).

-- The proposals for incident i at moment t.
CREATE FUNCTION core.rescue_proposals_at(i rights.rescue_incident, t timestamptz)
RETURNS TABLE (level integer, reason text, station_id bigint, entity_id bigint, target text, target_phone text,
               distance_km numeric)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	n interval := make_interval(mins => core.setting_int('rescue_escalate_no_ack_minutes'));
	deadline timestamptz := rights.rescue_deadline(i);
	why text;
	e equipment.elevator;
BEGIN
	IF i.status <> 'open' OR i.released_at IS NOT NULL THEN
		RETURN;
	END IF;
	IF i.level3_dispatched_at IS NULL THEN
		why := CASE WHEN i.injured THEN 'injured'
		            WHEN i.level2_dispatched_at IS NOT NULL AND i.arrived_at IS NULL
		                 AND ((coalesce(i.acknowledged_at, '-infinity') < i.level2_dispatched_at
		                       AND t >= i.level2_dispatched_at + n) OR t >= deadline) THEN 'level2_failed' END;
		IF why IS NOT NULL AND NOT EXISTS (SELECT 1 FROM rights.rescue_step s WHERE s.incident_id = i.id
		                                      AND s.step = 'declined' AND s.level = 3 AND s.reason = why) THEN
			RETURN QUERY SELECT 3, why, NULL::bigint, NULL::bigint, '119 消防救援'::text, '119'::text, NULL::numeric;
		END IF;
	END IF;
	IF i.level2_dispatched_at IS NOT NULL OR i.level3_dispatched_at IS NOT NULL OR i.arrived_at IS NOT NULL THEN
		RETURN;
	END IF;
	SELECT * INTO e FROM equipment.elevator x WHERE x.id = i.elevator_id;
	why := CASE WHEN i.level1_dispatched_at IS NULL AND e.maintenance_entity_id IS NULL THEN 'no_unit'
	            WHEN i.level1_dispatched_at IS NULL THEN NULL
	            WHEN i.acknowledged_at IS NULL AND t >= i.level1_dispatched_at + n THEN 'no_ack'
	            WHEN i.eta_at > deadline OR t >= deadline THEN 'late' END;
	IF why IS NULL OR EXISTS (SELECT 1 FROM rights.rescue_step s WHERE s.incident_id = i.id
	                             AND s.step = 'declined' AND s.level = 2 AND s.reason = why) THEN
		RETURN;
	END IF;
	RETURN QUERY
	SELECT 2, why, s.id, NULL::bigint, s.name, s.duty_phone::text,
	       core.rescue_km(e.latitude, e.longitude, s.latitude, s.longitude)
	  FROM equipment.rescue_station s
	 WHERE s.active AND s.kind <> 'fire_station'
	   AND s.entity_id IS DISTINCT FROM coalesce(i.level1_entity_id, e.maintenance_entity_id)
	 ORDER BY s.division_code = e.division_code DESC NULLS LAST,
	          core.rescue_km(e.latitude, e.longitude, s.latitude, s.longitude) NULLS LAST, s.id
	 LIMIT 1;
	IF NOT FOUND THEN
		RETURN QUERY
		SELECT 2, why, NULL::bigint, m.id, m.name, u.duty_phone::text, NULL::numeric
		  FROM equipment.maintenance_unit u JOIN core.entity m ON m.id = u.entity_id
		 WHERE u.status = 'active' AND u.entity_id IS DISTINCT FROM coalesce(i.level1_entity_id, e.maintenance_entity_id)
		 ORDER BY m.division_code = e.division_code DESC NULLS LAST, u.id
		 LIMIT 1;
	END IF;
END $$;
COMMENT ON FUNCTION core.rescue_proposals_at(rights.rescue_incident, timestamptz) IS
	'某一时刻 96333 事件的升级提议：二级（就近其他救援力量）、三级（119），已否决的同一原因不再提议';

CREATE FUNCTION core.rescue_reason_label(reason text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
RETURN CASE reason WHEN 'no_unit' THEN '电梯没有签约维保单位' WHEN 'no_ack' THEN '一级响应单位超时未响应'
                   WHEN 'late' THEN '预计无法按时到场' WHEN 'injured' THEN '有人员受伤'
                   WHEN 'level2_failed' THEN '二级响应失败' WHEN 'impossible' THEN '现场无法实施救援'
                   ELSE '其他' END;
COMMENT ON FUNCTION core.rescue_reason_label(text) IS '升级原因的中文说明';

CREATE FUNCTION api.rescue_proposals(p_id bigint)
RETURNS TABLE (level integer, reason text, reason_text text, target text, target_phone text, distance_km numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
#variable_conflict use_column
DECLARE
	i rights.rescue_incident;
BEGIN
	PERFORM core.require_role('dispatcher', 'supervisor', 'analyst');
	SELECT * INTO i FROM rights.rescue_incident x WHERE x.id = p_id;
	IF NOT FOUND OR NOT core.rescue_visible(i.district_org_id) THEN
		RAISE EXCEPTION '没有编号为 % 的 96333 事件，或不在本机构范围内', p_id USING ERRCODE = 'no_data_found';
	END IF;
	RETURN QUERY SELECT p.level, p.reason, core.rescue_reason_label(p.reason), p.target, p.target_phone, p.distance_km
	               FROM core.rescue_proposals_at(i, core.now()) p ORDER BY p.level DESC;
END $$;
COMMENT ON FUNCTION api.rescue_proposals(bigint) IS '96333 事件当前的升级提议（级别、原因、建议派遣的救援力量及电话、距离）';

-- Escalate to p_level (default: the highest proposal). Without p_target the
-- proposal's target is sent; a target of one's own (a rescue station code,
-- a maintenance unit's USCC, or 119) that differs from the proposal is an
-- override and needs p_note; so does level 3 without a proposal.
CREATE FUNCTION api.rescue_escalate(p_id bigint, p_version integer DEFAULT NULL, p_level integer DEFAULT NULL,
                                    p_target text DEFAULT NULL, p_note text DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	i rights.rescue_incident := core.rescue_for_change(p_id, p_version,
		'{received,dispatched,acknowledged,en_route,arrived}', '升级响应');
	st text := rights.rescue_state(i);
	p record;
	lvl integer := p_level;
	sid bigint;
	uid bigint;
	tname text;
	why text;
	t timestamptz;
BEGIN
	IF lvl IS NULL THEN
		SELECT max(x.level) INTO lvl FROM core.rescue_proposals_at(i, core.now()) x;
		IF lvl IS NULL THEN
			RAISE EXCEPTION '事件 % 现在没有升级提议；要升级请指明级别和理由', i.incident_no
				USING ERRCODE = 'object_not_in_prerequisite_state';
		END IF;
	END IF;
	IF lvl NOT IN (2, 3) THEN
		RAISE EXCEPTION '升级只能到二级或三级' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	SELECT * INTO p FROM core.rescue_proposals_at(i, core.now()) x WHERE x.level = lvl;
	IF lvl = 3 THEN
		IF i.level3_dispatched_at IS NOT NULL THEN
			PERFORM core.rescue_for_change(p_id, -1, '{}', '再次通知 119');
		END IF;
		IF p.level IS NULL AND NOT core.present(p_note) THEN
			RAISE EXCEPTION '没有三级响应提议时，通知 119 须写明理由（如现场无法实施救援）' USING ERRCODE = 'not_null_violation';
		END IF;
		why := coalesce(p.reason, 'impossible');
		t := core.rescue_moment(i.received_at);
		UPDATE rights.rescue_incident x
		   SET level3_dispatched_at = t,
		       level3_reason = core.rescue_reason_label(why) || coalesce('：' || nullif(btrim(p_note), ''), ''),
		       version = x.version + 1
		 WHERE x.id = i.id RETURNING * INTO i;
		PERFORM core.rescue_log(i, 'level3', st, 3, why, NULL, '119', p_note);
		RETURN i.version;
	END IF;
	IF i.level2_dispatched_at IS NOT NULL OR i.level3_dispatched_at IS NOT NULL THEN
		PERFORM core.rescue_for_change(p_id, -1, '{}', '启动二级响应');
	END IF;
	IF core.present(p_target) THEN
		SELECT s.id, s.name INTO sid, tname FROM equipment.rescue_station s
		 WHERE s.code = btrim(p_target) AND s.active AND s.kind <> 'fire_station';
		IF sid IS NULL THEN
			SELECT e.id, e.name INTO uid, tname FROM core.entity e JOIN equipment.maintenance_unit u ON u.entity_id = e.id
			 WHERE e.uscc = core.uscc_normalize(p_target) AND u.status = 'active';
		END IF;
		IF sid IS NULL AND uid IS NULL THEN
			RAISE EXCEPTION '没有在用的救援站（站点编号）或维保单位（统一社会信用代码）“%”', p_target
				USING ERRCODE = 'no_data_found';
		END IF;
	ELSIF p.level IS NULL THEN
		RAISE EXCEPTION '事件 % 现在没有二级响应提议；请指明派遣的救援站或维保单位并写明理由', i.incident_no
			USING ERRCODE = 'object_not_in_prerequisite_state';
	ELSE
		sid := p.station_id;
		uid := p.entity_id;
		tname := p.target;
	END IF;
	IF (p.level IS NULL OR sid IS DISTINCT FROM p.station_id OR uid IS DISTINCT FROM p.entity_id)
	   AND NOT core.present(p_note) THEN
		RAISE EXCEPTION '改派提议以外的救援力量须写明理由' USING ERRCODE = 'not_null_violation';
	END IF;
	why := coalesce(p.reason, 'other');
	t := core.rescue_moment(greatest(i.identified_at, i.level1_dispatched_at));
	UPDATE rights.rescue_incident x
	   SET level2_station_id = sid, level2_entity_id = uid, level2_dispatched_at = t,
	       level2_reason = core.rescue_reason_label(why) || coalesce('：' || nullif(btrim(p_note), ''), ''),
	       version = x.version + 1
	 WHERE x.id = i.id RETURNING * INTO i;
	PERFORM core.rescue_log(i, 'level2', st, 2, why,
	                        CASE WHEN p.level IS NOT NULL AND p.target IS DISTINCT FROM tname THEN p.target END,
	                        tname, p_note);
	RETURN i.version;
END $$;
COMMENT ON FUNCTION api.rescue_escalate(bigint, integer, integer, text, text) IS
	'升级响应：采纳提议（不给派遣对象），或改派（救援站编号、维保单位代码，须写理由）；无提议时通知 119 须写理由；返回新版本号';

CREATE FUNCTION api.rescue_decline(p_id bigint, p_version integer DEFAULT NULL, p_level integer DEFAULT NULL,
                                   p_note text DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	i rights.rescue_incident := core.rescue_for_change(p_id, p_version,
		'{received,dispatched,acknowledged,en_route,arrived}', '否决升级提议');
	p record;
BEGIN
	SELECT * INTO p FROM core.rescue_proposals_at(i, core.now()) x
	 WHERE p_level IS NULL OR x.level = p_level ORDER BY x.level DESC LIMIT 1;
	IF p.level IS NULL THEN
		RAISE EXCEPTION '事件 % 现在没有可否决的升级提议', i.incident_no USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	IF NOT core.present(p_note) THEN
		RAISE EXCEPTION '否决升级提议须写明理由' USING ERRCODE = 'not_null_violation';
	END IF;
	UPDATE rights.rescue_incident x SET version = x.version + 1 WHERE x.id = i.id RETURNING * INTO i;
	PERFORM core.rescue_log(i, 'declined', rights.rescue_state(i), p.level, p.reason, p.target, NULL, p_note);
	RETURN i.version;
END $$;
COMMENT ON FUNCTION api.rescue_decline(bigint, integer, integer, text) IS '否决升级提议（须写理由，记下谁、何时、否决了什么）；返回新版本号';

-- The live board: every open incident (or one, by id, whatever its state),
-- most urgent first, with what a client needs to tick its clocks itself.
CREATE FUNCTION api.rescue_board(p_id bigint DEFAULT NULL)
RETURNS TABLE (id bigint, incident_no text, version integer, state text, level integer, received_at timestamptz,
               address text, trapped integer, injured boolean, dispatched_at timestamptz, deadline_at timestamptz,
               unit text, unit_phone text, handler text, handler_since timestamptz, proposal integer,
               next_check_at timestamptz, district_org_id bigint, server_now timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
#variable_conflict use_column
DECLARE
	t timestamptz := core.now();
	n interval := make_interval(mins => core.setting_int('rescue_escalate_no_ack_minutes'));
	everyone boolean := core.caller_has('dispatcher') OR core.caller_has('analyst');
	orgs bigint[] := api.my_orgs();
BEGIN
	PERFORM core.require_role('dispatcher', 'supervisor', 'analyst');
	RETURN QUERY
	SELECT i.id, i.incident_no, i.version, rights.rescue_state(i), rights.rescue_level(i), i.received_at,
	       e.address, i.trapped_count::integer, i.injured,
	       coalesce(i.level2_dispatched_at, i.level1_dispatched_at), rights.rescue_deadline(i),
	       coalesce(s2.name, u2.name, u1.name, um.name),
	       coalesce(s2.duty_phone, mu2.duty_phone, mu1.duty_phone)::text,
	       h.full_name, i.handler_since,
	       (SELECT max(p.level) FROM core.rescue_proposals_at(i, t) p),
	       CASE WHEN i.status = 'open' AND i.arrived_at IS NULL THEN
	            (SELECT min(m) FROM unnest(ARRAY[
	                CASE WHEN i.acknowledged_at IS NULL AND i.level1_dispatched_at + n > t THEN i.level1_dispatched_at + n END,
	                CASE WHEN i.level2_dispatched_at + n > t THEN i.level2_dispatched_at + n END,
	                CASE WHEN rights.rescue_deadline(i) > t THEN rights.rescue_deadline(i) END]) m) END,
	       i.district_org_id, t
	  FROM rights.rescue_incident i
	  LEFT JOIN equipment.elevator e ON e.id = i.elevator_id
	  LEFT JOIN core.entity um ON um.id = e.maintenance_entity_id
	  LEFT JOIN core.entity u1 ON u1.id = i.level1_entity_id
	  LEFT JOIN equipment.maintenance_unit mu1 ON mu1.entity_id = coalesce(i.level1_entity_id, e.maintenance_entity_id)
	  LEFT JOIN core.entity u2 ON u2.id = i.level2_entity_id
	  LEFT JOIN equipment.maintenance_unit mu2 ON mu2.entity_id = i.level2_entity_id
	  LEFT JOIN equipment.rescue_station s2 ON s2.id = i.level2_station_id
	  LEFT JOIN core.staff h ON h.id = i.handler_staff_id
	 WHERE i.id = ANY (CASE WHEN p_id IS NULL
	                        THEN ARRAY(SELECT x.id FROM rights.rescue_incident x WHERE x.status = 'open')
	                        ELSE ARRAY[p_id] END)
	   AND (everyone OR i.district_org_id = ANY (orgs))
	 ORDER BY i.injured DESC, rights.rescue_deadline(i), i.id;
END $$;
COMMENT ON FUNCTION api.rescue_board(bigint) IS
	'96333 大屏：全部未结事件（或按编号一条），最急的在前；含到场期限、下次需要重查的时刻和数据库的当前时间，客户端据此自己走钟';

-- An incident number (or internal id) to its id; NULL when none is visible.
CREATE FUNCTION api.rescue_find(p_no text) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
	SELECT i.id FROM rights.rescue_incident i
	 WHERE (i.incident_no = upper(btrim(p_no))
	        OR i.id = CASE WHEN btrim(p_no) ~ '^[0-9]{1,18}$' THEN btrim(p_no)::bigint END)
	   AND core.rescue_visible(i.district_org_id)
	 ORDER BY i.incident_no = upper(btrim(p_no)) DESC LIMIT 1
$$;
COMMENT ON FUNCTION api.rescue_find(text) IS '按事件编号（或内部编号）找 96333 事件；没有或不在范围内时为空';

-- One incident in full (caller's phone masked: api.personal() shows it, audited).
CREATE FUNCTION api.rescue_show(p_id bigint)
RETURNS TABLE (field text, value text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	i rights.rescue_incident;
	b record;
	fmt constant text := 'YYYY-MM-DD HH24:MI:SS';
BEGIN
	PERFORM core.require_role('dispatcher', 'supervisor', 'analyst');
	SELECT * INTO i FROM rights.rescue_incident x WHERE x.id = p_id;
	IF NOT FOUND OR NOT core.rescue_visible(i.district_org_id) THEN
		RAISE EXCEPTION '没有编号为 % 的 96333 事件，或不在本机构范围内', p_id USING ERRCODE = 'no_data_found';
	END IF;
	SELECT * INTO b FROM api.rescue_board(p_id);
	RETURN QUERY SELECT x.f, x.v FROM (VALUES
		(1, 'incident_no', i.incident_no), (2, 'state', rights.rescue_state(i)), (3, 'version', i.version::text),
		(4, 'level', rights.rescue_level(i)::text), (5, 'received_at', to_char(i.received_at AT TIME ZONE 'Asia/Shanghai', fmt)),
		(6, 'deadline_at', to_char(b.deadline_at AT TIME ZONE 'Asia/Shanghai', fmt)),
		(7, 'rescue_code', i.rescue_code_given),
		(8, 'registration_code', (SELECT e.registration_code FROM equipment.elevator e WHERE e.id = i.elevator_id)),
		(9, 'address', b.address), (10, 'caller_phone', core.mask_phone(i.caller_phone)),
		(11, 'trapped', i.trapped_count::text), (12, 'injured', CASE WHEN i.injured THEN 'true' ELSE 'false' END),
		(13, 'unit', b.unit), (14, 'unit_phone', b.unit_phone),
		(15, 'dispatched_at', to_char(i.level1_dispatched_at AT TIME ZONE 'Asia/Shanghai', fmt)),
		(16, 'acknowledged_at', to_char(i.acknowledged_at AT TIME ZONE 'Asia/Shanghai', fmt)),
		(17, 'en_route_at', to_char(i.en_route_at AT TIME ZONE 'Asia/Shanghai', fmt)),
		(18, 'eta_at', to_char(i.eta_at AT TIME ZONE 'Asia/Shanghai', fmt)),
		(19, 'arrived_at', to_char(i.arrived_at AT TIME ZONE 'Asia/Shanghai', fmt)),
		(20, 'level2_at', to_char(i.level2_dispatched_at AT TIME ZONE 'Asia/Shanghai', fmt)),
		(21, 'level2_reason', i.level2_reason),
		(22, 'level3_at', to_char(i.level3_dispatched_at AT TIME ZONE 'Asia/Shanghai', fmt)),
		(23, 'level3_reason', i.level3_reason),
		(24, 'released_at', to_char(i.released_at AT TIME ZONE 'Asia/Shanghai', fmt)),
		(25, 'closed_at', to_char(i.closed_at AT TIME ZONE 'Asia/Shanghai', fmt)),
		(26, 'cause', (SELECT c.name FROM core.rescue_cause c WHERE c.code = i.cause_code)),
		(27, 'cancel_reason', i.cancel_reason),
		(28, 'callback', i.callback_result),
		(29, 'handler', b.handler), (30, 'handler_since', to_char(b.handler_since AT TIME ZONE 'Asia/Shanghai', 'HH24:MI')),
		(31, 'note', i.note)) AS x (ord, f, v)
	 ORDER BY x.ord;
END $$;
COMMENT ON FUNCTION api.rescue_show(bigint) IS '一件 96333 事件的全部信息（字段名、值；报警人电话脱敏）';

CREATE FUNCTION api.rescue_steps(p_id bigint)
RETURNS TABLE (at timestamptz, step text, staff text, from_state text, to_state text, level smallint, reason text,
               proposed text, target text, note text, version integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
#variable_conflict use_column
BEGIN
	PERFORM core.require_role('dispatcher', 'supervisor', 'analyst');
	IF NOT EXISTS (SELECT 1 FROM rights.rescue_incident i WHERE i.id = p_id AND core.rescue_visible(i.district_org_id)) THEN
		RAISE EXCEPTION '没有编号为 % 的 96333 事件，或不在本机构范围内', p_id USING ERRCODE = 'no_data_found';
	END IF;
	RETURN QUERY SELECT s.at, s.step, st.full_name, s.from_state, s.to_state, s.level, s.reason, s.proposed, s.target,
	                    s.note, s.version
	               FROM rights.rescue_step s LEFT JOIN core.staff st ON st.id = s.staff_id
	              WHERE s.incident_id = p_id ORDER BY s.id;
END $$;
COMMENT ON FUNCTION api.rescue_steps(bigint) IS '96333 事件的各步：时间、步骤、调度员、前后状态、级别、原因、提议、派遣对象、说明';

-- Recent incidents, newest first (open ones only with p_open).
CREATE FUNCTION api.rescue_list(p_open boolean DEFAULT false, p_limit integer DEFAULT 50)
RETURNS TABLE (id bigint, incident_no text, state text, level integer, received_at timestamptz, address text,
               trapped integer, unit text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
#variable_conflict use_column
BEGIN
	PERFORM core.require_role('dispatcher', 'supervisor', 'analyst');
	RETURN QUERY
	SELECT i.id, i.incident_no, rights.rescue_state(i), rights.rescue_level(i), i.received_at, e.address,
	       i.trapped_count::integer, coalesce(s2.name, u2.name, u1.name)
	  FROM rights.rescue_incident i
	  LEFT JOIN equipment.elevator e ON e.id = i.elevator_id
	  LEFT JOIN core.entity u1 ON u1.id = i.level1_entity_id
	  LEFT JOIN core.entity u2 ON u2.id = i.level2_entity_id
	  LEFT JOIN equipment.rescue_station s2 ON s2.id = i.level2_station_id
	 WHERE (NOT coalesce(p_open, false) OR i.status = 'open') AND core.rescue_visible(i.district_org_id)
	 ORDER BY i.received_at DESC, i.id DESC
	 LIMIT greatest(1, least(coalesce(p_limit, 50), 1000));
END $$;
COMMENT ON FUNCTION api.rescue_list(boolean, integer) IS '最近的 96333 事件，新的在前（p_open 时只列未结的）';

REVOKE ALL ON FUNCTION core.rescue_proposals_at(rights.rescue_incident, timestamptz), core.rescue_reason_label(text),
	api.rescue_proposals(bigint), api.rescue_escalate(bigint, integer, integer, text, text),
	api.rescue_decline(bigint, integer, integer, text), api.rescue_board(bigint), api.rescue_find(text),
	api.rescue_show(bigint), api.rescue_steps(bigint), api.rescue_list(boolean, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION core.rescue_reason_label(text) TO smcon_staff;
GRANT EXECUTE ON FUNCTION api.rescue_escalate(bigint, integer, integer, text, text),
	api.rescue_decline(bigint, integer, integer, text) TO smcon_dispatcher, smcon_supervisor;
GRANT EXECUTE ON FUNCTION api.rescue_proposals(bigint), api.rescue_board(bigint), api.rescue_find(text),
	api.rescue_show(bigint), api.rescue_steps(bigint), api.rescue_list(boolean, integer)
	TO smcon_dispatcher, smcon_supervisor, smcon_analyst;
