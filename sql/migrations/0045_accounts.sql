-- 0045 accounts: what an admin does, as api functions, so that no admin
-- needs a superuser or CREATEROLE of their own. Each function runs as the
-- warehouse owner (who has CREATEROLE), checks that the session's login is
-- an active admin, and records an admin event in the audit log — never the
-- password. Passwords are checked here (length, not containing the login,
-- letters and digits) before PostgreSQL stores them as SCRAM-SHA-256.
--
-- The lock-out after repeated failed logins is done by the server module
-- smcon_auth (src/pgext/smcon_auth.c): it counts consecutive failures per
-- role and, at smcon_auth.max_failures, calls core.staff_lock_out() below
-- from a background worker.
--
-- Errors: 42501 not an admin (exit 3), P0002 no such account or org unit
-- (exit 4), 23505 exists already or already in that state (exit 5), 22023 a
-- bad login, role or password, 55000 not allowed on oneself.

INSERT INTO core.setting (key, value, value_type, description) VALUES
	('password_min_length', '8', 'integer', '账号密码最短长度（还须同时含字母和数字，且不得包含登录名）');

-- The canonical order of the operators' roles, by their short names.
CREATE FUNCTION core.role_names() RETURNS text[]
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
RETURN ARRAY['clerk', 'inspector', 'handler', 'dispatcher', 'supervisor', 'analyst', 'admin'];
COMMENT ON FUNCTION core.role_names() IS '职员角色的简称（clerk、inspector …），按固定顺序';

-- The group roles a login is a direct member of, as short names in order.
CREATE FUNCTION core.login_roles(login text) RETURNS text[]
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT coalesce(array_agg(substr(g.rolname, 7) ORDER BY array_position(core.role_names(), substr(g.rolname, 7))),
	                '{}')
	  FROM pg_auth_members m
	  JOIN pg_roles g ON g.oid = m.roleid
	  JOIN pg_roles u ON u.oid = m.member
	 WHERE u.rolname = login AND substr(g.rolname, 7) = ANY (core.role_names()) AND g.rolname LIKE 'smcon\_%'
$$;
COMMENT ON FUNCTION core.login_roles(text) IS '登录账号直接拥有的职员角色（简称）';

-- Short role names checked and turned into group roles; 22023 on a bad one.
CREATE FUNCTION core.group_roles(names text[]) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	n text;
	out text[] := '{}';
BEGIN
	FOREACH n IN ARRAY coalesce(names, '{}') LOOP
		n := lower(btrim(n));
		IF n LIKE 'smcon\_%' THEN
			n := substr(n, 7);
		END IF;
		IF NOT n = ANY (core.role_names()) THEN
			RAISE EXCEPTION '没有角色“%”；可用：%', n, array_to_string(core.role_names(), ', ')
				USING ERRCODE = 'invalid_parameter_value';
		END IF;
		IF NOT 'smcon_' || n = ANY (out) THEN
			out := out || ('smcon_' || n);
		END IF;
	END LOOP;
	RETURN out;
END $$;
COMMENT ON FUNCTION core.group_roles(text[]) IS '把角色简称核对并换成组角色名（smcon_clerk …）';

-- What is wrong with a password, or NULL when it will do.
CREATE FUNCTION core.password_problem(login text, password text) RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	min_len int := core.setting_int('password_min_length');
BEGIN
	IF password IS NULL OR char_length(password) < min_len THEN
		RETURN format('密码至少 %s 个字符', min_len);
	ELSIF strpos(lower(password), lower(login)) > 0 THEN
		RETURN '密码不得包含登录名';
	ELSIF password !~ '[A-Za-z]' OR password !~ '[0-9]' THEN
		RETURN '密码须同时含有字母和数字';
	ELSIF password ~ '[[:cntrl:]]' THEN
		RETURN '密码不得含有控制字符';
	END IF;
	RETURN NULL;
END $$;
COMMENT ON FUNCTION core.password_problem(text, text) IS '密码不合规则的原因（合规时为空）：长度、不含登录名、字母和数字';

-- Raises unless the session's login is an active admin; returns its staff id.
CREATE FUNCTION core.require_admin() RETURNS bigint
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM core.require_role('admin');
	RETURN (core.caller_staff()).staff_id;
END $$;
COMMENT ON FUNCTION core.require_admin() IS '当前账号须是在岗的系统管理员，返回其职员编号';

-- The id of an org unit by its code (any case, blanks trimmed); P0002 when
-- there is no such unit in use.
CREATE FUNCTION core.org_by_code(p_code text) RETURNS bigint
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	org bigint;
BEGIN
	SELECT o.id INTO org FROM core.org_unit o WHERE o.code = upper(btrim(p_code)) AND o.active;
	IF org IS NULL THEN
		RAISE EXCEPTION '没有机构 %', p_code USING ERRCODE = 'no_data_found';
	END IF;
	RETURN org;
