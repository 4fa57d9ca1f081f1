#include "domain/admin.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "domain/role.h"

static const char *const sql_user_list =
	"SELECT login, full_name, employee_no, coalesce(credential_no, ''), coalesce(phone, ''),"
	"       org_code, org_short_name, status, roles, can_login,"
	"       to_char(created_at, 'YYYY-MM-DD HH24:MI')"
	"  FROM api.user_list($1)";
static const char *const sql_user_add =
	"SELECT api.user_add($1, $2, $3, $4, $5::text[], $6, $7, $8)";
static const char *const sql_user_suspend = "SELECT api.user_suspend($1)";
static const char *const sql_user_resume = "SELECT api.user_resume($1)";
static const char *const sql_user_passwd = "SELECT api.user_passwd($1, $2)";
static const char *const sql_user_roles = "SELECT api.user_roles($1, $2::text[], $3::text[])";
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

static char *cell(const PGresult *res, int row, int col)
{
	return xstrdup(PQgetvalue(res, row, col));
}

enum status admin_user_list(struct db *db, const char *org_code, struct staff_list *out,
			    struct db_error *err)
{
	const char *params[] = {org_code && *org_code ? org_code : NULL};
	PGresult *res = db_exec(db, sql_user_list, 1, params, err);
	memset(out, 0, sizeof *out);
	if (!res)
		return err->status;
	out->n = PQntuples(res);
	out->v = xcalloc((size_t)out->n + 1, sizeof *out->v);
	for (int i = 0; i < out->n; i++) {
		struct staff *s = &out->v[i];
		s->login = cell(res, i, 0);
		s->full_name = cell(res, i, 1);
		s->employee_no = cell(res, i, 2);
		s->credential_no = cell(res, i, 3);
		s->phone = cell(res, i, 4);
		s->org_code = cell(res, i, 5);
		s->org_name = cell(res, i, 6);
		s->status = cell(res, i, 7);
		s->roles = admin_roles_from_array(PQgetvalue(res, i, 8));
		s->can_login = strcmp(PQgetvalue(res, i, 9), "t") == 0;
		s->created_at = cell(res, i, 10);
	}
	PQclear(res);
	return ST_OK;
}

void staff_list_free(struct staff_list *l)
{
	for (int i = 0; i < l->n; i++) {
		struct staff *s = &l->v[i];
		free(s->login);
		free(s->full_name);
		free(s->employee_no);
		free(s->credential_no);
		free(s->phone);
		free(s->org_code);
		free(s->org_name);
		free(s->status);
		free(s->created_at);
	}
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
	return db_command(db, sql_user_suspend, 1, params, err);
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
	char *a = roles_array(add), *r = roles_array(remove);
	const char *params[] = {login, a, r};
	PGresult *res = db_exec(db, sql_user_roles, 3, params, err);
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
	PGresult *res = db_exec(db, sql_org_tree, 0, NULL, err);
	memset(out, 0, sizeof *out);
	if (!res)
		return err->status;
	out->n = PQntuples(res);
	out->v = xcalloc((size_t)out->n + 1, sizeof *out->v);
	for (int i = 0; i < out->n; i++) {
		struct org_node *o = &out->v[i];
		o->code = cell(res, i, 0);
		o->short_name = cell(res, i, 1);
		o->name = cell(res, i, 2);
		o->level = cell(res, i, 3);
		o->parent_code = cell(res, i, 4);
		o->depth = atoi(PQgetvalue(res, i, 5));
		o->active = atol(PQgetvalue(res, i, 6));
		o->total = atol(PQgetvalue(res, i, 7));
	}
	PQclear(res);
	return ST_OK;
}

void org_tree_free(struct org_tree *t)
{
	for (int i = 0; i < t->n; i++) {
		struct org_node *o = &t->v[i];
		free(o->code);
		free(o->short_name);
		free(o->name);
		free(o->level);
		free(o->parent_code);
	}
	free(t->v);
	memset(t, 0, sizeof *t);
}
