#include "ui/frame.h"

#include <curses.h>
#include <stdlib.h>
#include <time.h>

#include "base/xalloc.h"
#include "ui/keyline.h"
#include "ui/term.h"

int frame_too_small(void)
{
	return COLS < FRAME_MIN_COLS || LINES < FRAME_MIN_ROWS;
}

static void draw_too_small(void)
{
	char *lines[3];
	lines[0] = trs(MSG_FRAME_TOO_SMALL);
	lines[1] = trs(MSG_FRAME_NEED_SIZE, FRAME_MIN_COLS, FRAME_MIN_ROWS);
	lines[2] = trs(MSG_FRAME_CURRENT_SIZE, COLS, LINES);
	int top = LINES / 2 - 1;
	for (int i = 0; i < 3; i++) {
		if (top + i >= 0 && top + i < LINES)
			term_text(top + i, 0, COLS, lines[i], i ? COL_NORMAL : COL_ERROR, ALIGN_CENTER);
		free(lines[i]);
	}
}

static void draw_title(struct app *app)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, " %s", tr(MSG_APP_NAME));
	for (int i = 0; i < app->depth; i++)
		strbuf_addf(&sb, " %s %s", tr(MSG_FRAME_CRUMB), tr(app->stack[i].screen->title));
	term_text(0, 0, COLS, strbuf_str(&sb), COL_TITLE, ALIGN_LEFT);
	strbuf_free(&sb);
}

/* Whether the key line may offer action id of screen s (tail: a global
 * action after the screen's own) to this operator now. */
static int offered(struct app *app, const struct screen *s, enum action_id id, int tail)
{
	const struct action *a = action_get(id);
	if (a->prio == PRIO_NEVER || !a->keys || !app_offered(app, id))
		return 0;
	if (!tail)
		return 1;
	for (const enum action_id *q = s->actions; q && *q != ACT_NONE; q++)
		if (*q == id)
			return 0; /* the screen lists it among its own */
	return 1;
}

/* One key of the key line, "Esc/q 返回" ("Esc 返回" while a text field has
 * the focus): its keys appended to sb, its width returned with the gap
 * after it; 0 when none of its keys works now. */
static int key_text(struct app *app, const struct action *a, struct strbuf *keys)
{
	if (!app_keys_shown(app, a->id, keys))
		return 0;
	return width_str(strbuf_str(keys)) + 1 + width_str(tr(a->label)) + 2;
}

/* The key line: the screen's actions and then the global ones the operator
 * may use now; when not all fit, the most important (keyline_choose), in
 * the same order. */
static void draw_keys(struct app *app, int y)
{
	static const enum action_id tail[] = {ACT_HELP, ACT_LANGUAGE, ACT_QUIT, ACT_NONE};
	const struct screen *s = app->stack[app->depth - 1].screen;
	const enum action_id *lists[] = {s->actions, tail};
	int cap = 0, n = 0, x = 0;
	for (int l = 0; l < 2; l++)
		for (const enum action_id *p = lists[l]; p && *p != ACT_NONE; p++)
			cap++;
	enum action_id *ids = xcalloc((size_t)cap + 1, sizeof *ids);
	struct keyline_item *items = xcalloc((size_t)cap + 1, sizeof *items);
	int *chosen = xcalloc((size_t)cap + 1, sizeof *chosen);
	for (int l = 0; l < 2; l++)
		for (const enum action_id *p = lists[l]; p && *p != ACT_NONE; p++) {
			if (!offered(app, s, *p, l == 1))
				continue;
			struct strbuf k = STRBUF_INIT;
			ids[n] = *p;
			items[n].prio = action_get(*p)->prio;
			items[n].width = key_text(app, action_get(*p), &k);
			n += items[n].width > 0;
			strbuf_free(&k);
		}
	keyline_choose(items, n, COLS, chosen);
	term_fill(y, 0, COLS, COL_NORMAL);
	for (int i = 0; i < n; i++) {
		if (!chosen[i])
			continue;
		const struct action *a = action_get(ids[i]);
		struct strbuf k = STRBUF_INIT;
		key_text(app, a, &k);
		x += term_clip(y, x, COLS - x, strbuf_str(&k), COL_KEY) + 1;
		x += term_clip(y, x, COLS - x, tr(a->label), COL_NORMAL) + 2;
		strbuf_free(&k);
	}
	free(ids);
	free(items);
	free(chosen);
}

