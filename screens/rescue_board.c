/* The 96333 live board: every open incident city-wide, one row each, most
 * urgent first (api.rescue_board), on the shared live list (ui/livelist.h)
 * subscribed to smcon_rescue: another desk's change shows without a key
 * press; a new incident rings the bell and stays highlighted until someone
 * selects it. The clocks (age, time since dispatch, minutes left to the
 * arrival limit) tick every second from the times the board read and the
 * local clock, corrected by the server's clock at that read; the database
 * is asked again only when something changed or a proposal falls due.
 * One key per common step of the selected row; a step another desk took
 * first is refused with the incident's state, shown on the message line. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/xalloc.h"
#include "domain/rescue.h"
#include "screens/rescue.h"
#include "screens/screens.h"
#include "ui/livelist.h"
#include "ui/term.h"

enum bcol {
	BC_MARK,
	BC_NO,
	BC_AGE,
	BC_ADDRESS,
	BC_TRAPPED,
	BC_LEVEL,
	BC_STATE,
	BC_SINCE,
	BC_LEFT,
	BC_UNIT,
	BC_HANDLER,
	BC_COUNT
};

struct clockrow {
	char *key;
	char *version;
	long long received, dispatched, deadline, next_check; /* epoch ms, 0 = none */
	int proposal, done;
};

struct board {
	struct livelist *ll;
	struct clockrow *rows;
	int nrows;
	long long skew_ms; /* server clock minus local clock at the last read */
	int fresh_seen;    /* new rows already rung for */
	int refresh_due;   /* a proposal fell due: read again */
};

static long long wall_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void clear_clocks(struct board *st)
{
	for (int i = 0; i < st->nrows; i++) {
		free(st->rows[i].key);
		free(st->rows[i].version);
	}
	free(st->rows);
	st->rows = NULL;
	st->nrows = 0;
}

static struct clockrow *clock_of(struct board *st, const char *key)
{
	for (int i = 0; i < st->nrows; i++)
		if (strcmp(st->rows[i].key, key) == 0)
			return &st->rows[i];
	return NULL;
}

/* "12:05" or "-3:10" (minutes:seconds), "1:02:05" past an hour. */
static void fmt_span(long long ms, char *buf, size_t n)
{
	long long s = (ms < 0 ? -ms : ms) / 1000;
	const char *sign = ms < 0 ? "-" : "";
	if (s >= 3600)
		snprintf(buf, n, "%s%lld:%02lld:%02lld", sign, s / 3600, s / 60 % 60, s % 60);
	else
		snprintf(buf, n, "%s%lld:%02lld", sign, s / 60, s % 60);
}

/* Puts the clocks of row r at moment now (server time). */
static void set_clocks(struct live_rows *rows, int r, const struct clockrow *c, long long now)
{
	char buf[32];
	fmt_span(now - c->received, buf, sizeof buf);
	live_rows_set(rows, r, BC_AGE, buf);
	if (c->dispatched) {
		fmt_span(now - c->dispatched, buf, sizeof buf);
		live_rows_set(rows, r, BC_SINCE, buf);
	}
	long long left = c->deadline - now;
	fmt_span(left, buf, sizeof buf);
	live_rows_set(rows, r, BC_LEFT, c->done ? "" : buf);
	/* colour and a marker that reads without colour: !! late, ! under 10 minutes, * a proposal
	 */
	snprintf(buf, sizeof buf, "%s%s",
	         c->done         ? "  "
	         : left < 0      ? "!!"
	         : left < 600000 ? "! "
	                         : "  ",
	         c->proposal ? "*" : "");
	live_rows_set(rows, r, BC_MARK, buf);
	if (!rows->v[r].fresh)
		live_rows_color(rows, r,
		                c->done                   ? COL_DIM
		                : left < 0 || c->proposal ? COL_ERROR
		                : left < 600000           ? COL_MATCH
		                                          : COL_NORMAL);
}

static int source_send(void *ctx, struct db *db, enum live_job job, const char *after, int limit,
                       struct db_error *err)
{
	const char *params[] = {NULL};
	(void)ctx, (void)after, (void)limit;
	if (job == LIVE_NEXT)
		return 0;
	return db_async_send(db, rescue_board_sql(), 1, params, err) == ST_OK ? 1 : -1;
}

