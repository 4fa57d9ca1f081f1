-- 0100 the 12315 desk: the states, clocks and records a handler works with.
--
-- Complaints (投诉), reports (举报) and consultations/suggestions (咨询、建议)
-- keep their own tables (0018). This migration adds what the desk needs:
--
-- - States. A complaint: draft (§9 materials missing) → registered →
--   accepted / refused (§15) → mediating → mediated (agreement) /
--   terminated (§21) → [parties notified] → closed; merged when it was a
--   duplicate folded into an earlier item. A report: registered → verifying
--   → decided (case opened or not) → [real-name reporter informed] → closed.
-- - One running clock per item, stored on the item: which clock
--   (core.desk_clock, with its article), the day it starts, the working days
--   it runs (the limit plus paused and extended days) and the deadline
--   computed from the work calendar. Registered in core.deadline_rule, so a
--   calendar load recomputes it. A paused clock keeps the day it stopped;
--   resuming adds the working days it stood still.
-- - rights.desk_event: the timeline, one row per action, with the state
--   before and after and the reason given.
-- - §12 e-commerce platforms as data (core.ecommerce_platform), the 12345
--   reply limit and the duplicate window as settings.

-- 1. Reference data -------------------------------------------------------

CREATE TABLE core.desk_clock (
	code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
	item_kind text NOT NULL CHECK (item_kind IN ('complaint', 'report', 'consultation')),
	label text NOT NULL CHECK (core.present(label)),
	workdays integer CHECK (workdays > 0),
	setting_key text REFERENCES core.setting (key),
	law text,
	article_no integer CHECK (article_no > 0),
	article text NOT NULL CHECK (core.present(article)),
	pausable boolean NOT NULL DEFAULT false,
	CHECK ((workdays IS NULL) <> (setting_key IS NULL)),
	CHECK ((law IS NULL) = (article_no IS NULL))
);
COMMENT ON TABLE core.desk_clock IS '12315 工作台的办理时限：每种时限的工作日数和设定它的条款';
COMMENT ON COLUMN core.desk_clock.code IS '时限代码';
COMMENT ON COLUMN core.desk_clock.item_kind IS '适用的事项：complaint 投诉，report 举报，consultation 咨询建议';
COMMENT ON COLUMN core.desk_clock.label IS '时限名称';
COMMENT ON COLUMN core.desk_clock.workdays IS '法定工作日数（由系统参数决定时为空）';
COMMENT ON COLUMN core.desk_clock.setting_key IS '决定工作日数的系统参数（12345 答复时限等本地规定）';
COMMENT ON COLUMN core.desk_clock.law IS '政策知识库中的法规简称（可调出条文；库中没有时为空）';
COMMENT ON COLUMN core.desk_clock.article_no IS '条序号';
COMMENT ON COLUMN core.desk_clock.article IS '设定时限的条款（显示用）';
COMMENT ON COLUMN core.desk_clock.pausable IS '检定、检验、检测、鉴定期间是否暂停计时';
CREATE INDEX desk_clock_setting_key_idx ON core.desk_clock (setting_key);

INSERT INTO core.setting (key, value, value_type, description) VALUES
	('reply_12345_workdays', '5', 'integer', '12345 转办工单的答复时限（工作日，本地规定）'),
	('desk_duplicate_days', '30', 'integer', '登记时查重：同一投诉人电话、同一被投诉人在多少天内视为重复'),
	('desk_due_soon_percent', '70', 'integer', '已用时限达到多少（%）时列为临近到期（黄色）');

INSERT INTO core.desk_clock (code, item_kind, label, workdays, setting_key, law, article_no, article, pausable) VALUES
	('complaint_accept', 'complaint', '决定是否受理并告知投诉人', 7, NULL,
	 '投诉举报处理暂行办法', 14, '市场监督管理投诉举报处理暂行办法第十四条', false),
	('complaint_mediate', 'complaint', '调解（自受理之日起）', 45, NULL,
	 '投诉举报处理暂行办法', 21, '市场监督管理投诉举报处理暂行办法第二十一条第一款第五项、第二十条', true),
	('complaint_notify', 'complaint', '告知投诉人和被投诉人调解结果', 7, NULL,
	 '投诉举报处理暂行办法', 21, '市场监督管理投诉举报处理暂行办法第二十一条第二款', false),
	('report_verify', 'report', '核查并决定是否立案', 15, NULL,
	 NULL, NULL, '市场监督管理行政处罚程序规定第十八条（经批准可延长十五个工作日）', true),
	('report_inform', 'report', '告知实名举报人是否立案', 5, NULL,
	 '投诉举报处理暂行办法', 31, '市场监督管理投诉举报处理暂行办法第三十一条', false),
	('consult_reply', 'consultation', '答复 12345 转办工单', NULL, 'reply_12345_workdays',
	 NULL, NULL, '12345 政务服务热线工单办理规定（本地）', false);

