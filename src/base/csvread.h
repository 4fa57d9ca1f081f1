/* Reading CSV (RFC 4180) from memory: records of fields, quoted fields with
 * "" for a quote and line breaks inside, CRLF or LF line ends, a UTF-8 byte
 * order mark at the start skipped. Each record knows the line it starts on,
 * so that a bad row can be reported by its line. */
#ifndef SMCON_CSVREAD_H
#define SMCON_CSVREAD_H
#include <stddef.h>

#include "base/strbuf.h"

struct csv_reader {
	const char *p, *end;
	int line; /* line of the next character */
};

struct csv_record {
	int line; /* the line the record starts on (1-based) */
	int nfields;
	int cap;
	struct strbuf *fields; /* nfields entries; the memory is reused between records */
};

void csv_reader_init(struct csv_reader *r, const char *data, size_t len);
/* Reads the next record into rec. Returns 1, 0 at the end of the data, or -1
 * when a quoted field is not closed (rec->line says where it began). */
int csv_read(struct csv_reader *r, struct csv_record *rec);
/* Whether the record is a blank line (one empty field). */
int csv_blank(const struct csv_record *rec);
void csv_record_free(struct csv_record *rec);

#endif
