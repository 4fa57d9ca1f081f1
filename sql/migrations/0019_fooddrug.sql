-- 0019 食药安全库: food licences (SC production, JY business), drug /
-- cosmetic / medical-device licences and filings, sampling tests with their
-- test items, adverse reactions and events.

CREATE SCHEMA fooddrug;
COMMENT ON SCHEMA fooddrug IS '食药安全库：食品生产经营许可、药品化妆品医疗器械许可备案、抽样检验、不良反应监测';
GRANT USAGE ON SCHEMA fooddrug TO smcon_staff;

CREATE TABLE fooddrug.food_licence (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	licence_no text NOT NULL UNIQUE,
	kind text NOT NULL CHECK (kind IN ('production', 'business')),
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	business_form text CHECK (business_form IN ('food_sales', 'catering', 'canteen')),
	business_items text,
	food_categories text[] NOT NULL DEFAULT '{}',
	premises_address text NOT NULL CHECK (core.present(premises_address)),
	issuing_org_id bigint REFERENCES core.org_unit (id),
	issuing_authority text NOT NULL CHECK (core.present(issuing_authority)),
	issued_on date NOT NULL,
	valid_to date NOT NULL,
	status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'expired', 'suspended', 'revoked', 'cancelled')),
	status_changed_on date,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	-- SC + 14 digits for production, JY + 14 digits for business
	CONSTRAINT food_licence_no_format CHECK (licence_no ~ '^(SC|JY)[0-9]{14}$'
		AND left(licence_no, 2) = CASE kind WHEN 'production' THEN 'SC' ELSE 'JY' END),
	CHECK ((kind = 'business') = (business_form IS NOT NULL)),
	CHECK (issued_on < valid_to),
	CHECK (status_changed_on >= issued_on)
);
COMMENT ON TABLE fooddrug.food_licence IS '食品生产许可证（SC）和食品经营许可证（JY）';
COMMENT ON COLUMN fooddrug.food_licence.id IS '内部编号';
COMMENT ON COLUMN fooddrug.food_licence.licence_no IS '许可证编号（SC 或 JY 加 14 位数字）';
COMMENT ON COLUMN fooddrug.food_licence.kind IS '类别：production 食品生产，business 食品经营';
COMMENT ON COLUMN fooddrug.food_licence.entity_id IS '持证主体';
COMMENT ON COLUMN fooddrug.food_licence.business_form IS '经营主体业态：food_sales 食品销售经营者，catering 餐饮服务经营者，canteen 单位食堂';
COMMENT ON COLUMN fooddrug.food_licence.business_items IS '经营项目';
COMMENT ON COLUMN fooddrug.food_licence.food_categories IS '食品类别（生产许可，如 糕点、饮料）';
COMMENT ON COLUMN fooddrug.food_licence.premises_address IS '生产地址或经营场所';
COMMENT ON COLUMN fooddrug.food_licence.issuing_org_id IS '发证机关（本局机构）';
COMMENT ON COLUMN fooddrug.food_licence.issuing_authority IS '发证机关名称';
COMMENT ON COLUMN fooddrug.food_licence.issued_on IS '发证日期';
COMMENT ON COLUMN fooddrug.food_licence.valid_to IS '有效期至（五年）';
COMMENT ON COLUMN fooddrug.food_licence.status IS '状态：valid 有效，expired 过期，suspended 暂扣，revoked 吊销，cancelled 注销';
COMMENT ON COLUMN fooddrug.food_licence.status_changed_on IS '状态变更日期';
COMMENT ON COLUMN fooddrug.food_licence.source_system IS '来源系统';
COMMENT ON COLUMN fooddrug.food_licence.loaded_at IS '入库时间';
CREATE INDEX food_licence_entity_id_idx ON fooddrug.food_licence (entity_id);
CREATE INDEX food_licence_issuing_org_id_idx ON fooddrug.food_licence (issuing_org_id);

