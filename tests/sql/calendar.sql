-- The work calendar: deadlines in working days (domain-rules §4), the
-- unloaded-year error, and loading a calendar file all or nothing.
BEGIN;
SELECT plan(48);

-- An independent statement of the rule, straight from the holiday table and
-- the weekday, to check the fast ordinal-based functions against.
CREATE TEMP TABLE naive_day AS
SELECT g::date AS day,
       coalesce(w.kind = 'makeup_workday', extract(isodow FROM g) < 6) AS workday
  FROM generate_series(date '2019-01-01', date '2026-12-31', interval '1 day') AS g
  LEFT JOIN core.work_calendar w ON w.day = g::date;

-- The worked example of domain-rules §4.
SELECT is(api.add_workdays('2026-02-12', 7), date '2026-02-28',
          '7 working days from Thursday 2026-02-12 end on Saturday 2026-02-28');
SELECT is(extract(isodow FROM api.add_workdays('2026-02-12', 7))::int, 6,
          '  ... a Saturday');
SELECT is((SELECT kind FROM core.work_calendar WHERE day = '2026-02-28'), 'makeup_workday',
          '  ... that is a make-up working day');

-- Make-up days count and can be the deadline.
SELECT is(api.add_workdays('2026-10-09', 1), date '2026-10-10',
          'the working day after Friday 2026-10-09 is make-up Saturday 2026-10-10');
SELECT is(api.add_workdays('2026-09-18', 1), date '2026-09-20',
          'a make-up Sunday (2026-09-20) is a working day too');
SELECT is(api.add_workdays('2026-09-19', 0), date '2026-09-19', '0 working days from D is D');

-- Holidays are skipped: 春节 2026 is 15-23 February.
SELECT is(api.add_workdays('2026-02-14', 1), date '2026-02-24',
          'after make-up Saturday 2026-02-14 the next working day is 2026-02-24 (春节 skipped)');
SELECT is(api.workdays_between('2026-02-13', '2026-02-24'), 2,
          '2026-02-13 to 2026-02-24: the make-up Saturday and the 24th');
SELECT ok(NOT api.is_workday('2026-02-16'), 'Monday 2026-02-16 (春节) is not a working day');
SELECT ok(api.is_workday('2026-02-14'), 'Saturday 2026-02-14 (调休) is a working day');
SELECT ok(NOT api.is_workday('2026-03-07'), 'an ordinary Saturday is not a working day');
SELECT is(api.add_workdays('2026-02-15', 1), date '2026-02-24',
          'counting from a holiday: the first working day after it');

-- Across the year boundary: 元旦 2026 is 1-3 January, Sunday the 4th a make-up day.
SELECT is(api.add_workdays('2025-12-31', 1), date '2026-01-04',
          '1 working day from 2025-12-31 is make-up Sunday 2026-01-04');
SELECT is(api.add_workdays('2025-12-30', 3), date '2026-01-05', '3 from 2025-12-30 is 2026-01-05');
SELECT is(api.workdays_between('2025-12-30', '2026-01-05'), 3, '  ... and back');
SELECT is(api.workdays_between('2026-01-05', '2025-12-30'), -3,
          'workdays_between is negative when the end is before the start');
SELECT is(api.add_workdays('2019-12-31', 249), date '2020-12-31',
          '2020 has 249 working days (春节 extended to 2 February)');
SELECT is(api.add_workdays('2019-12-31', 250), date '2021-01-04', '  ... the 250th is in 2021');

-- The 45-working-day mediation limit of a complaint accepted on 2026-09-21.
SELECT is(api.add_workdays('2026-09-21', 45), date '2026-11-30',
          'mediation limit: 45 working days from 2026-09-21 (中秋、国庆 skipped) is 2026-11-30');

-- Property: the fast functions agree with the rule, over many dates.
CREATE TEMP TABLE sample_day AS
SELECT g::date AS a, (row_number() OVER ())::int AS i
  FROM generate_series(date '2019-01-01', date '2026-12-31', interval '2 days') AS g;
