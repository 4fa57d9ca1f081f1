/* The audit log for admins: entries newest first with personal values
 * masked (api.audit_log), and the walk over the hash chain that finds the
 * first broken link (api.audit_verify, chunk by chunk). */
#ifndef SMCON_AUDIT_H
#define SMCON_AUDIT_H

#include "base/status.h"
#include "base/strbuf.h"
#include "db/db.h"

struct audit_entry {
	long long id;
	char *at;     /* "2026-11-27 09:30:12", local time */
	char *actor;  /* the login that did it */
	char *action; /* insert, update, delete, truncate, read, admin, lockout, note */
	char *table;  /* "rights.complaint", or "" */
	char *key;    /* the row's key as JSON, or "" */
	char *old_values, *new_values, *detail; /* JSON or "" */
	char *summary; /* one line: what changed */
};

struct audit_list {
	struct audit_entry *v;
	int n;
};

/* Optional filters (NULL or 0 for none); since is a date or a time. */
struct audit_filter {
	const char *actor;
	const char *table;
	const char *since;
	long long before_id; /* entries older than this one (paging) */
	int limit;           /* 0: 100 */
};

/* Appends a JSON value as PostgreSQL prints jsonb ({"a": 1, "b": "x"}) with
 * each member of the outer object on a line of its own ("a": 1), nested
 * values kept whole on their member's line; anything but an object is
 * appended as it is. Every line ends with a newline. */
void audit_json_lines(const char *json, struct strbuf *out);

enum status audit_log(struct db *db, const struct audit_filter *f, struct audit_list *out,
		      struct db_error *err);
/* Sends the same query without waiting (db_async_send); read its result
 * with audit_list_read. */
enum status audit_log_send(struct db *db, const struct audit_filter *f, struct db_error *err);
/* The entries of a finished api.audit_log result. */
void audit_list_read(const PGresult *res, struct audit_list *out);
void audit_list_free(struct audit_list *l);

struct audit_check {
	long long checked;   /* rows whose hash was recomputed */
	long long broken_id; /* the first broken link, 0 when the chain is whole */
	char *problem;       /* changed, start, missing, link or head; NULL when whole */
	long long last_id;   /* the chain's last row */
	char *last_hash;     /* its hash, hex */
	long heads;          /* heads compared from the head file */
	long head_line;      /* the head file's line that differs (problem "external") */
};

/* Walks the whole chain, chunk rows at a time (0: 100000), calling
 * progress(arg, rows so far) after each chunk when given. Stops at the
 * first broken link. Returns ST_OK when the walk ran (whole or not). */
enum status audit_verify(struct db *db, int chunk, void (*progress)(void *, long long),
			 void *arg, struct audit_check *out, struct db_error *err);
void audit_check_free(struct audit_check *c);

/* The heads kept outside the database (audit_head.c). path holds one line
 * per head written before, "ID HASH WHEN". Compares each with the chain
 * (api.audit_hashes): the first that differs or is missing becomes c's
 * broken link (problem "external", head_line its line); when all agree and
 * the chain c describes is whole, appends c's head with the time (the file
 * is made 0600 when new). Returns ST_OK when the comparison ran; ST_ERROR
 * (or the database's status) with err filled when the file cannot be read,
 * parsed or written. */
enum status audit_head_file(struct db *db, const char *path, struct audit_check *c,
                            struct db_error *err);

/* What a login records of its own output (api.audit_note), written where a
 * rollback cannot undo it: an export of warehouse data, or a report run
 * that went to a standby (whose own log is only the server's). Text members
 * may be NULL, rows -1 when not counted. */
struct audit_output {
	const char *op;     /* "export" or "report_run" */
	const char *what;   /* entity_search, entity_profile, report */
	const char *key;    /* the search text, the USCC, the report's name */
	const char *file;   /* where it went ("-": standard output) */
	const char *format; /* csv, text, xlsx … */
	long rows;
	const char *server; /* for a run elsewhere: standby, report */
	const char *params; /* a report's period, org unit and grouping */
};

/* Records o on db (the primary). An export is recorded before its file is
 * written: a console that cannot record it does not export. */
enum status audit_output_note(struct db *db, const struct audit_output *o, struct db_error *err);

#endif
