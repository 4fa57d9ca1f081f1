-- 维权救援库: complaints (§9 before acceptance, §15 grounds), reports,
-- consultations, 12345 transfers, 96333 incidents in workflow order.
BEGIN;
SELECT plan(29);
\ir lib/fixtures.psql
\ir lib/elevators.psql

-- a complaint about 阿福面馆 as the 12315 hotline takes it down; §9 items left out as NULL
INSERT INTO rights.complaint (complaint_no, channel_code, received_at, receiving_org_id, handling_org_id,
                              complainant_name, complainant_phone, respondent_name, entity_id, category_code,
                              subject, amount_involved, source_system)
VALUES ('13202130002024051500123', 'hotline_12315', '2024-05-15 09:12+08', pg_temp.org('WX'), pg_temp.org('LX01'),
        '张晓梅', '13951512345', '梁溪区阿福面馆', pg_temp.eid('92320213MA1Y3K5P73'), 'S02', '预付储值卡', 500.00,
        '12315平台');
CREATE FUNCTION pg_temp.accept() RETURNS void LANGUAGE sql
BEGIN ATOMIC
	UPDATE rights.complaint SET status = 'accepted', decided_at = '2024-05-17 10:00+08'
	 WHERE complaint_no = '13202130002024051500123';
END;

SELECT is((SELECT status FROM rights.complaint WHERE complaint_no = '13202130002024051500123'), 'registered',
          'an incomplete complaint is registered');
SELECT throws_ok($$SELECT pg_temp.accept()$$, '23514',
                 'new row for relation "complaint" violates check constraint "complaint_section9_complete"',
                 'a complaint missing §9 items (address, request, facts) cannot be accepted');
UPDATE rights.complaint SET complainant_address = '无锡市梁溪区学前街 5 号', respondent_address = '无锡市梁溪区崇安寺步行街 12 号',
       request = '退还储值卡余额 500 元', facts = '2024 年 3 月办理储值卡 500 元，面馆于 5 月起停业装修拒绝退款'
 WHERE complaint_no = '13202130002024051500123';
UPDATE rights.complaint SET facts = '  ' WHERE complaint_no = '13202130002024051500123';
SELECT throws_ok($$SELECT pg_temp.accept()$$, '23514', NULL, '... nor one whose facts are blank');
UPDATE rights.complaint SET facts = '2024 年 3 月办理储值卡 500 元，面馆于 5 月起停业装修拒绝退款'
 WHERE complaint_no = '13202130002024051500123';
SELECT lives_ok($$SELECT pg_temp.accept()$$, 'a complaint with every §9 item is accepted');
SELECT throws_ok($$UPDATE rights.complaint SET complainant_phone = NULL WHERE complaint_no = '13202130002024051500123'$$,
                 '23514', NULL, 'an accepted complaint keeps its §9 items');
SELECT throws_ok($$UPDATE rights.complaint SET status = 'closed', closed_at = '2024-06-03 15:00+08'
                    WHERE complaint_no = '13202130002024051500123'$$, '23514', NULL, 'a closed complaint has an outcome');
SELECT throws_ok($$UPDATE rights.complaint SET status = 'closed', closed_at = '2024-06-03 15:00+08', outcome = 'terminated'
                    WHERE complaint_no = '13202130002024051500123'$$, '23514', NULL,
                 'terminated mediation names its §21 reason');
SELECT lives_ok($$UPDATE rights.complaint SET status = 'closed', closed_at = '2024-06-03 15:00+08', outcome = 'agreement',
                         recovered_amount = 500 WHERE complaint_no = '13202130002024051500123'$$,
                'a complaint is closed with an agreement');
SELECT throws_ok($$UPDATE rights.complaint SET decided_at = '2024-05-14 10:00+08'
                    WHERE complaint_no = '13202130002024051500123'$$, '23514', NULL,
                 'a complaint is not decided before it is received');

-- refusal
INSERT INTO rights.complaint (complaint_no, channel_code, received_at, receiving_org_id, handling_org_id,
                              complainant_phone, respondent_name, source_system)
VALUES ('13202130002024051600007', 'web_12315', '2024-05-16 20:41+08', pg_temp.org('WX'), pg_temp.org('LX'),
        '13706181234', '某网店', '12315平台');
