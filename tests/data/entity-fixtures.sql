-- Market entities and their facts for the entity-lookup tests (command,
-- screen and pgTAP). Run as the cluster's superuser into a private copy of
-- the test warehouse (test_db), or \ir'd inside a pgTAP transaction. Every
-- name, code and fragment a test looks for is unique to this file, so the
-- generated data of the test warehouse cannot answer for it:
--   红豆纺织 / 纺织科技   91320213MA1XHD015B, former name 无锡市太湖毛纺织厂
--   海澜                  91320213MA1XHD0236
--   崇安寺                91320202MA1TAA04X7 (320202 崇安区, retired in 2015), 注册号 320202000123456
--   蠡湖红豆              91320211MA1RBB0548, 注销
--   晨曦                  130 companies 无锡晨曦…商贸有限公司 (paging)

CREATE FUNCTION pg_temp.org(code text) RETURNS bigint LANGUAGE sql STABLE
RETURN (SELECT id FROM core.org_unit o WHERE o.code = org.code);
CREATE FUNCTION pg_temp.ent(code text) RETURNS bigint LANGUAGE sql STABLE
RETURN (SELECT id FROM core.entity WHERE uscc = code);

INSERT INTO core.entity (uscc, reg_no, name, entity_type_code, legal_rep_name, legal_rep_id_type, legal_rep_id_no,
                         phone, address, division_code, org_id, reg_authority_org_id, industry_code,
                         registered_capital, established_on, status, status_changed_on, status_reason,
                         business_scope, source_system)
VALUES
	('91320213MA1XHD015B', NULL, '无锡红豆纺织科技有限公司', '1130', '周海峰', 'resident_id', '320213197805123016',
	 '0510-82718888', '无锡市梁溪区中山路 288 号', '320213', pg_temp.org('LX01'), pg_temp.org('LX'), '1722',
	 3000.00, '2016-05-18', 'active', NULL, NULL, '棉纺、毛纺织品的研发、生产、销售', '企业登记系统'),
	('91320213MA1XHD0236', NULL, '无锡海澜服饰有限公司', '1130', '钱海澜', NULL, NULL,
	 '13906171234', '无锡市梁溪区解放西路 66 号', '320213', pg_temp.org('LX02'), pg_temp.org('LX'), '5132',
	 500.00, '2017-09-01', 'active', NULL, NULL, '服装、服饰销售', '企业登记系统'),
	('92320213MA1YMG038T', NULL, '梁溪区陈记红豆面馆', '9600', '陈阿红', NULL, NULL,
	 '13812345601', '无锡市梁溪区崇安寺步行街 18 号', '320213', pg_temp.org('LX01'), pg_temp.org('LX'), '6210',
	 5.00, '2018-03-12', 'active', NULL, NULL, '餐饮服务', '企业登记系统'),
	('91320202MA1TAA04X7', '320202000123456', '无锡市崇安寺商贸有限公司', '1130', '顾建平', NULL, NULL,
	 '0510-82726666', '无锡市梁溪区人民中路 121 号', '320213', pg_temp.org('LX01'), pg_temp.org('LX'), '5211',
	 200.00, '2012-06-01', 'active', NULL, NULL, '日用百货零售', '企业登记系统'),
	('91320211MA1RBB0548', NULL, '无锡蠡湖红豆酒店管理有限公司', '1130', '吴卫东', NULL, NULL,
	 '0510-85126666', '无锡市滨湖区蠡湖大道 1888 号', '320211', pg_temp.org('BH02'), pg_temp.org('BH'), '6110',
	 800.00, '2015-08-08', 'deregistered', '2023-12-20', '决议解散', '酒店管理', '企业登记系统'),
	('91320214MA1PEE0815', NULL, '无锡新吴快捷电梯维保有限公司', '1151', '赵永刚', NULL, NULL,
	 '0510-85216666', '无锡市新吴区长江路 88 号', '320214', pg_temp.org('XW01'), pg_temp.org('XW'), '4320',
	 1000.00, '2016-11-11', 'active', NULL, NULL, '电梯安装、维修、保养', '企业登记系统'),
	('92320205MA1UDD07X2', NULL, '锡山区东亭周记小笼馆', '9600', '周小燕', NULL, NULL,
	 '13961712300', '无锡市锡山区东亭街道春笋路 56 号', '320205', pg_temp.org('XS01'), pg_temp.org('XS'), '6210',
	 10.00, '2019-04-08', 'active', NULL, NULL, '餐饮服务', '企业登记系统');

