-- 0220 the draw at city scale, fourth step (issue 13: commit 5 s, verify
-- 3 s). After 0216 a city plan over 1.17 million candidates (个体工商户
-- only) took 6.4 s to commit and 3.1 s to verify, 1.66 million 7.3-8.0 s;
-- measured with auto_explain:
--
-- - The ranking of the largest stratum ran in one process. Its parallel
--   worker takes the chunks a heap page at a time, and the 248 chunk rows
--   (their arrays are out of line) fit in four pages: the 62 chunks of
--   stratum B were all on one page, and the leader hashed its 1.17 million
--   candidates alone (2.2-3.1 s instead of about half). With fillfactor 10
--   a page holds six chunk rows, and the chunks of a stratum, written in
--   hash order, are spread over about 40 pages.
-- - The candidates went into a temporary table (1.66 million rows, 120 MB,
--   through 8 MB of temp_buffers), were counted and read back to build
--   the chunks. core.plan_population_into now aggregates them straight
--   into the snapshot's chunks, in the same entity order, and counts them
--   as it writes. The entities inspected recently under the plan's items
--   are read first into a temporary table, as that statement may not sort.
-- - Every one of the 34,610 tasks called supervision.fill_from_parent(),
--   which does nothing when the row has its org unit, as the draw's rows
--   have: the trigger now has a WHEN clause, evaluated without a call.
--
-- The snapshot, its digests and the draw are unchanged (algorithm v2):
-- tests/sql/inspection.sql compares the ranking with v1 and with the one
-- written out by hand.

ALTER TABLE supervision.draw_chunk SET (fillfactor = 10);

DROP TRIGGER inspection_task_fill ON supervision.inspection_task;
CREATE TRIGGER inspection_task_fill BEFORE INSERT ON supervision.inspection_task
	FOR EACH ROW WHEN (NEW.org_id IS NULL) EXECUTE FUNCTION supervision.fill_from_parent();

-- ---------------------------------------------------------------------------
-- The population: counted (no draw), or written as a draw's chunks.

DROP FUNCTION core.plan_population_into(bigint, text);
CREATE FUNCTION core.plan_population_into(p_plan_id bigint, p_draw_id bigint) RETURNS bigint
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
	v_sort text;
	n bigint;
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
	-- the entities inspected under the plan's items since the cutoff, read
	-- first (in parallel) and indexed, so that the candidates' statement
	-- merges them in entity order whatever it may not do (the snapshot's
	-- runs without a sort)
	IF to_regclass('pg_temp.insp_recent') IS NOT NULL THEN
		DROP TABLE pg_temp.insp_recent;
	END IF;
	CREATE TEMP TABLE insp_recent ON COMMIT DROP AS
	SELECT DISTINCT t.entity_id
	  FROM supervision.inspection_result r
	  JOIN supervision.inspection_task t ON t.id = r.task_id
	  JOIN supervision.inspection_batch b ON b.id = t.batch_id
	  JOIN supervision.plan_item pi ON pi.plan_id = b.plan_id
	 WHERE r.inspected_on >= cutoff AND pi.item_id = ANY (items);
	CREATE INDEX ON pg_temp.insp_recent (entity_id);
	ANALYZE pg_temp.insp_recent;
	m := CASE WHEN cardinality(must) > 0 THEN 'e.id = ANY ($3)' ELSE 'false' END;
	dir := 'EXISTS (SELECT 1 FROM supervision.inspection_object x
	                 WHERE x.entity_id = e.id AND x.object_type = ANY ($1) AND x.excluded_on IS NULL)';
	IF cardinality(must) > 0 THEN
		dir := '(' || dir || ' OR ' || m || ')';
	END IF;
	-- the recent inspections are one join (insp_recent), not a sub-plan per row
	pop := format($q$
	SELECT e.id AS entity_id, e.uscc::text AS uscc, coalesce(e.risk_grade, 'B') AS stratum, %1$s AS must_include,
	       e.org_id, e.status IN ('deregistered', 'annulled', 'revoked', 'moved_out') AS gone,
	       e.status NOT IN ('deregistered', 'annulled', 'revoked', 'moved_out') AND NOT %1$s
	       AND rc.entity_id IS NOT NULL AS recent
	  FROM core.entity e
	  LEFT JOIN pg_temp.insp_recent rc ON rc.entity_id = e.id
	 WHERE %2$s
	   AND ($2::bigint[] IS NULL OR e.org_id = ANY ($2))
	   AND (cardinality($4::text[]) = 0 OR e.entity_type_code = ANY ($4))
	   AND (cardinality($5::text[]) = 0 OR EXISTS (SELECT 1 FROM unnest($5::text[]) x WHERE e.industry_code LIKE x || '%%'))
	$q$, m, dir);
	IF p_draw_id IS NULL THEN
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
		USING types, scope, must, p.scope_entity_types, p.scope_industries;
		RETURN NULL;
	END IF;
	-- The draw's snapshot: the chunks (stratum, block of 32,768 entity
	-- numbers) aggregated in one hash table from the candidates in entity
	-- order, as the merge join reads them, so that each block's arrays are
	-- in entity order with no sort (a sort by stratum and block took 1.4-2.5
	-- s, by text keys that are mostly equal). No HMAC here: the draw ranks
	-- the chunks, as verify does (core.draw_objects_v2). The caller's
	-- work_mem holds the table (api.plan_draw).
	v_sort := current_setting('enable_sort');
	PERFORM set_config('enable_sort', 'off', true);
	EXECUTE 'WITH written AS (
	         INSERT INTO supervision.draw_chunk (draw_id, stratum, chunk_no, entity_ids, usccs, must_ids, digest)
	         SELECT $6, k.stratum, k.chunk_no, k.ids, k.usccs, k.must,
	                core.insp_digest($6::text, k.stratum || '':'' || k.chunk_no, k.ids::text, k.usccs::text,
	                                 k.must::text)
	           FROM (SELECT c.stratum COLLATE "C" AS stratum, (c.entity_id / 32768)::int AS chunk_no,
	                        array_agg(c.entity_id) AS ids, array_agg(c.uscc) AS usccs,
	                        coalesce(array_agg(c.entity_id) FILTER (WHERE c.must_include), ''{}'') AS must
	                   FROM (SELECT c.entity_id, c.uscc, c.stratum, c.must_include
	                           FROM (' || pop || ') c WHERE NOT c.gone AND NOT c.recent ORDER BY c.entity_id) c
	                  GROUP BY 1, 2) k
	         RETURNING cardinality(entity_ids) AS n)
	         SELECT coalesce(sum(w.n), 0) FROM written w'
	   INTO n
	USING types, scope, must, p.scope_entity_types, p.scope_industries, p_draw_id;
	PERFORM set_config('enable_sort', v_sort, true);
	RETURN n;
