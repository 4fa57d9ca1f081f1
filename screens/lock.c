/* The idle lock: after ui.idle_lock_minutes without a key the console hides
 * its screens until the operator gives the password again, checked by the
 * server (a fresh connection as the same role). Esc logs out instead. */
#include <stdlib.h>

#include "base/log.h"
#include "base/xalloc.h"
#include "screens/screens.h"
#include "ui/field.h"
#include "ui/term.h"

struct lock {
	struct field pass;
};

static void *lock_enter(struct app *app, void *arg)
{
	struct lock *st = xcalloc(1, sizeof *st);
	(void)app;
	(void)arg;
	field_init(&st->pass, 1, 256);
	return st;
}

static void lock_leave(struct app *app, void *state)
{
	struct lock *st = state;
	(void)app;
	field_free(&st->pass);
	free(st);
}

static void lock_draw(struct app *app, void *state, const struct rect *r)
{
	struct lock *st = state;
	int w = 56, x = r->x + (r->w - w) / 2, y = r->y + (r->h - 8) / 2;
	char *who = trs(MSG_LOCK_WHO, app->session.full_name, app->session.login);
	term_text(y, x, w, tr(MSG_LOCK_HEADING), COL_KEY, ALIGN_CENTER);
	term_text(y + 2, x, w, who, COL_NORMAL, ALIGN_CENTER);
	term_text(y + 4, x, 10, tr(MSG_LOGIN_PASSWORD), COL_NORMAL, ALIGN_RIGHT);
	term_text(y + 6, x, w, tr(MSG_LOCK_HINT), COL_DIM, ALIGN_CENTER);
	field_draw(&st->pass, y + 4, x + 12, w - 14, 1);
	free(who);
}

static int lock_key(struct app *app, void *state, const struct key *k)
{
	struct lock *st = state;
	(void)app;
	return field_key(&st->pass, k) ? SCR_HANDLED : SCR_UNHANDLED;
}

/* Checks the password with the server. Returns 1 when it is right. */
static int password_ok(struct app *app, const char *password, struct db_error *err)
{
	struct db probe;
	db_init(&probe, app->db.conninfo, app->db.connect_timeout, 0);
	db_set_login(&probe, app->session.login, password);
	int ok = db_connect(&probe, err) == DB_FAIL_NONE;
	db_free(&probe);
	return ok;
}

static int unlock(struct app *app, struct lock *st)
{
	struct db_error err;
	if (!*field_text(&st->pass)) {
		app_message(app, MSGK_ERROR, tr(MSG_LOGIN_NEED_PASSWORD));
		return SCR_HANDLED;
	}
	db_error_init(&err);
	int ok;
	if (app->auth_rejected) {
		/* the password changed under a running console: the reconnection
		 * with the new one is the check, one login rather than two */
		db_set_login(&app->db, app->session.login, field_text(&st->pass));
		ok = db_reconnect(&app->db, &err) == 0;
		app->auth_rejected = !ok;
		if (ok)
			app_message(app, MSGK_INFO, tr(MSG_APP_RECONNECTED));
	} else {
		ok = password_ok(app, field_text(&st->pass), &err);
	}
	field_clear(&st->pass);
	if (!ok) {
		app_message(app, MSGK_ERROR, strbuf_str(&err.message));
		log_warn("unlock failed for %s", app->session.login);
		db_error_free(&err);
		return SCR_HANDLED;
	}
	db_error_free(&err);
	app->locked = 0;
	/* an admin's reset under a running console: the new password is theirs to change */
	session_load_password_due(&app->session, &app->db);
	log_info("unlocked %s", app->session.login);
	return SCR_POP;
}

static int lock_action(struct app *app, void *state, enum action_id a)
{
	switch (a) {
	case ACT_LOGIN: return unlock(app, state);
	case ACT_LOGOUT:
		app_logout(app);
		app_pop_to(app, 1);
		return SCR_HANDLED;
	default: return SCR_UNHANDLED;
	}
}

static const enum action_id lock_actions[] = {ACT_LOGIN, ACT_LOGOUT, ACT_NONE};

const struct screen screen_lock = {
	.name = "lock",
	.title = MSG_LOCK_TITLE,
	.actions = lock_actions,
	.enter = lock_enter,
	.leave = lock_leave,
	.draw = lock_draw,
	.key = lock_key,
	.action = lock_action,
};
