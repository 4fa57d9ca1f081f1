-- 0200 the draw at city scale, second step (issue 13: preview 2 s, commit
-- 5 s, verify 3 s on the 2,000,000-entity warehouse). After 0195 a city
-- plan (1.66 million candidates) still took 3.6 s to preview, 23.7 s to
-- commit, 9.0 s to verify and 10.4 s to create. What this changes:
--
-- - Algorithm v2: the same draw, another snapshot. The candidates are
--   ranked exactly as in v1 (per stratum: must-include first, then
--   HMAC-SHA256(key = seed, message = USCC), then USCC; the stratum's quota
--   ceil(n × ratio / 100), at least its must-includes), so a v1 and a v2
--   snapshot of the same candidates with the same seed draw the same
--   entities in the same order. What differs is how the snapshot is kept:
--   not one row per candidate (1.66 million rows, each with a primary key
--   entry, an entity index entry and its own SHA-256: 6 s to write, 7 s to
--   check), but supervision.draw_chunk, one row per stratum and block of
--   entity numbers (entity_id / 32768: about 250 rows for the city), each
--   holding the block's entity ids and USCCs as arrays in entity order, its
--   must-includes, and one SHA-256 of all that. The draw's snapshot_sha256
--   is the SHA-256 of the chunks' digests in (stratum, chunk) order. Verify
--   checks every chunk's digest, then the draw's, then replays; an altered
--   chunk is named with its stratum, number and the entities it spans (a
--   chunk has one digest, so the altered entity itself cannot be named).
--   Draws stored as v1 keep their rows and are verified as before.
-- - The population is read by one query, the register and the directory
--   merged in entity order, instead of being inserted row by row into a
--   temporary table:
--   the preview and plan_create keep only counts per stratum, district,
--   must-include and reason (core.plan_population_into with no seed), and
--   plan_create reads the population once (it read it twice); the commit
--   keeps the candidates with their HMAC (core.plan_population_into with
--   the seed). On the bench's two shared cores a parallel plan of it gained
--   nothing, and a hash of the directory cost more than the merge.

ALTER TABLE supervision.inspection_draw DROP CONSTRAINT inspection_draw_algorithm_check;
ALTER TABLE supervision.inspection_draw ADD CONSTRAINT inspection_draw_algorithm_check CHECK (algorithm IN ('v1', 'v2'));
COMMENT ON COLUMN supervision.inspection_draw.algorithm IS
	'抽取算法版本（v1、v2 都按种子与统一社会信用代码的 HMAC-SHA256 排序取配额；v1 的候选快照每个候选一行，见 draw_candidate，v2 按层和编号区段分块，见 draw_chunk；空为外部系统的历史抽取，无法复核）';

CREATE TABLE supervision.draw_chunk (
	draw_id bigint NOT NULL REFERENCES supervision.inspection_draw (id),
	stratum text NOT NULL,
	chunk_no integer NOT NULL CHECK (chunk_no >= 0),
	entity_ids bigint[] NOT NULL,
	usccs text[] NOT NULL,
	must_ids bigint[] NOT NULL DEFAULT '{}',
	digest bytea NOT NULL,
	PRIMARY KEY (draw_id, stratum, chunk_no),
	CHECK (cardinality(entity_ids) = cardinality(usccs))
);
-- written once and read whole: compressing 50 MB of ids and codes would
-- cost more at the commit and at every verify than the disk it saves
ALTER TABLE supervision.draw_chunk ALTER COLUMN entity_ids SET STORAGE EXTERNAL,
	ALTER COLUMN usccs SET STORAGE EXTERNAL, ALTER COLUMN must_ids SET STORAGE EXTERNAL;
COMMENT ON TABLE supervision.draw_chunk IS
	'抽取时冻结的候选对象快照（算法 v2）：按层和主体编号区段分块，每块一个摘要；抽取结果是种子、快照和算法版本的函数，可据此复核';
