-- 0061 Entity lookup, part 1: the indexes a clerk's search box needs.
--
-- A Chinese name fragment of two characters (a 字号 such as 红豆, 海澜) is the
-- most common search, and pg_trgm indexes only three-character fragments of
-- CJK text. So every searchable text (name, former names, legal
-- representative, address) is indexed by its two-character substrings: an
-- IMMUTABLE function gives the bigrams, a GIN index over its text[] answers
-- `bigrams @> query bigrams`, and the fragment itself is rechecked. The texts
-- are compared after core.search_norm(): lower case, full-width ASCII forms
-- made half-width, blanks removed (so 中山路168号 finds 中山路 168 号).
-- Codes: the USCC has its unique index (prefixes are ranges on it), the
-- 注册号 its unique index; phone numbers are found by their digits read
-- backwards, so that an exact number and the tail of one are both a range.
-- pg_trgm (trusted) gives the typo-tolerant fallback: word_similarity on the
-- name when the fragment finds nothing.
--
-- The helpers are called for every row an index is built from, so they take
-- no SET clause (which would stop inlining and cost a settings switch per
-- call) and name everything schema-qualified instead.

CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA core;

-- Text as the search compares it. One translate() does it all: the
-- characters past the end of the second list (blanks, 间隔号) are deleted.
CREATE FUNCTION core.search_norm(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.lower(pg_catalog.translate(t,
	'０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ（）－'
	|| E' \t\n\r\v\f\u3000\u00a0·・',
	'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz()-'));
COMMENT ON FUNCTION core.search_norm(text) IS
	'查找用的规范文本：转小写，全角字母数字括号转半角，去空白和间隔号';

-- The two-character substrings of a text already normalised (empty for
-- fewer than two characters).
CREATE FUNCTION core.bigrams(n text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN ARRAY(SELECT pg_catalog.substr(n, i, 2) FROM pg_catalog.generate_series(1, pg_catalog.char_length(n) - 1) AS i);
COMMENT ON FUNCTION core.bigrams(text) IS '文本的全部相邻二字组（已规范化的文本；不足两个字为空数组）';

-- The bigrams of a text as the search compares it: what the GIN indexes hold.
CREATE FUNCTION core.search_bigrams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN core.bigrams(core.search_norm(t));
COMMENT ON FUNCTION core.search_bigrams(text) IS '查找索引用的二字组：core.bigrams(core.search_norm(t))';

-- A phone number's digits, last digit first: a number and its tail are prefixes.
CREATE FUNCTION core.phone_key(phone text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.reverse(pg_catalog.regexp_replace(phone, '[^0-9]', '', 'g'));
COMMENT ON FUNCTION core.phone_key(text) IS '电话号码的数字倒序（按号码或尾号查找用）';

CREATE INDEX entity_name_bigram_idx ON core.entity USING gin (core.search_bigrams(name));
CREATE INDEX entity_legal_rep_bigram_idx ON core.entity USING gin (core.search_bigrams(legal_rep_name));
CREATE INDEX entity_address_bigram_idx ON core.entity USING gin (core.search_bigrams(address));
CREATE INDEX entity_former_name_bigram_idx ON core.entity_former_name USING gin (core.search_bigrams(name));
-- exact name and name prefix
CREATE INDEX entity_name_norm_idx ON core.entity ((core.search_norm(name)) COLLATE "C");
CREATE INDEX entity_phone_key_idx ON core.entity ((core.phone_key(phone)) COLLATE "C");
-- typos: word_similarity on the name
CREATE INDEX entity_name_trgm_idx ON core.entity USING gin (name core.gin_trgm_ops);

GRANT EXECUTE ON FUNCTION core.search_norm(text), core.bigrams(text), core.search_bigrams(text),
	core.phone_key(text) TO smcon_staff;
