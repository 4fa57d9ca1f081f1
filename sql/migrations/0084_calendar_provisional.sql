-- 0084 provisional calendars: deadlines that reach a year whose holiday
-- notice is not loaded yet, and stored deadlines recomputed when it is.
--
-- The State Council publishes next year's holidays late in the year, often
-- after the 7-working-day clocks of December already reach into it. For such
-- a year the warehouse computes a provisional (暂定) calendar from the rules
-- of 《全国年节及纪念日放假办法》 as amended in 2024 (国务院令第 798 号):
-- 元旦 1 day, 春节 4 days from the eve, 清明 1, 劳动节 2, 端午 1, 中秋 1,
-- 国庆 3; weekends; a holiday of all citizens that falls on a Saturday or a
-- Sunday is made up on the following working day. Swapped working days
-- (调休) cannot be guessed, so a provisional year has none. The rules are
-- data (core.holiday_rule), and so are the lunar and solar-term dates that
-- anchor them (core.festival_date, from data/reference, 2027-2035): a year
-- past the reference data is still refused.
--
-- A provisional year lives in core.calendar_day like a loaded one, so a
-- deadline costs the same. Each day carries whether it is provisional and a
-- running count of provisional days, so "was this deadline counted over a
-- provisional day" is two index look-ups. Deadlines stored in tables are
-- registered in core.deadline_rule; loading a notice recomputes those that
-- end on or after the first day it changes and records how many moved and
-- by how much.
--
-- "Now" for clocks comes from core.now(): the transaction time, unless the
-- warehouse's test clock is switched on (only the owner can, on a test
-- copy), when a session may set smcon.now to any instant.

-- 1. The test clock -----------------------------------------------------

