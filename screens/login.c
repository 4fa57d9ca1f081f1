/* The login screen: user name and masked password; the login is a libpq
 * connection as that PostgreSQL role. Each way it can fail has its own message. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/xalloc.h"
#include "screens/screens.h"
#include "ui/dialog.h"
#include "ui/field.h"
#include "ui/term.h"

struct login {
	struct field user, pass;
	int focus; /* 0 user, 1 password */
	char *target; /* where we connect, for display */
	struct dialog quit; /* Esc with something typed asks before quitting */
};

static void describe_target(struct app *app, struct strbuf *out)
{
	char *err = NULL;
	const char *host = NULL, *db = NULL, *port = NULL;
	PQconninfoOption *opts = PQconninfoParse(app->db.conninfo, &err);
	for (PQconninfoOption *o = opts; o && o->keyword; o++) {
		if (!o->val || !*o->val)
			continue;
		if (strcmp(o->keyword, "host") == 0 || (strcmp(o->keyword, "service") == 0 && !host))
			host = o->val;
		else if (strcmp(o->keyword, "dbname") == 0)
			db = o->val;
		else if (strcmp(o->keyword, "port") == 0)
			port = o->val;
	}
	if (!host)
		host = getenv("PGHOST");
	if (!db)
		db = getenv("PGDATABASE");
	trf(out, MSG_LOGIN_TARGET, host ? host : tr(MSG_LOGIN_DEFAULT_HOST), port ? ":" : "",
	    port ? port : "", db ? db : tr(MSG_LOGIN_DEFAULT_DB));
	PQconninfoFree(opts);
	PQfreemem(err);
}

static void *login_enter(struct app *app, void *arg)
{
	struct login *st = xcalloc(1, sizeof *st);
	struct strbuf sb = STRBUF_INIT;
	(void)arg;
	field_init(&st->user, 0, 63);
	field_init(&st->pass, 1, 256);
	const char *u = app->initial_user ? app->initial_user : getenv("PGUSER");
	if (u)
		field_set(&st->user, u);
	st->focus = u && *u ? 1 : 0;
	describe_target(app, &sb);
	st->target = strbuf_detach(&sb);
	return st;
}

static void login_leave(struct app *app, void *state)
{
	struct login *st = state;
	(void)app;
	field_free(&st->user);
	field_free(&st->pass);
	free(st->target);
	dialog_close(&st->quit);
	free(st);
}

static void login_draw(struct app *app, void *state, const struct rect *r)
{
	struct login *st = state;
	int w = 56, x = r->x + (r->w - w) / 2, y = r->y + (r->h - 12) / 2;
	(void)app;
	term_text(y, x, w, tr(MSG_LOGIN_BUREAU), COL_NORMAL, ALIGN_CENTER);
	term_text(y + 1, x, w, tr(MSG_LOGIN_HEADING), COL_KEY, ALIGN_CENTER);
	term_text(y + 4, x, 10, tr(MSG_LOGIN_USER), COL_NORMAL, ALIGN_RIGHT);
	term_text(y + 6, x, 10, tr(MSG_LOGIN_PASSWORD), COL_NORMAL, ALIGN_RIGHT);
	term_text(y + 9, x, w, st->target, COL_DIM, ALIGN_CENTER);
	term_text(y + 10, x, w, tr(MSG_LOGIN_HINT), COL_DIM, ALIGN_CENTER);
	/* The focused field last, so the cursor stays in it. */
	field_draw(&st->user, y + 4, x + 12, w - 14, 0);
	field_draw(&st->pass, y + 6, x + 12, w - 14, 0);
	if (st->focus == 0)
		field_draw(&st->user, y + 4, x + 12, w - 14, 1);
	else
		field_draw(&st->pass, y + 6, x + 12, w - 14, 1);
	dialog_draw(&st->quit, r);
}

static void fail(struct app *app, struct login *st, const char *msg, int focus)
{
	app_message(app, MSGK_ERROR, msg);
	field_clear(&st->pass);
	st->focus = focus;
}

