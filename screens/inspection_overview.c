/* The supervisor's overview: progress of the running plans by plan,
 * station and inspector (top), and the flags — tasks past their window,
 * results not published within 20 working days, abnormal-list proposals
 * waiting — each with the rule that sets the limit (bottom). Tab moves
 * between the two; it follows smcon_inspection. */
#include <stdlib.h>

#include "base/xalloc.h"
#include "screens/inspection.h"
#include "ui/term.h"

struct overview {
	struct table *progress, *flags;
	struct strbuf error, flag_error;
	int focus_flags;
	int stale;
};

static void load(struct app *app, struct overview *st)
{
	const char *p[1] = {NULL};
	insp_fill(app, INSP_OVERVIEW, p, st->progress, &st->error);
	insp_fill(app, INSP_FLAGS, p, st->flags, &st->flag_error);
	st->stale = 0;
}

static void *ov_enter(struct app *app, void *arg)
{
	static const enum msg_id pl[] = {MSG_INSP_COL_KIND,        MSG_INSP_COL_NAME,
	                                 MSG_INSP_COL_TASKS,       MSG_INSP_COL_DONE,
	                                 MSG_INSP_COL_CONFIRMED_N, MSG_INSP_COL_PUBLISHED_N,
	                                 MSG_INSP_COL_OVERDUE,     MSG_INSP_COL_LATE};
	static const enum msg_id fl[] = {MSG_INSP_COL_FLAG,    MSG_INSP_COL_PLAN_NO,
	                                 MSG_INSP_COL_TASK_NO, MSG_INSP_COL_ENTITY,
	                                 MSG_INSP_COL_DUE,     MSG_INSP_COL_BASIS};
	struct overview *st = xcalloc(1, sizeof *st);
	(void)arg;
	strbuf_init(&st->error);
	strbuf_init(&st->flag_error);
	st->progress = insp_table(8, pl, 1);
	st->flags = insp_table(6, fl, 5);
	app_subscribe(app, st, "smcon_inspection");
	load(app, st);
	return st;
}

static void ov_leave(struct app *app, void *state)
{
	struct overview *st = state;
	(void)app;
	table_free(st->progress);
	table_free(st->flags);
	strbuf_free(&st->error);
	strbuf_free(&st->flag_error);
	free(st);
}

static void ov_draw(struct app *app, void *state, const struct rect *r)
{
	struct overview *st = state;
	(void)app;
	int top = r->h / 2;
	term_text(r->y, r->x, r->w, tr(MSG_INSP_PROGRESS_HEADING),
	          st->focus_flags ? COL_DIM : COL_KEY, ALIGN_LEFT);
	struct rect a = {r->y + 1, r->x, top - 1, r->w};
	insp_table_draw(st->progress, &a, &st->error, MSG_INSP_NO_PLANS);
	term_text(r->y + top, r->x, r->w, tr(MSG_INSP_FLAGS_HEADING),
	          st->focus_flags ? COL_KEY : COL_DIM, ALIGN_LEFT);
	struct rect b = {r->y + top + 1, r->x, r->h - top - 1, r->w};
	insp_table_draw(st->flags, &b, &st->flag_error, MSG_INSP_NO_FLAGS);
}

static void ov_notify(struct app *app, void *state, const char *channel, const char *payload)
{
	struct overview *st = state;
	(void)app;
	(void)channel;
	(void)payload;
	st->stale = 1;
}

static int ov_tick(struct app *app, void *state)
{
	struct overview *st = state;
	if (st->stale)
		load(app, st);
	return SCR_HANDLED;
}

static int ov_action(struct app *app, void *state, enum action_id a)
{
	struct overview *st = state;
	(void)app;
	if (a == ACT_INSP_FOCUS) {
		st->focus_flags = !st->focus_flags;
		return SCR_HANDLED;
	}
	if (table_action(st->focus_flags ? st->flags : st->progress, a, app_content().h / 2 - 2))
		return SCR_HANDLED;
	return a == ACT_BACK ? SCR_POP : SCR_UNHANDLED;
}

static const enum action_id ov_actions[] = {ACT_INSP_FOCUS, ACT_BACK,      ACT_UP,  ACT_DOWN,
                                            ACT_PAGE_UP,    ACT_PAGE_DOWN, ACT_NONE};

const struct screen screen_inspection_overview = {
    .name = "inspection.overview",
    .title = MSG_INSP_TITLE_OVERVIEW,
    .actions = ov_actions,
    .enter = ov_enter,
    .leave = ov_leave,
    .draw = ov_draw,
    .action = ov_action,
    .tick = ov_tick,
    .notify = ov_notify,
};
