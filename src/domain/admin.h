/* Operator accounts and the org tree, through the admin functions of the
 * warehouse (api.user_*, api.org_tree): plain structs for the admin screen
 * and the user/org commands. The database checks every call again (the
 * caller must be an active admin; passwords must follow its rules). */
#ifndef SMCON_ADMIN_H
#define SMCON_ADMIN_H

#include "base/status.h"
#include "base/strbuf.h"
#include "db/db.h"

struct staff {
	char *login;
	char *full_name;
	char *employee_no;
	char *credential_no; /* "" when none */
	char *phone;
	char *org_code;
	char *org_name; /* the unit's short name */
	char *status;   /* active, suspended, left */
	unsigned roles; /* enum role bits */
	int can_login;  /* the PostgreSQL role may log in */
	char *created_at;
};

struct staff_list {
	struct staff *v;
	int n;
};

struct org_node {
	char *code;
	char *short_name;
	char *name;
	char *level; /* city, district, station */
	char *parent_code;
	int depth;
	long active, total; /* staff */
};

struct org_tree {
	struct org_node *v;
	int n;
};

/* A new account; strings are borrowed. credential_no and phone may be NULL. */
struct staff_new {
	const char *login;
	const char *full_name;
	const char *employee_no;
	const char *org_code;
	const char *credential_no;
	const char *phone;
	unsigned roles;
};

/* The staff of an org unit and the units below it (NULL: everyone). */
enum status admin_user_list(struct db *db, const char *org_code, struct staff_list *out,
			    struct db_error *err);
/* Sends (db_async_send) the staff of an org unit and the units below it
 * (NULL: everyone) that match text, or all of them when text is NULL or
 * blank: a fragment of the login, the name, the unit's code or short name,
 * or of a role's name in either language or its short name ("处理员",
 * "handler"). The values go as parameters. Read the result with
 * admin_user_list_read. */
enum status admin_user_search_send(struct db *db, const char *org_code, const char *text,
                                   struct db_error *err);
/* The accounts of a finished admin_user_search_send or user-list result. */
void admin_user_list_read(const PGresult *res, struct staff_list *out);
/* The roles whose short name or name (Chinese or English) contains text. */
unsigned admin_roles_matching(const char *text);
void staff_list_free(struct staff_list *l);
/* The row of l for login, or NULL. */
const struct staff *staff_list_find(const struct staff_list *l, const char *login);

enum status admin_user_add(struct db *db, const struct staff_new *u, const char *password,
			   struct db_error *err);
enum status admin_user_suspend(struct db *db, const char *login, struct db_error *err);
enum status admin_user_resume(struct db *db, const char *login, struct db_error *err);
enum status admin_user_passwd(struct db *db, const char *login, const char *password,
			      struct db_error *err);
/* Adds and removes roles; *after gets the account's roles afterwards. */
enum status admin_user_roles(struct db *db, const char *login, unsigned add, unsigned remove,
			     unsigned *after, struct db_error *err);
/* The same with the reason for the change (needed to grant a role that sees
 * case data; kept in the audit log), or NULL. */
enum status admin_user_roles_why(struct db *db, const char *login, unsigned add, unsigned remove,
                                 const char *reason, unsigned *after, struct db_error *err);
enum status admin_user_org(struct db *db, const char *login, const char *org_code,
			   struct db_error *err);

/* The org tree, depth first, with staff counts. */
enum status admin_org_tree(struct db *db, struct org_tree *out, struct db_error *err);
void org_tree_free(struct org_tree *t);

/* Parses role names separated by commas or blanks ("clerk,handler"; an
 * smcon_ prefix is allowed) into role bits. Returns 0, or -1 with the first
 * unknown name appended to bad. */
int admin_roles_parse(const char *text, unsigned *mask, struct strbuf *bad);
/* Appends the short names of mask, comma-separated: "clerk,handler". */
void admin_roles_names(unsigned mask, struct strbuf *out);
/* Role bits from a text[] of short names as PostgreSQL prints it ({a,b}). */
unsigned admin_roles_from_array(const char *arr);

#endif