CREATE TABLE core.ecommerce_platform (
	name text PRIMARY KEY CHECK (core.present(name)),
	operator_name text NOT NULL CHECK (core.present(operator_name)),
	domicile text NOT NULL CHECK (core.present(domicile)),
	org_id bigint REFERENCES core.org_unit (id),
	note text
);
COMMENT ON TABLE core.ecommerce_platform IS
	'电子商务平台（投诉举报处理暂行办法第十二条第二款：对平台经营者的投诉由其住所地县级局处理，对平台内经营者的投诉由其实际经营地或平台经营者住所地县级局处理）';
COMMENT ON COLUMN core.ecommerce_platform.name IS '平台名称';
COMMENT ON COLUMN core.ecommerce_platform.operator_name IS '平台经营者';
COMMENT ON COLUMN core.ecommerce_platform.domicile IS '平台经营者住所地';
COMMENT ON COLUMN core.ecommerce_platform.org_id IS '住所地在本市时的处理机构（区局）；本市以外为空';
COMMENT ON COLUMN core.ecommerce_platform.note IS '说明';
CREATE INDEX ecommerce_platform_org_id_idx ON core.ecommerce_platform (org_id);
INSERT INTO core.ecommerce_platform (name, operator_name, domicile, org_id, note) VALUES
	('淘宝', '浙江淘宝网络有限公司', '浙江省杭州市余杭区', NULL, '平台经营者不在本市：对平台内经营者的投诉由其实际经营地处理'),
	('天猫', '浙江天猫网络有限公司', '浙江省杭州市余杭区', NULL, NULL),
	('京东', '北京京东叁佰陆拾度电子商务有限公司', '北京市北京经济技术开发区', NULL, NULL),
	('拼多多', '上海寻梦信息技术有限公司', '上海市长宁区', NULL, NULL),
	('抖音', '北京抖音信息服务有限公司', '北京市海淀区', NULL, NULL),
	('美团', '北京三快在线科技有限公司', '北京市朝阳区', NULL, NULL);

-- 2. Complaints -------------------------------------------------------------

ALTER TABLE rights.complaint DROP CONSTRAINT complaint_status_check;
ALTER TABLE rights.complaint ADD CONSTRAINT complaint_status_check
	CHECK (status IN ('draft', 'registered', 'accepted', 'refused', 'mediating', 'mediated', 'terminated',
	                  'closed', 'merged'));
COMMENT ON COLUMN rights.complaint.status IS
	'状态：draft 材料不全（待补正），registered 已登记待决定，accepted 已受理，refused 不予受理，mediating 调解中，mediated 达成调解协议，terminated 终止调解，closed 办结，merged 重复件已并入另一件';

ALTER TABLE rights.complaint
	ADD COLUMN merged_into_id bigint REFERENCES rights.complaint (id),
	ADD COLUMN report_id bigint REFERENCES rights.report (id),
	ADD COLUMN routing_note text,
	ADD COLUMN mediation_ended_at timestamptz,
	ADD COLUMN agreement text,
	ADD COLUMN clock text REFERENCES core.desk_clock (code),
	ADD COLUMN clock_start date,
	ADD COLUMN clock_workdays integer CHECK (clock_workdays > 0),
	ADD COLUMN clock_due date,
	ADD COLUMN clock_paused_since date,
	ADD COLUMN clock_extended_days integer NOT NULL DEFAULT 0 CHECK (clock_extended_days >= 0);
