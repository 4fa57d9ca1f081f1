#include "domain/action.h"

#include <string.h>

static const struct action table[ACT_COUNT] = {
    [ACT_NONE] = {ACT_NONE, "", NULL, MSG_EMPTY, MSG_EMPTY, 0, PRE_NONE, PRIO_NEVER},
#define A(id, nm, k, lbl, hlp, r, p, h) [ACT_##id] = {ACT_##id, nm, k, lbl, hlp, r, p, h},
#include "domain/actions.h.inc"
#undef A
};

const struct action *action_get(enum action_id id)
{
	if (id <= ACT_NONE || id >= ACT_COUNT)
		return NULL;
	return &table[id];
}

const struct action *action_by_name(const char *name)
{
	for (int i = ACT_NONE + 1; i < ACT_COUNT; i++)
		if (strcmp(table[i].name, name) == 0)
			return &table[i];
	return NULL;
}

int action_role_ok(const struct action *a, unsigned roles)
{
	return a->roles == 0 || (a->roles & roles) != 0;
}

enum action_refusal action_check(const struct action *a, const struct action_ctx *c)
{
	int staff = (a->pre & PRE_STAFF) != 0;
	if (((a->pre & (PRE_LOGIN | PRE_STAFF | PRE_OWNER)) || a->roles) && !c->logged_in)
		return ACTION_NEEDS_LOGIN;
	if ((a->pre & PRE_OWNER) && !c->owner)
		return ACTION_NEEDS_OWNER;
	if (staff && !c->has_staff)
		return ACTION_NEEDS_STAFF;
	if (staff && !c->active)
		return ACTION_NOT_ACTIVE;
	if (staff && c->password_due && !(a->pre & PRE_PASSWORD_CHANGE))
		return ACTION_PASSWORD_DUE;
	if (!action_role_ok(a, c->roles))
		return ACTION_NEEDS_ROLE;
	if ((a->pre & PRE_SELECTION) && !c->has_selection)
		return ACTION_NEEDS_SELECTION;
	return ACTION_OK;
}
