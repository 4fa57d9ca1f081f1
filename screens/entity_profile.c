/* The 360° profile of one market entity: a header with its registration
 * facts, supervising units, industry and risk grade; an overview tab; one
 * tab per theme database with its newest facts first and its count in the
 * title; where each fact came from. Actions: copy the code (OSC 52), export
 * the profile as text, open an elevator, add the entity to an inspection
 * plan, register a complaint about it (by role; the database checks).
 * Loads without blocking: header, then every tab's first page, then the
 * risk facts; more rows of a tab as the selection nears the end. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "domain/entity_action.h"
#include "domain/entity_profile.h"
#include "screens/screens.h"
#include "ui/clipboard.h"
#include "ui/table.h"
#include "ui/tabs.h"
#include "ui/term.h"

#define PAGE_ROWS 50
#define PREFETCH 10
#define HEADER_ROWS 5
#define NTABS (ET_COUNT + 1) /* the overview, then the themes */

enum step { S_HEADER, S_TABS, S_RISK, S_DONE };

struct profile {
	struct entity_profile p;
	int tab;               /* 0 overview, else 1 + enum entity_tab */
	struct table *facts;   /* the current theme tab */
	struct table *overview;
	enum step step;        /* what loads next (S_DONE: the first pages are in) */
	int running;           /* a call is on the wire */
	enum entity_call call;
	enum entity_tab call_tab;
	int lost;
	struct strbuf error;
};

static void *profile_enter(struct app *app, void *arg)
{
	struct profile *st = xcalloc(1, sizeof *st);
	(void)app;
	entity_profile_init(&st->p, arg);
	strbuf_init(&st->error);
	st->facts = table_new(5);
	table_col_msg(st->facts, 0, MSG_ENTITY_COL_DATE, 10, 10, ALIGN_LEFT, 0);
	table_col_msg(st->facts, 1, MSG_ENTITY_COL_CATEGORY, 6, 16, ALIGN_LEFT, 0);
	table_col_msg(st->facts, 2, MSG_ENTITY_COL_SUMMARY, 16, 0, ALIGN_LEFT, 3);
	table_col_msg(st->facts, 3, MSG_ENTITY_COL_STATUS, 4, 10, ALIGN_LEFT, 0);
	table_col_msg(st->facts, 4, MSG_ENTITY_F_SOURCE, 6, 14, ALIGN_LEFT, 0);
	st->overview = table_new(2);
	table_col_msg(st->overview, 0, MSG_ENTITY_COL_ITEM, 8, 18, ALIGN_LEFT, 0);
	table_col_msg(st->overview, 1, MSG_ENTITY_COL_SUMMARY, 20, 0, ALIGN_LEFT, 1);
	app_wake_in(app, 0);
	return st;
}

static void profile_leave(struct app *app, void *state)
{
	struct profile *st = state;
	if (st->running)
		db_async_cancel(&app->db);
	entity_profile_free(&st->p);
	table_free(st->facts);
	table_free(st->overview);
	strbuf_free(&st->error);
	free(st);
}

/* ---- loading ----------------------------------------------------------- */

static void send(struct app *app, struct profile *st, enum entity_call call, enum entity_tab tab)
{
	struct db_error err;
	db_error_init(&err);
	st->call = call;
	st->call_tab = tab;
	if (entity_profile_send(&app->db, &st->p, call, tab, PAGE_ROWS, &err) == ST_OK) {
		st->running = 1;
	} else {
		strbuf_reset(&st->error);
		strbuf_add(&st->error, strbuf_str(&err.message));
		st->lost = app->db.state != DB_UP;
	}
	db_error_free(&err);
}

/* Sends the call the loading step needs, if any. */
static void next_step(struct app *app, struct profile *st)
{
	static const enum entity_call calls[] = {EC_HEADER, EC_TABS, EC_RISK};
	if (!st->running && st->step != S_DONE)
		send(app, st, calls[st->step], ET_REGISTRATION);
}

static void fill_facts(struct profile *st, int from)
{
	if (st->tab == 0)
		return;
	const struct entity_rows *r = &st->p.tab[st->tab - 1];
	if (from == 0)
		table_clear(st->facts);
	for (int i = from; i < r->n; i++) {
		int row = table_add_row(st->facts);
		table_set(st->facts, row, 0, entity_rows_get(r, i, EFC_ON));
		table_set(st->facts, row, 1, entity_rows_get(r, i, EFC_CATEGORY));
		table_set(st->facts, row, 2, entity_rows_get(r, i, EFC_SUMMARY));
		table_set(st->facts, row, 3, entity_rows_get(r, i, EFC_STATUS));
		table_set(st->facts, row, 4, entity_rows_get(r, i, EFC_SOURCE));
	}
}