CREATE TABLE meta.test_clock (
	singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
	enabled boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE meta.test_clock IS
	'测试时钟开关（只有一行）：开启后会话可用 smcon.now 设定“当前时间”；生产库必须关闭';
COMMENT ON COLUMN meta.test_clock.singleton IS '唯一行标记';
COMMENT ON COLUMN meta.test_clock.enabled IS '是否开启测试时钟（仅测试库）';
INSERT INTO meta.test_clock DEFAULT VALUES;
GRANT SELECT ON meta.test_clock TO smcon_staff;

CREATE FUNCTION core.now() RETURNS timestamptz
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t text;
BEGIN
	IF (SELECT c.enabled FROM meta.test_clock c) THEN
		t := nullif(current_setting('smcon.now', true), '');
		IF t IS NOT NULL THEN
			RETURN t::timestamptz;
		END IF;
	END IF;
	RETURN now();
END $$;
COMMENT ON FUNCTION core.now() IS
	'时限计算用的当前时间：事务时间；测试库开启测试时钟后取会话设置 smcon.now';

CREATE FUNCTION core.today() RETURNS date
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT (core.now() AT TIME ZONE 'Asia/Shanghai')::date $$;
COMMENT ON FUNCTION core.today() IS '本局所在时区（北京时间）的今天';

-- 2. The rules and their reference dates --------------------------------

CREATE TABLE core.holiday_rule (
	name text PRIMARY KEY CHECK (core.present(name) AND length(name) <= 20),
	festival text CHECK (festival IN ('spring_festival', 'qingming', 'dragon_boat', 'mid_autumn')),
	month integer CHECK (month BETWEEN 1 AND 12),
	mday integer CHECK (mday BETWEEN 1 AND 31),
	first_offset integer NOT NULL,
	last_offset integer NOT NULL,
	sort_order integer NOT NULL UNIQUE,
	CHECK ((festival IS NULL) = (month IS NOT NULL)),
	CHECK ((month IS NULL) = (mday IS NULL)),
	CHECK (first_offset <= last_offset AND last_offset - first_offset < 10)
);
COMMENT ON TABLE core.holiday_rule IS
	'全体公民放假的节日（《全国年节及纪念日放假办法》2024 年修订）：推算暂定工作日历用';
COMMENT ON COLUMN core.holiday_rule.name IS '节日名称';
COMMENT ON COLUMN core.holiday_rule.festival IS '以农历或节气定日的节日：spring_festival 正月初一，qingming 清明，dragon_boat 端午，mid_autumn 中秋';
COMMENT ON COLUMN core.holiday_rule.month IS '以公历定日的节日：月';
COMMENT ON COLUMN core.holiday_rule.mday IS '以公历定日的节日：日';
COMMENT ON COLUMN core.holiday_rule.first_offset IS '放假第一天相对定日的天数（春节除夕为 -1）';
COMMENT ON COLUMN core.holiday_rule.last_offset IS '放假最后一天相对定日的天数';
COMMENT ON COLUMN core.holiday_rule.sort_order IS '排列顺序（同一天是两个节日时取前者的名称）';
INSERT INTO core.holiday_rule (name, festival, month, mday, first_offset, last_offset, sort_order) VALUES
	('元旦', NULL, 1, 1, 0, 0, 1),
	('春节', 'spring_festival', NULL, NULL, -1, 2, 2),
	('清明节', 'qingming', NULL, NULL, 0, 0, 3),
	('劳动节', NULL, 5, 1, 0, 1, 4),
	('端午节', 'dragon_boat', NULL, NULL, 0, 0, 5),
	('中秋节', 'mid_autumn', NULL, NULL, 0, 0, 6),
	('国庆节', NULL, 10, 1, 0, 2, 7);

CREATE TABLE core.festival_date (
	year integer NOT NULL CHECK (year BETWEEN 1949 AND 2100),
	festival text NOT NULL CHECK (festival IN ('spring_festival', 'qingming', 'dragon_boat', 'mid_autumn')),
	day date NOT NULL,
	source text NOT NULL CHECK (core.present(source)),
	PRIMARY KEY (year, festival),
	CHECK (extract(year FROM day)::int = year)
);
COMMENT ON TABLE core.festival_date IS
	'农历节日和清明节气的公历日期（参考数据，见 data/reference/cn-festival-dates-2027-2035.csv）';
COMMENT ON COLUMN core.festival_date.year IS '年份';
COMMENT ON COLUMN core.festival_date.festival IS '节日：spring_festival 正月初一，qingming 清明，dragon_boat 端午，mid_autumn 中秋';
COMMENT ON COLUMN core.festival_date.day IS '公历日期';
COMMENT ON COLUMN core.festival_date.source IS '数据来源';
INSERT INTO core.festival_date (year, festival, day, source)
SELECT f.y, f.fest, f.d::date, 'data/reference/cn-festival-dates-2027-2035.csv'
  FROM (VALUES
	(2027, 'spring_festival', '2027-02-06'), (2027, 'qingming', '2027-04-05'),
	(2027, 'dragon_boat', '2027-06-09'), (2027, 'mid_autumn', '2027-09-15'),
	(2028, 'spring_festival', '2028-01-26'), (2028, 'qingming', '2028-04-04'),
	(2028, 'dragon_boat', '2028-05-28'), (2028, 'mid_autumn', '2028-10-03'),
	(2029, 'spring_festival', '2029-02-13'), (2029, 'qingming', '2029-04-04'),
	(2029, 'dragon_boat', '2029-06-16'), (2029, 'mid_autumn', '2029-09-22'),
	(2030, 'spring_festival', '2030-02-03'), (2030, 'qingming', '2030-04-05'),
	(2030, 'dragon_boat', '2030-06-05'), (2030, 'mid_autumn', '2030-09-12'),
	(2031, 'spring_festival', '2031-01-23'), (2031, 'qingming', '2031-04-05'),
	(2031, 'dragon_boat', '2031-06-24'), (2031, 'mid_autumn', '2031-10-01'),
	(2032, 'spring_festival', '2032-02-11'), (2032, 'qingming', '2032-04-04'),
	(2032, 'dragon_boat', '2032-06-12'), (2032, 'mid_autumn', '2032-09-19'),
	(2033, 'spring_festival', '2033-01-31'), (2033, 'qingming', '2033-04-04'),
	(2033, 'dragon_boat', '2033-06-01'), (2033, 'mid_autumn', '2033-09-08'),
	(2034, 'spring_festival', '2034-02-19'), (2034, 'qingming', '2034-04-05'),
	(2034, 'dragon_boat', '2034-06-20'), (2034, 'mid_autumn', '2034-09-27'),
	(2035, 'spring_festival', '2035-02-08'), (2035, 'qingming', '2035-04-05'),
	(2035, 'dragon_boat', '2035-06-10'), (2035, 'mid_autumn', '2035-09-16')) AS f (y, fest, d);

GRANT SELECT ON core.holiday_rule, core.festival_date TO smcon_staff;

-- The days off of a provisional year: the statutory holidays (a date that is
-- two holidays counts once: the regulation grants days, and it makes up
-- only those that fall on a weekend), then, in date order, each holiday on
-- a Saturday or a Sunday made up on the first following Monday-Friday that
-- is not already off. makeup_for is the weekend day a made-up day replaces.
-- Raises 22023 when the reference dates of the year are incomplete.
CREATE FUNCTION core.calendar_provisional_days(y integer)
RETURNS TABLE (day date, name text, makeup_for date)
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	h record;
	d date;
	offs date[] := '{}';
	weekend date[] := '{}';
	weekend_names text[] := '{}';
BEGIN
	IF EXISTS (SELECT 1 FROM core.holiday_rule r
	            WHERE r.festival IS NOT NULL
	              AND NOT EXISTS (SELECT 1 FROM core.festival_date f
	                               WHERE f.year = y AND f.festival = r.festival)) THEN
		RAISE EXCEPTION '% 年没有推算暂定工作日历所需的农历和节气日期', y USING ERRCODE = '22023';
	END IF;
	FOR h IN SELECT DISTINCT ON (x.day) x.day, x.name
	           FROM (SELECT a.anchor + k AS day, r.name, r.sort_order
	                   FROM core.holiday_rule r
	                  CROSS JOIN LATERAL (
	                        SELECT CASE WHEN r.festival IS NULL THEN make_date(y, r.month, r.mday)
	                                    ELSE (SELECT f.day FROM core.festival_date f
	                                           WHERE f.year = y AND f.festival = r.festival) END AS anchor) a
	                  CROSS JOIN generate_series(r.first_offset, r.last_offset) k) x
	          ORDER BY x.day, x.sort_order
	LOOP
		offs := offs || h.day;
		IF extract(isodow FROM h.day) >= 6 THEN
			weekend := weekend || h.day;
			weekend_names := weekend_names || h.name;
		END IF;
		day := h.day; name := h.name; makeup_for := NULL;
		RETURN NEXT;
	END LOOP;
	FOR i IN 1 .. coalesce(array_length(weekend, 1), 0) LOOP
		d := weekend[i] + 1;
		WHILE extract(isodow FROM d) >= 6 OR d = ANY (offs) LOOP
			d := d + 1;
		END LOOP;
		offs := offs || d;
		day := d; name := weekend_names[i] || '补假'; makeup_for := weekend[i];
		RETURN NEXT;
	END LOOP;
END $$;
COMMENT ON FUNCTION core.calendar_provisional_days(integer) IS
	'按法定规则推算某年的放假日（暂定，不含调休上班日）：节日当天，及适逢周末的节日在其后第一个工作日补假';

-- The years the calendar covers: loaded ones, and provisional ones (not
-- loaded, with complete reference dates).
CREATE FUNCTION core.calendar_known_years()
RETURNS TABLE (year integer, provisional boolean)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT c.year, false FROM core.calendar_year c
	UNION ALL
	SELECT f.year, true
	  FROM core.festival_date f
	 WHERE NOT EXISTS (SELECT 1 FROM core.calendar_year c WHERE c.year = f.year)
	 GROUP BY f.year
	HAVING count(DISTINCT f.festival) = (SELECT count(DISTINCT r.festival) FROM core.holiday_rule r)
$$;
COMMENT ON FUNCTION core.calendar_known_years() IS '工作日表覆盖的年份：已载入的，及可按法定规则推算的（暂定）';

-- 3. The day table with provisional years -------------------------------

ALTER TABLE core.calendar_day
	ADD COLUMN provisional boolean NOT NULL DEFAULT false,
	ADD COLUMN provisional_count integer NOT NULL DEFAULT 0 CHECK (provisional_count >= 0);
COMMENT ON COLUMN core.calendar_day.provisional IS '是否暂定（该年的放假安排尚未载入，按法定规则推算）';
COMMENT ON COLUMN core.calendar_day.provisional_count IS '从第一个日起到当天（含）的暂定日数（判断期限是否跨暂定日用）';
COMMENT ON COLUMN core.calendar_day.span IS '所在连续年份段（已载入或暂定）的起始年份（跨段计算须报无日历的年份）';
COMMENT ON TABLE core.calendar_day IS
	'逐日工作日表（由工作日历生成，勿手工修改）：已载入年份和暂定年份的每一天及其工作日序号';

-- Rebuilt in place: only the days that change are written (and audited).
-- While ordinals shift inside one statement two working days can share one,
-- so the ordinal index is no longer unique; this function is its only writer.
DROP INDEX core.calendar_day_workday_ordinal_idx;
CREATE INDEX calendar_day_workday_ordinal_idx ON core.calendar_day (ordinal) WHERE workday;

CREATE OR REPLACE FUNCTION core.calendar_rebuild() RETURNS void
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
	WITH known AS (
		SELECT k.year, k.provisional, min(k.year) OVER (PARTITION BY k.island) AS span
		  FROM (SELECT y.year, y.provisional, y.year - row_number() OVER (ORDER BY y.year) AS island
		          FROM core.calendar_known_years() y) AS k),
	     prov_off AS (
		SELECT DISTINCT p.day
		  FROM known k CROSS JOIN LATERAL core.calendar_provisional_days(k.year) p
		 WHERE k.provisional),
	     days AS (
		SELECT g::date AS day,
		       CASE c.kind WHEN 'off' THEN false
		                   WHEN 'makeup_workday' THEN true
		                   ELSE extract(isodow FROM g) < 6 AND p.day IS NULL END AS workday,
		       k.span, k.provisional
		  FROM known k
		 CROSS JOIN generate_series(make_date(k.year, 1, 1), make_date(k.year, 12, 31),
		                            interval '1 day') AS g
		  LEFT JOIN core.work_calendar c ON c.day = g::date
		  LEFT JOIN prov_off p ON p.day = g::date),
	     want AS (
		SELECT d.day, d.workday, (sum(d.workday::int) OVER w)::int AS ordinal, d.span, d.provisional,
		       (sum(d.provisional::int) OVER w)::int AS provisional_count
		  FROM days d
		WINDOW w AS (ORDER BY d.day)),
	     gone AS (
		DELETE FROM core.calendar_day c WHERE NOT EXISTS (SELECT 1 FROM want w WHERE w.day = c.day)),
	     added AS (
		INSERT INTO core.calendar_day (day, workday, ordinal, span, provisional, provisional_count)
		SELECT w.day, w.workday, w.ordinal, w.span, w.provisional, w.provisional_count
		  FROM want w
		 WHERE NOT EXISTS (SELECT 1 FROM core.calendar_day c WHERE c.day = w.day))
	UPDATE core.calendar_day c
	   SET workday = w.workday, ordinal = w.ordinal, span = w.span, provisional = w.provisional,
	       provisional_count = w.provisional_count
	  FROM want w
	 WHERE w.day = c.day
	   AND (c.workday, c.ordinal, c.span, c.provisional, c.provisional_count)
	       IS DISTINCT FROM (w.workday, w.ordinal, w.span, w.provisional, w.provisional_count);
$$;
COMMENT ON FUNCTION core.calendar_rebuild() IS '按已载入的年份、节假日和暂定年份重建逐日工作日表（只改变了的日子）';
SELECT core.calendar_rebuild();

-- The first year after y that the calendar does not cover.
CREATE OR REPLACE FUNCTION core.calendar_gap_after(y integer) RETURNS integer
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT min(g)::int
	  FROM generate_series(y + 1, greatest(y, (SELECT extract(year FROM max(c.day))::int
	                                              FROM core.calendar_day c)) + 1) AS g
	 WHERE NOT EXISTS (SELECT 1 FROM core.calendar_day c WHERE c.day = make_date(g, 1, 1));
$$;

CREATE OR REPLACE FUNCTION core.calendar_not_loaded(year integer) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	ref_last integer := (SELECT max(y.year) FROM core.calendar_known_years() y WHERE y.provisional);
BEGIN
	RAISE EXCEPTION '% 年的工作日历尚未载入，也无法按法定规则推算暂定日历（农历和节气参考数据%）；请系统管理员用 smcon calendar load 载入该年的节假日安排',
		year, coalesce('只到 ' || ref_last || ' 年', '缺失')
		USING ERRCODE = '22023',
		      HINT = 'smcon calendar load FILE.csv';
END $$;

-- Whether counting from a to b (a not counted, b counted) passed over a
-- provisional day. False when a day is outside the calendar.
CREATE FUNCTION api.calendar_provisional(a date, b date) RETURNS boolean
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT coalesce((SELECT c.provisional_count FROM core.calendar_day c WHERE c.day = greatest(a, b))
	                > (SELECT c.provisional_count FROM core.calendar_day c WHERE c.day = least(a, b)),
	                false)
$$;
COMMENT ON FUNCTION api.calendar_provisional(date, date) IS
	'两日之间（起日不计、止日计入）是否有暂定日：按此算出的期限为暂定';

-- 4. Deadlines with the provisional mark --------------------------------

DROP FUNCTION api.calendar_deadline(date, integer);
CREATE FUNCTION api.calendar_deadline(d date, n integer)
RETURNS TABLE (start date, start_isodow integer, workdays integer, deadline date,
               deadline_isodow integer, deadline_kind text, holiday text, provisional boolean)
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT d, extract(isodow FROM d)::int, n, r.day, extract(isodow FROM r.day)::int,
	       coalesce(w.kind, CASE WHEN c.provisional AND NOT c.workday AND extract(isodow FROM r.day) < 6
	                             THEN 'off' END),
	       w.name, api.calendar_provisional(d, r.day)
	  FROM (SELECT api.add_workdays(d, n) AS day) AS r
	  LEFT JOIN core.work_calendar w ON w.day = r.day
	  LEFT JOIN core.calendar_day c ON c.day = r.day;
$$;
COMMENT ON FUNCTION api.calendar_deadline(date, integer) IS
	'计算期限：起算日、工作日数、期限日及其星期，期限日是否调休上班日，是否暂定';

DROP FUNCTION api.calendar_years();
CREATE FUNCTION api.calendar_years()
RETURNS TABLE (year integer, off_days integer, makeup_days integer, workdays integer,
               source_file text, loaded_at timestamptz, loaded_by text, provisional boolean)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT k.year,
	       CASE WHEN k.provisional
	            THEN (SELECT count(*)::int FROM core.calendar_provisional_days(k.year))
	            ELSE (SELECT count(*)::int FROM core.work_calendar w
	                   WHERE w.day BETWEEN make_date(k.year, 1, 1) AND make_date(k.year, 12, 31)
	                     AND w.kind = 'off') END,
	       (SELECT count(*)::int FROM core.work_calendar w
	         WHERE w.day BETWEEN make_date(k.year, 1, 1) AND make_date(k.year, 12, 31)
	           AND w.kind = 'makeup_workday'),
	       (SELECT count(*)::int FROM core.calendar_day c
	         WHERE c.day BETWEEN make_date(k.year, 1, 1) AND make_date(k.year, 12, 31)
	           AND c.workday),
	       coalesce(y.source_file, '法定规则推算'), y.loaded_at, y.loaded_by, k.provisional
	  FROM core.calendar_known_years() k
	  LEFT JOIN core.calendar_year y ON y.year = k.year
	 ORDER BY k.year;
$$;
COMMENT ON FUNCTION api.calendar_years() IS '工作日历覆盖的年份（已载入的及暂定的）及其放假、调休、工作日天数';

DROP FUNCTION api.calendar_days(integer);
CREATE FUNCTION api.calendar_days(y integer)
RETURNS TABLE (day date, isodow integer, kind text, name text, loaded boolean, provisional boolean)
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT w.day, extract(isodow FROM w.day)::int, w.kind, w.name, true, false
	  FROM core.work_calendar w
	 WHERE w.day BETWEEN make_date(y, 1, 1) AND make_date(y, 12, 31)
	   AND EXISTS (SELECT 1 FROM core.calendar_year c WHERE c.year = y)
	UNION ALL
	SELECT p.day, extract(isodow FROM p.day)::int, 'off', p.name, false, true
	  FROM core.calendar_known_years() k
	 CROSS JOIN LATERAL core.calendar_provisional_days(k.year) p
	 WHERE k.year = y AND k.provisional
	 ORDER BY 1;
$$;
COMMENT ON FUNCTION api.calendar_days(integer) IS '某年的放假日和调休上班日（未载入的年份为按法定规则推算的暂定放假日）';

-- What an admin or a supervisor must be told: next year's notice is due
-- from 1 November, and a year without one runs on a provisional calendar.
-- warn is true only for them; the facts are for everyone.
CREATE FUNCTION api.calendar_status()
RETURNS TABLE (today date, year integer, loaded boolean, provisional boolean, warn boolean)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	t date := core.today();
	y integer;
BEGIN
	y := extract(year FROM t)::int;
	IF EXISTS (SELECT 1 FROM core.calendar_year c WHERE c.year = y) THEN
		y := y + 1;
	END IF;
	today := t;
	year := y;
	loaded := EXISTS (SELECT 1 FROM core.calendar_year c WHERE c.year = y);
	provisional := EXISTS (SELECT 1 FROM core.calendar_known_years() k WHERE k.year = y AND k.provisional);
	warn := NOT loaded AND (y = extract(year FROM t)::int OR extract(month FROM t) >= 11)
	        AND (core.caller_has('admin') OR core.caller_has('supervisor'));
	RETURN NEXT;
END $$;
COMMENT ON FUNCTION api.calendar_status() IS
	'工作日历状态：今天、需关注的年份（今年未载入时为今年，否则为明年）、是否已载入、是否暂定；自 11 月 1 日起明年未载入时提醒系统管理员和负责人';

-- 5. Stored deadlines and their recomputation ---------------------------

CREATE TABLE core.deadline_rule (
	name text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_]*$'),
	label text NOT NULL CHECK (core.present(label)),
	relation regclass NOT NULL,
	key_column name NOT NULL,
	deadline_column name NOT NULL,
	start_expr text NOT NULL,
	workdays_expr text NOT NULL,
	article text NOT NULL CHECK (core.present(article))
);
COMMENT ON TABLE core.deadline_rule IS
	'库中保存的法定期限（按工作日计算）：载入节假日安排后据此重算（只由迁移脚本写入）';
