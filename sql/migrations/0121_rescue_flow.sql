-- 0121 the 96333 desk, part 2: intake and the guarded state machine.
--
-- received → dispatched (level 1: the contracted unit) → acknowledged →
-- en route → arrived → released → closed (cause) → callback done; cancelled
-- (false alarm, self-released …) ends an incident before release with its
-- own reason. The state is read from the step times the table already keeps
-- (rights.rescue_state()); every change goes through an api function that
-- locks the row, checks the state it expects (and the version the caller saw,
-- when given), writes, records the step in rights.rescue_step (who, when,
-- what, why), bumps the version and notifies channel smcon_rescue with
-- {id, district, state, version}: never names, phones or text. A refused
-- change raises serialization_failure (40001, exit 5 in command mode) with the
-- current state and the last step, so the loser of a race knows who won.
--
-- Time comes from core.now() (the test clock in tests), never now().

-- 1. Columns and the step log ------------------------------------------------

ALTER TABLE rights.rescue_incident
	ADD COLUMN version integer NOT NULL DEFAULT 0 CHECK (version >= 0),
	ADD COLUMN handler_staff_id bigint REFERENCES core.staff (id),
	ADD COLUMN handler_since timestamptz,
	ADD COLUMN eta_at timestamptz,
	ADD COLUMN cancel_reason text CHECK (cancel_reason IN ('false_alarm', 'self_released', 'duplicate', 'other')),
	ADD CONSTRAINT rescue_incident_handler CHECK ((handler_staff_id IS NULL) = (handler_since IS NULL)),
	ADD CONSTRAINT rescue_incident_cancel_reason CHECK (cancel_reason IS NULL OR status = 'cancelled');
COMMENT ON COLUMN rights.rescue_incident.version IS '版本号（每次状态变化加一，防止两名调度员同时操作）';
COMMENT ON COLUMN rights.rescue_incident.handler_staff_id IS '正在处理的调度员（提示用，接手记入步骤）';
COMMENT ON COLUMN rights.rescue_incident.handler_since IS '该调度员开始处理的时间';
COMMENT ON COLUMN rights.rescue_incident.eta_at IS '救援单位出发时报的预计到场时间';
COMMENT ON COLUMN rights.rescue_incident.cancel_reason IS '撤销原因：false_alarm 误报，self_released 已自行脱困，duplicate 重复报警，other 其他';
CREATE INDEX rescue_incident_handler_staff_id_idx ON rights.rescue_incident (handler_staff_id);
GRANT SELECT (version, handler_staff_id, handler_since, eta_at, cancel_reason) ON rights.rescue_incident TO smcon_staff;

CREATE SEQUENCE rights.rescue_no_seq;
COMMENT ON SEQUENCE rights.rescue_no_seq IS '本系统接警的 96333 事件流水号';

CREATE TABLE rights.rescue_step (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	incident_id bigint NOT NULL REFERENCES rights.rescue_incident (id),
	step text NOT NULL CHECK (step IN ('received', 'dispatched', 'acknowledged', 'en_route', 'arrived', 'released',
	                                   'closed', 'callback', 'cancelled', 'level2', 'level3', 'declined', 'taken')),
	at timestamptz NOT NULL,
	staff_id bigint REFERENCES core.staff (id),
	from_state text,
	to_state text NOT NULL,
	level smallint CHECK (level BETWEEN 1 AND 3),
	reason text CHECK (reason IN ('no_unit', 'no_ack', 'late', 'injured', 'level2_failed', 'impossible', 'other')),
	proposed text,
	target text,
	note text,
	version integer NOT NULL
);
COMMENT ON TABLE rights.rescue_step IS '96333 事件的每一步：谁、何时、做了什么、为什么（升级提议的采纳或否决、接手）';
COMMENT ON COLUMN rights.rescue_step.id IS '内部编号';
COMMENT ON COLUMN rights.rescue_step.incident_id IS '事件';
COMMENT ON COLUMN rights.rescue_step.step IS '步骤：received 接警，dispatched 派单，acknowledged 响应，en_route 出发，arrived 到场，released 解救，closed 结案，callback 回访，cancelled 撤销，level2 二级响应，level3 三级响应（119），declined 否决升级提议，taken 接手';
COMMENT ON COLUMN rights.rescue_step.at IS '时间';
COMMENT ON COLUMN rights.rescue_step.staff_id IS '操作的调度员（生成的历史为空）';
COMMENT ON COLUMN rights.rescue_step.from_state IS '操作前状态';
COMMENT ON COLUMN rights.rescue_step.to_state IS '操作后状态';
COMMENT ON COLUMN rights.rescue_step.level IS '响应级别（升级、否决时）';
COMMENT ON COLUMN rights.rescue_step.reason IS '升级原因：no_unit 无签约维保单位，no_ack 超时未响应，late 预计超时到场，injured 有人受伤，level2_failed 二级响应失败，impossible 无法现场救援，other 其他';
COMMENT ON COLUMN rights.rescue_step.proposed IS '系统提议的救援力量（与实际派遣不同或被否决时）';
COMMENT ON COLUMN rights.rescue_step.target IS '派遣的单位或救援站';
COMMENT ON COLUMN rights.rescue_step.note IS '说明（改派、否决提议、接手时必填）';
COMMENT ON COLUMN rights.rescue_step.version IS '操作后的事件版本号';
CREATE INDEX rescue_step_incident_id_idx ON rights.rescue_step (incident_id, id);
CREATE INDEX rescue_step_staff_id_idx ON rights.rescue_step (staff_id);
SELECT audit.attach('rights.rescue_step');

