/* The commands of the 96333 desk: rescue new|list|show|board and one
 * command per step of an incident (dispatch … callback, escalate, take).
 * The database checks and records every step; a step refused because the
 * incident is not (or no longer) in the state it needs exits 5 with the
 * state it is in. */
#include <stdlib.h>
#include <string.h>

#include "base/tz.h"
#include "cmd/cmd_reference.h"
#include "domain/rescue.h"

static const struct ref_col board_cols[] = {
    {"incident_no", MSG_RESCUE_COL_NO, CT_TEXT},
    {"state", MSG_RESCUE_COL_STATE, CT_TEXT},
    {"level", MSG_RESCUE_COL_LEVEL, CT_NUMBER},
    {"received_at", MSG_RESCUE_COL_RECEIVED, CT_TEXT},
    {"address", MSG_RESCUE_COL_ADDRESS, CT_TEXT},
    {"trapped", MSG_RESCUE_COL_TRAPPED, CT_NUMBER},
    {"injured", MSG_RESCUE_COL_INJURED, CT_BOOL},
    {"deadline_at", MSG_RESCUE_COL_DEADLINE, CT_TEXT},
    {"unit", MSG_RESCUE_COL_UNIT, CT_TEXT},
    {"unit_phone", MSG_RESCUE_COL_UNIT_PHONE, CT_TEXT},
    {"handler", MSG_RESCUE_COL_HANDLER, CT_TEXT},
    {"proposal", MSG_RESCUE_COL_PROPOSAL, CT_NUMBER},
    {"version", MSG_RESCUE_COL_VERSION, CT_NUMBER},
    {"id", MSG_RESCUE_COL_ID, CT_NUMBER},
};
static const int board_src[] = {RB_NO,      RB_STATE,    RB_LEVEL,    RB_RECEIVED, RB_ADDRESS,
                                RB_TRAPPED, RB_INJURED,  RB_DEADLINE, RB_UNIT,     RB_UNIT_PHONE,
                                RB_HANDLER, RB_PROPOSAL, RB_VERSION,  RB_ID};

static const struct ref_col list_cols[] = {
    {"incident_no", MSG_RESCUE_COL_NO, CT_TEXT},  {"state", MSG_RESCUE_COL_STATE, CT_TEXT},
    {"level", MSG_RESCUE_COL_LEVEL, CT_NUMBER},   {"received_at", MSG_RESCUE_COL_RECEIVED, CT_TEXT},
    {"address", MSG_RESCUE_COL_ADDRESS, CT_TEXT}, {"trapped", MSG_RESCUE_COL_TRAPPED, CT_NUMBER},
    {"unit", MSG_RESCUE_COL_UNIT, CT_TEXT},       {"id", MSG_RESCUE_COL_ID, CT_NUMBER},
};
static const int list_src[] = {1, 2, 3, 4, 5, 6, 7, 0};

static const struct ref_col show_cols[] = {
    {"field", MSG_RESCUE_COL_FIELD, CT_TEXT},
    {"value", MSG_RESCUE_COL_VALUE, CT_TEXT},
};
static const int show_src[] = {0, 1};

static const struct ref_col step_cols[] = {
    {"at", MSG_RESCUE_COL_AT, CT_TEXT},
    {"step", MSG_RESCUE_COL_STEP, CT_TEXT},
    {"staff", MSG_RESCUE_COL_STAFF, CT_TEXT},
    {"state", MSG_RESCUE_COL_STATE, CT_TEXT},
    {"level", MSG_RESCUE_COL_LEVEL, CT_NUMBER},
    {"reason", MSG_RESCUE_COL_REASON, CT_TEXT},
    {"proposed", MSG_RESCUE_COL_PROPOSED, CT_TEXT},
    {"target", MSG_RESCUE_COL_TARGET, CT_TEXT},
    {"note", MSG_RESCUE_COL_NOTE, CT_TEXT},
    {"version", MSG_RESCUE_COL_VERSION, CT_NUMBER},
};
static const int step_src[] = {0, 1, 2, 4, 5, 6, 7, 8, 9, 10};

