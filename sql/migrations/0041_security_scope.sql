-- 0041 security: the pieces every later security rule calls. The two
-- personal columns 0040 missed are catalogued and masked; the scope function
-- becomes cheap enough to run once per query; helpers say who the caller is
-- (always from session_user, so SET ROLE cannot borrow an identity).

-- ---------------------------------------------------------------------------
-- Personal data: ID numbers of natural persons who are parties to a case.

INSERT INTO meta.personal_column VALUES
	('supervision', 'enforcement_case', 'party_id_no', 'id_no', 'party_id_no_masked'),
	('supervision', 'penalty', 'party_id_no', 'id_no', 'party_id_no_masked');
ALTER TABLE supervision.enforcement_case
	ADD COLUMN party_id_no_masked text GENERATED ALWAYS AS (core.mask_id_no(party_id_no)) STORED;
ALTER TABLE supervision.penalty
	ADD COLUMN party_id_no_masked text GENERATED ALWAYS AS (core.mask_id_no(party_id_no)) STORED;
COMMENT ON COLUMN supervision.enforcement_case.party_id_no_masked IS '自然人当事人身份证件号码（个人信息）（脱敏）';
COMMENT ON COLUMN supervision.penalty.party_id_no_masked IS '自然人当事人身份证件号码（个人信息）（脱敏）';
REVOKE SELECT (party_id_no) ON supervision.enforcement_case, supervision.penalty FROM smcon_staff;
GRANT SELECT (party_id_no_masked) ON supervision.enforcement_case, supervision.penalty TO smcon_staff;

-- ---------------------------------------------------------------------------
-- The scope function, again: same answer as 0040, but read from a table
-- that keeps each active operator's scope, so that a call is one index
-- lookup (about 6 µs; computing it from the org tree took 20 µs, and the SQL
-- version of 0040 re-planned its body on every query, 0.3–0.7 ms). Policies
-- call it as an InitPlan ((SELECT api.my_orgs())::bigint[]): once per table
-- per query, and the result is an index runtime key. Invoker's rights: every
-- operator may read core.staff_scope, and the function trusts nothing but
-- session_user, so SET ROLE cannot borrow a scope.

CREATE TABLE core.staff_scope (
	login text PRIMARY KEY REFERENCES core.staff (login) ON UPDATE CASCADE ON DELETE CASCADE,
	org_ids bigint[] NOT NULL
);
COMMENT ON TABLE core.staff_scope IS '在岗职员的数据范围（可见记录的机构），由职员和机构的变动自动维护';
COMMENT ON COLUMN core.staff_scope.login IS '数据库登录名';
COMMENT ON COLUMN core.staff_scope.org_ids IS '可见记录的机构编号（市局全部，区局本局及所属各所，所本所及本区局）';

-- The scope of one org unit's staff, from the org tree.
CREATE FUNCTION core.org_scope(org bigint) RETURNS bigint[]
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT coalesce(array_agg(o.id ORDER BY o.id), '{}')
	  FROM core.org_unit me
	  JOIN core.org_unit o
	    ON me.level = 'city'
	    OR (me.level = 'district' AND (o.id = me.id OR o.parent_id = me.id))
	    OR (me.level = 'station' AND (o.id = me.id OR o.id = me.parent_id))
	 WHERE me.id = org
$$;
COMMENT ON FUNCTION core.org_scope(bigint) IS '某机构职员的数据范围（机构编号数组）';

-- Recomputes core.staff_scope for the given logins (NULL: everyone).
CREATE FUNCTION core.refresh_staff_scope(logins text[]) RETURNS void
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
AS $$
	DELETE FROM core.staff_scope c WHERE logins IS NULL OR c.login = ANY (logins);
	INSERT INTO core.staff_scope (login, org_ids)
	SELECT s.login, core.org_scope(s.org_unit_id)
	  FROM core.staff s
	 WHERE s.status = 'active' AND (logins IS NULL OR s.login = ANY (logins));
$$;
COMMENT ON FUNCTION core.refresh_staff_scope(text[]) IS '重算职员的数据范围（参数为空时全部重算）';

