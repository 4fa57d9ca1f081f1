/* 双随机抽查, the menu entry: the plans of the operator's scope. Enter opens
 * a plan, n starts a new one (supervisors), t the tasks, o the overview.
 * The list follows the smcon_inspection channel: a change anywhere reloads
 * it when it is on top again. */
#include <stdlib.h>

#include "base/xalloc.h"
#include "screens/inspection.h"
#include "ui/term.h"

struct plans {
	struct table *t;
	struct strbuf error;
	int stale;
};

int insp_fill(struct app *app, enum insp_call c, const char *const *params, struct table *t,
              struct strbuf *error)
{
	struct db_error err;
	db_error_init(&err);
	strbuf_reset(error);
	table_clear(t);
	PGresult *res = insp_run(&app->db, c, params, &err);
	if (!res) {
		strbuf_add(error, strbuf_str(&err.message));
		db_error_free(&err);
		return -1;
	}
	db_error_free(&err);
	int n = PQntuples(res), nf = PQnfields(res);
	for (int r = 0; r < n; r++) {
		int row = table_add_row(t);
		for (int col = 0; col < nf && col < t->ncols; col++)
			table_set(t, row, col,
			          PQgetisnull(res, r, col) ? NULL : PQgetvalue(res, r, col));
	}
	PQclear(res);
	return n;
}

struct table *insp_table(int n, const enum msg_id *labels, int flex_col)
{
	struct table *t = table_new(n);
	for (int c = 0; c < n; c++)
		table_col_msg(t, c, labels[c], 2, 0, ALIGN_LEFT, c == flex_col);
	return t;
}

void insp_table_draw(struct table *t, const struct rect *r, const struct strbuf *error,
                     enum msg_id empty)
{
	table_layout(t, r->w);
	table_draw(t, r);
	if (error->len)
		term_text(r->y + 2, r->x, r->w, strbuf_str(error), COL_ERROR, ALIGN_CENTER);
	else if (t->nrows == 0)
		term_text(r->y + 2, r->x, r->w, tr(empty), COL_DIM, ALIGN_CENTER);
}

static void load(struct app *app, struct plans *st)
{
	const char *p[1] = {NULL};
	insp_fill(app, INSP_PLAN_LIST, p, st->t, &st->error);
	st->stale = 0;
}

static void *plans_enter(struct app *app, void *arg)
{
	static const enum msg_id labels[] = {
	    MSG_INSP_COL_PLAN_NO, MSG_INSP_COL_TITLE,  MSG_INSP_COL_YEAR,
	    MSG_INSP_COL_ORG,     MSG_INSP_COL_STATUS, MSG_INSP_COL_FROM,
	    MSG_INSP_COL_TO,      MSG_INSP_COL_TASKS,  MSG_INSP_COL_DONE};
	struct plans *st = xcalloc(1, sizeof *st);
	(void)arg;
	strbuf_init(&st->error);
	st->t = insp_table(9, labels, 1);
	app_subscribe(app, st, "smcon_inspection");
	load(app, st);
	return st;
}

static void plans_leave(struct app *app, void *state)
{
	struct plans *st = state;
	(void)app;
	table_free(st->t);
	strbuf_free(&st->error);
	free(st);
}

static void plans_draw(struct app *app, void *state, const struct rect *r)
{
	struct plans *st = state;
	(void)app;
	insp_table_draw(st->t, r, &st->error, MSG_INSP_NO_PLANS);
}

static void plans_notify(struct app *app, void *state, const char *channel, const char *payload)
{
	struct plans *st = state;
	(void)app;
	(void)channel;
	(void)payload;
	st->stale = 1;
}

static int plans_tick(struct app *app, void *state)
{
	struct plans *st = state;
	if (st->stale)
		load(app, st);
	return SCR_HANDLED;
}

static int plans_action(struct app *app, void *state, enum action_id a)
{
	struct plans *st = state;
	if (table_action(st->t, a, app_content().h - 1))
		return SCR_HANDLED;
	switch (a) {
	case ACT_BACK: return SCR_POP;
	case ACT_OPEN:
		if (st->t->lb.selected < 0)
			return SCR_HANDLED;
		st->stale = 1;
		app_push(app, &screen_inspection_plan,
		         (void *)table_get(st->t, st->t->lb.selected, 0));
		return SCR_HANDLED;
	case ACT_INSP_NEW:
		st->stale = 1;
		app_push(app, &screen_inspection_plan_form, NULL);
		return SCR_HANDLED;
	case ACT_INSP_TASKS: app_push(app, &screen_inspection_tasks, NULL); return SCR_HANDLED;
	case ACT_INSP_OVERVIEW:
		app_push(app, &screen_inspection_overview, NULL);
		return SCR_HANDLED;
	default: return SCR_UNHANDLED;
	}
}

static int plans_has_selection(struct app *app, void *state)
{
	struct plans *st = state;
	(void)app;
	return st->t->lb.selected >= 0;
}

static const enum action_id plans_actions[] = {
    ACT_OPEN, ACT_INSP_NEW, ACT_INSP_TASKS, ACT_INSP_OVERVIEW, ACT_BACK, ACT_UP,
    ACT_DOWN, ACT_PAGE_UP,  ACT_PAGE_DOWN,  ACT_FIRST,         ACT_LAST, ACT_NONE};

const struct screen screen_inspection_plans = {
    .name = "inspection.plans",
    .title = MSG_INSP_TITLE_PLANS,
    .actions = plans_actions,
    .enter = plans_enter,
    .leave = plans_leave,
    .draw = plans_draw,
    .action = plans_action,
    .has_selection = plans_has_selection,
    .tick = plans_tick,
    .notify = plans_notify,
};
