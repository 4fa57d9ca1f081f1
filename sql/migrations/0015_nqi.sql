-- 0015 质量基础库 (national quality infrastructure): metrology, standards,
-- inspection and testing bodies, certification. Comes before the product and
-- food/drug themes, which refer to its labs and certification bodies.

CREATE SCHEMA nqi;
COMMENT ON SCHEMA nqi IS '质量基础库：计量标准、型式批准、标准、检验检测机构、认证机构与认证证书';
GRANT USAGE ON SCHEMA nqi TO smcon_staff;

CREATE TABLE nqi.measurement_standard (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	certificate_no text NOT NULL UNIQUE CHECK (core.present(certificate_no)),
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	name text NOT NULL CHECK (core.present(name)),
	kind text NOT NULL CHECK (kind IN ('public', 'department', 'enterprise')),
	measuring_range text,
	uncertainty text,
	approved_on date NOT NULL,
	valid_to date NOT NULL,
	status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'expired', 'revoked', 'cancelled')),
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	CHECK (approved_on < valid_to)
);
COMMENT ON TABLE nqi.measurement_standard IS '计量标准（计量标准考核证书）';
COMMENT ON COLUMN nqi.measurement_standard.id IS '内部编号';
COMMENT ON COLUMN nqi.measurement_standard.certificate_no IS '计量标准考核证书编号';
COMMENT ON COLUMN nqi.measurement_standard.entity_id IS '建标单位';
COMMENT ON COLUMN nqi.measurement_standard.name IS '计量标准名称';
COMMENT ON COLUMN nqi.measurement_standard.kind IS '类别：public 社会公用计量标准，department 部门最高计量标准，enterprise 企事业单位最高计量标准';
COMMENT ON COLUMN nqi.measurement_standard.measuring_range IS '测量范围';
COMMENT ON COLUMN nqi.measurement_standard.uncertainty IS '不确定度或准确度等级';
COMMENT ON COLUMN nqi.measurement_standard.approved_on IS '发证日期';
COMMENT ON COLUMN nqi.measurement_standard.valid_to IS '有效期至';
COMMENT ON COLUMN nqi.measurement_standard.status IS '状态：valid 有效，expired 过期，revoked 撤销，cancelled 注销';
COMMENT ON COLUMN nqi.measurement_standard.source_system IS '来源系统';
COMMENT ON COLUMN nqi.measurement_standard.loaded_at IS '入库时间';
CREATE INDEX measurement_standard_entity_id_idx ON nqi.measurement_standard (entity_id);

