-- 0021 价费管理库: government-set and government-guided prices, the fee
-- catalogue, fee inspections, and price monitoring (points, commodities,
-- observations). Unit prices are numeric(18,4) (tariffs such as 0.5283
-- 元/千瓦时 need four places); sums of money are numeric(18,2).

CREATE SCHEMA price;
COMMENT ON SCHEMA price IS '价费管理库：政府定价和指导价、收费目录、收费检查、价格监测';
GRANT USAGE ON SCHEMA price TO smcon_staff;

CREATE TABLE price.government_price (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	code text NOT NULL UNIQUE CHECK (core.present(code)),
	item_name text NOT NULL CHECK (core.present(item_name)),
	category text NOT NULL CHECK (core.present(category)),
	pricing_form text NOT NULL CHECK (pricing_form IN ('government_set', 'government_guided')),
	unit text NOT NULL CHECK (core.present(unit)),
	price numeric(18,4) CHECK (price >= 0),
	price_lower numeric(18,4) CHECK (price_lower >= 0),
	price_upper numeric(18,4) CHECK (price_upper >= 0),
	entity_id bigint REFERENCES core.entity (id),
	approval_doc_no text NOT NULL CHECK (core.present(approval_doc_no)),
	approving_authority text NOT NULL CHECK (core.present(approving_authority)),
	effective_from date NOT NULL,
	effective_to date,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	CHECK (num_nonnulls(price, price_lower, price_upper) > 0),
	CHECK (pricing_form = 'government_guided' OR price IS NOT NULL),
	CHECK (price_lower <= price_upper),
	CHECK (price >= price_lower),
	CHECK (price <= price_upper),
	CHECK (effective_to >= effective_from)
);
COMMENT ON TABLE price.government_price IS '政府定价、政府指导价项目及标准（如 居民生活用水、管道天然气、停车收费、景区门票）';
COMMENT ON COLUMN price.government_price.id IS '内部编号';
COMMENT ON COLUMN price.government_price.code IS '项目编码';
COMMENT ON COLUMN price.government_price.item_name IS '项目名称';
COMMENT ON COLUMN price.government_price.category IS '类别（如 公用事业、公益性服务、交通运输、医疗服务）';
COMMENT ON COLUMN price.government_price.pricing_form IS '定价形式：government_set 政府定价，government_guided 政府指导价';
COMMENT ON COLUMN price.government_price.unit IS '计价单位（如 元/立方米、元/小时）';
COMMENT ON COLUMN price.government_price.price IS '价格（政府定价或基准价），元';
COMMENT ON COLUMN price.government_price.price_lower IS '下限（浮动幅度下限），元';
COMMENT ON COLUMN price.government_price.price_upper IS '上限（最高限价），元';
COMMENT ON COLUMN price.government_price.entity_id IS '适用的特定经营者（如 供水企业；普遍适用为空）';
COMMENT ON COLUMN price.government_price.approval_doc_no IS '定价文件文号';
COMMENT ON COLUMN price.government_price.approving_authority IS '定价机关';
COMMENT ON COLUMN price.government_price.effective_from IS '执行日期';
COMMENT ON COLUMN price.government_price.effective_to IS '停止执行日期（现行为空）';
COMMENT ON COLUMN price.government_price.source_system IS '来源系统';
COMMENT ON COLUMN price.government_price.loaded_at IS '入库时间';
CREATE INDEX government_price_entity_id_idx ON price.government_price (entity_id);

