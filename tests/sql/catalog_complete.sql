-- The catalog is complete: every schema of DESIGN §2 exists; every schema,
-- table and column in them has a Chinese comment; every column that points at
-- an entity, and every foreign key to a non-code table, has an index; the
-- scope columns row-level security relies on are there and indexed; facts
-- about entities carry their provenance.
BEGIN;
SELECT * FROM no_plan();

CREATE TEMP TABLE smcon_schema (name text PRIMARY KEY, made_by text);
INSERT INTO smcon_schema VALUES
	('core', NULL), ('supervision', NULL), ('product', NULL), ('rights', NULL), ('equipment', NULL),
	('fooddrug', NULL), ('credit', NULL), ('price', NULL), ('ip', NULL), ('nqi', NULL), ('cogov', NULL),
	('meta', NULL), ('api', NULL),
	('policy', 'migrations 0003–0009'), ('audit', 'migrations 0040–0059');
CREATE TEMP VIEW present_schema AS
	SELECT s.name, n.oid FROM smcon_schema s JOIN pg_namespace n ON n.nspname = s.name;
-- tables and views of those schemas (partitions inherit their parent's description)
CREATE TEMP VIEW smcon_relation AS
	SELECT s.name AS schema, c.oid, c.relname
	  FROM present_schema s JOIN pg_class c ON c.relnamespace = s.oid
	 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition;
-- is there an index whose leading columns are exactly these (in any order)?
CREATE FUNCTION pg_temp.indexed(rel oid, cols int2[]) RETURNS boolean LANGUAGE sql STABLE
RETURN EXISTS (
	SELECT 1 FROM pg_index i
	 WHERE i.indrelid = rel
	   AND (SELECT array_agg(k ORDER BY k)
	          FROM unnest((string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(cols)]) AS k)
	       = (SELECT array_agg(k ORDER BY k) FROM unnest(cols) AS k));

-- schemas
SELECT has_schema(name, 'schema ' || name || ' exists') FROM smcon_schema WHERE made_by IS NULL ORDER BY name;
SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = name)
            THEN pass('schema ' || name || ' exists')
            ELSE skip('schema ' || name || ' comes with ' || made_by, 1) END
  FROM smcon_schema WHERE made_by IS NOT NULL ORDER BY name;
SELECT is(ARRAY(SELECT name FROM present_schema WHERE obj_description(oid, 'pg_namespace') IS NULL ORDER BY 1),
          '{}'::text[], 'every schema has a comment');

-- comments, schema by schema
SELECT is(ARRAY(SELECT relname::text FROM smcon_relation r
                 WHERE r.schema = s.name AND coalesce(obj_description(r.oid, 'pg_class'), '') = '' ORDER BY 1),
          '{}'::text[], 'every table and view in ' || s.name || ' has a comment')
  FROM present_schema s ORDER BY s.name;
SELECT is(ARRAY(SELECT r.relname || '.' || a.attname FROM smcon_relation r
                  JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
                 WHERE r.schema = s.name AND coalesce(col_description(r.oid, a.attnum), '') = '' ORDER BY 1),
          '{}'::text[], 'every column in ' || s.name || ' has a comment')
  FROM present_schema s ORDER BY s.name;
SELECT is(ARRAY(SELECT d.what FROM (
                  SELECT r.schema || '.' || r.relname AS what, obj_description(r.oid, 'pg_class') AS comment
                    FROM smcon_relation r
                  UNION ALL
                  SELECT r.schema || '.' || r.relname || '.' || a.attname, col_description(r.oid, a.attnum)
                    FROM smcon_relation r
                    JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped) AS d
                 WHERE split_part(d.what, '.', 1) NOT IN ('meta', 'api', 'audit') AND d.comment !~ '[一-龥]'
                 ORDER BY 1),
          '{}'::text[], 'the comments of the theme schemas are in Chinese');

-- indexes
SELECT is(ARRAY(SELECT r.relname || '.' || a.attname FROM smcon_relation r
                  JOIN pg_class c ON c.oid = r.oid AND c.relkind IN ('r', 'p')
                  JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
                 WHERE r.schema = s.name AND (a.attname = 'entity_id' OR a.attname LIKE '%\_entity\_id')
                   AND NOT pg_temp.indexed(r.oid, ARRAY[a.attnum]) ORDER BY 1),
          '{}'::text[], 'every entity_id column in ' || s.name || ' has an index')
  FROM present_schema s ORDER BY s.name;
