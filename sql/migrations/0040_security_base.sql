-- 0040 security base: what the security rules (0041-0059) and every reader
-- stand on. Personal data of individuals is listed as data, masked copies of
-- it are stored beside it, staff may read everything but the raw personal
-- columns, and one STABLE function says which org units' records the caller
-- may see. Row-level security, writes, audit and admin come after this.

-- Personal data: which columns hold it and how they are masked.
CREATE TABLE meta.personal_column (
	table_schema text NOT NULL,
	table_name text NOT NULL,
	column_name text NOT NULL,
	kind text NOT NULL CHECK (kind IN ('name', 'phone', 'id_no', 'address', 'email')),
	masked_column text NOT NULL,
	PRIMARY KEY (table_schema, table_name, column_name),
	UNIQUE (table_schema, table_name, masked_column)
);
COMMENT ON TABLE meta.personal_column IS '个人信息字段目录：哪些列存放个人信息、如何脱敏';
COMMENT ON COLUMN meta.personal_column.table_schema IS '所在主题库（模式）';
COMMENT ON COLUMN meta.personal_column.table_name IS '所在表';
COMMENT ON COLUMN meta.personal_column.column_name IS '存放个人信息的列（原值，不授予普通角色）';
COMMENT ON COLUMN meta.personal_column.kind IS '个人信息种类：name 姓名，phone 电话，id_no 证件号，address 住址，email 邮箱';
COMMENT ON COLUMN meta.personal_column.masked_column IS '脱敏后的列（自动生成，授予全体职员）';

INSERT INTO meta.personal_column VALUES
	('core', 'entity', 'legal_rep_id_no', 'id_no', 'legal_rep_id_no_masked'),
	('core', 'entity_contact', 'contact_name', 'name', 'contact_name_masked'),
	('core', 'entity_contact', 'contact_phone', 'phone', 'contact_phone_masked'),
	('core', 'entity_contact', 'contact_email', 'email', 'contact_email_masked'),
	('rights', 'transfer_12345', 'caller_name', 'name', 'caller_name_masked'),
	('rights', 'transfer_12345', 'caller_phone', 'phone', 'caller_phone_masked'),
	('rights', 'complaint', 'complainant_name', 'name', 'complainant_name_masked'),
	('rights', 'complaint', 'complainant_phone', 'phone', 'complainant_phone_masked'),
	('rights', 'complaint', 'complainant_address', 'address', 'complainant_address_masked'),
	('rights', 'complaint', 'complainant_id_no', 'id_no', 'complainant_id_no_masked'),
	('rights', 'report', 'reporter_name', 'name', 'reporter_name_masked'),
	('rights', 'report', 'reporter_phone', 'phone', 'reporter_phone_masked'),
	('rights', 'report', 'reporter_id_no', 'id_no', 'reporter_id_no_masked'),
	('rights', 'report', 'reporter_address', 'address', 'reporter_address_masked'),
	('rights', 'consultation', 'contact_name', 'name', 'contact_name_masked'),
	('rights', 'consultation', 'contact_phone', 'phone', 'contact_phone_masked'),
	('rights', 'rescue_incident', 'caller_name', 'name', 'caller_name_masked'),
	('rights', 'rescue_incident', 'caller_phone', 'phone', 'caller_phone_masked');