COMMENT ON COLUMN core.deadline_rule.name IS '规则代码';
COMMENT ON COLUMN core.deadline_rule.label IS '期限名称';
COMMENT ON COLUMN core.deadline_rule.relation IS '保存期限的表';
COMMENT ON COLUMN core.deadline_rule.key_column IS '该表的主键列';
COMMENT ON COLUMN core.deadline_rule.deadline_column IS '期限列（date）';
COMMENT ON COLUMN core.deadline_rule.start_expr IS '起算日的 SQL 表达式（表别名 t）';
COMMENT ON COLUMN core.deadline_rule.workdays_expr IS '工作日数的 SQL 表达式（表别名 t；可含暂停的工作日）';
COMMENT ON COLUMN core.deadline_rule.article IS '设定该期限的法律条款';
GRANT SELECT ON core.deadline_rule TO smcon_staff;

ALTER TABLE rights.complaint ADD COLUMN accept_due_on date;
COMMENT ON COLUMN rights.complaint.accept_due_on IS
	'决定是否受理的期限：收到之日起七个工作日（投诉举报处理暂行办法第十四条）';
ALTER TABLE rights.complaint ADD CONSTRAINT complaint_accept_due_after_receipt
	CHECK (accept_due_on > (received_at AT TIME ZONE 'Asia/Shanghai')::date);

