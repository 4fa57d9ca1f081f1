-- 监管行为库: plans → batches → tasks → results keep the plan's org_id; a task
-- is dispatched only with two credentialed inspectors and one lead; recusal;
-- cases and penalties.
BEGIN;
SELECT plan(26);
\ir lib/fixtures.psql

INSERT INTO supervision.inspection_item (code, name, category, legal_basis, inspecting_body, object_type, method,
                                         valid_from, source_system)
VALUES ('SJ-2024-001', '企业公示信息情况检查', 'general', '企业信息公示暂行条例第十四条', '市场监督管理部门',
        '各类企业', '书面检查、实地核查', '2024-01-01', 'smcon');
INSERT INTO supervision.inspection_plan (plan_no, org_id, year, title, kind, status, filed_with_org_id, filed_at,
                                         source_system)
VALUES ('LX-2024-SJ-01', pg_temp.org('LX'), 2024, '梁溪区 2024 年度企业公示信息双随机抽查', 'random', 'filed',
        pg_temp.org('WX'), '2024-02-20 10:00+08', 'smcon');
INSERT INTO supervision.plan_grade_ratio (plan_id, risk_grade, ratio_percent)
SELECT p.id, g.grade, g.ratio FROM supervision.inspection_plan p,
       (VALUES ('A', 1.0), ('B', 2.0), ('C', 10.0), ('D', 30.0)) AS g (grade, ratio)
 WHERE p.plan_no = 'LX-2024-SJ-01';
INSERT INTO supervision.inspection_batch (plan_id, batch_no, scope, planned_quantity, starts_on, ends_on, source_system)
SELECT id, 1, '梁溪区存续企业', 120, '2024-04-01', '2024-06-30', 'smcon'
  FROM supervision.inspection_plan WHERE plan_no = 'LX-2024-SJ-01';
INSERT INTO supervision.inspection_task (task_no, batch_id, entity_id, source_system)
SELECT t.no, b.id, pg_temp.eid(t.uscc), 'smcon'
  FROM supervision.inspection_batch b,
       (VALUES ('LX-2024-SJ-01-0001', '91320213MA1X7Q2HXK'), ('LX-2024-SJ-01-0002', '91320213MA1N7C3F2T')) AS t (no, uscc)
 WHERE b.batch_no = 1 AND b.loaded_at = now();
CREATE FUNCTION pg_temp.task(no text) RETURNS bigint LANGUAGE sql STABLE
RETURN (SELECT id FROM supervision.inspection_task WHERE task_no = no);
CREATE FUNCTION pg_temp.dispatch(no text) RETURNS void LANGUAGE sql
BEGIN ATOMIC
	UPDATE supervision.inspection_task SET status = 'dispatched', dispatched_at = '2024-04-08 09:00+08'
	 WHERE task_no = no;
END;

-- org_id is the plan's
SELECT is((SELECT org_id FROM supervision.inspection_task WHERE task_no = 'LX-2024-SJ-01-0001'), pg_temp.org('LX'),
          'a task takes org_id from its plan');
SELECT throws_ok($$INSERT INTO supervision.inspection_task (task_no, batch_id, org_id, entity_id, source_system)
                   SELECT 'LX-2024-SJ-01-0003', b.id, pg_temp.org('JY'), pg_temp.eid('91320202MA1T2L6CXU'), 'smcon'
                     FROM supervision.inspection_batch b WHERE b.batch_no = 1 AND b.loaded_at = now()$$, '23503', NULL,
                 'a task cannot carry another bureau''s org_id than its plan');

-- the team
INSERT INTO supervision.task_inspector (task_id, staff_id, is_lead)
VALUES (pg_temp.task('LX-2024-SJ-01-0001'), pg_temp.staff('demo_inspector_lx'), true);
SELECT throws_ok($$SELECT pg_temp.dispatch('LX-2024-SJ-01-0001')$$, '23514', NULL,
                 'a task with one inspector cannot be dispatched');
INSERT INTO supervision.task_inspector (task_id, staff_id, is_lead)
VALUES (pg_temp.task('LX-2024-SJ-01-0001'), pg_temp.staff('demo_clerk_lx'), false);
SELECT throws_ok($$SELECT pg_temp.dispatch('LX-2024-SJ-01-0001')$$, '23514', NULL,
                 'a task whose second inspector holds no enforcement credential cannot be dispatched');
DELETE FROM supervision.task_inspector WHERE staff_id = pg_temp.staff('demo_clerk_lx');
INSERT INTO supervision.task_inspector (task_id, staff_id, is_lead)
VALUES (pg_temp.task('LX-2024-SJ-01-0001'), pg_temp.staff('demo_inspector2_lx'), false);
UPDATE supervision.task_inspector SET is_lead = false WHERE staff_id = pg_temp.staff('demo_inspector_lx');
SELECT throws_ok($$SELECT pg_temp.dispatch('LX-2024-SJ-01-0001')$$, '23514', NULL,
                 'a task without a lead cannot be dispatched');
SELECT throws_ok($$UPDATE supervision.task_inspector SET is_lead = true
                    WHERE task_id = pg_temp.task('LX-2024-SJ-01-0001')$$, '23505', NULL, 'a task has one lead');
