-- 0065 An inspection plan's list of candidates: entities an inspector or a
-- supervisor puts forward from the profile (双随机 plans draw from the
-- directory of inspectable entities; a candidate list lets a plan also
-- name the ones the bureau has in mind, e.g. after complaints). The list
-- carries the plan's org_id (held equal to it by a composite foreign key),
-- which row-level security compares with the caller's scope; rows are
-- written only through api.plan_candidate_add(), which checks the role,
-- the staff record, the scope, the plan's state and the entity's.

CREATE TABLE supervision.plan_candidate (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	plan_id bigint NOT NULL,
	org_id bigint NOT NULL,
	entity_id bigint NOT NULL REFERENCES core.entity (id),
	added_by_staff_id bigint NOT NULL REFERENCES core.staff (id),
	added_at timestamptz NOT NULL DEFAULT now(),
	note text,
	source_system text NOT NULL DEFAULT 'smcon' CHECK (core.present(source_system)),
	loaded_at timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT plan_candidate_once UNIQUE (plan_id, entity_id),
	FOREIGN KEY (plan_id, org_id) REFERENCES supervision.inspection_plan (id, org_id)
		ON UPDATE CASCADE ON DELETE CASCADE
);
COMMENT ON TABLE supervision.plan_candidate IS '抽查计划的候选对象名单（从主体画像提出，经 api.plan_candidate_add() 写入）';
COMMENT ON COLUMN supervision.plan_candidate.id IS '内部编号';
COMMENT ON COLUMN supervision.plan_candidate.plan_id IS '抽查计划';
COMMENT ON COLUMN supervision.plan_candidate.org_id IS '制定计划的机构（与计划一致，数据范围用）';
COMMENT ON COLUMN supervision.plan_candidate.entity_id IS '候选主体';
COMMENT ON COLUMN supervision.plan_candidate.added_by_staff_id IS '提出人';
COMMENT ON COLUMN supervision.plan_candidate.added_at IS '提出时间';
COMMENT ON COLUMN supervision.plan_candidate.note IS '提出理由';
COMMENT ON COLUMN supervision.plan_candidate.source_system IS '来源系统';
COMMENT ON COLUMN supervision.plan_candidate.loaded_at IS '入库时间';
CREATE INDEX plan_candidate_plan_fk_idx ON supervision.plan_candidate (plan_id, org_id);
CREATE INDEX plan_candidate_org_id_idx ON supervision.plan_candidate (org_id);
CREATE INDEX plan_candidate_entity_id_idx ON supervision.plan_candidate (entity_id);
CREATE INDEX plan_candidate_added_by_staff_id_idx ON supervision.plan_candidate (added_by_staff_id);

ALTER TABLE supervision.plan_candidate ENABLE ROW LEVEL SECURITY;
CREATE POLICY plan_candidate_scope ON supervision.plan_candidate FOR SELECT TO smcon_staff
	USING (org_id = ANY (api.my_orgs()));
GRANT SELECT ON supervision.plan_candidate TO smcon_staff;

-- The plans in the caller's scope that still take candidates.
CREATE FUNCTION api.entity_plans()
RETURNS TABLE (plan_no text, title text, year smallint, kind text, status text, org_name text, candidates bigint)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
	RETURN QUERY
	SELECT p.plan_no, p.title, p.year,
	       CASE p.kind WHEN 'random' THEN '双随机' WHEN 'joint' THEN '联合抽查' WHEN 'key' THEN '重点检查' ELSE '专项检查' END,
	       CASE p.status WHEN 'draft' THEN '草稿' WHEN 'filed' THEN '已备案' ELSE '执行中' END,
	       o.short_name,
	       (SELECT count(*) FROM supervision.plan_candidate c WHERE c.plan_id = p.id)
	  FROM supervision.inspection_plan p
	  JOIN core.org_unit o ON o.id = p.org_id
	 WHERE p.org_id = ANY (api.my_orgs()) AND p.status IN ('draft', 'filed', 'in_progress')
	 ORDER BY p.year DESC, p.plan_no;
END $$;
COMMENT ON FUNCTION api.entity_plans() IS '本人数据范围内还可加入候选对象的抽查计划';

-- Puts an entity on a plan's candidate list. Returns the new row's id.
CREATE FUNCTION api.plan_candidate_add(plan_no text, code text, note text DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	me bigint;
	p supervision.inspection_plan;
	eid bigint;
	gone boolean;
	new_id bigint;
BEGIN
	IF NOT (pg_has_role(session_user, 'smcon_inspector', 'MEMBER')
	        OR pg_has_role(session_user, 'smcon_supervisor', 'MEMBER')) THEN
		RAISE EXCEPTION '只有执法检查员和负责人可以把主体加入检查计划' USING ERRCODE = 'insufficient_privilege';
	END IF;
	SELECT s.id INTO me FROM core.staff s WHERE s.login = session_user AND s.status = 'active';
	IF me IS NULL THEN
		RAISE EXCEPTION '账号 % 没有在职的职员记录', session_user USING ERRCODE = 'insufficient_privilege';
	END IF;
	SELECT * INTO p FROM supervision.inspection_plan x WHERE x.plan_no = plan_candidate_add.plan_no;
	IF p.id IS NULL THEN
		RAISE EXCEPTION '没有编号为 % 的抽查计划', plan_candidate_add.plan_no USING ERRCODE = 'no_data_found';
	END IF;
	IF NOT p.org_id = ANY (api.my_orgs()) THEN
		RAISE EXCEPTION '抽查计划 % 不在您的数据范围内', p.plan_no USING ERRCODE = 'insufficient_privilege';
	END IF;
	IF p.status NOT IN ('draft', 'filed', 'in_progress') THEN
		RAISE EXCEPTION '抽查计划 % 已结束或已取消，不能再加入候选对象', p.plan_no
			USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	SELECT e.id, s.terminated INTO eid, gone
	  FROM core.entity e JOIN core.entity_status s ON s.code = e.status
	 WHERE e.uscc = core.uscc_normalize(plan_candidate_add.code);
	IF eid IS NULL THEN
		RAISE EXCEPTION '没有统一社会信用代码为 % 的主体', core.uscc_normalize(plan_candidate_add.code) USING ERRCODE = 'no_data_found';
	END IF;
	IF gone THEN
		RAISE EXCEPTION '主体 % 已注销或被撤销，不能列入检查', core.uscc_normalize(plan_candidate_add.code) USING ERRCODE = 'check_violation';
	END IF;
	BEGIN
		INSERT INTO supervision.plan_candidate (plan_id, org_id, entity_id, added_by_staff_id, note)
		VALUES (p.id, p.org_id, eid, me, nullif(btrim(plan_candidate_add.note), ''))
		RETURNING id INTO new_id;
	EXCEPTION WHEN unique_violation THEN
		RAISE EXCEPTION '主体 % 已在抽查计划 % 的候选名单中', core.uscc_normalize(plan_candidate_add.code), p.plan_no
			USING ERRCODE = 'unique_violation';
	END;
	RETURN new_id;
END $$;
COMMENT ON FUNCTION api.plan_candidate_add(text, text, text) IS
	'把主体加入抽查计划的候选对象名单：限执法检查员和负责人，计划须在本人数据范围内且未结束';

REVOKE ALL ON FUNCTION api.entity_plans(), api.plan_candidate_add(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.entity_plans(), api.plan_candidate_add(text, text, text) TO smcon_staff;
