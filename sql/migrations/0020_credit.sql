-- 0020 信用信息库: the abnormal-operation list (经营异常名录), the
-- serious-violation list (严重违法失信名单), annual reports, rewards, recalls,
-- and credit-risk grading (an internal tool: never published) with the score
-- and the facts that made it up. Indicators and weights are local choice, so
-- they are rows.

CREATE SCHEMA credit;
COMMENT ON SCHEMA credit IS '信用信息库：经营异常名录、严重违法失信名单、年度报告、守信激励、缺陷产品召回、信用风险分类';
GRANT USAGE ON SCHEMA credit TO smcon_staff;

CREATE TABLE credit.abnormal_operation (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	list_reason text NOT NULL CHECK (list_reason IN ('no_annual_report', 'not_publicized_on_order',
	                                                 'false_publicity', 'unreachable')),
	listed_on date NOT NULL,
	list_decision_no text,
	listing_org_id bigint NOT NULL REFERENCES core.org_unit (id),
	inspection_result_id bigint REFERENCES supervision.inspection_result (id),
	removed_on date,
	removal_reason text CHECK (removal_reason IN ('annual_report_filed', 'info_publicized', 'reachable',
	                                              'address_changed', 'listed_in_error', 'moved_to_serious_list',
	                                              'other')),
	removal_decision_no text,
	removing_org_id bigint REFERENCES core.org_unit (id),
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (entity_id, list_reason, listed_on),
	CHECK (removed_on >= listed_on),
	CHECK ((removed_on IS NULL) = (removal_reason IS NULL)),
	CHECK ((removed_on IS NULL) = (removing_org_id IS NULL))
);
COMMENT ON TABLE credit.abnormal_operation IS '经营异常名录（列入与移出，企业信息公示暂行条例第八、十、十七条）';
COMMENT ON COLUMN credit.abnormal_operation.id IS '内部编号';
COMMENT ON COLUMN credit.abnormal_operation.entity_id IS '市场主体';
COMMENT ON COLUMN credit.abnormal_operation.list_reason IS '列入原因：no_annual_report 未按规定期限公示年度报告，not_publicized_on_order 未在责令期限内公示有关信息，false_publicity 公示信息隐瞒真实情况弄虚作假，unreachable 通过登记的住所（经营场所）无法联系';
COMMENT ON COLUMN credit.abnormal_operation.listed_on IS '列入日期';
COMMENT ON COLUMN credit.abnormal_operation.list_decision_no IS '列入决定书文号';
COMMENT ON COLUMN credit.abnormal_operation.listing_org_id IS '作出列入决定的机关';
COMMENT ON COLUMN credit.abnormal_operation.inspection_result_id IS '导致列入的抽查结果（无法联系）';
COMMENT ON COLUMN credit.abnormal_operation.removed_on IS '移出日期';
COMMENT ON COLUMN credit.abnormal_operation.removal_reason IS '移出原因：annual_report_filed 补报年度报告，info_publicized 已公示或更正信息，reachable 恢复正常记载状态，address_changed 已变更住所，listed_in_error 列入错误，moved_to_serious_list 满三年转入严重违法失信名单，other 其他';
COMMENT ON COLUMN credit.abnormal_operation.removal_decision_no IS '移出决定书文号';
COMMENT ON COLUMN credit.abnormal_operation.removing_org_id IS '作出移出决定的机关';
COMMENT ON COLUMN credit.abnormal_operation.source_system IS '来源系统';
COMMENT ON COLUMN credit.abnormal_operation.loaded_at IS '入库时间';
CREATE INDEX abnormal_operation_entity_id_idx ON credit.abnormal_operation (entity_id);
CREATE UNIQUE INDEX abnormal_operation_one_open ON credit.abnormal_operation (entity_id, list_reason)
	WHERE removed_on IS NULL;
CREATE INDEX abnormal_operation_listing_org_id_idx ON credit.abnormal_operation (listing_org_id);
CREATE INDEX abnormal_operation_removing_org_id_idx ON credit.abnormal_operation (removing_org_id);
CREATE INDEX abnormal_operation_inspection_result_id_idx ON credit.abnormal_operation (inspection_result_id);

