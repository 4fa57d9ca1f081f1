-- 0018 维权救援库: complaints (投诉), reports (举报), consultations and
-- suggestions (咨询、建议) — separate items even when one call holds several
-- (投诉举报处理暂行办法 §7) — 12345 transfers, and 96333 elevator incidents.
-- Scope columns for row-level security: handling_org_id (+ receiving_org_id)
-- on complaints, reports, consultations and transfers; district_org_id (the
-- elevator's district bureau) on incidents. Personal data of complainants,
-- reporters and callers sits in columns named for it.

CREATE SCHEMA rights;
COMMENT ON SCHEMA rights IS '维权救援库：投诉、举报、咨询建议、12345 转办、96333 电梯应急救援';
GRANT USAGE ON SCHEMA rights TO smcon_staff;

CREATE TABLE rights.transfer_12345 (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	work_order_no text NOT NULL UNIQUE CHECK (core.present(work_order_no)),
	received_12345_at timestamptz NOT NULL,
	received_bureau_at timestamptz NOT NULL,
	caller_name text,
	caller_phone core.phone,
	summary text NOT NULL CHECK (core.present(summary)),
	receiving_org_id bigint NOT NULL REFERENCES core.org_unit (id),
	handling_org_id bigint NOT NULL REFERENCES core.org_unit (id),
	reply_due_at timestamptz,
	replied_at timestamptz,
	reply text,
	satisfaction text CHECK (satisfaction IN ('satisfied', 'basically_satisfied', 'unsatisfied')),
	returned boolean NOT NULL DEFAULT false,
	return_reason text,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	CHECK (core.in_order(received_12345_at, received_bureau_at, replied_at)),
	CHECK ((replied_at IS NULL) = (reply IS NULL)),
	CHECK (returned = (return_reason IS NOT NULL))
);
COMMENT ON TABLE rights.transfer_12345 IS '12345 政务服务热线转办工单（一个工单可分出投诉、举报、咨询各一件）';
COMMENT ON COLUMN rights.transfer_12345.id IS '内部编号';
COMMENT ON COLUMN rights.transfer_12345.work_order_no IS '12345 工单编号';
COMMENT ON COLUMN rights.transfer_12345.received_12345_at IS '12345 受理时间';
COMMENT ON COLUMN rights.transfer_12345.received_bureau_at IS '本局接收时间';
COMMENT ON COLUMN rights.transfer_12345.caller_name IS '来电人姓名（个人信息）';
COMMENT ON COLUMN rights.transfer_12345.caller_phone IS '来电人电话（个人信息）';
COMMENT ON COLUMN rights.transfer_12345.summary IS '诉求摘要';
COMMENT ON COLUMN rights.transfer_12345.receiving_org_id IS '接收机构';
COMMENT ON COLUMN rights.transfer_12345.handling_org_id IS '承办机构（数据范围依据）';
COMMENT ON COLUMN rights.transfer_12345.reply_due_at IS '12345 要求的答复期限';
COMMENT ON COLUMN rights.transfer_12345.replied_at IS '答复 12345 的时间';
COMMENT ON COLUMN rights.transfer_12345.reply IS '答复内容';
COMMENT ON COLUMN rights.transfer_12345.satisfaction IS '回访满意度：satisfied 满意，basically_satisfied 基本满意，unsatisfied 不满意';
COMMENT ON COLUMN rights.transfer_12345.returned IS '是否退回 12345（非本部门职责）';
COMMENT ON COLUMN rights.transfer_12345.return_reason IS '退回理由';
COMMENT ON COLUMN rights.transfer_12345.source_system IS '来源系统';
COMMENT ON COLUMN rights.transfer_12345.loaded_at IS '入库时间';
CREATE INDEX transfer_12345_handling_org_id_idx ON rights.transfer_12345 (handling_org_id, received_bureau_at);
CREATE INDEX transfer_12345_receiving_org_id_idx ON rights.transfer_12345 (receiving_org_id);

-- ---------------------------------------------------------------------------
-- Complaints

CREATE TABLE rights.complaint (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	complaint_no text NOT NULL UNIQUE CHECK (core.present(complaint_no)),
	channel_code text NOT NULL REFERENCES core.channel (code),
	transfer_12345_id bigint REFERENCES rights.transfer_12345 (id),
	received_at timestamptz NOT NULL,
	receiving_org_id bigint NOT NULL REFERENCES core.org_unit (id),
	handling_org_id bigint NOT NULL REFERENCES core.org_unit (id),
	handler_staff_id bigint REFERENCES core.staff (id),
	complainant_name text,
	complainant_phone core.phone,
	complainant_address text,
	complainant_id_no text,
	respondent_name text,
	respondent_address text,
	entity_id bigint REFERENCES core.entity (id),
	platform_name text,
	category_code text REFERENCES core.complaint_category (code),
	subject text,
	amount_involved numeric(18,2) CHECK (amount_involved >= 0),
	purchased_on date,
	request text,
	facts text,
	status text NOT NULL DEFAULT 'registered'
		CHECK (status IN ('registered', 'accepted', 'refused', 'mediating', 'closed')),
	decided_at timestamptz,
	refusal_ground_code text REFERENCES core.refusal_ground (code),
	refusal_note text,
	complainant_notified_at timestamptz,
	mediation_started_at timestamptz,
	testing_working_days integer NOT NULL DEFAULT 0 CHECK (testing_working_days >= 0),
	closed_at timestamptz,
	outcome text CHECK (outcome IN ('agreement', 'terminated')),
	termination_reason text CHECK (termination_reason IN ('withdrawn_or_settled', 'testing_disagreement',
	                                                      'mediation_refused', 'no_agreement', 'time_limit',
	                                                      'refusal_ground_found', 'other_legal')),
	parties_notified_at timestamptz,
	recovered_amount numeric(18,2) CHECK (recovered_amount >= 0),
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now(),
	-- §9: what a complaint must carry before it can be accepted
	CONSTRAINT complaint_section9_complete CHECK (status IN ('registered', 'refused')
		OR (core.present(complainant_name) AND core.present(complainant_phone)
		    AND core.present(complainant_address) AND core.present(respondent_name)
		    AND core.present(respondent_address) AND core.present(request) AND core.present(facts))),
	CONSTRAINT complaint_decision_dated CHECK ((status = 'registered') = (decided_at IS NULL)),
	CONSTRAINT complaint_refusal_has_ground CHECK ((status = 'refused') = (refusal_ground_code IS NOT NULL)),
	CONSTRAINT complaint_mediation_started CHECK (status <> 'mediating' OR mediation_started_at IS NOT NULL),
	CONSTRAINT complaint_closed_with_outcome CHECK ((status = 'closed') = (closed_at IS NOT NULL)
		AND (closed_at IS NULL) = (outcome IS NULL)),
	CONSTRAINT complaint_termination_reason CHECK ((outcome = 'terminated') = (termination_reason IS NOT NULL)),
	CONSTRAINT complaint_steps_in_order CHECK (core.in_order(received_at, decided_at, mediation_started_at,
	                                                         closed_at, parties_notified_at)
		AND core.in_order(decided_at, complainant_notified_at)),
	CONSTRAINT complaint_transfer_linked CHECK (channel_code <> 'transfer_12345' OR transfer_12345_id IS NOT NULL)
);
COMMENT ON TABLE rights.complaint IS '消费投诉（投诉举报处理暂行办法：受理须具备第九条材料，七个工作日内决定是否受理）';
COMMENT ON COLUMN rights.complaint.id IS '内部编号';
COMMENT ON COLUMN rights.complaint.complaint_no IS '投诉登记编号';
COMMENT ON COLUMN rights.complaint.channel_code IS '受理渠道';
COMMENT ON COLUMN rights.complaint.transfer_12345_id IS '来源的 12345 工单';
COMMENT ON COLUMN rights.complaint.received_at IS '收到投诉时间';
COMMENT ON COLUMN rights.complaint.receiving_org_id IS '接收机构';
COMMENT ON COLUMN rights.complaint.handling_org_id IS '处理机构（被投诉人实际经营地或住所地县级局及其所；数据范围依据）';
COMMENT ON COLUMN rights.complaint.handler_staff_id IS '承办人';
COMMENT ON COLUMN rights.complaint.complainant_name IS '投诉人姓名（个人信息）';
COMMENT ON COLUMN rights.complaint.complainant_phone IS '投诉人电话（个人信息）';
COMMENT ON COLUMN rights.complaint.complainant_address IS '投诉人通讯地址（个人信息）';
COMMENT ON COLUMN rights.complaint.complainant_id_no IS '投诉人身份证件号码（个人信息）';
COMMENT ON COLUMN rights.complaint.respondent_name IS '被投诉人名称（姓名）';
COMMENT ON COLUMN rights.complaint.respondent_address IS '被投诉人地址';
COMMENT ON COLUMN rights.complaint.entity_id IS '被投诉人在主体名录中的对应主体（未匹配为空）';
COMMENT ON COLUMN rights.complaint.platform_name IS '网购投诉的电子商务平台';
COMMENT ON COLUMN rights.complaint.category_code IS '投诉分类（商品或服务）';
COMMENT ON COLUMN rights.complaint.subject IS '涉及的商品或服务名称';
COMMENT ON COLUMN rights.complaint.amount_involved IS '涉及金额，元';
COMMENT ON COLUMN rights.complaint.purchased_on IS '购买（接受服务）日期';
COMMENT ON COLUMN rights.complaint.request IS '投诉请求';
COMMENT ON COLUMN rights.complaint.facts IS '消费者权益争议事实';
COMMENT ON COLUMN rights.complaint.status IS '状态：registered 已登记待决定，accepted 已受理，refused 不予受理，mediating 调解中，closed 办结';
COMMENT ON COLUMN rights.complaint.decided_at IS '作出受理或不予受理决定的时间';
COMMENT ON COLUMN rights.complaint.refusal_ground_code IS '不予受理情形（第十五条）';
COMMENT ON COLUMN rights.complaint.refusal_note IS '不予受理说明';
COMMENT ON COLUMN rights.complaint.complainant_notified_at IS '告知投诉人受理决定的时间';
COMMENT ON COLUMN rights.complaint.mediation_started_at IS '开始调解时间';
COMMENT ON COLUMN rights.complaint.testing_working_days IS '检定、检验、检测、鉴定所用工作日（不计入 45 个工作日调解期限）';
COMMENT ON COLUMN rights.complaint.closed_at IS '办结时间';
COMMENT ON COLUMN rights.complaint.outcome IS '办结结果：agreement 达成调解协议，terminated 终止调解';
COMMENT ON COLUMN rights.complaint.termination_reason IS '终止调解情形（第二十一条）：withdrawn_or_settled 撤回或自行和解，testing_disagreement 检测机构或费用协商不成，mediation_refused 无正当理由不参加或拒绝调解，no_agreement 明确表示无法达成协议，time_limit 受理之日起 45 个工作日未达成，refusal_ground_found 受理后发现第十五条情形，other_legal 其他法定情形';
COMMENT ON COLUMN rights.complaint.parties_notified_at IS '告知双方终止调解的时间（决定之日起七个工作日内）';
COMMENT ON COLUMN rights.complaint.recovered_amount IS '为消费者挽回经济损失，元';
COMMENT ON COLUMN rights.complaint.source_system IS '来源系统';
COMMENT ON COLUMN rights.complaint.loaded_at IS '入库时间';
COMMENT ON COLUMN rights.complaint.created_at IS '创建时间';
COMMENT ON COLUMN rights.complaint.updated_at IS '最后修改时间';
CREATE INDEX complaint_handling_org_id_idx ON rights.complaint (handling_org_id, received_at);
CREATE INDEX complaint_receiving_org_id_idx ON rights.complaint (receiving_org_id);
CREATE INDEX complaint_entity_id_idx ON rights.complaint (entity_id);
CREATE INDEX complaint_transfer_12345_id_idx ON rights.complaint (transfer_12345_id);
CREATE INDEX complaint_handler_staff_id_idx ON rights.complaint (handler_staff_id);
CREATE TRIGGER complaint_updated_at BEFORE UPDATE ON rights.complaint
	FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

-- ---------------------------------------------------------------------------
-- Reports

CREATE TABLE rights.report (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	report_no text NOT NULL UNIQUE CHECK (core.present(report_no)),
	channel_code text NOT NULL REFERENCES core.channel (code),
	transfer_12345_id bigint REFERENCES rights.transfer_12345 (id),
	received_at timestamptz NOT NULL,
	receiving_org_id bigint NOT NULL REFERENCES core.org_unit (id),
	handling_org_id bigint NOT NULL REFERENCES core.org_unit (id),
	handler_staff_id bigint REFERENCES core.staff (id),
	anonymous boolean NOT NULL DEFAULT false,
	reporter_name text,
	reporter_phone core.phone,
	reporter_id_no text,
	reporter_address text,
	reported_name text NOT NULL CHECK (core.present(reported_name)),
	reported_address text,
	entity_id bigint REFERENCES core.entity (id),
	violation_category_code text REFERENCES core.violation_category (code),
	clue text NOT NULL CHECK (core.present(clue)),
	occurred_place text,
	status text NOT NULL DEFAULT 'registered'
		CHECK (status IN ('registered', 'verifying', 'decided', 'transferred', 'closed')),
	verification_extended boolean NOT NULL DEFAULT false,
	testing_working_days integer NOT NULL DEFAULT 0 CHECK (testing_working_days >= 0),
	decided_at timestamptz,
	decision text CHECK (decision IN ('case_opened', 'not_opened')),
	case_id bigint REFERENCES supervision.enforcement_case (id),
	not_opened_reason text,
	transferred_to text,
	reporter_notified_at timestamptz,
	reward_amount numeric(18,2) CHECK (reward_amount > 0),
	closed_at timestamptz,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT report_anonymous_has_no_identity CHECK (NOT anonymous
		OR (reporter_name IS NULL AND reporter_id_no IS NULL)),
	CONSTRAINT report_real_name_named CHECK (anonymous OR core.present(reporter_name)),
	CONSTRAINT report_decision_dated CHECK ((decided_at IS NULL) = (decision IS NULL)),
	CONSTRAINT report_decided_status CHECK (status NOT IN ('decided', 'closed') OR decision IS NOT NULL
		OR transferred_to IS NOT NULL),
	CONSTRAINT report_case_opened_has_case CHECK ((decision = 'case_opened') = (case_id IS NOT NULL)),
	CONSTRAINT report_not_opened_reason CHECK (decision IS DISTINCT FROM 'not_opened'
		OR core.present(not_opened_reason)),
	CONSTRAINT report_transferred_to CHECK (status <> 'transferred' OR core.present(transferred_to)),
	CONSTRAINT report_notify_real_name CHECK (reporter_notified_at IS NULL OR NOT anonymous),
	CONSTRAINT report_closed_dated CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
	CONSTRAINT report_steps_in_order CHECK (core.in_order(received_at, decided_at, reporter_notified_at)
		AND core.in_order(received_at, decided_at, closed_at)),
	CONSTRAINT report_transfer_linked CHECK (channel_code <> 'transfer_12345' OR transfer_12345_id IS NOT NULL)
);
COMMENT ON TABLE rights.report IS '举报（涉嫌违法线索；举报人信息仅处理机构可见，不得向被举报人泄露）';
COMMENT ON COLUMN rights.report.id IS '内部编号';
COMMENT ON COLUMN rights.report.report_no IS '举报登记编号';
COMMENT ON COLUMN rights.report.channel_code IS '受理渠道';
COMMENT ON COLUMN rights.report.transfer_12345_id IS '来源的 12345 工单';
COMMENT ON COLUMN rights.report.received_at IS '收到举报时间';
COMMENT ON COLUMN rights.report.receiving_org_id IS '接收机构';
COMMENT ON COLUMN rights.report.handling_org_id IS '处理机构（违法行为发生地；数据范围依据）';
COMMENT ON COLUMN rights.report.handler_staff_id IS '承办人';
COMMENT ON COLUMN rights.report.anonymous IS '是否匿名举报';
COMMENT ON COLUMN rights.report.reporter_name IS '举报人姓名（个人信息）';
COMMENT ON COLUMN rights.report.reporter_phone IS '举报人电话（个人信息）';
COMMENT ON COLUMN rights.report.reporter_id_no IS '举报人身份证件号码（个人信息）';
COMMENT ON COLUMN rights.report.reporter_address IS '举报人通讯地址（个人信息）';
COMMENT ON COLUMN rights.report.reported_name IS '被举报人名称（姓名）';
COMMENT ON COLUMN rights.report.reported_address IS '被举报人地址';
COMMENT ON COLUMN rights.report.entity_id IS '被举报人在主体名录中的对应主体（未匹配为空）';
COMMENT ON COLUMN rights.report.violation_category_code IS '涉嫌违法行为类别';
COMMENT ON COLUMN rights.report.clue IS '涉嫌违法的具体线索';
COMMENT ON COLUMN rights.report.occurred_place IS '违法行为发生地';
COMMENT ON COLUMN rights.report.status IS '状态：registered 已登记，verifying 核查中，decided 已决定是否立案，transferred 已告知向有权机关提出，closed 办结';
COMMENT ON COLUMN rights.report.verification_extended IS '核查期限是否经批准延长十五个工作日';
COMMENT ON COLUMN rights.report.testing_working_days IS '检测、检验、鉴定所用工作日（不计入核查期限）';
COMMENT ON COLUMN rights.report.decided_at IS '作出是否立案决定的时间';
COMMENT ON COLUMN rights.report.decision IS '决定：case_opened 立案，not_opened 不予立案';
COMMENT ON COLUMN rights.report.case_id IS '立案的案件';
COMMENT ON COLUMN rights.report.not_opened_reason IS '不予立案理由';
COMMENT ON COLUMN rights.report.transferred_to IS '有处理权限的机关（第二十九条）';
COMMENT ON COLUMN rights.report.reporter_notified_at IS '告知实名举报人是否立案的时间（决定之日起五个工作日内）';
COMMENT ON COLUMN rights.report.reward_amount IS '举报奖励金额，元';
COMMENT ON COLUMN rights.report.closed_at IS '办结时间';
COMMENT ON COLUMN rights.report.source_system IS '来源系统';
COMMENT ON COLUMN rights.report.loaded_at IS '入库时间';
COMMENT ON COLUMN rights.report.created_at IS '创建时间';
COMMENT ON COLUMN rights.report.updated_at IS '最后修改时间';
CREATE INDEX report_handling_org_id_idx ON rights.report (handling_org_id, received_at);
CREATE INDEX report_receiving_org_id_idx ON rights.report (receiving_org_id);
CREATE INDEX report_entity_id_idx ON rights.report (entity_id);
CREATE INDEX report_transfer_12345_id_idx ON rights.report (transfer_12345_id);
CREATE INDEX report_case_id_idx ON rights.report (case_id);
CREATE INDEX report_handler_staff_id_idx ON rights.report (handler_staff_id);
CREATE TRIGGER report_updated_at BEFORE UPDATE ON rights.report
	FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

-- ---------------------------------------------------------------------------
-- Consultations and suggestions

CREATE TABLE rights.consultation (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	consultation_no text NOT NULL UNIQUE CHECK (core.present(consultation_no)),
	kind text NOT NULL CHECK (kind IN ('consultation', 'suggestion')),
	channel_code text NOT NULL REFERENCES core.channel (code),
	transfer_12345_id bigint REFERENCES rights.transfer_12345 (id),
	received_at timestamptz NOT NULL,
	receiving_org_id bigint NOT NULL REFERENCES core.org_unit (id),
	handling_org_id bigint NOT NULL REFERENCES core.org_unit (id),
	contact_name text,
	contact_phone core.phone,
	category_code text REFERENCES core.complaint_category (code),
	topic text,
	content text NOT NULL CHECK (core.present(content)),
	status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered')),
	answer text,
	answered_at timestamptz,
	answered_by_staff_id bigint REFERENCES core.staff (id),
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	CHECK ((status = 'answered') = (answered_at IS NOT NULL)),
	CHECK (status <> 'answered' OR core.present(answer)),
	CHECK (core.in_order(received_at, answered_at)),
	CHECK (channel_code <> 'transfer_12345' OR transfer_12345_id IS NOT NULL)
);
COMMENT ON TABLE rights.consultation IS '咨询和建议（与投诉、举报分别登记）';
COMMENT ON COLUMN rights.consultation.id IS '内部编号';
COMMENT ON COLUMN rights.consultation.consultation_no IS '登记编号';
COMMENT ON COLUMN rights.consultation.kind IS '类别：consultation 咨询，suggestion 建议';
COMMENT ON COLUMN rights.consultation.channel_code IS '受理渠道';
COMMENT ON COLUMN rights.consultation.transfer_12345_id IS '来源的 12345 工单';
COMMENT ON COLUMN rights.consultation.received_at IS '收到时间';
COMMENT ON COLUMN rights.consultation.receiving_org_id IS '接收机构';
COMMENT ON COLUMN rights.consultation.handling_org_id IS '答复机构（数据范围依据）';
COMMENT ON COLUMN rights.consultation.contact_name IS '咨询人姓名（个人信息）';
COMMENT ON COLUMN rights.consultation.contact_phone IS '咨询人电话（个人信息）';
COMMENT ON COLUMN rights.consultation.category_code IS '涉及的商品或服务分类';
COMMENT ON COLUMN rights.consultation.topic IS '主题';
COMMENT ON COLUMN rights.consultation.content IS '咨询（建议）内容';
COMMENT ON COLUMN rights.consultation.status IS '状态：open 待答复，answered 已答复';
COMMENT ON COLUMN rights.consultation.answer IS '答复内容';
COMMENT ON COLUMN rights.consultation.answered_at IS '答复时间';
COMMENT ON COLUMN rights.consultation.answered_by_staff_id IS '答复人';
COMMENT ON COLUMN rights.consultation.source_system IS '来源系统';
COMMENT ON COLUMN rights.consultation.loaded_at IS '入库时间';
CREATE INDEX consultation_handling_org_id_idx ON rights.consultation (handling_org_id, received_at);
CREATE INDEX consultation_receiving_org_id_idx ON rights.consultation (receiving_org_id);
CREATE INDEX consultation_transfer_12345_id_idx ON rights.consultation (transfer_12345_id);
CREATE INDEX consultation_answered_by_staff_id_idx ON rights.consultation (answered_by_staff_id);

-- ---------------------------------------------------------------------------
-- 96333 elevator incidents

CREATE TABLE rights.rescue_incident (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	incident_no text NOT NULL UNIQUE CHECK (core.present(incident_no)),
	kind text NOT NULL DEFAULT 'trapped' CHECK (kind IN ('trapped', 'fault', 'other')),
	received_at timestamptz NOT NULL,
	received_by_staff_id bigint REFERENCES core.staff (id),
	caller_name text,
	caller_phone core.phone,
	rescue_code_given text,
	location_given text,
	elevator_id bigint REFERENCES equipment.elevator (id),
	district_org_id bigint REFERENCES core.org_unit (id),
	identified_at timestamptz,
	trapped_count smallint CHECK (trapped_count >= 0),
	injured boolean NOT NULL DEFAULT false,
	level1_entity_id bigint REFERENCES core.entity (id),
	level1_dispatched_at timestamptz,
	acknowledged_at timestamptz,
	en_route_at timestamptz,
	arrived_at timestamptz,
	arrival_limit_minutes smallint CHECK (arrival_limit_minutes > 0),
	level2_entity_id bigint REFERENCES core.entity (id),
	level2_station_id bigint REFERENCES equipment.rescue_station (id),
	level2_dispatched_at timestamptz,
	level2_reason text,
	level3_dispatched_at timestamptz,
	level3_reason text,
	released_at timestamptz,
	released_count smallint CHECK (released_count >= 0),
	status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'cancelled')),
	closed_at timestamptz,
	cause_code text REFERENCES core.rescue_cause (code),
	cause_note text,
	callback_at timestamptz,
	callback_result text CHECK (callback_result IN ('satisfied', 'unsatisfied', 'unreachable')),
	note text,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT rescue_incident_elevator_district FOREIGN KEY (elevator_id, district_org_id)
		REFERENCES equipment.elevator (id, district_org_id) ON UPDATE CASCADE,
	-- received → identified → level-1 dispatch → acknowledged → en route →
	-- arrived → released → closed → callback; steps not taken are NULL
	CONSTRAINT rescue_incident_steps_in_order CHECK (core.in_order(received_at, identified_at,
		level1_dispatched_at, acknowledged_at, en_route_at, arrived_at, released_at, closed_at, callback_at)),
	-- escalation to level 2 / 3 happens after the call and before release
	CONSTRAINT rescue_incident_escalation_in_order CHECK (
		core.in_order(received_at, level1_dispatched_at, level2_dispatched_at, released_at, closed_at)
		AND core.in_order(received_at, level3_dispatched_at, released_at, closed_at)
		AND core.in_order(identified_at, level2_dispatched_at)),
	CONSTRAINT rescue_incident_identified CHECK ((identified_at IS NULL) = (elevator_id IS NULL)),
	CONSTRAINT rescue_incident_level1_unit CHECK ((level1_dispatched_at IS NULL) = (level1_entity_id IS NULL)
		AND (level1_dispatched_at IS NULL OR elevator_id IS NOT NULL)),
	CONSTRAINT rescue_incident_level2_unit CHECK (num_nonnulls(level2_entity_id, level2_station_id)
		= CASE WHEN level2_dispatched_at IS NULL THEN 0 ELSE 1 END),
	CONSTRAINT rescue_incident_level2_reason CHECK ((level2_dispatched_at IS NULL) = (level2_reason IS NULL)),
	CONSTRAINT rescue_incident_level3_reason CHECK ((level3_dispatched_at IS NULL) = (level3_reason IS NULL)),
	CONSTRAINT rescue_incident_closed_dated CHECK ((status = 'open') = (closed_at IS NULL)),
	CONSTRAINT rescue_incident_cause_at_close CHECK (status <> 'closed' OR cause_code IS NOT NULL),
	CONSTRAINT rescue_incident_release_before_close CHECK (status <> 'closed' OR kind <> 'trapped'
		OR released_at IS NOT NULL),
	CONSTRAINT rescue_incident_released_count CHECK (released_count <= trapped_count),
	CONSTRAINT rescue_incident_callback CHECK ((callback_at IS NULL) = (callback_result IS NULL))
);
COMMENT ON TABLE rights.rescue_incident IS '96333 电梯应急救援事件（三级响应：维保单位、就近救援力量、119）';
COMMENT ON COLUMN rights.rescue_incident.id IS '内部编号';
COMMENT ON COLUMN rights.rescue_incident.incident_no IS '事件编号';
COMMENT ON COLUMN rights.rescue_incident.kind IS '类别：trapped 困人，fault 故障（未困人），other 其他';
COMMENT ON COLUMN rights.rescue_incident.received_at IS '接警时间';
COMMENT ON COLUMN rights.rescue_incident.received_by_staff_id IS '接警调度员';
COMMENT ON COLUMN rights.rescue_incident.caller_name IS '报警人姓名（个人信息）';
COMMENT ON COLUMN rights.rescue_incident.caller_phone IS '报警人电话（个人信息）';
COMMENT ON COLUMN rights.rescue_incident.rescue_code_given IS '报警人报出的救援识别码';
COMMENT ON COLUMN rights.rescue_incident.location_given IS '报警人描述的位置';
COMMENT ON COLUMN rights.rescue_incident.elevator_id IS '确认的电梯';
COMMENT ON COLUMN rights.rescue_incident.district_org_id IS '电梯属地区（县级市）局（数据范围依据，由电梯带出）';
COMMENT ON COLUMN rights.rescue_incident.identified_at IS '确认电梯时间';
COMMENT ON COLUMN rights.rescue_incident.trapped_count IS '被困人数';
COMMENT ON COLUMN rights.rescue_incident.injured IS '是否有人员受伤';
COMMENT ON COLUMN rights.rescue_incident.level1_entity_id IS '一级响应单位（签约维保单位）';
COMMENT ON COLUMN rights.rescue_incident.level1_dispatched_at IS '一级派单时间';
COMMENT ON COLUMN rights.rescue_incident.acknowledged_at IS '救援单位响应时间';
COMMENT ON COLUMN rights.rescue_incident.en_route_at IS '救援人员出发时间';
COMMENT ON COLUMN rights.rescue_incident.arrived_at IS '救援人员到场时间';
COMMENT ON COLUMN rights.rescue_incident.arrival_limit_minutes IS '到场时限（分钟，派单时按市区 30、其他 60 确定）';
COMMENT ON COLUMN rights.rescue_incident.level2_entity_id IS '二级响应单位（其他维保单位）';
COMMENT ON COLUMN rights.rescue_incident.level2_station_id IS '二级响应救援站';
COMMENT ON COLUMN rights.rescue_incident.level2_dispatched_at IS '二级派单时间';
COMMENT ON COLUMN rights.rescue_incident.level2_reason IS '启动二级响应的原因（未响应、无法按时到场等）';
COMMENT ON COLUMN rights.rescue_incident.level3_dispatched_at IS '三级响应（通知 119）时间';
COMMENT ON COLUMN rights.rescue_incident.level3_reason IS '启动三级响应的原因（二级失败、无法现场救援、有人受伤）';
COMMENT ON COLUMN rights.rescue_incident.released_at IS '被困人员解救时间';
COMMENT ON COLUMN rights.rescue_incident.released_count IS '解救人数';
COMMENT ON COLUMN rights.rescue_incident.status IS '状态：open 处置中，closed 已结案，cancelled 已撤销（误报、重复报警）';
COMMENT ON COLUMN rights.rescue_incident.closed_at IS '结案（撤销）时间';
COMMENT ON COLUMN rights.rescue_incident.cause_code IS '困人原因（结案时必填）';
COMMENT ON COLUMN rights.rescue_incident.cause_note IS '原因说明';
COMMENT ON COLUMN rights.rescue_incident.callback_at IS '回访报警人时间';
COMMENT ON COLUMN rights.rescue_incident.callback_result IS '回访结果：satisfied 满意，unsatisfied 不满意，unreachable 未接通';
COMMENT ON COLUMN rights.rescue_incident.note IS '备注';
COMMENT ON COLUMN rights.rescue_incident.source_system IS '来源系统';
COMMENT ON COLUMN rights.rescue_incident.loaded_at IS '入库时间';
COMMENT ON COLUMN rights.rescue_incident.created_at IS '创建时间';
COMMENT ON COLUMN rights.rescue_incident.updated_at IS '最后修改时间';
CREATE INDEX rescue_incident_district_org_id_idx ON rights.rescue_incident (district_org_id, received_at);
CREATE INDEX rescue_incident_elevator_fk_idx ON rights.rescue_incident (elevator_id, district_org_id);
CREATE INDEX rescue_incident_level1_entity_id_idx ON rights.rescue_incident (level1_entity_id);
CREATE INDEX rescue_incident_level2_entity_id_idx ON rights.rescue_incident (level2_entity_id);
CREATE INDEX rescue_incident_level2_station_id_idx ON rights.rescue_incident (level2_station_id);
CREATE INDEX rescue_incident_received_by_staff_id_idx ON rights.rescue_incident (received_by_staff_id);
CREATE INDEX rescue_incident_open_idx ON rights.rescue_incident (received_at) WHERE status = 'open';
CREATE TRIGGER rescue_incident_updated_at BEFORE UPDATE ON rights.rescue_incident
	FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

