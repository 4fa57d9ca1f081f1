-- 0210 the 12315 queue without the calendar at read time. Every first
-- screen looked up two calendar days for each of a district's open items
-- (8,200 in 梁溪 on the bench warehouse: a hash of the whole day table and a
-- probe per item) to find its working days left, its share used and its
-- band, and materialised them all before counting and sorting. Those
-- figures change with the day only through the ordinal of today, so each
-- open item now keeps what does not change with the day, written when its
-- row is written and again when the calendar or the yellow-band setting
-- changes:
--   due_ordinal, paused_ordinal: the working-day ordinals of the due day and
--       of the day the clock was paused (core.calendar_day);
--   yellow_on: the first day the item is no longer green (the first working
--       day on which 70 % of the limit is used, or its red_on when earlier);
--   red_on: the first day it is overdue (the day after the due day).
-- A paused clock stands still: its band is fixed, so its days are
-- -infinity (already) or infinity (not while paused). The band on a day is
-- then two date comparisons, and the share used is arithmetic on today's
-- ordinal, the same figures as before (tests/sql/desk_item_days.sql checks
-- them against the calendar, make-up days and pauses included).

ALTER TABLE rights.desk_open_item
	ADD COLUMN due_ordinal integer,
	ADD COLUMN paused_ordinal integer,
	ADD COLUMN yellow_on date,
	ADD COLUMN red_on date;
COMMENT ON COLUMN rights.desk_open_item.due_ordinal IS '到期日的工作日序号（core.calendar_day，日历变化时重算）';
COMMENT ON COLUMN rights.desk_open_item.paused_ordinal IS '暂停计时起始日的工作日序号';
COMMENT ON COLUMN rights.desk_open_item.yellow_on IS
	'不再为绿色的第一天：已用时限达到临近到期比例（desk_due_soon_percent）的第一个工作日，或超期日（取早者）；暂停中为 -infinity 或 infinity；无时限为空';
COMMENT ON COLUMN rights.desk_open_item.red_on IS '超期的第一天（到期日次日）；暂停中为 -infinity 或 infinity；无时限为空';

-- The stored days of a clock: due day, paused since, working days of the
-- limit, the yellow band's percentage. Plain SQL without settings, so that
-- the refresh below inlines it for every open item.
CREATE FUNCTION rights.desk_item_days(p_due date, p_paused date, p_workdays integer, p_percent integer,
                                      OUT due_ordinal integer, OUT paused_ordinal integer, OUT yellow_on date,
                                      OUT red_on date)
LANGUAGE sql STABLE
AS $$
	SELECT o.due, o.paused,
	       least(r.red,
	             CASE WHEN p_due IS NULL THEN NULL
	                  WHEN o.due IS NULL OR k.k IS NULL THEN 'infinity'::date
	                  -- paused within the calendar: the share stands still
	                  WHEN o.paused IS NOT NULL
	                       THEN CASE WHEN 100 * (p_workdays - (o.due - o.paused)) >= p_percent * p_workdays
	                                 THEN '-infinity'::date ELSE 'infinity'::date END
	                  -- the first day whose ordinal reaches k (all of the calendar when k < 1)
	                  WHEN k.k < 1 THEN '-infinity'::date
	                  ELSE (SELECT c.day FROM core.calendar_day c WHERE c.workday AND c.ordinal = k.k
	                         ORDER BY c.day LIMIT 1) END),
	       r.red
	  FROM (SELECT (SELECT c.ordinal FROM core.calendar_day c WHERE c.day = p_due) AS due,
	               (SELECT c.ordinal FROM core.calendar_day c WHERE c.day = p_paused) AS paused) o
	 CROSS JOIN LATERAL (
		SELECT CASE WHEN p_due IS NULL THEN NULL::date
		            WHEN p_paused IS NULL THEN p_due + 1
		            WHEN p_paused > p_due THEN '-infinity'::date
		            ELSE 'infinity'::date END AS red) r
	 -- yellow when 100 (W - (due - today)) >= P W, i.e. today's ordinal >= due - floor((100 - P) W / 100)
	 CROSS JOIN LATERAL (SELECT o.due - floor((100 - p_percent) * p_workdays / 100.0)::integer AS k) k
$$;
COMMENT ON FUNCTION rights.desk_item_days(date, date, integer, integer) IS
	'未办结事项的时限日：到期日和暂停日的工作日序号、转黄日、超期日（参数：到期日、暂停日、时限工作日数、临近到期百分比）';

