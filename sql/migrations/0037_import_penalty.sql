-- 0037 importing administrative penalties (smcon import penalty FILE.csv), as
-- the 双公示 exports publish them, by decision number. A party that is a
-- market entity is given by its USCC (it must be in the entity master); a
-- natural person by name alone. 处罚种类 lists the measures (警告、罚款 …);
-- 罚款金额 and 没收违法所得 give the amounts of those two. Each row inserted
-- or changed is logged in meta.import_change (ID numbers masked).

INSERT INTO meta.code_label (list, code, label) VALUES
	('penalty_status', 'decided', '已决定'), ('penalty_status', 'decided', '已作出'),
	('penalty_status', 'executed', '已执行完毕'), ('penalty_status', 'executed', '已执行'),
	('penalty_status', 'reconsideration', '复议中'), ('penalty_status', 'litigation', '诉讼中'),
	('penalty_status', 'revoked', '已撤销'),
	('penalty_kind', 'confiscate_income', '没收违法所得、没收非法财物'),
	('penalty_kind', 'suspend_licence', '暂扣许可证'), ('penalty_kind', 'revoke_licence', '吊销许可证'),
	('penalty_kind', 'revoke_licence', '吊销营业执照'), ('penalty_kind', 'suspend_business', '责令停产停业'),
	('violation_category', 'unlicensed', '无照经营'), ('violation_category', 'unlicensed', '无证经营'),
	('violation_category', 'advertising', '虚假广告'), ('violation_category', 'price', '价格违法');

COMMENT ON CONSTRAINT penalty_check ON supervision.penalty IS '执行完毕日期早于处罚决定日期';
COMMENT ON CONSTRAINT penalty_check1 ON supervision.penalty IS '公示截止日期早于处罚决定日期';
COMMENT ON CONSTRAINT penalty_check2 ON supervision.penalty IS '已执行完毕的处罚须有执行完毕日期';
COMMENT ON CONSTRAINT penalty_measure_check ON supervision.penalty_measure IS '罚款、没收违法所得须有金额';
COMMENT ON CONSTRAINT penalty_measure_amount_check ON supervision.penalty_measure IS '金额须大于 0';

-- Refuses the row being written, for a rule about the file that no
-- constraint of the table can hold (meta.import_write reports it).
CREATE FUNCTION meta.import_refuse(rule text, message text) RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RAISE EXCEPTION '%', message USING ERRCODE = 'check_violation', CONSTRAINT = rule;
END $$;
COMMENT ON FUNCTION meta.import_refuse(text, text) IS '拒收正在写入的行（文件层面的规则）';

-- The measures of a penalty as one text, kind:amount in kind order, to compare.
CREATE FUNCTION meta.penalty_measures(penalty bigint) RETURNS text
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
RETURN (SELECT string_agg(m.kind_code || ':' || coalesce(m.amount::text, ''), ',' ORDER BY m.kind_code)
          FROM supervision.penalty_measure m WHERE m.penalty_id = penalty);
COMMENT ON FUNCTION meta.penalty_measures(bigint) IS '处罚决定的各项处罚（种类:金额，按种类排序），用于比较';

-- Writes the staged penalties rec_no lo..hi and their measures (see
-- meta.import_write_elevator).
CREATE FUNCTION meta.import_write_penalty(j meta.import_job, lo integer, hi integer,
                                          OUT inserted bigint, OUT updated bigint)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET work_mem = '256MB'
SET jit = off
SET random_page_cost = 1.1
AS $$
DECLARE
	has constant text[] := j.columns;
	p_case constant boolean := 'case_no' = ANY (has);
	p_entity constant boolean := 'entity_uscc' = ANY (has);
	p_id_no constant boolean := 'party_id_no' = ANY (has);
	p_status constant boolean := 'status' = ANY (has);
	p_executed constant boolean := 'executed_on' = ANY (has);
	p_published constant boolean := 'published_on' = ANY (has);
	p_ends constant boolean := 'publicity_ends_on' = ANY (has);
	p_kinds constant boolean := 'measure_kinds' = ANY (has);
