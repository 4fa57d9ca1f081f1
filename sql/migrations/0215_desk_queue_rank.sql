-- 0215 the queue's page read in order from an index (issue 11: the first
-- screen's p99 under 10 ms with 20 handlers at once). After 0214 the first
-- screen still computed every open item's share of its limit (6,000-8,000
-- in 梁溪 on the bench warehouse) to sort them and keep 50: about 6 ms a
-- call alone, 9-15 ms with 20 handlers' backends taking turns on 2 cores.
-- The share used changes only with the day (today's working-day ordinal)
-- and differently for each limit, so no index over the stored days gives
-- the order; each open item now also keeps its share on one day, the rank
-- day, and the first screen reads the page from an index over it when the
-- rank day is today:
-- - rights.desk_rank_day holds the rank day and its ordinal (one row);
-- - rank_pct is the item's share used on the rank day, the same integer
--   the queue shows (rights.desk_rank_pct, one expression for both);
-- - a BEFORE trigger writes it with every row, under a share lock on the
--   rank day's row, so that a new rank day waits for the writers before it
--   and they wait for it (no row is ranked for a day that is not the one
--   stored);
-- - the first write of a day (any intake or step: a statement trigger on
--   the three tables) moves the rank day and re-ranks the open items whose share changed, in
--   its transaction (about 40,000 rows on the bench: once a day);
-- - a calendar change re-ranks them too (the ordinals move);
-- - api.desk_screen takes the page per unit from desk_open_item_rank, each
--   unit's first rows in the page's order, and sorts those few; on any other
--   day (before the day's first write, or a session whose clock is set
--   elsewhere) the same query computes every item's share as before, with
--   the same answer (tests/sql/desk_item_days.sql compares the two, every
--   view).

CREATE TABLE rights.desk_rank_day (
	only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
	day date NOT NULL,
	ordinal integer
);
COMMENT ON TABLE rights.desk_rank_day IS
	'12315 工作台未办结事项的排序日（一行）：rights.desk_open_item.rank_pct 按此日计算；每日第一次办理时更新';
COMMENT ON COLUMN rights.desk_rank_day.only_row IS '只有一行';
COMMENT ON COLUMN rights.desk_rank_day.day IS '排序日';
COMMENT ON COLUMN rights.desk_rank_day.ordinal IS '排序日的工作日序号（core.calendar_day；日历之外为空）';
ALTER TABLE rights.desk_rank_day ENABLE ROW LEVEL SECURITY;
INSERT INTO audit.unaudited (table_name, reason)
VALUES ('rights.desk_rank_day', '派生数据：工作台排序日，随每日第一次办理或日历变化更新，可随时重建');

ALTER TABLE rights.desk_open_item ADD COLUMN rank_pct integer;
COMMENT ON COLUMN rights.desk_open_item.rank_pct IS
	'排序日（rights.desk_rank_day）已用时限的百分比，与队列所示相同；无时限为空';

-- The share of the limit used on the day whose ordinal is p_t, as the
-- queue shows it (round half up, in integers); NULL without a clock.
CREATE FUNCTION rights.desk_rank_pct(p_due date, p_due_ordinal integer, p_paused_ordinal integer,
                                     p_workdays integer, p_t integer) RETURNS integer
LANGUAGE sql IMMUTABLE
RETURN CASE WHEN p_due IS NOT NULL
            THEN greatest(0, (200 * (p_workdays - (p_due_ordinal - coalesce(p_paused_ordinal, p_t))) + p_workdays)
                             / (2 * p_workdays))::int END;
COMMENT ON FUNCTION rights.desk_rank_pct(date, integer, integer, integer, integer) IS
	'某日（工作日序号）已用时限的百分比（四舍五入）：到期日、到期日序号、暂停日序号、时限工作日数、当日序号';

INSERT INTO rights.desk_rank_day (day, ordinal)
SELECT core.today(), (SELECT c.ordinal FROM core.calendar_day c WHERE c.day = core.today());
UPDATE rights.desk_open_item i
   SET rank_pct = rights.desk_rank_pct(i.clock_due, i.due_ordinal, i.paused_ordinal, i.clock_workdays, r.ordinal)
  FROM rights.desk_rank_day r;

-- Every row written is ranked for the rank day, under a share lock on it.
CREATE FUNCTION rights.desk_open_item_rank() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	t integer;
BEGIN
	SELECT r.ordinal INTO t FROM rights.desk_rank_day r FOR SHARE;
	NEW.rank_pct := rights.desk_rank_pct(NEW.clock_due, NEW.due_ordinal, NEW.paused_ordinal, NEW.clock_workdays, t);
	RETURN NEW;
END $$;
COMMENT ON FUNCTION rights.desk_open_item_rank() IS '触发器：按排序日计算未办结事项已用时限的百分比（共享锁住排序日）';
-- (named after desk_open_item_days_*, so that it runs after them and reads their ordinals)
CREATE TRIGGER desk_open_item_rank BEFORE INSERT OR UPDATE ON rights.desk_open_item FOR EACH ROW
	EXECUTE FUNCTION rights.desk_open_item_rank();

-- Moves the rank day to p_day and re-ranks the open items whose share
-- changes; nothing when it is the rank day already (read without a lock).
CREATE FUNCTION rights.desk_rank_refresh(p_day date) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	t integer := (SELECT c.ordinal FROM core.calendar_day c WHERE c.day = p_day);
BEGIN
	IF EXISTS (SELECT 1 FROM rights.desk_rank_day r WHERE r.day = p_day AND r.ordinal IS NOT DISTINCT FROM t) THEN
		RETURN;
	END IF;
	-- waits for the writers holding the day (and, READ COMMITTED, sees what
	-- one that moved it first wrote)
	UPDATE rights.desk_rank_day r SET day = p_day, ordinal = t
	 WHERE r.day IS DISTINCT FROM p_day OR r.ordinal IS DISTINCT FROM t;
	IF FOUND THEN
		UPDATE rights.desk_open_item i SET rank_pct = NULL
		 WHERE i.rank_pct IS DISTINCT FROM rights.desk_rank_pct(i.clock_due, i.due_ordinal, i.paused_ordinal,
		                                                          i.clock_workdays, t);
	END IF;
END $$;
COMMENT ON FUNCTION rights.desk_rank_refresh(date) IS
	'把工作台排序日移到某日，重算已用时限百分比有变化的未办结事项（已是该日则不做事）';

-- The first write of a day moves the rank day: a statement trigger on the
-- three tables, before the rows (and so before rights.desk_open_item_sync
-- writes their queue rows).
CREATE FUNCTION rights.desk_rank_today() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
	PERFORM rights.desk_rank_refresh(core.today());
	RETURN NULL;
END $$;
COMMENT ON FUNCTION rights.desk_rank_today() IS '触发器：投诉、举报、咨询当日第一次变化前把工作台排序日移到当日';
CREATE TRIGGER desk_rank_today BEFORE INSERT OR UPDATE OR DELETE ON rights.complaint
	FOR EACH STATEMENT EXECUTE FUNCTION rights.desk_rank_today();
CREATE TRIGGER desk_rank_today BEFORE INSERT OR UPDATE OR DELETE ON rights.report
	FOR EACH STATEMENT EXECUTE FUNCTION rights.desk_rank_today();
CREATE TRIGGER desk_rank_today BEFORE INSERT OR UPDATE OR DELETE ON rights.consultation
	FOR EACH STATEMENT EXECUTE FUNCTION rights.desk_rank_today();

-- A calendar change moves the ordinals: the rank day's ordinal too, and so
-- every share. (0210's refresh, then the rank day's.)
CREATE FUNCTION rights.desk_rank_calendar() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
	PERFORM rights.desk_rank_refresh((SELECT r.day FROM rights.desk_rank_day r));
	RETURN NULL;
END $$;
COMMENT ON FUNCTION rights.desk_rank_calendar() IS '触发器：工作日历变化后重算排序日的序号和各事项的已用时限百分比';
-- (after desk_open_item_refresh: statement triggers fire in name order)
CREATE TRIGGER desk_rank_calendar AFTER INSERT OR UPDATE OR DELETE ON core.calendar_day
	FOR EACH STATEMENT EXECUTE FUNCTION rights.desk_rank_calendar();

-- The index the page is read from, per unit, in the page's order, with
-- every column the counts and the views' filters read (0214's index goes).
CREATE INDEX desk_open_item_rank ON rights.desk_open_item
	(org_id, rank_pct DESC NULLS LAST, clock_due, received_at, kind COLLATE "C", id)
	INCLUDE (handler_id, paused_since, yellow_on, red_on, paused_ordinal, due_ordinal, clock_workdays);
