/* The supervisor's view of the 12315 desk: open, near-due and overdue items
 * by unit and handler (api.desk_supervise), the worst first. Read without
 * blocking when the screen opens and again on every NOTIFY. Bulk
 * reassignment is in the queue: mark rows with *, then a. */
#include <stdlib.h>

#include "base/xalloc.h"
#include "screens/complaint.h"
#include "screens/screens.h"
#include "ui/fetch.h"
#include "ui/table.h"
#include "ui/term.h"

struct supervise {
	struct table *t;
	struct fetch fetch; /* the figures, read again on every NOTIFY */
};

static void *sup_enter(struct app *app, void *arg)
{
	struct supervise *st = xcalloc(1, sizeof *st);
	(void)arg;
	st->t = table_new(6);
	table_col_msg(st->t, 0, MSG_DESK_COL_ORG, 6, 12, ALIGN_LEFT, 1);
	table_col_msg(st->t, 1, MSG_DESK_COL_HANDLER, 6, 12, ALIGN_LEFT, 1);
	table_col_msg(st->t, 2, MSG_DESK_COL_TOTAL, 4, 8, ALIGN_RIGHT, 0);
	table_col_msg(st->t, 3, MSG_DESK_COL_DUE_SOON, 4, 8, ALIGN_RIGHT, 0);
	table_col_msg(st->t, 4, MSG_DESK_COL_OVERDUE, 4, 8, ALIGN_RIGHT, 0);
	table_col_msg(st->t, 5, MSG_DESK_COL_NOTE, 0, 0, ALIGN_LEFT, 1);
	fetch_init(&st->fetch, st);
	fetch_want(&st->fetch, app);
	app_subscribe(app, st, DESK_CHANNEL);
	return st;
}

static void sup_leave(struct app *app, void *state)
{
	struct supervise *st = state;
	fetch_free(&st->fetch, app);
	table_free(st->t);
	free(st);
}

static void sup_notify(struct app *app, void *state, const char *channel, const char *payload)
{
	struct supervise *st = state;
	(void)channel;
	(void)payload;
	fetch_want(&st->fetch, app);
}

static enum status sup_send(struct app *app, void *ctx, struct db_error *err)
{
	const char *p[] = {NULL};
	(void)ctx;
	return db_async_send(&app->db,
	                     "SELECT org_name, coalesce(handler, '—'), total, due_soon, overdue "
	                     "FROM api.desk_supervise($1)",
	                     1, p, err);
}

static int sup_tick(struct app *app, void *state)
{
	struct supervise *st = state;
	PGresult *res;
	if (!fetch_tick(&st->fetch, app, sup_send, st, &res))
		return 0;
	if (res) {
		table_clear(st->t);
		for (int i = 0; i < PQntuples(res); i++) {
			int row = table_add_row(st->t);
			for (int c = 0; c < 5; c++)
				table_set(st->t, row, c, PQgetvalue(res, i, c));
			if (atoi(PQgetvalue(res, i, 4)) > 0)
				table_row_color(st->t, row, COL_ERROR);
			else if (atoi(PQgetvalue(res, i, 3)) > 0)
				table_row_color(st->t, row, COL_MATCH);
		}
		PQclear(res);
	}
	return SCR_HANDLED;
}

static void sup_draw(struct app *app, void *state, const struct rect *r)
{
	struct supervise *st = state;
	(void)app;
	term_text(r->y, r->x, r->w,
	          st->fetch.error.len ? strbuf_str(&st->fetch.error) : tr(MSG_DESK_SUPERVISE_TITLE),
	          st->fetch.error.len ? COL_ERROR : COL_KEY, ALIGN_LEFT);
	struct rect tr_ = {r->y + 1, r->x, r->h - 1, r->w};
	table_layout(st->t, tr_.w);
	table_draw(st->t, &tr_);
}

static int sup_action(struct app *app, void *state, enum action_id a)
{
	struct supervise *st = state;
	(void)app;
	if (a == ACT_BACK)
		return SCR_POP;
	int h = table_view_height(&(struct rect){0, 0, app_content().h - 1, 0});
	return table_action(st->t, a, h) ? SCR_HANDLED : SCR_UNHANDLED;
}

static const enum action_id sup_actions[] = {ACT_UP,        ACT_DOWN, ACT_PAGE_UP,
                                             ACT_PAGE_DOWN, ACT_BACK, ACT_NONE};

const struct screen screen_complaint_supervise = {
    .name = "complaint.supervise",
    .title = MSG_DESK_SUPERVISE_TITLE,
    .actions = sup_actions,
    .enter = sup_enter,
    .leave = sup_leave,
    .draw = sup_draw,
    .action = sup_action,
    .tick = sup_tick,
    .notify = sup_notify,
};
