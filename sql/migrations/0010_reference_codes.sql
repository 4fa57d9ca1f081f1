-- 0010 reference codes, settings and small helpers every theme uses.
-- Codes a bureau may extend are rows here, not CHECKs: a province with five
-- risk grades adds E, a bureau adds a complaint category. Lists a law fixes
-- (a complaint's status, the causes for ending mediation) stay CHECKs in the
-- theme tables. The GB/T 4754 industry rows are loaded by 0011 (generated).

-- ---------------------------------------------------------------------------
-- Helpers

-- A text value that is there: not NULL and not only blanks.
CREATE FUNCTION core.present(value text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN value IS NOT NULL AND btrim(value) <> '';
COMMENT ON FUNCTION core.present(text) IS '文本是否有内容（非空且不全是空白）';

-- Whether the non-NULL moments are in order (each ≥ the one before); NULLs are
-- steps that have not happened and are skipped.
CREATE FUNCTION core.in_order(VARIADIC moments timestamptz[]) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	m timestamptz;
	prev timestamptz;
BEGIN
	FOREACH m IN ARRAY moments LOOP
		IF m IS NOT NULL THEN
			IF m < prev THEN
				RETURN false;
			END IF;
			prev := m;
		END IF;
	END LOOP;
	RETURN true;
END $$;
COMMENT ON FUNCTION core.in_order(timestamptz[]) IS '各时间点（忽略空值）是否按先后顺序排列';

-- GB 11643 citizen identity number: 17 digits and an ISO 7064 MOD 11-2 check
-- character (0-9 or X).
CREATE FUNCTION core.resident_id_valid(id_no text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	weights constant int[] := ARRAY[7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
	total int := 0;
BEGIN
	IF id_no !~ '^[0-9]{17}[0-9X]$' THEN
		RETURN false;
	END IF;
	FOR i IN 1..17 LOOP
		total := total + (ascii(substr(id_no, i, 1)) - 48) * weights[i];
	END LOOP;
	RETURN substr('10X98765432', total % 11 + 1, 1) = substr(id_no, 18, 1);
END $$;
COMMENT ON FUNCTION core.resident_id_valid(text) IS '公民身份号码（GB 11643，18 位含校验码）是否有效';

CREATE DOMAIN core.phone AS text
	CONSTRAINT phone_format CHECK (VALUE ~ '^\+?[0-9][0-9-]{3,23}$');
COMMENT ON DOMAIN core.phone IS '电话号码：数字和连字符，可带 + 号（如 0510-82711234、13912345678、96333）';

-- Keeps updated_at current on every UPDATE.
CREATE FUNCTION core.set_updated_at() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	NEW.updated_at := now();
	RETURN NEW;
END $$;
COMMENT ON FUNCTION core.set_updated_at() IS '触发器：更新时刷新 updated_at';

-- ---------------------------------------------------------------------------
-- Settings: local choices that are configuration, not code.

CREATE TABLE core.setting (
	key text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_]*$'),
	value text NOT NULL,
	value_type text NOT NULL CHECK (value_type IN ('integer', 'text', 'boolean')),
	description text NOT NULL,
	CHECK (value_type <> 'integer' OR value ~ '^-?[0-9]{1,9}$'),
	CHECK (value_type <> 'boolean' OR value IN ('true', 'false')),
	CHECK (key <> 'rescue_code_length' OR value IN ('5', '6', '7'))
);
COMMENT ON TABLE core.setting IS '系统参数：各地自定的取值（救援识别码位数、到场时限等）';
COMMENT ON COLUMN core.setting.key IS '参数名';
COMMENT ON COLUMN core.setting.value IS '参数值（文本形式）';
COMMENT ON COLUMN core.setting.value_type IS '取值类型：integer 整数，text 文本，boolean 布尔';
COMMENT ON COLUMN core.setting.description IS '参数说明';

INSERT INTO core.setting (key, value, value_type, description) VALUES
	('rescue_code_length', '6', 'integer',
	 '电梯救援识别码位数（江苏 6 位，其他省份 5 或 7 位）；修改后只校验新登记或修改的识别码'),
	('rescue_ack_limit_minutes', '3', 'integer', '96333 派单后维保单位响应时限（分钟）'),
	('rescue_arrival_limit_urban_minutes', '30', 'integer', '96333 救援到场时限：市区（分钟）'),
	('rescue_arrival_limit_other_minutes', '60', 'integer', '96333 救援到场时限：其他地区（分钟）'),
	('elevator_maintenance_interval_days', '15', 'integer', '电梯维护保养最长间隔（天）');

-- The integer value of a setting; an error when it is missing or not an integer.
CREATE FUNCTION core.setting_int(setting_key text) RETURNS integer
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	v integer;
BEGIN
	SELECT s.value::integer INTO v FROM core.setting s
	 WHERE s.key = setting_key AND s.value_type = 'integer';
	IF v IS NULL THEN
		RAISE EXCEPTION '系统参数 % 未设置或不是整数', setting_key USING ERRCODE = 'no_data_found';
	END IF;
	RETURN v;
END $$;
COMMENT ON FUNCTION core.setting_int(text) IS '取整数型系统参数；缺失时报错';

-- ---------------------------------------------------------------------------
-- Market entities

CREATE TABLE core.entity_type (
	code text PRIMARY KEY CHECK (code ~ '^[0-9X][0-9]{3}$'),
	name text NOT NULL UNIQUE,
	parent_code text REFERENCES core.entity_type (code),
	uscc_prefix text NOT NULL CHECK (uscc_prefix ~ '^[0-9A-HJ-NPQRTUWXY]{2}$'),
	legal_rep_title text NOT NULL,
	is_branch boolean NOT NULL DEFAULT false,
	is_market_entity boolean NOT NULL,
	sort_order integer NOT NULL DEFAULT 0,
	active boolean NOT NULL DEFAULT true,
	UNIQUE (code, uscc_prefix),
	CHECK (is_market_entity = (uscc_prefix IN ('91', '92', '93')))
);
COMMENT ON TABLE core.entity_type IS
	'主体类型代码（编排参照原工商总局企业类型代码：四位，首位为大类；个体工商户 9600、农民专业合作社 9100 与 X 开头的非市场主体为本库约定）';
COMMENT ON COLUMN core.entity_type.code IS '类型代码';
COMMENT ON COLUMN core.entity_type.name IS '类型名称';
COMMENT ON COLUMN core.entity_type.parent_code IS '上级类型';
COMMENT ON COLUMN core.entity_type.uscc_prefix IS
	'统一社会信用代码前两位：91 企业，92 个体工商户，93 农民专业合作社；其他登记机关的主体如 12 事业单位';
COMMENT ON COLUMN core.entity_type.legal_rep_title IS '法定代表人一栏的称谓：法定代表人、负责人、经营者、执行事务合伙人、投资人';
COMMENT ON COLUMN core.entity_type.is_branch IS '是否分支机构（分公司等）';
COMMENT ON COLUMN core.entity_type.is_market_entity IS '是否市场主体（市场监管部门登记，代码以 91/92/93 开头）';
COMMENT ON COLUMN core.entity_type.sort_order IS '显示顺序';
COMMENT ON COLUMN core.entity_type.active IS '是否在用';

INSERT INTO core.entity_type (code, name, parent_code, uscc_prefix, legal_rep_title, is_branch, is_market_entity, sort_order) VALUES
	('1100', '有限责任公司', NULL, '91', '法定代表人', false, true, 10),
	('1110', '有限责任公司（国有独资）', '1100', '91', '法定代表人', false, true, 11),
	('1120', '有限责任公司（外商投资企业投资）', '1100', '91', '法定代表人', false, true, 12),
	('1130', '有限责任公司（自然人投资或控股）', '1100', '91', '法定代表人', false, true, 13),
	('1140', '有限责任公司（国有控股）', '1100', '91', '法定代表人', false, true, 14),
	('1150', '一人有限责任公司', '1100', '91', '法定代表人', false, true, 15),
	('1151', '有限责任公司（自然人独资）', '1150', '91', '法定代表人', false, true, 16),
	('1152', '有限责任公司（自然人投资或控股的法人独资）', '1150', '91', '法定代表人', false, true, 17),
	('1153', '有限责任公司（非自然人投资或控股的法人独资）', '1150', '91', '法定代表人', false, true, 18),
	('1190', '其他有限责任公司', '1100', '91', '法定代表人', false, true, 19),
	('1200', '股份有限公司', NULL, '91', '法定代表人', false, true, 20),
	('1210', '股份有限公司（上市）', '1200', '91', '法定代表人', false, true, 21),
	('1220', '股份有限公司（非上市）', '1200', '91', '法定代表人', false, true, 22),
	('2100', '有限责任公司分公司', NULL, '91', '负责人', true, true, 30),
	('2200', '股份有限公司分公司', NULL, '91', '负责人', true, true, 31),
	('3100', '全民所有制企业', NULL, '91', '法定代表人', false, true, 40),
	('3200', '集体所有制企业', NULL, '91', '法定代表人', false, true, 41),
	('3300', '股份合作制企业', NULL, '91', '法定代表人', false, true, 42),
	('4530', '合伙企业', NULL, '91', '执行事务合伙人', false, true, 50),
	('4531', '普通合伙企业', '4530', '91', '执行事务合伙人', false, true, 51),
	('4532', '特殊普通合伙企业', '4530', '91', '执行事务合伙人', false, true, 52),
	('4533', '有限合伙企业', '4530', '91', '执行事务合伙人', false, true, 53),
	('4540', '个人独资企业', NULL, '91', '投资人', false, true, 54),
	('4550', '合伙企业分支机构', NULL, '91', '负责人', true, true, 55),
	('4560', '个人独资企业分支机构', NULL, '91', '负责人', true, true, 56),
	('5100', '外商投资有限责任公司', NULL, '91', '法定代表人', false, true, 60),
	('5200', '外商投资股份有限公司', NULL, '91', '法定代表人', false, true, 61),
	('5300', '外商投资合伙企业', NULL, '91', '执行事务合伙人', false, true, 62),
	('5800', '外商投资企业分公司', NULL, '91', '负责人', true, true, 63),
	('6100', '港澳台投资有限责任公司', NULL, '91', '法定代表人', false, true, 70),
	('6800', '港澳台投资企业分公司', NULL, '91', '负责人', true, true, 71),
	('9100', '农民专业合作社', NULL, '93', '法定代表人', false, true, 80),
	('9200', '农民专业合作社分支机构', NULL, '93', '负责人', true, true, 81),
	('9600', '个体工商户', NULL, '92', '经营者', false, true, 90),
	('X110', '机关', NULL, '11', '负责人', false, false, 100),
	('X120', '事业单位', NULL, '12', '法定代表人', false, false, 101),
	('X510', '社会团体', NULL, '51', '法定代表人', false, false, 102),
	('X520', '民办非企业单位', NULL, '52', '法定代表人', false, false, 103),
	('X530', '基金会', NULL, '53', '法定代表人', false, false, 104);

CREATE TABLE core.entity_status (
	code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
	name text NOT NULL UNIQUE,
	in_business boolean NOT NULL,
	terminated boolean NOT NULL,
	sort_order integer NOT NULL DEFAULT 0
);
COMMENT ON TABLE core.entity_status IS '主体登记状态代码';
COMMENT ON COLUMN core.entity_status.code IS '状态代码';
COMMENT ON COLUMN core.entity_status.name IS '状态名称';
COMMENT ON COLUMN core.entity_status.in_business IS '是否存续经营（可被抽查、可派单）';
COMMENT ON COLUMN core.entity_status.terminated IS '主体资格是否已终止（注销、撤销）';
COMMENT ON COLUMN core.entity_status.sort_order IS '显示顺序';

INSERT INTO core.entity_status (code, name, in_business, terminated, sort_order) VALUES
	('active', '存续（在营、开业、在册）', true, false, 1),
	('dormant', '歇业', false, false, 2),
	('moved_out', '迁出', false, false, 3),
	('revoked', '吊销', false, false, 4),
	('deregistered', '注销', false, true, 5),
	('annulled', '撤销', false, true, 6);

-- GB/T 4754-2017: sections (门类), divisions (大类), groups (中类), classes
-- (小类). A group with one class is folded into it: the class's parent is
-- then the division. Rows: 0011_industries.sql, generated.
CREATE TABLE core.industry (
	code text PRIMARY KEY CHECK (code ~ '^([A-T]|[0-9]{2,4})$'),
	level smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
	section char(1) NOT NULL CHECK (section ~ '^[A-T]$'),
	parent_code text REFERENCES core.industry (code),
	name text NOT NULL CHECK (name <> ''),
	CHECK ((level = 1) = (code ~ '^[A-T]$') AND (level = 1) = (parent_code IS NULL)),
	CHECK (level = 1 OR length(code) = level),
	CHECK (level <> 1 OR section = code)
);
COMMENT ON TABLE core.industry IS '国民经济行业分类（GB/T 4754-2017）：门类、大类、中类、小类';
COMMENT ON COLUMN core.industry.code IS '行业代码：门类为字母，大类 2 位，中类 3 位，小类 4 位';
COMMENT ON COLUMN core.industry.level IS '层级：1 门类，2 大类，3 中类，4 小类';
COMMENT ON COLUMN core.industry.section IS '所属门类字母';
COMMENT ON COLUMN core.industry.parent_code IS '上级代码（只有一个小类的中类并入小类，其上级为大类）';
COMMENT ON COLUMN core.industry.name IS '行业名称';
CREATE INDEX industry_parent_code_idx ON core.industry (parent_code);

-- ---------------------------------------------------------------------------
-- Codes of the themes

CREATE TABLE core.risk_grade (
	code text PRIMARY KEY CHECK (code ~ '^[A-Z]$'),
	name text NOT NULL UNIQUE,
	rank smallint NOT NULL UNIQUE CHECK (rank > 0),
	description text
);
COMMENT ON TABLE core.risk_grade IS '企业信用风险分类等级（内部使用，不对外公开）；五级的省份增加 E';
COMMENT ON COLUMN core.risk_grade.code IS '等级字母';
COMMENT ON COLUMN core.risk_grade.name IS '等级名称';
COMMENT ON COLUMN core.risk_grade.rank IS '风险序位：1 最低，数字越大风险越高';
COMMENT ON COLUMN core.risk_grade.description IS '说明';

INSERT INTO core.risk_grade (code, name, rank, description) VALUES
	('A', '信用风险低', 1, '抽查比例最低'),
	('B', '信用风险一般', 2, NULL),
	('C', '信用风险较高', 3, NULL),
	('D', '信用风险高', 4, '抽查比例最高，可全覆盖');

CREATE TABLE core.inspection_result_code (
	code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
	name text NOT NULL UNIQUE,
	problem_found boolean NOT NULL,
	to_abnormal_list boolean NOT NULL DEFAULT false,
	risk_input boolean NOT NULL DEFAULT false,
	entity_gone boolean NOT NULL DEFAULT false,
	sort_order integer NOT NULL DEFAULT 0
);
COMMENT ON TABLE core.inspection_result_code IS '“双随机、一公开”抽查检查结果代码（省级平台通用分类）';
COMMENT ON COLUMN core.inspection_result_code.code IS '结果代码';
COMMENT ON COLUMN core.inspection_result_code.name IS '结果名称（公示用语）';
COMMENT ON COLUMN core.inspection_result_code.problem_found IS '是否发现问题';
COMMENT ON COLUMN core.inspection_result_code.to_abnormal_list IS '是否导致列入经营异常名录';
COMMENT ON COLUMN core.inspection_result_code.risk_input IS '是否计入信用风险分类指标';
COMMENT ON COLUMN core.inspection_result_code.entity_gone IS '主体是否已不在（注销、吊销、撤销、迁出）';
COMMENT ON COLUMN core.inspection_result_code.sort_order IS '显示顺序';

INSERT INTO core.inspection_result_code (code, name, problem_found, to_abnormal_list, risk_input, entity_gone, sort_order) VALUES
	('no_problem', '未发现问题', false, false, false, false, 1),
	('not_publicized', '未按规定公示应当公示的信息', true, false, false, false, 2),
	('false_publicity', '公示信息隐瞒真实情况弄虚作假', true, false, false, false, 3),
	('unreachable', '通过登记的住所（经营场所）无法联系', true, true, false, false, 4),
	('refused_inspection', '不配合检查情节严重', true, false, true, false, 5),
	('corrected', '发现问题已责令改正', true, false, true, false, 6),
	('pending_followup', '发现问题待后续处理', true, false, true, false, 7),
	('no_activity', '未发现开展本次抽查涉及的经营活动', false, false, false, false, 8),
	('closed_liquidating', '已关闭停业或正在组织清算', false, false, false, false, 9),
	('deregistered', '已注销', false, false, false, true, 10),
	('revoked', '已被吊销', false, false, false, true, 11),
	('annulled', '已被撤销', false, false, false, true, 12),
	('moved_out', '已迁出', false, false, false, true, 13);

CREATE TABLE core.licence_kind (
	code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
	name text NOT NULL UNIQUE,
	domain text NOT NULL CHECK (domain IN ('food', 'drug', 'cosmetic', 'device', 'industrial_product',
	                                       'special_equipment', 'metrology', 'certification', 'other')),
	legal_basis text,
	valid_years smallint CHECK (valid_years > 0),
	sort_order integer NOT NULL DEFAULT 0,
	active boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE core.licence_kind IS '行政许可（备案）种类代码';
COMMENT ON COLUMN core.licence_kind.code IS '种类代码';
COMMENT ON COLUMN core.licence_kind.name IS '许可名称';
COMMENT ON COLUMN core.licence_kind.domain IS '领域：food 食品，drug 药品，cosmetic 化妆品，device 医疗器械，industrial_product 工业产品，special_equipment 特种设备，metrology 计量，certification 认证认可，other 其他';
COMMENT ON COLUMN core.licence_kind.legal_basis IS '设定依据';
COMMENT ON COLUMN core.licence_kind.valid_years IS '有效期（年），无固定有效期为空';
COMMENT ON COLUMN core.licence_kind.sort_order IS '显示顺序';
COMMENT ON COLUMN core.licence_kind.active IS '是否在用';

INSERT INTO core.licence_kind (code, name, domain, legal_basis, valid_years, sort_order) VALUES
	('food_production', '食品生产许可', 'food', '食品安全法第三十五条', 5, 1),
	('food_business', '食品经营许可', 'food', '食品安全法第三十五条', 5, 2),
	('food_small_workshop', '食品小作坊登记', 'food', '江苏省食品小作坊和食品摊贩管理条例', 3, 3),
	('drug_wholesale', '药品经营许可（批发）', 'drug', '药品管理法第五十一条', 5, 10),
	('drug_retail', '药品经营许可（零售）', 'drug', '药品管理法第五十二条', 5, 11),
	('cosmetic_production', '化妆品生产许可', 'cosmetic', '化妆品监督管理条例第二十七条', 5, 20),
	('device_business_class3', '第三类医疗器械经营许可', 'device', '医疗器械监督管理条例第四十二条', 5, 30),
	('device_business_class2', '第二类医疗器械经营备案', 'device', '医疗器械监督管理条例第四十一条', NULL, 31),
	('industrial_product', '工业产品生产许可', 'industrial_product', '工业产品生产许可证管理条例', 5, 40),
	('special_equipment_production', '特种设备生产许可', 'special_equipment', '特种设备安全法第十八条', 4, 50),
	('special_equipment_use', '特种设备使用登记', 'special_equipment', '特种设备安全法第三十三条', NULL, 51),
	('metrology_standard', '计量标准考核', 'metrology', '计量法第六条', 5, 60),
	('inspection_body_cma', '检验检测机构资质认定', 'certification', '认证认可条例第十六条', 6, 70),
	('advertisement_review', '药品、医疗器械、保健食品、特殊医学用途配方食品广告审查', 'other', '广告法第四十六条', NULL, 80);

CREATE TABLE core.penalty_kind (
	code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
	name text NOT NULL UNIQUE,
	monetary boolean NOT NULL,
	article text,
	sort_order integer NOT NULL DEFAULT 0
);
COMMENT ON TABLE core.penalty_kind IS '行政处罚种类代码（行政处罚法第九条）';
COMMENT ON COLUMN core.penalty_kind.code IS '种类代码';
COMMENT ON COLUMN core.penalty_kind.name IS '处罚种类';
COMMENT ON COLUMN core.penalty_kind.monetary IS '是否涉及金额（罚款、没收违法所得）';
COMMENT ON COLUMN core.penalty_kind.article IS '行政处罚法条款';
COMMENT ON COLUMN core.penalty_kind.sort_order IS '显示顺序';

INSERT INTO core.penalty_kind (code, name, monetary, article, sort_order) VALUES
	('warning', '警告', false, '第九条第一项', 1),
	('circulated_criticism', '通报批评', false, '第九条第一项', 2),
	('fine', '罚款', true, '第九条第二项', 3),
	('confiscate_income', '没收违法所得', true, '第九条第二项', 4),
	('confiscate_property', '没收非法财物', false, '第九条第二项', 5),
	('suspend_licence', '暂扣许可证件', false, '第九条第三项', 6),
	('downgrade_qualification', '降低资质等级', false, '第九条第三项', 7),
	('revoke_licence', '吊销许可证件', false, '第九条第三项', 8),
	('restrict_business', '限制开展生产经营活动', false, '第九条第四项', 9),
	('suspend_business', '责令停产停业', false, '第九条第四项', 10),
	('order_close', '责令关闭', false, '第九条第四项', 11),
	('restrict_practice', '限制从业', false, '第九条第四项', 12),
	('other', '法律、行政法规规定的其他行政处罚', false, '第九条第六项', 99);

CREATE TABLE core.violation_category (
	code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
	name text NOT NULL UNIQUE,
	sort_order integer NOT NULL DEFAULT 0,
	active boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE core.violation_category IS '涉嫌违法行为类别（举报、案件的案由大类）';
COMMENT ON COLUMN core.violation_category.code IS '类别代码';
COMMENT ON COLUMN core.violation_category.name IS '类别名称';
COMMENT ON COLUMN core.violation_category.sort_order IS '显示顺序';
COMMENT ON COLUMN core.violation_category.active IS '是否在用';

INSERT INTO core.violation_category (code, name, sort_order) VALUES
	('unlicensed', '无照（证）经营', 1),
	('registration', '违反登记管理规定', 2),
	('advertising', '虚假广告、违法广告', 3),
	('unfair_competition', '不正当竞争', 4),
	('price', '价格、收费违法', 5),
	('food_safety', '食品安全', 6),
	('drug_device_cosmetic', '药品、医疗器械、化妆品', 7),
	('product_quality', '产品质量', 8),
	('special_equipment', '特种设备安全', 9),
	('metrology', '计量违法', 10),
	('certification', '认证认可、检验检测违法', 11),
	('trademark_patent', '商标、专利侵权假冒', 12),
	('consumer_rights', '侵害消费者权益', 13),
	('e_commerce', '网络交易违法', 14),
	('pyramid_selling', '传销、违规直销', 15),
	('other', '其他', 99);

CREATE TABLE core.complaint_category (
	code text PRIMARY KEY CHECK (code ~ '^[GS][0-9]{2}([0-9]{2})?$'),
	name text NOT NULL,
	kind text NOT NULL CHECK (kind IN ('goods', 'services')),
	parent_code text REFERENCES core.complaint_category (code),
	sort_order integer NOT NULL DEFAULT 0,
	active boolean NOT NULL DEFAULT true,
	CHECK (left(code, 1) = CASE kind WHEN 'goods' THEN 'G' ELSE 'S' END),
	CHECK ((length(code) = 3) = (parent_code IS NULL)),
	UNIQUE (parent_code, name)
);
COMMENT ON TABLE core.complaint_category IS '消费投诉分类：商品类（G）和服务类（S），两级，局可增补';
COMMENT ON COLUMN core.complaint_category.code IS '分类代码：G/S 加两位大类，细类再加两位';
COMMENT ON COLUMN core.complaint_category.name IS '分类名称';
COMMENT ON COLUMN core.complaint_category.kind IS '商品或服务：goods 商品，services 服务';
COMMENT ON COLUMN core.complaint_category.parent_code IS '上级分类';
COMMENT ON COLUMN core.complaint_category.sort_order IS '显示顺序';
COMMENT ON COLUMN core.complaint_category.active IS '是否在用';

INSERT INTO core.complaint_category (code, name, kind, parent_code, sort_order) VALUES
	('G01', '家用电器', 'goods', NULL, 1),
	('G02', '食品', 'goods', NULL, 2),
	('G03', '服装鞋帽', 'goods', NULL, 3),
	('G04', '日用商品', 'goods', NULL, 4),
	('G05', '交通工具', 'goods', NULL, 5),
	('G06', '通讯器材', 'goods', NULL, 6),
	('G07', '计算机及电子产品', 'goods', NULL, 7),
	('G08', '房屋及建材', 'goods', NULL, 8),
	('G09', '医药及医疗器械', 'goods', NULL, 9),
	('G10', '化妆品', 'goods', NULL, 10),
	('G11', '首饰及文体用品', 'goods', NULL, 11),
	('G12', '烟、酒和饮料', 'goods', NULL, 12),
	('G13', '农用生产资料', 'goods', NULL, 13),
	('G99', '其他商品', 'goods', NULL, 19),
	('S01', '生活、社会服务', 'services', NULL, 21),
	('S02', '餐饮服务', 'services', NULL, 22),
	('S03', '住宿服务', 'services', NULL, 23),
	('S04', '美容美发洗浴服务', 'services', NULL, 24),
	('S05', '文化、娱乐、体育服务', 'services', NULL, 25),
	('S06', '教育培训服务', 'services', NULL, 26),
	('S07', '互联网服务', 'services', NULL, 27),
	('S08', '电信服务', 'services', NULL, 28),
	('S09', '邮政快递服务', 'services', NULL, 29),
	('S10', '销售服务', 'services', NULL, 30),
	('S11', '房屋装修及物业服务', 'services', NULL, 31),
	('S12', '金融服务', 'services', NULL, 32),
	('S13', '保险服务', 'services', NULL, 33),
	('S14', '旅游服务', 'services', NULL, 34),
	('S15', '公用事业服务', 'services', NULL, 35),
	('S16', '医疗服务', 'services', NULL, 36),
	('S17', '交通运输服务', 'services', NULL, 37),
	('S99', '其他服务', 'services', NULL, 39);
INSERT INTO core.complaint_category (code, name, kind, parent_code, sort_order) VALUES
	('G0101', '空调', 'goods', 'G01', 1),
	('G0102', '冰箱', 'goods', 'G01', 2),
	('G0103', '洗衣机', 'goods', 'G01', 3),
	('G0104', '热水器', 'goods', 'G01', 4),
	('G0105', '小家电', 'goods', 'G01', 5),
	('G0201', '预包装食品', 'goods', 'G02', 1),
	('G0202', '食用农产品', 'goods', 'G02', 2),
	('G0203', '保健食品', 'goods', 'G02', 3),
	('G0501', '汽车及零部件', 'goods', 'G05', 1),
	('G0502', '电动自行车', 'goods', 'G05', 2),
	('G0601', '手机', 'goods', 'G06', 1),
	('S0101', '家政服务', 'services', 'S01', 1),
	('S0102', '洗涤染色服务', 'services', 'S01', 2),
	('S0103', '家电、汽车维修服务', 'services', 'S01', 3),
	('S0501', '健身服务', 'services', 'S05', 1),
	('S0601', '校外培训', 'services', 'S06', 1),
	('S0701', '网络购物', 'services', 'S07', 1),
	('S0702', '网络游戏', 'services', 'S07', 2),
	('S0703', '直播带货', 'services', 'S07', 3),
	('S1001', '预付卡消费', 'services', 'S10', 1),
	('S1101', '房屋装修', 'services', 'S11', 1),
	('S1102', '物业服务', 'services', 'S11', 2);

CREATE TABLE core.channel (
	code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
	name text NOT NULL UNIQUE,
	sort_order integer NOT NULL DEFAULT 0,
	active boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE core.channel IS '投诉举报受理渠道（投诉举报处理暂行办法第八条）';
COMMENT ON COLUMN core.channel.code IS '渠道代码';
COMMENT ON COLUMN core.channel.name IS '渠道名称';
COMMENT ON COLUMN core.channel.sort_order IS '显示顺序';
COMMENT ON COLUMN core.channel.active IS '是否在用';

INSERT INTO core.channel (code, name, sort_order) VALUES
	('hotline_12315', '12315 热线', 1),
	('web_12315', '全国 12315 平台（互联网）', 2),
	('transfer_12345', '12345 政务服务热线转办', 3),
	('letter', '信件', 4),
	('fax', '传真', 5),
	('walk_in', '来访（窗口）', 6);

CREATE TABLE core.refusal_ground (
	code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
	name text NOT NULL UNIQUE,
	article text NOT NULL,
	sort_order integer NOT NULL DEFAULT 0
);
COMMENT ON TABLE core.refusal_ground IS '投诉不予受理情形（投诉举报处理暂行办法第十五条）';
COMMENT ON COLUMN core.refusal_ground.code IS '情形代码';
COMMENT ON COLUMN core.refusal_ground.name IS '情形';
COMMENT ON COLUMN core.refusal_ground.article IS '条款';
COMMENT ON COLUMN core.refusal_ground.sort_order IS '显示顺序';

INSERT INTO core.refusal_ground (code, name, article, sort_order) VALUES
	('not_competent', '投诉事项不属于市场监督管理部门职责，或者本行政机关不具有处理权限', '第十五条第一项', 1),
	('already_handled', '法院、仲裁机构、行政机关、消费者协会或者其他调解组织已经受理或者处理过同一争议', '第十五条第二项', 2),
	('not_consumption', '不是为生活消费需要购买、使用商品或者接受服务，或者不能证明存在消费者权益争议', '第十五条第三项', 3),
	('time_barred', '知道或者应当知道权益受到侵害之日起超过三年', '第十五条第四项', 4),
	('materials_missing', '未提供第九条第一款和第十条规定的材料', '第十五条第五项', 5),
	('other_legal', '法律、法规、规章规定不予受理的其他情形', '第十五条第六项', 6);

CREATE TABLE core.elevator_category (
	code text PRIMARY KEY CHECK (code ~ '^3[1-4][1-4]0$'),
	name text NOT NULL UNIQUE,
	kind_name text NOT NULL,
	sort_order integer NOT NULL DEFAULT 0
);
COMMENT ON TABLE core.elevator_category IS '电梯品种代码（特种设备目录，设备代码前四位）';
COMMENT ON COLUMN core.elevator_category.code IS '品种代码';
COMMENT ON COLUMN core.elevator_category.name IS '品种名称';
COMMENT ON COLUMN core.elevator_category.kind_name IS '所属类别';
COMMENT ON COLUMN core.elevator_category.sort_order IS '显示顺序';

INSERT INTO core.elevator_category (code, name, kind_name, sort_order) VALUES
	('3110', '曳引驱动乘客电梯', '曳引与强制驱动电梯', 1),
	('3120', '曳引驱动载货电梯', '曳引与强制驱动电梯', 2),
	('3130', '强制驱动载货电梯', '曳引与强制驱动电梯', 3),
	('3210', '液压乘客电梯', '液压驱动电梯', 4),
	('3220', '液压载货电梯', '液压驱动电梯', 5),
	('3310', '自动扶梯', '自动扶梯与自动人行道', 6),
	('3320', '自动人行道', '自动扶梯与自动人行道', 7),
	('3410', '防爆电梯', '其他类型电梯', 8),
	('3420', '消防员电梯', '其他类型电梯', 9),
	('3430', '杂物电梯', '其他类型电梯', 10);

CREATE TABLE core.rescue_cause (
	code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
	name text NOT NULL UNIQUE,
	parent_code text REFERENCES core.rescue_cause (code),
	sort_order integer NOT NULL DEFAULT 0,
	active boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE core.rescue_cause IS '96333 电梯困人原因代码（结案时填写）';
COMMENT ON COLUMN core.rescue_cause.code IS '原因代码';
COMMENT ON COLUMN core.rescue_cause.name IS '原因名称';
COMMENT ON COLUMN core.rescue_cause.parent_code IS '上级原因（细分原因所属大类）';
COMMENT ON COLUMN core.rescue_cause.sort_order IS '显示顺序';
COMMENT ON COLUMN core.rescue_cause.active IS '是否在用';

INSERT INTO core.rescue_cause (code, name, parent_code, sort_order) VALUES
	('external', '外部原因', NULL, 1),
	('human', '人为原因', NULL, 2),
	('door_fault', '门系统故障', NULL, 3),
	('drive_fault', '驱动与控制系统故障', NULL, 4),
	('other', '其他原因', NULL, 9);
INSERT INTO core.rescue_cause (code, name, parent_code, sort_order) VALUES
	('power_cut', '停电', 'external', 1),
	('water_ingress', '进水', 'external', 2),
	('door_blocked', '阻挡电梯门', 'human', 1),
	('forced_door', '扒门', 'human', 2),
	('overload', '超载、蹦跳等不当使用', 'human', 3);

CREATE TABLE core.instrument_kind (
	code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
	name text NOT NULL UNIQUE,
	use_area text NOT NULL CHECK (use_area IN ('trade', 'safety', 'medical', 'environment')),
	verification_months smallint CHECK (verification_months > 0),
	sort_order integer NOT NULL DEFAULT 0,
	active boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE core.instrument_kind IS '强制检定的工作计量器具种类（实施强制管理的计量器具目录摘选，局可增补）';
COMMENT ON COLUMN core.instrument_kind.code IS '种类代码';
COMMENT ON COLUMN core.instrument_kind.name IS '器具名称';
COMMENT ON COLUMN core.instrument_kind.use_area IS '用途：trade 贸易结算，safety 安全防护，medical 医疗卫生，environment 环境监测';
COMMENT ON COLUMN core.instrument_kind.verification_months IS '检定周期（月）';
COMMENT ON COLUMN core.instrument_kind.sort_order IS '显示顺序';
COMMENT ON COLUMN core.instrument_kind.active IS '是否在用';

INSERT INTO core.instrument_kind (code, name, use_area, verification_months, sort_order) VALUES
	('fuel_dispenser', '燃油加油机', 'trade', 6, 1),
	('electronic_scale', '电子计价秤', 'trade', 12, 2),
	('truck_scale', '数字指示秤（汽车衡）', 'trade', 12, 3),
	('taximeter', '出租汽车计价器', 'trade', 12, 4),
	('water_meter', '水表', 'trade', NULL, 5),
	('gas_meter', '膜式燃气表', 'trade', NULL, 6),
	('electricity_meter', '电能表', 'trade', NULL, 7),
	('pressure_gauge', '压力表', 'safety', 6, 8),
	('breath_alcohol', '呼出气体酒精含量检测仪', 'safety', 12, 9),
	('speed_radar', '机动车测速仪', 'safety', 12, 10),
	('sphygmomanometer', '血压计', 'medical', 12, 11),
	('ecg', '心电图仪', 'medical', 12, 12),
	('lensmeter', '焦度计', 'medical', 12, 13),
	('sound_level_meter', '声级计', 'environment', 12, 14);

GRANT SELECT ON core.setting, core.entity_type, core.entity_status, core.industry, core.risk_grade,
	core.inspection_result_code, core.licence_kind, core.penalty_kind, core.violation_category,
	core.complaint_category, core.channel, core.refusal_ground, core.elevator_category,
	core.rescue_cause, core.instrument_kind TO smcon_staff;
GRANT EXECUTE ON FUNCTION core.present(text), core.in_order(timestamptz[]),
	core.resident_id_valid(text), core.setting_int(text) TO smcon_staff;
