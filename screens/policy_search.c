/* 政策法规: the law texts searched as the operator types. Every word of the
 * box must occur in an article (api.policy_search); each hit is shown in
 * context, the first match marked and every word highlighted, cut to the
 * width of its column in display columns. The results are a live list
 * (ui/livelist.h): debounce, cancel and the retry after a lost connection
 * are its. api.policy_search has no keyset, so the next page asks for the
 * loaded rows and one page more and skips what is loaded (its order is
 * fixed: matches, law, article). Enter opens the article
 * (screens/policy_article.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "domain/policy.h"
#include "screens/screens.h"
#include "ui/field.h"
#include "ui/livelist.h"
#include "ui/table.h"
#include "ui/term.h"

#define DEBOUNCE_MS 150
#define PAGE_ROWS   50

/* The values of a row: three shown, the rest for the snippet and Enter. */
enum { C_LAW, C_LABEL, C_SNIPPET, C_BODY, C_HIT_POS, C_HIT_LEN, C_ARTICLE_NO, NSHOWN = 3 };

struct psearch {
	struct field box;
	int in_results; /* the focus: 0 the box, 1 the results */
	char **words;   /* the search shown, due or running */
	int nwords;
	int skip;     /* rows of a next page that are loaded already */
	int cut_cols; /* the width the snippets were cut for (0: cut again) */
	struct livelist *ll;
};

static const struct live_source search_source;

static void *search_enter(struct app *app, void *arg)
{
	struct psearch *st = xcalloc(1, sizeof *st);
	(void)app;
	(void)arg;
	field_init(&st->box, 0, 200);
	struct live_source src = search_source;
	src.ctx = st;
	st->ll = livelist_new(&src, NSHOWN, C_ARTICLE_NO + 1 - NSHOWN, st);
	st->ll->page_rows = PAGE_ROWS;
	table_col_msg(st->ll->table, C_LAW, MSG_POL_COL_LAW, 6, 24, ALIGN_LEFT, 0);
	table_col_msg(st->ll->table, C_LABEL, MSG_POL_COL_ARTICLE, 6, 14, ALIGN_LEFT, 0);
	table_col_msg(st->ll->table, C_SNIPPET, MSG_POL_COL_SNIPPET, 20, 0, ALIGN_LEFT, 1);
	return st;
}

static void search_leave(struct app *app, void *state)
{
	struct psearch *st = state;
	livelist_free(st->ll, &app->db);
	field_free(&st->box);
	policy_words_free(st->words, st->nwords);
	free(st);
}

/* The box changed: its words are the search, run ms from now. */
static void schedule(struct app *app, struct psearch *st, int ms)
{
	policy_words_free(st->words, st->nwords);
	st->nwords = policy_words(field_text(&st->box), &st->words);
	livelist_query_changed(st->ll, app, ms);
}

/* ---- the list's source: api.policy_search ------------------------------ */

static int source_send(void *ctx, struct db *db, enum live_job job, const char *after, int limit,
                       struct db_error *err)
{
	struct psearch *st = ctx;
	char rows[16];
	(void)after; /* the position is the number of rows loaded */
	if (st->nwords == 0)
		return 0;
	st->skip = job == LIVE_NEXT ? livelist_count(st->ll) : 0;
	snprintf(rows, sizeof rows, "%d", st->skip + limit);
	return policy_search_send(db, st->nwords, st->words, rows, err) == ST_OK ? 1 : -1;
}

static void source_read(void *ctx, const PGresult *res, enum live_job job, struct live_rows *rows)
{
	struct psearch *st = ctx;
	struct strbuf key = STRBUF_INIT;
	if (job == LIVE_FIRST) {
		table_highlight(st->ll->table, NULL);
		for (int i = 0; i < st->nwords; i++)
			table_highlight_add(st->ll->table, st->words[i]);
	}
	/* columns: short_title, title, article_no, label, chapter, body, hit_pos, hit_len */
	static const int src[] = {[C_LAW] = 0,     [C_LABEL] = 3,   [C_SNIPPET] = -1,  [C_BODY] = 5,
	                          [C_HIT_POS] = 6, [C_HIT_LEN] = 7, [C_ARTICLE_NO] = 2};
	for (int r = job == LIVE_NEXT ? st->skip : 0; r < PQntuples(res); r++) {
		strbuf_reset(&key);
		strbuf_addf(&key, "%s/%s", PQgetvalue(res, r, 0), PQgetvalue(res, r, 2));
		int row = live_rows_add(rows, strbuf_str(&key), NULL);
		for (int c = 0; c <= C_ARTICLE_NO; c++)
			if (src[c] >= 0)
				live_rows_set(rows, row, c, PQgetvalue(res, r, src[c]));
	}
	st->cut_cols = 0; /* the new rows' snippets are cut when drawn */
	strbuf_free(&key);
}

static const struct live_source search_source = {
    .send = source_send,
    .read = source_read,
};

static int search_tick(struct app *app, void *state)
{
	struct psearch *st = state;
	livelist_tick(st->ll, app);
	return 0;
}

/* ---- drawing ----------------------------------------------------------- */

/* Cuts every row's snippet to cols columns around its first match. */
static void cut_snippets(struct psearch *st, int cols)
{
	struct live_rows *rows = &st->ll->rows;
	struct strbuf snip = STRBUF_INIT;
	for (int r = 0; r < rows->n; r++) {
		char **v = rows->v[r].cells;
		strbuf_reset(&snip);
		policy_snippet(&snip, v[C_BODY] ? v[C_BODY] : "",
		               v[C_HIT_POS] ? atoi(v[C_HIT_POS]) : 0,
		               v[C_HIT_LEN] ? atoi(v[C_HIT_LEN]) : 0, cols, tr(MSG_POL_HIT_OPEN),
		               tr(MSG_POL_HIT_CLOSE));
		live_rows_set(rows, r, C_SNIPPET, strbuf_str(&snip));
	}
	strbuf_free(&snip);
	st->cut_cols = cols;
	livelist_sync(st->ll);
}

