#include "domain/admin.h"

#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "domain/role.h"

/* The staff of a unit and the units below it ($1, NULL: all), narrowed by
 * a fragment ($2, NULL: none) or held roles ($3). */
static const char *const sql_user_search =
    "SELECT login, full_name, employee_no, coalesce(credential_no, ''), coalesce(phone, ''),"
    "       org_code, org_short_name, status, roles, can_login,"
    "       to_char(created_at, 'YYYY-MM-DD HH24:MI')"
    "  FROM api.user_list($1)"
    " WHERE $2::text IS NULL"
    "    OR strpos(lower(login), lower($2)) > 0 OR strpos(lower(full_name), lower($2)) > 0"
    "    OR strpos(lower(org_code), lower($2)) > 0 OR strpos(org_short_name, $2) > 0"
    "    OR strpos(lower(employee_no), lower($2)) > 0 OR roles && $3::text[]";
static const char *const sql_user_add =
	"SELECT api.user_add($1, $2, $3, $4, $5::text[], $6, $7, $8)";
static const char *const sql_user_suspend = "SELECT api.user_suspend($1)";
static const char *const sql_user_resume = "SELECT api.user_resume($1)";
static const char *const sql_user_passwd = "SELECT api.user_passwd($1, $2)";
static const char *const sql_user_roles = "SELECT api.user_roles($1, $2::text[], $3::text[], $4)";
static const char *const sql_user_end_sessions = "SELECT api.user_end_sessions($1)";
static const char *const sql_user_org = "SELECT api.user_org($1, $2)";
static const char *const sql_org_tree =
	"SELECT code, short_name, name, level, coalesce(parent_code, ''), depth, staff_active,"
	"       staff_total"
	"  FROM api.org_tree()";

/* The short name of a role bit: "clerk" for ROLE_CLERK. */
static const char *short_name(enum role r)
{
	const char *db = role_db_name(r);
	return strncmp(db, "smcon_", 6) == 0 ? db + 6 : db;
}

int admin_roles_parse(const char *text, unsigned *mask, struct strbuf *bad)
{
	struct strbuf name = STRBUF_INIT, full = STRBUF_INIT;
	int rc = 0;
	*mask = 0;
	for (const char *p = text ? text : ""; *p && rc == 0;) {
		size_t n = strcspn(p, ", \t");
		if (n > 0) {
			strbuf_reset(&name);
			strbuf_addn(&name, p, n);
			for (char *c = name.buf; *c; c++)
				*c = (char)tolower((unsigned char)*c);
			strbuf_reset(&full);
			if (strncmp(strbuf_str(&name), "smcon_", 6) != 0)
				strbuf_add(&full, "smcon_");
			strbuf_add(&full, strbuf_str(&name));
			unsigned bit = role_from_db_name(strbuf_str(&full));
			if (!bit) {
				strbuf_add(bad, strbuf_str(&name));
				rc = -1;
			}
			*mask |= bit;
		}
		p += n;
		p += strspn(p, ", \t");
	}
	strbuf_free(&name);
	strbuf_free(&full);
	return rc;
}

void admin_roles_names(unsigned mask, struct strbuf *out)
{
	int first = 1;
	for (unsigned bit = 1; bit <= ROLE_ADMIN; bit <<= 1) {
		if (!(mask & bit))
			continue;
		strbuf_addf(out, "%s%s", first ? "" : ",", short_name((enum role)bit));
		first = 0;
	}
}

unsigned admin_roles_from_array(const char *arr)
{
	struct strbuf inner = STRBUF_INIT, bad = STRBUF_INIT;
	unsigned mask = 0;
	if (arr && *arr == '{') {
		strbuf_addn(&inner, arr + 1, strcspn(arr + 1, "}"));
		admin_roles_parse(strbuf_str(&inner), &mask, &bad);
	}
	strbuf_free(&inner);
	strbuf_free(&bad);
	return mask;
}

