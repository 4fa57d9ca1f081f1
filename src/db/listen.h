/* The LISTEN registry of the app's connection: who wants which channel.
 *
 * Channels are counted: db_listen() adds a reference, db_unlisten() drops
 * one; the server is told (LISTEN / UNLISTEN, the channel name quoted as an
 * identifier with PQescapeIdentifier, never pasted into SQL) by
 * db_listen_sync(), which the event loop calls whenever the connection is
 * free (no request in flight). After every (re)connection each channel with
 * references is LISTENed again by the same call, so subscribers never
 * notice a reconnect -- except that a notification sent while the
 * connection was down is lost: a subscriber should refresh after a
 * reconnect (the live list does).
 *
 * Screens do not call this directly: they use app_subscribe() (ui/app.h),
 * which routes each notification to the screen's notify handler. */
#ifndef SMCON_DB_LISTEN_H
#define SMCON_DB_LISTEN_H

#include "db/db.h"

struct db_channel {
	char *name;
	int refs;      /* subscribers; 0: to be UNLISTENed */
	int listening; /* the server has our LISTEN for it on this connection */
};

/* Whether name can be a channel (1..63 bytes, no NUL): the name is quoted,
 * so any other text is safe. */
int db_channel_valid(const char *name);
/* Adds a reference to channel; returns 0, or -1 for an invalid name. */
int db_listen(struct db *db, const char *channel);
/* Drops a reference (a channel never listened to is ignored). */
void db_unlisten(struct db *db, const char *channel);
/* Tells the server what changed when the connection is free; returns the
 * number of statements that failed (they are retried next time). */
int db_listen_sync(struct db *db);
/* Whether some channel still waits for its LISTEN / UNLISTEN. */
int db_listen_pending(const struct db *db);
/* Whether channel is LISTENed on the current connection. */
int db_listening(const struct db *db, const char *channel);
/* The connection is gone: every channel must be LISTENed again. */
void db_listen_forget(struct db *db);
/* Frees the registry. */
void db_listen_free(struct db *db);
/* Whether a NOTIFY payload written by json_build_object names key with the
 * unquoted value (a number): {"id" : 12, ...} for key "id", value "12". */
int db_payload_has(const char *payload, const char *key, const char *value);
/* The next notification that arrived (caller PQfreemem()s), or NULL. Call
 * after db_pump(), which reads the socket. */
PGnotify *db_notify_next(struct db *db);

#endif