COMMENT ON COLUMN supervision.draw_chunk.draw_id IS '抽取记录（抽取对象）';
COMMENT ON COLUMN supervision.draw_chunk.stratum IS '所在层（信用风险等级，未分类按 B）';
COMMENT ON COLUMN supervision.draw_chunk.chunk_no IS '块号：主体编号整除 32768';
COMMENT ON COLUMN supervision.draw_chunk.entity_ids IS '本块的市场主体编号，从小到大（快照原值）';
COMMENT ON COLUMN supervision.draw_chunk.usccs IS '与主体编号逐一对应的统一社会信用代码（快照原值，参与排序）';
COMMENT ON COLUMN supervision.draw_chunk.must_ids IS '本块中必抽的主体编号（重点事项计划的候选名单）';
COMMENT ON COLUMN supervision.draw_chunk.digest IS
	'本块的 SHA-256：抽取记录编号、层:块号、主体编号数组、代码数组、必抽数组的文本以 | 连接（复核时逐块核对）';

ALTER TABLE supervision.draw_chunk ENABLE ROW LEVEL SECURITY;
CREATE POLICY draw_chunk_scope ON supervision.draw_chunk FOR SELECT TO smcon_inspector, smcon_supervisor
	USING (EXISTS (SELECT 1 FROM supervision.inspection_draw d WHERE d.id = draw_id));
CREATE POLICY draw_chunk_all ON supervision.draw_chunk FOR SELECT TO smcon_analyst USING (true);
GRANT SELECT ON supervision.draw_chunk TO smcon_staff;
INSERT INTO audit.unaudited VALUES
	('supervision.draw_chunk',
	 '抽取快照（v2）：抽取时一次写入、不再修改；每块带摘要，整体摘要记在已审计的抽取记录中，复核时逐块核对');

-- ---------------------------------------------------------------------------
-- The population, read once by one query.
--
-- With no seed: pg_temp.insp_counts, the candidates counted per stratum,
-- district, must-include and reason of exclusion (for the preview and for
-- plan_create). With a seed: pg_temp.insp_population, the candidates that
-- can be drawn with their HMAC under the seed (for the commit). The filters
-- are those of core.plan_population_load (0195): the register semi-joined to
-- the directory, the plan's candidate list only when it has one; the
-- entities inspected recently under the plan's items are one hash join.

CREATE FUNCTION core.plan_population_into(p_plan_id bigint, p_seed text) RETURNS void
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
		-- unordered: sorting here cost more than the chunks' own sort
		EXECUTE 'CREATE TEMP TABLE insp_population ON COMMIT DROP AS
		         SELECT c.entity_id, c.uscc, c.stratum, c.must_include, core.hmac(c.uscc, $9, ''sha256'') AS h
		           FROM (' || pop || ') c WHERE NOT c.gone AND NOT c.recent'
		USING types, scope, must, cutoff, items, p.recent_months, p.scope_entity_types, p.scope_industries, p_seed;
	END IF;
END $$;
COMMENT ON FUNCTION core.plan_population_into(bigint, text) IS
	'读一遍抽查计划的候选对象：不给种子时把按层、区域、必抽和排除原因的计数写入临时表 insp_counts，给种子时把可抽的候选及其 HMAC 写入临时表 insp_population（不授予任何角色：会列出主体）';

-- Each stratum's size, must-includes and quota, from pg_temp.insp_counts.
CREATE FUNCTION core.plan_counted_quota(p_plan_id bigint)
RETURNS TABLE (stratum text, rank integer, population bigint, must bigint, quota bigint)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
	RETURN QUERY
	SELECT g.code, g.rank::int, coalesce(sum(c.n), 0)::bigint, coalesce(sum(c.m), 0)::bigint,
	       core.insp_quota(coalesce(sum(c.n), 0)::bigint, coalesce(sum(c.m), 0)::bigint, r.ratio_percent)
	  FROM core.risk_grade g
	  LEFT JOIN pg_temp.insp_counts c ON c.stratum = g.code
	  LEFT JOIN supervision.plan_grade_ratio r ON r.plan_id = p_plan_id AND r.risk_grade = g.code
	 GROUP BY g.code, g.rank, r.ratio_percent
	 ORDER BY g.rank;
END $$;
COMMENT ON FUNCTION core.plan_counted_quota(bigint) IS
	'由临时表 insp_counts 算出抽查计划各层的候选数、必抽数和抽取数（先调用 core.plan_population_into）';