END $$;
COMMENT ON FUNCTION core.org_by_code(text) IS '按机构代码找机构编号；没有时报“未找到”';

-- The staff record of a login, locked for change; P0002 when there is none.
CREATE FUNCTION core.staff_for_update(p_login text) RETURNS core.staff
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	s core.staff;
BEGIN
	SELECT * INTO s FROM core.staff WHERE login = p_login FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION '没有账号 %', p_login USING ERRCODE = 'no_data_found';
	END IF;
	RETURN s;
END $$;
COMMENT ON FUNCTION core.staff_for_update(text) IS '锁定并返回某登录账号的职员档案；没有时报“未找到”';

-- Sets a role's password (creating the role when asked). The statement holds
-- the password, so an error is replaced by one that does not.
CREATE FUNCTION core.set_password(p_login text, p_password text, p_create boolean) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET password_encryption = 'scram-sha-256'
AS $$
DECLARE
	problem text := core.password_problem(p_login, p_password);
BEGIN
	IF problem IS NOT NULL THEN
		RAISE EXCEPTION '密码不符合要求：%', problem USING ERRCODE = 'invalid_parameter_value';
	END IF;
	BEGIN
		IF p_create THEN
			EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_login, p_password);
		ELSE
			EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_password);
		END IF;
	EXCEPTION WHEN OTHERS THEN
		RAISE EXCEPTION '无法设置账号 % 的密码：%', p_login, SQLERRM USING ERRCODE = SQLSTATE;
	END;
END $$;
COMMENT ON FUNCTION core.set_password(text, text, boolean) IS '设置（或创建账号时设定）密码，先核对密码规则；出错信息不含密码';

-- Ends the sessions of a login (when the owner may signal backends).
CREATE FUNCTION core.end_sessions(p_login text) RETURNS integer
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	n int := 0;
BEGIN
	SELECT count(*) FILTER (WHERE pg_terminate_backend(a.pid)) INTO n
	  FROM pg_stat_activity a WHERE a.usename = p_login AND a.pid <> pg_backend_pid();
	RETURN n;
EXCEPTION WHEN insufficient_privilege THEN
	RETURN 0;
END $$;
COMMENT ON FUNCTION core.end_sessions(text) IS '结束某账号当前的全部会话（停用账号时）';

-- An admin event in the audit log.
CREATE FUNCTION core.audit_admin(op text, p_login text, detail jsonb) RETURNS void
LANGUAGE sql
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT audit.append('admin', 'core.staff', jsonb_build_object('login', p_login), NULL, NULL,
	                    jsonb_build_object('op', op) || coalesce(detail, '{}'));
$$;
COMMENT ON FUNCTION core.audit_admin(text, text, jsonb) IS '在审计日志中记一条账号管理操作（不含密码）';

-- ---------------------------------------------------------------------------
-- The admin api.

CREATE FUNCTION api.user_add(p_login text, p_full_name text, p_employee_no text, p_org_code text,
                             p_roles text[], p_password text, p_credential_no text DEFAULT NULL,
                             p_phone text DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	groups text[];
	org bigint;
	sid bigint;
	g text;
BEGIN
	PERFORM core.require_admin();
	IF p_login IS NULL OR p_login !~ '^[a-z_][a-z0-9_]{1,62}$' OR p_login ~ '^(pg_|smcon_)' THEN
		RAISE EXCEPTION '登录名“%”无效：须以小写字母或下划线开头，只含小写字母、数字、下划线，2–63 个字符，且不以 pg_ 或 smcon_ 开头',
			coalesce(p_login, '') USING ERRCODE = 'invalid_parameter_value';
	END IF;
	groups := core.group_roles(p_roles);
	IF cardinality(groups) = 0 THEN
		RAISE EXCEPTION '至少要有一个角色' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	org := core.org_by_code(p_org_code);
	IF EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = p_login)
	   OR EXISTS (SELECT 1 FROM core.staff s WHERE s.login = p_login) THEN
		RAISE EXCEPTION '账号 % 已存在', p_login USING ERRCODE = 'unique_violation';
	END IF;
	IF EXISTS (SELECT 1 FROM core.staff s WHERE s.employee_no = p_employee_no) THEN
		RAISE EXCEPTION '工号 % 已被使用', p_employee_no USING ERRCODE = 'unique_violation';
	END IF;
	INSERT INTO core.staff (login, full_name, employee_no, credential_no, phone, org_unit_id)
	VALUES (p_login, btrim(p_full_name), upper(btrim(p_employee_no)), nullif(upper(btrim(p_credential_no)), ''),
	        nullif(btrim(p_phone), ''), org)
	RETURNING id INTO sid;
	PERFORM core.set_password(p_login, p_password, true);
	FOREACH g IN ARRAY groups LOOP
		EXECUTE format('GRANT %I TO %I', g, p_login);
	END LOOP;
	PERFORM core.audit_admin('user_add', p_login,
	                         jsonb_build_object('roles', to_jsonb(core.login_roles(p_login)),
	                                            'org', upper(btrim(p_org_code))));
	RETURN sid;
