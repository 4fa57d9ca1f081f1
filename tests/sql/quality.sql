-- The data-quality rules: each finds an offender planted for it and passes a
-- clean record; a run records its results; a broken rule does not stop the
-- others; who may run them.
BEGIN;
SELECT plan(48);
\ir lib/fixtures.psql
\ir lib/elevators.psql

-- Whether a rule finds key now.
CREATE FUNCTION pg_temp.finds(rule text, k text) RETURNS boolean LANGUAGE sql
RETURN EXISTS (SELECT 1 FROM meta.quality_offenders(rule) o WHERE o.key = k);

SELECT cmp_ok((SELECT count(*)::int FROM meta.quality_rule WHERE active), '>=', 10, 'at least ten rules');
SELECT is(ARRAY(SELECT code FROM meta.quality_rule WHERE title !~ '[一-龥]'), '{}'::text[],
          'every rule has a Chinese title');

-- entities
UPDATE core.entity SET legal_rep_name = NULL WHERE uscc = '91320281MA1G5E9KXK';
SELECT ok(pg_temp.finds('entity_no_legal_rep', '91320281MA1G5E9KXK'), 'entity_no_legal_rep finds an entity without one');
SELECT ok(NOT pg_temp.finds('entity_no_legal_rep', '91320213MA1X7Q2HXK'), '  and not one with one');

INSERT INTO core.entity (uscc, name, entity_type_code, legal_rep_name, address, division_code, established_on,
                         source_system)
VALUES ('91320281MA1K6P2L2R', '江阴澄江电缆有限公司', '1130', '顾伟', '江阴市澄江街道澄南路 36 号', '320281',
        '2019-01-01', '迁移数据');
SELECT ok(pg_temp.finds('entity_duplicate_name_address', '91320281MA1K6P2L2R')
          AND pg_temp.finds('entity_duplicate_name_address', '91320281MA1G5E9KXK'),
          'entity_duplicate_name_address finds both entities of a name and address');
SELECT ok(NOT pg_temp.finds('entity_duplicate_name_address', '91320213MA1X7Q2HXK'), '  and not a unique one');

INSERT INTO core.entity (uscc, name, entity_type_code, legal_rep_name, address, division_code, org_id,
                         reg_authority_org_id, established_on, source_system)
VALUES ('91329901MA1B2C3D8F', '无锡某某贸易有限公司', '1130', '许强', '无锡市梁溪区解放北路 6 号', '320213',
        pg_temp.org('LX02'), pg_temp.org('LX'), '2018-05-05', '迁移数据');
SELECT ok(pg_temp.finds('entity_uscc_division_unknown', '91329901MA1B2C3D8F'),
          'entity_uscc_division_unknown finds a code whose division 329901 does not exist');
SELECT ok(NOT pg_temp.finds('entity_uscc_division_unknown', '91320202MA1T2L6CXU'),
          '  and not one of the retired 崇安区 (320202)');

UPDATE core.entity SET reg_no = '320213000123456' WHERE uscc = '91320213MA1X7Q2HXK';
UPDATE core.entity SET reg_no = '320213000123457' WHERE uscc = '91320213MA1N7C3F2T';
UPDATE core.entity SET reg_no = '320281000543215' WHERE uscc = '91320214MA1H4T6Y1P';
SELECT ok(pg_temp.finds('entity_reg_no_inconsistent', '91320213MA1N7C3F2T'),
          'entity_reg_no_inconsistent finds a registration number with a wrong check digit');
SELECT ok(pg_temp.finds('entity_reg_no_inconsistent', '91320214MA1H4T6Y1P'),
          '  and one of another registration office');
SELECT ok(NOT pg_temp.finds('entity_reg_no_inconsistent', '91320213MA1X7Q2HXK'), '  and not a consistent one');

UPDATE core.entity SET address = '无锡市滨湖区蠡湖大道 99 号' WHERE uscc = '91320202MA1T2L6CXU';
SELECT ok(pg_temp.finds('entity_address_outside_division', '91320202MA1T2L6CXU'),
          'entity_address_outside_division finds a 梁溪区 entity whose address is in 滨湖区');
SELECT ok(NOT pg_temp.finds('entity_address_outside_division', '91320213MA1X7Q2HXK'), '  and not one in its district');

UPDATE core.entity SET org_id = pg_temp.org('LX01') WHERE uscc = '92320205MA1U6B2A3B';
SELECT ok(pg_temp.finds('entity_org_outside_division', '92320205MA1U6B2A3B'),
          'entity_org_outside_division finds a 锡山区 entity looked after by a 梁溪区 station');
