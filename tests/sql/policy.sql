-- The policy knowledge base: the 23 texts split right, numerals, search.
BEGIN;
SELECT plan(36);

SELECT is((SELECT count(*)::int FROM policy.law), 23, 'the 23 texts are loaded');
SELECT is((SELECT count(*)::int FROM policy.article a JOIN policy.law l ON l.id = a.law_id
            WHERE l.short_title = '消费者权益保护法'), 63, '消费者权益保护法 has 63 articles');

-- Every law: as many articles as the highest 第X条 that begins a paragraph of
-- its text, numbered 1..N without gaps, and no article text holds another.
SELECT is((SELECT count(*)::int FROM policy.law l
            WHERE (SELECT count(*) FROM policy.article a WHERE a.law_id = l.id)
                  <> (SELECT max(policy.cn_number(m[1]))
                        FROM regexp_matches(l.full_text, '(?:^|\n)第([〇零一二三四五六七八九十百千]+)条 ', 'g') AS m)),
          0, 'every law has as many articles as the highest 第X条 in its file');
SELECT is((SELECT count(*)::int FROM policy.law l
            WHERE (SELECT max(article_no) FROM policy.article a WHERE a.law_id = l.id)
                  <> (SELECT count(*) FROM policy.article a WHERE a.law_id = l.id)),
          0, '  ... numbered without gaps');
SELECT is((SELECT count(*)::int FROM policy.article
            WHERE body ~ '(^|\n)第[〇零一二三四五六七八九十百千]+条 ' OR body ~ '(^|\n)#'),
          0, 'no article swallowed the next one or a heading');
SELECT is((SELECT sum(length(regexp_replace(a.body, '\s', '', 'g')) + length(a.label))::bigint
             FROM policy.article a JOIN policy.law l ON l.id = a.law_id
            WHERE l.short_title = '食品安全法'),
          (SELECT sum(length(regexp_replace(t, '\s', '', 'g')))::bigint
             FROM policy.law l,
                  regexp_split_to_table(split_part(l.full_text, '<!-- INFO END -->', 2), '\n') AS t
            WHERE l.short_title = '食品安全法' AND t !~ '^#'),
          'no text is lost: 食品安全法 articles hold every character of its body');

SELECT is((SELECT count(*)::int FROM policy.chapter c JOIN policy.law l ON l.id = c.law_id
            WHERE l.short_title = '消费者权益保护法' AND c.level = '章'), 8,
          '消费者权益保护法 has 8 chapters');
SELECT is((SELECT string_agg(c.label || ' ' || c.title, '；' ORDER BY c.seq)
             FROM policy.chapter c JOIN policy.law l ON l.id = c.law_id
            WHERE l.short_title = '行政处罚法' AND c.level = '节'),
          '第一节 一般规定；第二节 简易程序；第三节 普通程序；第四节 听证程序',
          '行政处罚法 has four sections');
SELECT is((SELECT c.label FROM policy.chapter c WHERE c.id = (SELECT s.parent_id
             FROM policy.chapter s JOIN policy.law l ON l.id = s.law_id
            WHERE l.short_title = '行政处罚法' AND s.label = '第三节')),
          '第五章', '  ... in 第五章');
SELECT is((SELECT s.label FROM policy.article a JOIN policy.law l ON l.id = a.law_id
             JOIN policy.chapter s ON s.id = a.section_id
            WHERE l.short_title = '行政处罚法' AND a.article_no = 51), '第二节',
          '第五十一条 of 行政处罚法 (当场处罚) is in the section 简易程序');
SELECT is((SELECT count(*)::int FROM policy.article a JOIN policy.law l ON l.id = a.law_id
            WHERE l.short_title = '市场监督管理投诉举报处理暂行办法' AND a.chapter_id IS NULL), 40,
          'a rule without chapters: 40 articles, none in a chapter');
SELECT is((SELECT c.title FROM policy.chapter c JOIN policy.law l ON l.id = c.law_id
            WHERE l.short_title = '市场主体登记管理条例' AND c.number = 1), '总则',
          'a chapter title after a full-width space');
SELECT is((SELECT a.body FROM policy.article a JOIN policy.law l ON l.id = a.law_id
            WHERE l.short_title = '消费者权益保护法' AND a.article_no = 5),
          E'国家保护消费者的合法权益不受侵害。\n国家采取措施，保障消费者依法行使权利，维护消费者的合法权益。\n国家倡导文明、健康、节约资源和保护环境的消费方式，反对浪费。',
          'an article runs over its paragraphs');
SELECT is((SELECT a.label FROM policy.article a JOIN policy.law l ON l.id = a.law_id
            WHERE l.short_title = '特种设备安全法' AND a.article_no = 101), '第一百零一条',
          'article 101 is 第一百零一条');

-- Metadata.
SELECT results_eq($$SELECT kind, issuing_body FROM policy.law WHERE short_title IN
                     ('消费者权益保护法', '认证认可条例', '市场监督管理投诉举报处理暂行办法',
                      '市场主体登记管理条例实施细则') ORDER BY short_title$$,
                  $$VALUES ('部门规章', '国家市场监督管理总局'), ('部门规章', '国家市场监督管理总局'),
                           ('法律', '全国人民代表大会常务委员会'), ('行政法规', '国务院')$$,
                  'kinds and issuing bodies');
