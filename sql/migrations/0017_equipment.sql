-- 0017 特种设备库: elevators first (the 96333 desk needs them), maintenance
-- units with 24-hour duty phones, rescue stations, maintenance records,
-- periodic inspections; other special equipment in one table beside them.
--
-- An elevator has a 20-digit registration code (注册代码): 4-digit category
-- (品种) + 6-digit division + YYYYMM + 4-digit sequence; the first four digits
-- must be its category. Its rescue identification code (救援识别码) is digits,
-- unique, and as long as core.setting 'rescue_code_length' says (6 in
-- Jiangsu; 5 or 7 elsewhere). Changing that setting checks only codes written
-- afterwards: re-issue the old ones when a province changes its length.

CREATE SCHEMA equipment;
COMMENT ON SCHEMA equipment IS '特种设备库：电梯及其他特种设备、维保单位、救援站点、维保记录、定期检验';
GRANT USAGE ON SCHEMA equipment TO smcon_staff;

CREATE TABLE equipment.maintenance_unit (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	entity_id bigint NOT NULL UNIQUE REFERENCES core.entity (id),
	licence_no text,
	licence_valid_to date,
	duty_phone core.phone NOT NULL,
	backup_phone core.phone,
	service_area text,
	status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'withdrawn')),
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE equipment.maintenance_unit IS '电梯维护保养单位（须设 24 小时值班电话）';
COMMENT ON COLUMN equipment.maintenance_unit.id IS '内部编号';
COMMENT ON COLUMN equipment.maintenance_unit.entity_id IS '维保单位（市场主体）';
COMMENT ON COLUMN equipment.maintenance_unit.licence_no IS '特种设备生产（安装、改造、修理）许可证编号';
COMMENT ON COLUMN equipment.maintenance_unit.licence_valid_to IS '许可证有效期至';
COMMENT ON COLUMN equipment.maintenance_unit.duty_phone IS '24 小时值班电话';
COMMENT ON COLUMN equipment.maintenance_unit.backup_phone IS '备用值班电话';
COMMENT ON COLUMN equipment.maintenance_unit.service_area IS '服务区域';
COMMENT ON COLUMN equipment.maintenance_unit.status IS '状态：active 在用，suspended 暂停派单，withdrawn 退出';
COMMENT ON COLUMN equipment.maintenance_unit.source_system IS '来源系统';
COMMENT ON COLUMN equipment.maintenance_unit.loaded_at IS '入库时间';

CREATE TABLE equipment.rescue_station (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	code text NOT NULL UNIQUE CHECK (core.present(code)),
	name text NOT NULL UNIQUE CHECK (core.present(name)),
	kind text NOT NULL CHECK (kind IN ('maintenance_post', 'public_station', 'fire_station')),
	entity_id bigint REFERENCES core.entity (id),
	address text NOT NULL CHECK (core.present(address)),
	division_code char(6) REFERENCES core.division (code),
	latitude numeric(9,6) CHECK (latitude BETWEEN -90 AND 90),
	longitude numeric(9,6) CHECK (longitude BETWEEN -180 AND 180),
	duty_phone core.phone NOT NULL,
	team_size smallint CHECK (team_size > 0),
	active boolean NOT NULL DEFAULT true,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	CHECK (kind <> 'maintenance_post' OR entity_id IS NOT NULL),
	CHECK ((latitude IS NULL) = (longitude IS NULL))
);
COMMENT ON TABLE equipment.rescue_station IS '电梯应急救援站点和队伍（二级响应就近派遣）';
COMMENT ON COLUMN equipment.rescue_station.id IS '内部编号';
COMMENT ON COLUMN equipment.rescue_station.code IS '站点编号';
COMMENT ON COLUMN equipment.rescue_station.name IS '站点名称';
COMMENT ON COLUMN equipment.rescue_station.kind IS '类别：maintenance_post 维保单位驻点，public_station 公共救援站，fire_station 消防救援站';
COMMENT ON COLUMN equipment.rescue_station.entity_id IS '所属单位（维保单位驻点必填）';
COMMENT ON COLUMN equipment.rescue_station.address IS '地址';
COMMENT ON COLUMN equipment.rescue_station.division_code IS '所在行政区划';
COMMENT ON COLUMN equipment.rescue_station.latitude IS '纬度（WGS-84）';
COMMENT ON COLUMN equipment.rescue_station.longitude IS '经度（WGS-84）';
COMMENT ON COLUMN equipment.rescue_station.duty_phone IS '24 小时值班电话';
COMMENT ON COLUMN equipment.rescue_station.team_size IS '救援人员数';
COMMENT ON COLUMN equipment.rescue_station.active IS '是否在用';
COMMENT ON COLUMN equipment.rescue_station.source_system IS '来源系统';
COMMENT ON COLUMN equipment.rescue_station.loaded_at IS '入库时间';
CREATE INDEX rescue_station_entity_id_idx ON equipment.rescue_station (entity_id);

