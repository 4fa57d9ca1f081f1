#include "domain/session.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "domain/role.h"

void session_init(struct session *s)
{
	memset(s, 0, sizeof *s);
}

void session_free(struct session *s)
{
	free(s->login);
	free(s->full_name);
	free(s->employee_no);
	free(s->org_code);
	free(s->org_name);
	free(s->org_short_name);
	free(s->org_level);
	free(s->status);
	session_init(s);
}

/* Parses a text[] in PostgreSQL's output form ({a,b}) of plain role names. */
static unsigned parse_roles(const char *arr)
{
	unsigned mask = 0;
	if (!arr || *arr != '{')
		return 0;
	const char *p = arr + 1;
	while (*p && *p != '}') {
		size_t n = strcspn(p, ",}");
		char *name = xstrndup(p, n);
		mask |= role_from_db_name(name);
		free(name);
		p += n;
		if (*p == ',')
			p++;
	}
	return mask;
}

static const char *const sql_whoami =
	"SELECT login, has_staff, full_name, employee_no, org_code, org_name, org_short_name,"
	"       org_level, status, roles, is_owner"
	"  FROM api.whoami()";

/* Before the first migration there is no api.whoami(): ask the catalogs
 * whether we own the database, so that `db migrate` can run. */
static const char *const sql_bare =
	"SELECT session_user, false, '', '', '', '', '', '', '', '{}',"
	"       coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)"
	"       OR pg_has_role(session_user, (SELECT datdba FROM pg_database"
	"                                     WHERE datname = current_database()), 'MEMBER')";

static int schema_missing(const struct db_error *err)
{
	return strcmp(err->sqlstate, "3F000") == 0 || strcmp(err->sqlstate, "42883") == 0 ||
	       strcmp(err->sqlstate, "42P01") == 0;
}

enum status session_load(struct session *s, struct db *db, struct db_error *err)
{
	PGresult *res = db_exec(db, sql_whoami, 0, NULL, err);
	if (!res && schema_missing(err))
		res = db_exec(db, sql_bare, 0, NULL, err);
	if (!res)
		return err->status;
	session_free(s);
	if (PQntuples(res) != 1) {
		PQclear(res);
		db_error_set(err, ST_ERROR, tr(MSG_SESSION_UNKNOWN));
		return ST_ERROR;
	}
	s->login = xstrdup(PQgetvalue(res, 0, 0));
	s->has_staff = strcmp(PQgetvalue(res, 0, 1), "t") == 0;
	s->full_name = xstrdup(PQgetvalue(res, 0, 2));
	s->employee_no = xstrdup(PQgetvalue(res, 0, 3));
	s->org_code = xstrdup(PQgetvalue(res, 0, 4));
	s->org_name = xstrdup(PQgetvalue(res, 0, 5));
	s->org_short_name = xstrdup(PQgetvalue(res, 0, 6));
	s->org_level = xstrdup(PQgetvalue(res, 0, 7));
	s->status = xstrdup(PQgetvalue(res, 0, 8));
	s->roles = parse_roles(PQgetvalue(res, 0, 9));
	s->is_owner = strcmp(PQgetvalue(res, 0, 10), "t") == 0;
	PQclear(res);
	if (s->has_staff) {
		/* a warehouse before migration 0084 has no calendar status: no warning */
		struct db_error cal_err;
		db_error_init(&cal_err);
		calendar_status(db, &s->calendar, &cal_err);
		db_error_free(&cal_err);
		session_load_password_due(s, db);
	}
	return ST_OK;
}

void session_load_password_due(struct session *s, struct db *db)
{
	struct db_error err;
	db_error_init(&err);
	/* before migration 0189 there is no such rule: not due */
	PGresult *res = db_exec(db, "SELECT core.password_change_due()", 0, NULL, &err);
	s->password_change_due =
	    res && PQntuples(res) == 1 && strcmp(PQgetvalue(res, 0, 0), "t") == 0;
	if (res)
		PQclear(res);
	db_error_free(&err);
}

enum status session_password_change(struct db *db, const char *password, struct db_error *err)
{
	const char *params[] = {password};
	return db_command(db, "SELECT api.password_change($1)", 1, params, err);
}