CREATE FUNCTION core.staff_scope_follow() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF TG_TABLE_NAME = 'org_unit' THEN
		PERFORM core.refresh_staff_scope(NULL);
	ELSIF TG_OP <> 'DELETE' THEN
		PERFORM core.refresh_staff_scope(ARRAY[NEW.login]);
	END IF;
	RETURN NULL;
END $$;
COMMENT ON FUNCTION core.staff_scope_follow() IS '触发器：职员的机构、状态或机构树变动时重算数据范围';
CREATE TRIGGER staff_scope_follow AFTER INSERT OR UPDATE OF login, org_unit_id, status ON core.staff
	FOR EACH ROW EXECUTE FUNCTION core.staff_scope_follow();
CREATE TRIGGER staff_scope_follow AFTER INSERT OR UPDATE OF parent_id, level OR DELETE ON core.org_unit
	FOR EACH STATEMENT EXECUTE FUNCTION core.staff_scope_follow();
SELECT core.refresh_staff_scope(NULL);
GRANT SELECT ON core.staff_scope TO smcon_staff;
REVOKE ALL ON FUNCTION core.org_scope(bigint), core.refresh_staff_scope(text[]), core.staff_scope_follow()
	FROM PUBLIC;

-- Called once per scoped table in every query (an InitPlan). SELECT … INTO
-- keeps the cached plan, about 4 µs; `RETURN coalesce((SELECT …), '{}')` is
-- no simple expression to PL/pgSQL and started the executor afresh on every
-- call, about 48 µs, which was the whole of row-level security's cost in a
-- profile query over six scoped tables.
CREATE OR REPLACE FUNCTION api.my_orgs() RETURNS bigint[]
LANGUAGE plpgsql STABLE SECURITY INVOKER PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	orgs bigint[];
BEGIN
	SELECT c.org_ids INTO orgs FROM core.staff_scope c WHERE c.login = session_user;
	RETURN coalesce(orgs, '{}');
END $$;

-- ---------------------------------------------------------------------------
-- Who is calling. Used by the api functions (SECURITY DEFINER, so
-- current_user is the owner there; session_user is the operator).

-- Whether the session's login holds a group role ('clerk' or 'smcon_clerk').
CREATE FUNCTION core.caller_has(grp text) RETURNS boolean
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT EXISTS (SELECT 1 FROM pg_roles r
	                WHERE r.rolname = CASE WHEN grp LIKE 'smcon\_%' THEN grp ELSE 'smcon_' || grp END
	                  AND pg_has_role(session_user, r.oid, 'MEMBER'))
$$;
COMMENT ON FUNCTION core.caller_has(text) IS '当前登录账号是否属于某个角色（clerk 或 smcon_clerk 均可）';

-- The caller's active staff record: id, org unit and its district bureau.
-- Raises insufficient_privilege (42501) for a login without one.
CREATE FUNCTION core.caller_staff(OUT staff_id bigint, OUT org_id bigint, OUT district_id bigint,
                                  OUT org_level text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	SELECT s.id, s.org_unit_id, core.org_district(s.org_unit_id), o.level
	  INTO staff_id, org_id, district_id, org_level
	  FROM core.staff s JOIN core.org_unit o ON o.id = s.org_unit_id
	 WHERE s.login = session_user AND s.status = 'active';
	IF staff_id IS NULL THEN
		RAISE EXCEPTION '账号 % 没有在岗的职员档案', session_user USING ERRCODE = 'insufficient_privilege';
	END IF;
END $$;
COMMENT ON FUNCTION core.caller_staff() IS '当前登录账号的在岗职员档案（编号、机构、所属区局、层级）；没有时报权限错误';

-- Raises insufficient_privilege unless the caller holds one of the groups.
CREATE FUNCTION core.require_role(VARIADIC groups text[]) RETURNS void
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM unnest(groups) g WHERE core.caller_has(g)) THEN
		RAISE EXCEPTION '权限不足：需要以下角色之一：%', array_to_string(groups, '、')
			USING ERRCODE = 'insufficient_privilege';
	END IF;
END $$;
COMMENT ON FUNCTION core.require_role(text[]) IS '当前账号不属于所列任一角色时报权限错误';

REVOKE ALL ON FUNCTION core.caller_has(text), core.caller_staff(), core.require_role(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION core.caller_has(text), core.caller_staff(), core.require_role(text[]) TO smcon_staff;
