-- 0002 the Unified Social Credit Code (统一社会信用代码, GB 32100-2015).
-- The same algorithm is in src/base/uscc.c; tests/data/uscc-vectors.txt is fed
-- through both and they must agree.

-- What is wrong with a code, or NULL when it is valid. The answer is one of
--   'length'          not 18 characters
--   'char N'          position N (1-based) holds a character outside the set
--   'org_check X'     position 17 (the GB 11714 organization-code check
--                     character over positions 9-16) should be X
--   'check X'         position 18 (the code's check character) should be X
-- The code is taken as given: callers normalise (upper case, no blanks) first.
CREATE FUNCTION core.uscc_problem(code text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	charset constant text := '0123456789ABCDEFGHJKLMNPQRTUWXY';
	weights constant int[] := ARRAY[1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
	org_weights constant int[] := ARRAY[3, 7, 9, 10, 5, 8, 4, 2];
	ch text;
	v int;
	total int := 0;
	org_total int := 0;
	want int;
	org_want text;
BEGIN
	IF length(code) <> 18 THEN
		RETURN 'length';
	END IF;
	FOR i IN 1..18 LOOP
		ch := substr(code, i, 1);
		v := strpos(charset, ch) - 1;
		IF v < 0 THEN
			RETURN 'char ' || i;
		END IF;
		IF i <= 17 THEN
			total := total + v * weights[i];
		END IF;
		IF i BETWEEN 9 AND 16 THEN
			-- letters take their full-alphabet value here (A=10 ... Z=35)
			org_total := org_total + (CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48
			                               ELSE ascii(ch) - 55 END) * org_weights[i - 8];
		END IF;
	END LOOP;
	org_want := CASE 11 - org_total % 11 WHEN 10 THEN 'X' WHEN 11 THEN '0'
	                                     ELSE (11 - org_total % 11)::text END;
	IF substr(code, 17, 1) <> org_want THEN
		RETURN 'org_check ' || org_want;
	END IF;
	want := (31 - total % 31) % 31;
	IF substr(code, 18, 1) <> substr(charset, want + 1, 1) THEN
		RETURN 'check ' || substr(charset, want + 1, 1);
	END IF;
	RETURN NULL;
END $$;
COMMENT ON FUNCTION core.uscc_problem(text) IS
	'统一社会信用代码（GB 32100）的问题：有效时为空，否则为 length / char N / org_check X / check X';

CREATE FUNCTION core.uscc_valid(code text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN core.uscc_problem(code) IS NULL;
COMMENT ON FUNCTION core.uscc_valid(text) IS '统一社会信用代码是否有效（GB 32100）';

-- Upper case, blanks removed: how operators' typing becomes a code.
CREATE FUNCTION core.uscc_normalize(code text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN upper(regexp_replace(code, '\s', '', 'g'));
COMMENT ON FUNCTION core.uscc_normalize(text) IS '规范化统一社会信用代码：转大写、去空白';

CREATE DOMAIN core.uscc AS text
	CONSTRAINT uscc_valid CHECK (core.uscc_valid(VALUE));
COMMENT ON DOMAIN core.uscc IS '统一社会信用代码（18 位，GB 32100 校验）';

GRANT EXECUTE ON FUNCTION core.uscc_problem(text), core.uscc_valid(text),
	core.uscc_normalize(text) TO smcon_staff;
