-- 0195 the draw at city scale. On the 2,000,000-entity warehouse a city plan
-- over 企业 and 个体工商户 has 1.75 million candidates, and the first version
-- took 7 s to preview, 54 s to commit and 10 s to verify:
-- - core.plan_population deduplicated the directory (DISTINCT over 1.75
--   million rows, spilling to disk) and joined it back to the register;
--   now the register is semi-joined to the directory, and the plan's
--   candidate list joins in only when the plan has one (two fixed
--   fragments of one statement, values as parameters), so the common case
--   plans as a plain hash semi-join;
-- - core.insp_digest pinned its search_path and so was called, not inlined,
--   1.75 million times; it is now an inlinable SQL expression (every name in
--   it schema-qualified);
-- - the preview kept every candidate in a temporary table and read it four
--   times; it now keeps the counts per stratum, district and reason;
-- - plan_create read the population twice (count, then quotas): once now;
-- - draw_objects_v1 scanned the whole snapshot once per stratum; it now
--   reads it once, computing each HMAC once, and ranks each stratum from
--   that (same ranking, same result: algorithm v1 is unchanged);
-- Figures in bench/inspection.sh.

CREATE FUNCTION core.plan_population_load(p_plan_id bigint) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
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
	-- the plan's candidate list joins the directory only when it has entries;
	-- written as two fixed fragments so that the common case plans as a
	-- (parallel) semi-join of the register and the directory
	m := CASE WHEN cardinality(must) > 0 THEN 'e.id = ANY ($3)' ELSE 'false' END;
	dir := 'EXISTS (SELECT 1 FROM supervision.inspection_object x
	                 WHERE x.entity_id = e.id AND x.object_type = ANY ($1) AND x.excluded_on IS NULL)';
	IF cardinality(must) > 0 THEN
		dir := '(' || dir || ' OR ' || m || ')';
	END IF;
	IF to_regclass('pg_temp.insp_population') IS NOT NULL THEN
		DROP TABLE pg_temp.insp_population;
	END IF;
	CREATE TEMP TABLE insp_population (entity_id bigint, uscc text, stratum text, must_include boolean, district_id bigint,
	                                   excluded text) ON COMMIT DROP;
	EXECUTE format($q$
	INSERT INTO pg_temp.insp_population
	SELECT e.id, e.uscc::text, coalesce(e.risk_grade, 'B'), %1$s,
	       CASE o.level WHEN 'district' THEN o.id ELSE o.parent_id END,
	       CASE WHEN e.status IN ('deregistered', 'annulled', 'revoked', 'moved_out') THEN '已注销、吊销、撤销或迁出'
	            WHEN NOT %1$s AND EXISTS (
	                SELECT 1 FROM supervision.inspection_result r
	                  JOIN supervision.inspection_task t ON t.id = r.task_id
	                  JOIN supervision.inspection_batch b ON b.id = t.batch_id
	                  JOIN supervision.plan_item pi ON pi.plan_id = b.plan_id
	                 WHERE t.entity_id = e.id AND r.inspected_on >= $4 AND pi.item_id = ANY ($5))
	                 THEN format('近 %%s 个月内已按同一事项检查', $6::int)
	       END
	  FROM core.entity e
	  LEFT JOIN core.org_unit o ON o.id = e.org_id
	 WHERE %2$s
	   AND ($2::bigint[] IS NULL OR e.org_id = ANY ($2))
	   AND (cardinality($7::text[]) = 0 OR e.entity_type_code = ANY ($7))
	   AND (cardinality($8::text[]) = 0 OR EXISTS (SELECT 1 FROM unnest($8::text[]) x WHERE e.industry_code LIKE x || '%%'))
	$q$, m, dir)
	USING types, scope, must, cutoff, items, p.recent_months, p.scope_entity_types, p.scope_industries;
END $$;
COMMENT ON FUNCTION core.plan_population_load(bigint) IS
	'把抽查计划的候选对象及排除原因写入本事务的临时表 insp_population（不授予任何角色：会列出主体）';

-- The population as a set, for the callers that want one.
CREATE OR REPLACE FUNCTION core.plan_population(p_plan_id bigint)
RETURNS TABLE (entity_id bigint, uscc text, stratum text, must_include boolean, district_id bigint, excluded text)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
	PERFORM core.plan_population_load(p_plan_id);
	RETURN QUERY SELECT * FROM pg_temp.insp_population;
	DROP TABLE pg_temp.insp_population;
END $$;
COMMENT ON FUNCTION core.plan_population(bigint) IS
	'抽查计划的候选对象及排除原因（不授予任何角色：会列出主体）';

CREATE OR REPLACE FUNCTION core.insp_digest(a text, b text, c text, d text DEFAULT '', e text DEFAULT '') RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN pg_catalog.sha256(pg_catalog.convert_to(a || '|' || b || '|' || c || '|' || d || '|' || e, 'UTF8'));

