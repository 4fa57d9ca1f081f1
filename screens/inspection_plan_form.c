/* A new inspection plan, in the shared form (src/ui/form.h): title, year,
 * items (codes, separated by commas or spaces), scope (district bureaux,
 * stations or division codes; empty for the whole area), ratios per risk
 * grade, the window. The database checks every value and names the field
 * it refuses; the plan is created as a draft. */
#include <stdlib.h>

#include "base/xalloc.h"
#include "screens/inspection.h"
#include "ui/form.h"
#include "ui/term.h"

static const struct form_field_def defs[] = {
    {.name = "title",
     .label = MSG_INSP_LABEL_TITLE,
     .kind = FK_TEXT,
     .required = FORM_REQUIRED,
     .max_bytes = 300},
    {.name = "year",
     .label = MSG_INSP_LABEL_YEAR,
     .kind = FK_NUMBER,
     .required = FORM_REQUIRED,
     .max_bytes = 4,
     .db_names = "计划年度"},
    {.name = "item",
     .label = MSG_INSP_LABEL_ITEMS,
     .kind = FK_TEXT,
     .required = FORM_REQUIRED,
     .max_bytes = 400},
    {.name = "scope", .label = MSG_INSP_LABEL_SCOPE, .kind = FK_TEXT, .max_bytes = 400},
    {.name = "ratio",
     .label = MSG_INSP_LABEL_RATIO,
     .kind = FK_TEXT,
     .required = FORM_REQUIRED,
     .max_bytes = 100},
    {.name = "window_from",
     .label = MSG_INSP_LABEL_FROM,
     .kind = FK_DATE,
     .required = FORM_REQUIRED},
    {.name = "window_to",
     .label = MSG_INSP_LABEL_TO,
     .kind = FK_DATE,
     .required = FORM_REQUIRED,
     .db_names = "检查实施期"},
};
enum { NFIELDS = sizeof defs / sizeof defs[0] };

static const char create_sql[] =
    "SELECT api.plan_create($1, $2::integer, regexp_split_to_array(btrim($3), '[\\s,，、]+'), "
    "coalesce(regexp_split_to_array(nullif(btrim($4), ''), '[\\s,，、]+'), '{}'), $5, $6::date, "
    "$7::date)";

struct plan_form {
	struct form form;
};

static void *pf_enter(struct app *app, void *arg)
{
	struct plan_form *st = xcalloc(1, sizeof *st);
	(void)app;
	(void)arg;
	form_init(&st->form, defs, NFIELDS, NULL, NULL);
	form_set(&st->form, 4, "A:1,B:2,C:10,D:30");
	return st;
}

static void pf_leave(struct app *app, void *state)
{
	struct plan_form *st = state;
	(void)app;
	form_free(&st->form);
	free(st);
}

static void pf_draw(struct app *app, void *state, const struct rect *r)
{
	struct plan_form *st = state;
	(void)app;
	term_text(r->y + 1, r->x + 2, r->w - 4, tr(MSG_INSP_TITLE_PLAN_FORM), COL_KEY, ALIGN_LEFT);
	struct rect fr = {r->y + 3, r->x + 2, r->h - 3, r->w - 4};
	form_draw(&st->form, &fr);
}

static int pf_save(struct app *app, struct plan_form *st)
{
	const char *p[NFIELDS];
	for (int i = 0; i < NFIELDS; i++)
		p[i] = form_value(&st->form, i);
	form_submit(&st->form, app, create_sql, NFIELDS, p);
	return SCR_HANDLED;
}

static int pf_key(struct app *app, void *state, const struct key *k)
{
	struct plan_form *st = state;
	int r = form_key(&st->form, app, k);
	return r & FORM_SUBMIT ? pf_save(app, st) : r;
}

static int pf_tick(struct app *app, void *state)
{
	struct plan_form *st = state;
	PGresult *res;
	if (form_tick(&st->form, app, &res) != FORM_DONE)
		return SCR_HANDLED;
	char *m = trs(MSG_INSP_CREATED, PQgetvalue(res, 0, 0));
	app_message(app, MSGK_INFO, m);
	free(m);
	PQclear(res);
	return SCR_POP;
}

static int pf_action(struct app *app, void *state, enum action_id a)
{
	struct plan_form *st = state;
	switch (a) {
	case ACT_FORM_CANCEL: return form_cancel(&st->form);
	case ACT_INSP_SAVE: return pf_save(app, st);
	default: return SCR_UNHANDLED;
	}
}

static const enum action_id pf_actions[] = {ACT_INSP_SAVE, ACT_FORM_CANCEL, ACT_FORM_NEXT,
                                            ACT_FORM_PREV, ACT_NONE};

const struct screen screen_inspection_plan_form = {
    .name = "inspection.plan-form",
    .title = MSG_INSP_TITLE_PLAN_FORM,
    .actions = pf_actions,
    .enter = pf_enter,
    .leave = pf_leave,
    .draw = pf_draw,
    .key = pf_key,
    .action = pf_action,
    .tick = pf_tick,
};
