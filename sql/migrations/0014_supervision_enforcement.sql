-- 0014 监管行为库, part 2: enforcement cases and administrative penalties.
-- Both carry deciding_org_id (the bureau that decides), which row-level
-- security compares with the caller's scope. A party may be a person or a
-- body not in the entity master (无照经营, a firm from another city): then
-- entity_id is empty and party_name says who it is.

CREATE TABLE supervision.enforcement_case (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	case_no text NOT NULL UNIQUE CHECK (core.present(case_no)),
	deciding_org_id bigint NOT NULL REFERENCES core.org_unit (id),
	entity_id bigint REFERENCES core.entity (id),
	party_name text NOT NULL CHECK (core.present(party_name)),
	party_kind text NOT NULL CHECK (party_kind IN ('entity', 'person')),
	party_id_no text,
	violation_category_code text NOT NULL REFERENCES core.violation_category (code),
	cause text NOT NULL CHECK (core.present(cause)),
	source text NOT NULL CHECK (source IN ('inspection', 'complaint', 'report', 'sampling',
	                                       'monitoring', 'transfer', 'other')),
	inspection_result_id bigint REFERENCES supervision.inspection_result (id),
	procedure text NOT NULL DEFAULT 'general' CHECK (procedure IN ('general', 'summary')),
	clue_received_on date,
	filed_on date,
	status text NOT NULL DEFAULT 'filed'
		CHECK (status IN ('filed', 'investigating', 'pending_decision', 'decided', 'executed',
		                  'closed', 'withdrawn')),
	decided_on date,
	closed_on date,
	closure text CHECK (closure IN ('penalty', 'no_penalty', 'transferred_judicial', 'transferred_other',
	                                'withdrawn')),
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now(),
	CHECK (party_kind = 'person' OR party_id_no IS NULL),
	CHECK (procedure <> 'general' OR filed_on IS NOT NULL),
	CHECK (source <> 'inspection' OR inspection_result_id IS NOT NULL),
	CHECK (filed_on >= clue_received_on),
	CHECK (decided_on >= filed_on),
	CHECK (closed_on >= decided_on),
	CHECK (closed_on >= filed_on),
	CHECK (status NOT IN ('decided', 'executed') OR decided_on IS NOT NULL),
	CHECK (closure IS DISTINCT FROM 'penalty' OR decided_on IS NOT NULL),
	CHECK ((status IN ('closed', 'withdrawn')) = (closed_on IS NOT NULL)),
	CHECK ((closed_on IS NULL) = (closure IS NULL))
);
COMMENT ON TABLE supervision.enforcement_case IS '行政执法案件（立案至结案）';
COMMENT ON COLUMN supervision.enforcement_case.id IS '内部编号';
COMMENT ON COLUMN supervision.enforcement_case.case_no IS '案件编号（立案号）';
COMMENT ON COLUMN supervision.enforcement_case.deciding_org_id IS '办案机关（数据范围依据）';
COMMENT ON COLUMN supervision.enforcement_case.entity_id IS '当事人（主体名录中的市场主体；自然人或外地主体为空）';
COMMENT ON COLUMN supervision.enforcement_case.party_name IS '当事人名称（姓名）';
COMMENT ON COLUMN supervision.enforcement_case.party_kind IS '当事人类别：entity 单位或个体工商户，person 自然人';
COMMENT ON COLUMN supervision.enforcement_case.party_id_no IS '自然人当事人身份证件号码（个人信息）';
COMMENT ON COLUMN supervision.enforcement_case.violation_category_code IS '违法行为类别';
COMMENT ON COLUMN supervision.enforcement_case.cause IS '案由';
COMMENT ON COLUMN supervision.enforcement_case.source IS '案件来源：inspection 监督检查，complaint 投诉，report 举报，sampling 抽检，monitoring 监测，transfer 移送，other 其他';
COMMENT ON COLUMN supervision.enforcement_case.inspection_result_id IS '来源的抽查检查结果';
COMMENT ON COLUMN supervision.enforcement_case.procedure IS '程序：general 普通程序，summary 简易程序';
COMMENT ON COLUMN supervision.enforcement_case.clue_received_on IS '发现线索（收到材料）日期';
COMMENT ON COLUMN supervision.enforcement_case.filed_on IS '立案日期';
COMMENT ON COLUMN supervision.enforcement_case.status IS '状态：filed 已立案，investigating 调查中，pending_decision 待决定，decided 已决定，executed 已执行，closed 已结案，withdrawn 已撤销立案';
COMMENT ON COLUMN supervision.enforcement_case.decided_on IS '处罚（处理）决定日期';
COMMENT ON COLUMN supervision.enforcement_case.closed_on IS '结案日期';
COMMENT ON COLUMN supervision.enforcement_case.closure IS '结案方式：penalty 作出处罚，no_penalty 不予处罚，transferred_judicial 移送司法机关，transferred_other 移送其他部门，withdrawn 撤销立案';
COMMENT ON COLUMN supervision.enforcement_case.source_system IS '来源系统';
COMMENT ON COLUMN supervision.enforcement_case.loaded_at IS '入库时间';
COMMENT ON COLUMN supervision.enforcement_case.created_at IS '创建时间';
COMMENT ON COLUMN supervision.enforcement_case.updated_at IS '最后修改时间';
CREATE INDEX enforcement_case_entity_id_idx ON supervision.enforcement_case (entity_id);
CREATE INDEX enforcement_case_deciding_org_id_idx ON supervision.enforcement_case (deciding_org_id);
CREATE INDEX enforcement_case_inspection_result_id_idx ON supervision.enforcement_case (inspection_result_id);
CREATE TRIGGER enforcement_case_updated_at BEFORE UPDATE ON supervision.enforcement_case
	FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

