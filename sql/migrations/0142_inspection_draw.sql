-- 0142 the draw: who can be drawn (with the exclusions counted), a preview
-- that shows counts only, the commit (seed, frozen snapshot, draw, tasks,
-- inspector pairing, one transaction) and the verification that replays it.
--
-- Algorithm v1, a pure function of (seed, snapshot, parameters):
-- - Objects. The snapshot holds every candidate left after the exclusions,
--   with its stratum (risk grade; an ungraded entity counts as B) and
--   whether it must be included (the plan's candidate list, when the plan
--   has a key item; for random items the list is ignored). In each stratum
--   the candidates are ranked: must-include first, then by
--   HMAC-SHA256(key = seed, message = USCC) as bytes, then by USCC. The
--   stratum's quota is ceil(n × ratio / 100) of its n candidates (so a
--   non-empty stratum with a ratio above 0 gives at least one, and 100 %
--   gives all), raised to the number of must-includes when they are more.
--   The first quota of the ranking are drawn. Tasks are numbered in the
--   order stratum (A, B, C, D), rank.
-- - Inspectors. The pool is every active, credentialed inspector of the
--   plan's bureau (a district's bureau and its stations; the city bureau:
--   every unit) whose specialties meet the items' (when they name one) and
--   who is not on leave during the window; each pool member carries the
--   drawn entities they are barred from (a declared recusal, or they were
--   on the entity's last inspection). The pool is ordered by
--   HMAC-SHA256(seed, staff id) and dealt round robin, two to a task in
--   task order, the first the lead; a member barred from a task is passed
--   over and owed a turn, which they get at the next task they may take
--   before the round robin goes on. Loads thus differ by at most one
--   unless bars force otherwise.

-- The plan's candidates, each with the reason it is excluded (NULL: it can
-- be drawn). Not granted to anyone: it names entities.
CREATE FUNCTION core.plan_population(p_plan_id bigint)
RETURNS TABLE (entity_id bigint, uscc text, stratum text, must_include boolean, district_id bigint, excluded text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p supervision.inspection_plan;
	scope bigint[];
	types text[];
	items bigint[];
	has_key boolean;
	cutoff date;
BEGIN
	SELECT * INTO p FROM supervision.inspection_plan x WHERE x.id = p_plan_id;
	IF cardinality(p.scope_org_ids) > 0 THEN
		scope := ARRAY(SELECT o.id FROM core.org_unit o WHERE o.id = ANY (p.scope_org_ids) OR o.parent_id = ANY (p.scope_org_ids));
	ELSIF (SELECT o.level FROM core.org_unit o WHERE o.id = p.org_id) = 'city' THEN
		scope := NULL;
	ELSE
		scope := ARRAY(SELECT o.id FROM core.org_unit o WHERE o.id = p.org_id OR o.parent_id = p.org_id);
	END IF;
	SELECT array_agg(DISTINCT i.object_type), array_agg(i.id), bool_or(i.category = 'key')
	  INTO types, items, has_key
	  FROM supervision.plan_item pi JOIN supervision.inspection_item i ON i.id = pi.item_id
	 WHERE pi.plan_id = p.id;
	cutoff := (coalesce(p.window_from, core.today()) - make_interval(months => p.recent_months))::date;
	RETURN QUERY
	WITH dir AS (
		SELECT DISTINCT o.entity_id FROM supervision.inspection_object o
		 WHERE o.object_type = ANY (types) AND o.excluded_on IS NULL
		UNION
		SELECT c.entity_id FROM supervision.plan_candidate c WHERE c.plan_id = p.id AND has_key
	), recent AS (
		SELECT DISTINCT r.entity_id
		  FROM supervision.inspection_result r
		  JOIN supervision.inspection_task t ON t.id = r.task_id
		  JOIN supervision.inspection_batch b ON b.id = t.batch_id
		 WHERE r.inspected_on >= cutoff AND p.recent_months > 0
		   AND EXISTS (SELECT 1 FROM supervision.plan_item pi WHERE pi.plan_id = b.plan_id AND pi.item_id = ANY (items))
	), must AS (
		SELECT c.entity_id FROM supervision.plan_candidate c WHERE c.plan_id = p.id AND has_key
	)
	SELECT e.id, e.uscc::text, coalesce(e.risk_grade, 'B'), m.entity_id IS NOT NULL,
	       CASE o.level WHEN 'district' THEN o.id ELSE o.parent_id END,
	       CASE WHEN e.status IN ('deregistered', 'annulled', 'revoked', 'moved_out') THEN '已注销、吊销、撤销或迁出'
	            WHEN r.entity_id IS NOT NULL AND m.entity_id IS NULL THEN format('近 %s 个月内已按同一事项检查', p.recent_months)
	       END
	  FROM dir
	  JOIN core.entity e ON e.id = dir.entity_id
	  LEFT JOIN core.org_unit o ON o.id = e.org_id
	  LEFT JOIN recent r ON r.entity_id = e.id
	  LEFT JOIN must m ON m.entity_id = e.id
	 WHERE (scope IS NULL OR e.org_id = ANY (scope))
	   AND (cardinality(p.scope_entity_types) = 0 OR e.entity_type_code = ANY (p.scope_entity_types))
	   AND (cardinality(p.scope_industries) = 0
	        OR EXISTS (SELECT 1 FROM unnest(p.scope_industries) x WHERE e.industry_code LIKE x || '%'));
END $$;
COMMENT ON FUNCTION core.plan_population(bigint) IS
	'抽查计划的候选对象及排除原因（不授予任何角色：会列出主体）';

-- Stratum sizes and quotas, from the population now (preview) or a snapshot.
CREATE FUNCTION core.insp_quota(n bigint, must bigint, pct numeric) RETURNS bigint
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
RETURN greatest(ceil(n * coalesce(pct, 0) / 100)::bigint, must);
COMMENT ON FUNCTION core.insp_quota(bigint, bigint, numeric) IS
	'一层的抽取数：ceil(候选数 × 比例 / 100)，不少于必抽数（比例为 0 或未定时只抽必抽的）';

CREATE FUNCTION core.plan_quota(p_plan_id bigint)
RETURNS TABLE (stratum text, population bigint, must bigint, pct numeric, quota bigint)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT g.code, count(c.entity_id), count(c.entity_id) FILTER (WHERE c.must_include), r.ratio_percent,
	       core.insp_quota(count(c.entity_id), count(c.entity_id) FILTER (WHERE c.must_include), r.ratio_percent)
	  FROM core.risk_grade g
	  LEFT JOIN core.plan_population(p_plan_id) c ON c.stratum = g.code AND c.excluded IS NULL
	  LEFT JOIN supervision.plan_grade_ratio r ON r.plan_id = p_plan_id AND r.risk_grade = g.code
	 GROUP BY g.code, g.rank, r.ratio_percent
	 ORDER BY g.rank
$$;
COMMENT ON FUNCTION core.plan_quota(bigint) IS '抽查计划各层（风险等级）的候选数、必抽数、比例和抽取数';

-- The inspectors who may be drawn for a plan, and why the others may not.
CREATE FUNCTION core.plan_inspectors(p_plan_id bigint)
RETURNS TABLE (staff_id bigint, excluded text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
	WITH p AS (SELECT * FROM supervision.inspection_plan x WHERE x.id = p_plan_id),
	need AS (SELECT coalesce(array_agg(DISTINCT i.specialty) FILTER (WHERE i.specialty IS NOT NULL), '{}') AS s
	           FROM supervision.plan_item pi JOIN supervision.inspection_item i ON i.id = pi.item_id
	          WHERE pi.plan_id = p_plan_id)
	SELECT s.id,
	       CASE WHEN cardinality(need.s) > 0 AND NOT i.specialties && need.s THEN '专业不符'
	            WHEN EXISTS (SELECT 1 FROM supervision.inspector_leave l
	                          WHERE l.staff_id = s.id AND l.starts_on <= p.window_to AND l.ends_on >= p.window_from)
	                 THEN '实施期内休假' END
	  FROM p, need, supervision.inspector i
	  JOIN core.staff s ON s.id = i.staff_id
	  JOIN core.org_unit o ON o.id = s.org_unit_id
	 WHERE i.excluded_on IS NULL AND s.status = 'active' AND s.credential_no IS NOT NULL
	   AND (o.id = p.org_id OR o.parent_id = p.org_id
	        OR (SELECT u.level FROM core.org_unit u WHERE u.id = p.org_id) = 'city')
$$;
COMMENT ON FUNCTION core.plan_inspectors(bigint) IS '抽查计划可抽的检查人员（排除原因为空）及不可抽的原因';

-- ---------------------------------------------------------------------------
-- Preview: counts only.

CREATE FUNCTION api.plan_preview(p_plan_no text)
RETURNS TABLE (section text, label text, population bigint, quota bigint)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
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
	CREATE TEMP TABLE insp_preview ON COMMIT DROP AS
	SELECT c.stratum, c.district_id, c.must_include, c.excluded FROM core.plan_population(p.id) c;
	CREATE TEMP TABLE insp_preview_quota ON COMMIT DROP AS
	SELECT g.code AS stratum, g.rank, count(c.stratum) AS n, count(c.stratum) FILTER (WHERE c.must_include) AS m,
	       core.insp_quota(count(c.stratum), count(c.stratum) FILTER (WHERE c.must_include), r.ratio_percent) AS q
	  FROM core.risk_grade g
	  LEFT JOIN pg_temp.insp_preview c ON c.stratum = g.code AND c.excluded IS NULL
	  LEFT JOIN supervision.plan_grade_ratio r ON r.plan_id = p.id AND r.risk_grade = g.code
	 GROUP BY g.code, g.rank, r.ratio_percent;
	SELECT sum(q) INTO tasks FROM pg_temp.insp_preview_quota;
	SELECT count(*) INTO pool FROM core.plan_inspectors(p.id) i WHERE i.excluded IS NULL;
	RETURN QUERY
	(SELECT '风险分层', x.stratum, x.n, x.q FROM pg_temp.insp_preview_quota x ORDER BY x.rank)
	UNION ALL
	SELECT '必抽', '候选名单（重点事项）', sum(x.m)::bigint, NULL FROM pg_temp.insp_preview_quota x
	UNION ALL
	(SELECT '区域', coalesce(o.short_name, '未分配'), count(*), NULL
	   FROM pg_temp.insp_preview c LEFT JOIN core.org_unit o ON o.id = c.district_id
	  WHERE c.excluded IS NULL GROUP BY o.short_name, o.code ORDER BY o.code)
	UNION ALL
	(SELECT '排除', c.excluded, count(*), NULL FROM pg_temp.insp_preview c WHERE c.excluded IS NOT NULL
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
	DROP TABLE pg_temp.insp_preview, pg_temp.insp_preview_quota;
END $$;
COMMENT ON FUNCTION api.plan_preview(text) IS
	'抽取前预览：各风险层、各区域的候选数和抽取数，排除的数目，检查人员数和负荷——只有数目，不列任何主体';

-- ---------------------------------------------------------------------------
-- The draw itself (v1), from what is stored.

CREATE FUNCTION core.insp_digest(a text, b text, c text, d text DEFAULT '', e text DEFAULT '') RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN sha256(convert_to(a || '|' || b || '|' || c || '|' || d || '|' || e, 'UTF8'));
COMMENT ON FUNCTION core.insp_digest(text, text, text, text, text) IS '快照行的摘要：各字段以 | 连接后的 SHA-256';

CREATE FUNCTION core.draw_objects_v1(p_draw_id bigint)
RETURNS TABLE (pos bigint, entity_id bigint, uscc text, stratum text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
	WITH d AS MATERIALIZED (
		SELECT convert_to(x.seed, 'UTF8') AS k, x.parameters AS prm FROM supervision.inspection_draw x WHERE x.id = p_draw_id
	), q AS MATERIALIZED (
		SELECT c.stratum, g.rank AS grank,
		       core.insp_quota(count(*), count(*) FILTER (WHERE c.must_include),
		                       ((SELECT d.prm FROM d) -> 'ratios' ->> c.stratum)::numeric) AS quota
		  FROM supervision.draw_candidate c JOIN core.risk_grade g ON g.code = c.stratum
		 WHERE c.draw_id = p_draw_id
		 GROUP BY c.stratum, g.rank
	)
	SELECT row_number() OVER (ORDER BY q.grank, s.must DESC, s.h, s.uscc), s.entity_id, s.uscc, q.stratum
	  FROM q
	 CROSS JOIN LATERAL (
		SELECT c.entity_id, c.uscc, c.must_include AS must,
		       core.hmac(convert_to(c.uscc, 'UTF8'), (SELECT d.k FROM d), 'sha256') AS h
		  FROM supervision.draw_candidate c
		 WHERE c.draw_id = p_draw_id AND c.stratum = q.stratum
		 ORDER BY 3 DESC, 4, 2
		 LIMIT q.quota) s
	 ORDER BY 1
$$;
COMMENT ON FUNCTION core.draw_objects_v1(bigint) IS
	'抽取算法 v1（对象）：由快照、种子和比例重算抽中的主体及任务顺序（纯函数）';

CREATE FUNCTION core.draw_inspectors_v1(p_inspector_draw bigint, p_entities bigint[])
RETURNS TABLE (pos bigint, entity_id bigint, staff_id bigint, is_lead boolean)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	seed text;
	per_task int;
	staff bigint[];
	owed int[];
	owed_total int := 0;
	bar jsonb;
	np int;
	ptr int := 1;
	t record;
	picks bigint[];
	j int;
	scanned int;
	s bigint;
BEGIN
	SELECT d.seed, coalesce((d.parameters ->> 'per_task')::int, 2) INTO seed, per_task
	  FROM supervision.inspection_draw d WHERE d.id = p_inspector_draw;
	SELECT array_agg(p.staff_id ORDER BY core.hmac(convert_to(p.staff_id::text, 'UTF8'), convert_to(seed, 'UTF8'), 'sha256'),
	                 p.staff_id)
	  INTO staff FROM supervision.draw_pool p WHERE p.draw_id = p_inspector_draw;
	SELECT coalesce(jsonb_object_agg(p.staff_id || ':' || b, true), '{}')
	  INTO bar FROM supervision.draw_pool p, unnest(p.barred_entity_ids) b WHERE p.draw_id = p_inspector_draw;
	np := coalesce(cardinality(staff), 0);
	owed := array_fill(0, ARRAY[greatest(np, 1)]);
	FOR t IN SELECT o.pos, o.entity_id FROM unnest(p_entities) WITH ORDINALITY AS o (entity_id, pos) ORDER BY o.pos LOOP
		picks := '{}';
		IF owed_total > 0 THEN
			FOR j IN 1 .. np LOOP
				EXIT WHEN cardinality(picks) >= per_task;
				IF owed[j] > 0 AND NOT bar ? (staff[j] || ':' || t.entity_id) THEN
					picks := picks || staff[j];
					owed[j] := owed[j] - 1;
					owed_total := owed_total - 1;
				END IF;
			END LOOP;
		END IF;
		scanned := 0;
		WHILE cardinality(picks) < per_task AND scanned < np LOOP
			s := staff[ptr];
			j := ptr;
			ptr := ptr % np + 1;
			scanned := scanned + 1;
			IF s = ANY (picks) THEN
				CONTINUE;
			ELSIF bar ? (s || ':' || t.entity_id) THEN
				owed[j] := owed[j] + 1;
				owed_total := owed_total + 1;
				CONTINUE;
			END IF;
			picks := picks || s;
		END LOOP;
		FOR j IN 1 .. cardinality(picks) LOOP
			pos := t.pos;
			entity_id := t.entity_id;
			staff_id := picks[j];
			is_lead := j = 1;
			RETURN NEXT;
		END LOOP;
	END LOOP;
END $$;
COMMENT ON FUNCTION core.draw_inspectors_v1(bigint, bigint[]) IS
	'抽取算法 v1（人员）：由人员库快照、种子和按任务顺序的抽中对象算出每项任务的检查人员（纯函数，第一名为主检）';

-- ---------------------------------------------------------------------------
-- Commit

CREATE FUNCTION api.plan_draw(p_plan_no text, p_seed text DEFAULT NULL, p_witness text DEFAULT NULL)
RETURNS TABLE (batch_no smallint, seed text, seed_source text, population integer, drawn integer, inspectors integer)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
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
	INSERT INTO supervision.draw_candidate (draw_id, entity_id, uscc, stratum, must_include, digest)
	SELECT od, c.entity_id, c.uscc, c.stratum, c.must_include,
	       core.insp_digest(od::text, c.entity_id::text, c.uscc, c.stratum, c.must_include::text)
	  FROM core.plan_population(p.id) c WHERE c.excluded IS NULL;
	GET DIAGNOSTICS n_pop = ROW_COUNT;
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
	INSERT INTO supervision.inspection_task (task_no, batch_id, org_id, entity_id, draw_id, status, source_system)
	SELECT p.plan_no || '-' || lpad(x.pos::text, 5, '0'), b.id, b.org_id, x.entity_id, od, 'pending', 'smcon'
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
	), bars AS (
		SELECT ti.staff_id, lt.entity_id FROM last_task lt JOIN supervision.task_inspector ti ON ti.task_id = lt.id
		UNION
		SELECT r.staff_id, r.entity_id FROM supervision.inspector_recusal r JOIN pg_temp.insp_drawn x ON x.entity_id = r.entity_id
	), pool AS (
		SELECT i.staff_id, coalesce((SELECT array_agg(bs.entity_id ORDER BY bs.entity_id) FROM bars bs
		                              WHERE bs.staff_id = i.staff_id), '{}') AS barred
		  FROM core.plan_inspectors(p.id) i WHERE i.excluded IS NULL
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
	UPDATE supervision.inspection_task t SET status = 'dispatched', dispatched_at = core.now()
	 WHERE t.batch_id = b.id AND t.status = 'pending';
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
	'抽取（一次提交）：服务器当时生成种子，或用外部公开号码（须有见证人）；冻结候选快照和人员库，按算法 v1 抽取对象、配对检查人员并派发任务；每批只能抽取一次';

-- ---------------------------------------------------------------------------
-- Verify

CREATE FUNCTION api.plan_verify(p_plan_no text)
RETURNS TABLE (consistent boolean, detail text)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
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
		-- 1. every snapshot row as it was written
		SELECT c.entity_id, c.uscc INTO bad FROM supervision.draw_candidate c
		 WHERE c.draw_id = od.id
		   AND c.digest IS DISTINCT FROM core.insp_digest(od.id::text, c.entity_id::text, c.uscc, c.stratum, c.must_include::text)
		 ORDER BY c.entity_id LIMIT 1;
		IF FOUND THEN
			consistent := false;
			detail := format('不一致：第 %s 批候选快照中主体 %s（编号 %s）的行在抽取后被改动', b.batch_no, bad.uscc, bad.entity_id);
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
		IF od.snapshot_sha256 IS DISTINCT FROM (SELECT sha256(string_agg(c.digest, ''::bytea ORDER BY c.entity_id))
		                                          FROM supervision.draw_candidate c WHERE c.draw_id = od.id) THEN
			consistent := false;
			detail := format('不一致：第 %s 批候选快照的行被增删，与抽取时记录的摘要不符', b.batch_no);
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
		CREATE TEMP TABLE insp_replay ON COMMIT DROP AS SELECT * FROM core.draw_objects_v1(od.id);
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
COMMENT ON FUNCTION api.plan_verify(text) IS
	'复核抽取：按存储的种子、快照和算法版本重算每批的抽中对象和检查人员，与任务逐一比较；不一致时指出第一处';

REVOKE ALL ON FUNCTION core.plan_population(bigint), core.insp_quota(bigint, bigint, numeric), core.plan_quota(bigint),
	core.plan_inspectors(bigint), api.plan_preview(text), core.insp_digest(text, text, text, text, text), core.draw_objects_v1(bigint),
	core.draw_inspectors_v1(bigint, bigint[]), api.plan_draw(text, text, text), api.plan_verify(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.plan_preview(text), api.plan_draw(text, text, text) TO smcon_supervisor;
GRANT EXECUTE ON FUNCTION api.plan_verify(text) TO smcon_supervisor, smcon_analyst;
