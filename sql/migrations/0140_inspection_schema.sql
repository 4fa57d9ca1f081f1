-- 0140 双随机、一公开 as a working cycle (issue 13): what the plans, draws,
-- tasks and results need beyond the tables of 0013.
--
-- - A plan gains a state 'drawn' (draft → filed → drawn → in_progress →
--   finished, or cancelled), an inspection window inside its year, a scope
--   (org units, entity types, industry code prefixes; empty = the plan's
--   whole area) and how many months back an inspection under the same item
--   excludes an entity.
-- - An item names the inspectors' specialty it needs (NULL: any).
-- - A draw records its algorithm version, where its seed came from and the
--   SHA-256 of its frozen candidate snapshot. The snapshot itself is kept in
--   supervision.draw_candidate (one row per candidate, each with a digest of
--   its own fields), the inspector pool in supervision.draw_pool (who could
--   be drawn, and for which entities each one was barred): together with the
--   seed they are everything the draw is a function of, so anyone can replay
--   it (api.plan_verify).
-- - Inspectors' leave (supervision.inspector_leave) keeps them out of draws
--   whose window it overlaps.
-- - A result has a version, a second inspector's confirmation and a
--   proposal for the abnormal-operation list; an edit after confirmation
--   keeps the confirmed text in supervision.inspection_result_version.

CREATE EXTENSION IF NOT EXISTS pgcrypto SCHEMA core;

-- ---------------------------------------------------------------------------
-- Plans

ALTER TABLE supervision.inspection_plan DROP CONSTRAINT inspection_plan_status_check;
ALTER TABLE supervision.inspection_plan ADD CONSTRAINT inspection_plan_status_check
	CHECK (status IN ('draft', 'filed', 'drawn', 'in_progress', 'finished', 'cancelled'));
ALTER TABLE supervision.inspection_plan DROP CONSTRAINT inspection_plan_check;
ALTER TABLE supervision.inspection_plan ADD CONSTRAINT inspection_plan_filed_dated
	CHECK (status NOT IN ('filed', 'drawn', 'in_progress', 'finished') OR filed_at IS NOT NULL);
COMMENT ON COLUMN supervision.inspection_plan.status IS
	'状态：draft 草拟，filed 已备案，drawn 已抽取，in_progress 实施中，finished 已完成，cancelled 已撤销';

ALTER TABLE supervision.inspection_plan
	ADD COLUMN window_from date,
	ADD COLUMN window_to date,
	ADD COLUMN scope_org_ids bigint[] NOT NULL DEFAULT '{}',
	ADD COLUMN scope_entity_types text[] NOT NULL DEFAULT '{}',
	ADD COLUMN scope_industries text[] NOT NULL DEFAULT '{}',
	ADD COLUMN recent_months smallint NOT NULL DEFAULT 12 CHECK (recent_months BETWEEN 0 AND 60),
	ADD COLUMN cancel_reason text,
	ADD CONSTRAINT inspection_plan_window_order CHECK (window_from <= window_to),
	ADD CONSTRAINT inspection_plan_window_in_year
		CHECK (extract(year FROM window_from) = year AND extract(year FROM window_to) = year);
COMMENT ON COLUMN supervision.inspection_plan.window_from IS '检查实施期自（须在计划年度内）';
COMMENT ON COLUMN supervision.inspection_plan.window_to IS '检查实施期至（须在计划年度内）';
COMMENT ON COLUMN supervision.inspection_plan.scope_org_ids IS '抽查范围：区局或监管所（空为计划机构的全部辖区）';
COMMENT ON COLUMN supervision.inspection_plan.scope_entity_types IS '抽查范围：主体类型代码（空为不限）';
COMMENT ON COLUMN supervision.inspection_plan.scope_industries IS '抽查范围：国民经济行业代码前缀（空为不限）';
COMMENT ON COLUMN supervision.inspection_plan.recent_months IS '近若干个月内已按同一事项检查过的主体不再抽取（月数）';
COMMENT ON COLUMN supervision.inspection_plan.cancel_reason IS '撤销理由';
GRANT SELECT (window_from, window_to, scope_org_ids, scope_entity_types, scope_industries, recent_months,
              cancel_reason) ON supervision.inspection_plan TO smcon_staff;