CREATE TABLE price.fee_item (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	code text NOT NULL UNIQUE CHECK (core.present(code)),
	name text NOT NULL CHECK (core.present(name)),
	kind text NOT NULL CHECK (kind IN ('administrative', 'operating_service', 'association')),
	charging_unit_name text NOT NULL CHECK (core.present(charging_unit_name)),
	entity_id bigint REFERENCES core.entity (id),
	standard text NOT NULL CHECK (core.present(standard)),
	amount numeric(18,2) CHECK (amount >= 0),
	unit text,
	basis_doc text NOT NULL CHECK (core.present(basis_doc)),
	effective_from date NOT NULL,
	effective_to date,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	CHECK (effective_to >= effective_from)
);
COMMENT ON TABLE price.fee_item IS '收费目录清单（行政事业性收费、涉企经营服务性收费、行业协会收费）';
COMMENT ON COLUMN price.fee_item.id IS '内部编号';
COMMENT ON COLUMN price.fee_item.code IS '收费项目编码';
COMMENT ON COLUMN price.fee_item.name IS '收费项目名称';
COMMENT ON COLUMN price.fee_item.kind IS '类别：administrative 行政事业性收费，operating_service 经营服务性收费，association 行业协会商会收费';
COMMENT ON COLUMN price.fee_item.charging_unit_name IS '收费单位';
COMMENT ON COLUMN price.fee_item.entity_id IS '收费单位在主体名录中的对应主体';
COMMENT ON COLUMN price.fee_item.standard IS '收费标准（文字表述）';
COMMENT ON COLUMN price.fee_item.amount IS '收费金额，元（标准为固定金额时）';
COMMENT ON COLUMN price.fee_item.unit IS '计费单位';
COMMENT ON COLUMN price.fee_item.basis_doc IS '收费依据（文件名称及文号）';
COMMENT ON COLUMN price.fee_item.effective_from IS '执行日期';
COMMENT ON COLUMN price.fee_item.effective_to IS '停止执行日期（现行为空）';
COMMENT ON COLUMN price.fee_item.source_system IS '来源系统';
COMMENT ON COLUMN price.fee_item.loaded_at IS '入库时间';
CREATE INDEX fee_item_entity_id_idx ON price.fee_item (entity_id);

CREATE TABLE price.fee_inspection (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	inspection_no text NOT NULL UNIQUE CHECK (core.present(inspection_no)),
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	org_id bigint NOT NULL REFERENCES core.org_unit (id),
	kind text NOT NULL CHECK (kind IN ('enterprise_fee', 'administrative_fee', 'price_tagging', 'special')),
	inspected_from date NOT NULL,
	inspected_to date NOT NULL,
	items_checked text,
	violation_found boolean NOT NULL,
	illegal_amount numeric(18,2) CHECK (illegal_amount >= 0),
	refunded_amount numeric(18,2) CHECK (refunded_amount >= 0),
	conclusion text,
	case_id bigint REFERENCES supervision.enforcement_case (id),
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	CHECK (inspected_from <= inspected_to),
	CHECK (violation_found OR coalesce(illegal_amount, 0) = 0),
	CHECK (refunded_amount <= illegal_amount)
);
COMMENT ON TABLE price.fee_inspection IS '收费和明码标价检查';
COMMENT ON COLUMN price.fee_inspection.id IS '内部编号';
COMMENT ON COLUMN price.fee_inspection.inspection_no IS '检查编号';
COMMENT ON COLUMN price.fee_inspection.entity_id IS '被检查单位';
COMMENT ON COLUMN price.fee_inspection.org_id IS '检查机构';
COMMENT ON COLUMN price.fee_inspection.kind IS '检查类别：enterprise_fee 涉企收费，administrative_fee 行政事业性收费，price_tagging 明码标价，special 专项检查';
COMMENT ON COLUMN price.fee_inspection.inspected_from IS '检查开始日期';
COMMENT ON COLUMN price.fee_inspection.inspected_to IS '检查结束日期';
COMMENT ON COLUMN price.fee_inspection.items_checked IS '检查的收费项目';
COMMENT ON COLUMN price.fee_inspection.violation_found IS '是否发现违规';
COMMENT ON COLUMN price.fee_inspection.illegal_amount IS '违规收费金额，元';
COMMENT ON COLUMN price.fee_inspection.refunded_amount IS '已清退金额，元';
COMMENT ON COLUMN price.fee_inspection.conclusion IS '检查结论';
COMMENT ON COLUMN price.fee_inspection.case_id IS '立案查处的案件';
COMMENT ON COLUMN price.fee_inspection.source_system IS '来源系统';
COMMENT ON COLUMN price.fee_inspection.loaded_at IS '入库时间';
CREATE INDEX fee_inspection_entity_id_idx ON price.fee_inspection (entity_id);
CREATE INDEX fee_inspection_org_id_idx ON price.fee_inspection (org_id);
CREATE INDEX fee_inspection_case_id_idx ON price.fee_inspection (case_id);

-- ---------------------------------------------------------------------------
-- Price monitoring

