-- 0013 监管行为库, part 1: licences and 双随机、一公开 (random inspection).
-- One list (inspection items), two directories (inspectable entities,
-- inspectors), plans → batches → draws → tasks (≥ 2 credentialed inspectors,
-- one lead) → results. Plans carry org_id (the bureau that made the plan);
-- batches, draws, tasks and results carry the same org_id, held to the
-- plan's by composite foreign keys (ON UPDATE CASCADE) and filled in from
-- the parent when omitted. Row-level security compares org_id (0040+).

CREATE SCHEMA supervision;
COMMENT ON SCHEMA supervision IS '监管行为库：行政许可、抽查事项、抽查计划与任务、检查结果、执法案件、行政处罚';
GRANT USAGE ON SCHEMA supervision TO smcon_staff;

-- ---------------------------------------------------------------------------
-- Licences and approvals (行政许可 as published under 双公示)

CREATE TABLE supervision.licence (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	licence_kind_code text NOT NULL REFERENCES core.licence_kind (code),
	licence_no text NOT NULL CHECK (core.present(licence_no)),
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	content text NOT NULL CHECK (core.present(content)),
	decision_no text,
	issuing_org_id bigint REFERENCES core.org_unit (id),
	issuing_authority text NOT NULL CHECK (core.present(issuing_authority)),
	issued_on date NOT NULL,
	valid_from date,
	valid_to date,
	status text NOT NULL DEFAULT 'valid'
		CHECK (status IN ('valid', 'expired', 'suspended', 'revoked', 'cancelled')),
	status_changed_on date,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (licence_kind_code, licence_no),
	CHECK (valid_from <= valid_to),
	CHECK (issued_on <= valid_to),
	CHECK (status_changed_on >= issued_on),
	CHECK (status IN ('valid', 'expired') OR status_changed_on IS NOT NULL)
);
COMMENT ON TABLE supervision.licence IS '行政许可（备案）信息：各类许可决定，专项细节见食药安全库、重点产品库';
COMMENT ON COLUMN supervision.licence.id IS '内部编号';
COMMENT ON COLUMN supervision.licence.licence_kind_code IS '许可种类';
COMMENT ON COLUMN supervision.licence.licence_no IS '许可证（备案凭证）编号';
COMMENT ON COLUMN supervision.licence.entity_id IS '被许可主体';
COMMENT ON COLUMN supervision.licence.content IS '许可内容（许可范围、项目）';
COMMENT ON COLUMN supervision.licence.decision_no IS '许可决定书文号';
COMMENT ON COLUMN supervision.licence.issuing_org_id IS '许可机关（本局机构；省局等外部机关为空）';
COMMENT ON COLUMN supervision.licence.issuing_authority IS '许可机关名称';
COMMENT ON COLUMN supervision.licence.issued_on IS '许可（发证）日期';
COMMENT ON COLUMN supervision.licence.valid_from IS '有效期自';
COMMENT ON COLUMN supervision.licence.valid_to IS '有效期至（长期有效为空）';
COMMENT ON COLUMN supervision.licence.status IS '状态：valid 有效，expired 过期，suspended 暂扣，revoked 吊销，cancelled 注销';
COMMENT ON COLUMN supervision.licence.status_changed_on IS '状态变更日期';
COMMENT ON COLUMN supervision.licence.source_system IS '来源系统';
COMMENT ON COLUMN supervision.licence.loaded_at IS '入库时间';
CREATE INDEX licence_entity_id_idx ON supervision.licence (entity_id);
CREATE INDEX licence_issuing_org_id_idx ON supervision.licence (issuing_org_id);

-- ---------------------------------------------------------------------------
-- One list, two directories