static void overview_add(struct profile *st, const char *item, const char *value)
{
	if (!value || !*value)
		return;
	int r = table_add_row(st->overview);
	table_set(st->overview, r, 0, item);
	table_set(st->overview, r, 1, value);
}

/* The overview: what the header has no room for, and the risk grade's facts. */
static void fill_overview(struct profile *st)
{
	static const enum entity_field fields[] = {
		EF_FORMER_NAMES,  EF_TAGS,          EF_TYPE_NAME,      EF_STATUS_NAME,   EF_STATUS_CHANGED,
		EF_STATUS_REASON, EF_REG_NO,        EF_REP_ID_MASKED,  EF_PHONE,         EF_APPROVED,
		EF_OPERATING_FROM, EF_OPERATING_TO, EF_REG_DIVISION_NAME, EF_REG_DIVISION_NOTE,
		EF_DIVISION_NAME, EF_SCOPE,         EF_SOURCE,         EF_LOADED_AT,     EF_UPDATED_AT};
	struct strbuf sb = STRBUF_INIT;
	table_clear(st->overview);
	if (*entity_profile_get(&st->p, EF_RISK_GRADE)) {
		trf(&sb, MSG_ENTITY_RISK_LINE, entity_profile_get(&st->p, EF_RISK_GRADE),
		    entity_profile_get(&st->p, EF_RISK_NAME), entity_profile_get(&st->p, EF_RISK_SCORE),
		    entity_profile_get(&st->p, EF_RISK_GRADED_ON));
		overview_add(st, tr(MSG_ENTITY_F_RISK_GRADE), strbuf_str(&sb));
	}
	for (int r = 0; r < st->p.risk.n; r++) {
		if (!*entity_rows_get(&st->p.risk, r, ERC_INDICATOR))
			continue;
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s  ", entity_rows_get(&st->p.risk, r, ERC_FACT));
		trf(&sb, MSG_ENTITY_POINTS, entity_rows_get(&st->p.risk, r, ERC_POINTS));
		overview_add(st, entity_rows_get(&st->p.risk, r, ERC_INDICATOR), strbuf_str(&sb));
	}
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		char *v = entity_profile_shown(&st->p, fields[i]);
		overview_add(st, tr(entity_field_label(fields[i])), v);
		free(v);
	}
	strbuf_free(&sb);
}

static void took(struct profile *st)
{
	if (st->call == EC_MORE) {
		fill_facts(st, st->facts->nrows);
		return;
	}
	if (st->call == EC_HEADER && !st->p.found) {
		char *m = trs(MSG_ENTITY_NOT_FOUND, st->p.uscc);
		strbuf_add(&st->error, m);
		free(m);
		st->step = S_DONE;
		return;
	}
	st->step++;
	if (st->call == EC_TABS)
		fill_facts(st, 0);
	fill_overview(st);
}

static int profile_tick(struct app *app, void *state)
{
	struct profile *st = state;
	if (st->running) {
		PGresult *res;
		struct db_error err;
		db_error_init(&err);
		if (db_async_poll(&app->db, &res, &err)) {
			st->running = 0;
			strbuf_reset(&st->error);
			if (res) {
				entity_profile_take(&st->p, st->call, st->call_tab, res);
				PQclear(res);
				took(st);
			} else {
				strbuf_add(&st->error, strbuf_str(&err.message));
				st->lost = app->db.state != DB_UP;
			}
		}
		db_error_free(&err);
	}
	if (st->lost && app->db.state == DB_UP) {
		st->lost = 0;
		strbuf_reset(&st->error);
	}
	if (!st->lost)
		next_step(app, st);
	return 0;
}

/* ---- drawing ----------------------------------------------------------- */

/* Appends "label value" when value is not empty. */
static void seg(struct strbuf *sb, const char *label, const char *value)
{
	if (!value || !*value)
		return;
	if (sb->len)
		strbuf_add(sb, "   ");
	if (label)
		strbuf_addf(sb, "%s ", label);
	strbuf_add(sb, value);
}

