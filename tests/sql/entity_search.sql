-- Entity lookup in SQL: the text the search compares, the bigrams its
-- indexes hold, near matches of a mistyped code, the ranking, keyset
-- pages, the profile's tabs, and how the functions are declared (as the
-- caller, search_path pinned; the one writer as the owner).
BEGIN;
SELECT * FROM no_plan();
\ir ../data/entity-fixtures.sql

-- normalising and bigrams
SELECT is(core.search_norm('ＡＢＣ 中山路　168 号（一楼）·'), 'abc中山路168号(一楼)',
          'search_norm: lower case, full-width made ASCII, blanks and 间隔号 gone');
SELECT is(core.bigrams('红豆实业'), '{红豆,豆实,实业}', 'bigrams: every pair of neighbours');
SELECT is(core.bigrams('红'), '{}', '  ... none for one character');
SELECT is(core.search_bigrams('红 豆'), '{红豆}', 'search_bigrams normalises first');
SELECT is(core.phone_key('0510-8271 8888'), '888817280150', 'phone_key: the digits, last first');
SELECT is(core.uscc_normalize('９１３２０２１４７４５５５５３１８ｗ'), '91320214745555318W',
          'uscc_normalize makes full-width digits and letters ASCII');

-- near matches of a mistyped code
SELECT ok('91320202MA1TAA04X7' = ANY (core.uscc_near('91320202MA1TAA04X8')), 'a wrong check character: the right code is near');
SELECT ok('91320202MA1TAA04X7' = ANY (core.uscc_near('91320202MA1TAA40X7')), 'two characters swapped: the right code is near');
SELECT ok('91320202MA1TAA04X7' = ANY (core.uscc_near('91320202MA1TAAO4X7')), 'an O for a 0: the right code is near');
SELECT ok((SELECT bool_and(core.uscc_valid(c)) FROM unnest(core.uscc_near('91320202MA1TAA04X8')) c),
          'every near code is valid');
SELECT ok(cardinality(core.uscc_near('91320202MA1TAA04X8')) BETWEEN 1 AND 35, '  ... and there are at most 35');
SELECT ok(NOT '91320202MA1TAA04X7' = ANY (core.uscc_near('91320202MA1TAA04X7')), 'a code is not near itself');
SELECT is(core.uscc_near('红豆'), '{}', 'no near codes for text');

-- what a search finds, and in which order
SELECT is((SELECT array_agg(s.uscc ORDER BY s.pos) FROM api.entity_search('91320202MA1TAA04X8') s),
          '{91320202MA1TAA04X7}', 'a mistyped code finds the near code');
SELECT is((SELECT s.match FROM api.entity_search('无锡红豆纺织科技有限公司') s WHERE s.pos = 1), 0::smallint,
          'the exact name is match 0, first');
SELECT is((SELECT s.match FROM api.entity_search('无锡红豆纺织') s WHERE s.uscc = '91320213MA1XHD015B'), 1::smallint,
          'the start of a name is match 1');
SELECT is((SELECT s.match FROM api.entity_search('红豆纺织') s WHERE s.uscc = '91320213MA1XHD015B'), 2::smallint,
          'a fragment of a name is match 2');
SELECT is((SELECT s.matched FROM api.entity_search('太湖毛纺') s), '无锡市太湖毛纺织厂',
          'a former name is matched and named');
SELECT ok((SELECT bool_and(s.pos < t.pos) FROM api.entity_search('红豆') s, api.entity_search('红豆') t
            WHERE s.uscc = '91320213MA1XHD015B' AND t.uscc = '91320211MA1RBB0548'),
          'in business before deregistered');
SELECT is((SELECT count(*) FROM api.entity_search('晨曦', page_size => 1000)), 130::bigint, '130 rows for 晨曦');
SELECT is((SELECT max(s.total) FROM api.entity_search('晨曦', page_size => 10) s), 130::bigint,
          '  ... a page of 10 says there are 130');
SELECT is((SELECT array_agg(s.pos ORDER BY s.pos) FROM api.entity_search('晨曦', page_size => 3,
                                                  after_key => (SELECT x.sort_key FROM api.entity_search('晨曦') x WHERE x.pos = 50),
                                                  after_id => (SELECT x.id FROM api.entity_search('晨曦') x WHERE x.pos = 50)) s),
          '{51,52,53}'::bigint[], 'the page after row 50 starts at row 51');
SELECT is((SELECT count(*) FROM api.entity_search('')), 0::bigint, 'nothing typed, nothing found');
SELECT throws_ok($$SELECT * FROM api.entity_search('红豆', sort => 'pinyin')$$, '22023', NULL,
                 'an unknown sort is refused');
SELECT throws_ok($$SELECT * FROM api.entity_search('红豆', risk => 'Z')$$, '22023', NULL,
                 'an unknown risk grade is refused');
SELECT is((SELECT array_agg(DISTINCT c.filter ORDER BY c.filter) FROM api.entity_filter_choices() c),
          '{district,industry,risk,status,type}', 'the filters offer districts, types, sections, statuses, grades');