CREATE TABLE supervision.case_officer (
	case_id bigint NOT NULL REFERENCES supervision.enforcement_case (id) ON DELETE CASCADE,
	staff_id bigint NOT NULL REFERENCES core.staff (id),
	is_lead boolean NOT NULL DEFAULT false,
	PRIMARY KEY (case_id, staff_id)
);
COMMENT ON TABLE supervision.case_officer IS '案件的执法人员（不少于两人，行政处罚法第四十二条）';
COMMENT ON COLUMN supervision.case_officer.case_id IS '案件';
COMMENT ON COLUMN supervision.case_officer.staff_id IS '执法人员';
COMMENT ON COLUMN supervision.case_officer.is_lead IS '是否主办人';
CREATE UNIQUE INDEX case_officer_one_lead ON supervision.case_officer (case_id) WHERE is_lead;
CREATE INDEX case_officer_staff_id_idx ON supervision.case_officer (staff_id);

CREATE TABLE supervision.penalty (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	decision_no text NOT NULL UNIQUE CHECK (core.present(decision_no)),
	case_id bigint REFERENCES supervision.enforcement_case (id),
	deciding_org_id bigint NOT NULL REFERENCES core.org_unit (id),
	entity_id bigint REFERENCES core.entity (id),
	party_name text NOT NULL CHECK (core.present(party_name)),
	party_id_no text,
	violation_category_code text NOT NULL REFERENCES core.violation_category (code),
	illegal_facts text NOT NULL CHECK (core.present(illegal_facts)),
	legal_basis text NOT NULL CHECK (core.present(legal_basis)),
	decided_on date NOT NULL,
	status text NOT NULL DEFAULT 'decided'
		CHECK (status IN ('decided', 'executed', 'reconsideration', 'litigation', 'revoked')),
	executed_on date,
	published_at timestamptz,
	publicity_ends_on date,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (id, deciding_org_id),
	CHECK (executed_on >= decided_on),
	CHECK (publicity_ends_on >= decided_on),
	CHECK (status <> 'executed' OR executed_on IS NOT NULL)
);
COMMENT ON TABLE supervision.penalty IS '行政处罚决定（按行政处罚信息公示规定公示）';
COMMENT ON COLUMN supervision.penalty.id IS '内部编号';
COMMENT ON COLUMN supervision.penalty.decision_no IS '处罚决定书文号（如 锡梁市监处罚〔2024〕123 号）';
COMMENT ON COLUMN supervision.penalty.case_id IS '所属案件（简易程序当场处罚可空）';
COMMENT ON COLUMN supervision.penalty.deciding_org_id IS '处罚机关（数据范围依据）';
COMMENT ON COLUMN supervision.penalty.entity_id IS '当事人（主体名录中的市场主体；自然人或外地主体为空）';
COMMENT ON COLUMN supervision.penalty.party_name IS '当事人名称（姓名）';
COMMENT ON COLUMN supervision.penalty.party_id_no IS '自然人当事人身份证件号码（个人信息）';
COMMENT ON COLUMN supervision.penalty.violation_category_code IS '违法行为类别';
COMMENT ON COLUMN supervision.penalty.illegal_facts IS '主要违法事实';
COMMENT ON COLUMN supervision.penalty.legal_basis IS '处罚依据';
COMMENT ON COLUMN supervision.penalty.decided_on IS '处罚决定日期';
COMMENT ON COLUMN supervision.penalty.status IS '状态：decided 已决定，executed 已执行完毕，reconsideration 复议中，litigation 诉讼中，revoked 已撤销';
COMMENT ON COLUMN supervision.penalty.executed_on IS '执行完毕日期';
COMMENT ON COLUMN supervision.penalty.published_at IS '公示时间';
COMMENT ON COLUMN supervision.penalty.publicity_ends_on IS '公示期满日期';
COMMENT ON COLUMN supervision.penalty.source_system IS '来源系统';
COMMENT ON COLUMN supervision.penalty.loaded_at IS '入库时间';
COMMENT ON COLUMN supervision.penalty.created_at IS '创建时间';
COMMENT ON COLUMN supervision.penalty.updated_at IS '最后修改时间';
CREATE INDEX penalty_entity_id_idx ON supervision.penalty (entity_id);
CREATE INDEX penalty_deciding_org_id_idx ON supervision.penalty (deciding_org_id);
CREATE INDEX penalty_case_id_idx ON supervision.penalty (case_id);
CREATE TRIGGER penalty_updated_at BEFORE UPDATE ON supervision.penalty
	FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

