/* The admin screen: the org tree on the left, the accounts of the selected
 * unit (and the units below it) on the right. "/" narrows the accounts as
 * the admin types (login, name, unit, employee number or role; asked of the
 * database without blocking, debounced like the entity search: the list is
 * a live list, ui/livelist.h). New account, suspend, resume, reset password,
 * roles and org unit; the forms are in admin_form.c. Every change goes
 * through the admin api of the warehouse, which checks again. */
#include <stdlib.h>
#include <string.h>

#include "base/width.h"
#include "base/xalloc.h"
#include "domain/admin.h"
#include "domain/role.h"
#include "screens/admin_form.h"
#include "screens/screens.h"
#include "ui/field.h"
#include "ui/keymap.h"
#include "ui/listbox.h"
#include "ui/livelist.h"
#include "ui/table.h"
#include "ui/term.h"

#define TREE_W 26
#define SEARCH_W    22
#define DEBOUNCE_MS 150

enum { K_LOGIN, K_NAME, K_EMPNO, K_ORG, K_STATUS, K_ROLES, NCOLS };

struct admin {
	struct org_tree orgs;
	struct listbox org_lb;
	struct staff_list staff; /* the accounts the list shows, in its order */
	struct livelist *ll;
	struct table *t;     /* ll's */
	struct field search; /* what narrows the accounts */
	int searching;       /* the search box has the keys */
	int focus;           /* 0 the org tree, 1 the accounts */
	int changed;         /* a form changed something: reload */
	int confirming;      /* a suspension waits for y */
};

static const char *selected_org(const struct admin *st)
{
	return st->org_lb.selected >= 0 && st->orgs.n ? st->orgs.v[st->org_lb.selected].code : NULL;
}

static const struct staff *selected_staff(const struct admin *st)
{
	const char *login = livelist_selected_key(st->ll);
	return login ? staff_list_find(&st->staff, login) : NULL;
}

static enum msg_id status_label(const char *status)
{
	if (strcmp(status, "active") == 0)
		return MSG_SEC_STATUS_ACTIVE;
	if (strcmp(status, "suspended") == 0)
		return MSG_SEC_STATUS_SUSPENDED;
	return MSG_SEC_STATUS_LEFT;
}

/* The list's source: api.user_list of the selected unit, narrowed by the
 * search box; every match in one page (a city has hundreds of accounts). */
static int source_send(void *ctx, struct db *db, enum live_job job, const char *after, int limit,
                       struct db_error *err)
{
	struct admin *st = ctx;
	(void)job;
	(void)after;
	(void)limit;
	return admin_user_search_send(db, selected_org(st), field_text(&st->search), err) == ST_OK
	           ? 1
	           : -1;
}

static void source_read(void *ctx, const PGresult *res, enum live_job job, struct live_rows *rows)
{
	struct admin *st = ctx;
	struct strbuf roles = STRBUF_INIT;
	(void)job;
	staff_list_free(&st->staff);
	admin_user_list_read(res, &st->staff);
	for (int i = 0; i < st->staff.n; i++) {
		const struct staff *s = &st->staff.v[i];
		int row = live_rows_add(rows, s->login, NULL);
		strbuf_reset(&roles);
		role_mask_text(s->roles, &roles);
		const char *v[NCOLS] = {s->login,
		                        s->full_name,
		                        s->employee_no,
		                        s->org_name,
		                        tr(status_label(s->status)),
		                        strbuf_str(&roles)};
		for (int c = 0; c < NCOLS; c++)
			live_rows_set(rows, row, c, v[c]);
		if (strcmp(s->status, "active") != 0)
			live_rows_color(rows, row, COL_DIM);
	}
	table_highlight(st->t, field_text(&st->search));
	strbuf_free(&roles);
}

static int source_more(void *ctx)
{
	(void)ctx;
	return 0;
}

static const struct live_source staff_source = {
    .send = source_send, .read = source_read, .more = source_more};

/* Reads the accounts of the selected unit again, ms from now. */
static void load_staff(struct app *app, struct admin *st, int ms)
{
	st->changed = 0;
	livelist_query_changed(st->ll, app, ms);
}

