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
                   AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'audit_row')
                   AND n.nspname || '.' || c.relname NOT IN (SELECT table_name FROM audit.unaudited)
                 ORDER BY 1),
          '{}'::text[], 'every table has the audit_row trigger or is listed in audit.unaudited');
SELECT ok((SELECT bool_and(reason <> '') FROM audit.unaudited), 'every unaudited table says why');
SELECT is((SELECT count(*)::int FROM pg_trigger t
            WHERE t.tgname = 'audit_row' AND NOT (t.tgtype & 1 = 1 AND t.tgtype & 2 = 0 AND t.tgtype & 28 = 28)), 0,
          'audit_row fires after each inserted, updated and deleted row');
SELECT is((SELECT count(*)::int FROM pg_trigger t WHERE t.tgname = 'audit_row'),
          (SELECT count(*)::int FROM pg_trigger t WHERE t.tgname = 'audit_truncate'), 'and audit_truncate goes with it');

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
SELECT is((SELECT broken_id || ' ' || problem FROM audit.verify(1, 1000)), (SELECT id FROM victim) || ' changed',
          'a changed row is found by its id');
UPDATE audit.log SET hash = sha256(prev_hash || audit.canonical(id, at, actor, action, table_name, row_key, old_values,
                                                                new_values, detail, txid))
 WHERE id = (SELECT id FROM victim);
SELECT is((SELECT broken_id || ' ' || problem FROM audit.verify(1, 1000)), ((SELECT id FROM victim) + 1) || ' link',
          'a changed row whose own hash was recomputed breaks the link of the next one');
DELETE FROM audit.log WHERE id = (SELECT id FROM victim);
SELECT is((SELECT broken_id || ' ' || problem FROM audit.verify(1, 1000)), ((SELECT id FROM victim) + 1) || ' missing',
          'a deleted row is found: the next one misses its predecessor');
DELETE FROM audit.log WHERE id > (SELECT id FROM victim);
SELECT is((SELECT problem FROM audit.verify((SELECT id FROM victim) - 3, 1000)), 'head',
          'rows deleted at the end are found against the head');
ALTER TABLE audit.log ENABLE TRIGGER log_append_only;

SELECT * FROM finish();
ROLLBACK;