SELECT ok(NOT EXISTS (SELECT 1 FROM api.entity_filter_choices() c WHERE c.filter = 'district' AND c.name = '崇安区'),
          '  ... current districts only');

-- the profile
SELECT is((SELECT h.reg_division_note FROM api.entity_header('91320202ma1taa04x7') h), '2015 年撤销，今属梁溪区',
          'the header of a retired district''s code says what became of it');
SELECT is((SELECT h.legal_rep_id_no_masked FROM api.entity_header('91320213MA1XHD015B') h), '320213********3016',
          'the legal representative''s ID number is masked');
SELECT is((SELECT count(*) FROM api.entity_header('91320213MA1XHD015C')), 0::bigint, 'no header for an unknown code');
SELECT is((SELECT array_agg(DISTINCT f.tab ORDER BY f.tab) FROM api.entity_facts('91320213MA1XHD015B') f),
          '{complaint,credit,enforcement,equipment,ip,licence,registration}', 'the tabs with facts');
SELECT is((SELECT max(f.tab_total) FROM api.entity_facts('91320213MA1XHD015B') f WHERE f.tab = 'registration'),
          4::bigint, 'registration: 2 changes, a former name, a tag');
SELECT is((SELECT array_agg(f.fact_on ORDER BY f.sort_key DESC) FROM api.entity_facts('91320213MA1XHD015B', 'registration', 2) f
            WHERE f.category = '变更登记' OR f.category = '曾用名'),
          '{2021-07-06}'::date[], 'a page of 2 has the newest first');
SELECT is((SELECT count(*) FROM api.entity_facts('91320213MA1XHD015B', 'registration', 50,
                                                 (SELECT min(x.sort_key) FROM api.entity_facts('91320213MA1XHD015B', 'registration', 2) x))),
          2::bigint, 'the page after the second row has the other two');
SELECT is((SELECT count(*) FROM api.entity_risk('91320213MA1XHD015B')), 3::bigint, 'three facts behind the grade');
SELECT is((SELECT e.registration_code FROM api.elevator_detail(api.elevator_find('213901')) e),
          '31103202132016050001', 'an elevator by its rescue code');
SELECT is((SELECT count(*) FROM api.elevator_incidents(api.elevator_find('31103202132016050001'))), 1::bigint,
          '  ... with its incident');

-- how it is declared
SELECT is(ARRAY(SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = 'api'
                   -- entity_risk runs as the owner since 0181: the risk tables are for a few roles
                   AND p.proname IN ('entity_search', 'entity_filter_choices', 'entity_header',
                                     'entity_facts', 'elevator_find', 'elevator_detail', 'elevator_incidents',
                                     'entity_plans')
                   AND (p.prosecdef OR NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) c WHERE c LIKE 'search_path=%'))
                 ORDER BY 1),
          '{}'::text[], 'the reads run as the caller, with search_path pinned');
SELECT ok((SELECT p.prosecdef FROM pg_proc p WHERE p.oid = 'api.plan_candidate_add(text, text, text)'::regprocedure),
          'the one writer runs as the owner (it checks role and scope itself)');
SELECT ok((SELECT 'security_invoker=true' = ANY (c.reloptions) FROM pg_class c WHERE c.oid = 'api.entity_fact'::regclass),
          'api.entity_fact is a security_invoker view: row-level security applies to the caller');
SELECT ok((SELECT c.relrowsecurity FROM pg_class c WHERE c.oid = 'supervision.plan_candidate'::regclass),
          'candidate lists have row-level security');
SELECT ok(NOT has_table_privilege('smcon_inspector', 'supervision.plan_candidate', 'INSERT'),
          '  ... and nobody writes them but the api');
SELECT ok(NOT has_column_privilege('smcon_clerk', 'core.entity', 'legal_rep_id_no', 'SELECT'),
          'the raw ID number stays withheld');
SELECT ok(EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'entity_name_bigram_idx'), 'names have a bigram index');
SELECT ok(EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'entity_former_name_bigram_idx'), '  ... former names too');

-- the sources together never give more than the cap: a fragment that starts
-- a few names (the prefix source) and is inside more (the bigram source)
SELECT f.frag, f.prefixed + 1 AS cap
  FROM (SELECT left(core.search_norm(e.name), 2) AS frag, count(*)::int AS prefixed
          FROM core.entity e GROUP BY 1) AS f
 WHERE f.prefixed BETWEEN 1 AND 20
   AND (SELECT count(*) FROM core.entity e WHERE strpos(core.search_norm(e.name), f.frag) > 1) > f.prefixed + 5
 ORDER BY f.frag LIMIT 1 \gset
SELECT is((SELECT count(*)::int FROM core.entity_candidates('text', :'frag',
              ROW(NULL, NULL, NULL, NULL, NULL, NULL, NULL)::core.entity_filter, :cap)), :cap,
          'the candidates of all sources stop at the cap');

SELECT * FROM finish();
ROLLBACK;