/* A text[] literal of the short names of mask: "{clerk,handler}". */
static char *roles_array(unsigned mask)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addc(&sb, '{');
	admin_roles_names(mask, &sb);
	strbuf_addc(&sb, '}');
	return strbuf_detach(&sb);
}

/* The text members of the structs and the result columns they come from. */
struct text_col {
	size_t offset;
	int col;
};

static const struct text_col staff_text[] = {
	{offsetof(struct staff, login), 0},	    {offsetof(struct staff, full_name), 1},
	{offsetof(struct staff, employee_no), 2},   {offsetof(struct staff, credential_no), 3},
	{offsetof(struct staff, phone), 4},	    {offsetof(struct staff, org_code), 5},
	{offsetof(struct staff, org_name), 6},	    {offsetof(struct staff, status), 7},
	{offsetof(struct staff, created_at), 10}, {0, -1}};

static const struct text_col org_text[] = {
	{offsetof(struct org_node, code), 0},	     {offsetof(struct org_node, short_name), 1},
	{offsetof(struct org_node, name), 2},	     {offsetof(struct org_node, level), 3},
	{offsetof(struct org_node, parent_code), 4}, {0, -1}};

static char **member(void *record, size_t offset)
{
	return (char **)((char *)record + offset);
}

/* Copies the text columns of a result row into a record. */
static void take_text(void *record, const struct text_col *cols, const PGresult *res, int row)
{
	for (const struct text_col *c = cols; c->col >= 0; c++)
		*member(record, c->offset) = xstrdup(PQgetvalue(res, row, c->col));
}

static void free_text(void *record, const struct text_col *cols)
{
	for (const struct text_col *c = cols; c->col >= 0; c++)
		free(*member(record, c->offset));
}

/* Runs a query and allocates *v for its rows (zeroed, one spare). Returns
 * the result (caller PQclear()s) or NULL with err filled and *n = 0. */
static PGresult *fetch(struct db *db, const char *sql, int nparams, const char *const *params,
		       void **v, int *n, size_t size, struct db_error *err)
{
	PGresult *res = db_exec(db, sql, nparams, params, err);
	*v = NULL;
	*n = res ? PQntuples(res) : 0;
	if (res)
		*v = xcalloc((size_t)*n + 1, size);
	return res;
}

/* The accounts of res (zeroed and allocated by the caller, n rows). */
static void read_staff(const PGresult *res, struct staff_list *out)
{
	for (int i = 0; i < out->n; i++) {
		struct staff *s = &out->v[i];
		take_text(s, staff_text, res, i);
		s->roles = admin_roles_from_array(PQgetvalue(res, i, 8));
		s->can_login = strcmp(PQgetvalue(res, i, 9), "t") == 0;
	}
}

enum status admin_user_list(struct db *db, const char *org_code, struct staff_list *out,
                            struct db_error *err)
{
	const char *params[] = {org_code && *org_code ? org_code : NULL, NULL, "{}"};
	PGresult *res =
	    fetch(db, sql_user_search, 3, params, (void **)&out->v, &out->n, sizeof *out->v, err);
	if (!res)
		return err->status;
	read_staff(res, out);
	PQclear(res);
	return ST_OK;
}

void admin_user_list_read(const PGresult *res, struct staff_list *out)
{
	out->n = PQntuples(res);
	out->v = xcalloc((size_t)out->n + 1, sizeof *out->v);
	read_staff(res, out);
}

unsigned admin_roles_matching(const char *text)
{
	unsigned mask = 0;
	struct strbuf low = STRBUF_INIT;
	for (const char *c = text ? text : ""; *c; c++)
		strbuf_addc(&low, (char)tolower((unsigned char)*c));
	for (unsigned bit = 1; low.len && bit <= ROLE_ADMIN; bit <<= 1)
		if (strstr(short_name((enum role)bit), strbuf_str(&low)) ||
		    strstr(role_label((enum role)bit), text))
			mask |= bit;
	strbuf_free(&low);
	return mask;
}

