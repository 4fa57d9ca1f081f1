/* The account forms: one screen per kind (new account, password, roles, org
 * unit), sharing fields and handlers. Tab, Down or Enter move on (Enter on
 * the last field saves), F5 or ^S saves, Esc leaves. Passwords are typed
 * twice into masked fields and wiped when the form closes. */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "domain/admin.h"
#include "domain/role.h"
#include "screens/admin_form.h"
#include "ui/field.h"
#include "ui/term.h"

enum fid { F_LOGIN, F_NAME, F_EMPNO, F_CREDNO, F_PHONE, F_ORG, F_ROLES, F_PW1, F_PW2, F_COUNT };

static const enum msg_id labels[F_COUNT] = {
	MSG_SEC_COL_LOGIN, MSG_SEC_COL_NAME, MSG_SEC_COL_EMPNO,    MSG_SEC_COL_CREDNO,
	MSG_SEC_COL_PHONE, MSG_SEC_COL_ORG,  MSG_SEC_COL_ROLES,    MSG_SEC_FORM_PASSWORD,
	MSG_SEC_FORM_PASSWORD_AGAIN};

static const int add_fields[] = {F_LOGIN, F_NAME, F_EMPNO, F_CREDNO, F_PHONE,
				 F_ORG,	  F_ROLES, F_PW1,  F_PW2};
static const int passwd_fields[] = {F_PW1, F_PW2};
static const int roles_fields[] = {F_ROLES};
static const int org_fields[] = {F_ORG};

struct form {
	enum admin_form_kind kind;
	char *login, *full_name;
	unsigned roles;
	int *changed;
	struct field f[F_COUNT];
	const int *order;
	int n, focus; /* focus indexes order */
};

static void *form_enter(struct app *app, void *arg)
{
	const struct admin_form_arg *a = arg;
	struct form *st = xcalloc(1, sizeof *st);
	struct strbuf roles = STRBUF_INIT;
	(void)app;
	st->kind = a->kind;
	st->login = xstrdup(a->login ? a->login : "");
	st->full_name = xstrdup(a->full_name ? a->full_name : "");
	st->roles = a->roles;
	st->changed = a->changed;
	for (int i = 0; i < F_COUNT; i++)
		field_init(&st->f[i], i == F_PW1 || i == F_PW2, 256);
	field_set(&st->f[F_ORG], a->org_code ? a->org_code : "");
	if (a->kind == FORM_ROLES) {
		admin_roles_names(a->roles, &roles);
		field_set(&st->f[F_ROLES], strbuf_str(&roles));
	}
	strbuf_free(&roles);
	switch (a->kind) {
	case FORM_ADD: st->order = add_fields; st->n = F_COUNT; break;
	case FORM_PASSWD: st->order = passwd_fields; st->n = 2; break;
	case FORM_ROLES: st->order = roles_fields; st->n = 1; break;
	case FORM_ORG: st->order = org_fields; st->n = 1; break;
	}
	return st;
}

static void form_leave(struct app *app, void *state)
{
	struct form *st = state;
	(void)app;
	for (int i = 0; i < F_COUNT; i++)
		field_free(&st->f[i]);
	free(st->login);
	free(st->full_name);
	free(st);
}

static char *heading(const struct form *st)
{
	switch (st->kind) {
	case FORM_ADD: return trs(MSG_SEC_FORM_ADD_HEADING, field_text(&st->f[F_ORG]));
	case FORM_PASSWD: return trs(MSG_SEC_FORM_PASSWD_HEADING, st->full_name, st->login);
	case FORM_ROLES: return trs(MSG_SEC_FORM_ROLES_HEADING, st->full_name, st->login);
	default: return trs(MSG_SEC_FORM_ORG_HEADING, st->full_name, st->login);
	}
}

static void form_draw(struct app *app, void *state, const struct rect *r)
{
	struct form *st = state;
	int x = r->x + 2, lw = 16, fw = r->w - lw - 8 > 44 ? 44 : r->w - lw - 8, y = r->y + 1;
	char *h = heading(st);
	(void)app;
	term_text(y, x, r->w - 4, h, COL_KEY, ALIGN_LEFT);
	free(h);
	y += 2;
	for (int i = 0; i < st->n; i++, y += 2) {
		term_text(y, x, lw, tr(labels[st->order[i]]), COL_NORMAL, ALIGN_RIGHT);
		field_draw(&st->f[st->order[i]], y, x + lw + 2, fw, 0);
	}
	int hy = y;
	if (st->kind == FORM_ADD || st->kind == FORM_ROLES)
		term_text(hy++, x, r->w - 4, tr(MSG_SEC_FORM_ROLES_HINT), COL_DIM, ALIGN_LEFT);
	if (st->kind == FORM_ADD || st->kind == FORM_PASSWD)
		term_text(hy++, x, r->w - 4, tr(MSG_SEC_FORM_PASSWORD_HINT), COL_DIM, ALIGN_LEFT);
	if (st->kind == FORM_ADD || st->kind == FORM_ORG)
		term_text(hy, x, r->w - 4, tr(MSG_SEC_FORM_ORG_HINT), COL_DIM, ALIGN_LEFT);
	/* the focused field last, so that the cursor stays in it */
	field_draw(&st->f[st->order[st->focus]], r->y + 3 + 2 * st->focus, x + lw + 2, fw, 1);
}