SELECT is(ARRAY(SELECT con.conrelid::regclass || ' ' || con.conname FROM pg_constraint con
                  JOIN present_schema s ON s.oid = con.connamespace
                 WHERE con.contype = 'f'
                   -- code tables (a single "code" primary key) are small and never deleted from
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint pk
                                    WHERE pk.conrelid = con.confrelid AND pk.contype = 'p'
                                      AND pk.conkey = ARRAY[(SELECT attnum FROM pg_attribute
                                                              WHERE attrelid = con.confrelid AND attname = 'code')])
                   AND NOT pg_temp.indexed(con.conrelid, con.conkey) ORDER BY 1),
          '{}'::text[], 'every foreign key to a table that is not a code table has an index');

-- scope columns for row-level security (doc/warehouse.md)
SELECT has_column(split_part(t, '.', 1)::name, split_part(t, '.', 2)::name, c::name, t || '.' || c || ' (scope) exists')
  FROM (VALUES ('rights.complaint', 'handling_org_id'), ('rights.complaint', 'receiving_org_id'),
               ('rights.report', 'handling_org_id'), ('rights.report', 'receiving_org_id'),
               ('rights.consultation', 'handling_org_id'), ('rights.transfer_12345', 'handling_org_id'),
               ('supervision.inspection_plan', 'org_id'), ('supervision.inspection_task', 'org_id'),
               ('supervision.inspection_result', 'org_id'), ('supervision.enforcement_case', 'deciding_org_id'),
               ('supervision.penalty', 'deciding_org_id'), ('rights.rescue_incident', 'district_org_id'))
       AS scope (t, c)
 WHERE to_regclass(t) IS NOT NULL
UNION ALL
SELECT ok(pg_temp.indexed(t::regclass, ARRAY[(SELECT attnum FROM pg_attribute WHERE attrelid = t::regclass AND attname = c)]),
          t || '.' || c || ' (scope) has an index')
  FROM (VALUES ('rights.complaint', 'handling_org_id'), ('rights.report', 'handling_org_id'),
               ('rights.consultation', 'handling_org_id'), ('supervision.inspection_plan', 'org_id'),
               ('supervision.inspection_task', 'org_id'), ('supervision.inspection_result', 'org_id'),
               ('supervision.enforcement_case', 'deciding_org_id'), ('supervision.penalty', 'deciding_org_id'),
               ('rights.rescue_incident', 'district_org_id')) AS scope (t, c);

-- personal data in columns of their own
SELECT has_column(split_part(t, '.', 1)::name, split_part(t, '.', 2)::name, c::name, t || '.' || c || ' (personal) exists')
  FROM (VALUES ('rights.complaint', 'complainant_name'), ('rights.complaint', 'complainant_phone'),
               ('rights.complaint', 'complainant_id_no'), ('rights.complaint', 'complainant_address'),
               ('rights.report', 'reporter_name'), ('rights.report', 'reporter_phone'),
               ('rights.report', 'reporter_id_no'), ('core.entity', 'legal_rep_id_no'),
               ('rights.rescue_incident', 'caller_name'), ('rights.rescue_incident', 'caller_phone')) AS p (t, c);

-- provenance (the reports' summaries are derived from such tables, not loaded)
SELECT is(ARRAY(SELECT DISTINCT r.schema || '.' || r.relname FROM smcon_relation r
                  JOIN pg_class c ON c.oid = r.oid AND c.relkind IN ('r', 'p')
                  JOIN pg_attribute a ON a.attrelid = r.oid AND a.attname = 'entity_id'
                 WHERE (r.schema || '.' || r.relname) NOT LIKE 'meta.report\_sum\_%'
                   AND (NOT EXISTS (SELECT 1 FROM pg_attribute p WHERE p.attrelid = r.oid AND p.attname = 'source_system')
                        OR NOT EXISTS (SELECT 1 FROM pg_attribute p WHERE p.attrelid = r.oid AND p.attname = 'loaded_at'))
                 ORDER BY 1),
          '{}'::text[], 'every table with facts about entities has source_system and loaded_at');

-- JIT stays off in the warehouse's functions (sql/migrations/0184_jit_off.sql):
-- a statement with a huge estimated cost would otherwise be compiled on every call
SELECT is(ARRAY(SELECT p.oid::regprocedure::text FROM pg_proc p
                  JOIN present_schema s ON s.oid = p.pronamespace
                  JOIN pg_language l ON l.oid = p.prolang
                 WHERE (l.lanname = 'plpgsql' OR l.lanname = 'sql' AND p.prosecdef)
                   AND NOT coalesce('jit=off' = ANY (p.proconfig), false)
                   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
                 ORDER BY 1),
          '{}'::text[], 'every PL/pgSQL and SECURITY DEFINER SQL function sets jit = off');

SELECT * FROM finish();
ROLLBACK;