CREATE TABLE equipment.elevator (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	registration_code text NOT NULL UNIQUE,
	category_code text NOT NULL REFERENCES core.elevator_category (code),
	rescue_code text UNIQUE,
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	maintenance_entity_id bigint REFERENCES core.entity (id),
	maintenance_contract_ends_on date,
	manufacturer_name text,
	model text,
	factory_no text,
	rated_load_kg integer CHECK (rated_load_kg > 0),
	rated_speed_mps numeric(5,2) CHECK (rated_speed_mps > 0),
	floors smallint CHECK (floors > 0),
	address text NOT NULL CHECK (core.present(address)),
	place_type text NOT NULL CHECK (place_type IN ('residential', 'office', 'shopping', 'hospital', 'school',
	                                               'transport', 'hotel', 'factory', 'public', 'other')),
	division_code char(6) NOT NULL REFERENCES core.division (code),
	district_org_id bigint NOT NULL REFERENCES core.org_unit (id),
	urban boolean NOT NULL DEFAULT true,
	latitude numeric(9,6) CHECK (latitude BETWEEN -90 AND 90),
	longitude numeric(9,6) CHECK (longitude BETWEEN -180 AND 180),
	use_certificate_no text UNIQUE,
	commissioned_on date,
	registered_on date,
	status text NOT NULL DEFAULT 'in_use' CHECK (status IN ('in_use', 'stopped', 'scrapped', 'cancelled')),
	last_maintained_on date,
	last_inspected_on date,
	next_inspection_due date,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (id, district_org_id),
	CONSTRAINT elevator_registration_code_format CHECK (registration_code ~ '^[0-9]{20}$'
		AND substr(registration_code, 11, 6) ~ '^(19[5-9][0-9]|2[01][0-9]{2})(0[1-9]|1[0-2])$'),
	CONSTRAINT elevator_code_matches_category CHECK (left(registration_code, 4) = category_code),
	CONSTRAINT elevator_rescue_code_format CHECK (rescue_code ~ '^[0-9]{5,7}$'),
	CHECK ((latitude IS NULL) = (longitude IS NULL)),
	CHECK (registered_on >= commissioned_on),
	CHECK (next_inspection_due > last_inspected_on)
);
COMMENT ON TABLE equipment.elevator IS '电梯（注册代码 20 位：品种 4 位 + 区划 6 位 + 年月 6 位 + 顺序号 4 位）';
COMMENT ON COLUMN equipment.elevator.id IS '内部编号';
COMMENT ON COLUMN equipment.elevator.registration_code IS '设备注册代码（20 位，前四位为品种代码）';
COMMENT ON COLUMN equipment.elevator.category_code IS '电梯品种';
COMMENT ON COLUMN equipment.elevator.rescue_code IS '96333 救援识别码（纯数字，位数见系统参数 rescue_code_length）';
COMMENT ON COLUMN equipment.elevator.entity_id IS '使用单位';
COMMENT ON COLUMN equipment.elevator.maintenance_entity_id IS '签约维保单位（一级响应单位）';
COMMENT ON COLUMN equipment.elevator.maintenance_contract_ends_on IS '维保合同到期日';
COMMENT ON COLUMN equipment.elevator.manufacturer_name IS '制造单位';
COMMENT ON COLUMN equipment.elevator.model IS '型号';
COMMENT ON COLUMN equipment.elevator.factory_no IS '出厂编号';
COMMENT ON COLUMN equipment.elevator.rated_load_kg IS '额定载重量（千克）';
COMMENT ON COLUMN equipment.elevator.rated_speed_mps IS '额定速度（米/秒）';
COMMENT ON COLUMN equipment.elevator.floors IS '层站数';
COMMENT ON COLUMN equipment.elevator.address IS '安装地点（小区、楼栋、单元）';
COMMENT ON COLUMN equipment.elevator.place_type IS '使用场所：residential 住宅，office 办公，shopping 商场，hospital 医院，school 学校，transport 交通场站，hotel 宾馆，factory 厂矿，public 公共设施，other 其他';
COMMENT ON COLUMN equipment.elevator.division_code IS '所在行政区划（现行）';
COMMENT ON COLUMN equipment.elevator.district_org_id IS '属地区（县级市）局，96333 事件据此确定数据范围';
COMMENT ON COLUMN equipment.elevator.urban IS '是否位于市区（决定救援到场时限 30 或 60 分钟）';
COMMENT ON COLUMN equipment.elevator.latitude IS '纬度（WGS-84）';
COMMENT ON COLUMN equipment.elevator.longitude IS '经度（WGS-84）';
COMMENT ON COLUMN equipment.elevator.use_certificate_no IS '使用登记证编号';
COMMENT ON COLUMN equipment.elevator.commissioned_on IS '投入使用日期';
COMMENT ON COLUMN equipment.elevator.registered_on IS '使用登记日期';
COMMENT ON COLUMN equipment.elevator.status IS '状态：in_use 在用，stopped 停用，scrapped 报废，cancelled 注销';
COMMENT ON COLUMN equipment.elevator.last_maintained_on IS '最近维保日期（由维保记录维护）';
COMMENT ON COLUMN equipment.elevator.last_inspected_on IS '最近检验日期（由检验记录维护）';
COMMENT ON COLUMN equipment.elevator.next_inspection_due IS '下次检验日期（由检验记录维护，过期则接警时提示）';
COMMENT ON COLUMN equipment.elevator.source_system IS '来源系统';
COMMENT ON COLUMN equipment.elevator.loaded_at IS '入库时间';
COMMENT ON COLUMN equipment.elevator.created_at IS '建档时间';
COMMENT ON COLUMN equipment.elevator.updated_at IS '最后修改时间';
CREATE INDEX elevator_entity_id_idx ON equipment.elevator (entity_id);
CREATE INDEX elevator_maintenance_entity_id_idx ON equipment.elevator (maintenance_entity_id);
CREATE INDEX elevator_district_org_id_idx ON equipment.elevator (district_org_id);
CREATE INDEX elevator_next_inspection_due_idx ON equipment.elevator (next_inspection_due);
CREATE TRIGGER elevator_updated_at BEFORE UPDATE ON equipment.elevator
	FOR EACH ROW EXECUTE FUNCTION core.set_updated_at();

