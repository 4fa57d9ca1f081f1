-- Inspection tasking fixtures (tests/cmd/inspection*.t, tests/screen/inspection*.t):
-- an item whose object type only 40 active 梁溪 entities have, and whose
-- specialty only the two demo inspectors have, so that every task of a
-- plan under it goes to demo_inspector_lx and demo_inspector2_lx.
\set ON_ERROR_STOP 1
INSERT INTO supervision.inspection_item (code, name, category, legal_basis, inspecting_body, object_type, method,
                                         specialty, valid_from, source_system)
VALUES ('TST-001', '企业公示信息测试检查', 'general', '《企业信息公示暂行条例》第十四条', '市场监督管理部门',
        '测试对象', '实地核查', '测试专长', '2020-01-01', 'test'),
       ('TST-EMPTY', '没有对象的测试事项', 'general', '某条例', '市场监督管理部门', '无此对象', '实地核查', NULL,
        '2020-01-01', 'test');
INSERT INTO supervision.inspection_object (entity_id, object_type, org_id, included_on, source_system)
SELECT e.id, '测试对象', e.org_id, '2020-01-01', 'test'
  FROM (SELECT e.id, e.org_id FROM core.entity e JOIN core.org_unit o ON o.id = e.org_id
         WHERE (o.code = 'LX' OR o.parent_id = (SELECT id FROM core.org_unit WHERE code = 'LX')) AND e.status = 'active'
         ORDER BY e.id LIMIT 40) e;
INSERT INTO supervision.inspector (staff_id, specialties, included_on, source_system)
SELECT s.id, '{测试专长}', '2020-01-01', 'test' FROM core.staff s WHERE s.login IN ('demo_inspector_lx', 'demo_inspector2_lx');
UPDATE meta.test_clock SET enabled = true;
