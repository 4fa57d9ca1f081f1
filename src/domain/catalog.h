/* The data catalog (数据资源目录): the warehouse's schemas, tables and
 * columns with their Chinese comments and row counts, read from the system
 * catalogs by the api.catalog_* functions (sql/migrations/0030_catalog.sql). */
#ifndef SMCON_CATALOG_H
#define SMCON_CATALOG_H

#include <libpq-fe.h>

#include "db/db.h"

/* Each returns a result the caller PQclear()s, or NULL with err filled. */
/* schema_name, comment, tables, total_rows, exact */
PGresult *catalog_schemas(struct db *db, struct db_error *err);
/* What a name is: rows (schema_name, table_name), table_name NULL for a schema. */
PGresult *catalog_resolve(struct db *db, const char *name, struct db_error *err);
/* table_name, comment, row_count, exact, partitioned */
PGresult *catalog_tables(struct db *db, const char *schema, struct db_error *err);
/* table_name, column_name, column_no, data_type, not_null, comment; table NULL = all */
PGresult *catalog_columns(struct db *db, const char *schema, const char *table,
                          struct db_error *err);

#endif