static void draw_header(struct profile *st, const struct rect *r)
{
	const struct entity_profile *p = &st->p;
	struct strbuf l[HEADER_ROWS];
	for (int i = 0; i < HEADER_ROWS; i++)
		strbuf_init(&l[i]);
	strbuf_addf(&l[0], "%s  [%s]", entity_profile_get(p, EF_NAME), entity_profile_get(p, EF_STATUS_NAME));
	seg(&l[0], NULL, entity_profile_get(p, EF_TAGS));
	seg(&l[1], tr(MSG_ENTITY_F_USCC), entity_profile_get(p, EF_USCC));
	seg(&l[1], NULL, entity_profile_get(p, EF_TYPE_NAME));
	seg(&l[1], tr(MSG_ENTITY_F_REG_NO), entity_profile_get(p, EF_REG_NO));
	seg(&l[2], entity_profile_get(p, EF_REP_TITLE), entity_profile_get(p, EF_REP_NAME));
	seg(&l[2], tr(MSG_ENTITY_F_CAPITAL), entity_profile_get(p, EF_CAPITAL));
	seg(&l[2], tr(MSG_ENTITY_F_ESTABLISHED), entity_profile_get(p, EF_ESTABLISHED));
	seg(&l[2], tr(MSG_ENTITY_F_REG_AUTHORITY), entity_profile_get(p, EF_REG_AUTHORITY));
	seg(&l[3], tr(MSG_ENTITY_F_ADDRESS), entity_profile_get(p, EF_ADDRESS));
	struct strbuf where = STRBUF_INIT;
	strbuf_addf(&where, "%s %s", entity_profile_get(p, EF_DISTRICT_BUREAU), entity_profile_get(p, EF_STATION));
	seg(&l[3], tr(MSG_ENTITY_RESPONSIBLE), strbuf_str(&where));
	strbuf_reset(&where);
	strbuf_addf(&where, "%s %s / %s %s", entity_profile_get(p, EF_SECTION), entity_profile_get(p, EF_SECTION_NAME),
		    entity_profile_get(p, EF_INDUSTRY_CODE), entity_profile_get(p, EF_INDUSTRY_NAME));
	seg(&l[4], tr(MSG_ENTITY_F_INDUSTRY_NAME), *entity_profile_get(p, EF_INDUSTRY_CODE) ? strbuf_str(&where) : "");
	strbuf_reset(&where);
	if (*entity_profile_get(p, EF_RISK_GRADE))
		trf(&where, MSG_ENTITY_RISK_SHORT, entity_profile_get(p, EF_RISK_GRADE),
		    entity_profile_get(p, EF_RISK_NAME), entity_profile_get(p, EF_RISK_SCORE));
	seg(&l[4], tr(MSG_ENTITY_F_RISK_GRADE), strbuf_str(&where));
	int closed = strcmp(entity_profile_get(p, EF_IN_BUSINESS), "f") == 0;
	for (int i = 0; i < HEADER_ROWS; i++) {
		term_text(r->y + i, r->x, r->w, strbuf_str(&l[i]),
			  i == 0 ? (closed ? COL_DIM : COL_KEY) : COL_NORMAL, ALIGN_LEFT);
		strbuf_free(&l[i]);
	}
	strbuf_free(&where);
}

static void draw_tabs(struct profile *st, int y, int x, int w)
{
	char *labels[NTABS];
	labels[0] = xstrdup(tr(MSG_ENTITY_TAB_OVERVIEW));
	for (int t = 0; t < ET_COUNT; t++) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_add(&sb, tr(entity_tab_label((enum entity_tab)t)));
		if (st->p.counted && st->p.hidden[t])
			strbuf_add(&sb, tr(MSG_ENTITY_TAB_HIDDEN_MARK));
		else if (st->p.counted)
			strbuf_addf(&sb, "(%ld)", st->p.total[t]);
		labels[t + 1] = strbuf_detach(&sb);
	}
	tabs_draw(y, x, w, (const char *const *)labels, NTABS, st->tab);
	for (int i = 0; i < NTABS; i++)
		free(labels[i]);
}

/* The selected fact's detail and where it came from, under the table. */
static void draw_detail(struct profile *st, int y, int x, int w)
{
	int sel = st->facts->lb.selected;
	const struct entity_rows *r = st->tab ? &st->p.tab[st->tab - 1] : NULL;
	if (!r || sel < 0 || sel >= r->n)
		return;
	struct strbuf sb = STRBUF_INIT;
	term_text(y, x, w, entity_rows_get(r, sel, EFC_DETAIL), COL_NORMAL, ALIGN_LEFT);
	entity_fact_source(r, sel, &sb);
	term_text(y + 1, x, w, strbuf_str(&sb), COL_DIM, ALIGN_LEFT);
	strbuf_free(&sb);
}

