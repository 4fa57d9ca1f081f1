-- 0103 the 12315 desk: what a handler reads. The queue of a unit (open
-- complaints, reports and consultations, sorted by the share of their
-- clock's limit used), its counts per band, one item with its clocks, and
-- its timeline. Owner's rights with the caller's scope applied here; the
-- personal data of complainants shows to the units that may see it
-- (core.may_reveal), a reporter's to the handling unit only (§33), every
-- reveal written to the audit log; everyone else reads the masked copies.

-- The units a queue covers: the caller's scope, or one unit of it (a
-- district bureau with its stations). 42501 for a unit outside the scope.
CREATE FUNCTION rights.desk_units(p_unit text) RETURNS bigint[]
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	mine bigint[] := api.my_orgs();
	u core.org_unit;
BEGIN
	PERFORM core.require_role('clerk', 'handler', 'supervisor');
	IF NOT coalesce(core.present(p_unit), false) THEN
		RETURN mine;
	END IF;
	SELECT * INTO u FROM core.org_unit o WHERE o.code = upper(btrim(p_unit));
	IF u.id IS NULL THEN
		RAISE EXCEPTION '没有代码为“%”的机构', p_unit USING ERRCODE = 'no_data_found';
	ELSIF NOT u.id = ANY (mine) THEN
		RAISE EXCEPTION '%不在本机构范围内', u.name USING ERRCODE = 'insufficient_privilege';
	END IF;
	RETURN ARRAY(SELECT o.id FROM core.org_unit o
	              WHERE (o.id = u.id OR (u.level = 'city') OR (u.level = 'district' AND o.parent_id = u.id))
	                AND o.id = ANY (mine) ORDER BY o.id);
END $$;
COMMENT ON FUNCTION rights.desk_units(text) IS '工作台队列覆盖的机构（本人范围，或其中一个区局及所属各所）';

-- Every open item of the units with its clock's progress on a day.
-- Inlined into the callers (plain SQL, no settings of its own).
CREATE FUNCTION rights.desk_open_items(p_orgs bigint[], p_today date)
RETURNS TABLE (kind text, id bigint, item_no text, state text, received_at timestamptz, org_id bigint,
               handler_id bigint, respondent text, clock text, clock_due date, clock_workdays integer,
               paused_since date, remaining integer, used_pct integer, band text)
LANGUAGE sql STABLE
AS $$
	WITH t AS (SELECT c.ordinal FROM core.calendar_day c WHERE c.day = p_today),
	i AS (
		SELECT 'complaint' AS kind, c.id, c.complaint_no AS item_no, c.status AS state, c.received_at,
		       c.handling_org_id AS org_id, c.handler_staff_id AS handler_id, c.respondent_name AS respondent,
		       c.clock, c.clock_due, c.clock_workdays, c.clock_paused_since AS paused_since
		  FROM rights.complaint c
		 WHERE c.handling_org_id = ANY (p_orgs)
		   AND c.status IN ('draft', 'registered', 'accepted', 'mediating', 'mediated', 'terminated')
		UNION ALL
		SELECT 'report', r.id, r.report_no, r.status, r.received_at, r.handling_org_id, r.handler_staff_id,
		       r.reported_name, r.clock, r.clock_due, r.clock_workdays, r.clock_paused_since
		  FROM rights.report r
		 WHERE r.handling_org_id = ANY (p_orgs) AND r.status IN ('registered', 'verifying', 'decided')
		UNION ALL
		SELECT 'consultation', q.id, q.consultation_no, q.status, q.received_at, q.handling_org_id,
		       q.answered_by_staff_id, q.topic, q.clock, q.clock_due, q.clock_workdays, NULL::date
		  FROM rights.consultation q
		 WHERE q.handling_org_id = ANY (p_orgs) AND q.status = 'open'),
	p AS (
		SELECT i.*, d.ordinal - coalesce(ps.ordinal, (SELECT t.ordinal FROM t)) AS rem
		  FROM i
		  LEFT JOIN core.calendar_day d ON d.day = i.clock_due
		  LEFT JOIN core.calendar_day ps ON ps.day = i.paused_since)
	SELECT p.kind, p.id, p.item_no, p.state, p.received_at, p.org_id, p.handler_id, p.respondent, p.clock,
	       p.clock_due, p.clock_workdays, p.paused_since,
	       CASE WHEN coalesce(p.paused_since, p_today) > p.clock_due THEN least(p.rem, -1)::int ELSE p.rem::int END,
	       CASE WHEN p.clock_due IS NOT NULL
	            THEN greatest(0, round(100.0 * (p.clock_workdays - p.rem) / p.clock_workdays))::int END,
	       CASE WHEN p.clock_due IS NULL THEN 'none'
	            WHEN coalesce(p.paused_since, p_today) > p.clock_due THEN 'red'
	            WHEN 100.0 * (p.clock_workdays - p.rem) / p.clock_workdays
	                 >= (SELECT s.value::int FROM core.setting s WHERE s.key = 'desk_due_soon_percent') THEN 'yellow'
	            ELSE 'green' END
	  FROM p
