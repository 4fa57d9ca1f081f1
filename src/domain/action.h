/* The one action table (DESIGN §1): every key binding, menu entry, F-key
 * label and command resolves to an action id here, with its help text, the
 * roles that may use it and its precondition. The help screen, the key line,
 * tab completion and the man page's command list are generated from it.
 * Each part of the program lists its actions in src/domain/actions_*.def as
 *   A(ID, "name", "keys", label, help, roles, precondition, priority)
 * keys: space-separated key names ("F1", "Esc", "q", "^L", "Enter"), or NULL;
 * priority: its place on the key line at the bottom (enum keyline_prio). */
#ifndef SMCON_ACTION_H
#define SMCON_ACTION_H

#include "domain/role.h"
#include "i18n/i18n.h"

/* Preconditions, combined as bits (PRE_STAFF | PRE_SELECTION); action_check
 * checks them all. */
enum precond {
	PRE_NONE = 0,                 /* always possible */
	PRE_LOGIN = 1 << 0,           /* needs a database connection */
	PRE_STAFF = 1 << 1,           /* needs an active staff record whose password is not due */
	PRE_SELECTION = 1 << 2,       /* needs a selected row (or the screen's record loaded) */
	PRE_OWNER = 1 << 3,           /* needs the warehouse owner (schema changes) */
	PRE_PASSWORD_CHANGE = 1 << 4, /* is the password change: allowed while one is due */
};

/* What the key line keeps when not every key fits (ui/keyline.h): the
 * essential keys (back, help) first, then each screen's main actions, then
 * the minor ones; F1 lists them all. */
enum keyline_prio {
	PRIO_NEVER,     /* never on the key line (F1 lists it) */
	PRIO_ESSENTIAL, /* Esc back, F1 help: always there */
	PRIO_MAIN,      /* a screen's main actions */
	PRIO_MINOR,     /* the rest: shown when there is room */
};

enum action_id {
	ACT_NONE,
#define A(id, name, keys, label, help, roles, pre, prio) ACT_##id,
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
	unsigned pre;   /* enum precond bits */
	enum keyline_prio prio;
};

/* What an action is checked against: who is logged in and what the screen
 * has (the console fills it from its session and top screen, command mode
 * from its session, never with a selection). */
struct action_ctx {
	int logged_in;
	int has_staff;
	int active; /* the staff record's status is active */
	int password_due;
	int owner;
	unsigned roles; /* enum role bits */
	int has_selection;
};

/* Why an action may not be used now, in the order action_check asks. */
enum action_refusal {
	ACTION_OK,
	ACTION_NEEDS_LOGIN,
	ACTION_NEEDS_OWNER,
	ACTION_NEEDS_STAFF,
	ACTION_NOT_ACTIVE,
	ACTION_PASSWORD_DUE,
	ACTION_NEEDS_ROLE,
	ACTION_NEEDS_SELECTION,
};

/* The action, or NULL for ACT_NONE or an unknown id. */
const struct action *action_get(enum action_id id);
/* The action with that name, or NULL. */
const struct action *action_by_name(const char *name);
/* Whether holders of roles may use the action (roles only, not preconditions). */
int action_role_ok(const struct action *a, unsigned roles);
/* The one check of an action's roles and preconditions, for the console and
 * command mode alike: ACTION_OK, or the first reason it may not be used. */
enum action_refusal action_check(const struct action *a, const struct action_ctx *c);

#endif