static int form_key(struct app *app, void *state, const struct key *k)
{
	struct form *st = state;
	(void)app;
	return field_key(&st->f[st->order[st->focus]], k) ? SCR_HANDLED : SCR_UNHANDLED;
}

static const char *text(const struct form *st, enum fid f)
{
	return field_text(&st->f[f]);
}

/* Checks what the database cannot check for us; shows why not. */
static int form_valid(struct app *app, struct form *st, unsigned *roles)
{
	struct strbuf bad = STRBUF_INIT;
	char *m = NULL;
	if (st->kind == FORM_ADD)
		for (int i = 0; i < st->n && !m; i++) {
			int f = st->order[i];
			if (f != F_CREDNO && f != F_PHONE && !*text(st, f))
				m = trs(MSG_SEC_FORM_REQUIRED, tr(labels[f]));
		}
	if (!m && (st->kind == FORM_ADD || st->kind == FORM_ROLES) &&
	    admin_roles_parse(text(st, F_ROLES), roles, &bad) != 0)
		m = trs(MSG_SEC_BAD_ROLE, strbuf_str(&bad));
	if (!m && (st->kind == FORM_ADD || st->kind == FORM_PASSWD) &&
	    (!*text(st, F_PW1) || strcmp(text(st, F_PW1), text(st, F_PW2)) != 0))
		m = trs(MSG_SEC_PASSWORD_MISMATCH,
			st->kind == FORM_ADD ? text(st, F_LOGIN) : st->login);
	strbuf_free(&bad);
	if (!m)
		return 1;
	app_message(app, MSGK_ERROR, m);
	free(m);
	return 0;
}

static enum status form_submit(struct app *app, struct form *st, unsigned roles,
			       struct db_error *err, char **done)
{
	enum status rc = ST_OK;
	unsigned after = 0;
	switch (st->kind) {
	case FORM_ADD: {
		struct staff_new u = {text(st, F_LOGIN),  text(st, F_NAME),  text(st, F_EMPNO),
				      text(st, F_ORG),    text(st, F_CREDNO), text(st, F_PHONE),
				      roles};
		rc = admin_user_add(&app->db, &u, text(st, F_PW1), err);
		*done = trs(MSG_SEC_USER_ADDED, u.login, u.full_name, u.org_code);
		break;
	}
	case FORM_PASSWD:
		rc = admin_user_passwd(&app->db, st->login, text(st, F_PW1), err);
		*done = trs(MSG_SEC_USER_PASSWD, st->login);
		break;
	case FORM_ROLES:
		rc = admin_user_roles(&app->db, st->login, roles & ~st->roles, st->roles & ~roles,
				      &after, err);
		*done = trs(MSG_SEC_USER_ROLES_SET, st->login);
		break;
	case FORM_ORG:
		rc = admin_user_org(&app->db, st->login, text(st, F_ORG), err);
		*done = trs(MSG_SEC_USER_ORG, st->login, text(st, F_ORG));
		break;
	}
	return rc;
}

static int form_save(struct app *app, struct form *st)
{
	unsigned roles = 0;
	struct db_error err;
	char *done = NULL;
	if (!form_valid(app, st, &roles))
		return SCR_HANDLED;
	db_error_init(&err);
	enum status rc = form_submit(app, st, roles, &err, &done);
	app_message(app, rc == ST_OK ? MSGK_INFO : MSGK_ERROR,
		    rc == ST_OK ? done : strbuf_str(&err.message));
	free(done);
	db_error_free(&err);
	if (rc != ST_OK)
		return SCR_HANDLED;
	*st->changed = 1;
	return SCR_POP;
}

static int form_action(struct app *app, void *state, enum action_id a)
{
	struct form *st = state;
	switch (a) {
	case ACT_FORM_CANCEL: return SCR_POP;
	case ACT_FORM_SAVE: return form_save(app, st);
	case ACT_FORM_NEXT:
		if (st->focus == st->n - 1)
			return form_save(app, st);
		st->focus++;
		return SCR_HANDLED;
	case ACT_FORM_PREV:
		st->focus = st->focus > 0 ? st->focus - 1 : st->n - 1;
		return SCR_HANDLED;
	default: return SCR_UNHANDLED;
	}
}

static const enum action_id form_actions[] = {ACT_FORM_SAVE, ACT_FORM_CANCEL, ACT_FORM_NEXT,
					      ACT_FORM_PREV, ACT_NONE};

#define FORM_SCREEN(id, title_msg)                                                           \
	static const struct screen form_##id = {                                             \
		.name = "admin.form." #id,                                                   \
		.title = title_msg,                                                          \
		.actions = form_actions,                                                     \
		.enter = form_enter,                                                         \
		.leave = form_leave,                                                         \
		.draw = form_draw,                                                           \
		.key = form_key,                                                             \
		.action = form_action,                                                       \
	};

FORM_SCREEN(add, MSG_ACT_USER_ADD)
FORM_SCREEN(passwd, MSG_ACT_USER_PASSWD)
FORM_SCREEN(roles, MSG_ACT_USER_ROLES)
FORM_SCREEN(org, MSG_ACT_USER_ORG)

const struct screen *admin_form_screen(enum admin_form_kind kind)
{
	switch (kind) {
	case FORM_ADD: return &form_add;
	case FORM_PASSWD: return &form_passwd;
	case FORM_ROLES: return &form_roles;
	default: return &form_org;
	}
}
