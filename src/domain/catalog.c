#include "domain/catalog.h"

static const char *const sql_schemas =
    "SELECT schema_name, comment, tables, total_rows, exact FROM api.catalog_schemas()";

PGresult *catalog_schemas(struct db *db, struct db_error *err)
{
	return db_exec(db, sql_schemas, 0, NULL, err);
}

static const char *const sql_resolve =
    "SELECT schema_name, table_name FROM api.catalog_resolve($1)";

PGresult *catalog_resolve(struct db *db, const char *name, struct db_error *err)
{
	const char *params[1] = {name};
	return db_exec(db, sql_resolve, 1, params, err);
}

static const char *const sql_tables =
    "SELECT table_name, comment, row_count, exact, partitioned FROM api.catalog_tables($1)";

PGresult *catalog_tables(struct db *db, const char *schema, struct db_error *err)
{
	const char *params[1] = {schema};
	return db_exec(db, sql_tables, 1, params, err);
}

static const char *const sql_columns =
    "SELECT table_name, column_name, column_no, data_type, not_null, comment"
    "  FROM api.catalog_columns($1, $2)";

PGresult *catalog_columns(struct db *db, const char *schema, const char *table,
                          struct db_error *err)
{
	const char *params[2] = {schema, table};
	return db_exec(db, sql_columns, 2, params, err);
}
