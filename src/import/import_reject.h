/* The rows an import turns away and FILE.rejects.csv: each bad row of the
 * file with its line number and the reason, as the operator can fix it and
 * import it again. The client's reasons and the database's are merged in
 * file order. No personal value is written as it stands: a cell of a
 * personal column (name, phone, id_no, …) is masked as core.mask_*() does,
 * and in every cell each value that is personal data by its shape (a
 * resident ID number, a mobile number; import_mask_text()) is masked
 * wherever it stands. A row that did not parse as the header says is not
 * split into cells at all: its whole text goes into the first column, so
 * that a value shifted into another column is still masked and the rows an
 * unclosed quote swallowed are not lost. */
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
 * reason, then the row's cells under the file's own header, or, for a row
 * with a CSV error or the wrong number of fields, its whole text (without
 * its line end) in the first column; masked as above. The rows are read
 * again from text at the offsets given per rec_no. Returns ST_OK, or
 * ST_ERROR with msg filled. */
enum status import_rejects_write(const struct import_rejects *rs, const char *path, const struct import_theme *t,
				 const struct csv_row *header, const char *text, size_t len,
				 const size_t *offsets, struct strbuf *msg);

#endif