CREATE TABLE fooddrug.pharma_licence (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	kind text NOT NULL CHECK (kind IN ('drug_wholesale', 'drug_retail', 'drug_retail_chain', 'drug_production',
	                                   'cosmetic_production', 'device_business_class3', 'device_filing_class2',
	                                   'device_production')),
	product_domain text GENERATED ALWAYS AS (split_part(kind, '_', 1)) STORED,
	licence_no text NOT NULL CHECK (core.present(licence_no)),
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	business_scope text,
	premises_address text NOT NULL CHECK (core.present(premises_address)),
	warehouse_address text,
	issuing_org_id bigint REFERENCES core.org_unit (id),
	issuing_authority text NOT NULL CHECK (core.present(issuing_authority)),
	issued_on date NOT NULL,
	valid_to date,
	status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'expired', 'suspended', 'revoked', 'cancelled')),
	status_changed_on date,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (kind, licence_no),
	CHECK (issued_on < valid_to),
	CHECK (kind = 'device_filing_class2' OR valid_to IS NOT NULL),
	CHECK (status_changed_on >= issued_on)
);
COMMENT ON TABLE fooddrug.pharma_licence IS '药品、化妆品、医疗器械生产经营许可证和备案凭证';
COMMENT ON COLUMN fooddrug.pharma_licence.id IS '内部编号';
COMMENT ON COLUMN fooddrug.pharma_licence.kind IS '类别：drug_wholesale 药品批发，drug_retail 药品零售，drug_retail_chain 药品零售连锁，drug_production 药品生产，cosmetic_production 化妆品生产，device_business_class3 第三类医疗器械经营许可，device_filing_class2 第二类医疗器械经营备案，device_production 医疗器械生产';
COMMENT ON COLUMN fooddrug.pharma_licence.product_domain IS '领域（由类别生成）：drug 药品，cosmetic 化妆品，device 医疗器械';
COMMENT ON COLUMN fooddrug.pharma_licence.licence_no IS '许可证（备案凭证）编号';
COMMENT ON COLUMN fooddrug.pharma_licence.entity_id IS '持证主体';
COMMENT ON COLUMN fooddrug.pharma_licence.business_scope IS '许可（备案）范围';
COMMENT ON COLUMN fooddrug.pharma_licence.premises_address IS '经营（生产）地址';
COMMENT ON COLUMN fooddrug.pharma_licence.warehouse_address IS '仓库地址';
COMMENT ON COLUMN fooddrug.pharma_licence.issuing_org_id IS '发证（备案）机关（本局机构）';
COMMENT ON COLUMN fooddrug.pharma_licence.issuing_authority IS '发证（备案）机关名称';
COMMENT ON COLUMN fooddrug.pharma_licence.issued_on IS '发证（备案）日期';
COMMENT ON COLUMN fooddrug.pharma_licence.valid_to IS '有效期至（备案无有效期）';
COMMENT ON COLUMN fooddrug.pharma_licence.status IS '状态：valid 有效，expired 过期，suspended 暂扣，revoked 吊销，cancelled 注销';
COMMENT ON COLUMN fooddrug.pharma_licence.status_changed_on IS '状态变更日期';
COMMENT ON COLUMN fooddrug.pharma_licence.source_system IS '来源系统';
COMMENT ON COLUMN fooddrug.pharma_licence.loaded_at IS '入库时间';
CREATE INDEX pharma_licence_entity_id_idx ON fooddrug.pharma_licence (entity_id);
CREATE INDEX pharma_licence_issuing_org_id_idx ON fooddrug.pharma_licence (issuing_org_id);