/* The line under the box: the error, the work, the count or the hint. */
static void status_text(const struct psearch *st, struct strbuf *out, enum ui_color *c)
{
	*c = COL_DIM;
	if (st->ll->error.len) {
		*c = COL_ERROR;
		strbuf_add(out, strbuf_str(&st->ll->error));
		if (st->ll->lost)
			strbuf_addf(out, " %s", tr(MSG_ENTITY_WILL_RETRY));
	} else if (st->nwords == 0) {
		strbuf_add(out, tr(MSG_POLICY_HINT));
	} else if (livelist_busy(st->ll)) {
		strbuf_add(out, tr(MSG_ENTITY_SEARCHING));
	} else if (livelist_count(st->ll) == 0) {
		strbuf_add(out, tr(MSG_POL_NO_HITS));
	} else {
		trf(out, st->ll->more ? MSG_POLICY_COUNT_MORE : MSG_POLICY_COUNT,
		    livelist_count(st->ll));
	}
}

static void search_draw(struct app *app, void *state, const struct rect *r)
{
	struct psearch *st = state;
	struct strbuf sb = STRBUF_INIT;
	enum ui_color c;
	(void)app;
	int lw = width_str(tr(MSG_POLICY_BOX_LABEL));
	term_text(r->y, r->x, lw, tr(MSG_POLICY_BOX_LABEL), COL_KEY, ALIGN_LEFT);
	status_text(st, &sb, &c);
	term_text(r->y + 1, r->x, r->w, strbuf_str(&sb), c, ALIGN_LEFT);
	struct rect list = {r->y + 2, r->x, r->h - 2, r->w};
	struct table *t = st->ll->table;
	table_layout(t, list.w);
	int cols = t->cols[C_SNIPPET].hidden ? 0 : t->width[C_SNIPPET];
	if (cols > 0 && cols != st->cut_cols)
		cut_snippets(st, cols);
	livelist_draw(st->ll, &list);
	/* last, so that the cursor stays in the box */
	field_draw(&st->box, r->y, r->x + lw, r->w - lw, !st->in_results);
	strbuf_free(&sb);
}

/* ---- keys and actions -------------------------------------------------- */

static const enum action_id search_actions[];

static int search_key(struct app *app, void *state, const struct key *k)
{
	struct psearch *st = state;
	if (st->in_results) {
		if (!key_printable(k) || app_key_action(search_actions, k) != ACT_NONE)
			return SCR_UNHANDLED;
		st->in_results = 0; /* typing in the results goes on in the box */
	}
	struct strbuf before = STRBUF_INIT;
	strbuf_add(&before, field_text(&st->box));
	int used = field_key(&st->box, k);
	if (used && strcmp(strbuf_str(&before), field_text(&st->box)) != 0)
		schedule(app, st, DEBOUNCE_MS);
	strbuf_free(&before);
	return used ? SCR_HANDLED : SCR_UNHANDLED;
}

static void open_selected(struct app *app, struct psearch *st)
{
	const char *law = livelist_selected_value(st->ll, C_LAW);
	const char *no = livelist_selected_value(st->ll, C_ARTICLE_NO);
	if (law && no) /* covering the list cancels its request; it runs again on return */
		screen_policy_article(app, law, no);
}

static int search_action(struct app *app, void *state, enum action_id a)
{
	struct psearch *st = state;
	int h = table_view_height(&(struct rect){0, 0, app_content().h - 2, 0});
	if (!st->in_results && a == ACT_UP)
		return SCR_HANDLED;
	if (st->in_results && a == ACT_UP && st->ll->table->lb.selected <= 0) {
		st->in_results = 0;
		return SCR_HANDLED;
	}
	if (livelist_action(st->ll, app, a, h)) {
		st->in_results = 1;
		return SCR_HANDLED;
	}
	switch (a) {
	case ACT_OPEN: open_selected(app, st); return SCR_HANDLED;
	case ACT_POLICY_FOCUS: st->in_results = !st->in_results; return SCR_HANDLED;
	case ACT_BACK:
		if (!st->in_results)
			return SCR_POP;
		st->in_results = 0;
		return SCR_HANDLED;
	default: return SCR_UNHANDLED;
	}
}

static int search_has_selection(struct app *app, void *state)
{
	struct psearch *st = state;
	(void)app;
	return livelist_selected(st->ll) >= 0;
}

/* The box has the focus unless the results have it. */
static int search_typing(struct app *app, void *state)
{
	struct psearch *st = state;
	(void)app;
	return !st->in_results;
}

/* Up leaves the results for the box; in the box it has nowhere to go. */
static int search_offers(struct app *app, void *state, enum action_id a)
{
	struct psearch *st = state;
	(void)app;
	int rows = livelist_count(st->ll) > 0;
	if (a == ACT_UP)
		return st->in_results && rows;
	int nav = listbox_offers(&st->ll->table->lb, a);
	return nav >= 0 ? rows : 1;
}

static const enum action_id search_actions[] = {
    ACT_OPEN,    ACT_POLICY_FOCUS, ACT_BACK,  ACT_UP,   ACT_DOWN,
    ACT_PAGE_UP, ACT_PAGE_DOWN,    ACT_FIRST, ACT_LAST, ACT_NONE};

const struct screen screen_policy_search = {
    .name = "policy.search",
    .title = MSG_POLICY_SEARCH_TITLE,
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
