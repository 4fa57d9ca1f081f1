-- Case data in several units for the permission and scope tests, loaded by
-- the superuser into a private copy of the warehouse (test_db). Every row is
-- also listed in perm_expect with the unit whose scope it belongs to, so
-- that a test running as an operator can compare what it sees with what its
-- scope allows. The warehouse may hold other rows (the generator's): the
-- tests look only at these.
\set ON_ERROR_STOP 1
\ir ../sql/lib/fixtures.psql
\ir ../sql/lib/elevators.psql

-- complaints: 梁溪区局, 崇安寺所 (a station of 梁溪), 江阴市局; one lacks §9 facts
INSERT INTO rights.complaint (complaint_no, channel_code, received_at, receiving_org_id, handling_org_id,
                              complainant_name, complainant_phone, complainant_address, complainant_id_no,
                              respondent_name, respondent_address, entity_id, subject, request, facts, source_system)
VALUES ('PF-TS-LX-1', 'hotline_12315', '2026-11-02 09:12+08', pg_temp.org('WX'), pg_temp.org('LX'), '张晓梅',
        '13951512345', '无锡市梁溪区学前街 5 号', '320202199102105671', '梁溪区阿福面馆', '无锡市梁溪区崇安寺步行街 12 号',
        pg_temp.eid('92320213MA1Y3K5P73'), '预付储值卡', '退还储值卡余额 500 元', '面馆停业装修拒绝退款', 'perm-fixture'),
       ('PF-TS-LX01-1', 'walk_in', '2026-11-03 10:00+08', pg_temp.org('LX01'), pg_temp.org('LX01'), '钱丽',
        '13861234567', '无锡市梁溪区人民中路 1 号', NULL, '无锡市崇安百货有限公司', '无锡市梁溪区人民中路 139 号',
        pg_temp.eid('91320202MA1T2L6CXU'), '羽绒服', '退货', '羽绒服含绒量不符', 'perm-fixture'),
       ('PF-TS-LX-2', 'web_12315', '2026-11-04 20:41+08', pg_temp.org('WX'), pg_temp.org('LX'), '赵强',
        '13706181234', '无锡市梁溪区南长街 3 号', NULL, '某网店', '无锡市梁溪区', NULL, '耳机', '退款', NULL,
        'perm-fixture'),
       ('PF-TS-JY-1', 'hotline_12315', '2026-11-05 08:30+08', pg_temp.org('WX'), pg_temp.org('JY'), '顾敏',
        '13915612345', '江阴市澄江街道虹桥路 9 号', NULL, '江阴澄江电缆有限公司', '江阴市澄江街道澄南路 36 号',
        pg_temp.eid('91320281MA1G5E9KXK'), '电缆', '更换', '电缆绝缘层开裂', 'perm-fixture');

-- reports with real-name reporters (§33: only the handling unit sees who)
INSERT INTO rights.report (report_no, channel_code, received_at, receiving_org_id, handling_org_id, reporter_name,
                           reporter_phone, reporter_id_no, reported_name, entity_id, violation_category_code, clue,
                           source_system)
VALUES ('PF-JB-LX-1', 'hotline_12315', '2026-11-06 14:30+08', pg_temp.org('WX'), pg_temp.org('LX'), '王立新',
        '13912398765', '320282199001010034', '梁溪区阿福面馆', pg_temp.eid('92320213MA1Y3K5P73'), 'food_safety',
        '后厨使用过期调料，附照片三张', 'perm-fixture'),
       ('PF-JB-JY-1', 'hotline_12315', '2026-11-07 11:00+08', pg_temp.org('WX'), pg_temp.org('JY'), '陆海',
        '13812398765', NULL, '江阴澄江电缆有限公司', pg_temp.eid('91320281MA1G5E9KXK'), 'product_quality',
        '电缆截面积不足', 'perm-fixture');

INSERT INTO rights.consultation (consultation_no, kind, channel_code, received_at, receiving_org_id, handling_org_id,
                                 contact_name, contact_phone, content, source_system)
VALUES ('PF-ZX-LX-1', 'consultation', 'hotline_12315', '2026-11-08 09:00+08', pg_temp.org('LX'), pg_temp.org('LX'),
        '孙悦', '13961711111', '个体工商户如何办理年报？', 'perm-fixture'),
       ('PF-ZX-JY-1', 'suggestion', 'hotline_12315', '2026-11-08 10:00+08', pg_temp.org('JY'), pg_temp.org('JY'),
        '周洁', '13961722222', '建议菜市场增设公平秤', 'perm-fixture');

INSERT INTO rights.transfer_12345 (work_order_no, received_12345_at, received_bureau_at, caller_name, caller_phone,
                                   summary, receiving_org_id, handling_org_id, source_system)
VALUES ('PF-12345-LX-1', '2026-11-09 09:00+08', '2026-11-09 09:30+08', '周海燕', '13861234567',
        '反映中山路某超市价格标示不清', pg_temp.org('LX'), pg_temp.org('LX'), 'perm-fixture'),
       ('PF-12345-JY-1', '2026-11-09 10:00+08', '2026-11-09 10:30+08', '吴凡', '13861230000',
        '反映某加油站计量不准', pg_temp.org('JY'), pg_temp.org('JY'), 'perm-fixture');

-- 96333: an elevator of 滨湖, one of 梁溪 (dispatched, not yet acknowledged), one not identified yet
INSERT INTO rights.rescue_incident (incident_no, received_at, caller_name, caller_phone, rescue_code_given,
                                    elevator_id, identified_at, trapped_count, level1_entity_id, level1_dispatched_at,
                                    source_system)
VALUES ('PF-96333-BH-1', '2026-11-10 18:02+08', '沈佳怡', '15052212345', '213456',
        pg_temp.elevator('31103202112018060012'), '2026-11-10 18:02:40+08', 2, pg_temp.eid('91320214MA1P9G3E8R'),
        '2026-11-10 18:03+08', 'perm-fixture'),
       ('PF-96333-LX-1', now() - interval '5 minutes', '唐宁', '15052298765', '213457',
        pg_temp.elevator('33103202132019030005'), now() - interval '4 minutes', 1, pg_temp.eid('91320206MA1Q4J8W9F'),
        now() - interval '3 minutes', 'perm-fixture');
INSERT INTO rights.rescue_incident (incident_no, received_at, caller_name, caller_phone, location_given, source_system)
VALUES ('PF-96333-X-1', '2026-11-11 07:15+08', '何平', '15052200000', '某小区 3 号楼', 'perm-fixture');

-- inspections: a plan of 梁溪区局, one of 通江所 (another station of 梁溪), one of 江阴市局
INSERT INTO supervision.inspection_item (code, name, category, legal_basis, inspecting_body, object_type, method,
                                         valid_from, source_system)
VALUES ('PF-SJ-001', '企业公示信息情况检查', 'general', '企业信息公示暂行条例第十四条', '市场监督管理部门',
        '各类企业', '书面检查、实地核查', '2026-01-01', 'perm-fixture');
INSERT INTO supervision.inspection_plan (plan_no, org_id, year, title, kind, status, filed_with_org_id, filed_at,
                                         source_system)
VALUES ('PF-PLAN-LX', pg_temp.org('LX'), 2026, '梁溪区 2026 年度企业公示信息双随机抽查', 'random', 'filed',
        pg_temp.org('WX'), '2026-02-20 10:00+08', 'perm-fixture'),
       ('PF-PLAN-LX02', pg_temp.org('LX02'), 2026, '通江所 2026 年度农贸市场专项检查', 'special', 'filed',
        pg_temp.org('LX'), '2026-03-01 10:00+08', 'perm-fixture'),
       ('PF-PLAN-JY', pg_temp.org('JY'), 2026, '江阴市 2026 年度电线电缆双随机抽查', 'random', 'filed',
        pg_temp.org('WX'), '2026-02-25 10:00+08', 'perm-fixture');
INSERT INTO supervision.inspection_batch (plan_id, batch_no, scope, planned_quantity, starts_on, ends_on, source_system)
SELECT id, 1, '辖区存续企业', 10, '2026-04-01', '2026-06-30', 'perm-fixture'
  FROM supervision.inspection_plan WHERE plan_no LIKE 'PF-PLAN-%';
INSERT INTO supervision.inspection_task (task_no, batch_id, entity_id, source_system)
SELECT p.plan_no || '-T1', b.id, pg_temp.eid(t.uscc), 'perm-fixture'
  FROM supervision.inspection_plan p JOIN supervision.inspection_batch b ON b.plan_id = p.id
  JOIN (VALUES ('PF-PLAN-LX', '91320213MA1X7Q2HXK'), ('PF-PLAN-LX02', '91320213MA1N7C3F2T'),
               ('PF-PLAN-JY', '91320281MA1G5E9KXK')) AS t (plan_no, uscc) ON t.plan_no = p.plan_no;
INSERT INTO supervision.task_inspector (task_id, staff_id, is_lead)
SELECT t.id, pg_temp.staff(s.login), s.lead
  FROM supervision.inspection_task t,
       (VALUES ('demo_inspector_lx', true), ('demo_inspector2_lx', false)) AS s (login, lead)
 WHERE t.task_no IN ('PF-PLAN-LX-T1', 'PF-PLAN-LX02-T1');
INSERT INTO supervision.inspection_result (task_id, result_code, findings, inspected_on, source_system)
SELECT t.id, 'corrected', '年度报告中从业人数与社保缴纳人数不一致', '2026-04-10', 'perm-fixture'
  FROM supervision.inspection_task t WHERE t.task_no IN ('PF-PLAN-LX-T1', 'PF-PLAN-JY-T1');
INSERT INTO supervision.inspection_result_item (result_id, item_id, result_code)
SELECT r.id, i.id, 'corrected'
  FROM supervision.inspection_result r JOIN supervision.inspection_task t ON t.id = r.task_id,
       supervision.inspection_item i
 WHERE t.task_no IN ('PF-PLAN-LX-T1', 'PF-PLAN-JY-T1') AND i.code = 'PF-SJ-001';

-- enforcement: a case against a natural person in 梁溪, one in 江阴; their penalties
INSERT INTO supervision.enforcement_case (case_no, deciding_org_id, entity_id, party_name, party_kind, party_id_no,
                                          violation_category_code, cause, source, clue_received_on, filed_on,
                                          source_system)
VALUES ('PF-CASE-LX', pg_temp.org('LX'), NULL, '张某', 'person', '320213198001011234', 'unlicensed', '无照经营',
        'report', '2026-04-10', '2026-04-15', 'perm-fixture'),
       ('PF-CASE-JY', pg_temp.org('JY'), pg_temp.eid('91320281MA1G5E9KXK'), '江阴澄江电缆有限公司', 'entity', NULL,
        'product_quality', '生产不合格电缆', 'sampling', '2026-04-11', '2026-04-16', 'perm-fixture');
INSERT INTO supervision.case_officer (case_id, staff_id, is_lead)
SELECT c.id, pg_temp.staff('demo_inspector_lx'), true FROM supervision.enforcement_case c WHERE c.case_no = 'PF-CASE-LX';
INSERT INTO supervision.penalty (decision_no, case_id, deciding_org_id, entity_id, party_name, party_id_no,
                                 violation_category_code, illegal_facts, legal_basis, decided_on, source_system)
SELECT 'PF-PEN-' || substr(c.case_no, 9), c.id, c.deciding_org_id, c.entity_id, c.party_name, c.party_id_no,
       c.violation_category_code, c.cause, '相关法律法规', '2026-05-20', 'perm-fixture'
  FROM supervision.enforcement_case c WHERE c.case_no LIKE 'PF-CASE-%';
INSERT INTO supervision.penalty_measure (penalty_id, kind_code, amount)
SELECT p.id, 'fine', 5000 FROM supervision.penalty p WHERE p.decision_no LIKE 'PF-PEN-%';

-- What each fixture row is, for the tests: table, key (as the test reads it)
-- and the unit whose scope it is in (NULL: nobody's, e.g. an incident whose
-- elevator is not known yet).
CREATE TABLE public.perm_expect (tbl text, key text, scope_org bigint);
INSERT INTO public.perm_expect
SELECT 'rights.complaint', id::text, handling_org_id FROM rights.complaint WHERE source_system = 'perm-fixture'
UNION ALL SELECT 'rights.report', id::text, handling_org_id FROM rights.report WHERE source_system = 'perm-fixture'
UNION ALL SELECT 'rights.consultation', id::text, handling_org_id FROM rights.consultation
           WHERE source_system = 'perm-fixture'
UNION ALL SELECT 'rights.transfer_12345', id::text, handling_org_id FROM rights.transfer_12345
           WHERE source_system = 'perm-fixture'
UNION ALL SELECT 'rights.rescue_incident', id::text, district_org_id FROM rights.rescue_incident
           WHERE source_system = 'perm-fixture'
UNION ALL SELECT 'supervision.inspection_plan', id::text, org_id FROM supervision.inspection_plan
           WHERE source_system = 'perm-fixture'
UNION ALL SELECT 'supervision.inspection_batch', id::text, org_id FROM supervision.inspection_batch
           WHERE source_system = 'perm-fixture'
UNION ALL SELECT 'supervision.inspection_task', id::text, org_id FROM supervision.inspection_task
           WHERE source_system = 'perm-fixture'
UNION ALL SELECT 'supervision.task_inspector', i.task_id || '/' || i.staff_id, t.org_id
            FROM supervision.task_inspector i JOIN supervision.inspection_task t ON t.id = i.task_id
           WHERE t.source_system = 'perm-fixture'
UNION ALL SELECT 'supervision.inspection_result', id::text, org_id FROM supervision.inspection_result
           WHERE source_system = 'perm-fixture'
UNION ALL SELECT 'supervision.inspection_result_item', i.result_id || '/' || i.item_id, r.org_id
            FROM supervision.inspection_result_item i JOIN supervision.inspection_result r ON r.id = i.result_id
           WHERE r.source_system = 'perm-fixture'
UNION ALL SELECT 'supervision.enforcement_case', id::text, deciding_org_id FROM supervision.enforcement_case
           WHERE source_system = 'perm-fixture'
UNION ALL SELECT 'supervision.case_officer', o.case_id || '/' || o.staff_id, c.deciding_org_id
            FROM supervision.case_officer o JOIN supervision.enforcement_case c ON c.id = o.case_id
           WHERE c.source_system = 'perm-fixture'
UNION ALL SELECT 'supervision.penalty', id::text, deciding_org_id FROM supervision.penalty
           WHERE source_system = 'perm-fixture'
UNION ALL SELECT 'supervision.penalty_measure', m.penalty_id || '/' || m.kind_code, m.deciding_org_id
            FROM supervision.penalty_measure m JOIN supervision.penalty p ON p.id = m.penalty_id
           WHERE p.source_system = 'perm-fixture';
GRANT SELECT ON public.perm_expect TO smcon_staff;
-- the tests run pgTAP as the operators themselves
GRANT USAGE ON SCHEMA pgtap TO smcon_staff;
