-- 特种设备库: registration codes, rescue codes, maintenance and inspection.
BEGIN;
SELECT plan(14);
\ir lib/fixtures.psql
\ir lib/elevators.psql

-- add an elevator of the using unit 太湖物业 with a registration code, category and rescue code
CREATE FUNCTION pg_temp.add(code text, category text, rescue text) RETURNS void LANGUAGE sql
BEGIN ATOMIC
	INSERT INTO equipment.elevator (registration_code, category_code, rescue_code, entity_id, address, place_type,
	                                division_code, district_org_id, source_system)
	VALUES (code, category, rescue, pg_temp.eid('91320211MA1R5D7U6W'), '无锡市滨湖区蠡湖大道 2008 号太湖花园 7 号楼',
	        'residential', '320211', pg_temp.org('BH'), '特种设备监管系统');
END;

SELECT is((SELECT count(*)::int FROM equipment.elevator WHERE loaded_at = now()), 2, 'the fixture elevators load');
SELECT throws_ok($$SELECT pg_temp.add('31203202112018060013', '3110', '213458')$$, '23514',
                 'new row for relation "elevator" violates check constraint "elevator_code_matches_category"',
                 'an elevator whose registration code names another category is refused');
SELECT lives_ok($$SELECT pg_temp.add('31203202112018060013', '3120', '213458')$$,
                'a 载货电梯 with a 3120 code is kept');
SELECT throws_ok($$SELECT pg_temp.add('3110320211201806001', '3110', '213459')$$, '23514', NULL,
                 'a registration code has 20 digits');
SELECT throws_ok($$SELECT pg_temp.add('31103202112018130014', '3110', '213459')$$, '23514', NULL,
                 'positions 11-16 of a registration code are a year and month');
SELECT throws_ok($$SELECT pg_temp.add('31103202112018060014', '3110', '21345')$$, '23514', NULL,
                 'a 5-digit rescue code is refused where the setting says 6');
UPDATE core.setting SET value = '5' WHERE key = 'rescue_code_length';
SELECT lives_ok($$SELECT pg_temp.add('31103202112018060014', '3110', '21345')$$,
                '... and kept where the setting says 5');
UPDATE core.setting SET value = '6' WHERE key = 'rescue_code_length';
SELECT throws_ok($$SELECT pg_temp.add('31103202112018060015', '3110', '213456')$$, '23505', NULL,
                 'a rescue code belongs to one elevator');
SELECT throws_ok($$SELECT pg_temp.add('31103202112018060015', '3110', '21345A')$$, '23514', NULL,
                 'a rescue code is digits');

-- maintenance and inspection keep the elevator current
INSERT INTO equipment.maintenance_record (elevator_id, entity_id, maintained_on, kind, technicians, source_system)
VALUES (pg_temp.elevator('31103202112018060012'), pg_temp.eid('91320214MA1P9G3E8R'), '2024-05-06', 'half_month',
        '马超（T 电梯修理 320200100123）', '电梯维保系统'),
       (pg_temp.elevator('31103202112018060012'), pg_temp.eid('91320214MA1P9G3E8R'), '2024-05-21', 'half_month',
        '马超（T 电梯修理 320200100123）', '电梯维保系统');
SELECT is((SELECT last_maintained_on FROM equipment.elevator WHERE registration_code = '31103202112018060012'),
          '2024-05-21'::date, 'the latest maintenance shows on the elevator');
INSERT INTO equipment.periodic_inspection (report_no, elevator_id, inspection_body, kind, inspected_on, conclusion,
                                           next_due_on, source_system)
VALUES ('DT-2024-BH-003187', pg_temp.elevator('31103202112018060012'), '无锡市特种设备检验检测研究院', 'periodic',
        '2024-06-18', 'pass', '2025-06-30', '特种设备监管系统');
SELECT is((SELECT next_inspection_due FROM equipment.elevator WHERE registration_code = '31103202112018060012'),
          '2025-06-30'::date, 'a periodic inspection sets the next due date');
SELECT throws_ok($$INSERT INTO equipment.periodic_inspection (report_no, elevator_id, inspection_body, kind,
                                                             inspected_on, conclusion, source_system)
                   VALUES ('DT-2024-BH-003188', pg_temp.elevator('31103202112018060012'), '无锡市特种设备检验检测研究院',
                           'periodic', '2024-06-19', 'pass', '特种设备监管系统')$$, '23514', NULL,
                 'a passed inspection names the next due date');
SELECT throws_ok($$INSERT INTO equipment.maintenance_unit (entity_id, source_system)
                   VALUES (pg_temp.eid('91320213MA1X7Q2HXK'), '特种设备监管系统')$$, '23502', NULL,
                 'a maintenance unit has a 24-hour duty phone');
SELECT throws_ok($$INSERT INTO equipment.special_equipment (registration_code, category_code, equipment_name,
                                                           entity_id, address, division_code, district_org_id,
                                                           source_system)
                   VALUES ('3110320211201806', '3110', '乘客电梯', pg_temp.eid('91320211MA1R5D7U6W'), '蠡湖大道',
                           '320211', pg_temp.org('BH'), '特种设备监管系统')$$, '23514', NULL,
                 'elevators are not kept among the other special equipment');

SELECT * FROM finish();
ROLLBACK;
