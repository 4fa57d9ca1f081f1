/* Commands of 双随机、一公开: item list|add, plan list|create|show|file|
 * cancel|draw|verify|publish|overview, and the table of the task commands
 * (cmd_task.c). The rules are the database's; bad input is named by field
 * there and comes back as exit 2, a plan in the wrong state as exit 5. */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "cmd/cmd_inspection.h"

PGresult *insp_cmd_call(struct cmd_ctx *ctx, enum insp_call c, const char *const *params,
                        enum status *st)
{
	struct db_error err;
	db_error_init(&err);
	PGresult *res = insp_run(ctx->db, c, params, &err);
	if (!res) {
		*st = cmd_fail(ctx, insp_status(&err), strbuf_str(&err.message));
		db_error_free(&err);
		return NULL;
	}
	db_error_free(&err);
	*st = ST_OK;
	return res;
}

enum status insp_cmd_print(struct cmd_ctx *ctx, enum insp_call c, const char *const *params,
                           const struct ref_view *v)
{
	enum status st;
	PGresult *res = insp_cmd_call(ctx, c, params, &st);
	if (!res)
		return st;
	struct db_error none;
	db_error_init(&none);
	return ref_print(ctx, res, &none, v);
}

char *insp_opt_array(const struct cmd_args *a, const char *name)
{
	const char *vals[CMD_MAX_OPTS];
	int n = 0;
	for (int i = 0; i < a->nopts; i++)
		if (strcmp(a->opt[i].name, name) == 0)
			vals[n++] = a->opt[i].value;
	if (n == 0)
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	insp_array(&sb, n, vals);
	return strbuf_detach(&sb);
}

enum status insp_opt_date(struct cmd_ctx *ctx, const struct cmd_args *a, const char *name)
{
	const char *s = cmd_opt(a, name);
	if (!s)
		return ST_OK;
	int ok = strlen(s) == 10 && s[4] == '-' && s[7] == '-' && strspn(s, "0123456789") == 4 &&
	         strspn(s + 5, "0123456789") == 2 && strspn(s + 8, "0123456789") == 2;
	int m = ok ? atoi(s + 5) : 0, d = ok ? atoi(s + 8) : 0;
	if (!ok || m < 1 || m > 12 || d < 1 || d > 31)
		return ref_fail(ctx, ST_USAGE, MSG_INSP_BAD_DATE, name, s);
	return ST_OK;
}

/* ---- item ------------------------------------------------------------- */

static const struct ref_col item_cols[] = {
    {"code", MSG_INSP_COL_CODE, CT_TEXT},          {"name", MSG_INSP_COL_NAME, CT_TEXT},
    {"category", MSG_INSP_COL_CATEGORY, CT_TEXT},  {"specialty", MSG_INSP_COL_SPECIALTY, CT_TEXT},
    {"object_type", MSG_INSP_COL_OBJECT, CT_TEXT}, {"method", MSG_INSP_COL_METHOD, CT_TEXT},
    {"legal_basis", MSG_INSP_COL_BASIS, CT_TEXT},  {"in_use", MSG_INSP_COL_IN_USE, CT_BOOL},
};
static const int item_src[] = {0, 1, 2, 3, 4, 5, 6, 7};
static const struct ref_view item_view = {item_cols, item_src, 8, 0, NULL};

static enum status run_item_list(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	(void)args;
	return insp_cmd_print(ctx, INSP_ITEMS, NULL, &item_view);
}

static enum status run_item_add(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	static const char *const need[] = {"name", "category", "basis", "object", "method"};
	static const enum msg_id help[] = {MSG_OPT_INSP_NAME, MSG_OPT_INSP_CATEGORY,
	                                   MSG_OPT_INSP_BASIS, MSG_OPT_INSP_OBJECT,
	                                   MSG_OPT_INSP_METHOD};
	for (size_t i = 0; i < sizeof need / sizeof need[0]; i++)
		if (!cmd_opt(args, need[i]))
			return ref_fail(ctx, ST_USAGE, MSG_INSP_NEED_OPT, need[i], tr(help[i]));
	const char *p[7] = {args->argv[0],
	                    cmd_opt(args, "name"),
	                    cmd_opt(args, "category"),
	                    cmd_opt(args, "basis"),
	                    cmd_opt(args, "object"),
	                    cmd_opt(args, "method"),
	                    cmd_opt(args, "specialty")};
	enum status st;
	PGresult *res = insp_cmd_call(ctx, INSP_ITEM_ADD, p, &st);
	if (!res)
		return st;
	char *msg = trs(MSG_INSP_ITEM_ADDED, PQgetvalue(res, 0, 0));
	fprintf(ctx->out, "%s\n", msg);
	free(msg);
	PQclear(res);
	return ST_OK;
}

