/* Schema migrations: sql/migrations/NNNN_name.sql, compiled into the binary,
 * applied in order, each in its own transaction, and recorded with a
 * checksum in meta.schema_migration. A migration changed after it was
 * applied is an error, never silently re-run. */
#ifndef SMCON_MIGRATE_H
#define SMCON_MIGRATE_H

#include "db/db.h"

struct migrate_state {
	int known;     /* migrations this binary carries */
	int applied;   /* recorded in the database */
	int pending;   /* known but not applied */
	int unknown;   /* applied but unknown to this binary (a newer smcon ran) */
	char *latest;  /* name of the newest applied migration, or NULL */
};

void migrate_state_free(struct migrate_state *ms);
/* Reads the migration level. Returns ST_OK or err->status. */
enum status migrate_status(struct db *db, struct migrate_state *ms, struct db_error *err);
/* Called before each migration is applied (or would be, with dry_run). */
typedef void (*migrate_cb)(void *arg, const char *name);
/* Applies every pending migration in order. Returns ST_OK, or err->status
 * with a message that names the file and line that failed. */
enum status migrate_run(struct db *db, int dry_run, migrate_cb cb, void *arg,
			struct db_error *err);

#endif