static const struct ref_col proposal_cols[] = {
    {"level", MSG_RESCUE_COL_LEVEL, CT_NUMBER},          {"reason", MSG_RESCUE_COL_REASON, CT_TEXT},
    {"target", MSG_RESCUE_COL_TARGET, CT_TEXT},          {"phone", MSG_RESCUE_COL_PHONE, CT_TEXT},
    {"distance_km", MSG_RESCUE_COL_DISTANCE, CT_NUMBER},
};
static const int proposal_src[] = {0, 2, 3, 4, 5};

static const struct {
	const char *code;
	enum msg_id label;
} states[] = {
    {"received", MSG_RESCUE_ST_RECEIVED},
    {"dispatched", MSG_RESCUE_ST_DISPATCHED},
    {"acknowledged", MSG_RESCUE_ST_ACKNOWLEDGED},
    {"en_route", MSG_RESCUE_ST_EN_ROUTE},
    {"arrived", MSG_RESCUE_ST_ARRIVED},
    {"released", MSG_RESCUE_ST_RELEASED},
    {"closed", MSG_RESCUE_ST_CLOSED},
    {"callback_done", MSG_RESCUE_ST_CALLBACK_DONE},
    {"cancelled", MSG_RESCUE_ST_CANCELLED},
};

/* A state's label in a table; its code in CSV and JSON. */
static const char *state_label(const struct cmd_ctx *ctx, const char *code)
{
	if (!code || ctx->format != FMT_TABLE)
		return code;
	for (size_t i = 0; i < sizeof states / sizeof states[0]; i++)
		if (strcmp(states[i].code, code) == 0)
			return tr(states[i].label);
	return code;
}

static void fix_state(const struct cmd_ctx *ctx, struct rowset *rs, int r, int col)
{
	const char *v = rs->cells[r * rs->ncols + col];
	if (v) {
		char *copy = strdup(v);
		rowset_set(rs, r, col, state_label(ctx, copy));
		free(copy);
	}
}

/* A timestamp to the second, in the console's time zone. */
static void fix_ts(struct rowset *rs, int r, int col)
{
	const char *v = rs->cells[r * rs->ncols + col];
	if (v) {
		struct strbuf b = STRBUF_INIT;
		tz_format_pg(v, &b);
		rowset_set(rs, r, col, strbuf_str(&b));
		strbuf_free(&b);
	}
}

static void fix_board(const struct cmd_ctx *ctx, struct rowset *rs, int r, const PGresult *res)
{
	(void)res;
	fix_state(ctx, rs, r, 1);
	if (rs->ncols > 3)
		fix_ts(rs, r, 3);
	if (rs->ncols > 7 && strcmp(rs->cols[7].key, "deadline_at") == 0)
		fix_ts(rs, r, 7);
}

static void fix_steps(const struct cmd_ctx *ctx, struct rowset *rs, int r, const PGresult *res)
{
	(void)res;
	fix_state(ctx, rs, r, 3);
	fix_ts(rs, r, 0);
}

static void fix_show(const struct cmd_ctx *ctx, struct rowset *rs, int r, const PGresult *res)
{
	(void)res;
	if (strcmp(rs->cells[r * rs->ncols], "state") == 0)
		fix_state(ctx, rs, r, 1);
}

#define VIEW(cols, src, record, fix)                                                               \
	{                                                                                          \
		cols, src, (int)(sizeof src / sizeof src[0]), record, fix                          \
	}

static enum status need(struct cmd_ctx *ctx, const struct cmd_args *a, const char *opt)
{
	if (cmd_opt(a, opt))
		return ST_OK;
	return ref_fail(ctx, ST_USAGE, MSG_RESCUE_NEEDS_OPT, opt, NULL);
}

static enum status run_rescue_new(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct db_error err;
	if (need(ctx, args, "code") || need(ctx, args, "phone") || need(ctx, args, "trapped"))
		return ST_USAGE;
	db_error_init(&err);
	PGresult *res = rescue_new(
	    ctx->db, cmd_opt(args, "code"), cmd_opt(args, "phone"), cmd_opt(args, "trapped"),
	    cmd_opt(args, "injured") ? "true" : "false", cmd_opt(args, "note"), &err);
	if (!res)
		return ref_db_fail(ctx, &err);
	if (ctx->format == FMT_TABLE) {
		fprintf(ctx->out, "%s\n", PQgetvalue(res, 0, 1));
		PQclear(res);
		db_error_free(&err);
		return ST_OK;
	}
	static const struct ref_col cols[] = {{"id", MSG_RESCUE_COL_ID, CT_NUMBER},
	                                      {"incident_no", MSG_RESCUE_COL_NO, CT_TEXT},
	                                      {"version", MSG_RESCUE_COL_VERSION, CT_NUMBER}};
	static const int src[] = {0, 1, 2};
	const struct ref_view v = VIEW(cols, src, 1, NULL);
	return ref_print(ctx, res, &err, &v);
}

