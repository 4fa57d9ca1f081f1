/* smcon tipoff …: reports (举报) at the 12315 desk: verify, decide whether
 * to open a case (15 working days, +15 with approval), inform a real-name
 * reporter (5), close. `report` is the statistics command. */
#include "cmd/cmd_complaint.h"

static enum status run_new(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_new(ctx, a, "report");
}

static enum status run_list(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_list(ctx, a, DK_REPORT);
}

static enum status run_show(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_show(ctx, a, DK_REPORT);
}

static enum status run_verify(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_step(ctx, a, DK_REPORT, DS_VERIFY, cmd_opt(a, "note"), NULL, NULL);
}

/* --case NO opens a case; --not-opened --reason TEXT does not. */
static enum status run_decide(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	const char *no = cmd_opt(a, "case"), *why = cmd_opt(a, "reason");
	if (cmd_opt(a, "not-opened")) {
		if (!why || !*why)
			return desk_cmd_need(ctx, "reason");
		return desk_cmd_step(ctx, a, DK_REPORT, DS_DECIDE, "f", NULL, why);
	}
	if (!no || !*no)
		return desk_cmd_need(ctx, "case");
	return desk_cmd_step(ctx, a, DK_REPORT, DS_DECIDE, "t", no, NULL);
}

static enum status run_inform(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_step(ctx, a, DK_REPORT, DS_INFORM, cmd_opt(a, "note"), NULL, NULL);
}

static enum status run_close(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_step(ctx, a, DK_REPORT, DS_TIP_CLOSE, cmd_opt(a, "note"), NULL, NULL);
}

static enum status run_assign(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_assign(ctx, a, DK_REPORT);
}

static enum status run_pause(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_pause(ctx, a, DK_REPORT);
}

static enum status run_resume(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_resume(ctx, a, DK_REPORT);
}

static enum status run_extend(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_extend(ctx, a, DK_REPORT);
}

static enum status run_transfer(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_transfer(ctx, a, DK_REPORT);
}

static enum status run_merge(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_merge(ctx, a, DK_REPORT);
}

static const struct cmd_opt new_opts[] = {
    {"channel", 1, MSG_OPT_DESK_CHANNEL, "CODE"},
    {"name", 1, MSG_OPT_DESK_NAME, "NAME"},
    {"phone", 1, MSG_OPT_DESK_PHONE, "PHONE"},
    {"address", 1, MSG_OPT_DESK_ADDRESS, "ADDRESS"},
    {"id-no", 1, MSG_OPT_DESK_ID_NO, "ID"},
    {"anonymous", 0, MSG_OPT_DESK_ANONYMOUS, NULL},
    {"uscc", 1, MSG_OPT_DESK_USCC, "USCC"},
    {"respondent", 1, MSG_OPT_DESK_RESPONDENT, "NAME"},
    {"respondent-address", 1, MSG_OPT_DESK_RESPONDENT_ADDRESS, "ADDRESS"},
    {"facts", 1, MSG_OPT_DESK_FACTS, "TEXT"},
    {"work-order", 1, MSG_OPT_DESK_WORK_ORDER, "NO"},
    {"received-12345", 1, MSG_OPT_DESK_RECEIVED_12345, "TIME"},
    {"unit", 1, MSG_OPT_DESK_UNIT, "UNIT"},
    {"reason", 1, MSG_OPT_DESK_REASON, "TEXT"},
    {NULL, 0, MSG_EMPTY, NULL},
};

static const struct cmd_opt decide_opts[] = {
    {"case", 1, MSG_OPT_DESK_CASE, "NO"},
    {"not-opened", 0, MSG_OPT_DESK_NOT_OPENED, NULL},
    {"reason", 1, MSG_OPT_DESK_REASON, "TEXT"},
    {NULL, 0, MSG_EMPTY, NULL},
};

const struct command tipoff_commands[] = {
    {"tipoff", "new", ACT_DESK_NEW, "", new_opts, 0, 0, 1, run_new},
    {"tipoff", "list", ACT_DESK_LIST, "", desk_list_opts, 0, 0, 1, run_list},
    {"tipoff", "show", ACT_DESK_SHOW, "NUMBER", NULL, 1, 1, 1, run_show},
    {"tipoff", "verify", ACT_TIPOFF_VERIFY, "NUMBER", desk_note_opts, 1, 1, 1, run_verify},
    {"tipoff", "decide", ACT_TIPOFF_DECIDE, "NUMBER", decide_opts, 1, 1, 1, run_decide},
    {"tipoff", "inform", ACT_TIPOFF_INFORM, "NUMBER", desk_note_opts, 1, 1, 1, run_inform},
    {"tipoff", "close", ACT_TIPOFF_CLOSE, "NUMBER", desk_note_opts, 1, 1, 1, run_close},
    {"tipoff", "assign", ACT_DESK_ASSIGN, "NUMBER...", desk_assign_opts, 1, -1, 0, run_assign},
    {"tipoff", "pause", ACT_DESK_PAUSE, "NUMBER", desk_reason_opts, 1, 1, 1, run_pause},
    {"tipoff", "resume", ACT_DESK_RESUME, "NUMBER", desk_note_opts, 1, 1, 1, run_resume},
    {"tipoff", "extend", ACT_DESK_EXTEND, "NUMBER", desk_extend_opts, 1, 1, 1, run_extend},
    {"tipoff", "transfer", ACT_DESK_TRANSFER, "NUMBER", desk_transfer_opts, 1, 1, 1, run_transfer},
    {"tipoff", "merge", ACT_DESK_MERGE, "NUMBER", desk_merge_opts, 1, 1, 1, run_merge},
    {NULL, NULL, ACT_NONE, NULL, NULL, 0, 0, 0, NULL},
};
