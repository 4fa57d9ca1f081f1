/* A report on screen: computed without blocking the console (progress, and
 * Esc or Ctrl-C cancels the query with PQcancel), then a table with the
 * columns aligned by display width and the totals row, and below it a bar
 * chart of the report's chart column (a sparkline in a trend column). Enter
 * on a district drills down to its stations; e exports the same report to a
 * file in the export directory (ui.export_dir), f switches the export format. */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "print/report_file.h"
#include "screens/report_screens.h"
#include "ui/chart.h"
#include "ui/keymap.h"
#include "ui/table.h"
#include "ui/term.h"

enum phase { P_RUNNING, P_DONE, P_FAILED };

extern const struct screen screen_report_stations;

struct report_view {
	const struct report_info *info;
	char *from, *to, *org, *by;
	struct report_run run;
	enum phase phase;
	long long started_ms;
	struct strbuf error;
	PGresult *res;
	struct table *t;
	enum report_format export_format;
	struct db *db; /* where the run goes: the report server or the primary */
};

static void params_of(const struct report_view *st, struct report_params *p)
{
	p->name = st->info->name;
	p->from = st->from;
	p->to = st->to;
	p->org = st->org;
	p->by = st->by;
}

/* The connection reports read from (db.report_conninfo, usually a
 * standby; the status line says so), or the primary, saying why. */
static struct db *reports_db(struct app *app)
{
	struct db_error err;
	db_error_init(&err);
	struct db *db = db_reports_open(&app->reports, app->conf, &app->db, &err);
	if (err.message.len)
		app_message(app, MSGK_INFO, strbuf_str(&err.message));
	db_error_free(&err);
	return db;
}

/* Checks the parameters, opens the cursor and sends the FETCH of its rows,
 * tagged with this screen (the app cancels it if the screen is covered). */
static void start(struct app *app, struct report_view *st)
{
	struct report_params p;
	struct db_error err;
	db_error_init(&err);
	params_of(st, &p);
	report_run_close(&st->run);
	st->phase = P_RUNNING;
	st->started_ms = app_now_ms();
	st->db = reports_db(app);
	if (report_run_open(st->db, &p, &st->run, &err) != ST_OK ||
	    report_run_audit(&app->db, &st->run, st->info->name, db_reports_server(&app->reports),
	                     NULL, NULL, &err) != ST_OK ||
	    report_run_send_all(&st->run, &err) != ST_OK) {
		strbuf_add(&st->error, strbuf_str(&err.message));
		report_run_end(&st->run);
		st->phase = P_FAILED;
	} else {
		db_async_adopt(st->db, st);
	}
	db_error_free(&err);
	app_wake_in(app, 200);
}

static void *view_enter(struct app *app, void *arg)
{
	const struct report_request *rq = arg;
	struct report_view *st = xcalloc(1, sizeof *st);
	st->info = rq->info;
	st->from = xstrdup(rq->from);
	st->to = xstrdup(rq->to);
	st->org = rq->org ? xstrdup(rq->org) : NULL;
	st->by = rq->by ? xstrdup(rq->by) : NULL;
	st->export_format = RF_XLSX;
	strbuf_init(&st->error);
	st->run.chart_col = -1;
	start(app, st);
	return st;
}

static void view_leave(struct app *app, void *state)
{
	struct report_view *st = state;
	(void)app;
	if (st->phase == P_RUNNING && st->db && db_async_owner(st->db) == st)
		db_async_cancel(st->db);
	report_run_close(&st->run);
	if (st->res)
		PQclear(st->res);
	if (st->t)
		table_free(st->t);
	strbuf_free(&st->error);
	free(st->from);
	free(st->to);
	free(st->org);
	free(st->by);
	free(st);
}

static int numeric(enum report_kind k)
{
	return k == RK_INT || k == RK_NUM || k == RK_PCT || k == RK_MIN;
}

