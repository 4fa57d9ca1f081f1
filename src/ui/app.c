#include "ui/app.h"

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/log.h"
#include "base/outfile.h"
#include "base/xalloc.h"
#include "db/listen.h"
#include "ui/field.h"
#include "ui/frame.h"
#include "ui/keylog.h"
#include "ui/keymap.h"
#include "ui/term.h"

extern const struct screen screen_login;
extern const struct screen screen_help;
extern const struct screen screen_lock;
extern const struct screen screen_password;

const enum action_id app_global_actions[] = {ACT_HELP, ACT_QUIT, ACT_REDRAW, ACT_LANGUAGE,
                                             ACT_NONE};

void app_init(struct app *app, struct conf *conf)
{
	memset(app, 0, sizeof *app);
	app->conf = conf;
	db_init(&app->db, conf->db_conninfo, conf->db_connect_timeout,
		conf->db_statement_timeout);
	app->db.notices_to_log = 1;
	session_init(&app->session);
	strbuf_init(&app->message);
}

void app_free(struct app *app)
{
	app_pop_to(app, 0);
	db_reports_close(&app->reports);
	free(app->subs);
	db_free(&app->db);
	session_free(&app->session);
	strbuf_free(&app->message);
}

/* Cancels what the screen state has in flight, on the operator's connection
 * and on the report server's. */
static void cancel_owned(struct app *app, void *state)
{
	db_async_cancel_owned(&app->db, state);
	if (app->reports.use == &app->reports.own)
		db_async_cancel_owned(&app->reports.own, state);
}

int app_push(struct app *app, const struct screen *s, void *arg)
{
	/* the same screen twice on top (F1 on the help page) is one screen */
	if (app->depth > 0 && app->stack[app->depth - 1].screen == s)
		return 0;
	/* the last place is the idle lock's: locking never waits for room */
	if (app->depth >= APP_MAX_DEPTH - (s == &screen_lock ? 0 : 1)) {
		app_message(app, MSGK_ERROR, tr(MSG_APP_TOO_DEEP));
		log_warn("screen %s not opened: %d screens are open", s->name, app->depth);
		return -1;
	}
	/* the covered screen cannot collect a result: its request goes */
	if (app->depth > 0)
		cancel_owned(app, app->stack[app->depth - 1].state);
	app->stack[app->depth].screen = s;
	app->stack[app->depth].state = s->enter ? s->enter(app, arg) : NULL;
	app->depth++;
	log_debug("screen %s opened", s->name);
	keylog_event("open", s->name, app->depth);
	return 0;
}

void app_pop_to(struct app *app, int depth)
{
	while (app->depth > depth) {
		app->depth--;
		const struct screen *s = app->stack[app->depth].screen;
		void *state = app->stack[app->depth].state;
		cancel_owned(app, state);
		app_unsubscribe(app, state, NULL);
		if (s->leave)
			s->leave(app, state);
		keylog_event("close", s->name, app->depth + 1);
	}
}

int app_subscribe(struct app *app, void *state, const char *channel)
{
	if (!db_channel_valid(channel))
		return -1;
	for (int i = 0; i < app->nsubs; i++)
		if (app->subs[i].state == state && strcmp(app->subs[i].channel, channel) == 0)
			return 0;
	if (db_listen(&app->db, channel) != 0)
		return -1;
	app->subs = xrealloc(app->subs, sizeof *app->subs * (size_t)(app->nsubs + 1));
	app->subs[app->nsubs].state = state;
	app->subs[app->nsubs].channel = xstrdup(channel);
	app->nsubs++;
	return 0;
}

void app_unsubscribe(struct app *app, void *state, const char *channel)
{
	int j = 0;
	for (int i = 0; i < app->nsubs; i++) {
		struct app_sub *sub = &app->subs[i];
		if (sub->state == state && (!channel || strcmp(sub->channel, channel) == 0)) {
			db_unlisten(&app->db, sub->channel);
			free(sub->channel);
		} else {
			app->subs[j++] = *sub;
		}
	}
	app->nsubs = j;
}

int app_dispatch(struct app *app, const char *channel, const char *payload)
{
	int n = 0;
	for (int d = 0; d < app->depth; d++) {
		const struct screen *s = app->stack[d].screen;
		void *state = app->stack[d].state;
		if (!s->notify)
			continue;
		for (int i = 0; i < app->nsubs; i++)
			if (app->subs[i].state == state &&
			    strcmp(app->subs[i].channel, channel) == 0) {
				s->notify(app, state, channel, payload ? payload : "");
				n++;
				break;
			}
	}
	app->notified++;
	return n;
}

