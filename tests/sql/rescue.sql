-- The 96333 desk: intake, the state machine and its guards, the arrival limit
-- per area, escalation proposals at the right minute of the test clock.
-- Operators act through the api as themselves (SET SESSION AUTHORIZATION);
-- what they get back is collected in pg_temp.got, since they cannot reach pgtap.
BEGIN;
SELECT plan(40);
\ir lib/fixtures.psql
\ir lib/elevators.psql

-- Only the fixture's rescue stations answer a level-2 proposal, and a public
-- station in 梁溪区 near the 崇安百货 escalator joins them.
UPDATE equipment.rescue_station SET active = false WHERE code <> 'JY-BH-01';
INSERT INTO equipment.rescue_station (code, name, kind, address, division_code, latitude, longitude, duty_phone,
                                      source_system)
VALUES ('LX-PUB-01', '梁溪区解放西路电梯救援点', 'public_station', '无锡市梁溪区解放西路 1 号', '320213',
        31.575000, 120.300000, '0510-82700096', '96333 平台'),
       ('LX-PUB-02', '梁溪区北大街电梯救援点', 'public_station', '无锡市梁溪区北大街 9 号', '320213',
        31.600000, 120.290000, '0510-82700097', '96333 平台');
UPDATE equipment.elevator SET latitude = 31.576000, longitude = 120.301000 WHERE registration_code = '33103202132019030005';

UPDATE meta.test_clock SET enabled = true;
SET smcon.now = '2026-12-01 10:00:00+08';

\ir lib/try.psql
CREATE FUNCTION pg_temp.inc(key text) RETURNS rights.rescue_incident LANGUAGE sql
RETURN (SELECT i FROM rights.rescue_incident i WHERE i.id = pg_temp.got(key)::bigint);
CREATE FUNCTION pg_temp.state(key text) RETURNS text LANGUAGE sql
RETURN rights.rescue_state(pg_temp.inc(key));

-- 1. intake
SET SESSION AUTHORIZATION demo_dispatcher;
SELECT pg_temp.try('a', $$SELECT id FROM api.rescue_new('213456', '13912345678', 2, false, '停在 5、6 楼之间')$$);
SELECT pg_temp.try('bad_code', $$SELECT id FROM api.rescue_new('999999', '13912345678', 1)$$);
SELECT pg_temp.try('bad_phone', $$SELECT id FROM api.rescue_new('213456', '电话', 1)$$);
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_clerk_lx;
SELECT pg_temp.try('clerk', $$SELECT id FROM api.rescue_new('213456', '13912345678', 1)$$);
RESET SESSION AUTHORIZATION;

SELECT alike((pg_temp.inc('a')).incident_no, 'WX96333-20261201-%', 'an incident gets its number, dated by the call');
SELECT is((pg_temp.inc('a')).received_at, '2026-12-01 10:00:00+08'::timestamptz, 'its clock starts at the call (core.now())');
SELECT is(pg_temp.state('a'), 'received', 'a new incident is received');
SELECT is((pg_temp.inc('a')).elevator_id, pg_temp.elevator('31103202112018060012'), 'the rescue code found the elevator');
SELECT is((pg_temp.inc('a')).arrival_limit_minutes::int, 30, 'an urban elevator of 滨湖区 has 30 minutes');
SELECT alike(pg_temp.got('bad_code'), 'P0002 %999999%', 'an unknown code is refused, naming it');
SELECT alike(pg_temp.got('bad_phone'), '23514 %', 'a phone that is no phone is refused');
SELECT alike(pg_temp.got('clerk'), '42501 %', 'a clerk cannot take a 96333 call');
SELECT is((SELECT string_agg(step, ',' ORDER BY id) FROM rights.rescue_step WHERE incident_id = (pg_temp.inc('a')).id),
          'received', 'the intake is a recorded step');

