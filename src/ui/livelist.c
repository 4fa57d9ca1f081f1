/* The live paged list (ui/livelist.h). */
#include "ui/livelist.h"

#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/xalloc.h"

#define PAGE_ROWS   50
#define PREFETCH    10
#define REFRESH_MAX 1000 /* a refresh re-reads at most this many rows */

/* ---- rows ---------------------------------------------------------------- */

void live_rows_init(struct live_rows *r, int ncols)
{
	memset(r, 0, sizeof *r);
	r->ncols = ncols;
}

static void row_free(struct live_row *row, int ncols)
{
	free(row->key);
	free(row->cursor);
	for (int c = 0; row->cells && c < ncols; c++)
		free(row->cells[c]);
	free(row->cells);
}

void live_rows_clear(struct live_rows *r)
{
	for (int i = 0; i < r->n; i++)
		row_free(&r->v[i], r->ncols);
	r->n = 0;
}

void live_rows_free(struct live_rows *r)
{
	live_rows_clear(r);
	free(r->v);
	r->v = NULL;
	r->cap = 0;
}

static struct live_row *grow(struct live_rows *r)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->v = xrealloc(r->v, sizeof *r->v * (size_t)r->cap);
	}
	return &r->v[r->n++];
}

int live_rows_add(struct live_rows *r, const char *key, const char *cursor)
{
	struct live_row *row = grow(r);
	row->key = xstrdup(key ? key : "");
	row->cursor = cursor ? xstrdup(cursor) : NULL;
	row->cells = xcalloc((size_t)r->ncols + 1, sizeof(char *));
	row->color = COL_NORMAL;
	row->fresh = 0;
	return r->n - 1;
}

void live_rows_set(struct live_rows *r, int row, int col, const char *value)
{
	char **cell = &r->v[row].cells[col];
	free(*cell);
	*cell = value ? xstrdup(value) : NULL;
}

void live_rows_color(struct live_rows *r, int row, int color)
{
	r->v[row].color = color;
}

int live_rows_find(const struct live_rows *r, const char *key)
{
	if (!key)
		return -1;
	for (int i = 0; i < r->n; i++)
		if (strcmp(r->v[i].key, key) == 0)
			return i;
	return -1;
}

/* Moves (not copies) src's row into dst; src's slot is left empty. */
static void take(struct live_rows *dst, struct live_row *row)
{
	*grow(dst) = *row;
	memset(row, 0, sizeof *row);
}

static void copy_row(struct live_rows *dst, const struct live_rows *src, int i)
{
	const struct live_row *s = &src->v[i];
	int r = live_rows_add(dst, s->key, s->cursor);
	for (int c = 0; c < dst->ncols && c < src->ncols; c++)
		live_rows_set(dst, r, c, s->cells[c]);
	dst->v[r].color = s->color;
	dst->v[r].fresh = s->fresh;
}

void live_rows_append(struct live_rows *dst, const struct live_rows *page)
{
	for (int i = 0; i < page->n; i++)
		if (live_rows_find(dst, page->v[i].key) < 0)
			copy_row(dst, page, i);
}

int live_rows_merge(struct live_rows *dst, const struct live_rows *page, int limit, int mark_new)
{
	struct live_rows out;
	int marked = 0;
	live_rows_init(&out, dst->ncols);
	for (int i = 0; i < page->n; i++) {
		if (live_rows_find(&out, page->v[i].key) >= 0)
			continue;
		int old = live_rows_find(dst, page->v[i].key);
		copy_row(&out, page, i);
		struct live_row *row = &out.v[out.n - 1];
		if (old >= 0)
			row->fresh = dst->v[old].fresh;
		else if (mark_new) {
			row->fresh = 1;
			marked++;
		}
	}
	/* a full page is a window: what lies beyond it stays */
	if (page->n >= limit && page->n > 0) {
		int last = live_rows_find(dst, page->v[page->n - 1].key);
		for (int i = last + 1; last >= 0 && i < dst->n; i++)
			if (live_rows_find(&out, dst->v[i].key) < 0)
				take(&out, &dst->v[i]);
	}
	live_rows_free(dst);
	*dst = out;
	return marked;
}

/* ---- the list ------------------------------------------------------------ */

struct livelist *livelist_new(const struct live_source *src, int ncols, int nextra,
                              const void *owner)
{
	struct livelist *ll = xcalloc(1, sizeof *ll);
	ll->src = *src;
	ll->owner = owner;
	ll->table = table_new(ncols);
	live_rows_init(&ll->rows, ncols + nextra);
	ll->page_rows = PAGE_ROWS;
	ll->prefetch = PREFETCH;
	strbuf_init(&ll->error);
	ll->clock = app_now_ms;
	return ll;
}

void livelist_free(struct livelist *ll, struct db *db)
{
	if (!ll)
		return;
	if (db && ll->run == LIVE_RUNNING)
		db_async_cancel_owned(db, ll->owner);
	live_rows_free(&ll->rows);
	table_free(ll->table);
	strbuf_free(&ll->error);
	free(ll->sel_key);
	free(ll);
}

