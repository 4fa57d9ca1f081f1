/* Who is logged in: the login role, its staff record and its group roles,
 * as the database reports them (api.whoami()). */
#ifndef SMCON_SESSION_H
#define SMCON_SESSION_H

#include "db/db.h"
#include "domain/calendar.h"

struct session {
	char *login;      /* the PostgreSQL role */
	int has_staff;    /* a core.staff record exists */
	char *full_name;  /* staff name, or "" */
	char *employee_no;
	char *org_code;   /* org unit code, e.g. "LX" */
	char *org_name;   /* 无锡市梁溪区市场监督管理局 */
	char *org_short_name; /* 梁溪区局 */
	char *org_level;  /* city, district or station */
	char *status;     /* active, suspended, left */
	unsigned roles;   /* enum role bits */
	int is_owner;     /* the warehouse owner or a superuser (migrations) */
	struct cal_status calendar; /* the work calendar at login (warn: show it) */
	int password_change_due;    /* an admin set the password: change it first */
};

void session_init(struct session *s);
void session_free(struct session *s);
/* Asks the database who we are. Returns ST_OK or an error status (err filled). */
enum status session_load(struct session *s, struct db *db, struct db_error *err);
/* Asks again whether the password an admin set must still be changed (after
 * an unlock with a reset password); a warehouse without the rule says no. */
void session_load_password_due(struct session *s, struct db *db);
/* Sets the session's own password (api.password_change: the policy applies,
 * the admin's mark goes). Returns ST_OK or err->status. */
enum status session_password_change(struct db *db, const char *password, struct db_error *err);

#endif
