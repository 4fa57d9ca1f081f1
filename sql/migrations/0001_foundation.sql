-- 0001 foundation: group roles, the org tree, staff and api.whoami().
-- Runs as the warehouse owner (smcon_owner), who owns every object.

-- Group roles (cluster-wide, so created only when missing). Every operator's
-- login role is a member of one or more of them; all are members of
-- smcon_staff, which pg_hba.conf lets log in.
DO $$
DECLARE
	r text;
BEGIN
	FOREACH r IN ARRAY ARRAY['smcon_staff', 'smcon_clerk', 'smcon_inspector', 'smcon_handler',
	                         'smcon_dispatcher', 'smcon_supervisor', 'smcon_analyst', 'smcon_admin']
	LOOP
		IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
			EXECUTE format('CREATE ROLE %I NOLOGIN', r);
		END IF;
		IF r <> 'smcon_staff' THEN
			EXECUTE format('GRANT smcon_staff TO %I', r);
		END IF;
	END LOOP;
END $$;

COMMENT ON ROLE smcon_staff IS '全体职员（可登录控制台）';
COMMENT ON ROLE smcon_clerk IS '登记查询员';
COMMENT ON ROLE smcon_inspector IS '执法检查员';
COMMENT ON ROLE smcon_handler IS '投诉举报处理员';
COMMENT ON ROLE smcon_dispatcher IS '96333 调度员';
COMMENT ON ROLE smcon_supervisor IS '科室/所负责人';
COMMENT ON ROLE smcon_analyst IS '统计分析员';
COMMENT ON ROLE smcon_admin IS '系统管理员';

-- Nobody but the owner creates objects anywhere.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

CREATE SCHEMA core;
COMMENT ON SCHEMA core IS '管理主体库：市场主体、机构、职员、代码表、工作日历';
CREATE SCHEMA api;
COMMENT ON SCHEMA api IS '数据平台接口：客户端调用的函数和视图';

GRANT USAGE ON SCHEMA core, api, meta TO smcon_staff;
GRANT SELECT ON meta.schema_migration TO smcon_staff;

-- Divisions (GB/T 2260) of Wuxi, current and retired.
CREATE TABLE core.division (
	code char(6) PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
	name text NOT NULL CHECK (name <> ''),
	level text NOT NULL CHECK (level IN ('city', 'district', 'county_city')),
	parent_code char(6) REFERENCES core.division (code),
	current boolean NOT NULL,
	retired_year smallint CHECK (retired_year BETWEEN 1949 AND 2100),
	successor_code char(6) REFERENCES core.division (code),
	CHECK (current = (retired_year IS NULL))
);
COMMENT ON TABLE core.division IS '行政区划（GB/T 2260），含已撤销的区划';
COMMENT ON COLUMN core.division.code IS '区划代码（6 位）';
COMMENT ON COLUMN core.division.name IS '区划名称';
COMMENT ON COLUMN core.division.level IS '层级：city 地级市，district 市辖区，county_city 县级市';
COMMENT ON COLUMN core.division.parent_code IS '上级区划代码';
COMMENT ON COLUMN core.division.current IS '是否现行区划';
COMMENT ON COLUMN core.division.retired_year IS '撤销年份（现行区划为空）';
COMMENT ON COLUMN core.division.successor_code IS '撤销后并入的区划';

INSERT INTO core.division (code, name, level, parent_code, current, retired_year, successor_code) VALUES
	('320200', '无锡市', 'city', NULL, true, NULL, NULL),
	('320205', '锡山区', 'district', '320200', true, NULL, NULL),
	('320206', '惠山区', 'district', '320200', true, NULL, NULL),
	('320211', '滨湖区', 'district', '320200', true, NULL, NULL),
	('320213', '梁溪区', 'district', '320200', true, NULL, NULL),
	('320214', '新吴区', 'district', '320200', true, NULL, NULL),
	('320281', '江阴市', 'county_city', '320200', true, NULL, NULL),
	('320282', '宜兴市', 'county_city', '320200', true, NULL, NULL),
	('320202', '崇安区', 'district', '320200', false, 2015, '320213'),
	('320203', '南长区', 'district', '320200', false, 2015, '320213'),
	('320204', '北塘区', 'district', '320200', false, 2015, '320213'),
	('320212', '马山区', 'district', '320200', false, 2000, '320211'),
	('320283', '锡山市', 'county_city', '320200', false, 2000, '320205');

