-- Reference codes: the industry table, the code lists, settings, helpers.
BEGIN;
SELECT plan(33);

-- GB/T 4754-2017, as data/reference/gbt4754-2017-industries.csv holds it
SELECT is((SELECT count(*)::int FROM core.industry WHERE level = 1), 20, 'industry: 20 sections');
SELECT is((SELECT count(*)::int FROM core.industry WHERE level = 2), 97, 'industry: 97 divisions');
SELECT is((SELECT count(*)::int FROM core.industry WHERE level = 3), 274,
          'industry: 274 groups (single-class groups folded into their class)');
SELECT is((SELECT count(*)::int FROM core.industry WHERE level = 4), 1381, 'industry: 1381 classes');
SELECT is((SELECT count(*)::int FROM core.industry c JOIN core.industry p ON p.code = c.parent_code
            WHERE p.level <> c.level - 1 AND NOT (c.level = 4 AND p.level = 2)), 0,
          'industry: every parent is one level up (a folded class hangs from its division)');
SELECT is((SELECT count(*)::int FROM core.industry c JOIN core.industry p ON p.code = c.parent_code
            WHERE p.section <> c.section OR (c.level > 2 AND left(c.code, p.level) <> p.code)), 0,
          'industry: a code begins with its parent''s code, in the same section');
SELECT is((SELECT parent_code FROM core.industry WHERE code = '0190'), '01',
          'industry: 0190 其他农业 (a folded group) hangs from division 01');
SELECT is((SELECT parent_code || ' ' || name FROM core.industry WHERE code = '3741'), '374 飞机制造',
          'industry: 3741 飞机制造 is a class of group 374');
SELECT is((SELECT string_agg(code, '' ORDER BY code) FROM core.industry WHERE level = 1),
          'ABCDEFGHIJKLMNOPQRST', 'industry: sections A to T');
SELECT throws_ok($$INSERT INTO core.industry (code, level, section, parent_code, name)
                   VALUES ('999', 4, 'T', '97', '不合层级')$$, '23514', NULL,
                 'industry: a code''s length must match its level');

-- entity types and their USCC prefixes
SELECT is((SELECT uscc_prefix FROM core.entity_type WHERE name = '个体工商户'), '92', '个体工商户 use 92');
SELECT is((SELECT uscc_prefix FROM core.entity_type WHERE name = '农民专业合作社'), '93', '农民专业合作社 use 93');
SELECT is((SELECT count(*)::int FROM core.entity_type WHERE is_market_entity AND uscc_prefix NOT IN ('91', '92', '93')),
          0, 'market entity types use 91, 92 or 93');
SELECT ok((SELECT bool_and(uscc_prefix = '91') FROM core.entity_type
            WHERE name IN ('有限责任公司', '股份有限公司', '个人独资企业', '合伙企业', '外商投资有限责任公司',
                           '有限责任公司分公司')), 'enterprises, branches included, use 91');
SELECT is((SELECT legal_rep_title FROM core.entity_type WHERE code = '9600'), '经营者',
          'the legal representative of a 个体工商户 is its 经营者');
SELECT throws_ok($$INSERT INTO core.entity_type (code, name, uscc_prefix, legal_rep_title, is_market_entity)
                   VALUES ('9700', '某类市场主体', '12', '负责人', true)$$, '23514', NULL,
                 'a market entity type cannot use a non-market prefix');

-- the other lists
SELECT is((SELECT count(*)::int FROM core.entity_status WHERE terminated), 2, 'entity status: 注销 and 撤销 end an entity');
SELECT is((SELECT string_agg(code, ',' ORDER BY code) FROM core.elevator_category),
          '3110,3120,3130,3210,3220,3310,3320,3410,3420,3430', 'elevator categories 3110 … 3430');
SELECT is((SELECT count(*)::int FROM core.inspection_result_code), 13, 'thirteen inspection result codes');
SELECT is((SELECT array_agg(code) FROM core.inspection_result_code WHERE to_abnormal_list), ARRAY['unreachable'],
          'only 无法联系 leads to the abnormal-operation list');
SELECT is((SELECT count(*)::int FROM core.refusal_ground WHERE article LIKE '第十五条%'), 6,
          'six refusal grounds, all of §15');
SELECT is((SELECT count(*)::int FROM core.channel WHERE code IN ('hotline_12315', 'web_12315', 'transfer_12345',
                                                               'letter', 'walk_in')), 5, 'the five channels');
SELECT is((SELECT count(*)::int FROM core.complaint_category WHERE parent_code IS NULL AND kind = 'services'
            AND code LIKE 'S%'), 18, 'eighteen service categories');
SELECT is((SELECT string_agg(code, '' ORDER BY rank) FROM core.risk_grade), 'ABCD', 'risk grades A–D');
SELECT lives_ok($$INSERT INTO core.risk_grade (code, name, rank) VALUES ('E', '信用风险极高', 5)$$,
                'a five-grade province adds E');
SELECT ok((SELECT bool_and(monetary = (code IN ('fine', 'confiscate_income'))) FROM core.penalty_kind),
          'only 罚款 and 没收违法所得 carry an amount');
SELECT is((SELECT parent_code FROM core.rescue_cause WHERE code = 'forced_door'), 'human', '扒门 is a human cause');

-- settings and helpers
SELECT is(core.setting_int('rescue_code_length'), 6, 'the rescue code has 6 digits (Jiangsu)');
SELECT throws_ok($$UPDATE core.setting SET value = '8' WHERE key = 'rescue_code_length'$$, '23514', NULL,
                 'a rescue code has 5, 6 or 7 digits');
SELECT throws_ok($$SELECT core.setting_int('no_such_setting')$$, 'P0002', NULL, 'a missing setting is an error');
SELECT ok(core.resident_id_valid('11010519491231002X') AND NOT core.resident_id_valid('110105194912310021'),
          'resident ID check character (GB 11643)');
SELECT ok(core.in_order('2024-03-01 10:00', NULL, '2024-03-01 10:05') AND NOT core.in_order('2024-03-01 10:05', NULL, '2024-03-01 10:00'),
          'in_order skips steps not taken and refuses a step before the one it follows');

SELECT ok(has_table_privilege('smcon_staff', 'core.industry', 'SELECT')
          AND has_table_privilege('smcon_staff', 'core.complaint_category', 'SELECT')
          AND NOT has_table_privilege('smcon_staff', 'core.industry', 'INSERT'),
          'staff read the code tables and do not change them');

SELECT * FROM finish();
ROLLBACK;
