-- 0003 the work calendar (工作日历) and legal deadlines in working days
-- (data/reference/domain-rules.md §4).
--
-- A working day is a Monday-Friday that is not an official day off, plus every
-- make-up working day (调休上班日). The calendar is data: the State Council
-- publishes each year's holidays in November, and an admin loads them with
-- `smcon calendar load FILE.csv` (api.calendar_load). A year that is not
-- loaded is never guessed: every function raises SQLSTATE 22023 naming it.
--
-- Deadlines are fast because core.calendar_day holds, for every day of every
-- loaded year, whether it is a working day and its working-day ordinal (the
-- number of working days from the first loaded day up to and including it).
-- "N working days from D" is then the working day whose ordinal is D's + N.

CREATE TABLE core.work_calendar (
	day date PRIMARY KEY,
	kind text NOT NULL CHECK (kind IN ('off', 'makeup_workday')),
	name text NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 40),
	source_system text NOT NULL,
	loaded_at timestamptz NOT NULL DEFAULT now(),
	loaded_by text NOT NULL DEFAULT session_user,
	CONSTRAINT makeup_on_weekend CHECK (kind = 'off' OR extract(isodow FROM day) >= 6),
	CONSTRAINT new_year_is_off CHECK (kind = 'off' OR to_char(day, 'MM-DD') <> '01-01')
);
COMMENT ON TABLE core.work_calendar IS
	'法定节假日安排：放假日（off）与调休上班日（makeup_workday），按国务院办公厅每年的通知载入';
COMMENT ON COLUMN core.work_calendar.day IS '日期';
COMMENT ON COLUMN core.work_calendar.kind IS '类别：off 放假，makeup_workday 调休上班（只能是周六或周日）';
COMMENT ON COLUMN core.work_calendar.name IS '节日名称，如 春节、国庆节';
COMMENT ON COLUMN core.work_calendar.source_system IS '数据来源';
COMMENT ON COLUMN core.work_calendar.loaded_at IS '载入时间';
COMMENT ON COLUMN core.work_calendar.loaded_by IS '载入该行的数据库账号';

CREATE TABLE core.calendar_year (
	year integer PRIMARY KEY CHECK (year BETWEEN 1949 AND 2100),
	source_file text NOT NULL,
	source_system text NOT NULL,
	loaded_at timestamptz NOT NULL DEFAULT now(),
	loaded_by text NOT NULL DEFAULT session_user
);
COMMENT ON TABLE core.calendar_year IS
	'已载入工作日历的年份：未载入的年份不能计算工作日（不作推测）';
COMMENT ON COLUMN core.calendar_year.year IS '年份';
COMMENT ON COLUMN core.calendar_year.source_file IS '载入时使用的文件名';
COMMENT ON COLUMN core.calendar_year.source_system IS '数据来源';
COMMENT ON COLUMN core.calendar_year.loaded_at IS '载入时间';
COMMENT ON COLUMN core.calendar_year.loaded_by IS '载入的数据库账号';

CREATE TABLE core.calendar_day (
	day date PRIMARY KEY,
	workday boolean NOT NULL,
	ordinal integer NOT NULL CHECK (ordinal >= 0),
	span integer NOT NULL
);
COMMENT ON TABLE core.calendar_day IS
	'逐日工作日表（由工作日历生成，勿手工修改）：已载入年份的每一天及其工作日序号';
COMMENT ON COLUMN core.calendar_day.day IS '日期';
COMMENT ON COLUMN core.calendar_day.workday IS '是否工作日';
COMMENT ON COLUMN core.calendar_day.ordinal IS '工作日序号：从第一个已载入日起到当天（含）的工作日数';
COMMENT ON COLUMN core.calendar_day.span IS '所在连续已载入年份段的起始年份（跨段计算须报未载入的年份）';
CREATE UNIQUE INDEX calendar_day_workday_ordinal_idx ON core.calendar_day (ordinal) WHERE workday;

