/* What the connection does beyond one server: TCP keepalives that notice a
 * dead peer within five seconds, a cheap check that a connection is still
 * there, reconnecting for a while (a failover takes seconds), and the second
 * connection heavy reads use (db.report_conninfo, usually a standby).
 *
 * Multi-host connection strings are libpq's own ("host=a,b
 * target_session_attrs=read-write"): db.conninfo is handed to libpq whole,
 * so after a failover the next connection finds the new primary. */
#ifndef SMCON_DB_CONNINFO_H
#define SMCON_DB_CONNINFO_H

#include "base/conf.h"
#include "db/db.h"

/* The keepalive defaults put before the configured conninfo (which may
 * override any of them): idle 2 s, then 2 probes 1 s apart, and unanswered
 * data given up after 4 s, so a half-open TCP connection is noticed within
 * 5 s. Unix sockets ignore them. Fills kw/val from index 0; returns how many. */
int db_keepalive_params(const char **kw, const char **val);

/* Whether libpq's message of a failed connection says that the servers
 * that answered were refused for target_session_attrs (standbys, when
 * read-write was asked for): no primary, rather than a wrong password. */
int db_only_standbys(const char *libpq_message);

/* Whether db's connection is still there, without blocking: reads what the
 * server sent (a FATAL of a shut-down server, end of file) and marks db
 * DB_LOST when it has gone. Returns 1 if up, 0 if not. */
int db_alive(struct db *db);

/* Tries to connect again (db_reconnect) every second for up to seconds,
 * for the seconds a standby needs to be promoted. Returns as db_reconnect:
 * 0 connected, 1 password refused (never retried), -1 gave up (err filled). */
int db_reconnect_wait(struct db *db, int seconds, struct db_error *err);

/* Where heavy reads go. */
enum db_reports_where {
	REPORTS_CLOSED,  /* not opened */
	REPORTS_PRIMARY, /* the operator's connection: no report_conninfo, or it failed */
	REPORTS_STANDBY, /* a server in recovery (a hot standby) */
	REPORTS_OTHER,   /* report_conninfo names a server that is not a standby */
};

/* The connection of heavy reads (reports, large exports). */
struct db_reports {
	struct db own;  /* the connection to db.report_conninfo, when open */
	struct db *use; /* what reports run on: &own, or the primary's db */
	enum db_reports_where where;
};

/* Prepares r (nothing open). */
void db_reports_init(struct db_reports *r);
/* Opens the connection for heavy reads: db.report_conninfo with the
 * primary's login (user and password), no statement timeout (reports run
 * long; the standby's own limits apply). When report_conninfo is empty or
 * the server cannot be reached, falls back to primary and logs why (err
 * says so too). Returns the db to run reports on, never NULL; r->where says
 * which. Opening again while open returns the open one. A standby accepts
 * no writes: reports there must not write (no audit rows of their own).
 * Recovery may cancel a long query on a standby (SQLSTATE 40001): see
 * doc/admin-guide.md, "Reports on a standby". */
struct db *db_reports_open(struct db_reports *r, const struct conf *conf, struct db *primary,
                           struct db_error *err);
/* The same for a run that must not move to the primary (a report from
 * cron, which an admin pointed at the standby on purpose): when
 * report_conninfo is set but cannot be used, returns NULL with err filled
 * (nothing open) instead of falling back. */
struct db *db_reports_open_strict(struct db_reports *r, const struct conf *conf, struct db *primary,
                                  struct db_error *err);
/* Closes the report connection (the primary's stays open). */
void db_reports_close(struct db_reports *r);
/* The status line's word for where reports go: NULL while they go to the
 * primary or nothing is open, else the text (in the UI language). */
const char *db_reports_label(const struct db_reports *r);
/* The same for the audit log: "standby", "report", or NULL (the primary). */
const char *db_reports_server(const struct db_reports *r);

#endif