$$;
COMMENT ON FUNCTION rights.desk_open_items(bigint[], date) IS
	'若干机构的全部未办结事项及其时限进度（剩余工作日、已用百分比、颜色档：none 无时限，green，yellow，red）';

-- A unit's queue. view: all, mine, unassigned, due_soon (yellow), overdue
-- (red); state, kind and due_before narrow it. Sorted by the share of the
-- limit used, the most urgent first; items without a clock last.
CREATE FUNCTION api.desk_queue(p_unit text DEFAULT NULL, p_view text DEFAULT 'all', p_state text DEFAULT NULL,
                               p_due_before date DEFAULT NULL, p_kind text DEFAULT NULL,
                               p_limit integer DEFAULT 50, p_offset integer DEFAULT 0)
RETURNS TABLE (kind text, id bigint, item_no text, state text, state_label text, received_at timestamptz,
               org_code text, org_name text, handler text, respondent text, clock text, clock_due date,
               remaining integer, used_pct integer, band text, paused boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	orgs bigint[] := rights.desk_units(p_unit);
	me bigint := (SELECT s.id FROM core.staff s WHERE s.login = session_user);
	v text := coalesce(nullif(btrim(p_view), ''), 'all');
BEGIN
	IF v NOT IN ('all', 'mine', 'unassigned', 'due_soon', 'overdue') THEN
		RAISE EXCEPTION '队列“%”无效：all、mine、unassigned、due_soon、overdue', p_view
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	RETURN QUERY
	SELECT i.kind, i.id, i.item_no, i.state, rights.state_label(i.kind, i.state), i.received_at, o.code, o.short_name,
	       s.full_name, i.respondent, i.clock, i.clock_due, i.remaining, i.used_pct, i.band, i.paused_since IS NOT NULL
	  FROM rights.desk_open_items(orgs, core.today()) i
	  JOIN core.org_unit o ON o.id = i.org_id
	  LEFT JOIN core.staff s ON s.id = i.handler_id
	 WHERE (v = 'all' OR (v = 'mine' AND i.handler_id = me) OR (v = 'unassigned' AND i.handler_id IS NULL)
	        OR (v = 'due_soon' AND i.band = 'yellow') OR (v = 'overdue' AND i.band = 'red'))
	   AND (p_state IS NULL OR i.state = p_state)
	   AND (p_kind IS NULL OR i.kind = p_kind)
	   AND (p_due_before IS NULL OR i.clock_due < p_due_before)
	 ORDER BY i.used_pct DESC NULLS LAST, i.clock_due, i.received_at, i.kind, i.id
	 LIMIT greatest(coalesce(p_limit, 50), 1) OFFSET greatest(coalesce(p_offset, 0), 0);
END $$;
COMMENT ON FUNCTION api.desk_queue(text, text, text, date, text, integer, integer) IS
	'12315 工作台队列：本机构（或指定机构）未办结的投诉、举报、咨询，按已用时限比例排序；可选 mine、unassigned、due_soon、overdue';

CREATE FUNCTION api.desk_counts(p_unit text DEFAULT NULL)
RETURNS TABLE (total integer, mine integer, unassigned integer, green integer, due_soon integer, overdue integer,
               paused integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	orgs bigint[] := rights.desk_units(p_unit);
	me bigint := (SELECT s.id FROM core.staff s WHERE s.login = session_user);
BEGIN
	RETURN QUERY
	SELECT count(*)::int, count(*) FILTER (WHERE i.handler_id = me)::int,
	       count(*) FILTER (WHERE i.handler_id IS NULL)::int,
	       count(*) FILTER (WHERE i.band IN ('green', 'none'))::int,
	       count(*) FILTER (WHERE i.band = 'yellow')::int, count(*) FILTER (WHERE i.band = 'red')::int,
	       count(*) FILTER (WHERE i.paused_since IS NOT NULL)::int
	  FROM rights.desk_open_items(orgs, core.today()) i;
END $$;
COMMENT ON FUNCTION api.desk_counts(text) IS '工作台队列的件数：全部、我的、未分派、正常、临近到期、超期、暂停计时';

-- Overdue and near-due items by unit and handler, for a supervisor.
CREATE FUNCTION api.desk_supervise(p_unit text DEFAULT NULL)
RETURNS TABLE (org_code text, org_name text, handler_login text, handler text, total integer, due_soon integer,
               overdue integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	orgs bigint[];
BEGIN
	PERFORM core.require_role('supervisor');
	orgs := rights.desk_units(p_unit);
	RETURN QUERY
	SELECT o.code, o.short_name, s.login::text, s.full_name, count(*)::int,
	       count(*) FILTER (WHERE i.band = 'yellow')::int, count(*) FILTER (WHERE i.band = 'red')::int
	  FROM rights.desk_open_items(orgs, core.today()) i
	  JOIN core.org_unit o ON o.id = i.org_id
	  LEFT JOIN core.staff s ON s.id = i.handler_id
	 GROUP BY o.code, o.short_name, s.login, s.full_name
	 ORDER BY count(*) FILTER (WHERE i.band = 'red') DESC, count(*) FILTER (WHERE i.band = 'yellow') DESC,
	          o.code, s.full_name NULLS FIRST;
END $$;
COMMENT ON FUNCTION api.desk_supervise(text) IS '负责人视图：各机构、各承办人的未办结、临近到期和超期件数';

-- One item, every field the item screen and `show` print, as name/value
-- pairs in order (label in Chinese and English). Personal data revealed
-- to those who may see it, and the reveal audited.
CREATE FUNCTION api.desk_item(p_kind text, p_id bigint)
RETURNS TABLE (field text, label text, label_en text, value text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	j jsonb;
	reveal boolean;
	tbl text := rights.kind_table(p_kind)::text;
	pre text := CASE p_kind WHEN 'complaint' THEN 'complainant_' WHEN 'report' THEN 'reporter_' ELSE 'contact_' END;
	cs record;
BEGIN
	PERFORM rights.desk_lock_read(p_kind, p_id);
	EXECUTE format('SELECT to_jsonb(t) FROM %s t WHERE t.id = $1', rights.kind_table(p_kind)) INTO j USING p_id;
	reveal := core.may_reveal(tbl, p_id);
	IF reveal THEN
		PERFORM audit.append('read', tbl, jsonb_build_object('id', p_id), NULL, NULL,
		                     jsonb_build_object('columns', to_jsonb(ARRAY(
		                         SELECT p.column_name FROM meta.personal_column p
		                          WHERE p.table_schema || '.' || p.table_name = tbl ORDER BY 1)), 'via', 'desk_item'));
	END IF;
	SELECT * INTO cs FROM rights.desk_open_items(ARRAY[(j ->> 'handling_org_id')::bigint], core.today()) x
	 WHERE x.kind = p_kind AND x.id = p_id;
	RETURN QUERY
	SELECT f.field, f.label, f.label_en, f.value
	  FROM (VALUES
		(1, 'kind', '类别', 'Kind', rights.kind_label(p_kind)),
		(2, 'item_no', '编号', 'Number', coalesce(j ->> 'complaint_no', j ->> 'report_no', j ->> 'consultation_no')),
		(3, 'state', '状态', 'State', j ->> 'status'),
		(4, 'state_label', '状态', 'State', rights.state_label(p_kind, j ->> 'status')),
		(5, 'channel', '渠道', 'Channel', (SELECT ch.name FROM core.channel ch WHERE ch.code = j ->> 'channel_code')),
		(6, 'work_order_no', '12345 工单', '12345 order',
		 (SELECT t.work_order_no FROM rights.transfer_12345 t WHERE t.id = (j ->> 'transfer_12345_id')::bigint)),
		(7, 'received_12345_at', '12345 受理', '12345 received',
		 (SELECT to_char(t.received_12345_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')
		    FROM rights.transfer_12345 t WHERE t.id = (j ->> 'transfer_12345_id')::bigint)),
		(8, 'received_at', '收到时间', 'Received',
		 to_char((j ->> 'received_at')::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')),
		(9, 'handling_org', '处理机构', 'Handling unit',
		 (SELECT o.name FROM core.org_unit o WHERE o.id = (j ->> 'handling_org_id')::bigint)),
		(10, 'handler', '承办人', 'Handler',
		 (SELECT s.full_name FROM core.staff s
		   WHERE s.id = coalesce(j ->> 'handler_staff_id', j ->> 'answered_by_staff_id')::bigint)),
		(11, 'anonymous', '匿名', 'Anonymous', CASE WHEN (j ->> 'anonymous')::boolean THEN '是' END),
		(12, 'person_name', CASE p_kind WHEN 'report' THEN '举报人' WHEN 'complaint' THEN '投诉人' ELSE '咨询人' END,
		 'Person', j ->> (pre || 'name' || CASE WHEN reveal THEN '' ELSE '_masked' END)),
		(13, 'person_phone', '电话', 'Phone', j ->> (pre || 'phone' || CASE WHEN reveal THEN '' ELSE '_masked' END)),
		(14, 'person_address', '地址', 'Address',
		 j ->> (pre || 'address' || CASE WHEN reveal THEN '' ELSE '_masked' END)),
		(15, 'respondent', CASE p_kind WHEN 'report' THEN '被举报人' ELSE '被投诉人' END, 'Respondent',
		 coalesce(j ->> 'respondent_name', j ->> 'reported_name')),
		(16, 'respondent_address', '被投诉人地址', 'Respondent address',
		 coalesce(j ->> 'respondent_address', j ->> 'reported_address')),
		(17, 'uscc', '统一社会信用代码', 'USCC',
		 (SELECT e.uscc FROM core.entity e WHERE e.id = (j ->> 'entity_id')::bigint)),
		(18, 'platform', '电商平台', 'Platform', j ->> 'platform_name'),
		(19, 'category', '分类', 'Category',
		 (SELECT k.code || ' ' || k.name FROM core.complaint_category k WHERE k.code = j ->> 'category_code')),
		(20, 'subject', '商品或服务', 'Goods/service', coalesce(j ->> 'subject', j ->> 'topic')),
		(21, 'amount', '涉及金额', 'Amount', j ->> 'amount_involved'),
		(22, 'request', '投诉请求', 'Request', j ->> 'request'),
		(23, 'facts', CASE p_kind WHEN 'report' THEN '线索' WHEN 'complaint' THEN '事实' ELSE '内容' END, 'Facts',
		 coalesce(j ->> 'facts', j ->> 'clue', j ->> 'content')),
		(24, 'missing', '缺少材料', 'Missing',
		 CASE WHEN p_kind = 'complaint' THEN nullif(array_to_string(rights.complaint_missing(
		     (SELECT c FROM rights.complaint c WHERE c.id = p_id)), '、'), '') END),
		(25, 'clock', '时限', 'Clock', (SELECT k.label FROM core.desk_clock k WHERE k.code = j ->> 'clock')),
		(26, 'clock_code', '时限代码', 'Clock code', j ->> 'clock'),
		(27, 'clock_article', '依据', 'Article', (SELECT k.article FROM core.desk_clock k WHERE k.code = j ->> 'clock')),
		(28, 'clock_law', '法规', 'Law', (SELECT k.law FROM core.desk_clock k WHERE k.code = j ->> 'clock')),
		(29, 'clock_article_no', '条', 'Article no',
		 (SELECT k.article_no::text FROM core.desk_clock k WHERE k.code = j ->> 'clock')),
		(30, 'clock_start', '起算日', 'Starts', j ->> 'clock_start'),
		(31, 'clock_workdays', '工作日', 'Working days', j ->> 'clock_workdays'),
		(32, 'clock_due', '到期日', 'Due', j ->> 'clock_due'),
		(33, 'remaining', '剩余工作日', 'Working days left', cs.remaining::text),
		(34, 'used_pct', '已用', 'Used %', cs.used_pct::text),
		(35, 'band', '提示', 'Band', cs.band),
		(36, 'paused_since', '暂停计时自', 'Paused since', j ->> 'clock_paused_since'),
		(37, 'extended_days', '延长工作日', 'Extended days', nullif(j ->> 'clock_extended_days', '0')),
		(38, 'testing_days', '检测鉴定工作日', 'Testing days', nullif(j ->> 'testing_working_days', '0')),
		(39, 'outcome', '结果', 'Outcome', coalesce(j ->> 'outcome', j ->> 'decision')),
		(40, 'refusal', '不予受理情形', 'Refusal ground',
		 (SELECT g.article || ' ' || g.name FROM core.refusal_ground g WHERE g.code = j ->> 'refusal_ground_code')),
		(41, 'termination', '终止调解情形', 'Termination', j ->> 'termination_reason'),
		(42, 'agreement', '调解协议', 'Agreement', j ->> 'agreement'),
		(43, 'recovered', '挽回损失', 'Recovered', j ->> 'recovered_amount'),
		(44, 'case_no', '立案编号', 'Case no', j ->> 'case_no'),
		(45, 'answer', '答复', 'Answer', j ->> 'answer'),
		(46, 'merged_into', '已并入', 'Merged into',
		 CASE p_kind WHEN 'complaint' THEN (SELECT c.complaint_no FROM rights.complaint c
		                                     WHERE c.id = (j ->> 'merged_into_id')::bigint)
		             WHEN 'report' THEN (SELECT r.report_no FROM rights.report r
		                                  WHERE r.id = (j ->> 'merged_into_id')::bigint) END),
		(47, 'merged_from', '并入的重复件', 'Duplicates merged',
		 CASE p_kind WHEN 'complaint' THEN (SELECT string_agg(c.complaint_no, ' ' ORDER BY c.id) FROM rights.complaint c
		                                     WHERE c.merged_into_id = p_id)
		             WHEN 'report' THEN (SELECT string_agg(r.report_no, ' ' ORDER BY r.id) FROM rights.report r
		                                  WHERE r.merged_into_id = p_id) END),
		(48, 'linked', '关联事项', 'Linked item',
		 CASE p_kind WHEN 'complaint' THEN (SELECT r.report_no FROM rights.report r WHERE r.id = (j ->> 'report_id')::bigint)
		             WHEN 'report' THEN (SELECT c.complaint_no FROM rights.complaint c WHERE c.report_id = p_id LIMIT 1) END),
		(49, 'reply_12345_due', '12345 答复期限', '12345 reply due',
		 (SELECT to_char(t.reply_due_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')
		    FROM rights.transfer_12345 t WHERE t.id = (j ->> 'transfer_12345_id')::bigint AND t.replied_at IS NULL)),
		(50, 'routing_note', '指定处理理由', 'Routing reason', j ->> 'routing_note'),
		(51, 'id', '内部编号', 'Id', p_id::text),
		(52, 'entity_id', '主体编号', 'Entity id', j ->> 'entity_id')
	  ) AS f (ord, field, label, label_en, value)
	 ORDER BY f.ord;
END $$;
COMMENT ON FUNCTION api.desk_item(text, bigint) IS
	'一件事项的全部字段（名称、中英文标签、值）：个人信息仅向可查看的机构显示原值（举报人仅处理机构），并记入审计日志';

-- The timeline: every step taken at the desk; for items from before it
-- (generated history), the steps their dates record.
CREATE FUNCTION api.desk_timeline(p_kind text, p_id bigint)
RETURNS TABLE (at timestamptz, actor text, action text, from_state text, to_state text, org text, clock_due date,
               note text, other_no text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	j jsonb;
BEGIN
	PERFORM rights.desk_lock_read(p_kind, p_id);
	IF EXISTS (SELECT 1 FROM rights.desk_event e WHERE e.item_kind = p_kind AND e.item_id = p_id) THEN
		RETURN QUERY
		SELECT e.at, coalesce(s.full_name, e.actor), e.action, e.from_state, e.to_state, o.short_name, e.clock_due,
		       e.note,
		       CASE p_kind WHEN 'complaint' THEN (SELECT c.complaint_no FROM rights.complaint c WHERE c.id = e.other_id)
		                   WHEN 'report' THEN (SELECT r.report_no FROM rights.report r WHERE r.id = e.other_id) END
		  FROM rights.desk_event e
		  LEFT JOIN core.staff s ON s.id = e.staff_id
		  JOIN core.org_unit o ON o.id = e.org_id
		 WHERE e.item_kind = p_kind AND e.item_id = p_id
		 ORDER BY e.id;
		RETURN;
	END IF;
	EXECUTE format('SELECT to_jsonb(t) FROM %s t WHERE t.id = $1', rights.kind_table(p_kind)) INTO j USING p_id;
	RETURN QUERY
	SELECT s.t, NULL::text, s.a, NULL::text, NULL::text, NULL::text, NULL::date, s.n, NULL::text
	  FROM (VALUES (1, (j ->> 'received_at')::timestamptz, 'intake', NULL::text),
	               (2, (j ->> 'decided_at')::timestamptz,
	                CASE WHEN p_kind = 'report' THEN 'decide' WHEN j ->> 'status' = 'refused' THEN 'reject' ELSE 'accept' END,
	                coalesce(j ->> 'refusal_ground_code', j ->> 'decision')),
	               (3, (j ->> 'mediation_started_at')::timestamptz, 'mediate', NULL),
	               (4, (j ->> 'parties_notified_at')::timestamptz, 'notify', NULL),
	               (5, (j ->> 'reporter_notified_at')::timestamptz, 'inform', NULL),
	               (6, (j ->> 'answered_at')::timestamptz, 'answer', NULL),
	               (7, (j ->> 'closed_at')::timestamptz, 'close', j ->> 'outcome')) AS s (o, t, a, n)
	 WHERE s.t IS NOT NULL
	 ORDER BY s.t, s.o;
END $$;
COMMENT ON FUNCTION api.desk_timeline(text, bigint) IS '事项的办理记录（时间线）；工作台之前的事项按其记录的时间列出';

REVOKE ALL ON FUNCTION rights.desk_units(text), rights.desk_open_items(bigint[], date),
	api.desk_queue(text, text, text, date, text, integer, integer), api.desk_counts(text), api.desk_supervise(text),
	api.desk_item(text, bigint), api.desk_timeline(text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.desk_queue(text, text, text, date, text, integer, integer), api.desk_counts(text),
	api.desk_item(text, bigint), api.desk_timeline(text, bigint)
	TO smcon_clerk, smcon_handler, smcon_supervisor;
GRANT EXECUTE ON FUNCTION api.desk_supervise(text) TO smcon_supervisor;
GRANT EXECUTE ON FUNCTION api.desk_item(text, bigint), api.desk_timeline(text, bigint) TO smcon_analyst;
