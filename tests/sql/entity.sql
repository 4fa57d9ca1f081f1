-- The entity master: what a valid market entity is.
BEGIN;
SELECT plan(27);
\ir lib/fixtures.psql

-- insert one entity, varying a single column of a valid row
CREATE FUNCTION pg_temp.add(uscc text, type_code text DEFAULT '1130', extra text DEFAULT '') RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format($q$INSERT INTO core.entity (uscc, name, entity_type_code, address, established_on, source_system)
	                  VALUES (%L, '无锡锡惠文旅发展有限公司', %L, '无锡市梁溪区惠河路 2 号', '2018-05-18', '企业登记系统')$q$,
	               uscc, type_code);
	IF extra <> '' THEN
		EXECUTE format('UPDATE core.entity SET %s WHERE uscc = %L', extra, uscc);
	END IF;
END $$;

SELECT is((SELECT count(*)::int FROM core.entity WHERE loaded_at = now()), 12, 'the fixture entities load');
SELECT is((SELECT name FROM core.entity WHERE uscc = '91320213MA1X7Q2HXK'), '无锡红豆实业有限公司',
          'an entity is found by its USCC');

-- the code itself
SELECT throws_ok($$SELECT pg_temp.add('91320213MA1X7Q2HXJ')$$, '23514', NULL,
                 'a USCC with a wrong check character is refused');
SELECT throws_ok($$SELECT pg_temp.add('91320213MA1X7Q2HX')$$, '23514', NULL, 'a 17-character USCC is refused');
SELECT throws_ok($$SELECT pg_temp.add('91320213MA1X7Q2HXK')$$, '23505', NULL, 'a USCC is registered once');

-- the code's type positions agree with the entity type
SELECT throws_ok($$SELECT pg_temp.add('91320205MA1M3P7N6G', '9600')$$, '23503',
                 'insert or update on table "entity" violates foreign key constraint "entity_uscc_matches_type"',
                 'a 91 code on a 个体工商户 is refused');
SELECT throws_ok($$UPDATE core.entity SET entity_type_code = '9100' WHERE uscc = '91320213MA1X7Q2HXK'$$, '23503', NULL,
                 'an enterprise cannot become a 农民专业合作社 (93) under its 91 code');
SELECT lives_ok($$SELECT pg_temp.add('92320211MA1L2K8D0M', '9600')$$, 'a 92 code on a 个体工商户 is kept');
SELECT is((SELECT uscc_prefix FROM core.entity WHERE uscc = '12320200MB1K2L3M8B'), '12',
          'a 事业单位 (12) is kept as another registered body');

-- positions 3-8 keep what the code says
SELECT is((SELECT reg_division_code FROM core.entity WHERE uscc = '91320202MA1T2L6CXU'), '320202',
          'a code of retired 崇安区 keeps 320202 as its registering division');
SELECT is((SELECT division_code FROM core.entity WHERE uscc = '91320202MA1T2L6CXU'), '320213'::char(6),
          '... while the entity operates in 梁溪区 today');

-- the other columns
SELECT throws_ok($$UPDATE core.entity SET reg_no = '32020000012345' WHERE uscc = '91320213MA1X7Q2HXK'$$, '23514', NULL,
                 'a 注册号 has 15 digits');
SELECT lives_ok($$UPDATE core.entity SET reg_no = '320200000123456' WHERE uscc = '91320213MA1X7Q2HXK'$$,
                'a 15-digit 注册号 is kept');
SELECT throws_ok($$UPDATE core.entity SET legal_rep_id_no = '320213197805123017' WHERE uscc = '91320213MA1X7Q2HXK'$$,
                 '23514', NULL, 'a resident ID number with a wrong check digit is refused');
SELECT throws_ok($$UPDATE core.entity SET approved_on = '2015-01-01' WHERE uscc = '91320213MA1X7Q2HXK'$$, '23514', NULL,
                 'an entity is not approved before it was established');
SELECT throws_ok($$UPDATE core.entity SET operating_from = '2016-03-18', operating_to = '2016-03-17'
                    WHERE uscc = '91320213MA1X7Q2HXK'$$, '23514', NULL, 'the operating period ends after it begins');
SELECT throws_ok($$UPDATE core.entity SET registered_capital = -1 WHERE uscc = '91320213MA1X7Q2HXK'$$, '23514', NULL,
                 'registered capital is not negative');
SELECT throws_ok($$UPDATE core.entity SET status = 'deregistered' WHERE uscc = '91320213MA1X7Q2HXK'$$, '23514', NULL,
                 'a deregistered entity says when');
SELECT lives_ok($$UPDATE core.entity SET status = 'deregistered', status_changed_on = '2023-12-29',
                        status_reason = '决议解散' WHERE uscc = '91320202MA1T2L6CXU'$$,
                'a deregistration with its date and reason is kept');
SELECT throws_ok($$UPDATE core.entity SET industry_code = '18' WHERE uscc = '91320213MA1X7Q2HXK'$$, '23514', NULL,
                 'the industry is a class (4 digits), not a division');
SELECT throws_ok($$UPDATE core.entity SET industry_code = '1800' WHERE uscc = '91320213MA1X7Q2HXK'$$, '23503', NULL,
                 'the industry is a class of GB/T 4754');
SELECT throws_ok($$UPDATE core.entity SET risk_grade = 'C' WHERE uscc = '91320213MA1X7Q2HXK'$$, '23514', NULL,
                 'a risk grade says when it was given');
SELECT is((SELECT updated_at FROM core.entity WHERE uscc = '91320202MA1T2L6CXU'), now(),
          'updated_at follows an update');

-- former names, changes, tags
SELECT throws_ok($$INSERT INTO core.entity_former_name (entity_id, name, used_from, used_to, source_system)
                   VALUES (pg_temp.eid('91320213MA1X7Q2HXK'), '无锡红豆服饰有限公司', '2019-01-01', '2018-01-01',
                           '企业登记系统')$$, '23514', NULL, 'a former name is used before it is given up');
SELECT lives_ok($$INSERT INTO core.entity_change (entity_id, changed_on, item, before_value, after_value, source_system)
                  VALUES (pg_temp.eid('91320213MA1X7Q2HXK'), '2020-06-30', '名称变更', '无锡红豆服饰有限公司',
                          '无锡红豆实业有限公司', '企业登记系统')$$, 'a registration change is recorded');
SELECT lives_ok($$INSERT INTO core.entity_tag (entity_id, tag_id, source_system)
                  SELECT pg_temp.eid('91320213MA1X7Q2HXK'), id, 'smcon' FROM core.tag WHERE code = 'above_scale'$$,
                'an entity is tagged');
SELECT throws_ok($$INSERT INTO core.entity_tag (entity_id, tag_id, source_system)
                   SELECT pg_temp.eid('91320213MA1X7Q2HXK'), id, 'smcon' FROM core.tag WHERE code = 'above_scale'$$,
                 '23505', NULL, '... once with the same tag');

SELECT * FROM finish();
ROLLBACK;