GRANT SELECT ON core.work_calendar, core.calendar_year, core.calendar_day TO smcon_staff;

-- Rebuilds core.calendar_day from the loaded years and their holidays.
CREATE FUNCTION core.calendar_rebuild() RETURNS void
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
AS $$
	DELETE FROM core.calendar_day;
	INSERT INTO core.calendar_day (day, workday, ordinal, span)
	SELECT s.day, s.workday, (sum(s.workday::int) OVER (ORDER BY s.day))::int, s.span
	  FROM (SELECT g::date AS day,
	               CASE c.kind WHEN 'off' THEN false
	                           WHEN 'makeup_workday' THEN true
	                           ELSE extract(isodow FROM g) < 6 END AS workday,
	               y.span
	          FROM (SELECT r.year, min(r.year) OVER (PARTITION BY r.island) AS span
	                  FROM (SELECT c.year, c.year - row_number() OVER (ORDER BY c.year) AS island
	                          FROM core.calendar_year c) AS r) AS y
	         CROSS JOIN generate_series(make_date(y.year, 1, 1), make_date(y.year, 12, 31),
	                                    interval '1 day') AS g
	          LEFT JOIN core.work_calendar c ON c.day = g::date) AS s;
$$;
COMMENT ON FUNCTION core.calendar_rebuild() IS '按已载入的年份和节假日重建逐日工作日表';

-- Raises the "calendar not loaded" error for a year.
CREATE FUNCTION core.calendar_not_loaded(year integer) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RAISE EXCEPTION '% 年的工作日历尚未载入，无法计算工作日；请系统管理员用 smcon calendar load 载入该年的节假日安排', year
		USING ERRCODE = '22023',
		      HINT = 'smcon calendar load FILE.csv';
END $$;
COMMENT ON FUNCTION core.calendar_not_loaded(integer) IS '报告某年的工作日历尚未载入（SQLSTATE 22023）';

-- The first year after y whose calendar is not loaded.
CREATE FUNCTION core.calendar_gap_after(y integer) RETURNS integer
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT min(g)::int
	  FROM generate_series(y + 1, greatest(y, (SELECT max(year) FROM core.calendar_year)) + 1) AS g
	 WHERE NOT EXISTS (SELECT 1 FROM core.calendar_year c WHERE c.year = g);
$$;
COMMENT ON FUNCTION core.calendar_gap_after(integer) IS '某年之后第一个未载入工作日历的年份';

-- Whether d is a working day.
CREATE FUNCTION api.is_workday(d date) RETURNS boolean
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	w boolean;
BEGIN
	SELECT c.workday INTO w FROM core.calendar_day c WHERE c.day = d;
	IF w IS NULL THEN
		PERFORM core.calendar_not_loaded(extract(year FROM d)::int);
	END IF;
	RETURN w;
END $$;
COMMENT ON FUNCTION api.is_workday(date) IS '某日是否工作日（周一至周五非放假日，或调休上班日）';

-- "n working days from d": d itself is not counted; the n-th working day
-- after d. A make-up Saturday can be the result. n = 0 gives d.
CREATE FUNCTION api.add_workdays(d date, n integer) RETURNS date
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	o integer;
	ds integer;
	r date;
	rs integer;
BEGIN
	IF n < 0 THEN
		RAISE EXCEPTION '工作日数不能为负数：%', n USING ERRCODE = '22023';
	END IF;
	SELECT c.ordinal, c.span INTO o, ds FROM core.calendar_day c WHERE c.day = d;
	IF o IS NULL THEN
		PERFORM core.calendar_not_loaded(extract(year FROM d)::int);
	END IF;
	IF n = 0 THEN
		RETURN d;
	END IF;
	SELECT c.day, c.span INTO r, rs FROM core.calendar_day c WHERE c.ordinal = o + n AND c.workday;
	IF r IS NULL OR rs <> ds THEN
		-- past the last loaded year, or across a year that is not loaded
		PERFORM core.calendar_not_loaded(core.calendar_gap_after(extract(year FROM d)::int));
	END IF;
	RETURN r;