COMMENT ON INDEX rights.desk_open_item_rank IS
	'工作台队列首屏：按机构、排序日已用时限从多到少排列，含计数和筛选所需各列（只读索引，不回表）';
DROP INDEX rights.desk_open_item_queue;

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
	lim integer := greatest(coalesce(p_limit, 50), 1);
	off integer := greatest(coalesce(p_offset, 0), 0);
	-- every open item ranked for today (not so before the day's first write,
	-- or in a session whose clock is set to another day)
	ranked boolean := EXISTS (SELECT 1 FROM rights.desk_rank_day r WHERE r.day = td AND r.ordinal IS NOT DISTINCT FROM t);
BEGIN
	IF v NOT IN ('all', 'mine', 'unassigned', 'due_soon', 'overdue') THEN
		RAISE EXCEPTION '队列“%”无效：all、mine、unassigned、due_soon、overdue', p_view
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	RETURN QUERY
	WITH n AS (
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
	-- the page: ranked for today, each unit's first rows of the view in the
	-- page's order; otherwise every item's share computed (0214). The plan
	-- is made for the call's values, so only one of the two runs.
	q AS (SELECT w.*
	        FROM (SELECT y.*
	                FROM unnest(orgs) AS u (org_id)
	               CROSS JOIN LATERAL (
	                     SELECT x.kind, x.id, x.handler_id, x.paused_since, x.clock_due, x.received_at,
	                            rights.desk_band(x.clock_due, x.yellow_on, x.red_on, x.paused_ordinal, td, t) AS band,
	                            x.due_ordinal - coalesce(x.paused_ordinal, t) AS rem, x.rank_pct AS used_pct
	                       FROM rights.desk_open_item x
	                      WHERE ranked AND x.org_id = u.org_id
	                        AND (v = 'all' OR (v = 'mine' AND x.handler_id = me)
	                             OR (v = 'unassigned' AND x.handler_id IS NULL)
	                             OR (v = 'due_soon' AND x.red_on > td AND x.yellow_on <= td
	                                 AND (t IS NOT NULL OR x.paused_ordinal IS NOT NULL))
	                             OR (v = 'overdue' AND x.red_on <= td))
	                      ORDER BY x.rank_pct DESC NULLS LAST, x.clock_due, x.received_at, x.kind COLLATE "C", x.id
	                      LIMIT lim + off) y
	              UNION ALL
	              SELECT i.*
	                FROM (SELECT x.kind, x.id, x.handler_id, x.paused_since, x.clock_due, x.received_at,
	                             rights.desk_band(x.clock_due, x.yellow_on, x.red_on, x.paused_ordinal, td, t) AS band,
	                             x.due_ordinal - coalesce(x.paused_ordinal, t) AS rem,
	                             rights.desk_rank_pct(x.clock_due, x.due_ordinal, x.paused_ordinal, x.clock_workdays, t)
	                             AS used_pct
	                        FROM rights.desk_open_item x
	                       WHERE NOT ranked AND x.org_id = ANY (orgs)) i
	               WHERE v = 'all' OR (v = 'mine' AND i.handler_id = me) OR (v = 'unassigned' AND i.handler_id IS NULL)
	                  OR (v = 'due_soon' AND i.band = 'yellow') OR (v = 'overdue' AND i.band = 'red')) w
	       ORDER BY w.used_pct DESC NULLS LAST, w.clock_due, w.received_at, w.kind COLLATE "C", w.id
	       LIMIT lim OFFSET off),
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
