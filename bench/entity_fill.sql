-- Synthetic market entities for bench/entity.sh, used only while the
-- warehouse holds fewer entities than the benchmark asks for (the data
-- generator, `smcon db generate`, makes the real ones). Run as the
-- warehouse owner with -v n=COUNT. Names, legal representatives and
-- addresses are Chinese and shaped like Wuxi's: 字号 drawn from a pool of
-- common characters, so two-character fragments repeat the way they do in
-- a real register. Every USCC is valid. Some entities get former names and
-- rows in the theme databases, so that profiles have something to show.
\set ON_ERROR_STOP 1

-- The i-th character of a pool, i taken modulo its length.
CREATE FUNCTION pg_temp.pick(pool text, i bigint) RETURNS text
LANGUAGE sql IMMUTABLE RETURN substr(pool, (i % char_length(pool))::int + 1, 1);
CREATE FUNCTION pg_temp.pick(pool text[], i bigint) RETURNS text
LANGUAGE sql IMMUTABLE RETURN pool[(i % cardinality(pool))::int + 1];
-- A well-mixed hash of (i, salt) as a non-negative bigint.
CREATE FUNCTION pg_temp.h(i bigint, salt int) RETURNS bigint
LANGUAGE sql IMMUTABLE RETURN abs(hashint8(i * 1000003 + salt)::bigint);

CREATE TEMP TABLE pool AS SELECT
	'红豆海澜阳光远东华新天宏盛兴隆泰丰源鑫达利恒通瑞祥和嘉佳信诚德安康宁永昌明辉金银玉宝富贵旺发顺捷讯博创智联众益友福寿吉庆乐美丽'
	'中国民建设江湖山川云雨风雪春夏秋冬梅兰竹菊松柏桃李杏荷锦绣龙凤麒麟虎豹鹏鹤雁燕飞腾跃进步升高远长久方圆正大新好优品尚雅致精工巧艺匠心实守'
	'太锡惠蠡梁溪澄阴荆溪宜陶紫砂吴越震泽滨凯威晶亿万千百特普欣悦怡然星辰曜灿烁峰岭泉涌浩瀚洋波涛润泽霖沛'::text AS zihao,
	ARRAY['科技', '贸易', '机械', '电子', '服饰', '纺织', '实业', '建设工程', '环保科技', '信息技术', '物流', '新材料',
	      '精密机械', '电气', '化工', '食品', '餐饮管理', '物业管理', '装饰工程', '汽车销售', '医疗器械', '生物科技',
	      '电梯工程', '检测技术', '文化传媒', '投资管理', '包装材料', '不锈钢制品', '电线电缆', '纺织印染'] AS trade,
	ARRAY['面馆', '小吃店', '超市', '五金店', '理发店', '便利店', '服装店', '水果店', '烟酒店', '电动车行', '早餐店',
	      '烧烤店', '茶叶店', '干洗店', '药店', '家电维修部', '小笼馆', '馄饨店', '副食品店', '快餐店'] AS shop,
	'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤'::text AS surname,
	'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰凤梅林斌波辉鹏飞宇浩婷雪琳晨阳峰海燕丹萍亮鑫慧瑶博俊'::text AS given,
	ARRAY['中山路', '人民中路', '解放西路', '学前街', '县前街', '五爱路', '广瑞路', '通江大道', '凤翔路', '清扬路', '太湖大道',
	      '蠡湖大道', '湖滨路', '梁溪路', '建筑路', '金城路', '长江路', '新华路', '锡兴路', '锡沪路', '东亭路', '春笋路',
	      '友谊路', '惠山大道', '锡澄路', '洛社大街', '钱桥街', '澄江路', '人民东路', '虹桥路', '芙蓉大道', '长江北路',
	      '宜城路', '解放东路', '蜀山南街', '丁山路', '荆溪路', '健康路', '南长街', '清名路'] AS road;

