/* One inspection task: the entity, the team, the items and their legal
 * basis, the result. r enters the result (its inspectors), a confirms it
 * (the other inspector, after a y/n question), p opens the entity's 360°
 * profile, l opens the article the items' legal basis cites (the first
 * 《法》第N条) in the policy base (screens/policy_article.c). */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "domain/policy.h"
#include "screens/inspection.h"
#include "ui/dialog.h"
#include "ui/term.h"

struct task_view {
	char *task_no;
	struct table *facts;
	struct strbuf error;
	struct dialog ask;
	int stale;
};

/* The value of the fact row labelled label, or NULL. */
static const char *fact(const struct task_view *st, const char *label)
{
	for (int r = 0; r < st->facts->nrows; r++)
		if (strcmp(table_get(st->facts, r, 0), label) == 0)
			return table_get(st->facts, r, 1);
	return NULL;
}

static void load(struct app *app, struct task_view *st)
{
	const char *p[1] = {st->task_no};
	insp_fill(app, INSP_TASK_SHOW, p, st->facts, &st->error);
	st->stale = 0;
}

static void *task_enter(struct app *app, void *arg)
{
	static const enum msg_id fl[] = {MSG_INSP_COL_FIELD, MSG_INSP_COL_VALUE};
	struct task_view *st = xcalloc(1, sizeof *st);
	st->task_no = xstrdup(arg);
	strbuf_init(&st->error);
	st->facts = insp_table(2, fl, 1);
	app_subscribe(app, st, "smcon_inspection");
	load(app, st);
	return st;
}

static void task_leave(struct app *app, void *state)
{
	struct task_view *st = state;
	(void)app;
	free(st->task_no);
	table_free(st->facts);
	strbuf_free(&st->error);
	dialog_close(&st->ask);
	free(st);
}

static void task_draw(struct app *app, void *state, const struct rect *r)
{
	struct task_view *st = state;
	(void)app;
	insp_table_draw(st->facts, r, &st->error, MSG_INSP_NO_TASKS);
	dialog_draw(&st->ask, r);
}

static void task_notify(struct app *app, void *state, const char *channel, const char *payload)
{
	struct task_view *st = state;
	(void)app;
	(void)channel;
	(void)payload;
	st->stale = 1;
}

static int task_tick(struct app *app, void *state)
{
	struct task_view *st = state;
	if (st->stale)
		load(app, st);
	return SCR_HANDLED;
}

static void confirm(struct app *app, struct task_view *st)
{
	const char *p[1] = {st->task_no};
	struct db_error err;
	db_error_init(&err);
	PGresult *res = insp_run(&app->db, INSP_TASK_CONFIRM, p, &err);
	if (!res) {
		app_message(app, MSGK_ERROR, strbuf_str(&err.message));
	} else {
		char *m = trs(MSG_INSP_CONFIRMED, PQgetvalue(res, 0, 0));
		app_message(app, MSGK_INFO, m);
		free(m);
		PQclear(res);
	}
	db_error_free(&err);
	load(app, st);
}

static void basis(struct app *app, struct task_view *st)
{
	const char *text = fact(st, "检查依据");
	struct strbuf law = STRBUF_INIT, article = STRBUF_INIT;
	if (text && policy_citation(text, &law, &article) == 0) {
		screen_policy_article(app, strbuf_str(&law), strbuf_str(&article));
	} else if (text) {
		char *m = trs(MSG_POLICY_NO_CITATION, text);
		app_message(app, MSGK_ERROR, m);
		free(m);
	}
	strbuf_free(&law);
	strbuf_free(&article);
}

static int task_key(struct app *app, void *state, const struct key *k)
{
	struct task_view *st = state;
	if (!dialog_open(&st->ask))
		return SCR_UNHANDLED;
	if (dialog_key(&st->ask, k) == DIALOG_YES)
		confirm(app, st);
	return SCR_HANDLED;
}

static int task_action(struct app *app, void *state, enum action_id a)
{
	struct task_view *st = state;
	if (table_action(st->facts, a, app_content().h - 1))
		return SCR_HANDLED;
	switch (a) {
	case ACT_BACK: return SCR_POP;
	case ACT_INSP_RESULT:
		st->stale = 1;
		app_push(app, &screen_inspection_result, st->task_no);
		return SCR_HANDLED;
	case ACT_INSP_CONFIRM: {
		char *q = trs(MSG_INSP_CONFIRM_ASK, st->task_no);
		dialog_ask(&st->ask, q, 0, 0);
		free(q);
		return SCR_HANDLED;
	}
	case ACT_INSP_PROFILE: {
		const char *uscc = fact(st, "统一社会信用代码");
		if (uscc)
			app_push(app, &screen_entity_profile, (void *)uscc);
		return SCR_HANDLED;
	}
	case ACT_INSP_BASIS: basis(app, st); return SCR_HANDLED;
	default: return SCR_UNHANDLED;
	}
}

static const enum action_id task_actions[] = {ACT_INSP_RESULT, ACT_INSP_CONFIRM, ACT_INSP_PROFILE,
                                              ACT_INSP_BASIS,  ACT_BACK,         ACT_UP,
                                              ACT_DOWN,        ACT_NONE};

const struct screen screen_inspection_task = {
    .name = "inspection.task",
    .title = MSG_INSP_TITLE_TASK,
    .actions = task_actions,
    .enter = task_enter,
    .leave = task_leave,
    .draw = task_draw,
    .key = task_key,
    .action = task_action,
    .tick = task_tick,
    .notify = task_notify,
};
