-- 0031 the validating importer's framework (smcon import THEME FILE.csv).
--
-- The client parses and checks the file and streams the good rows with COPY
-- into a staging table; the database checks them again and upserts them by
-- their natural key, recording what changed. Everything here runs as the
-- warehouse owner through SECURITY DEFINER functions in api, executable by
-- smcon_admin only: staff have no write grants on any theme table.
--
-- One import = one row in meta.import_job, written (committed) when the
-- import starts, and one transaction for the data: staging, checking,
-- writing and the job's final counts commit together or not at all. A client
-- killed half way leaves the warehouse as it was; its job stays 'running'
-- until the next import notices the session is gone and marks it
-- 'interrupted'.
--
-- Staging: api.import_stage() creates two TEMP tables in the caller's session
-- (ON COMMIT DROP, owned by the warehouse owner, INSERT granted to the
-- caller): pg_temp.import_stage (rec_no, line_no, then one text column per
-- field of the theme) and pg_temp.import_reject (rows the database refused).
-- Each session has its own temp schema, so two admins importing at once never
-- see each other's rows.

-- ---------------------------------------------------------------------------
-- Themes and their fields (the mapping from a file's header to the tables)

CREATE TABLE meta.import_theme (
	theme text PRIMARY KEY CHECK (theme ~ '^[a-z][a-z0-9_]*$'),
	title text NOT NULL CHECK (core.present(title)),
	target regclass NOT NULL,
	natural_key text NOT NULL CHECK (core.present(natural_key)),
	writer regprocedure NOT NULL,  -- (j meta.import_job, lo integer, hi integer, OUT inserted, OUT updated)
	sort_order integer NOT NULL DEFAULT 0
);
COMMENT ON TABLE meta.import_theme IS '可导入的数据主题：目标表、自然键、写入函数';
COMMENT ON COLUMN meta.import_theme.theme IS '主题代码（命令行的 THEME，如 entity）';
COMMENT ON COLUMN meta.import_theme.title IS '主题名称';
COMMENT ON COLUMN meta.import_theme.target IS '写入的目标表（写入时加 SHARE ROW EXCLUSIVE 锁：同一主题的导入依次进行）';
COMMENT ON COLUMN meta.import_theme.natural_key IS '按其更新插入的自然键（说明）';
COMMENT ON COLUMN meta.import_theme.writer IS '写入一段暂存行（编号 lo 到 hi）的函数（meta.import_write_*），返回新增、更新行数；数据库拒绝时报错';
COMMENT ON COLUMN meta.import_theme.sort_order IS '显示顺序';

-- Kinds of values, and what the client checks for each:
--   text       trimmed; '' is empty
--   uscc       a Unified Social Credit Code (normalised, check characters)
--   date       a calendar date (YYYY-MM-DD, YYYY/M/D, YYYYMMDD, YYYY年M月D日)
--   date_open  a date, or 长期/永久/无固定期限 for none (an open end)
--   number     a decimal with at most `scale` places and `digits` digits in all
--   integer    a whole number
--   boolean    是/否, true/false, 1/0, Y/N
--   phone      digits and hyphens, an optional leading +
--   code       a code of code_list, or its Chinese name
--   codes      several of them, separated by 、 ， , ； ;
CREATE TABLE meta.import_field (
	theme text NOT NULL REFERENCES meta.import_theme (theme),
	field_no smallint NOT NULL CHECK (field_no > 0),
	name text NOT NULL CHECK (name ~ '^[a-z][a-z0-9_]*$'),
	title text NOT NULL CHECK (core.present(title)),
	aliases text[] NOT NULL DEFAULT '{}',
	kind text NOT NULL CHECK (kind IN ('text', 'uscc', 'date', 'date_open', 'number', 'integer', 'boolean',
	                                   'phone', 'code', 'codes')),
	digits smallint CHECK (digits > 0),
	scale smallint CHECK (scale >= 0),
	required boolean NOT NULL DEFAULT false,
	is_key boolean NOT NULL DEFAULT false,
	code_list text,
	personal_kind text CHECK (personal_kind IN ('name', 'phone', 'id_no', 'address', 'email')),
	description text,
	PRIMARY KEY (theme, field_no),
	UNIQUE (theme, name),
	CHECK ((kind IN ('code', 'codes')) = (code_list IS NOT NULL)),
	CHECK ((kind = 'number') = (digits IS NOT NULL AND scale IS NOT NULL)),
	CHECK (NOT is_key OR required)
);
COMMENT ON TABLE meta.import_field IS '导入字段：文件表头可用的列名（英文字段名或中文列名）、取值种类、是否必填';
COMMENT ON COLUMN meta.import_field.theme IS '主题';
COMMENT ON COLUMN meta.import_field.field_no IS '字段顺序（暂存表的列顺序）';
COMMENT ON COLUMN meta.import_field.name IS '字段名（表头可用；多为目标表的列名）';
COMMENT ON COLUMN meta.import_field.title IS '中文列名（表头可用；也用于变更记录和提示）';
COMMENT ON COLUMN meta.import_field.aliases IS '表头可用的其他中文列名（各地导出文件的叫法）';
COMMENT ON COLUMN meta.import_field.kind IS '取值种类：text 文本，uscc 统一社会信用代码，date 日期，date_open 日期或长期，number 数值，integer 整数，boolean 是否，phone 电话，code 代码，codes 多个代码';
COMMENT ON COLUMN meta.import_field.digits IS '数值的有效位数（number，含小数位）';
COMMENT ON COLUMN meta.import_field.scale IS '数值的小数位数（number）';
COMMENT ON COLUMN meta.import_field.required IS '是否必填（表头必须有此列，每行必须有值）';
COMMENT ON COLUMN meta.import_field.is_key IS '是否自然键的一部分（按其更新插入）';
COMMENT ON COLUMN meta.import_field.code_list IS '代码字段的代码表（meta.import_code 的 list）';
COMMENT ON COLUMN meta.import_field.personal_kind IS '个人信息种类（导入但从不回显；拒收文件中脱敏）';
COMMENT ON COLUMN meta.import_field.description IS '说明';

-- Names of codes whose list a law fixes (CHECK constraints in the theme
-- tables), and extra names files use for codes of the code tables.
CREATE TABLE meta.code_label (
	list text NOT NULL CHECK (list ~ '^[a-z][a-z0-9_]*$'),
	code text NOT NULL,
	label text NOT NULL CHECK (core.present(label)),
	PRIMARY KEY (list, label)
);
COMMENT ON TABLE meta.code_label IS '代码的中文名称：法定取值（表的 CHECK 约束）和代码表名称之外的常见叫法';
COMMENT ON COLUMN meta.code_label.list IS '代码表（与 meta.import_code 的 list 相同）';
COMMENT ON COLUMN meta.code_label.code IS '代码';
COMMENT ON COLUMN meta.code_label.label IS '文件中可用的名称';

INSERT INTO meta.code_label (list, code, label) VALUES
	('id_type', 'resident_id', '居民身份证'), ('id_type', 'resident_id', '身份证'),
	('id_type', 'passport', '护照'),
	('id_type', 'hk_macao_permit', '港澳居民来往内地通行证'),
	('id_type', 'taiwan_permit', '台湾居民来往大陆通行证'),
	('id_type', 'foreign_permanent', '外国人永久居留身份证'),
	('id_type', 'other', '其他'),
	('currency', 'CNY', '人民币'), ('currency', 'USD', '美元'), ('currency', 'HKD', '港元'),
	('currency', 'EUR', '欧元'), ('currency', 'JPY', '日元'), ('currency', 'GBP', '英镑'),
	('entity_status', 'active', '存续'), ('entity_status', 'active', '在营'),
	('entity_status', 'active', '开业'), ('entity_status', 'active', '在册'),
	('entity_status', 'active', '存续（在营、开业、在册）');

-- Every code a file may give, by list: (list, code, label). The code itself
-- is always accepted; labels are the names files use.
CREATE VIEW meta.import_code AS
	SELECT 'entity_type'::text AS list, code, name AS label FROM core.entity_type WHERE active
	UNION ALL SELECT 'entity_status', code, name FROM core.entity_status
	UNION ALL SELECT 'industry', code, name FROM core.industry WHERE level = 4
	UNION ALL SELECT 'division', code::text, name FROM core.division
	UNION ALL SELECT 'org_unit', code, name FROM core.org_unit WHERE active
	UNION ALL SELECT 'org_unit', code, short_name FROM core.org_unit WHERE active
	UNION ALL SELECT 'licence_kind', code, name FROM core.licence_kind WHERE active
	UNION ALL SELECT 'penalty_kind', code, name FROM core.penalty_kind
	UNION ALL SELECT 'violation_category', code, name FROM core.violation_category WHERE active
	UNION ALL SELECT 'elevator_category', code, name FROM core.elevator_category
	UNION ALL SELECT list, code, label FROM meta.code_label;
COMMENT ON VIEW meta.import_code IS '导入文件可用的代码及其名称（代码表和法定取值）';
COMMENT ON COLUMN meta.import_code.list IS '代码表';
COMMENT ON COLUMN meta.import_code.code IS '代码';
COMMENT ON COLUMN meta.import_code.label IS '名称';

-- ---------------------------------------------------------------------------
-- Jobs and the change log

CREATE TABLE meta.import_job (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	theme text NOT NULL REFERENCES meta.import_theme (theme),
	file_name text NOT NULL CHECK (core.present(file_name)),
	file_encoding text NOT NULL CHECK (file_encoding IN ('UTF-8', 'GB18030')),
	columns text[] NOT NULL,
	source_system text NOT NULL CHECK (core.present(source_system)),
	dry_run boolean NOT NULL,
	all_or_nothing boolean NOT NULL,
	status text NOT NULL DEFAULT 'running'
		CHECK (status IN ('running', 'loaded', 'refused', 'dry_run', 'failed', 'interrupted')),
	rows_read bigint CHECK (rows_read >= 0),
	rows_good bigint CHECK (rows_good >= 0),
	rows_rejected bigint CHECK (rows_rejected >= 0),
	rows_inserted bigint CHECK (rows_inserted >= 0),
	rows_updated bigint CHECK (rows_updated >= 0),
	rows_unchanged bigint CHECK (rows_unchanged >= 0),
	message text,
	login text NOT NULL DEFAULT session_user,
	staff_id bigint REFERENCES core.staff (id),
	backend_pid integer NOT NULL DEFAULT pg_backend_pid(),
	backend_start timestamptz,
	started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
	finished_at timestamptz,
	CHECK ((status = 'running') = (finished_at IS NULL)),
	CHECK (status IN ('running', 'failed', 'interrupted')
	       OR (rows_read = rows_good + rows_rejected
	           AND rows_good = rows_inserted + rows_updated + rows_unchanged))
);
COMMENT ON TABLE meta.import_job IS '导入作业：每次 smcon import 一行（含试运行），记录文件、编码、各类行数、执行人和结果';
COMMENT ON COLUMN meta.import_job.id IS '作业编号';
COMMENT ON COLUMN meta.import_job.theme IS '导入主题';
COMMENT ON COLUMN meta.import_job.file_name IS '文件名';
COMMENT ON COLUMN meta.import_job.file_encoding IS '文件编码：UTF-8，或 GB18030（已转换为 UTF-8）';
COMMENT ON COLUMN meta.import_job.columns IS '文件表头含有的字段（未列出的字段不更新）';
COMMENT ON COLUMN meta.import_job.source_system IS '来源系统（写入各行的 source_system，文件未给出时）';
COMMENT ON COLUMN meta.import_job.dry_run IS '是否试运行（只报告，不写入）';
COMMENT ON COLUMN meta.import_job.all_or_nothing IS '是否全部成功才写入（有一行错误则整个文件不写入）';
COMMENT ON COLUMN meta.import_job.status IS '状态：running 进行中，loaded 已写入，refused 因有错误行未写入，dry_run 试运行，failed 失败（未写入），interrupted 中断（未写入）';
COMMENT ON COLUMN meta.import_job.rows_read IS '读到的数据行数（不含表头和空行）';
COMMENT ON COLUMN meta.import_job.rows_good IS '通过校验的行数';
COMMENT ON COLUMN meta.import_job.rows_rejected IS '拒收的行数（写入 FILE.rejects.csv）';
COMMENT ON COLUMN meta.import_job.rows_inserted IS '新增的行数';
COMMENT ON COLUMN meta.import_job.rows_updated IS '有变化而更新的行数';
COMMENT ON COLUMN meta.import_job.rows_unchanged IS '与库中一致、未改动的行数';
COMMENT ON COLUMN meta.import_job.message IS '失败原因或说明';
COMMENT ON COLUMN meta.import_job.login IS '执行导入的数据库账号';
COMMENT ON COLUMN meta.import_job.staff_id IS '执行导入的职员';
COMMENT ON COLUMN meta.import_job.backend_pid IS '执行导入的数据库会话进程号（判断作业是否中断）';
COMMENT ON COLUMN meta.import_job.backend_start IS '该会话的开始时间（与进程号一起识别会话）';
COMMENT ON COLUMN meta.import_job.started_at IS '开始时间';
COMMENT ON COLUMN meta.import_job.finished_at IS '结束时间';
CREATE INDEX import_job_staff_id_idx ON meta.import_job (staff_id);
CREATE INDEX import_job_theme_idx ON meta.import_job (theme, id);
CREATE INDEX import_job_running_idx ON meta.import_job (id) WHERE status = 'running';

-- What an import changed in themes other than entities (entities record their
-- changes in core.entity_change): one row per inserted or updated row.
CREATE TABLE meta.import_change (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	job_id bigint NOT NULL REFERENCES meta.import_job (id),
	theme text NOT NULL REFERENCES meta.import_theme (theme),
	natural_key text NOT NULL,
	action text NOT NULL CHECK (action IN ('insert', 'update')),
	changes jsonb CHECK ((action = 'update') = (changes IS NOT NULL)),
	line_no integer NOT NULL CHECK (line_no > 0)
);
COMMENT ON TABLE meta.import_change IS '导入变更记录：每个新增或更新的行一条（市场主体的变更见 core.entity_change）';
COMMENT ON COLUMN meta.import_change.id IS '内部编号';
COMMENT ON COLUMN meta.import_change.job_id IS '导入作业';
COMMENT ON COLUMN meta.import_change.theme IS '主题';
COMMENT ON COLUMN meta.import_change.natural_key IS '自然键（如 许可种类/许可证编号）';
COMMENT ON COLUMN meta.import_change.action IS '动作：insert 新增，update 更新';
COMMENT ON COLUMN meta.import_change.changes IS '更新的字段：{"字段": ["原值", "新值"]}，个人信息为脱敏值';
COMMENT ON COLUMN meta.import_change.line_no IS '文件中的行号';
CREATE INDEX import_change_job_id_idx ON meta.import_change (job_id);
CREATE INDEX import_change_key_idx ON meta.import_change (theme, natural_key);

-- ---------------------------------------------------------------------------
-- Helpers the theme functions share

-- The caller's running job, or an error: only the session that started a
-- job may stage, apply or finish it.
CREATE FUNCTION meta.import_job_mine(job bigint) RETURNS meta.import_job
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	j meta.import_job;
BEGIN
	SELECT * INTO j FROM meta.import_job WHERE id = job;
	IF NOT FOUND OR j.login <> session_user OR j.backend_pid <> pg_backend_pid() THEN
		RAISE EXCEPTION '导入作业 % 不存在或不属于本会话', job USING ERRCODE = 'no_data_found';
	END IF;
	IF j.status <> 'running' THEN
		RAISE EXCEPTION '导入作业 % 已结束（%）', job, j.status USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	RETURN j;
END $$;
COMMENT ON FUNCTION meta.import_job_mine(bigint) IS '本会话进行中的导入作业；否则报错';

-- Raised inside a theme's write statement when a reference does not resolve,
-- so that the row is reported like any other row the database refuses.
-- STABLE, not VOLATILE: it changes nothing, and a volatile call would keep
-- the planner from folding the query that holds it into its caller.
CREATE FUNCTION meta.import_missing(what text, value text) RETURNS bigint
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RAISE EXCEPTION '% % does not exist', what, value
		USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'import_unknown_' || what, DETAIL = value;
END $$;
COMMENT ON FUNCTION meta.import_missing(text, text) IS '写入时引用的主体、机构或案件不存在：报错，由逐段重试定位到行';

-- A personal value as staff may see it (for change records). PL/pgSQL, so
-- that it may name the masking functions of 0040 that come after it.
CREATE FUNCTION meta.import_mask(kind text, v text) RETURNS text
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RETURN CASE kind WHEN 'name' THEN core.mask_name(v) WHEN 'phone' THEN core.mask_phone(v)
	                 WHEN 'id_no' THEN core.mask_id_no(v) WHEN 'address' THEN core.mask_address(v)
	                 WHEN 'email' THEN core.mask_email(v) ELSE v END;
END $$;
COMMENT ON FUNCTION meta.import_mask(text, text) IS '按个人信息种类脱敏（变更记录中不留原值）';

-- Writes the staged rows rec_no lo..hi with the theme's write function. When
-- the database refuses the statement (a constraint, a bad value, a missing
-- reference), the range is split in sixteen parts and each tried again, until
-- the refused rows stand alone: each is recorded in pg_temp.import_reject
-- with the constraint and the message, and every other row is written.
-- (Halving re-wrote about log2 k + 2 times the file for k refused rows spread
-- through it; sixteen parts re-write about 1 + k / 15 times: a file of
-- 100,000 new entities with ten refused rows took 27 s instead of about 50 s,
-- 13 s without them.) Errors that are not about a row (a lost lock, cancel,
-- out of memory) abort the import.
CREATE FUNCTION meta.import_write(j meta.import_job, writer regprocedure, lo integer, hi integer,
                                  INOUT inserted bigint, INOUT updated bigint)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	parts constant integer := 16;
	i bigint;
	u bigint;
	step integer;
	p integer;
	con text;
	msg text;
	value_detail text;
	detail text;
BEGIN
	IF lo IS NULL OR lo > hi THEN
		RETURN;
	END IF;
	BEGIN
		EXECUTE format('SELECT * FROM %s($1, $2, $3)', writer::regproc) INTO i, u USING j, lo, hi;
		inserted := inserted + i;
		updated := updated + u;
		RETURN;
	EXCEPTION WHEN integrity_constraint_violation OR data_exception OR raise_exception THEN
		GET STACKED DIAGNOSTICS con = CONSTRAINT_NAME, msg = MESSAGE_TEXT, value_detail = PG_EXCEPTION_DETAIL;
	END;
	IF lo = hi THEN
		-- what the rule means, when the constraint says so in its comment; the
		-- value of a missing reference; else the message only (a detail may
		-- quote values, personal ones among them). The SQLSTATE goes to the
		-- server log with the rest; the operator gets the words.
		SELECT obj_description(c.oid, 'pg_constraint') INTO detail
		  FROM pg_constraint c
		 WHERE c.conname = con
		 ORDER BY c.conrelid = (SELECT t.target FROM meta.import_theme t WHERE t.theme = j.theme) DESC
		 LIMIT 1;
		INSERT INTO pg_temp.import_reject (rec_no, line_no, code, field, detail)
		SELECT s.rec_no, s.line_no, 'refused', nullif(con, ''),
		       CASE WHEN con LIKE 'import\_unknown\_%' THEN value_detail ELSE coalesce(detail, msg) END
		  FROM pg_temp.import_stage s WHERE s.rec_no = lo;
		RETURN;
	END IF;
	-- small ranges are found by rec_no from now on
	IF to_regclass('pg_temp.import_stage_rec_no_idx') IS NULL THEN
		CREATE INDEX import_stage_rec_no_idx ON pg_temp.import_stage (rec_no);
		ANALYZE pg_temp.import_stage;
	END IF;
	step := greatest(1, ceil((hi - lo + 1)::numeric / parts)::integer);
	p := lo;
	WHILE p <= hi LOOP
		SELECT * INTO inserted, updated FROM meta.import_write(j, writer, p, least(hi, p + step - 1), inserted, updated);
		p := p + step;
	END LOOP;
END $$;
COMMENT ON FUNCTION meta.import_write(meta.import_job, regprocedure, integer, integer, bigint, bigint) IS
	'写入一段暂存行；数据库拒绝时分成十六段重试，把被拒的行记入拒收表，其余照常写入';

-- One pass over the staged rows: their rec_no range and number, and every
-- row whose natural key (the theme's is_key fields) repeats an earlier row of
-- the file rejected. A file says one thing per key; the first row counts.
CREATE FUNCTION meta.import_stage_scan(theme text, OUT lo integer, OUT hi integer, OUT staged bigint)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET work_mem = '256MB'
SET jit = off
AS $$
DECLARE
	key_expr text;
	dup boolean;
BEGIN
	SELECT string_agg(format('s.%I', f.name), ', ' ORDER BY f.field_no) INTO key_expr
	  FROM meta.import_field f WHERE f.theme = import_stage_scan.theme AND f.is_key;
	SELECT min(s.rec_no), max(s.rec_no), count(*) INTO lo, hi, staged FROM pg_temp.import_stage s;
	EXECUTE format('SELECT EXISTS (SELECT 1 FROM pg_temp.import_stage s GROUP BY %s HAVING count(*) > 1)',
	               key_expr) INTO dup;
	IF dup THEN
		EXECUTE format('INSERT INTO pg_temp.import_reject (rec_no, line_no, code, field, detail)'
		               ' SELECT d.rec_no, d.line_no, ''duplicate'', $1, d.first_line::text'
		               '   FROM (SELECT s.rec_no, s.line_no, first_value(s.line_no) OVER w AS first_line,'
		               '                row_number() OVER w AS n'
		               '           FROM pg_temp.import_stage s WINDOW w AS (PARTITION BY %s ORDER BY s.rec_no)) AS d'
		               '  WHERE d.n > 1 ON CONFLICT (rec_no) DO NOTHING', key_expr)
			USING (SELECT string_agg(f.title, '/' ORDER BY f.field_no) FROM meta.import_field f
			        WHERE f.theme = import_stage_scan.theme AND f.is_key);
	END IF;
END $$;
COMMENT ON FUNCTION meta.import_stage_scan(text) IS '暂存行的编号范围和行数；自然键在文件中重复的行（第二次及以后出现的）记为拒收';

-- ---------------------------------------------------------------------------
-- The interface: EXECUTE for smcon_admin only

-- The themes that can be imported.
CREATE FUNCTION api.import_themes()
RETURNS TABLE (theme text, title text, target text, natural_key text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT t.theme, t.title, t.target::text, t.natural_key FROM meta.import_theme t ORDER BY t.sort_order, t.theme
$$;
COMMENT ON FUNCTION api.import_themes() IS '可导入的主题';

-- A theme's fields in staging order (empty for an unknown theme).
CREATE FUNCTION api.import_fields(theme text)
RETURNS TABLE (field_no smallint, name text, title text, aliases text[], kind text, digits smallint,
               scale smallint, required boolean, is_key boolean, code_list text, personal_kind text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT f.field_no, f.name, f.title, f.aliases, f.kind, f.digits, f.scale, f.required, f.is_key,
	       f.code_list, f.personal_kind
	  FROM meta.import_field f WHERE f.theme = import_fields.theme ORDER BY f.field_no
$$;
COMMENT ON FUNCTION api.import_fields(text) IS '主题的导入字段（按暂存表列顺序）';

-- Every code (and name of a code) the theme's code fields accept.
CREATE FUNCTION api.import_codes(theme text)
RETURNS TABLE (field_no smallint, code text, label text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT f.field_no, c.code, c.label
	  FROM meta.import_field f JOIN meta.import_code c ON c.list = f.code_list
	 WHERE f.theme = import_codes.theme
	 ORDER BY f.field_no, c.code
$$;
COMMENT ON FUNCTION api.import_codes(text) IS '主题各代码字段可用的代码和名称';

-- Starts a job (the caller commits it at once, before the data transaction).
-- Jobs left 'running' by sessions that are gone are marked 'interrupted'.
CREATE FUNCTION api.import_start(theme text, file_name text, file_encoding text, columns text[],
                                 source_system text, dry_run boolean, all_or_nothing boolean)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	bad text;
	staff bigint;
	job bigint;
BEGIN
	SELECT s.id INTO staff FROM core.staff s WHERE s.login = session_user AND s.status = 'active';
	IF staff IS NULL THEN
		RAISE EXCEPTION '账号 % 没有在岗的职员档案，不能导入', session_user USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM meta.import_theme t WHERE t.theme = import_start.theme) THEN
		RAISE EXCEPTION '没有可导入的主题 %', theme USING ERRCODE = 'invalid_parameter_value';
	END IF;
	SELECT string_agg(c, ', ') INTO bad FROM unnest(columns) AS c
	 WHERE NOT EXISTS (SELECT 1 FROM meta.import_field f WHERE f.theme = import_start.theme AND f.name = c);
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION '主题 % 没有字段 %', theme, bad USING ERRCODE = 'invalid_parameter_value';
	END IF;
	SELECT string_agg(f.name, ', ' ORDER BY f.field_no) INTO bad FROM meta.import_field f
	 WHERE f.theme = import_start.theme AND f.required AND f.name <> ALL (columns);
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION '缺少必填字段 %', bad USING ERRCODE = 'invalid_parameter_value';
	END IF;
	UPDATE meta.import_job j SET status = 'interrupted', finished_at = clock_timestamp(),
	       message = '导入会话已结束，数据未写入'
	 WHERE j.status = 'running'
	   AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a
	                    WHERE a.pid = j.backend_pid AND a.backend_start IS NOT DISTINCT FROM j.backend_start);
	INSERT INTO meta.import_job (theme, file_name, file_encoding, columns, source_system, dry_run,
	                             all_or_nothing, staff_id, backend_start)
	VALUES (theme, file_name, file_encoding, columns, coalesce(nullif(btrim(source_system), ''), '数据导入'),
	        dry_run, all_or_nothing, staff,
	        (SELECT a.backend_start FROM pg_stat_activity a WHERE a.pid = pg_backend_pid()))
	RETURNING id INTO job;
	RETURN job;
END $$;
COMMENT ON FUNCTION api.import_start(text, text, text, text[], text, boolean, boolean) IS
	'开始导入作业（立即提交）；返回作业编号';

-- Creates the session's staging tables for a job (inside the data
-- transaction; they are dropped at its end) and lets the caller COPY into
-- pg_temp.import_stage: rec_no, line_no, then the theme's fields in order.
CREATE FUNCTION api.import_stage(job bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	j meta.import_job := meta.import_job_mine(job);
	cols text;
BEGIN
	SELECT string_agg(format('%I text', f.name), ', ' ORDER BY f.field_no) INTO cols
	  FROM meta.import_field f WHERE f.theme = j.theme;
	EXECUTE format('CREATE TEMP TABLE import_stage (rec_no integer NOT NULL, line_no integer NOT NULL, %s)'
	               ' ON COMMIT DROP', cols);
	CREATE TEMP TABLE import_reject (
		rec_no integer PRIMARY KEY,
		line_no integer NOT NULL,
		code text NOT NULL,
		field text,
		detail text
	) ON COMMIT DROP;
	EXECUTE format('GRANT INSERT ON pg_temp.import_stage TO %I', session_user);
END $$;
COMMENT ON FUNCTION api.import_stage(bigint) IS '为导入作业建立本会话的暂存表（事务结束时删除），供 COPY 写入';

-- Checks the staged rows and writes the good ones with the theme's writer.
-- Imports into one target are serialised (SHARE ROW EXCLUSIVE: readers go on,
-- other writers wait until this import commits), so that each one's change
-- records say what it changed.
CREATE FUNCTION api.import_apply(job bigint,
                                 OUT inserted bigint, OUT updated bigint, OUT unchanged bigint,
                                 OUT rejected bigint)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	j meta.import_job := meta.import_job_mine(job);
	t meta.import_theme;
	lo integer;
	hi integer;
	staged bigint;
BEGIN
	SELECT * INTO t FROM meta.import_theme WHERE theme = j.theme;
	-- the row count, so that the planner hashes a big file and looks up a small one
	ANALYZE pg_temp.import_stage (rec_no);
	SELECT * INTO lo, hi, staged FROM meta.import_stage_scan(j.theme);
	EXECUTE format('LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE', t.target);
	SELECT * INTO inserted, updated FROM meta.import_write(j, t.writer, lo, hi, 0, 0);
	SELECT count(*) INTO rejected FROM pg_temp.import_reject;
	unchanged := staged - rejected - inserted - updated;
END $$;
COMMENT ON FUNCTION api.import_apply(bigint) IS '校验暂存行并写入通过的行；返回新增、更新、未变和被数据库拒收的行数';

-- The rows the database refused, in file order.
CREATE FUNCTION api.import_rejects(job bigint)
RETURNS TABLE (rec_no integer, line_no integer, code text, field text, detail text)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM meta.import_job_mine(job);
	RETURN QUERY SELECT r.rec_no, r.line_no, r.code, r.field, r.detail
	               FROM pg_temp.import_reject r ORDER BY r.rec_no;
END $$;
COMMENT ON FUNCTION api.import_rejects(bigint) IS '本次导入中被数据库拒收的行（按文件顺序）';

-- Ends a job with its counts: inside the data transaction when the data is
-- kept, after rolling it back otherwise (dry run, refused, failed).
CREATE FUNCTION api.import_finish(job bigint, status text, rows_read bigint, rows_good bigint,
                                  rows_rejected bigint, rows_inserted bigint, rows_updated bigint,
                                  rows_unchanged bigint, message text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM meta.import_job_mine(job);
	IF status NOT IN ('loaded', 'refused', 'dry_run', 'failed') THEN
		RAISE EXCEPTION '导入作业不能以状态 % 结束', status USING ERRCODE = 'invalid_parameter_value';
	END IF;
	UPDATE meta.import_job j
	   SET status = import_finish.status, rows_read = import_finish.rows_read,
	       rows_good = import_finish.rows_good, rows_rejected = import_finish.rows_rejected,
	       rows_inserted = import_finish.rows_inserted, rows_updated = import_finish.rows_updated,
	       rows_unchanged = import_finish.rows_unchanged, message = import_finish.message,
	       finished_at = clock_timestamp()
	 WHERE j.id = job;
END $$;
COMMENT ON FUNCTION api.import_finish(bigint, text, bigint, bigint, bigint, bigint, bigint, bigint, text) IS
	'结束导入作业，记录各类行数和结果';

-- Recent jobs, newest first.
CREATE FUNCTION api.import_jobs(max_rows integer DEFAULT 20)
RETURNS TABLE (id bigint, theme text, file_name text, file_encoding text, status text, dry_run boolean,
               rows_read bigint, rows_rejected bigint, rows_inserted bigint, rows_updated bigint,
               rows_unchanged bigint, login text, started_at timestamptz, finished_at timestamptz,
               message text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT j.id, j.theme, j.file_name, j.file_encoding, j.status, j.dry_run, j.rows_read, j.rows_rejected,
	       j.rows_inserted, j.rows_updated, j.rows_unchanged, j.login, j.started_at, j.finished_at, j.message
	  FROM meta.import_job j ORDER BY j.id DESC LIMIT greatest(max_rows, 1)
$$;
COMMENT ON FUNCTION api.import_jobs(integer) IS '最近的导入作业（新的在前）';

REVOKE ALL ON FUNCTION api.import_themes(), api.import_fields(text), api.import_codes(text),
	api.import_start(text, text, text, text[], text, boolean, boolean), api.import_stage(bigint),
	api.import_apply(bigint), api.import_rejects(bigint),
	api.import_finish(bigint, text, bigint, bigint, bigint, bigint, bigint, bigint, text),
	api.import_jobs(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.import_themes(), api.import_fields(text), api.import_codes(text),
	api.import_start(text, text, text, text[], text, boolean, boolean), api.import_stage(bigint),
	api.import_apply(bigint), api.import_rejects(bigint),
	api.import_finish(bigint, text, bigint, bigint, bigint, bigint, bigint, bigint, text),
	api.import_jobs(integer) TO smcon_admin;
REVOKE ALL ON FUNCTION meta.import_job_mine(bigint), meta.import_missing(text, text), meta.import_mask(text, text),
	meta.import_write(meta.import_job, regprocedure, integer, integer, bigint, bigint),
	meta.import_stage_scan(text) FROM PUBLIC;
