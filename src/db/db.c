#include "db/db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/xalloc.h"
#include "db/conninfo.h"
#include "db/errtext.h"
#include "db/listen.h"
#include "i18n/i18n.h"

void db_error_init(struct db_error *err)
{
	err->status = ST_OK;
	err->sqlstate[0] = '\0';
	err->lost = 0;
	strbuf_init(&err->message);
	strbuf_init(&err->detail);
}

void db_error_free(struct db_error *err)
{
	strbuf_free(&err->message);
	strbuf_free(&err->detail);
}

void db_error_reset(struct db_error *err)
{
	err->status = ST_OK;
	err->sqlstate[0] = '\0';
	err->lost = 0;
	strbuf_reset(&err->message);
	strbuf_reset(&err->detail);
}

void db_error_set(struct db_error *err, enum status st, const char *msg)
{
	db_error_reset(err);
	err->status = st;
	strbuf_add(&err->message, msg);
}

void db_init(struct db *db, const char *conninfo, int connect_timeout, int statement_timeout)
{
	memset(db, 0, sizeof *db);
	db->conninfo = xstrdup(conninfo ? conninfo : "");
	db->connect_timeout = connect_timeout;
	db->statement_timeout = statement_timeout;
}

static void wipe(char **s)
{
	if (!*s)
		return;
	volatile char *p = *s;
	while (*p)
		*p++ = '\0';
	free(*s);
	*s = NULL;
}

void db_set_login(struct db *db, const char *user, const char *password)
{
	/* copied before freeing: user may be db->user itself */
	char *u = user && *user ? xstrdup(user) : NULL, *p = password ? xstrdup(password) : NULL;
	free(db->user);
	db->user = u;
	wipe(&db->password);
	db->password = p;
}

void db_disconnect(struct db *db)
{
	db_async_reset(db);
	db_listen_forget(db);
	if (db->conn)
		PQfinish(db->conn);
	db->conn = NULL;
	db->state = DB_CLOSED;
}

void db_free(struct db *db)
{
	db_disconnect(db);
	db_listen_free(db);
	db_cancels_free(db);
	wipe(&db->password);
	free(db->user);
	free(db->tried_user);
	free(db->conninfo);
	memset(db, 0, sizeof *db);
}

/* The keyword arrays for libpq; the password is never put into a string. */
struct params {
	const char *kw[16];
	const char *val[16];
	char timeout[16];
};

static void build_params(const struct db *db, struct params *p, int with_password)
{
	int n = 0;
	snprintf(p->timeout, sizeof p->timeout, "%d", db->connect_timeout);
	n = db_keepalive_params(p->kw, p->val);
	if (db->conninfo[0]) {
		p->kw[n] = "dbname";
		p->val[n++] = db->conninfo;
	}
	if (db->user) {
		p->kw[n] = "user";
		p->val[n++] = db->user;
	}
	if (with_password && db->password) {
		p->kw[n] = "password";
		p->val[n++] = db->password;
	}
	p->kw[n] = "connect_timeout";
	p->val[n++] = p->timeout;
	p->kw[n] = "fallback_application_name";
	p->val[n++] = "smcon";
	p->kw[n] = "client_encoding";
	p->val[n++] = "UTF8";
	p->kw[n] = NULL;
	p->val[n] = NULL;
}

/* The first line of libpq's message, without its "connection to ... failed:" preamble. */
static void server_reason(struct strbuf *out, const char *msg)
{
	const char *s = strstr(msg, "FATAL:");
	s = s ? s + 6 : msg;
	while (*s == ' ')
		s++;
	size_t n = strcspn(s, "\n");
	strbuf_addn(out, s, n);
}

static enum db_fail classify(PGconn *conn, const struct params *p)
{
	const char *msg = PQerrorMessage(conn);
	if (db_only_standbys(msg))
		return DB_FAIL_DOWN; /* a standby took the password, but no server takes writes */
	if (PQconnectionNeedsPassword(conn))
		return DB_FAIL_NEED_PASSWORD;
	if (PQconnectionUsedPassword(conn))
		return strstr(msg, "not permitted to log in") ? DB_FAIL_NOT_PERMITTED
							       : DB_FAIL_PASSWORD;
	if (strstr(msg, "not permitted to log in"))
		return DB_FAIL_NOT_PERMITTED;
	if (PQpingParams(p->kw, p->val, 1) == PQPING_NO_RESPONSE)
		return DB_FAIL_DOWN;
	if (strstr(msg, "pg_hba.conf") || strstr(msg, "does not exist"))
		return DB_FAIL_REJECTED;
	return DB_FAIL_OTHER;
}

