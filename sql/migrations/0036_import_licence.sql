-- 0036 importing licences (smcon import licence FILE.csv), as the 双公示
-- exports publish them, by kind and licence number. The licensee is given by
-- its USCC and must be in the entity master; the issuing authority is a name,
-- and when it is one of the bureau's org units the licence is linked to it.
-- Each row inserted or changed is logged in meta.import_change.

INSERT INTO meta.code_label (list, code, label) VALUES
	('licence_status', 'valid', '有效'), ('licence_status', 'valid', '正常'),
	('licence_status', 'expired', '过期'), ('licence_status', 'expired', '已过期'),
	('licence_status', 'suspended', '暂扣'), ('licence_status', 'revoked', '吊销'),
	('licence_status', 'revoked', '撤销'), ('licence_status', 'cancelled', '注销');

COMMENT ON CONSTRAINT licence_check ON supervision.licence IS '有效期至早于有效期自';
COMMENT ON CONSTRAINT licence_check1 ON supervision.licence IS '有效期至早于许可日期';
COMMENT ON CONSTRAINT licence_check2 ON supervision.licence IS '状态变更日期早于许可日期';
COMMENT ON CONSTRAINT licence_check3 ON supervision.licence IS '暂扣、吊销、注销的许可须有状态变更日期';

-- Writes the staged licences rec_no lo..hi (see meta.import_write_elevator).
CREATE FUNCTION meta.import_write_licence(j meta.import_job, lo integer, hi integer,
                                          OUT inserted bigint, OUT updated bigint)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET work_mem = '256MB'
SET jit = off
SET random_page_cost = 1.1
AS $$
DECLARE
	has constant text[] := j.columns;
	p_decision constant boolean := 'decision_no' = ANY (has);
	p_from constant boolean := 'valid_from' = ANY (has);
	p_to constant boolean := 'valid_to' = ANY (has);
	p_status constant boolean := 'status' = ANY (has);
	p_status_on constant boolean := 'status_changed_on' = ANY (has);
BEGIN
	CREATE TEMP TABLE import_x ON COMMIT DROP AS
	WITH m AS (
		SELECT l.id, s.line_no, s.licence_kind_code AS kind, s.licence_no,
		       coalesce(s.source_system, j.source_system) AS source_system,
		       l.entity_id AS o_entity, l.content AS o_content, l.decision_no AS o_decision,
		       l.issuing_org_id AS o_org, l.issuing_authority AS o_authority, l.issued_on AS o_issued,
		       l.valid_from AS o_from, l.valid_to AS o_to, l.status AS o_status, l.status_changed_on AS o_status_on,
		       coalesce(u.id, meta.import_missing('entity', s.entity_uscc)) AS entity,
		       s.content,
		       CASE WHEN p_decision THEN s.decision_no ELSE l.decision_no END AS decision,
		       (SELECT o.id FROM core.org_unit o WHERE o.name = s.issuing_authority) AS org,
		       s.issuing_authority AS authority,
		       s.issued_on::date AS issued,
		       CASE WHEN p_from THEN s.valid_from::date ELSE l.valid_from END AS valid_from,
		       CASE WHEN p_to THEN s.valid_to::date ELSE l.valid_to END AS valid_to,
		       CASE WHEN p_status AND s.status IS NOT NULL THEN s.status ELSE coalesce(l.status, 'valid') END AS status,
		       CASE WHEN p_status_on THEN s.status_changed_on::date ELSE l.status_changed_on END AS status_on
		  FROM pg_temp.import_stage s
		  LEFT JOIN LATERAL (SELECT l1.* FROM supervision.licence l1
		                      WHERE l1.licence_kind_code = s.licence_kind_code AND l1.licence_no = s.licence_no
		                      LIMIT 1) AS l ON true
		  LEFT JOIN core.entity u ON u.uscc = s.entity_uscc
		 WHERE s.rec_no BETWEEN lo AND hi
		   AND NOT EXISTS (SELECT 1 FROM pg_temp.import_reject r WHERE r.rec_no = s.rec_no)
	)
	SELECT m.*
	  FROM m
	 WHERE m.id IS NULL
	    OR ROW(m.o_entity, m.o_content, m.o_decision, m.o_org, m.o_authority, m.o_issued, m.o_from, m.o_to,
	           m.o_status, m.o_status_on)
	       IS DISTINCT FROM
	       ROW(m.entity, m.content, m.decision, m.org, m.authority, m.issued, m.valid_from, m.valid_to, m.status,
	           m.status_on);
	ANALYZE pg_temp.import_x;

	INSERT INTO supervision.licence (licence_kind_code, licence_no, entity_id, content, decision_no, issuing_org_id,
	                                 issuing_authority, issued_on, valid_from, valid_to, status, status_changed_on,
	                                 source_system)
	SELECT x.kind, x.licence_no, x.entity, x.content, x.decision, x.org, x.authority, x.issued, x.valid_from,
	       x.valid_to, x.status, x.status_on, x.source_system
	  FROM pg_temp.import_x x
	 WHERE x.id IS NULL;
	GET DIAGNOSTICS inserted = ROW_COUNT;

	UPDATE supervision.licence l
	   SET entity_id = x.entity, content = x.content, decision_no = x.decision, issuing_org_id = x.org,
	       issuing_authority = x.authority, issued_on = x.issued, valid_from = x.valid_from, valid_to = x.valid_to,
	       status = x.status, status_changed_on = x.status_on, source_system = x.source_system, loaded_at = now()
	  FROM pg_temp.import_x x
	 WHERE l.id = x.id;
	GET DIAGNOSTICS updated = ROW_COUNT;

	INSERT INTO meta.import_change (job_id, theme, natural_key, action, changes, line_no)
	SELECT j.id, 'licence', x.kind || '/' || x.licence_no, CASE WHEN x.id IS NULL THEN 'insert' ELSE 'update' END,
	       CASE WHEN x.id IS NOT NULL THEN
	       coalesce((SELECT jsonb_object_agg(f.title, jsonb_build_array(v.b, v.a))
	                   FROM (VALUES
	                        ('entity_uscc', (SELECT c.uscc FROM core.entity c WHERE c.id = x.o_entity),
	                                        (SELECT c.uscc FROM core.entity c WHERE c.id = x.entity)),
	                        ('content', x.o_content, x.content),
	                        ('decision_no', x.o_decision, x.decision),
	                        ('issuing_authority', x.o_authority, x.authority),
	                        ('issued_on', x.o_issued::text, x.issued::text),
	                        ('valid_from', x.o_from::text, x.valid_from::text),
	                        ('valid_to', x.o_to::text, x.valid_to::text),
	                        ('status', x.o_status, x.status),
	                        ('status_changed_on', x.o_status_on::text, x.status_on::text)) AS v (field, b, a)
	                   JOIN meta.import_field f ON f.theme = 'licence' AND f.name = v.field
	                  WHERE v.b IS DISTINCT FROM v.a), '{}') END,
	       x.line_no
	  FROM pg_temp.import_x x;
	DROP TABLE pg_temp.import_x;
