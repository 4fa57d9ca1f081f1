-- 0180 accounts at the edges (issue 10, items 1, 2 and 7).
--
-- Suspension: api.user_suspend ends the account's sessions before its own
-- transaction commits, so a session that slips in between stays. The
-- console's `user suspend` therefore calls api.user_end_sessions() once the
-- suspension has committed: no new session can start then (NOLOGIN is
-- visible, and the smcon_auth module makes a login wait for a role change
-- in flight), and every one left is ended.
--
-- Lock-out: when the module could only make the role NOLOGIN (the login
-- named a database without our functions), the staff record stays active;
-- api.user_resume gives such an account its login back too. The last admin
-- locked out is brought back by the owner: core.break_glass_resume(), audited.
--
-- Admins: an admin may not change their own roles or unit, and granting a
-- role that sees case data (clerk, inspector, handler, dispatcher,
-- supervisor) needs a reason, kept in the audit log with who granted it.

-- Ends the remaining sessions of an account that is not active.
CREATE FUNCTION api.user_end_sessions(p_login text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	s core.staff;
	n int;
BEGIN
	PERFORM core.require_admin();
	s := core.staff_for_update(p_login);
	IF s.status = 'active' AND EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = p_login AND r.rolcanlogin) THEN
		RAISE EXCEPTION '账号 % 在使用中：只能结束停用账号的会话', p_login
			USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	n := core.end_sessions(p_login);
	IF n > 0 THEN
		PERFORM core.audit_admin('user_end_sessions', p_login, jsonb_build_object('sessions_ended', n));
	END IF;
	RETURN n;
END $$;
COMMENT ON FUNCTION api.user_end_sessions(text) IS '结束停用账号仍留着的会话（停用提交之后再调用一次）（系统管理员）';

CREATE OR REPLACE FUNCTION api.user_resume(p_login text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	s core.staff;
BEGIN
	PERFORM core.require_admin();
	s := core.staff_for_update(p_login);
	IF s.status = 'left' THEN
		RAISE EXCEPTION '账号 % 的职员已离职，不能恢复', p_login USING ERRCODE = 'object_not_in_prerequisite_state';
	ELSIF s.status = 'active' AND EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = p_login AND r.rolcanlogin) THEN
		RAISE EXCEPTION '账号 % 已在使用中', p_login USING ERRCODE = 'unique_violation';
	END IF;
	UPDATE core.staff SET status = 'active', updated_at = now() WHERE id = s.id;
	EXECUTE format('ALTER ROLE %I LOGIN', p_login);
	PERFORM core.audit_admin('user_resume', p_login, NULL);
END $$;