CREATE TABLE credit.serious_violation (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	listed_on date NOT NULL,
	reason text NOT NULL CHECK (core.present(reason)),
	legal_basis text NOT NULL CHECK (core.present(legal_basis)),
	decision_no text NOT NULL UNIQUE CHECK (core.present(decision_no)),
	deciding_org_id bigint NOT NULL REFERENCES core.org_unit (id),
	penalty_id bigint REFERENCES supervision.penalty (id),
	publicity_until date NOT NULL,
	removed_on date,
	removal_reason text CHECK (removal_reason IN ('expired', 'credit_repair', 'decision_revoked', 'other')),
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	CHECK (publicity_until > listed_on),
	CHECK (removed_on >= listed_on),
	CHECK ((removed_on IS NULL) = (removal_reason IS NULL))
);
COMMENT ON TABLE credit.serious_violation IS '严重违法失信名单（市场监督管理严重违法失信名单管理办法）';
COMMENT ON COLUMN credit.serious_violation.id IS '内部编号';
COMMENT ON COLUMN credit.serious_violation.entity_id IS '市场主体';
COMMENT ON COLUMN credit.serious_violation.listed_on IS '列入日期';
COMMENT ON COLUMN credit.serious_violation.reason IS '列入事由';
COMMENT ON COLUMN credit.serious_violation.legal_basis IS '列入依据';
COMMENT ON COLUMN credit.serious_violation.decision_no IS '列入决定书文号';
COMMENT ON COLUMN credit.serious_violation.deciding_org_id IS '作出决定的机关';
COMMENT ON COLUMN credit.serious_violation.penalty_id IS '所依据的行政处罚';
COMMENT ON COLUMN credit.serious_violation.publicity_until IS '公示期满日期（一般三年）';
COMMENT ON COLUMN credit.serious_violation.removed_on IS '移出日期';
COMMENT ON COLUMN credit.serious_violation.removal_reason IS '移出原因：expired 期满移出，credit_repair 信用修复提前移出，decision_revoked 处罚决定被撤销，other 其他';
COMMENT ON COLUMN credit.serious_violation.source_system IS '来源系统';
COMMENT ON COLUMN credit.serious_violation.loaded_at IS '入库时间';
CREATE INDEX serious_violation_entity_id_idx ON credit.serious_violation (entity_id);
CREATE INDEX serious_violation_deciding_org_id_idx ON credit.serious_violation (deciding_org_id);
CREATE INDEX serious_violation_penalty_id_idx ON credit.serious_violation (penalty_id);

CREATE TABLE credit.annual_report (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	year smallint NOT NULL CHECK (year BETWEEN 2013 AND 2100),
	submitted_on date NOT NULL,
	on_time boolean GENERATED ALWAYS AS (submitted_on <= make_date(year + 1, 6, 30)) STORED,
	employees integer CHECK (employees >= 0),
	amended boolean NOT NULL DEFAULT false,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (entity_id, year),
	CHECK (submitted_on > make_date(year, 12, 31))
);
COMMENT ON TABLE credit.annual_report IS '年度报告报送情况（每年 1 月 1 日至 6 月 30 日报送上一年度报告；未报送的无记录）';
COMMENT ON COLUMN credit.annual_report.id IS '内部编号';
COMMENT ON COLUMN credit.annual_report.entity_id IS '市场主体';
COMMENT ON COLUMN credit.annual_report.year IS '报告年度';
COMMENT ON COLUMN credit.annual_report.submitted_on IS '报送日期';
COMMENT ON COLUMN credit.annual_report.on_time IS '是否按期报送（6 月 30 日前），由报送日期生成';
COMMENT ON COLUMN credit.annual_report.employees IS '从业人数';
COMMENT ON COLUMN credit.annual_report.amended IS '是否修改过';
COMMENT ON COLUMN credit.annual_report.source_system IS '来源系统';
COMMENT ON COLUMN credit.annual_report.loaded_at IS '入库时间';

CREATE TABLE credit.reward (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	title text NOT NULL CHECK (core.present(title)),
	level text NOT NULL CHECK (level IN ('national', 'provincial', 'city', 'district')),
	awarding_body text NOT NULL CHECK (core.present(awarding_body)),
	awarded_on date NOT NULL,
	valid_to date,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (entity_id, title, awarded_on),
	CHECK (valid_to > awarded_on)
);
COMMENT ON TABLE credit.reward IS '守信激励和荣誉（如 守合同重信用企业、质量奖）';
COMMENT ON COLUMN credit.reward.id IS '内部编号';
COMMENT ON COLUMN credit.reward.entity_id IS '市场主体';
COMMENT ON COLUMN credit.reward.title IS '荣誉或激励名称';
COMMENT ON COLUMN credit.reward.level IS '级别：national 国家，provincial 省，city 市，district 区县';
COMMENT ON COLUMN credit.reward.awarding_body IS '授予机关';
COMMENT ON COLUMN credit.reward.awarded_on IS '授予日期';
COMMENT ON COLUMN credit.reward.valid_to IS '有效期至';
COMMENT ON COLUMN credit.reward.source_system IS '来源系统';
COMMENT ON COLUMN credit.reward.loaded_at IS '入库时间';
CREATE INDEX reward_entity_id_idx ON credit.reward (entity_id);