END $$;
COMMENT ON FUNCTION api.add_workdays(date, integer) IS
	'从某日起算 N 个工作日后的日期：当日不计入，调休上班日计入';

-- Working days after a up to and including b; negative when b is before a.
-- So add_workdays(a, workdays_between(a, b)) = b whenever b is a working day.
CREATE FUNCTION api.workdays_between(a date, b date) RETURNS integer
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	oa integer;
	sa integer;
	ob integer;
	sb integer;
BEGIN
	SELECT c.ordinal, c.span INTO oa, sa FROM core.calendar_day c WHERE c.day = a;
	IF oa IS NULL THEN
		PERFORM core.calendar_not_loaded(extract(year FROM a)::int);
	END IF;
	SELECT c.ordinal, c.span INTO ob, sb FROM core.calendar_day c WHERE c.day = b;
	IF ob IS NULL THEN
		PERFORM core.calendar_not_loaded(extract(year FROM b)::int);
	END IF;
	IF sa <> sb THEN
		PERFORM core.calendar_not_loaded(core.calendar_gap_after(extract(year FROM least(a, b))::int));
	END IF;
	RETURN ob - oa;
END $$;
COMMENT ON FUNCTION api.workdays_between(date, date) IS
	'两日之间的工作日数：起日不计入、止日计入（止日早于起日时为负数）';

-- A deadline with what a clerk needs to see: the weekdays of both dates and
-- whether the deadline is a make-up working day (and of which holiday).
CREATE FUNCTION api.calendar_deadline(d date, n integer)
RETURNS TABLE (start date, start_isodow integer, workdays integer, deadline date,
               deadline_isodow integer, deadline_kind text, holiday text)
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT d, extract(isodow FROM d)::int, n, r.day, extract(isodow FROM r.day)::int,
	       w.kind, w.name
	  FROM (SELECT api.add_workdays(d, n) AS day) AS r
	  LEFT JOIN core.work_calendar w ON w.day = r.day;
$$;
COMMENT ON FUNCTION api.calendar_deadline(date, integer) IS
	'计算期限：起算日、工作日数、期限日及其星期，期限日是否调休上班日';

