-- The audit log: a trigger on every table, append-only for everyone (the
-- owner and the superuser's ordinary statements included), a hash chain that
-- audit.verify() walks and that shows a tampered row, masked reading.
BEGIN;
SELECT * FROM no_plan();
-- the head of the chain moves at commit; in this transaction, at once
SET CONSTRAINTS ALL IMMEDIATE;

-- every table of the warehouse's schemas is audited, or listed with a reason
SELECT is(ARRAY(SELECT n.nspname || '.' || c.relname
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relpersistence = 'p'
                   AND n.nspname IN ('core', 'supervision', 'product', 'rights', 'equipment', 'fooddrug', 'credit',
                                     'price', 'ip', 'nqi', 'cogov', 'policy', 'meta')
                   AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'audit_update')
                   AND n.nspname || '.' || c.relname NOT IN (SELECT table_name FROM audit.unaudited)
                 ORDER BY 1),
          '{}'::text[], 'every table has the audit triggers or is listed in audit.unaudited');
SELECT ok((SELECT bool_and(reason <> '') FROM audit.unaudited), 'every unaudited table says why');
-- tgtype: 1 row, 2 before, 4 insert, 8 delete, 16 update, 64 instead of
SELECT is((SELECT count(*)::int FROM pg_trigger t
            WHERE t.tgname IN ('audit_insert', 'audit_update', 'audit_delete')
              AND NOT (t.tgtype & 67 = 0
                       AND t.tgtype & 28 = CASE t.tgname WHEN 'audit_insert' THEN 4 WHEN 'audit_update' THEN 16 ELSE 8 END
                       AND (t.tgnewtable IS NOT NULL) = (t.tgname <> 'audit_delete')
                       AND (t.tgoldtable IS NOT NULL) = (t.tgname <> 'audit_insert'))), 0,
          'audit_insert, audit_update and audit_delete fire after each statement with its rows');
SELECT is((SELECT count(*)::int FROM pg_trigger u
            WHERE u.tgname = 'audit_update'
              AND (SELECT count(*) FROM pg_trigger t WHERE t.tgrelid = u.tgrelid
                      AND t.tgname IN ('audit_insert', 'audit_delete', 'audit_truncate')) <> 3), 0,
          'and every audited table has all four');
SELECT is((SELECT count(*)::int FROM pg_trigger t WHERE t.tgname = 'audit_row'), 0, 'no row trigger is left');
CREATE TEMP TABLE nokey (a int);
SELECT throws_like($$SELECT audit.attach('pg_temp.nokey'::regclass)$$, '%no primary key%',
                   'a table without a primary key cannot be audited');

-- who owns what
SELECT is((SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'audit'), 'smcon_audit',
          'the audit schema belongs to smcon_audit');
SELECT ok(NOT (SELECT rolcanlogin FROM pg_roles WHERE rolname = 'smcon_audit'), 'smcon_audit cannot log in');
SELECT is((SELECT count(*)::int FROM pg_auth_members WHERE roleid = 'smcon_audit'::regrole), 0,
          'nobody is a member of smcon_audit, the warehouse owner included');
SELECT is(ARRAY(SELECT DISTINCT r.rolname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_roles r ON r.oid = c.relowner
                 WHERE n.nspname IN ('core', 'supervision', 'product', 'rights', 'equipment', 'fooddrug', 'credit',
                                     'price', 'ip', 'nqi', 'cogov', 'meta', 'api', 'audit')
                 ORDER BY 1),
          ARRAY['smcon_audit', 'smcon_owner'], 'only the owner and smcon_audit own tables');
SELECT is(ARRAY(SELECT r.rolname::text FROM pg_roles r
                 WHERE (r.rolbypassrls OR r.rolsuper)
                   AND EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                                WHERE m.member = r.oid AND g.rolname LIKE 'smcon\_%')
                 ORDER BY 1),
          '{}'::text[], 'no member of a staff group is a superuser or bypasses row-level security');

