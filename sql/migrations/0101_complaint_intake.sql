-- 0101 the 12315 desk: the helpers every step uses, and intake.
--
-- Every write goes through a SECURITY DEFINER function here or in 0102/0103
-- that checks the caller's role and scope (the item's handling unit must be
-- in api.my_orgs(): another district's item is 42501, a number that does not
-- exist P0002), checks the transition (55000 naming the current state),
-- writes the item, its clock and one rights.desk_event row, and sends
-- pg_notify('smcon_complaint', {"kind","id","org","state"}): ids and the
-- unit only, never names or text (any role can LISTEN).

CREATE SEQUENCE rights.report_register_seq;
COMMENT ON SEQUENCE rights.report_register_seq IS '本系统登记举报的流水号';
CREATE SEQUENCE rights.consultation_register_seq;
COMMENT ON SEQUENCE rights.consultation_register_seq IS '本系统登记咨询建议的流水号';

-- The word for a state, for messages.
CREATE FUNCTION rights.state_label(p_kind text, p_state text) RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
	SELECT coalesce(CASE p_kind
		WHEN 'complaint' THEN CASE p_state
			WHEN 'draft' THEN '材料待补正' WHEN 'registered' THEN '已登记待受理' WHEN 'accepted' THEN '已受理'
			WHEN 'refused' THEN '不予受理' WHEN 'mediating' THEN '调解中' WHEN 'mediated' THEN '达成调解协议'
			WHEN 'terminated' THEN '终止调解' WHEN 'closed' THEN '办结' WHEN 'merged' THEN '已合并' END
		WHEN 'report' THEN CASE p_state
			WHEN 'registered' THEN '已登记' WHEN 'verifying' THEN '核查中' WHEN 'decided' THEN '已决定是否立案'
			WHEN 'transferred' THEN '已告知向有权机关提出' WHEN 'closed' THEN '办结' WHEN 'merged' THEN '已合并' END
		ELSE CASE p_state WHEN 'open' THEN '待答复' WHEN 'answered' THEN '已答复' END
		END, p_state)
$$;
COMMENT ON FUNCTION rights.state_label(text, text) IS '事项状态的中文名称';

CREATE FUNCTION rights.kind_label(p_kind text) RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$ SELECT CASE p_kind WHEN 'complaint' THEN '投诉' WHEN 'report' THEN '举报' ELSE '咨询建议' END $$;
COMMENT ON FUNCTION rights.kind_label(text) IS '事项类别的中文名称';

