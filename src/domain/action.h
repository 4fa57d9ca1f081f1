/* The one action table (DESIGN §1): every key binding, menu entry, F-key
 * label and command resolves to an action id here, with its help text, the
 * roles that may use it and its precondition. The help screen, the key line,
 * tab completion and the man page's command list are generated from it.
 * Each part of the program lists its actions in src/domain/actions_*.def as
 *   A(ID, "name", "keys", label, help, roles, precondition, hint)
 * keys: space-separated key names ("F1", "Esc", "q", "^L", "Enter"), or NULL;
 * hint: 1 when the action belongs on the key line at the bottom. */
#ifndef SMCON_ACTION_H
#define SMCON_ACTION_H

#include "domain/role.h"
#include "i18n/i18n.h"

enum precond {
	PRE_NONE,      /* always possible */
	PRE_LOGIN,     /* needs a database connection */
	PRE_STAFF,     /* needs a staff record (an operator, not just a role) */
	PRE_SELECTION, /* needs a selected row */
	PRE_OWNER,     /* needs the warehouse owner (schema changes) */
};

enum action_id {
	ACT_NONE,
#define A(id, name, keys, label, help, roles, pre, hint) ACT_##id,
#include "domain/actions.h.inc"
#undef A
	ACT_COUNT
};

struct action {
	enum action_id id;
	const char *name;
	const char *keys;
	enum msg_id label;
	enum msg_id help;
	unsigned roles; /* enum role bits that may use it; 0 = everyone */
	enum precond pre;
	int hint;
};

/* The action, or NULL for ACT_NONE or an unknown id. */
const struct action *action_get(enum action_id id);
/* The action with that name, or NULL. */
const struct action *action_by_name(const char *name);
/* Whether holders of roles may use the action (roles only, not preconditions). */
int action_role_ok(const struct action *a, unsigned roles);

#endif