-- The rescue code is as long as the province says.
CREATE FUNCTION equipment.check_rescue_code_length() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	want int;
BEGIN
	IF NEW.rescue_code IS NULL OR (TG_OP = 'UPDATE' AND NEW.rescue_code IS NOT DISTINCT FROM OLD.rescue_code) THEN
		RETURN NEW;
	END IF;
	want := core.setting_int('rescue_code_length');
	IF length(NEW.rescue_code) <> want THEN
		RAISE EXCEPTION '救援识别码 % 应为 % 位数字', NEW.rescue_code, want
			USING ERRCODE = 'check_violation', CONSTRAINT = 'elevator_rescue_code_length';
	END IF;
	RETURN NEW;
END $$;
COMMENT ON FUNCTION equipment.check_rescue_code_length() IS '触发器：救援识别码位数须等于系统参数 rescue_code_length';
CREATE TRIGGER elevator_rescue_code_length BEFORE INSERT OR UPDATE OF rescue_code ON equipment.elevator
	FOR EACH ROW EXECUTE FUNCTION equipment.check_rescue_code_length();

CREATE TABLE equipment.maintenance_record (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	record_no text UNIQUE,
	elevator_id bigint NOT NULL REFERENCES equipment.elevator (id),
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	maintained_on date NOT NULL,
	kind text NOT NULL CHECK (kind IN ('half_month', 'quarter', 'half_year', 'year', 'repair')),
	technicians text NOT NULL CHECK (core.present(technicians)),
	findings text,
	user_confirmed boolean NOT NULL DEFAULT false,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE equipment.maintenance_record IS '电梯维护保养记录（每台至少每 15 日一次）';
COMMENT ON COLUMN equipment.maintenance_record.id IS '内部编号';
COMMENT ON COLUMN equipment.maintenance_record.record_no IS '维保记录编号';
COMMENT ON COLUMN equipment.maintenance_record.elevator_id IS '电梯';
COMMENT ON COLUMN equipment.maintenance_record.entity_id IS '维保单位';
COMMENT ON COLUMN equipment.maintenance_record.maintained_on IS '维保日期';
COMMENT ON COLUMN equipment.maintenance_record.kind IS '类别：half_month 半月，quarter 季度，half_year 半年，year 年度，repair 维修';
COMMENT ON COLUMN equipment.maintenance_record.technicians IS '维保人员（姓名、作业证号）';
COMMENT ON COLUMN equipment.maintenance_record.findings IS '发现的问题及处理';
COMMENT ON COLUMN equipment.maintenance_record.user_confirmed IS '使用单位是否签字确认';
COMMENT ON COLUMN equipment.maintenance_record.source_system IS '来源系统';
COMMENT ON COLUMN equipment.maintenance_record.loaded_at IS '入库时间';
CREATE INDEX maintenance_record_elevator_id_idx ON equipment.maintenance_record (elevator_id, maintained_on);
CREATE INDEX maintenance_record_entity_id_idx ON equipment.maintenance_record (entity_id);

CREATE TABLE equipment.periodic_inspection (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	report_no text NOT NULL UNIQUE CHECK (core.present(report_no)),
	elevator_id bigint NOT NULL REFERENCES equipment.elevator (id),
	lab_id bigint REFERENCES nqi.lab (id),
	inspection_body text NOT NULL CHECK (core.present(inspection_body)),
	kind text NOT NULL CHECK (kind IN ('periodic', 'supervisory')),
	inspected_on date NOT NULL,
	conclusion text NOT NULL CHECK (conclusion IN ('pass', 'pass_after_rectification', 'fail')),
	next_due_on date,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	CHECK (next_due_on > inspected_on),
	CHECK (conclusion = 'fail' OR next_due_on IS NOT NULL)
);
COMMENT ON TABLE equipment.periodic_inspection IS '电梯检验记录（定期检验每年一次）';
COMMENT ON COLUMN equipment.periodic_inspection.id IS '内部编号';
COMMENT ON COLUMN equipment.periodic_inspection.report_no IS '检验报告编号';
COMMENT ON COLUMN equipment.periodic_inspection.elevator_id IS '电梯';
COMMENT ON COLUMN equipment.periodic_inspection.lab_id IS '检验机构（本市检验检测机构）';
COMMENT ON COLUMN equipment.periodic_inspection.inspection_body IS '检验机构名称';
COMMENT ON COLUMN equipment.periodic_inspection.kind IS '检验类别：periodic 定期检验，supervisory 监督检验（安装、改造、重大修理）';
COMMENT ON COLUMN equipment.periodic_inspection.inspected_on IS '检验日期';
COMMENT ON COLUMN equipment.periodic_inspection.conclusion IS '检验结论：pass 合格，pass_after_rectification 复检合格，fail 不合格';
COMMENT ON COLUMN equipment.periodic_inspection.next_due_on IS '下次检验日期';
COMMENT ON COLUMN equipment.periodic_inspection.source_system IS '来源系统';
COMMENT ON COLUMN equipment.periodic_inspection.loaded_at IS '入库时间';
CREATE INDEX periodic_inspection_elevator_id_idx ON equipment.periodic_inspection (elevator_id, inspected_on);
CREATE INDEX periodic_inspection_lab_id_idx ON equipment.periodic_inspection (lab_id);

-- The elevator shows its latest maintenance and inspection.
CREATE FUNCTION equipment.note_elevator_record() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF TG_TABLE_NAME = 'maintenance_record' THEN
		UPDATE equipment.elevator e SET last_maintained_on = NEW.maintained_on
		 WHERE e.id = NEW.elevator_id
		   AND (e.last_maintained_on IS NULL OR e.last_maintained_on < NEW.maintained_on);
	ELSE
		UPDATE equipment.elevator e
		   SET last_inspected_on = NEW.inspected_on, next_inspection_due = NEW.next_due_on
		 WHERE e.id = NEW.elevator_id
		   AND (e.last_inspected_on IS NULL OR e.last_inspected_on <= NEW.inspected_on);
	END IF;
	RETURN NULL;
END $$;
COMMENT ON FUNCTION equipment.note_elevator_record() IS '触发器：维保、检验记录写入后更新电梯的最近维保、检验日期和下次检验日期';
CREATE TRIGGER maintenance_record_note AFTER INSERT ON equipment.maintenance_record
	FOR EACH ROW EXECUTE FUNCTION equipment.note_elevator_record();
CREATE TRIGGER periodic_inspection_note AFTER INSERT ON equipment.periodic_inspection
	FOR EACH ROW EXECUTE FUNCTION equipment.note_elevator_record();

CREATE TABLE equipment.special_equipment (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	registration_code text NOT NULL UNIQUE CHECK (registration_code ~ '^[0-9A-Z]{10,24}$'),
	category_code text NOT NULL CHECK (category_code ~ '^[124-689][0-9A-Z]{3}$'),
	equipment_name text NOT NULL CHECK (core.present(equipment_name)),
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	model text,
	factory_no text,
	address text NOT NULL CHECK (core.present(address)),
	division_code char(6) NOT NULL REFERENCES core.division (code),
	district_org_id bigint NOT NULL REFERENCES core.org_unit (id),
	use_certificate_no text UNIQUE,
	registered_on date,
	status text NOT NULL DEFAULT 'in_use' CHECK (status IN ('in_use', 'stopped', 'scrapped', 'cancelled')),
	last_inspected_on date,
	next_inspection_due date,
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	CHECK (next_inspection_due > last_inspected_on)
);
COMMENT ON TABLE equipment.special_equipment IS '电梯以外的特种设备（锅炉、压力容器、起重机械、场（厂）内专用机动车辆、大型游乐设施、压力管道、客运索道）';
COMMENT ON COLUMN equipment.special_equipment.id IS '内部编号';
COMMENT ON COLUMN equipment.special_equipment.registration_code IS '设备代码（注册代码）';
COMMENT ON COLUMN equipment.special_equipment.category_code IS '特种设备目录代码（1 锅炉，2 压力容器，4 起重机械，5 场（厂）内专用机动车辆，6 大型游乐设施，8 压力管道，9 客运索道）';
COMMENT ON COLUMN equipment.special_equipment.equipment_name IS '设备名称';
COMMENT ON COLUMN equipment.special_equipment.entity_id IS '使用单位';
COMMENT ON COLUMN equipment.special_equipment.model IS '型号';
COMMENT ON COLUMN equipment.special_equipment.factory_no IS '出厂编号';
COMMENT ON COLUMN equipment.special_equipment.address IS '使用地点';
COMMENT ON COLUMN equipment.special_equipment.division_code IS '所在行政区划（现行）';
COMMENT ON COLUMN equipment.special_equipment.district_org_id IS '属地区（县级市）局';
COMMENT ON COLUMN equipment.special_equipment.use_certificate_no IS '使用登记证编号';
COMMENT ON COLUMN equipment.special_equipment.registered_on IS '使用登记日期';
COMMENT ON COLUMN equipment.special_equipment.status IS '状态：in_use 在用，stopped 停用，scrapped 报废，cancelled 注销';
COMMENT ON COLUMN equipment.special_equipment.last_inspected_on IS '最近检验日期';
COMMENT ON COLUMN equipment.special_equipment.next_inspection_due IS '下次检验日期';
COMMENT ON COLUMN equipment.special_equipment.source_system IS '来源系统';
COMMENT ON COLUMN equipment.special_equipment.loaded_at IS '入库时间';
CREATE INDEX special_equipment_entity_id_idx ON equipment.special_equipment (entity_id);
CREATE INDEX special_equipment_district_org_id_idx ON equipment.special_equipment (district_org_id);
