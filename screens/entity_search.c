/* Entity lookup: one search box that takes a code, a registration number, a
 * phone number or a fragment of a name, legal representative or address;
 * filters; results that update as the operator types (debounced, a newer
 * keystroke cancels the running query), load page by page as the selection
 * nears the end, sort by column, narrow with "/", export with "e". The
 * results are a live list (ui/livelist.h): debounce, paging, cancel and the
 * retry after a lost connection are its. A new search text clears the "/"
 * narrowing (it belonged to the previous search). */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/outfile.h"
#include "base/uscc.h"
#include "base/xalloc.h"
#include "domain/entity.h"
#include "domain/entity_action.h"
#include "domain/entity_elevator.h"
#include "print/entity_rows.h"
#include "screens/screens.h"
#include "ui/field.h"
#include "ui/livelist.h"
#include "ui/table.h"
#include "ui/term.h"

#define DEBOUNCE_MS 150
#define PAGE_ROWS   50
#define NCHIPS 6

enum focus { F_BOX, F_FILTERS, F_RESULTS, F_WITHIN };

/* The filter chips, left to right; the dates chip is typed, the others cycle. */
static const int chip_filter[NCHIPS] = {EFL_DISTRICT, EFL_TYPE, EFL_SECTION, EFL_STATUS, EFL_FROM,
					EFL_RISK};
static const enum msg_id chip_label[NCHIPS] = {MSG_ENTITY_FILTER_DISTRICT, MSG_ENTITY_FILTER_TYPE,
					       MSG_ENTITY_FILTER_INDUSTRY, MSG_ENTITY_FILTER_STATUS,
					       MSG_ENTITY_FILTER_DATES,    MSG_ENTITY_FILTER_RISK};
#define CHIP_DATES 4

/* The column each sort puts the arrow on (-1: relevance has none). */
static const int sort_column[ES_COUNT] = {-1, 0, 1, 2, 3, 4, 5, -1};

struct search {
	struct field box, within, dates;
	enum focus focus;
	int chip;             /* the chip with the focus */
	int choice[NCHIPS];   /* 0 = any, else 1 + index into the choices */
	struct entity_choices choices;
	enum entity_sort sort;
	int descending;
	struct entity_query q;   /* the search shown (or due, or running) */
	struct entity_page page; /* the hits loaded, in the list's order */
	struct livelist *ll;
	struct table *table; /* ll's */
};

static const struct live_source search_source;

static void *search_enter(struct app *app, void *arg)
{
	struct search *st = xcalloc(1, sizeof *st);
	struct db_error err;
	(void)arg;
	field_init(&st->box, 0, 200);
	field_init(&st->within, 0, 100);
	field_init(&st->dates, 0, 40);
	entity_query_init(&st->q);
	entity_page_init(&st->page);
	struct live_source src = search_source;
	src.ctx = st;
	st->ll = livelist_new(&src, 7, 0, st);
	st->ll->page_rows = PAGE_ROWS;
	st->table = st->ll->table;
	table_col_msg(st->table, 0, MSG_ENTITY_F_NAME, 12, 0, ALIGN_MIDCUT, 3);
	table_col_msg(st->table, 1, MSG_ENTITY_F_USCC, 18, 18, ALIGN_LEFT, 0);
	table_col_msg(st->table, 2, MSG_ENTITY_COL_REP, 6, 10, ALIGN_LEFT, 0);
	table_col_msg(st->table, 3, MSG_ENTITY_COL_STATUS, 4, 6, ALIGN_LEFT, 0);
	table_col_msg(st->table, 4, MSG_ENTITY_F_ESTABLISHED, 10, 0, ALIGN_LEFT, 0);
	table_col_msg(st->table, 5, MSG_ENTITY_FILTER_DISTRICT, 4, 8, ALIGN_LEFT, 0);
	table_col_msg(st->table, 6, MSG_ENTITY_COL_MATCH, 4, 0, ALIGN_LEFT, 1);
	db_error_init(&err);
	if (entity_choices_load(&app->db, &st->choices, &err) != ST_OK)
		app_message(app, MSGK_ERROR, strbuf_str(&err.message));
	db_error_free(&err);
	return st;
}