-- changes are recorded
INSERT INTO core.tag (code, name, category) VALUES ('audit_probe', '审计测试标签', '测试');
SELECT is((SELECT action || ' ' || table_name || ' ' || (new_values ->> 'code') || ' ' || actor
             FROM audit.log ORDER BY id DESC LIMIT 1),
          'insert core.tag audit_probe ' || session_user, 'an insert is recorded with its values and actor');
UPDATE core.tag SET description = '只改说明' WHERE code = 'audit_probe';
SELECT is((SELECT old_values::text || ' ' || new_values::text FROM audit.log ORDER BY id DESC LIMIT 1),
          '{"description": null} {"description": "只改说明"}', 'an update records only the columns that changed');
SELECT is((SELECT row_key ->> 'id' FROM audit.log ORDER BY id DESC LIMIT 1),
          (SELECT id::text FROM core.tag WHERE code = 'audit_probe'), '  ... and the row''s key');
SELECT lives_ok($$UPDATE core.tag SET description = description WHERE code = 'audit_probe'$$, 'a no-op update');
SELECT is((SELECT new_values ->> 'description' FROM audit.log ORDER BY id DESC LIMIT 1), '只改说明',
          '  ... is not recorded');
DELETE FROM core.tag WHERE code = 'audit_probe';
SELECT is((SELECT action || ' ' || (old_values ->> 'name') FROM audit.log ORDER BY id DESC LIMIT 1),
          'delete 审计测试标签', 'a delete records the old values');

-- one statement, many rows: each row its own entry, in one chain
SELECT audit.note('bulk_start', '{}') AS bulk_start \gset
INSERT INTO core.tag (code, name, category)
SELECT 'audit_bulk_' || g, '批量标签' || g, '测试' FROM generate_series(1, 5) AS g;
SELECT is((SELECT count(*)::int FROM audit.log WHERE id > :bulk_start AND action = 'insert'
             AND table_name = 'core.tag' AND new_values ->> 'code' LIKE 'audit\_bulk\_%'), 5,
          'a five-row insert is five entries');
SELECT is((SELECT count(DISTINCT row_key)::int FROM audit.log WHERE id > :bulk_start), 5, '  ... each with its row''s key');
UPDATE core.tag SET description = CASE WHEN code IN ('audit_bulk_2', 'audit_bulk_4') THEN '改了' END
 WHERE code LIKE 'audit\_bulk\_%';
SELECT is(ARRAY(SELECT new_values::text FROM audit.log WHERE id > :bulk_start AND action = 'update' ORDER BY id),
          ARRAY['{"description": "改了"}', '{"description": "改了"}'],
          'a five-row update that changes two rows is two entries, with only the changed column');
UPDATE core.tag SET code = code || '_x' WHERE code = 'audit_bulk_5';
SELECT is((SELECT count(*)::int FROM audit.log WHERE id > :bulk_start AND action = 'update'
             AND (old_values ->> 'code' = 'audit_bulk_5' OR new_values ->> 'code' = 'audit_bulk_5_x')), 1,
          'a changed code is recorded (the key stays the id)');
INSERT INTO core.entity_status (code, name, in_business, terminated) VALUES ('audit_probe', '审计测试状态', false, false);
UPDATE core.entity_status SET code = 'audit_probe2' WHERE code = 'audit_probe';
SELECT is(ARRAY(SELECT (row_key ->> 'code') || ' ' || (old_values IS NULL) || ' ' || (new_values IS NULL)
                  FROM audit.log WHERE id > :bulk_start AND action = 'update' AND table_name = 'core.entity_status'
                 ORDER BY new_values IS NULL),
          ARRAY['audit_probe2 true false', 'audit_probe false true'],
          'a changed key: the old row and the new row, each its own entry');
DELETE FROM core.tag WHERE code LIKE 'audit\_bulk\_%';
SELECT is((SELECT count(*)::int FROM audit.log WHERE id > :bulk_start AND action = 'delete'), 5,
          'a five-row delete is five entries');
