-- 0218 what every step of the 12315 desk looks up, looked up cheaply
-- (issue 11: intake p99 under 10 ms, also with 20 handlers). Measured with
-- track_functions over 300 intakes on the bench warehouse, after 0217:
--
-- - An open item's days (rights.desk_item_days, 0210) were 0.32 ms of
--   every intake, assignment or pause, for a statement that takes 0.02 ms:
--   the function returned one record, and PostgreSQL inlines only a
--   set-returning SQL function into the query that calls it, so the BEFORE
--   trigger of rights.desk_open_item ran it as a function of its own, whose
--   body is parsed and planned again on every call. The same body,
--   returning a table of one row, is inlined into the trigger's statement
--   (planned once a session) and into the calendar refresh. Same answers:
--   tests/sql/desk_item_days.sql checks them against the calendar for
--   every day of January to April 2026.
-- - The caller's own rows are found by an index. The warehouse's functions
--   find the caller with `login = session_user`; session_user is a name,
--   whose collation is "C", and the login columns keep the database's
--   default collation, so their unique indexes did not serve the
--   comparison: each look-up read all of core.staff (746 rows on the bench
--   warehouse) or core.staff_scope, 0.05-0.25 ms, several times a call
--   (core.caller_staff, api.my_orgs, core.password_change_due in the
--   row-level policies, rights.desk_log). An index in collation "C" serves
--   it as written.
-- - rights.desk_log reads the item's state with a statement of its own for
--   each kind, planned once a session, instead of one built and planned
--   afresh on every call (EXECUTE format(...)).
--
-- An intake took 3.8 ms before, 3.5 ms after (median of 300, one session).

-- ---------------------------------------------------------------------------
-- An open item's days, inlined.

DROP FUNCTION rights.desk_item_days(date, date, integer, integer);
CREATE FUNCTION rights.desk_item_days(p_due date, p_paused date, p_workdays integer, p_percent integer)
RETURNS TABLE (due_ordinal integer, paused_ordinal integer, yellow_on date, red_on date)
LANGUAGE sql STABLE ROWS 1
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

-- ---------------------------------------------------------------------------
-- The caller's rows.

CREATE UNIQUE INDEX staff_login_session_idx ON core.staff ((login COLLATE "C"));
COMMENT ON INDEX core.staff_login_session_idx IS
	'按登录账号找当前会话的职员（login = session_user 的比较按 C 排序规则，默认排序规则的唯一索引用不上）';
CREATE UNIQUE INDEX staff_scope_login_session_idx ON core.staff_scope ((login COLLATE "C"));
COMMENT ON INDEX core.staff_scope_login_session_idx IS
	'按登录账号找当前会话的数据范围（同上）';

-- ---------------------------------------------------------------------------
-- The step's log entry and notification, as 0101.

CREATE OR REPLACE FUNCTION rights.desk_log(p_kind text, p_id bigint, p_action text, p_from text, p_note text DEFAULT NULL,
                                           p_other bigint DEFAULT NULL) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	st text;
	org bigint;
	ck text;
	due date;
BEGIN
	IF p_kind = 'complaint' THEN
		SELECT x.status, x.handling_org_id, x.clock, x.clock_due INTO st, org, ck, due
		  FROM rights.complaint x WHERE x.id = p_id;
	ELSIF p_kind = 'report' THEN
		SELECT x.status, x.handling_org_id, x.clock, x.clock_due INTO st, org, ck, due
		  FROM rights.report x WHERE x.id = p_id;
	ELSIF p_kind = 'consultation' THEN
		SELECT x.status, x.handling_org_id, x.clock, x.clock_due INTO st, org, ck, due
		  FROM rights.consultation x WHERE x.id = p_id;
	ELSE
		RAISE EXCEPTION '没有“%”这类事项：complaint、report 或 consultation', p_kind
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	INSERT INTO rights.desk_event (item_kind, item_id, at, staff_id, action, from_state, to_state, org_id, clock,
	                               clock_due, note, other_id)
	VALUES (p_kind, p_id, core.now(), (SELECT s.id FROM core.staff s WHERE s.login = session_user), p_action,
	        p_from, st, org, ck, due, nullif(btrim(p_note), ''), p_other);
	PERFORM pg_notify('smcon_complaint',
	                  json_build_object('kind', p_kind, 'id', p_id, 'org', org, 'state', st)::text);
END $$;