/* Connects and checks the staff record. Returns 1 on success. */
static int try_login(struct app *app, struct login *st)
{
	struct db_error err;
	int ok = 0;
	db_error_init(&err);
	db_set_login(&app->db, field_text(&st->user), field_text(&st->pass));
	enum db_fail why = db_connect(&app->db, &err);
	if (why != DB_FAIL_NONE) {
		fail(app, st, strbuf_str(&err.message), why == DB_FAIL_REJECTED ? 0 : 1);
		goto cleanup;
	}
	if (session_load(&app->session, &app->db, &err) != ST_OK) {
		fail(app, st, strbuf_str(&err.message), 0);
		goto cleanup;
	}
	if (!app->session.has_staff || strcmp(app->session.status, "active") != 0) {
		char *m = trs(app->session.has_staff ? MSG_LOGIN_NOT_ACTIVE : MSG_LOGIN_NO_STAFF,
			      app->session.login);
		fail(app, st, m, 0);
		free(m);
		goto cleanup;
	}
	ok = 1;
cleanup:
	if (!ok) {
		db_disconnect(&app->db);
		db_set_login(&app->db, NULL, NULL);
		session_free(&app->session);
	}
	db_error_free(&err);
	return ok;
}

static int login_submit(struct app *app, struct login *st)
{
	if (!*field_text(&st->user)) {
		app_message(app, MSGK_ERROR, tr(MSG_LOGIN_NEED_USER));
		st->focus = 0;
		return SCR_HANDLED;
	}
	if (!*field_text(&st->pass)) {
		app_message(app, MSGK_ERROR, tr(MSG_LOGIN_NEED_PASSWORD));
		st->focus = 1;
		return SCR_HANDLED;
	}
	app_message(app, MSGK_INFO, tr(MSG_LOGIN_CONNECTING));
	if (!try_login(app, st))
		return SCR_HANDLED;
	app->logged_in = 1;
	field_clear(&st->pass);
	st->focus = 1;
	strbuf_reset(&app->message);
	log_info("login %s", app->session.login);
	app_push(app, &screen_menu, NULL);
	return SCR_HANDLED;
}

static int login_key(struct app *app, void *state, const struct key *k)
{
	struct login *st = state;
	(void)app;
	if (dialog_open(&st->quit))
		return dialog_key(&st->quit, k) == DIALOG_YES ? SCR_QUIT : SCR_HANDLED;
	return field_key(st->focus ? &st->pass : &st->user, k) ? SCR_HANDLED : SCR_UNHANDLED;
}

static int login_action(struct app *app, void *state, enum action_id a)
{
	struct login *st = state;
	switch (a) {
	case ACT_LOGIN:
		if (st->focus == 0 && !*field_text(&st->pass)) {
			st->focus = 1;
			return SCR_HANDLED;
		}
		return login_submit(app, st);
	case ACT_NEXT_FIELD: st->focus = 1; return SCR_HANDLED;
	case ACT_PREV_FIELD: st->focus = 0; return SCR_HANDLED;
	case ACT_BACK:
		/* Esc never throws away what is typed without asking */
		if (!*field_text(&st->user) && !*field_text(&st->pass))
			return SCR_QUIT;
		dialog_ask(&st->quit, tr(MSG_LOGIN_QUIT_ASK), 0, 0);
		return SCR_HANDLED;
	default: return SCR_UNHANDLED;
	}
}

/* Both fields take text; Tab goes to the password, BTab back to the user. */
static int login_typing(struct app *app, void *state)
{
	(void)app;
	(void)state;
	return 1;
}

static int login_offers(struct app *app, void *state, enum action_id a)
{
	struct login *st = state;
	(void)app;
	if (a == ACT_NEXT_FIELD)
		return st->focus == 0;
	if (a == ACT_PREV_FIELD)
		return st->focus == 1;
	return 1;
}

static const enum action_id login_actions[] = {ACT_LOGIN, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_BACK,
					       ACT_NONE};

const struct screen screen_login = {
    .name = "login",
    .title = MSG_LOGIN_TITLE,
    .actions = login_actions,
    .enter = login_enter,
    .leave = login_leave,
    .draw = login_draw,
    .key = login_key,
    .action = login_action,
    .typing = login_typing,
    .offers = login_offers,
};
