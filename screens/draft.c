/* The operator's unfinished drafts (src/domain/draft.h), offered at login
 * from the main menu: Enter reopens one in the form it came from, Delete
 * removes it after asking. The registry below says which screen reopens
 * which kind of draft; a desk adds one line for each form of its own. */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "domain/draft.h"
#include "screens/screens.h"
#include "ui/dialog.h"
#include "ui/listbox.h"
#include "ui/term.h"

/* kind → the screen that reopens it (its enter() takes a struct draft_reopen). */
static const struct {
	const char *kind;
	const struct screen *screen;
} registry[] = {
    {"complaint", &screen_entity_complaint_draft},
};

static const struct screen *reopener(const char *kind)
{
	for (size_t i = 0; i < sizeof registry / sizeof registry[0]; i++)
		if (strcmp(registry[i].kind, kind) == 0)
			return registry[i].screen;
	return NULL;
}

struct drafts {
	struct draft_list list;
	struct listbox lb;
	struct dialog dialog;
};

static void load(struct app *app, struct drafts *st)
{
	struct db_error err;
	db_error_init(&err);
	draft_list_free(&st->list);
	if (draft_list_load(&app->db, &st->list, &err) != ST_OK)
		app_message(app, MSGK_ERROR, strbuf_str(&err.message));
	db_error_free(&err);
	listbox_resize(&st->lb, st->list.n);
}

static void *drafts_enter(struct app *app, void *arg)
{
	struct drafts *st = xcalloc(1, sizeof *st);
	(void)arg;
	listbox_init(&st->lb, 0);
	load(app, st);
	return st;
}

static void drafts_leave(struct app *app, void *state)
{
	struct drafts *st = state;
	(void)app;
	draft_list_free(&st->list);
	dialog_close(&st->dialog);
	free(st);
}

static void drafts_draw(struct app *app, void *state, const struct rect *r)
{
	struct drafts *st = state;
	int x = r->x + 2, w = r->w - 4;
	(void)app;
	char *h = trs(MSG_DRAFT_HEADING, st->list.n);
	term_text(r->y + 1, x, w, st->list.n ? h : tr(MSG_DRAFT_NONE), COL_KEY, ALIGN_LEFT);
	free(h);
	int rows = r->h - 3;
	listbox_show_selected(&st->lb, rows);
	for (int i = st->lb.top; i < st->list.n && i - st->lb.top < rows; i++) {
		const struct draft_entry *e = &st->list.items[i];
		int y = r->y + 3 + i - st->lb.top;
		enum ui_color c = i == st->lb.selected ? COL_SELECTED : COL_NORMAL;
		term_fill(y, x, w, c);
		term_text(y, x + 1, 16, e->updated, c, ALIGN_LEFT);
		term_text(y, x + 18, 12, draft_kind_label(e->kind), c, ALIGN_LEFT);
		term_text(y, x + 31, w - 31, e->title[0] ? e->title : e->subject, c, ALIGN_LEFT);
	}
	dialog_draw(&st->dialog, r);
}

static int reopen(struct app *app, struct drafts *st)
{
	struct db_error err;
	if (st->lb.selected < 0)
		return SCR_HANDLED;
	const struct draft_entry *e = &st->list.items[st->lb.selected];
	const struct screen *s = reopener(e->kind);
	if (!s) {
		char *m = trs(MSG_DRAFT_CANNOT_REOPEN, e->kind);
		app_message(app, MSGK_ERROR, m);
		free(m);
		return SCR_HANDLED;
	}
	db_error_init(&err);
	PGresult *vals = draft_values(&app->db, e->id, &err);
	if (!vals) {
		app_message(app, MSGK_ERROR, strbuf_str(&err.message));
		db_error_free(&err);
		return SCR_HANDLED;
	}
	db_error_free(&err);
	char *subject = xstrdup(e->subject), *title = xstrdup(e->title);
	struct draft_reopen arg = {subject, title, vals};
	/* the list gives way to the form: Esc there goes back to the menu */
	app_pop_to(app, app->depth - 1);
	app_push(app, s, &arg);
	PQclear(vals);
	free(subject);
	free(title);
	return SCR_HANDLED;
}

static int drafts_key(struct app *app, void *state, const struct key *k)
{
	struct drafts *st = state;
	if (!dialog_open(&st->dialog))
		return SCR_UNHANDLED;
	if (dialog_key(&st->dialog, k) == DIALOG_YES && st->lb.selected >= 0) {
		struct db_error err;
		db_error_init(&err);
		if (draft_discard(&app->db, st->list.items[st->lb.selected].id, &err) == ST_OK)
			app_message(app, MSGK_INFO, tr(MSG_DRAFT_DISCARDED));
		else
			app_message(app, MSGK_ERROR, strbuf_str(&err.message));
		db_error_free(&err);
		load(app, st);
	}
	return SCR_HANDLED;
}

static int drafts_has_selection(struct app *app, void *state)
{
	struct drafts *st = state;
	(void)app;
	return st->lb.selected >= 0;
}

static int drafts_action(struct app *app, void *state, enum action_id a)
{
	struct drafts *st = state;
	if (listbox_action(&st->lb, a, 10))
		return SCR_HANDLED;
	switch (a) {
	case ACT_OPEN: return reopen(app, st);
	case ACT_DRAFT_DISCARD:
		dialog_ask(&st->dialog, tr(MSG_DRAFT_DISCARD_ASK), 0, 0);
		return SCR_HANDLED;
	case ACT_BACK: return SCR_POP;
	default: return SCR_UNHANDLED;
	}
}

static const enum action_id drafts_actions[] = {ACT_OPEN, ACT_DRAFT_DISCARD, ACT_BACK,
                                                ACT_UP,   ACT_DOWN,          ACT_NONE};

const struct screen screen_draft = {
    .name = "drafts",
    .title = MSG_DRAFT_TITLE,
    .actions = drafts_actions,
    .enter = drafts_enter,
    .leave = drafts_leave,
    .draw = drafts_draw,
    .key = drafts_key,
    .action = drafts_action,
    .has_selection = drafts_has_selection,
};
