/* The audit screen (admins): the audit log newest first, personal values
 * masked, with filters by user, table and start date, the selected entry
 * in full (Enter, screens/audit_detail.c), older pages on request, and a check of the whole hash
 * chain. Reads only: nothing here changes the log. It is live: new entries
 * appear as they are written (the database NOTIFYs smcon_audit, migration
 * 0091; the list re-reads and merges by id, new rows stand out until
 * selected, the selection stays on its entry). */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "domain/audit.h"
#include "screens/screens.h"
#include "ui/field.h"
#include "ui/livelist.h"
#include "ui/table.h"
#include "ui/term.h"

enum { C_ID, C_AT, C_ACTOR, C_ACTION, C_TABLE, C_SUMMARY, NCOLS };
/* The values of an entry kept beside the shown ones, for the details. */
enum { X_KEY = NCOLS, X_OLD, X_NEW, X_DETAIL, NVALUES };
enum { FL_USER, FL_TABLE, FL_SINCE, NFILTERS };

#define PAGE 200

struct audit_screen {
	struct livelist *ll;
	struct field filter[NFILTERS];
	int editing;     /* the filter bar has the keys */
	int focus;       /* which filter */
};

/* The list's source: api.audit_log, newest first, keyset by id. */
static int source_send(void *ctx, struct db *db, enum live_job job, const char *after, int limit,
                       struct db_error *err)
{
	struct audit_screen *st = ctx;
	struct audit_filter f = {field_text(&st->filter[FL_USER]),
	                         field_text(&st->filter[FL_TABLE]),
	                         field_text(&st->filter[FL_SINCE]), 0, limit};
	if (job == LIVE_NEXT && after)
		f.before_id = atoll(after);
	return audit_log_send(db, &f, err) == ST_OK ? 1 : -1;
}

static void source_read(void *ctx, const PGresult *res, enum live_job job, struct live_rows *rows)
{
	struct audit_list page;
	(void)ctx;
	(void)job;
	audit_list_read(res, &page);
	for (int i = 0; i < page.n; i++) {
		const struct audit_entry *e = &page.v[i];
		char id[32];
		snprintf(id, sizeof id, "%lld", e->id);
		int row = live_rows_add(rows, id, NULL);
		const char *v[NVALUES] = {
		    id,         e->at,  e->actor,      e->action,     e->table,
		    e->summary, e->key, e->old_values, e->new_values, e->detail};
		for (int c = 0; c < NVALUES; c++)
			live_rows_set(rows, row, c, v[c]);
		if (strcmp(e->action, "read") == 0 || strcmp(e->action, "lockout") == 0)
			live_rows_color(rows, row, COL_ERROR);
	}
	audit_list_free(&page);
}

static const struct live_source audit_source = {.send = source_send, .read = source_read};

static void *audit_enter(struct app *app, void *arg)
{
	struct audit_screen *st = xcalloc(1, sizeof *st);
	static const enum msg_id titles[NCOLS] = {MSG_SEC_COL_ID,	 MSG_SEC_COL_AT,
						  MSG_SEC_COL_ACTOR,	 MSG_SEC_COL_ACTION,
						  MSG_SEC_COL_TABLE,	 MSG_SEC_COL_SUMMARY};
	(void)arg;
	struct live_source src = audit_source;
	src.ctx = st;
	st->ll = livelist_new(&src, NCOLS, NVALUES - NCOLS, st);
	st->ll->page_rows = PAGE;
	st->ll->prefetch = -1; /* older pages on request (m) */
	/* at 80 columns the content stays; the id goes first, then the action */
	static const int priority[NCOLS] = {0, 3, 2, 1, 2, 3};
	static const int max_width[NCOLS] = {12, 19, 16, 10, 20, 0};
	for (int c = 0; c < NCOLS; c++) {
		table_col_msg(st->ll->table, c, titles[c], c == C_SUMMARY ? 10 : 4, max_width[c],
		              c == C_ID ? ALIGN_RIGHT : ALIGN_LEFT, c == C_SUMMARY);
		table_col_priority(st->ll->table, c, priority[c]);
	}
	for (int i = 0; i < NFILTERS; i++)
		field_init(&st->filter[i], 0, 64);
	app_subscribe(app, st, "smcon_audit");
	livelist_query_changed(st->ll, app, 0);
	return st;
}

static void audit_leave(struct app *app, void *state)
{
	struct audit_screen *st = state;
	livelist_free(st->ll, &app->db);
	for (int i = 0; i < NFILTERS; i++)
		field_free(&st->filter[i]);
	free(st);
}

static int has_selected(const struct audit_screen *st)
{
	return livelist_selected(st->ll) >= 0;
}

static void draw_filters(struct audit_screen *st, int y, int x, int w)
{
	static const enum msg_id names[NFILTERS] = {MSG_SEC_COL_ACTOR, MSG_SEC_COL_TABLE,
						    MSG_SEC_AUDIT_SINCE};
	int fw = (w - 3 * 10) / 3;
	for (int i = 0; i < NFILTERS; i++) {
		int fx = x + i * (fw + 10);
		term_text(y, fx, 8, tr(names[i]), st->editing ? COL_KEY : COL_DIM, ALIGN_RIGHT);
		field_draw(&st->filter[i], y, fx + 9, fw, 0);
	}
	if (st->editing)
		field_draw(&st->filter[st->focus], y, x + st->focus * (fw + 10) + 9, fw, 1);
}