CREATE FUNCTION rights.desk_due_soon_percent() RETURNS integer
LANGUAGE sql STABLE
AS $$ SELECT s.value::integer FROM core.setting s WHERE s.key = 'desk_due_soon_percent' $$;
COMMENT ON FUNCTION rights.desk_due_soon_percent() IS '临近到期（黄色）的已用时限百分比；未设置时为空（不转黄）';

CREATE FUNCTION rights.desk_open_item_days() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
	SELECT d.due_ordinal, d.paused_ordinal, d.yellow_on, d.red_on
	  INTO NEW.due_ordinal, NEW.paused_ordinal, NEW.yellow_on, NEW.red_on
	  FROM rights.desk_item_days(NEW.clock_due, NEW.paused_since, NEW.clock_workdays,
	                             rights.desk_due_soon_percent()) d;
	RETURN NEW;
END $$;
COMMENT ON FUNCTION rights.desk_open_item_days() IS '触发器：写入未办结事项时计算其时限日（序号、转黄日、超期日）';
CREATE TRIGGER desk_open_item_days_ins BEFORE INSERT ON rights.desk_open_item FOR EACH ROW
	EXECUTE FUNCTION rights.desk_open_item_days();
CREATE TRIGGER desk_open_item_days_upd BEFORE UPDATE ON rights.desk_open_item FOR EACH ROW
	WHEN (NEW.clock_due IS DISTINCT FROM OLD.clock_due OR NEW.paused_since IS DISTINCT FROM OLD.paused_since
	      OR NEW.clock_workdays IS DISTINCT FROM OLD.clock_workdays)
	EXECUTE FUNCTION rights.desk_open_item_days();

-- A calendar rebuild or a new yellow-band setting moves the stored days;
-- only the rows whose days change are written.
CREATE FUNCTION rights.desk_open_item_refresh() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	pct integer := rights.desk_due_soon_percent();
BEGIN
	UPDATE rights.desk_open_item i
	   SET due_ordinal = n.due_ordinal, paused_ordinal = n.paused_ordinal, yellow_on = n.yellow_on,
	       red_on = n.red_on
	  FROM (SELECT x.kind, x.id, d.*
	          FROM rights.desk_open_item x
	         CROSS JOIN LATERAL rights.desk_item_days(x.clock_due, x.paused_since, x.clock_workdays, pct) d) n
	 WHERE i.kind = n.kind AND i.id = n.id
	   AND (i.due_ordinal, i.paused_ordinal, i.yellow_on, i.red_on)
	       IS DISTINCT FROM (n.due_ordinal, n.paused_ordinal, n.yellow_on, n.red_on);
	RETURN NULL;
END $$;
COMMENT ON FUNCTION rights.desk_open_item_refresh() IS
	'触发器：工作日历或临近到期比例变化后重算未办结事项的时限日（只写有变化的行）';
CREATE TRIGGER desk_open_item_refresh AFTER INSERT OR UPDATE OR DELETE ON core.calendar_day
	FOR EACH STATEMENT EXECUTE FUNCTION rights.desk_open_item_refresh();
