-- 0022 知识产权库: trademarks, geographical indications and their authorised
-- users, patents — those held by entities of the city.

CREATE SCHEMA ip;
COMMENT ON SCHEMA ip IS '知识产权库：注册商标、地理标志及其使用者、专利';
GRANT USAGE ON SCHEMA ip TO smcon_staff;

CREATE TABLE ip.trademark (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	reg_no text NOT NULL CHECK (reg_no ~ '^[0-9]{1,9}$'),
	nice_class smallint NOT NULL CHECK (nice_class BETWEEN 1 AND 45),
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	mark_name text NOT NULL CHECK (core.present(mark_name)),
	mark_kind text NOT NULL DEFAULT 'word'
		CHECK (mark_kind IN ('word', 'figurative', 'combined', 'three_d', 'colour', 'sound')),
	goods_services text,
	applied_on date NOT NULL,
	registered_on date,
	valid_to date,
	status text NOT NULL DEFAULT 'registered'
		CHECK (status IN ('pending', 'registered', 'expired', 'cancelled', 'invalidated')),
	well_known boolean NOT NULL DEFAULT false,
	agent_name text,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (reg_no, nice_class),
	CHECK (registered_on >= applied_on),
	CHECK (valid_to > registered_on),
	CHECK ((status = 'pending') = (registered_on IS NULL))
);
COMMENT ON TABLE ip.trademark IS '注册商标（本市主体持有的，一个类别一行）';
COMMENT ON COLUMN ip.trademark.id IS '内部编号';
COMMENT ON COLUMN ip.trademark.reg_no IS '注册号（申请号）';
COMMENT ON COLUMN ip.trademark.nice_class IS '尼斯分类类别（1–45）';
COMMENT ON COLUMN ip.trademark.entity_id IS '商标注册人';
COMMENT ON COLUMN ip.trademark.mark_name IS '商标名称（图形商标为“图形”）';
COMMENT ON COLUMN ip.trademark.mark_kind IS '商标类型：word 文字，figurative 图形，combined 组合，three_d 立体，colour 颜色组合，sound 声音';
COMMENT ON COLUMN ip.trademark.goods_services IS '核定使用商品（服务）';
COMMENT ON COLUMN ip.trademark.applied_on IS '申请日期';
COMMENT ON COLUMN ip.trademark.registered_on IS '注册日期';
COMMENT ON COLUMN ip.trademark.valid_to IS '专用权期限至（十年，可续展）';
COMMENT ON COLUMN ip.trademark.status IS '状态：pending 申请中，registered 已注册，expired 已到期，cancelled 已注销或撤销，invalidated 已宣告无效';
COMMENT ON COLUMN ip.trademark.well_known IS '是否认定为驰名商标';
COMMENT ON COLUMN ip.trademark.agent_name IS '代理机构';
COMMENT ON COLUMN ip.trademark.source_system IS '来源系统';
COMMENT ON COLUMN ip.trademark.loaded_at IS '入库时间';
CREATE INDEX trademark_entity_id_idx ON ip.trademark (entity_id);

CREATE TABLE ip.geographical_indication (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name text NOT NULL CHECK (core.present(name)),
	kind text NOT NULL CHECK (kind IN ('protected_product', 'certification_mark', 'collective_mark')),
	registration_no text,
	product_category text NOT NULL CHECK (core.present(product_category)),
	protected_area text NOT NULL CHECK (core.present(protected_area)),
	approved_on date NOT NULL,
	entity_id bigint REFERENCES core.entity (id),
	quality_requirements text,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (name, kind),
	CHECK (kind = 'protected_product' OR entity_id IS NOT NULL)
);
COMMENT ON TABLE ip.geographical_indication IS '地理标志（地理标志保护产品、地理标志证明商标和集体商标，如 宜兴紫砂、阳山水蜜桃）';
COMMENT ON COLUMN ip.geographical_indication.id IS '内部编号';
COMMENT ON COLUMN ip.geographical_indication.name IS '地理标志名称';
COMMENT ON COLUMN ip.geographical_indication.kind IS '类型：protected_product 地理标志保护产品，certification_mark 证明商标，collective_mark 集体商标';
COMMENT ON COLUMN ip.geographical_indication.registration_no IS '批准公告号或商标注册号';
COMMENT ON COLUMN ip.geographical_indication.product_category IS '产品类别（如 茶叶、水果、陶瓷）';
COMMENT ON COLUMN ip.geographical_indication.protected_area IS '地域保护范围';
COMMENT ON COLUMN ip.geographical_indication.approved_on IS '批准（注册）日期';
COMMENT ON COLUMN ip.geographical_indication.entity_id IS '申请人或商标注册人（协会等；保护产品可空）';
COMMENT ON COLUMN ip.geographical_indication.quality_requirements IS '质量技术要求摘要';
COMMENT ON COLUMN ip.geographical_indication.source_system IS '来源系统';
COMMENT ON COLUMN ip.geographical_indication.loaded_at IS '入库时间';
CREATE INDEX geographical_indication_entity_id_idx ON ip.geographical_indication (entity_id);