-- Refuses an action in the item's current state (55000, naming the state).
CREATE FUNCTION rights.wrong_state(p_kind text, p_no text, p_state text, p_action text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
	RAISE EXCEPTION '% % 当前状态为“%”（%），不能%', rights.kind_label(p_kind), p_no,
		rights.state_label(p_kind, p_state), p_state, p_action
		USING ERRCODE = 'object_not_in_prerequisite_state', DETAIL = 'state=' || p_state;
END $$;
COMMENT ON FUNCTION rights.wrong_state(text, text, text, text) IS '报告当前状态不允许该操作（SQLSTATE 55000，写明当前状态）';

-- The table of an item kind (the only names dynamic SQL here uses).
CREATE FUNCTION rights.kind_table(p_kind text) RETURNS regclass
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
	RETURN CASE p_kind WHEN 'complaint' THEN 'rights.complaint'::regclass
	                   WHEN 'report' THEN 'rights.report'::regclass
	                   WHEN 'consultation' THEN 'rights.consultation'::regclass END;
END $$;
COMMENT ON FUNCTION rights.kind_table(text) IS '事项类别对应的表';

-- The facts of an item every step needs, locked: number, state, unit,
-- handler, clock. Checks the caller's roles and scope: P0002 when there is
-- no such item, 42501 when it is another unit's.
CREATE FUNCTION rights.desk_lock(p_kind text, p_id bigint, VARIADIC p_roles text[],
                                 OUT item_no text, OUT state text, OUT org_id bigint, OUT handler bigint,
                                 OUT clock text, OUT clock_due date, OUT paused_since date,
                                 OUT received_at timestamptz)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
	PERFORM core.require_role(VARIADIC p_roles);
	IF rights.kind_table(p_kind) IS NULL THEN
		RAISE EXCEPTION '没有“%”这类事项：complaint、report 或 consultation', p_kind
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	EXECUTE format('SELECT %s, t.status, t.handling_org_id, %s, t.clock, t.clock_due, t.clock_paused_since,'
	               ' t.received_at FROM %s t WHERE t.id = $1 FOR UPDATE',
	               CASE p_kind WHEN 'complaint' THEN 't.complaint_no' WHEN 'report' THEN 't.report_no'
	                           ELSE 't.consultation_no' END,
	               CASE p_kind WHEN 'consultation' THEN 't.answered_by_staff_id' ELSE 't.handler_staff_id' END,
	               rights.kind_table(p_kind))
		INTO item_no, state, org_id, handler, clock, clock_due, paused_since, received_at USING p_id;
	IF item_no IS NULL THEN
		RAISE EXCEPTION '没有编号为 % 的%', p_id, rights.kind_label(p_kind) USING ERRCODE = 'no_data_found';
	ELSIF NOT org_id = ANY (api.my_orgs()) THEN
		RAISE EXCEPTION '%（%）由%处理，不在本机构范围内', rights.kind_label(p_kind), item_no,
			(SELECT o.name FROM core.org_unit o WHERE o.id = desk_lock.org_id)
			USING ERRCODE = 'insufficient_privilege';
	END IF;
END $$;
COMMENT ON FUNCTION rights.desk_lock(text, bigint, text[]) IS
	'取出并锁定一件事项，检查角色和数据范围（不存在 P0002，非本机构 42501）';

-- Sets the item's clock for its state: a new clock starts at its limit;
-- the same clock keeps its pauses and extensions. Returns the deadline.
CREATE FUNCTION rights.desk_clock_set(p_kind text, p_id bigint, p_clock text, p_since timestamptz)
RETURNS date
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	due date;
	start date := (p_since AT TIME ZONE 'Asia/Shanghai')::date;
BEGIN
	IF p_clock IS NULL THEN
		EXECUTE format('UPDATE %s SET clock = NULL, clock_start = NULL, clock_workdays = NULL, clock_due = NULL,'
		               ' clock_paused_since = NULL, clock_extended_days = 0 WHERE id = $1', rights.kind_table(p_kind))
			USING p_id;
		RETURN NULL;
	END IF;
	due := api.add_workdays(start, core.desk_clock_days(p_clock));
	EXECUTE format('UPDATE %s SET clock = $2, clock_start = $3, clock_workdays = $4, clock_due = $5,'
	               ' clock_paused_since = NULL, clock_extended_days = 0 WHERE id = $1', rights.kind_table(p_kind))
		USING p_id, p_clock, start, core.desk_clock_days(p_clock), due;
	RETURN due;
END $$;
COMMENT ON FUNCTION rights.desk_clock_set(text, bigint, text, timestamptz) IS
	'为事项设定新的办理时限（从起算时间所在日起按工作日计算），或清除时限；返回到期日';

-- One line of the timeline, and the notification of the change.
CREATE FUNCTION rights.desk_log(p_kind text, p_id bigint, p_action text, p_from text, p_note text DEFAULT NULL,
                                p_other bigint DEFAULT NULL) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	st text;
	org bigint;
	ck text;
	due date;
BEGIN
	EXECUTE format('SELECT status, handling_org_id, clock, clock_due FROM %s WHERE id = $1', rights.kind_table(p_kind))
		INTO st, org, ck, due USING p_id;
	INSERT INTO rights.desk_event (item_kind, item_id, at, staff_id, action, from_state, to_state, org_id, clock,
	                               clock_due, note, other_id)
	VALUES (p_kind, p_id, core.now(), (SELECT s.id FROM core.staff s WHERE s.login = session_user), p_action,
	        p_from, st, org, ck, due, nullif(btrim(p_note), ''), p_other);
	PERFORM pg_notify('smcon_complaint',
	                  json_build_object('kind', p_kind, 'id', p_id, 'org', org, 'state', st)::text);
END $$;
COMMENT ON FUNCTION rights.desk_log(text, bigint, text, text, text, bigint) IS
	'记录一步操作（时间线）并发出 smcon_complaint 通知（只含编号、机构和状态）';

-- What a complaint still lacks of §9 (empty when complete).
CREATE FUNCTION rights.complaint_missing(c rights.complaint) RETURNS text[]
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
	SELECT ARRAY(SELECT m.label FROM (VALUES
		(1, '投诉人姓名', c.complainant_name), (2, '投诉人电话', c.complainant_phone::text),
		(3, '投诉人通讯地址', c.complainant_address), (4, '被投诉人名称', c.respondent_name),
		(5, '被投诉人地址', c.respondent_address), (6, '投诉请求', c.request), (7, '争议事实', c.facts)
	) AS m (ord, label, v) WHERE NOT coalesce(core.present(m.v), false) ORDER BY m.ord)
$$;
COMMENT ON FUNCTION rights.complaint_missing(rights.complaint) IS '投诉尚缺的第九条材料（齐全时为空数组）';

-- A phone as the phone domain takes it, or a clear error naming the field.
CREATE FUNCTION rights.desk_phone(p_phone text, p_label text) RETURNS text
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
	IF NOT coalesce(core.present(p_phone), false) THEN
		RETURN NULL;
	END IF;
	RETURN (btrim(p_phone)::core.phone)::text;
EXCEPTION WHEN check_violation THEN
	RAISE EXCEPTION '%“%”：%', p_label, p_phone,
		(SELECT obj_description(c.oid, 'pg_constraint') FROM pg_constraint c
		  WHERE c.contypid = 'core.phone'::regtype AND c.conname = 'phone_format')
		USING ERRCODE = 'check_violation', COLUMN = 'phone';
END $$;
COMMENT ON FUNCTION rights.desk_phone(text, text) IS '校验电话号码，不合格时报出字段名';

-- Where an item goes (§12): the handler's choice with a reason; else the
-- registered respondent's district; else the platform's district when it
-- is in the city; else the district of the unit that received it (§13: the
-- first to receive handles it). Returns the org and whether it was chosen.
CREATE FUNCTION rights.desk_route(p_entity bigint, p_platform text, p_org text, p_reason text,
                                  OUT org_id bigint, OUT chosen boolean)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	me record := core.caller_staff();
	dflt bigint;
BEGIN
	dflt := coalesce(core.entity_district(p_entity),
	                 (SELECT p.org_id FROM core.ecommerce_platform p WHERE p.name = btrim(p_platform)),
	                 me.district_id);
	IF coalesce(core.present(p_org), false) THEN
		SELECT o.id INTO org_id FROM core.org_unit o WHERE o.code = btrim(p_org) AND o.level <> 'city';
		IF org_id IS NULL THEN
			RAISE EXCEPTION '没有代码为“%”的区局或所', p_org USING ERRCODE = 'no_data_found';
		END IF;
		chosen := org_id IS DISTINCT FROM dflt;
		IF chosen AND NOT coalesce(core.present(p_reason), false) THEN
			RAISE EXCEPTION '不交属地（%）处理时须写明理由',
				coalesce((SELECT o.name FROM core.org_unit o WHERE o.id = dflt), '收到的区局')
				USING ERRCODE = 'not_null_violation', COLUMN = 'routing_note';
		END IF;
	ELSE
		org_id := dflt;
		chosen := false;
	END IF;
	IF org_id IS NULL THEN
		RAISE EXCEPTION '被投诉人不在主体名录中，市局登记时须指定处理的区局（--unit）'
			USING ERRCODE = 'not_null_violation', COLUMN = 'handling_org_id';
	END IF;
END $$;
COMMENT ON FUNCTION rights.desk_route(bigint, text, text, text) IS
	'确定处理机构：承办人指定（须写理由），否则被投诉人属地区局、本市平台住所地区局、接收区局';

-- The 12345 work order of an item: found by number or opened.
CREATE FUNCTION rights.desk_work_order(p_no text, p_received_12345 timestamptz, p_received timestamptz,
                                       p_name text, p_phone text, p_summary text, p_me_org bigint,
                                       p_org bigint) RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	tid bigint;
	today date := (p_received AT TIME ZONE 'Asia/Shanghai')::date;
BEGIN
	SELECT t.id INTO tid FROM rights.transfer_12345 t WHERE t.work_order_no = btrim(p_no);
	IF tid IS NOT NULL THEN
		RETURN tid;
	END IF;
	IF p_received_12345 IS NULL THEN
		RAISE EXCEPTION '12345 转办须有 12345 受理时间' USING ERRCODE = 'not_null_violation', COLUMN = 'received_12345_at';
	ELSIF p_received_12345 > p_received THEN
		RAISE EXCEPTION '12345 受理时间 % 晚于本局收到的时间', p_received_12345 USING ERRCODE = 'check_violation';
	END IF;
	INSERT INTO rights.transfer_12345 (work_order_no, received_12345_at, received_bureau_at, caller_name,
	                                   caller_phone, summary, receiving_org_id, handling_org_id, reply_due_at,
	                                   source_system)
	VALUES (btrim(p_no), p_received_12345, p_received, p_name, p_phone, left(coalesce(p_summary, '（无摘要）'), 500),
	        p_me_org, p_org,
	        (api.add_workdays(today, core.setting_int('reply_12345_workdays')) + time '17:30')
	            AT TIME ZONE 'Asia/Shanghai', 'smcon')
	RETURNING id INTO tid;
	RETURN tid;
END $$;
COMMENT ON FUNCTION rights.desk_work_order(text, timestamptz, timestamptz, text, text, text, bigint, bigint) IS
	'按编号取出 12345 工单，没有时新建（答复期限按系统参数的工作日数）';

-- Duplicates of an item: the same complainant's (reporter's) phone and the
-- same respondent within the window, or the same 12345 work order; not
-- merged ones, and not those already kept apart from it. Owner's rights:
-- the caller's scope is applied here.
CREATE FUNCTION rights.desk_duplicate_ids(p_kind text, p_id bigint)
RETURNS TABLE (id bigint, reason text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	w interval := make_interval(days => core.setting_int('desk_duplicate_days'));
	orgs bigint[] := api.my_orgs();
BEGIN
	IF p_kind = 'complaint' THEN
		RETURN QUERY
		SELECT d.id, min(d.why) FROM (
			SELECT o.id, 'same_phone_respondent' AS why
			  FROM rights.complaint c JOIN rights.complaint o
			    ON o.complainant_phone = c.complainant_phone
			   AND o.received_at BETWEEN c.received_at - w AND c.received_at + w
			   AND (o.entity_id = c.entity_id OR (c.entity_id IS NULL AND o.respondent_name = c.respondent_name))
			 WHERE c.id = p_id
			UNION ALL
			SELECT o.id, 'same_work_order'
			  FROM rights.complaint c JOIN rights.complaint o ON o.transfer_12345_id = c.transfer_12345_id
			 WHERE c.id = p_id) d
		  JOIN rights.complaint x ON x.id = d.id
		 WHERE d.id <> p_id AND x.status <> 'merged' AND x.handling_org_id = ANY (orgs)
		   AND NOT EXISTS (SELECT 1 FROM rights.desk_event e
		                    WHERE e.item_kind = 'complaint' AND e.item_id = p_id AND e.action = 'keep_apart'
		                      AND e.other_id = d.id)
		 GROUP BY d.id;
	ELSIF p_kind = 'report' THEN
		RETURN QUERY
		SELECT d.id, min(d.why) FROM (
			SELECT o.id, 'same_phone_respondent' AS why
			  FROM rights.report c JOIN rights.report o
			    ON o.reporter_phone = c.reporter_phone
			   AND o.received_at BETWEEN c.received_at - w AND c.received_at + w
			   AND (o.entity_id = c.entity_id OR (c.entity_id IS NULL AND o.reported_name = c.reported_name))
			 WHERE c.id = p_id
			UNION ALL
			SELECT o.id, 'same_work_order'
			  FROM rights.report c JOIN rights.report o ON o.transfer_12345_id = c.transfer_12345_id
			 WHERE c.id = p_id) d
		  JOIN rights.report x ON x.id = d.id
		 WHERE d.id <> p_id AND x.status <> 'merged' AND x.handling_org_id = ANY (orgs)
		   AND NOT EXISTS (SELECT 1 FROM rights.desk_event e
		                    WHERE e.item_kind = 'report' AND e.item_id = p_id AND e.action = 'keep_apart'
		                      AND e.other_id = d.id)
		 GROUP BY d.id;
	END IF;
END $$;
COMMENT ON FUNCTION rights.desk_duplicate_ids(text, bigint) IS
	'疑似重复件：同一电话且同一被投诉（举报）人在查重天数内，或同一 12345 工单（本机构范围内，未合并、未决定分开处理的）';

-- ---------------------------------------------------------------------------
-- Intake.

-- Registers one submission. kind: complaint, report, both (a complaint and
-- a report, linked), consultation, suggestion. A complaint lacking §9
-- materials is kept as a draft with what is missing; a report needs the
-- reported party and the clue, a consultation its content. Returns a row
-- per item made, with its clock's deadline, what is missing and how many
-- possible duplicates it has.
CREATE FUNCTION api.desk_intake(
	p_kind text, p_channel text DEFAULT 'hotline_12315',
	p_name text DEFAULT NULL, p_phone text DEFAULT NULL, p_address text DEFAULT NULL, p_id_no text DEFAULT NULL,
	p_anonymous boolean DEFAULT false,
	p_uscc text DEFAULT NULL, p_respondent text DEFAULT NULL, p_respondent_address text DEFAULT NULL,
	p_platform text DEFAULT NULL, p_category text DEFAULT NULL, p_subject text DEFAULT NULL,
	p_amount numeric DEFAULT NULL, p_request text DEFAULT NULL, p_facts text DEFAULT NULL,
	p_work_order text DEFAULT NULL, p_received_12345 timestamptz DEFAULT NULL,
	p_unit text DEFAULT NULL, p_route_reason text DEFAULT NULL)
RETURNS TABLE (kind text, id bigint, item_no text, state text, handling_org text, clock text, clock_due date,
               missing text, duplicates integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	me record;
	e core.entity;
	route record;
	received timestamptz := core.now();
	today date := (received AT TIME ZONE 'Asia/Shanghai')::date;
	phone text;
	xfer bigint;
	cid bigint;
	rid bigint;
	qid bigint;
	c rights.complaint;
	miss text[];
	v_kind text := lower(btrim(p_kind));
	nm text := nullif(btrim(p_name), '');
	addr text := nullif(btrim(p_address), '');
BEGIN
	PERFORM core.require_role('clerk', 'handler', 'supervisor');
	me := core.caller_staff();
	IF v_kind NOT IN ('complaint', 'report', 'both', 'consultation', 'suggestion') THEN
		RAISE EXCEPTION '事项类别“%”无效：complaint 投诉、report 举报、both 投诉并举报、consultation 咨询、suggestion 建议',
			p_kind USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM core.channel ch WHERE ch.code = p_channel AND ch.active) THEN
		RAISE EXCEPTION '受理渠道“%”无效', p_channel USING ERRCODE = 'invalid_parameter_value',
			HINT = (SELECT string_agg(ch.code, ', ' ORDER BY ch.sort_order) FROM core.channel ch WHERE ch.active);
	END IF;
	IF (p_channel = 'transfer_12345') <> coalesce(core.present(p_work_order), false) THEN
		RAISE EXCEPTION '12345 转办须有工单编号，其他渠道不填工单编号'
			USING ERRCODE = 'not_null_violation', COLUMN = 'work_order_no';
	END IF;
	IF p_category IS NOT NULL AND NOT EXISTS (SELECT 1 FROM core.complaint_category k WHERE k.code = p_category) THEN
		RAISE EXCEPTION '没有代码为“%”的投诉分类', p_category USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF p_anonymous AND v_kind <> 'report' THEN
		RAISE EXCEPTION '只有举报可以匿名；投诉须有投诉人姓名、电话、地址（第九条）'
			USING ERRCODE = 'check_violation';
	END IF;
	phone := rights.desk_phone(p_phone, CASE WHEN v_kind = 'report' THEN '举报人电话' ELSE '投诉人电话' END);
	IF coalesce(core.present(p_uscc), false) THEN
		SELECT * INTO e FROM core.entity x WHERE x.uscc = core.uscc_normalize(p_uscc);
		IF e.id IS NULL THEN
			RAISE EXCEPTION '没有统一社会信用代码为 % 的主体', core.uscc_normalize(p_uscc) USING ERRCODE = 'no_data_found';
		END IF;
	END IF;
	SELECT * INTO route FROM rights.desk_route(e.id, p_platform, p_unit, p_route_reason);
	IF p_channel = 'transfer_12345' THEN
		xfer := rights.desk_work_order(p_work_order, p_received_12345, received, nm, phone,
		                               coalesce(p_facts, p_request), me.org_id, route.org_id);
	END IF;

	IF v_kind IN ('complaint', 'both') THEN
		INSERT INTO rights.complaint (complaint_no, channel_code, transfer_12345_id, received_at, receiving_org_id,
		                              handling_org_id, complainant_name, complainant_phone, complainant_address,
		                              complainant_id_no, respondent_name, respondent_address, entity_id,
		                              platform_name, category_code, subject, amount_involved, request, facts,
		                              status, accept_due_on, routing_note, source_system)
		VALUES ('SM' || to_char(today, 'YYYYMMDD') || lpad(nextval('rights.complaint_register_seq')::text, 6, '0'),
		        p_channel, xfer, received, me.org_id, route.org_id, nm, phone, addr, nullif(btrim(p_id_no), ''),
		        coalesce(e.name, nullif(btrim(p_respondent), '')), coalesce(e.address, nullif(btrim(p_respondent_address), '')),
		        e.id, nullif(btrim(p_platform), ''), p_category, nullif(btrim(p_subject), ''), p_amount,
		        nullif(btrim(p_request), ''), nullif(btrim(p_facts), ''), 'draft', api.add_workdays(today, 7),
		        CASE WHEN route.chosen THEN btrim(p_route_reason) END, 'smcon')
		RETURNING * INTO c;
		cid := c.id;
		miss := rights.complaint_missing(c);
		IF cardinality(miss) = 0 THEN
			UPDATE rights.complaint x SET status = 'registered' WHERE x.id = cid;
		END IF;
		PERFORM rights.desk_clock_set('complaint', cid, 'complaint_accept', received);
		PERFORM rights.desk_log('complaint', cid, 'intake', NULL,
		                        CASE WHEN route.chosen THEN '指定处理：' || btrim(p_route_reason) END);
	END IF;
	IF v_kind IN ('report', 'both') THEN
		IF NOT coalesce(core.present(coalesce(e.name, p_respondent)), false)
		   OR NOT coalesce(core.present(coalesce(p_facts, p_request)), false) THEN
			RAISE EXCEPTION '举报须有被举报人和涉嫌违法的线索' USING ERRCODE = 'not_null_violation';
		END IF;
		IF NOT p_anonymous AND nm IS NULL THEN
			RAISE EXCEPTION '实名举报须有举报人姓名（匿名举报请选择匿名）'
				USING ERRCODE = 'not_null_violation', COLUMN = 'reporter_name';
		END IF;
		INSERT INTO rights.report (report_no, channel_code, transfer_12345_id, received_at, receiving_org_id,
		                           handling_org_id, anonymous, reporter_name, reporter_phone, reporter_id_no,
		                           reporter_address, reported_name, reported_address, entity_id, clue,
		                           routing_note, source_system)
		VALUES ('SJ' || to_char(today, 'YYYYMMDD') || lpad(nextval('rights.report_register_seq')::text, 6, '0'),
		        p_channel, xfer, received, me.org_id, route.org_id, p_anonymous,
		        CASE WHEN NOT p_anonymous THEN nm END, phone,
		        CASE WHEN NOT p_anonymous THEN nullif(btrim(p_id_no), '') END, addr,
		        coalesce(e.name, btrim(p_respondent)), coalesce(e.address, nullif(btrim(p_respondent_address), '')),
		        e.id, btrim(coalesce(p_facts, p_request)),
		        CASE WHEN route.chosen THEN btrim(p_route_reason) END, 'smcon')
		RETURNING rights.report.id INTO rid;
		PERFORM rights.desk_clock_set('report', rid, 'report_verify', received);
		IF cid IS NOT NULL THEN
			UPDATE rights.complaint x SET report_id = rid WHERE x.id = cid;
		END IF;
		PERFORM rights.desk_log('report', rid, 'intake', NULL,
		                        CASE WHEN cid IS NOT NULL THEN '与投诉一并提交' END, cid);
	END IF;
	IF v_kind IN ('consultation', 'suggestion') THEN
		IF NOT coalesce(core.present(coalesce(p_facts, p_request)), false) THEN
			RAISE EXCEPTION '咨询（建议）须有内容' USING ERRCODE = 'not_null_violation', COLUMN = 'content';
		END IF;
		INSERT INTO rights.consultation (consultation_no, kind, channel_code, transfer_12345_id, received_at,
		                                 receiving_org_id, handling_org_id, contact_name, contact_phone,
		                                 category_code, topic, content, source_system)
		VALUES ('SZ' || to_char(today, 'YYYYMMDD') || lpad(nextval('rights.consultation_register_seq')::text, 6, '0'),
		        v_kind, p_channel, xfer, received, me.org_id, route.org_id, nm, phone, p_category,
		        nullif(btrim(p_subject), ''), btrim(coalesce(p_facts, p_request)), 'smcon')
		RETURNING rights.consultation.id INTO qid;
		IF xfer IS NOT NULL THEN
			PERFORM rights.desk_clock_set('consultation', qid, 'consult_reply', received);
		END IF;
		PERFORM rights.desk_log('consultation', qid, 'intake', NULL);
	END IF;

	RETURN QUERY
	SELECT 'complaint', x.id, x.complaint_no, x.status, o.name, x.clock, x.clock_due,
	       array_to_string(rights.complaint_missing(x), '、'),
	       (SELECT count(*)::int FROM rights.desk_duplicate_ids('complaint', x.id))
	  FROM rights.complaint x JOIN core.org_unit o ON o.id = x.handling_org_id WHERE x.id = cid
	UNION ALL
	SELECT 'report', x.id, x.report_no, x.status, o.name, x.clock, x.clock_due, '',
	       (SELECT count(*)::int FROM rights.desk_duplicate_ids('report', x.id))
	  FROM rights.report x JOIN core.org_unit o ON o.id = x.handling_org_id WHERE x.id = rid
	UNION ALL
	SELECT 'consultation', x.id, x.consultation_no, x.status, o.name, x.clock, x.clock_due, '', 0
	  FROM rights.consultation x JOIN core.org_unit o ON o.id = x.handling_org_id WHERE x.id = qid;
END $$;
COMMENT ON FUNCTION api.desk_intake(text, text, text, text, text, text, boolean, text, text, text, text, text, text,
                                    numeric, text, text, text, timestamptz, text, text) IS
	'12315 登记：投诉、举报（可匿名）、投诉并举报（两件相互关联）、咨询、建议；材料不全的投诉存为待补正；返回各件的编号、状态、处理机构、时限、所缺材料和疑似重复件数';

-- Fills in a complaint's missing §9 materials (draft or registered); a
-- draft that becomes complete is registered. Returns what is still missing.
CREATE FUNCTION api.complaint_complete(p_id bigint, p_name text DEFAULT NULL, p_phone text DEFAULT NULL,
                                       p_address text DEFAULT NULL, p_respondent text DEFAULT NULL,
                                       p_respondent_address text DEFAULT NULL, p_request text DEFAULT NULL,
                                       p_facts text DEFAULT NULL) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	it record := rights.desk_lock('complaint', p_id, 'clerk', 'handler', 'supervisor');
	c rights.complaint;
	miss text[];
BEGIN
	IF it.state NOT IN ('draft', 'registered') THEN
		PERFORM rights.wrong_state('complaint', it.item_no, it.state, '补正材料');
	END IF;
	UPDATE rights.complaint x
	   SET complainant_name = coalesce(nullif(btrim(p_name), ''), x.complainant_name),
	       complainant_phone = coalesce(rights.desk_phone(p_phone, '投诉人电话'), x.complainant_phone),
	       complainant_address = coalesce(nullif(btrim(p_address), ''), x.complainant_address),
	       respondent_name = coalesce(nullif(btrim(p_respondent), ''), x.respondent_name),
	       respondent_address = coalesce(nullif(btrim(p_respondent_address), ''), x.respondent_address),
	       request = coalesce(nullif(btrim(p_request), ''), x.request),
	       facts = coalesce(nullif(btrim(p_facts), ''), x.facts)
	 WHERE x.id = p_id
	RETURNING * INTO c;
	miss := rights.complaint_missing(c);
	IF cardinality(miss) = 0 AND c.status = 'draft' THEN
		UPDATE rights.complaint x SET status = 'registered' WHERE x.id = p_id;
	END IF;
	PERFORM rights.desk_log('complaint', p_id, 'complete', it.state);
	RETURN array_to_string(miss, '、');
END $$;
COMMENT ON FUNCTION api.complaint_complete(bigint, text, text, text, text, text, text, text) IS
	'补正投诉的第九条材料；补齐后由待补正转为已登记；返回仍缺的材料';

-- Possible duplicates of an item, for the handler to merge or keep apart.
CREATE FUNCTION api.desk_duplicates(p_kind text, p_id bigint)
RETURNS TABLE (id bigint, item_no text, state text, received_at timestamptz, respondent text, reason text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
	PERFORM rights.desk_lock_read(p_kind, p_id);
	IF p_kind = 'complaint' THEN
		RETURN QUERY
		SELECT x.id, x.complaint_no, x.status, x.received_at, x.respondent_name,
		       CASE d.reason WHEN 'same_work_order' THEN '同一 12345 工单' ELSE '同一电话、同一被投诉人' END
		  FROM rights.desk_duplicate_ids('complaint', p_id) d JOIN rights.complaint x ON x.id = d.id
		 ORDER BY x.received_at, x.id;
	ELSE
		RETURN QUERY
		SELECT x.id, x.report_no, x.status, x.received_at, x.reported_name,
		       CASE d.reason WHEN 'same_work_order' THEN '同一 12345 工单' ELSE '同一电话、同一被举报人' END
		  FROM rights.desk_duplicate_ids('report', p_id) d JOIN rights.report x ON x.id = d.id
		 ORDER BY x.received_at, x.id;
	END IF;
END $$;
COMMENT ON FUNCTION api.desk_duplicates(text, bigint) IS '一件投诉（举报）的疑似重复件（本机构范围内）';

-- Checks that the caller may read the item (scope), without locking.
CREATE FUNCTION rights.desk_lock_read(p_kind text, p_id bigint) RETURNS bigint
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	org bigint;
	no text;
BEGIN
	PERFORM core.require_role('clerk', 'handler', 'supervisor', 'analyst');
	IF rights.kind_table(p_kind) IS NULL THEN
		RAISE EXCEPTION '没有“%”这类事项：complaint、report 或 consultation', p_kind
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	EXECUTE format('SELECT handling_org_id, %s FROM %s WHERE id = $1',
	               CASE p_kind WHEN 'complaint' THEN 'complaint_no' WHEN 'report' THEN 'report_no'
	                           ELSE 'consultation_no' END, rights.kind_table(p_kind))
		INTO org, no USING p_id;
	IF no IS NULL THEN
		RAISE EXCEPTION '没有编号为 % 的%', p_id, rights.kind_label(p_kind) USING ERRCODE = 'no_data_found';
	ELSIF NOT (org = ANY (api.my_orgs()) OR core.caller_has('analyst')) THEN
		RAISE EXCEPTION '%（%）不在本机构范围内', rights.kind_label(p_kind), no USING ERRCODE = 'insufficient_privilege';
	END IF;
	RETURN org;
END $$;
COMMENT ON FUNCTION rights.desk_lock_read(text, bigint) IS '检查当前账号能否查看某件事项（不存在 P0002，非本机构 42501）';

-- Folds a duplicate into another item of the same kind: the earliest
-- receipt rules every clock of the kept item; the duplicate is marked
-- merged and its number still finds the kept item. Only an undecided item
-- (draft, registered) can be folded in.
CREATE FUNCTION api.desk_merge(p_kind text, p_id bigint, p_into bigint, p_note text DEFAULT NULL)
RETURNS date
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	a record;
	b record;
	first timestamptz;
	due date;
BEGIN
	IF p_kind NOT IN ('complaint', 'report') THEN
		RAISE EXCEPTION '只能合并投诉或举报' USING ERRCODE = 'invalid_parameter_value';
	ELSIF p_id = p_into THEN
		RAISE EXCEPTION '不能把一件事项并入它自己' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	-- lock in id order, so that two merges of the same pair cannot deadlock
	IF p_id < p_into THEN
		a := rights.desk_lock(p_kind, p_id, 'handler', 'supervisor');
		b := rights.desk_lock(p_kind, p_into, 'handler', 'supervisor');
	ELSE
		b := rights.desk_lock(p_kind, p_into, 'handler', 'supervisor');
		a := rights.desk_lock(p_kind, p_id, 'handler', 'supervisor');
	END IF;
	IF a.state NOT IN ('draft', 'registered') THEN
		PERFORM rights.wrong_state(p_kind, a.item_no, a.state, '并入另一件（只能合并尚未决定的重复件）');
	ELSIF b.state IN ('refused', 'closed', 'merged', 'transferred') THEN
		PERFORM rights.wrong_state(p_kind, b.item_no, b.state, '接受合并');
	END IF;
	first := least(a.received_at, b.received_at);
	EXECUTE format('UPDATE %s SET status = ''merged'', merged_into_id = $2, clock = NULL, clock_start = NULL,'
	               ' clock_workdays = NULL, clock_due = NULL, clock_paused_since = NULL WHERE id = $1',
	               rights.kind_table(p_kind)) USING p_id, p_into;
	IF first < b.received_at THEN
		EXECUTE format('UPDATE %s SET received_at = $2 WHERE id = $1', rights.kind_table(p_kind)) USING p_into, first;
		IF p_kind = 'complaint' THEN
			UPDATE rights.complaint x SET accept_due_on = api.add_workdays((first AT TIME ZONE 'Asia/Shanghai')::date, 7)
			 WHERE x.id = p_into;
		END IF;
		-- the clock that runs from receipt starts again from the earliest
		IF b.clock IN ('complaint_accept', 'report_verify') THEN
			EXECUTE format('UPDATE %s SET clock_start = $2, clock_due = api.add_workdays($2, clock_workdays)'
			               ' WHERE id = $1', rights.kind_table(p_kind))
				USING p_into, (first AT TIME ZONE 'Asia/Shanghai')::date;
		END IF;
	END IF;
	PERFORM rights.desk_log(p_kind, p_id, 'merge', a.state, p_note, p_into);
	PERFORM rights.desk_log(p_kind, p_into, 'absorb', b.state, p_note, p_id);
	EXECUTE format('SELECT clock_due FROM %s WHERE id = $1', rights.kind_table(p_kind)) INTO due USING p_into;
	RETURN due;
END $$;
COMMENT ON FUNCTION api.desk_merge(text, bigint, bigint, text) IS
	'把重复件并入另一件：以两件中最早收到的时间计算时限，重复件的编号仍可查到；返回保留件的时限到期日';

-- Records that two look-alike items are different, with the reason; they
-- are no longer offered as duplicates of each other.
CREATE FUNCTION api.desk_keep_apart(p_kind text, p_id bigint, p_other bigint, p_reason text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	a record;
	b record;
BEGIN
	IF NOT coalesce(core.present(p_reason), false) THEN
		RAISE EXCEPTION '分开处理须写明理由' USING ERRCODE = 'not_null_violation', COLUMN = 'note';
	END IF;
	a := rights.desk_lock(p_kind, least(p_id, p_other), 'clerk', 'handler', 'supervisor');
	b := rights.desk_lock(p_kind, greatest(p_id, p_other), 'clerk', 'handler', 'supervisor');
	PERFORM rights.desk_log(p_kind, p_id, 'keep_apart', CASE WHEN p_id < p_other THEN a.state ELSE b.state END,
	                        p_reason, p_other);
	PERFORM rights.desk_log(p_kind, p_other, 'keep_apart', CASE WHEN p_id < p_other THEN b.state ELSE a.state END,
	                        p_reason, p_id);
END $$;
COMMENT ON FUNCTION api.desk_keep_apart(text, bigint, bigint, text) IS '决定两件相似的事项分开处理（须写理由），不再提示为重复件';

-- An item by its number (any kind); a merged one leads to where it went.
CREATE FUNCTION api.desk_find(p_no text)
RETURNS TABLE (kind text, id bigint, item_no text, merged_from text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	k text;
	i bigint;
	m bigint;
	no text := upper(btrim(p_no));
BEGIN
	PERFORM core.require_role('clerk', 'handler', 'supervisor', 'analyst');
	SELECT 'complaint', c.id, c.merged_into_id INTO k, i, m FROM rights.complaint c WHERE c.complaint_no = no;
	IF i IS NULL THEN
		SELECT 'report', r.id, r.merged_into_id INTO k, i, m FROM rights.report r WHERE r.report_no = no;
	END IF;
	IF i IS NULL THEN
		SELECT 'consultation', c.id, NULL INTO k, i, m FROM rights.consultation c WHERE c.consultation_no = no;
	END IF;
	IF i IS NULL AND no ~ '^[0-9]+$' THEN
		RAISE EXCEPTION '没有登记编号为 % 的事项（内部编号请用 --id）', p_no USING ERRCODE = 'no_data_found';
	ELSIF i IS NULL THEN
		RAISE EXCEPTION '没有登记编号为 % 的事项', p_no USING ERRCODE = 'no_data_found';
	END IF;
	PERFORM rights.desk_lock_read(k, i);
	kind := k;
	id := coalesce(m, i);
	merged_from := CASE WHEN m IS NOT NULL THEN no END;
	item_no := CASE WHEN m IS NULL THEN no
	                WHEN k = 'complaint' THEN (SELECT c.complaint_no FROM rights.complaint c WHERE c.id = m)
	                ELSE (SELECT r.report_no FROM rights.report r WHERE r.id = m) END;
	RETURN NEXT;
END $$;
COMMENT ON FUNCTION api.desk_find(text) IS '按登记编号查找事项（已合并的重复件指向保留件）';

REVOKE ALL ON FUNCTION rights.state_label(text, text), rights.kind_label(text),
	rights.wrong_state(text, text, text, text), rights.kind_table(text), rights.desk_lock(text, bigint, text[]),
	rights.desk_clock_set(text, bigint, text, timestamptz), rights.desk_log(text, bigint, text, text, text, bigint),
	rights.complaint_missing(rights.complaint), rights.desk_phone(text, text),
	rights.desk_route(bigint, text, text, text),
	rights.desk_work_order(text, timestamptz, timestamptz, text, text, text, bigint, bigint),
	rights.desk_duplicate_ids(text, bigint), rights.desk_lock_read(text, bigint),
	api.desk_intake(text, text, text, text, text, text, boolean, text, text, text, text, text, text, numeric, text,
	                text, text, timestamptz, text, text),
	api.complaint_complete(bigint, text, text, text, text, text, text, text), api.desk_duplicates(text, bigint),
	api.desk_merge(text, bigint, bigint, text), api.desk_keep_apart(text, bigint, bigint, text),
	api.desk_find(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rights.state_label(text, text), rights.kind_label(text) TO smcon_staff;
GRANT EXECUTE ON FUNCTION api.desk_intake(text, text, text, text, text, text, boolean, text, text, text, text, text,
                                          text, numeric, text, text, text, timestamptz, text, text),
	api.complaint_complete(bigint, text, text, text, text, text, text, text),
	api.desk_keep_apart(text, bigint, bigint, text), api.desk_duplicates(text, bigint)
	TO smcon_clerk, smcon_handler, smcon_supervisor;
GRANT EXECUTE ON FUNCTION api.desk_merge(text, bigint, bigint, text) TO smcon_handler, smcon_supervisor;
GRANT EXECUTE ON FUNCTION api.desk_find(text) TO smcon_clerk, smcon_handler, smcon_supervisor, smcon_analyst;