-- Once the elevator is known its district bureau is the incident's, and at
-- level-1 dispatch the arrival limit is fixed from the settings (urban or not).
CREATE FUNCTION rights.fill_incident() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	is_urban boolean;
BEGIN
	IF NEW.elevator_id IS NOT NULL
	   AND (NEW.district_org_id IS NULL
	        OR (TG_OP = 'UPDATE' AND NEW.elevator_id IS DISTINCT FROM OLD.elevator_id
	            AND NEW.district_org_id IS NOT DISTINCT FROM OLD.district_org_id)) THEN
		SELECT e.district_org_id INTO NEW.district_org_id FROM equipment.elevator e WHERE e.id = NEW.elevator_id;
	END IF;
	IF NEW.level1_dispatched_at IS NOT NULL AND NEW.arrival_limit_minutes IS NULL AND NEW.elevator_id IS NOT NULL THEN
		SELECT e.urban INTO is_urban FROM equipment.elevator e WHERE e.id = NEW.elevator_id;
		NEW.arrival_limit_minutes := core.setting_int(CASE WHEN is_urban THEN 'rescue_arrival_limit_urban_minutes'
		                                                   ELSE 'rescue_arrival_limit_other_minutes' END);
	END IF;
	RETURN NEW;
END $$;
COMMENT ON FUNCTION rights.fill_incident() IS '触发器：确认电梯后带出属地区局；一级派单时按系统参数确定到场时限';
CREATE TRIGGER rescue_incident_fill BEFORE INSERT OR UPDATE ON rights.rescue_incident
	FOR EACH ROW EXECUTE FUNCTION rights.fill_incident();
