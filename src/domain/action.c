#include "domain/action.h"

#include <string.h>

static const struct action table[ACT_COUNT] = {
	[ACT_NONE] = {ACT_NONE, "", NULL, MSG_EMPTY, MSG_EMPTY, 0, PRE_NONE, 0},
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
