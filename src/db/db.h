/* The database connection: connect as the operator's own PostgreSQL role,
 * run parameterised statements through one choke point that checks every
 * result and turns SQLSTATEs into messages and statuses, and reconnect after
 * a dropped connection. Values reach SQL only as parameters. */
#ifndef SMCON_DB_H
#define SMCON_DB_H

#include <libpq-fe.h>

#include "base/status.h"
#include "base/strbuf.h"

/* Why a connection attempt failed. */
enum db_fail {
	DB_FAIL_NONE,
	DB_FAIL_DOWN,          /* no server answers at that address */
	DB_FAIL_PASSWORD,      /* the server asked for a password and refused it */
	DB_FAIL_NEED_PASSWORD, /* a password is needed and none was given */
	DB_FAIL_REJECTED,      /* the server refuses this account (unknown, not staff) */
	DB_FAIL_NOT_PERMITTED, /* the role may not log in (suspended) */
	DB_FAIL_OTHER,
};

struct db_error {
	enum status status;
	char sqlstate[6];
	struct strbuf message; /* for the operator, in the UI language */
	struct strbuf detail;  /* what the server or libpq said */
	int lost;              /* the connection dropped: the statement may be sent again */
};

enum db_state { DB_CLOSED, DB_UP, DB_LOST };

struct db {
	PGconn *conn;
	enum db_state state;
	char *conninfo; /* from the configuration or -d; may be "" */
	char *user;     /* login role, NULL = libpq default */
	char *tried_user; /* the login role of the last attempt, libpq's default resolved */
	char *password; /* kept for reconnecting; wiped when freed */
	int connect_timeout;
	int statement_timeout;
	int async_pending;       /* a request sent with db_async_send() is running or queued */
	const void *async_owner; /* who the request belongs to (db_async_adopt), NULL: anyone */
	int draining;            /* a cancelled statement's results are still to be read,
	                          * or its cancel request is still on its way */
	int drained;             /* ... the results are read; the cancel may still travel */
	struct db_cancels *cancels; /* cancel requests in flight (db/async.c) */
	char *queued_sql;        /* a request waiting for the cancelled one to drain */
	char **queued_params;
	int queued_n;
	PGresult *partial;           /* results of the pending request read so far */
	int async_broken;            /* the pending request died with its connection */
	struct db_channel *channels; /* the LISTEN registry (db/listen.h) */
	int nchannels;
	unsigned generation; /* counts successful connections: a change means a new session */
	int notices_to_log; /* server notices go to the log, not stderr (full screen) */
};

void db_error_init(struct db_error *err);
void db_error_free(struct db_error *err);
void db_error_reset(struct db_error *err);
/* Sets err to a status and message of our own. */
void db_error_set(struct db_error *err, enum status st, const char *msg);

/* Prepares db (no connection yet). Strings are copied. */
void db_init(struct db *db, const char *conninfo, int connect_timeout, int statement_timeout);
/* Closes the connection and wipes the stored password. */
void db_free(struct db *db);
/* Sets the login (NULL user = libpq's default, NULL password = libpq's
 * sources: PGPASSWORD, .pgpass, service file). */
void db_set_login(struct db *db, const char *user, const char *password);

/* The login role: the one set, else the one libpq took at the last attempt
 * to connect (PGUSER, a service file, the operating-system user); "" before
 * any attempt. */
const char *db_login(const struct db *db);
/* Connects. Returns DB_FAIL_NONE, or the reason with err filled. */
enum db_fail db_connect(struct db *db, struct db_error *err);
void db_disconnect(struct db *db);
/* Tries once to re-establish a lost connection with the saved login.
 * Returns 0; 1 when the server refused the password (changed by an admin:
 * do not try it again); -1 otherwise, a suspended account included, which
 * may be resumed (err filled). */
int db_reconnect(struct db *db, struct db_error *err);

/* Runs one statement with text parameters (NULL entries are SQL NULL).
 * Returns the result (caller PQclear()s) or NULL with err filled; a lost
 * connection sets db->state to DB_LOST. */
