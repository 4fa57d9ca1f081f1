/* The small form a step of the 12315 desk asks (src/ui/form.h): a §15 or
 * §21 ground, a reason, an agreement and the amount recovered, working
 * days, a unit, a login, a case number, an answer — or only a note, which
 * makes it a confirmation. F5, ^S or Enter on the last field sends the step
 * without blocking; the database's refusal (a wrong state, another unit, a
 * missing reason) shows beside the field or on the message line. */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "screens/complaint.h"
#include "screens/screens.h"
#include "ui/form.h"
#include "ui/term.h"

static const struct form_choice refusal_grounds[] = {{"not_competent", MSG_DESK_G15_1},
                                                     {"already_handled", MSG_DESK_G15_2},
                                                     {"not_consumption", MSG_DESK_G15_3},
                                                     {"time_barred", MSG_DESK_G15_4},
                                                     {"materials_missing", MSG_DESK_G15_5},
                                                     {"other_legal", MSG_DESK_G15_6},
                                                     {NULL, MSG_EMPTY}};
static const struct form_choice termination_grounds[] = {
    {"withdrawn_or_settled", MSG_DESK_G21_1}, {"testing_disagreement", MSG_DESK_G21_2},
    {"mediation_refused", MSG_DESK_G21_3},    {"no_agreement", MSG_DESK_G21_4},
    {"time_limit", MSG_DESK_G21_5},           {"refusal_ground_found", MSG_DESK_G21_6},
    {"other_legal", MSG_DESK_G21_7},          {NULL, MSG_EMPTY}};

#define NOTE                                                                                       \
	{                                                                                          \
		.name = "note", .label = MSG_DESK_F_NOTE, .kind = FK_TEXT, .max_bytes = 2000       \
	}
#define REASON                                                                                     \
	{                                                                                          \
		.name = "reason", .label = MSG_DESK_F_REASON, .kind = FK_TEXT,                     \
		.required = FORM_REQUIRED, .max_bytes = 2000                                       \
	}

/* The fields of each step, in the order of the step's a, b, c. */
static const struct form_field_def f_note[] = {NOTE};
static const struct form_field_def f_reject[] = {{.name = "ground",
                                                  .label = MSG_DESK_F_GROUND,
                                                  .kind = FK_CHOICE,
                                                  .required = FORM_REQUIRED,
                                                  .choices = refusal_grounds},
                                                 NOTE};
static const struct form_field_def f_agree[] = {
    {.name = "agreement",
     .label = MSG_DESK_F_AGREEMENT,
     .kind = FK_MULTILINE,
     .required = FORM_REQUIRED,
     .max_bytes = 4000,
     .lines = 2},
    {.name = "recovered", .label = MSG_DESK_F_RECOVERED, .kind = FK_NUMBER, .max_bytes = 20},
    NOTE};
static const struct form_field_def f_terminate[] = {{.name = "ground",
                                                     .label = MSG_DESK_F_GROUND,
                                                     .kind = FK_CHOICE,
                                                     .required = FORM_REQUIRED,
                                                     .choices = termination_grounds},
                                                    NOTE};
static const struct form_field_def f_decide[] = {
    {.name = "case_no", .label = MSG_DESK_F_CASE, .kind = FK_TEXT, .max_bytes = 100},
    {.name = "not_opened_reason", .label = MSG_DESK_F_REASON, .kind = FK_TEXT, .max_bytes = 2000}};
static const struct form_field_def f_answer[] = {{.name = "answer",
                                                  .label = MSG_DESK_F_ANSWER,
                                                  .kind = FK_MULTILINE,
                                                  .required = FORM_REQUIRED,
                                                  .max_bytes = 4000,
                                                  .lines = 3}};
static const struct form_field_def f_reason[] = {REASON};
static const struct form_field_def f_extend[] = {{.name = "days",
                                                  .label = MSG_DESK_F_DAYS,
                                                  .kind = FK_NUMBER,
                                                  .required = FORM_REQUIRED,
                                                  .max_bytes = 4},
                                                 REASON};
