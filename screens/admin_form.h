/* The account forms of the admin screen: a new account, a password reset,
 * the roles and the org unit of an account. */
#ifndef SMCON_ADMIN_FORM_H
#define SMCON_ADMIN_FORM_H

#include "ui/app.h"

enum admin_form_kind { FORM_ADD, FORM_PASSWD, FORM_ROLES, FORM_ORG };

/* What a form starts from (copied on entry). changed is set to 1 when the
 * form changed something, so that the admin screen reads the list again. */
struct admin_form_arg {
	enum admin_form_kind kind;
	const char *login;     /* the account (not for FORM_ADD) */
	const char *full_name; /* its name, for the heading */
	const char *org_code;  /* the account's unit, or the unit a new account goes to */
	unsigned roles;        /* the account's roles */
	int *changed;
};

/* The screen of that kind of form. */
const struct screen *admin_form_screen(enum admin_form_kind kind);
extern const struct screen screen_admin_form_add, screen_admin_form_passwd, screen_admin_form_roles,
    screen_admin_form_org;

#endif