CREATE TABLE supervision.inspection_item (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	code text NOT NULL UNIQUE CHECK (core.present(code)),
	name text NOT NULL CHECK (core.present(name)),
	category text NOT NULL CHECK (category IN ('general', 'key')),
	legal_basis text NOT NULL CHECK (core.present(legal_basis)),
	inspecting_body text NOT NULL CHECK (core.present(inspecting_body)),
	object_type text NOT NULL CHECK (core.present(object_type)),
	method text NOT NULL CHECK (core.present(method)),
	ratio_note text,
	frequency text,
	valid_from date NOT NULL,
	valid_to date,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	CHECK (valid_from <= valid_to)
);
COMMENT ON TABLE supervision.inspection_item IS '随机抽查事项清单';
COMMENT ON COLUMN supervision.inspection_item.id IS '内部编号';
COMMENT ON COLUMN supervision.inspection_item.code IS '事项编码';
COMMENT ON COLUMN supervision.inspection_item.name IS '抽查事项名称（如 企业公示信息情况检查）';
COMMENT ON COLUMN supervision.inspection_item.category IS '事项类别：general 一般检查事项，key 重点检查事项';
COMMENT ON COLUMN supervision.inspection_item.legal_basis IS '检查依据';
COMMENT ON COLUMN supervision.inspection_item.inspecting_body IS '检查主体（实施部门）';
COMMENT ON COLUMN supervision.inspection_item.object_type IS '检查对象（如 各类企业、食品生产者）';
COMMENT ON COLUMN supervision.inspection_item.method IS '检查方式（书面检查、实地核查、网络监测、抽样检测）';
COMMENT ON COLUMN supervision.inspection_item.ratio_note IS '抽查比例说明';
COMMENT ON COLUMN supervision.inspection_item.frequency IS '抽查频次说明';
COMMENT ON COLUMN supervision.inspection_item.valid_from IS '列入清单日期';
COMMENT ON COLUMN supervision.inspection_item.valid_to IS '移出清单日期（在用为空）';
COMMENT ON COLUMN supervision.inspection_item.source_system IS '来源系统';
COMMENT ON COLUMN supervision.inspection_item.loaded_at IS '入库时间';

CREATE TABLE supervision.inspection_object (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	object_type text NOT NULL CHECK (core.present(object_type)),
	org_id bigint NOT NULL REFERENCES core.org_unit (id),
	included_on date NOT NULL,
	excluded_on date,
	exclusion_reason text,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (entity_id, object_type),
	CHECK (excluded_on >= included_on),
	CHECK ((excluded_on IS NULL) = (exclusion_reason IS NULL))
);
COMMENT ON TABLE supervision.inspection_object IS '检查对象名录库';
COMMENT ON COLUMN supervision.inspection_object.id IS '内部编号';
COMMENT ON COLUMN supervision.inspection_object.entity_id IS '市场主体';
COMMENT ON COLUMN supervision.inspection_object.object_type IS '对象类别（与抽查事项的检查对象对应）';
COMMENT ON COLUMN supervision.inspection_object.org_id IS '负责的监管机构';
COMMENT ON COLUMN supervision.inspection_object.included_on IS '纳入名录日期';
COMMENT ON COLUMN supervision.inspection_object.excluded_on IS '移出名录日期';
COMMENT ON COLUMN supervision.inspection_object.exclusion_reason IS '移出原因';
COMMENT ON COLUMN supervision.inspection_object.source_system IS '来源系统';
COMMENT ON COLUMN supervision.inspection_object.loaded_at IS '入库时间';
CREATE INDEX inspection_object_entity_id_idx ON supervision.inspection_object (entity_id);
CREATE INDEX inspection_object_org_id_idx ON supervision.inspection_object (org_id);

CREATE TABLE supervision.inspector (
	staff_id bigint PRIMARY KEY REFERENCES core.staff (id),
	specialties text[] NOT NULL DEFAULT '{}',
	included_on date NOT NULL,
	excluded_on date,
	exclusion_reason text,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	CHECK (excluded_on >= included_on),
	CHECK ((excluded_on IS NULL) = (exclusion_reason IS NULL))
);
COMMENT ON TABLE supervision.inspector IS '执法检查人员名录库（须持行政执法证，见 core.staff.credential_no）';
COMMENT ON COLUMN supervision.inspector.staff_id IS '职员';
COMMENT ON COLUMN supervision.inspector.specialties IS '专业领域（如 食品、特种设备、计量）';
COMMENT ON COLUMN supervision.inspector.included_on IS '纳入名录日期';
COMMENT ON COLUMN supervision.inspector.excluded_on IS '移出名录日期';
COMMENT ON COLUMN supervision.inspector.exclusion_reason IS '移出原因';
COMMENT ON COLUMN supervision.inspector.source_system IS '来源系统';
COMMENT ON COLUMN supervision.inspector.loaded_at IS '入库时间';