static void load_all(struct app *app, struct admin *st)
{
	struct db_error err;
	db_error_init(&err);
	org_tree_free(&st->orgs);
	if (admin_org_tree(&app->db, &st->orgs, &err) != ST_OK)
		app_message(app, MSGK_ERROR, strbuf_str(&err.message));
	listbox_resize(&st->org_lb, st->orgs.n);
	db_error_free(&err);
	load_staff(app, st, 0);
}

static void *admin_enter(struct app *app, void *arg)
{
	struct admin *st = xcalloc(1, sizeof *st);
	static const enum msg_id titles[NCOLS] = {MSG_SEC_COL_LOGIN, MSG_SEC_COL_NAME,
						  MSG_SEC_COL_EMPNO, MSG_SEC_COL_ORG_NAME,
						  MSG_SEC_COL_STATUS, MSG_SEC_COL_ROLES};
	(void)arg;
	struct live_source src = staff_source;
	src.ctx = st;
	st->ll = livelist_new(&src, NCOLS, 0, st);
	st->ll->page_rows = 100000;
	st->ll->prefetch = -1;
	st->t = st->ll->table;
	field_init(&st->search, 0, 100);
	/* at 80 columns the roles stay; the employee number goes first, then the unit */
	static const int priority[NCOLS] = {3, 3, 0, 1, 2, 3};
	for (int c = 0; c < NCOLS; c++) {
		table_col_msg(st->t, c, titles[c], c == K_ROLES ? 10 : 4, c == K_ROLES ? 0 : 20,
		              ALIGN_LEFT, c == K_ROLES);
		table_col_priority(st->t, c, priority[c]);
	}
	listbox_init(&st->org_lb, 0);
	load_all(app, st);
	return st;
}

static void admin_leave(struct app *app, void *state)
{
	struct admin *st = state;
	livelist_free(st->ll, &app->db);
	org_tree_free(&st->orgs);
	staff_list_free(&st->staff);
	field_free(&st->search);
	free(st);
}

static void draw_tree(struct admin *st, const struct rect *r)
{
	int h = r->h - 1;
	term_text(r->y, r->x, TREE_W, tr(MSG_SEC_ADMIN_ORGS), st->focus == 0 ? COL_KEY : COL_DIM,
		  ALIGN_LEFT);
	listbox_show_selected(&st->org_lb, h);
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i < h && st->org_lb.top + i < st->orgs.n; i++) {
		int row = st->org_lb.top + i;
		const struct org_node *o = &st->orgs.v[row];
		strbuf_reset(&sb);
		for (int d = 0; d < o->depth; d++)
			strbuf_add(&sb, "  ");
		strbuf_addf(&sb, "%s %s", o->code, o->short_name);
		enum ui_color c = row == st->org_lb.selected ? (st->focus == 0 ? COL_SELECTED : COL_KEY)
							     : COL_NORMAL;
		term_text(r->y + 1 + i, r->x, TREE_W - 1, strbuf_str(&sb), c, ALIGN_LEFT);
	}
	strbuf_free(&sb);
}

/* The selected account in one line below the table. */
static void draw_detail(struct admin *st, int y, int x, int w)
{
	const struct staff *s = selected_staff(st);
	if (!s) {
		term_text(y, x, w, tr(MSG_SEC_ADMIN_NONE), COL_DIM, ALIGN_LEFT);
		return;
	}
	char *line = trs(MSG_SEC_ADMIN_DETAIL, s->full_name, s->login,
			 *s->credential_no ? s->credential_no : "-", *s->phone ? s->phone : "-",
			 s->created_at, tr(s->can_login ? MSG_SEC_CAN_LOGIN : MSG_SEC_CANNOT_LOGIN));
	term_text(y, x, w, line, COL_DIM, ALIGN_LEFT);
	free(line);
}

/* The search box at the right of the heading: "/ 查找" until used. */
static void draw_search(struct admin *st, int y, int x, int w)
{
	const char *label = tr(MSG_SEC_ADMIN_SEARCH);
	int lw = width_str(label) + 1;
	term_text(y, x, lw, label, st->searching ? COL_KEY : COL_DIM, ALIGN_LEFT);
	field_draw(&st->search, y, x + lw, w - lw, st->searching);
}