SELECT is((SELECT count(*)::int
             FROM sample_day, unnest(ARRAY[1, 2, 5, 7, 15, 20, 45, 100]) AS n
            WHERE i % 3 = 0 AND a <= date '2026-06-30'
              AND api.add_workdays(a, n)
                  <> (SELECT d.day FROM naive_day d WHERE d.day > a AND d.workday
                       ORDER BY d.day OFFSET n - 1 LIMIT 1)),
          0, 'add_workdays agrees with counting working days one by one (3,700 cases)');
SELECT is((SELECT count(*)::int
             FROM sample_day, unnest(ARRAY[-40, -3, 0, 1, 6, 30, 200]) AS k
            WHERE i % 3 = 1 AND a + k BETWEEN date '2019-01-01' AND date '2026-12-31'
              AND api.workdays_between(a, a + k)
                  <> sign(k) * (SELECT count(*) FROM naive_day d
                                 WHERE d.workday AND d.day > least(a, a + k)
                                   AND d.day <= greatest(a, a + k))),
          0, 'workdays_between counts the working days after the start up to the end');
SELECT is((SELECT count(*)::int
             FROM sample_day, unnest(ARRAY[1, 4, 11, 23, 60]) AS k
            WHERE a + k <= date '2026-12-31' AND api.is_workday(a + k)
              AND api.add_workdays(a, api.workdays_between(a, a + k)) <> a + k),
          0, 'add_workdays(a, workdays_between(a, b)) = b whenever b is a working day');

-- Years neither loaded nor computable (no reference dates) are refused;
-- 2027-2035 have provisional calendars (tests/sql/calendar_provisional.sql).
SELECT throws_like($$SELECT api.add_workdays('2036-03-02', 1)$$,
                   '2036 年的工作日历尚未载入%只到 2035 年%smcon calendar load%',
                   'a date past the reference data: an error naming the year, how far it reaches and the command');
SELECT throws_ok($$SELECT api.add_workdays('2036-03-02', 1)$$, '22023', NULL,
                 '  ... SQLSTATE 22023');
SELECT throws_like($$SELECT api.add_workdays('2035-12-20', 20)$$, '2036 年的工作日历尚未载入%',
                   'a deadline that runs past the reference data names the first year without a calendar');
SELECT throws_like($$SELECT api.add_workdays('2018-12-31', 1)$$, '2018 年%',
                   '2018 has rows (元旦 2019) but is not loaded');
SELECT throws_like($$SELECT api.workdays_between('2026-06-01', '2036-06-01')$$, '2036 年%',
                   'workdays_between past the reference data');
SELECT throws_like($$SELECT api.is_workday('2037-01-01')$$, '2037 年%', 'is_workday too');
SELECT throws_ok($$SELECT api.add_workdays('2026-01-05', -1)$$, '22023', NULL,
                 'a negative number of working days is refused');
SELECT is((SELECT array_agg(year ORDER BY year) FROM core.calendar_year),
          ARRAY[2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026], 'the years 2019-2026 are loaded');
SELECT is((SELECT count(*)::int FROM core.calendar_day c JOIN naive_day d USING (day)
            WHERE c.workday <> d.workday OR c.provisional), 0,
          'the day table agrees with the rule (and no loaded day is provisional)');

-- Checking a file: each problem by its line.
SELECT results_eq(
	$$SELECT line, problem, detail FROM api.calendar_check(
	    ARRAY[2, 3, 4, 5, 6, 7, 8],
	    ARRAY['2027-01-01', '2027-02-30', '2027-02-08', '2027-02-09', '2027-01-01', '2027/02/10',
	          '2028-01-01'],
	    ARRAY['off', 'off', 'makeup_workday', 'holiday', 'off', 'off', 'makeup_workday'],
	    ARRAY['元旦', '春节', '春节', '春节', '元旦', '春节', '元旦'])$$,
	$$VALUES (3, 'bad_date', '2027-02-30'), (4, 'weekday_makeup', '2027-02-08'),
	         (5, 'bad_kind', 'holiday'), (6, 'duplicate', '2'), (7, 'bad_date', '2027/02/10'),
	         (8, 'new_year_makeup', '2028-01-01')$$,
	'calendar_check reports every bad row with its line');