CREATE TABLE supervision.inspector_recusal (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	staff_id bigint NOT NULL REFERENCES core.staff (id),
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	reason text NOT NULL CHECK (core.present(reason)),
	recorded_at timestamptz NOT NULL DEFAULT now(),
	recorded_by_staff_id bigint REFERENCES core.staff (id),
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (staff_id, entity_id)
);
COMMENT ON TABLE supervision.inspector_recusal IS '回避关系：检查人员与有利害关系的主体，抽取时排除';
COMMENT ON COLUMN supervision.inspector_recusal.id IS '内部编号';
COMMENT ON COLUMN supervision.inspector_recusal.staff_id IS '须回避的检查人员';
COMMENT ON COLUMN supervision.inspector_recusal.entity_id IS '市场主体';
COMMENT ON COLUMN supervision.inspector_recusal.reason IS '回避原因（如 近亲属任职）';
COMMENT ON COLUMN supervision.inspector_recusal.recorded_at IS '登记时间';
COMMENT ON COLUMN supervision.inspector_recusal.recorded_by_staff_id IS '登记人';
COMMENT ON COLUMN supervision.inspector_recusal.source_system IS '来源系统';
COMMENT ON COLUMN supervision.inspector_recusal.loaded_at IS '入库时间';
CREATE INDEX inspector_recusal_entity_id_idx ON supervision.inspector_recusal (entity_id);
CREATE INDEX inspector_recusal_recorded_by_staff_id_idx ON supervision.inspector_recusal (recorded_by_staff_id);

-- ---------------------------------------------------------------------------
-- Plans, batches, draws

CREATE TABLE supervision.inspection_plan (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	plan_no text NOT NULL UNIQUE CHECK (core.present(plan_no)),
	org_id bigint NOT NULL REFERENCES core.org_unit (id),
	year smallint NOT NULL CHECK (year BETWEEN 2015 AND 2100),
	title text NOT NULL CHECK (core.present(title)),
	kind text NOT NULL CHECK (kind IN ('random', 'joint', 'key', 'special')),
	participating_departments text[] NOT NULL DEFAULT '{}',
	status text NOT NULL DEFAULT 'draft'
		CHECK (status IN ('draft', 'filed', 'in_progress', 'finished', 'cancelled')),
	filed_with_org_id bigint REFERENCES core.org_unit (id),
	filed_at timestamptz,
	published_at timestamptz,
	created_by_staff_id bigint REFERENCES core.staff (id),
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (id, org_id),
	CHECK (status NOT IN ('filed', 'in_progress', 'finished') OR filed_at IS NOT NULL),
	CHECK (kind <> 'joint' OR cardinality(participating_departments) > 0)
);
COMMENT ON TABLE supervision.inspection_plan IS '抽查计划（县级以上局按年度制定，报上级备案）';
COMMENT ON COLUMN supervision.inspection_plan.id IS '内部编号';
COMMENT ON COLUMN supervision.inspection_plan.plan_no IS '计划编号';
COMMENT ON COLUMN supervision.inspection_plan.org_id IS '制定计划的机构（数据范围依据）';
COMMENT ON COLUMN supervision.inspection_plan.year IS '计划年度';
COMMENT ON COLUMN supervision.inspection_plan.title IS '计划名称';
COMMENT ON COLUMN supervision.inspection_plan.kind IS '类型：random 双随机抽查，joint 部门联合抽查，key 重点检查，special 专项检查';
COMMENT ON COLUMN supervision.inspection_plan.participating_departments IS '联合抽查的参与部门';
COMMENT ON COLUMN supervision.inspection_plan.status IS '状态：draft 草拟，filed 已备案，in_progress 实施中，finished 已完成，cancelled 已撤销';
COMMENT ON COLUMN supervision.inspection_plan.filed_with_org_id IS '备案的上级机构';
COMMENT ON COLUMN supervision.inspection_plan.filed_at IS '备案时间';
COMMENT ON COLUMN supervision.inspection_plan.published_at IS '计划公示时间';
COMMENT ON COLUMN supervision.inspection_plan.created_by_staff_id IS '制定人';
COMMENT ON COLUMN supervision.inspection_plan.source_system IS '来源系统';
COMMENT ON COLUMN supervision.inspection_plan.loaded_at IS '入库时间';
COMMENT ON COLUMN supervision.inspection_plan.created_at IS '创建时间';
COMMENT ON COLUMN supervision.inspection_plan.updated_at IS '最后修改时间';
CREATE INDEX inspection_plan_org_id_idx ON supervision.inspection_plan (org_id);
CREATE INDEX inspection_plan_filed_with_org_id_idx ON supervision.inspection_plan (filed_with_org_id);
CREATE INDEX inspection_plan_created_by_staff_id_idx ON supervision.inspection_plan (created_by_staff_id);
CREATE TRIGGER inspection_plan_updated_at BEFORE UPDATE ON supervision.inspection_plan
	FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

