/* Commands of an inspector's day: task list, show, result, confirm, and
 * the supervisor's decision on an abnormal-operation proposal. */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd_inspection.h"

static const struct ref_col task_cols[] = {
    {"task_no", MSG_INSP_COL_TASK_NO, CT_TEXT},     {"plan_no", MSG_INSP_COL_PLAN_NO, CT_TEXT},
    {"uscc", MSG_INSP_COL_USCC, CT_TEXT},           {"entity_name", MSG_INSP_COL_ENTITY, CT_TEXT},
    {"status", MSG_INSP_COL_STATUS, CT_TEXT},       {"due_on", MSG_INSP_COL_DUE, CT_TEXT},
    {"team", MSG_INSP_COL_TEAM, CT_TEXT},           {"result", MSG_INSP_COL_RESULT, CT_TEXT},
    {"confirmed", MSG_INSP_COL_CONFIRMED, CT_BOOL},
};
static const int task_src[] = {0, 1, 2, 3, 4, 5, 6, 7, 8};
static const struct ref_view task_view = {task_cols, task_src, 9, 0, NULL};

static const struct ref_col field_cols[] = {
    {"field", MSG_INSP_COL_FIELD, CT_TEXT},
    {"value", MSG_INSP_COL_VALUE, CT_TEXT},
};
static const int field_src[] = {0, 1};
static const struct ref_view field_view = {field_cols, field_src, 2, 0, NULL};

static const struct ref_col result_cols[] = {
    {"version", MSG_INSP_COL_VERSION, CT_NUMBER},
    {"rectification_due_on", MSG_INSP_COL_RECTIFY_DUE, CT_TEXT},
    {"publish_due_on", MSG_INSP_COL_PUBLISH_DUE, CT_TEXT},
    {"abnormal_proposal", MSG_INSP_COL_ABNORMAL, CT_TEXT},
};
static const int result_src[] = {0, 1, 2, 3};
static const struct ref_view result_view = {result_cols, result_src, 4, 1, NULL};

enum status run_task_list(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *p[2] = {cmd_opt(args, "mine") ? "t" : "f", cmd_opt(args, "plan")};
	return insp_cmd_print(ctx, INSP_TASK_LIST, p, &task_view);
}

enum status run_task_show(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *p[1] = {args->argv[0]};
	return insp_cmd_print(ctx, INSP_TASK_SHOW, p, &field_view);
}

enum status run_task_result(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *code = cmd_opt(args, "code");
	const char *days = cmd_opt(args, "rectify-days");
	if (!code || !*code)
		return ref_fail(ctx, ST_USAGE, MSG_INSP_NEED_OPT, "code", tr(MSG_OPT_INSP_CODE));
	enum status st = insp_opt_date(ctx, args, "done");
	if (st != ST_OK)
		return st;
	if (days && (!*days || strspn(days, "0123456789") != strlen(days) || strlen(days) > 4))
		return ref_fail(ctx, ST_USAGE, MSG_INSP_BAD_NUMBER, "rectify-days", days);
	char *findings = insp_opt_array(args, "finding");
	const char *p[5] = {args->argv[0], code, findings, cmd_opt(args, "done"), days};
	st = insp_cmd_print(ctx, INSP_TASK_RESULT, p, &result_view);
	free(findings);
	return st;
}

enum status run_task_confirm(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *p[1] = {args->argv[0]};
	enum status st;
	PGresult *res = insp_cmd_call(ctx, INSP_TASK_CONFIRM, p, &st);
	if (!res)
		return st;
	char *msg = trs(MSG_INSP_CONFIRMED, PQgetvalue(res, 0, 0));
	fprintf(ctx->out, "%s\n", msg);
	free(msg);
	PQclear(res);
	return ST_OK;
}

enum status run_task_abnormal(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	int accept = cmd_opt(args, "accept") != NULL, reject = cmd_opt(args, "reject") != NULL;
	if (accept == reject)
		return ref_fail(ctx, ST_USAGE, MSG_INSP_ACCEPT_MODE, NULL, NULL);
	const char *p[2] = {args->argv[0], accept ? "t" : "f"};
	enum status st;
	PGresult *res = insp_cmd_call(ctx, INSP_TASK_ABNORMAL, p, &st);
	if (!res)
		return st;
	fprintf(ctx->out, "%s\n", PQgetvalue(res, 0, 0));
	PQclear(res);
	return ST_OK;
}