-- 130 companies whose names share 晨曦, for paging and incremental loading
INSERT INTO core.entity (uscc, name, entity_type_code, legal_rep_name, address, division_code, org_id,
                         reg_authority_org_id, industry_code, registered_capital, established_on, source_system)
SELECT core.uscc_complete('91320213MA1W' || lpad(i::text, 4, '0')),
       '无锡晨曦' || substr('金银铜铁锡玉石木竹松柏梅兰菊荷桃李杏桂枫', 1 + i % 20, 1)
	       || substr('华丰盛隆泰昌', 1 + i / 20, 1) || '商贸有限公司', '1130',
       substr('王李张刘陈杨黄赵吴周', 1 + i % 10, 1) || '晓明', '无锡市梁溪区通扬路 ' || i || ' 号', '320213',
       pg_temp.org('LX03'), pg_temp.org('LX'), '5132', 100.00 + i, date '2018-01-01' + i, '企业登记系统'
  FROM generate_series(1, 130) AS i;

INSERT INTO core.entity_former_name (entity_id, name, used_from, used_to, source_system) VALUES
	(pg_temp.ent('91320213MA1XHD015B'), '无锡市太湖毛纺织厂', '1998-03-01', '2016-05-18', '企业登记系统');
INSERT INTO core.entity_change (entity_id, changed_on, item, before_value, after_value, source_system) VALUES
	(pg_temp.ent('91320213MA1XHD015B'), '2016-05-18', '名称变更', '无锡市太湖毛纺织厂', '无锡红豆纺织科技有限公司', '企业登记系统'),
	(pg_temp.ent('91320213MA1XHD015B'), '2021-07-06', '住所变更', '无锡市梁溪区学前街 9 号', '无锡市梁溪区中山路 288 号', '企业登记系统');
INSERT INTO core.entity_tag (entity_id, tag_id, note, source_system)
SELECT pg_temp.ent('91320213MA1XHD015B'), t.id, '列入 2026 年重点监管名单', '企业登记系统'
  FROM core.tag t WHERE t.code = 'key_supervision';

-- the credit-risk grade and the facts behind it
INSERT INTO credit.abnormal_operation (entity_id, list_reason, listed_on, list_decision_no, listing_org_id, source_system)
VALUES (pg_temp.ent('91320213MA1XHD015B'), 'no_annual_report', '2025-07-10', '锡梁市监异字〔2025〕第 31 号',
        pg_temp.org('LX'), '国家企业信用信息公示系统');
INSERT INTO credit.risk_grade_history (entity_id, grade, score, assessed_on, model_version, source_system)
VALUES (pg_temp.ent('91320213MA1XHD015B'), 'C', 38.00, '2026-03-31', '江苏 2024 版', '信用风险分类系统');
INSERT INTO credit.risk_grade_fact (history_id, indicator_code, fact, points, source_table, source_id)
SELECT h.id, x.code, x.fact, x.points, x.tbl, x.sid
  FROM credit.risk_grade_history h,
       (VALUES ('abnormal_list', '2025-07-10 因未报送年度报告列入经营异常名录', 15.00, 'credit.abnormal_operation',
                (SELECT max(id) FROM credit.abnormal_operation)),
               ('penalty', '2025 年受到行政处罚 1 次', 10.00, NULL, NULL),
               ('complaint', '近一年投诉 3 件', 3.00, NULL, NULL)) AS x (code, fact, points, tbl, sid)
 WHERE h.entity_id = pg_temp.ent('91320213MA1XHD015B');

INSERT INTO supervision.licence (licence_kind_code, licence_no, entity_id, content, issuing_authority, issued_on,
                                 valid_from, valid_to, source_system)
VALUES ('industrial_product', '（苏）XK16-204-00123', pg_temp.ent('91320213MA1XHD015B'), '毛纺织品生产许可',
        '江苏省市场监督管理局', '2022-04-01', '2022-04-01', '2027-03-31', '行政许可系统');
INSERT INTO supervision.penalty (decision_no, deciding_org_id, entity_id, party_name, violation_category_code,
                                 illegal_facts, legal_basis, decided_on, source_system)