-- The bureau: city → district/county bureaus (and 经开区) → stations.
CREATE TABLE core.org_unit (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z]{2}([0-9]{2})?$'),
	name text NOT NULL UNIQUE CHECK (name <> ''),
	short_name text NOT NULL CHECK (short_name <> ''),
	level text NOT NULL CHECK (level IN ('city', 'district', 'station')),
	parent_id bigint REFERENCES core.org_unit (id),
	division_code char(6) REFERENCES core.division (code),
	phone text CHECK (phone ~ '^[0-9-]{7,20}$'),
	address text,
	active boolean NOT NULL DEFAULT true,
	CHECK ((level = 'city') = (parent_id IS NULL))
);
COMMENT ON TABLE core.org_unit IS '机构：市局、区（县级市）局、市场监管所';
COMMENT ON COLUMN core.org_unit.id IS '内部编号';
COMMENT ON COLUMN core.org_unit.code IS '机构代码：两个字母（局），后跟两位数字（所）';
COMMENT ON COLUMN core.org_unit.name IS '机构全称';
COMMENT ON COLUMN core.org_unit.short_name IS '机构简称';
COMMENT ON COLUMN core.org_unit.level IS '层级：city 市局，district 区局，station 市场监管所';
COMMENT ON COLUMN core.org_unit.parent_id IS '上级机构';
COMMENT ON COLUMN core.org_unit.division_code IS '所辖行政区划（经开区无区划代码）';
COMMENT ON COLUMN core.org_unit.phone IS '办公电话';
COMMENT ON COLUMN core.org_unit.address IS '办公地址';
COMMENT ON COLUMN core.org_unit.active IS '是否在用';

INSERT INTO core.org_unit (code, name, short_name, level, parent_id, division_code, phone, address)
VALUES ('WX', '无锡市市场监督管理局', '市局', 'city', NULL, '320200', '0510-12315', '无锡市梁溪区人民西路 98 号');

INSERT INTO core.org_unit (code, name, short_name, level, parent_id, division_code)
SELECT d.code, d.name, d.short_name, 'district', (SELECT id FROM core.org_unit WHERE code = 'WX'), d.division
FROM (VALUES
	('LX', '无锡市梁溪区市场监督管理局', '梁溪区局', '320213'),
	('XS', '无锡市锡山区市场监督管理局', '锡山区局', '320205'),
	('HS', '无锡市惠山区市场监督管理局', '惠山区局', '320206'),
	('BH', '无锡市滨湖区市场监督管理局', '滨湖区局', '320211'),
	('XW', '无锡市新吴区市场监督管理局', '新吴区局', '320214'),
	('JY', '江阴市市场监督管理局', '江阴市局', '320281'),
	('YX', '宜兴市市场监督管理局', '宜兴市局', '320282'),
	('JK', '无锡经济开发区市场监督管理局', '经开区局', NULL)
) AS d (code, name, short_name, division);

INSERT INTO core.org_unit (code, name, short_name, level, parent_id, division_code)
SELECT s.code, s.name, s.short_name, 'station', p.id, p.division_code
FROM (VALUES
	('LX01', '梁溪区市场监督管理局崇安寺市场监管所', '崇安寺所'),
	('LX02', '梁溪区市场监督管理局通江市场监管所', '通江所'),
	('LX03', '梁溪区市场监督管理局江海市场监管所', '江海所'),
	('LX04', '梁溪区市场监督管理局扬名市场监管所', '扬名所'),
	('LX05', '梁溪区市场监督管理局清名桥市场监管所', '清名桥所'),
	('XS01', '锡山区市场监督管理局东亭市场监管所', '东亭所'),
	('XS02', '锡山区市场监督管理局安镇市场监管所', '安镇所'),
	('XS03', '锡山区市场监督管理局东港市场监管所', '东港所'),
	('XS04', '锡山区市场监督管理局锡北市场监管所', '锡北所'),
	('HS01', '惠山区市场监督管理局堰桥市场监管所', '堰桥所'),
	('HS02', '惠山区市场监督管理局长安市场监管所', '长安所'),
	('HS03', '惠山区市场监督管理局洛社市场监管所', '洛社所'),
	('HS04', '惠山区市场监督管理局阳山市场监管所', '阳山所'),
	('BH01', '滨湖区市场监督管理局河埒市场监管所', '河埒所'),
	('BH02', '滨湖区市场监督管理局蠡园市场监管所', '蠡园所'),
	('BH03', '滨湖区市场监督管理局马山市场监管所', '马山所'),
	('BH04', '滨湖区市场监督管理局胡埭市场监管所', '胡埭所'),
	('XW01', '新吴区市场监督管理局旺庄市场监管所', '旺庄所'),
	('XW02', '新吴区市场监督管理局硕放市场监管所', '硕放所'),
	('XW03', '新吴区市场监督管理局梅村市场监管所', '梅村所'),
	('XW04', '新吴区市场监督管理局鸿山市场监管所', '鸿山所'),
	('JY01', '江阴市市场监督管理局澄江市场监管所', '澄江所'),
	('JY02', '江阴市市场监督管理局周庄市场监管所', '周庄所'),
	('JY03', '江阴市市场监督管理局华士市场监管所', '华士所'),
	('JY04', '江阴市市场监督管理局青阳市场监管所', '青阳所'),
	('JY05', '江阴市市场监督管理局徐霞客市场监管所', '徐霞客所'),
	('YX01', '宜兴市市场监督管理局宜城市场监管所', '宜城所'),
	('YX02', '宜兴市市场监督管理局丁蜀市场监管所', '丁蜀所'),
	('YX03', '宜兴市市场监督管理局张渚市场监管所', '张渚所'),
	('YX04', '宜兴市市场监督管理局官林市场监管所', '官林所'),
	('JK01', '经开区市场监督管理局华庄市场监管所', '华庄所'),
	('JK02', '经开区市场监督管理局太湖市场监管所', '太湖所')
) AS s (code, name, short_name)
JOIN core.org_unit p ON p.code = left(s.code, 2);