UPDATE supervision.task_inspector SET is_lead = true WHERE staff_id = pg_temp.staff('demo_inspector_lx');
SELECT lives_ok($$SELECT pg_temp.dispatch('LX-2024-SJ-01-0001')$$,
                'two credentialed inspectors, one the lead: the task is dispatched');
SELECT throws_ok($$DELETE FROM supervision.task_inspector
                    WHERE task_id = pg_temp.task('LX-2024-SJ-01-0001') AND NOT is_lead$$, '23514', NULL,
                 'a dispatched task cannot lose its second inspector');
SELECT throws_ok($$INSERT INTO supervision.inspection_task (task_no, batch_id, entity_id, status, dispatched_at,
                                                            source_system)
                   SELECT 'LX-2024-SJ-01-0004', b.id, pg_temp.eid('91320202MA1T2L6CXU'), 'dispatched', now(), 'smcon'
                     FROM supervision.inspection_batch b WHERE b.batch_no = 1 AND b.loaded_at = now()$$, '23514', NULL,
                 'a task cannot be created dispatched without its team');
SELECT lives_ok($$SET CONSTRAINTS supervision.task_team_complete DEFERRED;
                  INSERT INTO supervision.inspection_task (task_no, batch_id, entity_id, status, dispatched_at,
                                                           source_system)
                  SELECT 'LX-2024-SJ-01-0005', b.id, pg_temp.eid('91320202MA1T2L6CXU'), 'dispatched', now(), 'smcon'
                    FROM supervision.inspection_batch b WHERE b.batch_no = 1 AND b.loaded_at = now();
                  INSERT INTO supervision.task_inspector (task_id, staff_id, is_lead)
                  VALUES (pg_temp.task('LX-2024-SJ-01-0005'), pg_temp.staff('demo_inspector_lx'), true),
                         (pg_temp.task('LX-2024-SJ-01-0005'), pg_temp.staff('demo_handler_lx'), false);
                  SET CONSTRAINTS supervision.task_team_complete IMMEDIATE$$,
                'with the check deferred, task and team are written in one transaction');

-- recusal
INSERT INTO supervision.inspector_recusal (staff_id, entity_id, reason, source_system)
VALUES (pg_temp.staff('demo_inspector2_lx'), pg_temp.eid('91320213MA1N7C3F2T'), '配偶在该企业任财务负责人', 'smcon');
SELECT throws_ok($$INSERT INTO supervision.task_inspector (task_id, staff_id)
                   VALUES (pg_temp.task('LX-2024-SJ-01-0002'), pg_temp.staff('demo_inspector2_lx'))$$, '23514', NULL,
                 'an inspector with an interest in the entity is not put on its task');
CREATE TEMP TABLE team_0002 AS
SELECT count(*) AS n FROM supervision.task_inspector WHERE task_id = pg_temp.task('LX-2024-SJ-01-0002');
SELECT throws_ok($$INSERT INTO supervision.task_inspector (task_id, staff_id, is_lead)
                   VALUES (pg_temp.task('LX-2024-SJ-01-0002'), pg_temp.staff('demo_inspector_lx'), false),
                          (pg_temp.task('LX-2024-SJ-01-0002'), pg_temp.staff('demo_inspector2_lx'), false)$$, '23514',
                 format('检查人员（职员 %s）与检查对象有利害关系，应当回避', pg_temp.staff('demo_inspector2_lx')),
                 '  ... nor in a statement writing several team rows, which is refused whole, naming the inspector');
SELECT is((SELECT count(*) FROM supervision.task_inspector WHERE task_id = pg_temp.task('LX-2024-SJ-01-0002')),
          (SELECT n FROM team_0002), '  ... none of its rows is written');
INSERT INTO supervision.task_inspector (task_id, staff_id, is_lead)
VALUES (pg_temp.task('LX-2024-SJ-01-0002'), pg_temp.staff('demo_inspector_lx'), false);
SELECT throws_ok($$UPDATE supervision.task_inspector SET staff_id = pg_temp.staff('demo_inspector2_lx')
                    WHERE task_id = pg_temp.task('LX-2024-SJ-01-0002') AND staff_id = pg_temp.staff('demo_inspector_lx')$$,
                 '23514', NULL, '  ... nor moved onto it');
DELETE FROM supervision.task_inspector WHERE task_id = pg_temp.task('LX-2024-SJ-01-0002') AND staff_id = pg_temp.staff('demo_inspector_lx');

-- results
SELECT throws_ok($$INSERT INTO supervision.inspection_result (task_id, result_code, inspected_on, source_system)
                   VALUES (pg_temp.task('LX-2024-SJ-01-0001'), 'corrected', '2024-04-10', 'smcon')$$, '23514', NULL,
                 'a result that found a problem says what it found');
INSERT INTO supervision.inspection_result (task_id, result_code, findings, inspected_on, rectification_due_on,
                                           source_system)
VALUES (pg_temp.task('LX-2024-SJ-01-0001'), 'corrected', '年度报告中从业人数与社保缴纳人数不一致', '2024-04-10',
        '2024-05-10', 'smcon');