-- 2. State, labels, scope ----------------------------------------------------

CREATE FUNCTION rights.rescue_state(i rights.rescue_incident) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
RETURN CASE WHEN i.status = 'cancelled' THEN 'cancelled'
            WHEN i.callback_at IS NOT NULL THEN 'callback_done'
            WHEN i.status = 'closed' THEN 'closed'
            WHEN i.released_at IS NOT NULL THEN 'released'
            WHEN i.arrived_at IS NOT NULL THEN 'arrived'
            WHEN i.en_route_at IS NOT NULL THEN 'en_route'
            WHEN i.acknowledged_at IS NOT NULL THEN 'acknowledged'
            WHEN i.level1_dispatched_at IS NOT NULL OR i.level2_dispatched_at IS NOT NULL THEN 'dispatched'
            ELSE 'received' END;
COMMENT ON FUNCTION rights.rescue_state(rights.rescue_incident) IS
	'96333 事件的状态：received 已接警，dispatched 已派单，acknowledged 已响应，en_route 已出发，arrived 已到场，released 已解救，closed 已结案，callback_done 已回访，cancelled 已撤销';

CREATE FUNCTION core.rescue_state_label(state text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
RETURN CASE state WHEN 'received' THEN '已接警' WHEN 'dispatched' THEN '已派单' WHEN 'acknowledged' THEN '已响应'
                  WHEN 'en_route' THEN '已出发' WHEN 'arrived' THEN '已到场' WHEN 'released' THEN '已解救'
                  WHEN 'closed' THEN '已结案' WHEN 'callback_done' THEN '已回访' WHEN 'cancelled' THEN '已撤销'
                  ELSE state END;
COMMENT ON FUNCTION core.rescue_state_label(text) IS '96333 事件状态的中文名';

CREATE FUNCTION rights.rescue_level(i rights.rescue_incident) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
RETURN CASE WHEN i.level3_dispatched_at IS NOT NULL THEN 3 WHEN i.level2_dispatched_at IS NOT NULL THEN 2
            WHEN i.level1_dispatched_at IS NOT NULL THEN 1 ELSE 0 END;
COMMENT ON FUNCTION rights.rescue_level(rights.rescue_incident) IS '已启动的最高响应级别（0 尚未派单）';

-- The moment the rescuers must be there: the call time plus the area's limit.
CREATE FUNCTION rights.rescue_deadline(i rights.rescue_incident) RETURNS timestamptz
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
RETURN i.received_at + make_interval(mins => coalesce(i.arrival_limit_minutes::integer,
                                                      core.rescue_limit_minutes(i.elevator_id), 30));
COMMENT ON FUNCTION rights.rescue_deadline(rights.rescue_incident) IS '到场期限：接警时间加所在区域的到场时限';

CREATE FUNCTION core.rescue_visible(district bigint) RETURNS boolean
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
RETURN core.caller_has('dispatcher') OR core.caller_has('analyst') OR district = ANY (api.my_orgs());
COMMENT ON FUNCTION core.rescue_visible(bigint) IS '当前账号能否看到某区局的 96333 事件（调度员、统计分析员全部，其他按数据范围）';

CREATE FUNCTION core.rescue_km(lat1 numeric, lon1 numeric, lat2 numeric, lon2 numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
RETURN round((6371 * 2 * asin(sqrt(power(sin(radians((lat2 - lat1)::float8) / 2), 2)
              + cos(radians(lat1::float8)) * cos(radians(lat2::float8))
                * power(sin(radians((lon2 - lon1)::float8) / 2), 2))))::numeric, 1);
COMMENT ON FUNCTION core.rescue_km(numeric, numeric, numeric, numeric) IS '两点间的球面距离（公里，一位小数）；缺坐标时为空';

-- 3. Locking, logging, notifying ----------------------------------------------

-- The incident p_id, locked, in one of p_states and (when given) at version
-- p_version; otherwise 40001 with the state it is in and its last step.
CREATE FUNCTION core.rescue_for_change(p_id bigint, p_version integer, p_states text[], p_verb text)
RETURNS rights.rescue_incident
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	i rights.rescue_incident;
	st text;
	last text;
BEGIN
	PERFORM core.require_role('dispatcher', 'supervisor');
	SELECT * INTO i FROM rights.rescue_incident x WHERE x.id = p_id FOR UPDATE;
	IF NOT FOUND OR NOT core.rescue_visible(i.district_org_id) THEN
		RAISE EXCEPTION '没有编号为 % 的 96333 事件，或不在本机构范围内', p_id USING ERRCODE = 'no_data_found';
	END IF;
	st := rights.rescue_state(i);
	IF st = ANY (p_states) AND (p_version IS NULL OR p_version = i.version) THEN
		RETURN i;
	END IF;
	SELECT coalesce(s.full_name, '系统') || ' ' || to_char(x.at AT TIME ZONE 'Asia/Shanghai', 'HH24:MI:SS') || ' '
	       || CASE x.step WHEN 'level2' THEN '启动二级响应' WHEN 'level3' THEN '通知 119'
	                      WHEN 'declined' THEN '否决升级提议' WHEN 'taken' THEN '接手'
	                      WHEN 'callback' THEN '回访' ELSE core.rescue_state_label(x.to_state) END
	  INTO last
	  FROM rights.rescue_step x LEFT JOIN core.staff s ON s.id = x.staff_id
	 WHERE x.incident_id = i.id ORDER BY x.id DESC LIMIT 1;
	IF st = ANY (p_states) THEN
		RAISE EXCEPTION '事件 % 已被他人改动（当前状态：%，最近一步：%），请刷新后再%', i.incident_no,
			core.rescue_state_label(st), coalesce(last, '—'), p_verb
			USING ERRCODE = 'serialization_failure', DETAIL = format('state=%s version=%s', st, i.version);
	END IF;
	RAISE EXCEPTION '事件 % 当前状态为“%”（最近一步：%），不能%', i.incident_no, core.rescue_state_label(st),
		coalesce(last, '—'), p_verb
		USING ERRCODE = 'serialization_failure', DETAIL = format('state=%s version=%s', st, i.version);
END $$;
COMMENT ON FUNCTION core.rescue_for_change(bigint, integer, text[], text) IS
	'取出并锁定要改动的 96333 事件：须在所列状态之一、版本号相符（给出时），否则报 40001 并说明当前状态和最近一步';

-- Records a step of i (already updated, version bumped) and notifies.
CREATE FUNCTION core.rescue_log(i rights.rescue_incident, p_step text, p_from text, p_level integer DEFAULT NULL,
                                p_reason text DEFAULT NULL, p_proposed text DEFAULT NULL,
                                p_target text DEFAULT NULL, p_note text DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
	INSERT INTO rights.rescue_step (incident_id, step, at, staff_id, from_state, to_state, level, reason, proposed,
	                                target, note, version)
	VALUES (i.id, p_step, core.now(), (core.caller_staff()).staff_id, p_from, rights.rescue_state(i), p_level,
	        p_reason, p_proposed, p_target, nullif(btrim(p_note), ''), i.version);
	PERFORM pg_notify('smcon_rescue', json_build_object('id', i.id, 'district', i.district_org_id,
	                                                    'state', rights.rescue_state(i), 'version', i.version)::text);
END $$;
COMMENT ON FUNCTION core.rescue_log(rights.rescue_incident, text, text, integer, text, text, text, text) IS
	'记下 96333 事件的一步（谁、何时、前后状态、原因、说明）并发出通知 smcon_rescue（只含编号、区局、状态、版本）';

-- Each step's moment: the clock, never before the step it follows (the
-- constraint keeps the steps in order).
CREATE FUNCTION core.rescue_moment(after timestamptz) RETURNS timestamptz
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
RETURN greatest(core.now(), after);
COMMENT ON FUNCTION core.rescue_moment(timestamptz) IS '一步的时间：当前时间（测试时钟），不早于前一步';

-- 4. Intake -----------------------------------------------------------------

CREATE FUNCTION api.rescue_new(p_code text, p_phone text, p_trapped integer, p_injured boolean DEFAULT false,
                               p_note text DEFAULT NULL, p_caller_name text DEFAULT NULL,
                               OUT id bigint, OUT incident_no text, OUT version integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
#variable_conflict use_column
DECLARE
	me record;
	eid bigint;
	t timestamptz := core.now();
	i rights.rescue_incident;
BEGIN
	PERFORM core.require_role('dispatcher', 'supervisor');
	SELECT * INTO me FROM core.caller_staff();
	eid := core.elevator_by_code(coalesce(p_code, ''));
	IF eid IS NULL THEN
		RAISE EXCEPTION '没有救援识别码或注册代码为“%”的电梯', coalesce(p_code, '')
			USING ERRCODE = 'no_data_found', HINT = '没有识别码时按地址或使用单位查找电梯（smcon elevator search）';
	END IF;
	IF p_trapped IS NULL OR p_trapped < 0 OR p_trapped > 50 THEN
		RAISE EXCEPTION '被困人数须为 0 到 50' USING ERRCODE = 'check_violation', CONSTRAINT = 'rescue_trapped_count';
	END IF;
	IF NOT core.present(p_phone) THEN
		RAISE EXCEPTION '须有报警人电话（回访用）' USING ERRCODE = 'not_null_violation';
	END IF;
	BEGIN
		PERFORM btrim(p_phone)::core.phone;
	EXCEPTION WHEN check_violation THEN
		RAISE EXCEPTION '报警人电话“%”：只能有数字和连字符（可带 + 号），4 到 24 位', p_phone
			USING ERRCODE = 'check_violation', CONSTRAINT = 'phone_format';
	END;
	INSERT INTO rights.rescue_incident AS x (incident_no, kind, received_at, received_by_staff_id, caller_name,
	                                         caller_phone, rescue_code_given, elevator_id, identified_at,
	                                         trapped_count, injured, arrival_limit_minutes, level3_dispatched_at,
	                                         level3_reason, note, source_system, handler_staff_id, handler_since)
	VALUES ('WX96333-' || to_char(t AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-'
	            || lpad(nextval('rights.rescue_no_seq')::text, 5, '0'),
	        CASE WHEN p_trapped > 0 THEN 'trapped' ELSE 'fault' END, t, me.staff_id,
	        nullif(btrim(p_caller_name), ''), btrim(p_phone), btrim(p_code), eid, t, p_trapped,
	        coalesce(p_injured, false), core.rescue_limit_minutes(eid),
	        CASE WHEN p_injured THEN t END, CASE WHEN p_injured THEN '有人员受伤，通知 119' END,
	        nullif(btrim(p_note), ''), 'smcon', me.staff_id, t)
	RETURNING * INTO i;
	PERFORM core.rescue_log(i, 'received', NULL);
	IF p_injured THEN
		PERFORM core.rescue_log(i, 'level3', 'received', 3, 'injured', NULL, '119');
	END IF;
	id := i.id;
	incident_no := i.incident_no;
	version := i.version;
END $$;
COMMENT ON FUNCTION api.rescue_new(text, text, integer, boolean, text, text) IS
	'96333 接警：按救援识别码（或注册代码）确认电梯，记下报警人电话、被困人数、是否有人受伤（即通知 119）和备注；计时从接警时刻开始；返回事件编号';

-- 5. The steps ---------------------------------------------------------------

CREATE FUNCTION api.rescue_dispatch(p_id bigint, p_version integer DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	i rights.rescue_incident := core.rescue_for_change(p_id, p_version, '{received}', '派单');
	unit bigint;
	unit_name text;
BEGIN
	SELECT e.maintenance_entity_id, m.name INTO unit, unit_name
	  FROM equipment.elevator e LEFT JOIN core.entity m ON m.id = e.maintenance_entity_id WHERE e.id = i.elevator_id;
	IF unit IS NULL THEN
		RAISE EXCEPTION '事件 % 的电梯没有签约维保单位，不能一级派单', i.incident_no
			USING ERRCODE = 'object_not_in_prerequisite_state', HINT = '按提议启动二级响应（rescue escalate）';
	END IF;
	UPDATE rights.rescue_incident x
	   SET level1_entity_id = unit, level1_dispatched_at = core.rescue_moment(i.identified_at),
	       version = x.version + 1, handler_staff_id = coalesce(x.handler_staff_id, (core.caller_staff()).staff_id),
	       handler_since = coalesce(x.handler_since, core.now())
	 WHERE x.id = i.id RETURNING * INTO i;
	PERFORM core.rescue_log(i, 'dispatched', 'received', 1, NULL, NULL, unit_name);
	RETURN i.version;
END $$;
COMMENT ON FUNCTION api.rescue_dispatch(bigint, integer) IS '一级派单：派给电梯的签约维保单位（须为已接警状态）；返回新版本号';

CREATE FUNCTION api.rescue_ack(p_id bigint, p_version integer DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	i rights.rescue_incident := core.rescue_for_change(p_id, p_version, '{dispatched}', '登记响应');
BEGIN
	UPDATE rights.rescue_incident x
	   SET acknowledged_at = core.rescue_moment(greatest(i.level1_dispatched_at, i.level2_dispatched_at)),
	       version = x.version + 1
	 WHERE x.id = i.id RETURNING * INTO i;
	PERFORM core.rescue_log(i, 'acknowledged', 'dispatched');
	RETURN i.version;
END $$;
COMMENT ON FUNCTION api.rescue_ack(bigint, integer) IS '登记救援单位已响应派单；返回新版本号';

CREATE FUNCTION api.rescue_enroute(p_id bigint, p_version integer DEFAULT NULL, p_eta_minutes integer DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	i rights.rescue_incident := core.rescue_for_change(p_id, p_version, '{acknowledged}', '登记出发');
	t timestamptz;
BEGIN
	IF p_eta_minutes IS NOT NULL AND (p_eta_minutes < 1 OR p_eta_minutes > 600) THEN
		RAISE EXCEPTION '预计到场须在 1 到 600 分钟之内' USING ERRCODE = 'check_violation', CONSTRAINT = 'rescue_eta';
	END IF;
	t := core.rescue_moment(i.acknowledged_at);
	UPDATE rights.rescue_incident x
	   SET en_route_at = t, eta_at = t + make_interval(mins => p_eta_minutes), version = x.version + 1
	 WHERE x.id = i.id RETURNING * INTO i;
	PERFORM core.rescue_log(i, 'en_route', 'acknowledged', NULL, NULL, NULL, NULL,
	                        CASE WHEN p_eta_minutes IS NOT NULL THEN '预计 ' || p_eta_minutes || ' 分钟到场' END);
	RETURN i.version;
END $$;
COMMENT ON FUNCTION api.rescue_enroute(bigint, integer, integer) IS '登记救援人员已出发（可报预计到场分钟数，据此判断能否按时到场）；返回新版本号';

CREATE FUNCTION api.rescue_arrive(p_id bigint, p_version integer DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	i rights.rescue_incident := core.rescue_for_change(p_id, p_version, '{acknowledged,en_route}', '登记到场');
	st text := rights.rescue_state(i);
BEGIN
	UPDATE rights.rescue_incident x
	   SET arrived_at = core.rescue_moment(coalesce(i.en_route_at, i.acknowledged_at)), version = x.version + 1
	 WHERE x.id = i.id RETURNING * INTO i;
	PERFORM core.rescue_log(i, 'arrived', st, NULL, NULL, NULL, NULL,
	                        CASE WHEN i.arrived_at > rights.rescue_deadline(i) THEN '超过到场时限' END);
	RETURN i.version;
END $$;
COMMENT ON FUNCTION api.rescue_arrive(bigint, integer) IS '登记救援人员到场（与到场时限比较）；返回新版本号';

CREATE FUNCTION api.rescue_release(p_id bigint, p_version integer DEFAULT NULL, p_count integer DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	i rights.rescue_incident;
	st text;
BEGIN
	i := core.rescue_for_change(p_id, p_version, '{arrived,dispatched,acknowledged,en_route}', '登记解救');
	st := rights.rescue_state(i);
	IF st <> 'arrived' AND i.level3_dispatched_at IS NULL THEN
		PERFORM core.rescue_for_change(p_id, p_version, '{arrived}', '登记解救');
	END IF;
	IF i.kind <> 'trapped' THEN
		RAISE EXCEPTION '事件 % 没有被困人员，到场后直接结案', i.incident_no USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	UPDATE rights.rescue_incident x
	   SET released_at = core.rescue_moment(coalesce(i.arrived_at, i.en_route_at, i.acknowledged_at,
	                                                  i.level3_dispatched_at, i.level2_dispatched_at)),
	       released_count = least(coalesce(p_count, i.trapped_count), i.trapped_count), version = x.version + 1
	 WHERE x.id = i.id RETURNING * INTO i;
	PERFORM core.rescue_log(i, 'released', st);
	RETURN i.version;
END $$;
COMMENT ON FUNCTION api.rescue_release(bigint, integer, integer) IS
	'登记被困人员已解救（须已到场；已通知 119 时到场前也可）；返回新版本号';

CREATE FUNCTION api.rescue_close(p_id bigint, p_version integer DEFAULT NULL, p_cause text DEFAULT NULL,
                                 p_note text DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	i rights.rescue_incident;
	st text;
BEGIN
	i := core.rescue_for_change(p_id, p_version, '{released,arrived}', '结案');
	st := rights.rescue_state(i);
	IF st = 'arrived' AND i.kind = 'trapped' THEN
		PERFORM core.rescue_for_change(p_id, p_version, '{released}', '结案');
	END IF;
	IF NOT EXISTS (SELECT 1 FROM core.rescue_cause c WHERE c.code = p_cause AND c.active) THEN
		RAISE EXCEPTION '没有困人原因“%”', coalesce(p_cause, '')
			USING ERRCODE = 'invalid_parameter_value',
			      HINT = (SELECT string_agg(c.code || ' ' || c.name, '，' ORDER BY c.parent_code NULLS FIRST, c.sort_order)
			                FROM core.rescue_cause c WHERE c.active);
	END IF;
	UPDATE rights.rescue_incident x
	   SET status = 'closed', closed_at = core.rescue_moment(coalesce(i.released_at, i.arrived_at)),
	       cause_code = p_cause, cause_note = nullif(btrim(p_note), ''), version = x.version + 1
	 WHERE x.id = i.id RETURNING * INTO i;
	PERFORM core.rescue_log(i, 'closed', st, NULL, NULL, NULL, NULL, p_note);
	RETURN i.version;
END $$;
COMMENT ON FUNCTION api.rescue_close(bigint, integer, text, text) IS '结案，须填困人原因（core.rescue_cause）；返回新版本号';

CREATE FUNCTION api.rescue_cancel(p_id bigint, p_version integer DEFAULT NULL, p_reason text DEFAULT NULL,
                                  p_note text DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	i rights.rescue_incident := core.rescue_for_change(p_id, p_version,
		'{received,dispatched,acknowledged,en_route,arrived}', '撤销');
	st text := rights.rescue_state(i);
BEGIN
	IF p_reason IS NULL OR p_reason NOT IN ('false_alarm', 'self_released', 'duplicate', 'other') THEN
		RAISE EXCEPTION '撤销原因须为 false_alarm（误报）、self_released（已自行脱困）、duplicate（重复报警）或 other（其他）'
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF p_reason = 'other' AND NOT core.present(p_note) THEN
		RAISE EXCEPTION '撤销原因为其他时须写明说明' USING ERRCODE = 'not_null_violation';
	END IF;
	UPDATE rights.rescue_incident x
	   SET status = 'cancelled', cancel_reason = p_reason,
	       closed_at = core.rescue_moment(greatest(i.received_at, i.identified_at, i.level1_dispatched_at,
	                                              i.acknowledged_at, i.en_route_at, i.arrived_at,
	                                              i.level2_dispatched_at, i.level3_dispatched_at)),
	       note = coalesce(nullif(btrim(p_note), ''), x.note), version = x.version + 1
	 WHERE x.id = i.id RETURNING * INTO i;
	PERFORM core.rescue_log(i, 'cancelled', st, NULL, NULL, NULL, NULL, p_note);
	RETURN i.version;
END $$;
COMMENT ON FUNCTION api.rescue_cancel(bigint, integer, text, text) IS
	'撤销事件（解救前：误报、已自行脱困、重复报警、其他须说明）；返回新版本号';

CREATE FUNCTION api.rescue_callback(p_id bigint, p_version integer DEFAULT NULL, p_result text DEFAULT NULL,
                                    p_note text DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	i rights.rescue_incident := core.rescue_for_change(p_id, p_version, '{closed}', '登记回访');
BEGIN
	IF p_result IS NULL OR p_result NOT IN ('satisfied', 'unsatisfied', 'unreachable') THEN
		RAISE EXCEPTION '回访结果须为 satisfied（满意）、unsatisfied（不满意）或 unreachable（未接通）'
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	UPDATE rights.rescue_incident x
	   SET callback_at = core.rescue_moment(i.closed_at), callback_result = p_result, version = x.version + 1
	 WHERE x.id = i.id RETURNING * INTO i;
	PERFORM core.rescue_log(i, 'callback', 'closed', NULL, NULL, NULL, NULL, p_note);
	RETURN i.version;
END $$;
COMMENT ON FUNCTION api.rescue_callback(bigint, integer, text, text) IS '登记回访报警人的结果；返回新版本号';

-- The advisory flag: who has the incident open. Taking it over from someone
-- else is recorded; it never blocks a step and does not change the version.
CREATE FUNCTION api.rescue_take(p_id bigint, OUT previous text, OUT since timestamptz)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	i rights.rescue_incident;
	me bigint := (core.caller_staff()).staff_id;
BEGIN
	PERFORM core.require_role('dispatcher', 'supervisor');
	SELECT * INTO i FROM rights.rescue_incident x WHERE x.id = p_id FOR UPDATE;
	IF NOT FOUND OR NOT core.rescue_visible(i.district_org_id) THEN
		RAISE EXCEPTION '没有编号为 % 的 96333 事件，或不在本机构范围内', p_id USING ERRCODE = 'no_data_found';
	END IF;
	SELECT s.full_name INTO previous FROM core.staff s WHERE s.id = i.handler_staff_id;
	since := i.handler_since;
	IF i.handler_staff_id IS NOT DISTINCT FROM me THEN
		RETURN;
	END IF;
	UPDATE rights.rescue_incident x SET handler_staff_id = me, handler_since = core.now()
	 WHERE x.id = i.id RETURNING * INTO i;
	PERFORM core.rescue_log(i, 'taken', rights.rescue_state(i), NULL, NULL, NULL, NULL,
	                        CASE WHEN previous IS NOT NULL THEN '从 ' || previous || ' 接手' END);
END $$;
COMMENT ON FUNCTION api.rescue_take(bigint) IS
	'标明由我处理该事件（提示，不阻止他人操作）；从他人接手记入步骤；返回原处理人及其开始时间';

REVOKE ALL ON FUNCTION rights.rescue_state(rights.rescue_incident), core.rescue_state_label(text),
	rights.rescue_level(rights.rescue_incident), rights.rescue_deadline(rights.rescue_incident),
	core.rescue_visible(bigint), core.rescue_km(numeric, numeric, numeric, numeric),
	core.rescue_for_change(bigint, integer, text[], text),
	core.rescue_log(rights.rescue_incident, text, text, integer, text, text, text, text),
	core.rescue_moment(timestamptz),
	api.rescue_new(text, text, integer, boolean, text, text), api.rescue_dispatch(bigint, integer),
	api.rescue_ack(bigint, integer), api.rescue_enroute(bigint, integer, integer), api.rescue_arrive(bigint, integer),
	api.rescue_release(bigint, integer, integer), api.rescue_close(bigint, integer, text, text),
	api.rescue_cancel(bigint, integer, text, text), api.rescue_callback(bigint, integer, text, text),
	api.rescue_take(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rights.rescue_state(rights.rescue_incident), core.rescue_state_label(text),
	rights.rescue_level(rights.rescue_incident), rights.rescue_deadline(rights.rescue_incident),
	core.rescue_visible(bigint), core.rescue_km(numeric, numeric, numeric, numeric) TO smcon_staff;
GRANT EXECUTE ON FUNCTION api.rescue_new(text, text, integer, boolean, text, text), api.rescue_dispatch(bigint, integer),
	api.rescue_ack(bigint, integer), api.rescue_enroute(bigint, integer, integer), api.rescue_arrive(bigint, integer),
	api.rescue_release(bigint, integer, integer), api.rescue_close(bigint, integer, text, text),
	api.rescue_cancel(bigint, integer, text, text), api.rescue_callback(bigint, integer, text, text),
	api.rescue_take(bigint) TO smcon_dispatcher, smcon_supervisor;