CREATE OR REPLACE FUNCTION core.plan_quota(p_plan_id bigint)
RETURNS TABLE (stratum text, population bigint, must bigint, pct numeric, quota bigint)
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
	WITH c AS MATERIALIZED (
		SELECT c.stratum, count(*) AS n, count(*) FILTER (WHERE c.must_include) AS m
		  FROM core.plan_population(p_plan_id) c WHERE c.excluded IS NULL GROUP BY c.stratum
	)
	SELECT g.code, coalesce(c.n, 0), coalesce(c.m, 0), r.ratio_percent,
	       core.insp_quota(coalesce(c.n, 0), coalesce(c.m, 0), r.ratio_percent)
	  FROM core.risk_grade g
	  LEFT JOIN c ON c.stratum = g.code
	  LEFT JOIN supervision.plan_grade_ratio r ON r.plan_id = p_plan_id AND r.risk_grade = g.code
	 ORDER BY g.rank
$$;

CREATE OR REPLACE FUNCTION core.draw_objects_v1(p_draw_id bigint)
RETURNS TABLE (pos bigint, entity_id bigint, uscc text, stratum text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
	WITH d AS MATERIALIZED (
		SELECT convert_to(x.seed, 'UTF8') AS k, x.parameters AS prm FROM supervision.inspection_draw x WHERE x.id = p_draw_id
	), c AS MATERIALIZED (
		SELECT c.entity_id, c.uscc, c.stratum, c.must_include AS must,
		       core.hmac(convert_to(c.uscc, 'UTF8'), (SELECT d.k FROM d), 'sha256') AS h
		  FROM supervision.draw_candidate c
		 WHERE c.draw_id = p_draw_id
	), q AS MATERIALIZED (
		SELECT c.stratum, g.rank AS grank,
		       core.insp_quota(count(*), count(*) FILTER (WHERE c.must),
		                       ((SELECT d.prm FROM d) -> 'ratios' ->> c.stratum)::numeric) AS quota
		  FROM c JOIN core.risk_grade g ON g.code = c.stratum
		 GROUP BY c.stratum, g.rank
	)
	SELECT row_number() OVER (ORDER BY q.grank, s.must DESC, s.h, s.uscc), s.entity_id, s.uscc, q.stratum
	  FROM q
	 CROSS JOIN LATERAL (
		SELECT c.entity_id, c.uscc, c.must, c.h FROM c
		 WHERE c.stratum = q.stratum
		 ORDER BY c.must DESC, c.h, c.uscc
		 LIMIT q.quota) s
	 ORDER BY 1
$$;

-- ---------------------------------------------------------------------------
-- Preview: the counts are taken once, per stratum, district, must-include
-- and reason, and every section is summed from them.

CREATE OR REPLACE FUNCTION api.plan_preview(p_plan_no text)
RETURNS TABLE (section text, label text, population bigint, quota bigint)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	p supervision.inspection_plan := core.plan_get(p_plan_no, true);
	tasks bigint;
	pool bigint;
BEGIN
	IF p.status NOT IN ('draft', 'filed') THEN
		RAISE EXCEPTION '抽查计划 % 已%，不再预览', p.plan_no, core.plan_status_name(p.status)
			USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	PERFORM core.plan_population_load(p.id);
	CREATE TEMP TABLE insp_preview ON COMMIT DROP AS
	SELECT c.stratum, c.district_id, c.must_include, c.excluded, count(*) AS n
	  FROM pg_temp.insp_population c GROUP BY 1, 2, 3, 4;
	CREATE TEMP TABLE insp_preview_quota ON COMMIT DROP AS
	SELECT g.code AS stratum, g.rank, coalesce(sum(c.n), 0)::bigint AS n,
	       coalesce(sum(c.n) FILTER (WHERE c.must_include), 0)::bigint AS m,
	       core.insp_quota(coalesce(sum(c.n), 0)::bigint, coalesce(sum(c.n) FILTER (WHERE c.must_include), 0)::bigint,
	                       r.ratio_percent) AS q
	  FROM core.risk_grade g
	  LEFT JOIN pg_temp.insp_preview c ON c.stratum = g.code AND c.excluded IS NULL
	  LEFT JOIN supervision.plan_grade_ratio r ON r.plan_id = p.id AND r.risk_grade = g.code
	 GROUP BY g.code, g.rank, r.ratio_percent;
	SELECT sum(x.q) INTO tasks FROM pg_temp.insp_preview_quota x;
	SELECT count(*) INTO pool FROM core.plan_inspectors(p.id) i WHERE i.excluded IS NULL;
	RETURN QUERY
	(SELECT '风险分层', x.stratum, x.n, x.q FROM pg_temp.insp_preview_quota x ORDER BY x.rank)
	UNION ALL
	SELECT '必抽', '候选名单（重点事项）', sum(x.m)::bigint, NULL FROM pg_temp.insp_preview_quota x
	UNION ALL
	(SELECT '区域', coalesce(o.short_name, '未分配'), sum(c.n)::bigint, NULL
	   FROM pg_temp.insp_preview c LEFT JOIN core.org_unit o ON o.id = c.district_id
	  WHERE c.excluded IS NULL GROUP BY o.short_name, o.code ORDER BY o.code)
	UNION ALL
	(SELECT '排除', c.excluded, sum(c.n)::bigint, NULL FROM pg_temp.insp_preview c WHERE c.excluded IS NOT NULL
	  GROUP BY c.excluded ORDER BY 2)
	UNION ALL
	SELECT '检查人员', '可抽人员', pool, tasks * 2
	UNION ALL
	(SELECT '检查人员', i.excluded, count(*), NULL FROM core.plan_inspectors(p.id) i WHERE i.excluded IS NOT NULL
	  GROUP BY i.excluded ORDER BY 2)
	UNION ALL
	SELECT '检查人员', '每人任务数（约）', CASE WHEN pool > 0 THEN floor(tasks * 2.0 / pool)::bigint END,
	       CASE WHEN pool > 0 THEN ceil(tasks * 2.0 / pool)::bigint END
	UNION ALL
	SELECT '合计', '抽取对象', (SELECT sum(x.n) FROM pg_temp.insp_preview_quota x)::bigint, tasks;
	DROP TABLE pg_temp.insp_population, pg_temp.insp_preview, pg_temp.insp_preview_quota;
END $$;

-- ---------------------------------------------------------------------------
-- Commit: the population is read once into a temporary table (not through
-- a set-returning function's spilled result); each inspector's bars are
-- grouped once rather than looked up per inspector; tasks are written
-- dispatched, with the team check (task_team_complete) deferred until the
-- teams are written and run then, instead of written pending and updated.
-- The snapshot's foreign key to its draw checked 1.66 million rows one by
-- one against the one draw row written just before them in the same
-- function; it goes (no other code writes the snapshot, and the draw rows
-- are never deleted: supervision is audited and the api has no delete).

ALTER TABLE supervision.draw_candidate DROP CONSTRAINT draw_candidate_draw_id_fkey;

CREATE OR REPLACE FUNCTION api.plan_draw(p_plan_no text, p_seed text DEFAULT NULL, p_witness text DEFAULT NULL)
RETURNS TABLE (batch_no smallint, seed text, seed_source text, population integer, drawn integer, inspectors integer)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
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
	VALUES (b.id, b.org_id, 'object', core.now(), me.staff_id, v_seed, 0, 0, nullif(btrim(p_witness), ''), 'v1',
	        v_source, '\x'::bytea,
	        jsonb_build_object('ratios', (SELECT coalesce(jsonb_object_agg(r.risk_grade, r.ratio_percent), '{}')
	                                        FROM supervision.plan_grade_ratio r WHERE r.plan_id = p.id)),
	        'smcon')
	RETURNING id INTO od;
	PERFORM core.plan_population_load(p.id);
	INSERT INTO supervision.draw_candidate (draw_id, entity_id, uscc, stratum, must_include, digest)
	SELECT od, c.entity_id, c.uscc, c.stratum, c.must_include,
	       core.insp_digest(od::text, c.entity_id::text, c.uscc, c.stratum, c.must_include::text)
	  FROM pg_temp.insp_population c WHERE c.excluded IS NULL;
	GET DIAGNOSTICS n_pop = ROW_COUNT;
	DROP TABLE pg_temp.insp_population;
	IF n_pop = 0 THEN
		RAISE EXCEPTION '抽查范围：按所列事项、范围和排除条件没有可抽取的对象' USING ERRCODE = 'invalid_parameter_value',
			COLUMN = 'scope';
	END IF;
	CREATE TEMP TABLE insp_drawn ON COMMIT DROP AS SELECT * FROM core.draw_objects_v1(od);
	SELECT count(*) INTO n_drawn FROM pg_temp.insp_drawn;
	UPDATE supervision.inspection_draw d
	   SET population_count = n_pop, drawn_count = n_drawn,
	       snapshot_sha256 = (SELECT sha256(string_agg(c.digest, ''::bytea ORDER BY c.entity_id))
	                            FROM supervision.draw_candidate c WHERE c.draw_id = od)
	 WHERE d.id = od;
	SET CONSTRAINTS supervision.task_team_complete DEFERRED;
	INSERT INTO supervision.inspection_task (task_no, batch_id, org_id, entity_id, draw_id, status, dispatched_at,
	                                         source_system)
	SELECT p.plan_no || '-' || lpad(x.pos::text, 5, '0'), b.id, b.org_id, x.entity_id, od, 'dispatched', core.now(), 'smcon'
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
	VALUES (b.id, b.org_id, 'inspector', core.now(), me.staff_id, v_seed, n_pool, 0, nullif(btrim(p_witness), ''), 'v1',
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
	INSERT INTO supervision.task_inspector (task_id, staff_id, is_lead, drawn)
	SELECT t.id, y.staff_id, y.is_lead, true
	  FROM pg_temp.insp_pairs y JOIN supervision.inspection_task t ON t.batch_id = b.id AND t.entity_id = y.entity_id;
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

REVOKE ALL ON FUNCTION core.plan_population_load(bigint) FROM PUBLIC;