static enum status run_rescue_list(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct db_error err;
	db_error_init(&err);
	if (cmd_opt(args, "open")) {
		const struct ref_view v = VIEW(board_cols, board_src, 0, fix_board);
		return ref_print(ctx, rescue_board(ctx->db, NULL, &err), &err, &v);
	}
	const struct ref_view v = VIEW(list_cols, list_src, 0, fix_board);
	return ref_print(ctx, rescue_list(ctx->db, "false", cmd_opt(args, "limit"), &err), &err,
	                 &v);
}

/* The id of the incident named by the first argument, or NULL (reported). */
static char *incident_id(struct cmd_ctx *ctx, const char *no, enum status *st)
{
	struct db_error err;
	char *id;
	db_error_init(&err);
	*st = rescue_find(ctx->db, no, &id, &err);
	if (*st != ST_OK)
		*st = ref_db_fail(ctx, &err);
	else
		db_error_free(&err);
	return id;
}

static enum status run_rescue_show(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	enum status st;
	struct db_error err;
	char *id = incident_id(ctx, args->argv[0], &st);
	if (!id)
		return st;
	db_error_init(&err);
	const struct ref_view show = VIEW(show_cols, show_src, 0, fix_show);
	st = ref_print(ctx, rescue_show(ctx->db, id, &err), &err, &show);
	if (st == ST_OK && ctx->format == FMT_TABLE) {
		fprintf(ctx->out, "\n%s\n", tr(MSG_RESCUE_STEPS));
		db_error_init(&err);
		const struct ref_view steps = VIEW(step_cols, step_src, 0, fix_steps);
		st = ref_print(ctx, rescue_steps(ctx->db, id, &err), &err, &steps);
	}
	if (st == ST_OK && ctx->format == FMT_TABLE) {
		fprintf(ctx->out, "\n%s\n", tr(MSG_RESCUE_PROPOSALS));
		db_error_init(&err);
		const struct ref_view props = VIEW(proposal_cols, proposal_src, 0, NULL);
		st = ref_print(ctx, rescue_proposals(ctx->db, id, &err), &err, &props);
	}
	free(id);
	return st;
}

/* The incident's board row after a step: number, state, version. */
static enum status print_after(struct cmd_ctx *ctx, const char *id)
{
	static const struct ref_col cols[] = {{"incident_no", MSG_RESCUE_COL_NO, CT_TEXT},
	                                      {"state", MSG_RESCUE_COL_STATE, CT_TEXT},
	                                      {"level", MSG_RESCUE_COL_LEVEL, CT_NUMBER},
	                                      {"version", MSG_RESCUE_COL_VERSION, CT_NUMBER}};
	static const int src[] = {RB_NO, RB_STATE, RB_LEVEL, RB_VERSION};
	struct db_error err;
	db_error_init(&err);
	const struct ref_view v = VIEW(cols, src, 0, fix_board);
	return ref_print(ctx, rescue_board(ctx->db, id, &err), &err, &v);
}

static enum status step(struct cmd_ctx *ctx, const struct cmd_args *args, enum rescue_verb verb,
                        const char *a1, const char *a2, const char *a3)
{
	enum status st;
	struct db_error err;
	char *id = incident_id(ctx, args->argv[0], &st);
	if (!id)
		return st;
	db_error_init(&err);
	st = rescue_step(ctx->db, verb, id, cmd_opt(args, "version"), a1, a2, a3, NULL, &err);
	if (st != ST_OK)
		st = ref_db_fail(ctx, &err);
	else {
		db_error_free(&err);
		st = print_after(ctx, id);
	}
	free(id);
	return st;
}

static enum status run_rescue_dispatch(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	return step(ctx, args, RV_DISPATCH, NULL, NULL, NULL);
}

static enum status run_rescue_ack(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	return step(ctx, args, RV_ACK, NULL, NULL, NULL);
}

