-- 0023 社会共治库: open-kitchen (明厨亮灶) restaurants, farmers' markets,
-- their quick tests (快检) and the bureau's monitoring of the markets.

CREATE SCHEMA cogov;
COMMENT ON SCHEMA cogov IS '社会共治库：明厨亮灶、农贸市场、市场快检、农贸市场监测';
GRANT USAGE ON SCHEMA cogov TO smcon_staff;

CREATE TABLE cogov.open_kitchen (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	entity_id bigint NOT NULL UNIQUE REFERENCES core.entity (id),
	food_licence_id bigint REFERENCES fooddrug.food_licence (id),
	org_id bigint NOT NULL REFERENCES core.org_unit (id),
	mode text NOT NULL CHECK (mode IN ('glass', 'video', 'internet')),
	camera_count smallint CHECK (camera_count >= 0),
	platform_url text CHECK (platform_url ~ '^https?://'),
	joined_on date NOT NULL,
	status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'withdrawn')),
	last_checked_on date,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	CHECK (mode <> 'internet' OR platform_url IS NOT NULL),
	CHECK (mode = 'glass' OR camera_count > 0),
	CHECK (last_checked_on >= joined_on)
);
COMMENT ON TABLE cogov.open_kitchen IS '明厨亮灶餐饮单位';
COMMENT ON COLUMN cogov.open_kitchen.id IS '内部编号';
COMMENT ON COLUMN cogov.open_kitchen.entity_id IS '餐饮服务提供者';
COMMENT ON COLUMN cogov.open_kitchen.food_licence_id IS '食品经营许可证';
COMMENT ON COLUMN cogov.open_kitchen.org_id IS '属地监管机构（市场监管所）';
COMMENT ON COLUMN cogov.open_kitchen.mode IS '展示方式：glass 透明玻璃，video 视频展示，internet 互联网+明厨亮灶';
COMMENT ON COLUMN cogov.open_kitchen.camera_count IS '摄像头数量';
COMMENT ON COLUMN cogov.open_kitchen.platform_url IS '公众查看地址';
COMMENT ON COLUMN cogov.open_kitchen.joined_on IS '建成接入日期';
COMMENT ON COLUMN cogov.open_kitchen.status IS '状态：active 在用，suspended 暂停（设备故障等），withdrawn 退出';
COMMENT ON COLUMN cogov.open_kitchen.last_checked_on IS '最近一次巡查日期';
COMMENT ON COLUMN cogov.open_kitchen.source_system IS '来源系统';
COMMENT ON COLUMN cogov.open_kitchen.loaded_at IS '入库时间';
CREATE INDEX open_kitchen_org_id_idx ON cogov.open_kitchen (org_id);
CREATE INDEX open_kitchen_food_licence_id_idx ON cogov.open_kitchen (food_licence_id);

CREATE TABLE cogov.farmers_market (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	code text NOT NULL UNIQUE CHECK (core.present(code)),
	name text NOT NULL CHECK (core.present(name)),
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	address text NOT NULL CHECK (core.present(address)),
	division_code char(6) REFERENCES core.division (code),
	org_id bigint NOT NULL REFERENCES core.org_unit (id),
	stall_count integer CHECK (stall_count >= 0),
	star_rating smallint CHECK (star_rating BETWEEN 1 AND 5),
	has_quick_test_room boolean NOT NULL DEFAULT false,
	status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'renovating', 'closed')),
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE cogov.farmers_market IS '农贸市场';
COMMENT ON COLUMN cogov.farmers_market.id IS '内部编号';
COMMENT ON COLUMN cogov.farmers_market.code IS '市场编号';
COMMENT ON COLUMN cogov.farmers_market.name IS '市场名称';
COMMENT ON COLUMN cogov.farmers_market.entity_id IS '市场开办者';
COMMENT ON COLUMN cogov.farmers_market.address IS '地址';
COMMENT ON COLUMN cogov.farmers_market.division_code IS '所在行政区划';
COMMENT ON COLUMN cogov.farmers_market.org_id IS '属地监管机构（市场监管所）';
COMMENT ON COLUMN cogov.farmers_market.stall_count IS '摊位数';
COMMENT ON COLUMN cogov.farmers_market.star_rating IS '星级（文明诚信市场评定）';
COMMENT ON COLUMN cogov.farmers_market.has_quick_test_room IS '是否设有快检室';
COMMENT ON COLUMN cogov.farmers_market.status IS '状态：open 营业，renovating 改造中，closed 关闭';
COMMENT ON COLUMN cogov.farmers_market.source_system IS '来源系统';
COMMENT ON COLUMN cogov.farmers_market.loaded_at IS '入库时间';
CREATE INDEX farmers_market_entity_id_idx ON cogov.farmers_market (entity_id);
CREATE INDEX farmers_market_org_id_idx ON cogov.farmers_market (org_id);

