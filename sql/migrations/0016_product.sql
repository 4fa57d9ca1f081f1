-- 0016 重点产品库: key industrial products and their makers, products under
-- production licence, CCC certificates, and measuring instruments under
-- compulsory verification with their verifications.

CREATE SCHEMA product;
COMMENT ON SCHEMA product IS '重点产品库：重点工业产品、获证产品、强制性产品认证（CCC）、强制检定计量器具';
GRANT USAGE ON SCHEMA product TO smcon_staff;

CREATE TABLE product.key_product_catalog (
	code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
	name text NOT NULL UNIQUE,
	category text NOT NULL CHECK (core.present(category)),
	licence_required boolean NOT NULL DEFAULT false,
	ccc_required boolean NOT NULL DEFAULT false,
	sort_order integer NOT NULL DEFAULT 0,
	active boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE product.key_product_catalog IS '重点工业产品质量安全监管目录（局可增补）';
COMMENT ON COLUMN product.key_product_catalog.code IS '产品代码';
COMMENT ON COLUMN product.key_product_catalog.name IS '产品名称';
COMMENT ON COLUMN product.key_product_catalog.category IS '产品大类';
COMMENT ON COLUMN product.key_product_catalog.licence_required IS '是否实行工业产品生产许可';
COMMENT ON COLUMN product.key_product_catalog.ccc_required IS '是否实行强制性产品认证';
COMMENT ON COLUMN product.key_product_catalog.sort_order IS '显示顺序';
COMMENT ON COLUMN product.key_product_catalog.active IS '是否在用';

INSERT INTO product.key_product_catalog (code, name, category, licence_required, ccc_required, sort_order) VALUES
	('wire_cable', '电线电缆', '电工产品', true, true, 1),
	('household_appliance', '家用电器', '电工产品', false, true, 2),
	('e_bike', '电动自行车', '交通用品', false, true, 3),
	('helmet', '电动自行车乘员头盔', '交通用品', false, true, 4),
	('children_product', '儿童用品', '日用消费品', false, true, 5),
	('gas_appliance', '燃气用具', '日用消费品', false, true, 6),
	('fertilizer', '化肥', '农业生产资料', true, false, 7),
	('hazardous_chemical', '危险化学品', '化工产品', true, false, 8),
	('hazardous_packaging', '危险化学品包装物及容器', '化工产品', true, false, 9),
	('building_material', '建筑用钢筋、水泥', '建筑材料', true, false, 10),
	('textile', '纺织服装', '日用消费品', false, false, 11),
	('food_contact', '食品相关产品', '食品相关产品', true, false, 12),
	('fire_product', '消防产品', '安全防护', false, true, 13),
	('pressure_cooker', '压力锅', '日用消费品', false, false, 14);

CREATE TABLE product.entity_product (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	catalog_code text NOT NULL REFERENCES product.key_product_catalog (code),
	product_name text NOT NULL CHECK (core.present(product_name)),
	brand text,
	annual_output text,
	production_address text,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (entity_id, catalog_code, product_name)
);
COMMENT ON TABLE product.entity_product IS '重点产品生产企业及其产品';
COMMENT ON COLUMN product.entity_product.id IS '内部编号';
COMMENT ON COLUMN product.entity_product.entity_id IS '生产企业';
COMMENT ON COLUMN product.entity_product.catalog_code IS '重点产品目录类别';
COMMENT ON COLUMN product.entity_product.product_name IS '产品名称';
COMMENT ON COLUMN product.entity_product.brand IS '品牌（商标）';
COMMENT ON COLUMN product.entity_product.annual_output IS '年产量（含计量单位）';
COMMENT ON COLUMN product.entity_product.production_address IS '生产地址';
COMMENT ON COLUMN product.entity_product.source_system IS '来源系统';
COMMENT ON COLUMN product.entity_product.loaded_at IS '入库时间';
CREATE INDEX entity_product_entity_id_idx ON product.entity_product (entity_id);

CREATE TABLE product.licensed_product (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	licence_no text NOT NULL CHECK (licence_no ~ '^([（(].[）)])?XK[0-9]{2}-[0-9]{3}-[0-9]{5}$'),
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	catalog_code text REFERENCES product.key_product_catalog (code),
	product_name text NOT NULL CHECK (core.present(product_name)),
	product_unit text,
	detail text,
	production_address text NOT NULL CHECK (core.present(production_address)),
	issuing_authority text NOT NULL CHECK (core.present(issuing_authority)),
	issued_on date NOT NULL,
	valid_to date NOT NULL,
	status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'expired', 'suspended', 'revoked', 'cancelled')),
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (licence_no, product_name),
	CHECK (issued_on < valid_to)
);
COMMENT ON TABLE product.licensed_product IS '工业产品生产许可获证产品（一证多产品时一产品一行）';
COMMENT ON COLUMN product.licensed_product.id IS '内部编号';
COMMENT ON COLUMN product.licensed_product.licence_no IS '生产许可证编号（如 XK06-001-01234，省级发证的带“（苏）”）';
COMMENT ON COLUMN product.licensed_product.entity_id IS '获证企业';
COMMENT ON COLUMN product.licensed_product.catalog_code IS '重点产品目录类别';
COMMENT ON COLUMN product.licensed_product.product_name IS '产品名称';
COMMENT ON COLUMN product.licensed_product.product_unit IS '产品单元';
COMMENT ON COLUMN product.licensed_product.detail IS '产品明细（规格型号）';
COMMENT ON COLUMN product.licensed_product.production_address IS '生产地址';
COMMENT ON COLUMN product.licensed_product.issuing_authority IS '发证机关';
COMMENT ON COLUMN product.licensed_product.issued_on IS '发证日期';
COMMENT ON COLUMN product.licensed_product.valid_to IS '有效期至';
COMMENT ON COLUMN product.licensed_product.status IS '状态：valid 有效，expired 过期，suspended 暂扣，revoked 吊销，cancelled 注销';
COMMENT ON COLUMN product.licensed_product.source_system IS '来源系统';
COMMENT ON COLUMN product.licensed_product.loaded_at IS '入库时间';
CREATE INDEX licensed_product_entity_id_idx ON product.licensed_product (entity_id);

