/* Streaming rows into a table with COPY … FROM STDIN (text format), for the
 * data generator and the importer: tens of thousands of rows a second
 * instead of one INSERT each. Values are escaped here, never interpreted. */
#ifndef SMCON_COPY_H
#define SMCON_COPY_H

#include "base/strbuf.h"
#include "db/db.h"

struct copy {
	struct db *db;
	struct strbuf buf;
	int fields; /* fields in the current row */
	long rows;  /* rows sent */
};

/* Starts a COPY statement (constant text: "COPY t (a, b) FROM STDIN").
 * Returns ST_OK or err->status. */
enum status copy_begin(struct copy *c, struct db *db, const char *copy_sql, struct db_error *err);
/* Adds a field to the current row (NULL adds SQL NULL). */
void copy_field(struct copy *c, const char *value);
/* Adds value[0..len) as a field (not NUL-terminated; NULL adds SQL NULL). */
void copy_fieldn(struct copy *c, const char *value, size_t len);
void copy_fieldf(struct copy *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void copy_int(struct copy *c, long long v);
/* Ends the current row; sends the buffer when it is full. Returns ST_OK or
 * ST_ERROR when the connection failed (then copy_end reports why). */
enum status copy_row(struct copy *c);
/* Finishes the COPY. Returns ST_OK or err->status (a bad row is reported by
 * the server with its line number). */
enum status copy_end(struct copy *c, struct db_error *err);

#endif