CREATE TABLE supervision.penalty_measure (
	penalty_id bigint NOT NULL,
	deciding_org_id bigint NOT NULL,
	kind_code text NOT NULL REFERENCES core.penalty_kind (code),
	amount numeric(18,2) CHECK (amount > 0),
	detail text,
	PRIMARY KEY (penalty_id, kind_code),
	FOREIGN KEY (penalty_id, deciding_org_id) REFERENCES supervision.penalty (id, deciding_org_id)
		ON UPDATE CASCADE ON DELETE CASCADE,
	CHECK (kind_code NOT IN ('fine', 'confiscate_income') OR amount IS NOT NULL)
);
COMMENT ON TABLE supervision.penalty_measure IS '处罚决定中的各项处罚（种类及金额）';
COMMENT ON COLUMN supervision.penalty_measure.penalty_id IS '处罚决定';
COMMENT ON COLUMN supervision.penalty_measure.deciding_org_id IS '处罚机关（与处罚决定一致）';
COMMENT ON COLUMN supervision.penalty_measure.kind_code IS '处罚种类';
COMMENT ON COLUMN supervision.penalty_measure.amount IS '金额，元（罚款、没收违法所得）';
COMMENT ON COLUMN supervision.penalty_measure.detail IS '具体内容（如 吊销的证件、停产停业期限、没收的财物）';
CREATE INDEX penalty_measure_deciding_org_id_idx ON supervision.penalty_measure (deciding_org_id);
CREATE INDEX penalty_measure_penalty_fk_idx ON supervision.penalty_measure (penalty_id, deciding_org_id);

CREATE FUNCTION supervision.fill_penalty_org() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF NEW.deciding_org_id IS NULL THEN
		SELECT p.deciding_org_id INTO NEW.deciding_org_id FROM supervision.penalty p WHERE p.id = NEW.penalty_id;
	END IF;
	RETURN NEW;
END $$;
COMMENT ON FUNCTION supervision.fill_penalty_org() IS '触发器：未填写时从处罚决定带出处罚机关';
CREATE TRIGGER penalty_measure_fill BEFORE INSERT ON supervision.penalty_measure
	FOR EACH ROW EXECUTE FUNCTION supervision.fill_penalty_org();
