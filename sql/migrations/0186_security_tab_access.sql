-- 0186 what a role may not read at all (issue 10, item 10). Row-level
-- security gives a role without a policy on a case-data table no rows of
-- it, so the profile's tab counted (0) for a dispatcher's complaints as if
-- the entity had none. core.may_read_rows() tells "no rows for you" from
-- "no rows": SELECT on the table (or some of its columns), and either no
-- row security, a bypass (superuser, BYPASSRLS, the owner) or a SELECT
-- policy for one of the caller's roles. api.entity_tabs_hidden() names the profile's tabs whose
-- every case-data table the caller cannot read; the profile says 无权查看
-- there. Both read the catalog, as the caller: nothing is revealed that
-- pg_policy does not show to every login already.

CREATE FUNCTION core.may_read_rows(rel regclass) RETURNS boolean
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
RETURN has_any_column_privilege(rel, 'SELECT')
   AND (SELECT NOT c.relrowsecurity
               OR (pg_has_role(c.relowner, 'MEMBER') AND NOT c.relforcerowsecurity)
               OR (SELECT r.rolsuper OR r.rolbypassrls FROM pg_roles r WHERE r.rolname = current_user)
               OR EXISTS (SELECT 1 FROM pg_policy p
                           WHERE p.polrelid = c.oid AND p.polpermissive AND p.polcmd IN ('r', '*')
                             AND EXISTS (SELECT 1 FROM unnest(p.polroles) g
                                          WHERE g = 0 OR pg_has_role(g, 'MEMBER')))
          FROM pg_class c WHERE c.oid = rel);
COMMENT ON FUNCTION core.may_read_rows(regclass) IS '当前账号能否读到这张表的记录：有查询权，且表无行级安全、或可绕过、或有适用于其角色的查询策略';
GRANT EXECUTE ON FUNCTION core.may_read_rows(regclass) TO smcon_staff;

-- The profile's tabs (api.entity_fact) drawn from case-data tables, and the
-- tables behind each; a tab is hidden when the caller can read none of them.
CREATE FUNCTION api.entity_tabs_hidden() RETURNS SETOF text
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
	SELECT t.tab
	  FROM (VALUES ('inspection', ARRAY['supervision.inspection_task']),
	               ('enforcement', ARRAY['supervision.enforcement_case', 'supervision.penalty']),
	               ('complaint', ARRAY['rights.complaint', 'rights.report'])) t (tab, tables)
	 WHERE NOT EXISTS (SELECT 1 FROM unnest(t.tables) x WHERE core.may_read_rows(x::regclass))
$$;
COMMENT ON FUNCTION api.entity_tabs_hidden() IS '市场主体画像中当前账号无权查看的页签（其案件数据表一张也读不到）';
REVOKE ALL ON FUNCTION api.entity_tabs_hidden() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.entity_tabs_hidden() TO smcon_staff;
