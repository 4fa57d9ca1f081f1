/* Statements that run while the console goes on: send, poll, cancel without
 * blocking, and the event loop's pump (see "the one request in flight" in
 * db/db.h). */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/xalloc.h"
#include "db/db.h"
#include "i18n/i18n.h"

static void lost_error(struct db *db, struct db_error *err)
{
	db->state = DB_LOST;
	db->async_pending = 0;
	db->async_owner = NULL;
	db_error_reset(err);
	err->status = ST_ERROR;
	err->lost = 1;
	strbuf_add(&err->detail, db->conn ? PQerrorMessage(db->conn) : "");
	trf(&err->message, MSG_DB_LOST);
}

static void drop_queued(struct db *db)
{
	for (int i = 0; i < db->queued_n; i++)
		free(db->queued_params[i]);
	free(db->queued_params);
	free(db->queued_sql);
	db->queued_params = NULL;
	db->queued_sql = NULL;
	db->queued_n = 0;
}

static int succeeded(const PGresult *r)
{
	ExecStatusType st = PQresultStatus(r);
	return r && (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK);
}

/* Reads the results that are there without waiting: returns 1 when the
 * statement is finished (PQgetResult gave NULL), 0 when more is to come.
 * Keeps the first failure, or else the last result, in *keep (may be NULL). */
static int take_ready(struct db *db, PGresult **keep)
{
	while (!PQisBusy(db->conn)) {
		PGresult *r = PQgetResult(db->conn);
		if (!r)
			return 1;
		if (!keep || (*keep && !succeeded(*keep))) {
			PQclear(r);
			continue;
		}
		PQclear(*keep);
		*keep = r;
	}
	return 0;
}

/* Cancel requests in flight, shared by a connection and its cancel threads
 * (whichever ends last frees it). A drain ends only when both the cancelled
 * statement's results are read and its cancel request has reached the
 * server: a request still on its way would cancel whatever the session runs
 * next (the export after a cancelled load, say). */
struct db_cancels {
	atomic_int refs;     /* the connection's one, and one per thread */
	atomic_int inflight; /* requests not yet taken by the server */
};

struct cancel_job {
	PGcancel *c;
	struct db_cancels *shared;
};

static void cancels_release(struct db_cancels *k)
{
	if (atomic_fetch_sub(&k->refs, 1) == 1)
		free(k);
}

/* The cancel request travels on a connection of its own; PQcancel blocks
 * until the server took it, so it runs in a thread of its own. */
static void *cancel_thread(void *arg)
{
	char msg[256];
	struct cancel_job *job = arg;
	PQcancel(job->c, msg, sizeof msg);
	PQfreeCancel(job->c);
	atomic_fetch_sub(&job->shared->inflight, 1);
	cancels_release(job->shared);
	free(job);
	return NULL;
}

static void cancel_in_background(struct db *db)
{
	PGcancel *c = PQgetCancel(db->conn);
	pthread_t th;
	pthread_attr_t attr;
	if (!c) {
		log_warn("no cancel handle: the statement runs to its end");
		return;
	}
	if (!db->cancels) {
		db->cancels = xcalloc(1, sizeof *db->cancels);
		atomic_init(&db->cancels->refs, 1);
		atomic_init(&db->cancels->inflight, 0);
	}
	struct cancel_job *job = xcalloc(1, sizeof *job);
	job->c = c;
	job->shared = db->cancels;
	atomic_fetch_add(&db->cancels->refs, 1);
	atomic_fetch_add(&db->cancels->inflight, 1);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	if (pthread_create(&th, &attr, cancel_thread, job) != 0) {
		log_warn("cancel thread not started: the statement runs to its end");
		atomic_fetch_sub(&db->cancels->inflight, 1);
		cancels_release(db->cancels);
		PQfreeCancel(c);
		free(job);
	}
	pthread_attr_destroy(&attr);
}

static int cancels_inflight(const struct db *db)
{
	return db->cancels ? atomic_load(&db->cancels->inflight) : 0;
}

void db_cancels_free(struct db *db)
{
	if (db->cancels)
		cancels_release(db->cancels);
	db->cancels = NULL;
}

void db_async_cancel(struct db *db)
{
	if (!db->async_pending)
		return;
	db->async_pending = 0;
	db->async_owner = NULL;
	db->async_broken = 0;
	PQclear(db->partial);
	db->partial = NULL;
	if (db->queued_sql) { /* never sent: forget it, the drain goes on */
		drop_queued(db);
		return;
	}
	if (!db->conn || db->state != DB_UP)
		return;
	db->draining = 1;
	db->drained = 0;
	cancel_in_background(db);
	db_pump(db);
}

