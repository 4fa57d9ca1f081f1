#include "domain/role.h"

#include <string.h>

static const struct {
	enum role bit;
	const char *db;
	enum msg_id label;
} roles[ROLE_COUNT] = {
	{ROLE_CLERK, "smcon_clerk", MSG_ROLE_CLERK},
	{ROLE_INSPECTOR, "smcon_inspector", MSG_ROLE_INSPECTOR},
	{ROLE_HANDLER, "smcon_handler", MSG_ROLE_HANDLER},
	{ROLE_DISPATCHER, "smcon_dispatcher", MSG_ROLE_DISPATCHER},
	{ROLE_SUPERVISOR, "smcon_supervisor", MSG_ROLE_SUPERVISOR},
	{ROLE_ANALYST, "smcon_analyst", MSG_ROLE_ANALYST},
	{ROLE_ADMIN, "smcon_admin", MSG_ROLE_ADMIN},
};

const char *role_db_name(enum role r)
{
	for (int i = 0; i < ROLE_COUNT; i++)
		if (roles[i].bit == r)
			return roles[i].db;
	return "";
}

unsigned role_from_db_name(const char *name)
{
	for (int i = 0; i < ROLE_COUNT; i++)
		if (strcmp(roles[i].db, name) == 0)
			return roles[i].bit;
	return 0;
}

const char *role_label(enum role r)
{
	for (int i = 0; i < ROLE_COUNT; i++)
		if (roles[i].bit == r)
			return tr(roles[i].label);
	return "";
}

void role_mask_text(unsigned mask, struct strbuf *out)
{
	int first = 1;
	for (int i = 0; i < ROLE_COUNT; i++) {
		if (!(mask & roles[i].bit))
			continue;
		if (!first)
			strbuf_add(out, tr(MSG_LIST_SEPARATOR));
		strbuf_add(out, tr(roles[i].label));
		first = 0;
	}
}
