/* The 12315 desk's queue: a unit's open complaints, reports and
 * consultations (api.desk_queue), the most urgent first (share of the
 * clock's limit used), in views all / mine / unassigned / due soon /
 * overdue with their counts. Each row is coloured by its band — green, yellow
 * from 70 % used, red overdue — and says it in a word too (正常/临近/超期,
 * 暂停), so the marker works without colour. The list is live
 * (ui/livelist.h): a NOTIFY on smcon_complaint re-reads the loaded rows, a
 * new item appears highlighted, the selection stays on its row. Enter opens
 * the item, n registers one, a takes it (a supervisor assigns the marked
 * rows to a login), s opens the supervisor's view. */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "domain/complaint.h"
#include "screens/complaint.h"
#include "screens/screens.h"
#include "ui/livelist.h"
#include "ui/term.h"

enum { VIEWS = 5, NCOLS = 9, PAGE = 50 };
static const char *const view_key[VIEWS] = {"all", "mine", "unassigned", "due_soon", "overdue"};
static const enum msg_id view_label[VIEWS] = {MSG_DESK_VIEW_ALL, MSG_DESK_VIEW_MINE,
                                              MSG_DESK_VIEW_UNASSIGNED, MSG_DESK_VIEW_DUE_SOON,
                                              MSG_DESK_VIEW_OVERDUE};
/* which count each view shows (enum desk_count_col) */
static const int view_count[VIEWS] = {DC_TOTAL, DC_MINE, DC_UNASSIGNED, DC_DUE_SOON, DC_OVERDUE};

struct queue {
	int view;
	int offset; /* the first row of the page being read */
	char counts[DC_COUNT][12];
	int have_counts;
	struct livelist *ll;
	char **marked; /* keys marked for a bulk assignment */
	int nmarked;
};

static const struct live_source queue_source;

/* The statement: the counts, and the page joined to them (so an empty view
 * still answers with its counts). */
/* The counts and a page in one statement (api.desk_screen): an empty view
 * still answers with its counts. */
static const char SQL_PAGE[] = "SELECT total, mine, unassigned, green, due_soon, overdue, paused, "
                               "kind, id, item_no, state, state_label, "
                               "received_at, org_code, org_name, handler, respondent, clock, "
                               "clock_due::text, remaining, used_pct, band, "
                               "is_paused FROM api.desk_screen(NULL, $1, $2::integer, $3::integer)";

static int source_send(void *ctx, struct db *db, enum live_job job, const char *after, int limit,
                       struct db_error *err)
{
	struct queue *st = ctx;
	char lim[16], off[16];
	st->offset = job == LIVE_NEXT && after ? atoi(after) + 1 : 0;
	snprintf(lim, sizeof lim, "%d", limit);
	snprintf(off, sizeof off, "%d", st->offset);
	const char *p[] = {view_key[st->view], lim, off};
	return db_async_send(db, SQL_PAGE, 3, p, err) == ST_OK ? 1 : -1;
}

static const char *band_word(const char *band, int paused)
{
	if (paused)
		return tr(MSG_DESK_PAUSED);
	return !band                     ? ""
	       : !strcmp(band, "red")    ? tr(MSG_DESK_BAND_RED)
	       : !strcmp(band, "yellow") ? tr(MSG_DESK_BAND_YELLOW)
	       : !strcmp(band, "green")  ? tr(MSG_DESK_BAND_GREEN)
	                                 : tr(MSG_DESK_BAND_NONE);
}

static int band_color(const char *band)
{
	return !band                     ? COL_NORMAL
	       : !strcmp(band, "red")    ? COL_ERROR
	       : !strcmp(band, "yellow") ? COL_MATCH
	       : !strcmp(band, "green")  ? COL_OK
	                                 : COL_NORMAL;
}

static int is_marked(const struct queue *st, const char *key)
{
	for (int i = 0; i < st->nmarked; i++)
		if (strcmp(st->marked[i], key) == 0)
			return i;
	return -1;
}

