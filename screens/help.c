/* F1 help: the keys of the screen it was opened from, generated from the
 * action table; actions the operator's roles do not allow are not listed. */
#include <stdlib.h>

#include "base/xalloc.h"
#include "screens/screens.h"
#include "ui/listbox.h"
#include "ui/term.h"

#define HELP_MAX 64

struct help {
	const struct screen *about;
	enum action_id rows[HELP_MAX]; /* ACT_NONE rows are section headings */
	enum msg_id headings[HELP_MAX];
	struct listbox lb;
};

static const enum action_id globals[] = {ACT_HELP, ACT_LANGUAGE, ACT_REDRAW, ACT_QUIT, ACT_NONE};

static int listed(const enum action_id *list, enum action_id a)
{
	for (; list && *list != ACT_NONE; list++)
		if (*list == a)
			return 1;
	return 0;
}

static void add_section(struct app *app, struct help *st, int *n, enum msg_id heading,
			const enum action_id *list, const enum action_id *skip)
{
	st->rows[*n] = ACT_NONE;
	st->headings[(*n)++] = heading;
	for (; list && *list != ACT_NONE && *n < HELP_MAX; list++) {
		const struct action *a = action_get(*list);
		if (!a->keys || listed(skip, *list) || !action_role_ok(a, app->session.roles))
			continue;
		if (a->roles && !app->logged_in)
			continue;
		st->rows[(*n)++] = *list;
	}
}

static void *help_enter(struct app *app, void *arg)
{
	struct help *st = xcalloc(1, sizeof *st);
	int n = 0;
	st->about = arg;
	add_section(app, st, &n, MSG_HELP_THIS_SCREEN, st->about->actions, globals);
	add_section(app, st, &n, MSG_HELP_EVERYWHERE, globals, NULL);
	listbox_init(&st->lb, n);
	return st;
}

static void help_leave(struct app *app, void *state)
{
	(void)app;
	free(state);
}

static void help_draw(struct app *app, void *state, const struct rect *r)
{
	struct help *st = state;
	struct strbuf sb = STRBUF_INIT;
	int x = r->x + 2, w = r->w - 4;
	(void)app;
	trf(&sb, MSG_HELP_HEADING, tr(st->about->title));
	term_text(r->y, x, w, strbuf_str(&sb), COL_KEY, ALIGN_LEFT);
	int h = r->h - 2;
	listbox_show_selected(&st->lb, h);
	for (int i = 0; i < h && st->lb.top + i < st->lb.count; i++) {
		int row = st->lb.top + i, y = r->y + 2 + i;
		enum action_id id = st->rows[row];
		if (id == ACT_NONE) {
			term_text(y, x, w, tr(st->headings[row]), COL_DIM, ALIGN_LEFT);
			continue;
		}
		const struct action *a = action_get(id);
		strbuf_reset(&sb);
		key_spec_display(a->keys, &sb);
		enum ui_color c = row == st->lb.selected ? COL_SELECTED : COL_NORMAL;
		term_fill(y, x, w, c);
		term_text(y, x + 2, 16, strbuf_str(&sb), row == st->lb.selected ? c : COL_KEY,
			  ALIGN_LEFT);
		term_text(y, x + 19, 16, tr(a->label), c, ALIGN_LEFT);
		term_text(y, x + 36, w - 36, tr(a->help), c, ALIGN_LEFT);
	}
	strbuf_free(&sb);
}

static int help_action(struct app *app, void *state, enum action_id a)
{
	struct help *st = state;
	struct rect r = app_content();
	(void)app;
	if (listbox_action(&st->lb, a, r.h - 2))
		return SCR_HANDLED;
	return a == ACT_BACK ? SCR_POP : SCR_UNHANDLED;
}

static const enum action_id help_actions[] = {ACT_BACK,      ACT_UP,    ACT_DOWN, ACT_PAGE_UP,
					      ACT_PAGE_DOWN, ACT_FIRST, ACT_LAST, ACT_NONE};

const struct screen screen_help = {
	.name = "help",
	.title = MSG_HELP_TITLE,
	.actions = help_actions,
	.enter = help_enter,
	.leave = help_leave,
	.draw = help_draw,
	.action = help_action,
};