/* ---- plan ------------------------------------------------------------- */

static const struct ref_col plan_cols[] = {
    {"plan_no", MSG_INSP_COL_PLAN_NO, CT_TEXT}, {"title", MSG_INSP_COL_TITLE, CT_TEXT},
    {"year", MSG_INSP_COL_YEAR, CT_NUMBER},     {"org_name", MSG_INSP_COL_ORG, CT_TEXT},
    {"status", MSG_INSP_COL_STATUS, CT_TEXT},   {"window_from", MSG_INSP_COL_FROM, CT_TEXT},
    {"window_to", MSG_INSP_COL_TO, CT_TEXT},    {"tasks", MSG_INSP_COL_TASKS, CT_NUMBER},
    {"done", MSG_INSP_COL_DONE, CT_NUMBER},
};
static const int plan_src[] = {0, 1, 2, 3, 4, 5, 6, 7, 8};
static const struct ref_view plan_view = {plan_cols, plan_src, 9, 0, NULL};

static const struct ref_col field_cols[] = {
    {"field", MSG_INSP_COL_FIELD, CT_TEXT},
    {"value", MSG_INSP_COL_VALUE, CT_TEXT},
};
static const int field_src[] = {0, 1};
static const struct ref_view field_view = {field_cols, field_src, 2, 0, NULL};

static const struct ref_col preview_cols[] = {
    {"section", MSG_INSP_COL_SECTION, CT_TEXT},
    {"label", MSG_INSP_COL_LABEL, CT_TEXT},
    {"population", MSG_INSP_COL_POPULATION, CT_NUMBER},
    {"quota", MSG_INSP_COL_QUOTA, CT_NUMBER},
};
static const int preview_src[] = {0, 1, 2, 3};
static const struct ref_view preview_view = {preview_cols, preview_src, 4, 0, NULL};

static const struct ref_col draw_cols[] = {
    {"batch_no", MSG_INSP_COL_BATCH, CT_NUMBER},
    {"seed", MSG_INSP_COL_SEED, CT_TEXT},
    {"seed_source", MSG_INSP_COL_SEED_SOURCE, CT_TEXT},
    {"population", MSG_INSP_COL_POPULATION, CT_NUMBER},
    {"drawn", MSG_INSP_COL_QUOTA, CT_NUMBER},
    {"inspectors", MSG_INSP_COL_INSPECTORS, CT_NUMBER},
};
static const int draw_src[] = {0, 1, 2, 3, 4, 5};
static const struct ref_view draw_view = {draw_cols, draw_src, 6, 1, NULL};

