/* CSV as RFC 4180 writes it, parsed from text in memory: fields separated by
 * commas, quoted with '"' when they hold commas, quotes ("" inside) or line
 * breaks; records end with LF or CR LF; a UTF-8 byte order mark at the start
 * is skipped. Each row knows the line it starts on and its byte offset, so a
 * bad row can be reported by its line and read again later. A row that
 * breaks the rules is still returned whole, with what is wrong.
 *
 * Lines are counted by LF alone, as text_line_at() and editors count them. A
 * CR that is not followed by LF ends nothing: inside quotes it is data, outside
 * it is an error (CSV_BARE_CR; an old Mac file is one record with that error
 * on its first line) and stays in its field. A record may hold at most
 * CSV_MAX_FIELDS fields and CSV_MAX_RECORD bytes: beyond that it is an error,
 * further fields are dropped and unescaping stops, so a row
 * costs bounded memory whatever the input. */
#ifndef SMCON_CSV_H
#define SMCON_CSV_H

#include <stddef.h>

#include "base/strbuf.h"

#define CSV_MAX_FIELDS 1000
#define CSV_MAX_RECORD (1024 * 1024)

enum csv_error {
	CSV_OK,
	CSV_UNCLOSED_QUOTE,   /* a quoted field runs to the end of the text */
	CSV_AFTER_QUOTE,      /* something other than , or a line end after a closing quote */
	CSV_STRAY_QUOTE,      /* a quote inside a field that does not start with one */
	CSV_BARE_CR,          /* a CR not followed by LF, outside quotes */
	CSV_TOO_MANY_FIELDS,  /* more than CSV_MAX_FIELDS fields */
	CSV_TOO_LONG,         /* more than CSV_MAX_RECORD bytes */
};

struct csv_field {
	const char *s; /* not NUL-terminated; valid until the next csv_parser_next() */
	size_t len;
};

struct csv_row {
	long line;     /* the line the row starts on (1-based) */
	size_t offset; /* byte offset of its start in the text */
	int nfields, cap;
	struct csv_field *fields;
	enum csv_error error; /* the first problem, CSV_OK when none */
	int error_field;      /* 1-based field of that problem */
	struct strbuf unquoted; /* fields that held "" are unescaped here */
	size_t *uoff;           /* (internal) where each such field starts in it */
};

struct csv_parser {
	const char *text, *p, *end;
	long line; /* line of the next character */
};

/* Starts reading text[0..len) (kept, not copied); a UTF-8 BOM is skipped. */
void csv_parser_init(struct csv_parser *c, const char *text, size_t len);
/* Starts reading at offset, which is on the given line (to read a row again). */
void csv_parser_seek(struct csv_parser *c, size_t offset, long line);
/* Reads the next row into row (memory is reused). Returns 1, or 0 at the end. */
int csv_parser_next(struct csv_parser *c, struct csv_row *row);
/* Whether the row is an empty line. */
int csv_row_blank(const struct csv_row *row);
void csv_row_init(struct csv_row *row);
void csv_row_free(struct csv_row *row);
/* Appends what is wrong with the row (its error), in the UI language. */
void csv_describe(const struct csv_row *row, struct strbuf *out);
/* Appends s[0..len) as one CSV field, quoted when it must be. */
void csv_quote(struct strbuf *out, const char *s, size_t len);

#endif