CREATE TABLE credit.recall (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	recall_no text NOT NULL UNIQUE CHECK (core.present(recall_no)),
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	product_domain text NOT NULL CHECK (product_domain IN ('consumer_product', 'vehicle', 'food', 'drug',
	                                                       'device', 'cosmetic', 'other')),
	kind text NOT NULL CHECK (kind IN ('voluntary', 'ordered')),
	product_name text NOT NULL CHECK (core.present(product_name)),
	models text,
	quantity integer CHECK (quantity >= 0),
	defect text NOT NULL CHECK (core.present(defect)),
	remedy text NOT NULL CHECK (core.present(remedy)),
	announced_on date NOT NULL,
	completed_on date,
	recovered_quantity integer CHECK (recovered_quantity >= 0),
	supervising_org_id bigint REFERENCES core.org_unit (id),
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	CHECK (completed_on >= announced_on),
	CHECK (recovered_quantity <= quantity)
);
COMMENT ON TABLE credit.recall IS '缺陷产品召回';
COMMENT ON COLUMN credit.recall.id IS '内部编号';
COMMENT ON COLUMN credit.recall.recall_no IS '召回编号';
COMMENT ON COLUMN credit.recall.entity_id IS '召回主体（生产者、进口商）';
COMMENT ON COLUMN credit.recall.product_domain IS '产品领域：consumer_product 消费品，vehicle 机动车，food 食品，drug 药品，device 医疗器械，cosmetic 化妆品，other 其他';
COMMENT ON COLUMN credit.recall.kind IS '召回方式：voluntary 主动召回，ordered 责令召回';
COMMENT ON COLUMN credit.recall.product_name IS '产品名称';
COMMENT ON COLUMN credit.recall.models IS '涉及型号、批次';
COMMENT ON COLUMN credit.recall.quantity IS '涉及数量';
COMMENT ON COLUMN credit.recall.defect IS '缺陷情况';
COMMENT ON COLUMN credit.recall.remedy IS '召回措施（修理、更换、退货）';
COMMENT ON COLUMN credit.recall.announced_on IS '召回公告日期';
COMMENT ON COLUMN credit.recall.completed_on IS '召回完成日期';
COMMENT ON COLUMN credit.recall.recovered_quantity IS '已召回数量';
COMMENT ON COLUMN credit.recall.supervising_org_id IS '监督召回的机构';
COMMENT ON COLUMN credit.recall.source_system IS '来源系统';
COMMENT ON COLUMN credit.recall.loaded_at IS '入库时间';
CREATE INDEX recall_entity_id_idx ON credit.recall (entity_id);
CREATE INDEX recall_supervising_org_id_idx ON credit.recall (supervising_org_id);

-- ---------------------------------------------------------------------------
-- Credit-risk grading (internal)

