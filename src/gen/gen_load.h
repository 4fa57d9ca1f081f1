/* `smcon db generate`: fills an empty warehouse with generated data in one
 * transaction. Every table is streamed with COPY; the tables' own indexes
 * (those that back no constraint) and their foreign keys are dropped first
 * and made again at the end — adding a foreign key checks every row — and
 * audit triggers (audit_*) are switched off while loading. Every other
 * trigger and constraint holds row by row: the proof that the data is valid. */
#ifndef SMCON_GEN_LOAD_H
#define SMCON_GEN_LOAD_H

#include <stdint.h>

#include "db/db.h"

enum gen_step {
	GEN_STEP_PREPARED, /* count: indexes dropped */
	GEN_STEP_DEFERRED, /* the deferred checks (inspection teams) done */
	GEN_STEP_INDEXES,  /* count: indexes built */
	GEN_STEP_FKEYS,    /* count: foreign keys added (and checked) again */
	GEN_STEP_ANALYZED, /* count: tables analysed */
	GEN_STEP_COMMITTED,
};

struct gen_options {
	uint64_t seed;
	long scale;
	const char *as_of; /* YYYY-MM-DD, or NULL for today in Asia/Shanghai */
	void (*started)(void *arg, const char *as_of);
	void (*table_done)(void *arg, const char *table, long rows, double seconds);
	void (*step_done)(void *arg, enum gen_step step, long count, double seconds);
	void *arg;
};

struct gen_result {
	long rows;
	double seconds;
	long long db_bytes;
	char *db_size;  /* pg_size_pretty */
	char *nonempty; /* the first table that already had rows (ST_CONFLICT) */
	char *as_of;    /* the as-of date used */
};

/* Generates into db (connected as the warehouse owner). Returns ST_OK, or
 * ST_CONFLICT with res->nonempty set when the warehouse already has data,
 * or another status with err filled; nothing is left behind on failure.
 * The caller frees res with gen_result_free(). */
enum status gen_run(struct db *db, const struct gen_options *o, struct gen_result *res,
                    struct db_error *err);
void gen_result_free(struct gen_result *res);

#endif
