-- Reassigning several items at once (0211): every item is locked and
-- checked before the first write, so an item that may not be assigned
-- leaves all of them as they were; the ones assigned get a timeline line
-- each and one audit row each.
BEGIN;
SELECT plan(7);
\ir lib/fixtures.psql

UPDATE meta.test_clock SET enabled = true;
CREATE TEMP TABLE it (n integer, id bigint);
CREATE TEMP TABLE res (label text, state text, n integer);
GRANT ALL ON it, res TO PUBLIC;
CREATE FUNCTION pg_temp.try(label text, q text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	k integer;
BEGIN
	EXECUTE q INTO k;
	INSERT INTO pg_temp.res VALUES (label, '00000', k);
EXCEPTION WHEN OTHERS THEN
	INSERT INTO pg_temp.res VALUES (label, SQLSTATE, NULL);
END $$;
CREATE FUNCTION pg_temp.ids(VARIADIC ns integer[]) RETURNS text LANGUAGE sql
RETURN (SELECT array_agg(id ORDER BY n)::text FROM pg_temp.it WHERE n = ANY (ns));

SET SESSION AUTHORIZATION demo_handler_lx;
SET smcon.now = '2026-12-07 10:00+08';
INSERT INTO it
SELECT g, (SELECT i.id FROM api.desk_intake('complaint', 'hotline_12315', p_name => '周海燕',
                                             p_phone => '1386123456' || g, p_address => '无锡市梁溪区中山路 8 号',
                                             p_uscc => '92320213MA1Y3K5P73', p_request => '退货退款',
                                             p_facts => '电池无法充电') i)
  FROM generate_series(1, 3) g;
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_handler_jy;
INSERT INTO it
SELECT 4, (SELECT i.id FROM api.desk_intake('complaint', 'hotline_12315', p_name => '周海燕',
                                             p_phone => '13861234570', p_address => '江阴市澄江街道澄南路 36 号',
                                             p_respondent => '某小店', p_respondent_address => '江阴市澄江街道澄南路 1 号',
                                             p_request => '退货退款', p_facts => '电池无法充电') i);
RESET SESSION AUTHORIZATION;
CREATE TEMP TABLE audit_before AS SELECT max(id) AS id FROM audit.log;

SET SESSION AUTHORIZATION demo_supervisor_lx;
SELECT pg_temp.try('with another unit''s item',
                   format('SELECT api.desk_assign(''complaint'', %L, ''demo_supervisor_lx'')', pg_temp.ids(3, 1, 4, 2)));
RESET SESSION AUTHORIZATION;
CREATE TEMP TABLE after_refused AS
	SELECT (SELECT count(*) FROM rights.desk_event e JOIN it ON e.item_id = it.id
	         WHERE e.item_kind = 'complaint' AND e.action = 'assign') AS events,
	       (SELECT count(*) FROM rights.complaint c JOIN it ON c.id = it.id
	         WHERE c.handler_staff_id = pg_temp.staff('demo_supervisor_lx')) AS assigned;
SET SESSION AUTHORIZATION demo_supervisor_lx;
SELECT pg_temp.try('three', format('SELECT api.desk_assign(''complaint'', %L, ''demo_supervisor_lx'')', pg_temp.ids(3, 1, 2)));
SELECT pg_temp.try('none', 'SELECT api.desk_assign(''complaint'', ''{}'', ''demo_supervisor_lx'')');
RESET SESSION AUTHORIZATION;

SELECT is((SELECT state FROM res WHERE label = 'with another unit''s item'), '42501',
          'a reassignment that takes in another district''s item is refused');
SELECT results_eq('SELECT events, assigned FROM after_refused', $$VALUES (0::bigint, 0::bigint)$$,
                  '  ... and none of its items was assigned or logged');
SELECT results_eq($$SELECT state, n FROM res WHERE label = 'three'$$, $$VALUES ('00000', 3)$$,
                  'three items of the district are assigned at once');
SELECT is((SELECT count(*) FROM rights.complaint c JOIN it ON c.id = it.id
            WHERE it.n <= 3 AND c.handler_staff_id = pg_temp.staff('demo_supervisor_lx')), 3::bigint,
          '  ... each to the handler named');
SELECT is((SELECT count(*) FROM rights.desk_event e JOIN it ON e.item_id = it.id
            WHERE e.item_kind = 'complaint' AND e.action = 'assign' AND e.note = '承办人：' ||
                  (SELECT full_name FROM core.staff WHERE login = 'demo_supervisor_lx')), 3::bigint,
          '  ... each with its line on the timeline');
SELECT is((SELECT count(*) FROM audit.log l
            WHERE l.id > (SELECT id FROM audit_before) AND l.table_name = 'rights.complaint' AND l.action = 'update'
              AND l.new_values ? 'handler_staff_id'), 3::bigint,
          '  ... and its audit row: one per item, none for the refused call');
SELECT results_eq($$SELECT state, n FROM res WHERE label = 'none'$$, $$VALUES ('00000', 0)$$,
                  'a reassignment of no items assigns none');

SELECT * FROM finish();
ROLLBACK;