CREATE TABLE supervision.plan_item (
	plan_id bigint NOT NULL REFERENCES supervision.inspection_plan (id) ON DELETE CASCADE,
	item_id bigint NOT NULL REFERENCES supervision.inspection_item (id),
	PRIMARY KEY (plan_id, item_id)
);
COMMENT ON TABLE supervision.plan_item IS '计划包含的抽查事项（联合抽查“进一次门、查多项事”）';
COMMENT ON COLUMN supervision.plan_item.plan_id IS '抽查计划';
COMMENT ON COLUMN supervision.plan_item.item_id IS '抽查事项';
CREATE INDEX plan_item_item_id_idx ON supervision.plan_item (item_id);

CREATE TABLE supervision.plan_grade_ratio (
	plan_id bigint NOT NULL REFERENCES supervision.inspection_plan (id) ON DELETE CASCADE,
	risk_grade text NOT NULL REFERENCES core.risk_grade (code),
	ratio_percent numeric(5,2) NOT NULL CHECK (ratio_percent > 0 AND ratio_percent <= 100),
	PRIMARY KEY (plan_id, risk_grade)
);
COMMENT ON TABLE supervision.plan_grade_ratio IS '计划按信用风险等级确定的抽查比例（各地自定，如 A 1%、B 2%、C 10%、D 30%）';
COMMENT ON COLUMN supervision.plan_grade_ratio.plan_id IS '抽查计划';
COMMENT ON COLUMN supervision.plan_grade_ratio.risk_grade IS '信用风险等级';
COMMENT ON COLUMN supervision.plan_grade_ratio.ratio_percent IS '抽查比例（%）';

CREATE TABLE supervision.inspection_batch (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	plan_id bigint NOT NULL,
	org_id bigint NOT NULL,
	batch_no smallint NOT NULL CHECK (batch_no > 0),
	scope text NOT NULL CHECK (core.present(scope)),
	planned_quantity integer NOT NULL CHECK (planned_quantity > 0),
	starts_on date NOT NULL,
	ends_on date NOT NULL,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (plan_id, batch_no),
	UNIQUE (id, org_id),
	FOREIGN KEY (plan_id, org_id) REFERENCES supervision.inspection_plan (id, org_id) ON UPDATE CASCADE,
	CHECK (starts_on <= ends_on)
);
COMMENT ON TABLE supervision.inspection_batch IS '抽查批次（计划分批实施，每批确定范围、数量和时间）';
COMMENT ON COLUMN supervision.inspection_batch.id IS '内部编号';
COMMENT ON COLUMN supervision.inspection_batch.plan_id IS '抽查计划';
COMMENT ON COLUMN supervision.inspection_batch.org_id IS '制定计划的机构（与计划一致）';
COMMENT ON COLUMN supervision.inspection_batch.batch_no IS '批次序号';
COMMENT ON COLUMN supervision.inspection_batch.scope IS '抽查范围';
COMMENT ON COLUMN supervision.inspection_batch.planned_quantity IS '计划抽取数量';
COMMENT ON COLUMN supervision.inspection_batch.starts_on IS '实施开始日期';
COMMENT ON COLUMN supervision.inspection_batch.ends_on IS '实施结束日期';
COMMENT ON COLUMN supervision.inspection_batch.source_system IS '来源系统';
COMMENT ON COLUMN supervision.inspection_batch.loaded_at IS '入库时间';
CREATE INDEX inspection_batch_plan_fk_idx ON supervision.inspection_batch (plan_id, org_id);
CREATE INDEX inspection_batch_org_id_idx ON supervision.inspection_batch (org_id);