CREATE TABLE nqi.type_approval (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	approval_no text NOT NULL UNIQUE CHECK (core.present(approval_no)),
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	instrument_kind_code text REFERENCES core.instrument_kind (code),
	instrument_name text NOT NULL CHECK (core.present(instrument_name)),
	model text NOT NULL CHECK (core.present(model)),
	accuracy_class text,
	approved_on date NOT NULL,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE nqi.type_approval IS '计量器具型式批准（制造单位）';
COMMENT ON COLUMN nqi.type_approval.id IS '内部编号';
COMMENT ON COLUMN nqi.type_approval.approval_no IS '型式批准证书编号';
COMMENT ON COLUMN nqi.type_approval.entity_id IS '制造单位';
COMMENT ON COLUMN nqi.type_approval.instrument_kind_code IS '器具种类（属强制检定目录的）';
COMMENT ON COLUMN nqi.type_approval.instrument_name IS '计量器具名称';
COMMENT ON COLUMN nqi.type_approval.model IS '型号';
COMMENT ON COLUMN nqi.type_approval.accuracy_class IS '准确度等级';
COMMENT ON COLUMN nqi.type_approval.approved_on IS '批准日期';
COMMENT ON COLUMN nqi.type_approval.source_system IS '来源系统';
COMMENT ON COLUMN nqi.type_approval.loaded_at IS '入库时间';
CREATE INDEX type_approval_entity_id_idx ON nqi.type_approval (entity_id);

CREATE TABLE nqi.standard (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	code text NOT NULL UNIQUE CHECK (core.present(code)),
	title text NOT NULL CHECK (core.present(title)),
	level text NOT NULL CHECK (level IN ('national', 'industry', 'local', 'group', 'enterprise')),
	mandatory boolean NOT NULL DEFAULT false,
	issuing_body text NOT NULL CHECK (core.present(issuing_body)),
	entity_id bigint REFERENCES core.entity (id),
	issued_on date,
	effective_on date,
	abolished_on date,
	replaced_by_code text,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	-- 标准化法 (2017) §10: only national standards are mandatory
	CHECK (NOT mandatory OR level = 'national'),
	CHECK (level <> 'enterprise' OR entity_id IS NOT NULL),
	CHECK (effective_on >= issued_on),
	CHECK (abolished_on >= effective_on)
);
COMMENT ON TABLE nqi.standard IS '标准（国家、行业、地方、团体、企业标准）';
COMMENT ON COLUMN nqi.standard.id IS '内部编号';
COMMENT ON COLUMN nqi.standard.code IS '标准编号（如 GB 7718-2011、Q/320213 HD 001-2022）';
COMMENT ON COLUMN nqi.standard.title IS '标准名称';
COMMENT ON COLUMN nqi.standard.level IS '层级：national 国家标准，industry 行业标准，local 地方标准，group 团体标准，enterprise 企业标准';
COMMENT ON COLUMN nqi.standard.mandatory IS '是否强制性标准（仅国家标准）';
COMMENT ON COLUMN nqi.standard.issuing_body IS '发布机构';
COMMENT ON COLUMN nqi.standard.entity_id IS '制定主体（企业标准的企业、团体标准的社会团体）';
COMMENT ON COLUMN nqi.standard.issued_on IS '发布日期';
COMMENT ON COLUMN nqi.standard.effective_on IS '实施日期';
COMMENT ON COLUMN nqi.standard.abolished_on IS '废止日期（现行为空）';
COMMENT ON COLUMN nqi.standard.replaced_by_code IS '被代替为（新标准编号）';
COMMENT ON COLUMN nqi.standard.source_system IS '来源系统';
COMMENT ON COLUMN nqi.standard.loaded_at IS '入库时间';
CREATE INDEX standard_entity_id_idx ON nqi.standard (entity_id);

CREATE TABLE nqi.standard_declaration (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	standard_id bigint NOT NULL REFERENCES nqi.standard (id),
	product_name text NOT NULL CHECK (core.present(product_name)),
	declared_on date NOT NULL,
	withdrawn_on date,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (entity_id, standard_id, product_name),
	CHECK (withdrawn_on >= declared_on)
);
COMMENT ON TABLE nqi.standard_declaration IS '企业标准自我声明公开（产品执行的标准）';
COMMENT ON COLUMN nqi.standard_declaration.id IS '内部编号';
COMMENT ON COLUMN nqi.standard_declaration.entity_id IS '声明企业';
COMMENT ON COLUMN nqi.standard_declaration.standard_id IS '执行的标准';
COMMENT ON COLUMN nqi.standard_declaration.product_name IS '产品（服务）名称';
COMMENT ON COLUMN nqi.standard_declaration.declared_on IS '声明公开日期';
COMMENT ON COLUMN nqi.standard_declaration.withdrawn_on IS '撤销声明日期';
COMMENT ON COLUMN nqi.standard_declaration.source_system IS '来源系统';
COMMENT ON COLUMN nqi.standard_declaration.loaded_at IS '入库时间';
CREATE INDEX standard_declaration_entity_id_idx ON nqi.standard_declaration (entity_id);
CREATE INDEX standard_declaration_standard_id_idx ON nqi.standard_declaration (standard_id);

CREATE TABLE nqi.lab (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	cma_no text NOT NULL UNIQUE CHECK (cma_no ~ '^[0-9]{12}$'),
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	name text NOT NULL CHECK (core.present(name)),
	address text NOT NULL CHECK (core.present(address)),
	fields text[] NOT NULL DEFAULT '{}',
	scope text,
	cnas_no text UNIQUE CHECK (cnas_no ~ '^CNAS L[0-9]{4,5}$'),
	legal_metrology boolean NOT NULL DEFAULT false,
	approved_on date NOT NULL,
	valid_to date NOT NULL,
	status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'suspended', 'revoked', 'expired', 'cancelled')),
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	CHECK (approved_on < valid_to)
);
COMMENT ON TABLE nqi.lab IS '检验检测机构（资质认定 CMA）';
COMMENT ON COLUMN nqi.lab.id IS '内部编号';
COMMENT ON COLUMN nqi.lab.cma_no IS '资质认定证书编号（12 位）';
COMMENT ON COLUMN nqi.lab.entity_id IS '机构所属主体';
COMMENT ON COLUMN nqi.lab.name IS '检验检测机构名称';
COMMENT ON COLUMN nqi.lab.address IS '检验检测场所地址';
COMMENT ON COLUMN nqi.lab.fields IS '检验检测领域（如 食品、建筑材料、机动车）';
COMMENT ON COLUMN nqi.lab.scope IS '资质认定能力范围摘要';
COMMENT ON COLUMN nqi.lab.cnas_no IS '实验室认可注册号（CNAS）';
COMMENT ON COLUMN nqi.lab.legal_metrology IS '是否法定计量检定机构（承担强制检定）';
COMMENT ON COLUMN nqi.lab.approved_on IS '发证日期';
COMMENT ON COLUMN nqi.lab.valid_to IS '有效期至';
COMMENT ON COLUMN nqi.lab.status IS '状态：valid 有效，suspended 暂停，revoked 撤销，expired 过期，cancelled 注销';
COMMENT ON COLUMN nqi.lab.source_system IS '来源系统';
COMMENT ON COLUMN nqi.lab.loaded_at IS '入库时间';
CREATE INDEX lab_entity_id_idx ON nqi.lab (entity_id);