static void profile_draw(struct app *app, void *state, const struct rect *r)
{
	struct profile *st = state;
	(void)app;
	if (!st->p.found) {
		const char *m = st->error.len ? strbuf_str(&st->error) : tr(MSG_ENTITY_LOADING);
		term_text(r->y + r->h / 2, r->x, r->w, m, st->error.len ? COL_ERROR : COL_DIM, ALIGN_CENTER);
		return;
	}
	draw_header(st, r);
	draw_tabs(st, r->y + HEADER_ROWS, r->x, r->w);
	int detail = st->tab ? 2 : 0;
	struct rect t = {r->y + HEADER_ROWS + 1, r->x, r->h - HEADER_ROWS - 1 - detail, r->w};
	struct table *tb = st->tab ? st->facts : st->overview;
	table_layout(tb, t.w);
	table_draw(tb, &t);
	if (st->error.len)
		term_text(t.y + 2, t.x, t.w, strbuf_str(&st->error), COL_ERROR, ALIGN_CENTER);
	else if (st->tab && st->p.counted && st->p.hidden[st->tab - 1])
		term_text(t.y + 2, t.x, t.w, tr(MSG_ENTITY_TAB_HIDDEN), COL_DIM, ALIGN_CENTER);
	else if (st->tab && st->p.counted && st->p.total[st->tab - 1] == 0)
		term_text(t.y + 2, t.x, t.w, tr(MSG_ENTITY_TAB_EMPTY), COL_DIM, ALIGN_CENTER);
	else if (tb->nrows == 0)
		term_text(t.y + 2, t.x, t.w, tr(MSG_ENTITY_LOADING), COL_DIM, ALIGN_CENTER);
	if (detail)
		draw_detail(st, t.y + t.h, r->x, r->w);
}

/* ---- actions ----------------------------------------------------------- */

static void switch_tab(struct profile *st, int step)
{
	st->tab = (st->tab + step + NTABS) % NTABS;
	fill_facts(st, 0);
}

static void prefetch(struct app *app, struct profile *st)
{
	if (st->tab == 0 || st->running || st->step != S_DONE)
		return;
	enum entity_tab t = (enum entity_tab)(st->tab - 1);
	if (st->facts->lb.selected >= st->p.tab[t].n - PREFETCH && entity_profile_more(&st->p, t))
		send(app, st, EC_MORE, t);
}

static void copy_code(struct app *app, struct profile *st)
{
	int e = clipboard_copy(st->p.uscc);
	char *m = e ? trs(MSG_ENTITY_COPY_FAILED, st->p.uscc, strerror(e)) : trs(MSG_ENTITY_COPIED, st->p.uscc);
	app_message(app, e ? MSGK_ERROR : MSGK_INFO, m);
	free(m);
}

/* Writes the whole profile (every row of every tab) to a file here. */
static void export_text(struct app *app, struct profile *st)
{
	struct entity_profile full;
	struct db_error err;
	struct strbuf text = STRBUF_INIT, path = STRBUF_INIT;
	char *m;
	if (st->running) { /* what was loading is asked for again afterwards */
		db_async_cancel(&app->db);
		st->running = 0;
	}
	db_error_init(&err);
	entity_profile_init(&full, st->p.uscc);
	struct strbuf dir = STRBUF_INIT;
	if (app_export_dir(app, &dir) != 0) {
		entity_profile_free(&full);
		db_error_free(&err);
		strbuf_free(&dir);
		return;
	}
	strbuf_addf(&path, "%s/", strbuf_str(&dir));
	size_t name_at = path.len;
	entity_export_name("entity", st->p.uscc, "txt", &path);
	if (entity_profile_load(&app->db, &full, 1000, &err) == ST_OK) {
		entity_profile_text(&full, &text);
		entity_export_footer(&app->session, &text);
	}
	struct audit_output note = {
	    "export", "entity_profile", st->p.uscc, strbuf_str(&path), "text", -1, NULL, NULL};
	if (err.status == ST_OK && app_audit_output(app, &note) != 0) {
		/* the message line says why */
	} else if (err.status == ST_OK &&
	           entity_write_file(strbuf_str(&path), &text, &err) == ST_OK) {
		m = trs(MSG_ENTITY_EXPORTED_HERE, strbuf_str(&path) + name_at, strbuf_str(&dir));
		app_message(app, MSGK_INFO, m);
		free(m);
	} else {
		app_message(app, MSGK_ERROR, strbuf_str(&err.message));
	}
	entity_profile_free(&full);
	db_error_free(&err);
	strbuf_free(&text);
	strbuf_free(&path);
	strbuf_free(&dir);
}