-- ---------------------------------------------------------------------------
-- Preview: the counts of one pass over the population; the inspectors read once.

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
	PERFORM core.plan_population_into(p.id, NULL);
	CREATE TEMP TABLE insp_preview_quota ON COMMIT DROP AS SELECT * FROM core.plan_counted_quota(p.id);
	CREATE TEMP TABLE insp_preview_pool ON COMMIT DROP AS SELECT i.excluded FROM core.plan_inspectors(p.id) i;
	SELECT sum(x.quota) INTO tasks FROM pg_temp.insp_preview_quota x;
	SELECT count(*) INTO pool FROM pg_temp.insp_preview_pool i WHERE i.excluded IS NULL;
	RETURN QUERY
	(SELECT '风险分层', x.stratum, x.population, x.quota FROM pg_temp.insp_preview_quota x ORDER BY x.rank)
	UNION ALL
	SELECT '必抽', '候选名单（重点事项）', sum(x.must)::bigint, NULL FROM pg_temp.insp_preview_quota x
	UNION ALL
	(SELECT '区域', coalesce(o.short_name, '未分配'), sum(c.n)::bigint, NULL
	   FROM pg_temp.insp_counts c LEFT JOIN core.org_unit o ON o.id = c.district_id
	  GROUP BY o.short_name, o.code HAVING sum(c.n) > 0 ORDER BY o.code)
	UNION ALL
	(SELECT '排除', x.label, x.n, NULL
	   FROM (SELECT '已注销、吊销、撤销或迁出' AS label, sum(c.gone)::bigint AS n FROM pg_temp.insp_counts c
	         UNION ALL
	         SELECT format('近 %s 个月内已按同一事项检查', p.recent_months), sum(c.recent)::bigint FROM pg_temp.insp_counts c) x
	  WHERE x.n > 0 ORDER BY 2)
	UNION ALL
	SELECT '检查人员', '可抽人员', pool, tasks * 2
	UNION ALL
	(SELECT '检查人员', i.excluded, count(*), NULL FROM pg_temp.insp_preview_pool i WHERE i.excluded IS NOT NULL
	  GROUP BY i.excluded ORDER BY 2)
	UNION ALL
	SELECT '检查人员', '每人任务数（约）', CASE WHEN pool > 0 THEN floor(tasks * 2.0 / pool)::bigint END,
	       CASE WHEN pool > 0 THEN ceil(tasks * 2.0 / pool)::bigint END
	UNION ALL
	SELECT '合计', '抽取对象', (SELECT sum(x.population) FROM pg_temp.insp_preview_quota x)::bigint, tasks;
	DROP TABLE pg_temp.insp_counts, pg_temp.insp_preview_quota, pg_temp.insp_preview_pool;
END $$;

-- ---------------------------------------------------------------------------
-- plan_create reads the population once (it counted the candidates, then
-- read them again for the quotas).

CREATE OR REPLACE FUNCTION api.plan_create(p_title text, p_year integer, p_items text[], p_scope text[], p_ratios text,
                                p_from date, p_to date, p_kind text DEFAULT 'random',
                                p_entity_types text[] DEFAULT '{}', p_industries text[] DEFAULT '{}',
                                p_recent_months integer DEFAULT 12)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	org bigint := core.insp_planning_org();
	me record := core.caller_staff();
	o core.org_unit;
	v text;
	sid bigint;
	scope bigint[] := '{}';
	item_ids bigint[] := '{}';
	iid bigint;
	pid bigint;
	pno text;
	n bigint;