-- (the yellow band's setting only)
CREATE TRIGGER desk_open_item_refresh_ins AFTER INSERT ON core.setting
	FOR EACH ROW WHEN (NEW.key = 'desk_due_soon_percent') EXECUTE FUNCTION rights.desk_open_item_refresh();
CREATE TRIGGER desk_open_item_refresh_upd AFTER UPDATE ON core.setting
	FOR EACH ROW WHEN (OLD.key = 'desk_due_soon_percent' OR NEW.key = 'desk_due_soon_percent')
	EXECUTE FUNCTION rights.desk_open_item_refresh();
CREATE TRIGGER desk_open_item_refresh_del AFTER DELETE ON core.setting
	FOR EACH ROW WHEN (OLD.key = 'desk_due_soon_percent') EXECUTE FUNCTION rights.desk_open_item_refresh();

UPDATE rights.desk_open_item i
   SET due_ordinal = d.due_ordinal, paused_ordinal = d.paused_ordinal, yellow_on = d.yellow_on, red_on = d.red_on
  FROM rights.desk_open_item x
 CROSS JOIN LATERAL rights.desk_item_days(x.clock_due, x.paused_since, x.clock_workdays,
                                          rights.desk_due_soon_percent()) d
 WHERE i.kind = x.kind AND i.id = x.id;

-- The band of a stored item on a day whose ordinal is t (NULL outside the
-- calendar: then, as before, a running clock is never yellow).
CREATE FUNCTION rights.desk_band(p_due date, p_yellow_on date, p_red_on date, p_paused_ordinal integer,
                                 p_today date, p_t integer) RETURNS text
LANGUAGE sql IMMUTABLE
RETURN CASE WHEN p_due IS NULL THEN 'none'
            WHEN p_red_on <= p_today THEN 'red'
            WHEN p_yellow_on <= p_today AND (p_t IS NOT NULL OR p_paused_ordinal IS NOT NULL) THEN 'yellow'
            ELSE 'green' END;
COMMENT ON FUNCTION rights.desk_band(date, date, date, integer, date, integer) IS
	'未办结事项在某日的颜色档（none、green、yellow、red），由存储的转黄日、超期日计算';

-- The same answer as 0196's, from the stored days: no calendar join. The
-- day is read once, into a materialised row (an inlined p_today is the
-- caller's core.today() itself, called again for every use in every row).
CREATE OR REPLACE FUNCTION rights.desk_open_items(p_orgs bigint[], p_today date)
RETURNS TABLE (kind text, id bigint, item_no text, state text, received_at timestamptz, org_id bigint,
               handler_id bigint, respondent text, clock text, clock_due date, clock_workdays integer,
               paused_since date, remaining integer, used_pct integer, band text)
LANGUAGE sql STABLE
AS $$
	WITH t AS MATERIALIZED (SELECT (SELECT c.ordinal FROM core.calendar_day c WHERE c.day = td.day) AS ordinal, td.day
	                          FROM (SELECT p_today AS day OFFSET 0) td),
	p AS (
		SELECT i.*, i.due_ordinal - coalesce(i.paused_ordinal, t.ordinal) AS rem, t.ordinal AS t, t.day AS today
		  FROM rights.desk_open_item i CROSS JOIN t
		 WHERE i.org_id = ANY (p_orgs))
	SELECT p.kind, p.id, p.item_no, p.state, p.received_at, p.org_id, p.handler_id, p.respondent, p.clock,
	       p.clock_due, p.clock_workdays, p.paused_since,
	       CASE WHEN coalesce(p.paused_since, p.today) > p.clock_due THEN least(p.rem, -1)::int ELSE p.rem::int END,
	       CASE WHEN p.clock_due IS NOT NULL
	            THEN greatest(0, (200 * (p.clock_workdays - p.rem) + p.clock_workdays) / (2 * p.clock_workdays))::int END,
	       rights.desk_band(p.clock_due, p.yellow_on, p.red_on, p.paused_ordinal, p.today, p.t)
	  FROM p
$$;

-- The first screen: the counts are date comparisons on the stored days of
-- each open item, the page's share used arithmetic on today's ordinal.
CREATE OR REPLACE FUNCTION api.desk_screen(p_unit text DEFAULT NULL, p_view text DEFAULT 'all',
                                p_limit integer DEFAULT 50, p_offset integer DEFAULT 0)
RETURNS TABLE (total integer, mine integer, unassigned integer, green integer, due_soon integer, overdue integer,
               paused integer, kind text, id bigint, item_no text, state text, state_label text,
               received_at timestamptz, org_code text, org_name text, handler text, respondent text, clock text,
               clock_due date, remaining integer, used_pct integer, band text, is_paused boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
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
	WITH i AS MATERIALIZED (
		SELECT x.kind, x.id, x.handler_id, x.paused_since, x.clock_due, x.received_at,
		       rights.desk_band(x.clock_due, x.yellow_on, x.red_on, x.paused_ordinal, td, t) AS band,
		       x.due_ordinal - coalesce(x.paused_ordinal, t) AS rem, x.clock_workdays
		  FROM rights.desk_open_item x
		 WHERE x.org_id = ANY (orgs)),
	c AS (SELECT count(*)::int AS total, count(*) FILTER (WHERE i.handler_id = me)::int AS mine,
	             count(*) FILTER (WHERE i.handler_id IS NULL)::int AS unassigned,
	             count(*) FILTER (WHERE i.band IN ('green', 'none'))::int AS green,
	             count(*) FILTER (WHERE i.band = 'yellow')::int AS due_soon,
	             count(*) FILTER (WHERE i.band = 'red')::int AS overdue,
	             count(*) FILTER (WHERE i.paused_since IS NOT NULL)::int AS paused
	        FROM i),
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