SELECT is((SELECT org_id || ' ' || entity_id FROM supervision.inspection_result WHERE task_id = pg_temp.task('LX-2024-SJ-01-0001')),
          pg_temp.org('LX') || ' ' || pg_temp.eid('91320213MA1X7Q2HXK'),
          'a result takes org_id and entity_id from its task');
SELECT throws_ok($$INSERT INTO supervision.inspection_result (task_id, entity_id, result_code, inspected_on, source_system)
                   VALUES (pg_temp.task('LX-2024-SJ-01-0005'), pg_temp.eid('91320213MA1X7Q2HXK'), 'no_problem',
                           '2024-04-12', 'smcon')$$, '23503', NULL,
                 'a result is about the entity of its task');
SELECT throws_ok($$INSERT INTO supervision.inspection_result (task_id, result_code, inspected_on, source_system)
                   VALUES (pg_temp.task('LX-2024-SJ-01-0001'), 'no_problem', '2024-04-12', 'smcon')$$, '23505', NULL,
                 'a task has one result');
UPDATE supervision.inspection_plan SET org_id = pg_temp.org('WX') WHERE plan_no = 'LX-2024-SJ-01';
SELECT is((SELECT count(*)::int FROM supervision.inspection_result r
             JOIN supervision.inspection_task t ON t.id = r.task_id
             JOIN supervision.inspection_batch b ON b.id = t.batch_id
            WHERE r.org_id = pg_temp.org('WX') AND t.org_id = pg_temp.org('WX') AND b.org_id = pg_temp.org('WX')), 1,
          'a plan handed to another bureau takes its batches, tasks and results along');
SELECT throws_ok($$UPDATE supervision.inspection_task SET status = 'done'
                    WHERE task_no = 'LX-2024-SJ-01-0001'$$, '23514', NULL, 'a finished task says when inspection ended');

-- cases and penalties
INSERT INTO supervision.enforcement_case (case_no, deciding_org_id, entity_id, party_name, party_kind,
                                          violation_category_code, cause, source, inspection_result_id,
                                          clue_received_on, filed_on, source_system)
SELECT '锡梁市监案〔2024〕0321 号', pg_temp.org('LX'), pg_temp.eid('91320213MA1X7Q2HXK'), '无锡红豆实业有限公司', 'entity',
       'registration', '公示信息隐瞒真实情况', 'inspection', r.id, '2024-04-10', '2024-04-15', '案件管理系统'
  FROM supervision.inspection_result r WHERE r.task_id = pg_temp.task('LX-2024-SJ-01-0001');
SELECT throws_ok($$UPDATE supervision.enforcement_case SET decided_on = '2024-04-01'
                    WHERE case_no = '锡梁市监案〔2024〕0321 号'$$, '23514', NULL, 'a case is decided after it is filed');
SELECT throws_ok($$INSERT INTO supervision.enforcement_case (case_no, deciding_org_id, party_name, party_kind,
                                                            violation_category_code, cause, source, source_system)
                   VALUES ('锡梁市监案〔2024〕0322 号', pg_temp.org('LX'), '张某', 'person', 'unlicensed', '无照经营',
                           'report', '案件管理系统')$$, '23514', NULL, 'a case under the general procedure has a filing date');
INSERT INTO supervision.penalty (decision_no, case_id, deciding_org_id, entity_id, party_name, violation_category_code,
                                 illegal_facts, legal_basis, decided_on, source_system)
SELECT '锡梁市监处罚〔2024〕0156 号', c.id, c.deciding_org_id, c.entity_id, c.party_name, 'registration',
       '2023 年度报告中从业人数填报不实', '《企业信息公示暂行条例》第十八条', '2024-05-20', '案件管理系统'
  FROM supervision.enforcement_case c WHERE c.case_no = '锡梁市监案〔2024〕0321 号';
CREATE FUNCTION pg_temp.penalty() RETURNS bigint LANGUAGE sql STABLE
RETURN (SELECT id FROM supervision.penalty WHERE decision_no = '锡梁市监处罚〔2024〕0156 号');
SELECT throws_ok($$INSERT INTO supervision.penalty_measure (penalty_id, kind_code) VALUES (pg_temp.penalty(), 'fine')$$,
                 '23514', NULL, 'a fine has an amount');
SELECT lives_ok($$INSERT INTO supervision.penalty_measure (penalty_id, kind_code, amount)
                  VALUES (pg_temp.penalty(), 'fine', 20000), (pg_temp.penalty(), 'warning', NULL)$$,
                'a warning and a fine of 20000 元');
SELECT is((SELECT count(*)::int FROM supervision.penalty_measure
            WHERE penalty_id = pg_temp.penalty() AND deciding_org_id = pg_temp.org('LX')), 2,
          'the measures carry the deciding bureau of their decision');
SELECT throws_ok($$UPDATE supervision.penalty SET status = 'executed' WHERE id = pg_temp.penalty()$$, '23514', NULL,
                 'an executed penalty says when');

SELECT * FROM finish();
ROLLBACK;
