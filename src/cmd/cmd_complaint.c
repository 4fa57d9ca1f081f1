/* smcon complaint …: the complaint workflow of the 12315 desk
 * (投诉举报处理暂行办法): intake, accept or reject, mediation, pauses for
 * testing, notice, close, merge, transfer. */
#include "cmd/cmd_complaint.h"

static enum status run_new(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_new(ctx, a, "complaint");
}

static enum status run_list(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_list(ctx, a, DK_COMPLAINT);
}

static enum status run_show(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_show(ctx, a, DK_COMPLAINT);
}

static enum status run_accept(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_step(ctx, a, DK_COMPLAINT, DS_ACCEPT, NULL, NULL, NULL);
}

static enum status run_reject(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	const char *g = cmd_opt(a, "ground");
	if (!g || !*g)
		return desk_cmd_need(ctx, "ground");
	return desk_cmd_step(ctx, a, DK_COMPLAINT, DS_REJECT, g, cmd_opt(a, "note"), NULL);
}

static enum status run_assign(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_assign(ctx, a, DK_COMPLAINT);
}

/* Without --agreement mediation starts; with it, the agreement is recorded. */
static enum status run_mediate(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	const char *agreed = cmd_opt(a, "agreement");
	if (agreed && *agreed)
		return desk_cmd_step(ctx, a, DK_COMPLAINT, DS_AGREE, agreed,
		                     cmd_opt(a, "recovered"), cmd_opt(a, "note"));
	return desk_cmd_step(ctx, a, DK_COMPLAINT, DS_MEDIATE, cmd_opt(a, "note"), NULL, NULL);
}

static enum status run_terminate(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	const char *g = cmd_opt(a, "ground");
	if (!g || !*g)
		return desk_cmd_need(ctx, "ground");
	return desk_cmd_step(ctx, a, DK_COMPLAINT, DS_TERMINATE, g, cmd_opt(a, "note"), NULL);
}

static enum status run_pause(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_pause(ctx, a, DK_COMPLAINT);
}

static enum status run_resume(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_resume(ctx, a, DK_COMPLAINT);
}

static enum status run_extend(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_extend(ctx, a, DK_COMPLAINT);
}

static enum status run_notify(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_step(ctx, a, DK_COMPLAINT, DS_NOTIFY, cmd_opt(a, "note"), NULL, NULL);
}

static enum status run_close(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_step(ctx, a, DK_COMPLAINT, DS_CLOSE, cmd_opt(a, "note"), NULL, NULL);
}

static enum status run_merge(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_merge(ctx, a, DK_COMPLAINT);
}

static enum status run_apart(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_apart(ctx, a, DK_COMPLAINT);
}

static enum status run_transfer(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_transfer(ctx, a, DK_COMPLAINT);
}

static enum status run_complete(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_complete(ctx, a);
}

static enum status run_supervise(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	return desk_cmd_supervise(ctx, a);
}

static const struct cmd_opt new_opts[] = {
    {"channel", 1, MSG_OPT_DESK_CHANNEL, "CODE"},
    {"name", 1, MSG_OPT_DESK_NAME, "NAME"},
    {"phone", 1, MSG_OPT_DESK_PHONE, "PHONE"},
    {"address", 1, MSG_OPT_DESK_ADDRESS, "ADDRESS"},
    {"id-no", 1, MSG_OPT_DESK_ID_NO, "ID"},
    {"uscc", 1, MSG_OPT_DESK_USCC, "USCC"},
    {"respondent", 1, MSG_OPT_DESK_RESPONDENT, "NAME"},
    {"respondent-address", 1, MSG_OPT_DESK_RESPONDENT_ADDRESS, "ADDRESS"},
    {"platform", 1, MSG_OPT_DESK_PLATFORM, "NAME"},
    {"category", 1, MSG_OPT_DESK_CATEGORY, "CODE"},
    {"subject", 1, MSG_OPT_DESK_SUBJECT, "TEXT"},
    {"amount", 1, MSG_OPT_DESK_AMOUNT, "YUAN"},
    {"request", 1, MSG_OPT_DESK_REQUEST, "TEXT"},
    {"facts", 1, MSG_OPT_DESK_FACTS, "TEXT"},
    {"work-order", 1, MSG_OPT_DESK_WORK_ORDER, "NO"},
    {"received-12345", 1, MSG_OPT_DESK_RECEIVED_12345, "TIME"},
    {"unit", 1, MSG_OPT_DESK_UNIT, "UNIT"},
    {"reason", 1, MSG_OPT_DESK_REASON, "TEXT"},
    {"also-report", 0, MSG_OPT_DESK_ALSO_REPORT, NULL},
    {NULL, 0, MSG_EMPTY, NULL},
};

