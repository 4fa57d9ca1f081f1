-- 0084 the entity search asks each source for what is left of the cap.
-- core.entity_candidates (0062) reads its sources in the order of their rank
-- and stops once cap candidates are in, but asked every source for cap rows:
-- a fragment such as 新吴区, which starts 23,000 names and is contained in
-- 208,000, read 467 names by prefix and then 500 more by the bigram index,
-- 967 heap visits for a ranking of 500 (about 20 ms, the p99 of the
-- 3-character benchmark). Each later source now asks only for cap - total.
-- The function is otherwise as 0062 wrote it.

-- pg_trgm defines its settings when its library is loaded (see 0062)
SELECT core.show_limit();

CREATE OR REPLACE FUNCTION core.entity_candidates(kind text, q text, f core.entity_filter, cap int)
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
