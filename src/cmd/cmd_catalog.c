/* The data catalog command: catalog [THEME|TABLE] [--columns]. */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "cmd/cmd_reference.h"
#include "domain/catalog.h"

static void fix_schema(const struct cmd_ctx *ctx, struct rowset *rs, int r, const PGresult *res)
{
	rowset_set(rs, r, 4,
	           ref_flag(ctx, PQgetvalue(res, r, 4), MSG_CAT_EXACT, MSG_CAT_SOME_ESTIMATED));
}

static enum status list_schemas(struct cmd_ctx *ctx, struct db_error *err)
{
	static const struct ref_col cols[] = {
	    {"theme", MSG_CAT_COL_SCHEMA, CT_TEXT},    {"comment", MSG_CAT_COL_COMMENT, CT_TEXT},
	    {"tables", MSG_CAT_COL_TABLES, CT_NUMBER}, {"rows", MSG_CAT_COL_ROWS, CT_NUMBER},
	    {"exact", MSG_CAT_COL_COUNT, CT_BOOL},
	};
	static const int src[] = {0, 1, 2, 3, 4};
	static const struct ref_view view = {cols, src, 5, 0, fix_schema};
	return ref_print(ctx, catalog_schemas(ctx->db, err), err, &view);
}

static void fix_table(const struct cmd_ctx *ctx, struct rowset *rs, int r, const PGresult *res)
{
	rowset_set(rs, r, 3, ref_flag(ctx, PQgetvalue(res, r, 3), MSG_CAT_EXACT, MSG_CAT_ESTIMATE));
}

static enum status list_tables(struct cmd_ctx *ctx, const char *schema, struct db_error *err)
{
	static const struct ref_col cols[] = {
	    {"table", MSG_CAT_COL_TABLE, CT_TEXT},
	    {"comment", MSG_CAT_COL_COMMENT, CT_TEXT},
	    {"rows", MSG_CAT_COL_ROWS, CT_NUMBER},
	    {"exact", MSG_CAT_COL_COUNT, CT_BOOL},
	};
	static const int src[] = {0, 1, 2, 3};
	static const struct ref_view view = {cols, src, 4, 0, fix_table};
	return ref_print(ctx, catalog_tables(ctx->db, schema, err), err, &view);
}

/* The columns of one table, or (table NULL) of every table of the schema. */
static enum status list_columns(struct cmd_ctx *ctx, const char *schema, const char *table,
                                struct db_error *err)
{
	static const struct ref_col cols[] = {
	    {"table", MSG_CAT_COL_TABLE, CT_TEXT},     {"column", MSG_CAT_COL_COLUMN, CT_TEXT},
	    {"type", MSG_CAT_COL_TYPE, CT_TEXT},       {"not_null", MSG_CAT_COL_NOT_NULL, CT_BOOL},
	    {"comment", MSG_CAT_COL_COMMENT, CT_TEXT},
	};
	static const int src[] = {0, 1, 3, 4, 5};
	int one = table != NULL; /* one table: no table column */
	struct ref_view view = {cols + one, src + one, 5 - one, 0, NULL};
	return ref_print(ctx, catalog_columns(ctx->db, schema, table, err), err, &view);
}

/* Several tables of that name: "core.x、rights.x". */
static enum status ambiguous(struct cmd_ctx *ctx, const char *name, const PGresult *res)
{
	struct strbuf list = STRBUF_INIT;
	for (int i = 0; i < PQntuples(res); i++)
		strbuf_addf(&list, "%s%s.%s", i ? tr(MSG_LIST_SEPARATOR) : "",
		            PQgetvalue(res, i, 0), PQgetvalue(res, i, 1));
	enum status st = ref_fail(ctx, ST_USAGE, MSG_CAT_AMBIGUOUS, name, strbuf_str(&list));
	strbuf_free(&list);
	return st;
}

enum status run_catalog(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct db_error err;
	db_error_init(&err);
	if (args->argc == 0)
		return list_schemas(ctx, &err);
	const char *name = args->argv[0];
	PGresult *res = catalog_resolve(ctx->db, name, &err);
	if (!res)
		return ref_db_fail(ctx, &err);
	int n = PQntuples(res);
	if (n != 1) {
		enum status st = n ? ambiguous(ctx, name, res)
		                   : ref_fail(ctx, ST_NOTFOUND, MSG_CAT_NOT_FOUND, name, NULL);
		PQclear(res);
		db_error_free(&err);
		return st;
	}
	char *schema = xstrdup(PQgetvalue(res, 0, 0));
	char *table = PQgetisnull(res, 0, 1) ? NULL : xstrdup(PQgetvalue(res, 0, 1));
	PQclear(res);
	enum status st = table || cmd_opt(args, "columns") ? list_columns(ctx, schema, table, &err)
	                                                   : list_tables(ctx, schema, &err);
	free(schema);
	free(table);
	return st;
}
