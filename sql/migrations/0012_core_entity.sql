-- 0012 the entity master (管理主体库): market entities keyed by USCC, their
-- former names, registration changes, contacts and tags. Every theme row
-- about an entity refers to core.entity (id); files and people use the USCC.
-- Registration facts are public (DESIGN §3): no row-level security here;
-- personal fields (the legal representative's ID number, contacts) are in
-- their own columns so that grants can withhold them and views mask them.

-- The org tree is walked from parent to children (scope of a district bureau).
CREATE INDEX org_unit_parent_id_idx ON core.org_unit (parent_id);

CREATE TABLE core.entity (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	uscc core.uscc NOT NULL UNIQUE,
	uscc_prefix text GENERATED ALWAYS AS (left(uscc, 2)) STORED,
	reg_division_code text GENERATED ALWAYS AS (substr(uscc, 3, 6)) STORED,
	reg_no text UNIQUE CHECK (reg_no ~ '^[0-9]{15}$'),
	name text NOT NULL CHECK (core.present(name) AND name = btrim(name)),
	entity_type_code text NOT NULL,
	legal_rep_name text CHECK (legal_rep_name IS NULL OR core.present(legal_rep_name)),
	legal_rep_id_type text CHECK (legal_rep_id_type IN ('resident_id', 'passport', 'hk_macao_permit',
	                                                    'taiwan_permit', 'foreign_permanent', 'other')),
	legal_rep_id_no text,
	phone core.phone,
	address text NOT NULL CHECK (core.present(address)),
	division_code char(6) REFERENCES core.division (code),
	org_id bigint REFERENCES core.org_unit (id),
	reg_authority_org_id bigint REFERENCES core.org_unit (id),
	industry_code text REFERENCES core.industry (code) CHECK (industry_code ~ '^[0-9]{4}$'),
	registered_capital numeric(18,2) CHECK (registered_capital >= 0),
	capital_currency text NOT NULL DEFAULT 'CNY' CHECK (capital_currency ~ '^[A-Z]{3}$'),
	established_on date NOT NULL CHECK (established_on >= '1949-01-01'),
	approved_on date,
	operating_from date,
	operating_to date,
	business_scope text,
	status text NOT NULL DEFAULT 'active' REFERENCES core.entity_status (code),
	status_changed_on date,
	status_reason text,
	risk_grade text REFERENCES core.risk_grade (code),
	risk_graded_on date,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now(),
	-- 91 enterprise, 92 individual business, 93 co-operative: as the type says
	CONSTRAINT entity_uscc_matches_type FOREIGN KEY (entity_type_code, uscc_prefix)
		REFERENCES core.entity_type (code, uscc_prefix),
	CONSTRAINT entity_id_no_has_type CHECK (legal_rep_id_no IS NULL OR legal_rep_id_type IS NOT NULL),
	CONSTRAINT entity_resident_id_valid CHECK (legal_rep_id_type IS DISTINCT FROM 'resident_id'
		OR legal_rep_id_no IS NULL OR core.resident_id_valid(legal_rep_id_no)),
	CONSTRAINT entity_approved_after_established CHECK (approved_on >= established_on),
	CONSTRAINT entity_operating_period_order CHECK (operating_to >= operating_from),
	CONSTRAINT entity_status_after_established CHECK (status_changed_on >= established_on),
	-- an entity that left the register says when
	CONSTRAINT entity_status_change_dated CHECK (status IN ('active', 'dormant')
		OR status_changed_on IS NOT NULL),
	CONSTRAINT entity_risk_grade_dated CHECK ((risk_grade IS NULL) = (risk_graded_on IS NULL))
);
COMMENT ON TABLE core.entity IS '市场主体（主体名录），以统一社会信用代码为标识；登记信息公开，个人信息单列';
COMMENT ON COLUMN core.entity.id IS '内部编号';
COMMENT ON COLUMN core.entity.uscc IS '统一社会信用代码（18 位）';
COMMENT ON COLUMN core.entity.uscc_prefix IS '代码前两位（登记管理部门 + 机构类别），由代码生成';
COMMENT ON COLUMN core.entity.reg_division_code IS '代码第 3–8 位：登记机关行政区划，按代码原样保留（可能是已撤销区划，如 320202 崇安区）';
COMMENT ON COLUMN core.entity.reg_no IS '注册号（15 位，2015 年前登记的主体）';
COMMENT ON COLUMN core.entity.name IS '名称（字号）';
COMMENT ON COLUMN core.entity.entity_type_code IS '主体类型';
COMMENT ON COLUMN core.entity.legal_rep_name IS '法定代表人（个体工商户为经营者，分支机构为负责人）';
COMMENT ON COLUMN core.entity.legal_rep_id_type IS '法定代表人证件类型：resident_id 居民身份证，passport 护照，hk_macao_permit 港澳居民来往内地通行证，taiwan_permit 台湾居民来往大陆通行证，foreign_permanent 外国人永久居留身份证，other 其他';
COMMENT ON COLUMN core.entity.legal_rep_id_no IS '法定代表人证件号码（个人信息）';
COMMENT ON COLUMN core.entity.phone IS '联系电话';
COMMENT ON COLUMN core.entity.address IS '住所（经营场所）';
COMMENT ON COLUMN core.entity.division_code IS '实际经营地所在行政区划（现行区划代码）';
COMMENT ON COLUMN core.entity.org_id IS '属地监管机构（市场监管所）';
COMMENT ON COLUMN core.entity.reg_authority_org_id IS '登记机关（本市以外登记的为空）';
COMMENT ON COLUMN core.entity.industry_code IS '国民经济行业（GB/T 4754-2017 小类）';
COMMENT ON COLUMN core.entity.registered_capital IS '注册资本（出资额、资金数额），万元';
COMMENT ON COLUMN core.entity.capital_currency IS '注册资本币种（GB/T 12406 字母代码，人民币 CNY）';
COMMENT ON COLUMN core.entity.established_on IS '成立日期';
COMMENT ON COLUMN core.entity.approved_on IS '核准日期（最近一次）';
COMMENT ON COLUMN core.entity.operating_from IS '营业期限自';
COMMENT ON COLUMN core.entity.operating_to IS '营业期限至（长期为空）';
COMMENT ON COLUMN core.entity.business_scope IS '经营范围';
COMMENT ON COLUMN core.entity.status IS '登记状态';
COMMENT ON COLUMN core.entity.status_changed_on IS '状态变更日期（注销、吊销、撤销、迁出、歇业日期）';
COMMENT ON COLUMN core.entity.status_reason IS '注销、吊销、撤销原因';
COMMENT ON COLUMN core.entity.risk_grade IS '当前信用风险分类等级（内部使用，不得公开）';
COMMENT ON COLUMN core.entity.risk_graded_on IS '当前风险等级评定日期';
COMMENT ON COLUMN core.entity.source_system IS '来源系统';
COMMENT ON COLUMN core.entity.loaded_at IS '入库时间';
COMMENT ON COLUMN core.entity.created_at IS '建档时间';
COMMENT ON COLUMN core.entity.updated_at IS '最后修改时间';
CREATE INDEX entity_org_id_idx ON core.entity (org_id);
CREATE INDEX entity_reg_authority_org_id_idx ON core.entity (reg_authority_org_id);
CREATE INDEX entity_division_code_idx ON core.entity (division_code);
CREATE INDEX entity_industry_code_idx ON core.entity (industry_code);
CREATE INDEX entity_entity_type_code_idx ON core.entity (entity_type_code);
CREATE INDEX entity_reg_division_code_idx ON core.entity (reg_division_code);
CREATE TRIGGER entity_updated_at BEFORE UPDATE ON core.entity
	FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

CREATE TABLE core.entity_former_name (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	name text NOT NULL CHECK (core.present(name) AND name = btrim(name)),
	used_from date,
	used_to date NOT NULL,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (entity_id, name, used_to),
	CHECK (used_from <= used_to)
);
COMMENT ON TABLE core.entity_former_name IS '市场主体曾用名';
COMMENT ON COLUMN core.entity_former_name.id IS '内部编号';
COMMENT ON COLUMN core.entity_former_name.entity_id IS '市场主体';
COMMENT ON COLUMN core.entity_former_name.name IS '曾用名';
COMMENT ON COLUMN core.entity_former_name.used_from IS '使用起始日期（不详为空）';
COMMENT ON COLUMN core.entity_former_name.used_to IS '使用截止日期（名称变更日期）';
COMMENT ON COLUMN core.entity_former_name.source_system IS '来源系统';
COMMENT ON COLUMN core.entity_former_name.loaded_at IS '入库时间';

CREATE TABLE core.entity_change (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	changed_on date NOT NULL,
	item text NOT NULL CHECK (core.present(item)),
	before_value text,
	after_value text,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	CHECK (before_value IS DISTINCT FROM after_value)
);
COMMENT ON TABLE core.entity_change IS '市场主体变更登记记录';
COMMENT ON COLUMN core.entity_change.id IS '内部编号';
COMMENT ON COLUMN core.entity_change.entity_id IS '市场主体';
COMMENT ON COLUMN core.entity_change.changed_on IS '变更日期';
COMMENT ON COLUMN core.entity_change.item IS '变更事项（如 名称变更、住所变更、法定代表人变更、注册资本变更）';
COMMENT ON COLUMN core.entity_change.before_value IS '变更前内容';
COMMENT ON COLUMN core.entity_change.after_value IS '变更后内容';
COMMENT ON COLUMN core.entity_change.source_system IS '来源系统';
COMMENT ON COLUMN core.entity_change.loaded_at IS '入库时间';
CREATE INDEX entity_change_entity_id_idx ON core.entity_change (entity_id, changed_on);

CREATE TABLE core.entity_contact (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	role text NOT NULL CHECK (role IN ('liaison', 'finance', 'food_safety', 'quality', 'safety', 'other')),
	contact_name text NOT NULL CHECK (core.present(contact_name)),
	contact_phone core.phone,
	contact_email text CHECK (contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
	valid_from date,
	valid_to date,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	CHECK (valid_from <= valid_to)
);
COMMENT ON TABLE core.entity_contact IS '市场主体联系人（个人信息）';
COMMENT ON COLUMN core.entity_contact.id IS '内部编号';
COMMENT ON COLUMN core.entity_contact.entity_id IS '市场主体';
COMMENT ON COLUMN core.entity_contact.role IS '联系人角色：liaison 联络员，finance 财务负责人，food_safety 食品安全管理员，quality 质量负责人，safety 安全管理员，other 其他';
COMMENT ON COLUMN core.entity_contact.contact_name IS '联系人姓名（个人信息）';
COMMENT ON COLUMN core.entity_contact.contact_phone IS '联系人电话（个人信息）';
COMMENT ON COLUMN core.entity_contact.contact_email IS '联系人电子邮箱（个人信息）';
COMMENT ON COLUMN core.entity_contact.valid_from IS '担任起始日期';
COMMENT ON COLUMN core.entity_contact.valid_to IS '担任截止日期（在任为空）';
COMMENT ON COLUMN core.entity_contact.source_system IS '来源系统';
COMMENT ON COLUMN core.entity_contact.loaded_at IS '入库时间';
CREATE INDEX entity_contact_entity_id_idx ON core.entity_contact (entity_id);

CREATE TABLE core.tag (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	code text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]*$'),
	name text NOT NULL UNIQUE CHECK (core.present(name)),
	category text NOT NULL CHECK (core.present(category)),
	description text,
	active boolean NOT NULL DEFAULT true,
	created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE core.tag IS '主体标签（如 重点监管、规上企业、食品生产），局可自定义';
COMMENT ON COLUMN core.tag.id IS '内部编号';
COMMENT ON COLUMN core.tag.code IS '标签代码';
COMMENT ON COLUMN core.tag.name IS '标签名称';
COMMENT ON COLUMN core.tag.category IS '标签分类（如 监管重点、产业、信用）';
COMMENT ON COLUMN core.tag.description IS '说明';
COMMENT ON COLUMN core.tag.active IS '是否在用';
COMMENT ON COLUMN core.tag.created_at IS '创建时间';

INSERT INTO core.tag (code, name, category, description) VALUES
	('key_supervision', '重点监管对象', '监管重点', '列入重点监管名单的主体'),
	('above_scale', '规模以上工业企业', '产业', '年主营业务收入 2000 万元以上的工业企业'),
	('food_producer', '食品生产企业', '产业', '持有食品生产许可证'),
	('elevator_user', '电梯使用单位', '特种设备', '在用电梯的使用单位'),
	('elevator_maintainer', '电梯维保单位', '特种设备', '承担电梯维护保养的单位'),
	('platform_operator', '电子商务平台经营者', '产业', NULL),
	('high_tech', '高新技术企业', '产业', NULL);

CREATE TABLE core.entity_tag (
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	tag_id bigint NOT NULL REFERENCES core.tag (id),
	tagged_at timestamptz NOT NULL DEFAULT now(),
	tagged_by_staff_id bigint REFERENCES core.staff (id),
	note text,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (entity_id, tag_id)
);
COMMENT ON TABLE core.entity_tag IS '主体所贴标签';
COMMENT ON COLUMN core.entity_tag.entity_id IS '市场主体';
COMMENT ON COLUMN core.entity_tag.tag_id IS '标签';
COMMENT ON COLUMN core.entity_tag.tagged_at IS '贴标时间';
COMMENT ON COLUMN core.entity_tag.tagged_by_staff_id IS '贴标人（规则自动贴标为空）';
COMMENT ON COLUMN core.entity_tag.note IS '备注';
COMMENT ON COLUMN core.entity_tag.source_system IS '来源系统';
COMMENT ON COLUMN core.entity_tag.loaded_at IS '入库时间';
CREATE INDEX entity_tag_tag_id_idx ON core.entity_tag (tag_id);
CREATE INDEX entity_tag_tagged_by_staff_id_idx ON core.entity_tag (tagged_by_staff_id);

GRANT SELECT ON core.tag TO smcon_staff;
