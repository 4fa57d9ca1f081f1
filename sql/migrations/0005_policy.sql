-- 0005 the policy knowledge base (政策知识库): laws, regulations and rules,
-- split into chapters, sections and articles, searchable in Chinese.
--
-- Texts are loaded whole by policy.load_text(), which splits them (0006 holds
-- the 23 texts of data/reference/laws/). The format: a '# title' line,
-- metadata lines up to '<!-- INFO END -->', '## 第X章 title' chapters,
-- '### 第X节 title' sections, and articles as paragraphs beginning '第X条 ';
-- an article runs over the following paragraphs up to the next article or
-- heading.
--
-- Search: pg_trgm's GIN index only indexes 3-character trigrams, useless for
-- two-character Chinese words (调解, 投诉). Each article carries its distinct
-- characters and character pairs (policy.tokens) in a text[] with a GIN index:
-- a word of two or more characters needs every one of its pairs (tokens @>),
-- a one-character word its character; the match is then checked on the text.

CREATE SCHEMA policy;
COMMENT ON SCHEMA policy IS '政策知识库：法律、行政法规、部门规章全文，按章、节、条检索';
GRANT USAGE ON SCHEMA policy TO smcon_staff;

-- Chinese numerals as written in legal texts: 1 一, 10 十, 15 十五, 21 二十一,
-- 105 一百零五, 110 一百一十, 1005 一千零五. For 0 < n < 10000.
CREATE FUNCTION policy.cn_numeral(n integer) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	digits constant text[] := ARRAY['一', '二', '三', '四', '五', '六', '七', '八', '九'];
	units constant text[] := ARRAY['千', '百', '十', ''];
	parts constant integer[] := ARRAY[n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
	res text := '';
	zero boolean := false;
BEGIN
	IF n NOT BETWEEN 1 AND 9999 THEN
		RAISE EXCEPTION '中文数字只支持 1 到 9999：%', n USING ERRCODE = '22003';
	END IF;
	FOR i IN 1..4 LOOP
		IF parts[i] = 0 THEN
			zero := res <> '';
			CONTINUE;
		END IF;
		IF zero THEN
			res := res || '零';
			zero := false;
		END IF;
		IF i = 3 AND parts[i] = 1 AND res = '' THEN
			res := '十';
		ELSE
			res := res || digits[parts[i]] || units[i];
		END IF;
	END LOOP;
	RETURN res;
END $$;
COMMENT ON FUNCTION policy.cn_numeral(integer) IS '整数的中文数字写法（如 45 → 四十五），1 至 9999';

-- The value of a Chinese numeral (四十五 → 45), or NULL when it is not one.
CREATE FUNCTION policy.cn_number(s text) RETURNS integer
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	total integer := 0;
	cur integer := 0;
	ch text;
	v integer;
BEGIN
	IF s !~ '^[〇零一二两三四五六七八九十百千]+$' THEN
		RETURN NULL;
	END IF;
	FOREACH ch IN ARRAY regexp_split_to_array(s, '') LOOP
		v := strpos('一二三四五六七八九', ch);
		IF v > 0 THEN
			cur := v;
		ELSIF ch = '两' THEN
			cur := 2;
		ELSIF ch IN ('零', '〇') THEN
			cur := 0;
		ELSE
			total := total + greatest(cur, 1) * CASE ch WHEN '十' THEN 10 WHEN '百' THEN 100
			                                            ELSE 1000 END;
			cur := 0;
		END IF;
	END LOOP;
	RETURN total + cur;
END $$;
COMMENT ON FUNCTION policy.cn_number(text) IS '中文数字的值（如 四十五 → 45），不是中文数字时为空';

-- An article number as people write it: 21, 第21条, 二十一, 第二十一条.
CREATE FUNCTION policy.article_number(s text) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT CASE WHEN t ~ '^[0-9]{1,4}$' THEN nullif(t::integer, 0)
	            ELSE policy.cn_number(t) END
	  FROM (SELECT regexp_replace(btrim(s, ' 　'), '^第?(.*?)条?$', '\1') AS t) AS x;
$$;
COMMENT ON FUNCTION policy.article_number(text) IS '条文编号的写法（21、第21条、二十一、第二十一条）转为整数';

-- The search tokens of a text: its distinct characters and pairs of adjacent
-- characters, lower-cased, none containing white space.
CREATE FUNCTION policy.tokens(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT coalesce(array_agg(DISTINCT tok ORDER BY tok), '{}')
	  FROM (SELECT regexp_split_to_array(lower(t), '') AS c) AS x
	 CROSS JOIN LATERAL generate_series(1, cardinality(x.c)) AS i
	 CROSS JOIN LATERAL (VALUES (x.c[i]), (x.c[i] || x.c[i + 1])) AS v (tok)
	 WHERE tok IS NOT NULL AND tok !~ '\s';
$$;
COMMENT ON FUNCTION policy.tokens(text) IS '检索用的字和相邻两字（小写，不含空白）';

-- The tokens a word needs: its character pairs, or its one character.
CREATE FUNCTION policy.query_tokens(w text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT CASE WHEN length(w) = 1 THEN policy.tokens(w)
	            ELSE ARRAY(SELECT t FROM unnest(policy.tokens(w)) AS t WHERE length(t) = 2) END;
$$;
COMMENT ON FUNCTION policy.query_tokens(text) IS '检索词需要的索引词：两字组合（单字词为该字）';

CREATE TABLE policy.law (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	title text NOT NULL UNIQUE CHECK (title <> ''),
	short_title text NOT NULL UNIQUE CHECK (short_title <> ''),
	kind text NOT NULL CHECK (kind IN ('法律', '行政法规', '部门规章', '地方性法规', '地方政府规章',
	                                   '规范性文件')),
	issuing_body text NOT NULL,
	version_date date NOT NULL,
	first_date date,
	effective_date date,
	history text NOT NULL,
	full_text text NOT NULL,
	source_file text NOT NULL UNIQUE,
	source_system text NOT NULL,
	loaded_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE policy.law IS '法律法规规章：每部一行，含全文';
COMMENT ON COLUMN policy.law.id IS '内部编号';
COMMENT ON COLUMN policy.law.title IS '标题（全称），如 中华人民共和国消费者权益保护法';
COMMENT ON COLUMN policy.law.short_title IS '简称（文件名），如 消费者权益保护法';
COMMENT ON COLUMN policy.law.kind IS '效力层级：法律、行政法规、部门规章 等';
COMMENT ON COLUMN policy.law.issuing_body IS '制定机关';
COMMENT ON COLUMN policy.law.version_date IS '本文本的日期（最近一次修正、修订或公布）';
COMMENT ON COLUMN policy.law.first_date IS '首次通过或公布的日期（题注中最早的日期）';
COMMENT ON COLUMN policy.law.effective_date IS '施行日期（题注写明时）';
COMMENT ON COLUMN policy.law.history IS '题注：通过、修正、修订、公布、施行的记载';
COMMENT ON COLUMN policy.law.full_text IS '全文（Markdown 原文）';
COMMENT ON COLUMN policy.law.source_file IS '来源文件名';
COMMENT ON COLUMN policy.law.source_system IS '数据来源';
COMMENT ON COLUMN policy.law.loaded_at IS '载入时间';

CREATE TABLE policy.chapter (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	law_id bigint NOT NULL REFERENCES policy.law (id) ON DELETE CASCADE,
	parent_id bigint REFERENCES policy.chapter (id) ON DELETE CASCADE,
	level text NOT NULL CHECK (level IN ('章', '节')),
	number integer NOT NULL CHECK (number > 0),
	label text NOT NULL CHECK (label ~ '^第[〇零一二三四五六七八九十百]+[章节]$'),
	title text NOT NULL,
	seq integer NOT NULL,
	UNIQUE (law_id, seq),
	CHECK ((level = '节') = (parent_id IS NOT NULL))
);
COMMENT ON TABLE policy.chapter IS '法规的章和节';
COMMENT ON COLUMN policy.chapter.id IS '内部编号';
COMMENT ON COLUMN policy.chapter.law_id IS '所属法规';
COMMENT ON COLUMN policy.chapter.parent_id IS '节所属的章（章为空）';
COMMENT ON COLUMN policy.chapter.level IS '层级：章 或 节';
COMMENT ON COLUMN policy.chapter.number IS '章（节）序号';
COMMENT ON COLUMN policy.chapter.label IS '编号写法，如 第一章';
COMMENT ON COLUMN policy.chapter.title IS '章（节）名，如 总则';
COMMENT ON COLUMN policy.chapter.seq IS '在法规中的先后次序';
CREATE INDEX chapter_law_idx ON policy.chapter (law_id);
CREATE INDEX chapter_parent_idx ON policy.chapter (parent_id);

CREATE TABLE policy.article (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	law_id bigint NOT NULL REFERENCES policy.law (id) ON DELETE CASCADE,
	chapter_id bigint REFERENCES policy.chapter (id) ON DELETE CASCADE,
	section_id bigint REFERENCES policy.chapter (id) ON DELETE CASCADE,
	article_no integer NOT NULL CHECK (article_no > 0),
	label text NOT NULL,
	body text NOT NULL CHECK (body <> ''),
	tokens text[] NOT NULL GENERATED ALWAYS AS (policy.tokens(body)) STORED,
	UNIQUE (law_id, article_no),
	CHECK (label = '第' || policy.cn_numeral(article_no) || '条'),
	CHECK (section_id IS NULL OR chapter_id IS NOT NULL)
);
COMMENT ON TABLE policy.article IS '法规条文：每条一行';
COMMENT ON COLUMN policy.article.id IS '内部编号';
COMMENT ON COLUMN policy.article.law_id IS '所属法规';
COMMENT ON COLUMN policy.article.chapter_id IS '所属章（不分章的法规为空）';
COMMENT ON COLUMN policy.article.section_id IS '所属节（不分节时为空）';
COMMENT ON COLUMN policy.article.article_no IS '条序号（整数）';
COMMENT ON COLUMN policy.article.label IS '条的编号写法，如 第二十一条';
COMMENT ON COLUMN policy.article.body IS '条文（不含编号），各款以换行分隔';
COMMENT ON COLUMN policy.article.tokens IS '检索索引词：条文中的字和相邻两字';
CREATE INDEX article_chapter_idx ON policy.article (chapter_id);
CREATE INDEX article_section_idx ON policy.article (section_id);
CREATE INDEX article_no_idx ON policy.article (article_no);
CREATE INDEX article_tokens_idx ON policy.article USING gin (tokens);

GRANT SELECT ON policy.law, policy.chapter, policy.article TO smcon_staff;

-- Kind and issuing body of a text, from its short title and its history:
-- …法 is a law (the NPC Standing Committee, or the NPC when the last entry
-- says so), …条例 a State Council regulation, anything else (办法, 规定,
-- 细则) a SAMR rule.
CREATE FUNCTION policy.kind_of(short_title text, history text,
                               OUT kind text, OUT issuing_body text)
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT CASE WHEN short_title ~ '法$' AND short_title !~ '办法$' THEN '法律'
	            WHEN short_title ~ '条例$' THEN '行政法规'
	            ELSE '部门规章' END,
	       CASE WHEN short_title ~ '法$' AND short_title !~ '办法$' THEN
	                 CASE WHEN coalesce(substring(history FROM '[^\n]*$'), '') ~ '全国人民代表大会(?!常务委员会)'
	                      THEN '全国人民代表大会' ELSE '全国人民代表大会常务委员会' END
	            WHEN short_title ~ '条例$' THEN '国务院'
	            ELSE '国家市场监督管理总局' END;
$$;
COMMENT ON FUNCTION policy.kind_of(text, text) IS '由简称和题注判断效力层级和制定机关';

-- Raises a splitting error that names the file and the line.
CREATE FUNCTION policy.split_error(source_file text, line integer, what text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RAISE EXCEPTION '%（第 % 行）：%', source_file, line, what USING ERRCODE = '22023';
END $$;
COMMENT ON FUNCTION policy.split_error(text, integer, text) IS '报告法规文本切分错误（文件名、行号）';

-- Loads one text (replacing a text of the same short title) and splits it
-- into chapters, sections and articles. source_file is named
-- "SHORT_TITLE(YYYY-MM-DD).md", the date being the text's version. Article
-- and chapter numbers must run 1, 2, 3 … or nothing is loaded. Returns the id.
CREATE FUNCTION policy.load_text(source_file text, md text) RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	lines text[] := regexp_split_to_array(md, '\r?\n');
	m text[];
	short text;
	law bigint;
	ln text;
	i integer := 1;
	title text;
	meta text[] := '{}';
	chap bigint;
	sect bigint;
	n_chap integer := 0;
	n_sect integer := 0;
	seq integer := 0;
	art_no integer := 0;
	art_label text;
	art_body text;
	k record;
BEGIN
	m := regexp_match(source_file, '^(.+)\((\d{4}-\d{2}-\d{2})\)\.md$');
	IF m IS NULL THEN
		RAISE EXCEPTION '法规文件名应为“简称(YYYY-MM-DD).md”：%', source_file USING ERRCODE = '22023';
	END IF;
	short := m[1];
	WHILE i <= cardinality(lines) AND btrim(lines[i]) = '' LOOP
		i := i + 1;
	END LOOP;
	title := btrim(substring(lines[i] FROM '^# (.+)$'), ' 　');
	IF title IS NULL THEN
		PERFORM policy.split_error(source_file, i, '第一行应为“# 标题”');
	END IF;
	i := i + 1;
	WHILE i <= cardinality(lines) AND btrim(lines[i]) <> '<!-- INFO END -->' LOOP
		IF btrim(lines[i], ' 　') <> '' THEN
			meta := meta || btrim(lines[i], ' 　');
		END IF;
		i := i + 1;
	END LOOP;
	IF i > cardinality(lines) THEN
		PERFORM policy.split_error(source_file, i, '缺少 <!-- INFO END -->');
	END IF;
	SELECT * INTO k FROM policy.kind_of(short, array_to_string(meta, E'\n'));
	DELETE FROM policy.law l WHERE l.short_title = short;
	INSERT INTO policy.law (title, short_title, kind, issuing_body, version_date, first_date,
	                        effective_date, history, full_text, source_file, source_system)
	VALUES (title, short, k.kind, k.issuing_body, m[2]::date,
	        (SELECT min(make_date(d[1]::int, d[2]::int, d[3]::int))
	           FROM regexp_matches(array_to_string(meta, E'\n'), '(\d{4})年(\d{1,2})月(\d{1,2})日', 'g') AS d),
	        (SELECT make_date(d[1]::int, d[2]::int, d[3]::int)
	           FROM unnest(meta) AS t, regexp_match(t, '^(\d{4})年(\d{1,2})月(\d{1,2})日\s*施行') AS d
	          WHERE d IS NOT NULL LIMIT 1),
	        array_to_string(meta, E'\n'), md, source_file, '国家法律法规数据库')
	RETURNING id INTO law;
	LOOP
		i := i + 1;
		ln := CASE WHEN i <= cardinality(lines) THEN btrim(lines[i], ' 　') END;
		-- an article ends at the next article, heading or the end of the text
		IF art_label IS NOT NULL AND (ln IS NULL OR ln ~ '^#' OR ln ~ '^第[〇零一二三四五六七八九十百千]+条[ 　]') THEN
			INSERT INTO policy.article (law_id, chapter_id, section_id, article_no, label, body)
			VALUES (law, chap, sect, art_no, art_label, art_body);
			art_label := NULL;
		END IF;
		EXIT WHEN ln IS NULL;
		CONTINUE WHEN ln = '';
		IF ln ~ '^## ' THEN
			m := regexp_match(ln, '^## (第([〇零一二三四五六七八九十百]+)章)[ 　]*(.*)$');
			IF m IS NULL OR policy.cn_number(m[2]) <> n_chap + 1 THEN
				PERFORM policy.split_error(source_file, i, format('应为第 %s 章：%s', n_chap + 1, ln));
			END IF;
			n_chap := n_chap + 1;
			n_sect := 0;
			seq := seq + 1;
			sect := NULL;
			INSERT INTO policy.chapter (law_id, level, number, label, title, seq)
			VALUES (law, '章', n_chap, m[1], m[3], seq) RETURNING id INTO chap;
		ELSIF ln ~ '^### ' THEN
			m := regexp_match(ln, '^### (第([〇零一二三四五六七八九十百]+)节)[ 　]*(.*)$');
			IF m IS NULL OR chap IS NULL OR policy.cn_number(m[2]) <> n_sect + 1 THEN
				PERFORM policy.split_error(source_file, i, format('应为本章第 %s 节：%s', n_sect + 1, ln));
			END IF;
			n_sect := n_sect + 1;
			seq := seq + 1;
			INSERT INTO policy.chapter (law_id, parent_id, level, number, label, title, seq)
			VALUES (law, chap, '节', n_sect, m[1], m[3], seq) RETURNING id INTO sect;
		ELSIF ln ~ '^#' THEN
			PERFORM policy.split_error(source_file, i, '无法识别的标题：' || ln);
		ELSIF ln ~ '^第[〇零一二三四五六七八九十百千]+条[ 　]' THEN
			m := regexp_match(ln, '^(第([〇零一二三四五六七八九十百千]+)条)[ 　]+(.*)$');
			IF policy.cn_number(m[2]) <> art_no + 1 THEN
				PERFORM policy.split_error(source_file, i, format('应为第 %s 条：%s', art_no + 1, left(ln, 20)));
			END IF;
			art_no := art_no + 1;
			art_label := m[1];
			art_body := m[3];
		ELSIF art_label IS NOT NULL THEN
			art_body := art_body || E'\n' || ln;
		ELSE
			PERFORM policy.split_error(source_file, i, '条文之外的文字：' || left(ln, 20));
		END IF;
	END LOOP;
	IF art_no = 0 THEN
		PERFORM policy.split_error(source_file, i, '没有条文');
	END IF;
	RETURN law;
END $$;
COMMENT ON FUNCTION policy.load_text(text, text) IS
	'载入一部法规全文并切分为章、节、条（同简称的旧文本被替换）；返回编号';
REVOKE ALL ON FUNCTION policy.load_text(text, text), policy.split_error(text, integer, text)
	FROM PUBLIC;

-- The laws a title names: the one whose title or short title it is, else
-- every law whose title contains it.
CREATE FUNCTION policy.match_laws(q text) RETURNS SETOF bigint
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT l.id FROM policy.law l WHERE btrim(q) IN (l.title, l.short_title)
	UNION ALL
	SELECT l.id FROM policy.law l
	 WHERE strpos(l.title, btrim(q)) > 0
	   AND NOT EXISTS (SELECT 1 FROM policy.law e WHERE btrim(q) IN (e.title, e.short_title));
$$;
COMMENT ON FUNCTION policy.match_laws(text) IS '按标题查找法规：全称或简称完全相同的一部，否则标题包含该词的各部';

-- The laws (all, or those a title names) with their numbers of chapters and articles.
CREATE FUNCTION api.policy_laws(filter text DEFAULT NULL)
RETURNS TABLE (short_title text, title text, kind text, issuing_body text, version_date date,
               effective_date date, chapters integer, articles integer)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT l.short_title, l.title, l.kind, l.issuing_body, l.version_date, l.effective_date,
	       (SELECT count(*)::int FROM policy.chapter c WHERE c.law_id = l.id AND c.level = '章'),
	       (SELECT count(*)::int FROM policy.article a WHERE a.law_id = l.id)
	  FROM policy.law l
	 WHERE filter IS NULL OR l.id IN (SELECT policy.match_laws(filter))
	 ORDER BY array_position(ARRAY['法律', '行政法规', '部门规章', '地方性法规', '地方政府规章',
	                               '规范性文件'], l.kind), l.short_title;
$$;
COMMENT ON FUNCTION api.policy_laws(text) IS '法规目录（可按标题筛选），含章数、条数';

-- Articles that contain every word (AND). A word that is a number also
-- matches its Chinese numeral (45: 四十五) and the article number (第四十五条);
-- a number is matched whole (45 does not match 145, 一百四十五 or 450).
-- law limits the search to the laws a title names (policy.match_laws).
-- hit_pos / hit_len: the first match in body, in characters (NULL when only
-- the article number matched). Ordered by the number of matches.
CREATE FUNCTION api.policy_search(words text[], law text DEFAULT NULL, max_rows integer DEFAULT 20)
RETURNS TABLE (short_title text, title text, article_no integer, label text, chapter text,
               body text, hit_pos integer, hit_len integer, matches integer)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	w text;
	plain text[] := '{}';
	plain_tokens text[] := '{}';
	num_n integer[] := '{}';
	num_pat text[] := '{}';
	first_digits text[];
	first_cn text[];
	law_ids bigint[];
	numeral constant text := '〇零一二两三四五六七八九十百千';
BEGIN
	FOREACH w IN ARRAY coalesce(words, '{}') LOOP
		w := lower(btrim(w, ' 　'));
		CONTINUE WHEN w = '';
		IF w ~ '^[0-9]{1,4}$' AND w::integer > 0 THEN
			num_n := num_n || w::integer;
			num_pat := num_pat || ('(?<![0-9])' || w || '(?![0-9])|(?<![' || numeral || '])'
			                       || policy.cn_numeral(w::integer) || '(?![' || numeral || '])');
			IF first_digits IS NULL THEN
				first_digits := policy.query_tokens(w);
				first_cn := policy.query_tokens(policy.cn_numeral(w::integer));
			END IF;
		ELSE
			plain := plain || w;
			plain_tokens := plain_tokens || policy.query_tokens(w);
		END IF;
	END LOOP;
	IF cardinality(plain) + cardinality(num_n) = 0 THEN
		RAISE EXCEPTION '请给出至少一个检索词' USING ERRCODE = '22023';
	END IF;
	IF law IS NOT NULL THEN
		law_ids := ARRAY(SELECT policy.match_laws(law));
		IF cardinality(law_ids) = 0 THEN
			RAISE EXCEPTION '没有标题含“%”的法规', law USING ERRCODE = 'P0002';
		END IF;
	END IF;
	-- Planned with the values, so the GIN conditions that do not apply fold away.
	RETURN QUERY EXECUTE $q$
		SELECT l.short_title, l.title, a.article_no, a.label,
		       concat_ws(' ', c.label, c.title, s.label, s.title), a.body,
		       h.pos, h.len, m.n
		  FROM policy.article a
		  JOIN policy.law l ON l.id = a.law_id
		  LEFT JOIN policy.chapter c ON c.id = a.chapter_id
		  LEFT JOIN policy.chapter s ON s.id = a.section_id
		  LEFT JOIN LATERAL (
		        SELECT x.pos, x.len
		          FROM (SELECT strpos(lower(a.body), p) AS pos, length(p) AS len
		                  FROM unnest($1::text[]) AS p
		                UNION ALL
		                SELECT regexp_instr(a.body, q), length(regexp_substr(a.body, q))
		                  FROM unnest($4::text[]) AS q) AS x
		         WHERE x.pos > 0
		         ORDER BY x.pos, x.len DESC
		         LIMIT 1) AS h ON true
		 CROSS JOIN LATERAL (
		        SELECT (coalesce(sum((length(a.body) - length(replace(lower(a.body), p, '')))
		                             / length(p)), 0)
		                + (SELECT coalesce(sum(regexp_count(a.body, q.pat)
		                                       + (a.article_no = q.n)::int), 0)
		                     FROM unnest($4::text[], $3::int[]) AS q (pat, n)))::int AS n
		          FROM unnest($1::text[]) AS p) AS m
		 WHERE a.tokens @> $2::text[]
		   AND ($5::text[] IS NULL OR a.tokens @> $5 OR a.tokens @> $6::text[]
		        OR a.article_no = ($3::int[])[1])
		   AND ($7::bigint[] IS NULL OR a.law_id = ANY ($7))
		   AND NOT EXISTS (SELECT 1 FROM unnest($1::text[]) AS p WHERE strpos(lower(a.body), p) = 0)
		   AND NOT EXISTS (SELECT 1 FROM unnest($4::text[], $3::int[]) AS q (pat, n)
		                    WHERE a.body !~ q.pat AND a.article_no <> q.n)
		 ORDER BY m.n DESC, l.id, a.article_no
		 LIMIT $8
	$q$ USING plain, plain_tokens, num_n, num_pat, first_digits, first_cn, law_ids,
	          greatest(coalesce(max_rows, 20), 1);
END $$;
COMMENT ON FUNCTION api.policy_search(text[], text, integer) IS
	'检索法规条文：各词都须出现；数字同时匹配中文数字和条序号；可限定法规';

-- One article of one law, for citing: law names one law (policy.match_laws),
-- article is written 21, 第21条, 二十一 or 第二十一条.
CREATE FUNCTION api.policy_article(law text, article text)
RETURNS TABLE (short_title text, title text, kind text, issuing_body text, version_date date,
               chapter text, section text, article_no integer, label text, body text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	ids bigint[] := ARRAY(SELECT policy.match_laws(law));
	n integer := policy.article_number(article);
BEGIN
	IF cardinality(ids) = 0 THEN
		RAISE EXCEPTION '没有标题含“%”的法规', law USING ERRCODE = 'P0002';
	ELSIF cardinality(ids) > 1 THEN
		RAISE EXCEPTION '“%”对应多部法规：%；请写出其中一部的简称', law,
			(SELECT string_agg(l.short_title, '、' ORDER BY l.short_title)
			   FROM policy.law l WHERE l.id = ANY (ids))
			USING ERRCODE = '22023';
	END IF;
	IF n IS NULL THEN
		RAISE EXCEPTION '条文编号“%”无效：写作 21、第21条 或 第二十一条', article USING ERRCODE = '22023';
	END IF;
	RETURN QUERY
	SELECT l.short_title, l.title, l.kind, l.issuing_body, l.version_date,
	       concat_ws(' ', c.label, c.title), concat_ws(' ', s.label, s.title),
	       a.article_no, a.label, a.body
	  FROM policy.article a
	  JOIN policy.law l ON l.id = a.law_id
	  LEFT JOIN policy.chapter c ON c.id = a.chapter_id
	  LEFT JOIN policy.chapter s ON s.id = a.section_id
	 WHERE a.law_id = ids[1] AND a.article_no = n;
	IF NOT FOUND THEN
		RAISE EXCEPTION '%没有第 % 条（共 % 条）',
			(SELECT l.short_title FROM policy.law l WHERE l.id = ids[1]), n,
			(SELECT count(*) FROM policy.article a WHERE a.law_id = ids[1])
			USING ERRCODE = 'P0002';
	END IF;
END $$;
COMMENT ON FUNCTION api.policy_article(text, text) IS '某部法规的某一条全文（供引用）';

REVOKE ALL ON FUNCTION api.policy_laws(text), api.policy_search(text[], text, integer),
	api.policy_article(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION policy.cn_numeral(integer), policy.cn_number(text),
	policy.article_number(text), policy.tokens(text), policy.query_tokens(text),
	policy.match_laws(text), api.policy_laws(text), api.policy_search(text[], text, integer),
	api.policy_article(text, text) TO smcon_staff;
