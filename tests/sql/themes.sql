-- The other themes: 质量基础库, 重点产品库, 食药安全库, 信用信息库, 价费管理库,
-- 知识产权库, 社会共治库 — one or two rules each that say what valid data is.
BEGIN;
SELECT plan(24);
\ir lib/fixtures.psql

-- nqi
INSERT INTO nqi.lab (cma_no, entity_id, name, address, fields, approved_on, valid_to, source_system)
VALUES ('221012340567', pg_temp.eid('91320214MA1H4T6Y1P'), '无锡新吴检测技术有限公司', '无锡市新吴区菱湖大道 200 号',
        '{食品,食用农产品}', '2022-03-01', '2028-02-29', '检验检测机构管理系统');
SELECT throws_ok($$INSERT INTO nqi.lab (cma_no, entity_id, name, address, approved_on, valid_to, source_system)
                   VALUES ('22101234056', pg_temp.eid('91320214MA1H4T6Y1P'), '无锡新吴检测技术有限公司二部',
                           '无锡市新吴区菱湖大道 202 号', '2022-03-01', '2028-02-29', '检验检测机构管理系统')$$,
                 '23514', NULL, 'a CMA certificate number has 12 digits');
SELECT throws_ok($$INSERT INTO nqi.standard (code, title, level, mandatory, issuing_body, source_system)
                   VALUES ('T/WXSP 001-2023', '无锡小笼包', 'group', true, '无锡市食品行业协会', '标准信息平台')$$,
                 '23514', NULL, 'only national standards are mandatory');
SELECT lives_ok($$INSERT INTO nqi.standard (code, title, level, mandatory, issuing_body, issued_on, effective_on,
                                           source_system)
                  VALUES ('GB 7718-2011', '食品安全国家标准 预包装食品标签通则', 'national', true, '卫生部',
                          '2011-04-20', '2012-04-20', '标准信息平台')$$, 'a mandatory national standard is kept');
INSERT INTO nqi.certification_body (approval_no, name, source_system)
VALUES ('CNCA-R-2002-001', '中国质量认证中心', '认证认可监管系统') ON CONFLICT (approval_no) DO NOTHING;

-- product
SELECT throws_ok($$INSERT INTO product.ccc_certificate (certificate_no, entity_id, certification_body_id,
                                                       product_category, product_name, manufacturer_name, factory_name,
                                                       issued_on, valid_to, source_system)
                   SELECT '20210101012345', pg_temp.eid('91320281MA1G5E9KXK'), id, '电线电缆', '聚氯乙烯绝缘电缆',
                          '江阴澄江电缆有限公司', '江阴澄江电缆有限公司', '2021-03-01', '2026-02-28', '认证认可监管系统'
                     FROM nqi.certification_body$$, '23514', NULL, 'a CCC certificate number has 16 digits');
SELECT lives_ok($$INSERT INTO product.licensed_product (licence_no, entity_id, catalog_code, product_name, product_unit,
                                                       production_address, issuing_authority, issued_on, valid_to,
                                                       source_system)
                  VALUES ('（苏）XK06-001-01234', pg_temp.eid('91320281MA1G5E9KXK'), 'wire_cable', '电线电缆',
                          '建筑用绝缘电线', '江阴市澄江街道澄南路 36 号', '江苏省市场监督管理局', '2022-01-10',
                          '2027-01-09', '工业产品许可系统')$$, 'a provincial production licence number is accepted');
INSERT INTO product.measuring_instrument (entity_id, instrument_kind_code, model, factory_no, location, registered_on,
                                          source_system)
VALUES (pg_temp.eid('91320213MA1N7C3F2T'), 'electronic_scale', 'ACS-15', 'WX2023A0871', '南禅寺农贸市场公平秤',
        '2023-03-01', '计量管理系统');
INSERT INTO product.instrument_verification (certificate_no, instrument_id, verifying_body, verified_on, conclusion,
                                             next_due_on, source_system)
SELECT 'JD-2024-05821', id, '无锡市计量测试院', '2024-03-05', 'pass', '2025-03-04', '计量管理系统'
  FROM product.measuring_instrument WHERE factory_no = 'WX2023A0871';
SELECT is((SELECT next_due_on FROM product.measuring_instrument WHERE factory_no = 'WX2023A0871'), '2025-03-04'::date,
          'a verification sets the instrument''s next due date');

-- fooddrug
SELECT throws_ok($$INSERT INTO fooddrug.food_licence (licence_no, kind, entity_id, business_form, premises_address,
                                                     issuing_authority, issued_on, valid_to, source_system)
                   VALUES ('SC13232021300123', 'business', pg_temp.eid('92320213MA1Y3K5P73'), 'catering',
                           '无锡市梁溪区崇安寺步行街 12 号', '无锡市梁溪区市场监督管理局', '2022-06-01', '2027-05-31',
                           '食品许可系统')$$, '23514', NULL, 'a food business licence number begins JY, not SC');
