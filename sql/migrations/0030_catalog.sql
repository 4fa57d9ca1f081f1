-- 0030 the data catalog (数据资源目录), read from the system catalogs and the
-- Chinese COMMENTs every schema, table and column carries. Generic: a theme
-- schema added later shows up without a change here.
--
-- The warehouse's schemas are those owned by the warehouse owner (who runs
-- the migrations and so owns meta, where they are recorded): that leaves out
-- pg_catalog, information_schema, public and extensions' schemas. Row counts are catalog
-- facts, so staff see them even for tables they may not read: the functions
-- run as the owner. A table of at most catalog_exact_pages pages is counted
-- (exact), a bigger one shows pg_class.reltuples (estimate, as of the last
-- VACUUM or ANALYZE).

-- The warehouse's schemas.
CREATE FUNCTION meta.catalog_schemas() RETURNS TABLE (nspname name)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT n.nspname
	  FROM pg_namespace n
	 WHERE n.nspowner = (SELECT m.nspowner FROM pg_namespace m WHERE m.nspname = 'meta')
	   AND n.nspname NOT LIKE 'pg\_%'
	 ORDER BY n.nspname;
$$;
COMMENT ON FUNCTION meta.catalog_schemas() IS '数据仓库的模式（与 meta 同属数据仓库所有者的模式）';

-- Tables up to this many pages (8 kB each) are counted exactly.
CREATE FUNCTION meta.catalog_exact_pages() RETURNS bigint
LANGUAGE sql IMMUTABLE
RETURN 1024;
COMMENT ON FUNCTION meta.catalog_exact_pages() IS '精确计数的表大小上限（页，每页 8 kB）';

-- Rows of a table (a partitioned table: of all its partitions), exact when
-- it is small and we may count it, else the planner's estimate (NULL when
-- the table was never analysed).
CREATE FUNCTION meta.catalog_rows(rel regclass, OUT row_count bigint, OUT exact boolean)
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
SET row_security = off
AS $$
DECLARE
	pages bigint;
	est double precision;
	unanalysed boolean;
BEGIN
	SELECT coalesce(sum(pg_relation_size(t.relid)), 0) / current_setting('block_size')::bigint,
	       sum(greatest(c.reltuples, 0)) FILTER (WHERE c.relkind = 'r'),
	       bool_or(c.reltuples < 0 AND c.relkind = 'r')
	  INTO pages, est, unanalysed
	  FROM (SELECT rel::oid AS relid UNION SELECT p.relid FROM pg_partition_tree(rel) AS p) AS t
	  JOIN pg_class c ON c.oid = t.relid;
	IF pages <= meta.catalog_exact_pages() THEN
		BEGIN
			EXECUTE format('SELECT count(*) FROM %s', rel) INTO row_count;
			exact := true;
			RETURN;
		EXCEPTION WHEN insufficient_privilege THEN
			NULL; -- forced row-level security: the estimate must do
		END;
	END IF;
	row_count := CASE WHEN unanalysed THEN NULL ELSE round(est)::bigint END;
	exact := false;
END $$;
COMMENT ON FUNCTION meta.catalog_rows(regclass) IS '表的行数：小表精确计数，大表取统计估计值';

-- The warehouse's tables (not partitions), with their schema.
CREATE VIEW meta.catalog_table AS
SELECT n.nspname::text AS schema_name, c.relname::text AS table_name, c.oid::regclass AS rel,
       obj_description(c.oid, 'pg_class') AS comment, c.relkind = 'p' AS partitioned
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
   AND n.nspname IN (SELECT meta.catalog_schemas());
COMMENT ON VIEW meta.catalog_table IS '数据资源目录：数据仓库中的表（不含分区）及其说明';
COMMENT ON COLUMN meta.catalog_table.schema_name IS '模式（主题库）';
COMMENT ON COLUMN meta.catalog_table.table_name IS '表名';
COMMENT ON COLUMN meta.catalog_table.rel IS '表的对象标识';
COMMENT ON COLUMN meta.catalog_table.comment IS '表的中文说明';
COMMENT ON COLUMN meta.catalog_table.partitioned IS '是否分区表';

