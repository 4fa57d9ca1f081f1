/* The action table: unique names, keys that parse, roles that make sense. */
#include <string.h>

#include "domain/action.h"
#include "lib/tap.h"

int main(void)
{
	plan(8);
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
