-- 0034 the first data-quality rules. Each query returns (key, name) per
-- offending record. What the schema already forbids is not a rule: an invalid
-- USCC cannot be stored (domain core.uscc), nor a closed 96333 incident
-- without a cause (rescue_incident_cause_at_close); the rules look for what
-- the constraints cannot see: facts that disagree with each other, with
-- other tables, or with today's date.

-- GB 15-digit registration numbers (注册号) end with an ISO 7064 MOD 11,10
-- check digit.
CREATE FUNCTION meta.reg_no_valid(reg_no text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p int := 10;
	s int;
BEGIN
	IF reg_no !~ '^[0-9]{15}$' THEN
		RETURN false;
	END IF;
	FOR i IN 1..14 LOOP
		s := (p + ascii(substr(reg_no, i, 1)) - 48) % 10;
		IF s = 0 THEN
			s := 10;
		END IF;
		p := (s * 2) % 11;
	END LOOP;
	RETURN (11 - p) % 10 = ascii(substr(reg_no, 15, 1)) - 48;
END $$;
COMMENT ON FUNCTION meta.reg_no_valid(text) IS '15 位注册号的校验位（ISO 7064 MOD 11,10）是否正确';

INSERT INTO meta.quality_rule (code, title, theme, severity, sort_order, description, query) VALUES
('entity_no_legal_rep', '存续主体未登记法定代表人', 'core', 'error', 10,
 '存续（在营）的市场主体没有法定代表人（负责人、经营者）。登记信息不完整，抽查、送达和信用惩戒都找不到责任人；应向登记机关核实补录。',
 $q$SELECT e.uscc AS key, e.name
      FROM core.entity e
      JOIN core.entity_status s ON s.code = e.status
      JOIN core.entity_type t ON t.code = e.entity_type_code
     WHERE s.in_business AND t.is_market_entity AND e.legal_rep_name IS NULL$q$),

('entity_duplicate_name_address', '名称、住所都相同的不同主体', 'core', 'warning', 20,
 '两个以上统一社会信用代码不同的主体，名称和住所完全相同：多为重复建档或迁移时的重复导入；应核实后合并或注销其一。',
 $q$SELECT e.uscc AS key, e.name
      FROM core.entity e
      JOIN (SELECT d.name, d.address FROM core.entity d GROUP BY d.name, d.address HAVING count(*) > 1) AS dup
        ON dup.name = e.name AND dup.address = e.address$q$),

('entity_uscc_division_unknown', '信用代码中的登记机关区划不存在', 'core', 'warning', 30,
 '本市登记机关登记的主体，统一社会信用代码第 3–8 位（登记管理机关行政区划码）不是已知的行政区划（含已撤销的崇安、南长、北塘等）。校验位正确的错误代码无法由域约束发现，多是转录时换了位数相同的区划码。无效代码本身不会出现：core.uscc 域已拒绝。',
 $q$SELECT e.uscc AS key, e.name
      FROM core.entity e
     WHERE e.reg_authority_org_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM core.division d WHERE d.code = e.reg_division_code)$q$),

('entity_reg_no_inconsistent', '注册号无效或与信用代码不一致', 'core', 'warning', 40,
 '15 位注册号的校验位不对，或注册号前 6 位（登记机关区划）与统一社会信用代码第 3–8 位不同。换照时两者出自同一登记机关，应当一致；多为录入错误。',
 $q$SELECT e.uscc AS key, e.name
      FROM core.entity e
     WHERE e.reg_no IS NOT NULL
       AND (NOT meta.reg_no_valid(e.reg_no) OR left(e.reg_no, 6) <> e.reg_division_code)$q$),

('entity_address_outside_division', '住所写明的区县与所在行政区划不符', 'core', 'warning', 50,
 '主体住所中写明了另一个现行区（县级市）的名称，与“所在行政区划”不一致：属地监管所、抽查名录和统计都会分错区。',
 $q$SELECT DISTINCT e.uscc AS key, e.name
      FROM core.entity e
      JOIN core.division d ON d.current AND d.level <> 'city' AND d.code <> e.division_code
     WHERE e.division_code IS NOT NULL AND strpos(e.address, d.name) > 0
       AND NOT EXISTS (SELECT 1 FROM core.division own
                        WHERE own.code = e.division_code AND strpos(e.address, own.name) > 0)$q$),

('entity_org_outside_division', '属地监管所不在主体所在区', 'core', 'warning', 60,
 '主体的属地监管所（或区局）所辖区划与主体所在行政区划不同：日常监管和双随机抽查会派给别的区。经开区机构没有区划码，不在此列。',
 $q$SELECT e.uscc AS key, e.name
      FROM core.entity e
      JOIN core.org_unit o ON o.id = e.org_id
     WHERE o.division_code IS NOT NULL AND e.division_code IS NOT NULL AND o.division_code <> e.division_code$q$),

('entity_established_in_future', '成立日期晚于今天', 'core', 'error', 70,
 '成立日期在今天之后，多为日期格式转换错误（如日、月颠倒）或年份录错。',
 $q$SELECT e.uscc AS key, e.name FROM core.entity e WHERE e.established_on > current_date$q$),

('elevator_no_maintenance_unit', '在用电梯没有维保单位', 'equipment', 'error', 110,
 '在用电梯没有签约的维护保养单位：96333 接警后无法一级派单，也没有人负责每 15 日一次的维保。应责令使用单位签订维保合同。',
 $q$SELECT v.registration_code AS key, v.address AS name
      FROM equipment.elevator v
     WHERE v.status = 'in_use' AND v.maintenance_entity_id IS NULL$q$),

