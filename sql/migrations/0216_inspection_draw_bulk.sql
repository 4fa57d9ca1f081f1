-- 0216 the draw at city scale, third step (issue 13: preview 2 s, commit
-- 5 s, verify 3 s). After 0200 a city plan (1.66 million candidates, 34,610
-- tasks) took 2.5-3.1 s to preview and 15-18 s to commit. Measured with
-- auto_explain, the commit spent 5.5-6.7 s reading the population and
-- hashing it, 2.3-2.5 s writing the snapshot's chunks, and 2.2-3.1 s and
-- 2.7-2.9 s inserting the tasks and their team rows, of which 1.0-1.8 s and
-- 1.7-2.0 s were the audit log's 104,000 entries, one a row.
--
-- - The population is read from two narrow indexes instead of the
--   register's 837 MB of rows: core.entity's identity and the columns the
--   plan filters on (entity_population_idx), and the directory's open
--   entries (inspection_object_open_idx). Both scans are index-only while
--   the tables' pages are all-visible (autovacuum keeps them so); the
--   preview counted the city in 1.6-1.8 s instead of 2.5-2.9 s.
-- - The commit ranks the candidates with core.draw_objects_v2, the replay
--   of verify, now a stratum at a time with the hashing in parallel; the
--   candidates are no longer hashed as they are read.
-- - The candidates are written in entity order (the order the merge join
--   reads them in) and the snapshot's chunks aggregated from them in one
--   hash table: the sort by stratum and block, and array_agg(... ORDER BY)
--   sorting each block again three times (ids, codes, must-includes), took
--   2.3-2.5 s.
-- - A statement listed in audit.bulk_statement (the function that issues
--   it, the table, the action) is recorded as one audit entry: how many
--   rows, the first and last key, and the SHA-256 of the rows as written
--   (each row's text form, row::text, one a line, in the order the
--   statement wrote them; the draw writes its tasks and team rows in key
--   order). The draw's tasks and team rows are such statements: what they
--   hold is a function of the draw, which the audit log records
--   (inspection_draw's rows) and `plan verify` replays task by task. Every
--   later change to a task or a team row is recorded row by row, as
--   before. No staff role may insert into these tables; the list is
--   append-only and belongs to smcon_audit.
--
-- After it (five runs, nothing else running): preview 1.5-2.0 s, verify
-- 2.3-3.2 s, commit 7.3-9.2 s; what the commit still spends is in
-- doc/admin-guide.md.

-- ---------------------------------------------------------------------------
-- The population's indexes.

CREATE INDEX entity_population_idx ON core.entity (id)
	INCLUDE (uscc, risk_grade, org_id, status, entity_type_code, industry_code);
COMMENT ON INDEX core.entity_population_idx IS
	'抽查候选对象的读取（core.plan_population_into）：按主体编号，带计划筛选用到的列，可只读索引';
CREATE INDEX inspection_object_open_idx ON supervision.inspection_object (entity_id, object_type)
	WHERE excluded_on IS NULL;
COMMENT ON INDEX supervision.inspection_object_open_idx IS
	'检查对象名录中未移出的条目（按主体编号，抽查候选对象的读取用，可只读索引）';

-- ---------------------------------------------------------------------------
-- The population, as 0200, written in entity order.

CREATE OR REPLACE FUNCTION core.plan_population_into(p_plan_id bigint, p_seed text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
-- the register and the directory are merged in entity order by their
-- indexes: a hash of the directory's 1.75 million entities took 3.4 s
-- against 2.1 s merged (the bench warehouse, quiet machine); and the
-- planner, misjudging how many rows the exclusions leave, would otherwise
-- probe the directory's index 1.6 million times in a nested loop
SET enable_nestloop = off
SET enable_hashjoin = off
AS $$
DECLARE
	p supervision.inspection_plan;
	scope bigint[];
	types text[];
	items bigint[];
	must bigint[];
	cutoff date;
	m text;
	dir text;
	pop text;
BEGIN
	SELECT * INTO p FROM supervision.inspection_plan x WHERE x.id = p_plan_id;
	IF cardinality(p.scope_org_ids) > 0 THEN
		scope := ARRAY(SELECT o.id FROM core.org_unit o WHERE o.id = ANY (p.scope_org_ids) OR o.parent_id = ANY (p.scope_org_ids));
	ELSIF (SELECT o.level FROM core.org_unit o WHERE o.id = p.org_id) <> 'city' THEN
		scope := ARRAY(SELECT o.id FROM core.org_unit o WHERE o.id = p.org_id OR o.parent_id = p.org_id);
	END IF;
	SELECT array_agg(DISTINCT i.object_type), array_agg(i.id),
	       CASE WHEN bool_or(i.category = 'key') THEN ARRAY(SELECT c.entity_id FROM supervision.plan_candidate c WHERE c.plan_id = p.id) END
	  INTO types, items, must
	  FROM supervision.plan_item pi JOIN supervision.inspection_item i ON i.id = pi.item_id
	 WHERE pi.plan_id = p.id;
	cutoff := CASE WHEN p.recent_months > 0
	               THEN (coalesce(p.window_from, core.today()) - make_interval(months => p.recent_months))::date END;
	m := CASE WHEN cardinality(must) > 0 THEN 'e.id = ANY ($3)' ELSE 'false' END;
	dir := 'EXISTS (SELECT 1 FROM supervision.inspection_object x
	                 WHERE x.entity_id = e.id AND x.object_type = ANY ($1) AND x.excluded_on IS NULL)';
	IF cardinality(must) > 0 THEN
		dir := '(' || dir || ' OR ' || m || ')';
	END IF;
	-- the recent inspections are one join, not a sub-plan per row
	pop := format($q$
	SELECT e.id AS entity_id, e.uscc::text AS uscc, coalesce(e.risk_grade, 'B') AS stratum, %1$s AS must_include,
	       e.org_id, e.status IN ('deregistered', 'annulled', 'revoked', 'moved_out') AS gone,
	       e.status NOT IN ('deregistered', 'annulled', 'revoked', 'moved_out') AND NOT %1$s
	       AND rc.entity_id IS NOT NULL AS recent
	  FROM core.entity e
	  LEFT JOIN (SELECT DISTINCT t.entity_id FROM supervision.inspection_result r
	               JOIN supervision.inspection_task t ON t.id = r.task_id
	               JOIN supervision.inspection_batch b ON b.id = t.batch_id
	               JOIN supervision.plan_item pi ON pi.plan_id = b.plan_id
	              WHERE r.inspected_on >= $4 AND pi.item_id = ANY ($5)) rc ON rc.entity_id = e.id
	 WHERE %2$s
	   AND ($2::bigint[] IS NULL OR e.org_id = ANY ($2))
	   AND (cardinality($7::text[]) = 0 OR e.entity_type_code = ANY ($7))
	   AND (cardinality($8::text[]) = 0 OR EXISTS (SELECT 1 FROM unnest($8::text[]) x WHERE e.industry_code LIKE x || '%%'))
	$q$, m, dir);
	IF p_seed IS NULL THEN
		IF to_regclass('pg_temp.insp_counts') IS NOT NULL THEN
			DROP TABLE pg_temp.insp_counts;
		END IF;
		-- counted per stratum and org unit; the org units are mapped to their
		-- districts after counting, not for every candidate
		EXECUTE 'CREATE TEMP TABLE insp_counts ON COMMIT DROP AS
		         SELECT k.stratum, CASE o.level WHEN ''district'' THEN o.id ELSE o.parent_id END AS district_id,
		                sum(k.n)::bigint AS n, sum(k.m)::bigint AS m, sum(k.gone)::bigint AS gone,
		                sum(k.recent)::bigint AS recent
		           FROM (SELECT c.stratum, c.org_id, count(*) FILTER (WHERE NOT c.gone AND NOT c.recent) AS n,
		                        count(*) FILTER (WHERE NOT c.gone AND NOT c.recent AND c.must_include) AS m,
		                        count(*) FILTER (WHERE c.gone) AS gone, count(*) FILTER (WHERE c.recent) AS recent
		                   FROM (' || pop || ') c GROUP BY 1, 2) k
		           LEFT JOIN core.org_unit o ON o.id = k.org_id
		          GROUP BY 1, 2'
		USING types, scope, must, cutoff, items, p.recent_months, p.scope_entity_types, p.scope_industries;
	ELSE
		IF to_regclass('pg_temp.insp_population') IS NOT NULL THEN
			DROP TABLE pg_temp.insp_population;
		END IF;
		-- in entity order, as the merge join reads them (no sort): the chunks
		-- are aggregated in the order the table holds them. No HMAC here:
		-- the draw ranks the chunks, as verify does (core.draw_objects_v2)
		EXECUTE 'CREATE TEMP TABLE insp_population ON COMMIT DROP AS
		         SELECT c.entity_id, c.uscc, c.stratum, c.must_include
		           FROM (' || pop || ') c WHERE NOT c.gone AND NOT c.recent ORDER BY c.entity_id'
		USING types, scope, must, cutoff, items, p.recent_months, p.scope_entity_types, p.scope_industries;
	END IF;
END $$;

-- ---------------------------------------------------------------------------
-- One audit entry for a listed bulk statement.

GRANT smcon_audit TO smcon_owner;  -- for this migration only, revoked below
SET LOCAL ROLE smcon_audit;

CREATE TABLE audit.bulk_statement (
	caller text NOT NULL CHECK (caller ~ '^[a-z_]+\.[a-z_0-9]+\(.*\)$'),
	table_name text NOT NULL CHECK (table_name ~ '^[a-z_]+\.[a-z_0-9]+$'),
	action text NOT NULL CHECK (action IN ('insert', 'delete')),
	reason text NOT NULL CHECK (btrim(reason) <> ''),
	PRIMARY KEY (caller, table_name, action)
);
COMMENT ON TABLE audit.bulk_statement IS
	'整条语句记一条审计记录的批量写入：由所列函数直接发出的这类语句，记录行数、首末主键和各行内容的 SHA-256，不逐行记录';
COMMENT ON COLUMN audit.bulk_statement.caller IS '发出语句的函数（含参数类型，如 api.plan_draw(text,text,text)）';
COMMENT ON COLUMN audit.bulk_statement.table_name IS '写入的表（模式.表名）';
COMMENT ON COLUMN audit.bulk_statement.action IS '动作：insert 或 delete';
COMMENT ON COLUMN audit.bulk_statement.reason IS '为什么整条语句记一条就够（各行能从哪里重算或核对）';
CREATE TRIGGER bulk_statement_kept BEFORE UPDATE OR DELETE ON audit.bulk_statement
	FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER bulk_statement_no_truncate BEFORE TRUNCATE ON audit.bulk_statement
	FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
REVOKE UPDATE, DELETE, TRUNCATE ON audit.bulk_statement FROM smcon_audit;
INSERT INTO audit.bulk_statement VALUES
	('api.plan_draw(text,text,text)', 'supervision.inspection_task', 'insert',
	 '抽取派发的任务：由种子、候选快照和算法版本决定（抽取记录已审计），plan verify 逐个任务重算核对'),
	('api.plan_draw(text,text,text)', 'supervision.task_inspector', 'insert',
	 '抽取配对的检查人员：由种子、人员库快照和算法版本决定（抽取记录已审计），plan verify 逐个任务重算核对');

-- The statement triggers of 0042, and a listed statement as one entry. The
-- statement's issuer is the first function frame under this one, as in
-- audit.append (0188).
CREATE OR REPLACE FUNCTION audit.record_rows() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	c record;
	tbl constant text := TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME;
	act constant text := lower(TG_OP);
	v_txid constant bigint := txid_current();
	e record;
	v_at timestamptz;
	v_stack text;
	v_caller text;
	bulk record;
BEGIN
	-- changed_rows: the inserted rows (NEW TABLE) or the deleted ones (OLD TABLE)
	IF NOT EXISTS (SELECT 1 FROM changed_rows) THEN
		RETURN NULL;
	END IF;
	SELECT * INTO c FROM audit.trigger_columns(TG_ARGV);
	IF EXISTS (SELECT 1 FROM audit.bulk_statement b WHERE b.table_name = tbl AND b.action = act) THEN
		GET DIAGNOSTICS v_stack = PG_CONTEXT;
		v_caller := substring(substr(v_stack, strpos(v_stack, E'\n') + 1)
		                      FROM '(?n)^(?:PL/pgSQL|SQL) function (\S+)');
		IF EXISTS (SELECT 1 FROM audit.bulk_statement b
		            WHERE b.caller = v_caller AND b.table_name = tbl AND b.action = act) THEN
			-- each row's text form (row::text), one a line, in the order the
			-- statement wrote them (the transition table's order); the keys of
			-- the first and the last
			SELECT count(*) AS n, encode(sha256(convert_to(string_agg(t::text, E'\n'), 'UTF8')), 'hex') AS digest
			  INTO bulk FROM changed_rows t;
			PERFORM audit.append(act, tbl, NULL, NULL, NULL,
			                     jsonb_build_object('rows', bulk.n,
			                                        'first', (SELECT audit.row_key(to_jsonb(x.t), c.keys)
			                                                    FROM (SELECT t FROM changed_rows t LIMIT 1) x),
			                                        -- the rows skipped are not turned into JSON
			                                        'last', (SELECT audit.row_key(to_jsonb(x.t), c.keys)
			                                                   FROM (SELECT t FROM changed_rows t OFFSET bulk.n - 1 LIMIT 1) x),
			                                        'rows_sha256', bulk.digest, 'by', v_caller));
			RETURN NULL;
		END IF;
	END IF;
	SELECT * INTO e FROM audit.chain_end();
	v_at := clock_timestamp();
	INSERT INTO audit.log (id, at, actor, action, table_name, row_key, old_values, new_values, detail, txid,
	                       prev_hash, hash)
	SELECT s.id, v_at, session_user, act, tbl, s.k, s.o, s.n, NULL, v_txid,
	       coalesce(lag(s.h) OVER (ROWS UNBOUNDED PRECEDING), e.last_hash), s.h
	  FROM (SELECT r.id, r.k, r.o, r.n,
	               audit.chain(e.last_hash, audit.canonical(r.id, v_at, session_user, act, tbl, r.k, r.o, r.n,
	                                                        NULL, v_txid)) OVER (ROWS UNBOUNDED PRECEDING) AS h
	          FROM (SELECT e.last_id + row_number() OVER () AS id, audit.row_key(x.j, c.keys) AS k,
	                       CASE WHEN act = 'delete' THEN x.j - c.skip END AS o,
	                       CASE WHEN act = 'insert' THEN x.j - c.skip END AS n
	                  FROM (SELECT to_jsonb(t) AS j FROM changed_rows t OFFSET 0) AS x) AS r) AS s;
	PERFORM audit.mark_open();
	RETURN NULL;
END $$;
COMMENT ON FUNCTION audit.record_rows() IS
	'审计触发器（按语句）：记录新增或删除的每一行；audit.bulk_statement 所列函数发出的语句记一条（行数、首末主键、内容摘要）';

-- An entry without row values (a bulk statement) is summed up by its details.
CREATE OR REPLACE FUNCTION audit.summary(action text, old_values jsonb, new_values jsonb, detail jsonb) RETURNS text
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
RETURN CASE
	WHEN action = 'update' THEN
		(SELECT string_agg(k || ': ' || coalesce(old_values ->> k, '∅') || ' → ' || coalesce(new_values ->> k, '∅'),
		                   '; ' ORDER BY k)
		   FROM jsonb_object_keys(new_values) AS k)
	WHEN action = 'insert' AND new_values IS NOT NULL THEN
		(SELECT string_agg(e.key || '=' || coalesce(e.value #>> '{}', '∅'), ', ') FROM jsonb_each(new_values) e)
	WHEN action = 'delete' AND old_values IS NOT NULL THEN
		(SELECT string_agg(e.key || '=' || coalesce(e.value #>> '{}', '∅'), ', ') FROM jsonb_each(old_values) e)
	ELSE
		(SELECT string_agg(e.key || '=' || coalesce(e.value #>> '{}', '∅'), ', ' ORDER BY e.key)
		   FROM jsonb_each(detail) e)
	END;

RESET ROLE;
REVOKE smcon_audit FROM smcon_owner;

-- ---------------------------------------------------------------------------
-- The v2 draw from the chunks, a stratum at a time, each in parallel: the
-- HMAC of every candidate is most of a draw's and a replay's time (2.0-2.5
-- s of the city's 1.66 million, one process). The same ranking as 0200
-- (must-includes first, then the HMAC-SHA256 keyed by the seed, then the
-- code; the quota by core.insp_quota; positions run on through the strata
-- in their rank order): tests/sql/inspection.sql compares it with v1 and
-- with the ranking written out by hand.

CREATE OR REPLACE FUNCTION core.draw_objects_v2(p_draw_id bigint)
RETURNS TABLE (pos bigint, entity_id bigint, uscc text, stratum text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
-- the chunks' rows are few (the arrays are out of line): without these
-- the planner keeps a stratum's 400,000 hashes in one process
SET parallel_setup_cost = 0
SET parallel_tuple_cost = 0
SET min_parallel_table_scan_size = 0
AS $$
#variable_conflict use_column
DECLARE
	v_key bytea;
	v_ratios jsonb;
	q record;
	done bigint := 0;
	n bigint;
BEGIN
	SELECT convert_to(x.seed, 'UTF8'), x.parameters -> 'ratios' INTO v_key, v_ratios
	  FROM supervision.inspection_draw x WHERE x.id = p_draw_id;
	FOR q IN
		SELECT c.stratum AS code,
		       core.insp_quota(sum(cardinality(c.entity_ids)), sum(cardinality(c.must_ids)),
		                       (v_ratios ->> c.stratum)::numeric) AS quota
		  FROM supervision.draw_chunk c JOIN core.risk_grade g ON g.code = c.stratum
		 WHERE c.draw_id = p_draw_id
		 GROUP BY c.stratum, g.rank
		 ORDER BY g.rank
	LOOP
		RETURN QUERY
		SELECT done + row_number() OVER (ORDER BY s.must DESC, s.h, s.uscc), s.entity_id, s.uscc, q.code
		  FROM (SELECT u.entity_id, u.uscc, u.entity_id = ANY (c.must_ids) AS must,
		               core.hmac(convert_to(u.uscc, 'UTF8'), v_key, 'sha256') AS h
		          FROM supervision.draw_chunk c, unnest(c.entity_ids, c.usccs) AS u (entity_id, uscc)
		         WHERE c.draw_id = p_draw_id AND c.stratum = q.code
		         ORDER BY 3 DESC, 4, 2
		         LIMIT q.quota) s;
		GET DIAGNOSTICS n = ROW_COUNT;
		done := done + n;
	END LOOP;
END $$;

-- ---------------------------------------------------------------------------
-- Commit: as 0200, the chunks from one hash table.

CREATE OR REPLACE FUNCTION api.plan_draw(p_plan_no text, p_seed text DEFAULT NULL, p_witness text DEFAULT NULL)
RETURNS TABLE (batch_no smallint, seed text, seed_source text, population integer, drawn integer, inspectors integer)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
-- the chunks are 1.66 million candidates in one hash table (130 MB): in memory
SET work_mem = '256MB'
AS $$
DECLARE
	p supervision.inspection_plan := core.plan_get(p_plan_no, true);
	me record := core.caller_staff();
	b supervision.inspection_batch;
	v_seed text;
	v_source text;
	od bigint;
	idr bigint;
	n_pop int;
	n_drawn int;
	n_pool int;
	why text;
	short record;
	v_sort text;
	-- one clock for the draw and its 34,610 tasks (core.now() a row cost 0.3 s)
	v_now timestamptz := core.now();
BEGIN
	IF p.status <> 'filed' THEN
		RAISE EXCEPTION '抽查计划 % 状态为“%”：%', p.plan_no, core.plan_status_name(p.status),
			CASE WHEN p.status = 'draft' THEN '须先报上级备案才能抽取' ELSE '每批只能抽取一次' END
			USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	SELECT * INTO b FROM supervision.inspection_batch x WHERE x.plan_id = p.id ORDER BY x.batch_no LIMIT 1;
	IF EXISTS (SELECT 1 FROM supervision.inspection_draw d WHERE d.batch_id = b.id AND d.kind = 'object') THEN
		RAISE EXCEPTION '抽查计划 % 第 % 批已经抽取，不能再次抽取', p.plan_no, b.batch_no
			USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	IF core.present(p_seed) THEN
		IF NOT core.present(p_witness) THEN
			RAISE EXCEPTION '见证人：使用外部公开号码作种子时须写明见证人' USING ERRCODE = 'invalid_parameter_value',
				COLUMN = 'witness';
		ELSIF char_length(btrim(p_seed)) > 200 THEN
			RAISE EXCEPTION '种子：最多 200 个字' USING ERRCODE = 'invalid_parameter_value', COLUMN = 'seed';
		END IF;
		v_seed := btrim(p_seed);
		v_source := 'external';
	ELSE
		v_seed := encode(core.gen_random_bytes(32), 'hex');
		v_source := 'server';
	END IF;

	-- the object draw: snapshot, then the draw from it
	INSERT INTO supervision.inspection_draw (batch_id, org_id, kind, drawn_at, drawn_by_staff_id, seed, population_count,
	                                         drawn_count, witness, algorithm, seed_source, snapshot_sha256, parameters,
	                                         source_system)
	VALUES (b.id, b.org_id, 'object', v_now, me.staff_id, v_seed, 0, 0, nullif(btrim(p_witness), ''), 'v2',
	        v_source, '\x'::bytea,
	        jsonb_build_object('ratios', (SELECT coalesce(jsonb_object_agg(r.risk_grade, r.ratio_percent), '{}')
	                                        FROM supervision.plan_grade_ratio r WHERE r.plan_id = p.id)),
	        'smcon')
	RETURNING id INTO od;
	-- (a seed asks for the candidates themselves, not their counts)
	PERFORM core.plan_population_into(p.id, v_seed);
	SELECT count(*) INTO n_pop FROM pg_temp.insp_population;
	IF n_pop = 0 THEN
		RAISE EXCEPTION '抽查范围：按所列事项、范围和排除条件没有可抽取的对象' USING ERRCODE = 'invalid_parameter_value',
			COLUMN = 'scope';
	END IF;
	-- one hash table of the blocks, filled in the population's (entity)
	-- order: a sort by stratum and block took 1.4-2.5 s, by text keys
	-- that are mostly equal, and did not keep the entity order within a block
	v_sort := current_setting('enable_sort');
	PERFORM set_config('enable_sort', 'off', true);
	INSERT INTO supervision.draw_chunk (draw_id, stratum, chunk_no, entity_ids, usccs, must_ids, digest)
	SELECT od, k.stratum, k.chunk_no, k.ids, k.usccs, k.must,
	       core.insp_digest(od::text, k.stratum || ':' || k.chunk_no, k.ids::text, k.usccs::text, k.must::text)
	  FROM (SELECT c.stratum, c.chunk_no, array_agg(c.entity_id) AS ids, array_agg(c.uscc) AS usccs,
	               coalesce(array_agg(c.entity_id) FILTER (WHERE c.must_include), '{}') AS must
	          FROM (SELECT x.stratum COLLATE "C" AS stratum, (x.entity_id / 32768)::int AS chunk_no, x.entity_id, x.uscc,
	                       x.must_include
	                  FROM pg_temp.insp_population x) c
	         GROUP BY 1, 2) k;
	PERFORM set_config('enable_sort', v_sort, true);
	DROP TABLE pg_temp.insp_population;
	-- the ranking is the replay's own: the draw is what verify recomputes
	CREATE TEMP TABLE insp_drawn ON COMMIT DROP AS SELECT * FROM core.draw_objects_v2(od);
	SELECT count(*) INTO n_drawn FROM pg_temp.insp_drawn;
	ANALYZE pg_temp.insp_drawn;
	UPDATE supervision.inspection_draw d
	   SET population_count = n_pop, drawn_count = n_drawn,
	       snapshot_sha256 = (SELECT sha256(string_agg(c.digest, ''::bytea ORDER BY c.stratum, c.chunk_no))
	                            FROM supervision.draw_chunk c WHERE c.draw_id = od)
	 WHERE d.id = od;
	SET CONSTRAINTS supervision.task_team_complete DEFERRED;
	INSERT INTO supervision.inspection_task (task_no, batch_id, org_id, entity_id, draw_id, status, dispatched_at,
	                                         source_system)
	SELECT p.plan_no || '-' || lpad(x.pos::text, 5, '0'), b.id, b.org_id, x.entity_id, od, 'dispatched', v_now, 'smcon'
	  FROM pg_temp.insp_drawn x ORDER BY x.pos;

	-- the inspector draw: the pool, each member's bars, then the pairing
	SELECT count(*) FILTER (WHERE i.excluded IS NULL),
	       string_agg(DISTINCT format('%s %s 人', i.excluded, (SELECT count(*) FROM core.plan_inspectors(p.id) y
	                                                            WHERE y.excluded = i.excluded)), '、')
	  INTO n_pool, why FROM core.plan_inspectors(p.id) i;
	IF n_pool < 2 THEN
		RAISE EXCEPTION '检查人员不足：每项任务须有 2 名持证检查人员，符合条件的只有 % 人，还缺 % 人（不符合的：%）',
			n_pool, 2 - n_pool, coalesce(why, '无')
			USING ERRCODE = 'object_not_in_prerequisite_state', COLUMN = 'inspectors';
	END IF;
	INSERT INTO supervision.inspection_draw (batch_id, org_id, kind, drawn_at, drawn_by_staff_id, seed, population_count,
	                                         drawn_count, witness, algorithm, seed_source, snapshot_sha256, parameters,
	                                         source_system)
	VALUES (b.id, b.org_id, 'inspector', v_now, me.staff_id, v_seed, n_pool, 0, nullif(btrim(p_witness), ''), 'v1',
	        v_source, '\x'::bytea, '{"per_task": 2}', 'smcon')
	RETURNING id INTO idr;
	WITH last_task AS (
		SELECT DISTINCT ON (t.entity_id) t.id, t.entity_id
		  FROM supervision.inspection_task t JOIN pg_temp.insp_drawn x ON x.entity_id = t.entity_id
		 WHERE t.batch_id <> b.id AND t.status <> 'cancelled'
		 ORDER BY t.entity_id, coalesce(t.inspected_to, t.dispatched_at::date, t.created_at::date) DESC, t.id DESC
	), bars AS MATERIALIZED (
		SELECT ti.staff_id, lt.entity_id FROM last_task lt JOIN supervision.task_inspector ti ON ti.task_id = lt.id
		UNION
		SELECT r.staff_id, r.entity_id FROM supervision.inspector_recusal r JOIN pg_temp.insp_drawn x ON x.entity_id = r.entity_id
	), barred AS (
		SELECT bs.staff_id, array_agg(bs.entity_id ORDER BY bs.entity_id) AS ids FROM bars bs GROUP BY bs.staff_id
	), pool AS (
		SELECT i.staff_id, coalesce(bd.ids, '{}') AS barred
		  FROM core.plan_inspectors(p.id) i LEFT JOIN barred bd ON bd.staff_id = i.staff_id
		 WHERE i.excluded IS NULL
	)
	INSERT INTO supervision.draw_pool (draw_id, staff_id, barred_entity_ids, digest)
	SELECT idr, pool.staff_id, pool.barred, core.insp_digest(idr::text, pool.staff_id::text, pool.barred::text)
	  FROM pool;
	CREATE TEMP TABLE insp_pairs ON COMMIT DROP AS
	SELECT * FROM core.draw_inspectors_v1(idr, ARRAY(SELECT x.entity_id FROM pg_temp.insp_drawn x ORDER BY x.pos));
	SELECT x.pos, x.entity_id, coalesce(y.n, 0) AS got, 0::bigint AS barred
	  INTO short
	  FROM pg_temp.insp_drawn x
	  LEFT JOIN (SELECT z.pos, count(*) AS n FROM pg_temp.insp_pairs z GROUP BY z.pos) y ON y.pos = x.pos
	 WHERE coalesce(y.n, 0) < 2
	 ORDER BY x.pos LIMIT 1;
	IF short.pos IS NOT NULL THEN
		SELECT count(*) INTO short.barred FROM supervision.draw_pool dp
		 WHERE dp.draw_id = idr AND short.entity_id = ANY (dp.barred_entity_ids);
	END IF;
	IF short.pos IS NOT NULL THEN
		RAISE EXCEPTION '检查人员不足：对象 % 只能安排 % 名检查人员，还缺 % 人（人员库 % 人中 % 人须回避或上次检查过该主体）',
			(SELECT e.uscc FROM core.entity e WHERE e.id = short.entity_id), short.got, 2 - short.got, n_pool, short.barred
			USING ERRCODE = 'object_not_in_prerequisite_state', COLUMN = 'inspectors';
	END IF;
	UPDATE supervision.inspection_draw d
	   SET drawn_count = (SELECT count(DISTINCT y.staff_id) FROM pg_temp.insp_pairs y),
	       snapshot_sha256 = (SELECT sha256(string_agg(dp.digest, ''::bytea ORDER BY dp.staff_id))
	                            FROM supervision.draw_pool dp WHERE dp.draw_id = idr)
	 WHERE d.id = idr;
	-- in key order: the audit entry's digest is over the rows in the order written
	INSERT INTO supervision.task_inspector (task_id, staff_id, is_lead, drawn)
	SELECT t.id, y.staff_id, y.is_lead, true
	  FROM pg_temp.insp_pairs y JOIN supervision.inspection_task t ON t.batch_id = b.id AND t.entity_id = y.entity_id
	 ORDER BY t.id, y.staff_id;
	SET CONSTRAINTS supervision.task_team_complete IMMEDIATE;
	UPDATE supervision.inspection_batch x SET planned_quantity = greatest(n_drawn, 1) WHERE x.id = b.id;
	UPDATE supervision.inspection_plan x SET status = 'drawn' WHERE x.id = p.id;
	PERFORM core.insp_notify('plan', p.id, p.org_id, 'drawn');
	DROP TABLE pg_temp.insp_drawn, pg_temp.insp_pairs;
	batch_no := b.batch_no;
	seed := v_seed;
	seed_source := v_source;
	population := n_pop;
	drawn := n_drawn;
	inspectors := n_pool;
	RETURN NEXT;
END $$;

COMMENT ON FUNCTION api.plan_draw(text, text, text) IS
	'抽取（一次提交）：服务器当时生成种子，或用外部公开号码（须有见证人）；冻结候选快照（算法 v2，分块）和人员库，抽取对象、配对检查人员并派发任务；每批只能抽取一次';
COMMENT ON FUNCTION core.plan_population_into(bigint, text) IS
	'读一遍抽查计划的候选对象：不给种子时把按层、区域、必抽和排除原因的计数写入临时表 insp_counts，给种子时把可抽的候选按主体编号顺序写入临时表 insp_population（不授予任何角色：会列出主体）';
COMMENT ON FUNCTION core.draw_objects_v2(bigint) IS
	'抽取算法 v2（对象）：由分块快照、种子和比例算出抽中的主体及任务顺序（纯函数；抽取和复核都用它，逐层并行计算 HMAC）';