static void remember_selection(struct livelist *ll)
{
	int sel = ll->table->lb.selected;
	free(ll->sel_key);
	ll->sel_key = sel >= 0 && sel < ll->rows.n ? xstrdup(ll->rows.v[sel].key) : NULL;
}

void livelist_sync(struct livelist *ll)
{
	struct table *t = ll->table;
	while (t->nrows > ll->rows.n)
		table_remove_row(t, t->nrows - 1);
	while (t->nrows < ll->rows.n)
		table_add_row(t);
	for (int r = 0; r < ll->rows.n; r++) {
		const struct live_row *row = &ll->rows.v[r];
		for (int c = 0; c < t->ncols && c < ll->rows.ncols; c++)
			table_set(t, r, c, row->cells[c]);
		table_row_color(t, r, row->fresh ? COL_OK : (enum ui_color)row->color);
	}
	int at = live_rows_find(&ll->rows, ll->sel_key);
	if (at >= 0)
		t->lb.selected = at;
	remember_selection(ll);
}

static void wake(struct app *app, int ms)
{
	if (app)
		app_wake_in(app, ms < 0 ? 0 : ms);
}

void livelist_query_changed(struct livelist *ll, struct app *app, int ms)
{
	if (ll->run == LIVE_RUNNING && app)
		db_async_cancel_owned(&app->db, ll->owner);
	ll->run = LIVE_DUE;
	ll->job = LIVE_FIRST;
	ll->due_ms = ll->clock() + ms;
	ll->refresh_wanted = 0;
	wake(app, ms);
}

void livelist_refresh(struct livelist *ll, struct app *app)
{
	if (ll->run == LIVE_DUE && ll->job == LIVE_FIRST)
		return; /* the new query brings everything anyway */
	if (ll->run != LIVE_IDLE || !ll->loaded) {
		ll->refresh_wanted = 1;
		return;
	}
	ll->run = LIVE_DUE;
	ll->job = LIVE_REFRESH_JOB;
	ll->due_ms = ll->clock();
	wake(app, 0);
}

void livelist_notify(struct livelist *ll, struct app *app, const char *channel, const char *payload)
{
	enum live_notify what =
	    ll->src.notify ? ll->src.notify(ll->src.ctx, channel, payload) : LIVE_REFRESH;
	if (what == LIVE_REFRESH)
		livelist_refresh(ll, app);
}

static int refresh_limit(const struct livelist *ll)
{
	int n = ll->rows.n > ll->page_rows ? ll->rows.n : ll->page_rows;
	return n > REFRESH_MAX ? REFRESH_MAX : n;
}

static void start(struct livelist *ll, struct app *app)
{
	struct db_error err;
	const char *after = NULL;
	int limit = ll->page_rows;
	if (ll->job == LIVE_NEXT && ll->rows.n > 0) {
		const struct live_row *last = &ll->rows.v[ll->rows.n - 1];
		after = last->cursor ? last->cursor : last->key;
	} else if (ll->job == LIVE_REFRESH_JOB) {
		limit = refresh_limit(ll);
	}
	db_error_init(&err);
	ll->run = LIVE_IDLE;
	int rc = ll->src.send(ll->src.ctx, &app->db, ll->job, after, limit, &err);
	if (rc > 0) {
		db_async_adopt(&app->db, ll->owner);
		ll->run = LIVE_RUNNING;
	} else if (rc == 0) {
		live_rows_clear(&ll->rows);
		table_clear(ll->table);
		livelist_sync(ll);
		strbuf_reset(&ll->error);
		ll->more = 0;
		ll->loaded = 0;
	} else {
		strbuf_reset(&ll->error);
		strbuf_add(&ll->error, strbuf_str(&err.message));
		ll->lost = err.lost || app->db.state != DB_UP;
	}
	db_error_free(&err);
}

static void arrived(struct livelist *ll, const PGresult *res)
{
	struct live_rows page;
	int limit = ll->job == LIVE_REFRESH_JOB ? refresh_limit(ll) : ll->page_rows;
	live_rows_init(&page, ll->rows.ncols);
	ll->src.read(ll->src.ctx, res, ll->job, &page);
	switch (ll->job) {
	case LIVE_FIRST:
		live_rows_clear(&ll->rows);
		table_clear(ll->table); /* a new query starts at its first row */
		free(ll->sel_key);
		ll->sel_key = NULL;
		live_rows_append(&ll->rows, &page);
		ll->more = page.n >= limit;
		ll->loaded = 1;
		break;
	case LIVE_NEXT:
		live_rows_append(&ll->rows, &page);
		ll->more = page.n >= limit;
		break;
	case LIVE_REFRESH_JOB:
		live_rows_merge(&ll->rows, &page, limit, 1);
		if (page.n < limit)
			ll->more = 0;
		break;
	}
	live_rows_free(&page);
	if (ll->src.more)
		ll->more = ll->src.more(ll->src.ctx);
	livelist_sync(ll);
}

