/* The command table of the reference part and the helpers its commands
 * share; the commands are in cmd_calendar.c, cmd_policy.c, cmd_catalog.c. */
#include "cmd/cmd_reference.h"

#include <stdlib.h>
#include <string.h>

enum status ref_print(struct cmd_ctx *ctx, PGresult *res, struct db_error *err,
                      const struct ref_view *v)
{
	if (!res)
		return ref_db_fail(ctx, err);
	db_error_free(err);
	struct rowset *rs = rowset_new(v->n);
	rs->record = v->record;
	for (int i = 0; i < v->n; i++)
		rowset_col(rs, i, v->cols[i].key, tr(v->cols[i].label), v->cols[i].type);
	for (int i = 0; i < PQntuples(res); i++) {
		int r = rowset_add_row(rs);
		for (int c = 0; c < v->n; c++) {
			const char *val = ref_value(res, i, v->src[c]);
			if (v->cols[c].type == CT_BOOL) /* a table shows it as 是/否 */
				val = val && strcmp(val, "t") == 0 ? "t" : "f";
			rowset_set(rs, r, c, val);
		}
		if (v->fix)
			v->fix(ctx, rs, r, res);
	}
	PQclear(res);
	cmd_print(ctx, rs);
	return ST_OK;
}

enum status ref_db_fail(struct cmd_ctx *ctx, struct db_error *err)
{
	enum status st = cmd_db_fail(ctx, err);
	db_error_free(err);
	return st;
}

enum status ref_fail(struct cmd_ctx *ctx, enum status st, enum msg_id m, const char *a,
                     const char *b)
{
	char *msg = trs(m, a, b);
	cmd_fail(ctx, st, msg);
	free(msg);
	return st;
}

const char *ref_flag(const struct cmd_ctx *ctx, const char *value, enum msg_id yes, enum msg_id no)
{
	int is = value && strcmp(value, "t") == 0;
	if (ctx->format != FMT_TABLE)
		return is ? "t" : "f";
	return tr(is ? yes : no);
}

const char *ref_value(const PGresult *res, int row, int col)
{
	return PQgetisnull(res, row, col) ? NULL : PQgetvalue(res, row, col);
}

static const struct cmd_opt policy_search_opts[] = {
    {"law", 1, MSG_OPT_POLICY_LAW, "TITLE"},
    {"limit", 1, MSG_OPT_POLICY_LIMIT, "N"},
    {NULL, 0, MSG_EMPTY, NULL},
};

static const struct cmd_opt catalog_opts[] = {
    {"columns", 0, MSG_OPT_CATALOG_COLUMNS, NULL},
    {NULL, 0, MSG_EMPTY, NULL},
};

const struct command reference_commands[] = {
    {"calendar", "load", ACT_CALENDAR_LOAD, "FILE.csv", NULL, 1, 1, 1, run_calendar_load},
    {"calendar", "deadline", ACT_CALENDAR_DEADLINE, "DATE N", NULL, 2, 2, 1, run_calendar_deadline},
    {"calendar", "workdays", ACT_CALENDAR_WORKDAYS, "FROM TO", NULL, 2, 2, 1,
     run_calendar_workdays},
    {"calendar", "show", ACT_CALENDAR_SHOW, "[YEAR]", NULL, 0, 1, 1, run_calendar_show},
    {"policy", "search", ACT_POLICY_SEARCH, "WORD...", policy_search_opts, 1, -1, 1,
     run_policy_search},
    {"policy", "show", ACT_POLICY_SHOW, "LAW ARTICLE", NULL, 2, 2, 1, run_policy_show},
    {"policy", "laws", ACT_POLICY_LAWS, "[TITLE]", NULL, 0, 1, 1, run_policy_laws},
    {"catalog", NULL, ACT_CATALOG, "[THEME|TABLE]", catalog_opts, 0, 1, 1, run_catalog},
    {NULL, NULL, ACT_NONE, NULL, NULL, 0, 0, 0, NULL},
};