static void search_leave(struct app *app, void *state)
{
	struct search *st = state;
	livelist_free(st->ll, &app->db);
	field_free(&st->box);
	field_free(&st->within);
	field_free(&st->dates);
	entity_choices_free(&st->choices);
	entity_query_free(&st->q);
	entity_page_free(&st->page);
	free(st);
}

/* ---- running searches -------------------------------------------------- */

/* The query the box, the filters and the sort describe now. */
static void build_query(struct search *st, struct entity_query *q)
{
	entity_query_init(q);
	entity_query_set(&q->text, field_text(&st->box));
	entity_query_set(&q->within, field_text(&st->within));
	for (int c = 0; c < NCHIPS; c++) {
		int f = chip_filter[c];
		if (c == CHIP_DATES) {
			struct strbuf from = STRBUF_INIT, to = STRBUF_INIT;
			if (entity_parse_dates(field_text(&st->dates), &from, &to) == 0) {
				entity_query_set(&q->filter[EFL_FROM], strbuf_str(&from));
				entity_query_set(&q->filter[EFL_TO], strbuf_str(&to));
			}
			strbuf_free(&from);
			strbuf_free(&to);
		} else if (st->choice[c] > 0) {
			entity_query_set(&q->filter[f], st->choices.code[f][st->choice[c] - 1]);
		}
	}
	q->sort = st->sort;
	q->descending = st->descending;
	q->page_size = PAGE_ROWS;
}

/* The hits loaded from index from on become rows of the list. */
static void fill_rows(struct search *st, int from, struct live_rows *rows)
{
	struct strbuf how = STRBUF_INIT;
	for (int i = from; i < st->page.n; i++) {
		const struct entity_hit *h = &st->page.hits[i];
		int r = live_rows_add(rows, h->v[EH_ID], NULL);
		live_rows_set(rows, r, 0, h->v[EH_NAME]);
		live_rows_set(rows, r, 1, h->v[EH_USCC]);
		live_rows_set(rows, r, 2, h->v[EH_LEGAL_REP]);
		live_rows_set(rows, r, 3, h->v[EH_STATUS_NAME]);
		live_rows_set(rows, r, 4, h->v[EH_ESTABLISHED]);
		live_rows_set(rows, r, 5, h->v[EH_DISTRICT]);
		strbuf_reset(&how);
		entity_hit_describe(h, &how);
		live_rows_set(rows, r, 6, strbuf_str(&how));
		if (entity_status_closed(h->v[EH_STATUS]))
			live_rows_color(rows, r, COL_DIM);
	}
	strbuf_free(&how);
}

/* What the search looked for, marked in the rows. */
static void set_highlight(struct search *st)
{
	struct strbuf n = STRBUF_INIT;
	enum entity_kind k = entity_classify(st->q.text);
	if (k == EK_TEXT)
		strbuf_add(&n, st->q.text);
	else if (k == EK_USCC_PREFIX || k == EK_USCC)
		uscc_normalize(st->q.text, &n);
	table_highlight(st->table, strbuf_str(&n));
	table_highlight_add(st->table, st->q.within);
	st->table->sort_col = sort_column[st->q.sort];
	st->table->sort_desc = st->q.descending;
	strbuf_free(&n);
}

/* Asks for the search the fields describe now, ms from now (a keystroke
 * in between postpones it; a running search is cancelled). */
static void schedule(struct app *app, struct search *st, int ms)
{
	struct entity_query q;
	build_query(st, &q);
	entity_query_copy(&st->q, &q);
	entity_query_free(&q);
	livelist_query_changed(st->ll, app, ms);
}

/* ---- the list's source: api.entity_search, keyset by (sort key, id) ----- */

static int source_send(void *ctx, struct db *db, enum live_job job, const char *after, int limit,
                       struct db_error *err)
{
	struct search *st = ctx;
	(void)after; /* the keyset cursor is the last hit's (sort key, id), kept in st->page */
	if (entity_classify(st->q.text) == EK_EMPTY) {
		entity_page_free(&st->page);
		entity_page_init(&st->page);
		return 0;
	}
	if (job == LIVE_NEXT) {
		entity_page_cursor(&st->page, &st->q);
	} else {
		entity_query_set(&st->q.after_key, NULL);
		entity_query_set(&st->q.after_id, NULL);
	}
	st->q.page_size = limit;
	return entity_search_send(db, &st->q, err) == ST_OK ? 1 : -1;
}