END $$;
COMMENT ON FUNCTION api.user_add(text, text, text, text, text[], text, text, text) IS '新建账号：登录角色、职员档案、角色和机构（系统管理员）';

CREATE FUNCTION api.user_suspend(p_login text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	s core.staff;
BEGIN
	PERFORM core.require_admin();
	s := core.staff_for_update(p_login);
	IF p_login = session_user THEN
		RAISE EXCEPTION '不能停用自己的账号' USING ERRCODE = 'object_not_in_prerequisite_state';
	ELSIF s.status <> 'active' THEN
		RAISE EXCEPTION '账号 % 已经停用', p_login USING ERRCODE = 'unique_violation';
	END IF;
	UPDATE core.staff SET status = 'suspended', updated_at = now() WHERE id = s.id;
	IF EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = p_login) THEN
		EXECUTE format('ALTER ROLE %I NOLOGIN', p_login);
	END IF;
	PERFORM core.audit_admin('user_suspend', p_login,
	                         jsonb_build_object('sessions_ended', core.end_sessions(p_login)));
END $$;
COMMENT ON FUNCTION api.user_suspend(text) IS '停用账号：不能再登录，现有会话被结束（系统管理员）';

CREATE FUNCTION api.user_resume(p_login text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	s core.staff;
BEGIN
	PERFORM core.require_admin();
	s := core.staff_for_update(p_login);
	IF s.status = 'active' THEN
		RAISE EXCEPTION '账号 % 已在使用中', p_login USING ERRCODE = 'unique_violation';
	ELSIF s.status = 'left' THEN
		RAISE EXCEPTION '账号 % 的职员已离职，不能恢复', p_login USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	UPDATE core.staff SET status = 'active', updated_at = now() WHERE id = s.id;
	EXECUTE format('ALTER ROLE %I LOGIN', p_login);
	PERFORM core.audit_admin('user_resume', p_login, NULL);
END $$;
COMMENT ON FUNCTION api.user_resume(text) IS '恢复停用的账号（含登录失败被锁定的账号）（系统管理员）';

CREATE FUNCTION api.user_passwd(p_login text, p_password text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	PERFORM core.require_admin();
	PERFORM core.staff_for_update(p_login);
	PERFORM core.set_password(p_login, p_password, false);
	PERFORM core.audit_admin('user_passwd', p_login, NULL);
END $$;
COMMENT ON FUNCTION api.user_passwd(text, text) IS '重设账号密码（系统管理员；审计只记“已重设”，不记密码）';

CREATE FUNCTION api.user_roles(p_login text, p_add text[], p_remove text[]) RETURNS text[]
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	before text[];
	adds text[] := core.group_roles(p_add);
	removes text[] := core.group_roles(p_remove);
	g text;
	after text[];
BEGIN
	PERFORM core.require_admin();
	PERFORM core.staff_for_update(p_login);
	before := core.login_roles(p_login);
	IF p_login = session_user AND 'smcon_admin' = ANY (removes) THEN
		RAISE EXCEPTION '不能去掉自己的系统管理员角色' USING ERRCODE = 'object_not_in_prerequisite_state';
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
		                         jsonb_build_object('before', to_jsonb(before), 'after', to_jsonb(after)));
	END IF;
	RETURN after;
END $$;
COMMENT ON FUNCTION api.user_roles(text, text[], text[]) IS '增减账号的角色，返回调整后的角色（系统管理员）';

CREATE FUNCTION api.user_org(p_login text, p_org_code text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	s core.staff;
	org bigint;
BEGIN
	PERFORM core.require_admin();
	s := core.staff_for_update(p_login);
	org := core.org_by_code(p_org_code);
	IF org = s.org_unit_id THEN
		RETURN;
	END IF;
	UPDATE core.staff SET org_unit_id = org, updated_at = now() WHERE id = s.id;
	PERFORM core.audit_admin('user_org', p_login, jsonb_build_object('org', upper(btrim(p_org_code))));
END $$;
COMMENT ON FUNCTION api.user_org(text, text) IS '调整账号所属机构（数据范围随之改变）（系统管理员）';

-- Staff of an org unit and the units below it (all staff without one).
CREATE FUNCTION api.user_list(p_org_code text DEFAULT NULL)
RETURNS TABLE (login text, full_name text, employee_no text, credential_no text, phone text, org_code text,
               org_short_name text, status text, roles text[], can_login boolean, created_at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	root bigint;
BEGIN
	PERFORM core.require_admin();
	IF p_org_code IS NOT NULL THEN
		root := core.org_by_code(p_org_code);
	END IF;
	RETURN QUERY
		SELECT s.login, s.full_name, s.employee_no, s.credential_no, s.phone, o.code, o.short_name, s.status,
		       core.login_roles(s.login), coalesce(r.rolcanlogin, false), s.created_at
		  FROM core.staff s
		  JOIN core.org_unit o ON o.id = s.org_unit_id
		  LEFT JOIN pg_roles r ON r.rolname = s.login
		 WHERE root IS NULL OR o.id = root OR o.parent_id = root
		    OR o.parent_id IN (SELECT c.id FROM core.org_unit c WHERE c.parent_id = root)
		 ORDER BY o.code, s.login;
END $$;
COMMENT ON FUNCTION api.user_list(text) IS '职员账号列表：某机构及其下属机构（不指定时全部）（系统管理员）';

-- The org tree, depth first, with how many staff each unit has.
CREATE FUNCTION api.org_tree()
RETURNS TABLE (code text, short_name text, name text, level text, parent_code text, depth integer,
               staff_active bigint, staff_total bigint)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
	WITH RECURSIVE t AS (
		SELECT o.id, o.code, ARRAY[o.code] AS path, 0 AS depth FROM core.org_unit o WHERE o.parent_id IS NULL
		UNION ALL
		SELECT c.id, c.code, t.path || c.code, t.depth + 1 FROM core.org_unit c JOIN t ON c.parent_id = t.id)
	SELECT o.code, o.short_name, o.name, o.level, p.code, t.depth,
	       (SELECT count(*) FROM core.staff s WHERE s.org_unit_id = o.id AND s.status = 'active'),
	       (SELECT count(*) FROM core.staff s WHERE s.org_unit_id = o.id)
	  FROM t JOIN core.org_unit o ON o.id = t.id LEFT JOIN core.org_unit p ON p.id = o.parent_id
	 WHERE o.active
	 ORDER BY t.path
$$;
COMMENT ON FUNCTION api.org_tree() IS '机构树（市局、区局、所），深度优先，含各机构职员人数';

-- Called by the smcon_auth server module (as the owner, from a background
-- worker) when a login reached smcon_auth.max_failures consecutive failures.
CREATE FUNCTION core.staff_lock_out(p_login text, p_failures integer) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	UPDATE core.staff SET status = 'suspended', updated_at = now() WHERE login = p_login AND status = 'active';
	IF EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = p_login AND r.rolcanlogin AND NOT r.rolsuper) THEN
		EXECUTE format('ALTER ROLE %I NOLOGIN', p_login);
	END IF;
	PERFORM audit.append('lockout', 'core.staff', jsonb_build_object('login', p_login), NULL, NULL,
	                     jsonb_build_object('failures', p_failures));
END $$;
COMMENT ON FUNCTION core.staff_lock_out(text, integer) IS '连续登录失败达到上限：停用账号（由服务器模块 smcon_auth 调用）';

-- The owner may end sessions (suspending an account ends its sessions).
DO $$
BEGIN
	GRANT pg_signal_backend TO smcon_owner;
EXCEPTION WHEN insufficient_privilege THEN
	RAISE NOTICE 'smcon_owner cannot be given pg_signal_backend; suspended accounts keep their open sessions';
END $$;

REVOKE ALL ON FUNCTION core.org_by_code(text), core.role_names(), core.login_roles(text), core.group_roles(text[]),
	core.password_problem(text, text), core.require_admin(), core.staff_for_update(text),
	core.set_password(text, text, boolean), core.end_sessions(text), core.audit_admin(text, text, jsonb),
	core.staff_lock_out(text, integer),
	api.user_add(text, text, text, text, text[], text, text, text), api.user_suspend(text),
	api.user_resume(text), api.user_passwd(text, text), api.user_roles(text, text[], text[]),
	api.user_org(text, text), api.user_list(text), api.org_tree() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.user_add(text, text, text, text, text[], text, text, text), api.user_suspend(text),
	api.user_resume(text), api.user_passwd(text, text), api.user_roles(text, text[], text[]),
	api.user_org(text, text), api.user_list(text) TO smcon_admin;
GRANT EXECUTE ON FUNCTION api.org_tree(), core.role_names(), core.login_roles(text) TO smcon_staff;