VALUES ('锡梁市监处罚〔2025〕118 号', pg_temp.org('LX'), pg_temp.ent('91320213MA1XHD015B'), '无锡红豆纺织科技有限公司',
        'product_quality', '生产销售纤维含量不合格的毛纺面料', '《产品质量法》第五十条', '2025-09-12', '行政处罚系统');
INSERT INTO supervision.penalty_measure (penalty_id, kind_code, amount)
SELECT p.id, 'fine', 20000.00 FROM supervision.penalty p WHERE p.decision_no = '锡梁市监处罚〔2025〕118 号';
INSERT INTO rights.complaint (complaint_no, channel_code, received_at, receiving_org_id, handling_org_id,
                              complainant_name, complainant_phone, respondent_name, respondent_address, entity_id,
                              category_code, subject, request, facts, source_system)
VALUES ('TS20260305-LX-0012', 'hotline_12315', '2026-03-05 09:30+08', pg_temp.org('LX'), pg_temp.org('LX'),
        '沈佳怡', '15052212345', '无锡红豆纺织科技有限公司', '无锡市梁溪区中山路 288 号',
        pg_temp.ent('91320213MA1XHD015B'), 'G03', '羊毛围巾起球严重', '退货退款', '购买后一周起球', '12315平台');
INSERT INTO ip.trademark (reg_no, nice_class, entity_id, mark_name, applied_on, registered_on, valid_to, source_system)
VALUES ('31415926', 24, pg_temp.ent('91320213MA1XHD015B'), '太湖红豆', '2017-02-01', '2018-05-21', '2028-05-20',
        '商标局数据');
INSERT INTO fooddrug.food_licence (licence_no, kind, entity_id, business_form, business_items, premises_address,
                                   issuing_org_id, issuing_authority, issued_on, valid_to, source_system)
VALUES ('JY23202130012345', 'business', pg_temp.ent('92320213MA1YMG038T'), 'catering', '热食类食品制售',
        '无锡市梁溪区崇安寺步行街 18 号', pg_temp.org('LX'), '无锡市梁溪区市场监督管理局', '2023-03-01', '2028-02-29',
        '食品许可系统');

-- an elevator the first company uses, maintained by the elevator company, with one 96333 call
INSERT INTO equipment.maintenance_unit (entity_id, licence_no, duty_phone, service_area, source_system)
VALUES (pg_temp.ent('91320214MA1PEE0815'), 'TS3432088-2027', '0510-85219633', '新吴区、梁溪区', '特种设备监管系统');
INSERT INTO equipment.elevator (registration_code, category_code, rescue_code, entity_id, maintenance_entity_id,
                                manufacturer_name, model, rated_load_kg, rated_speed_mps, floors, address, place_type,
                                division_code, district_org_id, urban, commissioned_on, registered_on, source_system)
VALUES ('31103202132016050001', '3110', '213901', pg_temp.ent('91320213MA1XHD015B'), pg_temp.ent('91320214MA1PEE0815'),
        '通力电梯有限公司', 'MonoSpace 500', 1000, 1.75, 12, '无锡市梁溪区中山路 288 号 1 号厂房',
        'factory', '320213', pg_temp.org('LX'), true, '2016-05-20', '2016-06-02', '特种设备监管系统');
INSERT INTO rights.rescue_incident (incident_no, received_at, rescue_code_given, elevator_id, identified_at,
                                    trapped_count, level1_entity_id, level1_dispatched_at, source_system)
SELECT '96333-20260302-0007', '2026-03-02 10:15+08', '213901', e.id, '2026-03-02 10:15:40+08', 2,
       pg_temp.ent('91320214MA1PEE0815'), '2026-03-02 10:16:30+08', '96333平台'
  FROM equipment.elevator e WHERE e.registration_code = '31103202132016050001';

-- inspection plans: one of 梁溪区局 (in the scope of its inspectors), one of 江阴市局
INSERT INTO supervision.inspection_plan (plan_no, org_id, year, title, kind, status, source_system)
VALUES ('LX-2026-SJ-01', pg_temp.org('LX'), 2026, '2026 年梁溪区双随机抽查计划（第一批）', 'random', 'draft', 'smcon'),
       ('JY-2026-SJ-01', pg_temp.org('JY'), 2026, '2026 年江阴市双随机抽查计划（第一批）', 'random', 'draft', 'smcon');