CREATE TABLE cogov.quick_test (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	test_no text NOT NULL UNIQUE CHECK (core.present(test_no)),
	market_id bigint REFERENCES cogov.farmers_market (id),
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	stall_no text,
	sample_name text NOT NULL CHECK (core.present(sample_name)),
	sample_category text NOT NULL CHECK (sample_category IN ('vegetable', 'fruit', 'livestock_meat', 'poultry',
	                                                         'aquatic', 'egg', 'grain_oil', 'other')),
	test_item text NOT NULL CHECK (core.present(test_item)),
	method text,
	performed_by text NOT NULL CHECK (performed_by IN ('market', 'regulator', 'third_party')),
	tester text,
	tested_at timestamptz NOT NULL,
	result text NOT NULL CHECK (result IN ('negative', 'positive')),
	disposal text,
	sampling_id bigint REFERENCES fooddrug.sampling (id),
	published boolean NOT NULL DEFAULT true,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	CHECK (result = 'negative' OR core.present(disposal))
);
COMMENT ON TABLE cogov.quick_test IS '食用农产品快速检测（快检结果当日公示）';
COMMENT ON COLUMN cogov.quick_test.id IS '内部编号';
COMMENT ON COLUMN cogov.quick_test.test_no IS '快检编号';
COMMENT ON COLUMN cogov.quick_test.market_id IS '所在农贸市场（超市等为空）';
COMMENT ON COLUMN cogov.quick_test.entity_id IS '被检经营者（摊主或商户）';
COMMENT ON COLUMN cogov.quick_test.stall_no IS '摊位号';
COMMENT ON COLUMN cogov.quick_test.sample_name IS '样品名称';
COMMENT ON COLUMN cogov.quick_test.sample_category IS '样品类别：vegetable 蔬菜，fruit 水果，livestock_meat 畜肉，poultry 禽肉，aquatic 水产品，egg 蛋类，grain_oil 粮油，other 其他';
COMMENT ON COLUMN cogov.quick_test.test_item IS '检测项目（如 有机磷和氨基甲酸酯类农药、克伦特罗、孔雀石绿）';
COMMENT ON COLUMN cogov.quick_test.method IS '检测方法（如 酶抑制率法、胶体金免疫层析）';
COMMENT ON COLUMN cogov.quick_test.performed_by IS '检测者：market 市场快检室，regulator 监管部门，third_party 第三方机构';
COMMENT ON COLUMN cogov.quick_test.tester IS '检测人员';
COMMENT ON COLUMN cogov.quick_test.tested_at IS '检测时间';
COMMENT ON COLUMN cogov.quick_test.result IS '结果：negative 阴性（合格），positive 阳性（不合格）';
COMMENT ON COLUMN cogov.quick_test.disposal IS '阳性处置（下架、销毁、送检）';
COMMENT ON COLUMN cogov.quick_test.sampling_id IS '阳性送检后的抽样检验';
COMMENT ON COLUMN cogov.quick_test.published IS '是否已公示';
COMMENT ON COLUMN cogov.quick_test.source_system IS '来源系统';
COMMENT ON COLUMN cogov.quick_test.loaded_at IS '入库时间';
CREATE INDEX quick_test_entity_id_idx ON cogov.quick_test (entity_id);
CREATE INDEX quick_test_market_id_idx ON cogov.quick_test (market_id, tested_at);
CREATE INDEX quick_test_sampling_id_idx ON cogov.quick_test (sampling_id);

CREATE TABLE cogov.market_inspection (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	market_id bigint NOT NULL REFERENCES cogov.farmers_market (id),
	org_id bigint NOT NULL REFERENCES core.org_unit (id),
	inspected_on date NOT NULL,
	inspected_by_staff_id bigint REFERENCES core.staff (id),
	score numeric(5,1) CHECK (score BETWEEN 0 AND 100),
	problems text,
	rectification_due_on date,
	rectified_on date,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	CHECK (rectification_due_on >= inspected_on),
	CHECK (rectified_on >= inspected_on),
	CHECK (rectification_due_on IS NULL OR core.present(problems))
);
COMMENT ON TABLE cogov.market_inspection IS '农贸市场监测巡查（食品安全、计量、明码标价、环境秩序）';
COMMENT ON COLUMN cogov.market_inspection.id IS '内部编号';
COMMENT ON COLUMN cogov.market_inspection.market_id IS '农贸市场';
COMMENT ON COLUMN cogov.market_inspection.org_id IS '巡查机构';
COMMENT ON COLUMN cogov.market_inspection.inspected_on IS '巡查日期';
COMMENT ON COLUMN cogov.market_inspection.inspected_by_staff_id IS '巡查人';
COMMENT ON COLUMN cogov.market_inspection.score IS '评分（百分制）';
COMMENT ON COLUMN cogov.market_inspection.problems IS '发现的问题';
COMMENT ON COLUMN cogov.market_inspection.rectification_due_on IS '整改期限';
COMMENT ON COLUMN cogov.market_inspection.rectified_on IS '整改完成日期';
COMMENT ON COLUMN cogov.market_inspection.source_system IS '来源系统';
COMMENT ON COLUMN cogov.market_inspection.loaded_at IS '入库时间';
CREATE INDEX market_inspection_market_id_idx ON cogov.market_inspection (market_id, inspected_on);
CREATE INDEX market_inspection_org_id_idx ON cogov.market_inspection (org_id);
CREATE INDEX market_inspection_inspected_by_staff_id_idx ON cogov.market_inspection (inspected_by_staff_id);