static void fail_message(struct db_error *err, enum db_fail why, const char *who)
{
	strbuf_reset(&err->message);
	switch (why) {
	case DB_FAIL_DOWN: trf(&err->message, MSG_DB_FAIL_DOWN); break;
	case DB_FAIL_PASSWORD: trf(&err->message, MSG_DB_FAIL_PASSWORD, who); break;
	case DB_FAIL_NEED_PASSWORD: trf(&err->message, MSG_DB_FAIL_NEED_PASSWORD, who); break;
	case DB_FAIL_REJECTED: trf(&err->message, MSG_DB_FAIL_REJECTED, who); break;
	case DB_FAIL_NOT_PERMITTED: trf(&err->message, MSG_DB_FAIL_NOT_PERMITTED, who); break;
	default: trf(&err->message, MSG_DB_FAIL_OTHER, strbuf_str(&err->detail)); break;
	}
}

/* A server message outside a query (the server ending the session, a
 * NOTICE) would be printed by libpq over the console's screen: log it. */
static void notice_to_log(void *arg, const char *message)
{
	(void)arg;
	log_info("server: %.*s", (int)strcspn(message, "\n"), message);
}

/* The session's limits: db.statement_timeout for every statement (0: the server's),
 * and the server checks every second whether the client is still there,
 * so a killed console's long statement stops within a second. */
static void session_limits(struct db *db)
{
	char timeout[32];
	snprintf(timeout, sizeof timeout, "%d", db->statement_timeout);
	const char *params[1] = {timeout};
	/* without a limit of ours, the server's (or the role's) stays */
	PGresult *res =
	    PQexecParams(db->conn,
	                 "SELECT CASE WHEN $1::int > 0"
	                 "            THEN set_config('statement_timeout', $1::text, false) END,"
	                 "       set_config('client_connection_check_interval', '1000', false)",
	                 1, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		log_warn("session limits not set: %s", PQerrorMessage(db->conn));
	PQclear(res);
}

enum db_fail db_connect(struct db *db, struct db_error *err)
{
	struct params p;
	db_disconnect(db);
	db_error_reset(err);
	build_params(db, &p, 1);
	PGconn *conn = PQconnectdbParams(p.kw, p.val, 1);
	free(db->tried_user);
	db->tried_user = PQuser(conn) && *PQuser(conn) ? xstrdup(PQuser(conn)) : NULL;
	if (PQstatus(conn) == CONNECTION_OK) {
		db->conn = conn;
		db->state = DB_UP;
		db->generation++;
		if (db->notices_to_log)
			PQsetNoticeProcessor(conn, notice_to_log, NULL);
		session_limits(db);
		log_info("connected as %s to %s", PQuser(conn), PQdb(conn));
		return DB_FAIL_NONE;
	}
	server_reason(&err->detail, PQerrorMessage(conn));
	enum db_fail why = classify(conn, &p);
	err->status = why == DB_FAIL_DOWN || why == DB_FAIL_OTHER ? ST_ERROR : ST_DENIED;
	fail_message(err, why, db->user ? db->user : PQuser(conn) ? PQuser(conn) : "");
	PQfinish(conn);
	log_warn("connection as %s failed: %s", db->user ? db->user : "(default)",
		 strbuf_str(&err->detail));
	return why;
}

const char *db_login(const struct db *db)
{
	return db->user ? db->user : db->tried_user ? db->tried_user : "";
}

int db_reconnect(struct db *db, struct db_error *err)
{
	/* a fresh connection, tried once: PQreset and a second attempt would
	 * count two failed logins against an account whose password changed */
	enum db_fail why = db_connect(db, err);
	if (why == DB_FAIL_NONE) {
		log_info("reconnected");
		return 0;
	}
	db->state = DB_LOST;
	/* an account that may not log in now (NOLOGIN) may be resumed: keep trying */
	return why == DB_FAIL_PASSWORD || why == DB_FAIL_NEED_PASSWORD ? 1 : -1;
}

static enum status status_of(const char *st)
{
	static const char *const conflict[] = {"23505", "23P01", "40001", "40P01", "55P03", NULL};
	if (!st)
		return ST_ERROR;
	if (strcmp(st, "42501") == 0)
		return ST_DENIED;
	if (strcmp(st, "P0002") == 0 || strcmp(st, "02000") == 0)
		return ST_NOTFOUND;
	for (const char *const *c = conflict; *c; c++)
		if (strcmp(st, *c) == 0)
			return ST_CONFLICT;
	return ST_ERROR;
}

void db_error_from_result(struct db_error *err, const PGresult *res)
{
	const char *st = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	const char *detail = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL) : NULL;
	db_error_reset(err);
	snprintf(err->sqlstate, sizeof err->sqlstate, "%s", st ? st : "");
	err->status = status_of(st);
	strbuf_add(&err->detail, primary ? primary : res ? PQresultErrorMessage(res) : "");
	if (detail)
		strbuf_addf(&err->detail, " (%s)", detail);
	db_errtext(&err->message, st, primary ? primary : strbuf_str(&err->detail), detail);
}

