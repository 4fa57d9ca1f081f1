-- 0062 Entity lookup, part 2: what the search box understood, the near
-- matches of a mistyped USCC, and api.entity_search().
--
-- One box takes whatever the clerk has: an 18-character USCC, the start of
-- one, a 15-digit 注册号, a phone number (or its last 7-8 digits), or text
-- (a name fragment, current or former, the legal representative, an
-- address). core.entity_query_kind() says which; src/domain/entity.c
-- classifies the same way (tests/data/entity-query-kinds.txt holds both to
-- it). Candidates come through the indexes of 0061, each source bounded, in
-- a materialised step of their own (a set-returning function), so that the
-- planner never meets `LIMIT` over a filter and picks a sequential scan
-- hoping to stop early (the function decides, from the statistics, the one
-- case where reading in table order is right; enable_seqscan is off, and
-- jit with it, as the cost of a scan it cannot avoid would otherwise look
-- worth compiling); the few hundred candidates
-- are then ranked (exact >
-- prefix > contains > former name > legal representative > address; in
-- business before closed; shorter names first) and paged by keyset.
-- Everything runs as the caller (SECURITY INVOKER): core.entity has no
-- row-level security (registration facts are public), so LIKE and the GIN
-- indexes stay usable, and only columns granted to staff are read.