INSERT INTO core.deadline_rule VALUES
	('complaint_accept', '决定是否受理投诉的期限', 'rights.complaint', 'id', 'accept_due_on',
	 '(t.received_at AT TIME ZONE ''Asia/Shanghai'')::date', '7',
	 '市场监督管理投诉举报处理暂行办法第十四条'),
	('inspection_publish', '抽查检查结果公示期限', 'supervision.inspection_result', 'id', 'publish_due_on',
	 't.inspected_on', '20', '企业信息公示暂行条例第六条');

CREATE TABLE meta.calendar_load_log (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	years integer[] NOT NULL,
	source_file text NOT NULL,
	recomputed_from date NOT NULL,
	loaded_at timestamptz NOT NULL DEFAULT now(),
	loaded_by text NOT NULL DEFAULT session_user
);
COMMENT ON TABLE meta.calendar_load_log IS '每次载入节假日安排的记录（重算已存期限的依据）';
COMMENT ON COLUMN meta.calendar_load_log.id IS '载入编号';
COMMENT ON COLUMN meta.calendar_load_log.years IS '载入的年份';
COMMENT ON COLUMN meta.calendar_load_log.source_file IS '文件名';
COMMENT ON COLUMN meta.calendar_load_log.recomputed_from IS '重算了在此日及以后到期的已存期限';
COMMENT ON COLUMN meta.calendar_load_log.loaded_at IS '载入时间';
COMMENT ON COLUMN meta.calendar_load_log.loaded_by IS '载入的数据库账号';