static void collect(struct livelist *ll, struct app *app)
{
	PGresult *res;
	struct db_error err;
	db_error_init(&err);
	int r = db_async_poll_owned(&app->db, ll->owner, &res, &err);
	if (r == 0) {
		db_error_free(&err);
		return;
	}
	if (r < 0) { /* cancelled while the screen was covered: again */
		ll->run = LIVE_DUE;
		ll->due_ms = ll->clock();
		db_error_free(&err);
		return;
	}
	ll->run = LIVE_IDLE;
	strbuf_reset(&ll->error);
	if (!res) {
		strbuf_add(&ll->error, strbuf_str(&err.message));
		ll->lost = err.lost || app->db.state != DB_UP;
	} else {
		ll->generation = app->db.generation;
		arrived(ll, res);
		PQclear(res);
	}
	db_error_free(&err);
}

static void prefetch(struct livelist *ll, struct app *app)
{
	if (ll->prefetch >= 0 && ll->run == LIVE_IDLE && ll->more && !ll->lost && ll->loaded &&
	    ll->table->lb.selected >= ll->rows.n - ll->prefetch) {
		ll->job = LIVE_NEXT;
		start(ll, app);
	}
}

void livelist_tick(struct livelist *ll, struct app *app)
{
	if (ll->run == LIVE_RUNNING)
		collect(ll, app);
	if (ll->lost && app->db.state == DB_UP) { /* reconnected: the job again */
		ll->lost = 0;
		if (ll->run == LIVE_IDLE) {
			ll->run = LIVE_DUE;
			ll->due_ms = ll->clock();
		}
	}
	/* a new connection: what was notified meanwhile is lost, re-read */
	if (ll->loaded && ll->generation != app->db.generation && app->db.state == DB_UP) {
		ll->generation = app->db.generation;
		if (ll->run == LIVE_IDLE)
			livelist_refresh(ll, app);
		else if (ll->job != LIVE_FIRST)
			ll->refresh_wanted = 1;
	}
	if (ll->run == LIVE_DUE) {
		long long left = ll->due_ms - ll->clock();
		if (left <= 0)
			start(ll, app);
		else
			wake(app, (int)left);
	}
	if (ll->run == LIVE_IDLE && ll->refresh_wanted && !ll->lost) {
		ll->refresh_wanted = 0;
		livelist_refresh(ll, app);
		if (ll->run == LIVE_DUE)
			start(ll, app);
	}
	prefetch(ll, app);
}

int livelist_next(struct livelist *ll, struct app *app)
{
	if (ll->run != LIVE_IDLE || !ll->more || !ll->loaded)
		return -1;
	ll->job = LIVE_NEXT;
	start(ll, app);
	return 0;
}

const char *livelist_selected_value(const struct livelist *ll, int col)
{
	int sel = livelist_selected(ll);
	if (sel < 0 || col < 0 || col >= ll->rows.ncols)
		return NULL;
	const char *v = ll->rows.v[sel].cells[col];
	return v ? v : "";
}

int livelist_action(struct livelist *ll, struct app *app, enum action_id a, int height)
{
	if (!table_action(ll->table, a, height))
		return 0;
	int sel = ll->table->lb.selected;
	if (sel >= 0 && sel < ll->rows.n && ll->rows.v[sel].fresh) {
		ll->rows.v[sel].fresh = 0;
		table_row_color(ll->table, sel, (enum ui_color)ll->rows.v[sel].color);
	}
	remember_selection(ll);
	if (app)
		prefetch(ll, app);
	return 1;
}

void livelist_draw(struct livelist *ll, const struct rect *r)
{
	table_layout(ll->table, r->w);
	table_draw(ll->table, r);
}

long long livelist_due(const struct livelist *ll)
{
	return ll->run == LIVE_DUE ? ll->due_ms : 0;
}

int livelist_busy(const struct livelist *ll)
{
	return ll->run != LIVE_IDLE;
}

int livelist_selected(const struct livelist *ll)
{
	int sel = ll->table->lb.selected;
	return sel >= 0 && sel < ll->rows.n ? sel : -1;
}

const char *livelist_selected_key(const struct livelist *ll)
{
	int sel = livelist_selected(ll);
	return sel >= 0 ? ll->rows.v[sel].key : NULL;
}

int livelist_select_key(struct livelist *ll, const char *key)
{
	int at = live_rows_find(&ll->rows, key);
	if (at < 0)
		return -1;
	ll->table->lb.selected = at;
	if (ll->rows.v[at].fresh) {
		ll->rows.v[at].fresh = 0;
		table_row_color(ll->table, at, (enum ui_color)ll->rows.v[at].color);
	}
	remember_selection(ll);
	return 0;
}

int livelist_count(const struct livelist *ll)
{
	return ll->rows.n;
}

int livelist_fresh(const struct livelist *ll)
{
	int n = 0;
	for (int i = 0; i < ll->rows.n; i++)
		n += ll->rows.v[i].fresh;
	return n;
}
