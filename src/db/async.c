/* Statements that run while the console goes on: send, poll, cancel. */
#include <string.h>

#include "base/log.h"
#include "db/db.h"
#include "i18n/i18n.h"

static void lost_error(struct db *db, struct db_error *err)
{
	db->state = DB_LOST;
	db->async_pending = 0;
	db_error_reset(err);
	err->status = ST_ERROR;
	strbuf_add(&err->detail, db->conn ? PQerrorMessage(db->conn) : "");
	trf(&err->message, MSG_DB_LOST);
}

enum status db_async_send(struct db *db, const char *sql, int nparams,
			  const char *const *params, struct db_error *err)
{
	if (db->async_pending)
		db_async_cancel(db);
	if (!db->conn || db->state != DB_UP) {
		lost_error(db, err);
		return err->status;
	}
	if (!PQsendQueryParams(db->conn, sql, nparams, NULL, params, NULL, NULL, 0)) {
		lost_error(db, err);
		return err->status;
	}
	db->async_pending = 1;
	return ST_OK;
}

static int succeeded(const PGresult *r)
{
	ExecStatusType st = PQresultStatus(r);
	return r && (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK);
}

/* Takes every result of the finished statement: the first failure, or else
 * the last result. */
static PGresult *collect(struct db *db)
{
	PGresult *keep = NULL, *r;
	while ((r = PQgetResult(db->conn))) {
		if (keep && !succeeded(keep)) {
			PQclear(r);
			continue;
		}
		PQclear(keep);
		keep = r;
	}
	return keep;
}

int db_async_poll(struct db *db, PGresult **res, struct db_error *err)
{
	*res = NULL;
	if (!db->async_pending)
		return 0;
	if (!PQconsumeInput(db->conn)) {
		lost_error(db, err);
		return 1;
	}
	if (PQisBusy(db->conn))
		return 0;
	db->async_pending = 0;
	PGresult *r = collect(db);
	if (succeeded(r)) {
		*res = r;
		return 1;
	}
	if (PQstatus(db->conn) != CONNECTION_OK)
		lost_error(db, err);
	else
		db_error_from_result(err, r);
	PQclear(r);
	return 1;
}

void db_async_cancel(struct db *db)
{
	if (!db->async_pending)
		return;
	if (db_cancel(db) != 0)
		log_warn("cancel request failed");
	/* The server answers a cancel at once; wait for it so the connection is free. */
	PQclear(collect(db));
	db->async_pending = 0;
	if (PQstatus(db->conn) != CONNECTION_OK)
		db->state = DB_LOST;
}