-- What a search input is: 'empty', 'uscc' (18 code characters), 'reg_no'
-- (15 digits), 'phone' (a full number, or 7-8 digits of a local one),
-- 'uscc_prefix' (2-17 code characters starting with a digit) or 'text'.
CREATE FUNCTION core.entity_query_kind(q text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN CASE
	WHEN core.uscc_normalize(q) = '' THEN 'empty'
	WHEN core.uscc_normalize(q) ~ '^[0-9A-Z]{18}$' THEN 'uscc'
	WHEN core.uscc_normalize(q) ~ '^[0-9]{15}$' THEN 'reg_no'
	WHEN core.uscc_normalize(q) ~ '^\+?[0-9][0-9-]*$'
	     AND regexp_replace(core.uscc_normalize(q), '[^0-9]', '', 'g') ~ '^(1[3-9][0-9]{9}|0[0-9]{9,11}|86[0-9]{11}|[2-8][0-9]{6,7})$'
	     THEN 'phone'
	WHEN core.uscc_normalize(q) ~ '^[1-9][0-9A-HJ-NP-RTUW-Y]{1,16}$' THEN 'uscc_prefix'
	ELSE 'text' END;
COMMENT ON FUNCTION core.entity_query_kind(text) IS
	'查找输入的种类：empty 空，uscc 统一社会信用代码，reg_no 注册号，phone 电话，uscc_prefix 代码前几位，text 文字';

-- Valid codes one typing slip away from code (18 characters): the same 17
-- characters with the right check character, one character changed, two
-- neighbours swapped. One change per position can satisfy the check (the
-- weights are invertible modulo 31), so at most 35 codes are tried.
-- Letters a code never holds are read as the digits they look like first
-- (O→0, I→1, Z→2, S→5).
CREATE FUNCTION core.uscc_near(code text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	cs constant text := '0123456789ABCDEFGHJKLMNPQRTUWXY';
	w constant int[] := ARRAY[1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
	-- inverses modulo 31 of the weights: 3^(30-k) for w = 3^k
	wi constant int[] := ARRAY[1, 21, 7, 23, 18, 6, 2, 11, 14, 15, 5, 12, 4, 22, 28, 30, 10];
	c text := translate(code, 'OIZS', '0125');
	v int[] := '{}';
	s int := 0;
	need int;
	nv int;
	out text[] := '{}';
BEGIN
	IF c !~ '^[0-9A-HJ-NP-RTUW-Y]{18}$' THEN
		RETURN '{}';
	END IF;
	FOR i IN 1..18 LOOP
		v := v || (strpos(cs, substr(c, i, 1)) - 1);
	END LOOP;
	FOR i IN 1..17 LOOP
		s := s + v[i] * w[i];
	END LOOP;
	out := out || (left(c, 17) || substr(cs, (31 - s % 31) % 31 + 1, 1));
	need := ((-v[18] - s) % 31 + 31) % 31;
	FOR i IN 1..17 LOOP
		nv := (v[i] + need * wi[i]) % 31;
		IF nv <> v[i] THEN
			out := out || overlay(c PLACING substr(cs, nv + 1, 1) FROM i FOR 1);
		END IF;
		IF substr(c, i, 1) <> substr(c, i + 1, 1) THEN
			out := out || (left(c, i - 1) || substr(c, i + 1, 1) || substr(c, i, 1) || substr(c, i + 2));
		END IF;
	END LOOP;
	RETURN ARRAY(SELECT DISTINCT x FROM unnest(out) AS x WHERE x <> code AND core.uscc_valid(x) ORDER BY x);
END $$;
COMMENT ON FUNCTION core.uscc_near(text) IS
	'与给定代码只差一处笔误的有效代码：校验码改正、一位改动或相邻两位对调（O/I/Z/S 先按 0/1/2/5 读）';

-- The search filters; NULL means any.
CREATE TYPE core.entity_filter AS (
	division_code text,   -- 实际经营地区划（现行代码）
	type_codes text[],    -- 主体类型及其下级类型
	industry_codes text[],-- 行业门类下的全部小类
	status text,          -- 登记状态
	established_from date,
	established_to date,
	risk_grade text
);
COMMENT ON TYPE core.entity_filter IS '主体查找的筛选条件（空为不限）';

CREATE FUNCTION core.entity_filter_ok(division_code text, type_code text, industry_code text, status text,
                                      established_on date, risk_grade text, f core.entity_filter) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (f.division_code IS NULL OR division_code = f.division_code)
   AND (f.type_codes IS NULL OR type_code = ANY (f.type_codes))
   AND (f.industry_codes IS NULL OR industry_code = ANY (f.industry_codes))
   AND (f.status IS NULL OR status = f.status)
   AND (f.established_from IS NULL OR established_on >= f.established_from)
   AND (f.established_to IS NULL OR established_on <= f.established_to)
   AND (f.risk_grade IS NULL OR risk_grade = f.risk_grade);
COMMENT ON FUNCTION core.entity_filter_ok(text, text, text, text, date, text, core.entity_filter) IS
	'主体是否符合筛选条件';

-- The share of entities whose name (source 'name') or address ('address')
-- holds every one of these bigrams, as the planner estimates it from the
-- index statistics (ANALYZE counts the most common bigrams): the smallest
-- share of any one of them, an upper bound. One EXPLAIN of a constant
-- statement per bigram, about 0.1 ms each. (VOLATILE only because
-- PostgreSQL allows EXPLAIN in no other kind of function; it reads nothing
-- but statistics.)
CREATE FUNCTION core.bigram_share(source text, grams text[]) RETURNS real
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	plan json;
	fewest float8;
	all_rows float8 := (SELECT c.reltuples FROM pg_class c WHERE c.oid = 'core.entity'::regclass);
	g text;
BEGIN
	IF all_rows IS NULL OR all_rows < 1000 THEN -- not analysed yet, or too small to matter
		RETURN 0;
	END IF;
	FOREACH g IN ARRAY grams LOOP
		IF source = 'name' THEN
			EXECUTE 'EXPLAIN (FORMAT JSON) SELECT 1 FROM core.entity e WHERE core.search_bigrams(e.name) @> ARRAY[$1]'
				INTO plan USING g;
		ELSE
			EXECUTE 'EXPLAIN (FORMAT JSON) SELECT 1 FROM core.entity e WHERE core.search_bigrams(e.address) @> ARRAY[$1]'
				INTO plan USING g;
		END IF;
		fewest := least(fewest, (plan -> 0 -> 'Plan' ->> 'Plan Rows')::float8);
	END LOOP;
	RETURN coalesce(fewest / all_rows, 0);
END $$;
COMMENT ON FUNCTION core.bigram_share(text, text[]) IS
	'按规划器的估计，名称（name）或地址（address）同时含有这些二字组的主体占比（取其中最少的一个，是上限）';

-- pg_trgm defines its settings when its library is loaded: load it, so the
-- SET clause below names a known setting.
SELECT core.show_limit();

-- The candidates for one search, each source through its own index and
-- bounded by cap: (entity, how it matched, the text it matched in).
-- match: 0 exact name / code, 1 name prefix / near code / code prefix,
-- 2 name contains, 3 former name, 4 legal representative, 5 address,
-- 6 similar name (typo). The exact name and name prefixes come from a
-- btree and are always complete. A fragment that a large part of the
-- register contains (无锡, 有限公司) would make a GIN index read hundreds of
-- thousands of row pointers to return a few hundred; when the statistics
-- say every bigram of it is that common (core.bigram_share ≥ 0.15) and no
-- filter narrows the search, names and addresses are read in table order
-- instead, which finds cap of them within a few thousand rows. Should the
-- statistics be stale, gin_fuzzy_search_limit keeps a GIN scan to a sample
-- of about 5,000 pointers. Either way the caller is told it is capped. Each
-- source asks only for what is left of the cap: a fragment such as 新吴区,
-- which starts 23,000 names and is in 208,000, would otherwise read 467 names
-- by prefix and 500 more by the bigram index for a ranking of 500 (the p99 of
-- the 3-character benchmark went from 20 to 15 ms). The fragment is rechecked
-- in the text as stored first: normalising costs more than reading, and is
-- needed only when that finds nothing.
CREATE FUNCTION core.entity_candidates(kind text, q text, f core.entity_filter, cap int)
RETURNS TABLE (entity_id bigint, match smallint, matched text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan
SET enable_seqscan = off
SET jit = off
SET gin_fuzzy_search_limit = 5000
SET pg_trgm.word_similarity_threshold = 0.3
AS $$
DECLARE
	n text := core.uscc_normalize(q);
	t text := core.search_norm(q);
	b text[] := core.bigrams(core.search_norm(q));
	hi constant text := chr(1114111);
	found int;
	total int := 0;
	pk text;
	dense constant real := 0.15;
	plain boolean := f.division_code IS NULL AND f.type_codes IS NULL AND f.industry_codes IS NULL
	                 AND f.status IS NULL AND f.established_from IS NULL AND f.established_to IS NULL
	                 AND f.risk_grade IS NULL;
BEGIN
	IF kind = 'uscc' THEN
		RETURN QUERY SELECT e.id, 0::smallint, NULL::text FROM core.entity e WHERE e.uscc = n
		              AND core.entity_filter_ok(e.division_code, e.entity_type_code, e.industry_code, e.status,
		                                        e.established_on, e.risk_grade, f);
		GET DIAGNOSTICS found = ROW_COUNT;
		IF found = 0 THEN
			RETURN QUERY SELECT e.id, 1::smallint, NULL::text FROM core.entity e
			              WHERE e.uscc = ANY (core.uscc_near(n))
			                AND core.entity_filter_ok(e.division_code, e.entity_type_code, e.industry_code, e.status,
			                                          e.established_on, e.risk_grade, f);
		END IF;
	ELSIF kind = 'reg_no' THEN
		RETURN QUERY SELECT e.id, 0::smallint, NULL::text FROM core.entity e WHERE e.reg_no = n
		              AND core.entity_filter_ok(e.division_code, e.entity_type_code, e.industry_code, e.status,
		                                        e.established_on, e.risk_grade, f);
	ELSIF kind = 'uscc_prefix' THEN
		RETURN QUERY SELECT e.id, 1::smallint, NULL::text FROM core.entity e
		              WHERE e.uscc >= n AND e.uscc < n || 'Z'
		                AND core.entity_filter_ok(e.division_code, e.entity_type_code, e.industry_code, e.status,
		                                          e.established_on, e.risk_grade, f)
		              ORDER BY e.uscc LIMIT cap;
	ELSIF kind = 'phone' THEN
		-- +86 and the country code 86 before a mobile number are not stored
		pk := core.phone_key(n);
		IF char_length(pk) = 13 AND right(pk, 2) = '68' THEN
			pk := left(pk, 11);
		END IF;
		RETURN QUERY SELECT e.id, (core.phone_key(e.phone) <> pk)::int::smallint, e.phone::text
		               FROM core.entity e
		              WHERE core.phone_key(e.phone) COLLATE "C" >= pk
		                AND core.phone_key(e.phone) COLLATE "C" < pk || ':'
		                AND core.entity_filter_ok(e.division_code, e.entity_type_code, e.industry_code, e.status,
		                                          e.established_on, e.risk_grade, f)
		              LIMIT cap;
	ELSIF kind = 'text' AND char_length(t) = 1 THEN
		RETURN QUERY SELECT e.id, (core.search_norm(e.name) <> t)::int::smallint, NULL::text FROM core.entity e
		              WHERE core.search_norm(e.name) COLLATE "C" >= t AND core.search_norm(e.name) COLLATE "C" < t || hi
		                AND core.entity_filter_ok(e.division_code, e.entity_type_code, e.industry_code, e.status,
		                                          e.established_on, e.risk_grade, f)
		              LIMIT cap;
	ELSIF kind = 'text' THEN
		-- The sources in the order of their rank: the exact name and names
		-- that start with it, names, former names, legal representatives,
		-- addresses that contain it. Once cap candidates are in, the next
		-- sources cannot reach the first cap places of the ranking: they
		-- are not asked (the result is capped anyway).
		RETURN QUERY SELECT e.id, (core.search_norm(e.name) <> t)::int::smallint, NULL::text FROM core.entity e
		              WHERE core.search_norm(e.name) COLLATE "C" >= t AND core.search_norm(e.name) COLLATE "C" < t || hi
		                AND core.entity_filter_ok(e.division_code, e.entity_type_code, e.industry_code, e.status,
		                                          e.established_on, e.risk_grade, f)
		              LIMIT cap - total;
		GET DIAGNOSTICS found = ROW_COUNT;
		total := total + found;
		IF total >= cap THEN
			RETURN;
		END IF;
		IF plain AND core.bigram_share('name', b) >= dense THEN
			RETURN QUERY SELECT e.id, 2::smallint, NULL::text FROM core.entity e
			              WHERE (strpos(e.name, t) > 0 OR strpos(core.search_norm(e.name), t) > 0)
			              LIMIT cap - total;
		ELSE
			RETURN QUERY SELECT e.id, 2::smallint, NULL::text FROM core.entity e
			              WHERE core.search_bigrams(e.name) @> b AND (strpos(e.name, t) > 0 OR strpos(core.search_norm(e.name), t) > 0)
			                AND core.entity_filter_ok(e.division_code, e.entity_type_code, e.industry_code, e.status,
			                                          e.established_on, e.risk_grade, f)
			              LIMIT cap - total;
		END IF;
		GET DIAGNOSTICS found = ROW_COUNT;
		total := total + found;
		IF total >= cap THEN
			RETURN;
		END IF;
		RETURN QUERY SELECT e.id, 3::smallint, fn.name FROM core.entity_former_name fn
		               JOIN core.entity e ON e.id = fn.entity_id
		              WHERE core.search_bigrams(fn.name) @> b AND (strpos(fn.name, t) > 0 OR strpos(core.search_norm(fn.name), t) > 0)
		                AND core.entity_filter_ok(e.division_code, e.entity_type_code, e.industry_code, e.status,
		                                          e.established_on, e.risk_grade, f)
		              LIMIT cap - total;
		GET DIAGNOSTICS found = ROW_COUNT;
		total := total + found;
		IF total >= cap THEN
			RETURN;
		END IF;
		RETURN QUERY SELECT e.id, 4::smallint, e.legal_rep_name FROM core.entity e
		              WHERE core.search_bigrams(e.legal_rep_name) @> b
		                AND (strpos(e.legal_rep_name, t) > 0 OR strpos(core.search_norm(e.legal_rep_name), t) > 0)
		                AND core.entity_filter_ok(e.division_code, e.entity_type_code, e.industry_code, e.status,
		                                          e.established_on, e.risk_grade, f)
		              LIMIT cap - total;
		GET DIAGNOSTICS found = ROW_COUNT;
		total := total + found;
		IF total >= cap THEN
			RETURN;
		END IF;
		IF plain AND core.bigram_share('address', b) >= dense THEN
			RETURN QUERY SELECT e.id, 5::smallint, e.address FROM core.entity e
			              WHERE (strpos(e.address, t) > 0 OR strpos(core.search_norm(e.address), t) > 0)
			              LIMIT cap - total;
		ELSE
			RETURN QUERY SELECT e.id, 5::smallint, e.address FROM core.entity e
			              WHERE core.search_bigrams(e.address) @> b AND (strpos(e.address, t) > 0 OR strpos(core.search_norm(e.address), t) > 0)
			                AND core.entity_filter_ok(e.division_code, e.entity_type_code, e.industry_code, e.status,
			                                          e.established_on, e.risk_grade, f)
			              LIMIT cap - total;
		END IF;
		GET DIAGNOSTICS found = ROW_COUNT;
		total := total + found;
		IF total >= cap THEN
			RETURN;
		END IF;
		-- nothing contains it: perhaps a typo; names most like it
		IF total = 0 AND char_length(t) >= 3 THEN
			RETURN QUERY SELECT e.id, 6::smallint, NULL::text FROM core.entity e
			              WHERE q OPERATOR(core.<%) e.name
			                AND core.entity_filter_ok(e.division_code, e.entity_type_code, e.industry_code, e.status,
			                                          e.established_on, e.risk_grade, f)
			              ORDER BY core.word_similarity(q, e.name) DESC LIMIT least(cap, 20);
		END IF;
	END IF;
END $$;
COMMENT ON FUNCTION core.entity_candidates(text, text, core.entity_filter, int) IS
	'一次查找的候选主体：每个来源各走自己的索引、各取至多 cap 个（match：0 完全相同，1 前缀或相近代码，2 名称包含，3 曾用名，4 法定代表人，5 地址，6 名称相似）';

-- The search itself: one page of ranked results. q is whatever was typed;
-- the filters are NULL for any (district a division code, entity_type
-- matches its subtypes, industry_section is a GB/T 4754 section letter,
-- reg_status a registration status, risk a credit-risk grade); within narrows the
-- results to those that also contain a second fragment; sort is relevance,
-- name, uscc, legal_rep, status, established, district or capital; the page
-- after the row (after_key, after_id) a previous page ended with (its
-- sort_key and id). Each row says where it stands (pos of total), whether a
-- source had more candidates than cap (capped), and what q was taken for.
CREATE FUNCTION api.entity_search(q text, district text DEFAULT NULL, entity_type text DEFAULT NULL,
                                  industry_section text DEFAULT NULL, reg_status text DEFAULT NULL,
                                  established_from date DEFAULT NULL, established_to date DEFAULT NULL,
                                  risk text DEFAULT NULL, within text DEFAULT NULL,
                                  sort text DEFAULT 'relevance', descending boolean DEFAULT false,
                                  after_key text DEFAULT NULL, after_id bigint DEFAULT NULL,
                                  page_size integer DEFAULT 50, cap integer DEFAULT 500)
RETURNS TABLE (id bigint, uscc text, name text, legal_rep_name text, entity_type_name text, status text,
               status_name text, in_business boolean, established_on date, division_name text,
               registered_capital numeric, risk_grade text, match smallint, matched text, sort_key text,
               pos bigint, total bigint, capped boolean, kind text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
SET enable_seqscan = off
SET jit = off
AS $$
#variable_conflict use_column
DECLARE
	k text := core.entity_query_kind(coalesce(entity_search.q, ''));
	w text := nullif(core.search_norm(coalesce(entity_search.within, '')), '');
	s text := coalesce(entity_search.sort, 'relevance');
	d boolean := coalesce(entity_search.descending, false);
	f core.entity_filter;
BEGIN
	IF s NOT IN ('relevance', 'name', 'uscc', 'legal_rep', 'status', 'established', 'district', 'capital') THEN
		RAISE EXCEPTION '不能按“%”排序', s USING ERRCODE = 'invalid_parameter_value',
			HINT = 'relevance, name, uscc, legal_rep, status, established, district, capital';
	END IF;
	IF entity_search.page_size NOT BETWEEN 1 AND 1000 OR entity_search.cap NOT BETWEEN 1 AND 20000 THEN
		RAISE EXCEPTION '每页行数应为 1–1000，候选上限应为 1–20000' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	f := ROW(NULL, NULL, NULL, NULL, entity_search.established_from, entity_search.established_to, NULL)
	     ::core.entity_filter;
	-- filters are given by code or by name (梁溪区 or 320213, 注销 or deregistered)
	IF nullif(entity_search.district, '') IS NOT NULL THEN
		SELECT d.code INTO f.division_code FROM core.division d
		 WHERE d.code = entity_search.district
		    OR (d.current AND d.level <> 'city' AND d.name LIKE entity_search.district || '%')
		 ORDER BY d.code = entity_search.district DESC, d.code LIMIT 1;
		IF f.division_code IS NULL THEN
			RAISE EXCEPTION '没有这个区县：%', entity_search.district USING ERRCODE = 'invalid_parameter_value';
		END IF;
	END IF;
	IF nullif(entity_search.entity_type, '') IS NOT NULL THEN
		f.type_codes := ARRAY(SELECT t.code FROM core.entity_type t
		                       JOIN core.entity_type p ON p.code IN (t.code, t.parent_code)
		                       LEFT JOIN core.entity_type g ON g.code = p.parent_code
		                      WHERE entity_search.entity_type IN (p.code, p.name, g.code, g.name)
		                         OR entity_search.entity_type IN (t.code, t.name));
		IF cardinality(f.type_codes) = 0 THEN
			RAISE EXCEPTION '没有这个主体类型：%', entity_search.entity_type USING ERRCODE = 'invalid_parameter_value';
		END IF;
	END IF;
	IF nullif(entity_search.industry_section, '') IS NOT NULL THEN
		f.industry_codes := ARRAY(SELECT i.code FROM core.industry i JOIN core.industry sec ON sec.code = i.section
		                           WHERE i.level = 4 AND sec.level = 1
		                             AND (sec.code = upper(entity_search.industry_section)
		                                  OR sec.name = entity_search.industry_section));
		IF cardinality(f.industry_codes) = 0 THEN
			RAISE EXCEPTION '没有这个行业门类：%', entity_search.industry_section
				USING ERRCODE = 'invalid_parameter_value', HINT = 'GB/T 4754 门类字母 A–T';
		END IF;
	END IF;
	IF nullif(entity_search.reg_status, '') IS NOT NULL THEN
		SELECT es.code INTO f.status FROM core.entity_status es
		 WHERE es.code = entity_search.reg_status OR es.name LIKE entity_search.reg_status || '%'
		 ORDER BY es.sort_order LIMIT 1;
		IF f.status IS NULL THEN
			RAISE EXCEPTION '没有这个登记状态：%', entity_search.reg_status USING ERRCODE = 'invalid_parameter_value';
		END IF;
	END IF;
	IF nullif(entity_search.risk, '') IS NOT NULL THEN
		SELECT g.code INTO f.risk_grade FROM core.risk_grade g WHERE g.code = upper(entity_search.risk);
		IF f.risk_grade IS NULL THEN
			RAISE EXCEPTION '没有这个风险等级：%', entity_search.risk USING ERRCODE = 'invalid_parameter_value';
		END IF;
	END IF;
	IF k = 'empty' THEN
		RETURN;
	END IF;
	RETURN QUERY
	WITH raw AS MATERIALIZED (
		SELECT * FROM core.entity_candidates(k, entity_search.q, f, entity_search.cap)
	), cand AS (
		SELECT DISTINCT ON (r.entity_id) r.entity_id, r.match, r.matched FROM raw r ORDER BY r.entity_id, r.match
	), over_cap AS (
		SELECT count(*) >= entity_search.cap AS v FROM raw
	), hit AS (
		SELECT e.id, e.uscc::text AS uscc, e.name, e.legal_rep_name, et.name AS entity_type_name, e.status,
		       split_part(es.name, '（', 1) AS status_name, es.in_business, e.established_on,
		       dv.name AS division_name, e.registered_capital, e.risk_grade, c.match, c.matched,
		       (CASE s
		        WHEN 'relevance' THEN c.match::text || (NOT es.in_business)::int::text
		             || CASE WHEN k <> 'text' THEN e.uscc::text
		                     WHEN c.match = 6
		                     THEN lpad((1000 - round(core.word_similarity(entity_search.q, e.name) * 1000))::int::text, 4, '0')
		                     ELSE lpad(char_length(e.name)::text, 4, '0') END || e.name
		        WHEN 'name' THEN e.name
		        WHEN 'uscc' THEN e.uscc::text
		        WHEN 'legal_rep' THEN coalesce(e.legal_rep_name, '')
		        WHEN 'status' THEN lpad(es.sort_order::text, 4, '0')
		        WHEN 'established' THEN to_char(e.established_on, 'YYYY-MM-DD')
		        WHEN 'district' THEN coalesce(dv.name, '')
		        ELSE lpad(coalesce(round(e.registered_capital * 100)::text, ''), 20, '0') END) COLLATE "C" AS sort_key
		  FROM cand c
		  JOIN core.entity e ON e.id = c.entity_id
		  JOIN core.entity_status es ON es.code = e.status
		  LEFT JOIN core.entity_type et ON et.code = e.entity_type_code
		  LEFT JOIN core.division dv ON dv.code = e.division_code
		 WHERE w IS NULL
		    OR strpos(core.search_norm(e.name), w) > 0 OR strpos(core.search_norm(e.legal_rep_name), w) > 0
		    OR strpos(core.search_norm(e.address), w) > 0 OR strpos(lower(e.uscc), w) > 0
		    OR strpos(core.search_norm(c.matched), w) > 0
	), ranked AS (
		SELECT h.*,
		       row_number() OVER (ORDER BY CASE WHEN NOT d THEN h.sort_key END,
		                                   CASE WHEN d THEN h.sort_key END DESC,
		                                   CASE WHEN d THEN -h.id ELSE h.id END) AS pos,
		       count(*) OVER () AS total
		  FROM hit h
	)
	SELECT r.id, r.uscc, r.name, r.legal_rep_name, r.entity_type_name, r.status, r.status_name, r.in_business,
	       r.established_on, r.division_name, r.registered_capital, r.risk_grade, r.match, r.matched,
	       r.sort_key::text, r.pos, r.total, o.v, k
	  FROM ranked r, over_cap o
	 WHERE entity_search.after_key IS NULL
	    OR (NOT d AND (r.sort_key > entity_search.after_key COLLATE "C"
	                   OR (r.sort_key = entity_search.after_key COLLATE "C" AND r.id > entity_search.after_id)))
	    OR (d AND (r.sort_key < entity_search.after_key COLLATE "C"
	               OR (r.sort_key = entity_search.after_key COLLATE "C" AND r.id < entity_search.after_id)))
	 ORDER BY r.pos
	 LIMIT entity_search.page_size;
END $$;
COMMENT ON FUNCTION api.entity_search(text, text, text, text, text, date, date, text, text, text, boolean, text,
                                      bigint, integer, integer) IS
	'查找市场主体：代码、代码前几位、注册号、电话或文字（名称、曾用名、法定代表人、地址），按条件筛选，排序分页';

-- The values the search screen offers for each filter, in the order shown.
CREATE FUNCTION api.entity_filter_choices() RETURNS TABLE (filter text, code text, name text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT c.filter, c.code, c.name FROM (
		SELECT 1 AS f, 'district' AS filter, d.code::text AS code, d.name, d.code::text AS o
		  FROM core.division d WHERE d.current AND d.level <> 'city'
		UNION ALL
		SELECT 2, 'type', t.code, t.name, lpad(t.sort_order::text, 6, '0')
		  FROM core.entity_type t WHERE t.parent_code IS NULL AND t.active
		UNION ALL
		SELECT 3, 'industry', i.code, i.code || ' ' || i.name, i.code FROM core.industry i WHERE i.level = 1
		UNION ALL
		SELECT 4, 'status', s.code, split_part(s.name, '（', 1), lpad(s.sort_order::text, 6, '0')
		  FROM core.entity_status s
		UNION ALL
		SELECT 5, 'risk', g.code, g.code || ' ' || g.name, lpad(g.rank::text, 6, '0') FROM core.risk_grade g
	) c
	ORDER BY c.f, c.o
$$;
COMMENT ON FUNCTION api.entity_filter_choices() IS '主体查找各筛选条件的可选值（区县、主体类型、行业门类、登记状态、风险等级）';

REVOKE ALL ON FUNCTION api.entity_search(text, text, text, text, text, date, date, text, text, text, boolean, text,
                                         bigint, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.entity_search(text, text, text, text, text, date, date, text, text, text, boolean, text,
                                            bigint, integer, integer) TO smcon_staff;
REVOKE ALL ON FUNCTION api.entity_filter_choices() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.entity_filter_choices() TO smcon_staff;
GRANT EXECUTE ON FUNCTION core.entity_query_kind(text), core.uscc_near(text), core.bigram_share(text, text[]),
	core.entity_filter_ok(text, text, text, text, date, text, core.entity_filter),
	core.entity_candidates(text, text, core.entity_filter, integer) TO smcon_staff;
GRANT USAGE ON TYPE core.entity_filter TO smcon_staff;