SELECT results_eq(
	$$SELECT line, problem FROM api.calendar_check(ARRAY[2], ARRAY['2027-02-06'], ARRAY['off'],
	                                                ARRAY[''])$$,
	$$VALUES (2, 'bad_name'), (NULL::int, 'no_year')$$,
	'an empty name is bad; a file without any 1 January loads no year');
SELECT is_empty($$SELECT * FROM api.calendar_check(ARRAY[2, 3], ARRAY['2027-01-01', '2027-01-02'],
                                                   ARRAY['off', 'off'], ARRAY['元旦', '元旦'])$$,
                'a weekend marked off is accepted (it names the holiday period)');

-- Loading: all or nothing.
SELECT throws_ok($$SELECT * FROM api.calendar_load(ARRAY[2, 3], ARRAY['2027-01-01', '2027-13-01'],
                                                   ARRAY['off', 'off'], ARRAY['元旦', '春节'], 't.csv')$$,
                 '22023', NULL, 'a file with a bad row is refused');
SELECT ok(NOT EXISTS (SELECT 1 FROM core.work_calendar WHERE day = '2027-01-01')
          AND NOT EXISTS (SELECT 1 FROM core.calendar_year WHERE year = 2027),
          '  ... and nothing of it is loaded');
SELECT results_eq($$SELECT year, off_days, makeup_days, replaced FROM api.calendar_load(
	    ARRAY[2, 3, 4, 5], ARRAY['2026-12-31', '2027-01-01', '2027-01-02', '2027-02-06'],
	    ARRAY['off', 'off', 'off', 'makeup_workday'], ARRAY['元旦', '元旦', '元旦', '春节'], 't.csv')$$,
                  $$VALUES (2027, 2, 1, false)$$, 'a good file loads its year');
SELECT is(api.add_workdays('2026-12-28', 5), date '2027-01-06',
          'deadlines now run into 2027 (2026-12-31 off, from the 2027 notice)');
SELECT is((SELECT kind FROM core.work_calendar WHERE day = '2026-12-31'), 'off',
          'a row of another year (the December edge) is added');
SELECT is(api.add_workdays('2027-02-05', 1), date '2027-02-06', 'the make-up Saturday counts');
SELECT results_eq($$SELECT year, replaced FROM api.calendar_load(ARRAY[2], ARRAY['2027-01-01'],
	    ARRAY['off'], ARRAY['元旦'], 't2.csv')$$, $$VALUES (2027, true)$$,
                  'loading a year again replaces it');
SELECT ok(NOT EXISTS (SELECT 1 FROM core.work_calendar WHERE day = '2027-02-06'),
          '  ... its rows are those of the new file');
SELECT is(api.add_workdays('2027-02-05', 1), date '2027-02-08', '  ... and deadlines follow');

-- A gap: 2037 loaded without 2036 (past the reference data: no provisional year).
SELECT lives_ok($$SELECT * FROM api.calendar_load(ARRAY[2], ARRAY['2037-01-01'], ARRAY['off'],
                                                  ARRAY['元旦'], 't3.csv')$$, 'load 2037 alone');
SELECT throws_like($$SELECT api.add_workdays('2035-12-20', 20)$$, '2036 年的工作日历尚未载入%',
                   'a deadline across the gap names the missing year');
SELECT throws_like($$SELECT api.workdays_between('2035-06-01', '2037-06-01')$$, '2036 年%',
                   '  ... and so does workdays_between');

-- Who may do what.
SELECT ok(has_function_privilege('smcon_admin', 'api.calendar_load(integer[], text[], text[], text[], text)', 'EXECUTE')
          AND NOT has_function_privilege('smcon_clerk', 'api.calendar_load(integer[], text[], text[], text[], text)', 'EXECUTE')
          AND NOT has_function_privilege('smcon_supervisor', 'api.calendar_load(integer[], text[], text[], text[], text)', 'EXECUTE'),
          'only admins may load a calendar');
SELECT ok(has_function_privilege('smcon_clerk', 'api.add_workdays(date, integer)', 'EXECUTE')
          AND has_function_privilege('smcon_handler', 'api.workdays_between(date, date)', 'EXECUTE')
          AND NOT has_function_privilege('public', 'api.add_workdays(date, integer)', 'EXECUTE'),
          'all staff (and only staff) compute deadlines');
SELECT * FROM finish();
ROLLBACK;