CREATE TABLE nqi.certification_body (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	approval_no text NOT NULL UNIQUE CHECK (approval_no ~ '^CNCA-[A-Z]{1,2}-[0-9]{4}-[0-9]{3}$'),
	name text NOT NULL UNIQUE CHECK (core.present(name)),
	entity_id bigint REFERENCES core.entity (id),
	scope text,
	valid_to date,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE nqi.certification_body IS '认证机构（国家认监委批准，多数不在本市：不在主体名录时 entity_id 为空）';
COMMENT ON COLUMN nqi.certification_body.id IS '内部编号';
COMMENT ON COLUMN nqi.certification_body.approval_no IS '认证机构批准书编号（如 CNCA-R-2002-001）';
COMMENT ON COLUMN nqi.certification_body.name IS '机构名称';
COMMENT ON COLUMN nqi.certification_body.entity_id IS '本市主体名录中的对应主体';
COMMENT ON COLUMN nqi.certification_body.scope IS '批准的认证领域';
COMMENT ON COLUMN nqi.certification_body.valid_to IS '批准书有效期至';
COMMENT ON COLUMN nqi.certification_body.source_system IS '来源系统';
COMMENT ON COLUMN nqi.certification_body.loaded_at IS '入库时间';
CREATE INDEX certification_body_entity_id_idx ON nqi.certification_body (entity_id);

CREATE TABLE nqi.certificate (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	body_id bigint NOT NULL REFERENCES nqi.certification_body (id),
	certificate_no text NOT NULL CHECK (core.present(certificate_no)),
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	kind text NOT NULL CHECK (kind IN ('management_system', 'product', 'service')),
	scheme text NOT NULL CHECK (core.present(scheme)),
	scope text,
	issued_on date NOT NULL,
	valid_to date NOT NULL,
	status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'suspended', 'revoked', 'expired')),
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (body_id, certificate_no),
	CHECK (issued_on < valid_to)
);
COMMENT ON TABLE nqi.certificate IS '自愿性认证证书（管理体系、产品、服务认证；CCC 见重点产品库）';
COMMENT ON COLUMN nqi.certificate.id IS '内部编号';
COMMENT ON COLUMN nqi.certificate.body_id IS '发证的认证机构';
COMMENT ON COLUMN nqi.certificate.certificate_no IS '证书编号';
COMMENT ON COLUMN nqi.certificate.entity_id IS '获证组织';
COMMENT ON COLUMN nqi.certificate.kind IS '认证类别：management_system 管理体系，product 产品，service 服务';
COMMENT ON COLUMN nqi.certificate.scheme IS '认证项目（如 ISO 9001、ISO 14001、HACCP、有机产品）';
COMMENT ON COLUMN nqi.certificate.scope IS '认证覆盖范围';
COMMENT ON COLUMN nqi.certificate.issued_on IS '颁证日期';
COMMENT ON COLUMN nqi.certificate.valid_to IS '有效期至';
COMMENT ON COLUMN nqi.certificate.status IS '状态：valid 有效，suspended 暂停，revoked 撤销，expired 过期';
COMMENT ON COLUMN nqi.certificate.source_system IS '来源系统';
COMMENT ON COLUMN nqi.certificate.loaded_at IS '入库时间';
CREATE INDEX certificate_entity_id_idx ON nqi.certificate (entity_id);

GRANT SELECT ON nqi.standard, nqi.certification_body TO smcon_staff;