static void source_read(void *ctx, const PGresult *res, enum live_job job, struct live_rows *rows)
{
	struct queue *st = ctx;
	(void)job;
	enum { C = DC_COUNT };
	if (PQntuples(res) > 0) {
		for (int i = 0; i < DC_COUNT; i++)
			snprintf(st->counts[i], sizeof st->counts[i], "%s", PQgetvalue(res, 0, i));
		st->have_counts = 1;
	}
	for (int r = 0; r < PQntuples(res); r++) {
		if (PQgetisnull(res, r, C + DQ_ID))
			continue;
		char key[64], cursor[16];
		snprintf(key, sizeof key, "%s:%s", PQgetvalue(res, r, C + DQ_KIND),
		         PQgetvalue(res, r, C + DQ_ID));
		snprintf(cursor, sizeof cursor, "%d", st->offset + r);
		int row = live_rows_add(rows, key, cursor);
		const char *band =
		    PQgetisnull(res, r, C + DQ_BAND) ? NULL : PQgetvalue(res, r, C + DQ_BAND);
		int paused = *PQgetvalue(res, r, C + DQ_PAUSED) == 't';
		struct strbuf mark = STRBUF_INIT;
		strbuf_addf(&mark, "%s%s", is_marked(st, key) >= 0 ? "* " : "",
		            band_word(band, paused));
		live_rows_set(rows, row, 0, strbuf_str(&mark));
		strbuf_free(&mark);
		live_rows_set(rows, row, 1, PQgetvalue(res, r, C + DQ_NO));
		live_rows_set(rows, row, 2, PQgetvalue(res, r, C + DQ_STATE_LABEL));
		live_rows_set(rows, row, 3, PQgetvalue(res, r, C + DQ_RESPONDENT));
		live_rows_set(rows, row, 4, PQgetvalue(res, r, C + DQ_HANDLER));
		live_rows_set(rows, row, 5, PQgetvalue(res, r, C + DQ_ORG));
		live_rows_set(rows, row, 6, PQgetvalue(res, r, C + DQ_DUE));
		live_rows_set(rows, row, 7, PQgetvalue(res, r, C + DQ_REMAINING));
		live_rows_set(rows, row, 8, PQgetvalue(res, r, C + DQ_USED));
		live_rows_color(rows, row, band_color(band));
	}
}

static enum live_notify source_notify(void *ctx, const char *channel, const char *payload)
{
	(void)ctx;
	(void)payload;
	return strcmp(channel, DESK_CHANNEL) == 0 ? LIVE_REFRESH : LIVE_IGNORE;
}

static const struct live_source queue_source = {
    .send = source_send,
    .read = source_read,
    .notify = source_notify,
};

static void *queue_enter(struct app *app, void *arg)
{
	struct queue *st = xcalloc(1, sizeof *st);
	(void)arg;
	struct live_source src = queue_source;
	src.ctx = st;
	st->ll = livelist_new(&src, NCOLS, 0, st);
	st->ll->page_rows = PAGE;
	struct table *t = st->ll->table;
	table_col_msg(t, 0, MSG_DESK_COL_BAND, 4, 8, ALIGN_LEFT, 0);
	table_col_msg(t, 1, MSG_DESK_COL_NO, 16, 24, ALIGN_LEFT, 0);
	table_col_msg(t, 2, MSG_DESK_COL_STATE, 6, 12, ALIGN_LEFT, 0);
	table_col_msg(t, 3, MSG_DESK_COL_RESPONDENT, 10, 0, ALIGN_LEFT, 3);
	table_col_msg(t, 4, MSG_DESK_COL_HANDLER, 4, 8, ALIGN_LEFT, 0);
	table_col_msg(t, 5, MSG_DESK_COL_ORG, 4, 10, ALIGN_LEFT, 0);
	table_col_msg(t, 6, MSG_DESK_COL_DUE, 10, 10, ALIGN_LEFT, 0);
	table_col_msg(t, 7, MSG_DESK_COL_REMAINING, 4, 6, ALIGN_RIGHT, 0);
	table_col_msg(t, 8, MSG_DESK_COL_USED, 4, 6, ALIGN_RIGHT, 0);
	app_subscribe(app, st, DESK_CHANNEL);
	livelist_query_changed(st->ll, app, 0);
	return st;
}

static void clear_marks(struct queue *st)
{
	for (int i = 0; i < st->nmarked; i++)
		free(st->marked[i]);
	free(st->marked);
	st->marked = NULL;
	st->nmarked = 0;
}

static void queue_leave(struct app *app, void *state)
{
	struct queue *st = state;
	livelist_free(st->ll, &app->db);
	clear_marks(st);
	free(st);
}

static int queue_tick(struct app *app, void *state)
{
	struct queue *st = state;
	livelist_tick(st->ll, app);
	return 0;
}

static void queue_notify(struct app *app, void *state, const char *channel, const char *payload)
{
	struct queue *st = state;
	livelist_notify(st->ll, app, channel, payload);
}

static void queue_draw(struct app *app, void *state, const struct rect *r)
{
	struct queue *st = state;
	(void)app;
	int x = r->x;
	term_fill(r->y, r->x, r->w, COL_NORMAL);
	for (int v = 0; v < VIEWS && x < r->x + r->w; v++) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, " %s %s ", tr(view_label[v]),
		            st->have_counts ? st->counts[view_count[v]] : "…");
		x += term_clip(r->y, x, r->x + r->w - x, strbuf_str(&sb),
		               v == st->view ? COL_SELECTED : COL_KEY);
		x += 1;
		strbuf_free(&sb);
	}
	struct strbuf line = STRBUF_INIT;
	if (st->ll->error.len)
		strbuf_add(&line, strbuf_str(&st->ll->error));
	else if (!st->ll->loaded)
		strbuf_add(&line, tr(MSG_DESK_QUEUE_LOADING));
	else if (livelist_count(st->ll) == 0)
		strbuf_add(&line, tr(MSG_DESK_QUEUE_EMPTY));
	else if (st->nmarked)
		trf(&line, MSG_DESK_MARKED, st->nmarked);
	term_text(r->y + 1, r->x, r->w, strbuf_str(&line), st->ll->error.len ? COL_ERROR : COL_DIM,
	          ALIGN_LEFT);
	strbuf_free(&line);
	struct rect lr = {r->y + 2, r->x, r->h - 2, r->w};
	livelist_draw(st->ll, &lr);
}

