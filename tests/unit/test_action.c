/* The action table: unique names, keys that parse, roles that make sense,
 * and the one check of roles and preconditions (action_check). */
#include <string.h>

#include "domain/action.h"
#include "lib/tap.h"

/* What a test context takes away from an active operator of every role
 * with a row selected. */
enum lack {
	LACK_NOTHING,
	LACK_LOGIN,
	LACK_OWNER,
	LACK_STAFF,
	LACK_ACTIVE,
	LACK_ROLE,
	LACK_ROW,
	DUE
};

static struct action_ctx operator_lacking(enum lack l)
{
	struct action_ctx c = {.logged_in = l != LACK_LOGIN,
	                       .has_staff = l != LACK_STAFF,
	                       .active = l != LACK_ACTIVE,
	                       .password_due = l == DUE,
	                       .owner = l != LACK_OWNER,
	                       .roles = l == LACK_ROLE ? ROLE_CLERK : ROLE_ALL,
	                       .has_selection = l != LACK_ROW};
	return c;
}

/* Each reason action_check gives, each reached by taking away one thing. */
static void refusals(void)
{
	static const struct action staff_row = {.roles = ROLE_ADMIN,
	                                        .pre = PRE_STAFF | PRE_SELECTION};
	static const struct action owner = {.pre = PRE_OWNER};
	const struct {
		const struct action *a;
		enum lack lack;
		enum action_refusal want;
		const char *name;
	} cases[] = {
	    {&staff_row, LACK_NOTHING, ACTION_OK, "an active admin with a row selected may"},
	    {&staff_row, LACK_LOGIN, ACTION_NEEDS_LOGIN, "logged out: needs a login"},
	    {&owner, LACK_OWNER, ACTION_NEEDS_OWNER, "a schema change needs the owner"},
	    {&staff_row, LACK_STAFF, ACTION_NEEDS_STAFF, "no staff record: needs one"},
	    {&staff_row, LACK_ACTIVE, ACTION_NOT_ACTIVE, "a suspended account: not active"},
	    {&staff_row, DUE, ACTION_PASSWORD_DUE, "a password an admin set: change it first"},
	    {action_get(ACT_PASSWORD), DUE, ACTION_OK, "  ... which the password change may"},
	    {action_get(ACT_PASSWORD_SAVE), DUE, ACTION_OK, "  ... in the console too"},
	    {&staff_row, LACK_ROLE, ACTION_NEEDS_ROLE, "a clerk lacks the admin role"},
	    {&staff_row, LACK_ROW, ACTION_NEEDS_SELECTION, "no row selected: needs one"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct action_ctx c = operator_lacking(cases[i].lack);
		is_int(action_check(cases[i].a, &c), cases[i].want, cases[i].name);
	}
}

/* PRE_STAFF | PRE_SELECTION needs both; either alone is refused. */
static void combined(void)
{
	const struct action *a = action_get(ACT_ADMIN_SUSPEND);
	struct action_ctx c = operator_lacking(LACK_ROW);
	ok((a->pre & PRE_STAFF) && (a->pre & PRE_SELECTION),
	   "suspending an account needs staff and a row");
	is_int(action_check(a, &c), ACTION_NEEDS_SELECTION, "  ... staff without a row: refused");
	c = operator_lacking(LACK_STAFF);
	is_int(action_check(a, &c), ACTION_NEEDS_STAFF, "  ... a row without staff: refused");
	struct action_ctx none = {0};
	is_int(action_check(action_get(ACT_HELP), &none), ACTION_OK, "help needs nothing at all");
	struct action row_only = {.pre = PRE_SELECTION};
	is_int(action_check(&row_only, &none), ACTION_NEEDS_SELECTION,
	       "a selection alone does not ask for a login");
}

/* A role is held by staff: every role-restricted action says PRE_STAFF. */
static void roles_need_staff(void)
{
	struct strbuf bad = STRBUF_INIT;
	for (int i = ACT_NONE + 1; i < ACT_COUNT; i++) {
		const struct action *a = action_get((enum action_id)i);
		if (a->roles && !(a->pre & PRE_STAFF))
			strbuf_addf(&bad, " %s", a->name);
	}
	is_str(strbuf_str(&bad), "", "every action for some roles needs a staff record");
	strbuf_free(&bad);
}

int main(void)
{
	plan(24);
	refusals();
	combined();
	roles_need_staff();
	int dup = 0, nohelp = 0;
	for (int i = ACT_NONE + 1; i < ACT_COUNT; i++) {
		const struct action *a = action_get((enum action_id)i);
		for (int j = i + 1; j < ACT_COUNT; j++)
			if (strcmp(a->name, action_get((enum action_id)j)->name) == 0)
				dup++;
		if (!*tr_lang(a->help, LANG_ZH) || !*tr_lang(a->label, LANG_ZH))
			nohelp++;
	}
	is_int(dup, 0, "every action has its own name");
	is_int(nohelp, 0, "every action has a label and help text");
	ok(action_by_name("db.migrate") == action_get(ACT_DB_MIGRATE), "actions are found by name");
	ok(action_by_name("no.such") == NULL, "an unknown name finds nothing");
	ok(action_get(ACT_NONE) == NULL && action_get(ACT_COUNT) == NULL, "out-of-range ids give NULL");
	const struct action *admin = action_get(ACT_MENU_ADMIN);
	ok(action_role_ok(admin, ROLE_ADMIN), "the admin menu is for admins");
	ok(!action_role_ok(admin, ROLE_CLERK | ROLE_ANALYST), "  ... and not for clerks or analysts");
	ok(action_role_ok(action_get(ACT_HELP), 0), "help is for everyone");
	return done_testing();
}
