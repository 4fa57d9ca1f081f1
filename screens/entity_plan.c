/* Adding an entity to an inspection plan's candidate list: the plans in
 * the operator's scope that still take candidates; Enter adds. The
 * database checks the role, the scope and the plan's state. */
#include <stdlib.h>

#include "base/xalloc.h"
#include "domain/entity_action.h"
#include "screens/screens.h"
#include "ui/table.h"
#include "ui/term.h"

struct plan_pick {
	char *uscc;
	struct entity_rows plans;
	struct table *table;
	struct strbuf error;
};

static void *plan_enter(struct app *app, void *arg)
{
	static const enum plan_col cols[] = {PL_NO, PL_TITLE, PL_YEAR, PL_STATUS, PL_ORG, PL_CANDIDATES};
	struct plan_pick *st = xcalloc(1, sizeof *st);
	struct db_error err;
	st->uscc = xstrdup(arg);
	strbuf_init(&st->error);
	st->table = table_new(6);
	for (int c = 0; c < 6; c++)
		table_col_msg(st->table, c, plan_label(cols[c]), 4, 0,
		              c == 5 ? ALIGN_RIGHT : ALIGN_LEFT, c == 1);
	db_error_init(&err);
	if (plan_list(&app->db, &st->plans, &err) != ST_OK)
		strbuf_add(&st->error, strbuf_str(&err.message));
	for (int r = 0; r < st->plans.n; r++) {
		int row = table_add_row(st->table);
		for (int c = 0; c < 6; c++)
			table_set(st->table, row, c, entity_rows_get(&st->plans, r, cols[c]));
	}
	db_error_free(&err);
	return st;
}

static void plan_leave(struct app *app, void *state)
{
	struct plan_pick *st = state;
	(void)app;
	free(st->uscc);
	entity_rows_free(&st->plans);
	table_free(st->table);
	strbuf_free(&st->error);
	free(st);
}

static void plan_draw(struct app *app, void *state, const struct rect *r)
{
	struct plan_pick *st = state;
	struct strbuf sb = STRBUF_INIT;
	(void)app;
	trf(&sb, MSG_PLAN_PICK_HEADING, st->uscc);
	term_text(r->y, r->x, r->w, strbuf_str(&sb), COL_KEY, ALIGN_LEFT);
	strbuf_free(&sb);
	struct rect t = {r->y + 2, r->x, r->h - 2, r->w};
	table_layout(st->table, t.w);
	table_draw(st->table, &t);
	if (st->error.len)
		term_text(t.y + 2, t.x, t.w, strbuf_str(&st->error), COL_ERROR, ALIGN_CENTER);
	else if (st->table->nrows == 0)
		term_text(t.y + 2, t.x, t.w, tr(MSG_PLAN_NONE), COL_DIM, ALIGN_CENTER);
}

static int plan_action(struct app *app, void *state, enum action_id a)
{
	struct plan_pick *st = state;
	if (table_action(st->table, a, app_content().h - 3))
		return SCR_HANDLED;
	if (a == ACT_BACK)
		return SCR_POP;
	if (a != ACT_OPEN || st->table->lb.selected < 0)
		return SCR_UNHANDLED;
	struct db_error err;
	const char *plan_no = entity_rows_get(&st->plans, st->table->lb.selected, PL_NO);
	db_error_init(&err);
	if (plan_add(&app->db, plan_no, st->uscc, NULL, &err) != ST_OK) {
		app_message(app, MSGK_ERROR, strbuf_str(&err.message));
		db_error_free(&err);
		return SCR_HANDLED;
	}
	char *m = trs(MSG_ENTITY_PLAN_ADDED, st->uscc, plan_no);
	app_message(app, MSGK_INFO, m);
	free(m);
	db_error_free(&err);
	return SCR_POP;
}

static int plan_has_selection(struct app *app, void *state)
{
	struct plan_pick *st = state;
	(void)app;
	return st->table->lb.selected >= 0;
}

static const enum action_id plan_actions[] = {ACT_OPEN,      ACT_BACK,  ACT_UP,   ACT_DOWN, ACT_PAGE_UP,
					      ACT_PAGE_DOWN, ACT_FIRST, ACT_LAST, ACT_NONE};

const struct screen screen_entity_plan = {
    .name = "entity.plan",
    .title = MSG_PLAN_PICK_TITLE,
    .actions = plan_actions,
    .enter = plan_enter,
    .leave = plan_leave,
    .draw = plan_draw,
    .action = plan_action,
    .has_selection = plan_has_selection,
};
