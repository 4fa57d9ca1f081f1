-- 0143 the inspector's day and the supervisor's overview: tasks (list,
-- detail), result entry (standard codes, findings per item, 整改期限 in
-- working days, publication due 20 working days after the inspection,
-- 企业信息公示暂行条例 §6), the second inspector's confirmation (an edit after
-- it is a new version; the confirmed one is kept), the proposal to list an
-- unreachable entity as abnormal (a supervisor decides), the flags of what
-- is late, and publication (公示) with personal data masked.

CREATE FUNCTION core.task_get(p_task_no text, p_team boolean) RETURNS supervision.inspection_task
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	t supervision.inspection_task;
	me record;
BEGIN
	PERFORM core.require_role('inspector', 'supervisor', 'analyst');
	SELECT * INTO t FROM supervision.inspection_task x WHERE x.task_no = btrim(p_task_no);
	IF t.id IS NULL OR NOT (t.org_id = ANY (api.my_orgs()) OR core.caller_has('analyst')
	                        OR EXISTS (SELECT 1 FROM supervision.task_inspector ti JOIN core.staff s ON s.id = ti.staff_id
	                                    WHERE ti.task_id = t.id AND s.login = session_user)) THEN
		RAISE EXCEPTION '没有编号为 % 的检查任务，或不在本人的数据范围内', btrim(p_task_no) USING ERRCODE = 'no_data_found';
	END IF;
	IF p_team THEN
		me := core.caller_staff();
		IF NOT EXISTS (SELECT 1 FROM supervision.task_inspector ti WHERE ti.task_id = t.id AND ti.staff_id = me.staff_id) THEN
			RAISE EXCEPTION '您不是检查任务 % 的检查人员', t.task_no USING ERRCODE = 'insufficient_privilege';
		END IF;
		SELECT * INTO t FROM supervision.inspection_task x WHERE x.id = t.id FOR UPDATE;
	END IF;
	RETURN t;
END $$;
COMMENT ON FUNCTION core.task_get(text, boolean) IS '按编号取检查任务（数据范围内，或本人是其检查人员）；要求本人是检查人员时加锁';

CREATE FUNCTION core.task_status_name(s text) RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
RETURN CASE s WHEN 'pending' THEN '待派发' WHEN 'dispatched' THEN '已派发' WHEN 'inspecting' THEN '检查中'
              WHEN 'done' THEN '已完成' WHEN 'cancelled' THEN '已取消' ELSE s END;
COMMENT ON FUNCTION core.task_status_name(text) IS '检查任务状态的中文名';