static enum status run_rescue_enroute(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	return step(ctx, args, RV_ENROUTE, cmd_opt(args, "eta"), NULL, NULL);
}

static enum status run_rescue_arrive(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	return step(ctx, args, RV_ARRIVE, NULL, NULL, NULL);
}

static enum status run_rescue_release(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	return step(ctx, args, RV_RELEASE, cmd_opt(args, "count"), NULL, NULL);
}

static enum status run_rescue_close(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	if (need(ctx, args, "cause"))
		return ST_USAGE;
	return step(ctx, args, RV_CLOSE, cmd_opt(args, "cause"), cmd_opt(args, "note"), NULL);
}

static enum status run_rescue_cancel(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	if (need(ctx, args, "reason"))
		return ST_USAGE;
	return step(ctx, args, RV_CANCEL, cmd_opt(args, "reason"), cmd_opt(args, "note"), NULL);
}

static enum status run_rescue_callback(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	if (need(ctx, args, "result"))
		return ST_USAGE;
	return step(ctx, args, RV_CALLBACK, cmd_opt(args, "result"), cmd_opt(args, "note"), NULL);
}

static enum status run_rescue_escalate(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	if (cmd_opt(args, "decline"))
		return step(ctx, args, RV_DECLINE, cmd_opt(args, "level"), cmd_opt(args, "note"),
		            NULL);
	return step(ctx, args, RV_ESCALATE, cmd_opt(args, "level"), cmd_opt(args, "to"),
	            cmd_opt(args, "note"));
}

/* smcon rescue phone NUMBER: the caller's whole number, as the callback
 * form shows it (api.rescue_caller_phone: audited, refused to other roles). */
static enum status run_rescue_phone(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	enum status st;
	struct db_error err;
	char *id = incident_id(ctx, args->argv[0], &st), *phone = NULL;
	if (!id)
		return st;
	db_error_init(&err);
	st = rescue_caller_phone(ctx->db, id, &phone, &err);
	if (st != ST_OK) {
		st = ref_db_fail(ctx, &err);
	} else {
		db_error_free(&err);
		struct rowset *rs = rowset_new(2);
		rs->record = 1;
		int row = rowset_add_row(rs);
		rowset_col(rs, 0, "incident", tr(MSG_RESCUE_COL_NO), CT_TEXT);
		rowset_col(rs, 1, "caller_phone", tr(MSG_RESCUE_LABEL_PHONE), CT_TEXT);
		rowset_set(rs, row, 0, args->argv[0]);
		rowset_set(rs, row, 1, phone);
		cmd_print(ctx, rs);
	}
	free(phone);
	free(id);
	return st;
}

static enum status run_rescue_take(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	enum status st;
	struct db_error err;
	char *id = incident_id(ctx, args->argv[0], &st);
	if (!id)
		return st;
	db_error_init(&err);
	PGresult *res = rescue_take(ctx->db, id, &err);
	if (!res)
		st = ref_db_fail(ctx, &err);
	else {
		PQclear(res);
		db_error_free(&err);
		st = print_after(ctx, id);
	}
	free(id);
	return st;
}

