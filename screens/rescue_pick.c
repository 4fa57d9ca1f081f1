/* The intake without a rescue code: the elevators whose address or using
 * unit holds what the dispatcher typed (api.elevator_search through the
 * domain's rescue_elevator_search, as `elevator search` does), addresses
 * first; Up/Down and Enter pick one, whose rescue code (its registration
 * code when it has none) goes back to the intake form, where the card
 * appears. Esc goes back without one. */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "screens/rescue.h"
#include "ui/table.h"
#include "ui/term.h"

/* The columns of rescue_elevator_search(), in its order. */
enum { PS_ID, PS_REG_CODE, PS_CODE, PS_CATEGORY, PS_ADDRESS, PS_USER, PS_MAINT, PS_STATUS };

struct pick {
	struct rescue_pick *req;
	PGresult *res;
	struct table *table;
	char *error;
};

static void *pick_enter(struct app *app, void *arg)
{
	static const int src[] = {PS_CODE, PS_ADDRESS, PS_USER, PS_MAINT, PS_STATUS};
	struct pick *st = xcalloc(1, sizeof *st);
	struct db_error err;
	st->req = arg;
	st->table = table_new(5);
	table_col_msg(st->table, 0, MSG_RESCUE_LABEL_CODE, 6, 20, ALIGN_LEFT, 0);
	table_col_msg(st->table, 1, MSG_RESCUE_COL_ADDRESS, 12, 0, ALIGN_LEFT, 3);
	table_col_msg(st->table, 2, MSG_RESCUE_COL_USER, 8, 0, ALIGN_LEFT, 1);
	table_col_msg(st->table, 3, MSG_RESCUE_COL_MAINT, 8, 0, ALIGN_LEFT, 1);
	table_col_msg(st->table, 4, MSG_RESCUE_COL_STATUS, 4, 8, ALIGN_LEFT, 0);
	table_highlight(st->table, st->req->text);
	db_error_init(&err);
	st->res = rescue_elevator_search(&app->db, st->req->text, "50", &err);
	if (!st->res)
		st->error = xstrdup(strbuf_str(&err.message));
	for (int r = 0; st->res && r < PQntuples(st->res); r++) {
		int row = table_add_row(st->table);
		for (int c = 0; c < 5; c++)
			table_set(st->table, row, c, PQgetvalue(st->res, r, src[c]));
		if (PQgetisnull(st->res, r, PS_CODE))
			table_set(st->table, row, 0, PQgetvalue(st->res, r, PS_REG_CODE));
	}
	db_error_free(&err);
	return st;
}

static void pick_leave(struct app *app, void *state)
{
	struct pick *st = state;
	(void)app;
	PQclear(st->res);
	table_free(st->table);
	free(st->error);
	free(st);
}

static void pick_draw(struct app *app, void *state, const struct rect *r)
{
	struct pick *st = state;
	(void)app;
	char *h = trs(MSG_RESCUE_PICK_HEADING, st->req->text, st->table->nrows);
	term_text(r->y + 1, r->x + 2, r->w - 4, h, COL_KEY, ALIGN_LEFT);
	free(h);
	struct rect t = {r->y + 3, r->x, r->h - 3, r->w};
	table_layout(st->table, t.w);
	table_draw(st->table, &t);
	if (st->error)
		term_text(t.y + 2, t.x + 2, t.w - 4, st->error, COL_ERROR, ALIGN_LEFT);
	else if (st->table->nrows == 0)
		term_text(t.y + 2, t.x + 2, t.w - 4, tr(MSG_RESCUE_PICK_NONE), COL_DIM, ALIGN_LEFT);
}

static int pick_action(struct app *app, void *state, enum action_id a)
{
	struct pick *st = state;
	(void)app;
	if (table_action(st->table, a,
	                 table_view_height(&(struct rect){0, 0, app_content().h - 3, 0})))
		return SCR_HANDLED;
	if (a == ACT_BACK)
		return SCR_POP;
	if (a != ACT_OPEN || st->table->lb.selected < 0)
		return SCR_UNHANDLED;
	free(st->req->picked);
	st->req->picked = xstrdup(table_get(st->table, st->table->lb.selected, 0));
	return SCR_POP;
}

static int pick_has_selection(struct app *app, void *state)
{
	struct pick *st = state;
	(void)app;
	return st->table->lb.selected >= 0;
}

static const enum action_id pick_actions[] = {ACT_OPEN,  ACT_BACK,    ACT_UP,
                                              ACT_DOWN,  ACT_PAGE_UP, ACT_PAGE_DOWN,
                                              ACT_FIRST, ACT_LAST,    ACT_NONE};

const struct screen screen_rescue_pick = {
    .name = "rescue.pick",
    .title = MSG_ACT_RESCUE_FIND,
    .actions = pick_actions,
    .enter = pick_enter,
    .leave = pick_leave,
    .draw = pick_draw,
    .action = pick_action,
    .has_selection = pick_has_selection,
};
