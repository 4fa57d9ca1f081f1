/* An inspector's own tasks (a supervisor's: every task of the scope), the
 * ones not done first. Enter opens a task. Follows smcon_inspection. */
#include <stdlib.h>

#include "base/xalloc.h"
#include "screens/inspection.h"
#include "ui/term.h"

struct tasks {
	struct table *t;
	struct strbuf error;
	int stale;
	int mine;
};

static void load(struct app *app, struct tasks *st)
{
	const char *p[2] = {st->mine ? "t" : "f", NULL};
	insp_fill(app, INSP_TASK_LIST, p, st->t, &st->error);
	st->stale = 0;
}

static void *tasks_enter(struct app *app, void *arg)
{
	static const enum msg_id labels[] = {
	    MSG_INSP_COL_TASK_NO, MSG_INSP_COL_PLAN_NO, MSG_INSP_COL_USCC,
	    MSG_INSP_COL_ENTITY,  MSG_INSP_COL_STATUS,  MSG_INSP_COL_DUE,
	    MSG_INSP_COL_TEAM,    MSG_INSP_COL_RESULT,  MSG_INSP_COL_CONFIRMED};
	struct tasks *st = xcalloc(1, sizeof *st);
	(void)arg;
	strbuf_init(&st->error);
	st->t = insp_table(9, labels, 3);
	st->t->cols[1].hidden = 0;
	st->mine = !(app->session.roles & ROLE_SUPERVISOR);
	app_subscribe(app, st, "smcon_inspection");
	load(app, st);
	return st;
}

static void tasks_leave(struct app *app, void *state)
{
	struct tasks *st = state;
	(void)app;
	table_free(st->t);
	strbuf_free(&st->error);
	free(st);
}

static void tasks_draw(struct app *app, void *state, const struct rect *r)
{
	struct tasks *st = state;
	(void)app;
	insp_table_draw(st->t, r, &st->error, MSG_INSP_NO_TASKS);
}

static void tasks_notify(struct app *app, void *state, const char *channel, const char *payload)
{
	struct tasks *st = state;
	(void)app;
	(void)channel;
	(void)payload;
	st->stale = 1;
}

static int tasks_tick(struct app *app, void *state)
{
	struct tasks *st = state;
	if (st->stale)
		load(app, st);
	return SCR_HANDLED;
}

static int tasks_action(struct app *app, void *state, enum action_id a)
{
	struct tasks *st = state;
	if (table_action(st->t, a, app_content().h - 1))
		return SCR_HANDLED;
	if (a == ACT_BACK)
		return SCR_POP;
	if (a != ACT_OPEN || st->t->lb.selected < 0)
		return SCR_UNHANDLED;
	st->stale = 1;
	app_push(app, &screen_inspection_task, (void *)table_get(st->t, st->t->lb.selected, 0));
	return SCR_HANDLED;
}

static int tasks_has_selection(struct app *app, void *state)
{
	struct tasks *st = state;
	(void)app;
	return st->t->lb.selected >= 0;
}

static const enum action_id tasks_actions[] = {ACT_OPEN,  ACT_BACK,    ACT_UP,
                                               ACT_DOWN,  ACT_PAGE_UP, ACT_PAGE_DOWN,
                                               ACT_FIRST, ACT_LAST,    ACT_NONE};

const struct screen screen_inspection_tasks = {
    .name = "inspection.tasks",
    .title = MSG_INSP_TITLE_TASKS,
    .actions = tasks_actions,
    .enter = tasks_enter,
    .leave = tasks_leave,
    .draw = tasks_draw,
    .action = tasks_action,
    .has_selection = tasks_has_selection,
    .tick = tasks_tick,
    .notify = tasks_notify,
};