-- Districts: division, name for shop names, the city word for company names, district bureau code.
CREATE TEMP TABLE district (k int, division char(6), name text, city text, bureau text, old_division char(6));
INSERT INTO district VALUES
	(0, '320213', '梁溪区', '无锡', 'LX', '320202'), (1, '320213', '梁溪区', '无锡市', 'LX', '320204'),
	(2, '320205', '锡山区', '无锡', 'XS', '320205'), (3, '320206', '惠山区', '无锡', 'HS', '320206'),
	(4, '320211', '滨湖区', '无锡', 'BH', '320211'), (5, '320214', '新吴区', '无锡', 'XW', '320214'),
	(6, '320281', '江阴市', '江阴', 'JY', '320281'), (7, '320282', '宜兴市', '宜兴', 'YX', '320282');

CREATE TEMP TABLE station AS
SELECT d.k, o.id AS org_id, p.id AS bureau_id, row_number() OVER (PARTITION BY d.k ORDER BY o.code) - 1 AS n,
       count(*) OVER (PARTITION BY d.k) AS cnt
  FROM district d JOIN core.org_unit p ON p.code = d.bureau JOIN core.org_unit o ON o.parent_id = p.id;

CREATE TEMP TABLE industry_pick AS
SELECT row_number() OVER (ORDER BY code) - 1 AS n, code FROM core.industry WHERE level = 4;

-- One row per synthetic entity, with everything derived from i.
CREATE TEMP TABLE gen AS
SELECT i,
       CASE WHEN pg_temp.h(i, 1) % 100 < 62 THEN 'shop' WHEN pg_temp.h(i, 1) % 100 < 98 THEN 'company' ELSE 'coop' END AS kind,
       (pg_temp.h(i, 2) % 8)::int AS dk,
       pg_temp.pick(p.zihao, pg_temp.h(i, 3)) || pg_temp.pick(p.zihao, pg_temp.h(i, 4))
	       || CASE WHEN pg_temp.h(i, 5) % 4 = 0 THEN pg_temp.pick(p.zihao, pg_temp.h(i, 6)) ELSE '' END AS zihao,
       pg_temp.pick(p.trade, pg_temp.h(i, 7)) AS trade,
       pg_temp.pick(p.shop, pg_temp.h(i, 8)) AS shop,
       pg_temp.pick(p.surname, pg_temp.h(i, 9)) || pg_temp.pick(p.given, pg_temp.h(i, 10))
	       || CASE WHEN pg_temp.h(i, 11) % 3 > 0 THEN pg_temp.pick(p.given, pg_temp.h(i, 12)) ELSE '' END AS rep,
       pg_temp.pick(p.road, pg_temp.h(i, 13)) || (1 + pg_temp.h(i, 14) % 800) || ' 号' AS street,
       date '1995-01-01' + (pg_temp.h(i, 15) % 11000)::int AS established,
       pg_temp.h(i, 16) % 1000 AS st,
       pg_temp.h(i, 17) AS r
  FROM generate_series(1, :n) AS i, pool p;

INSERT INTO core.entity (uscc, reg_no, name, entity_type_code, legal_rep_name, phone, address, division_code,
                         org_id, reg_authority_org_id, industry_code, registered_capital, established_on,
                         status, status_changed_on, status_reason, risk_grade, risk_graded_on, source_system)
