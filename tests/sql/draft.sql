-- Drafts of forms (0095_draft.sql): saved per login, replaced on the next
-- save, listed and read back only by the login that typed them (psql
-- included: row-level security, not only the api), discarded.
BEGIN;
SELECT * FROM no_plan();

CREATE TEMP TABLE seen (who text, what text, n int, val text);
GRANT SELECT, INSERT ON seen TO PUBLIC;

SET SESSION AUTHORIZATION demo_handler_lx;
INSERT INTO seen SELECT 'handler', 'save1', api.draft_save('complaint', '91320213MA1XHD015B',
	jsonb_build_object('complainant_name', '周海燕', 'complainant_phone', '1386'), '无锡红豆纺织科技有限公司'), NULL;
INSERT INTO seen SELECT 'handler', 'save2', api.draft_save('complaint', '91320213MA1XHD015B',
	jsonb_build_object('complainant_name', '周海燕', 'complainant_phone', '13861234567'), '无锡红豆纺织科技有限公司'), NULL;
INSERT INTO seen SELECT 'handler', 'list', count(*), string_agg(kind || '/' || subject || '/' || title, ',')
  FROM api.draft_list();
INSERT INTO seen SELECT 'handler', 'get', NULL, value FROM api.draft_get(
	(SELECT n FROM seen WHERE what = 'save1')) WHERE field = 'complainant_phone';
RESET SESSION AUTHORIZATION;

SELECT is((SELECT n FROM seen WHERE what = 'save1'), (SELECT n FROM seen WHERE what = 'save2'),
          'saving again replaces the draft (one per login, kind and subject)');
SELECT is((SELECT val FROM seen WHERE what = 'list'), 'complaint/91320213MA1XHD015B/无锡红豆纺织科技有限公司',
          'the owner lists it');
SELECT is((SELECT val FROM seen WHERE what = 'get'), '13861234567', '  ... and reads the latest values');
SELECT is((SELECT owner_login FROM meta.draft), 'demo_handler_lx', 'the owner is the login role');

-- another handler of the same district, through the api and through plain SQL
SET SESSION AUTHORIZATION demo_clerk_lx;
INSERT INTO seen SELECT 'clerk', 'list', count(*), NULL FROM api.draft_list();
INSERT INTO seen SELECT 'clerk', 'get', count(*), NULL FROM api.draft_get((SELECT n FROM seen WHERE what = 'save1'));
INSERT INTO seen SELECT 'clerk', 'select', count(*), NULL FROM meta.draft;
INSERT INTO seen SELECT 'clerk', 'discard', NULL, api.draft_discard((SELECT n FROM seen WHERE what = 'save1'))::text;
WITH u AS (UPDATE meta.draft SET vals = '{}' RETURNING 1) INSERT INTO seen SELECT 'clerk', 'update', count(*), NULL FROM u;
INSERT INTO seen SELECT 'clerk', 'own', api.draft_save('complaint', '91320213MA1XHD015B', '{"facts": "x"}'), NULL;
RESET SESSION AUTHORIZATION;
SELECT is((SELECT n FROM seen WHERE who = 'clerk' AND what = 'list'), 0, 'another login lists none of them');
SELECT is((SELECT n FROM seen WHERE who = 'clerk' AND what = 'get'), 0, '  ... reads nothing by its id');
SELECT is((SELECT n FROM seen WHERE who = 'clerk' AND what = 'select'), 0, '  ... sees no row of meta.draft in SQL');
SELECT is((SELECT val FROM seen WHERE who = 'clerk' AND what = 'discard'), 'false', '  ... cannot discard it');
SELECT is((SELECT n FROM seen WHERE who = 'clerk' AND what = 'update'), 0, '  ... nor change it');
SELECT is((SELECT count(*)::int FROM meta.draft WHERE subject = '91320213MA1XHD015B'), 2,
          'the same kind and subject make a second draft of its own');
SET SESSION AUTHORIZATION demo_clerk_lx;
DO $$
BEGIN
	INSERT INTO meta.draft (owner_login, kind, vals) VALUES ('demo_handler_lx', 'complaint', '{}');
	INSERT INTO seen VALUES ('clerk', 'forge', NULL, 'written');
EXCEPTION WHEN insufficient_privilege THEN
	INSERT INTO seen VALUES ('clerk', 'forge', NULL, SQLSTATE);
END $$;
RESET SESSION AUTHORIZATION;
SELECT is((SELECT val FROM seen WHERE what = 'forge'), '42501', 'a draft cannot be written in another login''s name');

SET SESSION AUTHORIZATION demo_handler_lx;
INSERT INTO seen SELECT 'handler', 'discard_for', NULL, api.draft_discard_for('complaint', '91320213MA1XHD015B')::text;
INSERT INTO seen SELECT 'handler', 'after', count(*), NULL FROM api.draft_list();
RESET SESSION AUTHORIZATION;
SELECT is((SELECT val FROM seen WHERE what = 'discard_for'), 'true', 'the owner discards it by kind and subject');
SELECT is((SELECT n FROM seen WHERE who = 'handler' AND what = 'after'), 0, '  ... and it is gone');
SELECT is((SELECT count(*)::int FROM meta.draft), 1, '  ... the other login''s draft stays');
SELECT throws_ok($$SELECT api.draft_save('Bad Kind', '', '{}')$$, '23514', NULL, 'a kind is a lower-case code');

SELECT * FROM finish();
ROLLBACK;
