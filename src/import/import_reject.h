/* The rows an import turns away and FILE.rejects.csv: each bad row of the
 * file with its line number and the reason, as the operator can fix it and
 * import it again. The client's reasons and the database's are merged in
 * file order. Personal values (ID numbers) are masked in the file. */
#ifndef SMCON_IMPORT_REJECT_H
#define SMCON_IMPORT_REJECT_H

#include "base/csv.h"
#include "base/status.h"
#include "import/import_field.h"

struct import_reject {
	long rec_no; /* 1-based data row */
	long line;   /* the line it starts on */
	char *reason;
};

struct import_rejects {
	struct import_reject *items;
	long n, cap;
};

void import_rejects_init(struct import_rejects *rs);
void import_rejects_free(struct import_rejects *rs);
/* Adds a rejected row (reason copied). */
void import_rejects_add(struct import_rejects *rs, long rec_no, long line, const char *reason);
/* Puts the rows in file order. */
void import_rejects_sort(struct import_rejects *rs);
/* The rejects file for an import file: FILE.csv → FILE.rejects.csv. */
char *import_rejects_path(const char *path);
/* Writes the rejects file (UTF-8 with a byte order mark, for Excel): line,
 * reason, then the row's cells under the file's own header; the rows are
 * read again from text at the offsets given per rec_no. Returns ST_OK, or
 * ST_ERROR with msg filled. */
enum status import_rejects_write(const struct import_rejects *rs, const char *path, const struct import_theme *t,
				 const struct csv_row *header, const char *text, size_t len,
				 const size_t *offsets, struct strbuf *msg);

#endif