static const struct form_field_def f_assign[] = {
    {.name = "login", .label = MSG_DESK_F_LOGIN, .kind = FK_TEXT, .max_bytes = 100}};
static const struct form_field_def f_transfer[] = {{.name = "unit",
                                                    .label = MSG_DESK_F_UNIT,
                                                    .kind = FK_TEXT,
                                                    .required = FORM_REQUIRED,
                                                    .max_bytes = 10},
                                                   REASON};

static const struct {
	const struct form_field_def *defs;
	int n;
	enum msg_id label;
} forms[DS_COUNT] = {
    [DS_ACCEPT] = {f_note, 1, MSG_ACT_COMPLAINT_ACCEPT},
    [DS_REJECT] = {f_reject, 2, MSG_ACT_COMPLAINT_REJECT},
    [DS_MEDIATE] = {f_note, 1, MSG_ACT_COMPLAINT_MEDIATE},
    [DS_AGREE] = {f_agree, 3, MSG_ACT_COMPLAINT_AGREE},
    [DS_TERMINATE] = {f_terminate, 2, MSG_ACT_COMPLAINT_TERMINATE},
    [DS_NOTIFY] = {f_note, 1, MSG_ACT_COMPLAINT_NOTIFY},
    [DS_CLOSE] = {f_note, 1, MSG_ACT_COMPLAINT_CLOSE},
    [DS_VERIFY] = {f_note, 1, MSG_ACT_TIPOFF_VERIFY},
    [DS_DECIDE] = {f_decide, 2, MSG_ACT_TIPOFF_DECIDE},
    [DS_INFORM] = {f_note, 1, MSG_ACT_TIPOFF_INFORM},
    [DS_TIP_CLOSE] = {f_note, 1, MSG_ACT_TIPOFF_CLOSE},
    [DS_ANSWER] = {f_answer, 1, MSG_ACT_CONSULT_ANSWER},
    [DS_PAUSE] = {f_reason, 1, MSG_ACT_DESK_PAUSE},
    [DS_RESUME] = {f_note, 1, MSG_ACT_DESK_RESUME},
    [DS_EXTEND] = {f_extend, 2, MSG_ACT_DESK_EXTEND},
    [DS_ASSIGN] = {f_assign, 1, MSG_ACT_DESK_ASSIGN},
    [DS_TRANSFER] = {f_transfer, 2, MSG_ACT_DESK_TRANSFER},
    [DS_MERGE] = {f_note, 1, MSG_ACT_DESK_MERGE},
    [DS_KEEP_APART] = {f_reason, 1, MSG_ACT_DESK_APART},
};

struct desk_step_arg *desk_step_arg_new(enum desk_step s)
{
	struct desk_step_arg *a = xcalloc(1, sizeof *a);
	a->step = s;
	strbuf_init(&a->ids);
	strbuf_init(&a->list);
	return a;
}

void desk_step_arg_add(struct desk_step_arg *a, const char *kind, size_t klen, const char *id)
{
	char k[16];
	snprintf(k, sizeof k, "%.*s", (int)klen, kind);
	int kk = desk_kind_parse(k);
	if (kk < 0 || (a->n && (enum desk_kind)kk != a->kind))
		return; /* one kind at a time */
	a->kind = (enum desk_kind)kk;
	if (a->n)
		strbuf_addc(&a->list, ',');
	strbuf_add(&a->list, id);
	a->n++;
	strbuf_reset(&a->ids);
	if (a->step == DS_ASSIGN)
		strbuf_addf(&a->ids, "{%s}", strbuf_str(&a->list));
	else
		strbuf_add(&a->ids, id);
}

void desk_step_arg_free(struct desk_step_arg *a)
{
	if (!a)
		return;
	strbuf_free(&a->ids);
	strbuf_free(&a->list);
	free(a->other);
	free(a->no);
	free(a);
}

