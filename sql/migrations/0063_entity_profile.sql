-- 0063 The 360° profile of a market entity: its header (registration
-- facts, where it is supervised, its industry, its credit-risk grade and
-- tags) and every fact the twelve theme databases hold about it, as rows of
-- one shape in thirteen tabs. Each fact says where it came from (theme
-- database, source system, load time).
--
-- Everything runs as the caller: api.entity_fact is a security_invoker
-- view and the functions are SECURITY INVOKER, so the row-level security
-- of the case-data tables (complaints, reports, inspections, cases,
-- incidents) decides what a tab shows and counts; only columns granted to
-- staff are read (personal data through its *_masked copy).

-- Short Chinese labels of the status codes the theme tables share.
CREATE FUNCTION core.status_label(code text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE code
	WHEN 'valid' THEN '有效' WHEN 'expired' THEN '已过期' WHEN 'suspended' THEN '暂停'
	WHEN 'revoked' THEN '撤销' WHEN 'cancelled' THEN '注销' WHEN 'in_use' THEN '在用'
	WHEN 'stopped' THEN '停用' WHEN 'scrapped' THEN '报废' WHEN 'active' THEN '正常'
	WHEN 'withdrawn' THEN '退出' WHEN 'pending' THEN '待办' WHEN 'open' THEN '开放'
	WHEN 'closed' THEN '已关闭' WHEN 'renovating' THEN '改造中' WHEN 'invalidated' THEN '无效'
	WHEN 'terminated' THEN '终止' WHEN 'registered' THEN '已注册'
	ELSE code END;
COMMENT ON FUNCTION core.status_label(text) IS '各主题库通用状态代码的中文简称';

CREATE VIEW api.entity_fact WITH (security_invoker = true) AS
-- registration (登记): changes, former names, tags
SELECT c.entity_id, 'registration'::text AS tab, c.changed_on AS fact_on, '变更登记'::text AS category,
       c.item || '：' || coalesce(c.before_value, '（空）') || ' → ' || coalesce(c.after_value, '（空）') AS summary,
       ''::text AS status, NULL::text AS detail, 'core'::text AS theme, c.source_system, c.loaded_at,
       'core.entity_change'::text AS ref_table, c.id AS ref_id
  FROM core.entity_change c
UNION ALL
SELECT f.entity_id, 'registration', f.used_to, '曾用名', f.name, '',
       coalesce(to_char(f.used_from, 'YYYY-MM-DD'), '？') || ' 至 ' || to_char(f.used_to, 'YYYY-MM-DD'),
       'core', f.source_system, f.loaded_at, 'core.entity_former_name', f.id
  FROM core.entity_former_name f
UNION ALL
SELECT et.entity_id, 'registration', et.tagged_at::date, '标签', t.name, CASE WHEN t.active THEN '' ELSE '停用' END,
       et.note, 'core', et.source_system, et.loaded_at, 'core.entity_tag', t.id
  FROM core.entity_tag et JOIN core.tag t ON t.id = et.tag_id
-- licences and approvals (许可)
UNION ALL
SELECT l.entity_id, 'licence', l.issued_on, k.name, l.licence_no || ' ' || l.content, core.status_label(l.status),
       l.issuing_authority || '，有效期 ' || coalesce(to_char(l.valid_from, 'YYYY-MM-DD'), '—') || ' 至 '
	       || coalesce(to_char(l.valid_to, 'YYYY-MM-DD'), '长期'),
       'supervision', l.source_system, l.loaded_at, 'supervision.licence', l.id
  FROM supervision.licence l JOIN core.licence_kind k ON k.code = l.licence_kind_code
-- inspections and results (检查)
UNION ALL
SELECT t.entity_id, 'inspection',
       coalesce(r.inspected_on, t.inspected_to, t.inspected_from, t.dispatched_at::date, t.created_at::date),
       '双随机抽查', t.task_no || coalesce('：' || rc.name, ''),
       CASE t.status WHEN 'pending' THEN '待派发' WHEN 'dispatched' THEN '已派发' WHEN 'inspecting' THEN '检查中'
	       WHEN 'done' THEN '已完成' ELSE '已取消' END,
       coalesce(r.findings, t.cancel_reason), 'supervision', coalesce(r.source_system, t.source_system),
       coalesce(r.loaded_at, t.loaded_at), 'supervision.inspection_task', t.id
  FROM supervision.inspection_task t
  LEFT JOIN supervision.inspection_result r ON r.task_id = t.id
  LEFT JOIN core.inspection_result_code rc ON rc.code = r.result_code
-- penalties and enforcement (处罚)
UNION ALL
SELECT c.entity_id, 'enforcement', coalesce(c.decided_on, c.filed_on, c.clue_received_on, c.created_at::date),
       '立案调查', c.case_no || '：' || c.cause,
       CASE c.status WHEN 'filed' THEN '已立案' WHEN 'investigating' THEN '调查中' WHEN 'pending_decision' THEN '待决定'
	       WHEN 'decided' THEN '已决定' WHEN 'executed' THEN '已执行' WHEN 'closed' THEN '已结案' ELSE '已撤销' END,
       v.name, 'supervision', c.source_system, c.loaded_at, 'supervision.enforcement_case', c.id
  FROM supervision.enforcement_case c JOIN core.violation_category v ON v.code = c.violation_category_code
UNION ALL
SELECT p.entity_id, 'enforcement', p.decided_on, '行政处罚', p.decision_no || '：' || p.illegal_facts,
       CASE p.status WHEN 'decided' THEN '已决定' WHEN 'executed' THEN '已执行' WHEN 'reconsideration' THEN '复议中'
	       WHEN 'litigation' THEN '诉讼中' ELSE '已撤销' END,
       (SELECT string_agg(k.name || coalesce(' ' || m.amount || ' 元', ''), '；' ORDER BY k.sort_order)
	  FROM supervision.penalty_measure m JOIN core.penalty_kind k ON k.code = m.kind_code
	 WHERE m.penalty_id = p.id),
       'supervision', p.source_system, p.loaded_at, 'supervision.penalty', p.id
  FROM supervision.penalty p
-- complaints and reports about it (投诉举报); a reporter is never named here
UNION ALL
SELECT c.entity_id, 'complaint', c.received_at::date, '投诉', c.complaint_no || coalesce('：' || c.subject, ''),
       CASE c.status WHEN 'registered' THEN '已登记' WHEN 'accepted' THEN '已受理' WHEN 'refused' THEN '不予受理'
	       WHEN 'mediating' THEN '调解中' ELSE '已办结' END,
       coalesce(cc.name || '；', '') || '投诉人 ' || coalesce(c.complainant_name_masked, '—'),
       'rights', c.source_system, c.loaded_at, 'rights.complaint', c.id
  FROM rights.complaint c LEFT JOIN core.complaint_category cc ON cc.code = c.category_code
UNION ALL
SELECT r.entity_id, 'complaint', r.received_at::date, '举报', r.report_no || '：' || left(r.clue, 60),
       CASE r.status WHEN 'registered' THEN '已登记' WHEN 'verifying' THEN '核查中' WHEN 'decided' THEN '已决定'
	       WHEN 'transferred' THEN '已移送' ELSE '已办结' END,
       v.name, 'rights', r.source_system, r.loaded_at, 'rights.report', r.id
  FROM rights.report r LEFT JOIN core.violation_category v ON v.code = r.violation_category_code
-- special equipment (特种设备): elevators it uses or maintains, other equipment
UNION ALL
SELECT e.entity_id, 'equipment', coalesce(e.registered_on, e.commissioned_on), '电梯（使用单位）',
       e.registration_code || ' ' || e.address, core.status_label(e.status),
       '救援识别码 ' || coalesce(e.rescue_code, '—') || '；下次检验 ' || coalesce(to_char(e.next_inspection_due, 'YYYY-MM-DD'), '—')
	       || '；最近维保 ' || coalesce(to_char(e.last_maintained_on, 'YYYY-MM-DD'), '—'),
       'equipment', e.source_system, e.loaded_at, 'equipment.elevator', e.id
  FROM equipment.elevator e
UNION ALL
SELECT e.maintenance_entity_id, 'equipment', coalesce(e.registered_on, e.commissioned_on), '电梯（维保单位）',
       e.registration_code || ' ' || e.address, core.status_label(e.status),
       '最近维保 ' || coalesce(to_char(e.last_maintained_on, 'YYYY-MM-DD'), '—'),
       'equipment', e.source_system, e.loaded_at, 'equipment.elevator', e.id
  FROM equipment.elevator e WHERE e.maintenance_entity_id IS NOT NULL
UNION ALL
SELECT s.entity_id, 'equipment', s.registered_on, s.equipment_name, s.registration_code || ' ' || s.address,
       core.status_label(s.status), '下次检验 ' || coalesce(to_char(s.next_inspection_due, 'YYYY-MM-DD'), '—'),
       'equipment', s.source_system, s.loaded_at, 'equipment.special_equipment', s.id
  FROM equipment.special_equipment s
UNION ALL
SELECT m.entity_id, 'equipment', m.licence_valid_to, '电梯维保单位', coalesce(m.licence_no, '') || ' 值班电话 ' || m.duty_phone,
       core.status_label(m.status), m.service_area, 'equipment', m.source_system, m.loaded_at,
       'equipment.maintenance_unit', m.id
  FROM equipment.maintenance_unit m
-- food and drug safety (食药)
UNION ALL
SELECT l.entity_id, 'fooddrug', l.issued_on, CASE l.kind WHEN 'production' THEN '食品生产许可' ELSE '食品经营许可' END,
       l.licence_no || ' ' || l.premises_address, core.status_label(l.status),
       coalesce(l.business_items, '') || '；有效期至 ' || to_char(l.valid_to, 'YYYY-MM-DD'),
       'fooddrug', l.source_system, l.loaded_at, 'fooddrug.food_licence', l.id
  FROM fooddrug.food_licence l
UNION ALL
SELECT l.entity_id, 'fooddrug', l.issued_on,
       CASE l.product_domain WHEN 'drug' THEN '药品许可' WHEN 'cosmetic' THEN '化妆品许可' ELSE '医疗器械许可备案' END,
       l.licence_no || ' ' || l.premises_address, core.status_label(l.status), l.business_scope,
       'fooddrug', l.source_system, l.loaded_at, 'fooddrug.pharma_licence', l.id
  FROM fooddrug.pharma_licence l
UNION ALL
SELECT s.entity_id, 'fooddrug', s.sampled_on, '抽样检验', s.sample_no || ' ' || s.sample_name,
       CASE s.result WHEN 'pass' THEN '合格' WHEN 'fail' THEN '不合格' ELSE '待检' END,
       coalesce('不合格项目：' || s.unqualified_items, s.testing_body), 'fooddrug', s.source_system, s.loaded_at,
       'fooddrug.sampling', s.id
  FROM fooddrug.sampling s
UNION ALL
SELECT a.entity_id, 'fooddrug', a.reported_on, '不良反应（事件）报告', a.report_no || ' ' || a.product_name,
       CASE a.severity WHEN 'general' THEN '一般' WHEN 'serious' THEN '严重' ELSE '死亡' END,
       a.reaction, 'fooddrug', a.source_system, a.loaded_at, 'fooddrug.adverse_reaction', a.id
  FROM fooddrug.adverse_reaction a WHERE a.entity_id IS NOT NULL
UNION ALL
SELECT a.holder_entity_id, 'fooddrug', a.reported_on, '不良反应（事件）涉及产品', a.report_no || ' ' || a.product_name,
       CASE a.severity WHEN 'general' THEN '一般' WHEN 'serious' THEN '严重' ELSE '死亡' END,
       a.reaction, 'fooddrug', a.source_system, a.loaded_at, 'fooddrug.adverse_reaction', a.id
  FROM fooddrug.adverse_reaction a
 WHERE a.holder_entity_id IS NOT NULL AND a.holder_entity_id IS DISTINCT FROM a.entity_id
-- credit (信用)
UNION ALL
SELECT a.entity_id, 'credit', a.listed_on, '经营异常名录',
       CASE a.list_reason WHEN 'no_annual_report' THEN '未按规定报送年度报告'
	       WHEN 'not_publicized_on_order' THEN '未按责令期限公示有关企业信息'
	       WHEN 'false_publicity' THEN '公示企业信息隐瞒真实情况、弄虚作假'
	       ELSE '通过登记的住所或者经营场所无法联系' END,
       CASE WHEN a.removed_on IS NULL THEN '在列' ELSE '已移出' END,
       coalesce('移出日期 ' || to_char(a.removed_on, 'YYYY-MM-DD'), a.list_decision_no),
       'credit', a.source_system, a.loaded_at, 'credit.abnormal_operation', a.id
  FROM credit.abnormal_operation a
UNION ALL
SELECT s.entity_id, 'credit', s.listed_on, '严重违法失信名单', s.decision_no || '：' || s.reason,
       CASE WHEN s.removed_on IS NULL THEN '在列' ELSE '已移出' END,
       '公示至 ' || to_char(s.publicity_until, 'YYYY-MM-DD') || '；' || s.legal_basis,
       'credit', s.source_system, s.loaded_at, 'credit.serious_violation', s.id
  FROM credit.serious_violation s
UNION ALL
SELECT r.entity_id, 'credit', r.awarded_on, '表彰奖励', r.title, '', r.awarding_body,
       'credit', r.source_system, r.loaded_at, 'credit.reward', r.id
  FROM credit.reward r
UNION ALL
SELECT r.entity_id, 'credit', r.announced_on, CASE r.kind WHEN 'voluntary' THEN '主动召回' ELSE '责令召回' END,
       r.recall_no || ' ' || r.product_name, CASE WHEN r.completed_on IS NULL THEN '召回中' ELSE '已完成' END,
       r.defect, 'credit', r.source_system, r.loaded_at, 'credit.recall', r.id
  FROM credit.recall r
UNION ALL
SELECT a.entity_id, 'credit', a.submitted_on, '年度报告', a.year || ' 年度', CASE WHEN a.on_time THEN '按时' ELSE '逾期' END,
       NULL, 'credit', a.source_system, a.loaded_at, 'credit.annual_report', a.id
  FROM credit.annual_report a
-- key products (产品)
UNION ALL
SELECT p.entity_id, 'product', p.loaded_at::date, k.name, p.product_name || coalesce('（' || p.brand || '）', ''), '',
       p.production_address, 'product', p.source_system, p.loaded_at, 'product.entity_product', p.id
  FROM product.entity_product p JOIN product.key_product_catalog k ON k.code = p.catalog_code
UNION ALL
SELECT p.entity_id, 'product', p.issued_on, '工业产品生产许可', p.licence_no || ' ' || p.product_name,
       core.status_label(p.status), '有效期至 ' || to_char(p.valid_to, 'YYYY-MM-DD'),
       'product', p.source_system, p.loaded_at, 'product.licensed_product', p.id
  FROM product.licensed_product p
UNION ALL
SELECT c.entity_id, 'product', c.issued_on, '强制性产品认证（CCC）', c.certificate_no || ' ' || c.product_name,
       core.status_label(c.status), '有效期至 ' || to_char(c.valid_to, 'YYYY-MM-DD'),
       'product', c.source_system, c.loaded_at, 'product.ccc_certificate', c.id
  FROM product.ccc_certificate c
UNION ALL
SELECT m.entity_id, 'product', m.registered_on, '强制检定计量器具', k.name || ' ' || m.factory_no,
       core.status_label(m.status), '下次检定 ' || coalesce(to_char(m.next_due_on, 'YYYY-MM-DD'), '—'),
       'product', m.source_system, m.loaded_at, 'product.measuring_instrument', m.id
  FROM product.measuring_instrument m JOIN core.instrument_kind k ON k.code = m.instrument_kind_code
-- price and fees (价费)
UNION ALL
SELECT g.entity_id, 'price', g.effective_from,
       CASE g.pricing_form WHEN 'government_set' THEN '政府定价' ELSE '政府指导价' END,
       g.item_name || ' ' || coalesce(g.price::text, g.price_lower || '–' || g.price_upper) || ' ' || g.unit,
       CASE WHEN g.effective_to IS NULL OR g.effective_to >= current_date THEN '执行中' ELSE '已停止' END,
       g.approval_doc_no, 'price', g.source_system, g.loaded_at, 'price.government_price', g.id
  FROM price.government_price g WHERE g.entity_id IS NOT NULL
UNION ALL
SELECT f.entity_id, 'price', f.effective_from, '收费项目', f.name || ' ' || f.standard,
       CASE WHEN f.effective_to IS NULL OR f.effective_to >= current_date THEN '执行中' ELSE '已停止' END,
       f.basis_doc, 'price', f.source_system, f.loaded_at, 'price.fee_item', f.id
  FROM price.fee_item f WHERE f.entity_id IS NOT NULL
UNION ALL
SELECT i.entity_id, 'price', i.inspected_to, '收费检查', i.inspection_no || coalesce('：' || i.conclusion, ''),
       CASE WHEN i.violation_found THEN '发现违法' ELSE '未发现违法' END,
       coalesce('违法金额 ' || i.illegal_amount || ' 元', i.items_checked), 'price', i.source_system, i.loaded_at,
       'price.fee_inspection', i.id
  FROM price.fee_inspection i
UNION ALL
SELECT m.entity_id, 'price', m.loaded_at::date, '价格监测点', m.code || ' ' || m.name,
       CASE WHEN m.active THEN '在用' ELSE '停用' END, m.address, 'price', m.source_system, m.loaded_at,
       'price.monitoring_point', m.id
  FROM price.monitoring_point m
-- intellectual property (知识产权)
UNION ALL
SELECT t.entity_id, 'ip', coalesce(t.registered_on, t.applied_on), '注册商标',
       t.mark_name || '（第 ' || t.nice_class || ' 类，注册号 ' || t.reg_no || '）',
       CASE t.status WHEN 'pending' THEN '申请中' WHEN 'registered' THEN '已注册' ELSE core.status_label(t.status) END,
       CASE WHEN t.well_known THEN '驰名商标；' ELSE '' END || '有效期至 ' || coalesce(to_char(t.valid_to, 'YYYY-MM-DD'), '—'),
       'ip', t.source_system, t.loaded_at, 'ip.trademark', t.id
  FROM ip.trademark t
UNION ALL
SELECT p.entity_id, 'ip', coalesce(p.granted_on, p.applied_on),
       CASE p.kind WHEN 'invention' THEN '发明专利' WHEN 'utility_model' THEN '实用新型专利' ELSE '外观设计专利' END,
       p.patent_no || ' ' || p.title,
       CASE p.status WHEN 'pending' THEN '申请中' WHEN 'valid' THEN '有效' ELSE core.status_label(p.status) END,
       CASE WHEN p.pledged THEN '已质押' END, 'ip', p.source_system, p.loaded_at, 'ip.patent', p.id
  FROM ip.patent p
UNION ALL
SELECT u.entity_id, 'ip', u.approved_on, '地理标志使用', g.name, CASE WHEN u.revoked_on IS NULL THEN '有效' ELSE '已撤销' END,
       g.protected_area, 'ip', u.source_system, u.loaded_at, 'ip.gi_user', u.id
  FROM ip.gi_user u JOIN ip.geographical_indication g ON g.id = u.gi_id
UNION ALL
SELECT g.entity_id, 'ip', g.approved_on, '地理标志（申请人）', g.name, '', g.protected_area,
       'ip', g.source_system, g.loaded_at, 'ip.geographical_indication', g.id
  FROM ip.geographical_indication g WHERE g.entity_id IS NOT NULL
-- quality infrastructure (质量基础)
UNION ALL
SELECT m.entity_id, 'nqi', m.approved_on, '计量标准', m.certificate_no || ' ' || m.name, core.status_label(m.status),
       '有效期至 ' || to_char(m.valid_to, 'YYYY-MM-DD'), 'nqi', m.source_system, m.loaded_at,
       'nqi.measurement_standard', m.id
  FROM nqi.measurement_standard m
UNION ALL
SELECT t.entity_id, 'nqi', t.approved_on, '计量器具型式批准', t.approval_no || ' ' || t.instrument_name || ' ' || t.model,
       '', t.accuracy_class, 'nqi', t.source_system, t.loaded_at, 'nqi.type_approval', t.id
  FROM nqi.type_approval t
UNION ALL
SELECT s.entity_id, 'nqi', s.issued_on, '企业标准', s.code || ' ' || s.title,
       CASE WHEN s.abolished_on IS NULL THEN '现行' ELSE '废止' END, s.issuing_body, 'nqi', s.source_system, s.loaded_at,
       'nqi.standard', s.id
  FROM nqi.standard s WHERE s.entity_id IS NOT NULL
UNION ALL
SELECT d.entity_id, 'nqi', d.declared_on, '标准自我声明', s.code || ' ' || d.product_name,
       CASE WHEN d.withdrawn_on IS NULL THEN '有效' ELSE '已撤回' END, s.title, 'nqi', d.source_system, d.loaded_at,
       'nqi.standard_declaration', d.id
  FROM nqi.standard_declaration d JOIN nqi.standard s ON s.id = d.standard_id
UNION ALL
SELECT l.entity_id, 'nqi', l.approved_on, '检验检测机构资质认定', l.cma_no || ' ' || l.name, core.status_label(l.status),
       coalesce(l.cnas_no || '；', '') || '有效期至 ' || to_char(l.valid_to, 'YYYY-MM-DD'),
       'nqi', l.source_system, l.loaded_at, 'nqi.lab', l.id
  FROM nqi.lab l
UNION ALL
SELECT c.entity_id, 'nqi', c.issued_on, '认证证书', c.certificate_no || ' ' || c.scheme, core.status_label(c.status),
       b.name || '；有效期至 ' || to_char(c.valid_to, 'YYYY-MM-DD'), 'nqi', c.source_system, c.loaded_at,
       'nqi.certificate', c.id
  FROM nqi.certificate c JOIN nqi.certification_body b ON b.id = c.body_id
-- social co-governance (社会共治)
UNION ALL
SELECT k.entity_id, 'cogov', k.joined_on, '明厨亮灶',
       CASE k.mode WHEN 'glass' THEN '透明玻璃' WHEN 'video' THEN '视频展示' ELSE '互联网展示' END
	       || coalesce('，摄像头 ' || k.camera_count || ' 个', ''),
       core.status_label(k.status), coalesce('最近检查 ' || to_char(k.last_checked_on, 'YYYY-MM-DD'), k.platform_url),
       'cogov', k.source_system, k.loaded_at, 'cogov.open_kitchen', k.id
  FROM cogov.open_kitchen k
UNION ALL
SELECT m.entity_id, 'cogov', m.loaded_at::date, '农贸市场（开办者）', m.code || ' ' || m.name, core.status_label(m.status),
       m.address || coalesce('；' || m.star_rating || ' 星', ''), 'cogov', m.source_system, m.loaded_at,
       'cogov.farmers_market', m.id
  FROM cogov.farmers_market m
UNION ALL
SELECT q.entity_id, 'cogov', q.tested_at::date, '快检', q.test_no || ' ' || q.sample_name || ' ' || q.test_item,
       CASE q.result WHEN 'negative' THEN '阴性' ELSE '阳性' END, q.disposal, 'cogov', q.source_system, q.loaded_at,
       'cogov.quick_test', q.id
  FROM cogov.quick_test q
UNION ALL
SELECT m.entity_id, 'cogov', i.inspected_on, '农贸市场检查', m.name || coalesce(' ' || i.score || ' 分', ''),
       CASE WHEN i.problems IS NULL THEN '无问题' WHEN i.rectified_on IS NULL THEN '待整改' ELSE '已整改' END,
       i.problems, 'cogov', i.source_system, i.loaded_at, 'cogov.market_inspection', i.id
  FROM cogov.market_inspection i JOIN cogov.farmers_market m ON m.id = i.market_id;
COMMENT ON VIEW api.entity_fact IS '市场主体在各主题库中的全部事实（360° 画像各页签的行），按调用者的权限和数据范围';
COMMENT ON COLUMN api.entity_fact.entity_id IS '市场主体';
COMMENT ON COLUMN api.entity_fact.tab IS '页签：registration 登记，licence 许可，inspection 检查，enforcement 处罚，complaint 投诉举报，equipment 特种设备，fooddrug 食药，credit 信用，product 产品，price 价费，ip 知识产权，nqi 质量基础，cogov 社会共治';
COMMENT ON COLUMN api.entity_fact.fact_on IS '事实发生日期（排序用，新的在前）';
COMMENT ON COLUMN api.entity_fact.category IS '类别';
COMMENT ON COLUMN api.entity_fact.summary IS '内容摘要';
COMMENT ON COLUMN api.entity_fact.status IS '状态';
COMMENT ON COLUMN api.entity_fact.detail IS '详情';
COMMENT ON COLUMN api.entity_fact.theme IS '来源主题库（模式名）';
COMMENT ON COLUMN api.entity_fact.source_system IS '来源系统';
COMMENT ON COLUMN api.entity_fact.loaded_at IS '入库时间';
COMMENT ON COLUMN api.entity_fact.ref_table IS '来源表';
COMMENT ON COLUMN api.entity_fact.ref_id IS '来源表中的编号';
GRANT SELECT ON api.entity_fact TO smcon_staff;
GRANT EXECUTE ON FUNCTION core.status_label(text) TO smcon_staff;
