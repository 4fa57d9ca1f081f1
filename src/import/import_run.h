/* smcon import THEME FILE: the validating importer. The file is read and
 * made UTF-8, its header mapped onto the theme's fields, every row checked;
 * good rows are streamed with COPY into a staging table of the session, and
 * the database checks them again and upserts them by their natural key, all
 * in one transaction. Rows either side refuses are reported with their line
 * and reason and written to FILE.rejects.csv; the good rows load (or, with
 * all_or_nothing, nothing loads when any row is bad). Each import is a row
 * of meta.import_job. */
#ifndef SMCON_IMPORT_RUN_H
#define SMCON_IMPORT_RUN_H

#include "base/status.h"
#include "base/strbuf.h"
#include "db/db.h"
#include "import/import_reject.h"

struct import_opts {
	const char *theme;
	const char *path;
	const char *source; /* source_system for rows that do not name one; NULL = the default */
	int dry_run;        /* check and report, change nothing */
	int all_or_nothing; /* one bad row and nothing loads */
};

struct import_report {
	long job;
	int gb18030; /* the file was GB18030 and was converted */
	long read, good, rejected, inserted, updated, unchanged;
	const char *status;  /* "loaded", "refused" (all or nothing) or "dry_run" */
	char *rejects_path;  /* FILE.rejects.csv when it was written, else NULL */
	struct import_rejects rejects;
};

/* Runs an import. Returns ST_OK when it ran to the end (r says what became
 * of each row, rejected ones included); ST_USAGE or ST_NOTFOUND when the
 * file is refused as a whole (not found, wrong encoding, bad header),
 * ST_ERROR or the database's status when the import failed and nothing was
 * written; msg says why. Free r with import_report_free() in every case. */
enum status import_run(struct db *db, const struct import_opts *o, struct import_report *r, struct strbuf *msg);
void import_report_free(struct import_report *r);

#endif
