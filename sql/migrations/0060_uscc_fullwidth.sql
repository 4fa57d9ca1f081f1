-- 0060 Codes typed with a Chinese input method: an IME in full-width mode
-- gives ０-９ and Ａ-Ｚ (or ａ-ｚ) instead of ASCII. core.uscc_normalize()
-- turns them into ASCII before upper-casing, the same as uscc_normalize() in
-- src/base/uscc.c (tests/cmd/uscc_agree.t feeds both the same vectors).
-- 0002 is never edited: the function is redefined here.

CREATE OR REPLACE FUNCTION core.uscc_normalize(code text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN upper(translate(regexp_replace(code, '\s', '', 'g'),
	'０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ',
	'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'));
COMMENT ON FUNCTION core.uscc_normalize(text) IS
	'规范化统一社会信用代码：全角数字和字母转半角，转大写，去空白';

-- The 18-character code whose first 16 characters are first16: positions
-- 17 (GB 11714 organization-code check) and 18 (the code's check character)
-- computed, as uscc_complete() does in C. NULL when first16 is not 16
-- characters from the set. For test and demo data, and to suggest the
-- right ending of a code typed without it.
CREATE FUNCTION core.uscc_complete(first16 text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	cs constant text := '0123456789ABCDEFGHJKLMNPQRTUWXY';
	weights constant int[] := ARRAY[1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
	org_weights constant int[] := ARRAY[3, 7, 9, 10, 5, 8, 4, 2];
	org_total int := 0;
	total int := 0;
	ch text;
	code text;
BEGIN
	IF first16 !~ '^[0-9A-HJ-NP-RTUW-Y]{16}$' THEN
		RETURN NULL;
	END IF;
	FOR i IN 9..16 LOOP
		ch := substr(first16, i, 1);
		org_total := org_total + (CASE WHEN ch ~ '[0-9]' THEN ascii(ch) - 48 ELSE ascii(ch) - 55 END)
		                         * org_weights[i - 8];
	END LOOP;
	code := first16 || CASE 11 - org_total % 11 WHEN 10 THEN 'X' WHEN 11 THEN '0'
	                                            ELSE (11 - org_total % 11)::text END;
	FOR i IN 1..17 LOOP
		total := total + (strpos(cs, substr(code, i, 1)) - 1) * weights[i];
	END LOOP;
	RETURN code || substr(cs, (31 - total % 31) % 31 + 1, 1);
END $$;
COMMENT ON FUNCTION core.uscc_complete(text) IS '由前 16 位算出完整的统一社会信用代码（第 17、18 位校验码）；不是 16 个代码字符时为空';
GRANT EXECUTE ON FUNCTION core.uscc_complete(text) TO smcon_staff;