CREATE TABLE fooddrug.sampling (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	sample_no text NOT NULL UNIQUE CHECK (core.present(sample_no)),
	product_domain text NOT NULL CHECK (product_domain IN ('food', 'edible_agri', 'drug', 'cosmetic', 'device')),
	purpose text NOT NULL CHECK (purpose IN ('supervision', 'risk_monitoring', 'evaluation', 'special')),
	stage text NOT NULL CHECK (stage IN ('production', 'circulation', 'catering', 'online')),
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	sampled_place text,
	producer_entity_id bigint REFERENCES core.entity (id),
	producer_name text,
	sample_name text NOT NULL CHECK (core.present(sample_name)),
	food_category text,
	brand text,
	specification text,
	batch_no text,
	produced_on date,
	sampled_on date NOT NULL,
	sampling_org_id bigint NOT NULL REFERENCES core.org_unit (id),
	lab_id bigint REFERENCES nqi.lab (id),
	testing_body text NOT NULL CHECK (core.present(testing_body)),
	report_no text UNIQUE,
	reported_on date,
	result text NOT NULL DEFAULT 'pending' CHECK (result IN ('pending', 'pass', 'fail')),
	unqualified_items text,
	disposal_status text NOT NULL DEFAULT 'not_needed'
		CHECK (disposal_status IN ('not_needed', 'pending', 'in_progress', 'done')),
	disposal_note text,
	case_id bigint REFERENCES supervision.enforcement_case (id),
	published_at timestamptz,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	CHECK (produced_on <= sampled_on),
	CHECK (reported_on >= sampled_on),
	CHECK (result = 'pending' OR (report_no IS NOT NULL AND reported_on IS NOT NULL)),
	CHECK ((result = 'fail') = core.present(unqualified_items)),
	CHECK (result <> 'fail' OR disposal_status <> 'not_needed')
);
COMMENT ON TABLE fooddrug.sampling IS '食品、药品、化妆品、医疗器械抽样检验';
COMMENT ON COLUMN fooddrug.sampling.id IS '内部编号';
COMMENT ON COLUMN fooddrug.sampling.sample_no IS '抽样单编号';
COMMENT ON COLUMN fooddrug.sampling.product_domain IS '领域：food 食品，edible_agri 食用农产品，drug 药品，cosmetic 化妆品，device 医疗器械';
COMMENT ON COLUMN fooddrug.sampling.purpose IS '抽检类型：supervision 监督抽检，risk_monitoring 风险监测，evaluation 评价性抽检，special 专项抽检';
COMMENT ON COLUMN fooddrug.sampling.stage IS '抽样环节：production 生产，circulation 流通，catering 餐饮，online 网络';
COMMENT ON COLUMN fooddrug.sampling.entity_id IS '被抽样单位';
COMMENT ON COLUMN fooddrug.sampling.sampled_place IS '抽样地点';
COMMENT ON COLUMN fooddrug.sampling.producer_entity_id IS '标称生产者（在主体名录中的）';
COMMENT ON COLUMN fooddrug.sampling.producer_name IS '标称生产者名称';
COMMENT ON COLUMN fooddrug.sampling.sample_name IS '样品名称';
COMMENT ON COLUMN fooddrug.sampling.food_category IS '食品大类（如 粮食加工品、食用农产品）';
COMMENT ON COLUMN fooddrug.sampling.brand IS '商标';
COMMENT ON COLUMN fooddrug.sampling.specification IS '规格型号';
COMMENT ON COLUMN fooddrug.sampling.batch_no IS '批号';
COMMENT ON COLUMN fooddrug.sampling.produced_on IS '生产（购进）日期';
COMMENT ON COLUMN fooddrug.sampling.sampled_on IS '抽样日期';
COMMENT ON COLUMN fooddrug.sampling.sampling_org_id IS '组织抽样的机构';
COMMENT ON COLUMN fooddrug.sampling.lab_id IS '承检机构（本市检验检测机构）';
COMMENT ON COLUMN fooddrug.sampling.testing_body IS '承检机构名称';
COMMENT ON COLUMN fooddrug.sampling.report_no IS '检验报告编号';
COMMENT ON COLUMN fooddrug.sampling.reported_on IS '报告日期';
COMMENT ON COLUMN fooddrug.sampling.result IS '检验结论：pending 待出结果，pass 合格，fail 不合格';
COMMENT ON COLUMN fooddrug.sampling.unqualified_items IS '不合格项目';
COMMENT ON COLUMN fooddrug.sampling.disposal_status IS '核查处置：not_needed 无需处置，pending 待处置，in_progress 处置中，done 已完成';
COMMENT ON COLUMN fooddrug.sampling.disposal_note IS '核查处置情况';
COMMENT ON COLUMN fooddrug.sampling.case_id IS '立案查处的案件';
COMMENT ON COLUMN fooddrug.sampling.published_at IS '抽检信息公布时间';
COMMENT ON COLUMN fooddrug.sampling.source_system IS '来源系统';
COMMENT ON COLUMN fooddrug.sampling.loaded_at IS '入库时间';
CREATE INDEX sampling_entity_id_idx ON fooddrug.sampling (entity_id);
CREATE INDEX sampling_producer_entity_id_idx ON fooddrug.sampling (producer_entity_id);
CREATE INDEX sampling_sampling_org_id_idx ON fooddrug.sampling (sampling_org_id);
CREATE INDEX sampling_lab_id_idx ON fooddrug.sampling (lab_id);
CREATE INDEX sampling_case_id_idx ON fooddrug.sampling (case_id);

CREATE TABLE fooddrug.sampling_finding (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	sampling_id bigint NOT NULL REFERENCES fooddrug.sampling (id) ON DELETE CASCADE,
	item_name text NOT NULL CHECK (core.present(item_name)),
	measured_value text,
	limit_value text,
	unit text,
	method_standard text,
	qualified boolean NOT NULL,
	UNIQUE (sampling_id, item_name)
);
COMMENT ON TABLE fooddrug.sampling_finding IS '抽样检验的检验项目结果';
COMMENT ON COLUMN fooddrug.sampling_finding.id IS '内部编号';
COMMENT ON COLUMN fooddrug.sampling_finding.sampling_id IS '抽样检验';
COMMENT ON COLUMN fooddrug.sampling_finding.item_name IS '检验项目（如 铅（以 Pb 计）、菌落总数）';
COMMENT ON COLUMN fooddrug.sampling_finding.measured_value IS '检验结果值';
COMMENT ON COLUMN fooddrug.sampling_finding.limit_value IS '标准指标';
COMMENT ON COLUMN fooddrug.sampling_finding.unit IS '计量单位';
COMMENT ON COLUMN fooddrug.sampling_finding.method_standard IS '检验依据（方法标准）';
COMMENT ON COLUMN fooddrug.sampling_finding.qualified IS '该项是否合格';