static const struct cmd_opt new_opts[] = {
    {"code", 1, MSG_OPT_RESCUE_CODE, "CODE"},    {"phone", 1, MSG_OPT_RESCUE_PHONE, "PHONE"},
    {"trapped", 1, MSG_OPT_RESCUE_TRAPPED, "N"}, {"injured", 0, MSG_OPT_RESCUE_INJURED, NULL},
    {"note", 1, MSG_OPT_RESCUE_NOTE, "TEXT"},    {NULL, 0, MSG_EMPTY, NULL},
};
static const struct cmd_opt list_opts[] = {
    {"open", 0, MSG_OPT_RESCUE_OPEN, NULL},
    {"limit", 1, MSG_OPT_RESCUE_LIMIT, "N"},
    {NULL, 0, MSG_EMPTY, NULL},
};
static const struct cmd_opt step_opts[] = {
    {"version", 1, MSG_OPT_RESCUE_VERSION, "V"},
    {NULL, 0, MSG_EMPTY, NULL},
};
static const struct cmd_opt enroute_opts[] = {
    {"version", 1, MSG_OPT_RESCUE_VERSION, "V"},
    {"eta", 1, MSG_OPT_RESCUE_ETA, "MINUTES"},
    {NULL, 0, MSG_EMPTY, NULL},
};
static const struct cmd_opt release_opts[] = {
    {"version", 1, MSG_OPT_RESCUE_VERSION, "V"},
    {"count", 1, MSG_OPT_RESCUE_COUNT, "N"},
    {NULL, 0, MSG_EMPTY, NULL},
};
static const struct cmd_opt close_opts[] = {
    {"version", 1, MSG_OPT_RESCUE_VERSION, "V"},
    {"cause", 1, MSG_OPT_RESCUE_CAUSE, "CAUSE"},
    {"note", 1, MSG_OPT_RESCUE_NOTE, "TEXT"},
    {NULL, 0, MSG_EMPTY, NULL},
};
static const struct cmd_opt cancel_opts[] = {
    {"version", 1, MSG_OPT_RESCUE_VERSION, "V"},
    {"reason", 1, MSG_OPT_RESCUE_REASON, "REASON"},
    {"note", 1, MSG_OPT_RESCUE_NOTE, "TEXT"},
    {NULL, 0, MSG_EMPTY, NULL},
};
static const struct cmd_opt callback_opts[] = {
    {"version", 1, MSG_OPT_RESCUE_VERSION, "V"},
    {"result", 1, MSG_OPT_RESCUE_RESULT, "RESULT"},
    {"note", 1, MSG_OPT_RESCUE_NOTE, "TEXT"},
    {NULL, 0, MSG_EMPTY, NULL},
};
static const struct cmd_opt escalate_opts[] = {
    {"version", 1, MSG_OPT_RESCUE_VERSION, "V"},  {"level", 1, MSG_OPT_RESCUE_LEVEL, "2|3"},
    {"to", 1, MSG_OPT_RESCUE_TO, "TARGET"},       {"note", 1, MSG_OPT_RESCUE_NOTE, "TEXT"},
    {"decline", 0, MSG_OPT_RESCUE_DECLINE, NULL}, {NULL, 0, MSG_EMPTY, NULL},
};

const struct command rescue_commands[] = {
    {"rescue", "new", ACT_RESCUE_NEW, "", new_opts, 0, 0, 1, run_rescue_new},
    {"rescue", "list", ACT_RESCUE_LIST, "", list_opts, 0, 0, 1, run_rescue_list},
    {"rescue", "show", ACT_RESCUE_SHOW, "NUMBER", NULL, 1, 1, 1, run_rescue_show},
    {"rescue", "dispatch", ACT_RESCUE_DISPATCH, "NUMBER", step_opts, 1, 1, 1, run_rescue_dispatch},
    {"rescue", "ack", ACT_RESCUE_ACK, "NUMBER", step_opts, 1, 1, 1, run_rescue_ack},
    {"rescue", "enroute", ACT_RESCUE_ENROUTE, "NUMBER", enroute_opts, 1, 1, 1, run_rescue_enroute},
    {"rescue", "arrive", ACT_RESCUE_ARRIVE, "NUMBER", step_opts, 1, 1, 1, run_rescue_arrive},
    {"rescue", "release", ACT_RESCUE_RELEASE, "NUMBER", release_opts, 1, 1, 1, run_rescue_release},
    {"rescue", "close", ACT_RESCUE_CLOSE, "NUMBER", close_opts, 1, 1, 1, run_rescue_close},
    {"rescue", "cancel", ACT_RESCUE_CANCEL, "NUMBER", cancel_opts, 1, 1, 1, run_rescue_cancel},
    {"rescue", "escalate", ACT_RESCUE_ESCALATE, "NUMBER", escalate_opts, 1, 1, 1,
     run_rescue_escalate},
    {"rescue", "callback", ACT_RESCUE_CALLBACK, "NUMBER", callback_opts, 1, 1, 1,
     run_rescue_callback},
    {"rescue", "phone", ACT_RESCUE_PHONE, "NUMBER", NULL, 1, 1, 1, run_rescue_phone},
    {"rescue", "take", ACT_RESCUE_TAKE, "NUMBER", NULL, 1, 1, 1, run_rescue_take},
    {NULL, NULL, ACT_NONE, NULL, NULL, 0, 0, 0, NULL},
};
