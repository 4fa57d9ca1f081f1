/* The main menu: the modules the operator's roles allow, nothing else. */
#include <stdlib.h>

#include "base/xalloc.h"
#include "domain/draft.h"
#include "screens/rescue.h"
#include "screens/screens.h"
#include "ui/dialog.h"
#include "ui/listbox.h"
#include "ui/term.h"

static const enum action_id entries[] = {ACT_MENU_ENTITY,  ACT_MENU_COMPLAINT, ACT_MENU_RESCUE,
					 ACT_MENU_INSPECTION, ACT_MENU_POLICY, ACT_MENU_REPORT,
					 ACT_MENU_ADMIN,   ACT_MENU_AUDIT};
#define NENTRIES (int)(sizeof entries / sizeof entries[0])

struct menu {
	enum action_id shown[NENTRIES];
	struct listbox lb;
	struct dialog logout; /* Esc asks before logging out */
	int drafts;           /* the operator's unfinished drafts */
	int recount;          /* count them again when the menu is on top again */
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
	st->drafts = app->session.has_staff ? draft_count(&app->db) : 0;
	return st;
}

static void menu_leave(struct app *app, void *state)
{
	struct menu *st = state;
	(void)app;
	dialog_close(&st->logout);
	free(st);
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
	if (st->drafts > 0) {
		strbuf_reset(&sb);
		trf(&sb, MSG_DRAFT_BANNER, st->drafts);
		term_text(r->y + r->h - 1, x, w, strbuf_str(&sb), COL_KEY, ALIGN_LEFT);
	}
	strbuf_free(&sb);
	dialog_draw(&st->logout, r);
}

static int menu_key(struct app *app, void *state, const struct key *k)
{
	struct menu *st = state;
	if (!dialog_open(&st->logout))
		return SCR_UNHANDLED;
	if (dialog_key(&st->logout, k) != DIALOG_YES)
		return SCR_HANDLED;
	app_logout(app);
	return SCR_POP;
}

static int menu_tick(struct app *app, void *state)
{
	struct menu *st = state;
	if (st->recount && app->session.has_staff && !app->db.async_pending) {
		st->recount = 0;
		st->drafts = draft_count(&app->db);
		return SCR_HANDLED;
	}
	return SCR_UNHANDLED;
}

const struct screen *screen_for_menu(enum action_id a)
{
	switch (a) {
	case ACT_MENU_ENTITY: return &screen_entity_search;
	case ACT_MENU_COMPLAINT: return &screen_complaint_queue;
	case ACT_MENU_RESCUE: return &screen_rescue_board;
	case ACT_MENU_INSPECTION: return &screen_inspection_plans;
	case ACT_MENU_POLICY: return &screen_policy_search;
	case ACT_MENU_REPORT: return &screen_report_list;
	case ACT_MENU_ADMIN: return &screen_admin;
	default: return &screen_audit;
	}
}

static int open_entry(struct app *app, struct menu *st, enum action_id a)
{
	st->recount = 1;
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
		return open_entry(app, st, st->shown[st->lb.selected]);
	case ACT_LOGOUT: dialog_ask(&st->logout, tr(MSG_MENU_LOGOUT_ASK), 0, 0); return SCR_HANDLED;
	case ACT_DRAFTS:
		st->recount = 1;
		app_push(app, &screen_draft, NULL);
		return SCR_HANDLED;
	default:
		for (int i = 0; i < NENTRIES; i++)
			if (entries[i] == a)
				return open_entry(app, st, a);
		return SCR_UNHANDLED;
	}
}

static int menu_has_selection(struct app *app, void *state)
{
	struct menu *st = state;
	(void)app;
	return st->lb.selected >= 0;
}

static const enum action_id menu_actions[] = {
    ACT_OPEN,        ACT_LOGOUT,          ACT_UP,          ACT_DOWN,        ACT_PAGE_UP,
    ACT_PAGE_DOWN,   ACT_FIRST,           ACT_LAST,        ACT_MENU_ENTITY, ACT_MENU_COMPLAINT,
    ACT_MENU_RESCUE, ACT_MENU_INSPECTION, ACT_MENU_POLICY, ACT_MENU_REPORT, ACT_MENU_ADMIN,
    ACT_MENU_AUDIT,  ACT_DRAFTS,          ACT_NONE};

const struct screen screen_menu = {
    .name = "menu",
    .title = MSG_MENU_TITLE,
    .actions = menu_actions,
    .enter = menu_enter,
    .leave = menu_leave,
    .draw = menu_draw,
    .key = menu_key,
    .action = menu_action,
    .has_selection = menu_has_selection,
    .tick = menu_tick,
};