CREATE TABLE meta.deadline_move (
	load_id bigint NOT NULL REFERENCES meta.calendar_load_log (id),
	rule text NOT NULL REFERENCES core.deadline_rule (name),
	shift_days integer NOT NULL CHECK (shift_days <> 0),
	moved integer NOT NULL CHECK (moved > 0),
	PRIMARY KEY (load_id, rule, shift_days)
);
CREATE INDEX deadline_move_rule_idx ON meta.deadline_move (rule);
COMMENT ON TABLE meta.deadline_move IS '载入节假日安排后重算的已存期限：按规则和移动天数计的条数';
COMMENT ON COLUMN meta.deadline_move.load_id IS '载入编号';
COMMENT ON COLUMN meta.deadline_move.rule IS '期限规则';
COMMENT ON COLUMN meta.deadline_move.shift_days IS '期限移动的自然日数（正数推后，负数提前）';
COMMENT ON COLUMN meta.deadline_move.moved IS '移动的条数';
GRANT SELECT ON meta.calendar_load_log, meta.deadline_move TO smcon_staff;

-- Recomputes every registered deadline that falls on or after since from
-- the current day table; returns how many moved, by rule and shift. Rows
-- whose start or new deadline lies outside the calendar are left alone.
CREATE FUNCTION core.deadline_recompute(since date)
RETURNS TABLE (rule text, shift_days integer, moved integer)
LANGUAGE plpgsql VOLATILE STRICT
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	r core.deadline_rule;
BEGIN
	FOR r IN SELECT * FROM core.deadline_rule ORDER BY name LOOP
		RETURN QUERY EXECUTE format(
			'WITH calc AS ('
			'  SELECT t.%1$I AS k, t.%2$I AS old, c2.day AS new'
			'    FROM %3$s AS t'
			'    JOIN core.calendar_day c1 ON c1.day = (%4$s)'
			'    JOIN core.calendar_day c2 ON c2.ordinal = c1.ordinal + (%5$s) AND c2.workday'
			'                             AND c2.span = c1.span'
			'   WHERE t.%2$I >= $1 AND t.%2$I <> c2.day),'
			' upd AS (UPDATE %3$s AS t SET %2$I = calc.new FROM calc WHERE t.%1$I = calc.k'
			'         RETURNING calc.new - calc.old AS shift)'
			' SELECT $2, u.shift, count(*)::int FROM upd u GROUP BY u.shift ORDER BY u.shift',
			r.key_column, r.deadline_column, r.relation, r.start_expr, r.workdays_expr)
		USING since, r.name;
	END LOOP;