CREATE TABLE price.commodity (
	code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
	name text NOT NULL UNIQUE,
	category text NOT NULL CHECK (core.present(category)),
	specification text,
	unit text NOT NULL CHECK (core.present(unit)),
	sort_order integer NOT NULL DEFAULT 0,
	active boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE price.commodity IS '价格监测品种（局可增补）';
COMMENT ON COLUMN price.commodity.code IS '品种代码';
COMMENT ON COLUMN price.commodity.name IS '品种名称';
COMMENT ON COLUMN price.commodity.category IS '类别（粮油、肉禽蛋、水产品、蔬菜、水果、能源）';
COMMENT ON COLUMN price.commodity.specification IS '规格等级';
COMMENT ON COLUMN price.commodity.unit IS '计价单位';
COMMENT ON COLUMN price.commodity.sort_order IS '显示顺序';
COMMENT ON COLUMN price.commodity.active IS '是否在用';

INSERT INTO price.commodity (code, name, category, specification, unit, sort_order) VALUES
	('japonica_rice', '粳米', '粮油', '标一', '元/500克', 1),
	('flour', '面粉', '粮油', '富强粉', '元/500克', 2),
	('soybean_oil', '大豆油', '粮油', '5 升桶装', '元/桶', 3),
	('pork_lean', '猪肉（精瘦肉）', '肉禽蛋', NULL, '元/500克', 4),
	('beef', '牛肉', '肉禽蛋', '鲜牛腿肉', '元/500克', 5),
	('chicken', '白条鸡', '肉禽蛋', NULL, '元/500克', 6),
	('egg', '鸡蛋', '肉禽蛋', '散装', '元/500克', 7),
	('crucian', '鲫鱼', '水产品', '活', '元/500克', 8),
	('cabbage', '青菜', '蔬菜', NULL, '元/500克', 9),
	('tomato', '西红柿', '蔬菜', NULL, '元/500克', 10),
	('potato', '土豆', '蔬菜', NULL, '元/500克', 11),
	('apple', '苹果', '水果', '红富士', '元/500克', 12),
	('gasoline_92', '92 号汽油', '能源', NULL, '元/升', 13),
	('diesel_0', '0 号柴油', '能源', NULL, '元/升', 14);

CREATE TABLE price.monitoring_point (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	code text NOT NULL UNIQUE CHECK (core.present(code)),
	name text NOT NULL CHECK (core.present(name)),
	kind text NOT NULL CHECK (kind IN ('farmers_market', 'supermarket', 'wholesale_market', 'gas_station', 'other')),
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	address text NOT NULL CHECK (core.present(address)),
	division_code char(6) REFERENCES core.division (code),
	active boolean NOT NULL DEFAULT true,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE price.monitoring_point IS '价格监测点';
COMMENT ON COLUMN price.monitoring_point.id IS '内部编号';
COMMENT ON COLUMN price.monitoring_point.code IS '监测点编号';
COMMENT ON COLUMN price.monitoring_point.name IS '监测点名称';
COMMENT ON COLUMN price.monitoring_point.kind IS '类别：farmers_market 农贸市场，supermarket 超市，wholesale_market 批发市场，gas_station 加油站，other 其他';
COMMENT ON COLUMN price.monitoring_point.entity_id IS '监测点经营主体';
COMMENT ON COLUMN price.monitoring_point.address IS '地址';
COMMENT ON COLUMN price.monitoring_point.division_code IS '所在行政区划';
COMMENT ON COLUMN price.monitoring_point.active IS '是否在用';
COMMENT ON COLUMN price.monitoring_point.source_system IS '来源系统';
COMMENT ON COLUMN price.monitoring_point.loaded_at IS '入库时间';
CREATE INDEX monitoring_point_entity_id_idx ON price.monitoring_point (entity_id);

CREATE TABLE price.price_observation (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	point_id bigint NOT NULL REFERENCES price.monitoring_point (id),
	commodity_code text NOT NULL REFERENCES price.commodity (code),
	observed_on date NOT NULL,
	price numeric(18,4) NOT NULL CHECK (price > 0),
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (point_id, commodity_code, observed_on)
);
COMMENT ON TABLE price.price_observation IS '价格监测数据（每监测点每品种每日一条）';
COMMENT ON COLUMN price.price_observation.id IS '内部编号';
COMMENT ON COLUMN price.price_observation.point_id IS '监测点';
COMMENT ON COLUMN price.price_observation.commodity_code IS '监测品种';
COMMENT ON COLUMN price.price_observation.observed_on IS '采价日期';
COMMENT ON COLUMN price.price_observation.price IS '价格，元（按品种计价单位）';
COMMENT ON COLUMN price.price_observation.source_system IS '来源系统';
COMMENT ON COLUMN price.price_observation.loaded_at IS '入库时间';
CREATE INDEX price_observation_commodity_idx ON price.price_observation (commodity_code, observed_on);

GRANT SELECT ON price.commodity TO smcon_staff;