void db_async_cancel_owned(struct db *db, const void *owner)
{
	if (db->async_pending && owner && db->async_owner == owner)
		db_async_cancel(db);
}

void db_async_reset(struct db *db)
{
	if (db->async_pending)
		db->async_broken = 1;
	db->draining = db->drained = 0;
	drop_queued(db);
	PQclear(db->partial);
	db->partial = NULL;
}

/* Waits for a cancelled statement's results (a synchronous statement is
 * about to wait for its own anyway), at most the connect timeout. */
int db_drain_wait(struct db *db)
{
	long long limit = (db->connect_timeout > 0 ? db->connect_timeout : 5) * 1000LL;
	while (db->draining && db->state == DB_UP) {
		struct pollfd pfd = {PQsocket(db->conn), POLLIN, 0};
		if (limit <= 0) {
			log_warn("a cancelled statement did not end: the connection is given up");
			db->state = DB_LOST;
			db->draining = db->drained = 0;
			return -1;
		}
		if (poll(&pfd, 1, 100) < 0 && errno != EINTR)
			break;
		limit -= 100;
		db_pump(db);
	}
	return db->state == DB_UP ? 0 : -1;
}

static void queue(struct db *db, const char *sql, int nparams, const char *const *params)
{
	drop_queued(db);
	db->queued_sql = xstrdup(sql);
	db->queued_n = nparams;
	db->queued_params = xcalloc((size_t)nparams + 1, sizeof(char *));
	for (int i = 0; i < nparams; i++)
		db->queued_params[i] = params[i] ? xstrdup(params[i]) : NULL;
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
	if (db->draining) {
		queue(db, sql, nparams, params);
	} else if (!PQsendQueryParams(db->conn, sql, nparams, NULL, params, NULL, NULL, 0)) {
		lost_error(db, err);
		return err->status;
	}
	db->async_pending = 1;
	db->async_owner = NULL;
	return ST_OK;
}

void db_async_adopt(struct db *db, const void *owner)
{
	if (db->async_pending)
		db->async_owner = owner;
}

const void *db_async_owner(const struct db *db)
{
	return db->async_pending ? db->async_owner : NULL;
}

int db_idle(const struct db *db)
{
	return db->conn && db->state == DB_UP && !db->async_pending && !db->draining;
}

void db_pump(struct db *db)
{
	if (!db->conn || db->state != DB_UP)
		return;
	if (!PQconsumeInput(db->conn) || PQstatus(db->conn) != CONNECTION_OK) {
		log_warn("connection lost: %s", PQerrorMessage(db->conn));
		db->state = DB_LOST;
		db->draining = db->drained = 0;
		drop_queued(db);
		return;
	}
	if (db->draining && !db->drained && take_ready(db, NULL))
		db->drained = 1;
	if (db->draining && db->drained && cancels_inflight(db) == 0)
		db->draining = db->drained = 0;
	if (!db->draining && db->queued_sql) {
		if (!PQsendQueryParams(db->conn, db->queued_sql, db->queued_n, NULL,
		                       (const char *const *)db->queued_params, NULL, NULL, 0))
			db->state = DB_LOST; /* the sender's poll reports it */
		drop_queued(db);
	}
}

int db_async_poll(struct db *db, PGresult **res, struct db_error *err)
{
	*res = NULL;
	if (!db->async_pending)
		return 0;
	if (db->async_broken) { /* the connection has been replaced since */
		db->async_broken = 0;
		db->async_pending = 0;
		db->async_owner = NULL;
		db_error_reset(err);
		err->status = ST_ERROR;
		err->lost = 1;
		trf(&err->message, MSG_DB_LOST);
		return 1;
	}
	if (!db->conn || db->state != DB_UP) {
		lost_error(db, err);
		return 1;
	}
	db_pump(db);
	if (db->state != DB_UP) {
		lost_error(db, err);
		return 1;
	}
	if (db->draining || db->queued_sql)
		return 0;
	if (!take_ready(db, &db->partial))
		return 0;
	PGresult *r = db->partial;
	db->partial = NULL;
	db->async_pending = 0;
	db->async_owner = NULL;
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

int db_async_poll_owned(struct db *db, const void *owner, PGresult **res, struct db_error *err)
{
	*res = NULL;
	if (!db->async_pending || db->async_owner != owner)
		return -1;
	return db_async_poll(db, res, err);
}
