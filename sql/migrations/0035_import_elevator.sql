-- 0035 importing elevators (smcon import elevator FILE.csv) from the special
-- equipment register, by registration code. The using unit and the
-- maintenance unit are given by their USCC and must be in the entity master;
-- the district bureau follows from the division unless the file names it,
-- the category from the registration code's first four digits. Each row
-- inserted or changed is logged in meta.import_change.

INSERT INTO meta.code_label (list, code, label) VALUES
	('place_type', 'residential', '住宅'), ('place_type', 'residential', '住宅小区'),
	('place_type', 'office', '办公'), ('place_type', 'office', '写字楼'),
	('place_type', 'shopping', '商场'), ('place_type', 'shopping', '商场超市'),
	('place_type', 'hospital', '医院'), ('place_type', 'school', '学校'),
	('place_type', 'transport', '交通场站'), ('place_type', 'transport', '车站'),
	('place_type', 'hotel', '宾馆'), ('place_type', 'hotel', '酒店'),
	('place_type', 'factory', '厂矿'), ('place_type', 'factory', '工厂'),
	('place_type', 'public', '公共设施'), ('place_type', 'other', '其他'),
	('equipment_status', 'in_use', '在用'), ('equipment_status', 'stopped', '停用'),
	('equipment_status', 'scrapped', '报废'), ('equipment_status', 'cancelled', '注销');

COMMENT ON CONSTRAINT elevator_registration_code_format ON equipment.elevator IS
	'设备注册代码应为 20 位数字，第 11–16 位为年月（如 201806）';
COMMENT ON CONSTRAINT elevator_code_matches_category ON equipment.elevator IS '注册代码前四位与电梯品种不符';
COMMENT ON CONSTRAINT elevator_rescue_code_format ON equipment.elevator IS '救援识别码应为 5 到 7 位数字';
COMMENT ON CONSTRAINT elevator_rescue_code_key ON equipment.elevator IS '救援识别码已属于另一台电梯';
COMMENT ON CONSTRAINT elevator_use_certificate_no_key ON equipment.elevator IS '使用登记证编号已属于另一台电梯';
COMMENT ON CONSTRAINT elevator_check ON equipment.elevator IS '经度和纬度须同时填写';
COMMENT ON CONSTRAINT elevator_check1 ON equipment.elevator IS '使用登记日期早于投入使用日期';
COMMENT ON CONSTRAINT elevator_check2 ON equipment.elevator IS '下次检验日期须晚于最近检验日期';
COMMENT ON CONSTRAINT elevator_rated_load_kg_check ON equipment.elevator IS '额定载重量须大于 0';
COMMENT ON CONSTRAINT elevator_rated_speed_mps_check ON equipment.elevator IS '额定速度须大于 0';
COMMENT ON CONSTRAINT elevator_floors_check ON equipment.elevator IS '层站数须大于 0';

-- Writes the staged elevators rec_no lo..hi: one join with the register by
-- registration code keeps the new and the changed (pg_temp.import_x); those
-- are inserted or updated and logged.
CREATE FUNCTION meta.import_write_elevator(j meta.import_job, lo integer, hi integer,
                                           OUT inserted bigint, OUT updated bigint)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET work_mem = '256MB'
SET jit = off
SET random_page_cost = 1.1
AS $$
DECLARE
	has constant text[] := j.columns;
	p_category constant boolean := 'category_code' = ANY (has);
	p_rescue constant boolean := 'rescue_code' = ANY (has);
	p_maint constant boolean := 'maintenance_uscc' = ANY (has);
	p_contract constant boolean := 'maintenance_contract_ends_on' = ANY (has);
	p_maker constant boolean := 'manufacturer_name' = ANY (has);
	p_model constant boolean := 'model' = ANY (has);
	p_factory constant boolean := 'factory_no' = ANY (has);
	p_load constant boolean := 'rated_load_kg' = ANY (has);
	p_speed constant boolean := 'rated_speed_mps' = ANY (has);
	p_floors constant boolean := 'floors' = ANY (has);
	p_district constant boolean := 'district_org_code' = ANY (has);
	p_urban constant boolean := 'urban' = ANY (has);
	p_lat constant boolean := 'latitude' = ANY (has);
	p_lon constant boolean := 'longitude' = ANY (has);
	p_cert constant boolean := 'use_certificate_no' = ANY (has);
	p_commissioned constant boolean := 'commissioned_on' = ANY (has);
	p_registered constant boolean := 'registered_on' = ANY (has);
	p_status constant boolean := 'status' = ANY (has);
	p_maintained constant boolean := 'last_maintained_on' = ANY (has);
	p_inspected constant boolean := 'last_inspected_on' = ANY (has);
	p_due constant boolean := 'next_inspection_due' = ANY (has);