SELECT core.uscc_complete(CASE g.kind WHEN 'shop' THEN '92' WHEN 'coop' THEN '93' ELSE '91' END
                       || CASE WHEN g.established < '2015-06-01' THEN d.old_division ELSE d.division END
                       || lpad(g.i::text, 8, '0')),
       CASE WHEN g.established < '2015-06-01' THEN '320200' || lpad(g.i::text, 9, '0') END,
       CASE g.kind
	       WHEN 'shop' THEN d.name || g.zihao || g.shop
	       WHEN 'coop' THEN d.name || g.zihao || '种植专业合作社'
	       ELSE d.city || g.zihao || g.trade || CASE WHEN g.r % 7 = 0 THEN '股份有限公司' ELSE '有限公司' END END,
       CASE g.kind WHEN 'shop' THEN '9600' WHEN 'coop' THEN '9100'
	       ELSE (ARRAY['1130', '1151', '1190', '1220', '4540'])[1 + g.r % 5] END,
       g.rep,
       CASE g.r % 5 WHEN 0 THEN NULL WHEN 1 THEN '1' || (3 + g.r % 7) || lpad((g.r % 1000000000)::text, 9, '0')
	       ELSE '0510-8' || lpad((g.r % 10000000)::text, 7, '0') END,
       CASE WHEN d.division IN ('320281', '320282') THEN '' ELSE '无锡市' END || d.name || g.street,
       d.division, s.org_id, s.bureau_id,
       CASE g.kind WHEN 'shop' THEN (ARRAY['5211', '6210', '5212', '8010', '5261', '6220'])[1 + g.r % 6]
	       ELSE ip.code END,
       CASE g.kind WHEN 'shop' THEN (1 + g.r % 50) ELSE (10 + g.r % 5000) END,
       g.established,
       CASE WHEN g.st < 880 THEN 'active' WHEN g.st < 940 THEN 'deregistered' WHEN g.st < 970 THEN 'revoked'
	       WHEN g.st < 990 THEN 'dormant' ELSE 'moved_out' END,
       CASE WHEN g.st >= 880 THEN least(g.established + 400 + (g.r % 2000)::int, date '2026-06-30') END,
       CASE WHEN g.st >= 880 AND g.st < 940 THEN '决议解散' WHEN g.st >= 940 AND g.st < 970 THEN '连续六个月未开业' END,
       CASE WHEN g.r % 10 < 3 THEN (ARRAY['A', 'B', 'B', 'C', 'D'])[1 + g.r % 5] END,
       CASE WHEN g.r % 10 < 3 THEN date '2025-03-31' END,
       '企业登记系统'
  FROM gen g
  JOIN district d ON d.k = g.dk
  JOIN station s ON s.k = g.dk AND s.n = g.r % s.cnt
  JOIN industry_pick ip ON ip.n = g.r % (SELECT count(*) FROM industry_pick);

-- Former names: one company in eight changed its name once.
INSERT INTO core.entity_former_name (entity_id, name, used_from, used_to, source_system)
SELECT e.id,
       left(e.name, 2) || pg_temp.pick(p.zihao, pg_temp.h(e.id, 21)) || pg_temp.pick(p.zihao, pg_temp.h(e.id, 22))
	       || substr(e.name, 3 + char_length(e.name) % 2),
       e.established_on, least(e.established_on + 500, date '2026-01-01'), '企业登记系统'
  FROM core.entity e, pool p
 WHERE e.uscc_prefix = '91' AND e.id % 8 = 0
ON CONFLICT DO NOTHING;

INSERT INTO core.entity_change (entity_id, changed_on, item, before_value, after_value, source_system)
SELECT f.entity_id, f.used_to, '名称变更', f.name, e.name, '企业登记系统'
  FROM core.entity_former_name f JOIN core.entity e ON e.id = f.entity_id;
INSERT INTO core.entity_change (entity_id, changed_on, item, before_value, after_value, source_system)
SELECT e.id, e.established_on + 300, '注册资本变更', (e.registered_capital / 2)::text || ' 万元',
       e.registered_capital::text || ' 万元', '企业登记系统'
  FROM core.entity e WHERE e.id % 5 = 0;

-- Facts in the theme databases: every twentieth entity has a licence, some
-- have penalties, complaints, abnormal-operation listings, trademarks, food
-- licences, tags, elevators; so a profile has rows in several tabs.
CREATE TEMP TABLE bureau AS SELECT o.id, o.code FROM core.org_unit o WHERE o.level = 'district';
CREATE TEMP TABLE sampled AS
SELECT e.id, e.uscc, e.name, e.address, e.established_on, e.division_code, e.uscc_prefix,
       coalesce(st.parent_id, e.org_id) AS bureau_id
  FROM core.entity e LEFT JOIN core.org_unit st ON st.id = e.org_id AND st.level = 'station'
 WHERE e.id % 20 = 0;

INSERT INTO supervision.licence (licence_kind_code, licence_no, entity_id, content, issuing_authority, issued_on,
                                 valid_from, valid_to, source_system)
