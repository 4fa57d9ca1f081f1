#include "db/conninfo.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/log.h"
#include "i18n/i18n.h"

int db_keepalive_params(const char **kw, const char **val)
{
	static const char *const k[] = {"keepalives", "keepalives_idle", "keepalives_interval",
	                                "keepalives_count", "tcp_user_timeout"};
	static const char *const v[] = {"1", "2", "1", "2", "4000"};
	int n = (int)(sizeof k / sizeof k[0]);
	for (int i = 0; i < n; i++) {
		kw[i] = k[i];
		val[i] = v[i];
	}
	return n;
}

int db_only_standbys(const char *msg)
{
	/* libpq's words for a server target_session_attrs turned down */
	return strstr(msg, "session is read-only") || strstr(msg, "server is in hot standby mode");
}

int db_alive(struct db *db)
{
	if (!db->conn || db->state != DB_UP)
		return 0;
	/* twice: a shut-down server's FATAL may come in one read, its end in the next */
	for (int i = 0; i < 2; i++) {
		if (!PQconsumeInput(db->conn) || PQstatus(db->conn) != CONNECTION_OK) {
			log_warn("connection lost: %.*s",
			         (int)strcspn(PQerrorMessage(db->conn), "\n"),
			         PQerrorMessage(db->conn));
			db->state = DB_LOST;
			return 0;
		}
		if (!db->async_pending)
			(void)PQisBusy(
			    db->conn); /* hands a message from an idle server to the notice log */
	}
	return 1;
}

int db_reconnect_wait(struct db *db, int seconds, struct db_error *err)
{
	struct timespec start, now, second = {1, 0};
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		int r = db_reconnect(db, err);
		if (r != -1)
			return r;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec - start.tv_sec >= seconds)
			return -1;
		nanosleep(&second, NULL);
	}
}

void db_reports_init(struct db_reports *r)
{
	memset(r, 0, sizeof *r);
}

/* Whether the report server is a standby: 1, 0, or -1 when asking failed. */
static int in_recovery(struct db *db, struct db_error *err)
{
	PGresult *res = db_exec(db, "SELECT pg_is_in_recovery()", 0, NULL, err);
	if (!res)
		return -1;
	int yes = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
	PQclear(res);
	return yes;
}

static struct db *use_primary(struct db_reports *r, struct db *primary)
{
	r->use = primary;
	r->where = REPORTS_PRIMARY;
	return primary;
}

static struct db *reports_open(struct db_reports *r, const struct conf *conf, struct db *primary,
                               int strict, struct db_error *err)
{
	db_error_reset(err);
	if (r->where != REPORTS_CLOSED && (r->use == primary || db_alive(&r->own)))
		return r->use;
	db_reports_close(r);
	if (!conf->db_report_conninfo || !conf->db_report_conninfo[0])
		return use_primary(r, primary);
	db_init(&r->own, conf->db_report_conninfo, conf->db_connect_timeout, 0);
	r->own.notices_to_log = primary->notices_to_log;
	const char *login = db_login(primary);
	db_set_login(&r->own, *login ? login : NULL, primary->password);
	int standby = -1;
	if (db_connect(&r->own, err) == DB_FAIL_NONE)
		standby = in_recovery(&r->own, err);
	if (standby < 0 && strict) {
		db_free(&r->own);
		return NULL;
	}
	if (standby < 0) {
		log_warn("report server not used, reports go to the primary: %s",
		         strbuf_str(&err->message));
		char *why = strbuf_detach(&err->message);
		trf(&err->message, MSG_HA_REPORTS_FALLBACK, why);
		free(why);
		db_free(&r->own);
		return use_primary(r, primary);
	}
	r->use = &r->own;
	r->where = standby ? REPORTS_STANDBY : REPORTS_OTHER;
	log_info("reports go to %s (%s)", PQhost(r->own.conn),
	         standby ? "a standby" : "not a standby");
	return r->use;
}

struct db *db_reports_open(struct db_reports *r, const struct conf *conf, struct db *primary,
                           struct db_error *err)
{
	return reports_open(r, conf, primary, 0, err);
}

struct db *db_reports_open_strict(struct db_reports *r, const struct conf *conf, struct db *primary,
                                  struct db_error *err)
{
	return reports_open(r, conf, primary, 1, err);
}

void db_reports_close(struct db_reports *r)
{
	if (r->use == &r->own)
		db_free(&r->own);
	db_reports_init(r);
}

const char *db_reports_server(const struct db_reports *r)
{
	switch (r->where) {
	case REPORTS_STANDBY: return "standby";
	case REPORTS_OTHER: return "report";
	default: return NULL;
	}
}

const char *db_reports_label(const struct db_reports *r)
{
	switch (r->where) {
	case REPORTS_STANDBY: return tr(MSG_HA_REPORTS_STANDBY);
	case REPORTS_OTHER: return tr(MSG_HA_REPORTS_OTHER);
	default: return NULL;
	}
}
