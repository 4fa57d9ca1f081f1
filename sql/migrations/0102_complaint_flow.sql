-- 0102 the 12315 desk: the workflow. Each function locks the item, checks
-- role, scope and state (rights.desk_lock, rights.wrong_state), writes, sets
-- the clock of the new state and logs the step (rights.desk_log, which also
-- notifies). Complaints (投诉举报处理暂行办法):
--   draft/registered --accept--> accepted --mediate--> mediating
--   draft/registered --reject (§15 ground)--> refused
--   accepted/mediating --agree--> mediated;  --terminate (§21)--> terminated
--   mediated/terminated --notify--> (parties told) --close--> closed
-- Reports: registered --verify--> verifying --decide--> decided
--   --inform (real-name)--> --close--> closed
-- Consultations: open --answer--> answered.
-- Any open complaint or report: assign, transfer (the clock and the history
-- go with it), pause/resume (testing; pausable clocks only), extend
-- (supervisor, with a reason).

-- 1. Complaints ---------------------------------------------------------------

CREATE OR REPLACE FUNCTION api.complaint_accept(p_id bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	it record := rights.desk_lock('complaint', p_id, 'handler', 'supervisor');
	c rights.complaint;
	missing text[];
	t timestamptz := core.now();
BEGIN
	SELECT * INTO c FROM rights.complaint x WHERE x.id = p_id;
	IF it.state NOT IN ('draft', 'registered') THEN
		RAISE EXCEPTION '投诉 % 已作出受理决定，当前状态为“%”（%），不能再受理', it.item_no,
			rights.state_label('complaint', it.state), it.state
			USING ERRCODE = 'object_not_in_prerequisite_state', DETAIL = 'state=' || it.state;
	END IF;
	missing := rights.complaint_missing(c);
	IF cardinality(missing) > 0 THEN
		RAISE EXCEPTION '投诉 % 当前状态为“%”（%），缺少第九条规定的材料：%，不能受理', c.complaint_no,
			rights.state_label('complaint', it.state), it.state, array_to_string(missing, '、')
			USING ERRCODE = 'object_not_in_prerequisite_state', DETAIL = 'state=' || it.state,
			      HINT = '补正材料后再受理；材料不全的，可按第十五条第五项（materials_missing）不予受理';
	END IF;
	UPDATE rights.complaint x
	   SET status = 'accepted', decided_at = greatest(t, x.received_at), complainant_notified_at = greatest(t, x.received_at),
	       handler_staff_id = coalesce(x.handler_staff_id, (SELECT s.id FROM core.staff s WHERE s.login = session_user))
	 WHERE x.id = p_id;
	PERFORM rights.desk_clock_set('complaint', p_id, 'complaint_mediate', greatest(t, c.received_at));
	PERFORM rights.desk_log('complaint', p_id, 'accept', it.state);
END $$;
COMMENT ON FUNCTION api.complaint_accept(bigint) IS
	'受理投诉（第九条材料齐全；限处理机构范围内的投诉举报处理员和负责人）；调解时限自受理之日起算';

CREATE OR REPLACE FUNCTION api.complaint_refuse(p_id bigint, p_ground text, p_note text DEFAULT NULL) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	it record := rights.desk_lock('complaint', p_id, 'handler', 'supervisor');
	t timestamptz := core.now();
BEGIN
	IF it.state NOT IN ('draft', 'registered') THEN
		RAISE EXCEPTION '投诉 % 已作出受理决定，当前状态为“%”（%），不能再作不予受理决定', it.item_no,
			rights.state_label('complaint', it.state), it.state
			USING ERRCODE = 'object_not_in_prerequisite_state', DETAIL = 'state=' || it.state;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM core.refusal_ground g WHERE g.code = p_ground) THEN
		RAISE EXCEPTION '没有不予受理情形“%”（第十五条）', coalesce(p_ground, '')
			USING ERRCODE = 'invalid_parameter_value',
			      HINT = (SELECT string_agg(g.code, ', ' ORDER BY g.sort_order) FROM core.refusal_ground g);
	END IF;
	UPDATE rights.complaint x
	   SET status = 'refused', decided_at = greatest(t, x.received_at), refusal_ground_code = p_ground,
	       refusal_note = nullif(btrim(p_note), ''), complainant_notified_at = greatest(t, x.received_at),
	       handler_staff_id = coalesce(x.handler_staff_id, (SELECT s.id FROM core.staff s WHERE s.login = session_user))
	 WHERE x.id = p_id;
	PERFORM rights.desk_clock_set('complaint', p_id, NULL, NULL);
	PERFORM rights.desk_log('complaint', p_id, 'reject', it.state,
	                        (SELECT g.article || ' ' || g.name FROM core.refusal_ground g WHERE g.code = p_ground)
	                        || coalesce('；' || nullif(btrim(p_note), ''), ''));