END $$;
COMMENT ON FUNCTION core.plan_population_into(bigint, bigint) IS
	'读一遍抽查计划的候选对象：不给抽取记录时把按层、区域、必抽和排除原因的计数写入临时表 insp_counts；给抽取记录时把可抽的候选按层和主体编号分块写成该次抽取的快照（supervision.draw_chunk），返回候选数（不授予任何角色：会列出主体）';
REVOKE ALL ON FUNCTION core.plan_population_into(bigint, bigint) FROM PUBLIC;

-- ---------------------------------------------------------------------------
-- Commit: as 0216, the snapshot written by core.plan_population_into.

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
	n_pop := core.plan_population_into(p.id, od);
	IF n_pop = 0 THEN
		RAISE EXCEPTION '抽查范围：按所列事项、范围和排除条件没有可抽取的对象' USING ERRCODE = 'invalid_parameter_value',
			COLUMN = 'scope';
	END IF;
	-- the planner counts the chunks of this draw, not one (statistics from
	-- before it): the ranking then hashes in parallel (3 ms). ANALYZE keeps
	-- its lock to the commit; two draws are one after the other already,
	-- from their first audited row above (the audit chain's lock)
	ANALYZE supervision.draw_chunk;
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
	-- each drawn entity's last task before this batch, counted before the
	-- bars are read: the planner took the 3,700 last tasks of a city draw
	-- for 32,000 and hashed all 915,000 team rows to join them (0.2 s)
	CREATE TEMP TABLE insp_last_task ON COMMIT DROP AS
	SELECT DISTINCT ON (t.entity_id) t.id, t.entity_id
	  FROM supervision.inspection_task t JOIN pg_temp.insp_drawn x ON x.entity_id = t.entity_id
	 WHERE t.batch_id <> b.id AND t.status <> 'cancelled'
	 ORDER BY t.entity_id, coalesce(t.inspected_to, t.dispatched_at::date, t.created_at::date) DESC, t.id DESC;
	ANALYZE pg_temp.insp_last_task;
	WITH bars AS MATERIALIZED (
		SELECT ti.staff_id, lt.entity_id FROM pg_temp.insp_last_task lt JOIN supervision.task_inspector ti ON ti.task_id = lt.id
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
	DROP TABLE pg_temp.insp_drawn, pg_temp.insp_pairs, pg_temp.insp_last_task;
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

-- ---------------------------------------------------------------------------
-- The v2 ranking, with a bound on the hash. Of a stratum's candidates only
-- the quota is kept, and the top-N sort copied every candidate's row to
-- compare it (0.5 s of 2.0 s for 1.17 million in one process). The rows are
-- now compared with a bound on the hash first, set so that about twice the
-- quota and 64 more fall under it (the HMACs are uniform); only those, and
-- the must-includes, are sorted. If fewer than the quota fell under it, the
-- stratum is ranked again without the bound, so the result is always the
-- top of the whole stratum: a candidate left out has a hash at or over the
-- bound, after every non-must candidate kept. The draw is unchanged
-- (algorithm v2): tests/sql/inspection.sql ranks with and without the
-- bound, and with a bound too low (the second pass), and compares.

CREATE FUNCTION core.draw_stratum_v2(p_draw_id bigint, p_stratum text, p_quota bigint, p_bound bytea)
RETURNS TABLE (pass integer, entity_id bigint, uscc text, must boolean, h bytea)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
-- the chunks' rows are few (the arrays are out of line) and the planner
-- takes each to hold 10 candidates: without these it keeps a stratum's
-- 1.2 million hashes in one process (and it does so whenever it takes the
-- draw to have one chunk: api.plan_draw analyzes the chunks it wrote)
SET parallel_setup_cost = 0
SET parallel_tuple_cost = 0
SET min_parallel_table_scan_size = 0
-- planned for its values each time, so that a pass without a bound has no
-- filter at all
SET plan_cache_mode = force_custom_plan
AS $$
#variable_conflict use_column
DECLARE
	v_key bytea;
	v_bound bytea;
	k integer;
	n bigint;
BEGIN
	SELECT convert_to(x.seed, 'UTF8') INTO v_key FROM supervision.inspection_draw x WHERE x.id = p_draw_id;
	-- pass 1 ranks the candidates under the bound and the must-includes;
	-- pass 2 the whole stratum, when there is no bound or too few fell
	-- under it (the caller keeps the last pass's rows). RETURN QUERY runs
	-- in parallel (a SELECT INTO or a WITH query would not)
	FOR k IN CASE WHEN p_bound IS NULL THEN 2 ELSE 1 END .. 2 LOOP
		v_bound := CASE k WHEN 1 THEN p_bound END;
		RETURN QUERY
		SELECT k, u.entity_id, u.uscc, u.entity_id = ANY (c.must_ids) AS must,
		       core.hmac(convert_to(u.uscc, 'UTF8'), v_key, 'sha256') AS h
		  FROM supervision.draw_chunk c, unnest(c.entity_ids, c.usccs) AS u (entity_id, uscc)
		 WHERE c.draw_id = p_draw_id AND c.stratum = p_stratum
		   AND (v_bound IS NULL OR u.entity_id = ANY (c.must_ids)
		        OR core.hmac(convert_to(u.uscc, 'UTF8'), v_key, 'sha256') < v_bound)
		 ORDER BY 4 DESC, 5, 3
		 LIMIT p_quota;
		GET DIAGNOSTICS n = ROW_COUNT;
		EXIT WHEN n = p_quota;
	END LOOP;
END $$;
COMMENT ON FUNCTION core.draw_stratum_v2(bigint, text, bigint, bytea) IS
	'抽取算法 v2 的一层：按必抽在先、HMAC-SHA256（种子为密钥）、代码排序取前 p_quota 个；p_bound 为散列上界，只排序界内的候选（第 1 遍），不足时整层重排（第 2 遍）；取最后一遍的行，结果与不设上界相同';
REVOKE ALL ON FUNCTION core.draw_stratum_v2(bigint, text, bigint, bytea) FROM PUBLIC;

CREATE OR REPLACE FUNCTION core.draw_objects_v2(p_draw_id bigint)
RETURNS TABLE (pos bigint, entity_id bigint, uscc text, stratum text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
#variable_conflict use_column
DECLARE
	v_ratios jsonb;
	q record;
	done bigint := 0;
	n bigint;
BEGIN
	SELECT x.parameters -> 'ratios' INTO v_ratios FROM supervision.inspection_draw x WHERE x.id = p_draw_id;
	FOR q IN
		SELECT k.code, k.quota,
		       -- the bound: the first 8 bytes of (2 × quota + 64) / (non-must candidates) of the hash range,
		       -- none where that is half the range or more
		       CASE WHEN (2 * k.quota + 64) * 2 < k.n - k.m
		            THEN int8send(floor((2 * k.quota + 64)::numeric * 18446744073709551616 / (k.n - k.m))::bigint) END AS bound
		  FROM (SELECT c.stratum AS code, g.rank, sum(cardinality(c.entity_ids)) AS n, sum(cardinality(c.must_ids)) AS m,
		               core.insp_quota(sum(cardinality(c.entity_ids)), sum(cardinality(c.must_ids)),
		                               (v_ratios ->> c.stratum)::numeric) AS quota
		          FROM supervision.draw_chunk c JOIN core.risk_grade g ON g.code = c.stratum
		         WHERE c.draw_id = p_draw_id
		         GROUP BY c.stratum, g.rank) k
		 ORDER BY k.rank
	LOOP
		RETURN QUERY
		SELECT done + row_number() OVER (ORDER BY s.must DESC, s.h, s.uscc), s.entity_id, s.uscc, q.code
		  FROM (SELECT r.*, max(r.pass) OVER () AS last
		          FROM core.draw_stratum_v2(p_draw_id, q.code, q.quota, q.bound) r) s
		 WHERE s.pass = s.last;
		GET DIAGNOSTICS n = ROW_COUNT;
		done := done + n;
	END LOOP;
END $$;
COMMENT ON FUNCTION core.draw_objects_v2(bigint) IS
	'抽取算法 v2（对象）：由分块快照、种子和比例算出抽中的主体及任务顺序（纯函数；抽取和复核都用它，逐层并行计算 HMAC）';