BEGIN
	CREATE TEMP TABLE import_x ON COMMIT DROP AS
	WITH m AS (
		SELECT e.id, s.line_no, s.registration_code, coalesce(s.source_system, j.source_system) AS source_system,
		       e.category_code AS o_category, e.rescue_code AS o_rescue, e.entity_id AS o_entity,
		       e.maintenance_entity_id AS o_maint, e.maintenance_contract_ends_on AS o_contract,
		       e.manufacturer_name AS o_maker, e.model AS o_model, e.factory_no AS o_factory,
		       e.rated_load_kg AS o_load, e.rated_speed_mps AS o_speed, e.floors AS o_floors,
		       e.address AS o_address, e.place_type AS o_place, e.division_code::text AS o_division,
		       e.district_org_id AS o_district, e.urban AS o_urban, e.latitude AS o_lat, e.longitude AS o_lon,
		       e.use_certificate_no AS o_cert, e.commissioned_on AS o_commissioned, e.registered_on AS o_registered,
		       e.status AS o_status, e.last_maintained_on AS o_maintained, e.last_inspected_on AS o_inspected,
		       e.next_inspection_due AS o_due,
		       CASE WHEN p_category AND s.category_code IS NOT NULL THEN s.category_code
		            ELSE coalesce(e.category_code, left(s.registration_code, 4)) END AS category,
		       CASE WHEN p_rescue THEN s.rescue_code ELSE e.rescue_code END AS rescue,
		       coalesce(u.id, meta.import_missing('entity', s.entity_uscc)) AS entity,
		       CASE WHEN NOT p_maint THEN e.maintenance_entity_id WHEN s.maintenance_uscc IS NULL THEN NULL
		            ELSE coalesce(mu.id, meta.import_missing('entity', s.maintenance_uscc)) END AS maint,
		       CASE WHEN p_contract THEN s.maintenance_contract_ends_on::date
		            ELSE e.maintenance_contract_ends_on END AS contract,
		       CASE WHEN p_maker THEN s.manufacturer_name ELSE e.manufacturer_name END AS maker,
		       CASE WHEN p_model THEN s.model ELSE e.model END AS model,
		       CASE WHEN p_factory THEN s.factory_no ELSE e.factory_no END AS factory,
		       CASE WHEN p_load THEN s.rated_load_kg::integer ELSE e.rated_load_kg END AS load,
		       CASE WHEN p_speed THEN s.rated_speed_mps::numeric(5,2) ELSE e.rated_speed_mps END AS speed,
		       CASE WHEN p_floors THEN s.floors::smallint ELSE e.floors END AS floors,
		       s.address,
		       s.place_type AS place,
		       s.division_code AS division,
		       CASE WHEN p_district AND s.district_org_code IS NOT NULL
		            THEN coalesce(dg.id, meta.import_missing('org', s.district_org_code))
		            WHEN e.id IS NOT NULL AND NOT p_district THEN e.district_org_id
		            ELSE (SELECT o.id FROM core.org_unit o
		                   WHERE o.level = 'district' AND o.division_code = s.division_code AND o.active) END AS district,
		       CASE WHEN p_urban AND s.urban IS NOT NULL THEN s.urban::boolean ELSE coalesce(e.urban, true) END AS urban,
		       CASE WHEN p_lat THEN s.latitude::numeric(9,6) ELSE e.latitude END AS lat,
		       CASE WHEN p_lon THEN s.longitude::numeric(9,6) ELSE e.longitude END AS lon,
		       CASE WHEN p_cert THEN s.use_certificate_no ELSE e.use_certificate_no END AS cert,
		       CASE WHEN p_commissioned THEN s.commissioned_on::date ELSE e.commissioned_on END AS commissioned,
		       CASE WHEN p_registered THEN s.registered_on::date ELSE e.registered_on END AS registered,
		       CASE WHEN p_status AND s.status IS NOT NULL THEN s.status ELSE coalesce(e.status, 'in_use') END AS status,
		       CASE WHEN p_maintained THEN s.last_maintained_on::date ELSE e.last_maintained_on END AS maintained,
		       CASE WHEN p_inspected THEN s.last_inspected_on::date ELSE e.last_inspected_on END AS inspected,
		       CASE WHEN p_due THEN s.next_inspection_due::date ELSE e.next_inspection_due END AS due
		  FROM pg_temp.import_stage s
		  LEFT JOIN LATERAL (SELECT e1.* FROM equipment.elevator e1
		                      WHERE e1.registration_code = s.registration_code LIMIT 1) AS e ON true
		  LEFT JOIN core.entity u ON u.uscc = s.entity_uscc
		  LEFT JOIN core.entity mu ON mu.uscc = s.maintenance_uscc
		  LEFT JOIN core.org_unit dg ON dg.code = s.district_org_code
		 WHERE s.rec_no BETWEEN lo AND hi
		   AND NOT EXISTS (SELECT 1 FROM pg_temp.import_reject r WHERE r.rec_no = s.rec_no)
	)
	SELECT m.*
	  FROM m
	 WHERE m.id IS NULL
	    OR ROW(m.o_category, m.o_rescue, m.o_entity, m.o_maint, m.o_contract, m.o_maker, m.o_model, m.o_factory,
	           m.o_load, m.o_speed, m.o_floors, m.o_address, m.o_place, m.o_division, m.o_district, m.o_urban,
	           m.o_lat, m.o_lon, m.o_cert, m.o_commissioned, m.o_registered, m.o_status, m.o_maintained,
	           m.o_inspected, m.o_due)
	       IS DISTINCT FROM
	       ROW(m.category, m.rescue, m.entity, m.maint, m.contract, m.maker, m.model, m.factory, m.load, m.speed,
	           m.floors, m.address, m.place, m.division, m.district, m.urban, m.lat, m.lon, m.cert, m.commissioned,
	           m.registered, m.status, m.maintained, m.inspected, m.due);
	ANALYZE pg_temp.import_x;

	INSERT INTO equipment.elevator (registration_code, category_code, rescue_code, entity_id, maintenance_entity_id,
	                                maintenance_contract_ends_on, manufacturer_name, model, factory_no,
	                                rated_load_kg, rated_speed_mps, floors, address, place_type, division_code,
	                                district_org_id, urban, latitude, longitude, use_certificate_no,
	                                commissioned_on, registered_on, status, last_maintained_on,
	                                last_inspected_on, next_inspection_due, source_system)
	SELECT x.registration_code, x.category, x.rescue, x.entity, x.maint, x.contract, x.maker, x.model, x.factory,
	       x.load, x.speed, x.floors, x.address, x.place, x.division, x.district, x.urban, x.lat, x.lon, x.cert,
	       x.commissioned, x.registered, x.status, x.maintained, x.inspected, x.due, x.source_system
	  FROM pg_temp.import_x x
	 WHERE x.id IS NULL;
	GET DIAGNOSTICS inserted = ROW_COUNT;

	UPDATE equipment.elevator e
	   SET category_code = x.category, rescue_code = x.rescue, entity_id = x.entity, maintenance_entity_id = x.maint,
	       maintenance_contract_ends_on = x.contract, manufacturer_name = x.maker, model = x.model,
	       factory_no = x.factory, rated_load_kg = x.load, rated_speed_mps = x.speed, floors = x.floors,
	       address = x.address, place_type = x.place, division_code = x.division, district_org_id = x.district,
	       urban = x.urban, latitude = x.lat, longitude = x.lon, use_certificate_no = x.cert,
	       commissioned_on = x.commissioned, registered_on = x.registered, status = x.status,
	       last_maintained_on = x.maintained, last_inspected_on = x.inspected, next_inspection_due = x.due,
	       source_system = x.source_system, loaded_at = now()
	  FROM pg_temp.import_x x
	 WHERE e.id = x.id;
	GET DIAGNOSTICS updated = ROW_COUNT;

	INSERT INTO meta.import_change (job_id, theme, natural_key, action, changes, line_no)
	SELECT j.id, 'elevator', x.registration_code, CASE WHEN x.id IS NULL THEN 'insert' ELSE 'update' END,
	       CASE WHEN x.id IS NOT NULL THEN
	       coalesce((SELECT jsonb_object_agg(f.title, jsonb_build_array(v.b, v.a))
	                   FROM (VALUES
	                        ('category_code', x.o_category, x.category),
	                        ('rescue_code', x.o_rescue, x.rescue),
	                        ('entity_uscc', (SELECT c.uscc FROM core.entity c WHERE c.id = x.o_entity),
	                                        (SELECT c.uscc FROM core.entity c WHERE c.id = x.entity)),
	                        ('maintenance_uscc', (SELECT c.uscc FROM core.entity c WHERE c.id = x.o_maint),
	                                             (SELECT c.uscc FROM core.entity c WHERE c.id = x.maint)),
	                        ('maintenance_contract_ends_on', x.o_contract::text, x.contract::text),
	                        ('manufacturer_name', x.o_maker, x.maker),
	                        ('model', x.o_model, x.model),
	                        ('factory_no', x.o_factory, x.factory),
	                        ('rated_load_kg', x.o_load::text, x.load::text),
	                        ('rated_speed_mps', x.o_speed::text, x.speed::text),
	                        ('floors', x.o_floors::text, x.floors::text),
	                        ('address', x.o_address, x.address),
	                        ('place_type', x.o_place, x.place),
	                        ('division_code', x.o_division, x.division),
	                        ('district_org_code', (SELECT o.code FROM core.org_unit o WHERE o.id = x.o_district),
	                                              (SELECT o.code FROM core.org_unit o WHERE o.id = x.district)),
	                        ('urban', x.o_urban::text, x.urban::text),
	                        ('latitude', x.o_lat::text, x.lat::text),
	                        ('longitude', x.o_lon::text, x.lon::text),
	                        ('use_certificate_no', x.o_cert, x.cert),
	                        ('commissioned_on', x.o_commissioned::text, x.commissioned::text),
	                        ('registered_on', x.o_registered::text, x.registered::text),
	                        ('status', x.o_status, x.status),
	                        ('last_maintained_on', x.o_maintained::text, x.maintained::text),
	                        ('last_inspected_on', x.o_inspected::text, x.inspected::text),
	                        ('next_inspection_due', x.o_due::text, x.due::text)) AS v (field, b, a)
	                   JOIN meta.import_field f ON f.theme = 'elevator' AND f.name = v.field
	                  WHERE v.b IS DISTINCT FROM v.a), '{}') END,
	       x.line_no
	  FROM pg_temp.import_x x;
	DROP TABLE pg_temp.import_x;