-- Staff: a login role tied to a person and an org unit.
CREATE TABLE core.staff (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	login text NOT NULL UNIQUE CHECK (login ~ '^[a-z_][a-z0-9_]{1,62}$'),
	full_name text NOT NULL CHECK (full_name <> ''),
	employee_no text NOT NULL UNIQUE CHECK (employee_no ~ '^[0-9A-Z]{4,20}$'),
	credential_no text UNIQUE CHECK (credential_no ~ '^[0-9A-Z]{6,20}$'),
	phone text CHECK (phone ~ '^[0-9-]{7,20}$'),
	org_unit_id bigint NOT NULL REFERENCES core.org_unit (id),
	status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'left')),
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE core.staff IS '职员：数据库登录账号与人员、机构的对应';
COMMENT ON COLUMN core.staff.id IS '内部编号';
COMMENT ON COLUMN core.staff.login IS '数据库登录名（PostgreSQL 角色）';
COMMENT ON COLUMN core.staff.full_name IS '姓名';
COMMENT ON COLUMN core.staff.employee_no IS '工号';
COMMENT ON COLUMN core.staff.credential_no IS '行政执法证号（执法人员才有）';
COMMENT ON COLUMN core.staff.phone IS '联系电话';
COMMENT ON COLUMN core.staff.org_unit_id IS '所属机构';
COMMENT ON COLUMN core.staff.status IS '状态：active 在岗，suspended 停用，left 离职';
COMMENT ON COLUMN core.staff.created_at IS '建档时间';
COMMENT ON COLUMN core.staff.updated_at IS '最后修改时间';
CREATE INDEX staff_org_unit_idx ON core.staff (org_unit_id);

GRANT SELECT ON core.division, core.org_unit TO smcon_staff;

-- Who is calling: the session's login role, its staff record and groups.
-- session_user, not current_user: SET ROLE cannot borrow another identity.
CREATE FUNCTION api.whoami()
RETURNS TABLE (login text, has_staff boolean, full_name text, employee_no text, org_code text,
               org_name text, org_short_name text, org_level text, status text, roles text[],
               is_owner boolean)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT session_user::text,
	       s.id IS NOT NULL,
	       coalesce(s.full_name, ''),
	       coalesce(s.employee_no, ''),
	       coalesce(o.code, ''),
	       coalesce(o.name, ''),
	       coalesce(o.short_name, ''),
	       coalesce(o.level, ''),
	       coalesce(s.status, ''),
	       ARRAY(SELECT g.rolname::text
	               FROM pg_roles g
	              WHERE g.rolname IN ('smcon_clerk', 'smcon_inspector', 'smcon_handler',
	                                  'smcon_dispatcher', 'smcon_supervisor', 'smcon_analyst',
	                                  'smcon_admin')
	                AND pg_has_role(session_user, g.oid, 'MEMBER')
	              ORDER BY 1),
	       coalesce((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user), false)
	       OR pg_has_role(session_user,
	                      (SELECT d.datdba FROM pg_database d WHERE d.datname = current_database()),
	                      'MEMBER')
	  FROM (SELECT 1) AS one
	  LEFT JOIN core.staff s ON s.login = session_user
	  LEFT JOIN core.org_unit o ON o.id = s.org_unit_id
$$;
COMMENT ON FUNCTION api.whoami() IS '当前会话的登录账号、职员档案、机构和角色';
REVOKE ALL ON FUNCTION api.whoami() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.whoami() TO smcon_staff;