static const struct ref_col publication_cols[] = {
    {"plan_no", MSG_INSP_COL_PLAN_NO, CT_TEXT},
    {"task_no", MSG_INSP_COL_TASK_NO, CT_TEXT},
    {"uscc", MSG_INSP_COL_USCC, CT_TEXT},
    {"entity_name", MSG_INSP_COL_ENTITY, CT_TEXT},
    {"legal_rep", MSG_INSP_COL_LEGAL_REP, CT_TEXT},
    {"items", MSG_INSP_COL_ITEMS, CT_TEXT},
    {"result", MSG_INSP_COL_RESULT, CT_TEXT},
    {"findings", MSG_INSP_COL_FINDINGS, CT_TEXT},
    {"inspected_on", MSG_INSP_COL_INSPECTED_ON, CT_TEXT},
    {"org_name", MSG_INSP_COL_ORG, CT_TEXT},
    {"published_on", MSG_INSP_COL_PUBLISHED_ON, CT_TEXT},
};
static const int publication_src[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
static const struct ref_view publication_view = {publication_cols, publication_src, 11, 0, NULL};

static const struct ref_col overview_cols[] = {
    {"kind", MSG_INSP_COL_KIND, CT_TEXT},
    {"name", MSG_INSP_COL_NAME, CT_TEXT},
    {"tasks", MSG_INSP_COL_TASKS, CT_NUMBER},
    {"done", MSG_INSP_COL_DONE, CT_NUMBER},
    {"confirmed", MSG_INSP_COL_CONFIRMED_N, CT_NUMBER},
    {"published", MSG_INSP_COL_PUBLISHED_N, CT_NUMBER},
    {"overdue", MSG_INSP_COL_OVERDUE, CT_NUMBER},
    {"unpublished_late", MSG_INSP_COL_LATE, CT_NUMBER},
};
static const int overview_src[] = {0, 1, 2, 3, 4, 5, 6, 7};
static const struct ref_view overview_view = {overview_cols, overview_src, 8, 0, NULL};

static const struct ref_col flag_cols[] = {
    {"flag", MSG_INSP_COL_FLAG, CT_TEXT},       {"plan_no", MSG_INSP_COL_PLAN_NO, CT_TEXT},
    {"task_no", MSG_INSP_COL_TASK_NO, CT_TEXT}, {"entity_name", MSG_INSP_COL_ENTITY, CT_TEXT},
    {"due_on", MSG_INSP_COL_DUE, CT_TEXT},      {"basis", MSG_INSP_COL_BASIS, CT_TEXT},
};
static const int flag_src[] = {0, 1, 2, 3, 4, 5};
static const struct ref_view flag_view = {flag_cols, flag_src, 6, 0, NULL};

static enum status run_plan_list(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *year = cmd_opt(args, "year");
	if (year && (strlen(year) != 4 || strspn(year, "0123456789") != 4))
		return ref_fail(ctx, ST_USAGE, MSG_INSP_BAD_NUMBER, "year", year);
	const char *p[1] = {year};
	return insp_cmd_print(ctx, INSP_PLAN_LIST, p, &plan_view);
}

static enum status run_plan_create(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	static const char *const need[] = {"title", "year", "item", "ratio", "from", "to"};
	static const enum msg_id help[] = {MSG_OPT_INSP_TITLE, MSG_OPT_INSP_YEAR, MSG_OPT_INSP_ITEM,
	                                   MSG_OPT_INSP_RATIO, MSG_OPT_INSP_FROM, MSG_OPT_INSP_TO};
	for (size_t i = 0; i < sizeof need / sizeof need[0]; i++)
		if (!cmd_opt(args, need[i]))
			return ref_fail(ctx, ST_USAGE, MSG_INSP_NEED_OPT, need[i], tr(help[i]));
	const char *year = cmd_opt(args, "year"), *recent = cmd_opt(args, "recent");
	if (strlen(year) != 4 || strspn(year, "0123456789") != 4)
		return ref_fail(ctx, ST_USAGE, MSG_INSP_BAD_NUMBER, "year", year);
	if (recent &&
	    (!*recent || strlen(recent) > 3 || strspn(recent, "0123456789") != strlen(recent)))
		return ref_fail(ctx, ST_USAGE, MSG_INSP_BAD_NUMBER, "recent", recent);
	enum status st = insp_opt_date(ctx, args, "from");
	if (st == ST_OK)
		st = insp_opt_date(ctx, args, "to");
	if (st != ST_OK)
		return st;
	char *items = insp_opt_array(args, "item"), *scope = insp_opt_array(args, "scope");
	char *types = insp_opt_array(args, "type"), *industries = insp_opt_array(args, "industry");
	const char *p[11] = {cmd_opt(args, "title"),
	                     year,
	                     items,
	                     scope ? scope : "{}",
	                     cmd_opt(args, "ratio"),
	                     cmd_opt(args, "from"),
	                     cmd_opt(args, "to"),
	                     cmd_opt(args, "kind"),
	                     types,
	                     industries,
	                     recent};
	PGresult *res = insp_cmd_call(ctx, INSP_PLAN_CREATE, p, &st);
	free(items);
	free(scope);
	free(types);
	free(industries);
	if (!res)
		return st;
	if (ctx->format == FMT_TABLE) {
		char *msg = trs(MSG_INSP_CREATED, PQgetvalue(res, 0, 0));
		fprintf(ctx->err, "smcon: %s\n", msg);
		free(msg);
	}
	fprintf(ctx->out, "%s\n", PQgetvalue(res, 0, 0));
	PQclear(res);
	return ST_OK;
}

static enum status run_plan_show(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *p[1] = {args->argv[0]};
	return insp_cmd_print(ctx, INSP_PLAN_SHOW, p, &field_view);
}

static enum status run_plan_file(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *p[1] = {args->argv[0]};
	enum status st;
	PGresult *res = insp_cmd_call(ctx, INSP_PLAN_FILE, p, &st);
	if (!res)
		return st;
	char *msg = trs(MSG_INSP_FILED, PQgetvalue(res, 0, 0));
	fprintf(ctx->out, "%s\n", msg);
	free(msg);
	PQclear(res);
	return ST_OK;
}

static enum status run_plan_cancel(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *reason = cmd_opt(args, "reason");
	if (!reason)
		return ref_fail(ctx, ST_USAGE, MSG_INSP_NEED_OPT, "reason",
		                tr(MSG_OPT_INSP_REASON));
	const char *p[2] = {args->argv[0], reason};
	enum status st;
	PGresult *res = insp_cmd_call(ctx, INSP_PLAN_CANCEL, p, &st);
	if (!res)
		return st;
	fprintf(ctx->out, "%s\n", tr(MSG_INSP_CANCELLED));
	PQclear(res);
	return ST_OK;
}

static enum status run_plan_draw(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	int preview = cmd_opt(args, "preview") != NULL, commit = cmd_opt(args, "commit") != NULL;
	if (preview == commit)
		return ref_fail(ctx, ST_USAGE, MSG_INSP_DRAW_MODE, NULL, NULL);
	if (preview) {
		const char *p[1] = {args->argv[0]};
		return insp_cmd_print(ctx, INSP_PLAN_PREVIEW, p, &preview_view);
	}
	const char *p[3] = {args->argv[0], cmd_opt(args, "seed"), cmd_opt(args, "witness")};
	return insp_cmd_print(ctx, INSP_PLAN_DRAW, p, &draw_view);
}

static enum status run_plan_verify(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *p[1] = {args->argv[0]};
	enum status st;
	PGresult *res = insp_cmd_call(ctx, INSP_PLAN_VERIFY, p, &st);
	if (!res)
		return st;
	int same = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
	fprintf(same ? ctx->out : ctx->err, "%s%s\n", same ? "" : "smcon: ", PQgetvalue(res, 0, 1));
	PQclear(res);
	return same ? ST_OK : ST_ERROR;
}

static enum status run_plan_publish(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *p[1] = {args->argv[0]};
	enum status st;
	PGresult *res = insp_cmd_call(ctx, INSP_PLAN_PUBLISH, p, &st);
	if (!res)
		return st;
	char *msg = trs(MSG_INSP_PUBLISHED, PQgetvalue(res, 0, 0));
	fprintf(ctx->err, "smcon: %s\n", msg);
	free(msg);
	PQclear(res);
	return insp_cmd_print(ctx, INSP_PUBLICATION, p, &publication_view);
}

static enum status run_plan_overview(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	if (cmd_opt(args, "flags")) {
		const char *p[1] = {args->argc > 0 ? args->argv[0] : NULL};
		return insp_cmd_print(ctx, INSP_FLAGS, p, &flag_view);
	}
	return insp_cmd_print(ctx, INSP_OVERVIEW, NULL, &overview_view);
}

/* ---- the table -------------------------------------------------------- */

static const struct cmd_opt item_add_opts[] = {
    {"name", 1, MSG_OPT_INSP_NAME, "TEXT"},
    {"category", 1, MSG_OPT_INSP_CATEGORY, "general|key"},
    {"basis", 1, MSG_OPT_INSP_BASIS, "TEXT"},
    {"object", 1, MSG_OPT_INSP_OBJECT, "TEXT"},
    {"method", 1, MSG_OPT_INSP_METHOD, "TEXT"},
    {"specialty", 1, MSG_OPT_INSP_SPECIALTY, "TEXT"},
    {NULL, 0, MSG_EMPTY, NULL},
};
static const struct cmd_opt plan_list_opts[] = {
    {"year", 1, MSG_OPT_INSP_YEAR, "YYYY"},
    {NULL, 0, MSG_EMPTY, NULL},
};
static const struct cmd_opt plan_create_opts[] = {
    {"title", 1, MSG_OPT_INSP_TITLE, "TEXT"},
    {"year", 1, MSG_OPT_INSP_YEAR, "YYYY"},
    {"item", 1, MSG_OPT_INSP_ITEM, "CODE"},
    {"scope", 1, MSG_OPT_INSP_SCOPE, "DIVISION"},
    {"ratio", 1, MSG_OPT_INSP_RATIO, "A:1,B:2,C:10,D:30"},
    {"from", 1, MSG_OPT_INSP_FROM, "DATE"},
    {"to", 1, MSG_OPT_INSP_TO, "DATE"},
    {"kind", 1, MSG_OPT_INSP_KIND, "KIND"},
    {"type", 1, MSG_OPT_INSP_TYPE, "CODE"},
    {"industry", 1, MSG_OPT_INSP_INDUSTRY, "CODE"},
    {"recent", 1, MSG_OPT_INSP_RECENT, "MONTHS"},
    {NULL, 0, MSG_EMPTY, NULL},
};
static const struct cmd_opt plan_cancel_opts[] = {
    {"reason", 1, MSG_OPT_INSP_REASON, "TEXT"},
    {NULL, 0, MSG_EMPTY, NULL},
};
static const struct cmd_opt plan_draw_opts[] = {
    {"preview", 0, MSG_OPT_INSP_PREVIEW, NULL},
    {"commit", 0, MSG_OPT_INSP_COMMIT, NULL},
    {"seed", 1, MSG_OPT_INSP_SEED, "TEXT"},
    {"witness", 1, MSG_OPT_INSP_WITNESS, "NAME"},
    {NULL, 0, MSG_EMPTY, NULL},
};
static const struct cmd_opt plan_overview_opts[] = {
    {"flags", 0, MSG_ACT_PLAN_OVERVIEW_HELP, NULL},
    {NULL, 0, MSG_EMPTY, NULL},
};
static const struct cmd_opt task_list_opts[] = {
    {"mine", 0, MSG_OPT_INSP_MINE, NULL},
    {"plan", 1, MSG_OPT_INSP_PLAN, "PLAN"},
    {NULL, 0, MSG_EMPTY, NULL},
};
static const struct cmd_opt task_result_opts[] = {
    {"code", 1, MSG_OPT_INSP_CODE, "CODE"},
    {"finding", 1, MSG_OPT_INSP_FINDING, "TEXT"},
    {"done", 1, MSG_OPT_INSP_DONE, "DATE"},
    {"rectify-days", 1, MSG_OPT_INSP_RECTIFY, "N"},
    {NULL, 0, MSG_EMPTY, NULL},
};
static const struct cmd_opt task_abnormal_opts[] = {
    {"accept", 0, MSG_OPT_INSP_ACCEPT, NULL},
    {"reject", 0, MSG_OPT_INSP_REJECT, NULL},
    {NULL, 0, MSG_EMPTY, NULL},
};

const struct command inspection_commands[] = {
    {"item", "list", ACT_ITEM_LIST, "", NULL, 0, 0, 1, run_item_list},
    {"item", "add", ACT_ITEM_ADD, "CODE", item_add_opts, 1, 1, 0, run_item_add},
    {"plan", "list", ACT_PLAN_LIST, "", plan_list_opts, 0, 0, 1, run_plan_list},
    {"plan", "create", ACT_PLAN_CREATE, "", plan_create_opts, 0, 0, 0, run_plan_create},
    {"plan", "show", ACT_PLAN_SHOW, "PLAN", NULL, 1, 1, 1, run_plan_show},
    {"plan", "file", ACT_PLAN_FILE, "PLAN", NULL, 1, 1, 0, run_plan_file},
    {"plan", "cancel", ACT_PLAN_CANCEL, "PLAN", plan_cancel_opts, 1, 1, 0, run_plan_cancel},
    {"plan", "draw", ACT_PLAN_DRAW, "PLAN", plan_draw_opts, 1, 1, 1, run_plan_draw},
    {"plan", "verify", ACT_PLAN_VERIFY, "PLAN", NULL, 1, 1, 0, run_plan_verify},
    {"plan", "publish", ACT_PLAN_PUBLISH, "PLAN", NULL, 1, 1, 1, run_plan_publish},
    {"plan", "overview", ACT_PLAN_OVERVIEW, "[PLAN]", plan_overview_opts, 0, 1, 1,
     run_plan_overview},
    {"task", "list", ACT_TASK_LIST, "", task_list_opts, 0, 0, 1, run_task_list},
    {"task", "show", ACT_TASK_SHOW, "TASK", NULL, 1, 1, 1, run_task_show},
    {"task", "result", ACT_TASK_RESULT, "TASK", task_result_opts, 1, 1, 1, run_task_result},
    {"task", "confirm", ACT_TASK_CONFIRM, "TASK", NULL, 1, 1, 0, run_task_confirm},
    {"task", "abnormal", ACT_TASK_ABNORMAL, "TASK", task_abnormal_opts, 1, 1, 0, run_task_abnormal},
    {NULL, NULL, ACT_NONE, NULL, NULL, 0, 0, 0, NULL},
};