END $$;
COMMENT ON FUNCTION meta.import_write_licence(meta.import_job, integer, integer) IS
	'写入一段暂存的行政许可：新的插入，有变化的更新，均记入导入变更记录';

INSERT INTO meta.import_theme (theme, title, target, natural_key, writer, sort_order)
VALUES ('licence', '行政许可', 'supervision.licence', '许可种类、许可证编号',
        'meta.import_write_licence(meta.import_job, integer, integer)'::regprocedure, 3);

INSERT INTO meta.import_field (theme, field_no, name, title, aliases, kind, digits, scale, required, is_key,
                               code_list, personal_kind, description) VALUES
	('licence', 1, 'licence_kind_code', '许可种类', '{许可类别,许可证种类,许可事项}', 'code', NULL, NULL, true, true, 'licence_kind', NULL, NULL),
	('licence', 2, 'licence_no', '许可证编号', '{许可证号,证书编号,备案编号,许可编号}', 'text', NULL, NULL, true, true, NULL, NULL, NULL),
	('licence', 3, 'entity_uscc', '统一社会信用代码', '{被许可人统一社会信用代码,行政相对人代码,信用代码}', 'uscc', NULL, NULL, true, false, NULL, NULL, '须在主体名录中'),
	('licence', 4, 'content', '许可内容', '{许可范围,经营项目,许可项目}', 'text', NULL, NULL, true, false, NULL, NULL, NULL),
	('licence', 5, 'decision_no', '许可决定书文号', '{决定书文号,许可文书号}', 'text', NULL, NULL, false, false, NULL, NULL, NULL),
	('licence', 6, 'issuing_authority', '许可机关', '{发证机关,许可机关名称}', 'text', NULL, NULL, true, false, NULL, NULL, '本局机构的全称时关联到机构'),
	('licence', 7, 'issued_on', '许可日期', '{发证日期,许可决定日期}', 'date', NULL, NULL, true, false, NULL, NULL, NULL),
	('licence', 8, 'valid_from', '有效期自', '{有效期起}', 'date', NULL, NULL, false, false, NULL, NULL, NULL),
	('licence', 9, 'valid_to', '有效期至', '{有效期止}', 'date_open', NULL, NULL, false, false, NULL, NULL, '长期为空'),
	('licence', 10, 'status', '许可状态', '{状态}', 'code', NULL, NULL, false, false, 'licence_status', NULL, NULL),
	('licence', 11, 'status_changed_on', '状态变更日期', '{注销日期,吊销日期}', 'date', NULL, NULL, false, false, NULL, NULL, NULL),
	('licence', 12, 'source_system', '来源系统', '{}', 'text', NULL, NULL, false, false, NULL, NULL, '为空时取导入时指定的来源');

REVOKE ALL ON FUNCTION meta.import_write_licence(meta.import_job, integer, integer) FROM PUBLIC;
