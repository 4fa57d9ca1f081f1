/* One plan: its facts (api.plan_show) and, after v, the preview of the draw
 * (counts only). f files it, d commits the draw after a y/n question (the
 * server makes the seed at that moment), k replays and verifies the draw,
 * P publishes the confirmed results. */
#include <stdlib.h>

#include "base/xalloc.h"
#include "screens/inspection.h"
#include "ui/dialog.h"
#include "ui/term.h"

struct plan_view {
	char *plan_no;
	struct table *facts, *preview;
	struct strbuf error;
	int show_preview;
	struct dialog ask;
};

static void load(struct app *app, struct plan_view *st)
{
	const char *p[1] = {st->plan_no};
	insp_fill(app, INSP_PLAN_SHOW, p, st->facts, &st->error);
}

static void *plan_enter(struct app *app, void *arg)
{
	static const enum msg_id fl[] = {MSG_INSP_COL_FIELD, MSG_INSP_COL_VALUE};
	static const enum msg_id pl[] = {MSG_INSP_COL_SECTION, MSG_INSP_COL_LABEL,
	                                 MSG_INSP_COL_POPULATION, MSG_INSP_COL_QUOTA};
	struct plan_view *st = xcalloc(1, sizeof *st);
	st->plan_no = xstrdup(arg);
	strbuf_init(&st->error);
	st->facts = insp_table(2, fl, 1);
	st->preview = insp_table(4, pl, 1);
	load(app, st);
	return st;
}

static void plan_leave(struct app *app, void *state)
{
	struct plan_view *st = state;
	(void)app;
	free(st->plan_no);
	table_free(st->facts);
	table_free(st->preview);
	strbuf_free(&st->error);
	dialog_close(&st->ask);
	free(st);
}

static void plan_draw(struct app *app, void *state, const struct rect *r)
{
	struct plan_view *st = state;
	(void)app;
	if (!st->show_preview) {
		insp_table_draw(st->facts, r, &st->error, MSG_INSP_NO_PLANS);
	} else {
		term_text(r->y, r->x, r->w, tr(MSG_INSP_PREVIEW_HEADING), COL_KEY, ALIGN_LEFT);
		struct rect t = {r->y + 1, r->x, r->h - 1, r->w};
		insp_table_draw(st->preview, &t, &st->error, MSG_INSP_NO_PLANS);
	}
	dialog_draw(&st->ask, r);
}

/* Runs a one-value call on the plan; its answer (or error) goes to the message line. */
static void run_one(struct app *app, struct plan_view *st, enum insp_call c, enum msg_id done)
{
	const char *p[1] = {st->plan_no};
	struct db_error err;
	db_error_init(&err);
	PGresult *res = insp_run(&app->db, c, p, &err);
	if (!res) {
		app_message(app, MSGK_ERROR, strbuf_str(&err.message));
	} else {
		char *m = done == MSG_EMPTY ? xstrdup(PQgetvalue(res, 0, PQnfields(res) - 1))
		                            : trs(done, PQgetvalue(res, 0, 0));
		app_message(app,
		            c == INSP_PLAN_VERIFY && *PQgetvalue(res, 0, 0) != 't' ? MSGK_ERROR
		                                                                   : MSGK_INFO,
		            m);
		free(m);
		PQclear(res);
	}
	db_error_free(&err);
	st->show_preview = 0;
	load(app, st);
}

static void commit(struct app *app, struct plan_view *st)
{
	const char *p[3] = {st->plan_no, NULL, NULL};
	struct db_error err;
	db_error_init(&err);
	PGresult *res = insp_run(&app->db, INSP_PLAN_DRAW, p, &err);
	if (!res) {
		app_message(app, MSGK_ERROR, strbuf_str(&err.message));
	} else {
		char *m = trs(MSG_INSP_DRAWN, PQgetvalue(res, 0, 3), PQgetvalue(res, 0, 4),
		              PQgetvalue(res, 0, 1));
		app_message(app, MSGK_INFO, m);
		free(m);
		PQclear(res);
	}
	db_error_free(&err);
	st->show_preview = 0;
	load(app, st);
}

static int plan_key(struct app *app, void *state, const struct key *k)
{
	struct plan_view *st = state;
	if (!dialog_open(&st->ask))
		return SCR_UNHANDLED;
	if (dialog_key(&st->ask, k) == DIALOG_YES)
		commit(app, st);
	return SCR_HANDLED;
}

static int plan_action(struct app *app, void *state, enum action_id a)
{
	struct plan_view *st = state;
	struct table *t = st->show_preview ? st->preview : st->facts;
	if (table_action(t, a, app_content().h - 2))
		return SCR_HANDLED;
	switch (a) {
	case ACT_BACK:
		if (!st->show_preview)
			return SCR_POP;
		st->show_preview = 0;
		return SCR_HANDLED;
	case ACT_INSP_PREVIEW: {
		const char *p[1] = {st->plan_no};
		st->show_preview =
		    insp_fill(app, INSP_PLAN_PREVIEW, p, st->preview, &st->error) >= 0;
		if (!st->show_preview) {
			app_message(app, MSGK_ERROR, strbuf_str(&st->error));
			load(app, st);
		}
		return SCR_HANDLED;
	}
	case ACT_INSP_DRAW: {
		char *q = trs(MSG_INSP_DRAW_ASK, st->plan_no);
		dialog_ask(&st->ask, q, 0, 0);
		free(q);
		return SCR_HANDLED;
	}
	case ACT_INSP_FILE: run_one(app, st, INSP_PLAN_FILE, MSG_INSP_FILED); return SCR_HANDLED;
	case ACT_INSP_VERIFY: run_one(app, st, INSP_PLAN_VERIFY, MSG_EMPTY); return SCR_HANDLED;
	case ACT_INSP_PUBLISH:
		run_one(app, st, INSP_PLAN_PUBLISH, MSG_INSP_PUBLISHED);
		return SCR_HANDLED;
	default: return SCR_UNHANDLED;
	}
}

static const enum action_id plan_actions[] = {
    ACT_INSP_FILE, ACT_INSP_PREVIEW, ACT_INSP_DRAW, ACT_INSP_VERIFY, ACT_INSP_PUBLISH, ACT_BACK,
    ACT_UP,        ACT_DOWN,         ACT_PAGE_UP,   ACT_PAGE_DOWN,   ACT_NONE};

const struct screen screen_inspection_plan = {
    .name = "inspection.plan",
    .title = MSG_INSP_TITLE_PLAN,
    .actions = plan_actions,
    .enter = plan_enter,
    .leave = plan_leave,
    .draw = plan_draw,
    .key = plan_key,
    .action = plan_action,
};