END $$;
COMMENT ON FUNCTION meta.import_write_elevator(meta.import_job, integer, integer) IS
	'写入一段暂存的电梯：新的插入，有变化的更新，均记入导入变更记录';

INSERT INTO meta.import_theme (theme, title, target, natural_key, writer, sort_order)
VALUES ('elevator', '电梯', 'equipment.elevator', '设备注册代码',
        'meta.import_write_elevator(meta.import_job, integer, integer)'::regprocedure, 2);

INSERT INTO meta.import_field (theme, field_no, name, title, aliases, kind, digits, scale, required, is_key,
                               code_list, personal_kind, description) VALUES
	('elevator', 1, 'registration_code', '设备注册代码', '{注册代码,设备代码}', 'text', NULL, NULL, true, true, NULL, NULL, '20 位'),
	('elevator', 2, 'category_code', '电梯品种', '{设备品种,品种}', 'code', NULL, NULL, false, false, 'elevator_category', NULL, '为空时取注册代码前四位'),
	('elevator', 3, 'rescue_code', '救援识别码', '{96333识别码,应急救援识别码}', 'text', NULL, NULL, false, false, NULL, NULL, NULL),
	('elevator', 4, 'entity_uscc', '使用单位统一社会信用代码', '{使用单位信用代码,使用单位代码}', 'uscc', NULL, NULL, true, false, NULL, NULL, '须在主体名录中'),
	('elevator', 5, 'maintenance_uscc', '维保单位统一社会信用代码', '{维保单位信用代码,维保单位代码}', 'uscc', NULL, NULL, false, false, NULL, NULL, '须在主体名录中'),
	('elevator', 6, 'maintenance_contract_ends_on', '维保合同到期日', '{维保合同截止日期}', 'date', NULL, NULL, false, false, NULL, NULL, NULL),
	('elevator', 7, 'manufacturer_name', '制造单位', '{制造单位名称,生产厂家}', 'text', NULL, NULL, false, false, NULL, NULL, NULL),
	('elevator', 8, 'model', '型号', '{规格型号,设备型号}', 'text', NULL, NULL, false, false, NULL, NULL, NULL),
	('elevator', 9, 'factory_no', '出厂编号', '{产品编号}', 'text', NULL, NULL, false, false, NULL, NULL, NULL),
	('elevator', 10, 'rated_load_kg', '额定载重量（千克）', '{额定载重量,额定载重量（kg）,额定载荷（kg）}', 'integer', NULL, NULL, false, false, NULL, NULL, NULL),
	('elevator', 11, 'rated_speed_mps', '额定速度（米/秒）', '{额定速度,额定速度（m/s）}', 'number', 5, 2, false, false, NULL, NULL, NULL),
	('elevator', 12, 'floors', '层站数', '{层数,层站}', 'integer', NULL, NULL, false, false, NULL, NULL, NULL),
	('elevator', 13, 'address', '安装地点', '{使用地点,设备使用地点,设备地址}', 'text', NULL, NULL, true, false, NULL, NULL, NULL),
	('elevator', 14, 'place_type', '使用场所', '{场所类别,使用场所类别}', 'code', NULL, NULL, true, false, 'place_type', NULL, NULL),
	('elevator', 15, 'division_code', '所在行政区划', '{行政区划,所在区县}', 'code', NULL, NULL, true, false, 'division', NULL, NULL),
	('elevator', 16, 'district_org_code', '属地区局', '{属地监管部门,监管部门}', 'code', NULL, NULL, false, false, 'org_unit', NULL, '为空时取所在行政区划的区（县级市）局'),
	('elevator', 17, 'urban', '是否市区', '{市区}', 'boolean', NULL, NULL, false, false, NULL, NULL, '决定救援到场时限'),
	('elevator', 18, 'latitude', '纬度', '{}', 'number', 9, 6, false, false, NULL, NULL, 'WGS-84'),
	('elevator', 19, 'longitude', '经度', '{}', 'number', 9, 6, false, false, NULL, NULL, 'WGS-84'),
	('elevator', 20, 'use_certificate_no', '使用登记证编号', '{使用登记证号,使用证编号}', 'text', NULL, NULL, false, false, NULL, NULL, NULL),
	('elevator', 21, 'commissioned_on', '投入使用日期', '{投用日期}', 'date', NULL, NULL, false, false, NULL, NULL, NULL),
	('elevator', 22, 'registered_on', '使用登记日期', '{登记日期}', 'date', NULL, NULL, false, false, NULL, NULL, NULL),
	('elevator', 23, 'status', '设备状态', '{状态,使用状态}', 'code', NULL, NULL, false, false, 'equipment_status', NULL, NULL),
	('elevator', 24, 'last_maintained_on', '最近维保日期', '{上次维保日期}', 'date', NULL, NULL, false, false, NULL, NULL, NULL),
	('elevator', 25, 'last_inspected_on', '最近检验日期', '{上次检验日期}', 'date', NULL, NULL, false, false, NULL, NULL, NULL),
	('elevator', 26, 'next_inspection_due', '下次检验日期', '{下次检验日期至}', 'date', NULL, NULL, false, false, NULL, NULL, NULL),
	('elevator', 27, 'source_system', '来源系统', '{}', 'text', NULL, NULL, false, false, NULL, NULL, '为空时取导入时指定的来源');

REVOKE ALL ON FUNCTION meta.import_write_elevator(meta.import_job, integer, integer) FROM PUBLIC;