static void audit_draw(struct app *app, void *state, const struct rect *r)
{
	struct audit_screen *st = state;
	struct rect list = {r->y + 2, r->x + 1, r->h - 2, r->w - 2};
	(void)app;
	draw_filters(st, r->y, r->x + 1, r->w - 2);
	livelist_draw(st->ll, &list);
	if (livelist_count(st->ll) == 0 && !livelist_busy(st->ll))
		term_text(r->y + 4, list.x, list.w, tr(MSG_SEC_AUDIT_EMPTY), COL_DIM, ALIGN_CENTER);
	if (st->ll->error.len)
		term_text(r->y + 1, list.x, list.w, strbuf_str(&st->ll->error), COL_ERROR,
		          ALIGN_LEFT);
	if (st->editing)
		draw_filters(st, r->y, r->x + 1, r->w - 2); /* again, for the cursor */
}

/* In the filter bar: Tab moves, Enter applies, Esc leaves. */
static int audit_key(struct app *app, void *state, const struct key *k)
{
	struct audit_screen *st = state;
	if (!st->editing)
		return SCR_UNHANDLED;
	if (key_matches(k, "Esc")) {
		st->editing = 0;
		return SCR_HANDLED;
	}
	if (key_matches(k, "Enter")) {
		st->editing = 0;
		livelist_query_changed(st->ll, app, 0);
		return SCR_HANDLED;
	}
	if (key_matches(k, "Tab BTab")) {
		st->focus = (st->focus + (key_matches(k, "Tab") ? 1 : NFILTERS - 1)) % NFILTERS;
		return SCR_HANDLED;
	}
	field_key(&st->filter[st->focus], k);
	return SCR_HANDLED;
}

static int check_chain(struct app *app)
{
	struct audit_check c;
	struct db_error err;
	char *m;
	db_error_init(&err);
	if (audit_verify(&app->db, 0, NULL, NULL, &c, &err) != ST_OK) {
		app_message(app, MSGK_ERROR, strbuf_str(&err.message));
		db_error_free(&err);
		return SCR_HANDLED;
	}
	if (c.broken_id)
		m = trs(MSG_SEC_AUDIT_BROKEN, c.broken_id, c.problem ? c.problem : "");
	else
		m = trs(MSG_SEC_AUDIT_WHOLE, c.checked);
	app_message(app, c.broken_id ? MSGK_ERROR : MSGK_INFO, m);
	free(m);
	audit_check_free(&c);
	db_error_free(&err);
	return SCR_HANDLED;
}

/* Opens the selected entry in full (screens/audit_detail.c). */
static int open_detail(struct app *app, const struct livelist *ll)
{
	char *title =
	    trs(MSG_SEC_AUDIT_ENTRY_HEAD, livelist_selected_value(ll, C_ID),
	        livelist_selected_value(ll, C_AT), livelist_selected_value(ll, C_ACTOR),
	        livelist_selected_value(ll, C_ACTION), livelist_selected_value(ll, C_TABLE));
	struct audit_detail_arg arg = {
	    title,
	    {livelist_selected_value(ll, X_KEY), livelist_selected_value(ll, X_OLD),
	     livelist_selected_value(ll, X_NEW), livelist_selected_value(ll, X_DETAIL)}};
	app_push(app, &screen_audit_detail, &arg);
	free(title);
	return SCR_HANDLED;
}

static int audit_action(struct app *app, void *state, enum action_id a)
{
	struct audit_screen *st = state;
	struct rect r = app_content();
	switch (a) {
	case ACT_BACK: return SCR_POP;
	case ACT_AUDIT_FILTER: st->editing = 1; return SCR_HANDLED;
	case ACT_AUDIT_DETAIL: return open_detail(app, st->ll);
	case ACT_AUDIT_CHECK: return check_chain(app);
	case ACT_AUDIT_MORE:
		/* the older entries come in below the window: say so */
		app_message(app, MSGK_INFO,
		            tr(livelist_next(st->ll, app) != 0 ? MSG_SEC_AUDIT_NO_MORE
		                                               : MSG_SEC_AUDIT_MORE_COMING));
		return SCR_HANDLED;
	default: return livelist_action(st->ll, app, a, r.h - 3) ? SCR_HANDLED : SCR_UNHANDLED;
	}
}

static int audit_has_selection(struct app *app, void *state)
{
	(void)app;
	return has_selected(state);
}

/* In the filter bar every key is the bar's: Esc leaves it. */
static int audit_typing(struct app *app, void *state)
{
	struct audit_screen *st = state;
	(void)app;
	return st->editing;
}

static int audit_offers(struct app *app, void *state, enum action_id a)
{
	struct audit_screen *st = state;
	(void)app;
	if (st->editing)
		return a == ACT_BACK;
	if (a == ACT_AUDIT_MORE)
		return st->ll->more && st->ll->loaded;
	int nav = listbox_offers(&st->ll->table->lb, a);
	return nav != 0;
}

static int audit_tick(struct app *app, void *state)
{
	struct audit_screen *st = state;
	livelist_tick(st->ll, app);
	return 0;
}

static void audit_notify(struct app *app, void *state, const char *channel, const char *payload)
{
	struct audit_screen *st = state;
	livelist_notify(st->ll, app, channel, payload);
}

static const enum action_id audit_actions[] = {
	ACT_AUDIT_DETAIL, ACT_AUDIT_FILTER, ACT_AUDIT_CHECK, ACT_AUDIT_MORE, ACT_BACK,
	ACT_UP,		  ACT_DOWN,	    ACT_PAGE_UP,     ACT_PAGE_DOWN,  ACT_FIRST,
	ACT_LAST,	  ACT_NONE};

const struct screen screen_audit = {
    .name = "audit",
    .title = MSG_MENU_AUDIT,
    .actions = audit_actions,
    .enter = audit_enter,
    .leave = audit_leave,
    .draw = audit_draw,
    .key = audit_key,
    .action = audit_action,
    .has_selection = audit_has_selection,
    .typing = audit_typing,
    .offers = audit_offers,
    .tick = audit_tick,
    .notify = audit_notify,
};