CREATE TABLE supervision.inspection_draw (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	batch_id bigint NOT NULL,
	org_id bigint NOT NULL,
	kind text NOT NULL CHECK (kind IN ('object', 'inspector')),
	drawn_at timestamptz NOT NULL,
	drawn_by_staff_id bigint NOT NULL REFERENCES core.staff (id),
	seed text NOT NULL CHECK (core.present(seed)),
	population_count integer NOT NULL CHECK (population_count >= 0),
	drawn_count integer NOT NULL CHECK (drawn_count >= 0),
	witness text,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	FOREIGN KEY (batch_id, org_id) REFERENCES supervision.inspection_batch (id, org_id) ON UPDATE CASCADE,
	CHECK (drawn_count <= population_count)
);
COMMENT ON TABLE supervision.inspection_draw IS '随机抽取记录（抽取对象或检查人员，留痕可复核）';
COMMENT ON COLUMN supervision.inspection_draw.id IS '内部编号';
COMMENT ON COLUMN supervision.inspection_draw.batch_id IS '抽查批次';
COMMENT ON COLUMN supervision.inspection_draw.org_id IS '制定计划的机构（与计划一致）';
COMMENT ON COLUMN supervision.inspection_draw.kind IS '抽取内容：object 检查对象，inspector 检查人员';
COMMENT ON COLUMN supervision.inspection_draw.drawn_at IS '抽取时间';
COMMENT ON COLUMN supervision.inspection_draw.drawn_by_staff_id IS '操作人';
COMMENT ON COLUMN supervision.inspection_draw.seed IS '随机种子（据此可复现抽取结果）';
COMMENT ON COLUMN supervision.inspection_draw.population_count IS '备选总数（排除回避后）';
COMMENT ON COLUMN supervision.inspection_draw.drawn_count IS '抽中数量';
COMMENT ON COLUMN supervision.inspection_draw.witness IS '现场监督人员';
COMMENT ON COLUMN supervision.inspection_draw.source_system IS '来源系统';
COMMENT ON COLUMN supervision.inspection_draw.loaded_at IS '入库时间';
CREATE INDEX inspection_draw_batch_id_idx ON supervision.inspection_draw (batch_id, org_id);
CREATE INDEX inspection_draw_org_id_idx ON supervision.inspection_draw (org_id);
CREATE INDEX inspection_draw_drawn_by_staff_id_idx ON supervision.inspection_draw (drawn_by_staff_id);

-- ---------------------------------------------------------------------------
-- Tasks, their inspectors, results