BEGIN
	SELECT * INTO o FROM core.org_unit x WHERE x.id = org;
	IF NOT core.present(p_title) OR char_length(p_title) > 100 THEN
		RAISE EXCEPTION '计划名称：不能为空，最多 100 个字' USING ERRCODE = 'invalid_parameter_value', COLUMN = 'title';
	END IF;
	IF p_year IS NULL OR p_year NOT BETWEEN 2015 AND 2100 THEN
		RAISE EXCEPTION '计划年度：须为 2015 至 2100 年' USING ERRCODE = 'invalid_parameter_value', COLUMN = 'year';
	END IF;
	IF coalesce(p_kind, '') NOT IN ('random', 'key', 'special') THEN
		RAISE EXCEPTION '计划类型“%”：须为 random、key 或 special', coalesce(p_kind, '')
			USING ERRCODE = 'invalid_parameter_value', COLUMN = 'kind';
	END IF;
	IF cardinality(p_items) IS NULL OR cardinality(p_items) = 0 THEN
		RAISE EXCEPTION '抽查事项：至少列一项' USING ERRCODE = 'invalid_parameter_value', COLUMN = 'item';
	END IF;
	FOREACH v IN ARRAY p_items LOOP
		SELECT i.id INTO iid FROM supervision.inspection_item i
		 WHERE i.code = btrim(v) AND (i.valid_to IS NULL OR i.valid_to > core.today());
		IF iid IS NULL THEN
			RAISE EXCEPTION '抽查事项“%”：清单中没有这一在用事项', btrim(v) USING ERRCODE = 'invalid_parameter_value',
				COLUMN = 'item';
		END IF;
		item_ids := item_ids || iid;
	END LOOP;
	FOREACH v IN ARRAY coalesce(p_scope, '{}') LOOP
		sid := core.insp_scope_org(v);
		IF sid IS NULL THEN
			RAISE EXCEPTION '抽查范围“%”：没有这个区（县级市）局、监管所或区划', btrim(v)
				USING ERRCODE = 'invalid_parameter_value', COLUMN = 'scope';
		END IF;
		IF o.level <> 'city' AND sid <> org AND NOT EXISTS (SELECT 1 FROM core.org_unit x WHERE x.id = sid AND x.parent_id = org) THEN
			RAISE EXCEPTION '抽查范围“%”：不在%的辖区内', btrim(v), o.name USING ERRCODE = 'insufficient_privilege',
				COLUMN = 'scope';
		END IF;
		scope := scope || sid;
	END LOOP;
	IF p_from IS NULL OR p_to IS NULL OR p_to < p_from THEN
		RAISE EXCEPTION '检查实施期：结束日期不能早于开始日期' USING ERRCODE = 'invalid_parameter_value', COLUMN = 'window';
	END IF;
	IF extract(year FROM p_from) <> p_year OR extract(year FROM p_to) <> p_year THEN
		RAISE EXCEPTION '检查实施期：% 至 % 不在计划年度 % 年内', p_from, p_to, p_year
			USING ERRCODE = 'invalid_parameter_value', COLUMN = 'window';
	END IF;
	IF p_recent_months IS NULL OR p_recent_months NOT BETWEEN 0 AND 60 THEN
		RAISE EXCEPTION '近期已检查的排除月数：须为 0 至 60' USING ERRCODE = 'invalid_parameter_value', COLUMN = 'recent';
	END IF;
	FOREACH v IN ARRAY coalesce(p_entity_types, '{}') LOOP
		IF NOT EXISTS (SELECT 1 FROM core.entity_type t WHERE t.code = btrim(v)) THEN
			RAISE EXCEPTION '主体类型“%”：没有这个类型代码', btrim(v) USING ERRCODE = 'invalid_parameter_value',
				COLUMN = 'type';
		END IF;
	END LOOP;
	FOREACH v IN ARRAY coalesce(p_industries, '{}') LOOP
		IF NOT EXISTS (SELECT 1 FROM core.industry i WHERE i.code LIKE btrim(v) || '%') THEN
			RAISE EXCEPTION '行业“%”：没有以此开头的国民经济行业代码', btrim(v)
				USING ERRCODE = 'invalid_parameter_value', COLUMN = 'industry';
		END IF;
	END LOOP;
	CREATE TEMP TABLE insp_ratio_seen (grade text, pct numeric) ON COMMIT DROP;
	PERFORM core.insp_ratios(p_ratios);

	pno := format('%s%s-%s', o.code, p_year, lpad(nextval('supervision.plan_no_seq')::text, 4, '0'));
	INSERT INTO supervision.inspection_plan (plan_no, org_id, year, title, kind, status, created_by_staff_id,
	                                         window_from, window_to, scope_org_ids, scope_entity_types,
	                                         scope_industries, recent_months, source_system)
	VALUES (pno, org, p_year, btrim(p_title), p_kind, 'draft', me.staff_id, p_from, p_to, scope,
	        ARRAY(SELECT btrim(x) FROM unnest(p_entity_types) x), ARRAY(SELECT btrim(x) FROM unnest(p_industries) x),
	        p_recent_months, 'smcon')
	RETURNING id INTO pid;
	INSERT INTO supervision.plan_item (plan_id, item_id) SELECT DISTINCT pid, x FROM unnest(item_ids) x;
	INSERT INTO supervision.plan_grade_ratio (plan_id, risk_grade, ratio_percent)
	SELECT pid, r.grade, r.pct FROM pg_temp.insp_ratio_seen r WHERE r.pct > 0;
	PERFORM core.plan_population_into(pid, NULL);
	CREATE TEMP TABLE insp_create_quota ON COMMIT DROP AS SELECT * FROM core.plan_counted_quota(pid);
	SELECT sum(q.population) INTO n FROM pg_temp.insp_create_quota q;
	IF n = 0 THEN
		RAISE EXCEPTION '抽查范围：按所列事项、范围和排除条件没有可抽取的对象' USING ERRCODE = 'invalid_parameter_value',
			COLUMN = 'scope';
	END IF;
	INSERT INTO supervision.inspection_batch (plan_id, org_id, batch_no, scope, planned_quantity, starts_on, ends_on,
	                                          source_system)
	VALUES (pid, org, 1, CASE WHEN cardinality(scope) = 0 THEN o.short_name || '辖区'
	                          ELSE (SELECT string_agg(x.short_name, '、') FROM core.org_unit x WHERE x.id = ANY (scope)) END,
	        greatest(1, (SELECT sum(q.quota) FROM pg_temp.insp_create_quota q)::int), p_from, p_to, 'smcon');
	DROP TABLE pg_temp.insp_ratio_seen, pg_temp.insp_counts, pg_temp.insp_create_quota;
	PERFORM core.insp_notify('plan', pid, org, 'draft');
	RETURN pno;