CREATE TABLE product.ccc_certificate (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	certificate_no text NOT NULL UNIQUE CHECK (certificate_no ~ '^[0-9]{16}$'),
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	certification_body_id bigint NOT NULL REFERENCES nqi.certification_body (id),
	catalog_code text REFERENCES product.key_product_catalog (code),
	product_category text NOT NULL CHECK (core.present(product_category)),
	product_name text NOT NULL CHECK (core.present(product_name)),
	model_spec text,
	manufacturer_name text NOT NULL CHECK (core.present(manufacturer_name)),
	factory_name text NOT NULL CHECK (core.present(factory_name)),
	factory_address text,
	issued_on date NOT NULL,
	valid_to date NOT NULL,
	status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'suspended', 'revoked', 'cancelled', 'expired')),
	status_changed_on date,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	CHECK (issued_on < valid_to),
	CHECK (status_changed_on >= issued_on)
);
COMMENT ON TABLE product.ccc_certificate IS '强制性产品认证（CCC）证书（本市企业持有的）';
COMMENT ON COLUMN product.ccc_certificate.id IS '内部编号';
COMMENT ON COLUMN product.ccc_certificate.certificate_no IS 'CCC 证书编号（16 位）';
COMMENT ON COLUMN product.ccc_certificate.entity_id IS '证书持有人（本市主体）';
COMMENT ON COLUMN product.ccc_certificate.certification_body_id IS '发证认证机构';
COMMENT ON COLUMN product.ccc_certificate.catalog_code IS '重点产品目录类别';
COMMENT ON COLUMN product.ccc_certificate.product_category IS 'CCC 产品种类（如 电线电缆、家用和类似用途设备）';
COMMENT ON COLUMN product.ccc_certificate.product_name IS '产品名称';
COMMENT ON COLUMN product.ccc_certificate.model_spec IS '型号规格';
COMMENT ON COLUMN product.ccc_certificate.manufacturer_name IS '制造商名称';
COMMENT ON COLUMN product.ccc_certificate.factory_name IS '生产企业（工厂）名称';
COMMENT ON COLUMN product.ccc_certificate.factory_address IS '生产企业地址';
COMMENT ON COLUMN product.ccc_certificate.issued_on IS '发证日期';
COMMENT ON COLUMN product.ccc_certificate.valid_to IS '有效期至';
COMMENT ON COLUMN product.ccc_certificate.status IS '状态：valid 有效，suspended 暂停，revoked 撤销，cancelled 注销，expired 过期';
COMMENT ON COLUMN product.ccc_certificate.status_changed_on IS '状态变更日期';
COMMENT ON COLUMN product.ccc_certificate.source_system IS '来源系统';
COMMENT ON COLUMN product.ccc_certificate.loaded_at IS '入库时间';
CREATE INDEX ccc_certificate_entity_id_idx ON product.ccc_certificate (entity_id);
CREATE INDEX ccc_certificate_certification_body_id_idx ON product.ccc_certificate (certification_body_id);