-- 2. the state machine, guarded
SET smcon.now = '2026-12-01 10:01:00+08';
SET SESSION AUTHORIZATION demo_dispatcher;
SELECT pg_temp.try('ack_early', format('SELECT api.rescue_ack(%s)', pg_temp.got('a')));
SELECT pg_temp.try('d1', format('SELECT api.rescue_dispatch(%s, 0)', pg_temp.got('a')));
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_dispatcher2;
SELECT pg_temp.try('d2', format('SELECT api.rescue_dispatch(%s, 0)', pg_temp.got('a')));
SELECT pg_temp.try('d2b', format('SELECT api.rescue_dispatch(%s)', pg_temp.got('a')));
SELECT pg_temp.try('ack_stale', format('SELECT api.rescue_ack(%s, 0)', pg_temp.got('a')));
RESET SESSION AUTHORIZATION;
SELECT alike(pg_temp.got('ack_early'), '40001 %已接警%不能登记响应', 'an acknowledgement before dispatch is refused with the state');
SELECT is(pg_temp.got('d1'), '1', 'dispatch returns the new version');
SELECT is(pg_temp.state('a'), 'dispatched', 'received → dispatched');
SELECT is((pg_temp.inc('a')).level1_entity_id, pg_temp.eid('91320214MA1P9G3E8R'), 'level 1 is the contracted unit');
SELECT alike(pg_temp.got('d2'), '40001 %已派单%', 'a second dispatch is refused (40001) with the current state');
SELECT alike(pg_temp.got('d2b'), '40001 %' || (SELECT full_name FROM core.staff WHERE login = 'demo_dispatcher') || '%',
            '  ... and says who did it');
SELECT alike(pg_temp.got('ack_stale'), '40001 %已被他人改动%', 'a step on a version seen before the change is refused');
SELECT is((SELECT count(*)::int FROM rights.rescue_step WHERE incident_id = (pg_temp.inc('a')).id AND step = 'dispatched'),
          1, 'one dispatch only');

-- 3. escalation proposals at the right minute
SET smcon.now = '2026-12-01 10:05:59+08';
SET SESSION AUTHORIZATION demo_dispatcher;
SELECT pg_temp.try('p_before', format('SELECT count(*) FROM api.rescue_proposals(%s)', pg_temp.got('a')));
SET smcon.now = '2026-12-01 10:06:00+08';
SELECT pg_temp.try('p_at', format('SELECT level || %L || reason || %L || target FROM api.rescue_proposals(%s)', ' ', ' ',
                                  pg_temp.got('a')));
SELECT pg_temp.try('board_p', format('SELECT proposal FROM api.rescue_board() WHERE id = %s', pg_temp.got('a')));
SELECT pg_temp.try('decline_bare', format('SELECT api.rescue_decline(%s, null, 2, null)', pg_temp.got('a')));
SELECT pg_temp.try('decline', format('SELECT api.rescue_decline(%s, null, 2, %L)', pg_temp.got('a'), '单位来电称 2 分钟内响应'));
SELECT pg_temp.try('p_after', format('SELECT count(*) FROM api.rescue_proposals(%s)', pg_temp.got('a')));
SELECT pg_temp.try('ack', format('SELECT api.rescue_ack(%s)', pg_temp.got('a')));
SELECT pg_temp.try('enroute', format('SELECT api.rescue_enroute(%s, null, 40)', pg_temp.got('a')));
SELECT pg_temp.try('p_late', format('SELECT level || %L || reason FROM api.rescue_proposals(%s)', ' ', pg_temp.got('a')));
SELECT pg_temp.try('esc', format('SELECT api.rescue_escalate(%s)', pg_temp.got('a')));
RESET SESSION AUTHORIZATION;
SELECT is(pg_temp.got('p_before'), '0', 'no proposal 4:59 after dispatch without acknowledgement');
SELECT is(pg_temp.got('p_at'), '2 no_ack 蠡园电梯应急救援站', 'at 5:00 level 2 is proposed: the other unit''s post');
SELECT is(pg_temp.got('board_p'), '2', 'the board shows the proposal');
SELECT alike(pg_temp.got('decline_bare'), '23502 %理由%', 'declining a proposal needs a reason');
SELECT is((SELECT reason || '/' || note || '/' || proposed FROM rights.rescue_step
            WHERE incident_id = (pg_temp.inc('a')).id AND step = 'declined'),
          'no_ack/单位来电称 2 分钟内响应/蠡园电梯应急救援站', 'a declined proposal is recorded with what and why');
SELECT is(pg_temp.got('p_after'), '0', '  ... and not proposed again for the same reason');
SELECT is(pg_temp.got('p_late'), '2 late', 'an ETA past the limit proposes level 2 (projected late)');
SELECT is(pg_temp.state('a'), 'en_route', 'dispatched → acknowledged → en route');
SELECT ok((pg_temp.inc('a')).level2_station_id IS NOT NULL AND (pg_temp.inc('a')).level2_reason LIKE '预计无法按时到场%',
          'accepting the proposal dispatches level 2 with its reason');

-- level 2 fails: no arrival by the limit → level 3 (119)
SET smcon.now = '2026-12-01 10:30:00+08';
SET SESSION AUTHORIZATION demo_dispatcher;
SELECT pg_temp.try('p3', format('SELECT level || %L || reason || %L || target FROM api.rescue_proposals(%s)', ' ', ' ',
                                pg_temp.got('a')));
