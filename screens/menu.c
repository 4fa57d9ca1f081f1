/* The main menu: the modules the operator's roles allow, nothing else. */
#include <stdlib.h>

#include "base/xalloc.h"
#include "screens/screens.h"
#include "ui/listbox.h"
#include "ui/term.h"

static const enum action_id entries[] = {ACT_MENU_ENTITY,  ACT_MENU_COMPLAINT, ACT_MENU_RESCUE,
					 ACT_MENU_INSPECTION, ACT_MENU_POLICY, ACT_MENU_REPORT,
					 ACT_MENU_ADMIN,   ACT_MENU_AUDIT};
#define NENTRIES (int)(sizeof entries / sizeof entries[0])

struct menu {
	enum action_id shown[NENTRIES];
	struct listbox lb;
};

static void *menu_enter(struct app *app, void *arg)
{
	struct menu *st = xcalloc(1, sizeof *st);
	int n = 0;
	(void)arg;
	for (int i = 0; i < NENTRIES; i++)
		if (app_allowed(app, entries[i]))
			st->shown[n++] = entries[i];
	listbox_init(&st->lb, n);
	return st;
}

static void menu_leave(struct app *app, void *state)
{
	(void)app;
	free(state);
}

static void menu_draw(struct app *app, void *state, const struct rect *r)
{
	struct menu *st = state;
	int x = r->x + 4, w = r->w - 8;
	struct strbuf sb = STRBUF_INIT;
	trf(&sb, MSG_MENU_WELCOME,
	    app->session.full_name[0] ? app->session.full_name : app->session.login);
	term_text(r->y + 1, x, w, strbuf_str(&sb), COL_NORMAL, ALIGN_LEFT);
	if (st->lb.count == 0)
		term_text(r->y + 3, x, w, tr(MSG_MENU_EMPTY), COL_DIM, ALIGN_LEFT);
	for (int i = 0; i < st->lb.count && 3 + i * 2 < r->h; i++) {
		const struct action *a = action_get(st->shown[i]);
		int y = r->y + 3 + i * 2;
		enum ui_color c = i == st->lb.selected ? COL_SELECTED : COL_NORMAL;
		term_fill(y, x, w, c);
		term_text(y, x + 1, 3, a->keys, i == st->lb.selected ? c : COL_KEY, ALIGN_LEFT);
		term_text(y, x + 4, 20, tr(a->label), c, ALIGN_LEFT);
		term_text(y, x + 25, w - 26, tr(a->help), i == st->lb.selected ? c : COL_DIM,
			  ALIGN_LEFT);
	}
	strbuf_free(&sb);
}

static int open_entry(struct app *app, enum action_id a)
{
	app_push(app, screen_for_menu(a), NULL);
	return SCR_HANDLED;
}

static int menu_action(struct app *app, void *state, enum action_id a)
{
	struct menu *st = state;
	if (listbox_action(&st->lb, a, NENTRIES))
		return SCR_HANDLED;
	switch (a) {
	case ACT_OPEN:
		if (st->lb.selected < 0)
			return SCR_HANDLED;
		return open_entry(app, st->shown[st->lb.selected]);
	case ACT_LOGOUT:
		app_logout(app);
		return SCR_POP;
	default:
		for (int i = 0; i < NENTRIES; i++)
			if (entries[i] == a)
				return open_entry(app, a);
		return SCR_UNHANDLED;
	}
}

static const enum action_id menu_actions[] = {
	ACT_OPEN,       ACT_LOGOUT,      ACT_UP,          ACT_DOWN,        ACT_PAGE_UP,
	ACT_PAGE_DOWN,  ACT_FIRST,       ACT_LAST,        ACT_MENU_ENTITY, ACT_MENU_COMPLAINT,
	ACT_MENU_RESCUE, ACT_MENU_INSPECTION, ACT_MENU_POLICY, ACT_MENU_REPORT, ACT_MENU_ADMIN,
	ACT_MENU_AUDIT, ACT_NONE};

const struct screen screen_menu = {
	.name = "menu",
	.title = MSG_MENU_TITLE,
	.actions = menu_actions,
	.enter = menu_enter,
	.leave = menu_leave,
	.draw = menu_draw,
	.action = menu_action,
};