CREATE FUNCTION api.task_list(p_mine boolean DEFAULT false, p_plan_no text DEFAULT NULL)
RETURNS TABLE (task_no text, plan_no text, uscc text, entity_name text, status text, due_on date, team text,
               result text, confirmed boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
#variable_conflict use_column
DECLARE
	me bigint;
	mine bigint[];
	orgs bigint[];
	everything boolean := core.caller_has('analyst');
BEGIN
	PERFORM core.require_role('inspector', 'supervisor', 'analyst');
	-- an inspector's own tasks, whichever bureau's plan they come from: from
	-- the team index, not from a scan of the tasks
	IF p_mine THEN
		me := (core.caller_staff()).staff_id;
		mine := ARRAY(SELECT ti.task_id FROM supervision.task_inspector ti WHERE ti.staff_id = me);
		RETURN QUERY
		SELECT t.task_no, p.plan_no, e.uscc::text, e.name, core.task_status_name(t.status), b.ends_on,
		       (SELECT string_agg(s.full_name || CASE WHEN ti.is_lead THEN '（主检）' ELSE '' END, '、' ORDER BY NOT ti.is_lead, s.id)
		          FROM supervision.task_inspector ti JOIN core.staff s ON s.id = ti.staff_id WHERE ti.task_id = t.id),
		       c.name, r.confirmed_at IS NOT NULL AND r.id IS NOT NULL
		  FROM supervision.inspection_task t
		  JOIN supervision.inspection_batch b ON b.id = t.batch_id
		  JOIN supervision.inspection_plan p ON p.id = b.plan_id
		  JOIN core.entity e ON e.id = t.entity_id
		  LEFT JOIN supervision.inspection_result r ON r.task_id = t.id
		  LEFT JOIN core.inspection_result_code c ON c.code = r.result_code
		 WHERE t.id = ANY (mine) AND (p_plan_no IS NULL OR p.plan_no = btrim(p_plan_no))
		 ORDER BY t.status = 'done', b.ends_on, t.task_no
		 LIMIT 500;
		RETURN;
	END IF;
	orgs := api.my_orgs();
	RETURN QUERY
	SELECT t.task_no, p.plan_no, e.uscc::text, e.name, core.task_status_name(t.status), b.ends_on,
	       (SELECT string_agg(s.full_name || CASE WHEN ti.is_lead THEN '（主检）' ELSE '' END, '、' ORDER BY NOT ti.is_lead, s.id)
	          FROM supervision.task_inspector ti JOIN core.staff s ON s.id = ti.staff_id WHERE ti.task_id = t.id),
	       c.name, r.confirmed_at IS NOT NULL AND r.id IS NOT NULL
	  FROM supervision.inspection_task t
	  JOIN supervision.inspection_batch b ON b.id = t.batch_id
	  JOIN supervision.inspection_plan p ON p.id = b.plan_id
	  JOIN core.entity e ON e.id = t.entity_id
	  LEFT JOIN supervision.inspection_result r ON r.task_id = t.id
	  LEFT JOIN core.inspection_result_code c ON c.code = r.result_code
	 WHERE (t.org_id = ANY (orgs) OR everything)
	   AND (p_plan_no IS NULL OR p.plan_no = btrim(p_plan_no))
	 ORDER BY t.status = 'done', b.ends_on, t.task_no
	 LIMIT 500;
END $$;
COMMENT ON FUNCTION api.task_list(boolean, text) IS '检查任务（本人的——无论哪一级的计划——、某计划的或数据范围内的），未完成的在前，至多 500 项';

CREATE FUNCTION api.task_show(p_task_no text)
RETURNS TABLE (field text, value text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	t supervision.inspection_task := core.task_get(p_task_no, false);
	p supervision.inspection_plan;
	b supervision.inspection_batch;
	e core.entity;
	r supervision.inspection_result;
BEGIN
	SELECT * INTO b FROM supervision.inspection_batch x WHERE x.id = t.batch_id;
	SELECT * INTO p FROM supervision.inspection_plan x WHERE x.id = b.plan_id;
	SELECT * INTO e FROM core.entity x WHERE x.id = t.entity_id;
	SELECT * INTO r FROM supervision.inspection_result x WHERE x.task_id = t.id;
	RETURN QUERY
	SELECT f, v FROM (VALUES
		(1, '任务编号', t.task_no),
		(2, '抽查计划', p.plan_no || ' ' || p.title),
		(3, '统一社会信用代码', e.uscc::text),
		(4, '检查对象', e.name),
		(5, '住所', e.address),
		(6, '状态', core.task_status_name(t.status)),
		(7, '实施期', b.starts_on || ' 至 ' || b.ends_on),
		(8, '检查人员', (SELECT string_agg(s.full_name || CASE WHEN ti.is_lead THEN '（主检）' ELSE '' END, '、'
		                                   ORDER BY NOT ti.is_lead, s.id)
		                  FROM supervision.task_inspector ti JOIN core.staff s ON s.id = ti.staff_id WHERE ti.task_id = t.id)),
		(9, '抽查事项', (SELECT string_agg(i.code || ' ' || i.name, '；' ORDER BY i.code)
		                  FROM supervision.plan_item pi JOIN supervision.inspection_item i ON i.id = pi.item_id
		                 WHERE pi.plan_id = p.id)),
		(10, '检查依据', (SELECT string_agg(DISTINCT i.legal_basis, '；')
		                   FROM supervision.plan_item pi JOIN supervision.inspection_item i ON i.id = pi.item_id
		                  WHERE pi.plan_id = p.id)),
		(11, '检查结果', (SELECT c.name FROM core.inspection_result_code c WHERE c.code = r.result_code)),
		(12, '发现问题', r.findings),
		(13, '检查完成日期', r.inspected_on::text),
		(14, '责令改正期限', r.rectification_due_on::text),
		(15, '公示期限', r.publish_due_on::text),
		(16, '版本', CASE WHEN r.id IS NOT NULL THEN r.version::text END),
		(17, '录入', (SELECT s.full_name FROM core.staff s WHERE s.id = r.entered_by_staff_id)),
		(18, '确认', (SELECT s.full_name || ' ' || to_char(r.confirmed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')
		               FROM core.staff s WHERE s.id = r.confirmed_by_staff_id)),
		(19, '列入经营异常名录', CASE r.abnormal_proposal WHEN 'proposed' THEN '已提议，待负责人决定'
		                                                WHEN 'confirmed' THEN '已列入' WHEN 'rejected' THEN '不予列入' END),
		(20, '公示时间', to_char(r.published_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'))
	) AS x (ord, f, v)
	WHERE v IS NOT NULL
	ORDER BY ord;
END $$;
COMMENT ON FUNCTION api.task_show(text) IS '一项检查任务的详情（字段、值）';

-- Entering (or correcting) a task's result. Returns the version, the
-- rectification and publication deadlines.
CREATE FUNCTION api.task_result(p_task_no text, p_code text, p_findings text[] DEFAULT '{}', p_done date DEFAULT NULL,
                                p_rectify_days integer DEFAULT 15)
RETURNS TABLE (version integer, rectification_due_on date, publish_due_on date, abnormal_proposal text)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	t supervision.inspection_task;
	me record;
	c core.inspection_result_code;
	r supervision.inspection_result;
	done date := coalesce(p_done, core.today());
	general text;
	rect date;
	pid bigint;
	plan_org bigint;
BEGIN
	PERFORM core.require_role('inspector');
	t := core.task_get(p_task_no, true);
	me := core.caller_staff();
	SELECT * INTO c FROM core.inspection_result_code x WHERE x.code = btrim(p_code);
	IF c.code IS NULL THEN
		RAISE EXCEPTION '检查结果“%”：没有这个结果代码（可用 %）', coalesce(p_code, ''),
			(SELECT string_agg(x.code, '、' ORDER BY x.sort_order) FROM core.inspection_result_code x)
			USING ERRCODE = 'invalid_parameter_value', COLUMN = 'code';
	END IF;
	IF t.status NOT IN ('dispatched', 'inspecting', 'done') THEN
		RAISE EXCEPTION '检查任务 % 状态为“%”，不能录入结果', t.task_no, core.task_status_name(t.status)
			USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	IF done > core.today() OR done < (t.dispatched_at AT TIME ZONE 'Asia/Shanghai')::date THEN
		RAISE EXCEPTION '检查完成日期 %：须在派发（%）之后、今天（%）之前', done,
			(t.dispatched_at AT TIME ZONE 'Asia/Shanghai')::date, core.today()
			USING ERRCODE = 'invalid_parameter_value', COLUMN = 'done';
	END IF;
	general := nullif(array_to_string(ARRAY(SELECT btrim(f) FROM unnest(p_findings) f WHERE core.present(f)), '；'), '');
	IF c.code <> 'no_problem' AND general IS NULL AND c.problem_found THEN
		RAISE EXCEPTION '发现问题：检查结果为“%”时须写明发现的问题', c.name
			USING ERRCODE = 'invalid_parameter_value', COLUMN = 'finding';
	END IF;
	IF p_rectify_days IS NULL OR p_rectify_days NOT BETWEEN 1 AND 90 THEN
		RAISE EXCEPTION '整改期限：须为 1 至 90 个工作日' USING ERRCODE = 'invalid_parameter_value', COLUMN = 'rectify';
	END IF;
	IF c.problem_found AND NOT c.to_abnormal_list THEN
		rect := api.add_workdays(done, p_rectify_days);
	END IF;
	SELECT * INTO r FROM supervision.inspection_result x WHERE x.task_id = t.id FOR UPDATE;
	IF r.id IS NULL THEN
		INSERT INTO supervision.inspection_result (task_id, org_id, entity_id, result_code, findings, inspected_on,
		                                           rectification_due_on, entered_by_staff_id, publish_due_on,
		                                           abnormal_proposal, source_system)
		VALUES (t.id, t.org_id, t.entity_id, c.code, coalesce(general, CASE WHEN c.code <> 'no_problem' THEN c.name END),
		        done, rect, me.staff_id, api.add_workdays(done, 20),
		        CASE WHEN c.to_abnormal_list THEN 'proposed' END, 'smcon')
		RETURNING * INTO r;
	ELSE
		IF r.confirmed_at IS NOT NULL THEN
			INSERT INTO supervision.inspection_result_version (result_id, version, result_code, findings, inspected_on,
			                                                   rectification_due_on, entered_at, entered_by_staff_id,
			                                                   confirmed_by_staff_id, confirmed_at)
			VALUES (r.id, r.version, r.result_code, r.findings, r.inspected_on, r.rectification_due_on, r.entered_at,
			        r.entered_by_staff_id, r.confirmed_by_staff_id, r.confirmed_at);
		END IF;
		UPDATE supervision.inspection_result x
		   SET version = x.version + CASE WHEN x.confirmed_at IS NOT NULL THEN 1 ELSE 0 END,
		       result_code = c.code, findings = coalesce(general, CASE WHEN c.code <> 'no_problem' THEN c.name END),
		       inspected_on = done, rectification_due_on = rect, entered_at = core.now(),
		       entered_by_staff_id = me.staff_id, publish_due_on = api.add_workdays(done, 20),
		       confirmed_by_staff_id = NULL, confirmed_at = NULL,
		       abnormal_proposal = CASE WHEN c.to_abnormal_list THEN coalesce(x.abnormal_proposal, 'proposed')
		                                WHEN x.abnormal_proposal = 'proposed' THEN NULL ELSE x.abnormal_proposal END
		 WHERE x.id = r.id
		RETURNING * INTO r;
		DELETE FROM supervision.inspection_result_item ri WHERE ri.result_id = r.id;
	END IF;
	SELECT b.plan_id INTO pid FROM supervision.inspection_batch b WHERE b.id = t.batch_id;
	INSERT INTO supervision.inspection_result_item (result_id, item_id, result_code, note)
	SELECT r.id, i.id, c.code,
	       (SELECT string_agg(btrim(substr(f, strpos(f, ':') + 1)), '；') FROM unnest(p_findings) f
	         WHERE upper(btrim(split_part(f, ':', 1))) = upper(i.code))
	  FROM supervision.plan_item pi JOIN supervision.inspection_item i ON i.id = pi.item_id
	 WHERE pi.plan_id = pid;
	UPDATE supervision.inspection_task x SET status = 'done', inspected_from = coalesce(least(x.inspected_from, done), done),
	                                         inspected_to = done
	 WHERE x.id = t.id;
	UPDATE supervision.inspection_plan x SET status = 'in_progress' WHERE x.id = pid AND x.status = 'drawn'
	RETURNING x.org_id INTO plan_org;
	IF plan_org IS NOT NULL THEN
		PERFORM core.insp_notify('plan', pid, plan_org, 'in_progress');
	END IF;
	PERFORM core.insp_notify('task', t.id, t.org_id, 'done');
	version := r.version;
	rectification_due_on := r.rectification_due_on;
	publish_due_on := r.publish_due_on;
	abnormal_proposal := r.abnormal_proposal;
	RETURN NEXT;
END $$;
COMMENT ON FUNCTION api.task_result(text, text, text[], date, integer) IS
	'录入检查结果（限该任务的检查人员）：结果代码、发现的问题（“事项编码:内容”归入该事项）、完成日期；算出整改期限（工作日）和公示期限（20 个工作日）；确认后再改为新版本';

CREATE FUNCTION api.task_confirm(p_task_no text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	t supervision.inspection_task;
	me record;
	r supervision.inspection_result;
BEGIN
	PERFORM core.require_role('inspector');
	t := core.task_get(p_task_no, true);
	me := core.caller_staff();
	SELECT * INTO r FROM supervision.inspection_result x WHERE x.task_id = t.id FOR UPDATE;
	IF r.id IS NULL THEN
		RAISE EXCEPTION '检查任务 % 还没有录入结果', t.task_no USING ERRCODE = 'object_not_in_prerequisite_state';
	ELSIF r.confirmed_at IS NOT NULL THEN
		RAISE EXCEPTION '检查任务 % 的结果（第 % 版）已经确认', t.task_no, r.version
			USING ERRCODE = 'object_not_in_prerequisite_state';
	ELSIF r.entered_by_staff_id = me.staff_id THEN
		RAISE EXCEPTION '结果须由录入人以外的另一名检查人员确认' USING ERRCODE = 'insufficient_privilege';
	END IF;
	UPDATE supervision.inspection_result x SET confirmed_by_staff_id = me.staff_id, confirmed_at = core.now()
	 WHERE x.id = r.id;
	PERFORM core.insp_notify('task', t.id, t.org_id, 'confirmed');
	RETURN r.version;
END $$;
COMMENT ON FUNCTION api.task_confirm(text) IS '第二名检查人员确认检查结果；返回确认的版本号';

CREATE FUNCTION api.task_abnormal_decide(p_task_no text, p_accept boolean) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	t supervision.inspection_task;
	p supervision.inspection_plan;
	r supervision.inspection_result;
	me record;
BEGIN
	PERFORM core.require_role('supervisor');
	t := core.task_get(p_task_no, false);
	SELECT x.* INTO p FROM supervision.inspection_plan x JOIN supervision.inspection_batch b ON b.plan_id = x.id
	 WHERE b.id = t.batch_id;
	p := core.plan_get(p.plan_no, true);
	me := core.caller_staff();
	SELECT * INTO r FROM supervision.inspection_result x WHERE x.task_id = t.id FOR UPDATE;
	IF r.abnormal_proposal IS DISTINCT FROM 'proposed' THEN
		RAISE EXCEPTION '检查任务 % 没有待决定的列入经营异常名录建议', t.task_no
			USING ERRCODE = 'object_not_in_prerequisite_state';
	ELSIF r.confirmed_at IS NULL THEN
		RAISE EXCEPTION '检查任务 % 的结果尚未经第二名检查人员确认', t.task_no
			USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	UPDATE supervision.inspection_result x
	   SET abnormal_proposal = CASE WHEN p_accept THEN 'confirmed' ELSE 'rejected' END,
	       abnormal_decided_by_staff_id = me.staff_id, abnormal_decided_at = core.now()
	 WHERE x.id = r.id;
	IF p_accept THEN
		INSERT INTO credit.abnormal_operation (entity_id, list_reason, listed_on, listing_org_id, inspection_result_id,
		                                       source_system)
		VALUES (r.entity_id, 'unreachable', core.today(), p.org_id, r.id, 'smcon')
		ON CONFLICT DO NOTHING;
	END IF;
	PERFORM core.insp_notify('task', t.id, t.org_id, CASE WHEN p_accept THEN 'abnormal_listed' ELSE 'abnormal_rejected' END);
	RETURN CASE WHEN p_accept THEN '已列入经营异常名录' ELSE '不予列入' END;
END $$;
COMMENT ON FUNCTION api.task_abnormal_decide(text, boolean) IS
	'负责人决定是否把“通过登记的住所无法联系”的主体列入经营异常名录（结果须已确认）';

-- What is late or waiting, each with the rule that sets the limit.
CREATE FUNCTION api.inspection_flags(p_plan_no text DEFAULT NULL)
RETURNS TABLE (flag text, plan_no text, task_no text, entity_name text, due_on date, basis text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
#variable_conflict use_column
DECLARE
	orgs bigint[] := api.my_orgs();
	everything boolean := core.caller_has('analyst');
	today date := core.today();
BEGIN
	PERFORM core.require_role('supervisor', 'analyst');
	RETURN QUERY
	SELECT x.flag, x.plan_no, x.task_no, x.name, x.due, x.basis FROM (
		SELECT '逾期未完成' AS flag, p.plan_no, t.task_no, e.name, b.ends_on AS due,
		       '抽查计划规定的实施期（国办发〔2015〕58号：按计划实施抽查）' AS basis
		  FROM supervision.inspection_task t
		  JOIN supervision.inspection_batch b ON b.id = t.batch_id
		  JOIN supervision.inspection_plan p ON p.id = b.plan_id
		  JOIN core.entity e ON e.id = t.entity_id
		 WHERE t.status IN ('dispatched', 'inspecting') AND b.ends_on < today AND p.status IN ('drawn', 'in_progress')
		   AND (t.org_id = ANY (orgs) OR everything) AND (p_plan_no IS NULL OR p.plan_no = p_plan_no)
		UNION ALL
		SELECT '逾期未公示', p.plan_no, t.task_no, e.name, r.publish_due_on,
		       '《企业信息公示暂行条例》第六条：检查结果在检查结束后 20 个工作日内公示'
		  FROM supervision.inspection_result r
		  JOIN supervision.inspection_task t ON t.id = r.task_id
		  JOIN supervision.inspection_batch b ON b.id = t.batch_id
		  JOIN supervision.inspection_plan p ON p.id = b.plan_id
		  JOIN core.entity e ON e.id = r.entity_id
		 WHERE r.published_at IS NULL AND r.publish_due_on < today AND p.status IN ('drawn', 'in_progress')
		   AND (r.org_id = ANY (orgs) OR everything) AND (p_plan_no IS NULL OR p.plan_no = p_plan_no)
		UNION ALL
		SELECT '待决定列入经营异常名录', p.plan_no, t.task_no, e.name, NULL::date,
		       '《企业信息公示暂行条例》第十七条：通过登记的住所无法联系的列入经营异常名录'
		  FROM supervision.inspection_result r
		  JOIN supervision.inspection_task t ON t.id = r.task_id
		  JOIN supervision.inspection_batch b ON b.id = t.batch_id
		  JOIN supervision.inspection_plan p ON p.id = b.plan_id
		  JOIN core.entity e ON e.id = r.entity_id
		 WHERE r.abnormal_proposal = 'proposed'
		   AND (r.org_id = ANY (orgs) OR everything) AND (p_plan_no IS NULL OR p.plan_no = p_plan_no)
	) x
	ORDER BY x.due NULLS LAST, x.task_no
	LIMIT 1000;
END $$;
COMMENT ON FUNCTION api.inspection_flags(text) IS '逾期未完成的任务、逾期未公示的结果和待决定的列异建议，各附时限依据';

-- Progress per plan (kind 'plan'), per station (kind 'station') and per
-- inspector (kind 'inspector') of the plans still running.
CREATE FUNCTION api.inspection_overview()
RETURNS TABLE (kind text, name text, tasks bigint, done bigint, confirmed bigint, published bigint, overdue bigint,
               unpublished_late bigint)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
#variable_conflict use_column
DECLARE
	orgs bigint[] := api.my_orgs();
	everything boolean := core.caller_has('analyst');
	today date := core.today();
BEGIN
	PERFORM core.require_role('supervisor', 'analyst');
	CREATE TEMP TABLE insp_ov ON COMMIT DROP AS
	SELECT p.plan_no, e.org_id AS station, t.id AS task_id, t.status,
	       r.id IS NOT NULL AS has_result, r.confirmed_at IS NOT NULL AS is_confirmed, r.published_at IS NOT NULL AS is_published,
	       t.status IN ('dispatched', 'inspecting') AND b.ends_on < today AS is_overdue,
	       r.id IS NOT NULL AND r.published_at IS NULL AND r.publish_due_on < today AS is_late
	  FROM supervision.inspection_plan p
	  JOIN supervision.inspection_batch b ON b.plan_id = p.id
	  JOIN supervision.inspection_task t ON t.batch_id = b.id AND t.status <> 'cancelled'
	  JOIN core.entity e ON e.id = t.entity_id
	  LEFT JOIN supervision.inspection_result r ON r.task_id = t.id
	 WHERE p.status IN ('drawn', 'in_progress') AND (p.org_id = ANY (orgs) OR everything);
	RETURN QUERY
	SELECT 'plan', o.plan_no, count(*), count(*) FILTER (WHERE o.has_result), count(*) FILTER (WHERE o.is_confirmed),
	       count(*) FILTER (WHERE o.is_published), count(*) FILTER (WHERE o.is_overdue), count(*) FILTER (WHERE o.is_late)
	  FROM pg_temp.insp_ov o GROUP BY o.plan_no
	UNION ALL
	SELECT 'station', coalesce(u.short_name, '未分配'), count(*), count(*) FILTER (WHERE o.has_result),
	       count(*) FILTER (WHERE o.is_confirmed), count(*) FILTER (WHERE o.is_published),
	       count(*) FILTER (WHERE o.is_overdue), count(*) FILTER (WHERE o.is_late)
	  FROM pg_temp.insp_ov o LEFT JOIN core.org_unit u ON u.id = o.station GROUP BY u.short_name
	UNION ALL
	SELECT 'inspector', s.full_name || '（' || s.employee_no || '）', count(*), count(*) FILTER (WHERE o.has_result),
	       count(*) FILTER (WHERE o.is_confirmed), count(*) FILTER (WHERE o.is_published),
	       count(*) FILTER (WHERE o.is_overdue), count(*) FILTER (WHERE o.is_late)
	  FROM pg_temp.insp_ov o JOIN supervision.task_inspector ti ON ti.task_id = o.task_id
	  JOIN core.staff s ON s.id = ti.staff_id GROUP BY s.full_name, s.employee_no
	ORDER BY 1 DESC, 2;
	DROP TABLE pg_temp.insp_ov;
END $$;
COMMENT ON FUNCTION api.inspection_overview() IS '实施中的抽查计划的进度：按计划、监管所和检查人员统计任务、完成、确认、公示、逾期';

-- Publication: every confirmed result of the plan not yet published.
CREATE FUNCTION api.plan_publish(p_plan_no text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	p supervision.inspection_plan := core.plan_get(p_plan_no, true);
	n integer;
BEGIN
	IF p.status NOT IN ('drawn', 'in_progress') THEN
		RAISE EXCEPTION '抽查计划 % 状态为“%”，没有可公示的结果', p.plan_no, core.plan_status_name(p.status)
			USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	UPDATE supervision.inspection_result r SET published_at = core.now()
	  FROM supervision.inspection_task t JOIN supervision.inspection_batch b ON b.id = t.batch_id
	 WHERE r.task_id = t.id AND b.plan_id = p.id AND r.published_at IS NULL AND r.confirmed_at IS NOT NULL;
	GET DIAGNOSTICS n = ROW_COUNT;
	IF NOT EXISTS (SELECT 1 FROM supervision.inspection_task t JOIN supervision.inspection_batch b ON b.id = t.batch_id
	                LEFT JOIN supervision.inspection_result r ON r.task_id = t.id
	                WHERE b.plan_id = p.id AND t.status <> 'cancelled' AND r.published_at IS NULL) THEN
		UPDATE supervision.inspection_plan x SET status = 'finished', published_at = core.now() WHERE x.id = p.id;
		PERFORM core.insp_notify('plan', p.id, p.org_id, 'finished');
	ELSE
		PERFORM core.insp_notify('plan', p.id, p.org_id, p.status);
	END IF;
	RETURN n;
END $$;
COMMENT ON FUNCTION api.plan_publish(text) IS
	'公示抽查计划中已确认的检查结果；全部任务的结果都已公示时计划完成；返回本次公示的条数';

CREATE FUNCTION api.plan_publication(p_plan_no text)
RETURNS TABLE (plan_no text, task_no text, uscc text, entity_name text, legal_rep text, items text, result text,
               findings text, inspected_on date, org_name text, published_on date)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
#variable_conflict use_column
DECLARE
	p supervision.inspection_plan := core.plan_get(p_plan_no, false);
BEGIN
	RETURN QUERY
	SELECT p.plan_no, t.task_no, e.uscc::text, e.name, core.mask_name(e.legal_rep_name),
	       (SELECT string_agg(i.name, '；' ORDER BY i.code) FROM supervision.inspection_result_item ri
	          JOIN supervision.inspection_item i ON i.id = ri.item_id WHERE ri.result_id = r.id),
	       c.name, r.findings, r.inspected_on, o.name, (r.published_at AT TIME ZONE 'Asia/Shanghai')::date
	  FROM supervision.inspection_result r
	  JOIN supervision.inspection_task t ON t.id = r.task_id
	  JOIN supervision.inspection_batch b ON b.id = t.batch_id
	  JOIN core.entity e ON e.id = r.entity_id
	  JOIN core.inspection_result_code c ON c.code = r.result_code
	  JOIN core.org_unit o ON o.id = p.org_id
	 WHERE b.plan_id = p.id AND r.published_at IS NOT NULL
	 ORDER BY t.task_no;
END $$;
COMMENT ON FUNCTION api.plan_publication(text) IS
	'抽查计划的公示内容：已公示的检查结果（法定代表人等个人信息脱敏，不含风险等级）';

REVOKE ALL ON FUNCTION core.task_get(text, boolean), api.task_list(boolean, text), api.task_show(text),
	api.task_result(text, text, text[], date, integer), api.task_confirm(text), api.task_abnormal_decide(text, boolean),
	api.inspection_flags(text), api.inspection_overview(), api.plan_publish(text), api.plan_publication(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION core.task_status_name(text) TO smcon_staff;
GRANT EXECUTE ON FUNCTION api.task_list(boolean, text), api.task_show(text), api.plan_publication(text)
	TO smcon_inspector, smcon_supervisor, smcon_analyst;
GRANT EXECUTE ON FUNCTION api.task_result(text, text, text[], date, integer), api.task_confirm(text) TO smcon_inspector;
GRANT EXECUTE ON FUNCTION api.task_abnormal_decide(text, boolean), api.plan_publish(text) TO smcon_supervisor;
GRANT EXECUTE ON FUNCTION api.inspection_flags(text), api.inspection_overview() TO smcon_supervisor, smcon_analyst;