BEGIN
	CREATE TEMP TABLE import_x ON COMMIT DROP AS
	WITH m AS (
		SELECT p.id, s.line_no, s.decision_no, coalesce(s.source_system, j.source_system) AS source_system,
		       p.case_id AS o_case, p.deciding_org_id AS o_org, p.entity_id AS o_entity, p.party_name AS o_party,
		       p.party_id_no AS o_id_no, p.violation_category_code AS o_category, p.illegal_facts AS o_facts,
		       p.legal_basis AS o_basis, p.decided_on AS o_decided, p.status AS o_status,
		       p.executed_on AS o_executed, p.published_at AS o_published, p.publicity_ends_on AS o_ends,
		       meta.penalty_measures(p.id) AS o_measures,
		       CASE WHEN NOT p_case THEN p.case_id WHEN s.case_no IS NULL THEN NULL
		            ELSE coalesce(c.id, meta.import_missing('case', s.case_no)) END AS case_id,
		       coalesce(o.id, meta.import_missing('org', s.deciding_org_code)) AS org,
		       CASE WHEN NOT p_entity THEN p.entity_id WHEN s.entity_uscc IS NULL THEN NULL
		            ELSE coalesce(u.id, meta.import_missing('entity', s.entity_uscc)) END AS entity,
		       s.party_name AS party,
		       CASE WHEN p_id_no THEN s.party_id_no ELSE p.party_id_no END AS id_no,
		       s.violation_category_code AS category,
		       s.illegal_facts AS facts,
		       s.legal_basis AS basis,
		       s.decided_on::date AS decided,
		       CASE WHEN p_status AND s.status IS NOT NULL THEN s.status ELSE coalesce(p.status, 'decided') END AS status,
		       CASE WHEN p_executed THEN s.executed_on::date ELSE p.executed_on END AS executed,
		       CASE WHEN p_published THEN s.published_on::date::timestamptz ELSE p.published_at END AS published,
		       CASE WHEN p_ends THEN s.publicity_ends_on::date ELSE p.publicity_ends_on END AS ends,
		       s.measure_kinds AS kinds,
		       s.fine_amount::numeric(18,2) AS fine,
		       s.confiscated_amount::numeric(18,2) AS confiscated,
		       CASE WHEN s.fine_amount IS NOT NULL AND NOT coalesce('fine' = ANY (string_to_array(s.measure_kinds, ',')), false)
		            THEN meta.import_refuse('import_fine_without_kind', '有罚款金额，处罚种类中却没有罚款')
		            WHEN s.confiscated_amount IS NOT NULL
		                 AND NOT coalesce('confiscate_income' = ANY (string_to_array(s.measure_kinds, ',')), false)
		            THEN meta.import_refuse('import_confiscation_without_kind',
		                                    '有没收违法所得金额，处罚种类中却没有没收违法所得')
		            WHEN NOT p_kinds THEN meta.penalty_measures(p.id)
		            ELSE (SELECT string_agg(k.kind || ':' || coalesce(CASE k.kind
		                                      WHEN 'fine' THEN s.fine_amount::numeric(18,2)::text
		                                      WHEN 'confiscate_income' THEN s.confiscated_amount::numeric(18,2)::text
		                                      END, ''), ',' ORDER BY k.kind)
		                    FROM (SELECT DISTINCT unnest(string_to_array(s.measure_kinds, ',')) AS kind) AS k) END
		           AS measures
		  FROM pg_temp.import_stage s
		  LEFT JOIN LATERAL (SELECT p1.* FROM supervision.penalty p1 WHERE p1.decision_no = s.decision_no LIMIT 1) AS p
		         ON true
		  LEFT JOIN supervision.enforcement_case c ON c.case_no = s.case_no
		  LEFT JOIN core.org_unit o ON o.code = s.deciding_org_code
		  LEFT JOIN core.entity u ON u.uscc = s.entity_uscc
		 WHERE s.rec_no BETWEEN lo AND hi
		   AND NOT EXISTS (SELECT 1 FROM pg_temp.import_reject r WHERE r.rec_no = s.rec_no)
	)
	SELECT m.*
	  FROM m
	 WHERE m.id IS NULL
	    OR ROW(m.o_case, m.o_org, m.o_entity, m.o_party, m.o_id_no, m.o_category, m.o_facts, m.o_basis, m.o_decided,
	           m.o_status, m.o_executed, m.o_published, m.o_ends, m.o_measures)
	       IS DISTINCT FROM
	       ROW(m.case_id, m.org, m.entity, m.party, m.id_no, m.category, m.facts, m.basis, m.decided, m.status,
	           m.executed, m.published, m.ends, m.measures);
	ANALYZE pg_temp.import_x;

	INSERT INTO supervision.penalty (decision_no, case_id, deciding_org_id, entity_id, party_name, party_id_no,
	                                 violation_category_code, illegal_facts, legal_basis, decided_on, status,
	                                 executed_on, published_at, publicity_ends_on, source_system)
	SELECT x.decision_no, x.case_id, x.org, x.entity, x.party, x.id_no, x.category, x.facts, x.basis, x.decided,
	       x.status, x.executed, x.published, x.ends, x.source_system
	  FROM pg_temp.import_x x
	 WHERE x.id IS NULL;
	GET DIAGNOSTICS inserted = ROW_COUNT;

	UPDATE supervision.penalty p
	   SET case_id = x.case_id, deciding_org_id = x.org, entity_id = x.entity, party_name = x.party,
	       party_id_no = x.id_no, violation_category_code = x.category, illegal_facts = x.facts,
	       legal_basis = x.basis, decided_on = x.decided, status = x.status, executed_on = x.executed,
	       published_at = x.published, publicity_ends_on = x.ends, source_system = x.source_system, loaded_at = now()
	  FROM pg_temp.import_x x
	 WHERE p.id = x.id;
	GET DIAGNOSTICS updated = ROW_COUNT;

	-- the measures, where the file lists them and they differ
	DELETE FROM supervision.penalty_measure pm
	 USING pg_temp.import_x x
	 WHERE p_kinds AND pm.penalty_id = x.id AND x.o_measures IS DISTINCT FROM x.measures;
	INSERT INTO supervision.penalty_measure (penalty_id, kind_code, amount)
	SELECT p.id, k.kind, CASE k.kind WHEN 'fine' THEN x.fine WHEN 'confiscate_income' THEN x.confiscated END
	  FROM pg_temp.import_x x
	  JOIN supervision.penalty p ON p.decision_no = x.decision_no
	 CROSS JOIN LATERAL (SELECT DISTINCT unnest(string_to_array(x.kinds, ',')) AS kind) AS k
	 WHERE p_kinds AND x.o_measures IS DISTINCT FROM x.measures;

	INSERT INTO meta.import_change (job_id, theme, natural_key, action, changes, line_no)
	SELECT j.id, 'penalty', x.decision_no, CASE WHEN x.id IS NULL THEN 'insert' ELSE 'update' END,
	       CASE WHEN x.id IS NOT NULL THEN
	       coalesce((SELECT jsonb_object_agg(f.title, jsonb_build_array(v.b, v.a))
	                   FROM (VALUES
	                        ('case_no', (SELECT c.case_no FROM supervision.enforcement_case c WHERE c.id = x.o_case),
	                                    (SELECT c.case_no FROM supervision.enforcement_case c WHERE c.id = x.case_id)),
	                        ('deciding_org_code', (SELECT o.code FROM core.org_unit o WHERE o.id = x.o_org),
	                                              (SELECT o.code FROM core.org_unit o WHERE o.id = x.org)),
	                        ('entity_uscc', (SELECT c.uscc FROM core.entity c WHERE c.id = x.o_entity),
	                                        (SELECT c.uscc FROM core.entity c WHERE c.id = x.entity)),
	                        ('party_name', x.o_party, x.party),
	                        ('party_id_no', meta.import_mask('id_no', x.o_id_no), meta.import_mask('id_no', x.id_no)),
	                        ('violation_category_code', x.o_category, x.category),
	                        ('illegal_facts', x.o_facts, x.facts),
	                        ('legal_basis', x.o_basis, x.basis),
	                        ('decided_on', x.o_decided::text, x.decided::text),
	                        ('status', x.o_status, x.status),
	                        ('executed_on', x.o_executed::text, x.executed::text),
	                        ('published_on', x.o_published::date::text, x.published::date::text),
	                        ('publicity_ends_on', x.o_ends::text, x.ends::text),
	                        ('measure_kinds', x.o_measures, x.measures)) AS v (field, b, a)
	                   JOIN meta.import_field f ON f.theme = 'penalty' AND f.name = v.field
	                  WHERE v.b IS DISTINCT FROM v.a), '{}') END,
	       x.line_no
	  FROM pg_temp.import_x x;
	DROP TABLE pg_temp.import_x;