CREATE TABLE credit.risk_indicator (
	code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
	name text NOT NULL UNIQUE,
	weight numeric(6,2) NOT NULL CHECK (weight >= 0),
	description text,
	sort_order integer NOT NULL DEFAULT 0,
	active boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE credit.risk_indicator IS '信用风险分类指标及权重（各地自定，内部使用）';
COMMENT ON COLUMN credit.risk_indicator.code IS '指标代码';
COMMENT ON COLUMN credit.risk_indicator.name IS '指标名称';
COMMENT ON COLUMN credit.risk_indicator.weight IS '权重（分值）';
COMMENT ON COLUMN credit.risk_indicator.description IS '指标说明';
COMMENT ON COLUMN credit.risk_indicator.sort_order IS '显示顺序';
COMMENT ON COLUMN credit.risk_indicator.active IS '是否在用';

INSERT INTO credit.risk_indicator (code, name, weight, description, sort_order) VALUES
	('abnormal_list', '列入经营异常名录', 15, '在列期间计分', 1),
	('serious_violation', '列入严重违法失信名单', 40, '在列期间计分', 2),
	('penalty', '受到行政处罚', 10, '近三年每件计分', 3),
	('inspection_problem', '抽查发现问题', 8, '不配合检查情节严重、发现问题已责令改正、发现问题待后续处理', 4),
	('complaint', '投诉', 1, '近一年每件计分，封顶 10 分', 5),
	('report', '举报', 2, '近一年每件计分，封顶 10 分', 6),
	('equipment_incident', '特种设备事故、电梯困人', 3, '近一年每起计分', 7),
	('annual_report_late', '年度报告未按时报送', 5, '近三年每次计分', 8),
	('registration_age', '成立不满一年', 3, '新设主体', 9),
	('status_abnormal', '登记状态异常', 20, '吊销、歇业等', 10);

CREATE TABLE credit.risk_grade_history (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	grade text NOT NULL REFERENCES core.risk_grade (code),
	score numeric(7,2) NOT NULL,
	assessed_on date NOT NULL,
	model_version text NOT NULL CHECK (core.present(model_version)),
	manual_adjustment boolean NOT NULL DEFAULT false,
	adjustment_reason text,
	adjusted_by_staff_id bigint REFERENCES core.staff (id),
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (entity_id, assessed_on, model_version),
	CHECK (manual_adjustment = core.present(adjustment_reason)),
	CHECK (manual_adjustment = (adjusted_by_staff_id IS NOT NULL))
);
COMMENT ON TABLE credit.risk_grade_history IS '信用风险分类结果历史（内部使用，不得公开）';
COMMENT ON COLUMN credit.risk_grade_history.id IS '内部编号';
COMMENT ON COLUMN credit.risk_grade_history.entity_id IS '市场主体';
COMMENT ON COLUMN credit.risk_grade_history.grade IS '风险等级';
COMMENT ON COLUMN credit.risk_grade_history.score IS '风险得分';
COMMENT ON COLUMN credit.risk_grade_history.assessed_on IS '评定日期';
COMMENT ON COLUMN credit.risk_grade_history.model_version IS '分类模型（指标体系）版本';
COMMENT ON COLUMN credit.risk_grade_history.manual_adjustment IS '是否人工调整';
COMMENT ON COLUMN credit.risk_grade_history.adjustment_reason IS '人工调整理由';
COMMENT ON COLUMN credit.risk_grade_history.adjusted_by_staff_id IS '调整人';
COMMENT ON COLUMN credit.risk_grade_history.source_system IS '来源系统';
COMMENT ON COLUMN credit.risk_grade_history.loaded_at IS '入库时间';
CREATE INDEX risk_grade_history_entity_id_idx ON credit.risk_grade_history (entity_id, assessed_on);
CREATE INDEX risk_grade_history_adjusted_by_staff_id_idx ON credit.risk_grade_history (adjusted_by_staff_id);

CREATE TABLE credit.risk_grade_fact (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	history_id bigint NOT NULL REFERENCES credit.risk_grade_history (id) ON DELETE CASCADE,
	indicator_code text NOT NULL REFERENCES credit.risk_indicator (code),
	fact text NOT NULL CHECK (core.present(fact)),
	points numeric(7,2) NOT NULL,
	source_table text CHECK (source_table ~ '^[a-z_]+\.[a-z_0-9]+$'),
	source_id bigint,
	CHECK ((source_table IS NULL) = (source_id IS NULL))
);
COMMENT ON TABLE credit.risk_grade_fact IS '风险得分的构成：每条计分事实（内部使用）';
COMMENT ON COLUMN credit.risk_grade_fact.id IS '内部编号';
COMMENT ON COLUMN credit.risk_grade_fact.history_id IS '分类结果';
COMMENT ON COLUMN credit.risk_grade_fact.indicator_code IS '指标';
COMMENT ON COLUMN credit.risk_grade_fact.fact IS '计分事实（如 2023-05-10 列入经营异常名录：住所无法联系）';
COMMENT ON COLUMN credit.risk_grade_fact.points IS '计分';
COMMENT ON COLUMN credit.risk_grade_fact.source_table IS '事实所在的表（模式.表名）';
COMMENT ON COLUMN credit.risk_grade_fact.source_id IS '事实所在表中的记录编号';
CREATE INDEX risk_grade_fact_history_id_idx ON credit.risk_grade_fact (history_id);

-- The entity shows its latest grade.
CREATE FUNCTION credit.note_risk_grade() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	UPDATE core.entity e SET risk_grade = NEW.grade, risk_graded_on = NEW.assessed_on
	 WHERE e.id = NEW.entity_id
	   AND (e.risk_graded_on IS NULL OR e.risk_graded_on <= NEW.assessed_on);
	RETURN NULL;
END $$;
COMMENT ON FUNCTION credit.note_risk_grade() IS '触发器：写入分类结果后更新主体的当前风险等级';
CREATE TRIGGER risk_grade_history_note AFTER INSERT ON credit.risk_grade_history
	FOR EACH ROW EXECUTE FUNCTION credit.note_risk_grade();
