/* A live paged list: the rows of a query, loaded page by page (keyset
 * paging: "the rows after this one, at most N"), kept up to date while the
 * screen is open. Generic: a data source (callbacks below) builds and reads
 * the query; the list does the rest:
 *
 *  - debounce: livelist_query_changed(ll, app, ms) runs the new query ms
 *    later; another change in between postpones it; a query already running
 *    is cancelled at once (without blocking, see db/db.h);
 *  - prefetch: the next page is asked for when the selection comes within
 *    `prefetch` rows of the end of what is loaded and the last page was full;
 *  - retry: a page lost with the connection is asked for again as soon as
 *    the app has reconnected (livelist_lost() meanwhile);
 *  - live rows: livelist_refresh() re-reads the loaded rows (one query from
 *    the first row, as many rows as are loaded) and merges them by key: rows
 *    are updated in place, gone rows leave, rows never seen before are
 *    marked new (drawn highlighted until the operator selects one); the
 *    selection stays on the same row, by key, not by index;
 *  - notifications: give the screen's notify handler to livelist_notify();
 *    the source's notify callback says whether to refresh. A refresh asked
 *    for while the screen is covered runs when it is on top again.
 *
 * The request in flight is tagged with the owner given to livelist_new
 * (the screen's state pointer, see app.h), so the app cancels it when the
 * screen is covered or closed; the list sends it again when needed.
 *
 * A screen using it: livelist_new in enter (then livelist_query_changed, 0
 * ms, for the first page), livelist_tick from tick, livelist_notify from
 * notify (after app_subscribe), livelist_action for navigation,
 * livelist_draw from draw, livelist_free in leave. */
#ifndef SMCON_LIVELIST_H
#define SMCON_LIVELIST_H

#include "base/strbuf.h"
#include "ui/app.h"
#include "ui/table.h"

/* The rows of one result, as the source reads them. */
struct live_row {
	char *key;    /* identity of the row (unique in the list) */
	char *cursor; /* keyset position: the next page follows this row */
	char **cells; /* ncols values, owned */
	int color;    /* enum ui_color for the row (COL_NORMAL, COL_DIM ...) */
	int fresh;    /* new since the list was first loaded, not yet selected */
};

struct live_rows {
	int ncols;
	int n, cap;
	struct live_row *v;
};

/* What a notification means to the list (the source's notify callback). */
enum live_notify { LIVE_IGNORE, LIVE_REFRESH };

enum live_run { LIVE_IDLE, LIVE_DUE, LIVE_RUNNING };
/* What a request of the list does. */
enum live_job {
	LIVE_FIRST,       /* a new query: its first page replaces the rows */
	LIVE_NEXT,        /* the page after the last loaded row */
	LIVE_REFRESH_JOB, /* the loaded rows again, from the first (merged by key) */
};

struct live_source {
	void *ctx; /* given back to every callback */
	/* Sends (db_async_send, nothing else) the query of up to limit rows
	 * following the row whose cursor is after (NULL for LIVE_FIRST and
	 * LIVE_REFRESH_JOB: from the first row). Returns 1 when sent, 0 when
	 * there is nothing to query (the list empties, e.g. an empty search
	 * box), -1 when it failed (err filled). */
	int (*send)(void *ctx, struct db *db, enum live_job job, const char *after, int limit,
	            struct db_error *err);
	/* Reads a finished page into rows with live_rows_add/live_rows_set
	 * (rows is empty: the list merges it). job as for send: LIVE_FIRST is
	 * the time to reset totals or highlights. */
	void (*read)(void *ctx, const PGresult *res, enum live_job job, struct live_rows *rows);
	/* Optional: whether rows follow the loaded ones (e.g. from a total the
	 * query returns); NULL: when the last page was full. */
	int (*more)(void *ctx);
	/* Optional: what a notification on a subscribed channel means; NULL:
	 * every notification refreshes. */
	enum live_notify (*notify)(void *ctx, const char *channel, const char *payload);
};

