/* The password change that an admin's create or reset asks for: right after
 * the login (or an unlock with a reset password) the console shows this
 * screen over the menu until the operator sets a password of their own
 * (api.password_change, sql/migrations/0189_security_password_change.sql).
 * Esc logs out. The database refuses everything else meanwhile, in psql as
 * here, so this screen is not the guard, only the way through. */
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/xalloc.h"
#include "screens/screens.h"
#include "ui/form.h"
#include "ui/term.h"

static const struct form_field_def defs[] = {
    {.name = "password",
     .label = MSG_PASSWORD_NEW,
     .kind = FK_TEXT,
     .required = FORM_REQUIRED,
     .max_bytes = 256,
     .masked = 1,
     .db_names = "密码"},
    {.name = "again",
     .label = MSG_PASSWORD_AGAIN,
     .kind = FK_TEXT,
     .required = FORM_REQUIRED,
     .max_bytes = 256,
     .masked = 1},
};

struct password {
	struct form form;
};

static void *password_enter(struct app *app, void *arg)
{
	struct password *st = xcalloc(1, sizeof *st);
	(void)app;
	(void)arg;
	form_init(&st->form, defs, 2, NULL, NULL);
	return st;
}

static void password_leave(struct app *app, void *state)
{
	struct password *st = state;
	(void)app;
	form_free(&st->form);
	free(st);
}

static void password_draw(struct app *app, void *state, const struct rect *r)
{
	struct password *st = state;
	char *why = trs(MSG_PASSWORD_WHY, app->session.login);
	term_text(r->y + 1, r->x + 2, r->w - 4, tr(MSG_PASSWORD_TITLE), COL_KEY, ALIGN_LEFT);
	term_text(r->y + 3, r->x + 2, r->w - 4, why, COL_NORMAL, ALIGN_LEFT);
	term_text(r->y + 4, r->x + 2, r->w - 4, tr(MSG_PASSWORD_RULES), COL_DIM, ALIGN_LEFT);
	struct rect f = {r->y + 6, r->x, r->h - 6, r->w};
	form_draw(&st->form, &f);
	free(why);
}

static int logout(struct app *app)
{
	log_info("password change declined by %s: logged out", app->session.login);
	app_logout(app);
	app_pop_to(app, 1);
	return SCR_HANDLED;
}

static int save(struct app *app, struct password *st)
{
	form_clear_errors(&st->form);
	if (form_validate(&st->form))
		return SCR_HANDLED;
	if (strcmp(form_value(&st->form, 0), form_value(&st->form, 1)) != 0) {
		form_set_error(&st->form, 1, tr(MSG_PASSWORD_MISMATCH));
		form_focus(&st->form, app, 1);
		return SCR_HANDLED;
	}
	const char *params[] = {form_value(&st->form, 0)};
	form_submit(&st->form, app, "SELECT api.password_change($1)", 1, params);
	return SCR_HANDLED;
}

static int password_key(struct app *app, void *state, const struct key *k)
{
	struct password *st = state;
	int r = form_key(&st->form, app, k);
	if (r & FORM_SUBMIT)
		return save(app, st);
	if (r & (SCR_POP | SCR_QUIT))
		return r & SCR_QUIT ? r : logout(app);
	return r;
}

static int password_action(struct app *app, void *state, enum action_id a)
{
	switch (a) {
	case ACT_PASSWORD_SAVE: return save(app, state);
	case ACT_LOGOUT: return logout(app);
	default: return SCR_UNHANDLED;
	}
}

static int password_tick(struct app *app, void *state)
{
	struct password *st = state;
	PGresult *res = NULL;
	if (form_tick(&st->form, app, &res) != FORM_DONE)
		return 0;
	PQclear(res);
	/* a reconnection from now on uses the new password */
	db_set_login(&app->db, app->session.login, form_value(&st->form, 0));
	app->session.password_change_due = 0;
	char *m = trs(MSG_SEC_PASSWORD_CHANGED, app->session.login);
	app_message(app, MSGK_INFO, m);
	free(m);
	log_info("password changed by %s", app->session.login);
	return SCR_POP;
}

static const enum action_id password_actions[] = {ACT_PASSWORD_SAVE, ACT_FORM_NEXT, ACT_FORM_PREV,
                                                  ACT_LOGOUT, ACT_NONE};

const struct screen screen_password = {
    .name = "password",
    .title = MSG_PASSWORD_TITLE,
    .actions = password_actions,
    .enter = password_enter,
    .leave = password_leave,
    .draw = password_draw,
    .key = password_key,
    .action = password_action,
    .tick = password_tick,
};