static const struct cmd_opt ground_opts[] = {
    {"ground", 1, MSG_OPT_DESK_GROUND, "CODE"},
    {"note", 1, MSG_OPT_DESK_NOTE, "TEXT"},
    {NULL, 0, MSG_EMPTY, NULL},
};

static const struct cmd_opt mediate_opts[] = {
    {"agreement", 1, MSG_OPT_DESK_AGREEMENT, "TEXT"},
    {"recovered", 1, MSG_OPT_DESK_RECOVERED, "YUAN"},
    {"note", 1, MSG_OPT_DESK_NOTE, "TEXT"},
    {NULL, 0, MSG_EMPTY, NULL},
};

static const struct cmd_opt complete_opts[] = {
    {"name", 1, MSG_OPT_DESK_NAME, "NAME"},
    {"phone", 1, MSG_OPT_DESK_PHONE, "PHONE"},
    {"address", 1, MSG_OPT_DESK_ADDRESS, "ADDRESS"},
    {"respondent", 1, MSG_OPT_DESK_RESPONDENT, "NAME"},
    {"respondent-address", 1, MSG_OPT_DESK_RESPONDENT_ADDRESS, "ADDRESS"},
    {"request", 1, MSG_OPT_DESK_REQUEST, "TEXT"},
    {"facts", 1, MSG_OPT_DESK_FACTS, "TEXT"},
    {NULL, 0, MSG_EMPTY, NULL},
};

static const struct cmd_opt unit_opts[] = {
    {"unit", 1, MSG_OPT_DESK_LIST_UNIT, "UNIT"},
    {NULL, 0, MSG_EMPTY, NULL},
};

const struct command complaint_commands[] = {
    {"complaint", "new", ACT_DESK_NEW, "", new_opts, 0, 0, 1, run_new},
    {"complaint", "list", ACT_DESK_LIST, "", desk_list_opts, 0, 0, 1, run_list},
    {"complaint", "show", ACT_DESK_SHOW, "NUMBER", NULL, 1, 1, 1, run_show},
    {"complaint", "accept", ACT_COMPLAINT_ACCEPT, "NUMBER", NULL, 1, 1, 1, run_accept},
    {"complaint", "reject", ACT_COMPLAINT_REJECT, "NUMBER", ground_opts, 1, 1, 1, run_reject},
    {"complaint", "assign", ACT_DESK_ASSIGN, "NUMBER...", desk_assign_opts, 1, -1, 0, run_assign},
    {"complaint", "mediate", ACT_COMPLAINT_MEDIATE, "NUMBER", mediate_opts, 1, 1, 1, run_mediate},
    {"complaint", "terminate", ACT_COMPLAINT_TERMINATE, "NUMBER", ground_opts, 1, 1, 1,
     run_terminate},
    {"complaint", "pause", ACT_DESK_PAUSE, "NUMBER", desk_reason_opts, 1, 1, 1, run_pause},
    {"complaint", "resume", ACT_DESK_RESUME, "NUMBER", desk_note_opts, 1, 1, 1, run_resume},
    {"complaint", "extend", ACT_DESK_EXTEND, "NUMBER", desk_extend_opts, 1, 1, 1, run_extend},
    {"complaint", "notify", ACT_COMPLAINT_NOTIFY, "NUMBER", desk_note_opts, 1, 1, 1, run_notify},
    {"complaint", "close", ACT_COMPLAINT_CLOSE, "NUMBER", desk_note_opts, 1, 1, 1, run_close},
    {"complaint", "merge", ACT_DESK_MERGE, "NUMBER", desk_merge_opts, 1, 1, 1, run_merge},
    {"complaint", "apart", ACT_DESK_APART, "NUMBER", desk_apart_opts, 1, 1, 1, run_apart},
    {"complaint", "transfer", ACT_DESK_TRANSFER, "NUMBER", desk_transfer_opts, 1, 1, 1,
     run_transfer},
    {"complaint", "complete", ACT_COMPLAINT_COMPLETE, "NUMBER", complete_opts, 1, 1, 1,
     run_complete},
    {"complaint", "supervise", ACT_DESK_SUPERVISE, "", unit_opts, 0, 0, 1, run_supervise},
    {NULL, NULL, ACT_NONE, NULL, NULL, 0, 0, 0, NULL},
};