SELECT throws_ok($$UPDATE rights.complaint SET status = 'refused', decided_at = '2024-05-20 09:00+08'
                    WHERE complaint_no = '13202130002024051600007'$$, '23514', NULL, 'a refusal names its §15 ground');
SELECT lives_ok($$UPDATE rights.complaint SET status = 'refused', decided_at = '2024-05-20 09:00+08',
                         refusal_ground_code = 'materials_missing'
                   WHERE complaint_no = '13202130002024051600007'$$,
                'an incomplete complaint is refused for missing materials');
SELECT throws_ok($$INSERT INTO rights.complaint (complaint_no, channel_code, received_at, receiving_org_id,
                                                handling_org_id, source_system)
                   VALUES ('13202130002024051600008', 'transfer_12345', '2024-05-16 21:00+08', pg_temp.org('WX'),
                           pg_temp.org('LX'), '12315平台')$$, '23514', NULL,
                 'a complaint from 12345 names its work order');

-- 12345 transfers
SELECT throws_ok($$INSERT INTO rights.transfer_12345 (work_order_no, received_12345_at, received_bureau_at, summary,
                                                     receiving_org_id, handling_org_id, source_system)
                   VALUES ('WX12345-20240518-004512', '2024-05-18 10:00+08', '2024-05-18 09:00+08', '反映面馆预付卡退款',
                           pg_temp.org('WX'), pg_temp.org('LX'), '12345平台')$$, '23514', NULL,
                 'the bureau receives a 12345 order after 12345 received it');
SELECT lives_ok($$INSERT INTO rights.transfer_12345 (work_order_no, received_12345_at, received_bureau_at, caller_name,
                                                    caller_phone, summary, receiving_org_id, handling_org_id, source_system)
                  VALUES ('WX12345-20240518-004512', '2024-05-18 10:00+08', '2024-05-18 10:25+08', '陆建军',
                          '13861712345', '反映面馆预付卡退款', pg_temp.org('WX'), pg_temp.org('LX'), '12345平台')$$,
                'a 12345 order keeps both timestamps');

-- reports
SELECT throws_ok($$INSERT INTO rights.report (report_no, channel_code, received_at, receiving_org_id, handling_org_id,
                                             anonymous, reporter_name, reported_name, clue, source_system)
                   VALUES ('JB-2024-LX-00451', 'hotline_12315', '2024-05-20 14:00+08', pg_temp.org('WX'),
                           pg_temp.org('LX'), true, '王某', '梁溪区阿福面馆', '后厨使用过期调料', '12315平台')$$, '23514', NULL,
                 'an anonymous report has no reporter name');
INSERT INTO rights.report (report_no, channel_code, received_at, receiving_org_id, handling_org_id, reporter_name,
                           reporter_phone, reporter_id_no, reported_name, entity_id, violation_category_code, clue,
                           source_system)
VALUES ('JB-2024-LX-00452', 'hotline_12315', '2024-05-20 14:30+08', pg_temp.org('WX'), pg_temp.org('LX01'), '王立新',
        '13912398765', '320282199001010034', '梁溪区阿福面馆', pg_temp.eid('92320213MA1Y3K5P73'), 'food_safety',
        '后厨使用过期调料，附照片三张', '12315平台');
SELECT throws_ok($$UPDATE rights.report SET status = 'decided', decided_at = '2024-06-05 10:00+08', decision = 'case_opened'
                    WHERE report_no = 'JB-2024-LX-00452'$$, '23514', NULL, 'a report decided for a case names the case');
SELECT lives_ok($$UPDATE rights.report SET status = 'decided', decided_at = '2024-06-05 10:00+08', decision = 'not_opened',
                        not_opened_reason = '现场核查未发现过期调料', reporter_notified_at = '2024-06-07 16:00+08'
                  WHERE report_no = 'JB-2024-LX-00452'$$,
                'a real-name reporter is told the decision');
SELECT throws_ok($$UPDATE rights.report SET reporter_notified_at = '2024-06-04 16:00+08'
                    WHERE report_no = 'JB-2024-LX-00452'$$, '23514', NULL, 'the reporter is told after the decision');

