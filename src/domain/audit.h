/* The audit log for admins: entries newest first with personal values
 * masked (api.audit_log), and the walk over the hash chain that finds the
 * first broken link (api.audit_verify, chunk by chunk). */
#ifndef SMCON_AUDIT_H
#define SMCON_AUDIT_H

#include "base/status.h"
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
};

/* Walks the whole chain, chunk rows at a time (0: 100000), calling
 * progress(arg, rows so far) after each chunk when given. Stops at the
 * first broken link. Returns ST_OK when the walk ran (whole or not). */
enum status audit_verify(struct db *db, int chunk, void (*progress)(void *, long long),
			 void *arg, struct audit_check *out, struct db_error *err);
void audit_check_free(struct audit_check *c);

#endif
