-- The 12315 queue's stored days (0210): each open item keeps the ordinals
-- of its due day and pause, the day it stops being green and the day it is
-- overdue, and the band, share used and working days left read from them
-- agree with the work calendar counted directly (0196's computation) on
-- every day, across the 2026 Spring Festival with its make-up Saturdays,
-- for paused clocks, after a pause and a resume, after a calendar change
-- and a new yellow-band setting; the first screen's counts agree too.
BEGIN;
SELECT plan(24);
\ir lib/fixtures.psql

UPDATE meta.test_clock SET enabled = true;

-- The band, share used and working days left of the stored open items on a
-- day, counted on the calendar directly (as 0196 did).
CREATE FUNCTION pg_temp.reference(p_day date)
RETURNS TABLE (kind text, id bigint, remaining integer, used_pct integer, band text)
LANGUAGE sql STABLE AS $$
	WITH p AS (
		SELECT i.*, d.ordinal - coalesce(ps.ordinal, (SELECT c.ordinal FROM core.calendar_day c WHERE c.day = p_day)) AS rem
		  FROM rights.desk_open_item i
		  LEFT JOIN core.calendar_day d ON d.day = i.clock_due
		  LEFT JOIN core.calendar_day ps ON ps.day = i.paused_since)
	SELECT p.kind, p.id,
	       CASE WHEN coalesce(p.paused_since, p_day) > p.clock_due THEN least(p.rem, -1)::int ELSE p.rem::int END,
	       CASE WHEN p.clock_due IS NOT NULL
	            THEN greatest(0, round(100.0 * (p.clock_workdays - p.rem) / p.clock_workdays))::int END,
	       CASE WHEN p.clock_due IS NULL THEN 'none'
	            WHEN coalesce(p.paused_since, p_day) > p.clock_due THEN 'red'
	            WHEN 100.0 * (p.clock_workdays - p.rem) / p.clock_workdays
	                 >= (SELECT s.value::int FROM core.setting s WHERE s.key = 'desk_due_soon_percent') THEN 'yellow'
	            ELSE 'green' END
	  FROM p
$$;
-- What the queue reads from the stored days on a day.
CREATE FUNCTION pg_temp.stored(p_day date)
RETURNS TABLE (kind text, id bigint, remaining integer, used_pct integer, band text)
LANGUAGE sql STABLE AS $$
	SELECT i.kind, i.id, i.remaining, i.used_pct, i.band
	  FROM rights.desk_open_items(ARRAY(SELECT o.id FROM core.org_unit o), p_day) i
$$;
-- Every day from 2026-01-20 to 2026-04-30 where the two differ.
CREATE FUNCTION pg_temp.disagree() RETURNS bigint LANGUAGE sql STABLE AS $$
	SELECT count(*)
	  FROM generate_series(date '2026-01-20', date '2026-04-30', interval '1 day') g
	 CROSS JOIN LATERAL (
		(SELECT * FROM pg_temp.reference(g::date) EXCEPT ALL SELECT * FROM pg_temp.stored(g::date))
		UNION ALL
		(SELECT * FROM pg_temp.stored(g::date) EXCEPT ALL SELECT * FROM pg_temp.reference(g::date))) x
$$;
-- Stored days that differ from the days computed now.
CREATE FUNCTION pg_temp.stale() RETURNS bigint LANGUAGE sql STABLE AS $$
	SELECT count(*)
	  FROM rights.desk_open_item i
	 CROSS JOIN LATERAL rights.desk_item_days(i.clock_due, i.paused_since, i.clock_workdays,
	                                          rights.desk_due_soon_percent()) d
	 WHERE (i.due_ordinal, i.paused_ordinal, i.yellow_on, i.red_on)
	       IS DISTINCT FROM (d.due_ordinal, d.paused_ordinal, d.yellow_on, d.red_on)
$$;
-- Open items whose rank (0215) is not their share used on the rank day.
CREATE FUNCTION pg_temp.misranked() RETURNS bigint LANGUAGE sql STABLE AS $$
	SELECT count(*)
	  FROM rights.desk_open_item i
	  JOIN pg_temp.reference((SELECT r.day FROM rights.desk_rank_day r)) x ON x.kind = i.kind AND x.id = i.id
	 WHERE i.rank_pct IS DISTINCT FROM x.used_pct
$$;

-- Items on clocks around the 2026 Spring Festival (off 15-23 Feb; make-up
-- working days Sat 14 Feb and Sat 28 Feb), written as the triggers would.
INSERT INTO rights.desk_open_item (kind, id, item_no, state, received_at, org_id, handler_id, respondent, clock,
                                   clock_due, clock_workdays, paused_since)
SELECT 'complaint', -n, 'T' || n, 'accepted', '2026-01-20 09:00+08', pg_temp.org('LX'), NULL, '测试', 'complaint_mediate',
       due, w, paused
  FROM (VALUES
	(1, date '2026-02-28', 7, NULL::date),     -- due on the make-up Saturday
	(2, date '2026-02-25', 7, NULL),            -- turns yellow on the make-up Saturday 14 Feb
	(3, date '2026-03-20', 45, NULL),
	(4, date '2026-02-27', 15, NULL),
	(5, date '2026-03-02', 5, NULL),
	(6, date '2026-02-28', 7, date '2026-02-13'),  -- paused while green
	(7, date '2026-02-28', 7, date '2026-02-27'),  -- paused while yellow
	(8, date '2026-02-16', 7, date '2026-02-20'),  -- paused after its due day (a holiday)
	(9, date '2026-02-21', 3, NULL),            -- due on a holiday
	(10, NULL, NULL, NULL)) AS v (n, due, w, paused);

SELECT is(pg_temp.stale(), 0::bigint, 'every open item''s stored days are the ones its clock gives');
SELECT results_eq($$SELECT yellow_on, red_on FROM rights.desk_open_item WHERE kind = 'complaint' AND id = -1$$,
                  $$VALUES (date '2026-02-26', date '2026-03-01')$$,
                  '7 WD due on the make-up Saturday 28 Feb: yellow from Thu 26 Feb (5 of 7 used), red from 1 Mar');
SELECT is((SELECT yellow_on FROM rights.desk_open_item WHERE kind = 'complaint' AND id = -2), date '2026-02-14',
          '7 WD due Wed 25 Feb: yellow from the make-up Saturday 14 Feb, the holiday counting nothing');
SELECT results_eq($$SELECT id, yellow_on, red_on FROM rights.desk_open_item WHERE kind = 'complaint' AND id IN (-6, -7, -8)
                    ORDER BY id DESC$$,
                  $$VALUES (-6::bigint, 'infinity'::date, 'infinity'::date),
                           (-7::bigint, '-infinity'::date, 'infinity'::date),
                           (-8::bigint, '-infinity'::date, '-infinity'::date)$$,
                  'a paused clock stands still: green stays green, yellow stays yellow, overdue stays red');
SELECT is(pg_temp.disagree(), 0::bigint,
          'band, share used and working days left agree with the calendar counted directly, every day Jan-Apr 2026');
SELECT is(pg_temp.misranked(), 0::bigint, 'every open item is ranked by its share used on the rank day');

-- A pause and a resume through the desk move the days.
SET SESSION AUTHORIZATION demo_handler_lx;
SET smcon.now = '2026-02-12 10:00+08';
CREATE TEMP TABLE c AS
	SELECT i.id FROM api.desk_intake('complaint', 'hotline_12315', p_name => '周海燕', p_phone => '13861234567',
	                                 p_address => '无锡市梁溪区中山路 8 号', p_uscc => '92320213MA1Y3K5P73',
	                                 p_request => '退货退款', p_facts => '电池无法充电') i;
CREATE TEMP TABLE step1 AS SELECT api.complaint_accept((SELECT id FROM c))::text;
RESET SESSION AUTHORIZATION;
CREATE TEMP TABLE before AS SELECT d.* FROM rights.desk_open_item d WHERE d.kind = 'complaint' AND d.id = (SELECT id FROM c);
SET SESSION AUTHORIZATION demo_handler_lx;
SET smcon.now = '2026-02-13 10:00+08';
CREATE TEMP TABLE step2 AS SELECT api.desk_pause('complaint', (SELECT id FROM c), '电池送检')::text;
RESET SESSION AUTHORIZATION;
SELECT results_eq($$SELECT yellow_on, red_on FROM rights.desk_open_item WHERE kind = 'complaint' AND id = (SELECT id FROM c)$$,
                  $$VALUES ('infinity'::date, 'infinity'::date)$$,
                  'a pause through the desk: the item is green for as long as the clock stands');
SET SESSION AUTHORIZATION demo_handler_lx;
SET smcon.now = '2026-02-26 10:00+08';
CREATE TEMP TABLE step3 AS SELECT api.desk_resume('complaint', (SELECT id FROM c))::text;
RESET SESSION AUTHORIZATION;
CREATE TEMP TABLE after AS SELECT d.* FROM rights.desk_open_item d WHERE d.kind = 'complaint' AND d.id = (SELECT id FROM c);
SELECT is((SELECT a.due_ordinal - b.due_ordinal FROM before b, after a),
          (SELECT e.ordinal - s.ordinal FROM core.calendar_day e, core.calendar_day s
            WHERE e.day = '2026-02-26' AND s.day = '2026-02-13'),
          'the resume moves the due day by the working days paused (13 Feb to 26 Feb: the make-up 14th counts)');
SELECT results_eq($$SELECT (SELECT r.band FROM pg_temp.reference(a.yellow_on - 1) r WHERE r.kind = 'complaint' AND r.id = a.id),
                           (SELECT r.band FROM pg_temp.reference(a.yellow_on) r WHERE r.kind = 'complaint' AND r.id = a.id)
                      FROM after a$$,
                  $$VALUES ('green', 'yellow')$$,
                  '  ... and the yellow day to the first on which 70 % of the limit lengthened by the pause is used');
SELECT is((SELECT red_on FROM after), (SELECT clock_due + 1 FROM after), '  ... and the red day to the new due day''s next');
SELECT is(pg_temp.stale(), 0::bigint, '  ... the stored days are the ones the clock gives');
SELECT is(pg_temp.disagree(), 0::bigint, '  ... and agree with the calendar every day');
SELECT is((SELECT day FROM rights.desk_rank_day), date '2026-02-26', 'the day''s first step moved the rank day to its day');
SELECT is(pg_temp.misranked(), 0::bigint, '  ... and every open item is ranked for it');

-- A calendar change (26 Feb 2026 made a day off) moves the stored days.
INSERT INTO core.work_calendar (day, kind, name, source_system) VALUES ('2026-02-26', 'off', '测试', 'test');
CREATE TEMP TABLE step4 AS SELECT core.calendar_rebuild()::text;
SELECT is((SELECT yellow_on FROM rights.desk_open_item WHERE kind = 'complaint' AND id = -1), date '2026-02-25',
          'a working day taken off the calendar: the 28 Feb item turns yellow a day earlier');
SELECT is(pg_temp.stale(), 0::bigint, '  ... every stored day follows the calendar');
SELECT is(pg_temp.disagree(), 0::bigint, '  ... and agrees with it every day');
SELECT is(pg_temp.misranked(), 0::bigint, '  ... and every open item is ranked again');

-- A new yellow band moves the yellow days.
UPDATE core.setting SET value = '50' WHERE key = 'desk_due_soon_percent';
SELECT is(pg_temp.stale(), 0::bigint, 'a new yellow band (50 %): the stored days follow the setting');
SELECT is(pg_temp.disagree(), 0::bigint, '  ... and agree with the calendar every day');

-- The first screen's counts are the reference's for the handler's units.
CREATE TEMP TABLE lx AS
	SELECT unnest(core.org_scope(s.org_unit_id)) AS org_id FROM core.staff s WHERE s.login = 'demo_handler_lx';
SELECT rights.desk_rank_refresh('2026-02-27');
SET smcon.now = '2026-02-27 10:00+08';
CREATE TEMP TABLE screen AS SELECT * FROM api.desk_screen(NULL, 'all', 50, 0) LIMIT 0;
GRANT ALL ON screen TO PUBLIC;
SET SESSION AUTHORIZATION demo_handler_lx;
SET smcon.now = '2026-02-27 10:00+08';
INSERT INTO screen SELECT * FROM api.desk_screen(NULL, 'all', 50, 0);
RESET SESSION AUTHORIZATION;
SELECT results_eq($$SELECT DISTINCT total, green, due_soon, overdue FROM screen$$,
                  $$SELECT count(*)::int, count(*) FILTER (WHERE r.band IN ('green', 'none'))::int,
                           count(*) FILTER (WHERE r.band = 'yellow')::int, count(*) FILTER (WHERE r.band = 'red')::int
                      FROM pg_temp.reference('2026-02-27') r
                      JOIN rights.desk_open_item i ON i.kind = r.kind AND i.id = r.id
                     WHERE i.org_id IN (SELECT lx.org_id FROM lx)$$,
                  'the first screen counts each band as the calendar counted directly does');
SELECT results_eq($$SELECT kind, id, used_pct, band, remaining FROM screen ORDER BY used_pct DESC NULLS LAST, clock_due,
                    received_at, kind COLLATE "C", id LIMIT 50$$,
                  $$SELECT r.kind, r.id, r.used_pct, r.band, r.remaining
                      FROM pg_temp.reference('2026-02-27') r
                      JOIN rights.desk_open_item i ON i.kind = r.kind AND i.id = r.id
                     WHERE i.org_id IN (SELECT lx.org_id FROM lx)
                     ORDER BY r.used_pct DESC NULLS LAST, i.clock_due, i.received_at, r.kind COLLATE "C", r.id LIMIT 50$$,
                  '  ... and its first rows are the most used share of the limit, in the same order');

-- The page read in rank order (the rank day is today) is the page computed
-- item by item (any other day), for every view, a short page and an offset.
-- (four of the items become the handler's, so that "mine" has a second page)
UPDATE rights.desk_open_item SET handler_id = (SELECT s.id FROM core.staff s WHERE s.login = 'demo_handler_lx')
 WHERE kind = 'complaint' AND id IN (-1, -3, -5, -9);
CREATE TEMP TABLE views AS
	SELECT v, l, o FROM unnest('{all,mine,unassigned,due_soon,overdue}'::text[]) v, (VALUES (50, 0), (3, 2)) AS p (l, o);
-- every view, page and offset as the handler sees them, in the screen's order
CREATE TEMP VIEW every_view AS
	SELECT w.v, w.l, w.o, s.* FROM views w CROSS JOIN LATERAL api.desk_screen(NULL, w.v, w.l, w.o) WITH ORDINALITY AS s;
CREATE TEMP TABLE fast AS SELECT * FROM every_view LIMIT 0;
CREATE TEMP TABLE computed AS SELECT * FROM fast LIMIT 0;
GRANT ALL ON views, every_view, fast, computed TO PUBLIC;
SET SESSION AUTHORIZATION demo_handler_lx;
SET smcon.now = '2026-02-27 10:00+08';
INSERT INTO fast SELECT * FROM every_view;
RESET SESSION AUTHORIZATION;
UPDATE rights.desk_rank_day SET day = day - 1;
SET SESSION AUTHORIZATION demo_handler_lx;
SET smcon.now = '2026-02-27 10:00+08';
INSERT INTO computed SELECT * FROM every_view;
RESET SESSION AUTHORIZATION;
SELECT is(ARRAY(SELECT DISTINCT v || ':' || l || ':' || o FROM fast WHERE id IS NOT NULL ORDER BY 1),
          ARRAY(SELECT v || ':' || l || ':' || o FROM views ORDER BY 1),
          'the first screen ranked for today has rows in every view, page and offset');
SELECT results_eq($$SELECT * FROM fast ORDER BY v, l, o, ordinality$$, $$SELECT * FROM computed ORDER BY v, l, o, ordinality$$,
                  '  ... the same counts and rows, in the same order, as computed item by item on another rank day');
SELECT * FROM finish();
ROLLBACK;