('elevator_inspection_overdue', '在用电梯超期未检验', 'equipment', 'error', 120,
 '在用电梯已过下次检验日期，或投入使用满一年仍无检验记录。超期未检的电梯应停止使用，接警时也要提示调度员。',
 $q$SELECT v.registration_code AS key, v.address AS name
      FROM equipment.elevator v
     WHERE v.status = 'in_use'
       AND (v.next_inspection_due < current_date
            OR (v.next_inspection_due IS NULL AND v.commissioned_on < current_date - 365))$q$),

('elevator_maintenance_overdue', '在用电梯超过维保间隔未维保', 'equipment', 'warning', 130,
 '在用电梯最近一次维保距今超过系统参数 elevator_maintenance_interval_days（15 日），或有维保单位却从无维保记录。',
 $q$SELECT v.registration_code AS key, v.address AS name
      FROM equipment.elevator v
     WHERE v.status = 'in_use' AND v.maintenance_entity_id IS NOT NULL
       AND (v.last_maintained_on < current_date - core.setting_int('elevator_maintenance_interval_days')
            OR (v.last_maintained_on IS NULL AND v.commissioned_on < current_date - 30))$q$),

('elevator_maintainer_not_in_business', '电梯的维保单位已不在经营', 'equipment', 'error', 140,
 '在用电梯签约的维保单位已注销、吊销、撤销、迁出或歇业：一级派单会派给不存在的单位。',
 $q$SELECT v.registration_code AS key, v.address AS name
      FROM equipment.elevator v
      JOIN core.entity m ON m.id = v.maintenance_entity_id
      JOIN core.entity_status s ON s.code = m.status
     WHERE v.status = 'in_use' AND NOT s.in_business$q$),

('maintenance_unit_licence_expired', '维保单位许可证已过期仍在接单', 'equipment', 'warning', 150,
 '电梯维保单位状态为在用，但其特种设备生产（安装、改造、修理）许可证已过有效期。',
 $q$SELECT e.uscc AS key, e.name
      FROM equipment.maintenance_unit u
      JOIN core.entity e ON e.id = u.entity_id
     WHERE u.status = 'active' AND u.licence_valid_to < current_date$q$),

('complaint_no_respondent', '投诉没有被投诉人', 'rights', 'warning', 210,
 '投诉既没有关联名录中的主体，也没有被投诉人名称：无法受理（投诉举报处理暂行办法第九条），也无法统计到主体。登记、不予受理状态的投诉表约束允许如此，需人工补正。',
 $q$SELECT c.complaint_no AS key, coalesce(c.subject, '') AS name
      FROM rights.complaint c
     WHERE c.entity_id IS NULL AND (c.respondent_name IS NULL OR btrim(c.respondent_name) = '')$q$),

('rescue_closed_without_callback', '96333 结案超过 3 天未回访', 'rights', 'warning', 220,
 '困人事件结案已超过 3 天仍没有回访记录。（结案而无困人原因的事件不会出现：表约束 rescue_incident_cause_at_close 已禁止，故检查回访。）',
 $q$SELECT i.incident_no AS key, coalesce(i.location_given, '') AS name
      FROM rights.rescue_incident i
     WHERE i.status = 'closed' AND i.callback_at IS NULL AND i.closed_at < now() - interval '3 days'$q$),

('licence_valid_after_expiry', '许可已过有效期仍为有效', 'supervision', 'warning', 310,
 '行政许可的状态是“有效”，但有效期至已过：应更新为过期（或录入延续后的新证）。',
 $q$SELECT l.licence_kind_code || '/' || l.licence_no AS key, e.name
      FROM supervision.licence l
      JOIN core.entity e ON e.id = l.entity_id
     WHERE l.status = 'valid' AND l.valid_to < current_date$q$),

('licence_valid_entity_gone', '主体已不在经营，许可仍为有效', 'supervision', 'error', 320,
 '被许可主体已注销、吊销、撤销、迁出或歇业，其许可仍是“有效”：应依法注销许可（行政许可法第七十条）。',
 $q$SELECT l.licence_kind_code || '/' || l.licence_no AS key, e.name
      FROM supervision.licence l
      JOIN core.entity e ON e.id = l.entity_id
      JOIN core.entity_status s ON s.code = e.status
     WHERE l.status = 'valid' AND NOT s.in_business$q$),

('penalty_unlinked_entity', '处罚当事人未关联主体名录', 'supervision', 'warning', 330,
 '行政处罚没有关联市场主体，但当事人名称与名录中一个主体的名称相同：处罚不会出现在该主体的信用记录和 360° 档案里。',
 $q$SELECT p.decision_no AS key, p.party_name AS name
      FROM supervision.penalty p
     WHERE p.entity_id IS NULL AND EXISTS (SELECT 1 FROM core.entity e WHERE e.name = p.party_name)$q$),

('entity_gone_open_tasks', '已注销、吊销的主体仍有未完成的检查任务', 'supervision', 'warning', 340,
 '主体已注销、吊销、撤销或迁出，却仍有待派、已派或检查中的双随机检查任务：应以“已注销”等结果结束任务，不必上门。',
 $q$SELECT DISTINCT e.uscc AS key, e.name
      FROM supervision.inspection_task t
      JOIN core.entity e ON e.id = t.entity_id
      JOIN core.entity_status s ON s.code = e.status
     WHERE t.status IN ('pending', 'dispatched', 'inspecting') AND e.status <> 'dormant' AND NOT s.in_business$q$);