/* The table of the rows: labels in the UI language, numbers right-aligned,
 * a trend drawn as a sparkline, the totals row set apart. */
static void build_table(struct report_view *st)
{
	int nc = st->run.ncols;
	st->t = table_new(nc);
	for (int c = 0; c < nc; c++) {
		const struct report_column *col = &st->run.cols[c];
		table_col(st->t, c, report_col_label(col), c == 1 ? 8 : 4, c == 1 ? 28 : 0,
		          numeric(col->kind) ? ALIGN_RIGHT : ALIGN_LEFT, c == 1);
	}
	struct strbuf spark = STRBUF_INIT;
	for (int r = 0; r < PQntuples(st->res); r++) {
		int row = table_add_row(st->t);
		for (int c = 0; c < nc && c < PQnfields(st->res); c++) {
			const char *v = PQgetisnull(st->res, r, c) ? "" : PQgetvalue(st->res, r, c);
			if (st->run.cols[c].kind == RK_SPARK && *v) {
				double series[64];
				int n = chart_parse_series(v, series, 64);
				strbuf_reset(&spark);
				chart_sparkline(&spark, series, n, 12, 0);
				v = strbuf_str(&spark);
			}
			table_set(st->t, row, c,
			          c == 1 && PQgetisnull(st->res, r, 0) ? tr(MSG_REPORT_TOTAL) : v);
		}
		if (PQgetisnull(st->res, r, 0))
			table_row_color(st->t, row, COL_TITLE);
	}
	strbuf_free(&spark);
}

static void collect(struct app *app, struct report_view *st)
{
	PGresult *res;
	struct db_error err;
	db_error_init(&err);
	int got = db_async_poll_owned(st->db, st, &res, &err);
	if (got == 0) {
		db_error_free(&err);
		app_wake_in(app, 250); /* the progress line counts seconds */
		return;
	}
	if (got < 0) { /* cancelled while the screen was covered: run it again */
		db_error_free(&err);
		start(app, st);
		return;
	}
	report_run_end(&st->run);
	if (!res) {
		strbuf_add(&st->error, strbuf_str(&err.message));
		st->phase = P_FAILED;
	} else {
		st->res = res;
		build_table(st);
		st->phase = P_DONE;
	}
	db_error_free(&err);
}

static int view_tick(struct app *app, void *state)
{
	struct report_view *st = state;
	if (st->phase == P_RUNNING)
		collect(app, st);
	return 0;
}

/* The chart under the table: one bar per group row (not the totals). */
static void draw_chart(struct report_view *st, int y, int x, int w, int h)
{
	int col = st->run.chart_col, n = PQntuples(st->res);
	if (col < 0 || h < 2 || n < 2)
		return;
	char *title = trs(MSG_REPORT_CHART_OF, report_col_label(&st->run.cols[col]));
	term_text(y, x, w, title, COL_DIM, ALIGN_LEFT);
	free(title);
	struct chart_bar *bars = xcalloc((size_t)n, sizeof *bars);
	int k = 0;
	for (int r = 0; r < n; r++) {
		if (PQgetisnull(st->res, r, 0))
			continue;
		const char *v = PQgetisnull(st->res, r, col) ? "0" : PQgetvalue(st->res, r, col);
		bars[k].label = PQgetvalue(st->res, r, 1);
		bars[k].value = atof(v);
		bars[k].value_text = v;
		k++;
	}
	chart_draw_bars(y + 1, x, w, h - 1, bars, k, 14);
	free(bars);
}