SELECT lives_ok($$INSERT INTO fooddrug.food_licence (licence_no, kind, entity_id, business_form, premises_address,
                                                    issuing_org_id, issuing_authority, issued_on, valid_to, source_system)
                  VALUES ('JY23202130012345', 'business', pg_temp.eid('92320213MA1Y3K5P73'), 'catering',
                          '无锡市梁溪区崇安寺步行街 12 号', pg_temp.org('LX'), '无锡市梁溪区市场监督管理局', '2022-06-01',
                          '2027-05-31', '食品许可系统')$$, 'a JY licence for a 餐饮服务经营者 is kept');
INSERT INTO fooddrug.pharma_licence (kind, licence_no, entity_id, premises_address, issuing_authority, issued_on,
                                     source_system)
VALUES ('device_filing_class2', '苏锡药监械经营备 20240123 号', pg_temp.eid('91320202MA1T2L6CXU'),
        '无锡市梁溪区人民中路 139 号', '无锡市市场监督管理局', '2024-03-12', '药械监管系统');
SELECT is((SELECT product_domain FROM fooddrug.pharma_licence WHERE licence_no = '苏锡药监械经营备 20240123 号'),
          'device', 'a medical-device filing belongs to the device domain and needs no expiry date');
INSERT INTO fooddrug.sampling (sample_no, product_domain, purpose, stage, entity_id, sample_name, food_category,
                               sampled_on, sampling_org_id, testing_body, source_system)
VALUES ('XC24320213000417', 'edible_agri', 'supervision', 'circulation', pg_temp.eid('91320213MA1N7C3F2T'), '韭菜',
        '食用农产品', '2024-04-11', pg_temp.org('LX'), '无锡新吴检测技术有限公司', '食品抽检系统');
SELECT throws_ok($$UPDATE fooddrug.sampling SET result = 'fail', report_no = 'XW-2024-F-0417', reported_on = '2024-04-25',
                          disposal_status = 'pending'
                    WHERE sample_no = 'XC24320213000417'$$, '23514', NULL, 'a failed sample names its failed items');
SELECT lives_ok($$UPDATE fooddrug.sampling SET result = 'fail', report_no = 'XW-2024-F-0417', reported_on = '2024-04-25',
                         unqualified_items = '腐霉利', disposal_status = 'pending'
                   WHERE sample_no = 'XC24320213000417'$$, 'a failed sample with its items awaits disposal');

-- credit
INSERT INTO credit.abnormal_operation (entity_id, list_reason, listed_on, listing_org_id, source_system)
VALUES (pg_temp.eid('91320202MA1T2L6CXU'), 'unreachable', '2023-08-01', pg_temp.org('LX'), '企业信用监管系统');
SELECT throws_ok($$INSERT INTO credit.abnormal_operation (entity_id, list_reason, listed_on, listing_org_id, source_system)
                   VALUES (pg_temp.eid('91320202MA1T2L6CXU'), 'unreachable', '2023-09-01', pg_temp.org('LX'),
                           '企业信用监管系统')$$, '23505', NULL, 'an entity is on the list once for the same reason');
SELECT throws_ok($$UPDATE credit.abnormal_operation SET removed_on = '2023-07-01', removal_reason = 'reachable',
                          removing_org_id = pg_temp.org('LX') WHERE entity_id = pg_temp.eid('91320202MA1T2L6CXU')$$,
                 '23514', NULL, 'an entity is removed from the list after it was put on it');
SELECT throws_ok($$UPDATE credit.abnormal_operation SET removed_on = '2024-01-05'
                    WHERE entity_id = pg_temp.eid('91320202MA1T2L6CXU')$$, '23514', NULL,
                 'a removal gives its reason');
INSERT INTO credit.annual_report (entity_id, year, submitted_on, source_system)
VALUES (pg_temp.eid('91320213MA1X7Q2HXK'), 2022, '2023-05-10', '企业信用监管系统'),
       (pg_temp.eid('91320213MA1X7Q2HXK'), 2023, '2024-07-15', '企业信用监管系统');
SELECT is((SELECT array_agg(on_time ORDER BY year) FROM credit.annual_report
            WHERE entity_id = pg_temp.eid('91320213MA1X7Q2HXK')), ARRAY[true, false],
          'an annual report filed after 30 June is late');
INSERT INTO credit.risk_grade_history (entity_id, grade, score, assessed_on, model_version, source_system)
VALUES (pg_temp.eid('91320202MA1T2L6CXU'), 'C', 62.5, '2024-01-15', '苏 2023 版', '信用风险分类系统');
INSERT INTO credit.risk_grade_fact (history_id, indicator_code, fact, points, source_table, source_id)
SELECT h.id, 'abnormal_list', '2023-08-01 列入经营异常名录：通过登记的住所无法联系', 15, 'credit.abnormal_operation', a.id
  FROM credit.risk_grade_history h, credit.abnormal_operation a WHERE h.entity_id = a.entity_id;