-- The theme databases: each schema with its comment, number of tables and
-- total rows (estimated when any table's count is an estimate).
CREATE FUNCTION api.catalog_schemas()
RETURNS TABLE (schema_name text, comment text, tables integer, total_rows bigint, exact boolean)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT s.nspname::text, obj_description(n.oid, 'pg_namespace'),
	       count(t.rel)::int, coalesce(sum(r.row_count), 0)::bigint, coalesce(bool_and(r.exact), true)
	  FROM meta.catalog_schemas() AS s
	  JOIN pg_namespace n ON n.nspname = s
	  LEFT JOIN meta.catalog_table t ON t.schema_name = s.nspname
	  LEFT JOIN LATERAL meta.catalog_rows(t.rel) AS r ON t.rel IS NOT NULL
	 GROUP BY s.nspname, n.oid
	 ORDER BY s.nspname;
$$;
COMMENT ON FUNCTION api.catalog_schemas() IS '数据资源目录：各主题库（模式）的说明、表数和总行数';

-- What a name given to `smcon catalog NAME` is: a schema (table_name NULL),
-- schema.table, or a table name found in one or more schemas.
CREATE FUNCTION api.catalog_resolve(what text)
RETURNS TABLE (schema_name text, table_name text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT s.nspname::text, NULL::text FROM meta.catalog_schemas() AS s WHERE s.nspname = what
	UNION ALL
	SELECT t.schema_name, t.table_name FROM meta.catalog_table t
	 WHERE what IN (t.table_name, t.schema_name || '.' || t.table_name)
	   AND NOT EXISTS (SELECT 1 FROM meta.catalog_schemas() AS s WHERE s.nspname = what)
	 ORDER BY 1, 2;
$$;
COMMENT ON FUNCTION api.catalog_resolve(text) IS '数据资源目录：把名称解析为模式、模式.表或表';

-- The tables of a schema with their comments and rows.
CREATE FUNCTION api.catalog_tables(theme text)
RETURNS TABLE (table_name text, comment text, row_count bigint, exact boolean, partitioned boolean)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT t.table_name, t.comment, r.row_count, r.exact, t.partitioned
	  FROM meta.catalog_table t
	 CROSS JOIN LATERAL meta.catalog_rows(t.rel) AS r
	 WHERE t.schema_name = theme
	 ORDER BY t.table_name;
$$;
COMMENT ON FUNCTION api.catalog_tables(text) IS '数据资源目录：某主题库的表、说明和行数（精确或估计）';

-- The columns of one table, or of every table of a schema (table_name NULL).
CREATE FUNCTION api.catalog_columns(theme text, tab text DEFAULT NULL)
RETURNS TABLE (table_name text, column_name text, column_no integer, data_type text,
               not_null boolean, comment text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT t.table_name, a.attname::text, a.attnum::int, format_type(a.atttypid, a.atttypmod),
	       a.attnotnull, col_description(a.attrelid, a.attnum)
	  FROM meta.catalog_table t
	  JOIN pg_attribute a ON a.attrelid = t.rel AND a.attnum > 0 AND NOT a.attisdropped
	 WHERE t.schema_name = theme AND (tab IS NULL OR t.table_name = tab)
	 ORDER BY t.table_name, a.attnum;
$$;
COMMENT ON FUNCTION api.catalog_columns(text, text) IS '数据资源目录：表的字段、类型和说明';

REVOKE ALL ON FUNCTION meta.catalog_schemas(), meta.catalog_exact_pages(),
	meta.catalog_rows(regclass), api.catalog_schemas(), api.catalog_resolve(text),
	api.catalog_tables(text), api.catalog_columns(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api.catalog_schemas(), api.catalog_resolve(text),
	api.catalog_tables(text), api.catalog_columns(text, text) TO smcon_staff;