COMMENT ON COLUMN rights.complaint.merged_into_id IS '重复件并入的投诉（合并后以最早收到的时间计算时限）';
COMMENT ON COLUMN rights.complaint.report_id IS '同一次提交中一并登记的举报';
COMMENT ON COLUMN rights.complaint.routing_note IS '未按属地交办时承办人写明的理由';
COMMENT ON COLUMN rights.complaint.mediation_ended_at IS '调解结束（达成协议或终止调解）的时间';
COMMENT ON COLUMN rights.complaint.agreement IS '调解协议内容';
COMMENT ON COLUMN rights.complaint.clock IS '正在计算的办理时限';
COMMENT ON COLUMN rights.complaint.clock_start IS '时限起算日（当日不计入）';
COMMENT ON COLUMN rights.complaint.clock_workdays IS '时限工作日数（法定日数加暂停和延长的工作日）';
COMMENT ON COLUMN rights.complaint.clock_due IS '时限到期日（按工作日历计算）';
COMMENT ON COLUMN rights.complaint.clock_paused_since IS '检定、检验、检测、鉴定暂停计时的开始日（未暂停为空）';
COMMENT ON COLUMN rights.complaint.clock_extended_days IS '经负责人批准延长的工作日';
CREATE INDEX complaint_merged_into_id_idx ON rights.complaint (merged_into_id);
CREATE INDEX complaint_report_id_idx ON rights.complaint (report_id);
CREATE INDEX complaint_clock_idx ON rights.complaint (clock);
-- the desk's queue: open items of a unit (0082's index, widened to the new states)
DROP INDEX rights.complaint_open_idx;
CREATE INDEX complaint_open_idx ON rights.complaint (handling_org_id, clock_due)
	WHERE status IN ('draft', 'registered', 'accepted', 'mediating', 'mediated', 'terminated');
COMMENT ON INDEX rights.complaint_open_idx IS '各处理单位未办结的投诉（12315 工作台队列，按到期日）';
-- duplicates at intake: the same complainant's phone within a window
CREATE INDEX complaint_phone_idx ON rights.complaint (complainant_phone, received_at);

-- The existing rules, widened to the new states.
ALTER TABLE rights.complaint DROP CONSTRAINT complaint_section9_complete;
ALTER TABLE rights.complaint ADD CONSTRAINT complaint_section9_complete
	CHECK (status IN ('draft', 'registered', 'refused', 'merged')
		OR (core.present(complainant_name) AND core.present(complainant_phone)
		    AND core.present(complainant_address) AND core.present(respondent_name)
		    AND core.present(respondent_address) AND core.present(request) AND core.present(facts)));
COMMENT ON CONSTRAINT complaint_section9_complete ON rights.complaint IS
	'受理须具备第九条材料：投诉人姓名、电话、地址，被投诉人名称、地址，投诉请求和争议事实';
ALTER TABLE rights.complaint DROP CONSTRAINT complaint_decision_dated;
ALTER TABLE rights.complaint ADD CONSTRAINT complaint_decision_dated
	CHECK (CASE WHEN status = 'merged' THEN decided_at IS NULL
	            ELSE (status IN ('draft', 'registered')) = (decided_at IS NULL) END);
ALTER TABLE rights.complaint DROP CONSTRAINT complaint_closed_with_outcome;
ALTER TABLE rights.complaint ADD CONSTRAINT complaint_closed_with_outcome
	CHECK ((status = 'closed') = (closed_at IS NOT NULL)
	       AND (status IN ('mediated', 'terminated', 'closed')) = (outcome IS NOT NULL)
	       AND (status <> 'mediated' OR outcome = 'agreement')
	       AND (status <> 'terminated' OR outcome = 'terminated'));
ALTER TABLE rights.complaint DROP CONSTRAINT complaint_steps_in_order;
ALTER TABLE rights.complaint ADD CONSTRAINT complaint_steps_in_order
	CHECK (core.in_order(received_at, decided_at, mediation_started_at, mediation_ended_at, parties_notified_at)
	       AND core.in_order(decided_at, mediation_ended_at, closed_at)
	       AND core.in_order(decided_at, complainant_notified_at));
ALTER TABLE rights.complaint ADD CONSTRAINT complaint_merged_into
	CHECK ((status = 'merged') = (merged_into_id IS NOT NULL) AND merged_into_id IS DISTINCT FROM id);
ALTER TABLE rights.complaint ADD CONSTRAINT complaint_clock_complete
	CHECK ((clock IS NULL) = (clock_start IS NULL) AND (clock IS NULL) = (clock_workdays IS NULL)
	       AND (clock IS NOT NULL OR clock_paused_since IS NULL));
COMMENT ON CONSTRAINT complaint_clock_complete ON rights.complaint IS '时限须有起算日和工作日数';

-- 3. Reports ----------------------------------------------------------------

