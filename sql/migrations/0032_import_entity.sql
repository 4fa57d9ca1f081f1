-- 0032 importing market entities (smcon import entity FILE.csv): the fields
-- a registration export has, and the upsert by USCC. A field the file's
-- header has overwrites the entity's value (an empty cell empties it, except
-- in the NOT NULL columns status and capital_currency, which keep theirs); a
-- field the header lacks is left alone. Each changed field of an existing
-- entity is recorded in core.entity_change (personal values masked), a new
-- name also in core.entity_former_name. A row equal to what the warehouse
-- holds is not touched at all, so importing the same file twice changes
-- nothing the second time.

-- What the entity master's rules mean, in the words an import's rejects file
-- and the data catalog show (meta.import_write reports a refused row with its
-- constraint's comment).
COMMENT ON CONSTRAINT entity_uscc_matches_type ON core.entity IS
	'主体类型与统一社会信用代码前两位不符（91 企业，92 个体工商户，93 农民专业合作社）';
COMMENT ON CONSTRAINT entity_id_no_has_type ON core.entity IS '有法定代表人证件号码时须填写证件类型';
COMMENT ON CONSTRAINT entity_resident_id_valid ON core.entity IS '法定代表人居民身份证号码无效（GB 11643 校验码不符）';
COMMENT ON CONSTRAINT entity_approved_after_established ON core.entity IS '核准日期早于成立日期';
COMMENT ON CONSTRAINT entity_operating_period_order ON core.entity IS '营业期限至早于营业期限自';
COMMENT ON CONSTRAINT entity_status_after_established ON core.entity IS '状态变更日期早于成立日期';
COMMENT ON CONSTRAINT entity_status_change_dated ON core.entity IS '注销、吊销、撤销、迁出的主体须有状态变更日期';
COMMENT ON CONSTRAINT entity_established_on_check ON core.entity IS '成立日期早于 1949-01-01';
COMMENT ON CONSTRAINT entity_reg_no_check ON core.entity IS '注册号应为 15 位数字';
COMMENT ON CONSTRAINT entity_reg_no_key ON core.entity IS '注册号已属于另一个主体';
COMMENT ON CONSTRAINT entity_registered_capital_check ON core.entity IS '注册资本不能为负数';
COMMENT ON CONSTRAINT entity_capital_currency_check ON core.entity IS '币种应为三个大写字母（GB/T 12406，如 CNY）';
COMMENT ON CONSTRAINT entity_industry_code_check ON core.entity IS '行业代码应为 GB/T 4754 小类（4 位数字）';
COMMENT ON CONSTRAINT entity_name_check ON core.entity IS '名称为空或首尾有空白';
COMMENT ON CONSTRAINT phone_format ON DOMAIN core.phone IS '电话号码只能有数字和连字符（可带 + 号），4 到 24 位';

-- Writes the staged entities rec_no lo..hi: one pass joins them with the
-- master by USCC and keeps the rows that are new or differ (pg_temp.import_x,
-- usually few); those are inserted or updated, and each changed field of an
-- existing entity is recorded. Raises when the database refuses a row
-- (meta.import_write then narrows it down).
CREATE FUNCTION meta.import_write_entity(j meta.import_job, lo integer, hi integer,
                                         OUT inserted bigint, OUT updated bigint)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET work_mem = '256MB'  -- one import at a time: let the join hash in memory
SET jit = off           -- compiling these wide expressions costs more than it saves
SET random_page_cost = 1.1  -- the warehouse is cached: look rows up by key
AS $$
DECLARE
	has constant text[] := j.columns;
	p_reg_no constant boolean := 'reg_no' = ANY (has);
	p_rep constant boolean := 'legal_rep_name' = ANY (has);
	p_id_type constant boolean := 'legal_rep_id_type' = ANY (has);
	p_id_no constant boolean := 'legal_rep_id_no' = ANY (has);
	p_phone constant boolean := 'phone' = ANY (has);
	p_division constant boolean := 'division_code' = ANY (has);
	p_org constant boolean := 'org_code' = ANY (has);
	p_authority constant boolean := 'reg_authority_org_code' = ANY (has);
	p_industry constant boolean := 'industry_code' = ANY (has);
	p_capital constant boolean := 'registered_capital' = ANY (has);
	p_currency constant boolean := 'capital_currency' = ANY (has);
	p_approved constant boolean := 'approved_on' = ANY (has);
	p_from constant boolean := 'operating_from' = ANY (has);
	p_to constant boolean := 'operating_to' = ANY (has);
	p_scope constant boolean := 'business_scope' = ANY (has);
	p_status constant boolean := 'status' = ANY (has);
	p_status_on constant boolean := 'status_changed_on' = ANY (has);
	p_reason constant boolean := 'status_reason' = ANY (has);
BEGIN
	-- x: what is to be written, new entities and entities that differ. m is
	-- every staged row with the entity it names (e.* NULL for a new one) and
	-- the values it would have: the file's where the header has the field,
	-- else the entity's own.
	CREATE TEMP TABLE import_x ON COMMIT DROP AS
	WITH m AS (
		SELECT e.id, s.uscc, coalesce(s.source_system, j.source_system) AS source_system,
		       e.reg_no AS o_reg_no, e.name AS o_name, e.entity_type_code AS o_type,
		       e.legal_rep_name AS o_rep, e.legal_rep_id_type AS o_id_type, e.legal_rep_id_no AS o_id_no,
		       e.phone::text AS o_phone, e.address AS o_address, e.division_code::text AS o_division,
		       e.org_id AS o_org, e.reg_authority_org_id AS o_authority, e.industry_code AS o_industry,
		       e.registered_capital AS o_capital, e.capital_currency AS o_currency,
		       e.established_on AS o_established, e.approved_on AS o_approved, e.operating_from AS o_from,
		       e.operating_to AS o_to, e.business_scope AS o_scope, e.status AS o_status,
		       e.status_changed_on AS o_status_on, e.status_reason AS o_reason,
		       CASE WHEN p_reg_no THEN s.reg_no ELSE e.reg_no END AS reg_no,
		       s.name,
		       s.entity_type_code AS type,
		       CASE WHEN p_rep THEN s.legal_rep_name ELSE e.legal_rep_name END AS rep,
		       CASE WHEN p_id_type THEN s.legal_rep_id_type ELSE e.legal_rep_id_type END AS id_type,
		       CASE WHEN p_id_no THEN s.legal_rep_id_no ELSE e.legal_rep_id_no END AS id_no,
		       CASE WHEN p_phone THEN s.phone ELSE e.phone::text END AS phone,
		       s.address,
		       CASE WHEN p_division THEN s.division_code ELSE e.division_code::text END AS division,
		       CASE WHEN NOT p_org THEN e.org_id WHEN s.org_code IS NULL THEN NULL
		            ELSE coalesce(og.id, meta.import_missing('org', s.org_code)) END AS org,
		       CASE WHEN NOT p_authority THEN e.reg_authority_org_id WHEN s.reg_authority_org_code IS NULL THEN NULL
		            ELSE coalesce(ra.id, meta.import_missing('org', s.reg_authority_org_code)) END AS authority,
		       CASE WHEN p_industry THEN s.industry_code ELSE e.industry_code END AS industry,
		       CASE WHEN p_capital THEN s.registered_capital::numeric(18,2) ELSE e.registered_capital END AS capital,
		       CASE WHEN p_currency AND s.capital_currency IS NOT NULL THEN s.capital_currency
		            ELSE e.capital_currency END AS currency,
		       s.established_on::date AS established,
		       CASE WHEN p_approved THEN s.approved_on::date ELSE e.approved_on END AS approved,
		       CASE WHEN p_from THEN s.operating_from::date ELSE e.operating_from END AS op_from,
		       CASE WHEN p_to THEN s.operating_to::date ELSE e.operating_to END AS op_to,
		       CASE WHEN p_scope THEN s.business_scope ELSE e.business_scope END AS scope,
		       CASE WHEN p_status AND s.status IS NOT NULL THEN s.status ELSE e.status END AS status,
		       CASE WHEN p_status_on THEN s.status_changed_on::date ELSE e.status_changed_on END AS status_on,
		       CASE WHEN p_reason THEN s.status_reason ELSE e.status_reason END AS reason
		  FROM pg_temp.import_stage s
		  -- looked up by key, row by row: the cost follows the file, not the master
		  LEFT JOIN LATERAL (SELECT e1.* FROM core.entity e1 WHERE e1.uscc = s.uscc LIMIT 1) AS e ON true
		  LEFT JOIN core.org_unit og ON og.code = s.org_code
		  LEFT JOIN core.org_unit ra ON ra.code = s.reg_authority_org_code
		 WHERE s.rec_no BETWEEN lo AND hi
		   AND NOT EXISTS (SELECT 1 FROM pg_temp.import_reject r WHERE r.rec_no = s.rec_no)
	)
	SELECT m.*,
	       coalesce(CASE WHEN m.approved IS DISTINCT FROM m.o_approved AND m.approved <= current_date
	                     THEN m.approved END, current_date) AS changed_on
	  FROM m
	 WHERE m.id IS NULL
	    OR ROW(m.o_reg_no, m.o_name, m.o_type, m.o_rep, m.o_id_type, m.o_id_no, m.o_phone, m.o_address,
	           m.o_division, m.o_org, m.o_authority, m.o_industry, m.o_capital, m.o_currency,
	           m.o_established, m.o_approved, m.o_from, m.o_to, m.o_scope, m.o_status, m.o_status_on,
	           m.o_reason)
	       IS DISTINCT FROM
	       ROW(m.reg_no, m.name, m.type, m.rep, m.id_type, m.id_no, m.phone, m.address, m.division, m.org,
	           m.authority, m.industry, m.capital, m.currency, m.established, m.approved, m.op_from, m.op_to,
	           m.scope, m.status, m.status_on, m.reason);
	ANALYZE pg_temp.import_x;

	INSERT INTO core.entity (uscc, reg_no, name, entity_type_code, legal_rep_name, legal_rep_id_type,
	                         legal_rep_id_no, phone, address, division_code, org_id, reg_authority_org_id,
	                         industry_code, registered_capital, capital_currency, established_on, approved_on,
	                         operating_from, operating_to, business_scope, status, status_changed_on,
	                         status_reason, source_system)
	SELECT x.uscc, x.reg_no, x.name, x.type, x.rep, x.id_type, x.id_no, x.phone, x.address, x.division,
	       x.org, x.authority, x.industry, x.capital,
	       coalesce(x.currency, 'CNY'),  -- the column's default
	       x.established, x.approved, x.op_from, x.op_to, x.scope,
	       coalesce(x.status, 'active'), -- the column's default
	       x.status_on, x.reason, x.source_system
	  FROM pg_temp.import_x x
	 WHERE x.id IS NULL;
	GET DIAGNOSTICS inserted = ROW_COUNT;

	UPDATE core.entity e
	   SET reg_no = x.reg_no, name = x.name, entity_type_code = x.type, legal_rep_name = x.rep,
	       legal_rep_id_type = x.id_type, legal_rep_id_no = x.id_no, phone = x.phone, address = x.address,
	       division_code = x.division, org_id = x.org, reg_authority_org_id = x.authority,
	       industry_code = x.industry, registered_capital = x.capital, capital_currency = x.currency,
	       established_on = x.established, approved_on = x.approved, operating_from = x.op_from,
	       operating_to = x.op_to, business_scope = x.scope, status = x.status,
	       status_changed_on = x.status_on, status_reason = x.reason, source_system = x.source_system,
	       loaded_at = now()
	  FROM pg_temp.import_x x
	 WHERE e.id = x.id;
	GET DIAGNOSTICS updated = ROW_COUNT;

	INSERT INTO core.entity_change (entity_id, changed_on, item, before_value, after_value, source_system)
	SELECT x.id, x.changed_on, f.title || '变更', v.b, v.a, x.source_system
	  FROM pg_temp.import_x x
	 CROSS JOIN LATERAL (VALUES
		('reg_no', x.o_reg_no, x.reg_no),
		('name', x.o_name, x.name),
		('entity_type_code', x.o_type, x.type),
		('legal_rep_name', x.o_rep, x.rep),
		('legal_rep_id_type', x.o_id_type, x.id_type),
		('legal_rep_id_no', core.mask_id_no(x.o_id_no), core.mask_id_no(x.id_no)),
		('phone', x.o_phone, x.phone),
		('address', x.o_address, x.address),
		('division_code', x.o_division, x.division),
		('org_code', (SELECT o.code FROM core.org_unit o WHERE o.id = x.o_org),
		             (SELECT o.code FROM core.org_unit o WHERE o.id = x.org)),
		('reg_authority_org_code', (SELECT o.code FROM core.org_unit o WHERE o.id = x.o_authority),
		                           (SELECT o.code FROM core.org_unit o WHERE o.id = x.authority)),
		('industry_code', x.o_industry, x.industry),
		('registered_capital', x.o_capital::text, x.capital::text),
		('capital_currency', x.o_currency, x.currency),
		('established_on', x.o_established::text, x.established::text),
		('approved_on', x.o_approved::text, x.approved::text),
		('operating_from', x.o_from::text, x.op_from::text),
		('operating_to', x.o_to::text, x.op_to::text),
		('business_scope', x.o_scope, x.scope),
		('status', x.o_status, x.status),
		('status_changed_on', x.o_status_on::text, x.status_on::text),
		('status_reason', x.o_reason, x.reason)) AS v (field, b, a)
	  JOIN meta.import_field f ON f.theme = 'entity' AND f.name = v.field
	 WHERE x.id IS NOT NULL AND v.b IS DISTINCT FROM v.a;

	INSERT INTO core.entity_former_name (entity_id, name, used_to, source_system)
	SELECT x.id, x.o_name, x.changed_on, x.source_system
	  FROM pg_temp.import_x x
	 WHERE x.id IS NOT NULL AND x.o_name <> x.name
	ON CONFLICT DO NOTHING;
	DROP TABLE pg_temp.import_x;
END $$;
COMMENT ON FUNCTION meta.import_write_entity(meta.import_job, integer, integer) IS
	'写入一段暂存的市场主体：新的插入，有变化的更新并记入变更记录';

INSERT INTO meta.import_theme (theme, title, target, natural_key, writer, sort_order)
VALUES ('entity', '市场主体', 'core.entity', '统一社会信用代码',
        'meta.import_write_entity(meta.import_job, integer, integer)'::regprocedure, 1);

INSERT INTO meta.import_field (theme, field_no, name, title, aliases, kind, digits, scale, required, is_key,
                               code_list, personal_kind, description) VALUES
	('entity', 1, 'uscc', '统一社会信用代码', '{信用代码,社会信用代码}', 'uscc', NULL, NULL, true, true, NULL, NULL, NULL),
	('entity', 2, 'reg_no', '注册号', '{工商注册号}', 'text', NULL, NULL, false, false, NULL, NULL, '15 位数字'),
	('entity', 3, 'name', '企业名称', '{名称,主体名称,市场主体名称,企业（机构）名称}', 'text', NULL, NULL, true, false, NULL, NULL, NULL),
	('entity', 4, 'entity_type_code', '主体类型', '{企业类型,市场主体类型,类型}', 'code', NULL, NULL, true, false, 'entity_type', NULL, NULL),
	('entity', 5, 'legal_rep_name', '法定代表人', '{法定代表人（负责人）,法定代表人姓名,负责人,经营者,投资人,执行事务合伙人}', 'text', NULL, NULL, false, false, NULL, NULL, NULL),
	('entity', 6, 'legal_rep_id_type', '法定代表人证件类型', '{证件类型}', 'code', NULL, NULL, false, false, 'id_type', NULL, NULL),
	('entity', 7, 'legal_rep_id_no', '法定代表人证件号码', '{证件号码,身份证号码}', 'text', NULL, NULL, false, false, NULL, 'id_no', '个人信息'),
	('entity', 8, 'phone', '联系电话', '{电话}', 'phone', NULL, NULL, false, false, NULL, NULL, NULL),
	('entity', 9, 'address', '住所', '{住所（经营场所）,经营场所,地址,注册地址}', 'text', NULL, NULL, true, false, NULL, NULL, NULL),
	('entity', 10, 'division_code', '所在行政区划', '{行政区划,所属区县}', 'code', NULL, NULL, false, false, 'division', NULL, NULL),
	('entity', 11, 'org_code', '属地监管所', '{管辖单位,监管机构,属地监管机构}', 'code', NULL, NULL, false, false, 'org_unit', NULL, '机构代码、全称或简称'),
	('entity', 12, 'reg_authority_org_code', '登记机关', '{}', 'code', NULL, NULL, false, false, 'org_unit', NULL, '机构代码、全称或简称'),
	('entity', 13, 'industry_code', '行业代码', '{国民经济行业,所属行业,行业}', 'code', NULL, NULL, false, false, 'industry', NULL, 'GB/T 4754-2017 小类'),
	('entity', 14, 'registered_capital', '注册资本（万元）', '{注册资本,注册资金（万元）,注册资金}', 'number', 18, 2, false, false, NULL, NULL, NULL),
	('entity', 15, 'capital_currency', '币种', '{注册资本币种}', 'code', NULL, NULL, false, false, 'currency', NULL, NULL),
	('entity', 16, 'established_on', '成立日期', '{}', 'date', NULL, NULL, true, false, NULL, NULL, NULL),
	('entity', 17, 'approved_on', '核准日期', '{}', 'date', NULL, NULL, false, false, NULL, NULL, NULL),
	('entity', 18, 'operating_from', '营业期限自', '{经营期限自}', 'date', NULL, NULL, false, false, NULL, NULL, NULL),
	('entity', 19, 'operating_to', '营业期限至', '{经营期限至}', 'date_open', NULL, NULL, false, false, NULL, NULL, '长期为空'),
	('entity', 20, 'business_scope', '经营范围', '{}', 'text', NULL, NULL, false, false, NULL, NULL, NULL),
	('entity', 21, 'status', '登记状态', '{经营状态,企业状态,状态}', 'code', NULL, NULL, false, false, 'entity_status', NULL, NULL),
	('entity', 22, 'status_changed_on', '状态变更日期', '{注销日期,吊销日期}', 'date', NULL, NULL, false, false, NULL, NULL, NULL),
	('entity', 23, 'status_reason', '状态变更原因', '{注销原因,吊销原因}', 'text', NULL, NULL, false, false, NULL, NULL, NULL),
	('entity', 24, 'source_system', '来源系统', '{}', 'text', NULL, NULL, false, false, NULL, NULL, '为空时取导入时指定的来源');

REVOKE ALL ON FUNCTION meta.import_write_entity(meta.import_job, integer, integer) FROM PUBLIC;
