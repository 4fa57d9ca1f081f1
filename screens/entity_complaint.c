/* Registering a consumer complaint about the entity of a profile: the §9
 * items (complainant, phone, address, what it is about, the request, the
 * facts) in one form (src/ui/form.h). Tab, Down or Enter move on (Enter on
 * the last field registers), F5 or ^S registers without blocking, Esc gives
 * up after asking when something was typed. The database checks role,
 * items and phone and says what is wrong, next to the field; the form keeps
 * what was typed until it is registered, a lost connection included, and
 * keeps a server-side draft that the next login offers again
 * (screen_entity_complaint_draft reopens it). */
#include <stdlib.h>

#include "base/xalloc.h"
#include "domain/entity_action.h"
#include "screens/screens.h"
#include "ui/form.h"
#include "ui/term.h"

/* In the order of enum complaint_field; the names are api.complaint_register's. */
static const struct form_field_def defs[CF_COUNT] = {
    {.name = "complainant_name",
     .label = MSG_COMPLAINT_LABEL_NAME,
     .kind = FK_TEXT,
     .required = FORM_REQUIRED_DB,
     .max_bytes = 400},
    {.name = "complainant_phone",
     .label = MSG_COMPLAINT_LABEL_PHONE,
     .kind = FK_TEXT,
     .required = FORM_REQUIRED_DB,
     .max_bytes = 400,
     .db_names = "phone_format"},
    {.name = "complainant_address",
     .label = MSG_COMPLAINT_LABEL_ADDRESS,
     .kind = FK_TEXT,
     .required = FORM_REQUIRED_DB,
     .max_bytes = 400},
    {.name = "subject", .label = MSG_COMPLAINT_LABEL_SUBJECT, .kind = FK_TEXT, .max_bytes = 400},
    {.name = "request",
     .label = MSG_COMPLAINT_LABEL_REQUEST,
     .kind = FK_TEXT,
     .required = FORM_REQUIRED_DB,
     .max_bytes = 400},
    {.name = "facts",
     .label = MSG_COMPLAINT_LABEL_FACTS,
     .kind = FK_MULTILINE,
     .required = FORM_REQUIRED_DB,
     .max_bytes = 4000,
     .lines = 3},
};

struct complaint_form {
	char *uscc, *name;
	struct form form;
};

static struct complaint_form *open_form(const char *uscc, const char *name)
{
	struct complaint_form *st = xcalloc(1, sizeof *st);
	st->uscc = xstrdup(uscc);
	st->name = xstrdup(name);
	form_init(&st->form, defs, CF_COUNT, "complaint", uscc);
	form_draft_title(&st->form, name);
	return st;
}

static void *complaint_enter(struct app *app, void *arg)
{
	const struct entity_profile *p = arg;
	(void)app;
	return open_form(p->uscc, entity_profile_get(p, EF_NAME));
}

/* From a draft (screens/draft.c): the subject is the entity's code, the
 * title its name, the rows the saved values. */
static void *complaint_draft_enter(struct app *app, void *arg)
{
	const struct draft_reopen *d = arg;
	(void)app;
	struct complaint_form *st = open_form(d->subject, d->title);
	form_load_draft(&st->form, d->values);
	return st;
}

static void complaint_leave(struct app *app, void *state)
{
	struct complaint_form *st = state;
	(void)app;
	form_free(&st->form);
	free(st->uscc);
	free(st->name);
	free(st);
}

static void complaint_draw(struct app *app, void *state, const struct rect *r)
{
	struct complaint_form *st = state;
	int x = r->x + 2;
	char *h = trs(MSG_COMPLAINT_FORM_HEADING, st->name);
	(void)app;
	term_text(r->y + 1, x, r->w - 4, h, COL_KEY, ALIGN_LEFT);
	free(h);
	term_text(r->y + 2, x, r->w - 4, st->uscc, COL_DIM, ALIGN_LEFT);
	struct rect fr = {r->y + 4, x, r->h - 4, r->w - 4};
	form_draw(&st->form, &fr);
}

static int complaint_save(struct app *app, struct complaint_form *st)
{
	const char *v[CF_COUNT], *p[8];
	for (int i = 0; i < CF_COUNT; i++)
		v[i] = form_value(&st->form, i);
	complaint_register_params(st->uscc, v, NULL, p);
	form_submit(&st->form, app, complaint_register_sql, 8, p);
	return SCR_HANDLED;
}

static int complaint_key(struct app *app, void *state, const struct key *k)
{
	struct complaint_form *st = state;
	int r = form_key(&st->form, app, k);
	return r & FORM_SUBMIT ? complaint_save(app, st) : r;
}

static int complaint_tick(struct app *app, void *state)
{
	struct complaint_form *st = state;
	PGresult *res;
	if (form_tick(&st->form, app, &res) != FORM_DONE)
		return SCR_HANDLED;
	struct complaint_receipt rc;
	complaint_receipt_read(res, &rc);
	PQclear(res);
	char *m = complaint_receipt_message(&rc);
	app_message(app, MSGK_INFO, m);
	free(m);
	complaint_receipt_free(&rc);
	return SCR_POP;
}

static int complaint_action(struct app *app, void *state, enum action_id a)
{
	struct complaint_form *st = state;
	switch (a) {
	case ACT_FORM_CANCEL: return form_cancel(&st->form);
	case ACT_COMPLAINT_SAVE: return complaint_save(app, st);
	default: return SCR_UNHANDLED;
	}
}

static const enum action_id complaint_actions[] = {ACT_COMPLAINT_SAVE, ACT_FORM_CANCEL,
                                                   ACT_FORM_NEXT, ACT_FORM_PREV, ACT_NONE};

const struct screen screen_entity_complaint = {
    .name = "entity.complaint",
    .title = MSG_COMPLAINT_FORM_TITLE,
    .actions = complaint_actions,
    .enter = complaint_enter,
    .leave = complaint_leave,
    .draw = complaint_draw,
    .key = complaint_key,
    .action = complaint_action,
    .tick = complaint_tick,
};

const struct screen screen_entity_complaint_draft = {
    .name = "entity.complaint.draft",
    .title = MSG_COMPLAINT_FORM_TITLE,
    .actions = complaint_actions,
    .enter = complaint_draft_enter,
    .leave = complaint_leave,
    .draw = complaint_draw,
    .key = complaint_key,
    .action = complaint_action,
    .tick = complaint_tick,
};