void app_message(struct app *app, enum msg_kind kind, const char *text)
{
	strbuf_reset(&app->message);
	strbuf_add(&app->message, text);
	app->message_kind = kind;
}

void app_logout(struct app *app)
{
	if (app->logged_in)
		log_info("logout %s", app->session.login);
	db_reports_close(&app->reports);
	db_disconnect(&app->db);
	db_set_login(&app->db, NULL, NULL);
	session_free(&app->session);
	app->logged_in = 0;
	app->locked = 0;
	app->auth_rejected = 0;
}

long long app_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void app_wake_in(struct app *app, int ms)
{
	long long at = app_now_ms() + ms;
	if (!app->wake_ms || at < app->wake_ms)
		app->wake_ms = at;
}

struct rect app_content(void)
{
	struct rect r = {1, 0, LINES - 4, COLS};
	return r;
}

enum action_refusal app_refusal(struct app *app, enum action_id id)
{
	const struct action *a = action_get(id);
	if (!a)
		return ACTION_NEEDS_ROLE;
	const struct session *se = &app->session;
	struct action_ctx c = {.logged_in = app->logged_in};
	if (app->logged_in) {
		c.has_staff = se->has_staff;
		c.active = se->status && strcmp(se->status, "active") == 0;
		c.password_due = se->password_change_due;
		c.owner = se->is_owner;
		c.roles = se->roles;
	}
	if ((a->pre & PRE_SELECTION) && app->depth > 0) {
		const struct screen *s = app->stack[app->depth - 1].screen;
		c.has_selection =
		    s->has_selection && s->has_selection(app, app->stack[app->depth - 1].state);
	}
	return action_check(a, &c);
}

int app_allowed(struct app *app, enum action_id id)
{
	return app_refusal(app, id) == ACTION_OK;
}

static int own_action(const struct screen *s, enum action_id id)
{
	for (const enum action_id *p = s->actions; p && *p != ACT_NONE; p++)
		if (*p == id)
			return 1;
	return 0;
}

int app_offered(struct app *app, enum action_id id)
{
	if (!app_allowed(app, id))
		return 0;
	const struct screen *s = app->stack[app->depth - 1].screen;
	void *st = app->stack[app->depth - 1].state;
	if (s->offers && own_action(s, id))
		return s->offers(app, st, id);
	return 1;
}

int app_typing(struct app *app)
{
	const struct screen *s = app->stack[app->depth - 1].screen;
	return s->typing && s->typing(app, app->stack[app->depth - 1].state);
}

int app_keys_shown(struct app *app, enum action_id id, struct strbuf *out)
{
	const struct action *a = action_get(id);
	return a ? key_spec_show(a->keys, app_typing(app) ? field_takes : NULL, out) : 0;
}

static void apply(struct app *app, int flags)
{
	if (flags & SCR_QUIT)
		app->quit = 1;
	else if (flags & SCR_POP)
		app_pop_to(app, app->depth - 1);
}

static int global_action(struct app *app, enum action_id id)
{
	switch (id) {
	case ACT_HELP:
		app_push(app, &screen_help, (void *)app->stack[app->depth - 1].screen);
		return 1;
	case ACT_QUIT: app->quit = 1; return 1;
	case ACT_REDRAW: clearok(curscr, TRUE); return 1;
	case ACT_LANGUAGE:
		i18n_set_language(i18n_language() == LANG_ZH ? "en" : "zh");
		return 1;
	default: return 0;
	}
}

enum action_id app_key_action(const enum action_id *list, const struct key *k)
{
	for (const enum action_id *p = list; p && *p != ACT_NONE; p++)
		if (keymap_matches(k, *p))
			return *p;
	return ACT_NONE;
}

/* The action k means on the top screen, or ACT_NONE. */
static enum action_id lookup(const struct screen *s, const struct key *k)
{
	enum action_id id = app_key_action(s->actions, k);
	return id != ACT_NONE ? id : app_key_action(app_global_actions, k);
}