SELECT is((SELECT risk_grade || ' ' || risk_graded_on FROM core.entity WHERE uscc = '91320202MA1T2L6CXU'), 'C 2024-01-15',
          'the latest grade shows on the entity');
INSERT INTO credit.risk_grade_history (entity_id, grade, score, assessed_on, model_version, source_system)
VALUES (pg_temp.eid('91320202MA1T2L6CXU'), 'B', 30, '2023-01-15', '苏 2022 版', '信用风险分类系统');
SELECT is((SELECT risk_grade FROM core.entity WHERE uscc = '91320202MA1T2L6CXU'), 'C',
          '... and an older grade loaded later does not replace it');

-- price
SELECT throws_ok($$INSERT INTO price.government_price (code, item_name, category, pricing_form, unit, price,
                                                      price_upper, approval_doc_no, approving_authority, effective_from,
                                                      source_system)
                   VALUES ('WX-P-0012', '居民生活用水（第一阶梯）', '公用事业', 'government_set', '元/立方米', 3.00, 2.80,
                           '锡发改价格〔2021〕98 号', '无锡市发展和改革委员会', '2021-07-01', '价格管理系统')$$,
                 '23514', NULL, 'a price is not above its upper limit');
INSERT INTO price.monitoring_point (code, name, kind, entity_id, address, division_code, source_system)
VALUES ('LX-JC-01', '南禅寺农贸市场', 'farmers_market', pg_temp.eid('91320213MA1N7C3F2T'), '无锡市梁溪区南长街 300 号',
        '320213', '价格监测系统');
SELECT throws_ok($$INSERT INTO price.price_observation (point_id, commodity_code, observed_on, price, source_system)
                   SELECT id, 'pork_lean', d, 16.50, '价格监测系统' FROM price.monitoring_point,
                          (VALUES ('2024-05-06'::date), ('2024-05-06'::date)) AS v (d)$$, '23505', NULL,
                 'a point reports one price per commodity a day');

-- ip
SELECT throws_ok($$INSERT INTO ip.patent (patent_no, kind, title, entity_id, applied_on, granted_on, source_system)
                   VALUES ('ZL202120123456.7', 'invention', '一种阻燃电缆', pg_temp.eid('91320281MA1G5E9KXK'),
                           '2021-01-15', '2021-09-10', '专利信息系统')$$, '23514', NULL,
                 'a patent number with the utility-model digit is not an invention');
SELECT lives_ok($$INSERT INTO ip.patent (patent_no, kind, title, entity_id, applied_on, granted_on, source_system)
                  VALUES ('ZL202120123456.7', 'utility_model', '一种阻燃电缆', pg_temp.eid('91320281MA1G5E9KXK'),
                          '2021-01-15', '2021-09-10', '专利信息系统')$$, '... it is a utility model');
SELECT throws_ok($$INSERT INTO ip.trademark (reg_no, nice_class, entity_id, mark_name, applied_on, registered_on,
                                            valid_to, source_system)
                   VALUES ('23456789', 46, pg_temp.eid('91320213MA1X7Q2HXK'), '红豆', '2017-04-01', '2018-04-07',
                           '2028-04-06', '商标信息系统')$$, '23514', NULL, 'the Nice classes are 1 to 45');

-- cogov
INSERT INTO cogov.farmers_market (code, name, entity_id, address, division_code, org_id, stall_count, has_quick_test_room,
                                  source_system)
VALUES ('LX-NM-005', '南禅寺农贸市场', pg_temp.eid('91320213MA1N7C3F2T'), '无锡市梁溪区南长街 300 号', '320213',
        pg_temp.org('LX05'), 186, true, '智慧市场平台');
SELECT throws_ok($$INSERT INTO cogov.quick_test (test_no, market_id, entity_id, stall_no, sample_name, sample_category,
                                                test_item, performed_by, tested_at, result, source_system)
                   SELECT 'KJ-20240506-031', id, pg_temp.eid('92320213MA1Y3K5P73'), 'A-12', '韭菜', 'vegetable',
                          '有机磷和氨基甲酸酯类农药', 'market', '2024-05-06 07:30+08', 'positive', '智慧市场平台'
                     FROM cogov.farmers_market WHERE code = 'LX-NM-005'$$, '23514', NULL,
                 'a positive quick test says how it was dealt with');
SELECT throws_ok($$INSERT INTO cogov.open_kitchen (entity_id, org_id, mode, joined_on, source_system)
                   VALUES (pg_temp.eid('92320205MA1U6B2A3B'), pg_temp.org('XS01'), 'internet', '2023-05-01',
                           '明厨亮灶平台')$$, '23514', NULL, 'an internet open kitchen has a viewing address');

SELECT * FROM finish();
ROLLBACK;