struct step {
	struct desk_step_arg *arg;
	struct form form;
};

int desk_step_open(struct app *app, struct desk_step_arg *arg)
{
	if (!arg->n || !forms[arg->step].defs)
		return -1;
	return app_push(app, &screen_complaint_step, arg);
}

static void *step_enter(struct app *app, void *a)
{
	struct step *st = xcalloc(1, sizeof *st);
	(void)app;
	st->arg = a;
	form_init(&st->form, forms[st->arg->step].defs, forms[st->arg->step].n, NULL, NULL);
	return st;
}

static void step_leave(struct app *app, void *state)
{
	struct step *st = state;
	(void)app;
	form_free(&st->form);
	desk_step_arg_free(st->arg);
	free(st);
}

static const char *val(struct step *st, int i)
{
	if (i >= st->form.n)
		return NULL;
	const char *v = form_value(&st->form, i);
	return v && *v ? v : NULL;
}

static int step_save(struct app *app, struct step *st)
{
	const char *a = val(st, 0), *b = val(st, 1), *c = val(st, 2), *p[5];
	enum desk_step s = st->arg->step;
	if (s == DS_MERGE || s == DS_KEEP_APART) { /* the other item, then the note or reason */
		b = a;
		a = st->arg->other;
	} else if (s == DS_DECIDE) { /* a case number opens a case; without one, the reason */
		c = b;
		b = a;
		a = b ? "t" : "f";
	}
	int n;
	const char *sql =
	    desk_step_sql(s, st->arg->kind, strbuf_str(&st->arg->ids), a, b, c, p, &n);
	form_submit(&st->form, app, sql, n, p);
	return SCR_HANDLED;
}

static int step_key(struct app *app, void *state, const struct key *k)
{
	struct step *st = state;
	int r = form_key(&st->form, app, k);
	return r & FORM_SUBMIT ? step_save(app, st) : r;
}

static int step_tick(struct app *app, void *state)
{
	struct step *st = state;
	PGresult *res;
	if (form_tick(&st->form, app, &res) != FORM_DONE)
		return SCR_HANDLED;
	PQclear(res);
	char *m = trs(MSG_DESK_STEP_DONE, st->arg->no ? st->arg->no : strbuf_str(&st->arg->list),
	              tr(forms[st->arg->step].label));
	app_message(app, MSGK_INFO, m);
	free(m);
	return SCR_POP;
}

static void step_draw(struct app *app, void *state, const struct rect *r)
{
	struct step *st = state;
	(void)app;
	char *h = trs(MSG_DESK_STEP_TITLE, tr(forms[st->arg->step].label),
	              st->arg->no ? st->arg->no : "", tr(MSG_ACT_DESK_SUBMIT_HELP));
	term_text(r->y + 1, r->x + 2, r->w - 4, h, COL_KEY, ALIGN_LEFT);
	free(h);
	struct rect fr = {r->y + 3, r->x + 2, r->h - 3, r->w - 4};
	form_draw(&st->form, &fr);
}

static int step_action(struct app *app, void *state, enum action_id a)
{
	struct step *st = state;
	switch (a) {
	case ACT_FORM_CANCEL: return form_cancel(&st->form);
	case ACT_DESK_SUBMIT: return step_save(app, st);
	default: return SCR_UNHANDLED;
	}
}

static const enum action_id step_actions[] = {ACT_DESK_SUBMIT, ACT_FORM_CANCEL, ACT_FORM_NEXT,
                                              ACT_FORM_PREV, ACT_NONE};

const struct screen screen_complaint_step = {
    .name = "complaint.step",
    .title = MSG_DESK_ITEM_TITLE,
    .actions = step_actions,
    .enter = step_enter,
    .leave = step_leave,
    .draw = step_draw,
    .key = step_key,
    .action = step_action,
    .tick = step_tick,
};