CREATE SEQUENCE supervision.plan_no_seq;
COMMENT ON SEQUENCE supervision.plan_no_seq IS '本系统制定的抽查计划编号的流水号';

ALTER TABLE supervision.inspection_item ADD COLUMN specialty text CHECK (specialty IS NULL OR core.present(specialty));
COMMENT ON COLUMN supervision.inspection_item.specialty IS '检查人员须具备的专业领域（空为不限）';
GRANT SELECT (specialty) ON supervision.inspection_item TO smcon_staff;

-- ---------------------------------------------------------------------------
-- Draws

ALTER TABLE supervision.inspection_draw
	ADD COLUMN algorithm text CHECK (algorithm IN ('v1')),
	ADD COLUMN seed_source text CHECK (seed_source IN ('server', 'external')),
	ADD COLUMN snapshot_sha256 bytea,
	ADD COLUMN parameters jsonb,
	ADD CONSTRAINT inspection_draw_replayable
		CHECK ((algorithm IS NULL) = (seed_source IS NULL) AND (algorithm IS NULL) = (snapshot_sha256 IS NULL)
		       AND (algorithm IS NULL) = (parameters IS NULL)),
	ADD CONSTRAINT inspection_draw_external_witnessed
		CHECK (seed_source IS DISTINCT FROM 'external' OR core.present(witness));
COMMENT ON COLUMN supervision.inspection_draw.algorithm IS '抽取算法版本（v1：按种子与统一社会信用代码的 HMAC-SHA256 排序取配额；空为外部系统的历史抽取，无法复核）';
COMMENT ON COLUMN supervision.inspection_draw.seed_source IS '种子来源：server 服务器当时生成，external 外部公开号码（须有见证人）';
COMMENT ON COLUMN supervision.inspection_draw.snapshot_sha256 IS '冻结快照（候选对象或人员库）按固定顺序的 SHA-256';
COMMENT ON COLUMN supervision.inspection_draw.parameters IS '抽取参数（对象：各层抽查比例%；人员：每项任务人数），复核时照此重算';
GRANT SELECT (algorithm, seed_source, snapshot_sha256, parameters) ON supervision.inspection_draw TO smcon_staff;
CREATE UNIQUE INDEX inspection_draw_once ON supervision.inspection_draw (batch_id, kind) WHERE algorithm IS NOT NULL;

CREATE TABLE supervision.draw_candidate (
	draw_id bigint NOT NULL REFERENCES supervision.inspection_draw (id),
	entity_id bigint NOT NULL,
	uscc text NOT NULL,
	stratum text NOT NULL,
	must_include boolean NOT NULL,
	digest bytea NOT NULL,
	source_system text NOT NULL DEFAULT 'smcon' CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (draw_id, entity_id)
);
COMMENT ON TABLE supervision.draw_candidate IS
	'抽取时冻结的候选对象快照（排除后），抽取结果是种子、快照和算法版本的函数，可据此复核';