static long long epoch_of(const PGresult *res, int r, int c)
{
	return PQgetisnull(res, r, c) ? 0 : rescue_epoch_ms(PQgetvalue(res, r, c));
}

/* The advisory flag: who has the incident open, since when (local hh:mm). */
static void set_handler(struct live_rows *rows, int r, const char *who, long long since)
{
	char buf[128] = "";
	if (*who && since) {
		time_t t = (time_t)(since / 1000);
		struct tm tm;
		localtime_r(&t, &tm);
		snprintf(buf, sizeof buf, "%s %02d:%02d", who, tm.tm_hour, tm.tm_min);
	}
	live_rows_set(rows, r, BC_HANDLER, buf);
}

static void source_read(void *ctx, const PGresult *res, enum live_job job, struct live_rows *rows)
{
	struct board *st = ctx;
	(void)job;
	clear_clocks(st);
	int n = PQntuples(res);
	st->rows = xcalloc((size_t)(n ? n : 1), sizeof *st->rows);
	if (n > 0)
		st->skew_ms = epoch_of(res, 0, RB_SERVER_NOW) - wall_ms();
	long long now = wall_ms() + st->skew_ms;
	for (int i = 0; i < n; i++) {
		struct clockrow *c = &st->rows[st->nrows++];
		c->key = xstrdup(PQgetvalue(res, i, RB_ID));
		c->version = xstrdup(PQgetvalue(res, i, RB_VERSION));
		c->received = epoch_of(res, i, RB_RECEIVED);
		c->dispatched = epoch_of(res, i, RB_DISPATCHED);
		c->deadline = epoch_of(res, i, RB_DEADLINE);
		c->next_check = epoch_of(res, i, RB_NEXT_CHECK);
		c->proposal = !PQgetisnull(res, i, RB_PROPOSAL);
		const char *state = PQgetvalue(res, i, RB_STATE);
		c->done = strcmp(state, "arrived") == 0 || strcmp(state, "released") == 0;
		int r = live_rows_add(rows, c->key, NULL);
		const char *no = PQgetvalue(res, i, RB_NO);
		live_rows_set(rows, r, BC_NO, strlen(no) > 8 ? no + 8 : no);
		live_rows_set(rows, r, BC_ADDRESS, PQgetvalue(res, i, RB_ADDRESS));
		live_rows_set(rows, r, BC_TRAPPED, PQgetvalue(res, i, RB_TRAPPED));
		live_rows_set(rows, r, BC_LEVEL, PQgetvalue(res, i, RB_LEVEL));
		live_rows_set(rows, r, BC_STATE, tr(rescue_state_msg(state)));
		live_rows_set(rows, r, BC_UNIT, PQgetvalue(res, i, RB_UNIT));
		set_handler(rows, r, PQgetvalue(res, i, RB_HANDLER),
		            epoch_of(res, i, RB_HANDLER_SINCE));
		set_clocks(rows, r, c, now);
	}
}

static int source_more(void *ctx)
{
	(void)ctx;
	return 0;
}

static enum live_notify source_notify(void *ctx, const char *channel, const char *payload)
{
	(void)ctx, (void)payload;
	return strcmp(channel, "smcon_rescue") == 0 ? LIVE_REFRESH : LIVE_IGNORE;
}

static const struct live_source board_source = {
    .send = source_send, .read = source_read, .more = source_more, .notify = source_notify};

