-- Personal data is catalogued, masked and withheld; the masking functions.
BEGIN;
SELECT plan(16);

SELECT is(core.mask_name('欧阳娜娜'), '欧***', 'a name keeps its first character');
SELECT is(core.mask_name('李'), '*', 'a one-character name is hidden entirely');
SELECT is(core.mask_phone('13917006195'), '139****6195', 'a mobile keeps the first three and last four digits');
SELECT is(core.mask_id_no('320202199102105671'), '320202********5671', 'an ID number keeps region and last four');
SELECT is(core.mask_id_no('3144747455'), '**********', 'an ID number shorter than an identity card is hidden whole');
SELECT is(core.mask_phone('8270123'), '***0123', 'a local number keeps only its last four digits');
SELECT is(core.mask_phone('1234'), '****', 'four digits or fewer are hidden whole');
SELECT is(core.mask_address('无锡市梁溪区中山路288号'), '无锡市梁溪区****', 'an address keeps the district');
SELECT is(core.mask_email('zhouwei@example.cn'), 'z***@example.cn', 'an email keeps its domain');

SELECT is((SELECT count(*)::int FROM meta.personal_column p
            WHERE NOT EXISTS (SELECT 1 FROM information_schema.columns c
                               WHERE c.table_schema = p.table_schema AND c.table_name = p.table_name
                                 AND c.column_name = p.masked_column AND c.is_generated = 'ALWAYS')),
          0, 'every personal column has a generated masked copy');
SELECT is((SELECT count(*)::int FROM meta.personal_column p
            WHERE has_column_privilege('smcon_staff', format('%I.%I', p.table_schema, p.table_name),
                                       p.column_name, 'SELECT')),
          0, 'no raw personal column is granted to staff');
SELECT is((SELECT count(*)::int FROM meta.personal_column p
            WHERE NOT has_column_privilege('smcon_staff', format('%I.%I', p.table_schema, p.table_name),
                                           p.masked_column, 'SELECT')),
          0, 'every masked column is granted to staff');
SELECT ok(has_column_privilege('smcon_staff', 'core.entity', 'legal_rep_name', 'SELECT'),
          'a legal representative''s name is public registration data');
SELECT ok(NOT has_table_privilege('smcon_staff', 'rights.complaint', 'INSERT, UPDATE, DELETE'),
          'staff get no write grants on case data');

INSERT INTO rights.transfer_12345 (work_order_no, received_12345_at, received_bureau_at,
                                   caller_name, caller_phone, summary, receiving_org_id,
                                   handling_org_id, source_system)
SELECT '12345-2026-000001', '2026-11-20 09:00+08', '2026-11-20 09:30+08', '周海燕', '13861234567',
       '反映中山路某超市价格标示不清', o.id, o.id, '12345平台'
  FROM core.org_unit o WHERE o.code = 'LX';
SELECT is((SELECT caller_name_masked || ' ' || caller_phone_masked FROM rights.transfer_12345
            WHERE work_order_no = '12345-2026-000001'),
          '周** 138****4567', 'masked copies are computed on insert');
SELECT is((SELECT col_description('rights.transfer_12345'::regclass, attnum) FROM pg_attribute
            WHERE attrelid = 'rights.transfer_12345'::regclass AND attname = 'caller_phone_masked') ~ '（脱敏）$',
          true, 'masked columns are described in the catalog');
SELECT * FROM finish();
ROLLBACK;