SELECT 'industrial_product', '（苏）XK' || lpad((s.id % 100)::text, 2, '0') || '-' || lpad((s.id / 100 % 1000)::text, 3, '0')
	       || '-' || lpad(s.id::text, 8, '0'),
       s.id, '工业产品生产许可', '江苏省市场监督管理局', s.established_on + 200, s.established_on + 200,
       s.established_on + 2000, '行政许可系统'
  FROM sampled s WHERE s.uscc_prefix = '91';
INSERT INTO supervision.penalty (decision_no, deciding_org_id, entity_id, party_name, violation_category_code,
                                 illegal_facts, legal_basis, decided_on, source_system)
SELECT '锡市监处罚〔' || (2016 + s.id % 10) || '〕' || s.id || ' 号', s.bureau_id, s.id, s.name,
       (ARRAY['product_quality', 'advertising', 'price', 'food_safety'])[1 + s.id % 4], '经查，当事人存在违法行为',
       '《中华人民共和国产品质量法》', greatest(s.established_on + 400, date '2016-01-01'), '行政处罚系统'
  FROM sampled s WHERE s.id % 100 = 0;
INSERT INTO rights.complaint (complaint_no, channel_code, received_at, receiving_org_id, handling_org_id,
                              respondent_name, respondent_address, entity_id, subject, source_system)
SELECT 'TS' || to_char(date '2024-01-01' + (s.id % 700)::int, 'YYYYMMDD') || '-' || s.id || '-' || k, 'hotline_12315',
       (date '2024-01-01' + (s.id % 700)::int + k)::timestamptz, s.bureau_id, s.bureau_id, s.name, s.address, s.id,
       (ARRAY['商品质量问题', '虚假宣传', '价格欺诈', '服务态度'])[1 + (s.id + k) % 4], '12315平台'
  FROM sampled s, generate_series(1, 3) AS k WHERE s.id % 40 = 0;
INSERT INTO credit.abnormal_operation (entity_id, list_reason, listed_on, listing_org_id, source_system)
SELECT s.id, 'no_annual_report', greatest(s.established_on + 500, date '2016-07-01'), s.bureau_id, '国家企业信用信息公示系统'
  FROM sampled s WHERE s.id % 60 = 0;
INSERT INTO ip.trademark (reg_no, nice_class, entity_id, mark_name, applied_on, registered_on, valid_to, source_system)
SELECT (10000000 + s.id)::text, 1 + s.id % 45, s.id, substr(s.name, 3, 2), s.established_on + 100,
       s.established_on + 400, s.established_on + 4000, '商标局数据'
  FROM sampled s WHERE s.id % 30 = 0;
INSERT INTO fooddrug.food_licence (licence_no, kind, entity_id, business_form, business_items, premises_address,
                                   issuing_authority, issued_on, valid_to, source_system)
SELECT 'JY' || lpad(s.id::text, 14, '0'), 'business', s.id, 'catering', '热食类食品制售', s.address,
       '市场监督管理局', s.established_on + 30, s.established_on + 1860, '食品许可系统'
  FROM sampled s WHERE s.uscc_prefix = '92';
INSERT INTO core.entity_tag (entity_id, tag_id, source_system)
SELECT s.id, (SELECT t.id FROM core.tag t WHERE t.code = 'key_supervision'), '企业登记系统'
  FROM sampled s WHERE s.id % 200 = 0;
INSERT INTO equipment.elevator (registration_code, category_code, rescue_code, entity_id, address, place_type,
                                division_code, district_org_id, commissioned_on, registered_on, source_system)
SELECT '3110' || s.division_code || to_char(greatest(s.established_on, date '2000-01-01'), 'YYYYMM')
	       || lpad((s.id / 400 % 10000)::text, 4, '0'),
       '3110', lpad((s.id / 400)::text, 6, '0'), s.id, s.address, 'office', s.division_code,
       (SELECT o.id FROM core.org_unit o WHERE o.level = 'district' AND o.division_code = s.division_code),
       greatest(s.established_on, date '2000-01-01'), greatest(s.established_on, date '2000-01-01') + 10, '特种设备监管系统'
  FROM sampled s WHERE s.id % 400 = 0 AND s.uscc_prefix = '91'
ON CONFLICT DO NOTHING;