CREATE TABLE product.measuring_instrument (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	instrument_kind_code text NOT NULL REFERENCES core.instrument_kind (code),
	model text,
	manufacturer text,
	factory_no text NOT NULL CHECK (core.present(factory_no)),
	location text,
	registered_on date NOT NULL,
	status text NOT NULL DEFAULT 'in_use' CHECK (status IN ('in_use', 'stopped', 'scrapped')),
	last_verified_on date,
	next_due_on date,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (entity_id, instrument_kind_code, factory_no),
	CHECK (next_due_on > last_verified_on)
);
COMMENT ON TABLE product.measuring_instrument IS '强制检定计量器具备案（使用单位的在用器具）';
COMMENT ON COLUMN product.measuring_instrument.id IS '内部编号';
COMMENT ON COLUMN product.measuring_instrument.entity_id IS '使用单位';
COMMENT ON COLUMN product.measuring_instrument.instrument_kind_code IS '器具种类';
COMMENT ON COLUMN product.measuring_instrument.model IS '型号规格';
COMMENT ON COLUMN product.measuring_instrument.manufacturer IS '制造单位';
COMMENT ON COLUMN product.measuring_instrument.factory_no IS '出厂编号';
COMMENT ON COLUMN product.measuring_instrument.location IS '安装使用地点';
COMMENT ON COLUMN product.measuring_instrument.registered_on IS '备案日期';
COMMENT ON COLUMN product.measuring_instrument.status IS '状态：in_use 在用，stopped 停用，scrapped 报废';
COMMENT ON COLUMN product.measuring_instrument.last_verified_on IS '最近检定日期（由检定记录维护）';
COMMENT ON COLUMN product.measuring_instrument.next_due_on IS '下次检定日期（由检定记录维护）';
COMMENT ON COLUMN product.measuring_instrument.source_system IS '来源系统';
COMMENT ON COLUMN product.measuring_instrument.loaded_at IS '入库时间';
CREATE INDEX measuring_instrument_entity_id_idx ON product.measuring_instrument (entity_id);
CREATE INDEX measuring_instrument_next_due_on_idx ON product.measuring_instrument (next_due_on);

CREATE TABLE product.instrument_verification (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	certificate_no text NOT NULL UNIQUE CHECK (core.present(certificate_no)),
	instrument_id bigint NOT NULL REFERENCES product.measuring_instrument (id),
	lab_id bigint REFERENCES nqi.lab (id),
	verifying_body text NOT NULL CHECK (core.present(verifying_body)),
	verified_on date NOT NULL,
	conclusion text NOT NULL CHECK (conclusion IN ('pass', 'fail')),
	next_due_on date,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	CHECK (next_due_on > verified_on),
	CHECK (conclusion = 'pass' OR next_due_on IS NULL)
);
COMMENT ON TABLE product.instrument_verification IS '计量器具强制检定记录';
COMMENT ON COLUMN product.instrument_verification.id IS '内部编号';
COMMENT ON COLUMN product.instrument_verification.certificate_no IS '检定证书（不合格通知书）编号';
COMMENT ON COLUMN product.instrument_verification.instrument_id IS '计量器具';
COMMENT ON COLUMN product.instrument_verification.lab_id IS '检定机构（本市检验检测机构）';
COMMENT ON COLUMN product.instrument_verification.verifying_body IS '检定机构名称';
COMMENT ON COLUMN product.instrument_verification.verified_on IS '检定日期';
COMMENT ON COLUMN product.instrument_verification.conclusion IS '检定结论：pass 合格，fail 不合格';
COMMENT ON COLUMN product.instrument_verification.next_due_on IS '有效期至（下次检定日期，不合格为空）';
COMMENT ON COLUMN product.instrument_verification.source_system IS '来源系统';
COMMENT ON COLUMN product.instrument_verification.loaded_at IS '入库时间';
CREATE INDEX instrument_verification_instrument_id_idx ON product.instrument_verification (instrument_id, verified_on);
CREATE INDEX instrument_verification_lab_id_idx ON product.instrument_verification (lab_id);

-- The instrument shows its latest verification.
CREATE FUNCTION product.note_verification() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	UPDATE product.measuring_instrument i
	   SET last_verified_on = NEW.verified_on, next_due_on = NEW.next_due_on
	 WHERE i.id = NEW.instrument_id
	   AND (i.last_verified_on IS NULL OR i.last_verified_on <= NEW.verified_on);
	RETURN NULL;
END $$;
COMMENT ON FUNCTION product.note_verification() IS '触发器：检定记录写入后更新器具的最近检定日期和下次检定日期';
CREATE TRIGGER instrument_verification_note AFTER INSERT ON product.instrument_verification
	FOR EACH ROW EXECUTE FUNCTION product.note_verification();

GRANT SELECT ON product.key_product_catalog TO smcon_staff;
