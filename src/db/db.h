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
	int async_pending; /* a statement sent with db_async_send() is running */
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

/* Sends one statement and returns at once (for screens that must stay
 * responsive while a query runs). One at a time. Returns ST_OK or err->status. */
enum status db_async_send(struct db *db, const char *sql, int nparams,
			  const char *const *params, struct db_error *err);
/* Collects the result of db_async_send() without blocking: returns 0 while
 * it is still running, or 1 with *res set (caller PQclear()s) or *res NULL
 * and err filled when it failed. */
int db_async_poll(struct db *db, PGresult **res, struct db_error *err);
/* Cancels the running statement, if any, and discards its result. */
void db_async_cancel(struct db *db);

/* Asks the server to cancel the statement running on db. Returns 0 or -1. */
int db_cancel(struct db *db);
/* Server version as "15.18". */
void db_server_version(struct db *db, struct strbuf *out);

#endif