PGresult *db_exec(struct db *db, const char *sql, int nparams, const char *const *params,
		  struct db_error *err);
/* Like db_exec for statements that return no rows. Returns ST_OK or err->status. */
enum status db_command(struct db *db, const char *sql, int nparams, const char *const *params,
		       struct db_error *err);
/* Runs a script of several statements (our own SQL files, never input). */
enum status db_script(struct db *db, const char *sql, struct db_error *err);
/* Fills err from a failed result. */
void db_error_from_result(struct db_error *err, const PGresult *res);

/* ---- the one request in flight ------------------------------------------
 *
 * The connection belongs to the app. At most one request runs on it at a
 * time; it may carry an owner token (the state pointer of the screen that
 * sent it, see db_async_adopt) so that its result reaches that screen only,
 * and the app cancels it when the screen is closed or covered.
 *
 * Cancelling never blocks: libpq 15 has no PQcancelPoll, so the cancel
 * request (PQcancel, which opens a connection of its own) goes out from a
 * short-lived detached thread, and the cancelled statement's remaining
 * results are read and dropped by db_pump() from the event loop ("draining").
 * A request sent while a cancelled one drains is queued (copied) and sent by
 * db_pump() as soon as the connection is free; to its sender it simply looks
 * like a request still running.
 *
 * While a request is pending, db_exec()/db_command() refuse at once with
 * MSG_DB_BUSY (status ST_CONFLICT) instead of queueing behind it. While only a
 * cancelled statement drains, they wait for it (at most db.connect_timeout
 * seconds, 5 when unset, then the connection is declared lost and reconnected). */

/* Sends one statement and returns at once (for screens that must stay
 * responsive while a query runs). A request already pending is cancelled
 * (without blocking) and replaced. The new request has no owner until
 * db_async_adopt(). Returns ST_OK or err->status. */
enum status db_async_send(struct db *db, const char *sql, int nparams,
			  const char *const *params, struct db_error *err);
/* Tags the pending request with owner (a screen's state pointer): only that
 * owner's db_async_poll_owned() gets its result. */
void db_async_adopt(struct db *db, const void *owner);
/* The owner of the pending request (NULL when none or untagged). */
const void *db_async_owner(const struct db *db);
/* Collects the result of db_async_send() without blocking: returns 0 while
 * it is still running, or 1 with *res set (caller PQclear()s) or *res NULL
 * and err filled when it failed. Ignores owners (for untagged requests). */
int db_async_poll(struct db *db, PGresult **res, struct db_error *err);
/* Like db_async_poll() for owner's request: 0 while it runs, 1 when done
 * (as db_async_poll), -1 when owner has no request (never sent, cancelled
 * because its screen was covered, or replaced): send it again. */
int db_async_poll_owned(struct db *db, const void *owner, PGresult **res, struct db_error *err);
/* Cancels the pending request, if any, without blocking; its result is
 * dropped when it comes. */
void db_async_cancel(struct db *db);
/* Cancels the pending request only if owner sent it. */
void db_async_cancel_owned(struct db *db, const void *owner);
/* The event loop's part: reads what the socket has (notifications too),
 * drops a cancelled statement's results, sends a queued request. Never
 * blocks. A dropped connection sets db->state to DB_LOST. */
void db_pump(struct db *db);
/* Forgets the request state of a connection that is being closed: a
 * pending request then polls as lost (MSG_DB_LOST). Called by db_disconnect. */
void db_async_reset(struct db *db);
/* Waits (bounded) until a cancelled statement has drained; 0, or -1 when the
 * connection was given up. Used by db_exec. */
int db_drain_wait(struct db *db);
/* Lets go of the cancel requests' shared state (db_free). */
void db_cancels_free(struct db *db);
/* Whether the connection is free for a synchronous statement now. */
int db_idle(const struct db *db);

/* Asks the server to cancel the statement running on db. Returns 0 or -1. */
int db_cancel(struct db *db);
/* Server version as "15.18". */
void db_server_version(struct db *db, struct strbuf *out);

#endif
