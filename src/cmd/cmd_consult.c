/* smcon consult …: consultations and suggestions at the 12315 desk,
 * answered and closed; a 12345 transfer runs the reply limit set by
 * core.setting reply_12345_workdays. */
#include "cmd/cmd_complaint.h"

static enum status run_new(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_new(ctx, a, "consultation");
}

static enum status run_list(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_list(ctx, a, DK_CONSULTATION);
}

static enum status run_show(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_show(ctx, a, DK_CONSULTATION);
}

static enum status run_answer(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	const char *ans = cmd_opt(a, "answer");
	if (!ans || !*ans)
		return desk_cmd_need(ctx, "answer");
	return desk_cmd_step(ctx, a, DK_CONSULTATION, DS_ANSWER, ans, NULL, NULL);
}

static enum status run_assign(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_assign(ctx, a, DK_CONSULTATION);
}

static enum status run_transfer(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_transfer(ctx, a, DK_CONSULTATION);
}

static const struct cmd_opt new_opts[] = {
    {"channel", 1, MSG_OPT_DESK_CHANNEL, "CODE"},
    {"name", 1, MSG_OPT_DESK_NAME, "NAME"},
    {"phone", 1, MSG_OPT_DESK_PHONE, "PHONE"},
    {"category", 1, MSG_OPT_DESK_CATEGORY, "CODE"},
    {"subject", 1, MSG_OPT_DESK_SUBJECT, "TEXT"},
    {"facts", 1, MSG_OPT_DESK_FACTS, "TEXT"},
    {"work-order", 1, MSG_OPT_DESK_WORK_ORDER, "NO"},
    {"received-12345", 1, MSG_OPT_DESK_RECEIVED_12345, "TIME"},
    {"unit", 1, MSG_OPT_DESK_UNIT, "UNIT"},
    {"reason", 1, MSG_OPT_DESK_REASON, "TEXT"},
    {"suggestion", 0, MSG_OPT_DESK_SUGGESTION, NULL},
    {NULL, 0, MSG_EMPTY, NULL},
};

static const struct cmd_opt answer_opts[] = {
    {"answer", 1, MSG_OPT_DESK_ANSWER, "TEXT"},
    {NULL, 0, MSG_EMPTY, NULL},
};

const struct command consult_commands[] = {
    {"consult", "new", ACT_DESK_NEW, "", new_opts, 0, 0, 1, run_new},
    {"consult", "list", ACT_DESK_LIST, "", desk_list_opts, 0, 0, 1, run_list},
    {"consult", "show", ACT_DESK_SHOW, "NUMBER", NULL, 1, 1, 1, run_show},
    {"consult", "answer", ACT_CONSULT_ANSWER, "NUMBER", answer_opts, 1, 1, 1, run_answer},
    {"consult", "assign", ACT_DESK_ASSIGN, "NUMBER...", desk_assign_opts, 1, -1, 0, run_assign},
    {"consult", "transfer", ACT_DESK_TRANSFER, "NUMBER", desk_transfer_opts, 1, 1, 1, run_transfer},
    {NULL, NULL, ACT_NONE, NULL, NULL, 0, 0, 0, NULL},
};