static void source_read(void *ctx, const PGresult *res, enum live_job job, struct live_rows *rows)
{
	struct search *st = ctx;
	if (job != LIVE_NEXT) {
		entity_page_free(&st->page);
		entity_page_init(&st->page);
	}
	if (job == LIVE_FIRST)
		set_highlight(st);
	int from = st->page.n;
	entity_page_add(&st->page, res);
	fill_rows(st, from, rows);
}

static int source_more(void *ctx)
{
	struct search *st = ctx;
	return entity_page_more(&st->page);
}

static const struct live_source search_source = {
    .send = source_send,
    .read = source_read,
    .more = source_more,
};

static int search_tick(struct app *app, void *state)
{
	struct search *st = state;
	livelist_tick(st->ll, app);
	return 0;
}

/* ---- drawing ----------------------------------------------------------- */

static const char *chip_value(const struct search *st, int c)
{
	if (c == CHIP_DATES)
		return *field_text(&st->dates) ? field_text(&st->dates) : tr(MSG_ENTITY_FILTER_ANY);
	int f = chip_filter[c];
	return st->choice[c] ? st->choices.name[f][st->choice[c] - 1] : tr(MSG_ENTITY_FILTER_ANY);
}

static void draw_chips(struct search *st, int y, int x, int w)
{
	int col = x;
	term_fill(y, x, w, COL_NORMAL);
	for (int c = 0; c < NCHIPS && col < x + w; c++) {
		struct strbuf sb = STRBUF_INIT;
		int focused = st->focus == F_FILTERS && st->chip == c;
		strbuf_addf(&sb, "%s:", tr(chip_label[c]));
		col += term_clip(y, col, x + w - col, strbuf_str(&sb), COL_DIM);
		if (focused && c == CHIP_DATES) {
			field_draw(&st->dates, y, col, 22 < x + w - col ? 22 : x + w - col, 1);
			col += 23;
		} else {
			int set = c == CHIP_DATES ? *field_text(&st->dates) != '\0' : st->choice[c] > 0;
			col += term_clip(y, col, x + w - col, chip_value(st, c),
					 focused ? COL_SELECTED : set ? COL_KEY : COL_NORMAL);
			col += 2;
		}
		strbuf_free(&sb);
	}
}

/* The line under the filters: how the input was taken, how many, the order. */
static void status_text(struct search *st, struct strbuf *out, enum ui_color *c)
{
	const char *text = field_text(&st->box);
	enum entity_kind k = entity_classify(text);
	*c = COL_DIM;
	if (st->ll->error.len) {
		*c = COL_ERROR;
		strbuf_add(out, strbuf_str(&st->ll->error));
		if (st->ll->lost)
			strbuf_addf(out, " %s", tr(MSG_ENTITY_WILL_RETRY));
		return;
	}
	if (k == EK_USCC && !entity_code_valid(text)) {
		struct strbuf code = STRBUF_INIT;
		struct uscc_result r;
		uscc_normalize(text, &code);
		uscc_check(strbuf_str(&code), &r);
		uscc_describe(&r, out);
		strbuf_addf(out, " · %s", tr(MSG_ENTITY_NEAR_BELOW));
		*c = COL_ERROR;
		strbuf_free(&code);
		return;
	}
	strbuf_add(out, tr(entity_kind_label(k)));
	if (k == EK_TEXT && entity_text_length(text) == 1)
		strbuf_addf(out, " · %s", tr(MSG_ENTITY_ONE_CHAR));
	if (livelist_busy(st->ll)) {
		strbuf_addf(out, " · %s", tr(MSG_ENTITY_SEARCHING));
		return;
	}
	if (k == EK_EMPTY)
		return;
	strbuf_add(out, " · ");
	trf(out, st->page.capped ? MSG_ENTITY_COUNT_CAPPED : MSG_ENTITY_COUNT, st->page.total);
	strbuf_addf(out, " · %s", tr(MSG_ENTITY_SORTED_BY));
	strbuf_add(out, tr(entity_sort_label(st->q.sort)));
	if (st->q.descending)
		strbuf_add(out, "\xe2\x86\x93"); /* ↓ */
	if (st->q.within)
		strbuf_addf(out, " · %s%s", tr(MSG_ENTITY_WITHIN_LABEL), st->q.within);
}