CREATE TABLE ip.gi_user (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	gi_id bigint NOT NULL REFERENCES ip.geographical_indication (id),
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	approved_on date NOT NULL,
	revoked_on date,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (gi_id, entity_id),
	CHECK (revoked_on >= approved_on)
);
COMMENT ON TABLE ip.gi_user IS '地理标志专用标志（商标）的核准使用者';
COMMENT ON COLUMN ip.gi_user.id IS '内部编号';
COMMENT ON COLUMN ip.gi_user.gi_id IS '地理标志';
COMMENT ON COLUMN ip.gi_user.entity_id IS '使用者';
COMMENT ON COLUMN ip.gi_user.approved_on IS '核准使用日期';
COMMENT ON COLUMN ip.gi_user.revoked_on IS '注销（撤销）使用日期';
COMMENT ON COLUMN ip.gi_user.source_system IS '来源系统';
COMMENT ON COLUMN ip.gi_user.loaded_at IS '入库时间';
CREATE INDEX gi_user_entity_id_idx ON ip.gi_user (entity_id);

CREATE TABLE ip.patent (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	patent_no text NOT NULL UNIQUE CHECK (patent_no ~ '^ZL([0-9]{8}|[0-9]{12})\.[0-9X]$'),
	kind text NOT NULL CHECK (kind IN ('invention', 'utility_model', 'design')),
	title text NOT NULL CHECK (core.present(title)),
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	applied_on date NOT NULL,
	granted_on date,
	ipc_class text,
	status text NOT NULL DEFAULT 'valid' CHECK (status IN ('pending', 'valid', 'expired', 'terminated', 'invalidated')),
	pledged boolean NOT NULL DEFAULT false,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	-- since 2003 the seventh character is the kind: 1/8 invention, 2/9 utility model, 3 design
	CONSTRAINT patent_no_matches_kind CHECK (length(patent_no) <> 16
		OR substr(patent_no, 7, 1) = ANY (CASE kind WHEN 'invention' THEN ARRAY['1', '8']
		                                             WHEN 'utility_model' THEN ARRAY['2', '9']
		                                             ELSE ARRAY['3'] END)),
	CHECK (granted_on >= applied_on),
	CHECK ((status = 'pending') = (granted_on IS NULL))
);
COMMENT ON TABLE ip.patent IS '专利（本市主体为专利权人的）';
COMMENT ON COLUMN ip.patent.id IS '内部编号';
COMMENT ON COLUMN ip.patent.patent_no IS '专利号（如 ZL202110123456.7）';
COMMENT ON COLUMN ip.patent.kind IS '专利类型：invention 发明，utility_model 实用新型，design 外观设计';
COMMENT ON COLUMN ip.patent.title IS '专利名称';
COMMENT ON COLUMN ip.patent.entity_id IS '专利权人（第一权利人）';
COMMENT ON COLUMN ip.patent.applied_on IS '申请日';
COMMENT ON COLUMN ip.patent.granted_on IS '授权公告日';
COMMENT ON COLUMN ip.patent.ipc_class IS '国际专利分类号（IPC）或外观设计分类号';
COMMENT ON COLUMN ip.patent.status IS '法律状态：pending 审查中，valid 有效，expired 期限届满，terminated 未缴年费终止，invalidated 宣告无效';
COMMENT ON COLUMN ip.patent.pledged IS '是否已质押';
COMMENT ON COLUMN ip.patent.source_system IS '来源系统';
COMMENT ON COLUMN ip.patent.loaded_at IS '入库时间';
CREATE INDEX patent_entity_id_idx ON ip.patent (entity_id);
