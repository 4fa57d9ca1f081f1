-- 0214 the queue's first screen from one narrow index (issue 11: a
-- district queue's first screen, counts per band, p99 under 10 ms). After
-- 0210 the first screen still fetched each of a district's open items from
-- the heap (6,600 in 梁溪 on the bench warehouse, spread over 940 of the
-- table's pages: a row of rights.desk_open_item carries its number, state,
-- respondent and clock text), materialised them with their band, counted
-- them and sorted them. Now:
-- - desk_open_item_queue holds, per unit, every column the counts and the
--   order read, so both are index-only scans of 3.5 MB instead of 22 MB of
--   heap (an item changed since the last vacuum is still read from the
--   heap: the answer is the same);
-- - the counts and the page are two passes over that index, with no
--   materialised set between them; the counts compare the stored days
--   (red: red_on on or before today; yellow: yellow_on on or before today
--   and not red; green: the rest, as rights.desk_band has it); the page's
--   50 rows alone fetch their text columns;
-- - autovacuum visits the table after 1 % of its rows changed (not 20 %),
--   so that the index-only scans find its pages all-visible: 1,000 of a
--   district's 7,000 items fetched from the heap after a busy hour cost
--   3 ms a screen on the bench.
-- Same answer as 0210's (tests/sql/desk_item_days.sql compares the first
-- screen with the items counted one by one).

CREATE INDEX desk_open_item_queue ON rights.desk_open_item (org_id)
	INCLUDE (kind, id, handler_id, paused_since, clock_due, received_at, yellow_on, red_on, paused_ordinal,
	         due_ordinal, clock_workdays);
COMMENT ON INDEX rights.desk_open_item_queue IS
	'工作台队列首屏：按机构取计数和排序所需的各列（只读索引，不回表）';
DROP INDEX rights.desk_open_item_org_id_idx;
ALTER TABLE rights.desk_open_item SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01,
                                       autovacuum_analyze_scale_factor = 0.05);

CREATE OR REPLACE FUNCTION api.desk_screen(p_unit text DEFAULT NULL, p_view text DEFAULT 'all',
                                p_limit integer DEFAULT 50, p_offset integer DEFAULT 0)
RETURNS TABLE (total integer, mine integer, unassigned integer, green integer, due_soon integer, overdue integer,
               paused integer, kind text, id bigint, item_no text, state text, state_label text,
               received_at timestamptz, org_code text, org_name text, handler text, respondent text, clock text,
               clock_due date, remaining integer, used_pct integer, band text, is_paused boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
	orgs bigint[] := rights.desk_units(p_unit);
	me bigint := (SELECT s.id FROM core.staff s WHERE s.login = session_user);
	v text := coalesce(nullif(btrim(p_view), ''), 'all');
	td date := core.today();
	t integer := (SELECT c.ordinal FROM core.calendar_day c WHERE c.day = td);
BEGIN
	IF v NOT IN ('all', 'mine', 'unassigned', 'due_soon', 'overdue') THEN
		RAISE EXCEPTION '队列“%”无效：all、mine、unassigned、due_soon、overdue', p_view
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	RETURN QUERY
	WITH n AS (
		-- the bands as desk_band gives them, as date comparisons (green or
		-- none: the rest)
		SELECT count(*)::int AS total, count(*) FILTER (WHERE x.handler_id = me)::int AS mine,
		       count(*) FILTER (WHERE x.handler_id IS NULL)::int AS unassigned,
		       count(*) FILTER (WHERE x.red_on > td AND x.yellow_on <= td
		                          AND (t IS NOT NULL OR x.paused_ordinal IS NOT NULL))::int AS due_soon,
		       count(*) FILTER (WHERE x.red_on <= td)::int AS overdue,
		       count(*) FILTER (WHERE x.paused_since IS NOT NULL)::int AS paused
		  FROM rights.desk_open_item x
		 WHERE x.org_id = ANY (orgs)),
	c AS (SELECT n.total, n.mine, n.unassigned, n.total - n.due_soon - n.overdue AS green, n.due_soon, n.overdue,
	             n.paused
	        FROM n),
	i AS (
		SELECT x.kind, x.id, x.handler_id, x.paused_since, x.clock_due, x.received_at,
		       rights.desk_band(x.clock_due, x.yellow_on, x.red_on, x.paused_ordinal, td, t) AS band,
		       x.due_ordinal - coalesce(x.paused_ordinal, t) AS rem, x.clock_workdays
		  FROM rights.desk_open_item x
		 WHERE x.org_id = ANY (orgs)),
	q AS (SELECT i.*,
	             CASE WHEN i.clock_due IS NOT NULL
	                  THEN greatest(0, (200 * (i.clock_workdays - i.rem) + i.clock_workdays)
	                                   / (2 * i.clock_workdays))::int END AS used_pct
	        FROM i
	       WHERE v = 'all' OR (v = 'mine' AND i.handler_id = me) OR (v = 'unassigned' AND i.handler_id IS NULL)
	          OR (v = 'due_soon' AND i.band = 'yellow') OR (v = 'overdue' AND i.band = 'red')
	       ORDER BY used_pct DESC NULLS LAST, i.clock_due, i.received_at, i.kind COLLATE "C", i.id
	       LIMIT greatest(coalesce(p_limit, 50), 1) OFFSET greatest(coalesce(p_offset, 0), 0)),
	p AS (SELECT q.*, d.item_no, d.state, d.org_id, d.respondent, d.clock,
	             CASE WHEN coalesce(q.paused_since, td) > q.clock_due THEN least(q.rem, -1) ELSE q.rem END AS remaining,
	             row_number() OVER (ORDER BY q.used_pct DESC NULLS LAST, q.clock_due, q.received_at,
	                                q.kind COLLATE "C", q.id) AS n
	        FROM q JOIN rights.desk_open_item d ON d.kind = q.kind AND d.id = q.id)
	SELECT c.total, c.mine, c.unassigned, c.green, c.due_soon, c.overdue, c.paused,
	       p.kind, p.id, p.item_no, p.state, rights.state_label(p.kind, p.state), p.received_at, o.code, o.short_name,
	       s.full_name, p.respondent, p.clock, p.clock_due, p.remaining::int, p.used_pct, p.band,
	       p.paused_since IS NOT NULL
	  FROM c
	  LEFT JOIN p ON true
	  LEFT JOIN core.org_unit o ON o.id = p.org_id
	  LEFT JOIN core.staff s ON s.id = p.handler_id
	 ORDER BY p.n;
END $$;
