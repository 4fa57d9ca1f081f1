-- The data catalog: read from the system catalogs; every table and column
-- of the warehouse carries a Chinese comment (docs/warehouse.md).
BEGIN;
SELECT plan(12);

SELECT is((SELECT count(*)::int FROM meta.catalog_table WHERE comment IS NULL OR comment = ''), 0,
          'every table of the warehouse has a comment');
SELECT is((SELECT string_agg(t.schema_name || '.' || t.table_name || '.' || a.attname, ', ')
             FROM meta.catalog_table t
             JOIN pg_attribute a ON a.attrelid = t.rel AND a.attnum > 0 AND NOT a.attisdropped
            WHERE coalesce(col_description(t.rel, a.attnum), '') = ''), NULL,
          'every column of the warehouse has a comment');
SELECT is((SELECT string_agg(nspname::text, ', ') FROM meta.catalog_schemas() AS s
            WHERE coalesce(obj_description((SELECT oid FROM pg_namespace n WHERE n.nspname = s.nspname),
                                           'pg_namespace'), '') = ''), NULL,
          'every schema of the warehouse has a comment');
SELECT ok((SELECT array_agg(nspname::text) FROM meta.catalog_schemas())
          @> ARRAY['api', 'core', 'meta', 'policy'], 'the warehouse schemas are listed');
SELECT ok(NOT EXISTS (SELECT 1 FROM meta.catalog_schemas()
                       WHERE nspname IN ('public', 'pg_catalog', 'information_schema', 'pgtap')),
          '  ... and not the system ones, public or an extension''s');

SELECT results_eq($$SELECT tables, total_rows, exact FROM api.catalog_schemas()
                     WHERE schema_name = 'policy'$$,
                  $$SELECT 3, (SELECT count(*) FROM policy.law) + (SELECT count(*) FROM policy.chapter)
                              + (SELECT count(*) FROM policy.article), true$$,
                  'a theme: its tables and total rows');
SELECT results_eq($$SELECT table_name, row_count, exact FROM api.catalog_tables('policy')$$,
                  $$VALUES ('article', (SELECT count(*) FROM policy.article), true),
                           ('chapter', (SELECT count(*) FROM policy.chapter), true),
                           ('law', 23::bigint, true)$$,
                  'small tables are counted exactly');

-- A new theme shows up without the catalog knowing it.
SET LOCAL ROLE smcon_owner;
CREATE SCHEMA zz_theme_test;
COMMENT ON SCHEMA zz_theme_test IS '社会共治库（测试）';
CREATE TABLE zz_theme_test.market_sample (id int, result text);
COMMENT ON TABLE zz_theme_test.market_sample IS '农贸市场快检结果';
INSERT INTO zz_theme_test.market_sample SELECT g, '合格' FROM generate_series(1, 200000) AS g;
ANALYZE zz_theme_test.market_sample;
RESET ROLE;
SELECT results_eq($$SELECT comment, tables FROM api.catalog_schemas() WHERE schema_name = 'zz_theme_test'$$,
                  $$VALUES ('社会共治库（测试）', 1)$$, 'a schema added later is listed');
SELECT results_eq($$SELECT exact, row_count BETWEEN 150000 AND 250000 FROM api.catalog_tables('zz_theme_test')$$,
                  $$VALUES (false, true)$$, 'a big table shows the planner''s estimate, marked');
SELECT results_eq($$SELECT column_name, data_type FROM api.catalog_columns('zz_theme_test', 'market_sample')$$,
                  $$VALUES ('id', 'integer'), ('result', 'text')$$, 'columns with their types');
SELECT results_eq($$SELECT schema_name, table_name FROM api.catalog_resolve('market_sample')$$,
                  $$VALUES ('zz_theme_test', 'market_sample')$$, 'a bare table name is found in its schema');

SELECT ok(has_function_privilege('smcon_clerk', 'api.catalog_tables(text)', 'EXECUTE')
          AND NOT has_function_privilege('public', 'api.catalog_tables(text)', 'EXECUTE'),
          'staff read the catalog');
SELECT * FROM finish();
ROLLBACK;