ALTER TABLE rights.report DROP CONSTRAINT report_status_check;
ALTER TABLE rights.report ADD CONSTRAINT report_status_check
	CHECK (status IN ('registered', 'verifying', 'decided', 'transferred', 'closed', 'merged'));
COMMENT ON COLUMN rights.report.status IS
	'状态：registered 已登记，verifying 核查中，decided 已决定是否立案，transferred 已告知向有权机关提出，closed 办结，merged 重复件已并入另一件';
-- A case opened from a report is recorded by its number when the case
-- itself is not (yet) in the warehouse.
ALTER TABLE rights.report ADD COLUMN case_no text;
ALTER TABLE rights.report DROP CONSTRAINT report_case_opened_has_case;
ALTER TABLE rights.report ADD CONSTRAINT report_case_opened_has_case
	CHECK ((decision = 'case_opened') = (case_id IS NOT NULL OR case_no IS NOT NULL));
ALTER TABLE rights.report
	ADD COLUMN merged_into_id bigint REFERENCES rights.report (id),
	ADD COLUMN routing_note text,
	ADD COLUMN extension_reason text,
	ADD COLUMN extension_approved_by bigint REFERENCES core.staff (id),
	ADD COLUMN clock text REFERENCES core.desk_clock (code),
	ADD COLUMN clock_start date,
	ADD COLUMN clock_workdays integer CHECK (clock_workdays > 0),
	ADD COLUMN clock_due date,
	ADD COLUMN clock_paused_since date,
	ADD COLUMN clock_extended_days integer NOT NULL DEFAULT 0 CHECK (clock_extended_days >= 0),
	ADD CONSTRAINT report_merged_into
		CHECK ((status = 'merged') = (merged_into_id IS NOT NULL) AND merged_into_id IS DISTINCT FROM id),
	ADD CONSTRAINT report_clock_complete
		CHECK ((clock IS NULL) = (clock_start IS NULL) AND (clock IS NULL) = (clock_workdays IS NULL)
		       AND (clock IS NOT NULL OR clock_paused_since IS NULL)),
	ADD CONSTRAINT report_extension_approved
		CHECK (NOT verification_extended OR extension_reason IS NULL OR extension_approved_by IS NOT NULL);
COMMENT ON COLUMN rights.report.merged_into_id IS '重复件并入的举报';
COMMENT ON COLUMN rights.report.routing_note IS '未按属地交办时承办人写明的理由';
COMMENT ON COLUMN rights.report.case_no IS '立案的案件编号（案件尚未入库时记录编号）';
COMMENT ON COLUMN rights.report.extension_reason IS '核查期限延长的理由';
COMMENT ON COLUMN rights.report.extension_approved_by IS '批准延长核查期限的负责人';
COMMENT ON COLUMN rights.report.clock IS '正在计算的办理时限';
COMMENT ON COLUMN rights.report.clock_start IS '时限起算日（当日不计入）';
COMMENT ON COLUMN rights.report.clock_workdays IS '时限工作日数（法定日数加暂停和延长的工作日）';
COMMENT ON COLUMN rights.report.clock_due IS '时限到期日（按工作日历计算）';
COMMENT ON COLUMN rights.report.clock_paused_since IS '检测、检验、鉴定暂停计时的开始日（未暂停为空）';
COMMENT ON COLUMN rights.report.clock_extended_days IS '经负责人批准延长的工作日';
CREATE INDEX report_merged_into_id_idx ON rights.report (merged_into_id);
CREATE INDEX report_extension_approved_by_idx ON rights.report (extension_approved_by);
CREATE INDEX report_clock_idx ON rights.report (clock);
DROP INDEX rights.report_open_idx;
CREATE INDEX report_open_idx ON rights.report (handling_org_id, clock_due)
	WHERE status IN ('registered', 'verifying', 'decided');
COMMENT ON INDEX rights.report_open_idx IS '各处理单位未办结的举报（12315 工作台队列，按到期日）';
CREATE INDEX report_phone_idx ON rights.report (reporter_phone, received_at);

-- 4. Consultations and 12345 work orders ------------------------------------