SELECT is((SELECT count(*)::int FROM audit.log l JOIN audit.log p ON p.id = l.id - 1
            WHERE l.id > :bulk_start AND l.prev_hash <> p.hash), 0, 'the statement''s entries are linked in order');
SELECT is((SELECT broken_id FROM audit.verify(:bulk_start, 1000)), NULL, '  ... and verify');
SELECT is((SELECT last_id FROM audit.head), (SELECT max(id) FROM audit.log), 'the head follows the last entry');
SELECT is((SELECT count(*)::int FROM audit.open_tx), 0, '  ... and the transaction''s mark is gone');

-- masked reading: the log keeps what happened, readers see masked personal data
INSERT INTO rights.transfer_12345 (work_order_no, received_12345_at, received_bureau_at, caller_name, caller_phone,
                                   summary, receiving_org_id, handling_org_id, source_system)
SELECT 'AUDIT-12345-1', '2026-11-20 09:00+08', '2026-11-20 09:30+08', '周海燕', '13861234567', '价格标示不清',
       o.id, o.id, '12345平台' FROM core.org_unit o WHERE o.code = 'LX';
SELECT is((SELECT new_values ->> 'caller_phone' FROM audit.log ORDER BY id DESC LIMIT 1), '13861234567',
          'the log itself holds the value an investigator needs');
SELECT is((SELECT new_values ->> 'caller_phone' || ' ' || (new_values ->> 'caller_name')
             FROM audit.entries(NULL, 'transfer_12345', NULL, NULL, 1)), '138****4567 周**',
          'audit.entries() shows it masked');
SELECT ok((SELECT NOT (new_values ? 'caller_phone_masked') FROM audit.log ORDER BY id DESC LIMIT 1),
          'generated masked copies are not stored twice');
SELECT ok((SELECT summary LIKE '%work_order_no=AUDIT-12345-1%' FROM audit.entries(NULL, 'rights.transfer_12345', NULL, NULL, 1)),
          'an entry has a one-line summary');

-- notes
SELECT ok(audit.note('bulk_load', '{"rows": 1000}') > 0, 'audit.note() appends a note');
SELECT is((SELECT detail::text FROM audit.log ORDER BY id DESC LIMIT 1), '{"kind": "bulk_load", "rows": 1000}',
          '  ... with its kind and details');

-- append-only, even for the superuser's ordinary statements and the owner
SELECT throws_ok($$UPDATE audit.log SET actor = 'someone' WHERE id = (SELECT max(id) FROM audit.log)$$, '42501', NULL,
                 'a row of the log cannot be updated');
SELECT throws_ok($$DELETE FROM audit.log WHERE id = (SELECT max(id) FROM audit.log)$$, '42501', NULL,
                 '  ... nor deleted');
