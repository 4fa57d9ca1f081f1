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
#include "ui/form.h"
#include "ui/term.h"

enum fid { F_LOGIN, F_NAME, F_EMPNO, F_CREDNO, F_PHONE, F_ORG, F_ROLES, F_PW1, F_PW2, F_COUNT };

/* The roles, picked from a list by their names in the UI language; the
 * codes are the short names api.user_add and api.user_roles take. */
static const struct form_choice role_choices[] = {
    {"clerk", MSG_ROLE_CLERK},           {"inspector", MSG_ROLE_INSPECTOR},
    {"handler", MSG_ROLE_HANDLER},       {"dispatcher", MSG_ROLE_DISPATCHER},
    {"supervisor", MSG_ROLE_SUPERVISOR}, {"analyst", MSG_ROLE_ANALYST},
    {"admin", MSG_ROLE_ADMIN},           {NULL, 0}};

/* Every field an account form may have, in the order of enum fid; the
 * names are those of api.user_add's parameters and core.staff's columns. */
static const struct form_field_def all_defs[F_COUNT] = {
    {.name = "login", .label = MSG_SEC_COL_LOGIN, .required = FORM_REQUIRED, .max_bytes = 256},
    {.name = "full_name", .label = MSG_SEC_COL_NAME, .required = FORM_REQUIRED, .max_bytes = 256},
    {.name = "employee_no",
     .label = MSG_SEC_COL_EMPNO,
     .required = FORM_REQUIRED,
     .max_bytes = 256},
    {.name = "credential_no", .label = MSG_SEC_COL_CREDNO, .max_bytes = 256},
    {.name = "phone", .label = MSG_SEC_COL_PHONE, .max_bytes = 256},
    {.name = "org_code", .label = MSG_SEC_COL_ORG, .required = FORM_REQUIRED, .max_bytes = 256},
    {.name = "roles",
     .label = MSG_SEC_COL_ROLES,
     .kind = FK_MULTI,
     .required = FORM_REQUIRED,
     .choices = role_choices},
    {.name = "password",
     .label = MSG_SEC_FORM_PASSWORD,
     .required = FORM_REQUIRED,
     .max_bytes = 256,
     .masked = 1},
    {.name = "password_again",
     .label = MSG_SEC_FORM_PASSWORD_AGAIN,
     .required = FORM_REQUIRED,
     .max_bytes = 256,
     .masked = 1},
};

static const int add_fields[] = {F_LOGIN, F_NAME, F_EMPNO, F_CREDNO, F_PHONE,
				 F_ORG,	  F_ROLES, F_PW1,  F_PW2};
static const int passwd_fields[] = {F_PW1, F_PW2};
static const int roles_fields[] = {F_ROLES};
static const int org_fields[] = {F_ORG};

struct form_state {
	enum admin_form_kind kind;
	char *login, *full_name;
	unsigned roles;
	int *changed;
	struct form_field_def *defs; /* the kind's fields, copied from all_defs */
	int pos[F_COUNT];            /* a field's index in the form, -1 = not in it */
	struct form form;
};

static void *acct_enter(struct app *app, void *arg)
{
	const struct admin_form_arg *a = arg;
	struct form_state *st = xcalloc(1, sizeof *st);
	struct strbuf roles = STRBUF_INIT;
	const int *order = add_fields;
	int n = F_COUNT;
	(void)app;
	st->kind = a->kind;
	st->login = xstrdup(a->login ? a->login : "");
	st->full_name = xstrdup(a->full_name ? a->full_name : "");
	st->roles = a->roles;
	st->changed = a->changed;
	switch (a->kind) {
	case FORM_ADD: break;
	case FORM_PASSWD:
		order = passwd_fields;
		n = 2;
		break;
	case FORM_ROLES:
		order = roles_fields;
		n = 1;
		break;
	case FORM_ORG:
		order = org_fields;
		n = 1;
		break;
	}
	st->defs = xcalloc((size_t)n, sizeof *st->defs);
	for (int i = 0; i < F_COUNT; i++)
		st->pos[i] = -1;
	for (int i = 0; i < n; i++) {
		st->defs[i] = all_defs[order[i]];
		st->pos[order[i]] = i;
	}
	form_init(&st->form, st->defs, n, NULL, NULL); /* no drafts: passwords */
	if (st->pos[F_ORG] >= 0)
		form_set(&st->form, st->pos[F_ORG], a->org_code ? a->org_code : "");
	if (a->kind == FORM_ROLES) {
		admin_roles_names(a->roles, &roles);
		form_set(&st->form, st->pos[F_ROLES], strbuf_str(&roles));
	}
	strbuf_free(&roles);
	return st;
}

static void acct_leave(struct app *app, void *state)
{
	struct form_state *st = state;
	(void)app;
	form_free(&st->form);
	free(st->defs);
	free(st->login);
	free(st->full_name);
	free(st);
}

static const char *text(const struct form_state *st, enum fid f)
{
	return st->pos[f] >= 0 ? form_value(&st->form, st->pos[f]) : "";
}

static char *heading(const struct form_state *st)
{
	switch (st->kind) {
	case FORM_ADD: return trs(MSG_SEC_FORM_ADD_HEADING, text(st, F_ORG));
	case FORM_PASSWD: return trs(MSG_SEC_FORM_PASSWD_HEADING, st->full_name, st->login);
	case FORM_ROLES: return trs(MSG_SEC_FORM_ROLES_HEADING, st->full_name, st->login);
	default: return trs(MSG_SEC_FORM_ORG_HEADING, st->full_name, st->login);
	}
}