static void refuse(struct app *app, enum action_id id)
{
	const struct action *a = action_get(id);
	int no_row = app_refusal(app, id) == ACTION_NEEDS_SELECTION;
	char *msg = trs(no_row ? MSG_APP_NEEDS_SELECTION : MSG_APP_NOT_ALLOWED, tr(a->label));
	app_message(app, MSGK_ERROR, msg);
	free(msg);
}

/* What flags from a screen handler mean, for the key log. */
static const char *outcome(int flags)
{
	if (flags & SCR_QUIT)
		return "quit";
	if (flags & SCR_POP)
		return "pop";
	return flags ? "handled" : "unhandled";
}

static const char *action_name(enum action_id id)
{
	const struct action *a = action_get(id);
	return a ? a->name : NULL;
}

static void handle_key(struct app *app, const struct key *k)
{
	strbuf_reset(&app->message);
	if (frame_too_small()) {
		if (key_matches(k, "F10 ^C"))
			app->quit = 1;
		return;
	}
	const struct screen *s = app->stack[app->depth - 1].screen;
	void *st = app->stack[app->depth - 1].state;
	if (s->key) {
		int flags = s->key(app, st, k);
		if (flags) {
			keylog_key(s->name, k, action_name(app_key_action(s->actions, k)), "own");
			apply(app, flags);
			return;
		}
	}
	enum action_id id = lookup(s, k);
	if (id == ACT_NONE) {
		keylog_key(s->name, k, NULL, "unbound");
		return;
	}
	if (!app_allowed(app, id)) {
		keylog_key(s->name, k, action_name(id), "refused");
		refuse(app, id);
		return;
	}
	if (global_action(app, id)) {
		keylog_key(s->name, k, action_name(id), "global");
		return;
	}
	int flags = s->action ? s->action(app, st, id) : 0;
	keylog_key(s->name, k, action_name(id), outcome(flags));
	apply(app, flags);
}

static void check_db(struct app *app)
{
	if (!app->logged_in)
		return;
	time_t now = time(NULL);
	if (app->db.state == DB_UP && app->db.conn) {
		db_pump(&app->db);
		/* the loss is drawn first; the first try to connect again comes a second later */
		if (app->db.state != DB_UP) {
			app->last_reconnect = now - 4;
			return;
		}
		PGnotify *n;
		while ((n = db_notify_next(&app->db))) {
			log_debug("notification on %s: %s", n->relname, n->extra);
			app_dispatch(app, n->relname, n->extra);
			PQfreemem(n);
		}
		db_listen_sync(&app->db);
	}
	if (app->db.state == DB_LOST && !app->auth_rejected && now - app->last_reconnect >= 5) {
		struct db_error err;
		db_error_init(&err);
		app->last_reconnect = now;
		int r = db_reconnect(&app->db, &err);
		if (r == 0) {
			db_listen_sync(&app->db); /* every channel again, at once */
			app_message(app, MSGK_INFO, tr(MSG_APP_RECONNECTED));
		} else if (r == 1) {
			/* retrying a password the server refused would lock the account */
			log_warn(
			    "the server refused the saved login of %s: asking for the password",
			    app->session.login);
			app->auth_rejected = 1;
			if (!app->locked)
				app->locked = app_push(app, &screen_lock, NULL) == 0;
			app_message(app, MSGK_ERROR, tr(MSG_APP_AUTH_REJECTED));
		} else if (err.status == ST_DENIED) {
			/* suspended (or no longer staff): say why and go back to the login */
			log_warn("the server refuses %s now: %s", app->session.login,
			         strbuf_str(&err.detail));
			app_logout(app);
			app_pop_to(app, 1);
			app_message(app, MSGK_ERROR, strbuf_str(&err.message));
		}
		db_error_free(&err);
	}
}

static void wait_input(struct app *app)
{
	struct pollfd fds[3] = {{STDIN_FILENO, POLLIN, 0}, {-1, POLLIN, 0}, {-1, POLLIN, 0}};
	int n = 1;
	if (app->logged_in && app->db.state == DB_UP && app->db.conn)
		fds[n++].fd = PQsocket(app->db.conn);
	/* a report running on the report server answers there */
	struct db *rep = &app->reports.own;
	if (app->logged_in && app->reports.use == rep && rep->state == DB_UP && rep->conn &&
	    rep->async_pending)
		fds[n++].fd = PQsocket(rep->conn);
	int timeout = 1000;
	if (app->wake_ms) {
		long long left = app->wake_ms - app_now_ms();
		timeout = left < 0 ? 0 : left < timeout ? (int)left : timeout;
	}
	if (poll(fds, (nfds_t)n, timeout) < 0 && errno != EINTR)
		log_warn("poll: %s", strerror(errno));
}

