-- The importer's definitions agree with the warehouse: every field maps to
-- something, personal fields are the personal columns, code lists exist;
-- only admins may import; staging is per session.
BEGIN;
SELECT plan(12);

SELECT is(ARRAY(SELECT theme || '.' || name FROM meta.import_field f
                 WHERE f.code_list IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM meta.import_code c WHERE c.list = f.code_list)
                 ORDER BY 1), '{}'::text[], 'every code field has codes');
SELECT is(ARRAY(SELECT t.theme FROM meta.import_theme t
                 WHERE NOT EXISTS (SELECT 1 FROM meta.import_field f WHERE f.theme = t.theme AND f.is_key)
                 ORDER BY 1), '{}'::text[], 'every theme has a natural key');
-- (supervision.penalty.party_id_no holds ID numbers but is not catalogued
-- in meta.personal_column yet: the importer masks it all the same)
SELECT is(ARRAY(SELECT f.theme || '.' || f.name FROM meta.import_field f
                  JOIN meta.import_theme t ON t.theme = f.theme
                  JOIN meta.personal_column p
                    ON format('%I.%I', p.table_schema, p.table_name)::regclass = t.target AND p.column_name = f.name
                 WHERE f.personal_kind IS DISTINCT FROM p.kind
                 ORDER BY 1), '{}'::text[], 'a field of a personal column is personal, of the same kind');
SELECT is(ARRAY(SELECT f.theme || '.' || f.name FROM meta.import_field f
                 WHERE f.personal_kind IS NOT NULL AND f.kind NOT IN ('text', 'phone') ORDER BY 1),
          '{}'::text[], 'personal fields are plain text (no check repeats their value in a message)');
SELECT is(ARRAY(SELECT f.theme || '.' || f.name FROM meta.import_field f
                  JOIN meta.import_theme t ON t.theme = f.theme
                  JOIN pg_attribute a ON a.attrelid = t.target AND a.attname = f.name
                 WHERE a.attgenerated <> '' ORDER BY 1), '{}'::text[], 'no generated (masked) column is imported');
SELECT is(ARRAY(SELECT l FROM (SELECT f.theme || ':' || x AS l
                                 FROM meta.import_field f, unnest(f.aliases || f.title) AS x) n
                 GROUP BY l HAVING count(*) > 1 ORDER BY 1), '{}'::text[],
          'no two fields of a theme share a column name');

SELECT ok(has_function_privilege('smcon_admin', 'api.import_start(text, text, text, text[], text, boolean, boolean)',
                                 'EXECUTE'), 'admins may start an import');
SELECT is(ARRAY(SELECT r FROM unnest(ARRAY['smcon_clerk', 'smcon_inspector', 'smcon_handler', 'smcon_dispatcher',
                                           'smcon_supervisor', 'smcon_analyst']) AS r
                 WHERE has_function_privilege(r, 'api.import_apply(bigint)', 'EXECUTE')
                    OR has_function_privilege(r, 'api.import_stage(bigint)', 'EXECUTE')), '{}'::text[],
          'no other role may');
SELECT ok(NOT has_table_privilege('smcon_admin', 'core.entity', 'INSERT, UPDATE, DELETE'),
          'admins have no write grant on the entity master: the import functions write');
SELECT ok(NOT has_table_privilege('smcon_admin', 'meta.import_job', 'SELECT, INSERT, UPDATE, DELETE'),
          'the job table is written by the functions only');
SELECT is((SELECT prosecdef FROM pg_proc WHERE oid = 'api.import_apply(bigint)'::regprocedure), true,
          'the apply function runs as the warehouse owner');
SELECT ok((SELECT bool_and(p.proconfig @> ARRAY['search_path=pg_catalog, pg_temp'])
             FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'api' AND (p.proname LIKE 'import\_%' OR p.proname LIKE 'quality\_%')),
          'every import and quality function pins its search_path');

SELECT * FROM finish();
ROLLBACK;