SELECT throws_ok($$TRUNCATE audit.log$$, '42501', NULL, '  ... nor the log truncated');
SELECT throws_ok($$DELETE FROM audit.head$$, '42501', NULL, '  ... nor the head of the chain removed');
-- what the warehouse owner gets trying: the SQLSTATE, or ok
CREATE FUNCTION pg_temp.as_owner(stmt text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	SET LOCAL ROLE smcon_owner;
	BEGIN
		EXECUTE stmt;
	EXCEPTION WHEN OTHERS THEN
		RESET ROLE;
		RETURN SQLSTATE;
	END;
	RESET ROLE;
	RETURN 'ok';
END $$;
SELECT is(pg_temp.as_owner($$SELECT count(*) FROM audit.log$$), '42501', 'the warehouse owner cannot read the log');
SELECT is(pg_temp.as_owner($$UPDATE audit.log SET actor = 'someone'$$), '42501', '  ... nor change it');
SELECT is(pg_temp.as_owner($$ALTER TABLE audit.log DISABLE TRIGGER log_append_only$$), '42501',
          '  ... nor switch off its protection');
SELECT is(pg_temp.as_owner($$GRANT UPDATE ON audit.log TO smcon_owner$$), '42501', '  ... nor grant itself UPDATE');
SELECT is(pg_temp.as_owner($$SELECT audit.note('owner_note', '{}')$$), 'ok', '  ... but may add a note');
SELECT ok(NOT has_table_privilege('smcon_audit', 'audit.log', 'UPDATE, DELETE, TRUNCATE'),
          'not even smcon_audit may update, delete or truncate the log');
-- the bulk statements (one entry for all rows, migration 0216): a fixed list
SELECT throws_ok($$DELETE FROM audit.bulk_statement$$, '42501', NULL,
                 'the list of bulk statements cannot be shortened');
SELECT throws_ok($$UPDATE audit.bulk_statement SET caller = 'pg_temp.mine()'$$, '42501', NULL,
                 '  ... nor changed');
SELECT is(pg_temp.as_owner($$INSERT INTO audit.bulk_statement VALUES ('api.mine()', 'core.entity', 'insert', 'why not')$$),
          '42501', '  ... nor lengthened by the warehouse owner');
SELECT is(ARRAY(SELECT caller || ' ' || table_name || ' ' || action FROM audit.bulk_statement ORDER BY 1),
          '{"api.plan_draw(text,text,text) supervision.inspection_task insert","api.plan_draw(text,text,text) supervision.task_inspector insert"}',
          '  ... which holds only the draw''s tasks and team rows');

-- the chain
SELECT is((SELECT count(*)::int FROM audit.log l
            WHERE l.hash <> sha256(l.prev_hash || audit.canonical(l.id, l.at, l.actor, l.action, l.table_name, l.row_key,
                                                                  l.old_values, l.new_values, l.detail, l.txid))), 0,
          'every row''s hash is sha256 over the previous hash and its canonical text');
SELECT is((SELECT count(*)::int FROM audit.log l JOIN audit.log p ON p.id = l.id - 1 WHERE l.prev_hash <> p.hash), 0,
          'every row carries the hash of the row before');
SELECT is((SELECT broken_id FROM audit.verify(1, 7)), NULL, 'verify finds the chain whole (in chunks of 7)');
SELECT is((SELECT last_id FROM audit.verify((SELECT max(id) FROM audit.log), 10)), (SELECT last_id FROM audit.head),
          '  ... up to the head');

-- tampering, done as the superuser with the protection switched off
CREATE TEMP TABLE victim AS SELECT id FROM audit.log WHERE action = 'insert' ORDER BY id DESC LIMIT 1 OFFSET 1;
ALTER TABLE audit.log DISABLE TRIGGER log_append_only;
UPDATE audit.log SET actor = 'nobody' WHERE id = (SELECT id FROM victim);
SELECT is((SELECT broken_id || ' ' || problem FROM audit.verify(1, 100000)), (SELECT id FROM victim) || ' changed',
          'a changed row is found by its id');
UPDATE audit.log SET hash = sha256(prev_hash || audit.canonical(id, at, actor, action, table_name, row_key, old_values,
                                                                new_values, detail, txid))
 WHERE id = (SELECT id FROM victim);
SELECT is((SELECT broken_id || ' ' || problem FROM audit.verify(1, 100000)), ((SELECT id FROM victim) + 1) || ' link',
          'a changed row whose own hash was recomputed breaks the link of the next one');
DELETE FROM audit.log WHERE id = (SELECT id FROM victim);
SELECT is((SELECT broken_id || ' ' || problem FROM audit.verify(1, 100000)), ((SELECT id FROM victim) + 1) || ' missing',
          'a deleted row is found: the next one misses its predecessor');
DELETE FROM audit.log WHERE id > (SELECT id FROM victim);
SELECT is((SELECT problem FROM audit.verify((SELECT id FROM victim) - 3, 1000)), 'head',
          'rows deleted at the end are found against the head');
ALTER TABLE audit.log ENABLE TRIGGER log_append_only;

SELECT * FROM finish();
ROLLBACK;