SELECT ok(NOT pg_temp.finds('entity_org_outside_division', '91320213MA1X7Q2HXK'), '  and not one of its own district');

UPDATE core.entity SET established_on = current_date + 30 WHERE uscc = '93320282MA1W8N4R0U';
SELECT ok(pg_temp.finds('entity_established_in_future', '93320282MA1W8N4R0U'),
          'entity_established_in_future finds a date next month');
SELECT ok(NOT pg_temp.finds('entity_established_in_future', '91320213MA1X7Q2HXK'), '  and not a past one');

-- elevators
UPDATE equipment.elevator SET maintenance_entity_id = NULL WHERE registration_code = '33103202132019030005';
SELECT ok(pg_temp.finds('elevator_no_maintenance_unit', '33103202132019030005'),
          'elevator_no_maintenance_unit finds an elevator in use without one');
SELECT ok(NOT pg_temp.finds('elevator_no_maintenance_unit', '31103202112018060012'), '  and not one with one');
UPDATE equipment.elevator SET maintenance_entity_id = pg_temp.eid('91320206MA1Q4J8W9F')
 WHERE registration_code = '33103202132019030005';

UPDATE equipment.elevator SET last_inspected_on = current_date - 100, next_inspection_due = current_date + 265
 WHERE registration_code = '31103202112018060012';
UPDATE equipment.elevator SET last_inspected_on = current_date - 400, next_inspection_due = current_date - 35
 WHERE registration_code = '33103202132019030005';
SELECT ok(pg_temp.finds('elevator_inspection_overdue', '33103202132019030005'),
          'elevator_inspection_overdue finds an elevator past its inspection date');
SELECT ok(NOT pg_temp.finds('elevator_inspection_overdue', '31103202112018060012'), '  and not one inspected in time');

UPDATE equipment.elevator SET last_maintained_on = current_date - 3 WHERE registration_code = '31103202112018060012';
UPDATE equipment.elevator SET last_maintained_on = current_date - 40 WHERE registration_code = '33103202132019030005';
SELECT ok(pg_temp.finds('elevator_maintenance_overdue', '33103202132019030005'),
          'elevator_maintenance_overdue finds an elevator last maintained 40 days ago');
SELECT ok(NOT pg_temp.finds('elevator_maintenance_overdue', '31103202112018060012'), '  and not one done 3 days ago');

UPDATE core.entity SET status = 'revoked', status_changed_on = '2025-03-01', status_reason = '未年报'
 WHERE uscc = '91320206MA1Q4J8W9F';
SELECT ok(pg_temp.finds('elevator_maintainer_not_in_business', '33103202132019030005'),
          'elevator_maintainer_not_in_business finds an elevator whose maintainer was revoked');
SELECT ok(NOT pg_temp.finds('elevator_maintainer_not_in_business', '31103202112018060012'),
          '  and not one whose maintainer is in business');

UPDATE equipment.maintenance_unit SET licence_valid_to = current_date - 1
 WHERE entity_id = pg_temp.eid('91320214MA1P9G3E8R');
UPDATE equipment.maintenance_unit SET licence_valid_to = current_date + 300
 WHERE entity_id = pg_temp.eid('91320206MA1Q4J8W9F');
SELECT ok(pg_temp.finds('maintenance_unit_licence_expired', '91320214MA1P9G3E8R'),
          'maintenance_unit_licence_expired finds a unit whose licence ran out yesterday');
SELECT ok(NOT pg_temp.finds('maintenance_unit_licence_expired', '91320206MA1Q4J8W9F'), '  and not one still licensed');

-- complaints and 96333
INSERT INTO rights.complaint (complaint_no, channel_code, received_at, receiving_org_id, handling_org_id,
                              complainant_phone, subject, source_system)
VALUES ('13202130002025031000001', 'web_12315', '2025-03-10 20:41+08', pg_temp.org('WX'), pg_temp.org('LX'),
        '13706181234', '网购羽绒服不退款', '12315平台'),
       ('13202130002025031000002', 'web_12315', '2025-03-10 21:02+08', pg_temp.org('WX'), pg_temp.org('LX'),
        '13706185678', '预付卡跑路', '12315平台');
UPDATE rights.complaint SET respondent_name = '梁溪区阿福面馆' WHERE complaint_no = '13202130002025031000002';
SELECT ok(pg_temp.finds('complaint_no_respondent', '13202130002025031000001'),
          'complaint_no_respondent finds a complaint naming nobody');
SELECT ok(NOT pg_temp.finds('complaint_no_respondent', '13202130002025031000002'), '  and not one naming a respondent');

