-- Demo accounts (password "demo" for all), so that docs, scripts and tests can
-- rely on them: every role, in the city bureau and in two districts (梁溪 and
-- 江阴), and a supervisor of each level (the city's sees every unit but, under
-- §33, not the reporters of a district's reports; 梁溪's does). Run by mk/warehouse.sh as the warehouse owner; idempotent.
-- Not a migration: a real bureau creates its accounts with `smcon user add`.
\set ON_ERROR_STOP 1

CREATE TEMP TABLE demo_account (login text, groups text[], full_name text, employee_no text,
                                credential_no text, phone text, org_code text);
INSERT INTO demo_account VALUES
	('demo_admin', '{smcon_admin}', '王建国', 'WX0001', NULL, '0510-81821001', 'WX'),
	('demo_supervisor', '{smcon_supervisor}', '陈静', 'WX0002', '3202000101', '0510-81821002', 'WX'),
	('demo_supervisor_lx', '{smcon_supervisor}', '杨帆', 'LX0001', '3202130001', '0510-82711001', 'LX'),
	('demo_clerk_lx', '{smcon_clerk}', '李娜', 'LX0101', NULL, '0510-82711003', 'LX'),
	('demo_clerk_jy', '{smcon_clerk}', '周敏', 'JY0101', NULL, '0510-86021004', 'JY'),
	('demo_inspector_lx', '{smcon_inspector}', '张伟', 'LX0201', '3202130201', '0510-82711005', 'LX01'),
	('demo_inspector2_lx', '{smcon_inspector}', '刘洋', 'LX0202', '3202130202', '0510-82711006', 'LX01'),
	('demo_handler_lx', '{smcon_handler}', '孙丽', 'LX0301', '3202130301', '0510-82711007', 'LX'),
	('demo_handler_jy', '{smcon_handler}', '吴强', 'JY0301', '3202810301', '0510-86021008', 'JY'),
	('demo_dispatcher', '{smcon_dispatcher}', '赵磊', 'WX0301', NULL, '0510-96333001', 'WX'),
	('demo_dispatcher2', '{smcon_dispatcher}', '黄婷', 'WX0302', NULL, '0510-96333002', 'WX'),
	('demo_analyst', '{smcon_analyst}', '徐明', 'WX0401', NULL, '0510-81821011', 'WX');

DO $$
DECLARE
	a record;
	g text;
BEGIN
	FOR a IN SELECT * FROM demo_account LOOP
		IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = a.login) THEN
			EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', a.login, 'demo');
		END IF;
		FOREACH g IN ARRAY a.groups LOOP
			EXECUTE format('GRANT %I TO %I', g, a.login);
		END LOOP;
	END LOOP;
END $$;

INSERT INTO core.staff (login, full_name, employee_no, credential_no, phone, org_unit_id)
SELECT a.login, a.full_name, a.employee_no, a.credential_no, a.phone, o.id
  FROM demo_account a JOIN core.org_unit o ON o.code = a.org_code
ON CONFLICT (login) DO NOTHING;