ALTER TABLE rights.consultation
	ADD COLUMN clock text REFERENCES core.desk_clock (code),
	ADD COLUMN clock_start date,
	ADD COLUMN clock_workdays integer CHECK (clock_workdays > 0),
	ADD COLUMN clock_due date,
	ADD COLUMN clock_paused_since date,
	ADD COLUMN clock_extended_days integer NOT NULL DEFAULT 0 CHECK (clock_extended_days >= 0),
	ADD CONSTRAINT consultation_clock_complete
		CHECK ((clock IS NULL) = (clock_start IS NULL) AND (clock IS NULL) = (clock_workdays IS NULL)
		       AND clock_paused_since IS NULL);
COMMENT ON COLUMN rights.consultation.clock IS '正在计算的办理时限（12345 转办的答复时限）';
COMMENT ON COLUMN rights.consultation.clock_start IS '时限起算日（当日不计入）';
COMMENT ON COLUMN rights.consultation.clock_workdays IS '时限工作日数（含延长的工作日）';
COMMENT ON COLUMN rights.consultation.clock_due IS '时限到期日（按工作日历计算）';
COMMENT ON COLUMN rights.consultation.clock_paused_since IS '暂停计时的开始日（咨询不暂停，恒为空）';
COMMENT ON COLUMN rights.consultation.clock_extended_days IS '经负责人批准延长的工作日';
CREATE INDEX consultation_clock_idx ON rights.consultation (clock);
CREATE INDEX consultation_open_idx ON rights.consultation (handling_org_id, clock_due) WHERE status = 'open';

-- 5. The timeline -------------------------------------------------------------

CREATE TABLE rights.desk_event (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	item_kind text NOT NULL CHECK (item_kind IN ('complaint', 'report', 'consultation')),
	item_id bigint NOT NULL,
	at timestamptz NOT NULL,
	actor text NOT NULL DEFAULT session_user,
	staff_id bigint REFERENCES core.staff (id),
	action text NOT NULL CHECK (action ~ '^[a-z][a-z_]*$'),
	from_state text,
	to_state text,
	org_id bigint NOT NULL REFERENCES core.org_unit (id),
	clock text REFERENCES core.desk_clock (code),
	clock_due date,
	note text CHECK (char_length(note) <= 2000),
	other_id bigint
);
COMMENT ON TABLE rights.desk_event IS '12315 工作台办理记录：每一步操作的时间、承办人、状态变化和理由（时间线）';
COMMENT ON COLUMN rights.desk_event.id IS '内部编号';
COMMENT ON COLUMN rights.desk_event.item_kind IS '事项类别：complaint 投诉，report 举报，consultation 咨询建议';
COMMENT ON COLUMN rights.desk_event.item_id IS '事项编号';
COMMENT ON COLUMN rights.desk_event.at IS '操作时间';
COMMENT ON COLUMN rights.desk_event.actor IS '操作的数据库账号';
COMMENT ON COLUMN rights.desk_event.staff_id IS '操作的职员';
COMMENT ON COLUMN rights.desk_event.action IS '操作：intake 登记，accept 受理，reject 不予受理，mediate 调解 …';
COMMENT ON COLUMN rights.desk_event.from_state IS '操作前的状态';
COMMENT ON COLUMN rights.desk_event.to_state IS '操作后的状态';
COMMENT ON COLUMN rights.desk_event.org_id IS '操作后的处理机构';
COMMENT ON COLUMN rights.desk_event.clock IS '操作后正在计算的时限';
COMMENT ON COLUMN rights.desk_event.clock_due IS '操作后的时限到期日';
COMMENT ON COLUMN rights.desk_event.note IS '理由或说明（不含个人信息）';
COMMENT ON COLUMN rights.desk_event.other_id IS '合并、分开处理时的另一件事项';
CREATE INDEX desk_event_item_idx ON rights.desk_event (item_kind, item_id, id);
CREATE INDEX desk_event_staff_id_idx ON rights.desk_event (staff_id);
CREATE INDEX desk_event_org_id_idx ON rights.desk_event (org_id);
CREATE INDEX desk_event_clock_idx ON rights.desk_event (clock);

-- Visible when the item is: the item's own policy decides.
ALTER TABLE rights.desk_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY desk_event_scope ON rights.desk_event FOR SELECT
	TO smcon_clerk, smcon_handler, smcon_supervisor, smcon_analyst
	USING (CASE item_kind
	       WHEN 'complaint' THEN EXISTS (SELECT 1 FROM rights.complaint c WHERE c.id = item_id)
	       WHEN 'report' THEN EXISTS (SELECT 1 FROM rights.report r WHERE r.id = item_id)
	       ELSE EXISTS (SELECT 1 FROM rights.consultation c WHERE c.id = item_id) END);