END $$;
COMMENT ON FUNCTION core.deadline_recompute(date) IS
	'按当前工作日表重算在某日及以后到期的已存期限，返回各规则按移动天数计的条数';

DROP FUNCTION api.calendar_load(integer[], text[], text[], text[], text);
CREATE FUNCTION api.calendar_load(line_no integer[], day text[], kind text[], name text[],
                                  source_file text)
RETURNS TABLE (year integer, off_days integer, makeup_days integer, replaced boolean,
               was_provisional boolean, load_id bigint)
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p record;
	n integer;
	years integer[];
	had integer[];
	guessed integer[];
	since date;
	lid bigint;
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
	SELECT coalesce(array_agg(k.year), '{}') INTO guessed
	  FROM core.calendar_known_years() k WHERE k.provisional AND k.year = ANY (years);
	since := least((SELECT min(f.d::date) FROM unnest(day) AS f (d)),
	               (SELECT make_date(min(y), 1, 1) FROM unnest(years) AS y));
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
	INSERT INTO meta.calendar_load_log (years, source_file, recomputed_from)
	VALUES (years, calendar_load.source_file, since)
	RETURNING id INTO lid;
	INSERT INTO meta.deadline_move (load_id, rule, shift_days, moved)
	SELECT lid, m.rule, m.shift_days, m.moved FROM core.deadline_recompute(since) m;
	RETURN QUERY
	SELECT y, (SELECT count(*)::int FROM core.work_calendar w
	            WHERE extract(year FROM w.day)::int = y AND w.kind = 'off'),
	          (SELECT count(*)::int FROM core.work_calendar w
	            WHERE extract(year FROM w.day)::int = y AND w.kind = 'makeup_workday'),
	          y = ANY (had), y = ANY (guessed), lid
	  FROM unnest(years) AS y
	 ORDER BY y;