enum status admin_user_search_send(struct db *db, const char *org_code, const char *text,
                                   struct db_error *err)
{
	int blank = !text || strspn(text, " ") == strlen(text);
	char *roles = roles_array(blank ? 0 : admin_roles_matching(text));
	const char *params[] = {org_code && *org_code ? org_code : NULL, blank ? NULL : text,
	                        roles};
	enum status st = db_async_send(db, sql_user_search, 3, params, err);
	free(roles);
	return st;
}

void staff_list_free(struct staff_list *l)
{
	for (int i = 0; i < l->n; i++)
		free_text(&l->v[i], staff_text);
	free(l->v);
	memset(l, 0, sizeof *l);
}

const struct staff *staff_list_find(const struct staff_list *l, const char *login)
{
	for (int i = 0; i < l->n; i++)
		if (strcmp(l->v[i].login, login) == 0)
			return &l->v[i];
	return NULL;
}

static const char *or_null(const char *s)
{
	return s && *s ? s : NULL;
}

enum status admin_user_add(struct db *db, const struct staff_new *u, const char *password,
			   struct db_error *err)
{
	char *roles = roles_array(u->roles);
	const char *params[] = {u->login,    u->full_name, u->employee_no,         u->org_code,
				roles,       password,     or_null(u->credential_no), or_null(u->phone)};
	enum status st = db_command(db, sql_user_add, 8, params, err);
	free(roles);
	return st;
}

enum status admin_user_suspend(struct db *db, const char *login, struct db_error *err)
{
	const char *params[] = {login};
	enum status st = db_command(db, sql_user_suspend, 1, params, err);
	/* api.user_suspend ends the sessions before it commits; one that
	 * started in between is ended now that no new one can start */
	return st == ST_OK ? db_command(db, sql_user_end_sessions, 1, params, err) : st;
}

enum status admin_user_resume(struct db *db, const char *login, struct db_error *err)
{
	const char *params[] = {login};
	return db_command(db, sql_user_resume, 1, params, err);
}

enum status admin_user_passwd(struct db *db, const char *login, const char *password,
			      struct db_error *err)
{
	const char *params[] = {login, password};
	return db_command(db, sql_user_passwd, 2, params, err);
}

enum status admin_user_roles(struct db *db, const char *login, unsigned add, unsigned remove,
			     unsigned *after, struct db_error *err)
{
	return admin_user_roles_why(db, login, add, remove, NULL, after, err);
}

enum status admin_user_roles_why(struct db *db, const char *login, unsigned add, unsigned remove,
                                 const char *reason, unsigned *after, struct db_error *err)
{
	char *a = roles_array(add), *r = roles_array(remove);
	const char *params[] = {login, a, r, reason};
	PGresult *res = db_exec(db, sql_user_roles, 4, params, err);
	free(a);
	free(r);
	if (!res)
		return err->status;
	*after = admin_roles_from_array(PQgetvalue(res, 0, 0));
	PQclear(res);
	return ST_OK;
}

enum status admin_user_org(struct db *db, const char *login, const char *org_code,
			   struct db_error *err)
{
	const char *params[] = {login, org_code};
	return db_command(db, sql_user_org, 2, params, err);
}

enum status admin_org_tree(struct db *db, struct org_tree *out, struct db_error *err)
{
	PGresult *res =
		fetch(db, sql_org_tree, 0, NULL, (void **)&out->v, &out->n, sizeof *out->v, err);
	if (!res)
		return err->status;
	for (int i = 0; i < out->n; i++) {
		struct org_node *o = &out->v[i];
		take_text(o, org_text, res, i);
		o->depth = atoi(PQgetvalue(res, i, 5));
		o->active = atol(PQgetvalue(res, i, 6));
		o->total = atol(PQgetvalue(res, i, 7));
	}
	PQclear(res);
	return ST_OK;
}

void org_tree_free(struct org_tree *t)
{
	for (int i = 0; i < t->n; i++)
		free_text(&t->v[i], org_text);
	free(t->v);
	memset(t, 0, sizeof *t);
}