CREATE TABLE supervision.inspection_task (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	task_no text NOT NULL UNIQUE CHECK (core.present(task_no)),
	batch_id bigint NOT NULL,
	org_id bigint NOT NULL,
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	draw_id bigint REFERENCES supervision.inspection_draw (id),
	status text NOT NULL DEFAULT 'pending'
		CHECK (status IN ('pending', 'dispatched', 'inspecting', 'done', 'cancelled')),
	dispatched_at timestamptz,
	inspected_from date,
	inspected_to date,
	cancel_reason text,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (batch_id, entity_id),
	UNIQUE (id, org_id, entity_id),
	FOREIGN KEY (batch_id, org_id) REFERENCES supervision.inspection_batch (id, org_id) ON UPDATE CASCADE,
	CHECK (status IN ('pending', 'cancelled') OR dispatched_at IS NOT NULL),
	CHECK (status <> 'done' OR inspected_to IS NOT NULL),
	CHECK (inspected_from <= inspected_to),
	CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL))
);
COMMENT ON TABLE supervision.inspection_task IS '检查任务：一个被抽中的主体一项任务，至少两名持证人员，一名主检';
COMMENT ON COLUMN supervision.inspection_task.id IS '内部编号';
COMMENT ON COLUMN supervision.inspection_task.task_no IS '任务编号';
COMMENT ON COLUMN supervision.inspection_task.batch_id IS '抽查批次';
COMMENT ON COLUMN supervision.inspection_task.org_id IS '制定计划的机构（与计划一致，数据范围依据）';
COMMENT ON COLUMN supervision.inspection_task.entity_id IS '检查对象（市场主体）';
COMMENT ON COLUMN supervision.inspection_task.draw_id IS '抽中该对象的抽取记录';
COMMENT ON COLUMN supervision.inspection_task.status IS '状态：pending 待派发，dispatched 已派发，inspecting 检查中，done 已完成，cancelled 已取消';
COMMENT ON COLUMN supervision.inspection_task.dispatched_at IS '派发时间';
COMMENT ON COLUMN supervision.inspection_task.inspected_from IS '检查开始日期';
COMMENT ON COLUMN supervision.inspection_task.inspected_to IS '检查结束日期（结果须在其后 20 个工作日内公示）';
COMMENT ON COLUMN supervision.inspection_task.cancel_reason IS '取消原因';
COMMENT ON COLUMN supervision.inspection_task.source_system IS '来源系统';
COMMENT ON COLUMN supervision.inspection_task.loaded_at IS '入库时间';
COMMENT ON COLUMN supervision.inspection_task.created_at IS '创建时间';
COMMENT ON COLUMN supervision.inspection_task.updated_at IS '最后修改时间';
CREATE INDEX inspection_task_entity_id_idx ON supervision.inspection_task (entity_id);
CREATE INDEX inspection_task_org_id_idx ON supervision.inspection_task (org_id);
CREATE INDEX inspection_task_batch_id_idx ON supervision.inspection_task (batch_id, org_id);
CREATE INDEX inspection_task_draw_id_idx ON supervision.inspection_task (draw_id);
CREATE TRIGGER inspection_task_updated_at BEFORE UPDATE ON supervision.inspection_task
	FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

CREATE TABLE supervision.task_inspector (
	task_id bigint NOT NULL REFERENCES supervision.inspection_task (id) ON DELETE CASCADE,
	staff_id bigint NOT NULL REFERENCES core.staff (id),
	is_lead boolean NOT NULL DEFAULT false,
	department text,
	drawn boolean NOT NULL DEFAULT true,
	PRIMARY KEY (task_id, staff_id)
);
COMMENT ON TABLE supervision.task_inspector IS '任务的检查人员';
COMMENT ON COLUMN supervision.task_inspector.task_id IS '检查任务';
COMMENT ON COLUMN supervision.task_inspector.staff_id IS '检查人员';
COMMENT ON COLUMN supervision.task_inspector.is_lead IS '是否主检';
COMMENT ON COLUMN supervision.task_inspector.department IS '所属参与部门（联合抽查时填写）';
COMMENT ON COLUMN supervision.task_inspector.drawn IS '是否随机抽取（否为指派）';
CREATE UNIQUE INDEX task_inspector_one_lead ON supervision.task_inspector (task_id) WHERE is_lead;
CREATE INDEX task_inspector_staff_id_idx ON supervision.task_inspector (staff_id);

