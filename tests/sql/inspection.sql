-- 双随机、一公开 (issue 13): plans and their states, bad input named by field,
-- scope, a preview that names no entity, the draw (quotas by the rounding
-- rule, replay, ≥ 2 inspectors, leave, recusal, last inspector, load), verify
-- catching an altered snapshot row, seed, task or team, results with
-- versions and the second inspector's confirmation, the abnormal-operation
-- proposal, flags with their article, publication masked.
BEGIN;
SELECT * FROM no_plan();
UPDATE meta.test_clock SET enabled = true;
SET smcon.now = '2026-06-01 10:00:00+08';
\ir lib/fixtures.psql

-- what a login gets running a statement: its first value as text, or ERR SQLSTATE: message
CREATE FUNCTION pg_temp.as_(who text, stmt text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	v text;
BEGIN
	EXECUTE format('SET SESSION AUTHORIZATION %I', who);
	BEGIN
		IF stmt ~* '^\s*INSERT' THEN
			EXECUTE stmt;
		ELSE
			EXECUTE stmt INTO v;
		END IF;
	EXCEPTION WHEN OTHERS THEN
		RESET SESSION AUTHORIZATION;
		RETURN 'ERR ' || SQLSTATE || ': ' || SQLERRM;
	END;
	RESET SESSION AUTHORIZATION;
	RETURN v;
END $$;
CREATE FUNCTION pg_temp.state(s text) RETURNS text LANGUAGE sql RETURN split_part(s, ':', 1);

-- The fixture: an item whose object type and specialty only these rows have.
INSERT INTO supervision.inspection_item (code, name, category, legal_basis, inspecting_body, object_type, method,
                                         specialty, valid_from, source_system)
VALUES ('TST-001', '测试事项', 'general', '《企业信息公示暂行条例》第十四条', '市场监督管理部门', '测试对象',
        '实地核查', '测试专长', '2020-01-01', 'test'),
       ('TST-002', '另一测试事项', 'general', '《中华人民共和国价格法》第十三条', '市场监督管理部门', '测试对象',
        '实地核查', '测试专长', '2020-01-01', 'test'),
       ('TST-NOBODY', '无人能查的事项', 'general', '某条例', '市场监督管理部门', '测试对象', '实地核查',
        '无人具备的专长', '2020-01-01', 'test'),
       ('TST-EMPTY', '没有对象的事项', 'general', '某条例', '市场监督管理部门', '无此对象', '实地核查', NULL,
        '2020-01-01', 'test');
-- 62 active entities of 梁溪: A 10, B 30 (half ungraded), C 10, D 10; one deregistered; one inspected in March
CREATE TEMP TABLE fx AS
SELECT e.id, e.uscc::text AS uscc, e.name, row_number() OVER (ORDER BY e.id) AS k
  FROM core.entity e JOIN core.org_unit o ON o.id = e.org_id
 WHERE (o.id = pg_temp.org('LX') OR o.parent_id = pg_temp.org('LX')) AND e.status = 'active'
 ORDER BY e.id LIMIT 62;
UPDATE core.entity e SET risk_grade = CASE WHEN f.k <= 10 THEN 'A' WHEN f.k <= 25 THEN NULL WHEN f.k <= 40 THEN 'B'
                                          WHEN f.k <= 50 THEN 'C' ELSE 'D' END,
                    risk_graded_on = CASE WHEN f.k BETWEEN 11 AND 25 THEN NULL ELSE date '2026-01-02' END
  FROM fx f WHERE f.id = e.id;
UPDATE core.entity e SET status = 'deregistered', status_changed_on = '2026-01-05', status_reason = '测试'
  FROM fx f WHERE f.id = e.id AND f.k = 61;
INSERT INTO supervision.inspection_object (entity_id, object_type, org_id, included_on, source_system)
SELECT f.id, '测试对象', pg_temp.org('LX'), '2020-01-01', 'test' FROM fx f;
SELECT is((SELECT count(*)::int FROM fx), 62, 'the fixture has 62 entities of 梁溪');

-- inspectors with the specialty: the two demo inspectors and eight of 梁溪's officers
CREATE TEMP TABLE ix AS
SELECT s.id, s.login, row_number() OVER (ORDER BY s.id) AS k
  FROM core.staff s JOIN core.org_unit o ON o.id = s.org_unit_id JOIN supervision.inspector i ON i.staff_id = s.id
 WHERE (o.id = pg_temp.org('LX') OR o.parent_id = pg_temp.org('LX')) AND s.credential_no IS NOT NULL
   AND s.status = 'active' AND i.excluded_on IS NULL
 ORDER BY s.id LIMIT 8;
UPDATE supervision.inspector i SET specialties = i.specialties || '测试专长'::text FROM ix WHERE ix.id = i.staff_id;
INSERT INTO supervision.inspector (staff_id, specialties, included_on, source_system)
SELECT pg_temp.staff(l), '{测试专长}', '2020-01-01', 'test' FROM unnest(ARRAY['demo_inspector_lx', 'demo_inspector2_lx']) l;
INSERT INTO ix SELECT pg_temp.staff(l), l, 8 + n FROM unnest(ARRAY['demo_inspector_lx', 'demo_inspector2_lx']) WITH ORDINALITY AS u (l, n);
-- 1 is on leave in June; 2 declared an interest in D entity 51; 3 and 4 inspected D entity 52 last
INSERT INTO supervision.inspector_leave (staff_id, starts_on, ends_on, reason, source_system)
SELECT id, '2026-06-10', '2026-06-20', '年休假', 'test' FROM ix WHERE k = 1;
INSERT INTO supervision.inspector_recusal (staff_id, entity_id, reason, source_system)
SELECT ix.id, fx.id, '近亲属任职', 'test' FROM ix, fx WHERE ix.k = 2 AND fx.k = 51;
-- an earlier plan: entity 52 inspected (another item) by 3 and 4; entity 62 inspected under TST-001 in March
INSERT INTO supervision.inspection_plan (plan_no, org_id, year, title, kind, status, filed_with_org_id, filed_at, source_system)
VALUES ('TST-OLD', pg_temp.org('LX'), 2026, '旧计划', 'random', 'in_progress', pg_temp.org('WX'), '2026-01-10', 'test');
INSERT INTO supervision.plan_item (plan_id, item_id)
SELECT p.id, i.id FROM supervision.inspection_plan p, supervision.inspection_item i
 WHERE p.plan_no = 'TST-OLD' AND i.code IN ('TST-001');
INSERT INTO supervision.inspection_batch (plan_id, batch_no, scope, planned_quantity, starts_on, ends_on, source_system)
SELECT id, 1, '梁溪', 2, '2026-02-01', '2026-03-31', 'test' FROM supervision.inspection_plan WHERE plan_no = 'TST-OLD';
INSERT INTO supervision.inspection_task (task_no, batch_id, entity_id, source_system)
SELECT 'TST-OLD-' || fx.k, b.id, fx.id, 'test'
  FROM supervision.inspection_batch b JOIN supervision.inspection_plan p ON p.id = b.plan_id, fx
 WHERE p.plan_no = 'TST-OLD' AND fx.k IN (52, 62);
INSERT INTO supervision.task_inspector (task_id, staff_id, is_lead)
SELECT t.id, ix.id, ix.k = 3 FROM supervision.inspection_task t, ix WHERE t.task_no LIKE 'TST-OLD-%' AND ix.k IN (3, 4);
UPDATE supervision.inspection_task SET status = 'done', dispatched_at = '2026-02-02', inspected_from = '2026-03-01',
                                       inspected_to = '2026-03-01'
 WHERE task_no LIKE 'TST-OLD-%';
UPDATE supervision.plan_item pi SET item_id = (SELECT id FROM supervision.inspection_item WHERE code = 'JSSJ-001')
  FROM supervision.inspection_plan p WHERE p.id = pi.plan_id AND p.plan_no = 'TST-OLD';
INSERT INTO supervision.inspection_plan (plan_no, org_id, year, title, kind, status, filed_with_org_id, filed_at, source_system)
VALUES ('TST-OLD2', pg_temp.org('LX'), 2026, '旧计划二', 'random', 'in_progress', pg_temp.org('WX'), '2026-01-10', 'test');
INSERT INTO supervision.plan_item (plan_id, item_id)
SELECT p.id, i.id FROM supervision.inspection_plan p, supervision.inspection_item i
 WHERE p.plan_no = 'TST-OLD2' AND i.code = 'TST-001';
INSERT INTO supervision.inspection_batch (plan_id, batch_no, scope, planned_quantity, starts_on, ends_on, source_system)
SELECT id, 1, '梁溪', 1, '2026-02-01', '2026-03-31', 'test' FROM supervision.inspection_plan WHERE plan_no = 'TST-OLD2';
UPDATE supervision.inspection_task t SET batch_id = b.id
  FROM supervision.inspection_batch b JOIN supervision.inspection_plan p ON p.id = b.plan_id
 WHERE p.plan_no = 'TST-OLD2' AND t.task_no = 'TST-OLD-62';
INSERT INTO supervision.inspection_result (task_id, result_code, inspected_on, publish_due_on, source_system)
SELECT id, 'no_problem', '2026-03-01', '2026-03-30', 'test' FROM supervision.inspection_task WHERE task_no = 'TST-OLD-62';

-- ---------------------------------------------------------------------------
-- Creating a plan, bad input

CREATE TEMP TABLE plans (name text, no text);
GRANT ALL ON plans TO PUBLIC;
CREATE FUNCTION pg_temp.create_stmt(items text, scope text, ratios text, a text, b text, yr int DEFAULT 2026)
RETURNS text LANGUAGE sql
RETURN format($f$SELECT api.plan_create('梁溪区测试抽查', %s, %L, %L, %L, %L, %L)$f$, yr, items, scope, ratios, a, b);
SELECT is(pg_temp.state(pg_temp.as_('demo_supervisor_lx', pg_temp.create_stmt('{NOPE-1}', '{LX}', 'A:1', '2026-06-01', '2026-06-30'))),
          'ERR 22023', 'an unknown item is refused as bad input');
SELECT alike(pg_temp.as_('demo_supervisor_lx', pg_temp.create_stmt('{NOPE-1}', '{LX}', 'A:1', '2026-06-01', '2026-06-30')),
            '%抽查事项“NOPE-1”%', '  ... naming the field and the value');
SELECT alike(pg_temp.as_('demo_supervisor_lx', pg_temp.create_stmt('{TST-001}', '{火星区}', 'A:1', '2026-06-01', '2026-06-30')),
            'ERR 22023: 抽查范围“火星区”%', 'an unknown division is refused, naming the field');
SELECT alike(pg_temp.as_('demo_supervisor_lx', pg_temp.create_stmt('{TST-001}', '{LX}', 'A:150', '2026-06-01', '2026-06-30')),
            'ERR 22023: 抽查比例“A:150”：须为 0 到 100%', 'a ratio above 100 is refused');
SELECT alike(pg_temp.as_('demo_supervisor_lx', pg_temp.create_stmt('{TST-001}', '{LX}', 'A:-1', '2026-06-01', '2026-06-30')),
            'ERR 22023: 抽查比例%', '  ... and one below 0');
SELECT alike(pg_temp.as_('demo_supervisor_lx', pg_temp.create_stmt('{TST-001}', '{LX}', 'A:1', '2026-06-30', '2026-06-01')),
            'ERR 22023: 检查实施期：结束日期不能早于开始日期', 'a window that ends before it starts is refused');
SELECT alike(pg_temp.as_('demo_supervisor_lx', pg_temp.create_stmt('{TST-001}', '{LX}', 'A:1', '2026-12-01', '2027-01-30')),
            'ERR 22023: 检查实施期%不在计划年度 2026 年内', 'a window outside the plan year is refused');
SELECT alike(pg_temp.as_('demo_supervisor_lx', pg_temp.create_stmt('{TST-EMPTY}', '{LX}', 'A:1', '2026-06-01', '2026-06-30')),
            'ERR 22023: 抽查范围：%没有可抽取的对象', 'a scope that yields no candidates is refused');
SELECT is((SELECT count(*)::int FROM supervision.inspection_plan WHERE title = '梁溪区测试抽查'), 0,
          'bad input writes nothing');
SELECT alike(pg_temp.as_('demo_supervisor_lx', pg_temp.create_stmt('{TST-001}', '{JY}', 'A:1', '2026-06-01', '2026-06-30')),
            'ERR 42501: %', 'a district supervisor cannot plan for another district');
SELECT alike(pg_temp.as_('demo_inspector_lx', pg_temp.create_stmt('{TST-001}', '{LX}', 'A:1', '2026-06-01', '2026-06-30')),
            'ERR 42501: %', 'an inspector cannot plan');

-- the plan of the tests: A 10 %, B 15 %, C 25 %, D 100 %
INSERT INTO plans VALUES ('p1', pg_temp.as_('demo_supervisor_lx',
	pg_temp.create_stmt('{TST-001}', '{LX}', 'A:10,B:15,C:25,D:100', '2026-06-01', '2026-06-30')));
SELECT matches((SELECT no FROM plans WHERE name = 'p1'), '^LX2026-[0-9]{4}$', 'a plan gets a number of its bureau and year');
SELECT is((SELECT status FROM supervision.inspection_plan WHERE plan_no = (SELECT no FROM plans WHERE name = 'p1')), 'draft',
          'a new plan is a draft');
INSERT INTO plans VALUES ('city', pg_temp.as_('demo_supervisor',
	pg_temp.create_stmt('{TST-001}', '{}', 'A:10,B:15,C:25,D:100', '2026-06-01', '2026-06-30')));
SELECT is((SELECT o.code FROM supervision.inspection_plan p JOIN core.org_unit o ON o.id = p.org_id
            WHERE p.plan_no = (SELECT no FROM plans WHERE name = 'city')), 'WX', 'the city supervisor plans for the city');
SELECT alike(pg_temp.as_('demo_supervisor_lx', format('SELECT api.plan_file(%L)', (SELECT no FROM plans WHERE name = 'city'))),
            'ERR 42501: %', 'a district supervisor cannot file the city''s plan');
SELECT alike(pg_temp.as_('demo_supervisor_lx', format('SELECT count(*) FROM api.plan_preview(%L)', (SELECT no FROM plans WHERE name = 'city'))),
            'ERR 42501: %', '  ... nor preview it');
SELECT alike(pg_temp.as_('demo_supervisor_lx', format('SELECT drawn FROM api.plan_draw(%L)', (SELECT no FROM plans WHERE name = 'city'))),
            'ERR 42501: %', '  ... nor draw it');

-- ---------------------------------------------------------------------------
-- Preview: counts only

CREATE TEMP TABLE preview AS SELECT * FROM api.plan_preview('x') WHERE false;
GRANT ALL ON preview TO PUBLIC;
SELECT is(pg_temp.as_('demo_supervisor_lx', format('INSERT INTO preview SELECT * FROM api.plan_preview(%L)', (SELECT no FROM plans WHERE name = 'p1'))),
          NULL, 'the supervisor previews the plan');
SELECT results_eq($$SELECT label, population, quota FROM preview WHERE section = '风险分层' ORDER BY label$$,
                  $$VALUES ('A', 10::bigint, 1::bigint), ('B', 30, 5), ('C', 10, 3), ('D', 10, 10)$$,
                  'the strata and quotas: ceil(n × ratio / 100), 30 × 15 % = 4.5 → 5, 10 × 25 % = 2.5 → 3');
SELECT results_eq($$SELECT label, population FROM preview WHERE section = '排除' ORDER BY label$$,
                  $$VALUES ('已注销、吊销、撤销或迁出', 1::bigint), ('近 12 个月内已按同一事项检查', 1)$$,
                  'the exclusions are counted');
SELECT is((SELECT population FROM preview WHERE section = '检查人员' AND label = '可抽人员'), 9::bigint,
          'nine inspectors can be drawn (one is on leave)');
SELECT is((SELECT population FROM preview WHERE section = '检查人员' AND label = '实施期内休假'), 1::bigint,
          '  ... the one on leave is counted');
SELECT is((SELECT count(*)::int FROM preview p, fx WHERE p.label IN (fx.uscc, fx.name, fx.id::text)), 0,
          'the preview names no entity');
SELECT is((SELECT array_agg(format_type(a.atttypid, a.atttypmod) ORDER BY a.attnum) FROM pg_attribute a
            WHERE a.attrelid = 'preview'::regclass AND a.attnum > 0),
          '{text,text,bigint,bigint}', '  ... its rows are a section, a label and two counts');
SELECT ok(NOT has_function_privilege('demo_supervisor_lx', 'core.plan_population(bigint)', 'EXECUTE')
          AND NOT has_function_privilege('demo_supervisor_lx', 'core.draw_objects_v1(bigint)', 'EXECUTE')
          AND NOT has_function_privilege('demo_supervisor_lx', 'core.draw_objects_v2(bigint)', 'EXECUTE')
          AND NOT has_function_privilege('demo_analyst', 'core.draw_objects_v2(bigint)', 'EXECUTE')
          AND NOT has_function_privilege('demo_supervisor_lx', 'core.plan_population_into(bigint, bigint)', 'EXECUTE')
          AND NOT has_function_privilege('demo_supervisor_lx', 'core.draw_inspectors_v1(bigint, bigint[])', 'EXECUTE')
          AND NOT has_function_privilege('demo_analyst', 'core.plan_population(bigint)', 'EXECUTE'),
          'no role may call the functions that name candidates or rank them');
SELECT is(pg_temp.as_('demo_supervisor_lx', format($f$SELECT count(*) FROM supervision.inspection_draw d
                                                      JOIN supervision.inspection_batch b ON b.id = d.batch_id
                                                      JOIN supervision.inspection_plan p ON p.id = b.plan_id
                                                     WHERE p.plan_no = %L$f$, (SELECT no FROM plans WHERE name = 'p1')))::int, 0,
          'no draw and no snapshot exist before the commit');

-- ---------------------------------------------------------------------------
-- The draw

SELECT alike(pg_temp.as_('demo_supervisor_lx', format('SELECT drawn FROM api.plan_draw(%L)', (SELECT no FROM plans WHERE name = 'p1'))),
            'ERR 55000: %须先报上级备案%', 'a draft cannot be drawn');
SELECT is(pg_temp.as_('demo_supervisor_lx', format('SELECT api.plan_file(%L)', (SELECT no FROM plans WHERE name = 'p1'))),
          '无锡市市场监督管理局', 'a district plan is filed with the city bureau');
-- p1 is drawn with a given seed, so that what the tests below need of it
-- (two tasks of demo_inspector_lx without demo_inspector2_lx) holds on every
-- run; the server's own seed is checked on the city's plan further down
SELECT is(pg_temp.as_('demo_supervisor_lx', format('SELECT drawn FROM api.plan_draw(%L, %L, %L)', (SELECT no FROM plans WHERE name = 'p1'),
                                                   '体彩 2026060 期 02 11 17 24 30', '公证员 王平')),
          '19', 'the draw takes 1 + 5 + 3 + 10 entities');
SELECT alike(pg_temp.as_('demo_supervisor_lx', format('SELECT drawn FROM api.plan_draw(%L)', (SELECT no FROM plans WHERE name = 'p1'))),
            'ERR 55000: %', 'a batch cannot be drawn twice');
SELECT ok((SELECT count(*) >= 3 FROM audit.log WHERE table_name = 'supervision.inspection_plan' AND actor = 'demo_supervisor_lx'
              AND row_key ->> 'id' = (SELECT id::text FROM supervision.inspection_plan WHERE plan_no = (SELECT no FROM plans WHERE name = 'p1'))),
          'creating, filing and drawing the plan are audited under the supervisor''s name');

CREATE TEMP VIEW p1_task AS
SELECT t.*, c.stratum FROM supervision.inspection_task t
  JOIN supervision.inspection_batch b ON b.id = t.batch_id
  JOIN supervision.inspection_plan p ON p.id = b.plan_id
  JOIN supervision.inspection_draw d ON d.batch_id = b.id AND d.kind = 'object'
  JOIN supervision.draw_chunk c ON c.draw_id = d.id AND t.entity_id = ANY (c.entity_ids)
 WHERE p.plan_no = (SELECT no FROM plans WHERE name = 'p1');
-- the state names carry no SET, so that the lists inline them (0219)
SELECT is(ARRAY(SELECT p.proname::text FROM pg_proc p
                 WHERE p.oid IN ('core.task_status_name(text)'::regprocedure, 'core.plan_status_name(text)'::regprocedure)
                   AND p.proconfig IS NOT NULL),
          '{}'::text[], 'the task and plan state names are inlined into the lists: no SET on them');

-- the draw's tasks and team rows reach the audit log as one entry each
-- (audit.bulk_statement): the number of rows, the first and last key, and
-- the SHA-256 of the rows as written; rows written any other way, one entry
-- a row (the old plan's tasks above were inserted by hand)
SELECT is((SELECT format('%s %s %s %s', count(*), sum((l.detail ->> 'rows')::int), min(l.detail ->> 'by'),
                         bool_and(l.row_key IS NULL AND l.new_values IS NULL AND l.actor = 'demo_supervisor_lx'))
             FROM audit.log l
            WHERE l.table_name = 'supervision.inspection_task' AND l.action = 'insert'
              AND (l.detail -> 'first' ->> 'id')::bigint = (SELECT min(id) FROM p1_task)
              AND (l.detail -> 'last' ->> 'id')::bigint = (SELECT max(id) FROM p1_task)),
          '1 19 api.plan_draw(text,text,text) t', 'the draw''s 19 tasks are one audit entry, under the supervisor''s name');
SELECT is((SELECT l.detail ->> 'rows_sha256' FROM audit.log l
            WHERE l.table_name = 'supervision.inspection_task' AND (l.detail -> 'first' ->> 'id')::bigint = (SELECT min(id) FROM p1_task)),
          (SELECT encode(sha256(convert_to(string_agg(t::text, E'\n' ORDER BY t.id), 'UTF8')), 'hex')
             FROM supervision.inspection_task t WHERE t.id IN (SELECT id FROM p1_task)),
          '  ... its digest is the SHA-256 of the tasks as written, a row''s text a line, in key order');
SELECT is((SELECT format('%s %s', count(*), sum((l.detail ->> 'rows')::int)) FROM audit.log l
            WHERE l.table_name = 'supervision.task_inspector' AND l.action = 'insert'
              AND (l.detail -> 'first' ->> 'task_id')::bigint = (SELECT min(id) FROM p1_task)),
          '1 38', '  ... and their 38 team rows another');
SELECT is((SELECT l.detail ->> 'rows_sha256' FROM audit.log l
            WHERE l.table_name = 'supervision.task_inspector' AND (l.detail -> 'first' ->> 'task_id')::bigint = (SELECT min(id) FROM p1_task)),
          (SELECT encode(sha256(convert_to(string_agg(ti::text, E'\n' ORDER BY ti.task_id, ti.staff_id), 'UTF8')), 'hex')
             FROM supervision.task_inspector ti WHERE ti.task_id IN (SELECT id FROM p1_task)),
          '  ... whose digest is over the team rows in key order, as the draw writes them');
SELECT is((SELECT count(*)::int FROM audit.log l
            WHERE l.table_name IN ('supervision.inspection_task', 'supervision.task_inspector')
              AND coalesce(l.row_key ->> 'id', l.row_key ->> 'task_id')::bigint IN (SELECT id FROM p1_task)),
          0, '  ... no entry a row for them');
SELECT is((SELECT count(*)::int FROM audit.log l
            WHERE l.table_name = 'supervision.inspection_task' AND l.action = 'insert'
              AND l.row_key ->> 'id' IN (SELECT id::text FROM supervision.inspection_task WHERE task_no LIKE 'TST-OLD-%')),
          2, '  ... while tasks inserted by any other statement are an entry a row');

SELECT is((SELECT d.algorithm || ' ' || (SELECT sum(cardinality(c.entity_ids)) FROM supervision.draw_chunk c WHERE c.draw_id = d.id)
                 || ' ' || (SELECT count(*) FROM supervision.draw_candidate c WHERE c.draw_id = d.id)
             FROM supervision.inspection_draw d JOIN supervision.inspection_batch b ON b.id = d.batch_id
             JOIN supervision.inspection_plan p ON p.id = b.plan_id
            WHERE p.plan_no = (SELECT no FROM plans WHERE name = 'p1') AND d.kind = 'object'),
          'v2 ' || (SELECT sum(population) FROM preview WHERE section = '风险分层') || ' 0',
          'a new draw is algorithm v2: its snapshot is in chunks, every previewed candidate in one, no row per candidate');
SELECT is((SELECT count(*)::int FROM supervision.draw_chunk c JOIN p1_task t ON t.entity_id = ANY (c.entity_ids)
            WHERE c.draw_id = t.draw_id AND (c.chunk_no <> t.entity_id / 32768 OR c.entity_ids <> ARRAY(SELECT unnest(c.entity_ids) ORDER BY 1))),
          0, '  ... a chunk per stratum and block of 32768 entity numbers, its entities in order');
SELECT results_eq($$SELECT stratum, count(*) FROM p1_task GROUP BY 1 ORDER BY 1$$,
                  $$VALUES ('A', 1::bigint), ('B', 5), ('C', 3), ('D', 10)$$,
                  'the tasks per stratum are the quotas');
SELECT is((SELECT count(*)::int FROM p1_task t WHERE (SELECT count(*) FROM supervision.task_inspector ti WHERE ti.task_id = t.id) < 2),
          0, 'no task has fewer than two inspectors');
SELECT is((SELECT count(*)::int FROM p1_task t WHERE (SELECT count(*) FROM supervision.task_inspector ti WHERE ti.task_id = t.id AND ti.is_lead) <> 1),
          0, 'every task has one lead');
SELECT is((SELECT count(*)::int FROM p1_task t WHERE t.status <> 'dispatched'), 0, 'the tasks are dispatched');
SELECT is((SELECT count(*)::int FROM p1_task t JOIN supervision.task_inspector ti ON ti.task_id = t.id JOIN ix ON ix.id = ti.staff_id
            WHERE ix.k = 1), 0, 'no inspector on leave in the window is drawn');
SELECT is((SELECT count(*)::int FROM p1_task t JOIN supervision.task_inspector ti ON ti.task_id = t.id
            JOIN supervision.inspector_recusal r ON r.staff_id = ti.staff_id AND r.entity_id = t.entity_id), 0,
          'no inspector is drawn against a declared conflict');
SELECT ok(EXISTS (SELECT 1 FROM p1_task t JOIN fx ON fx.id = t.entity_id WHERE fx.k IN (51, 52)),
          '  ... (the entities with a conflict and with an earlier inspection were drawn)');
SELECT is((SELECT count(*)::int FROM p1_task t JOIN fx ON fx.id = t.entity_id AND fx.k = 52
             JOIN supervision.task_inspector ti ON ti.task_id = t.id JOIN ix ON ix.id = ti.staff_id AND ix.k IN (3, 4)), 0,
          'no inspector is drawn against the entity they inspected last');
SELECT is((SELECT max(n) - min(n) FROM (SELECT ix.id, count(ti.task_id) AS n FROM ix
             LEFT JOIN supervision.task_inspector ti ON ti.staff_id = ix.id AND ti.task_id IN (SELECT id FROM p1_task)
            WHERE ix.k <> 1 GROUP BY ix.id) s), 1::bigint, 'loads differ by at most one (38 places, 9 inspectors)');
SELECT is((SELECT count(*)::int FROM p1_task t JOIN fx ON fx.id = t.entity_id WHERE fx.k IN (61, 62)), 0,
          'neither the deregistered nor the recently inspected entity is drawn');
SELECT is((SELECT status FROM supervision.inspection_plan WHERE plan_no = (SELECT no FROM plans WHERE name = 'p1')), 'drawn',
          'the plan is drawn');

-- verify, and what an altered row does to it
CREATE FUNCTION pg_temp.verify(plan text) RETURNS text LANGUAGE sql
RETURN pg_temp.as_('demo_supervisor_lx', format($f$SELECT consistent || ' ' || detail FROM api.plan_verify(%L)$f$, plan));
CREATE TEMP TABLE p1 AS
SELECT p.plan_no, d.id AS od, (SELECT x.id FROM supervision.inspection_draw x WHERE x.batch_id = b.id AND x.kind = 'inspector') AS idr
  FROM supervision.inspection_plan p JOIN supervision.inspection_batch b ON b.plan_id = p.id
  JOIN supervision.inspection_draw d ON d.batch_id = b.id AND d.kind = 'object'
 WHERE p.plan_no = (SELECT no FROM plans WHERE name = 'p1');
SELECT alike(pg_temp.verify((SELECT plan_no FROM p1)), 'true 一致%', 'verify replays the draw and finds it identical');
SELECT alike(pg_temp.as_('demo_analyst', format($f$SELECT consistent || ' ' || detail FROM api.plan_verify(%L)$f$, (SELECT plan_no FROM p1))),
            'true 一致%', '  ... an analyst (the auditor) too');
CREATE TEMP TABLE chunk_was AS
SELECT c.* FROM supervision.draw_chunk c WHERE c.draw_id = (SELECT od FROM p1) AND (SELECT id FROM fx WHERE k = 3) = ANY (c.entity_ids);
UPDATE supervision.draw_chunk c SET must_ids = c.must_ids || (SELECT id FROM fx WHERE k = 3)
 WHERE (c.draw_id, c.stratum, c.chunk_no) = (SELECT w.draw_id, w.stratum, w.chunk_no FROM chunk_was w);
SELECT alike(pg_temp.verify((SELECT plan_no FROM p1)),
             (SELECT format('false 不一致：第 1 批候选快照 A 层第 %s 块（%s 个候选，主体编号 %s 至 %s%%', w.chunk_no,
                            cardinality(w.entity_ids), w.entity_ids[1], w.entity_ids[cardinality(w.entity_ids)]) FROM chunk_was w),
            'a snapshot chunk altered as the owner (a candidate made must-include) makes verify fail, naming the chunk');
SELECT ok((SELECT w.entity_ids[1] <= fx.id AND fx.id <= w.entity_ids[cardinality(w.entity_ids)] FROM chunk_was w, fx WHERE fx.k = 3),
          '  ... whose span holds the altered candidate');
UPDATE supervision.draw_chunk c SET must_ids = w.must_ids FROM chunk_was w
 WHERE (c.draw_id, c.stratum, c.chunk_no) = (w.draw_id, w.stratum, w.chunk_no);
SELECT alike(pg_temp.verify((SELECT plan_no FROM p1)), 'true%', '  ... and passes again once restored');
UPDATE supervision.draw_chunk c SET usccs[1] = w.usccs[2], usccs[2] = w.usccs[1] FROM chunk_was w
 WHERE (c.draw_id, c.stratum, c.chunk_no) = (w.draw_id, w.stratum, w.chunk_no);
SELECT alike(pg_temp.verify((SELECT plan_no FROM p1)), 'false 不一致：第 1 批候选快照 A 层%', 'two codes swapped in a chunk make verify fail');
UPDATE supervision.draw_chunk c SET usccs = w.usccs FROM chunk_was w
 WHERE (c.draw_id, c.stratum, c.chunk_no) = (w.draw_id, w.stratum, w.chunk_no);
DELETE FROM supervision.draw_chunk c USING chunk_was w WHERE (c.draw_id, c.stratum, c.chunk_no) = (w.draw_id, w.stratum, w.chunk_no);
SELECT alike(pg_temp.verify((SELECT plan_no FROM p1)), 'false 不一致：第 1 批候选快照的块被增删%', 'a chunk deleted makes verify fail');
INSERT INTO supervision.draw_chunk SELECT * FROM chunk_was;
SELECT alike(pg_temp.verify((SELECT plan_no FROM p1)), 'true%', '  ... restored');
CREATE TEMP TABLE seed_was AS SELECT seed FROM supervision.inspection_draw WHERE id = (SELECT od FROM p1);
UPDATE supervision.inspection_draw SET seed = 'not the seed' WHERE id = (SELECT od FROM p1);
SELECT alike(pg_temp.verify((SELECT plan_no FROM p1)), 'false 不一致%任务%', 'an altered seed makes verify fail, naming a task');
UPDATE supervision.inspection_draw SET seed = (SELECT seed FROM seed_was) WHERE id = (SELECT od FROM p1);
CREATE TEMP TABLE first_task AS SELECT id, task_no, entity_id FROM p1_task ORDER BY task_no LIMIT 1;
UPDATE supervision.inspection_task SET entity_id = (SELECT id FROM fx WHERE k = 61) WHERE id = (SELECT id FROM first_task);
SELECT alike(pg_temp.verify((SELECT plan_no FROM p1)), 'false 不一致%' || (SELECT task_no FROM first_task) || '%',
            'a task moved to another entity makes verify fail, naming the task');
UPDATE supervision.inspection_task SET entity_id = (SELECT entity_id FROM first_task) WHERE id = (SELECT id FROM first_task);
SELECT alike(pg_temp.verify((SELECT plan_no FROM p1)), 'true%', '  ... restored');
CREATE TEMP TABLE swap AS
SELECT ti.task_id, ti.staff_id AS was, (SELECT ix.id FROM ix WHERE ix.k <> 1 AND NOT EXISTS
        (SELECT 1 FROM supervision.task_inspector y WHERE y.task_id = ti.task_id AND y.staff_id = ix.id)
        AND NOT EXISTS (SELECT 1 FROM supervision.inspector_recusal r WHERE r.staff_id = ix.id AND r.entity_id = t.entity_id)
        ORDER BY ix.k LIMIT 1) AS now_
  FROM supervision.task_inspector ti JOIN p1_task t ON t.id = ti.task_id
 WHERE NOT ti.is_lead ORDER BY t.task_no DESC LIMIT 1;
UPDATE supervision.task_inspector SET staff_id = (SELECT now_ FROM swap)
 WHERE task_id = (SELECT task_id FROM swap) AND staff_id = (SELECT was FROM swap);
SELECT alike(pg_temp.verify((SELECT plan_no FROM p1)),
            'false 不一致：任务 ' || (SELECT task_no FROM supervision.inspection_task WHERE id = (SELECT task_id FROM swap)) || ' 的检查人员%',
            'a swapped inspector makes verify fail, naming the task');
UPDATE supervision.task_inspector SET staff_id = (SELECT was FROM swap)
 WHERE task_id = (SELECT task_id FROM swap) AND staff_id = (SELECT now_ FROM swap);
SELECT alike(pg_temp.verify((SELECT plan_no FROM p1)), 'true%', '  ... restored');

-- replay: the same seed and snapshot give the same draw, another seed another
SELECT results_eq(format('SELECT entity_id FROM core.draw_objects_v2(%s) ORDER BY pos', (SELECT od FROM p1)),
                  $$SELECT entity_id FROM p1_task ORDER BY task_no$$, 'the stored draw is the function of its snapshot and seed');
INSERT INTO plans SELECT 'p' || n, pg_temp.as_('demo_supervisor_lx',
	pg_temp.create_stmt('{TST-002}', '{LX}', 'A:10,B:15,C:25,D:100', '2026-06-01', '2026-06-30')) FROM generate_series(2, 4) n;
SELECT is(pg_temp.as_('demo_supervisor_lx', format('SELECT api.plan_file(%L)', no)), '无锡市市场监督管理局', 'plan ' || name || ' filed')
  FROM plans WHERE name IN ('p2', 'p3', 'p4') ORDER BY name;
SELECT alike(pg_temp.as_('demo_supervisor_lx', format('SELECT drawn FROM api.plan_draw(%L, %L)', (SELECT no FROM plans WHERE name = 'p2'), '0612345')),
            'ERR 22023: 见证人%', 'an external seed needs a witness');
SELECT is(pg_temp.as_('demo_supervisor_lx', format('SELECT seed_source FROM api.plan_draw(%L, %L, %L)', no, s, '公证员 王平')),
          'external', 'plan ' || name || ' drawn with an external seed')
  FROM (VALUES ('p2', '体彩 2026061 期 03 15 22 27 31'), ('p3', '体彩 2026061 期 03 15 22 27 31'),
               ('p4', '体彩 2026062 期 01 08 19 25 33')) AS v (name, s) JOIN plans USING (name);
CREATE FUNCTION pg_temp.drawn_of(plan text) RETURNS text LANGUAGE sql
RETURN (SELECT string_agg(e.uscc, ',' ORDER BY t.task_no) FROM supervision.inspection_task t
          JOIN supervision.inspection_batch b ON b.id = t.batch_id JOIN supervision.inspection_plan p ON p.id = b.plan_id
          JOIN core.entity e ON e.id = t.entity_id WHERE p.plan_no = plan);
SELECT is(pg_temp.drawn_of((SELECT no FROM plans WHERE name = 'p2')), pg_temp.drawn_of((SELECT no FROM plans WHERE name = 'p3')),
          'the same seed and the same candidates give the same draw');
SELECT isnt(pg_temp.drawn_of((SELECT no FROM plans WHERE name = 'p2')), pg_temp.drawn_of((SELECT no FROM plans WHERE name = 'p4')),
            'a different seed gives a different draw');
SELECT is((SELECT witness FROM supervision.inspection_draw d JOIN supervision.inspection_batch b ON b.id = d.batch_id
            JOIN supervision.inspection_plan p ON p.id = b.plan_id WHERE p.plan_no = (SELECT no FROM plans WHERE name = 'p2')
              AND d.kind = 'object'), '公证员 王平', 'the witness is recorded');

-- a draw stored before algorithm v2 (one row per candidate, v1) is still
-- verified by v1's rules: p3 (the twin of p2) is rewritten as the owner
-- into the form v1 stored
CREATE TEMP TABLE p3 AS
SELECT d.id AS od, p.plan_no FROM supervision.inspection_draw d JOIN supervision.inspection_batch b ON b.id = d.batch_id
  JOIN supervision.inspection_plan p ON p.id = b.plan_id
 WHERE p.plan_no = (SELECT no FROM plans WHERE name = 'p3') AND d.kind = 'object';
INSERT INTO supervision.draw_candidate (draw_id, entity_id, uscc, stratum, must_include, digest)
SELECT c.draw_id, u.id, u.uscc, c.stratum, u.id = ANY (c.must_ids),
       core.insp_digest(c.draw_id::text, u.id::text, u.uscc, c.stratum, (u.id = ANY (c.must_ids))::text)
  FROM supervision.draw_chunk c, unnest(c.entity_ids, c.usccs) AS u (id, uscc) WHERE c.draw_id = (SELECT od FROM p3);
DELETE FROM supervision.draw_chunk WHERE draw_id = (SELECT od FROM p3);
UPDATE supervision.inspection_draw
   SET algorithm = 'v1', snapshot_sha256 = (SELECT sha256(string_agg(c.digest, ''::bytea ORDER BY c.entity_id))
                                              FROM supervision.draw_candidate c WHERE c.draw_id = (SELECT od FROM p3))
 WHERE id = (SELECT od FROM p3);
SELECT alike(pg_temp.verify((SELECT plan_no FROM p3)), 'true 一致%', 'a draw stored as v1 is verified by v1''s rules');
SELECT results_eq(format('SELECT pos, uscc, stratum FROM core.draw_objects_v1(%s)', (SELECT od FROM p3)),
                  format('SELECT pos, uscc, stratum FROM core.draw_objects_v2(%s)',
                         (SELECT d.id FROM supervision.inspection_draw d JOIN supervision.inspection_batch b ON b.id = d.batch_id
                            JOIN supervision.inspection_plan p ON p.id = b.plan_id
                           WHERE p.plan_no = (SELECT no FROM plans WHERE name = 'p2') AND d.kind = 'object')),
                  '  ... v1 and v2 draw the same from the same candidates and seed (p3 as v1, p2 as v2)');
CREATE TEMP TABLE v1_victim AS
SELECT entity_id, uscc FROM supervision.draw_candidate WHERE draw_id = (SELECT od FROM p3) AND stratum = 'A' ORDER BY entity_id LIMIT 1;
UPDATE supervision.draw_candidate SET stratum = 'D' WHERE draw_id = (SELECT od FROM p3) AND entity_id = (SELECT entity_id FROM v1_victim);
SELECT alike(pg_temp.verify((SELECT plan_no FROM p3)), 'false 不一致：第 1 批候选快照中主体 ' || (SELECT uscc FROM v1_victim) || '%',
             '  ... an altered v1 snapshot row makes verify fail, naming the entity');
UPDATE supervision.draw_candidate SET stratum = 'A' WHERE draw_id = (SELECT od FROM p3) AND entity_id = (SELECT entity_id FROM v1_victim);
SELECT alike(pg_temp.verify((SELECT plan_no FROM p3)), 'true%', '  ... restored');

-- too few inspectors: say how many are missing and why
INSERT INTO plans VALUES ('nobody', pg_temp.as_('demo_supervisor_lx',
	pg_temp.create_stmt('{TST-NOBODY}', '{LX}', 'A:10', '2026-06-01', '2026-06-30')));
SELECT is(pg_temp.as_('demo_supervisor_lx', format('SELECT api.plan_file(%L)', (SELECT no FROM plans WHERE name = 'nobody'))),
          '无锡市市场监督管理局', 'a plan no inspector can serve is filed');
SELECT alike(pg_temp.as_('demo_supervisor_lx', format('SELECT drawn FROM api.plan_draw(%L)', (SELECT no FROM plans WHERE name = 'nobody'))),
            'ERR 55000: 检查人员不足%只有 0 人，还缺 2 人%专业不符%', 'too few eligible inspectors: how many are missing and why');
SELECT is((SELECT count(*)::int FROM supervision.inspection_task t JOIN supervision.inspection_batch b ON b.id = t.batch_id
            JOIN supervision.inspection_plan p ON p.id = b.plan_id WHERE p.plan_no = (SELECT no FROM plans WHERE name = 'nobody')),
          0, '  ... and nothing is drawn');

-- an inspector of a station sees their tasks of the city's plan too
SELECT is(pg_temp.as_('demo_supervisor', format('SELECT api.plan_file(%L)', (SELECT no FROM plans WHERE name = 'city'))),
          (SELECT name FROM core.org_unit WHERE code = 'WX'), 'the city files its own plan');
SELECT is(pg_temp.as_('demo_supervisor', format('SELECT drawn FROM api.plan_draw(%L)', (SELECT no FROM plans WHERE name = 'city'))),
          '19', '  ... and draws it');
SELECT is((SELECT string_agg(DISTINCT d.seed_source || ':' || length(d.seed), ',') FROM supervision.inspection_draw d
             JOIN supervision.inspection_batch b ON b.id = d.batch_id JOIN supervision.inspection_plan p ON p.id = b.plan_id
            WHERE p.plan_no = (SELECT no FROM plans WHERE name = 'city')),
          'server:64', 'without a seed given, the server''s 32 random bytes are the seed');
SELECT is(pg_temp.as_('demo_inspector_lx', format('SELECT count(*) FROM api.task_list(true, %L)', (SELECT no FROM plans WHERE name = 'city')))::int,
          (SELECT count(*)::int FROM supervision.task_inspector ti JOIN supervision.inspection_task t ON t.id = ti.task_id
             JOIN supervision.inspection_batch b ON b.id = t.batch_id JOIN supervision.inspection_plan p ON p.id = b.plan_id
            WHERE p.plan_no = (SELECT no FROM plans WHERE name = 'city') AND ti.staff_id = pg_temp.staff('demo_inspector_lx')),
          'a station''s inspector lists their tasks of the city''s plan');
SELECT ok((SELECT count(*) > 0 FROM supervision.task_inspector ti JOIN supervision.inspection_task t ON t.id = ti.task_id
             JOIN supervision.inspection_batch b ON b.id = t.batch_id JOIN supervision.inspection_plan p ON p.id = b.plan_id
            WHERE p.plan_no = (SELECT no FROM plans WHERE name = 'city') AND ti.staff_id = pg_temp.staff('demo_inspector_lx')),
          '  ... (they have some)');

-- ---------------------------------------------------------------------------
-- Tasks and results

SET smcon.now = '2026-06-05 10:00:00+08';

CREATE TEMP TABLE mine AS
SELECT t.id, t.task_no, t.entity_id, row_number() OVER (ORDER BY t.task_no) AS k
  FROM p1_task t JOIN supervision.task_inspector ti ON ti.task_id = t.id AND ti.staff_id = pg_temp.staff('demo_inspector_lx')
 WHERE NOT EXISTS (SELECT 1 FROM supervision.task_inspector y WHERE y.task_id = t.id AND y.staff_id = pg_temp.staff('demo_inspector2_lx'));
GRANT SELECT ON mine TO PUBLIC;
SELECT ok((SELECT count(*) >= 2 FROM mine), 'demo_inspector_lx has tasks of the plan');
SELECT is(pg_temp.as_('demo_inspector_lx', 'SELECT count(*) FROM api.task_list(true, NULL) WHERE task_no IN (SELECT task_no FROM mine)')::int,
          (SELECT count(*)::int FROM mine), '  ... and sees them in their own list');
SELECT alike(pg_temp.as_('demo_inspector2_lx', format($f$SELECT version FROM api.task_result(%L, 'no_problem')$f$, (SELECT task_no FROM mine WHERE k = 1))),
            'ERR 42501: %', 'an inspector not on the task cannot enter its result');
-- the second inspector joins (assigned, not drawn)
INSERT INTO supervision.task_inspector (task_id, staff_id, is_lead, drawn)
SELECT id, pg_temp.staff('demo_inspector2_lx'), false, false FROM mine WHERE k IN (1, 2);
SELECT alike(pg_temp.verify((SELECT plan_no FROM p1)), 'true%', 'an assigned (not drawn) inspector leaves verify consistent');
SELECT alike(pg_temp.as_('demo_inspector_lx', format($f$SELECT version FROM api.task_result(%L, 'corrected', '{}', '2026-06-03')$f$, (SELECT task_no FROM mine WHERE k = 1))),
            'ERR 22023: 发现问题%', 'a problem found needs the findings');
SELECT alike(pg_temp.as_('demo_inspector_lx', format($f$SELECT version FROM api.task_result(%L, 'maybe')$f$, (SELECT task_no FROM mine WHERE k = 1))),
            'ERR 22023: 检查结果“maybe”%', 'an unknown result code is refused, naming the field');
SELECT alike(pg_temp.as_('demo_inspector_lx', format($f$SELECT version FROM api.task_result(%L, 'no_problem', '{}', '2026-06-09')$f$, (SELECT task_no FROM mine WHERE k = 1))),
            'ERR 22023: 检查完成日期%', 'a done date in the future is refused');
SELECT is(pg_temp.as_('demo_inspector_lx', format($f$SELECT version || ' ' || rectification_due_on || ' ' || publish_due_on
                                                    FROM api.task_result(%L, 'corrected', '{TST-001:价格标签不全,店堂告示未更新}', '2026-06-03')$f$,
                                                 (SELECT task_no FROM mine WHERE k = 1))),
          '1 ' || api.add_workdays('2026-06-03', 15) || ' ' || api.add_workdays('2026-06-03', 20),
          'a result: version 1, rectification in 15 working days, publication due in 20');
SELECT is((SELECT note FROM supervision.inspection_result_item ri JOIN supervision.inspection_result r ON r.id = ri.result_id
            WHERE r.task_id = (SELECT id FROM mine WHERE k = 1)), '价格标签不全', 'a finding marked with an item code goes to that item');
SELECT is((SELECT status FROM supervision.inspection_plan WHERE plan_no = (SELECT plan_no FROM p1)), 'in_progress',
          'the first result puts the plan in progress');
SELECT alike(pg_temp.as_('demo_inspector_lx', format('SELECT api.task_confirm(%L)', (SELECT task_no FROM mine WHERE k = 1))),
            'ERR 42501: %另一名检查人员%', 'whoever entered a result cannot confirm it');
SELECT is(pg_temp.as_('demo_inspector2_lx', format('SELECT api.task_confirm(%L)', (SELECT task_no FROM mine WHERE k = 1))), '1',
          'the second inspector confirms it');
SELECT is(pg_temp.as_('demo_inspector_lx', format($f$SELECT version FROM api.task_result(%L, 'pending_followup', '{须后续处理}', '2026-06-03')$f$,
                                                 (SELECT task_no FROM mine WHERE k = 1))),
          '2', 'an edit after confirmation is version 2');
SELECT results_eq(format($f$SELECT v.version, v.result_code, v.confirmed_by_staff_id FROM supervision.inspection_result_version v
                            JOIN supervision.inspection_result r ON r.id = v.result_id WHERE r.task_id = %s$f$, (SELECT id FROM mine WHERE k = 1)),
                  format($f$VALUES (1, 'corrected', %s::bigint)$f$, pg_temp.staff('demo_inspector2_lx')),
                  '  ... and the confirmed version 1 is kept, not overwritten');
SELECT ok((SELECT confirmed_at IS NULL FROM supervision.inspection_result WHERE task_id = (SELECT id FROM mine WHERE k = 1)),
          '  ... version 2 awaits its own confirmation');
SELECT is(pg_temp.as_('demo_inspector2_lx', format('SELECT api.task_confirm(%L)', (SELECT task_no FROM mine WHERE k = 1))), '2',
          '  ... which the second inspector gives');

-- unreachable: a proposal for the abnormal-operation list, decided by a supervisor
SELECT is(pg_temp.as_('demo_inspector_lx', format($f$SELECT abnormal_proposal FROM api.task_result(%L, 'unreachable', '{登记住所无此企业}', '2026-06-04')$f$,
                                                 (SELECT task_no FROM mine WHERE k = 2))),
          'proposed', '通过登记的住所无法联系 proposes the abnormal-operation list');
SELECT alike(pg_temp.as_('demo_supervisor_lx', format('SELECT api.task_abnormal_decide(%L, true)', (SELECT task_no FROM mine WHERE k = 2))),
            'ERR 55000: %尚未%确认', '  ... decided only after the second inspector confirmed');
SELECT is(pg_temp.as_('demo_inspector2_lx', format('SELECT api.task_confirm(%L)', (SELECT task_no FROM mine WHERE k = 2))), '1',
          '  ... confirmed');
SELECT alike(pg_temp.as_('demo_inspector_lx', format('SELECT api.task_abnormal_decide(%L, true)', (SELECT task_no FROM mine WHERE k = 2))),
            'ERR 42501: %', '  ... an inspector cannot decide it');
SELECT is(pg_temp.as_('demo_supervisor_lx', format('SELECT api.task_abnormal_decide(%L, true)', (SELECT task_no FROM mine WHERE k = 2))),
          '已列入经营异常名录', '  ... the supervisor confirms it');
SELECT is((SELECT count(*)::int FROM credit.abnormal_operation a JOIN supervision.inspection_result r ON r.id = a.inspection_result_id
            WHERE r.task_id = (SELECT id FROM mine WHERE k = 2) AND a.list_reason = 'unreachable'), 1,
          '  ... and the entity is on the abnormal-operation list');

-- flags: after the window and the 20 working days
SET smcon.now = '2026-08-03 10:00:00+08';
CREATE TEMP TABLE flags AS SELECT * FROM api.inspection_flags() WHERE false;
GRANT ALL ON flags TO PUBLIC;
SELECT is(pg_temp.as_('demo_supervisor_lx', format('INSERT INTO flags SELECT * FROM api.inspection_flags(%L)', (SELECT plan_no FROM p1))),
          NULL, 'the supervisor reads the flags');
SELECT is((SELECT count(*)::int FROM flags WHERE flag = '逾期未公示' AND basis LIKE '%企业信息公示暂行条例》第六条%'), 2,
          'results not published within 20 working days are flagged with the article');
SELECT is((SELECT count(*)::int FROM flags WHERE flag = '逾期未完成'), 17, 'tasks past the window are flagged');
SELECT is(pg_temp.as_('demo_inspector_lx', 'SELECT count(*) FROM api.inspection_flags()'), 'ERR 42501: permission denied for function inspection_flags',
          'an inspector has no overview of flags');

-- publication
SELECT is(pg_temp.as_('demo_supervisor_lx', format('SELECT api.plan_publish(%L)', (SELECT plan_no FROM p1))), '2',
          'publishing puts out the two confirmed results');
CREATE TEMP TABLE pub AS SELECT * FROM api.plan_publication('x') WHERE false;
GRANT ALL ON pub TO PUBLIC;
SELECT is(pg_temp.as_('demo_supervisor_lx', format('INSERT INTO pub SELECT * FROM api.plan_publication(%L)', (SELECT plan_no FROM p1))),
          NULL, 'the publication is read');
SELECT is((SELECT count(*)::int FROM pub p JOIN core.entity e ON e.uscc = p.uscc
            WHERE p.legal_rep IS DISTINCT FROM core.mask_name(e.legal_rep_name) OR (e.legal_rep_name IS NOT NULL AND p.legal_rep = e.legal_rep_name
                                                                                   AND char_length(e.legal_rep_name) > 1)), 0,
          'personal data is masked in the publication');
SELECT is((SELECT count(*)::int FROM pub), 2, '  ... which holds the published results');
SELECT is((SELECT count(*)::int FROM pg_attribute a WHERE a.attrelid = 'pub'::regclass AND a.attname ~ 'risk|grade'), 0,
          'the publication carries no risk grade');

-- a key item: the plan's candidate list is drawn first, and the v2
-- snapshot keeps who must be drawn
INSERT INTO supervision.inspection_item (code, name, category, legal_basis, inspecting_body, object_type, method,
                                         specialty, valid_from, source_system)
VALUES ('TST-KEY', '重点测试事项', 'key', '《企业信息公示暂行条例》第十四条', '市场监督管理部门', '测试对象',
        '实地核查', '测试专长', '2020-01-01', 'test');
INSERT INTO plans VALUES ('key', pg_temp.as_('demo_supervisor_lx',
	pg_temp.create_stmt('{TST-KEY}', '{LX}', 'A:10', '2026-09-01', '2026-09-30')));
INSERT INTO supervision.plan_candidate (plan_id, org_id, entity_id, added_by_staff_id)
SELECT p.id, p.org_id, fx.id, p.created_by_staff_id FROM supervision.inspection_plan p, fx
 WHERE p.plan_no = (SELECT no FROM plans WHERE name = 'key') AND fx.k IN (5, 7, 30);
TRUNCATE preview;
SELECT is(pg_temp.as_('demo_supervisor_lx', format('INSERT INTO preview SELECT * FROM api.plan_preview(%L)', (SELECT no FROM plans WHERE name = 'key'))),
          NULL, 'a plan with a key item is previewed');
SELECT results_eq($$SELECT section, label, population, quota FROM preview WHERE section IN ('风险分层', '必抽') ORDER BY section, label$$,
                  $$VALUES ('必抽', '候选名单（重点事项）', 3::bigint, NULL::bigint), ('风险分层', 'A', 10, 2), ('风险分层', 'B', 30, 1),
                           ('风险分层', 'C', 10, 0), ('风险分层', 'D', 11, 0)$$,
                  '  ... its candidate list counted, each stratum''s quota at least its must-includes (D: the entity inspected in March was not inspected under this item)');
SELECT is(pg_temp.as_('demo_supervisor_lx', format('SELECT api.plan_file(%L)', (SELECT no FROM plans WHERE name = 'key'))),
          '无锡市市场监督管理局', '  ... filed');
SELECT is(pg_temp.as_('demo_supervisor_lx', format('SELECT drawn FROM api.plan_draw(%L, %L, %L)', (SELECT no FROM plans WHERE name = 'key'),
                                                   '体彩 2026100 期 05 09 13 21 28', '公证员 王平')),
          '3', '  ... and drawn: the three on its list and no one else');
SELECT results_eq(format($f$SELECT fx.k FROM supervision.inspection_task t JOIN supervision.inspection_batch b ON b.id = t.batch_id
                              JOIN supervision.inspection_plan p ON p.id = b.plan_id JOIN fx ON fx.id = t.entity_id
                             WHERE p.plan_no = %L ORDER BY t.task_no$f$, (SELECT no FROM plans WHERE name = 'key')),
                  $$SELECT k FROM fx WHERE k IN (5, 7, 30) ORDER BY k >= 11, core.hmac(uscc, '体彩 2026100 期 05 09 13 21 28', 'sha256')$$,
                  '  ... A before B, within A by the HMAC of the USCC');
SELECT is((SELECT array_agg(m ORDER BY m) FROM supervision.draw_chunk c, unnest(c.must_ids) m
            WHERE c.draw_id = (SELECT d.id FROM supervision.inspection_draw d JOIN supervision.inspection_batch b ON b.id = d.batch_id
                                 JOIN supervision.inspection_plan p ON p.id = b.plan_id
                                WHERE p.plan_no = (SELECT no FROM plans WHERE name = 'key') AND d.kind = 'object')),
          (SELECT array_agg(id ORDER BY id) FROM fx WHERE k IN (5, 7, 30)), '  ... its chunks name the three as must-includes');
SELECT alike(pg_temp.verify((SELECT no FROM plans WHERE name = 'key')), 'true 一致%', '  ... and verify finds the draw identical');

-- the bound on the hash (0220) changes no draw: each stratum of the key
-- plan's draw (with must-includes), ranked for its must-includes and two
-- more, comes out the same with no bound, with one over every hash (all
-- ranked in the first pass), with one under every hash (only the
-- must-includes under it: the second pass ranks the whole stratum) and
-- with one halfway
CREATE TEMP TABLE key_draw AS
SELECT d.id AS od, c.stratum, least(sum(cardinality(c.must_ids)) + 2, sum(cardinality(c.entity_ids)))::bigint AS k
  FROM supervision.inspection_draw d JOIN supervision.inspection_batch b ON b.id = d.batch_id
  JOIN supervision.inspection_plan p ON p.id = b.plan_id JOIN supervision.draw_chunk c ON c.draw_id = d.id
 WHERE p.plan_no = (SELECT no FROM plans WHERE name = 'key') AND d.kind = 'object'
 GROUP BY d.id, c.stratum
HAVING sum(cardinality(c.entity_ids)) > sum(cardinality(c.must_ids)) + 1;
CREATE FUNCTION pg_temp.ranked(od bigint, s text, k bigint, bound bytea) RETURNS text LANGUAGE sql
RETURN (SELECT string_agg(x.entity_id::text, ',' ORDER BY x.must DESC, x.h, x.uscc) || ' pass ' || max(x.pass)
          FROM (SELECT r.*, max(r.pass) OVER () AS last FROM core.draw_stratum_v2(od, s, k, bound) r) x
         WHERE x.pass = x.last);
SELECT is((SELECT count(*)::int FROM key_draw), 4, 'the key plan''s draw has four strata with more than their must-includes and one');
SELECT is((SELECT count(*)::int FROM key_draw WHERE pg_temp.ranked(od, stratum, k, NULL) LIKE '% pass 2'), 4,
          '  ... with no bound, each is ranked whole in the second pass');
SELECT is(pg_temp.ranked(od, stratum, k, decode(repeat('ff', 33), 'hex')),
          replace(pg_temp.ranked(od, stratum, k, NULL), ' pass 2', ' pass 1'),
          'stratum ' || stratum || ', a bound over every hash: the same top, from the first pass')
  FROM key_draw ORDER BY stratum;
SELECT is(pg_temp.ranked(od, stratum, k, '\x'::bytea), pg_temp.ranked(od, stratum, k, NULL),
          'stratum ' || stratum || ', a bound under every hash: too few under it, the same top from the second pass')
  FROM key_draw ORDER BY stratum;
SELECT is(regexp_replace(pg_temp.ranked(od, stratum, k, '\x80'::bytea), ' pass [12]$', ''),
          regexp_replace(pg_temp.ranked(od, stratum, k, NULL), ' pass 2$', ''),
          'stratum ' || stratum || ', a bound halfway: the same top')
  FROM key_draw ORDER BY stratum;
SELECT is((SELECT count(*)::int FROM key_draw
            WHERE cardinality(string_to_array(split_part(pg_temp.ranked(od, stratum, k, NULL), ' ', 1), ',')) = k), 4,
          '  ... each top names as many as asked: the must-includes and two more');

UPDATE meta.test_clock SET enabled = false;
SELECT * FROM finish();
ROLLBACK;