END $$;
COMMENT ON FUNCTION api.calendar_load(integer[], text[], text[], text[], text) IS
	'载入工作日历文件（全部行无误才载入），并重算受影响的已存期限；返回载入的年份及其放假、调休天数、此前是否暂定和载入编号（系统管理员）';

-- How the stored deadlines moved when a calendar was loaded.
CREATE FUNCTION api.calendar_moves(load_id bigint)
RETURNS TABLE (rule text, label text, article text, shift_days integer, moved integer)
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT m.rule, r.label, r.article, m.shift_days, m.moved
	  FROM meta.deadline_move m JOIN core.deadline_rule r ON r.name = m.rule
	 WHERE m.load_id = calendar_moves.load_id
	 ORDER BY r.name, m.shift_days;
$$;
COMMENT ON FUNCTION api.calendar_moves(bigint) IS '某次载入节假日安排后已存期限的移动：按规则和移动天数计的条数';

-- 6. Registering a complaint stores its deadline, marked when provisional

DROP FUNCTION api.complaint_register(text, text, text, text, text, text, text, text);
CREATE FUNCTION api.complaint_register(code text, complainant_name text, complainant_phone text,
                                       complainant_address text, request text, facts text,
                                       subject text DEFAULT NULL, channel text DEFAULT 'hotline_12315',
                                       OUT complaint_no text, OUT handling_org text, OUT decide_by date,
                                       OUT decide_by_provisional boolean)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	me record;
	e core.entity;
	handler_org bigint;
	received timestamptz := core.now();
	today date := (received AT TIME ZONE 'Asia/Shanghai')::date;