static void admin_draw(struct app *app, void *state, const struct rect *r)
{
	struct admin *st = state;
	(void)app;
	struct rect tree = {r->y, r->x + 1, r->h, TREE_W};
	struct rect list = {r->y + 1, r->x + TREE_W + 1, r->h - 3, r->w - TREE_W - 2};
	draw_tree(st, &tree);
	const char *org = selected_org(st);
	char *head = trs(MSG_SEC_ADMIN_ACCOUNTS, org ? org : "", st->staff.n);
	term_text(r->y, list.x, list.w - SEARCH_W - 1, head, st->focus == 1 ? COL_KEY : COL_DIM,
	          ALIGN_LEFT);
	free(head);
	livelist_draw(st->ll, &list);
	if (st->ll->error.len)
		term_text(list.y + 1, list.x, list.w, strbuf_str(&st->ll->error), COL_ERROR,
		          ALIGN_LEFT);
	draw_detail(st, r->y + r->h - 1, list.x, list.w);
	draw_search(st, r->y, list.x + list.w - SEARCH_W, SEARCH_W);
}

/* Opens an account form on the selected account (or the selected unit). */
static int open_form(struct app *app, struct admin *st, enum admin_form_kind kind)
{
	const struct staff *s = selected_staff(st);
	struct admin_form_arg arg = {kind, s ? s->login : NULL, s ? s->full_name : NULL,
				     kind == FORM_ADD ? selected_org(st) : (s ? s->org_code : NULL),
				     s ? s->roles : 0, &st->changed};
	app_push(app, admin_form_screen(kind), &arg);
	return SCR_HANDLED;
}

static int set_active(struct app *app, struct admin *st, int active)
{
	const struct staff *s = selected_staff(st);
	struct db_error err;
	db_error_init(&err);
	enum status rc = active ? admin_user_resume(&app->db, s->login, &err)
				: admin_user_suspend(&app->db, s->login, &err);
	char *m = rc == ST_OK ? trs(active ? MSG_SEC_USER_RESUMED : MSG_SEC_USER_SUSPENDED, s->login)
			      : NULL;
	app_message(app, rc == ST_OK ? MSGK_INFO : MSGK_ERROR, m ? m : strbuf_str(&err.message));
	free(m);
	db_error_free(&err);
	st->changed = 1;
	return SCR_HANDLED;
}

static int ask_suspend(struct app *app, struct admin *st)
{
	const struct staff *s = selected_staff(st);
	char *m = trs(MSG_SEC_ADMIN_CONFIRM_SUSPEND, s->full_name, s->login);
	app_message(app, MSGK_INFO, m);
	free(m);
	st->confirming = 1;
	return SCR_HANDLED;
}

/* In the search box: typing narrows the accounts (debounced); Enter, Tab
 * or Down go to the accounts with the narrowing kept, Esc clears it. */
static int search_key(struct app *app, struct admin *st, const struct key *k)
{
	if (key_matches(k, "Esc")) {
		st->searching = 0;
		if (*field_text(&st->search)) {
			field_clear(&st->search);
			load_staff(app, st, 0);
		}
		return SCR_HANDLED;
	}
	if (key_matches(k, "Enter Tab Down")) {
		st->searching = 0;
		st->focus = 1;
		return SCR_HANDLED;
	}
	char *before = xstrdup(field_text(&st->search));
	int r = field_key(&st->search, k);
	if (strcmp(before, field_text(&st->search)) != 0)
		load_staff(app, st, DEBOUNCE_MS);
	free(before);
	return r ? SCR_HANDLED : SCR_UNHANDLED;
}

static int admin_key(struct app *app, void *state, const struct key *k)
{
	struct admin *st = state;
	if (st->searching)
		return search_key(app, st, k);
	/* any key but y cancels a pending suspension, then does what it does */
	if (st->confirming && !keymap_matches(k, ACT_CONFIRM_YES))
		st->confirming = 0;
	return SCR_UNHANDLED;
}

