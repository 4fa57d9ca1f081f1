-- Provisional calendars: a year whose holiday notice is not loaded runs on
-- the statutory rules (《全国年节及纪念日放假办法》, 2024), its deadlines are
-- marked provisional, and loading the notice recomputes stored deadlines.
BEGIN;
SELECT plan(32);

-- The statutory holidays of 2027 and the weekend ones made up after them.
SELECT results_eq(
	$$SELECT day, name, makeup_for FROM core.calendar_provisional_days(2027) ORDER BY day$$,
	$$VALUES (date '2027-01-01', '元旦', NULL::date),
	         ('2027-02-05', '春节', NULL), ('2027-02-06', '春节', NULL), ('2027-02-07', '春节', NULL),
	         ('2027-02-08', '春节', NULL), ('2027-02-09', '春节补假', '2027-02-06'),
	         ('2027-02-10', '春节补假', '2027-02-07'),
	         ('2027-04-05', '清明节', NULL),
	         ('2027-05-01', '劳动节', NULL), ('2027-05-02', '劳动节', NULL),
	         ('2027-05-03', '劳动节补假', '2027-05-01'), ('2027-05-04', '劳动节补假', '2027-05-02'),
	         ('2027-06-09', '端午节', NULL), ('2027-09-15', '中秋节', NULL),
	         ('2027-10-01', '国庆节', NULL), ('2027-10-02', '国庆节', NULL), ('2027-10-03', '国庆节', NULL),
	         ('2027-10-04', '国庆节补假', '2027-10-02'), ('2027-10-05', '国庆节补假', '2027-10-03')$$,
	'2027: the holidays of the rules, weekend ones made up on the following working days, no swaps');

-- The issue's worked example: 春节 2027 is 6 February.
SELECT is(api.add_workdays('2027-02-04', 1), date '2027-02-11',
          'one working day after 2027-02-04 is 2027-02-11 (5-8 off, 9-10 made up)');
SELECT ok(api.calendar_provisional('2027-02-04', '2027-02-11'), '  ... and it is provisional');
SELECT ok(NOT api.is_workday('2027-02-10'), '2027-02-10 (a make-up day off) is not a working day');
SELECT ok(NOT api.is_workday('2027-02-13'), 'a provisional year has no make-up working Saturday');

-- Deadlines that cross the year: the 7-day complaint clock from 2026-12-23.
SELECT is(api.add_workdays('2026-12-23', 7), date '2027-01-04',
          '7 working days from 2026-12-23 reach 2027-01-04 (元旦 skipped)');
SELECT results_eq($$SELECT deadline, provisional FROM api.calendar_deadline('2026-12-23', 7)$$,
                  $$VALUES (date '2027-01-04', true)$$, 'calendar_deadline marks it provisional');
SELECT results_eq($$SELECT deadline, provisional FROM api.calendar_deadline('2026-12-01', 7)$$,
                  $$VALUES (date '2026-12-10', false)$$, 'a deadline inside a loaded year is not');
SELECT is(api.workdays_between('2026-12-23', '2027-01-04'), 7, 'workdays_between crosses too');
SELECT is(api.add_workdays('2027-09-14', 1), date '2027-09-16', '中秋 2027 (15 September) is off');

-- 2028: 中秋 falls on 国庆's third day; a date counts once, the Sunday is made up.
SELECT ok(NOT api.is_workday('2028-10-04'), '2028-10-04 makes up for Sunday 1 October');
SELECT ok(api.is_workday('2028-10-05'), '2028-10-05 works: 中秋 on 3 October is not a second day off');
SELECT is(api.add_workdays('2028-01-24', 1), date '2028-01-31',
          '春节 2028 (26 January) runs from the eve, Tuesday 25, to Friday 28');

-- The fast functions agree with counting day by day over the provisional years.
CREATE TEMP TABLE naive_day AS
SELECT g::date AS day,
       extract(isodow FROM g) < 6
       AND NOT EXISTS (SELECT 1 FROM core.calendar_provisional_days(extract(year FROM g)::int) p
                        WHERE p.day = g::date) AS workday
  FROM generate_series(date '2027-01-01', date '2035-12-31', interval '1 day') AS g;
SELECT is((SELECT count(*)::int
             FROM generate_series(date '2027-01-01', date '2035-09-30', interval '13 days') AS a,
                  unnest(ARRAY[1, 7, 20, 45]) AS n
            WHERE api.add_workdays(a::date, n)
                  <> (SELECT d.day FROM naive_day d WHERE d.day > a AND d.workday
                       ORDER BY d.day OFFSET n - 1 LIMIT 1)),
          0, 'add_workdays agrees with counting working days one by one, 2027-2035');
SELECT ok((SELECT bool_and(c.provisional) FROM core.calendar_day c WHERE c.day >= '2027-01-01'),
          'every day of 2027-2035 is provisional');
SELECT is((SELECT array_agg(year ORDER BY year) FROM api.calendar_years() WHERE provisional),
          ARRAY[2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035],
          'calendar_years lists 2027-2035 as provisional');
SELECT is((SELECT count(*)::int FROM api.calendar_days(2027) WHERE provisional AND kind = 'off'), 19,
          'calendar_days(2027) lists the 19 provisional days off');

-- The reference dates are the data file's (data/reference/cn-festival-dates-2027-2035.csv).
SELECT is((SELECT count(*)::int FROM core.festival_date), 36, 'four reference dates a year, 2027-2035');

