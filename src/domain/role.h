/* The bureau's group roles (DESIGN §3). The database grants permissions to
 * the smcon_* group roles; the client only uses them to decide what to offer. */
#ifndef SMCON_ROLE_H
#define SMCON_ROLE_H

#include "base/strbuf.h"
#include "i18n/i18n.h"

enum role {
	ROLE_CLERK = 1 << 0,      /* 登记/查询 */
	ROLE_INSPECTOR = 1 << 1,  /* 执法检查 */
	ROLE_HANDLER = 1 << 2,    /* 投诉举报 */
	ROLE_DISPATCHER = 1 << 3, /* 96333 */
	ROLE_SUPERVISOR = 1 << 4, /* 科室/所负责人 */
	ROLE_ANALYST = 1 << 5,    /* 统计分析 */
	ROLE_ADMIN = 1 << 6,      /* 系统管理 */
};

#define ROLE_ALL 0x7fu
#define ROLE_COUNT 7

/* The group role in the database for a role bit, e.g. "smcon_clerk". */
const char *role_db_name(enum role r);
/* The role bit for a database group role name, or 0. */
unsigned role_from_db_name(const char *name);
/* The role's name in the UI language. */
const char *role_label(enum role r);
/* Appends the labels of the roles in mask, separated by the language's list separator. */
void role_mask_text(unsigned mask, struct strbuf *out);

#endif