-- consultations
SELECT throws_ok($$INSERT INTO rights.consultation (consultation_no, kind, channel_code, received_at, receiving_org_id,
                                                   handling_org_id, content, status, answered_at, source_system)
                   VALUES ('ZX-2024-000918', 'consultation', 'hotline_12315', '2024-05-21 09:00+08', pg_temp.org('WX'),
                           pg_temp.org('WX'), '个体工商户如何办理年报？', 'answered', '2024-05-21 09:05+08',
                           '12315平台')$$, '23514', NULL, 'an answered consultation has its answer');

-- 96333: a passenger trapped in the 太湖花园 elevator
INSERT INTO rights.rescue_incident (incident_no, received_at, caller_name, caller_phone, rescue_code_given, source_system)
VALUES ('96333-20240603-0041', '2024-06-03 18:02:10+08', '沈佳怡', '15052212345', '213456', '96333平台');
CREATE FUNCTION pg_temp.step(change text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE 'UPDATE rights.rescue_incident SET ' || change || ' WHERE incident_no = ''96333-20240603-0041''';
END $$;
SELECT lives_ok($$SELECT pg_temp.step(format('elevator_id = %s, identified_at = ''2024-06-03 18:02:40+08'', trapped_count = 2,
                                              level1_entity_id = %s, level1_dispatched_at = ''2024-06-03 18:03:05+08''',
                                              pg_temp.elevator('31103202112018060012'), pg_temp.eid('91320214MA1P9G3E8R')))$$,
                'the elevator is identified and its maintenance unit dispatched');
SELECT is((SELECT district_org_id || ' ' || arrival_limit_minutes FROM rights.rescue_incident
            WHERE incident_no = '96333-20240603-0041'), pg_temp.org('BH') || ' 30',
          'the incident takes the elevator''s district bureau and the urban 30-minute limit');
SELECT throws_ok($$SELECT pg_temp.step('acknowledged_at = ''2024-06-03 18:04:00+08'', arrived_at = ''2024-06-03 18:03:50+08''')$$,
                 '23514', 'new row for relation "rescue_incident" violates check constraint "rescue_incident_steps_in_order"',
                 'arrival before acknowledgement is refused');
SELECT throws_ok($$SELECT pg_temp.step('acknowledged_at = ''2024-06-03 18:01:00+08''')$$, '23514', NULL,
                 'acknowledgement before dispatch is refused');
SELECT throws_ok($$SELECT pg_temp.step(format('level2_station_id = %s, level2_dispatched_at = ''2024-06-03 18:02:50+08'',
                                               level2_reason = ''一级单位未响应''',
                                               (SELECT id FROM equipment.rescue_station WHERE code = 'JY-BH-01')))$$,
                 '23514', NULL, 'level 2 is not dispatched before level 1');
SELECT lives_ok($$SELECT pg_temp.step('acknowledged_at = ''2024-06-03 18:04:00+08'', en_route_at = ''2024-06-03 18:06:00+08'',
                                       arrived_at = ''2024-06-03 18:19:30+08'', released_at = ''2024-06-03 18:24:10+08'',
                                       released_count = 2')$$,
                'acknowledged, en route, arrived and released in order');
SELECT throws_ok($$SELECT pg_temp.step('status = ''closed'', closed_at = ''2024-06-03 18:40:00+08''')$$, '23514',
                 'new row for relation "rescue_incident" violates check constraint "rescue_incident_cause_at_close"',
                 'an incident is not closed without its cause');
SELECT throws_ok($$SELECT pg_temp.step('status = ''closed'', closed_at = ''2024-06-03 18:20:00+08'', cause_code = ''power_cut''')$$,
                 '23514', NULL, 'an incident is not closed before the passengers are out');
SELECT lives_ok($$SELECT pg_temp.step('status = ''closed'', closed_at = ''2024-06-03 18:40:00+08'', cause_code = ''power_cut'',
                                       callback_at = ''2024-06-04 10:00:00+08'', callback_result = ''satisfied''')$$,
                'closed with its cause, and the caller called back');
SELECT throws_ok($$SELECT pg_temp.step('district_org_id = ' || pg_temp.org('LX'))$$, '23503', NULL,
                 'an incident''s district is its elevator''s');

SELECT * FROM finish();
ROLLBACK;
