/* Entering a task's result in the shared form: the standard result code
 * (a choice), the findings (one a line; "TST-001:…" goes to that item) and
 * the date done. The database computes the rectification and publication
 * deadlines in working days, keeps a confirmed version when this corrects
 * it, and names the field it refuses. Drafts are kept per task. */
#include <stdlib.h>

#include "base/xalloc.h"
#include "screens/inspection.h"
#include "ui/form.h"
#include "ui/term.h"

static const struct form_choice codes[] = {
    {"no_problem", MSG_INSP_RC_NO_PROBLEM},
    {"not_publicized", MSG_INSP_RC_NOT_PUBLICIZED},
    {"false_publicity", MSG_INSP_RC_FALSE_PUBLICITY},
    {"unreachable", MSG_INSP_RC_UNREACHABLE},
    {"refused_inspection", MSG_INSP_RC_REFUSED},
    {"corrected", MSG_INSP_RC_CORRECTED},
    {"pending_followup", MSG_INSP_RC_PENDING},
    {"no_activity", MSG_INSP_RC_NO_ACTIVITY},
    {"closed_liquidating", MSG_INSP_RC_CLOSED},
    {"deregistered", MSG_INSP_RC_DEREGISTERED},
    {"revoked", MSG_INSP_RC_REVOKED},
    {"annulled", MSG_INSP_RC_ANNULLED},
    {"moved_out", MSG_INSP_RC_MOVED_OUT},
    {NULL, MSG_EMPTY},
};

static const struct form_field_def defs[] = {
    {.name = "code",
     .label = MSG_INSP_LABEL_CODE,
     .kind = FK_CHOICE,
     .required = FORM_REQUIRED,
     .choices = codes,
     .db_names = "检查结果"},
    {.name = "finding",
     .label = MSG_INSP_LABEL_FINDINGS,
     .kind = FK_MULTILINE,
     .required = FORM_OPTIONAL,
     .max_bytes = 4000,
     .lines = 3,
     .db_names = "发现问题"},
    {.name = "done",
     .label = MSG_INSP_LABEL_DONE,
     .kind = FK_DATE,
     .required = FORM_OPTIONAL,
     .db_names = "检查完成日期"},
};
enum { NFIELDS = sizeof defs / sizeof defs[0] };

static const char result_sql[] = "SELECT version, publish_due_on FROM api.task_result($1, $2, "
                                 "coalesce(regexp_split_to_array(nullif(btrim($3), ''), "
                                 "'\\s*\\n\\s*'), '{}'), nullif($4, '')::date)";

struct result_form {
	char *task_no;
	struct form form;
};

static void *rf_enter(struct app *app, void *arg)
{
	struct result_form *st = xcalloc(1, sizeof *st);
	(void)app;
	st->task_no = xstrdup(arg);
	form_init(&st->form, defs, NFIELDS, "inspection_result", st->task_no);
	form_draft_title(&st->form, st->task_no);
	return st;
}

/* From a draft (screens/draft.c): the subject is the task's number. */
static void *rf_draft_enter(struct app *app, void *arg)
{
	const struct draft_reopen *d = arg;
	struct result_form *st = rf_enter(app, (void *)d->subject);
	form_load_draft(&st->form, d->values);
	return st;
}

static void rf_leave(struct app *app, void *state)
{
	struct result_form *st = state;
	(void)app;
	form_free(&st->form);
	free(st->task_no);
	free(st);
}

static void rf_draw(struct app *app, void *state, const struct rect *r)
{
	struct result_form *st = state;
	(void)app;
	term_text(r->y + 1, r->x + 2, r->w - 4, st->task_no, COL_KEY, ALIGN_LEFT);
	struct rect fr = {r->y + 3, r->x + 2, r->h - 3, r->w - 4};
	form_draw(&st->form, &fr);
}

static int rf_save(struct app *app, struct result_form *st)
{
	const char *p[4] = {st->task_no, form_value(&st->form, 0), form_value(&st->form, 1),
	                    form_value(&st->form, 2)};
	form_submit(&st->form, app, result_sql, 4, p);
	return SCR_HANDLED;
}

static int rf_key(struct app *app, void *state, const struct key *k)
{
	struct result_form *st = state;
	int r = form_key(&st->form, app, k);
	return r & FORM_SUBMIT ? rf_save(app, st) : r;
}

static int rf_tick(struct app *app, void *state)
{
	struct result_form *st = state;
	PGresult *res;
	if (form_tick(&st->form, app, &res) != FORM_DONE)
		return SCR_HANDLED;
	char *m = trs(MSG_INSP_RESULT_SAVED, PQgetvalue(res, 0, 0), PQgetvalue(res, 0, 1));
	app_message(app, MSGK_INFO, m);
	free(m);
	PQclear(res);
	return SCR_POP;
}

static int rf_action(struct app *app, void *state, enum action_id a)
{
	struct result_form *st = state;
	switch (a) {
	case ACT_FORM_CANCEL: return form_cancel(&st->form);
	case ACT_INSP_SAVE: return rf_save(app, st);
	default: return SCR_UNHANDLED;
	}
}

static const enum action_id rf_actions[] = {ACT_INSP_SAVE, ACT_FORM_CANCEL, ACT_FORM_NEXT,
                                            ACT_FORM_PREV, ACT_NONE};

const struct screen screen_inspection_result = {
    .name = "inspection.result",
    .title = MSG_INSP_TITLE_RESULT,
    .actions = rf_actions,
    .enter = rf_enter,
    .leave = rf_leave,
    .draw = rf_draw,
    .key = rf_key,
    .action = rf_action,
    .tick = rf_tick,
};

const struct screen screen_inspection_result_draft = {
    .name = "inspection.result.draft",
    .title = MSG_INSP_TITLE_RESULT,
    .actions = rf_actions,
    .enter = rf_draft_enter,
    .leave = rf_leave,
    .draw = rf_draw,
    .key = rf_key,
    .action = rf_action,
    .tick = rf_tick,
};