END $$;

-- ---------------------------------------------------------------------------
-- The draw (v2) from what is stored: the chunks, the seed, the ratios.

CREATE FUNCTION core.draw_objects_v2(p_draw_id bigint)
RETURNS TABLE (pos bigint, entity_id bigint, uscc text, stratum text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
	WITH d AS MATERIALIZED (
		SELECT x.seed, x.parameters AS prm FROM supervision.inspection_draw x WHERE x.id = p_draw_id
	), q AS MATERIALIZED (
		SELECT c.stratum, g.rank AS grank,
		       core.insp_quota(sum(cardinality(c.entity_ids)), sum(cardinality(c.must_ids)),
		                       ((SELECT d.prm FROM d) -> 'ratios' ->> c.stratum)::numeric) AS quota
		  FROM supervision.draw_chunk c JOIN core.risk_grade g ON g.code = c.stratum
		 WHERE c.draw_id = p_draw_id
		 GROUP BY c.stratum, g.rank
	)
	SELECT row_number() OVER (ORDER BY q.grank, s.must DESC, s.h, s.uscc), s.entity_id, s.uscc, q.stratum
	  FROM q
	 CROSS JOIN LATERAL (
		SELECT u.entity_id, u.uscc, u.entity_id = ANY (c.must_ids) AS must,
		       core.hmac(u.uscc, (SELECT d.seed FROM d), 'sha256') AS h
		  FROM supervision.draw_chunk c, unnest(c.entity_ids, c.usccs) AS u (entity_id, uscc)
		 WHERE c.draw_id = p_draw_id AND c.stratum = q.stratum
		 ORDER BY 3 DESC, 4, 2
		 LIMIT q.quota) s
	 ORDER BY 1
$$;
COMMENT ON FUNCTION core.draw_objects_v2(bigint) IS
	'抽取算法 v2（对象）：由分块快照、种子和比例重算抽中的主体及任务顺序（纯函数，排序与取数同 v1）';

-- The first thing wrong with a draw's stored candidate snapshot (v1 or v2),
-- or NULL when every row or chunk and the whole match their digests.
CREATE FUNCTION core.draw_snapshot_problem(p_draw_id bigint, p_batch_no integer) RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	d supervision.inspection_draw;
	bad record;
BEGIN
	SELECT * INTO d FROM supervision.inspection_draw x WHERE x.id = p_draw_id;
	IF d.algorithm = 'v1' THEN
		SELECT c.entity_id, c.uscc INTO bad FROM supervision.draw_candidate c
		 WHERE c.draw_id = d.id
		   AND c.digest IS DISTINCT FROM core.insp_digest(d.id::text, c.entity_id::text, c.uscc, c.stratum, c.must_include::text)
		 ORDER BY c.entity_id LIMIT 1;
		IF FOUND THEN
			RETURN format('不一致：第 %s 批候选快照中主体 %s（编号 %s）的行在抽取后被改动', p_batch_no, bad.uscc, bad.entity_id);
		END IF;
		IF d.snapshot_sha256 IS DISTINCT FROM (SELECT sha256(string_agg(c.digest, ''::bytea ORDER BY c.entity_id))
		                                         FROM supervision.draw_candidate c WHERE c.draw_id = d.id) THEN
			RETURN format('不一致：第 %s 批候选快照的行被增删，与抽取时记录的摘要不符', p_batch_no);
		END IF;
		RETURN NULL;
	END IF;
	SELECT c.stratum, c.chunk_no, cardinality(c.entity_ids) AS n, c.entity_ids[1] AS lo,
	       c.entity_ids[cardinality(c.entity_ids)] AS hi, c.usccs[1] AS ulo, c.usccs[cardinality(c.usccs)] AS uhi
	  INTO bad FROM supervision.draw_chunk c
	 WHERE c.draw_id = d.id
	   AND c.digest IS DISTINCT FROM core.insp_digest(d.id::text, c.stratum || ':' || c.chunk_no, c.entity_ids::text,
	                                                  c.usccs::text, c.must_ids::text)
	 ORDER BY c.stratum, c.chunk_no LIMIT 1;
	IF FOUND THEN
		RETURN format('不一致：第 %s 批候选快照 %s 层第 %s 块（%s 个候选，主体编号 %s 至 %s，统一社会信用代码 %s 至 %s）在抽取后被改动',
		              p_batch_no, bad.stratum, bad.chunk_no, bad.n, bad.lo, bad.hi, bad.ulo, bad.uhi);
	END IF;
	IF d.snapshot_sha256 IS DISTINCT FROM (SELECT sha256(string_agg(c.digest, ''::bytea ORDER BY c.stratum, c.chunk_no))
	                                         FROM supervision.draw_chunk c WHERE c.draw_id = d.id) THEN
		RETURN format('不一致：第 %s 批候选快照的块被增删，与抽取时记录的摘要不符', p_batch_no);
	END IF;
	RETURN NULL;
END $$;
COMMENT ON FUNCTION core.draw_snapshot_problem(bigint, integer) IS
	'核对抽取记录的候选快照（v1 逐行、v2 逐块，再核对整体摘要）：返回第一处不符，全部相符时为空';

-- ---------------------------------------------------------------------------
-- Commit (v2): the candidates and their HMAC in one pass, the
-- snapshot in chunks, the ranking from the candidates already hashed.

CREATE OR REPLACE FUNCTION api.plan_draw(p_plan_no text, p_seed text DEFAULT NULL, p_witness text DEFAULT NULL)
RETURNS TABLE (batch_no smallint, seed text, seed_source text, population integer, drawn integer, inspectors integer)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
-- the chunks are 1.66 million candidates sorted by stratum and block: in memory
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
	PERFORM core.plan_population_into(p.id, v_seed);
	SELECT count(*) INTO n_pop FROM pg_temp.insp_population;
	IF n_pop = 0 THEN
		RAISE EXCEPTION '抽查范围：按所列事项、范围和排除条件没有可抽取的对象' USING ERRCODE = 'invalid_parameter_value',
			COLUMN = 'scope';
	END IF;
	INSERT INTO supervision.draw_chunk (draw_id, stratum, chunk_no, entity_ids, usccs, must_ids, digest)
	SELECT od, k.stratum, k.chunk_no, k.ids, k.usccs, k.must,
	       core.insp_digest(od::text, k.stratum || ':' || k.chunk_no, k.ids::text, k.usccs::text, k.must::text)
	  FROM (SELECT c.stratum COLLATE "C" AS stratum, (c.entity_id / 32768)::int AS chunk_no,
	               array_agg(c.entity_id ORDER BY c.entity_id) AS ids, array_agg(c.uscc ORDER BY c.entity_id) AS usccs,
	               coalesce(array_agg(c.entity_id ORDER BY c.entity_id) FILTER (WHERE c.must_include), '{}') AS must
	          FROM pg_temp.insp_population c GROUP BY 1, 2) k;
	-- the ranking of core.draw_objects_v2, on the candidates hashed above
	CREATE TEMP TABLE insp_drawn ON COMMIT DROP AS
	WITH q AS MATERIALIZED (
		SELECT c.stratum, g.rank AS grank,
		       core.insp_quota(sum(cardinality(c.entity_ids)), sum(cardinality(c.must_ids)),
		                       ((SELECT d.parameters FROM supervision.inspection_draw d WHERE d.id = od) -> 'ratios' ->> c.stratum)::numeric) AS quota
		  FROM supervision.draw_chunk c JOIN core.risk_grade g ON g.code = c.stratum
		 WHERE c.draw_id = od
		 GROUP BY c.stratum, g.rank
	)
	SELECT row_number() OVER (ORDER BY q.grank, s.must DESC, s.h, s.uscc) AS pos, s.entity_id, s.uscc, q.stratum
	  FROM q
	 CROSS JOIN LATERAL (
		SELECT c.entity_id, c.uscc, c.must_include AS must, c.h FROM pg_temp.insp_population c
		 WHERE c.stratum = q.stratum
		 ORDER BY c.must_include DESC, c.h, c.uscc
		 LIMIT q.quota) s;
	DROP TABLE pg_temp.insp_population;
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

-- ---------------------------------------------------------------------------
-- Verify: each batch's snapshot by its own version's rule, then the replay
-- by that version.

CREATE OR REPLACE FUNCTION api.plan_verify(p_plan_no text)
RETURNS TABLE (consistent boolean, detail text)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	p supervision.inspection_plan := core.plan_get(p_plan_no, false);
	b record;
	od supervision.inspection_draw;
	idr supervision.inspection_draw;
	bad record;
	n_obj bigint := 0;
	n_ins bigint := 0;
	drawn bigint[];
BEGIN
	IF NOT (core.caller_has('supervisor') OR core.caller_has('analyst')) THEN
		PERFORM core.require_role('supervisor', 'analyst');
	END IF;
	FOR b IN SELECT * FROM supervision.inspection_batch x WHERE x.plan_id = p.id ORDER BY x.batch_no LOOP
		SELECT * INTO od FROM supervision.inspection_draw d WHERE d.batch_id = b.id AND d.kind = 'object';
		SELECT * INTO idr FROM supervision.inspection_draw d WHERE d.batch_id = b.id AND d.kind = 'inspector';
		IF od.id IS NULL THEN
			CONTINUE;
		END IF;
		IF od.algorithm IS NULL OR idr.algorithm IS NULL THEN
			RAISE EXCEPTION '抽查计划 % 第 % 批的抽取来自外部系统，没有可复核的快照', p.plan_no, b.batch_no
				USING ERRCODE = 'object_not_in_prerequisite_state';
		END IF;
		-- 1. the snapshot and the pool as they were written
		detail := core.draw_snapshot_problem(od.id, b.batch_no);
		IF detail IS NOT NULL THEN
			consistent := false;
			RETURN NEXT;
			RETURN;
		END IF;
		SELECT dp.staff_id INTO bad FROM supervision.draw_pool dp
		 WHERE dp.draw_id = idr.id
		   AND dp.digest IS DISTINCT FROM core.insp_digest(idr.id::text, dp.staff_id::text, dp.barred_entity_ids::text)
		 ORDER BY dp.staff_id LIMIT 1;
		IF FOUND THEN
			consistent := false;
			detail := format('不一致：第 %s 批人员库中检查人员 %s 的行在抽取后被改动', b.batch_no,
			                 (SELECT s.full_name || '（' || s.employee_no || '）' FROM core.staff s WHERE s.id = bad.staff_id));
			RETURN NEXT;
			RETURN;
		END IF;
		IF idr.snapshot_sha256 IS DISTINCT FROM (SELECT sha256(string_agg(dp.digest, ''::bytea ORDER BY dp.staff_id))
		                                           FROM supervision.draw_pool dp WHERE dp.draw_id = idr.id) THEN
			consistent := false;
			detail := format('不一致：第 %s 批人员库的行被增删，与抽取时记录的摘要不符', b.batch_no);
			RETURN NEXT;
			RETURN;
		END IF;
		-- 2. the objects, entity by entity, in task order
		IF od.algorithm = 'v1' THEN
			CREATE TEMP TABLE insp_replay ON COMMIT DROP AS SELECT * FROM core.draw_objects_v1(od.id);
		ELSE
			CREATE TEMP TABLE insp_replay ON COMMIT DROP AS SELECT * FROM core.draw_objects_v2(od.id);
		END IF;
		WITH e AS (SELECT p.plan_no || '-' || lpad(r.pos::text, 5, '0') AS task_no, r.entity_id FROM pg_temp.insp_replay r),
		a AS (SELECT t.task_no, t.entity_id FROM supervision.inspection_task t WHERE t.batch_id = b.id),
		d AS ((SELECT * FROM e EXCEPT SELECT * FROM a) UNION (SELECT * FROM a EXCEPT SELECT * FROM e))
		SELECT d.task_no INTO bad FROM d ORDER BY d.task_no LIMIT 1;
		IF FOUND THEN
			consistent := false;
			detail := format('不一致：第 %s 批任务 %s，重算抽中 %s，任务中为 %s', b.batch_no, bad.task_no,
			                 coalesce((SELECT r.uscc FROM pg_temp.insp_replay r
			                            WHERE p.plan_no || '-' || lpad(r.pos::text, 5, '0') = bad.task_no), '（无）'),
			                 coalesce((SELECT e.uscc::text FROM supervision.inspection_task t JOIN core.entity e ON e.id = t.entity_id
			                            WHERE t.batch_id = b.id AND t.task_no = bad.task_no), '（无）'));
			DROP TABLE pg_temp.insp_replay;
			RETURN NEXT;
			RETURN;
		END IF;
		n_obj := n_obj + (SELECT count(*) FROM pg_temp.insp_replay);
		drawn := ARRAY(SELECT r.entity_id FROM pg_temp.insp_replay r ORDER BY r.pos);
		DROP TABLE pg_temp.insp_replay;
		-- 3. the inspectors, task by task
		CREATE TEMP TABLE insp_replay ON COMMIT DROP AS
		SELECT t.id AS task_id, t.task_no, r.staff_id, r.is_lead
		  FROM core.draw_inspectors_v1(idr.id, drawn) r
		  JOIN supervision.inspection_task t ON t.batch_id = b.id AND t.entity_id = r.entity_id;
		WITH a AS (SELECT ti.task_id, t.task_no, ti.staff_id, ti.is_lead
		             FROM supervision.task_inspector ti JOIN supervision.inspection_task t ON t.id = ti.task_id
		            WHERE t.batch_id = b.id AND ti.drawn),
		d AS ((SELECT * FROM pg_temp.insp_replay EXCEPT SELECT * FROM a) UNION (SELECT * FROM a EXCEPT SELECT * FROM pg_temp.insp_replay))
		SELECT d.task_id, d.task_no INTO bad FROM d ORDER BY d.task_no LIMIT 1;
		IF FOUND THEN
			consistent := false;
			detail := format('不一致：任务 %s 的检查人员，重算为 %s，任务中为 %s', bad.task_no,
			                 coalesce((SELECT string_agg(s.full_name || CASE WHEN r.is_lead THEN '（主检）' ELSE '' END, '、'
			                                             ORDER BY NOT r.is_lead, s.id)
			                             FROM pg_temp.insp_replay r JOIN core.staff s ON s.id = r.staff_id
			                            WHERE r.task_id = bad.task_id), '（无）'),
			                 coalesce((SELECT string_agg(s.full_name || CASE WHEN ti.is_lead THEN '（主检）' ELSE '' END, '、'
			                                             ORDER BY NOT ti.is_lead, s.id)
			                             FROM supervision.task_inspector ti JOIN core.staff s ON s.id = ti.staff_id
			                            WHERE ti.task_id = bad.task_id AND ti.drawn), '（无）'));
			DROP TABLE pg_temp.insp_replay;
			RETURN NEXT;
			RETURN;
		END IF;
		n_ins := n_ins + (SELECT count(*) FROM pg_temp.insp_replay);
		DROP TABLE pg_temp.insp_replay;
	END LOOP;
	IF n_obj = 0 THEN
		RAISE EXCEPTION '抽查计划 % 尚未抽取', p.plan_no USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	consistent := true;
	detail := format('一致：重算抽中对象 %s 个、检查人员 %s 人次，与任务逐一相同', n_obj, n_ins);
	RETURN NEXT;
END $$;

COMMENT ON FUNCTION api.plan_draw(text, text, text) IS
	'抽取（一次提交）：服务器当时生成种子，或用外部公开号码（须有见证人）；冻结候选快照（算法 v2，分块）和人员库，抽取对象、配对检查人员并派发任务；每批只能抽取一次';

REVOKE ALL ON FUNCTION core.plan_population_into(bigint, text), core.plan_counted_quota(bigint),
	core.draw_objects_v2(bigint), core.draw_snapshot_problem(bigint, integer) FROM PUBLIC;
