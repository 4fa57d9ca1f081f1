-- The permission matrix (tests/data/permissions.tsv), checked by an operator
-- logged in as themselves: run by tests/cmd/permissions.t through pg_prove as
-- each demo user, with -S role=ROLE, from the top of the source tree, on a
-- copy of the warehouse holding tests/perm/fixtures.sql. Every table and
-- every api and audit function is looked up in the matrix; each privilege
-- is tried for real (denied means SQLSTATE 42501); the fixture rows the
-- operator sees are compared with the rows its scope allows.
\set ON_ERROR_STOP 1
BEGIN;
SELECT * FROM no_plan();

CREATE TEMP TABLE me AS SELECT :'role'::text AS role;
CREATE TEMP TABLE matrix (role text, object text, sel text, ins text, upd text, del text);
\copy matrix FROM PROGRAM 'grep -v -e "^#" -e "^[[:space:]]*$" tests/data/permissions.tsv'

SELECT ok(core.caller_has((SELECT role FROM me)), session_user || ' holds the role ' || (SELECT role FROM me));
SELECT ok((SELECT count(*) FROM matrix) > 0, 'the matrix is read');

-- The most specific row for an object: no wildcard first, then the longer
-- pattern, then the exact role before *.
CREATE FUNCTION pg_temp.rule(obj text, is_function boolean) RETURNS SETOF pg_temp.matrix
LANGUAGE sql STABLE AS $$
	SELECT m.* FROM pg_temp.matrix m
	 WHERE (m.role = (SELECT role FROM pg_temp.me) OR m.role = '*')
	   AND (m.object LIKE '%()') = is_function
	   AND obj LIKE replace(replace(replace(m.object, '()', ''), '_', '\_'), '*', '%')
	 ORDER BY position('*' IN m.object) = 0 DESC, length(m.object) DESC, m.role = '*'
	 LIMIT 1
$$;

CREATE TEMP TABLE tables AS
SELECT n.nspname || '.' || c.relname AS name, c.relrowsecurity AS rls,
       (SELECT quote_ident(a.attname) FROM pg_attribute a
         WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
           AND a.attidentity = '' ORDER BY a.attnum LIMIT 1) AS col
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
   AND n.nspname IN ('core', 'supervision', 'product', 'rights', 'equipment', 'fooddrug', 'credit', 'price', 'ip',
                     'nqi', 'cogov', 'policy', 'meta', 'audit');
CREATE TEMP TABLE checks AS SELECT t.*, r.sel, r.ins, r.upd, r.del
  FROM tables t LEFT JOIN LATERAL pg_temp.rule(t.name, false) r ON true;

SELECT ok(sel IS NOT NULL, name || ' is in the permission matrix') FROM checks ORDER BY name;

-- select
SELECT CASE WHEN sel = 'no'
            THEN throws_ok(format('SELECT 1 FROM %s LIMIT 0', name), '42501', NULL, name || ': select denied')
            ELSE lives_ok(format('SELECT 1 FROM %s LIMIT 0', name), name || ': select allowed') END
  FROM checks WHERE sel IS NOT NULL ORDER BY name;
SELECT ok(rls = (sel IN ('scope', 'all', 'none')),
          name || CASE WHEN rls THEN ' has' ELSE ' has no' END || ' row-level security, as the matrix says (' || sel || ')')
  FROM checks WHERE sel IS NOT NULL AND sel <> 'no' ORDER BY name;

-- insert, update, delete: tried for real
SELECT CASE WHEN ins = 'no'
            THEN throws_ok(format('INSERT INTO %s DEFAULT VALUES', name), '42501', NULL, name || ': insert denied')
            ELSE ok(has_table_privilege(name, 'INSERT'), name || ': insert allowed') END
  FROM checks WHERE sel IS NOT NULL ORDER BY name;
SELECT CASE WHEN upd = 'no'
            THEN throws_ok(format('UPDATE %s SET %s = %2$s WHERE false', name, col), '42501', NULL,
                           name || ': update denied')
            ELSE ok(has_table_privilege(name, 'UPDATE'), name || ': update allowed') END
  FROM checks WHERE sel IS NOT NULL ORDER BY name;
SELECT CASE WHEN del = 'no'
            THEN throws_ok(format('DELETE FROM %s WHERE false', name), '42501', NULL, name || ': delete denied')
            ELSE ok(has_table_privilege(name, 'DELETE'), name || ': delete allowed') END
  FROM checks WHERE sel IS NOT NULL ORDER BY name;

-- the rows this operator sees, against its scope
CREATE FUNCTION pg_temp.visible(tbl text) RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE
	k text := CASE tbl
	          WHEN 'supervision.task_inspector' THEN $k$task_id || '/' || staff_id$k$
	          WHEN 'supervision.inspection_result_item' THEN $k$result_id || '/' || item_id$k$
	          WHEN 'supervision.case_officer' THEN $k$case_id || '/' || staff_id$k$
	          WHEN 'supervision.penalty_measure' THEN $k$penalty_id || '/' || kind_code$k$
	          ELSE 'id::text' END;
	r text[];
BEGIN
	EXECUTE format('SELECT coalesce(array_agg(s.k ORDER BY s.k), ''{}'') FROM (SELECT %s AS k FROM %s) s
	                 WHERE s.k IN (SELECT e.key FROM public.perm_expect e WHERE e.tbl = %L)', k, tbl, tbl)
	   INTO r;
	RETURN r;
END $$;
SELECT is(pg_temp.visible(c.name),
          (SELECT coalesce(array_agg(e.key ORDER BY e.key), '{}') FROM public.perm_expect e
            WHERE e.tbl = c.name
              AND CASE c.sel WHEN 'all' THEN true
                             WHEN 'scope' THEN coalesce(e.scope_org = ANY (api.my_orgs()), false)
                             ELSE false END),
          c.name || ': the rows visible are those of ' || CASE c.sel WHEN 'all' THEN 'every unit'
                                                                   WHEN 'scope' THEN 'the caller''s scope'
                                                                   ELSE 'no unit' END)
  FROM checks c WHERE c.sel IN ('scope', 'all', 'none') AND EXISTS (SELECT 1 FROM public.perm_expect e WHERE e.tbl = c.name)
 ORDER BY c.name;
SELECT ok(NOT EXISTS (SELECT 1 FROM public.perm_expect e
                       WHERE NOT EXISTS (SELECT 1 FROM checks c WHERE c.name = e.tbl AND c.sel IN ('scope', 'all', 'none'))),
          'every table with fixture rows is under row-level security');

-- raw personal columns: never, for anyone
SELECT throws_ok(format('SELECT %I FROM %I.%I LIMIT 0', p.column_name, p.table_schema, p.table_name), '42501', NULL,
                 p.table_schema || '.' || p.table_name || '.' || p.column_name || ': raw personal data denied')
  FROM meta.personal_column p ORDER BY 1;

-- functions of the api and of the audit schema
CREATE TEMP TABLE funcs AS
SELECT p.oid, n.nspname || '.' || p.proname AS name, p.oid::regprocedure::text AS sig
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname IN ('api', 'audit');
SELECT CASE WHEN r.sel IS NULL THEN fail(f.sig || ' is in the permission matrix')
            ELSE is(has_function_privilege(f.oid, 'EXECUTE'), r.sel = 'yes',
                    f.sig || CASE WHEN r.sel = 'yes' THEN ': may be called' ELSE ': may not be called' END) END
  FROM funcs f LEFT JOIN LATERAL pg_temp.rule(f.name, true) r ON true ORDER BY f.sig;

SELECT * FROM finish();
ROLLBACK;