static void search_draw(struct app *app, void *state, const struct rect *r)
{
	struct search *st = state;
	struct strbuf sb = STRBUF_INIT;
	enum ui_color c;
	(void)app;
	int lw = width_str(tr(MSG_ENTITY_BOX_LABEL)) + 1;
	term_text(r->y, r->x, lw, tr(MSG_ENTITY_BOX_LABEL), COL_KEY, ALIGN_LEFT);
	field_draw(&st->box, r->y, r->x + lw, r->w - lw, 0);
	draw_chips(st, r->y + 1, r->x, r->w);
	if (st->focus == F_WITHIN) {
		int ww = width_str(tr(MSG_ENTITY_WITHIN_LABEL));
		term_text(r->y + 2, r->x, ww, tr(MSG_ENTITY_WITHIN_LABEL), COL_KEY, ALIGN_LEFT);
		field_draw(&st->within, r->y + 2, r->x + ww, r->w - ww, 1);
	} else {
		status_text(st, &sb, &c);
		term_text(r->y + 2, r->x, r->w, strbuf_str(&sb), c, ALIGN_LEFT);
	}
	struct rect tr_ = {r->y + 3, r->x, r->h - 3, r->w};
	livelist_draw(st->ll, &tr_);
	if (st->table->nrows == 0 && !livelist_busy(st->ll) &&
	    entity_classify(st->q.text) != EK_EMPTY && !st->ll->error.len)
		term_text(tr_.y + 2, tr_.x, tr_.w, tr(MSG_ENTITY_NONE), COL_DIM, ALIGN_CENTER);
	if (st->focus == F_BOX) /* last, so the cursor stays in the box */
		field_draw(&st->box, r->y, r->x + lw, r->w - lw, 1);
	strbuf_free(&sb);
}

/* ---- keys and actions -------------------------------------------------- */

static const enum action_id search_actions[];

static int search_key(struct app *app, void *state, const struct key *k)
{
	struct search *st = state;
	struct field *f = st->focus == F_BOX	    ? &st->box
			  : st->focus == F_WITHIN ? &st->within
			  : st->focus == F_FILTERS && st->chip == CHIP_DATES ? &st->dates
									     : NULL;
	if (!f && st->focus == F_RESULTS && key_printable(k) &&
	    app_key_action(search_actions, k) == ACT_NONE) {
		st->focus = F_BOX; /* typing in the results goes on in the box */
		f = &st->box;
	}
	if (!f || (f == &st->dates && (k->code == KEY_LEFT || k->code == KEY_RIGHT) && k->fn))
		return SCR_UNHANDLED;
	struct strbuf before = STRBUF_INIT;
	strbuf_add(&before, field_text(f));
	int used = field_key(f, k);
	if (used && f != &st->within && strcmp(strbuf_str(&before), field_text(f)) != 0) {
		if (f == &st->box) /* a new search: the narrowing was the old one's */
			field_clear(&st->within);
		schedule(app, st, DEBOUNCE_MS);
	}
	strbuf_free(&before);
	return used ? SCR_HANDLED : SCR_UNHANDLED;
}

static void open_selected(struct app *app, struct search *st)
{
	/* a dispatcher's box takes an elevator's registration or rescue code:
	 * Enter opens the elevator (covering the list cancels its search) */
	if ((app->session.roles & ROLE_DISPATCHER) && elevator_code_like(field_text(&st->box))) {
		app_push(app, &screen_entity_elevator_code, (void *)field_text(&st->box));
		return;
	}
	const char *key = livelist_selected_key(st->ll);
	if (!key)
		return;
	for (int i = 0; i < st->page.n; i++)
		if (strcmp(st->page.hits[i].v[EH_ID], key) == 0) {
			/* covering the list cancels its request; it runs again on return */
			app_push(app, &screen_entity_profile, st->page.hits[i].v[EH_USCC]);
			return;
		}
}

/* Every row the search matches, not only those loaded: read to the end on
 * the connection of heavy reads, recorded in the audit log, then written. */