static void add_conn_state(struct app *app, struct strbuf *sb)
{
	enum msg_id m = MSG_STATUS_DISCONNECTED;
	if (app->logged_in)
		m = app->db.state == DB_UP ? MSG_STATUS_CONNECTED : MSG_STATUS_LOST;
	strbuf_add(sb, tr(m));
	/* where heavy reads go, while they go elsewhere than the primary */
	const char *reports = app->logged_in ? db_reports_label(&app->reports) : NULL;
	if (reports)
		strbuf_addf(sb, " \xe2\x94\x82 %s", reports); /* │ */
}

static void draw_status(struct app *app, int y)
{
	struct strbuf left = STRBUF_INIT, right = STRBUF_INIT;
	const char *sep = " \xe2\x94\x82 "; /* │ */
	if (app->logged_in) {
		struct session *s = &app->session;
		if (s->full_name[0])
			strbuf_addf(&left, " %s (%s)", s->full_name, s->login);
		else
			strbuf_addf(&left, " %s", s->login);
		strbuf_addf(&left, "%s%s%s", sep, s->org_short_name[0] ? s->org_short_name : "-", sep);
		if (s->roles)
			role_mask_text(s->roles, &left);
		else
			strbuf_add(&left, "-");
	} else {
		strbuf_addf(&left, " %s", tr(MSG_STATUS_NOT_LOGGED_IN));
	}
	char clock[32];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(clock, sizeof clock, "%Y-%m-%d %H:%M", &tm);
	strbuf_add(&right, sep);
	add_conn_state(app, &right);
	strbuf_addf(&right, "%s%s ", sep, clock);
	int rw = width_str(strbuf_str(&right));
	/* the calendar warning (admins, supervisors) stands between the two */
	char *warn = app->logged_in && app->session.calendar.warn
	                 ? calendar_warning_short(&app->session.calendar)
	                 : NULL;
	int ww = warn ? width_str(warn) + 3 : 0;
	if (ww && ww > COLS - rw - 20)
		ww = 0;
	term_text(y, 0, COLS - rw - ww, strbuf_str(&left), COL_STATUS, ALIGN_LEFT);
	if (ww) {
		term_text(y, COLS - rw - ww, 3, sep, COL_STATUS, ALIGN_LEFT);
		term_text(y, COLS - rw - ww + 3, ww - 3, warn, COL_ERROR, ALIGN_LEFT);
	}
	free(warn);
	term_text(y, COLS - rw, rw, strbuf_str(&right),
		  app->logged_in && app->db.state != DB_UP ? COL_ERROR : COL_STATUS, ALIGN_LEFT);
	strbuf_free(&left);
	strbuf_free(&right);
}

void frame_draw(struct app *app)
{
	erase();
	curs_set(0);
	if (frame_too_small()) {
		draw_too_small();
		refresh();
		return;
	}
	draw_title(app);
	term_text(LINES - 3, 0, COLS, strbuf_str(&app->message),
		  app->message_kind == MSGK_ERROR ? COL_ERROR : COL_OK, ALIGN_LEFT);
	draw_keys(app, LINES - 2);
	draw_status(app, LINES - 1);
	struct rect r = app_content();
	const struct screen *s = app->stack[app->depth - 1].screen;
	if (s->draw)
		s->draw(app, app->stack[app->depth - 1].state, &r);
	refresh();
}