struct livelist {
	struct live_source src;
	const void *owner;   /* owner token of the requests (the screen's state) */
	struct table *table; /* what is drawn; columns are set up by the screen */
	struct live_rows rows;
	enum live_run run;
	enum live_job job; /* what the request due or running does */
	long long due_ms;
	int page_rows;            /* rows per page (default 50) */
	int prefetch;             /* next page when this close to the end (default 10) */
	int more;                 /* the last page was full */
	int lost;                 /* the connection dropped: the job runs again when it is back */
	int refresh_wanted;       /* a refresh waits for the current request */
	unsigned generation;      /* db.generation of the connection the rows came on */
	int loaded;               /* a first page has arrived since the last query change */
	char *sel_key;            /* the selected row's key, kept across merges */
	struct strbuf error;      /* the last request's error, "" when it went well */
	long long (*clock)(void); /* milliseconds; app_now_ms unless a test sets it */
};

/* ---- the pure part (no database, no terminal; unit-tested) ------------- */

void live_rows_init(struct live_rows *r, int ncols);
void live_rows_free(struct live_rows *r);
void live_rows_clear(struct live_rows *r);
/* Appends a row; returns its index. key must be unique; cursor may be NULL
 * (then the key is the cursor). */
int live_rows_add(struct live_rows *r, const char *key, const char *cursor);
void live_rows_set(struct live_rows *r, int row, int col, const char *value);
void live_rows_color(struct live_rows *r, int row, int color);
/* The row with key, or -1. */
int live_rows_find(const struct live_rows *r, const char *key);
/* Appends the rows of page whose keys dst lacks (a next page). */
void live_rows_append(struct live_rows *dst, const struct live_rows *page);
/* Merges a refresh: page holds the current first rows of the list (asked
 * for with limit rows). dst becomes page's rows in page's order, with the
 * rows dst had after them kept when page was full; rows dst lacked are
 * marked fresh when mark_new, rows dst had keep their fresh mark. Returns
 * the number of rows marked fresh by this merge. */
int live_rows_merge(struct live_rows *dst, const struct live_rows *page, int limit, int mark_new);

/* ---- the list ------------------------------------------------------------ */

/* A list drawing into a table of ncols columns (set the columns up with
 * table_col_msg on ll->table); rows carry nextra values more that are not
 * shown (details for the screen: live_rows value ncols + i). owner: the
 * screen's state pointer. */
struct livelist *livelist_new(const struct live_source *src, int ncols, int nextra,
                              const void *owner);
/* Frees the list; cancels its request (without blocking) when db is given. */
void livelist_free(struct livelist *ll, struct db *db);
/* The query changed (text typed, a filter, the sort): run it from the first
 * row ms from now, cancelling a request that runs. Rows stay shown until the
 * new first page arrives. */
void livelist_query_changed(struct livelist *ll, struct app *app, int ms);
/* Re-reads the loaded rows and merges them (see above), as soon as the
 * connection is free for this list. */
void livelist_refresh(struct livelist *ll, struct app *app);
/* Call from the screen's notify handler. */
void livelist_notify(struct livelist *ll, struct app *app, const char *channel,
                     const char *payload);
/* Call from the screen's tick: collects results, starts what is due,
 * retries after a reconnect, prefetches. */
void livelist_tick(struct livelist *ll, struct app *app);
/* Asks for the next page now (when the last was full); returns 0, or -1
 * when there is none to ask for or a request runs. */
int livelist_next(struct livelist *ll, struct app *app);
/* A value of the selected row (shown or extra column), NULL when none. */
const char *livelist_selected_value(const struct livelist *ll, int col);
/* Navigation (up, down, pages, first, last) in a view of height rows;
 * returns 1 when it was one. Prefetches and clears a new row's mark. */
int livelist_action(struct livelist *ll, struct app *app, enum action_id a, int height);
/* Lays the table out and draws it into r; new rows stand out. */
void livelist_draw(struct livelist *ll, const struct rect *r);

/* When the debounced query is due (0: none); for tests and ticks. */
long long livelist_due(const struct livelist *ll);
/* Whether a query is due or running (the list may change). */
int livelist_busy(const struct livelist *ll);
/* The selected row (-1: none) and its key (NULL: none). */
int livelist_selected(const struct livelist *ll);
const char *livelist_selected_key(const struct livelist *ll);
/* Selects the row with key; returns 0, -1 when it is not loaded. */
int livelist_select_key(struct livelist *ll, const char *key);
/* Rows loaded. */
int livelist_count(const struct livelist *ll);
/* Rows marked new. */
int livelist_fresh(const struct livelist *ll);
/* Copies rows into the table and puts the selection back on sel_key. */
void livelist_sync(struct livelist *ll);

#endif