/* The item of the selected row: kind and id from its key. */
static int selected_item(struct queue *st, enum desk_kind *k, char *id, size_t idsz)
{
	const char *key = livelist_selected_key(st->ll);
	const char *colon = key ? strchr(key, ':') : NULL;
	if (!colon)
		return 0;
	char kind[16];
	snprintf(kind, sizeof kind, "%.*s", (int)(colon - key), key);
	int kk = desk_kind_parse(kind);
	if (kk < 0)
		return 0;
	*k = (enum desk_kind)kk;
	snprintf(id, idsz, "%s", colon + 1);
	return 1;
}

static void toggle_mark(struct queue *st)
{
	const char *key = livelist_selected_key(st->ll);
	if (!key)
		return;
	int i = is_marked(st, key);
	if (i >= 0) {
		free(st->marked[i]);
		st->marked[i] = st->marked[--st->nmarked];
	} else {
		st->marked = xrealloc(st->marked, (size_t)(st->nmarked + 1) * sizeof *st->marked);
		st->marked[st->nmarked++] = xstrdup(key);
	}
}

/* a: a handler takes the selected item; a supervisor assigns the marked
 * ones (or the selected one) to a login typed in a small form. */
static void assign(struct app *app, struct queue *st)
{
	struct desk_step_arg *arg = desk_step_arg_new(DS_ASSIGN);
	if (st->nmarked) {
		for (int i = 0; i < st->nmarked; i++) {
			const char *colon = strchr(st->marked[i], ':');
			desk_step_arg_add(arg, st->marked[i], (size_t)(colon - st->marked[i]),
			                  colon + 1);
		}
		clear_marks(st);
	} else {
		const char *key = livelist_selected_key(st->ll);
		const char *colon = key ? strchr(key, ':') : NULL;
		if (!colon) {
			desk_step_arg_free(arg);
			return;
		}
		desk_step_arg_add(arg, key, (size_t)(colon - key), colon + 1);
	}
	if (desk_step_open(app, arg) != 0)
		desk_step_arg_free(arg);
}

static int queue_action(struct app *app, void *state, enum action_id a)
{
	struct queue *st = state;
	int h = table_view_height(&(struct rect){0, 0, app_content().h - 2, 0});
	enum desk_kind k;
	char id[32];
	switch (a) {
	case ACT_BACK: return SCR_POP;
	case ACT_DESK_VIEW_NEXT:
	case ACT_DESK_VIEW_PREV:
		st->view = (st->view + (a == ACT_DESK_VIEW_NEXT ? 1 : VIEWS - 1)) % VIEWS;
		livelist_query_changed(st->ll, app, 0);
		return SCR_HANDLED;
	case ACT_OPEN:
		if (selected_item(st, &k, id, sizeof id))
			desk_item_open(app, k, id);
		return SCR_HANDLED;
	case ACT_DESK_NEW: app_push(app, &screen_complaint_intake, NULL); return SCR_HANDLED;
	case ACT_DESK_SUPERVISE:
		app_push(app, &screen_complaint_supervise, NULL);
		return SCR_HANDLED;
	case ACT_DESK_MARK:
		toggle_mark(st);
		livelist_refresh(st->ll, app);
		return SCR_HANDLED;
	case ACT_DESK_ASSIGN: assign(app, st); return SCR_HANDLED;
	default: return livelist_action(st->ll, app, a, h) ? SCR_HANDLED : SCR_UNHANDLED;
	}
}

static int queue_has_selection(struct app *app, void *state)
{
	struct queue *st = state;
	(void)app;
	return livelist_selected(st->ll) >= 0;
}

static const enum action_id queue_actions[] = {
    ACT_OPEN,      ACT_DESK_NEW,       ACT_DESK_ASSIGN, ACT_DESK_VIEW_NEXT, ACT_DESK_VIEW_PREV,
    ACT_DESK_MARK, ACT_DESK_SUPERVISE, ACT_UP,          ACT_DOWN,           ACT_PAGE_UP,
    ACT_PAGE_DOWN, ACT_FIRST,          ACT_LAST,        ACT_BACK,           ACT_NONE};

const struct screen screen_complaint_queue = {
    .name = "complaint.queue",
    .title = MSG_DESK_QUEUE_TITLE,
    .actions = queue_actions,
    .enter = queue_enter,
    .leave = queue_leave,
    .draw = queue_draw,
    .action = queue_action,
    .has_selection = queue_has_selection,
    .tick = queue_tick,
    .notify = queue_notify,
};