COMMENT ON COLUMN supervision.draw_candidate.draw_id IS '抽取记录（抽取对象）';
COMMENT ON COLUMN supervision.draw_candidate.entity_id IS '市场主体编号（快照原值，不随主体变化）';
COMMENT ON COLUMN supervision.draw_candidate.uscc IS '统一社会信用代码（快照原值，参与排序）';
COMMENT ON COLUMN supervision.draw_candidate.stratum IS '所在层（信用风险等级，未分类按 B）';
COMMENT ON COLUMN supervision.draw_candidate.must_include IS '是否必抽（重点事项计划的候选名单）';
COMMENT ON COLUMN supervision.draw_candidate.digest IS '本行各字段的 SHA-256（复核时逐行核对）';
COMMENT ON COLUMN supervision.draw_candidate.source_system IS '来源系统';
COMMENT ON COLUMN supervision.draw_candidate.loaded_at IS '入库时间';
-- which draws an entity was a candidate in (an auditor's question)
CREATE INDEX draw_candidate_entity_id_idx ON supervision.draw_candidate (entity_id);

CREATE TABLE supervision.draw_pool (
	draw_id bigint NOT NULL REFERENCES supervision.inspection_draw (id),
	staff_id bigint NOT NULL REFERENCES core.staff (id),
	barred_entity_ids bigint[] NOT NULL DEFAULT '{}',
	digest bytea NOT NULL,
	PRIMARY KEY (draw_id, staff_id)
);
COMMENT ON TABLE supervision.draw_pool IS
	'抽取检查人员时冻结的人员库：可抽人员及各自须回避的主体（利害关系、上次检查过该主体）';
COMMENT ON COLUMN supervision.draw_pool.draw_id IS '抽取记录（抽取人员）';
COMMENT ON COLUMN supervision.draw_pool.staff_id IS '可抽的检查人员';
COMMENT ON COLUMN supervision.draw_pool.barred_entity_ids IS '本次抽中对象中该人员不得检查的主体编号';
COMMENT ON COLUMN supervision.draw_pool.digest IS '本行各字段的 SHA-256（复核时逐行核对）';
CREATE INDEX draw_pool_staff_id_idx ON supervision.draw_pool (staff_id);

CREATE TABLE supervision.inspector_leave (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	staff_id bigint NOT NULL REFERENCES core.staff (id),
	starts_on date NOT NULL,
	ends_on date NOT NULL,
	reason text NOT NULL CHECK (core.present(reason)),
	source_system text NOT NULL CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	CHECK (starts_on <= ends_on)
);
COMMENT ON TABLE supervision.inspector_leave IS '检查人员休假（外出学习等），与检查实施期重叠的不参加抽取';
COMMENT ON COLUMN supervision.inspector_leave.id IS '内部编号';
COMMENT ON COLUMN supervision.inspector_leave.staff_id IS '检查人员';
COMMENT ON COLUMN supervision.inspector_leave.starts_on IS '开始日期';
COMMENT ON COLUMN supervision.inspector_leave.ends_on IS '结束日期';
COMMENT ON COLUMN supervision.inspector_leave.reason IS '事由（年休假、病假、外出培训）';
COMMENT ON COLUMN supervision.inspector_leave.source_system IS '来源系统';
COMMENT ON COLUMN supervision.inspector_leave.loaded_at IS '入库时间';
CREATE INDEX inspector_leave_staff_id_idx ON supervision.inspector_leave (staff_id, starts_on);

-- ---------------------------------------------------------------------------
-- Results

ALTER TABLE supervision.inspection_result
	ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0),
	ADD COLUMN confirmed_by_staff_id bigint REFERENCES core.staff (id),
	ADD COLUMN confirmed_at timestamptz,
	ADD COLUMN abnormal_proposal text CHECK (abnormal_proposal IN ('proposed', 'confirmed', 'rejected')),
	ADD COLUMN abnormal_decided_by_staff_id bigint REFERENCES core.staff (id),
	ADD COLUMN abnormal_decided_at timestamptz,
	ADD CONSTRAINT inspection_result_confirmed_whole CHECK ((confirmed_at IS NULL) = (confirmed_by_staff_id IS NULL)),
	ADD CONSTRAINT inspection_result_abnormal_decided
		CHECK ((abnormal_proposal IN ('confirmed', 'rejected')) = (abnormal_decided_at IS NOT NULL));
COMMENT ON COLUMN supervision.inspection_result.version IS '版本号（确认后再修改即为新版本，旧版本见 inspection_result_version）';
COMMENT ON COLUMN supervision.inspection_result.confirmed_by_staff_id IS '确认的第二名检查人员';
COMMENT ON COLUMN supervision.inspection_result.confirmed_at IS '确认时间';
COMMENT ON COLUMN supervision.inspection_result.abnormal_proposal IS
	'列入经营异常名录的建议：proposed 待负责人决定，confirmed 已列入，rejected 不予列入';
COMMENT ON COLUMN supervision.inspection_result.abnormal_decided_by_staff_id IS '决定是否列入经营异常名录的负责人';
COMMENT ON COLUMN supervision.inspection_result.abnormal_decided_at IS '决定时间';
GRANT SELECT (version, confirmed_by_staff_id, confirmed_at, abnormal_proposal, abnormal_decided_by_staff_id,
              abnormal_decided_at) ON supervision.inspection_result TO smcon_staff;
CREATE INDEX inspection_result_confirmed_by_staff_id_idx ON supervision.inspection_result (confirmed_by_staff_id);
CREATE INDEX inspection_result_abnormal_decided_by_idx ON supervision.inspection_result (abnormal_decided_by_staff_id);
CREATE INDEX inspection_result_unpublished_idx ON supervision.inspection_result (publish_due_on)
	WHERE published_at IS NULL;

