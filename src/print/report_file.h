/* A report run written out whole or not at all: the rows are fetched in
 * pieces from the run's cursor and written as they arrive, to a temporary
 * file beside the target that is renamed into place at the end (a failed
 * or cancelled run leaves no file). The file name, when the target is a
 * directory, carries the report, its parameters and the date. */
#ifndef SMCON_REPORT_FILE_H
#define SMCON_REPORT_FILE_H

#include <stdio.h>

#include "base/strbuf.h"
#include "domain/report.h"
#include "print/report_out.h"

/* Appends REPORT_ORG_BY_FROM_TO_YYYYMMDD.EXT (today's date) to dir/. */
void report_file_name(const struct report_run *run, const char *report, enum report_format f,
                      const char *dir, struct strbuf *out);

struct report_write {
	const char *name, *title;
	enum report_format format;
	int bom;
	const char *target; /* a file or a directory; NULL: write to stream */
	FILE *stream;
	int fetch_rows; /* rows per FETCH */
	/* called after each piece with the rows written so far (may be NULL) */
	void (*progress)(void *arg, long rows);
	void *arg;
};

/* Writes the open run. Returns ST_OK with the file's final name in path
 * (when target was given), or the status with err filled (a write failure
 * is ST_ERROR with the errno's text) and nothing left behind. */
enum status report_write_run(struct report_run *run, const struct report_write *w,
                             struct strbuf *path, struct db_error *err);

#endif
