#include "base/csv.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "i18n/i18n.h"

/* Bytes that end an unquoted field or need a look. */
static const unsigned char special[256] = {['\n'] = 1, ['\r'] = 1, [','] = 1, ['"'] = 1};

void csv_parser_init(struct csv_parser *c, const char *text, size_t len)
{
	c->text = c->p = text;
	c->end = text + len;
	c->line = 1;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		c->p += 3;
}

void csv_parser_seek(struct csv_parser *c, size_t offset, long line)
{
	c->p = c->text + offset;
	c->line = line;
}

void csv_row_init(struct csv_row *row)
{
	memset(row, 0, sizeof *row);
	strbuf_init(&row->unquoted);
}

void csv_row_free(struct csv_row *row)
{
	free(row->fields);
	free(row->uoff);
	strbuf_free(&row->unquoted);
	csv_row_init(row);
}

static void problem(struct csv_row *row, enum csv_error e)
{
	if (row->error == CSV_OK) {
		row->error = e;
		row->error_field = row->nfields + 1;
	}
}

static long newlines(const char *p, const char *end)
{
	long n = 0;
	while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		n++;
		p++;
	}
	return n;
}

/* Makes room for one more field and returns it; past CSV_MAX_FIELDS the
 * last one is used again (the row has the error already). */
static struct csv_field *new_field(struct csv_row *row)
{
	if (row->nfields == CSV_MAX_FIELDS) {
		problem(row, CSV_TOO_MANY_FIELDS);
		row->nfields--;
	}
	if (row->nfields == row->cap) {
		row->cap = row->cap ? row->cap * 2 : 16;
		row->fields = xrealloc(row->fields, (size_t)row->cap * sizeof *row->fields);
		row->uoff = xrealloc(row->uoff, (size_t)row->cap * sizeof *row->uoff);
	}
	struct csv_field *f = &row->fields[row->nfields];
	f->s = NULL;
	f->len = 0;
	return f;
}

/* Reads a quoted field from just after its opening quote. A field with ""
 * inside is unescaped into row->unquoted (s stays NULL until the row ends). */
static void read_quoted(struct csv_parser *c, struct csv_row *row, struct csv_field *f)
{
	const char *seg = c->p, *p = c->p;
	int escaped = 0;
	for (;;) {
		const char *q = memchr(p, '"', (size_t)(c->end - p));
		if (!q) {
			problem(row, CSV_UNCLOSED_QUOTE);
			q = c->end;
		}
		c->line += newlines(p, q);
		int doubled = q + 1 < c->end && q[1] == '"';
		if (doubled && !escaped) {
			row->uoff[row->nfields] = row->unquoted.len;
			escaped = 1;
		}
		if (escaped && row->unquoted.len < CSV_MAX_RECORD)
			strbuf_addn(&row->unquoted, p, (size_t)(q - p) + (doubled ? 1 : 0));
		if (doubled) {
			p = q + 2;
			continue;
		}
		c->p = q < c->end ? q + 1 : q;
		if (escaped)
			f->len = row->unquoted.len - row->uoff[row->nfields];
		else {
			f->s = seg;
			f->len = (size_t)(q - seg);
		}
		return;
	}
}

/* Reads the rest of a field up to a comma or line end; anything there is a problem
 * unless the field is unquoted and the text is plain. */
static void read_plain(struct csv_parser *c, struct csv_row *row, struct csv_field *f, int after_quote)
{
	const char *start = c->p;
	for (;;) {
		while (c->p < c->end && !special[(unsigned char)*c->p])
			c->p++;
		if (c->p < c->end && *c->p == '"') {
			problem(row, after_quote ? CSV_AFTER_QUOTE : CSV_STRAY_QUOTE);
			c->p++;
			continue;
		}
		if (c->p < c->end && *c->p == '\r' && (c->p + 1 == c->end || c->p[1] != '\n')) {
			problem(row, CSV_BARE_CR);
			c->p++;
			continue;
		}
		break;
	}
	if (after_quote) {
		if (c->p > start)
			problem(row, CSV_AFTER_QUOTE);
		return;
	}
	f->s = start;
	f->len = (size_t)(c->p - start);
}

int csv_parser_next(struct csv_parser *c, struct csv_row *row)
{
	if (c->p >= c->end)
		return 0;
	const char *start = c->p;
	row->line = c->line;
	row->offset = (size_t)(c->p - c->text);
	row->nfields = 0;
	row->error = CSV_OK;
	row->error_field = 0;
	strbuf_reset(&row->unquoted);
	for (;;) {
		struct csv_field *f = new_field(row);
		int was_quoted = c->p < c->end && *c->p == '"';
		if (was_quoted) {
			c->p++;
			read_quoted(c, row, f);
		}
		read_plain(c, row, f, was_quoted);
		row->nfields++;
		if (c->p < c->end && *c->p == ',') {
			c->p++;
			continue;
		}
		if (c->p < c->end && *c->p == '\r')
			c->p++;
		if (c->p < c->end && *c->p == '\n')
			c->p++;
		c->line++;
		break;
	}
	if ((size_t)(c->p - start) > CSV_MAX_RECORD) {
		row->error = CSV_OK; /* the first problem to name is the size */
		problem(row, CSV_TOO_LONG);
		row->error_field = 0;
	}
	for (int i = 0; i < row->nfields; i++)
		if (!row->fields[i].s)
			row->fields[i].s = row->unquoted.buf ? row->unquoted.buf + row->uoff[i] : "";
	return 1;
}

void csv_describe(const struct csv_row *row, struct strbuf *out)
{
	switch (row->error) {
	case CSV_OK: break;
	case CSV_UNCLOSED_QUOTE: trf(out, MSG_IMPORT_CSV_UNCLOSED, row->error_field); break;
	case CSV_AFTER_QUOTE: trf(out, MSG_IMPORT_CSV_AFTER_QUOTE, row->error_field); break;
	case CSV_STRAY_QUOTE: trf(out, MSG_IMPORT_CSV_STRAY_QUOTE, row->error_field); break;
	case CSV_BARE_CR: trf(out, MSG_CSV_BARE_CR, row->error_field); break;
	case CSV_TOO_MANY_FIELDS: trf(out, MSG_CSV_TOO_MANY_FIELDS, CSV_MAX_FIELDS); break;
	case CSV_TOO_LONG: trf(out, MSG_CSV_TOO_LONG, CSV_MAX_RECORD); break;
	}
}

int csv_row_blank(const struct csv_row *row)
{
	return row->nfields == 1 && row->fields[0].len == 0 && row->error == CSV_OK;
}

void csv_quote(struct strbuf *out, const char *s, size_t len)
{
	int need = 0;
	for (size_t i = 0; i < len && !need; i++)
		need = special[(unsigned char)s[i]];
	if (!need) {
		strbuf_addn(out, s, len);
		return;
	}
	strbuf_addc(out, '"');
	for (const char *p = s, *end = s + len; p < end;) {
		const char *q = memchr(p, '"', (size_t)(end - p));
		if (!q) {
			strbuf_addn(out, p, (size_t)(end - p));
			break;
		}
		strbuf_addn(out, p, (size_t)(q - p) + 1);
		strbuf_addc(out, '"');
		p = q + 1;
	}
	strbuf_addc(out, '"');
}