CREATE TABLE supervision.inspection_result_version (
	result_id bigint NOT NULL REFERENCES supervision.inspection_result (id),
	version integer NOT NULL,
	result_code text NOT NULL REFERENCES core.inspection_result_code (code),
	findings text,
	inspected_on date NOT NULL,
	rectification_due_on date,
	entered_at timestamptz NOT NULL,
	entered_by_staff_id bigint REFERENCES core.staff (id),
	confirmed_by_staff_id bigint REFERENCES core.staff (id),
	confirmed_at timestamptz,
	superseded_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (result_id, version)
);
COMMENT ON TABLE supervision.inspection_result_version IS '检查结果确认后被修改时保留的旧版本（从不覆盖）';
COMMENT ON COLUMN supervision.inspection_result_version.result_id IS '检查结果';
COMMENT ON COLUMN supervision.inspection_result_version.version IS '版本号';
COMMENT ON COLUMN supervision.inspection_result_version.result_code IS '该版本的检查结果';
COMMENT ON COLUMN supervision.inspection_result_version.findings IS '该版本的发现问题';
COMMENT ON COLUMN supervision.inspection_result_version.inspected_on IS '该版本的检查完成日期';
COMMENT ON COLUMN supervision.inspection_result_version.rectification_due_on IS '该版本的责令改正期限';
COMMENT ON COLUMN supervision.inspection_result_version.entered_at IS '该版本的录入时间';
COMMENT ON COLUMN supervision.inspection_result_version.entered_by_staff_id IS '该版本的录入人';
COMMENT ON COLUMN supervision.inspection_result_version.confirmed_by_staff_id IS '该版本的确认人';
COMMENT ON COLUMN supervision.inspection_result_version.confirmed_at IS '该版本的确认时间';
COMMENT ON COLUMN supervision.inspection_result_version.superseded_at IS '被新版本取代的时间';
CREATE INDEX inspection_result_version_entered_by_idx ON supervision.inspection_result_version (entered_by_staff_id);
CREATE INDEX inspection_result_version_confirmed_by_idx ON supervision.inspection_result_version (confirmed_by_staff_id);

-- ---------------------------------------------------------------------------
-- Reading, audit

ALTER TABLE supervision.draw_candidate ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision.draw_pool ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision.inspection_result_version ENABLE ROW LEVEL SECURITY;
CREATE POLICY draw_candidate_scope ON supervision.draw_candidate FOR SELECT TO smcon_inspector, smcon_supervisor
	USING (EXISTS (SELECT 1 FROM supervision.inspection_draw d WHERE d.id = draw_id));
CREATE POLICY draw_candidate_all ON supervision.draw_candidate FOR SELECT TO smcon_analyst USING (true);
CREATE POLICY draw_pool_scope ON supervision.draw_pool FOR SELECT TO smcon_inspector, smcon_supervisor
	USING (EXISTS (SELECT 1 FROM supervision.inspection_draw d WHERE d.id = draw_id));
CREATE POLICY draw_pool_all ON supervision.draw_pool FOR SELECT TO smcon_analyst USING (true);
CREATE POLICY inspection_result_version_scope ON supervision.inspection_result_version FOR SELECT
	TO smcon_inspector, smcon_supervisor, smcon_clerk, smcon_handler
	USING (EXISTS (SELECT 1 FROM supervision.inspection_result r WHERE r.id = result_id));
CREATE POLICY inspection_result_version_all ON supervision.inspection_result_version FOR SELECT
	TO smcon_analyst USING (true);
GRANT SELECT ON supervision.draw_candidate, supervision.draw_pool, supervision.inspector_leave,
	supervision.inspection_result_version TO smcon_staff;

-- A snapshot is a million rows written once by the draw: row triggers would
-- double its cost. Its rows are checked by their digests and the draw's
-- snapshot_sha256, which the audited draw row carries.
INSERT INTO audit.unaudited VALUES
	('supervision.draw_candidate',
	 '抽取快照：抽取时一次写入、不再修改；每行带摘要，整体摘要记在已审计的抽取记录中，复核时逐行核对');
SELECT audit.attach('supervision.draw_pool');
SELECT audit.attach('supervision.inspector_leave');
SELECT audit.attach('supervision.inspection_result_version');