CREATE TABLE supervision.inspection_result (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	task_id bigint NOT NULL UNIQUE,
	org_id bigint NOT NULL,
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	result_code text NOT NULL REFERENCES core.inspection_result_code (code),
	findings text,
	inspected_on date NOT NULL,
	rectification_due_on date,
	entered_at timestamptz NOT NULL DEFAULT now(),
	entered_by_staff_id bigint REFERENCES core.staff (id),
	publish_due_on date,
	published_at timestamptz,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	FOREIGN KEY (task_id, org_id, entity_id)
		REFERENCES supervision.inspection_task (id, org_id, entity_id) ON UPDATE CASCADE,
	CHECK (rectification_due_on >= inspected_on),
	CHECK (publish_due_on >= inspected_on),
	CHECK (result_code = 'no_problem' OR core.present(findings))
);
COMMENT ON TABLE supervision.inspection_result IS '抽查检查结果（检查结束后 20 个工作日内公示，企业信息公示暂行条例第六条）';
COMMENT ON COLUMN supervision.inspection_result.id IS '内部编号';
COMMENT ON COLUMN supervision.inspection_result.task_id IS '检查任务';
COMMENT ON COLUMN supervision.inspection_result.org_id IS '制定计划的机构（与计划一致，数据范围依据）';
COMMENT ON COLUMN supervision.inspection_result.entity_id IS '检查对象（与任务一致）';
COMMENT ON COLUMN supervision.inspection_result.result_code IS '检查结果';
COMMENT ON COLUMN supervision.inspection_result.findings IS '发现的问题（未发现问题可空）';
COMMENT ON COLUMN supervision.inspection_result.inspected_on IS '检查完成日期';
COMMENT ON COLUMN supervision.inspection_result.rectification_due_on IS '责令改正期限';
COMMENT ON COLUMN supervision.inspection_result.entered_at IS '录入时间';
COMMENT ON COLUMN supervision.inspection_result.entered_by_staff_id IS '录入人';
COMMENT ON COLUMN supervision.inspection_result.publish_due_on IS '公示期限（按工作日历计算）';
COMMENT ON COLUMN supervision.inspection_result.published_at IS '公示时间';
COMMENT ON COLUMN supervision.inspection_result.source_system IS '来源系统';
COMMENT ON COLUMN supervision.inspection_result.loaded_at IS '入库时间';
CREATE INDEX inspection_result_entity_id_idx ON supervision.inspection_result (entity_id);
CREATE INDEX inspection_result_org_id_idx ON supervision.inspection_result (org_id);
CREATE INDEX inspection_result_task_fk_idx ON supervision.inspection_result (task_id, org_id, entity_id);
CREATE INDEX inspection_result_entered_by_staff_id_idx ON supervision.inspection_result (entered_by_staff_id);

CREATE TABLE supervision.inspection_result_item (
	result_id bigint NOT NULL REFERENCES supervision.inspection_result (id) ON DELETE CASCADE,
	item_id bigint NOT NULL REFERENCES supervision.inspection_item (id),
	result_code text NOT NULL REFERENCES core.inspection_result_code (code),
	note text,
	PRIMARY KEY (result_id, item_id)
);
COMMENT ON TABLE supervision.inspection_result_item IS '按抽查事项分列的检查结果';
COMMENT ON COLUMN supervision.inspection_result_item.result_id IS '检查结果';
COMMENT ON COLUMN supervision.inspection_result_item.item_id IS '抽查事项';
COMMENT ON COLUMN supervision.inspection_result_item.result_code IS '该事项的检查结果';
COMMENT ON COLUMN supervision.inspection_result_item.note IS '说明';
CREATE INDEX inspection_result_item_item_id_idx ON supervision.inspection_result_item (item_id);

-- ---------------------------------------------------------------------------
-- Rules

