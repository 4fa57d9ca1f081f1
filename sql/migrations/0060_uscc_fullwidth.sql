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
-- right ending of a code typed without it. core.uscc_problem() names the
-- character each check position should hold, so the algorithm stays in one
-- place.
CREATE FUNCTION core.uscc_complete(first16 text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN (
	SELECT CASE WHEN first16 ~ '^[0-9A-HJ-NP-RTUW-Y]{16}$'
	            THEN first16 || o.c || coalesce(substring(core.uscc_problem(first16 || o.c || '0') FROM '^check (.)$'), '0')
	       END
	  FROM (SELECT coalesce(substring(core.uscc_problem(first16 || '00') FROM '^org_check (.)$'), '0') AS c) o);
COMMENT ON FUNCTION core.uscc_complete(text) IS '由前 16 位算出完整的统一社会信用代码（第 17、18 位校验码）；不是 16 个代码字符时为空';
GRANT EXECUTE ON FUNCTION core.uscc_complete(text) TO smcon_staff;