/* The elevator's id on the selected row of a theme tab, or NULL: only an
 * elevator has a view of its own. */
static const char *selected_elevator(struct profile *st)
{
	int sel = st->facts->lb.selected;
	const struct entity_rows *r = st->tab ? &st->p.tab[st->tab - 1] : NULL;
	if (!r || sel < 0 || sel >= r->n ||
	    strcmp(entity_rows_get(r, sel, EFC_REF_TABLE), "equipment.elevator") != 0)
		return NULL;
	return entity_rows_get(r, sel, EFC_REF_ID);
}

/* Enter: an elevator opens its own view. */
static void open_row(struct app *app, struct profile *st)
{
	const char *id = selected_elevator(st);
	if (!id) {
		app_message(app, MSGK_INFO, tr(MSG_ENTITY_NO_DETAIL_VIEW));
		return;
	}
	if (st->running) {
		db_async_cancel(&app->db);
		st->running = 0;
	}
	app_push(app, &screen_entity_elevator, (void *)id);
}

static int profile_action(struct app *app, void *state, enum action_id a)
{
	struct profile *st = state;
	struct rect c = app_content();
	int h = table_view_height(&(struct rect){0, 0, c.h - HEADER_ROWS - 1 - 2, 0});
	if (table_action(st->tab ? st->facts : st->overview, a, h)) {
		prefetch(app, st);
		return SCR_HANDLED;
	}
	switch (a) {
	case ACT_BACK: return SCR_POP;
	case ACT_ENTITY_TAB_NEXT: switch_tab(st, 1); return SCR_HANDLED;
	case ACT_ENTITY_TAB_PREV: switch_tab(st, -1); return SCR_HANDLED;
	case ACT_OPEN: open_row(app, st); return SCR_HANDLED;
	default: break;
	}
	if (!st->p.found) {
		app_message(app, MSGK_INFO, tr(MSG_ENTITY_LOADING));
		return SCR_HANDLED;
	}
	switch (a) {
	case ACT_ENTITY_COPY: copy_code(app, st); return SCR_HANDLED;
	case ACT_ENTITY_EXPORT: export_text(app, st); return SCR_HANDLED;
	case ACT_ENTITY_PLAN_ADD:
		if (st->running) {
			db_async_cancel(&app->db);
			st->running = 0;
		}
		app_push(app, &screen_entity_plan, st->p.uscc);
		return SCR_HANDLED;
	case ACT_ENTITY_COMPLAINT:
		if (st->running) {
			db_async_cancel(&app->db);
			st->running = 0;
		}
		app_push(app, &screen_entity_complaint, &st->p);
		return SCR_HANDLED;
	default: return SCR_UNHANDLED;
	}
}

/* What works now: Enter on an elevator's row; copying, exporting and the
 * forms once the profile is in; moving in a list of two rows or more. */
static int profile_offers(struct app *app, void *state, enum action_id a)
{
	struct profile *st = state;
	(void)app;
	switch (a) {
	case ACT_ENTITY_COPY:
	case ACT_ENTITY_EXPORT:
	case ACT_ENTITY_PLAN_ADD:
	case ACT_ENTITY_COMPLAINT: return st->p.found;
	default: break;
	}
	int nav = listbox_offers(&(st->tab ? st->facts : st->overview)->lb, a);
	return nav != 0;
}

/* Enter opens a row that has a view of its own: an elevator's. */
static int profile_has_selection(struct app *app, void *state)
{
	(void)app;
	return selected_elevator(state) != NULL;
}

static const enum action_id profile_actions[] = {
	ACT_ENTITY_TAB_NEXT, ACT_ENTITY_TAB_PREV, ACT_OPEN,      ACT_ENTITY_COPY, ACT_ENTITY_EXPORT,
	ACT_ENTITY_PLAN_ADD, ACT_ENTITY_COMPLAINT, ACT_BACK,     ACT_UP,          ACT_DOWN,
	ACT_PAGE_UP,         ACT_PAGE_DOWN,       ACT_FIRST,     ACT_LAST,        ACT_NONE};

const struct screen screen_entity_profile = {
    .name = "entity.profile",
    .title = MSG_ENTITY_PROFILE_TITLE,
    .actions = profile_actions,
    .enter = profile_enter,
    .leave = profile_leave,
    .draw = profile_draw,
    .action = profile_action,
    .has_selection = profile_has_selection,
    .offers = profile_offers,
    .tick = profile_tick,
};