INSERT INTO rights.rescue_incident (incident_no, received_at, caller_phone, rescue_code_given, elevator_id, identified_at,
                                    trapped_count, level1_entity_id, level1_dispatched_at, acknowledged_at,
                                    arrived_at, released_at, released_count, status, closed_at, cause_code,
                                    callback_at, callback_result, source_system)
SELECT n, now() - interval '10 days', '15052212345', '213456', pg_temp.elevator('31103202112018060012'),
       now() - interval '10 days' + interval '30 seconds', 1, pg_temp.eid('91320214MA1P9G3E8R'),
       now() - interval '10 days' + interval '1 minute', now() - interval '10 days' + interval '2 minutes',
       now() - interval '10 days' + interval '15 minutes', now() - interval '10 days' + interval '20 minutes', 1,
       'closed', now() - interval '10 days' + interval '30 minutes', 'power_cut', cb,
       CASE WHEN cb IS NOT NULL THEN 'satisfied' END, '96333平台'
  FROM (VALUES ('96333-20250301-0001', NULL::timestamptz), ('96333-20250301-0002', now() - interval '9 days')) AS v (n, cb);
SELECT ok(pg_temp.finds('rescue_closed_without_callback', '96333-20250301-0001'),
          'rescue_closed_without_callback finds an incident closed ten days ago, never called back');
SELECT ok(NOT pg_temp.finds('rescue_closed_without_callback', '96333-20250301-0002'), '  and not one called back');

-- licences, penalties, tasks
INSERT INTO supervision.licence (licence_kind_code, licence_no, entity_id, content, issuing_authority, issued_on,
                                 valid_from, valid_to, source_system)
VALUES ('food_business', 'JY13202130012345', pg_temp.eid('92320213MA1Y3K5P73'), '热食类食品制售',
        '无锡市梁溪区市场监督管理局', '2019-06-01', '2019-06-01', '2024-05-31', '食品经营许可系统'),
       ('food_business', 'JY13202130023456', pg_temp.eid('92320205MA1U6B2A3B'), '热食类食品制售',
        '无锡市锡山区市场监督管理局', current_date - 400, current_date - 400, current_date + 1426, '食品经营许可系统'),
       ('industrial_product', '(苏)XK06-001-00123', pg_temp.eid('91320206MA1Q4J8W9F'), '电梯部件',
        '江苏省市场监督管理局', current_date - 700, current_date - 700, current_date + 1126, '工业产品许可系统');
SELECT ok(pg_temp.finds('licence_valid_after_expiry', 'food_business/JY13202130012345'),
          'licence_valid_after_expiry finds a valid licence that ran out last year');
SELECT ok(NOT pg_temp.finds('licence_valid_after_expiry', 'food_business/JY13202130023456'), '  and not a current one');
SELECT ok(pg_temp.finds('licence_valid_entity_gone', 'industrial_product/(苏)XK06-001-00123'),
          'licence_valid_entity_gone finds a valid licence of a revoked entity');
SELECT ok(NOT pg_temp.finds('licence_valid_entity_gone', 'food_business/JY13202130023456'),
          '  and not one of an entity in business');

INSERT INTO supervision.penalty (decision_no, deciding_org_id, entity_id, party_name, violation_category_code,
                                 illegal_facts, legal_basis, decided_on, source_system)
VALUES ('锡梁市监处罚〔2025〕12 号', pg_temp.org('LX'), NULL, '梁溪区阿福面馆', 'food_safety', '使用超过保质期的食品原料',
        '食品安全法第一百二十四条', '2025-04-01', '执法办案系统'),
       ('锡梁市监处罚〔2025〕13 号', pg_temp.org('LX'), NULL, '张某某', 'unlicensed', '无照经营烧烤摊',
        '无证无照经营查处办法第十三条', '2025-04-02', '执法办案系统');
SELECT ok(pg_temp.finds('penalty_unlinked_entity', '锡梁市监处罚〔2025〕12 号'),
          'penalty_unlinked_entity finds a penalty on a registered name left unlinked');
SELECT ok(NOT pg_temp.finds('penalty_unlinked_entity', '锡梁市监处罚〔2025〕13 号'), '  and not one on a natural person');

INSERT INTO supervision.inspection_plan (plan_no, org_id, year, title, kind, status, filed_with_org_id, filed_at,
                                         source_system)
VALUES ('LX-2025-SJ-01', pg_temp.org('LX'), 2025, '梁溪区 2025 年度企业公示信息双随机抽查', 'random', 'filed',
        pg_temp.org('WX'), '2025-02-20 10:00+08', 'smcon');