static void *board_enter(struct app *app, void *arg)
{
	struct board *st = xcalloc(1, sizeof *st);
	struct live_source src = board_source;
	(void)arg;
	src.ctx = st;
	st->ll = livelist_new(&src, BC_COUNT, 0, st);
	st->ll->page_rows = 500;
	struct table *t = st->ll->table;
	table_col(t, BC_MARK, "", 3, 3, ALIGN_LEFT, 0);
	table_col_msg(t, BC_NO, MSG_RESCUE_COL_NO, 14, 14, ALIGN_LEFT, 0);
	table_col_msg(t, BC_AGE, MSG_RESCUE_COL_AGE, 5, 7, ALIGN_RIGHT, 0);
	table_col_msg(t, BC_ADDRESS, MSG_RESCUE_COL_ADDRESS, 12, 0, ALIGN_LEFT, 2);
	table_col_msg(t, BC_TRAPPED, MSG_RESCUE_COL_TRAPPED, 4, 4, ALIGN_RIGHT, 0);
	table_col_msg(t, BC_LEVEL, MSG_RESCUE_COL_LEVEL, 4, 4, ALIGN_RIGHT, 0);
	table_col_msg(t, BC_STATE, MSG_RESCUE_COL_STATE, 6, 8, ALIGN_LEFT, 0);
	table_col_msg(t, BC_SINCE, MSG_RESCUE_COL_SINCE_DISPATCH, 6, 7, ALIGN_RIGHT, 0);
	table_col_msg(t, BC_LEFT, MSG_RESCUE_COL_LEFT, 6, 7, ALIGN_RIGHT, 0);
	table_col_msg(t, BC_UNIT, MSG_RESCUE_COL_UNIT, 8, 0, ALIGN_LEFT, 1);
	table_col_msg(t, BC_HANDLER, MSG_RESCUE_COL_HANDLER, 6, 12, ALIGN_LEFT, 0);
	app_subscribe(app, st, "smcon_rescue");
	livelist_query_changed(st->ll, app, 0);
	return st;
}

static void board_leave(struct app *app, void *state)
{
	struct board *st = state;
	livelist_free(st->ll, &app->db);
	clear_clocks(st);
	free(st);
}

/* Once a second: the clocks move; a proposal that fell due reads the board
 * again; a new incident rings the bell. */
static int board_tick(struct app *app, void *state)
{
	struct board *st = state;
	livelist_tick(st->ll, app);
	long long now = wall_ms() + st->skew_ms;
	struct live_rows *rows = &st->ll->rows;
	for (int r = 0; r < rows->n; r++) {
		struct clockrow *c = clock_of(st, rows->v[r].key);
		if (!c)
			continue;
		if (c->next_check && now >= c->next_check) {
			c->next_check = 0;
			st->refresh_due = 1;
		}
		set_clocks(rows, r, c, now);
	}
	livelist_sync(st->ll);
	if (st->refresh_due && !livelist_busy(st->ll)) {
		st->refresh_due = 0;
		livelist_refresh(st->ll, app);
	}
	int fresh = livelist_fresh(st->ll);
	if (fresh > st->fresh_seen)
		beep();
	st->fresh_seen = fresh;
	app_wake_in(app, 1000 - (int)(wall_ms() % 1000));
	return SCR_HANDLED;
}

static void board_notify(struct app *app, void *state, const char *channel, const char *payload)
{
	struct board *st = state;
	livelist_notify(st->ll, app, channel, payload);
}

static void board_draw(struct app *app, void *state, const struct rect *r)
{
	struct board *st = state;
	(void)app;
	char *h = trs(MSG_RESCUE_BOARD_HEADING, livelist_count(st->ll));
	term_text(r->y, r->x + 1, r->w - 2, h, COL_KEY, ALIGN_LEFT);
	free(h);
	struct rect tr_ = {r->y + 1, r->x, r->h - 1, r->w};
	livelist_draw(st->ll, &tr_);
	if (livelist_count(st->ll) == 0 && !livelist_busy(st->ll))
		term_text(r->y + 3, r->x + 2, r->w - 4, tr(MSG_RESCUE_BOARD_EMPTY), COL_DIM,
		          ALIGN_LEFT);
}

/* Takes step verb of the selected incident with the version the board
 * shows; the answer (or the refusal with the current state) goes to the
 * message line and the board reads again. */
static int board_step(struct app *app, struct board *st, enum rescue_verb verb)
{
	const char *key = livelist_selected_key(st->ll);
	if (!key)
		return SCR_HANDLED;
	char *id = xstrdup(key);
	struct clockrow *c = clock_of(st, id);
	rescue_take_step(app, st, id, c && verb != RV_COUNT ? c->version : NULL, verb, NULL, NULL);
	free(id);
	livelist_refresh(st->ll, app);
	return SCR_HANDLED;
}

static int board_open(struct app *app, struct board *st, const struct screen *s)
{
	const char *key = livelist_selected_key(st->ll);
	if (key)
		app_push(app, s, (void *)key);
	return SCR_HANDLED;
}

