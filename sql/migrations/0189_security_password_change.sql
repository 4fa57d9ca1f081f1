-- 0189 a password an admin set is changed at its first use (issue 10,
-- item 5, last part; 等保 2.0 third level). api.user_add and api.user_passwd
-- (an admin's create or reset) mark the account: core.staff.
-- password_change_due. Until its holder sets a password of their own with
-- api.password_change(), the account can do nothing else, in psql as in the
-- console: core.caller_has() grants no role (every api function's role
-- check refuses), api.my_orgs() gives no scope (every scoped row-level
-- policy shows nothing), and the policies that show everything (analysts,
-- dispatchers) show nothing either. The console asks for the new password
-- right after the login. Demo accounts, made by the owner, are not marked.

ALTER TABLE core.staff ADD COLUMN password_change_due boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN core.staff.password_change_due IS '密码由管理员设定（新建或重设），须由本人修改后才能办理业务';

-- Whether the session's account still has to change its password.
CREATE FUNCTION core.password_change_due() RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	due boolean;
BEGIN
	SELECT s.password_change_due INTO due FROM core.staff s WHERE s.login = session_user;
	RETURN coalesce(due, false);
END $$;
COMMENT ON FUNCTION core.password_change_due() IS '当前登录账号是否须先修改管理员设定的密码';
REVOKE ALL ON FUNCTION core.password_change_due() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION core.password_change_due() TO smcon_staff;

CREATE OR REPLACE FUNCTION core.caller_has(grp text) RETURNS boolean
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
	SELECT EXISTS (SELECT 1 FROM pg_roles r
	                WHERE r.rolname = CASE WHEN grp LIKE 'smcon\_%' THEN grp ELSE 'smcon_' || grp END
	                  AND pg_has_role(session_user, r.oid, 'MEMBER'))
	   AND NOT core.password_change_due()
$$;

CREATE OR REPLACE FUNCTION api.my_orgs() RETURNS bigint[]
LANGUAGE plpgsql STABLE SECURITY INVOKER PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	orgs bigint[];
BEGIN
	SELECT c.org_ids INTO orgs FROM core.staff_scope c WHERE c.login = session_user;
	IF orgs IS NOT NULL AND core.password_change_due() THEN
		RETURN '{}';
	END IF;
	RETURN coalesce(orgs, '{}');
END $$;

-- Every policy that shows all rows (USING true) now shows none to an account
-- whose password change is due; an InitPlan, one look-up a query.
DO $$
DECLARE
	p record;
BEGIN
	FOR p IN SELECT pol.polname, pol.polrelid::regclass AS tbl
	           FROM pg_policy pol
	          WHERE pg_get_expr(pol.polqual, pol.polrelid) = 'true' LOOP
		EXECUTE format('ALTER POLICY %I ON %s USING (NOT (SELECT core.password_change_due()))', p.polname, p.tbl);
	END LOOP;
END $$;

-- An admin's create or reset marks the account.
CREATE OR REPLACE FUNCTION api.user_passwd(p_login text, p_password text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
	PERFORM core.require_admin();
	PERFORM core.staff_for_update(p_login);
	PERFORM core.set_password(p_login, p_password, false);
	UPDATE core.staff SET password_change_due = true WHERE login = p_login;
	PERFORM core.audit_admin('user_passwd', p_login, NULL);
END $$;

CREATE FUNCTION core.mark_new_account() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
	-- an admin's api.user_add (session_user is the admin); the owner's own
	-- inserts (demo accounts, imports) are not marked
	IF core.caller_has('admin') AND NEW.login <> session_user THEN
		NEW.password_change_due := true;
	END IF;
	RETURN NEW;
END $$;
COMMENT ON FUNCTION core.mark_new_account() IS '触发器：管理员新建的账号须由本人先改密码';
CREATE TRIGGER mark_new_account BEFORE INSERT ON core.staff
	FOR EACH ROW EXECUTE FUNCTION core.mark_new_account();

-- The holder sets a password of their own: the policy applies
-- (core.set_password), the mark goes, the change is audited (never the
-- password).
CREATE FUNCTION api.password_change(p_password text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
	sid bigint;
BEGIN
	SELECT s.id INTO sid FROM core.staff s WHERE s.login = session_user AND s.status = 'active' FOR UPDATE;
	IF sid IS NULL THEN
		RAISE EXCEPTION '账号 % 没有在岗的职员档案', session_user USING ERRCODE = 'insufficient_privilege';
	END IF;
	PERFORM core.set_password(session_user, p_password, false);
	UPDATE core.staff SET password_change_due = false WHERE id = sid AND password_change_due;
	PERFORM core.audit_admin('password_change', session_user, NULL);
END $$;
COMMENT ON FUNCTION api.password_change(text) IS '本人修改密码（须符合密码规则）；管理员设定的密码由此改掉后才能办理业务；审计只记“已修改”';
REVOKE ALL ON FUNCTION api.password_change(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.password_change(text) TO smcon_staff;
