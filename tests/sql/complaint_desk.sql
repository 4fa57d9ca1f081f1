-- The 12315 desk in SQL: clocks on the work calendar across the 2025 and
-- 2026 holidays (one ending on a make-up Saturday), pauses, the workflow's
-- refusals, scope, reporter masking, duplicates and merge. Operators act
-- through SET SESSION AUTHORIZATION; what they get is collected in temp
-- tables (the roles cannot reach the pgtap schema).
BEGIN;
SELECT plan(84);
\ir lib/fixtures.psql

UPDATE meta.test_clock SET enabled = true;
CREATE TEMP TABLE it (name text PRIMARY KEY, kind text, id bigint, item_no text, state text, clock text,
                      due date, missing text, dups integer);
CREATE TEMP TABLE res (label text, state text, msg text);
GRANT ALL ON it, res TO PUBLIC;
-- Runs q as the current user; records the SQLSTATE ('00000' when it worked) and the message.
CREATE FUNCTION pg_temp.try(label text, q text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	INSERT INTO pg_temp.res VALUES (label, '00000', NULL);
EXCEPTION WHEN OTHERS THEN
	INSERT INTO pg_temp.res VALUES (label, SQLSTATE, SQLERRM);
END $$;
CREATE FUNCTION pg_temp.st(l text) RETURNS text LANGUAGE sql RETURN (SELECT state FROM pg_temp.res WHERE label = l);
CREATE FUNCTION pg_temp.msg(l text) RETURNS text LANGUAGE sql RETURN (SELECT msg FROM pg_temp.res WHERE label = l);
CREATE FUNCTION pg_temp.id(n text) RETURNS bigint LANGUAGE sql RETURN (SELECT id FROM pg_temp.it WHERE name = n);
-- Intake as the current user, the result kept under a name (suffix -report for a linked report).
CREATE FUNCTION pg_temp.intake(n text, kind text, uscc text, phone text DEFAULT '13861234567',
                               address text DEFAULT '无锡市梁溪区中山路 8 号', facts text DEFAULT '电池无法充电',
                               channel text DEFAULT 'hotline_12315', work_order text DEFAULT NULL,
                               anonymous boolean DEFAULT false, respondent text DEFAULT NULL) RETURNS void
LANGUAGE sql AS $$
	INSERT INTO pg_temp.it
	SELECT n || CASE WHEN i.kind = 'report' AND intake.kind = 'both' THEN '-report' ELSE '' END, i.kind, i.id, i.item_no,
	       i.state, i.clock, i.clock_due, i.missing, i.duplicates
	  FROM api.desk_intake(intake.kind, channel, p_name => CASE WHEN anonymous THEN NULL ELSE '周海燕' END,
	                       p_phone => phone, p_address => address, p_anonymous => anonymous, p_uscc => uscc,
	                       p_respondent => respondent, p_respondent_address => '无锡市梁溪区某街 1 号',
	                       p_request => '退货退款', p_facts => facts, p_work_order => work_order,
	                       p_received_12345 => CASE WHEN work_order IS NOT NULL THEN core.now() - interval '2 hours' END) i
$$;

-- 1. Deadlines on the calendar ---------------------------------------------------

SET SESSION AUTHORIZATION demo_handler_lx;
SET smcon.now = '2025-01-23 10:00+08';
SELECT pg_temp.intake('sf2025', 'complaint', '92320213MA1Y3K5P73');
SET smcon.now = '2026-02-12 10:00+08';
SELECT pg_temp.intake('sf2026', 'complaint', '92320213MA1Y3K5P73', '13900000001');
SET smcon.now = '2025-09-26 10:00+08';
SELECT pg_temp.intake('nd2025', 'report', '92320213MA1Y3K5P73', '13900000002');
SET smcon.now = '2026-09-22 10:00+08';
SELECT pg_temp.intake('nd2026', 'complaint', '92320213MA1Y3K5P73', '13900000003');
RESET SESSION AUTHORIZATION;

SELECT is((SELECT due FROM it WHERE name = 'sf2025'), date '2025-02-08',
          '7 WD from Thu 2025-01-23 end on Sat 2025-02-08, a make-up working day after 春节 (26 Jan counts too)');
SELECT is((SELECT due FROM it WHERE name = 'sf2026'), date '2026-02-28',
          '7 WD from Thu 2026-02-12 end on the make-up Saturday 2026-02-28 (domain rules §4)');
SELECT is((SELECT due FROM it WHERE name = 'nd2025'), date '2025-10-23',
          'a report''s 15 WD from Fri 2025-09-26 skip 国庆 2025 and count both make-up days: 2025-10-23');
SELECT is((SELECT due FROM it WHERE name = 'nd2026'), date '2026-10-09',
          '7 WD from Tue 2026-09-22 skip 中秋 and 国庆 2026: 2026-10-09');
SELECT is((SELECT clock FROM it WHERE name = 'nd2025'), 'report_verify', '  ... a report runs the verification clock');
SELECT results_eq($$SELECT clock_due, clock_start, clock_workdays FROM rights.complaint WHERE id = pg_temp.id('sf2026')$$,
                  $$VALUES (date '2026-02-28', date '2026-02-12', 7)$$,
                  'the clock is stored: deadline, start and working days');
-- 0213: an intake writes its item once, in its state and with its clock
SELECT results_eq($$SELECT action, new_values ->> 'status', new_values ->> 'clock_due' FROM audit.log
                    WHERE table_name = 'rights.complaint' AND row_key ->> 'id' = pg_temp.id('sf2026')::text$$,
                  $$VALUES ('insert', 'registered', '2026-02-28')$$,
                  'intake writes a complaint once: one insert, registered, its clock set');
SELECT results_eq($$SELECT action, new_values ->> 'status', new_values ->> 'clock' FROM audit.log
                    WHERE table_name = 'rights.report' AND row_key ->> 'id' = pg_temp.id('nd2025')::text$$,
                  $$VALUES ('insert', 'registered', 'report_verify')$$,
                  '  ... and a report: one insert, its clock set');
SELECT is((SELECT article FROM core.desk_clock WHERE code = 'complaint_accept'), '市场监督管理投诉举报处理暂行办法第十四条',
          'the clock names its article');
SELECT ok((SELECT count(*) = 1 FROM api.policy_article(
              (SELECT law FROM core.desk_clock WHERE code = 'complaint_mediate'),
              (SELECT article_no::text FROM core.desk_clock WHERE code = 'complaint_mediate'))),
          '  ... whose text the policy theme gives');
SELECT ok(EXISTS (SELECT 1 FROM core.deadline_rule WHERE name = 'desk_complaint' AND deadline_column = 'clock_due'),
          'the clocks are registered deadlines: a calendar load recomputes them');

-- A calendar load that moves a stored clock puts it back where the calendar says.
UPDATE rights.complaint SET clock_due = '2026-03-02' WHERE id = pg_temp.id('sf2026');
SELECT ok((SELECT sum(moved) >= 1 FROM core.deadline_recompute('2026-01-01') WHERE rule = 'desk_complaint'),
          'core.deadline_recompute recomputes a desk clock');
SELECT is((SELECT clock_due FROM rights.complaint WHERE id = pg_temp.id('sf2026')), date '2026-02-28',
          '  ... back to the make-up Saturday');

-- 2. The workflow, with pauses --------------------------------------------------------

SET SESSION AUTHORIZATION demo_handler_lx;
SET smcon.now = '2026-09-22 15:00+08';
SELECT pg_temp.try('accept', format('SELECT api.complaint_accept(%s)', pg_temp.id('nd2026')));
INSERT INTO it (name, due) SELECT 'mediate-due', clock_due FROM rights.complaint WHERE id = pg_temp.id('nd2026');
SET smcon.now = '2026-09-24 09:00+08';
SELECT pg_temp.try('pause', format('SELECT api.desk_pause(''complaint'', %s, ''电池送检'')', pg_temp.id('nd2026')));
SELECT pg_temp.try('pause twice', format('SELECT api.desk_pause(''complaint'', %s, ''再送检'')', pg_temp.id('nd2026')));
SELECT pg_temp.try('agree while paused',
                   format('SELECT api.complaint_agree(%s, ''退款'', 100)', pg_temp.id('nd2026')));
SET smcon.now = '2026-10-09 09:00+08';
INSERT INTO it (name, dups) SELECT 'paused-days', api.desk_resume('complaint', pg_temp.id('nd2026'));
INSERT INTO it (name, due) SELECT 'resumed-due', clock_due FROM rights.complaint WHERE id = pg_temp.id('nd2026');
SELECT pg_temp.try('mediate', format('SELECT api.complaint_mediate(%s)', pg_temp.id('nd2026')));
SELECT pg_temp.try('terminate', format('SELECT api.complaint_terminate(%s, ''no_agreement'')', pg_temp.id('nd2026')));
SELECT pg_temp.try('close unnotified', format('SELECT api.complaint_close(%s)', pg_temp.id('nd2026')));
SELECT pg_temp.try('notify', format('SELECT api.complaint_notify(%s)', pg_temp.id('nd2026')));
SELECT pg_temp.try('notify twice', format('SELECT api.complaint_notify(%s)', pg_temp.id('nd2026')));
SELECT pg_temp.try('close', format('SELECT api.complaint_close(%s)', pg_temp.id('nd2026')));
SELECT pg_temp.try('close twice', format('SELECT api.complaint_close(%s)', pg_temp.id('nd2026')));
RESET SESSION AUTHORIZATION;

SELECT is(pg_temp.st('accept'), '00000', 'a handler of the district accepts a complete complaint');
SELECT is((SELECT due FROM it WHERE name = 'mediate-due'), api.add_workdays('2026-09-22', 45),
          '  ... the 45-WD mediation clock starts on the day of acceptance');
SELECT is(pg_temp.st('pause'), '00000', 'testing pauses the mediation clock');
SELECT is(pg_temp.st('pause twice'), '55000', '  ... once');
SELECT is(pg_temp.st('agree while paused'), '55000', 'no agreement is recorded on a paused clock');
SELECT is((SELECT dups FROM it WHERE name = 'paused-days'), 5,
          'paused Thu 09-24 to Fri 10-09: 5 working days (中秋, 国庆 not counted)');
SELECT is(api.workdays_between((SELECT due FROM it WHERE name = 'mediate-due'),
                               (SELECT due FROM it WHERE name = 'resumed-due')), 5,
          'resume moves the deadline by exactly the 5 paused working days');
SELECT is((SELECT testing_working_days FROM rights.complaint WHERE id = pg_temp.id('nd2026')), 5,
          '  ... and records them as testing days (§20)');
SELECT is(pg_temp.st('mediate'), '00000', 'mediation starts');
SELECT is(pg_temp.st('terminate'), '00000', 'mediation is terminated on a §21 ground');
SELECT is(pg_temp.st('close unnotified'), '55000', 'not closed before both parties are told');
SELECT alike(pg_temp.msg('close unnotified'), '%终止调解%', '  ... the refusal names the current state');
SELECT is(pg_temp.st('notify'), '00000', 'the parties are told');
SELECT is(pg_temp.st('notify twice'), '55000', '  ... once');
SELECT is(pg_temp.st('close'), '00000', 'then it is closed');
SELECT is(pg_temp.st('close twice'), '55000', '  ... once');
SELECT results_eq($$SELECT array_agg(action ORDER BY id) FROM rights.desk_event
                    WHERE item_kind = 'complaint' AND item_id = pg_temp.id('nd2026')$$,
                  $$VALUES (ARRAY['intake', 'accept', 'pause', 'resume', 'mediate', 'terminate', 'notify', 'close'])$$,
                  'every step is on the timeline');
SELECT is((SELECT clock FROM rights.complaint WHERE id = pg_temp.id('nd2026')), NULL, 'a closed complaint runs no clock');

-- 3. Refused transitions -----------------------------------------------------------

SET SESSION AUTHORIZATION demo_handler_lx;
SET smcon.now = '2026-12-07 10:00+08';
SELECT pg_temp.intake('fresh', 'complaint', '91320213MA1X7Q2HXK', '13900000010');
SELECT pg_temp.intake('draft', 'complaint', '91320213MA1X7Q2HXK', '13900000011', NULL, NULL);
SELECT pg_temp.try('mediate registered', format('SELECT api.complaint_mediate(%s)', pg_temp.id('fresh')));
SELECT pg_temp.try('agree registered', format('SELECT api.complaint_agree(%s, ''x'')', pg_temp.id('fresh')));
SELECT pg_temp.try('terminate registered',
                   format('SELECT api.complaint_terminate(%s, ''no_agreement'')', pg_temp.id('fresh')));
SELECT pg_temp.try('notify registered', format('SELECT api.complaint_notify(%s)', pg_temp.id('fresh')));
SELECT pg_temp.try('close registered', format('SELECT api.complaint_close(%s)', pg_temp.id('fresh')));
SELECT pg_temp.try('pause registered', format('SELECT api.desk_pause(''complaint'', %s, ''x'')', pg_temp.id('fresh')));
SELECT pg_temp.try('resume unpaused', format('SELECT api.desk_resume(''complaint'', %s)', pg_temp.id('fresh')));
SELECT pg_temp.try('extend by handler',
                   format('SELECT api.desk_extend(''complaint'', %s, 5, ''x'')', pg_temp.id('fresh')));
SELECT pg_temp.try('accept draft', format('SELECT api.complaint_accept(%s)', pg_temp.id('draft')));
SELECT pg_temp.try('reject', format('SELECT api.complaint_refuse(%s, ''not_consumption'')', pg_temp.id('fresh')));
SELECT pg_temp.try('accept refused', format('SELECT api.complaint_accept(%s)', pg_temp.id('fresh')));
SELECT pg_temp.try('reject twice', format('SELECT api.complaint_refuse(%s, ''time_barred'')', pg_temp.id('fresh')));
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_supervisor_lx;
SELECT pg_temp.try('extend accept', format('SELECT api.desk_extend(''complaint'', %s, 5, ''忙'')', pg_temp.id('draft')));
RESET SESSION AUTHORIZATION;

SELECT is((SELECT state || ' ' || missing FROM it WHERE name = 'draft'), 'draft 投诉人通讯地址、争议事实',
          'a complaint without §9 materials is kept as a draft with what is missing');
SELECT results_eq($$SELECT label, state FROM res WHERE label IN ('mediate registered', 'agree registered',
                      'terminate registered', 'notify registered', 'close registered', 'pause registered',
                      'resume unpaused', 'accept refused', 'reject twice', 'extend accept') ORDER BY label$$,
                  $$VALUES ('accept refused', '55000'), ('agree registered', '55000'), ('close registered', '55000'),
                           ('extend accept', '55000'), ('mediate registered', '55000'),
                           ('notify registered', '55000'), ('pause registered', '55000'),
                           ('reject twice', '55000'), ('resume unpaused', '55000'),
                           ('terminate registered', '55000')$$,
                  'every transition the state does not allow is refused with 55000');
SELECT alike(pg_temp.msg('mediate registered'), '%已登记待受理%registered%', '  ... naming the current state');
SELECT is(pg_temp.st('accept draft'), '55000', 'a draft is not accepted until complete (§9)');
SELECT alike(pg_temp.msg('accept draft'), '%投诉人通讯地址%', '  ... and the refusal lists what is missing');
SELECT is(pg_temp.st('extend by handler'), '42501', 'only a supervisor extends a clock');
SELECT is(pg_temp.st('reject'), '00000', 'a §15 ground refuses a complaint');

-- Completing the draft registers it; then it can be accepted.
SET SESSION AUTHORIZATION demo_clerk_lx;
INSERT INTO it (name, missing)
SELECT 'completed', api.complaint_complete(pg_temp.id('draft'), p_address => '梁溪区学前街 1 号', p_facts => '洗衣机漏水');
RESET SESSION AUTHORIZATION;
SELECT is((SELECT missing FROM it WHERE name = 'completed'), '', 'completing the materials leaves nothing missing');
SELECT is((SELECT status FROM rights.complaint WHERE id = pg_temp.id('draft')), 'registered', '  ... and registers it');

-- 4. Another district: no reading, no touching (psql included) -------------------------

SET SESSION AUTHORIZATION demo_handler_jy;
SELECT pg_temp.try('jy accept', format('SELECT api.complaint_accept(%s)', pg_temp.id('draft')));
SELECT pg_temp.try('jy show', format('SELECT * FROM api.desk_item(''complaint'', %s)', pg_temp.id('draft')));
SELECT pg_temp.try('jy pause', format('SELECT api.desk_pause(''complaint'', %s, ''x'')', pg_temp.id('draft')));
INSERT INTO res SELECT 'jy select', count(*)::text, NULL FROM rights.complaint WHERE id = pg_temp.id('draft');
INSERT INTO res SELECT 'jy events', count(*)::text, NULL FROM rights.desk_event
 WHERE item_kind = 'complaint' AND item_id = pg_temp.id('draft');
INSERT INTO res SELECT 'jy queue', count(*)::text, NULL FROM api.desk_queue(p_limit => 1000) q
 WHERE q.id = pg_temp.id('draft') AND q.kind = 'complaint';
SELECT pg_temp.try('jy queue lx', $$SELECT * FROM api.desk_queue('LX')$$);
SELECT pg_temp.try('jy update', format('UPDATE rights.complaint SET status = ''closed'' WHERE id = %s', pg_temp.id('draft')));
RESET SESSION AUTHORIZATION;
SELECT is(pg_temp.st('jy accept'), '42501', 'a 江阴 handler cannot accept a 梁溪 complaint');
SELECT is(pg_temp.st('jy pause'), '42501', '  ... nor pause its clock');
SELECT is(pg_temp.st('jy show'), '42501', '  ... nor read it through the api');
SELECT is(pg_temp.st('jy select'), '0', '  ... nor see it in the table with psql (row-level security)');
SELECT is(pg_temp.st('jy events'), '0', '  ... nor its timeline');
SELECT is(pg_temp.st('jy queue'), '0', '  ... it is not in the 江阴 queue');
SELECT is(pg_temp.st('jy queue lx'), '42501', '  ... and the 梁溪 queue is not 江阴''s to open');
SELECT is(pg_temp.st('jy update'), '42501', '  ... and the table is not writable');

-- 5. Reporter masking (§33) -------------------------------------------------------------

SET SESSION AUTHORIZATION demo_handler_lx;
SELECT pg_temp.intake('tip', 'report', '92320213MA1Y3K5P73', '13951510000');
INSERT INTO res SELECT 'lx reporter', value, NULL FROM api.desk_item('report', pg_temp.id('tip')) WHERE field = 'person_name';
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_supervisor;
INSERT INTO res SELECT 'city reporter', value, NULL FROM api.desk_item('report', pg_temp.id('tip')) WHERE field = 'person_name';
INSERT INTO res SELECT 'city phone', value, NULL FROM api.desk_item('report', pg_temp.id('tip')) WHERE field = 'person_phone';
SELECT pg_temp.try('city raw column', format('SELECT reporter_name FROM rights.report WHERE id = %s', pg_temp.id('tip')));
INSERT INTO res SELECT 'city masked column', reporter_name_masked, NULL FROM rights.report WHERE id = pg_temp.id('tip');
RESET SESSION AUTHORIZATION;
SELECT is(pg_temp.st('lx reporter'), '周海燕', 'the handling unit sees the reporter''s name');
SELECT is(pg_temp.st('city reporter'), '周**', 'the city supervisor sees it masked');
SELECT unalike(pg_temp.st('city phone'), '%13951510000%', '  ... the phone too');
SELECT is(pg_temp.st('city raw column'), '42501', '  ... and psql refuses the raw column');
SELECT is(pg_temp.st('city masked column'), '周**', '  ... giving the masked copy');
SELECT ok(EXISTS (SELECT 1 FROM audit.log WHERE table_name = 'rights.report' AND action = 'read'
                   AND actor = 'demo_handler_lx' AND row_key = jsonb_build_object('id', pg_temp.id('tip'))),
          'the handling unit''s reveal is in the audit log');

-- 6. Duplicates and merge: the earliest receipt rules ----------------------------------------

SET SESSION AUTHORIZATION demo_handler_lx;
SET smcon.now = '2026-12-01 09:00+08';
SELECT pg_temp.intake('first', 'complaint', '91320202MA1T2L6CXU', '13700001234');
SET smcon.now = '2026-12-07 09:00+08';
SELECT pg_temp.intake('again', 'complaint', '91320202MA1T2L6CXU', '13700001234');
SELECT pg_temp.intake('other', 'complaint', '91320202MA1T2L6CXU', '13700009999');
SELECT pg_temp.intake('wo1', 'both', NULL, '13700005555', 'x', '卖过期食品', 'transfer_12345', 'WX2026120700001',
                      false, '梁溪区某小店');
RESET SESSION AUTHORIZATION;
SELECT is((SELECT dups FROM it WHERE name = 'again'), 1, 'the same phone and respondent within 30 days is a duplicate');
SELECT is((SELECT dups FROM it WHERE name = 'other'), 0, '  ... another phone is not');
SELECT ok((SELECT item_no FROM it WHERE name = 'wo1-report') IS NOT NULL
          AND (SELECT report_id FROM rights.complaint WHERE id = pg_temp.id('wo1')) = pg_temp.id('wo1-report'),
          'a complaint with a report becomes two linked items');
SET SESSION AUTHORIZATION demo_handler_lx;
SELECT pg_temp.intake('wo2', 'complaint', NULL, '13700006666', 'y', '又一次', 'transfer_12345', 'WX2026120700001',
                      false, '梁溪区某小店');
-- merge the earlier into the later: the kept one takes the earliest receipt
SELECT pg_temp.try('merge', format('SELECT api.desk_merge(''complaint'', %s, %s, ''同一争议'')',
                                   pg_temp.id('first'), pg_temp.id('again')));
SELECT pg_temp.try('merge again', format('SELECT api.desk_merge(''complaint'', %s, %s)',
                                         pg_temp.id('first'), pg_temp.id('again')));
SELECT pg_temp.try('keep apart', format('SELECT api.desk_keep_apart(''complaint'', %s, %s, ''两次不同的购买'')',
                                        pg_temp.id('wo2'), pg_temp.id('wo1')));
INSERT INTO res SELECT 'find', f.item_no || ' ' || f.merged_from, NULL
  FROM api.desk_find((SELECT item_no FROM it WHERE name = 'first')) f;
INSERT INTO res SELECT 'dups after', count(*)::text, NULL FROM api.desk_duplicates('complaint', pg_temp.id('wo2'));
RESET SESSION AUTHORIZATION;
SELECT is((SELECT dups FROM it WHERE name = 'wo2'), 1, 'the same 12345 work order is a duplicate');
SELECT is(pg_temp.st('merge'), '00000', 'a handler merges a duplicate');
SELECT results_eq($$SELECT received_at, clock_start, clock_due FROM rights.complaint WHERE id = pg_temp.id('again')$$,
                  $$VALUES (timestamptz '2026-12-01 09:00+08', date '2026-12-01', api.add_workdays('2026-12-01', 7))$$,
                  'the kept item runs on the earliest receipt''s clock');
SELECT is((SELECT status FROM rights.complaint WHERE id = pg_temp.id('first')), 'merged', '  ... the other is merged');
SELECT is(pg_temp.st('merge again'), '55000', '  ... and cannot be merged twice');
SELECT is(pg_temp.st('find'), (SELECT item_no FROM it WHERE name = 'again') || ' ' || (SELECT item_no FROM it WHERE name = 'first'),
          'the merged number still finds the kept item');
SELECT is(pg_temp.st('keep apart'), '00000', 'look-alikes are kept apart with a reason');
SELECT is(pg_temp.st('dups after'), '0', '  ... and no longer offered as duplicates');

-- 7. Reports and consultations ------------------------------------------------------------

SET SESSION AUTHORIZATION demo_handler_lx;
SET smcon.now = '2026-12-07 11:00+08';
SELECT pg_temp.intake('anon', 'report', '92320213MA1Y3K5P73', NULL, NULL, '后厨使用过期原料', 'hotline_12315', NULL, true);
SELECT pg_temp.try('decide unverified no reason', format('SELECT api.tipoff_decide(%s, false)', pg_temp.id('tip')));
SELECT pg_temp.try('verify', format('SELECT api.tipoff_verify(%s)', pg_temp.id('tip')));
SELECT pg_temp.try('verify twice', format('SELECT api.tipoff_verify(%s)', pg_temp.id('tip')));
SELECT pg_temp.try('handler extends', format('SELECT api.desk_extend(''report'', %s, 15, ''案情复杂'')', pg_temp.id('tip')));
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_supervisor_lx;
INSERT INTO it (name, due) SELECT 'extended', api.desk_extend('report', pg_temp.id('tip'), 15, '案情复杂，经负责人批准');
SELECT pg_temp.try('extend twice', format('SELECT api.desk_extend(''report'', %s, 15, ''再延'')', pg_temp.id('tip')));
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_handler_lx;
SELECT pg_temp.try('decide', format('SELECT api.tipoff_decide(%s, true, ''锡梁市监立〔2026〕88号'')', pg_temp.id('tip')));
INSERT INTO it (name, due) SELECT 'inform-due', clock_due FROM rights.report WHERE id = pg_temp.id('tip');
SELECT pg_temp.try('close uninformed', format('SELECT api.tipoff_close(%s)', pg_temp.id('tip')));
SELECT pg_temp.try('inform', format('SELECT api.tipoff_inform(%s)', pg_temp.id('tip')));
SELECT pg_temp.try('close report', format('SELECT api.tipoff_close(%s)', pg_temp.id('tip')));
SELECT pg_temp.try('decide anon', format('SELECT api.tipoff_decide(%s, false, NULL, ''线索不实'')', pg_temp.id('anon')));
SELECT pg_temp.try('inform anon', format('SELECT api.tipoff_inform(%s)', pg_temp.id('anon')));
SELECT pg_temp.intake('q', 'consultation', NULL, '13800001111', NULL, '预付卡退费怎么办', 'transfer_12345', 'WX2026120700009');
SELECT pg_temp.try('answer', format('SELECT api.consult_answer(%s, ''可向发卡经营者要求退还余额'')', pg_temp.id('q')));
SELECT pg_temp.try('answer twice', format('SELECT api.consult_answer(%s, ''再答'')', pg_temp.id('q')));
RESET SESSION AUTHORIZATION;
SELECT is(pg_temp.st('decide unverified no reason'), '23502', 'not opening a case needs a reason');
SELECT is(pg_temp.st('verify') || pg_temp.st('verify twice'), '0000055000', 'a report is verified, once');
SELECT is(pg_temp.st('handler extends'), '42501', 'a handler cannot extend the verification');
SELECT is((SELECT due FROM it WHERE name = 'extended'), api.add_workdays('2026-12-07', 30),
          'a supervisor extends it by 15 working days (15 + 15 from receipt)');
SELECT is(pg_temp.st('extend twice'), '55000', '  ... once');
SELECT is(pg_temp.st('decide'), '00000', 'a case is opened');
SELECT is((SELECT due FROM it WHERE name = 'inform-due'), api.add_workdays('2026-12-07', 5),
          '  ... the real-name reporter must be told within 5 WD');
SELECT is(pg_temp.st('close uninformed'), '55000', 'not closed before the reporter is told');
SELECT is(pg_temp.st('inform') || pg_temp.st('close report'), '0000000000', 'told, then closed');
SELECT is(pg_temp.st('decide anon'), '00000', 'an anonymous report is decided');
SELECT is(pg_temp.st('inform anon'), '55000', '  ... and has nobody to inform');
SELECT is((SELECT due FROM it WHERE name = 'q'), api.add_workdays('2026-12-07', core.setting_int('reply_12345_workdays')),
          'a 12345 consultation carries the configured reply limit');
SELECT is(pg_temp.st('answer') || pg_temp.st('answer twice'), '0000055000', 'a consultation is answered and closed, once');

-- the queue's table of open items (0196) agrees with the three tables after
-- every step above: intake, merges, transitions, pauses, closings
CREATE TEMP VIEW desk_truth AS
SELECT 'complaint' AS kind, c.id, c.complaint_no AS item_no, c.status AS state, c.received_at, c.handling_org_id AS org_id,
       c.handler_staff_id AS handler_id, c.respondent_name AS respondent, c.clock, c.clock_due, c.clock_workdays,
       c.clock_paused_since AS paused_since
  FROM rights.complaint c WHERE c.status IN ('draft', 'registered', 'accepted', 'mediating', 'mediated', 'terminated')
UNION ALL
SELECT 'report', r.id, r.report_no, r.status, r.received_at, r.handling_org_id, r.handler_staff_id, r.reported_name,
       r.clock, r.clock_due, r.clock_workdays, r.clock_paused_since
  FROM rights.report r WHERE r.status IN ('registered', 'verifying', 'decided')
UNION ALL
SELECT 'consultation', q.id, q.consultation_no, q.status, q.received_at, q.handling_org_id, q.answered_by_staff_id, q.topic,
       q.clock, q.clock_due, q.clock_workdays, NULL::date
  FROM rights.consultation q WHERE q.status = 'open';
-- (the columns the items' tables give; the stored days are tested in desk_item_days.sql)
CREATE TEMP VIEW desk_kept AS
SELECT kind, id, item_no, state, received_at, org_id, handler_id, respondent, clock, clock_due, clock_workdays, paused_since
  FROM rights.desk_open_item;
SELECT ok((SELECT count(*) > 0 FROM rights.desk_open_item), 'the open items are kept in rights.desk_open_item');
SELECT set_eq('SELECT * FROM desk_kept', 'SELECT * FROM desk_truth',
              'rights.desk_open_item holds exactly the open items of the three tables, as they are now');
DELETE FROM rights.consultation WHERE id = (SELECT min(id) FROM rights.consultation WHERE status = 'open');
UPDATE rights.complaint SET handler_staff_id = NULL WHERE id = (SELECT min(id) FROM rights.complaint WHERE status = 'accepted' AND handler_staff_id IS NOT NULL);
SELECT set_eq('SELECT * FROM desk_kept', 'SELECT * FROM desk_truth', '  ... also after a delete and a change by hand');

-- the desk's steps plan their statements once a session (0217); a
-- function redefined without its SET would lose it
SELECT is(ARRAY(SELECT p.proname::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = 'api' AND p.proname ~ '^(desk|complaint|tipoff|consult)_' AND p.provolatile = 'v'
                   AND p.proname <> 'desk_item'
                   AND NOT coalesce('plan_cache_mode=force_generic_plan' = ANY (p.proconfig), false)
                 ORDER BY 1),
          '{}'::text[], 'every step of the desk (a function that writes) keeps a generic plan');
-- the helpers each step calls keep their plans for the session (0221): a
-- SQL function that is not inlined is planned again by every statement
-- that calls it (0.05-0.15 ms a call)
SELECT is(ARRAY(SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
                 WHERE p.oid = ANY (ARRAY['core.caller_has(text)', 'core.require_role(text[])',
                                          'rights.complaint_missing(rights.complaint)', 'core.org_district(bigint)',
                                          'core.entity_district(bigint)', 'rights.desk_due_soon_percent()',
                                          'audit.trigger_columns(text[])', 'audit.row_key(jsonb,text[])']::regprocedure[])
                   AND l.lanname <> 'plpgsql'
                 ORDER BY 1),
          '{}'::text[], 'the helpers every step and audited write calls are PL/pgSQL, planned once a session');
-- the state and kind names are inlined into the lists (0222): SQL-standard
-- bodies with no SET
SELECT is(ARRAY(SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.oid = ANY (ARRAY['rights.state_label(text,text)', 'rights.kind_label(text)',
                                          'rights.desk_open(text,text)']::regprocedure[])
                   AND (p.proconfig IS NOT NULL OR p.prosqlbody IS NULL)
                 ORDER BY 1),
          '{}'::text[], 'the desk''s state and kind names are inlined: SQL-standard bodies, no SET');

SELECT * FROM finish();
ROLLBACK;