static void view_draw(struct app *app, void *state, const struct rect *r)
{
	struct report_view *st = state;
	struct strbuf line = STRBUF_INIT;
	(void)app;
	term_text(r->y, r->x + 1, r->w - 2, report_title(st->info), COL_TITLE, ALIGN_LEFT);
	if (st->run.date_from) {
		trf(&line, MSG_REPORT_PERIOD_LINE, st->run.date_from, st->run.date_to,
		    st->run.org_name ? st->run.org_name : "", st->run.group_by);
		if (st->run.masked)
			strbuf_addf(&line, "  %s", tr(MSG_REPORT_MASKED_NOTE));
		term_text(r->y + 1, r->x + 1, r->w - 2, strbuf_str(&line), COL_DIM, ALIGN_LEFT);
	}
	strbuf_reset(&line);
	if (st->phase == P_RUNNING) {
		trf(&line, MSG_REPORT_RUNNING, (int)((app_now_ms() - st->started_ms) / 1000));
		term_text(r->y + 3, r->x + 1, r->w - 2, strbuf_str(&line), COL_NORMAL, ALIGN_LEFT);
	} else if (st->phase == P_FAILED) {
		term_text(r->y + 3, r->x + 1, r->w - 2, strbuf_str(&st->error), COL_ERROR,
		          ALIGN_LEFT);
	} else {
		int rows = PQntuples(st->res);
		int th = rows + 2 < r->h / 2 ? rows + 2 : r->h / 2;
		if (th < 3)
			th = 3;
		struct rect box = {r->y + 3, r->x + 1, th, r->w - 2};
		table_layout(st->t, box.w);
		table_draw(st->t, &box);
		if (rows <= 1)
			term_text(r->y + 5, r->x + 1, r->w - 2, tr(MSG_REPORT_EMPTY), COL_DIM,
			          ALIGN_CENTER);
		draw_chart(st, r->y + 4 + th, r->x + 1, r->w - 2, r->h - 4 - th);
	}
	strbuf_free(&line);
}

static int cancel(struct app *app, struct report_view *st)
{
	db_async_cancel(st->db);
	report_run_end(&st->run);
	st->phase = P_FAILED;
	app_message(app, MSGK_INFO, tr(MSG_REPORT_CANCELLED));
	return SCR_POP;
}

static int view_key(struct app *app, void *state, const struct key *k)
{
	struct report_view *st = state;
	if (st->phase == P_RUNNING && keymap_matches(k, ACT_REPORT_CANCEL))
		return cancel(app, st);
	return SCR_UNHANDLED;
}

/* Enter on a district row: the same report for that district, by station. */
/* The row Enter drills into (a district of a report that has stations),
 * or -1 when none: no table yet, the total, or a report by station. */
static int drill_row(const struct report_view *st)
{
	int i = st->t ? st->t->lb.selected : -1;
	if (st->phase != P_DONE || i < 0 || i >= PQntuples(st->res) || PQgetisnull(st->res, i, 0))
		return -1;
	if (!st->run.group_by || strcmp(st->run.group_by, "district") != 0 ||
	    !report_has_by(st->info, "station"))
		return -1;
	return i;
}

static int drill(struct app *app, struct report_view *st)
{
	int i = drill_row(st);
	if (i < 0) {
		app_message(app, MSGK_INFO, tr(MSG_REPORT_NO_DRILL));
		return SCR_HANDLED;
	}
	struct report_request rq = {st->info, st->from, st->to, PQgetvalue(st->res, i, 0),
	                            "station"};
	app_push(app, &screen_report_stations, &rq);
	return SCR_HANDLED;
}

static int export(struct app *app, struct report_view *st)
{
	struct report_params p;
	struct report_run run;
	struct db_error err;
	struct strbuf path = STRBUF_INIT;
	struct strbuf dir = STRBUF_INIT;
	if (app_export_dir(app, &dir) != 0) {
		strbuf_free(&dir);
		return SCR_HANDLED;
	}
	db_error_init(&err);
	params_of(st, &p);
	enum status s = report_run_open(reports_db(app), &p, &run, &err);
	if (s == ST_OK) {
		s = report_run_audit(&app->db, &run, st->info->name,
		                     db_reports_server(&app->reports), strbuf_str(&dir),
		                     report_format_name(st->export_format), &err);
		if (s != ST_OK)
			report_run_close(&run);
	}
	if (s == ST_OK) {
		struct report_write w = {st->info->name,
		                         report_title(st->info),
		                         st->export_format,
		                         st->export_format == RF_CSV && app->conf->ui_export_bom,
		                         strbuf_str(&dir),
		                         NULL,
		                         500,
		                         NULL,
		                         NULL};
		s = report_write_run(&run, &w, &path, &err);
		report_run_close(&run);
	}
	if (s == ST_OK) {
		char *m = trs(MSG_REPORT_EXPORTED, strbuf_str(&path));
		app_message(app, MSGK_INFO, m);
		free(m);
	} else {
		app_message(app, MSGK_ERROR, strbuf_str(&err.message));
	}
	strbuf_free(&path);
	strbuf_free(&dir);
	db_error_free(&err);
	return SCR_HANDLED;
}