-- The break-glass path: the owner (or a superuser as the owner) resumes an
-- account, the last admin locked out included. Not granted to any staff role.
CREATE FUNCTION core.break_glass_resume(p_login text, p_reason text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	s core.staff;
BEGIN
	IF coalesce(btrim(p_reason), '') = '' THEN
		RAISE EXCEPTION '紧急恢复须写明理由' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	s := core.staff_for_update(p_login);
	IF s.status = 'left' THEN
		RAISE EXCEPTION '账号 % 的职员已离职，不能恢复', p_login USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	UPDATE core.staff SET status = 'active', updated_at = now() WHERE id = s.id;
	EXECUTE format('ALTER ROLE %I LOGIN', p_login);
	PERFORM audit.append('admin', 'core.staff', jsonb_build_object('login', p_login), NULL, NULL,
	                     jsonb_build_object('op', 'break_glass_resume', 'reason', left(p_reason, 500),
	                                        'by', session_user::text));
END $$;
COMMENT ON FUNCTION core.break_glass_resume(text, text) IS '紧急恢复账号（最后一位管理员被锁定时）：只有仓库所有者可调用，写明理由并记入审计';

-- The roles that see case data (personal data of complainants, parties, contacts).
CREATE FUNCTION core.case_data_roles() RETURNS text[]
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
RETURN ARRAY['clerk', 'inspector', 'handler', 'dispatcher', 'supervisor'];
COMMENT ON FUNCTION core.case_data_roles() IS '可接触案件数据（投诉人、当事人、联系人等个人信息）的角色简称';

-- p_reason NULL: the older call without a reason (the console's roles form,
-- which has no field for it yet) is taken, and the audit row says that the
-- reason is missing; an empty reason is refused for a case-data role.
CREATE FUNCTION api.user_roles(p_login text, p_add text[], p_remove text[], p_reason text) RETURNS text[]
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	before text[];
	adds text[] := core.group_roles(p_add);
	removes text[] := core.group_roles(p_remove);
	granted text[];
	g text;
	after text[];
BEGIN
	PERFORM core.require_admin();
	PERFORM core.staff_for_update(p_login);
	IF p_login = session_user THEN
		RAISE EXCEPTION '不能调整自己的角色：请另一位系统管理员调整' USING ERRCODE = 'insufficient_privilege';
	END IF;
	before := core.login_roles(p_login);
	granted := ARRAY(SELECT substr(a, 7) FROM unnest(adds) a
	                  WHERE substr(a, 7) = ANY (core.case_data_roles()) AND NOT substr(a, 7) = ANY (before));
	IF cardinality(granted) > 0 AND p_reason IS NOT NULL AND btrim(p_reason) = '' THEN
		RAISE EXCEPTION '授予可接触案件数据的角色（%）须写明理由', array_to_string(granted, '、')
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	after := ARRAY(SELECT r FROM unnest(core.role_names()) r
	                WHERE ('smcon_' || r = ANY (adds) OR r = ANY (before)) AND NOT 'smcon_' || r = ANY (removes));
	IF cardinality(after) = 0 THEN
		RAISE EXCEPTION '账号至少要保留一个角色' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	FOREACH g IN ARRAY adds LOOP
		IF NOT substr(g, 7) = ANY (before) THEN
			EXECUTE format('GRANT %I TO %I', g, p_login);
		END IF;
	END LOOP;
	FOREACH g IN ARRAY removes LOOP
		IF substr(g, 7) = ANY (before) THEN
			EXECUTE format('REVOKE %I FROM %I', g, p_login);
		END IF;
	END LOOP;
	after := core.login_roles(p_login);
	IF after IS DISTINCT FROM before THEN
		PERFORM core.audit_admin('user_roles', p_login,
		                         jsonb_build_object('before', to_jsonb(before), 'after', to_jsonb(after))
		                         || CASE WHEN coalesce(btrim(p_reason), '') <> ''
		                                 THEN jsonb_build_object('reason', left(btrim(p_reason), 500)) ELSE '{}' END
		                         || CASE WHEN cardinality(granted) > 0
		                                 THEN jsonb_build_object('case_data_granted', to_jsonb(granted),
		                                                         'reason_missing', p_reason IS NULL) ELSE '{}' END);
	END IF;
	RETURN after;
END $$;
COMMENT ON FUNCTION api.user_roles(text, text[], text[], text) IS '增减账号的角色，返回调整后的角色；不能改自己的，授予可接触案件数据的角色须写明理由（系统管理员）';

CREATE OR REPLACE FUNCTION api.user_roles(p_login text, p_add text[], p_remove text[]) RETURNS text[]
LANGUAGE sql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
RETURN api.user_roles(p_login, p_add, p_remove, NULL::text);

CREATE OR REPLACE FUNCTION api.user_org(p_login text, p_org_code text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	s core.staff;
	org bigint;
BEGIN
	PERFORM core.require_admin();
	s := core.staff_for_update(p_login);
	IF p_login = session_user THEN
		RAISE EXCEPTION '不能调整自己所属的机构：请另一位系统管理员调整' USING ERRCODE = 'insufficient_privilege';
	END IF;
	org := core.org_by_code(p_org_code);
	IF org = s.org_unit_id THEN
		RETURN;
	END IF;
	UPDATE core.staff SET org_unit_id = org, updated_at = now() WHERE id = s.id;
	PERFORM core.audit_admin('user_org', p_login, jsonb_build_object('org', upper(btrim(p_org_code))));
END $$;

REVOKE ALL ON FUNCTION api.user_end_sessions(text), core.break_glass_resume(text, text), core.case_data_roles(),
	api.user_roles(text, text[], text[], text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.user_end_sessions(text), api.user_roles(text, text[], text[], text) TO smcon_admin;