static void export_csv(struct app *app, struct search *st)
{
	if (!db_idle(&app->db)) {
		app_message(app, MSGK_ERROR, tr(MSG_ENTITY_EXPORT_WAIT));
		return;
	}
	struct strbuf path = STRBUF_INIT;
	struct outfile of;
	struct entity_page all;
	struct db_error err;
	entity_page_init(&all);
	db_error_init(&err);
	if (app_export_dir(app, &path) != 0)
		goto done;
	strbuf_addc(&path, '/');
	entity_export_name("entity-search", NULL, "csv", &path);
	struct db *db = db_reports_open(&app->reports, app->conf, &app->db, &err);
	db_error_reset(&err);
	if (entity_search_all(db, &st->q, &all, &err) != ST_OK) {
		app_message(app, MSGK_ERROR, strbuf_str(&err.message));
		goto done;
	}
	struct audit_output note = {"export", "entity_search", st->q.text, strbuf_str(&path),
	                            "csv",    all.n,           NULL,       NULL};
	if (app_audit_output(app, &note) != 0)
		goto done;
	int e = outfile_open(&of, strbuf_str(&path));
	if (!e) {
		/* for people: Chinese headers, and a BOM for Excel unless ui.export_bom = 0 */
		struct rowset *rs = entity_hits_rowset(&all, 1);
		rs->people = 1;
		if (app->conf->ui_export_bom)
			fputs("\xEF\xBB\xBF", of.f);
		rowset_print(rs, FMT_CSV, of.f);
		rowset_free(rs);
		e = outfile_commit(&of);
	}
	char *m = e ? trs(MSG_ENTITY_WRITE_FAILED, strbuf_str(&path), strerror(e))
	            : trs(all.capped ? MSG_ENTITY_CSV_EXPORTED_CAPPED : MSG_ENTITY_CSV_EXPORTED,
	                  all.n, strbuf_str(&path));
	app_message(app, e ? MSGK_ERROR : MSGK_INFO, m);
	free(m);
done:
	entity_page_free(&all);
	db_error_free(&err);
	strbuf_free(&path);
}

/* Up/Down on a chip: the next or previous value (wrapping through "any"). */
static void cycle_chip(struct app *app, struct search *st, int step)
{
	int n = st->choices.n[chip_filter[st->chip]];
	if (st->chip == CHIP_DATES || n == 0)
		return;
	st->choice[st->chip] = (st->choice[st->chip] + step + n + 1) % (n + 1);
	schedule(app, st, 0);
}

static int filters_action(struct app *app, struct search *st, enum action_id a)
{
	switch (a) {
	case ACT_UP: cycle_chip(app, st, -1); return 1;
	case ACT_DOWN: cycle_chip(app, st, 1); return 1;
	case ACT_ENTITY_FILTER_PREV: st->chip = (st->chip + NCHIPS - 1) % NCHIPS; return 1;
	case ACT_ENTITY_FILTER_NEXT: st->chip = (st->chip + 1) % NCHIPS; return 1;
	case ACT_ENTITY_FILTER_CLEAR:
		if (st->chip == CHIP_DATES)
			field_clear(&st->dates);
		else
			st->choice[st->chip] = 0;
		schedule(app, st, 0);
		return 1;
	default: return 0;
	}
}

static void next_sort(struct app *app, struct search *st, int reverse)
{
	if (reverse)
		st->descending = !st->descending;
	else
		st->sort = st->sort + 1 == ES_CAPITAL ? ES_RELEVANCE : st->sort + 1;
	schedule(app, st, 0);
}

static int focus_step(struct search *st, int step)
{
	static const enum focus order[] = {F_BOX, F_FILTERS, F_RESULTS};
	int i = 0;
	while (i < 3 && order[i] != st->focus)
		i++;
	st->focus = order[(i + step + 3) % 3];
	return SCR_HANDLED;
}