static int view_action(struct app *app, void *state, enum action_id a)
{
	struct report_view *st = state;
	struct rect r = app_content();
	switch (a) {
	case ACT_BACK: return SCR_POP;
	/* a run is cancelled in view_key; afterwards Esc is ACT_BACK (listed
	 * first) and ^C, the other key of the cancel, quits as everywhere */
	case ACT_REPORT_CANCEL: return st->phase == P_RUNNING ? cancel(app, st) : SCR_QUIT;
	case ACT_REPORT_OPEN: return drill(app, st);
	case ACT_REPORT_EXPORT: return st->phase == P_DONE ? export(app, st) : SCR_HANDLED;
	case ACT_REPORT_FORMAT: {
		st->export_format = st->export_format == RF_XLSX  ? RF_CSV
		                    : st->export_format == RF_CSV ? RF_TEXT
		                                                  : RF_XLSX;
		char *m = trs(MSG_REPORT_EXPORT_AS, report_format_ext(st->export_format));
		app_message(app, MSGK_INFO, m);
		free(m);
		return SCR_HANDLED;
	}
	default: return st->t && table_action(st->t, a, r.h / 2) ? SCR_HANDLED : SCR_UNHANDLED;
	}
}

/* Cancel while the report runs, Esc back once it is in; export, drill
 * down and move once there is a table. */
static int view_offers(struct app *app, void *state, enum action_id a)
{
	struct report_view *st = state;
	(void)app;
	switch (a) {
	case ACT_REPORT_CANCEL: return st->phase == P_RUNNING;
	case ACT_BACK: return st->phase != P_RUNNING;
	case ACT_REPORT_EXPORT: return st->phase == P_DONE && st->t;
	case ACT_REPORT_OPEN: return drill_row(st) >= 0;
	default: break;
	}
	int nav = st->t ? listbox_offers(&st->t->lb, a) : 0;
	return nav != 0;
}

static const enum action_id view_actions[] = {
    ACT_REPORT_OPEN, ACT_REPORT_EXPORT, ACT_REPORT_FORMAT, ACT_BACK,  ACT_REPORT_CANCEL, ACT_UP,
    ACT_DOWN,        ACT_PAGE_UP,       ACT_PAGE_DOWN,     ACT_FIRST, ACT_LAST,          ACT_NONE};

/* The report, and the stations of a district: the same screen a level
 * down (the app does not open the screen on top again, so the drill-down is
 * a screen of its own). */
#define REPORT_VIEW(var, screen_name)                                                              \
	const struct screen var = {                                                                \
	    .name = screen_name,                                                                   \
	    .title = MSG_MENU_REPORT_SCREEN,                                                       \
	    .actions = view_actions,                                                               \
	    .enter = view_enter,                                                                   \
	    .leave = view_leave,                                                                   \
	    .draw = view_draw,                                                                     \
	    .key = view_key,                                                                       \
	    .action = view_action,                                                                 \
	    .offers = view_offers,                                                                 \
	    .tick = view_tick,                                                                     \
	};

REPORT_VIEW(screen_report_view, "report.view")
REPORT_VIEW(screen_report_stations, "report.stations")