CREATE TABLE fooddrug.adverse_reaction (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	report_no text NOT NULL UNIQUE CHECK (core.present(report_no)),
	product_domain text NOT NULL CHECK (product_domain IN ('drug', 'device', 'cosmetic')),
	entity_id bigint REFERENCES core.entity (id),
	reporter_kind text NOT NULL CHECK (reporter_kind IN ('medical_institution', 'holder', 'distributor', 'individual')),
	product_name text NOT NULL CHECK (core.present(product_name)),
	approval_no text,
	batch_no text,
	holder_name text,
	holder_entity_id bigint REFERENCES core.entity (id),
	patient_sex text CHECK (patient_sex IN ('male', 'female', 'unknown')),
	patient_age smallint CHECK (patient_age BETWEEN 0 AND 130),
	reaction text NOT NULL CHECK (core.present(reaction)),
	severity text NOT NULL CHECK (severity IN ('general', 'serious', 'death')),
	new_reaction boolean NOT NULL DEFAULT false,
	occurred_on date,
	reported_on date NOT NULL,
	outcome text CHECK (outcome IN ('recovered', 'improving', 'not_recovered', 'sequelae', 'death', 'unknown')),
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	CHECK (occurred_on <= reported_on),
	CHECK (outcome <> 'death' OR severity = 'death'),
	CHECK (reporter_kind = 'individual' OR entity_id IS NOT NULL)
);
COMMENT ON TABLE fooddrug.adverse_reaction IS '药品不良反应、医疗器械不良事件、化妆品不良反应报告（不存患者姓名）';
COMMENT ON COLUMN fooddrug.adverse_reaction.id IS '内部编号';
COMMENT ON COLUMN fooddrug.adverse_reaction.report_no IS '报告编号';
COMMENT ON COLUMN fooddrug.adverse_reaction.product_domain IS '领域：drug 药品，device 医疗器械，cosmetic 化妆品';
COMMENT ON COLUMN fooddrug.adverse_reaction.entity_id IS '报告单位（个人报告为空）';
COMMENT ON COLUMN fooddrug.adverse_reaction.reporter_kind IS '报告人类别：medical_institution 医疗机构，holder 上市许可持有人（注册人），distributor 经营企业，individual 个人';
COMMENT ON COLUMN fooddrug.adverse_reaction.product_name IS '产品名称（通用名称）';
COMMENT ON COLUMN fooddrug.adverse_reaction.approval_no IS '批准文号或注册证（备案）编号';
COMMENT ON COLUMN fooddrug.adverse_reaction.batch_no IS '批号';
COMMENT ON COLUMN fooddrug.adverse_reaction.holder_name IS '上市许可持有人（注册人、备案人）名称';
COMMENT ON COLUMN fooddrug.adverse_reaction.holder_entity_id IS '持有人在主体名录中的对应主体';
COMMENT ON COLUMN fooddrug.adverse_reaction.patient_sex IS '患者性别：male 男，female 女，unknown 不详';
COMMENT ON COLUMN fooddrug.adverse_reaction.patient_age IS '患者年龄（岁）';
COMMENT ON COLUMN fooddrug.adverse_reaction.reaction IS '不良反应（事件）名称及表现';
COMMENT ON COLUMN fooddrug.adverse_reaction.severity IS '严重程度：general 一般，serious 严重，death 死亡';
COMMENT ON COLUMN fooddrug.adverse_reaction.new_reaction IS '是否新的不良反应';
COMMENT ON COLUMN fooddrug.adverse_reaction.occurred_on IS '发生日期';
COMMENT ON COLUMN fooddrug.adverse_reaction.reported_on IS '报告日期';
COMMENT ON COLUMN fooddrug.adverse_reaction.outcome IS '转归：recovered 痊愈，improving 好转，not_recovered 未好转，sequelae 有后遗症，death 死亡，unknown 不详';
COMMENT ON COLUMN fooddrug.adverse_reaction.source_system IS '来源系统';
COMMENT ON COLUMN fooddrug.adverse_reaction.loaded_at IS '入库时间';
CREATE INDEX adverse_reaction_entity_id_idx ON fooddrug.adverse_reaction (entity_id);
CREATE INDEX adverse_reaction_holder_entity_id_idx ON fooddrug.adverse_reaction (holder_entity_id);