static int search_action(struct app *app, void *state, enum action_id a)
{
	struct search *st = state;
	int h = table_view_height(&(struct rect){0, 0, app_content().h - 3, 0});
	if (st->focus == F_WITHIN) {
		if (a == ACT_OPEN || a == ACT_BACK) {
			if (a == ACT_BACK)
				field_clear(&st->within);
			st->focus = F_RESULTS;
			schedule(app, st, 0);
		}
		return SCR_HANDLED;
	}
	if (st->focus == F_FILTERS && filters_action(app, st, a))
		return SCR_HANDLED;
	if (st->focus == F_BOX && a == ACT_UP)
		return SCR_HANDLED;
	if (st->focus == F_RESULTS && a == ACT_UP && st->table->lb.selected <= 0) {
		st->focus = F_BOX;
		return SCR_HANDLED;
	}
	if (livelist_action(st->ll, app, a, h)) {
		st->focus = F_RESULTS;
		return SCR_HANDLED;
	}
	switch (a) {
	case ACT_OPEN: open_selected(app, st); return SCR_HANDLED;
	case ACT_BACK:
		if (st->focus == F_BOX)
			return SCR_POP;
		st->focus = F_BOX;
		return SCR_HANDLED;
	case ACT_ENTITY_FOCUS_NEXT: return focus_step(st, 1);
	case ACT_ENTITY_FOCUS_PREV: return focus_step(st, -1);
	case ACT_ENTITY_WITHIN: st->focus = F_WITHIN; return SCR_HANDLED;
	case ACT_ENTITY_EXPORT_CSV: export_csv(app, st); return SCR_HANDLED;
	case ACT_ENTITY_SORT: next_sort(app, st, 0); return SCR_HANDLED;
	case ACT_ENTITY_SORT_REVERSE: next_sort(app, st, 1); return SCR_HANDLED;
	default: return SCR_UNHANDLED;
	}
}

/* What Enter acts on: the selected row; in the narrowing box, the
 * narrowing itself; a dispatcher's elevator code typed in the box. */
static int search_has_selection(struct app *app, void *state)
{
	struct search *st = state;
	return st->table->lb.selected >= 0 || st->focus == F_WITHIN ||
	       ((app->session.roles & ROLE_DISPATCHER) && elevator_code_like(field_text(&st->box)));
}

/* A text box has the focus: the search, the narrowing, the founding dates. */
static int search_typing(struct app *app, void *state)
{
	struct search *st = state;
	(void)app;
	return st->focus == F_BOX || st->focus == F_WITHIN ||
	       (st->focus == F_FILTERS && st->chip == CHIP_DATES);
}

static int search_offers(struct app *app, void *state, enum action_id a)
{
	struct search *st = state;
	(void)app;
	int rows = livelist_count(st->ll) > 0;
	if (st->focus == F_WITHIN) /* Enter keeps the narrowing, Esc drops it */
		return a == ACT_OPEN || a == ACT_BACK;
	switch (a) {
	case ACT_ENTITY_FILTER_PREV:
	case ACT_ENTITY_FILTER_NEXT:
	case ACT_ENTITY_FILTER_CLEAR: return st->focus == F_FILTERS;
	case ACT_ENTITY_WITHIN:
	case ACT_ENTITY_EXPORT_CSV:
	case ACT_ENTITY_SORT:
	case ACT_ENTITY_SORT_REVERSE: return rows;
	case ACT_UP:
	case ACT_DOWN:
		if (st->focus == F_FILTERS)
			return st->chip != CHIP_DATES;
		if (st->focus == F_BOX)
			return a == ACT_DOWN && rows;
		return rows;
	default: break;
	}
	int nav = listbox_offers(&st->table->lb, a);
	return nav >= 0 ? nav && st->focus != F_FILTERS : 1;
}

static const enum action_id search_actions[] = {
	ACT_OPEN,           ACT_ENTITY_WITHIN,      ACT_ENTITY_EXPORT_CSV, ACT_ENTITY_SORT,
	ACT_ENTITY_SORT_REVERSE, ACT_ENTITY_FOCUS_NEXT, ACT_ENTITY_FOCUS_PREV, ACT_ENTITY_FILTER_PREV,
	ACT_ENTITY_FILTER_NEXT, ACT_ENTITY_FILTER_CLEAR, ACT_BACK, ACT_UP, ACT_DOWN, ACT_PAGE_UP,
	ACT_PAGE_DOWN,      ACT_FIRST,              ACT_LAST,              ACT_NONE};

const struct screen screen_entity_search = {
    .name = "entity.search",
    .title = MSG_ENTITY_SEARCH_TITLE,
    .actions = search_actions,
    .enter = search_enter,
    .leave = search_leave,
    .draw = search_draw,
    .key = search_key,
    .action = search_action,
    .has_selection = search_has_selection,
    .typing = search_typing,
    .offers = search_offers,
    .tick = search_tick,
};