GRANT SELECT ON core.desk_clock, core.ecommerce_platform, rights.desk_event TO smcon_staff;
GRANT SELECT (merged_into_id, report_id, routing_note, mediation_ended_at, agreement, clock, clock_start,
              clock_workdays, clock_due, clock_paused_since, clock_extended_days)
	ON rights.complaint TO smcon_staff;
GRANT SELECT (merged_into_id, routing_note, case_no, extension_reason, extension_approved_by, clock,
              clock_start, clock_workdays, clock_due, clock_paused_since, clock_extended_days)
	ON rights.report TO smcon_staff;
GRANT SELECT (clock, clock_start, clock_workdays, clock_due, clock_paused_since, clock_extended_days)
	ON rights.consultation TO smcon_staff;

-- 6. The clocks in the work calendar -------------------------------------------

INSERT INTO core.deadline_rule VALUES
	('desk_complaint', '投诉办理时限（受理、调解、告知）', 'rights.complaint', 'id', 'clock_due',
	 't.clock_start', 't.clock_workdays', '市场监督管理投诉举报处理暂行办法第十四条、第二十一条'),
	('desk_report', '举报办理时限（核查立案、告知举报人）', 'rights.report', 'id', 'clock_due',
	 't.clock_start', 't.clock_workdays', '市场监督管理行政处罚程序规定第十八条；投诉举报处理暂行办法第三十一条'),
	('desk_consultation', '12345 转办咨询的答复时限', 'rights.consultation', 'id', 'clock_due',
	 't.clock_start', 't.clock_workdays', '12345 政务服务热线工单办理规定（本地）');

-- The limit of a clock in working days (from the setting when local).
CREATE FUNCTION core.desk_clock_days(p_clock text) RETURNS integer
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
	SELECT coalesce(k.workdays, core.setting_int(k.setting_key)) FROM core.desk_clock k WHERE k.code = p_clock
$$;
COMMENT ON FUNCTION core.desk_clock_days(text) IS '某种办理时限的工作日数（本地规定的取系统参数）';

-- Which clock runs in a state, and from which moment; NULL when none.
CREATE FUNCTION rights.complaint_clock_for(c rights.complaint, OUT clock text, OUT since timestamptz)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
	SELECT x.k, x.t FROM (SELECT CASE
		WHEN c.status IN ('draft', 'registered') THEN 'complaint_accept'
		WHEN c.status IN ('accepted', 'mediating') THEN 'complaint_mediate'
		WHEN c.status IN ('mediated', 'terminated') AND c.parties_notified_at IS NULL THEN 'complaint_notify'
		END AS k,
		CASE
		WHEN c.status IN ('draft', 'registered') THEN c.received_at
		WHEN c.status IN ('accepted', 'mediating') THEN c.decided_at
		ELSE c.mediation_ended_at END AS t) x
$$;
COMMENT ON FUNCTION rights.complaint_clock_for(rights.complaint) IS '投诉在当前状态下计算的时限及其起算时间';

CREATE FUNCTION rights.report_clock_for(r rights.report, OUT clock text, OUT since timestamptz)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
	SELECT CASE
		WHEN r.status IN ('registered', 'verifying') THEN 'report_verify'
		WHEN r.status = 'decided' AND NOT r.anonymous AND r.reporter_notified_at IS NULL THEN 'report_inform'
		END,
		CASE WHEN r.status IN ('registered', 'verifying') THEN r.received_at ELSE r.decided_at END
$$;
COMMENT ON FUNCTION rights.report_clock_for(rights.report) IS '举报在当前状态下计算的时限及其起算时间';

-- Gives open items without a clock (generated history, items from before
-- the desk) the clock of their state. Returns how many got one. Run by the
-- generator before it recomputes the stored deadlines.
CREATE FUNCTION rights.desk_clock_fill() RETURNS integer
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	n integer;
	m integer;
	k integer;