static void acct_draw(struct app *app, void *state, const struct rect *r)
{
	struct form_state *st = state;
	int x = r->x + 2, y = r->y + 1;
	char *h = heading(st);
	(void)app;
	term_text(y, x, r->w - 4, h, COL_KEY, ALIGN_LEFT);
	free(h);
	int hy = r->y + r->h - 3;
	if (st->kind == FORM_ADD || st->kind == FORM_ROLES)
		term_text(hy++, x, r->w - 4, tr(MSG_SEC_FORM_ROLES_HINT), COL_DIM, ALIGN_LEFT);
	if (st->kind == FORM_ADD || st->kind == FORM_PASSWD)
		term_text(hy++, x, r->w - 4, tr(MSG_SEC_FORM_PASSWORD_HINT), COL_DIM, ALIGN_LEFT);
	if (st->kind == FORM_ADD || st->kind == FORM_ORG)
		term_text(hy, x, r->w - 4, tr(MSG_SEC_FORM_ORG_HINT), COL_DIM, ALIGN_LEFT);
	struct rect fr = {y + 2, x, r->h - 6, r->w - 4 > 64 ? 64 : r->w - 4};
	form_draw(&st->form, &fr);
}

/* Checks what the database cannot check for us; shows why not by the field. */
static int acct_valid(struct app *app, struct form_state *st, unsigned *roles)
{
	struct strbuf bad = STRBUF_INIT;
	char *m = NULL;
	int at = -1;
	if (form_validate(&st->form)) {
		app_message(app, MSGK_ERROR, st->form.items[st->form.focus].error);
		return 0;
	}
	if ((st->kind == FORM_ADD || st->kind == FORM_ROLES) &&
	    admin_roles_parse(text(st, F_ROLES), roles, &bad) != 0) {
		m = trs(MSG_SEC_BAD_ROLE, strbuf_str(&bad));
		at = st->pos[F_ROLES];
	}
	if (!m && (st->kind == FORM_ADD || st->kind == FORM_PASSWD) &&
	    strcmp(text(st, F_PW1), text(st, F_PW2)) != 0) {
		m = trs(MSG_SEC_PASSWORD_MISMATCH,
			st->kind == FORM_ADD ? text(st, F_LOGIN) : st->login);
		at = st->pos[F_PW2];
	}
	strbuf_free(&bad);
	if (!m)
		return 1;
	form_set_error(&st->form, at, m);
	form_focus(&st->form, app, at);
	app_message(app, MSGK_ERROR, m);
	free(m);
	return 0;
}

static enum status acct_submit(struct app *app, struct form_state *st, unsigned roles,
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

static int acct_save(struct app *app, struct form_state *st)
{
	unsigned roles = 0;
	struct db_error err;
	char *done = NULL;
	if (!acct_valid(app, st, &roles))
		return SCR_HANDLED;
	db_error_init(&err);
	enum status rc = acct_submit(app, st, roles, &err, &done);
	if (rc != ST_OK)
		form_error_from_db(&st->form, err.sqlstate, strbuf_str(&err.message),
		                   strbuf_str(&err.detail));
	app_message(app, rc == ST_OK ? MSGK_INFO : MSGK_ERROR,
		    rc == ST_OK ? done : strbuf_str(&err.message));
	free(done);
	db_error_free(&err);
	if (rc != ST_OK)
		return SCR_HANDLED;
	*st->changed = 1;
	return SCR_POP;
}

static int acct_key(struct app *app, void *state, const struct key *k)
{
	struct form_state *st = state;
	int r = form_key(&st->form, app, k);
	return r & FORM_SUBMIT ? acct_save(app, st) : r;
}

static int acct_action(struct app *app, void *state, enum action_id a)
{
	struct form_state *st = state;
	switch (a) {
	case ACT_FORM_CANCEL: return form_cancel(&st->form);
	case ACT_FORM_SAVE: return acct_save(app, st);
	default: return SCR_UNHANDLED;
	}
}

static int acct_offers(struct app *app, void *state, enum action_id a)
{
	struct form_state *st = state;
	(void)app;
	return form_offers(&st->form, a) != 0;
}

static const enum action_id acct_actions[] = {ACT_FORM_SAVE, ACT_FORM_CANCEL, ACT_FORM_NEXT,
                                              ACT_FORM_PREV, ACT_NONE};

#define FORM_SCREEN(var, id, title_msg)                                                            \
	const struct screen var = {                                                                \
	    .name = "admin.form." #id,                                                             \
	    .title = title_msg,                                                                    \
	    .actions = acct_actions,                                                               \
	    .enter = acct_enter,                                                                   \
	    .leave = acct_leave,                                                                   \
	    .draw = acct_draw,                                                                     \
	    .key = acct_key,                                                                       \
	    .action = acct_action,                                                                 \
	    .offers = acct_offers,                                                                 \
	};

FORM_SCREEN(screen_admin_form_add, add, MSG_ACT_USER_ADD)
FORM_SCREEN(screen_admin_form_passwd, passwd, MSG_ACT_USER_PASSWD)
FORM_SCREEN(screen_admin_form_roles, roles, MSG_ACT_USER_ROLES)
FORM_SCREEN(screen_admin_form_org, org, MSG_ACT_USER_ORG)

const struct screen *admin_form_screen(enum admin_form_kind kind)
{
	switch (kind) {
	case FORM_ADD: return &screen_admin_form_add;
	case FORM_PASSWD: return &screen_admin_form_passwd;
	case FORM_ROLES: return &screen_admin_form_roles;
	default: return &screen_admin_form_org;
	}
}