INSERT INTO supervision.inspection_batch (plan_id, batch_no, scope, planned_quantity, starts_on, ends_on, source_system)
SELECT id, 1, '梁溪区存续企业', 120, '2025-04-01', '2025-06-30', 'smcon'
  FROM supervision.inspection_plan WHERE plan_no = 'LX-2025-SJ-01';
INSERT INTO supervision.inspection_task (task_no, batch_id, entity_id, source_system)
SELECT t.no, b.id, pg_temp.eid(t.uscc), 'smcon'
  FROM supervision.inspection_batch b JOIN supervision.inspection_plan p ON p.id = b.plan_id,
       (VALUES ('LX-2025-SJ-01-0001', '91320213MA1X7Q2HXK'), ('LX-2025-SJ-01-0002', '91320213MA1N7C3F2T')) AS t (no, uscc)
 WHERE p.plan_no = 'LX-2025-SJ-01';
UPDATE core.entity SET status = 'deregistered', status_changed_on = '2025-05-01', status_reason = '决议解散'
 WHERE uscc = '91320213MA1N7C3F2T';
SELECT ok(pg_temp.finds('entity_gone_open_tasks', '91320213MA1N7C3F2T'),
          'entity_gone_open_tasks finds a deregistered entity with a pending task');
SELECT ok(NOT pg_temp.finds('entity_gone_open_tasks', '91320213MA1X7Q2HXK'), '  and not an entity in business');

-- every rule is tried by a test above
SELECT is(ARRAY(SELECT code FROM meta.quality_rule
                 WHERE code NOT IN ('entity_no_legal_rep', 'entity_duplicate_name_address', 'entity_uscc_division_unknown',
                                    'entity_reg_no_inconsistent', 'entity_address_outside_division',
                                    'entity_org_outside_division', 'entity_established_in_future',
                                    'elevator_no_maintenance_unit', 'elevator_inspection_overdue',
                                    'elevator_maintenance_overdue', 'elevator_maintainer_not_in_business',
                                    'maintenance_unit_licence_expired', 'complaint_no_respondent',
                                    'rescue_closed_without_callback', 'licence_valid_after_expiry',
                                    'licence_valid_entity_gone', 'penalty_unlinked_entity', 'entity_gone_open_tasks')
                 ORDER BY code),
          '{}'::text[], 'every rule has a test here');

-- a run: results kept, samples by key, a broken rule recorded and the others go on
INSERT INTO meta.quality_rule (code, title, theme, severity, description, query)
VALUES ('zz_broken', '坏规则', 'core', 'info', '测试用：查询出错', 'SELECT 1 / 0 AS key, ''x'' AS name');
CREATE TEMP TABLE run AS SELECT * FROM api.quality_run();
-- the warehouse holds generated data too: the planted elevator and whatever else is overdue
SELECT is((SELECT offender_count::int FROM run WHERE code = 'elevator_inspection_overdue'),
          (SELECT count(*)::int FROM meta.quality_offenders('elevator_inspection_overdue')),
          'a run returns each rule''s count');
SELECT is((SELECT sample->0->>'key' FROM run WHERE code = 'entity_duplicate_name_address'), '91320281MA1G5E9KXK',
          '  and its examples in key order');
SELECT ok((SELECT error IS NOT NULL AND offender_count IS NULL FROM run WHERE code = 'zz_broken'),
          '  a rule that fails records its error');
SELECT is((SELECT count(*)::int FROM run WHERE error IS NULL), (SELECT count(*)::int FROM meta.quality_rule) - 1,
          '  and the others still run');
SELECT is((SELECT count(*)::int FROM meta.quality_result r JOIN meta.quality_run q ON q.id = r.run_id
            WHERE q.finished_at IS NOT NULL), (SELECT count(*)::int FROM meta.quality_rule),
          '  every result is kept with its run');

-- who may
SELECT ok(has_function_privilege('smcon_supervisor', 'api.quality_run(text)', 'EXECUTE')
          AND has_function_privilege('smcon_admin', 'api.quality_run(text)', 'EXECUTE'),
          'admins and supervisors may run the rules');
SELECT ok(NOT has_function_privilege('smcon_clerk', 'api.quality_run(text)', 'EXECUTE')
          AND NOT has_function_privilege('smcon_analyst', 'api.quality_history(text, integer)', 'EXECUTE'),
          'clerks and analysts may not');
SELECT ok(NOT has_table_privilege('smcon_admin', 'meta.quality_rule', 'SELECT, INSERT, UPDATE, DELETE'),
          'nobody but the owner touches the rule table: rule SQL is the platform''s');

SELECT * FROM finish();
ROLLBACK;