-- A child row names its parent; org_id (and a result's entity_id) are taken
-- from the parent when the writer leaves them out. The composite foreign keys
-- then hold them equal to the plan's for good.
CREATE FUNCTION supervision.fill_from_parent() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF TG_TABLE_NAME = 'inspection_batch' THEN
		IF NEW.org_id IS NULL THEN
			SELECT p.org_id INTO NEW.org_id FROM supervision.inspection_plan p WHERE p.id = NEW.plan_id;
		END IF;
	ELSIF TG_TABLE_NAME IN ('inspection_draw', 'inspection_task') THEN
		IF NEW.org_id IS NULL THEN
			SELECT b.org_id INTO NEW.org_id FROM supervision.inspection_batch b WHERE b.id = NEW.batch_id;
		END IF;
	ELSIF TG_TABLE_NAME = 'inspection_result' THEN
		IF NEW.org_id IS NULL OR NEW.entity_id IS NULL THEN
			SELECT coalesce(NEW.org_id, t.org_id), coalesce(NEW.entity_id, t.entity_id)
			  INTO NEW.org_id, NEW.entity_id
			  FROM supervision.inspection_task t WHERE t.id = NEW.task_id;
		END IF;
	END IF;
	RETURN NEW;
END $$;
COMMENT ON FUNCTION supervision.fill_from_parent() IS '触发器：未填写时从上级记录带出 org_id（结果还带出 entity_id）';
CREATE TRIGGER inspection_batch_fill BEFORE INSERT ON supervision.inspection_batch
	FOR EACH ROW EXECUTE FUNCTION supervision.fill_from_parent();
CREATE TRIGGER inspection_draw_fill BEFORE INSERT ON supervision.inspection_draw
	FOR EACH ROW EXECUTE FUNCTION supervision.fill_from_parent();
CREATE TRIGGER inspection_task_fill BEFORE INSERT ON supervision.inspection_task
	FOR EACH ROW EXECUTE FUNCTION supervision.fill_from_parent();
CREATE TRIGGER inspection_result_fill BEFORE INSERT ON supervision.inspection_result
	FOR EACH ROW EXECUTE FUNCTION supervision.fill_from_parent();

-- A task that has left 'pending' has at least two inspectors holding an
-- enforcement credential, exactly one of them the lead, and the lead holds a
-- credential. Checked when a task is dispatched (or inserted as dispatched)
-- and whenever the inspectors of such a task change. Constraint triggers,
-- DEFERRABLE INITIALLY IMMEDIATE: a writer who builds task and team in one
-- transaction may SET CONSTRAINTS supervision.task_team_complete DEFERRED.
CREATE FUNCTION supervision.check_task_team() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	tid bigint;
	st text;
	credentialed int;
	leads int;
	lead_credentialed int;
BEGIN
	IF TG_TABLE_NAME = 'inspection_task' THEN
		tid := NEW.id;
	ELSIF TG_OP = 'DELETE' THEN
		tid := OLD.task_id;
	ELSE
		tid := NEW.task_id;
	END IF;
	SELECT t.status INTO st FROM supervision.inspection_task t WHERE t.id = tid;
	IF st IS NULL OR st IN ('pending', 'cancelled') THEN
		RETURN NULL;
	END IF;
	SELECT count(*) FILTER (WHERE s.credential_no IS NOT NULL),
	       count(*) FILTER (WHERE ti.is_lead),
	       count(*) FILTER (WHERE ti.is_lead AND s.credential_no IS NOT NULL)
	  INTO credentialed, leads, lead_credentialed
	  FROM supervision.task_inspector ti JOIN core.staff s ON s.id = ti.staff_id
	 WHERE ti.task_id = tid;
	IF credentialed < 2 OR leads <> 1 OR lead_credentialed <> 1 THEN
		RAISE EXCEPTION '检查任务须有至少两名持行政执法证的检查人员，其中一名为主检（任务 %：持证 % 人，主检 % 人）',
			tid, credentialed, leads
			USING ERRCODE = 'check_violation', CONSTRAINT = 'task_team_complete',
			      HINT = '先在 supervision.task_inspector 中安排人员，再派发任务';
	END IF;
	RETURN NULL;
END $$;
COMMENT ON FUNCTION supervision.check_task_team() IS '约束触发器：已派发的检查任务须有至少两名持证检查人员和一名主检';
CREATE CONSTRAINT TRIGGER task_team_complete
	AFTER INSERT OR UPDATE OF status ON supervision.inspection_task
	DEFERRABLE INITIALLY IMMEDIATE
	FOR EACH ROW EXECUTE FUNCTION supervision.check_task_team();
CREATE CONSTRAINT TRIGGER task_team_complete
	AFTER INSERT OR UPDATE OR DELETE ON supervision.task_inspector
	DEFERRABLE INITIALLY IMMEDIATE
	FOR EACH ROW EXECUTE FUNCTION supervision.check_task_team();

-- An inspector with a recorded interest in the entity is never on its task.
CREATE FUNCTION supervision.check_recusal() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF EXISTS (SELECT 1
	             FROM supervision.inspection_task t
	             JOIN supervision.inspector_recusal r ON r.entity_id = t.entity_id
	            WHERE t.id = NEW.task_id AND r.staff_id = NEW.staff_id) THEN
		RAISE EXCEPTION '检查人员（职员 %）与检查对象有利害关系，应当回避', NEW.staff_id
			USING ERRCODE = 'check_violation', CONSTRAINT = 'task_inspector_recusal';
	END IF;
	RETURN NEW;
END $$;
COMMENT ON FUNCTION supervision.check_recusal() IS '触发器：须回避的人员不得安排到该主体的检查任务';
CREATE TRIGGER task_inspector_recusal BEFORE INSERT OR UPDATE ON supervision.task_inspector
	FOR EACH ROW EXECUTE FUNCTION supervision.check_recusal();

GRANT SELECT ON supervision.inspection_item TO smcon_staff;