/* Moves in the focused list; a new unit in the tree brings its accounts. */
static int navigate(struct app *app, struct admin *st, enum action_id a)
{
	struct rect r = app_content();
	int h = r.h - 4, before = st->org_lb.selected;
	if (st->focus == 1)
		return livelist_action(st->ll, app, a, h) ? SCR_HANDLED : SCR_UNHANDLED;
	if (!listbox_action(&st->org_lb, a, h))
		return SCR_UNHANDLED;
	if (st->org_lb.selected != before)
		load_staff(app, st, 0);
	return SCR_HANDLED;
}

/* Collects the list's answers; after a form changed something, reads the
 * accounts again with the selection kept. */
static int admin_tick(struct app *app, void *state)
{
	struct admin *st = state;
	if (st->changed) {
		st->changed = 0;
		livelist_refresh(st->ll, app);
	}
	livelist_tick(st->ll, app);
	return 0;
}

static int admin_action(struct app *app, void *state, enum action_id a)
{
	struct admin *st = state;
	switch (a) {
	case ACT_BACK: return SCR_POP;
	case ACT_ADMIN_FOCUS: st->focus = !st->focus; return SCR_HANDLED;
	case ACT_ADMIN_SEARCH: st->searching = 1; return SCR_HANDLED;
	case ACT_ADMIN_RELOAD:
		load_all(app, st);
		app_message(app, MSGK_INFO, tr(MSG_SEC_ADMIN_RELOADED));
		return SCR_HANDLED;
	case ACT_ADMIN_ADD: return open_form(app, st, FORM_ADD);
	case ACT_ADMIN_PASSWD: return open_form(app, st, FORM_PASSWD);
	case ACT_ADMIN_ROLES: return open_form(app, st, FORM_ROLES);
	case ACT_ADMIN_ORG: return open_form(app, st, FORM_ORG);
	case ACT_ADMIN_SUSPEND: return ask_suspend(app, st);
	case ACT_ADMIN_RESUME: return set_active(app, st, 1);
	case ACT_CONFIRM_YES:
		if (!st->confirming || !selected_staff(st))
			return SCR_HANDLED;
		st->confirming = 0;
		return set_active(app, st, 0);
	default: return navigate(app, st, a);
	}
}

static int admin_has_selection(struct app *app, void *state)
{
	(void)app;
	return selected_staff(state) != NULL;
}

/* The search box takes text while it is open. */
static int admin_typing(struct app *app, void *state)
{
	struct admin *st = state;
	(void)app;
	return st->searching;
}

/* While searching: Tab or Down to the accounts, Esc to clear; y only
 * answers a suspension asked for; moving needs a list of two or more. */
static int admin_offers(struct app *app, void *state, enum action_id a)
{
	struct admin *st = state;
	(void)app;
	if (st->searching)
		return a == ACT_ADMIN_FOCUS || a == ACT_DOWN || a == ACT_BACK;
	if (a == ACT_CONFIRM_YES)
		return st->confirming;
	int nav = listbox_offers(st->focus == 1 ? &st->t->lb : &st->org_lb, a);
	return nav != 0;
}

static const enum action_id admin_actions[] = {
    ACT_ADMIN_SEARCH, ACT_ADMIN_ADD, ACT_ADMIN_SUSPEND, ACT_ADMIN_RESUME, ACT_ADMIN_PASSWD,
    ACT_ADMIN_ROLES,  ACT_ADMIN_ORG, ACT_ADMIN_FOCUS,   ACT_ADMIN_RELOAD, ACT_CONFIRM_YES,
    ACT_BACK,         ACT_UP,        ACT_DOWN,          ACT_PAGE_UP,      ACT_PAGE_DOWN,
    ACT_FIRST,        ACT_LAST,      ACT_NONE};

const struct screen screen_admin = {
    .name = "admin",
    .title = MSG_MENU_ADMIN,
    .actions = admin_actions,
    .enter = admin_enter,
    .leave = admin_leave,
    .draw = admin_draw,
    .key = admin_key,
    .action = admin_action,
    .has_selection = admin_has_selection,
    .typing = admin_typing,
    .offers = admin_offers,
    .tick = admin_tick,
};