static int lost(struct db *db, struct db_error *err)
{
	if (db->conn && PQstatus(db->conn) == CONNECTION_OK)
		return 0;
	db->state = DB_LOST;
	db_error_reset(err);
	err->status = ST_ERROR;
	err->lost = 1;
	strbuf_add(&err->detail, db->conn ? PQerrorMessage(db->conn) : "");
	trf(&err->message, MSG_DB_LOST);
	log_warn("connection lost: %s", strbuf_str(&err->detail));
	return 1;
}

/* A request in flight holds the connection: refuse clearly instead of
 * waiting behind it (see db.h). Returns 1 when refused, err filled. */
static int busy(struct db *db, struct db_error *err)
{
	if (db->async_pending && db->conn && db->state == DB_UP) {
		db_error_reset(err);
		err->status = ST_CONFLICT;
		trf(&err->message, MSG_DB_BUSY);
		log_warn("statement refused: a request is in flight");
		return 1;
	}
	if (db->draining && db_drain_wait(db) != 0) {
		db_error_reset(err);
		err->status = ST_ERROR;
		err->lost = 1;
		trf(&err->message, MSG_DB_LOST);
		return 1;
	}
	return 0;
}

PGresult *db_exec(struct db *db, const char *sql, int nparams, const char *const *params,
		  struct db_error *err)
{
	if (busy(db, err))
		return NULL;
	if (!db->conn || db->state != DB_UP) {
		db_error_reset(err);
		err->status = ST_ERROR;
		err->lost = 1;
		trf(&err->message, MSG_DB_LOST);
		return NULL;
	}
	PGresult *res = PQexecParams(db->conn, sql, nparams, NULL, params, NULL, NULL, 0);
	ExecStatusType rs = PQresultStatus(res);
	if (rs == PGRES_TUPLES_OK || rs == PGRES_COMMAND_OK)
		return res;
	if (!lost(db, err))
		db_error_from_result(err, res);
	log_debug("statement failed: %s", strbuf_str(&err->detail));
	PQclear(res);
	return NULL;
}

enum status db_command(struct db *db, const char *sql, int nparams, const char *const *params,
		       struct db_error *err)
{
	PGresult *res = db_exec(db, sql, nparams, params, err);
	if (!res)
		return err->status;
	PQclear(res);
	return ST_OK;
}

enum status db_script(struct db *db, const char *sql, struct db_error *err)
{
	if (busy(db, err))
		return err->status;
	PGresult *res = PQexec(db->conn, sql);
	ExecStatusType rs = PQresultStatus(res);
	if (rs == PGRES_TUPLES_OK || rs == PGRES_COMMAND_OK) {
		PQclear(res);
		return ST_OK;
	}
	if (!lost(db, err))
		db_error_from_result(err, res);
	PQclear(res);
	return err->status;
}

int db_cancel(struct db *db)
{
	char msg[256];
	if (!db->conn)
		return -1;
	PGcancel *c = PQgetCancel(db->conn);
	if (!c)
		return -1;
	int ok = PQcancel(c, msg, sizeof msg);
	PQfreeCancel(c);
	return ok ? 0 : -1;
}

void db_server_version(struct db *db, struct strbuf *out)
{
	int v = db->conn ? PQserverVersion(db->conn) : 0;
	strbuf_addf(out, "%d.%d", v / 10000, v % 10000);
}