END $$;
COMMENT ON FUNCTION api.complaint_refuse(bigint, text, text) IS
	'不予受理投诉，须写明第十五条的情形（限处理机构范围内的投诉举报处理员和负责人）';

CREATE FUNCTION api.complaint_mediate(p_id bigint, p_note text DEFAULT NULL) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	it record := rights.desk_lock('complaint', p_id, 'handler', 'supervisor');
BEGIN
	IF it.state <> 'accepted' THEN
		PERFORM rights.wrong_state('complaint', it.item_no, it.state, '开始调解（须先受理）');
	END IF;
	UPDATE rights.complaint x SET status = 'mediating', mediation_started_at = greatest(core.now(), x.decided_at)
	 WHERE x.id = p_id;
	PERFORM rights.desk_log('complaint', p_id, 'mediate', it.state, p_note);
END $$;
COMMENT ON FUNCTION api.complaint_mediate(bigint, text) IS '开始调解（已受理的投诉；调解时限不变）';

-- Mediation ended: with an agreement (and the amount recovered), or
-- terminated on a §21 ground. The 7-day notice clock starts.
CREATE FUNCTION rights.complaint_end(p_id bigint, p_outcome text, p_reason text, p_agreement text,
                                     p_recovered numeric, p_note text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	it record := rights.desk_lock('complaint', p_id, 'handler', 'supervisor');
	t timestamptz := core.now();
BEGIN
	IF it.state NOT IN ('accepted', 'mediating') THEN
		PERFORM rights.wrong_state('complaint', it.item_no, it.state,
		                           CASE p_outcome WHEN 'agreement' THEN '记录调解协议' ELSE '终止调解' END);
	ELSIF it.paused_since IS NOT NULL THEN
		RAISE EXCEPTION '投诉 % 的调解时限自 % 起暂停（检测鉴定中），请先恢复计时', it.item_no, it.paused_since
			USING ERRCODE = 'object_not_in_prerequisite_state', DETAIL = 'state=' || it.state;
	END IF;
	IF p_outcome = 'agreement' AND NOT coalesce(core.present(p_agreement), false) THEN
		RAISE EXCEPTION '达成调解协议须写明协议内容' USING ERRCODE = 'not_null_violation', COLUMN = 'agreement';
	END IF;
	IF p_recovered < 0 THEN
		RAISE EXCEPTION '挽回经济损失不能为负数' USING ERRCODE = 'check_violation', COLUMN = 'recovered_amount';
	END IF;
	UPDATE rights.complaint x
	   SET status = CASE p_outcome WHEN 'agreement' THEN 'mediated' ELSE 'terminated' END,
	       outcome = p_outcome, termination_reason = p_reason, agreement = nullif(btrim(p_agreement), ''),
	       recovered_amount = p_recovered,
	       mediation_started_at = coalesce(x.mediation_started_at, greatest(t, x.decided_at)),
	       mediation_ended_at = greatest(t, x.decided_at)
	 WHERE x.id = p_id;
	PERFORM rights.desk_clock_set('complaint', p_id, 'complaint_notify', greatest(t, (SELECT x.decided_at
	                                                  FROM rights.complaint x WHERE x.id = p_id)));
	PERFORM rights.desk_log('complaint', p_id, CASE p_outcome WHEN 'agreement' THEN 'agree' ELSE 'terminate' END,
	                        it.state, p_note);
END $$;
COMMENT ON FUNCTION rights.complaint_end(bigint, text, text, text, numeric, text) IS
	'调解结束（达成协议或终止调解），开始计算七个工作日的告知时限';

CREATE FUNCTION api.complaint_agree(p_id bigint, p_agreement text, p_recovered numeric DEFAULT NULL,
                                    p_note text DEFAULT NULL) RETURNS void
LANGUAGE sql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$ SELECT rights.complaint_end(p_id, 'agreement', NULL, p_agreement, p_recovered, p_note) $$;
COMMENT ON FUNCTION api.complaint_agree(bigint, text, numeric, text) IS '记录调解达成协议（协议内容、为消费者挽回的经济损失）';

CREATE FUNCTION api.complaint_terminate(p_id bigint, p_reason text, p_note text DEFAULT NULL) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
	IF p_reason IS NULL OR p_reason NOT IN ('withdrawn_or_settled', 'testing_disagreement', 'mediation_refused',
	                                        'no_agreement', 'time_limit', 'refusal_ground_found', 'other_legal') THEN
		RAISE EXCEPTION '终止调解情形“%”无效（第二十一条）', coalesce(p_reason, '')
			USING ERRCODE = 'invalid_parameter_value',
			      HINT = 'withdrawn_or_settled, testing_disagreement, mediation_refused, no_agreement, time_limit, refusal_ground_found, other_legal';
	END IF;
	PERFORM rights.complaint_end(p_id, 'terminated', p_reason, NULL, NULL, p_note);
END $$;
COMMENT ON FUNCTION api.complaint_terminate(bigint, text, text) IS '终止调解，须写明第二十一条的情形';

CREATE FUNCTION api.complaint_notify(p_id bigint, p_note text DEFAULT NULL) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	it record := rights.desk_lock('complaint', p_id, 'handler', 'supervisor');
BEGIN
	IF it.state NOT IN ('mediated', 'terminated') OR it.clock IS DISTINCT FROM 'complaint_notify' THEN
		PERFORM rights.wrong_state('complaint', it.item_no, it.state, '登记告知双方（须调解结束且尚未告知）');
	END IF;
	UPDATE rights.complaint x SET parties_notified_at = greatest(core.now(), x.mediation_ended_at) WHERE x.id = p_id;
	PERFORM rights.desk_clock_set('complaint', p_id, NULL, NULL);
	PERFORM rights.desk_log('complaint', p_id, 'notify', it.state, p_note);
END $$;
COMMENT ON FUNCTION api.complaint_notify(bigint, text) IS '登记已告知投诉人和被投诉人调解结果（调解结束之日起七个工作日内）';

CREATE FUNCTION api.complaint_close(p_id bigint, p_note text DEFAULT NULL) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	it record := rights.desk_lock('complaint', p_id, 'handler', 'supervisor');
	notified timestamptz;
BEGIN
	SELECT x.parties_notified_at INTO notified FROM rights.complaint x WHERE x.id = p_id;
	IF it.state NOT IN ('mediated', 'terminated') THEN
		PERFORM rights.wrong_state('complaint', it.item_no, it.state, '办结（须调解结束）');
	ELSIF notified IS NULL THEN
		RAISE EXCEPTION '投诉 % 当前状态为“%”（%），尚未告知双方，不能办结', it.item_no,
			rights.state_label('complaint', it.state), it.state
			USING ERRCODE = 'object_not_in_prerequisite_state', DETAIL = 'state=' || it.state;
	END IF;
	UPDATE rights.complaint x SET status = 'closed', closed_at = greatest(core.now(), x.parties_notified_at)
	 WHERE x.id = p_id;
	PERFORM rights.desk_log('complaint', p_id, 'close', it.state, p_note);
END $$;
COMMENT ON FUNCTION api.complaint_close(bigint, text) IS '办结投诉（调解结束并已告知双方）';

-- 2. Reports -----------------------------------------------------------------

CREATE FUNCTION api.tipoff_verify(p_id bigint, p_note text DEFAULT NULL) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	it record := rights.desk_lock('report', p_id, 'handler', 'supervisor');
BEGIN
	IF it.state <> 'registered' THEN
		PERFORM rights.wrong_state('report', it.item_no, it.state, '开始核查');
	END IF;
	UPDATE rights.report x
	   SET status = 'verifying',
	       handler_staff_id = coalesce(x.handler_staff_id, (SELECT s.id FROM core.staff s WHERE s.login = session_user))
	 WHERE x.id = p_id;
	PERFORM rights.desk_log('report', p_id, 'verify', it.state, p_note);
END $$;
COMMENT ON FUNCTION api.tipoff_verify(bigint, text) IS '开始核查举报（核查时限不变）';

CREATE FUNCTION api.tipoff_decide(p_id bigint, p_opened boolean, p_case_no text DEFAULT NULL,
                                  p_reason text DEFAULT NULL) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	it record := rights.desk_lock('report', p_id, 'handler', 'supervisor');
	r rights.report;
	t timestamptz := core.now();
BEGIN
	IF it.state NOT IN ('registered', 'verifying') THEN
		PERFORM rights.wrong_state('report', it.item_no, it.state, '决定是否立案');
	ELSIF it.paused_since IS NOT NULL THEN
		RAISE EXCEPTION '举报 % 的核查时限自 % 起暂停，请先恢复计时', it.item_no, it.paused_since
			USING ERRCODE = 'object_not_in_prerequisite_state', DETAIL = 'state=' || it.state;
	END IF;
	IF p_opened AND NOT coalesce(core.present(p_case_no), false) THEN
		RAISE EXCEPTION '立案须写明案件编号' USING ERRCODE = 'not_null_violation', COLUMN = 'case_no';
	ELSIF NOT p_opened AND NOT coalesce(core.present(p_reason), false) THEN
		RAISE EXCEPTION '不予立案须写明理由' USING ERRCODE = 'not_null_violation', COLUMN = 'not_opened_reason';
	END IF;
	UPDATE rights.report x
	   SET status = 'decided', decided_at = greatest(t, x.received_at),
	       decision = CASE WHEN p_opened THEN 'case_opened' ELSE 'not_opened' END,
	       case_no = CASE WHEN p_opened THEN btrim(p_case_no) END,
	       case_id = CASE WHEN p_opened THEN (SELECT k.id FROM supervision.enforcement_case k
	                                           WHERE k.case_no = btrim(p_case_no)) END,
	       not_opened_reason = CASE WHEN NOT p_opened THEN btrim(p_reason) END
	 WHERE x.id = p_id
	RETURNING * INTO r;
	PERFORM rights.desk_clock_set('report', p_id, CASE WHEN NOT r.anonymous THEN 'report_inform' END, r.decided_at);
	PERFORM rights.desk_log('report', p_id, 'decide', it.state,
	                        CASE WHEN p_opened THEN '立案 ' || btrim(p_case_no) ELSE '不予立案：' || btrim(p_reason) END);
END $$;
COMMENT ON FUNCTION api.tipoff_decide(bigint, boolean, text, text) IS
	'决定举报是否立案（立案写案件编号，不立案写理由）；实名举报开始计算五个工作日的告知时限';

CREATE FUNCTION api.tipoff_inform(p_id bigint, p_note text DEFAULT NULL) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	it record := rights.desk_lock('report', p_id, 'handler', 'supervisor');
BEGIN
	IF it.state <> 'decided' OR it.clock IS DISTINCT FROM 'report_inform' THEN
		PERFORM rights.wrong_state('report', it.item_no, it.state, '登记告知举报人（须已决定且为实名举报）');
	END IF;
	UPDATE rights.report x SET reporter_notified_at = greatest(core.now(), x.decided_at) WHERE x.id = p_id;
	PERFORM rights.desk_clock_set('report', p_id, NULL, NULL);
	PERFORM rights.desk_log('report', p_id, 'inform', it.state, p_note);
END $$;
COMMENT ON FUNCTION api.tipoff_inform(bigint, text) IS '登记已告知实名举报人是否立案（决定之日起五个工作日内）';

CREATE FUNCTION api.tipoff_close(p_id bigint, p_note text DEFAULT NULL) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	it record := rights.desk_lock('report', p_id, 'handler', 'supervisor');
BEGIN
	IF it.state <> 'decided' THEN
		PERFORM rights.wrong_state('report', it.item_no, it.state, '办结（须已决定是否立案）');
	ELSIF it.clock = 'report_inform' THEN
		RAISE EXCEPTION '举报 % 当前状态为“%”（decided），尚未告知实名举报人，不能办结', it.item_no,
			rights.state_label('report', it.state)
			USING ERRCODE = 'object_not_in_prerequisite_state', DETAIL = 'state=' || it.state;
	END IF;
	UPDATE rights.report x SET status = 'closed', closed_at = greatest(core.now(), x.decided_at) WHERE x.id = p_id;
	PERFORM rights.desk_log('report', p_id, 'close', it.state, p_note);
END $$;
COMMENT ON FUNCTION api.tipoff_close(bigint, text) IS '办结举报（已决定是否立案，实名举报已告知）';

-- 3. Consultations -------------------------------------------------------------

CREATE FUNCTION api.consult_answer(p_id bigint, p_answer text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	it record := rights.desk_lock('consultation', p_id, 'clerk', 'handler', 'supervisor');
BEGIN
	IF it.state <> 'open' THEN
		PERFORM rights.wrong_state('consultation', it.item_no, it.state, '答复');
	ELSIF NOT coalesce(core.present(p_answer), false) THEN
		RAISE EXCEPTION '答复须有内容' USING ERRCODE = 'not_null_violation', COLUMN = 'answer';
	END IF;
	UPDATE rights.consultation x
	   SET status = 'answered', answer = btrim(p_answer), answered_at = greatest(core.now(), x.received_at),
	       answered_by_staff_id = (SELECT s.id FROM core.staff s WHERE s.login = session_user)
	 WHERE x.id = p_id;
	PERFORM rights.desk_clock_set('consultation', p_id, NULL, NULL);
	PERFORM rights.desk_log('consultation', p_id, 'answer', it.state);
	UPDATE rights.transfer_12345 t SET replied_at = greatest(core.now(), t.received_bureau_at), reply = btrim(p_answer)
	  FROM rights.consultation x
	 WHERE x.id = p_id AND t.id = x.transfer_12345_id AND t.replied_at IS NULL;
END $$;
COMMENT ON FUNCTION api.consult_answer(bigint, text) IS '答复咨询（建议）并办结；12345 转办的同时登记答复工单';

-- 4. Steps shared by complaints and reports ---------------------------------------

CREATE FUNCTION rights.desk_open(p_kind text, p_state text) RETURNS boolean
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
	SELECT CASE p_kind
		WHEN 'complaint' THEN p_state IN ('draft', 'registered', 'accepted', 'mediating', 'mediated', 'terminated')
		WHEN 'report' THEN p_state IN ('registered', 'verifying', 'decided')
		ELSE p_state = 'open' END
$$;
COMMENT ON FUNCTION rights.desk_open(text, text) IS '事项在该状态下是否尚未办结';

-- Assigns items to a handler of their unit (a supervisor: any items of the
-- scope; a handler: only unassigned ones, to themselves). All or nothing.
CREATE FUNCTION api.desk_assign(p_kind text, p_ids bigint[], p_login text DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	it record;
	who core.staff;
	i bigint;
	n integer := 0;
	boss boolean := core.caller_has('supervisor');
BEGIN
	SELECT * INTO who FROM core.staff s WHERE s.login = coalesce(p_login, session_user) AND s.status = 'active';
	IF who.id IS NULL THEN
		RAISE EXCEPTION '没有在岗职员 %', coalesce(p_login, session_user) USING ERRCODE = 'no_data_found';
	ELSIF NOT boss AND who.login <> session_user THEN
		RAISE EXCEPTION '只有负责人可以把事项分派给他人' USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF p_kind <> 'consultation' AND NOT EXISTS (SELECT 1 FROM pg_roles r
	                                             WHERE r.rolname IN ('smcon_handler', 'smcon_supervisor')
	                                               AND pg_has_role(who.login, r.oid, 'MEMBER')) THEN
		RAISE EXCEPTION '% 不是投诉举报处理员', who.full_name USING ERRCODE = 'invalid_parameter_value';
	END IF;
	FOREACH i IN ARRAY (SELECT array_agg(x ORDER BY x) FROM unnest(p_ids) x) LOOP
		it := rights.desk_lock(p_kind, i, 'handler', 'supervisor');
		IF NOT rights.desk_open(p_kind, it.state) THEN
			PERFORM rights.wrong_state(p_kind, it.item_no, it.state, '分派');
		ELSIF NOT (it.org_id = ANY (core.org_scope(who.org_unit_id))) THEN
			RAISE EXCEPTION '% 不在处理%（%）的机构', who.full_name, rights.kind_label(p_kind), it.item_no
				USING ERRCODE = 'invalid_parameter_value';
		ELSIF NOT boss AND it.handler IS NOT NULL AND it.handler <> who.id THEN
			RAISE EXCEPTION '%（%）已由他人承办；改派须由负责人操作', rights.kind_label(p_kind), it.item_no
				USING ERRCODE = 'insufficient_privilege';
		END IF;
		EXECUTE format('UPDATE %s SET %I = $2 WHERE id = $1', rights.kind_table(p_kind),
		               CASE p_kind WHEN 'consultation' THEN 'answered_by_staff_id' ELSE 'handler_staff_id' END)
			USING i, who.id;
		PERFORM rights.desk_log(p_kind, i, 'assign', it.state, '承办人：' || who.full_name);
		n := n + 1;
	END LOOP;
	RETURN n;
END $$;
COMMENT ON FUNCTION api.desk_assign(text, bigint[], text) IS
	'分派承办人（负责人可批量改派；处理员只能认领未分派的给自己）；返回分派的件数';

-- Hands an open item to another unit: clock, deadline and history stay.
CREATE FUNCTION api.desk_transfer(p_kind text, p_id bigint, p_unit text, p_reason text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	it record := rights.desk_lock(p_kind, p_id, 'handler', 'supervisor');
	org bigint;
BEGIN
	IF NOT rights.desk_open(p_kind, it.state) THEN
		PERFORM rights.wrong_state(p_kind, it.item_no, it.state, '转交其他机构');
	ELSIF NOT coalesce(core.present(p_reason), false) THEN
		RAISE EXCEPTION '转交须写明理由' USING ERRCODE = 'not_null_violation', COLUMN = 'note';
	END IF;
	SELECT o.id INTO org FROM core.org_unit o WHERE o.code = btrim(p_unit) AND o.level <> 'city';
	IF org IS NULL THEN
		RAISE EXCEPTION '没有代码为“%”的区局或所', p_unit USING ERRCODE = 'no_data_found';
	ELSIF org = it.org_id THEN
		RAISE EXCEPTION '%（%）已由该机构处理', rights.kind_label(p_kind), it.item_no USING ERRCODE = 'invalid_parameter_value';
	END IF;
	EXECUTE format('UPDATE %s SET handling_org_id = $2, %I = NULL WHERE id = $1', rights.kind_table(p_kind),
	               CASE p_kind WHEN 'consultation' THEN 'answered_by_staff_id' ELSE 'handler_staff_id' END)
		USING p_id, org;
	PERFORM rights.desk_log(p_kind, p_id, 'transfer', it.state,
	                        '由' || (SELECT o.name FROM core.org_unit o WHERE o.id = it.org_id) || '转交：' || btrim(p_reason));
END $$;
COMMENT ON FUNCTION api.desk_transfer(text, bigint, text, text) IS '把事项转交其他机构处理（时限和办理记录随之转移；须写理由）';

-- Testing or appraisal stops a pausable clock; resuming adds the working
-- days it stood (so the deadline moves by exactly those).
CREATE FUNCTION api.desk_pause(p_kind text, p_id bigint, p_reason text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	it record := rights.desk_lock(p_kind, p_id, 'handler', 'supervisor');
BEGIN
	IF it.clock IS NULL OR NOT (SELECT k.pausable FROM core.desk_clock k WHERE k.code = it.clock) THEN
		PERFORM rights.wrong_state(p_kind, it.item_no, it.state, '暂停计时（只有调解、核查期间的检测鉴定可暂停）');
	ELSIF it.paused_since IS NOT NULL THEN
		RAISE EXCEPTION '%（%）自 % 起已暂停计时', rights.kind_label(p_kind), it.item_no, it.paused_since
			USING ERRCODE = 'object_not_in_prerequisite_state', DETAIL = 'state=' || it.state;
	ELSIF NOT coalesce(core.present(p_reason), false) THEN
		RAISE EXCEPTION '暂停计时须写明检定、检验、检测或鉴定事项' USING ERRCODE = 'not_null_violation', COLUMN = 'note';
	END IF;
	EXECUTE format('UPDATE %s SET clock_paused_since = $2 WHERE id = $1', rights.kind_table(p_kind))
		USING p_id, core.today();
	PERFORM rights.desk_log(p_kind, p_id, 'pause', it.state, p_reason);
END $$;
COMMENT ON FUNCTION api.desk_pause(text, bigint, text) IS '检定、检验、检测、鉴定期间暂停计时（须写明事项）';

CREATE FUNCTION api.desk_resume(p_kind text, p_id bigint, p_note text DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	it record := rights.desk_lock(p_kind, p_id, 'handler', 'supervisor');
	days integer;
BEGIN
	IF it.paused_since IS NULL THEN
		PERFORM rights.wrong_state(p_kind, it.item_no, it.state, '恢复计时（未暂停）');
	END IF;
	days := greatest(api.workdays_between(it.paused_since, core.today()), 0);
	EXECUTE format('UPDATE %s SET clock_paused_since = NULL, clock_workdays = clock_workdays + $2,'
	               ' testing_working_days = testing_working_days + $2,'
	               ' clock_due = api.add_workdays(clock_start, clock_workdays + $2) WHERE id = $1',
	               rights.kind_table(p_kind))
		USING p_id, days;
	PERFORM rights.desk_log(p_kind, p_id, 'resume', it.state,
	                        format('暂停 %s 个工作日', days) || coalesce('；' || nullif(btrim(p_note), ''), ''));
	RETURN days;
END $$;
COMMENT ON FUNCTION api.desk_resume(text, bigint, text) IS '恢复计时：暂停的工作日不计入时限，到期日相应推后；返回暂停的工作日数';

-- A supervisor extends the running clock, with a reason. A report's
-- verification may be extended once, by 15 working days (行政处罚程序规定
-- §18); other clocks by the days given.
CREATE FUNCTION api.desk_extend(p_kind text, p_id bigint, p_days integer, p_reason text) RETURNS date
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	it record := rights.desk_lock(p_kind, p_id, 'supervisor');
	due date;
	d integer := p_days;
BEGIN
	IF it.clock IS NULL THEN
		PERFORM rights.wrong_state(p_kind, it.item_no, it.state, '延长时限（没有正在计算的时限）');
	ELSIF it.clock = 'complaint_accept' THEN
		RAISE EXCEPTION '受理决定的七个工作日（第十四条）不能延长' USING ERRCODE = 'object_not_in_prerequisite_state',
			DETAIL = 'state=' || it.state;
	ELSIF NOT coalesce(core.present(p_reason), false) THEN
		RAISE EXCEPTION '延长时限须写明理由' USING ERRCODE = 'not_null_violation', COLUMN = 'note';
	END IF;
	IF it.clock = 'report_verify' THEN
		IF (SELECT r.verification_extended FROM rights.report r WHERE r.id = p_id) THEN
			RAISE EXCEPTION '举报 % 的核查期限已延长过一次', it.item_no USING ERRCODE = 'object_not_in_prerequisite_state',
				DETAIL = 'state=' || it.state;
		END IF;
		d := coalesce(d, 15);
		IF d <> 15 THEN
			RAISE EXCEPTION '核查期限经批准延长十五个工作日' USING ERRCODE = 'invalid_parameter_value';
		END IF;
		UPDATE rights.report r SET verification_extended = true, extension_reason = btrim(p_reason),
		       extension_approved_by = (SELECT s.id FROM core.staff s WHERE s.login = session_user)
		 WHERE r.id = p_id;
	ELSIF d IS NULL OR d NOT BETWEEN 1 AND 60 THEN
		RAISE EXCEPTION '延长的工作日数须在 1 到 60 之间' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	EXECUTE format('UPDATE %s SET clock_extended_days = clock_extended_days + $2, clock_workdays = clock_workdays + $2,'
	               ' clock_due = api.add_workdays(clock_start, clock_workdays + $2) WHERE id = $1'
	               ' RETURNING clock_due', rights.kind_table(p_kind))
		INTO due USING p_id, d;
	PERFORM rights.desk_log(p_kind, p_id, 'extend', it.state, format('延长 %s 个工作日：%s', d, btrim(p_reason)));
	RETURN due;
END $$;
COMMENT ON FUNCTION api.desk_extend(text, bigint, integer, text) IS
	'负责人批准延长正在计算的时限（须写理由；举报核查限延长一次十五个工作日）；返回新的到期日';

REVOKE ALL ON FUNCTION api.complaint_mediate(bigint, text),
	rights.complaint_end(bigint, text, text, text, numeric, text), api.complaint_agree(bigint, text, numeric, text),
	api.complaint_terminate(bigint, text, text), api.complaint_notify(bigint, text), api.complaint_close(bigint, text),
	api.tipoff_verify(bigint, text), api.tipoff_decide(bigint, boolean, text, text), api.tipoff_inform(bigint, text),
	api.tipoff_close(bigint, text), api.consult_answer(bigint, text), rights.desk_open(text, text),
	api.desk_assign(text, bigint[], text), api.desk_transfer(text, bigint, text, text),
	api.desk_pause(text, bigint, text), api.desk_resume(text, bigint, text),
	api.desk_extend(text, bigint, integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rights.desk_open(text, text) TO smcon_staff;
GRANT EXECUTE ON FUNCTION api.complaint_mediate(bigint, text), api.complaint_agree(bigint, text, numeric, text),
	api.complaint_terminate(bigint, text, text), api.complaint_notify(bigint, text), api.complaint_close(bigint, text),
	api.tipoff_verify(bigint, text), api.tipoff_decide(bigint, boolean, text, text), api.tipoff_inform(bigint, text),
	api.tipoff_close(bigint, text), api.desk_assign(text, bigint[], text), api.desk_transfer(text, bigint, text, text),
	api.desk_pause(text, bigint, text), api.desk_resume(text, bigint, text), api.desk_extend(text, bigint, integer, text)
	TO smcon_handler, smcon_supervisor;
GRANT EXECUTE ON FUNCTION api.consult_answer(bigint, text) TO smcon_clerk, smcon_handler, smcon_supervisor;