SELECT is((SELECT row(version_date, first_date, effective_date)::text FROM policy.law
            WHERE short_title = '企业信息公示暂行条例'), '(2014-08-07,2014-07-23,2014-10-01)',
          'dates: the version from the file name, the first and the effective date from the notes');
SELECT is((SELECT title FROM policy.law WHERE short_title = '消费者权益保护法'),
          '中华人民共和国消费者权益保护法', 'the full title from the # line');

-- Numerals.
SELECT is(policy.cn_numeral(45), '四十五', '45 is 四十五');
SELECT is(policy.cn_numeral(10) || ' ' || policy.cn_numeral(15) || ' ' || policy.cn_numeral(110)
          || ' ' || policy.cn_numeral(105) || ' ' || policy.cn_numeral(1005),
          '十 十五 一百一十 一百零五 一千零五', '10, 15, 110, 105, 1005');
SELECT is((SELECT count(*)::int FROM generate_series(1, 9999) AS n
            WHERE policy.cn_number(policy.cn_numeral(n)) <> n), 0,
          'cn_number undoes cn_numeral for 1..9999');
SELECT is(policy.article_number('第二十一条') || ',' || policy.article_number('21') || ','
          || policy.article_number('第21条') || ',' || policy.article_number('二十一'), '21,21,21,21',
          'an article number written four ways');
SELECT is(policy.article_number('第X条'), NULL, 'not an article number');

-- Search.
SELECT ok((SELECT bool_or(short_title = '市场监督管理投诉举报处理暂行办法' AND label = '第二十一条')
             FROM api.policy_search(ARRAY['调解', '45'])),
          '调解 45 finds the 45-working-day mediation limit (投诉举报处理暂行办法 第二十一条)');
SELECT is((SELECT substr(body, hit_pos, hit_len) FROM api.policy_search(ARRAY['45', '终止调解'])
            WHERE label = '第二十一条'), '终止调解', '  ... the first hit is where it is');
SELECT is((SELECT substr(body, hit_pos, hit_len) FROM api.policy_search(ARRAY['45'], '投诉举报')
            WHERE label = '第二十一条'), '四十五', 'a number finds its Chinese numeral');
SELECT ok((SELECT bool_and(body ~ '调解' AND body ~ '(四十五|45)' OR article_no = 45)
             FROM api.policy_search(ARRAY['调解', '45'], NULL, 100)),
          'every hit contains every word (AND)');
SELECT ok((SELECT bool_or(label = '第四十五条')
             FROM api.policy_search(ARRAY['45'], '消费者权益保护法', 100)),
          'a number also finds the article of that number');
SELECT ok(NOT EXISTS (SELECT 1 FROM api.policy_search(ARRAY['45'], '食品安全法', 100)
                       WHERE body ~ '一百四十五' AND body !~ '(?<![〇零一二三四五六七八九十百千])四十五'),
          '45 does not match 一百四十五');
SELECT ok(NOT EXISTS (SELECT 1 FROM api.policy_search(ARRAY['15'], NULL, 1000)
                       WHERE body ~ '二十五' AND body !~ '(?<![〇零一二三四五六七八九十百千])十五(?![〇零一二三四五六七八九十百千])'
                         AND body !~ '(?<![0-9])15(?![0-9])' AND article_no <> 15),
          '15 does not match 二十五');
SELECT is((SELECT count(*)::int FROM api.policy_search(ARRAY['退货'], NULL, 1000)),
          (SELECT count(*)::int FROM policy.article WHERE body LIKE '%退货%'),
          'a two-character word finds exactly the articles that contain it');
SELECT is_empty($$SELECT * FROM api.policy_search(ARRAY['调解', '商标注册证'])$$,
                'no article holds both words: no hits');
SELECT ok((SELECT bool_and(short_title = '消费者权益保护法')
             FROM api.policy_search(ARRAY['退货'], '消费者权益保护法', 100)),
          '--law limits the search');
SELECT throws_ok($$SELECT * FROM api.policy_search(ARRAY['退货'], '不存在的法')$$, 'P0002', NULL,
                 'a --law that names no law is not found');
SELECT throws_ok($$SELECT * FROM api.policy_search(ARRAY[' '])$$, '22023', NULL,
                 'no word to search for');

-- The index does the work for a two-character word.
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY EXECUTE 'EXPLAIN ' || q;
END $$;
SET LOCAL enable_seqscan = off;
SELECT ok((SELECT count(*) FROM policy.article WHERE tokens @> policy.query_tokens('调解')) > 0
          AND (SELECT string_agg(p, E'\n') FROM pg_temp.plan_of(
                 $$SELECT id FROM policy.article WHERE tokens @> policy.query_tokens('调解')$$) AS p)
              ~ 'article_tokens_idx',
          'a two-character word is looked up in the GIN index of character pairs');
RESET enable_seqscan;

SELECT ok(has_function_privilege('smcon_clerk', 'api.policy_search(text[], text, integer)', 'EXECUTE')
          AND has_table_privilege('smcon_dispatcher', 'policy.article', 'SELECT')
          AND NOT has_function_privilege('smcon_admin', 'policy.load_text(text, text)', 'EXECUTE'),
          'all staff read the knowledge base; only the owner loads texts');
SELECT * FROM finish();
ROLLBACK;