END $$;
COMMENT ON FUNCTION meta.import_write_penalty(meta.import_job, integer, integer) IS
	'写入一段暂存的行政处罚及其处罚种类：新的插入，有变化的更新，均记入导入变更记录';

INSERT INTO meta.import_theme (theme, title, target, natural_key, writer, sort_order)
VALUES ('penalty', '行政处罚', 'supervision.penalty', '处罚决定书文号',
        'meta.import_write_penalty(meta.import_job, integer, integer)'::regprocedure, 4);

INSERT INTO meta.import_field (theme, field_no, name, title, aliases, kind, digits, scale, required, is_key,
                               code_list, personal_kind, description) VALUES
	('penalty', 1, 'decision_no', '行政处罚决定书文号', '{处罚决定书文号,决定书文号,决定文书号}', 'text', NULL, NULL, true, true, NULL, NULL, NULL),
	('penalty', 2, 'case_no', '案件编号', '{立案号,案号}', 'text', NULL, NULL, false, false, NULL, NULL, '须是已有的执法案件'),
	('penalty', 3, 'deciding_org_code', '处罚机关', '{作出处罚决定机关,处罚决定机关}', 'code', NULL, NULL, true, false, 'org_unit', NULL, '机构代码、全称或简称'),
	('penalty', 4, 'entity_uscc', '统一社会信用代码', '{当事人统一社会信用代码,行政相对人代码,信用代码}', 'uscc', NULL, NULL, false, false, NULL, NULL, '须在主体名录中；自然人为空'),
	('penalty', 5, 'party_name', '当事人名称', '{当事人,行政相对人名称,行政相对人}', 'text', NULL, NULL, true, false, NULL, NULL, NULL),
	('penalty', 6, 'party_id_no', '当事人证件号码', '{身份证号码,证件号码}', 'text', NULL, NULL, false, false, NULL, 'id_no', '自然人当事人；个人信息'),
	('penalty', 7, 'violation_category_code', '违法行为类型', '{违法行为类别,案由类别}', 'code', NULL, NULL, true, false, 'violation_category', NULL, NULL),
	('penalty', 8, 'illegal_facts', '主要违法事实', '{违法事实,违法行为}', 'text', NULL, NULL, true, false, NULL, NULL, NULL),
	('penalty', 9, 'legal_basis', '处罚依据', '{法律依据}', 'text', NULL, NULL, true, false, NULL, NULL, NULL),
	('penalty', 10, 'decided_on', '处罚决定日期', '{作出处罚决定日期,决定日期}', 'date', NULL, NULL, true, false, NULL, NULL, NULL),
	('penalty', 11, 'status', '处罚状态', '{状态}', 'code', NULL, NULL, false, false, 'penalty_status', NULL, NULL),
	('penalty', 12, 'executed_on', '执行完毕日期', '{执行日期}', 'date', NULL, NULL, false, false, NULL, NULL, NULL),
	('penalty', 13, 'published_on', '公示日期', '{}', 'date', NULL, NULL, false, false, NULL, NULL, NULL),
	('penalty', 14, 'publicity_ends_on', '公示截止日期', '{公示期满日期}', 'date', NULL, NULL, false, false, NULL, NULL, NULL),
	('penalty', 15, 'measure_kinds', '处罚种类', '{处罚类别,处罚内容}', 'codes', NULL, NULL, false, false, 'penalty_kind', NULL, '用 、 ， ； 分隔'),
	('penalty', 16, 'fine_amount', '罚款金额（元）', '{罚款金额,罚款数额（元）}', 'number', 18, 2, false, false, NULL, NULL, NULL),
	('penalty', 17, 'confiscated_amount', '没收违法所得（元）', '{没收违法所得金额,没收金额（元）}', 'number', 18, 2, false, false, NULL, NULL, NULL),
	('penalty', 18, 'source_system', '来源系统', '{}', 'text', NULL, NULL, false, false, NULL, NULL, '为空时取导入时指定的来源');

REVOKE ALL ON FUNCTION meta.import_refuse(text, text), meta.penalty_measures(bigint),
	meta.import_write_penalty(meta.import_job, integer, integer) FROM PUBLIC;