/* Whether the selected incident has an escalation proposal. */
static int selected_proposal(struct board *st)
{
	const char *key = livelist_selected_key(st->ll);
	struct clockrow *c = key ? clock_of(st, key) : NULL;
	return c && c->proposal;
}

/* Declining is offered only for a proposal: the form names it. */
static int board_decline(struct app *app, struct board *st)
{
	if (selected_proposal(st))
		return board_open(app, st, &screen_rescue_decline);
	app_message(app, MSGK_ERROR, tr(MSG_RESCUE_NO_PROPOSAL));
	return SCR_HANDLED;
}

static int board_action(struct app *app, void *state, enum action_id a)
{
	struct board *st = state;
	int h = table_view_height(&(struct rect){0, 0, app_content().h - 1, 0});
	if (livelist_action(st->ll, app, a, h))
		return SCR_HANDLED;
	switch (a) {
	case ACT_RESCUE_DISPATCH: return board_step(app, st, RV_DISPATCH);
	case ACT_RESCUE_ACK: return board_step(app, st, RV_ACK);
	case ACT_RESCUE_ENROUTE: return board_step(app, st, RV_ENROUTE);
	case ACT_RESCUE_ARRIVE: return board_step(app, st, RV_ARRIVE);
	case ACT_RESCUE_RELEASE: return board_step(app, st, RV_RELEASE);
	case ACT_RESCUE_ESCALATE: return board_step(app, st, RV_ESCALATE);
	case ACT_RESCUE_DECLINE: return board_decline(app, st);
	case ACT_RESCUE_TAKE: return board_step(app, st, RV_COUNT);
	case ACT_RESCUE_CLOSE: return board_open(app, st, &screen_rescue_close);
	case ACT_RESCUE_CANCEL: return board_open(app, st, &screen_rescue_cancel);
	case ACT_RESCUE_CALLBACK: return board_open(app, st, &screen_rescue_callback);
	case ACT_RESCUE_SHOW: return board_open(app, st, &screen_rescue_detail);
	case ACT_RESCUE_NEW: app_push(app, &screen_rescue_intake, NULL); return SCR_HANDLED;
	case ACT_BACK: return SCR_POP;
	default: return SCR_UNHANDLED;
	}
}

static int board_has_selection(struct app *app, void *state)
{
	struct board *st = state;
	(void)app;
	return livelist_selected_key(st->ll) != NULL;
}

/* A step needs an incident selected; declining, one with a proposal. */
static int board_offers(struct app *app, void *state, enum action_id a)
{
	struct board *st = state;
	switch (a) {
	case ACT_RESCUE_NEW:
	case ACT_BACK: return 1;
	case ACT_RESCUE_DECLINE: return selected_proposal(st);
	default: break;
	}
	int nav = listbox_offers(&st->ll->table->lb, a);
	return nav >= 0 ? nav : board_has_selection(app, state);
}

static const enum action_id board_actions[] = {ACT_RESCUE_NEW,
                                               ACT_RESCUE_DISPATCH,
                                               ACT_RESCUE_ACK,
                                               ACT_RESCUE_ENROUTE,
                                               ACT_RESCUE_ARRIVE,
                                               ACT_RESCUE_RELEASE,
                                               ACT_RESCUE_CLOSE,
                                               ACT_RESCUE_CANCEL,
                                               ACT_RESCUE_ESCALATE,
                                               ACT_RESCUE_DECLINE,
                                               ACT_RESCUE_CALLBACK,
                                               ACT_RESCUE_TAKE,
                                               ACT_RESCUE_SHOW,
                                               ACT_BACK,
                                               ACT_UP,
                                               ACT_DOWN,
                                               ACT_PAGE_UP,
                                               ACT_PAGE_DOWN,
                                               ACT_FIRST,
                                               ACT_LAST,
                                               ACT_NONE};

const struct screen screen_rescue_board = {
    .name = "rescue.board",
    .title = MSG_ACT_RESCUE_BOARD,
    .actions = board_actions,
    .enter = board_enter,
    .leave = board_leave,
    .draw = board_draw,
    .action = board_action,
    .has_selection = board_has_selection,
    .offers = board_offers,
    .tick = board_tick,
    .notify = board_notify,
};