SELECT pg_temp.try('esc3', format('SELECT api.rescue_escalate(%s, null, 3)', pg_temp.got('a')));
SELECT pg_temp.try('arrive', format('SELECT api.rescue_arrive(%s)', pg_temp.got('a')));
SELECT pg_temp.try('close_early', format('SELECT api.rescue_close(%s, null, %L)', pg_temp.got('a'), 'door_fault'));
SELECT pg_temp.try('release', format('SELECT api.rescue_release(%s)', pg_temp.got('a')));
SELECT pg_temp.try('close_bad', format('SELECT api.rescue_close(%s, null, %L)', pg_temp.got('a'), 'gremlins'));
SELECT pg_temp.try('close', format('SELECT api.rescue_close(%s, null, %L, %L)', pg_temp.got('a'), 'door_fault', '层门门锁'));
SELECT pg_temp.try('callback', format('SELECT api.rescue_callback(%s, null, %L)', pg_temp.got('a'), 'satisfied'));
SELECT pg_temp.try('cancel_late', format('SELECT api.rescue_cancel(%s, null, %L)', pg_temp.got('a'), 'false_alarm'));
RESET SESSION AUTHORIZATION;
SELECT is(pg_temp.got('p3'), '3 level2_failed 119 消防救援', 'at the limit without arrival, level 3 (119) is proposed');
SELECT ok((pg_temp.inc('a')).level3_dispatched_at = '2026-12-01 10:30:00+08', 'level 3 is started at the clock''s minute');
SELECT alike(pg_temp.got('close_early'), '40001 %已到场%', 'a trapped incident cannot close before release');
SELECT alike(pg_temp.got('close_bad'), '22023 %gremlins%', 'closing needs a cause from the list');
SELECT is(pg_temp.state('a'), 'callback_done', 'arrived → released → closed → callback done');
SELECT alike(pg_temp.got('cancel_late'), '40001 %已回访%', 'a finished incident cannot be cancelled');
SELECT is((SELECT string_agg(step, ',' ORDER BY id) FROM rights.rescue_step WHERE incident_id = (pg_temp.inc('a')).id),
          'received,dispatched,declined,acknowledged,en_route,level2,level3,arrived,released,closed,callback',
          'every step is recorded, in order');

-- 4. injuries: level 3 at once; the limit per area
UPDATE core.rescue_arrival_limit SET urban_minutes = 20 WHERE division_code = '320213';
SET SESSION AUTHORIZATION demo_dispatcher2;
SELECT pg_temp.try('b', $$SELECT id FROM api.rescue_new('213457', '0510-82701234', 1, true)$$);
SELECT pg_temp.try('b_cancel', format('SELECT api.rescue_cancel(%s, null, %L)', pg_temp.got('b'), 'other'));
RESET SESSION AUTHORIZATION;
SELECT is((pg_temp.inc('b')).level3_dispatched_at, (pg_temp.inc('b')).received_at, 'an injury calls 119 at intake');
SELECT is((pg_temp.inc('b')).arrival_limit_minutes::int, 20, 'the limit comes from the area''s row (梁溪区 set to 20)');
UPDATE equipment.elevator SET urban = false WHERE registration_code = '31103202112018060012';
SELECT is(core.rescue_limit_minutes(pg_temp.elevator('31103202112018060012')), 60, 'outside the city: 60 minutes');
DELETE FROM core.rescue_arrival_limit WHERE division_code = '320211';
UPDATE core.setting SET value = '75' WHERE key = 'rescue_arrival_limit_other_minutes';
SELECT is(core.rescue_limit_minutes(pg_temp.elevator('31103202112018060012')), 75,
          'an area without a row falls back to the settings');
SELECT alike(pg_temp.got('b_cancel'), '23502 %说明%', 'cancelling for "other" needs a note');

-- 5. the rescue code in the entity search box
SELECT is((SELECT uscc || ' ' || match || ' ' || matched FROM api.entity_search('213456') WHERE match = 5),
          '91320211MA1R5D7U6W 5 救援识别码 213456 电梯：无锡市滨湖区蠡湖大道 2008 号太湖花园 6 号楼 2 单元',
          'a rescue code in the entity search finds the using unit, saying which elevator');
SELECT is((SELECT count(*)::int FROM api.entity_search('2134567') WHERE match = 5), 0,
          '  ... only a code of the configured length');

SELECT * FROM finish();
ROLLBACK;