BEGIN
	UPDATE rights.complaint t
	   SET clock = f.clock, clock_start = (f.since AT TIME ZONE 'Asia/Shanghai')::date,
	       clock_workdays = core.desk_clock_days(f.clock) + t.testing_working_days
	  FROM rights.complaint c CROSS JOIN LATERAL rights.complaint_clock_for(c) f
	 WHERE t.id = c.id AND c.clock IS NULL AND f.clock IS NOT NULL AND f.since IS NOT NULL
	   AND c.status IN ('draft', 'registered', 'accepted', 'mediating', 'mediated', 'terminated');
	GET DIAGNOSTICS n = ROW_COUNT;
	UPDATE rights.report t
	   SET clock = f.clock, clock_start = (f.since AT TIME ZONE 'Asia/Shanghai')::date,
	       clock_workdays = core.desk_clock_days(f.clock) + t.testing_working_days
	                        + CASE WHEN f.clock = 'report_verify' AND t.verification_extended THEN 15 ELSE 0 END
	  FROM rights.report r CROSS JOIN LATERAL rights.report_clock_for(r) f
	 WHERE t.id = r.id AND r.clock IS NULL AND f.clock IS NOT NULL
	   AND r.status IN ('registered', 'verifying', 'decided');
	GET DIAGNOSTICS m = ROW_COUNT;
	UPDATE rights.consultation t
	   SET clock = 'consult_reply', clock_start = (t.received_at AT TIME ZONE 'Asia/Shanghai')::date,
	       clock_workdays = core.desk_clock_days('consult_reply')
	 WHERE t.clock IS NULL AND t.status = 'open' AND t.transfer_12345_id IS NOT NULL;
	GET DIAGNOSTICS k = ROW_COUNT;
	-- the deadlines themselves, from the calendar (rows outside it keep none)
	UPDATE rights.complaint t SET clock_due = api.add_workdays(t.clock_start, t.clock_workdays)
	 WHERE t.clock IS NOT NULL AND t.clock_due IS NULL
	   AND EXISTS (SELECT 1 FROM core.calendar_day d WHERE d.day = t.clock_start);
	UPDATE rights.report t SET clock_due = api.add_workdays(t.clock_start, t.clock_workdays)
	 WHERE t.clock IS NOT NULL AND t.clock_due IS NULL
	   AND EXISTS (SELECT 1 FROM core.calendar_day d WHERE d.day = t.clock_start);
	UPDATE rights.consultation t SET clock_due = api.add_workdays(t.clock_start, t.clock_workdays)
	 WHERE t.clock IS NOT NULL AND t.clock_due IS NULL
	   AND EXISTS (SELECT 1 FROM core.calendar_day d WHERE d.day = t.clock_start);
	RETURN n + m + k;
END $$;
COMMENT ON FUNCTION rights.desk_clock_fill() IS
	'为尚无时限的未办结事项（生成的历史数据等）按其状态设定时限并计算到期日；返回设定的件数';

-- How far a clock has run, as the desk shows it: working days left (frozen
-- while paused; negative once overdue), share of the limit used, band.
-- today is passed in so that a list computes it once.
CREATE FUNCTION rights.clock_state(due date, workdays integer, paused_since date, today date,
                                   OUT remaining integer, OUT used_pct integer, OUT band text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	od integer;
	ot integer;
	ref date := coalesce(paused_since, today);
BEGIN
	IF due IS NULL THEN
		RETURN;
	END IF;
	SELECT c.ordinal INTO od FROM core.calendar_day c WHERE c.day = due;
	SELECT c.ordinal INTO ot FROM core.calendar_day c WHERE c.day = ref;
	remaining := od - ot;
	IF ref > due AND remaining >= 0 THEN
		remaining := -1;
	END IF;
	used_pct := CASE WHEN coalesce(workdays, 0) <= 0 THEN 100
	                 ELSE greatest(0, round(100.0 * (workdays - remaining) / workdays))::int END;
	band := CASE WHEN ref > due THEN 'red'
	             WHEN used_pct >= core.setting_int('desk_due_soon_percent') THEN 'yellow'
	             ELSE 'green' END;
END $$;
COMMENT ON FUNCTION rights.clock_state(date, integer, date, date) IS
	'时限的进度：剩余工作日（暂停时冻结，超期为负）、已用百分比、颜色档（green 正常，yellow 临近，red 超期）';

REVOKE ALL ON FUNCTION core.desk_clock_days(text), rights.complaint_clock_for(rights.complaint),
	rights.report_clock_for(rights.report), rights.desk_clock_fill(),
	rights.clock_state(date, integer, date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION core.desk_clock_days(text), rights.clock_state(date, integer, date, date)
	TO smcon_staff;

SELECT audit.attach('core.desk_clock');
SELECT audit.attach('core.ecommerce_platform');
SELECT audit.attach('rights.desk_event');