-- Masking, the way published Chinese records do it.
CREATE FUNCTION core.mask_name(v text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp
RETURN CASE WHEN char_length(v) <= 1 THEN '*'
            ELSE left(v, 1) || repeat('*', char_length(v) - 1) END;
COMMENT ON FUNCTION core.mask_name(text) IS '姓名脱敏：保留姓，其余为 *（张**）';

CREATE FUNCTION core.mask_phone(v text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp
RETURN CASE WHEN char_length(v) < 7 THEN repeat('*', char_length(v))
            ELSE left(v, 3) || repeat('*', char_length(v) - 7) || right(v, 4) END;
COMMENT ON FUNCTION core.mask_phone(text) IS '电话脱敏：保留前三位和后四位（139****6195）';

CREATE FUNCTION core.mask_id_no(v text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp
RETURN CASE WHEN char_length(v) < 10 THEN repeat('*', char_length(v))
            ELSE left(v, 6) || repeat('*', char_length(v) - 10) || right(v, 4) END;
COMMENT ON FUNCTION core.mask_id_no(text) IS '证件号脱敏：保留前六位和后四位（320202********5671）';

CREATE FUNCTION core.mask_address(v text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp
RETURN CASE WHEN char_length(v) <= 6 THEN repeat('*', char_length(v))
            ELSE left(v, 6) || '****' END;
COMMENT ON FUNCTION core.mask_address(text) IS '住址脱敏：保留前六个字（到区县），其余为 ****';

CREATE FUNCTION core.mask_email(v text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp
RETURN left(v, 1) || '***' || substr(v, strpos(v, '@'));
COMMENT ON FUNCTION core.mask_email(text) IS '邮箱脱敏：保留首字母和域名（z***@example.cn）';

-- The masked copies, stored beside the raw values.
DO $$
DECLARE
	p record;
BEGIN
	FOR p IN SELECT * FROM meta.personal_column LOOP
		EXECUTE format('ALTER TABLE %I.%I ADD COLUMN %I text GENERATED ALWAYS AS (core.mask_%s(%I)) STORED',
		               p.table_schema, p.table_name, p.masked_column, p.kind, p.column_name);
		EXECUTE format('COMMENT ON COLUMN %I.%I.%I IS %L', p.table_schema, p.table_name,
		               p.masked_column,
		               coalesce(col_description(format('%I.%I', p.table_schema, p.table_name)::regclass,
		                                        (SELECT attnum FROM pg_attribute
		                                          WHERE attrelid = format('%I.%I', p.table_schema, p.table_name)::regclass
		                                            AND attname = p.column_name)), p.column_name)
		               || '（脱敏）');
	END LOOP;
END $$;

-- The org units whose records the caller may see (DESIGN §3): the city
-- bureau every unit, a district bureau itself and its stations, a station
-- itself and its district bureau. Empty for a login without an active staff
-- record. session_user, so SET ROLE cannot borrow a scope.
CREATE FUNCTION api.my_orgs() RETURNS bigint[]
LANGUAGE sql STABLE SECURITY DEFINER PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT coalesce(array_agg(o.id ORDER BY o.id), '{}')
	  FROM core.staff s
	  JOIN core.org_unit me ON me.id = s.org_unit_id
	  JOIN core.org_unit o
	    ON me.level = 'city'
	    OR (me.level = 'district' AND (o.id = me.id OR o.parent_id = me.id))
	    OR (me.level = 'station' AND (o.id = me.id OR o.id = me.parent_id))
	 WHERE s.login = session_user AND s.status = 'active'
$$;
COMMENT ON FUNCTION api.my_orgs() IS '当前账号可见记录的机构范围（市局全部，区局本局及所属各所，所本所及本区局）';
REVOKE ALL ON FUNCTION api.my_orgs() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.my_orgs() TO smcon_staff;

-- The district bureau an org unit belongs to (itself for a district bureau,
-- NULL for the city bureau): entities are changed only within their district.
CREATE FUNCTION core.org_district(org bigint) RETURNS bigint
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp
AS $$
	SELECT CASE o.level WHEN 'district' THEN o.id WHEN 'station' THEN o.parent_id END
	  FROM core.org_unit o WHERE o.id = org
$$;
COMMENT ON FUNCTION core.org_district(bigint) IS '机构所属的区（县级市）局；市局为空';
GRANT EXECUTE ON FUNCTION core.org_district(bigint), core.mask_name(text), core.mask_phone(text),
	core.mask_id_no(text), core.mask_address(text), core.mask_email(text) TO smcon_staff;

-- Baseline reads: staff read every column of every theme table except the
-- raw personal columns. The security rules narrow this by role and add
-- row-level security on case data; nobody gets write grants here.
DO $$
DECLARE
	t record;
	cols text;
BEGIN
	FOR t IN SELECT n.nspname, c.relname
	           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	          WHERE c.relkind IN ('r', 'p')
	            AND n.nspname IN ('core', 'supervision', 'product', 'rights', 'equipment', 'fooddrug',
	                              'credit', 'price', 'ip', 'nqi', 'cogov')
	LOOP
		EXECUTE format('GRANT USAGE ON SCHEMA %I TO smcon_staff', t.nspname);
		SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) INTO cols
		  FROM pg_attribute a
		 WHERE a.attrelid = format('%I.%I', t.nspname, t.relname)::regclass
		   AND a.attnum > 0 AND NOT a.attisdropped
		   AND NOT EXISTS (SELECT 1 FROM meta.personal_column p
		                    WHERE p.table_schema = t.nspname AND p.table_name = t.relname
		                      AND p.column_name = a.attname);
		EXECUTE format('GRANT SELECT (%s) ON %I.%I TO smcon_staff', cols, t.nspname, t.relname);
	END LOOP;
END $$;
GRANT SELECT ON meta.personal_column TO smcon_staff;