-- The status: the year to watch, and the warning for admins and supervisors from 1 November.
UPDATE meta.test_clock SET enabled = true;
SET smcon.now = '2026-10-31 23:00:00+08';
SELECT results_eq($$SELECT today, year, loaded, provisional FROM api.calendar_status()$$,
                  $$VALUES (date '2026-10-31', 2027, false, true)$$,
                  'the test clock sets today; 2027 is the year to watch, provisional');
CREATE TEMP TABLE warned (who text, at text, warn boolean);
GRANT INSERT ON warned TO PUBLIC;
SET SESSION AUTHORIZATION demo_admin;
INSERT INTO warned SELECT 'admin', '10-31', warn FROM api.calendar_status();
SET smcon.now = '2026-11-01 00:10:00+08';
INSERT INTO warned SELECT 'admin', '11-01', warn FROM api.calendar_status();
SET SESSION AUTHORIZATION demo_supervisor_lx;
INSERT INTO warned SELECT 'supervisor', '11-01', warn FROM api.calendar_status();
SET SESSION AUTHORIZATION demo_clerk_lx;
INSERT INTO warned SELECT 'clerk', '11-01', warn FROM api.calendar_status();
RESET SESSION AUTHORIZATION;
SELECT is((SELECT warn FROM warned WHERE who = 'admin' AND at = '10-31'), false, 'no warning on 31 October');
SELECT is((SELECT warn FROM warned WHERE who = 'admin' AND at = '11-01'), true,
          'an admin is warned from 1 November');
SELECT is((SELECT warn FROM warned WHERE who = 'supervisor'), true, '  ... a supervisor too');
SELECT is((SELECT warn FROM warned WHERE who = 'clerk'), false, '  ... a clerk is not');
UPDATE meta.test_clock SET enabled = false;
SELECT isnt((SELECT today FROM api.calendar_status()), date '2026-11-01',
            'with the test clock off, smcon.now is ignored');
UPDATE meta.test_clock SET enabled = true;

-- Stored deadlines: two registered complaints whose clocks run into 2027.
INSERT INTO rights.complaint (complaint_no, channel_code, received_at, receiving_org_id, handling_org_id,
                              complainant_name, complainant_phone, complainant_address, respondent_name,
                              respondent_address, entity_id, request, facts, accept_due_on, source_system)
SELECT n.no, 'hotline_12315', n.at, c.receiving_org_id, c.handling_org_id, '周海燕', '13861234567',
       '无锡市梁溪区中山路 8 号', c.respondent_name, c.respondent_address, c.entity_id, '退货退款',
       '电池三天后无法充电', api.add_workdays((n.at AT TIME ZONE 'Asia/Shanghai')::date, 7), 'test'
  FROM (SELECT * FROM rights.complaint ORDER BY id LIMIT 1) AS c,
       (VALUES ('T-DEC', timestamptz '2026-12-23 10:00+08'), ('T-FEB', timestamptz '2027-02-03 10:00+08'))
       AS n (no, at);
SELECT results_eq($$SELECT accept_due_on FROM rights.complaint WHERE source_system = 'test' ORDER BY complaint_no$$,
                  $$VALUES (date '2027-01-04'), (date '2027-02-18')$$,
                  'their deadlines on the provisional calendar');

-- The official notice arrives: 春节 5-11 February, a make-up Saturday on the 20th.
CREATE TEMP TABLE loaded AS
SELECT * FROM api.calendar_load(
	ARRAY[2, 3, 4, 5, 6, 7, 8, 9, 10],
	ARRAY['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09',
	      '2027-02-10', '2027-02-11', '2027-02-20'],
	ARRAY['off', 'off', 'off', 'off', 'off', 'off', 'off', 'off', 'makeup_workday'],
	ARRAY['元旦', '春节', '春节', '春节', '春节', '春节', '春节', '春节', '春节'], '2027.csv');
SELECT results_eq($$SELECT year, replaced, was_provisional FROM loaded$$,
                  $$VALUES (2027, false, true)$$, 'loading 2027 replaces its provisional calendar');
SELECT results_eq($$SELECT accept_due_on FROM rights.complaint WHERE source_system = 'test' ORDER BY complaint_no$$,
                  $$VALUES (date '2027-01-04'), (date '2027-02-19')$$,
                  'the stored deadline that crossed 春节 moved a day; the other stayed');
SELECT results_eq($$SELECT rule, shift_days, moved FROM api.calendar_moves((SELECT load_id FROM loaded))
                     WHERE rule = 'complaint_accept'$$,
                  $$VALUES ('complaint_accept'::text, 1, 1)$$,
                  'the load reports how many moved and by how much');
SELECT is((SELECT count(*)::int FROM supervision.inspection_result r
            WHERE r.publish_due_on >= '2027-01-01'
              AND r.publish_due_on <> api.add_workdays(r.inspected_on, 20)), 0,
          'stored publication deadlines agree with the loaded calendar');
SELECT ok(NOT api.calendar_provisional('2026-12-23', '2027-01-04'), 'the deadline is no longer provisional');
SELECT ok(api.calendar_provisional('2027-12-23', '2028-01-04'), '  ... while one into 2028 still is');
SELECT ok(api.is_workday('2027-02-20'), 'the notice''s make-up Saturday now counts');

SELECT * FROM finish();
ROLLBACK;