/* After ui.idle_lock_minutes without a key, the console locks until the
 * operator gives the password again; the screens underneath keep their state. */
/* A password an admin set is changed before anything else: the password
 * screen stays on top (after the login, after an unlock) until it is. */
/* A password that must change: the password screen, unless it is open
 * already (under its F1 page, say). */
static void check_password_due(struct app *app)
{
	if (!app->logged_in || app->locked || !app->session.password_change_due)
		return;
	for (int i = 0; i < app->depth; i++)
		if (app->stack[i].screen == &screen_password)
			return;
	if (app->depth > 0)
		app_push(app, &screen_password, NULL);
}

static void check_idle(struct app *app)
{
	double minutes = app->conf->ui_idle_lock_minutes;
	if (!app->logged_in || app->locked || minutes <= 0)
		return;
	if (app_now_ms() - app->last_key_ms >= (long long)(minutes * 60000.0)) {
		log_info("idle lock for %s", app->session.login);
		app->locked = app_push(app, &screen_lock, NULL) == 0;
	}
}

/* SMCON_DRAW_LOG=FILE (for bench/rescue_board.sh): each frame's draw time,
 * from erase() to refresh(), appended to FILE as "screen microseconds",
 * one line a frame; one clock_gettime pair a frame, written after the
 * clock stopped. NULL when unset or the file cannot be opened (logged). */
static FILE *draw_log_open(void)
{
	const char *path = getenv("SMCON_DRAW_LOG");
	if (!path || !*path)
		return NULL;
	FILE *f = fopen(path, "a");
	if (!f) {
		log_warn("SMCON_DRAW_LOG %s: %s", path, strerror(errno));
		return NULL;
	}
	setvbuf(f, NULL, _IOLBF, 0);
	return f;
}

static void draw_frame(struct app *app, FILE *log)
{
	struct timespec t0, t1;
	if (!log) {
		frame_draw(app);
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	frame_draw(app);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long long us = (t1.tv_sec - t0.tv_sec) * 1000000LL + (t1.tv_nsec - t0.tv_nsec) / 1000;
	fprintf(log, "%s %lld\n", app->stack[app->depth - 1].screen->name, us);
}

int app_run(struct app *app)
{
	if (term_start(app->conf->ui_color) != 0)
		return ST_ERROR;
	FILE *draw_log = draw_log_open();
	keylog_open();
	app->last_key_ms = app_now_ms();
	app_push(app, &screen_login, NULL);
	while (!app->quit && app->depth > 0) {
		draw_frame(app, draw_log);
		wait_input(app);
		struct key k;
		while (!app->quit && app->depth > 0 && key_read(&k)) {
			app->last_key_ms = app_now_ms();
			handle_key(app, &k);
		}
		check_db(app);
		check_idle(app);
		check_password_due(app);
		if (app->wake_ms && app_now_ms() >= app->wake_ms)
			app->wake_ms = 0;
		if (app->depth > 0) {
			const struct screen *s = app->stack[app->depth - 1].screen;
			if (s->tick)
				apply(app, s->tick(app, app->stack[app->depth - 1].state));
		}
	}
	term_stop();
	if (draw_log)
		fclose(draw_log);
	app_pop_to(app, 0);
	keylog_close();
	return app->status;
}

int app_audit_output(struct app *app, const struct audit_output *o)
{
	struct db_error err;
	db_error_init(&err);
	int bad = audit_output_note(&app->db, o, &err) != ST_OK;
	if (bad) {
		char *m = trs(MSG_APP_AUDIT_FAILED, strbuf_str(&err.message));
		app_message(app, MSGK_ERROR, m);
		free(m);
	}
	db_error_free(&err);
	return bad ? -1 : 0;
}

int app_export_dir(struct app *app, struct strbuf *dir)
{
	conf_export_dir(app->conf, dir);
	int e = outfile_mkdirs(strbuf_str(dir));
	if (e) {
		char *m = trs(MSG_APP_EXPORT_DIR_FAILED, strbuf_str(dir), strerror(e));
		app_message(app, MSGK_ERROR, m);
		free(m);
	}
	return e;
}
