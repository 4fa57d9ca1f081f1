-- The foundation schema: roles, org tree, staff, whoami.
BEGIN;
SELECT plan(20);

SELECT has_role(r, 'group role ' || r || ' exists')
  FROM unnest(ARRAY['smcon_staff', 'smcon_clerk', 'smcon_inspector', 'smcon_handler',
                    'smcon_dispatcher', 'smcon_supervisor', 'smcon_analyst', 'smcon_admin']) AS r;
SELECT ok(NOT rolcanlogin, 'group role ' || rolname || ' cannot log in')
  FROM pg_roles WHERE rolname = 'smcon_clerk';
SELECT is_member_of('smcon_staff', ARRAY['smcon_clerk', 'smcon_admin', 'smcon_dispatcher'],
                    'the group roles are staff');

SELECT is((SELECT count(*)::int FROM core.org_unit WHERE level = 'district'), 8,
          'seven district/county bureaus and 经开区');
SELECT is((SELECT division_code FROM core.org_unit WHERE code = 'JK'), NULL,
          '经开区 has no division code');
SELECT ok((SELECT count(*) FROM core.org_unit s JOIN core.org_unit p ON p.id = s.parent_id
            WHERE s.level = 'station' AND p.level <> 'district') = 0,
          'every station belongs to a district bureau');
SELECT ok((SELECT bool_and(EXISTS (SELECT 1 FROM core.org_unit s WHERE s.parent_id = d.id))
             FROM core.org_unit d WHERE d.level = 'district'),
          'every district bureau has stations');
SELECT is((SELECT successor_code FROM core.division WHERE code = '320202'), '320213'::char(6),
          '崇安区 was merged into 梁溪区');

SELECT throws_ok($$INSERT INTO core.staff (login, full_name, employee_no, org_unit_id)
                   VALUES ('Bad Login', '某人', 'X0001', 1)$$, '23514', NULL,
                 'a login must be a valid role name');
SELECT throws_ok($$INSERT INTO core.staff (login, full_name, employee_no, org_unit_id, status)
                   VALUES ('someone', '某人', 'X0002', 1, 'retired')$$, '23514', NULL,
                 'status is active, suspended or left');

SELECT is((SELECT count(*)::int FROM core.staff WHERE login LIKE 'demo\_%'), 12,
          'the twelve demo accounts have staff records');

SELECT function_privs_are('api', 'whoami', ARRAY[]::text[], 'public', ARRAY[]::text[],
                          'PUBLIC may not call api.whoami()');
SELECT function_privs_are('api', 'whoami', ARRAY[]::text[], 'smcon_staff', ARRAY['EXECUTE'],
                          'staff may call api.whoami()');
SELECT * FROM finish();
ROLLBACK;