BEGIN
	PERFORM core.require_role('clerk', 'handler', 'supervisor');
	SELECT * INTO me FROM core.caller_staff();
	SELECT * INTO e FROM core.entity x WHERE x.uscc = core.uscc_normalize(complaint_register.code);
	IF e.id IS NULL THEN
		RAISE EXCEPTION '没有统一社会信用代码为 % 的主体', core.uscc_normalize(complaint_register.code)
			USING ERRCODE = 'no_data_found';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM core.channel c WHERE c.code = complaint_register.channel)
	   OR complaint_register.channel = 'transfer_12345' THEN
		RAISE EXCEPTION '受理渠道“%”不能在此登记', complaint_register.channel USING ERRCODE = 'invalid_parameter_value',
			HINT = (SELECT string_agg(c.code, ', ' ORDER BY c.sort_order) FROM core.channel c
			         WHERE c.code <> 'transfer_12345');
	END IF;
	IF NOT (core.present(complainant_name) AND core.present(complainant_phone) AND core.present(complainant_address)
	        AND core.present(request) AND core.present(facts)) THEN
		RAISE EXCEPTION '投诉须有投诉人姓名、电话、地址和投诉请求、事实（投诉举报处理暂行办法第九条）'
			USING ERRCODE = 'not_null_violation';
	END IF;
	BEGIN
		PERFORM btrim(complainant_phone)::core.phone;
	EXCEPTION WHEN check_violation THEN
		RAISE EXCEPTION '投诉人电话“%”：%', complainant_phone,
			(SELECT obj_description(c.oid, 'pg_constraint') FROM pg_constraint c
			  WHERE c.contypid = 'core.phone'::regtype AND c.conname = 'phone_format')
			USING ERRCODE = 'check_violation';
	END;
	decide_by := api.add_workdays(today, 7);
	decide_by_provisional := api.calendar_provisional(today, decide_by);
	handler_org := coalesce(core.org_district(e.org_id), me.district_id, me.org_id);
	complaint_no := 'SM' || to_char(today, 'YYYYMMDD') || lpad(nextval('rights.complaint_register_seq')::text, 6, '0');
	INSERT INTO rights.complaint (complaint_no, channel_code, received_at, receiving_org_id, handling_org_id,
	                              complainant_name, complainant_phone, complainant_address, respondent_name,
	                              respondent_address, entity_id, subject, request, facts, accept_due_on,
	                              source_system)
	VALUES (complaint_register.complaint_no, complaint_register.channel, received, me.org_id, handler_org,
	        btrim(complainant_name), btrim(complainant_phone), btrim(complainant_address), e.name, e.address, e.id,
	        nullif(btrim(subject), ''), btrim(request), btrim(facts), decide_by, 'smcon');
	SELECT o.name INTO handling_org FROM core.org_unit o WHERE o.id = handler_org;
END $$;
COMMENT ON FUNCTION api.complaint_register(text, text, text, text, text, text, text, text) IS
	'登记对某市场主体的消费投诉（第九条材料齐全），交被投诉人所在区局处理；返回登记编号、处理单位和决定是否受理的期限（7 个工作日，按暂定日历算出时标明）';

-- 7. Grants and audit ---------------------------------------------------

REVOKE ALL ON FUNCTION core.now(), core.today(), core.calendar_provisional_days(integer),
	core.calendar_known_years(), core.deadline_recompute(date), api.calendar_provisional(date, date),
	api.calendar_deadline(date, integer), api.calendar_years(), api.calendar_days(integer),
	api.calendar_status(), api.calendar_load(integer[], text[], text[], text[], text),
	api.calendar_moves(bigint), api.complaint_register(text, text, text, text, text, text, text, text)
	FROM PUBLIC;
GRANT EXECUTE ON FUNCTION core.now(), core.today(), core.calendar_provisional_days(integer),
	core.calendar_known_years(), api.calendar_provisional(date, date),
	api.calendar_deadline(date, integer), api.calendar_years(), api.calendar_days(integer),
	api.calendar_status(), api.calendar_moves(bigint) TO smcon_staff;
GRANT EXECUTE ON FUNCTION api.calendar_load(integer[], text[], text[], text[], text) TO smcon_admin;
GRANT EXECUTE ON FUNCTION api.complaint_register(text, text, text, text, text, text, text, text)
	TO smcon_clerk, smcon_handler, smcon_supervisor;

SELECT audit.attach('meta.test_clock');
SELECT audit.attach('core.holiday_rule');
SELECT audit.attach('core.festival_date');
SELECT audit.attach('core.deadline_rule');
SELECT audit.attach('meta.calendar_load_log');
SELECT audit.attach('meta.deadline_move');