-- What is wrong with the rows of a calendar file, one row per problem:
--   bad_date          not a date written YYYY-MM-DD (detail: the text)
--   bad_kind          kind is not off or makeup_workday (detail: the text)
--   bad_name          the holiday name is empty or longer than 40 characters
--   duplicate         the same date as an earlier line (detail: that line)
--   weekday_makeup    a Monday-Friday marked makeup_workday (detail: the date)
--   new_year_makeup   1 January marked makeup_workday: 元旦 is always a day off
--   no_year           (line NULL) no row is a 1 January marked off, so the file
--                     loads no year: a year's calendar starts with 元旦
-- A weekend marked off is accepted: it names the days of a holiday period.
-- The four arrays are parallel; line_no holds the rows' line numbers.
CREATE FUNCTION api.calendar_check(line_no integer[], day text[], kind text[], name text[])
RETURNS TABLE (line integer, problem text, detail text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	r record;
	d date;
	seen jsonb := '{}';
	new_year boolean := false;
BEGIN
	IF cardinality(line_no) IS DISTINCT FROM cardinality(day)
	   OR cardinality(day) IS DISTINCT FROM cardinality(kind)
	   OR cardinality(kind) IS DISTINCT FROM cardinality(name) THEN
		RAISE EXCEPTION '日历文件的各列长度不一致' USING ERRCODE = '22023';
	END IF;
	FOR r IN SELECT * FROM unnest(line_no, day, kind, name) AS f (l, dt, k, nm) ORDER BY l LOOP
		d := NULL;
		IF r.dt ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
			BEGIN
				d := r.dt::date;
			EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format THEN
				d := NULL;
			END;
		END IF;
		IF d IS NULL OR extract(year FROM d) NOT BETWEEN 1949 AND 2100 THEN
			line := r.l; problem := 'bad_date'; detail := coalesce(r.dt, '');
			RETURN NEXT;
		END IF;
		IF r.k IS NULL OR r.k NOT IN ('off', 'makeup_workday') THEN
			line := r.l; problem := 'bad_kind'; detail := coalesce(r.k, '');
			RETURN NEXT;
		END IF;
		IF r.nm IS NULL OR btrim(r.nm) = '' OR length(r.nm) > 40 THEN
			line := r.l; problem := 'bad_name'; detail := coalesce(r.nm, '');
			RETURN NEXT;
		END IF;
		CONTINUE WHEN d IS NULL;
		IF seen ? d::text THEN
			line := r.l; problem := 'duplicate'; detail := seen ->> d::text;
			RETURN NEXT;
		ELSE
			seen := seen || jsonb_build_object(d::text, r.l::text);
		END IF;
		IF r.k = 'makeup_workday' AND to_char(d, 'MM-DD') = '01-01' THEN
			line := r.l; problem := 'new_year_makeup'; detail := d::text;
			RETURN NEXT;
		ELSIF r.k = 'makeup_workday' AND extract(isodow FROM d) < 6 THEN
			line := r.l; problem := 'weekday_makeup'; detail := d::text;
			RETURN NEXT;
		END IF;
		new_year := new_year OR (r.k = 'off' AND to_char(d, 'MM-DD') = '01-01');
	END LOOP;
	IF NOT new_year THEN
		line := NULL; problem := 'no_year'; detail := '';
		RETURN NEXT;
	END IF;
END $$;
COMMENT ON FUNCTION api.calendar_check(integer[], text[], text[], text[]) IS
	'检查工作日历文件的各行（行号、日期、类别、名称），每个问题返回一行';

-- Loads a calendar file checked by api.calendar_check: all or nothing.
-- Every year whose 1 January the file marks off is loaded: the file's rows
-- replace that year's rows. Rows of other years (the December make-up days
-- of the next year's notice) are added or replace the row of their date.
-- Returns one row per year loaded.
CREATE FUNCTION api.calendar_load(line_no integer[], day text[], kind text[], name text[],
                                  source_file text)
RETURNS TABLE (year integer, off_days integer, makeup_days integer, replaced boolean)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p record;
	n integer;
	years integer[];
	had integer[];
	src constant text := '国务院办公厅节假日安排通知';
BEGIN
	LOCK TABLE core.work_calendar, core.calendar_year IN EXCLUSIVE MODE;
	SELECT count(*)::int INTO n FROM api.calendar_check(line_no, day, kind, name);
	IF n > 0 THEN
		SELECT c.* INTO p FROM api.calendar_check(line_no, day, kind, name) c
		 ORDER BY c.line NULLS FIRST LIMIT 1;
		RAISE EXCEPTION '日历文件有 % 处错误，未载入任何数据（第一处：第 % 行 %）',
			n, coalesce(p.line::text, '-'), p.problem || coalesce(' ' || nullif(p.detail, ''), '')
			USING ERRCODE = '22023';
	END IF;
	SELECT array_agg(DISTINCT extract(year FROM f.d::date)::int) INTO years
	  FROM unnest(day, kind) AS f (d, k)
	 WHERE f.k = 'off' AND right(f.d, 5) = '01-01';
	SELECT coalesce(array_agg(c.year), '{}') INTO had
	  FROM core.calendar_year c WHERE c.year = ANY (years);
	DELETE FROM core.work_calendar w WHERE extract(year FROM w.day)::int = ANY (years);
	INSERT INTO core.work_calendar AS w (day, kind, name, source_system)
	SELECT f.d::date, f.k, btrim(f.nm), src FROM unnest(day, kind, name) AS f (d, k, nm)
	ON CONFLICT ON CONSTRAINT work_calendar_pkey DO UPDATE
	   SET kind = excluded.kind, name = excluded.name, source_system = excluded.source_system,
	       loaded_at = now(), loaded_by = session_user;
	INSERT INTO core.calendar_year AS c (year, source_file, source_system)
	SELECT y, source_file, src FROM unnest(years) AS y
	ON CONFLICT ON CONSTRAINT calendar_year_pkey DO UPDATE
	   SET source_file = excluded.source_file, source_system = excluded.source_system,
	       loaded_at = now(), loaded_by = session_user;
	PERFORM core.calendar_rebuild();
	RETURN QUERY
	SELECT y, (SELECT count(*)::int FROM core.work_calendar w
	            WHERE extract(year FROM w.day)::int = y AND w.kind = 'off'),
	          (SELECT count(*)::int FROM core.work_calendar w
	            WHERE extract(year FROM w.day)::int = y AND w.kind = 'makeup_workday'),
	          y = ANY (had)
	  FROM unnest(years) AS y
	 ORDER BY y;
END $$;
COMMENT ON FUNCTION api.calendar_load(integer[], text[], text[], text[], text) IS
	'载入工作日历文件（全部行无误才载入）；返回载入的年份及其放假、调休天数（系统管理员）';

-- The loaded years with their number of days off and make-up working days.
CREATE FUNCTION api.calendar_years()
RETURNS TABLE (year integer, off_days integer, makeup_days integer, workdays integer,
               source_file text, loaded_at timestamptz, loaded_by text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT y.year,
	       (SELECT count(*)::int FROM core.work_calendar w
	         WHERE w.day BETWEEN make_date(y.year, 1, 1) AND make_date(y.year, 12, 31)
	           AND w.kind = 'off'),
	       (SELECT count(*)::int FROM core.work_calendar w
	         WHERE w.day BETWEEN make_date(y.year, 1, 1) AND make_date(y.year, 12, 31)
	           AND w.kind = 'makeup_workday'),
	       (SELECT count(*)::int FROM core.calendar_day c
	         WHERE c.day BETWEEN make_date(y.year, 1, 1) AND make_date(y.year, 12, 31)
	           AND c.workday),
	       y.source_file, y.loaded_at, y.loaded_by
	  FROM core.calendar_year y
	 ORDER BY y.year;
$$;
COMMENT ON FUNCTION api.calendar_years() IS '已载入的年份及其放假、调休、工作日天数';

-- The days off and make-up working days of a year (and whether it is loaded).
CREATE FUNCTION api.calendar_days(y integer)
RETURNS TABLE (day date, isodow integer, kind text, name text, loaded boolean)
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT w.day, extract(isodow FROM w.day)::int, w.kind, w.name,
	       EXISTS (SELECT 1 FROM core.calendar_year c WHERE c.year = y)
	  FROM core.work_calendar w
	 WHERE w.day BETWEEN make_date(y, 1, 1) AND make_date(y, 12, 31)
	 ORDER BY w.day;
$$;
COMMENT ON FUNCTION api.calendar_days(integer) IS '某年的放假日和调休上班日';

REVOKE ALL ON FUNCTION core.calendar_rebuild(), core.calendar_not_loaded(integer),
	core.calendar_gap_after(integer), api.is_workday(date), api.add_workdays(date, integer),
	api.workdays_between(date, date), api.calendar_check(integer[], text[], text[], text[]),
	api.calendar_load(integer[], text[], text[], text[], text), api.calendar_years(),
	api.calendar_days(integer), api.calendar_deadline(date, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION core.calendar_not_loaded(integer), core.calendar_gap_after(integer),
	api.is_workday(date), api.add_workdays(date, integer), api.workdays_between(date, date),
	api.calendar_years(), api.calendar_days(integer), api.calendar_deadline(date, integer)
	TO smcon_staff;
GRANT EXECUTE ON FUNCTION api.calendar_check(integer[], text[], text[], text[]),
	api.calendar_load(integer[], text[], text[], text[], text) TO smcon_admin;
