#include "import/import_reject.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/outfile.h"
#include "base/xalloc.h"
#include "import/import_value.h"
#include "i18n/i18n.h"

void import_rejects_init(struct import_rejects *rs)
{
	memset(rs, 0, sizeof *rs);
}

void import_rejects_free(struct import_rejects *rs)
{
	for (long i = 0; i < rs->n; i++)
		free(rs->items[i].reason);
	free(rs->items);
	import_rejects_init(rs);
}

void import_rejects_add(struct import_rejects *rs, long rec_no, long line, const char *reason)
{
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 64;
		rs->items = xrealloc(rs->items, (size_t)rs->cap * sizeof *rs->items);
	}
	rs->items[rs->n].rec_no = rec_no;
	rs->items[rs->n].line = line;
	rs->items[rs->n].reason = xstrdup(reason);
	rs->n++;
}

static int by_rec_no(const void *a, const void *b)
{
	long x = ((const struct import_reject *)a)->rec_no, y = ((const struct import_reject *)b)->rec_no;
	return (x > y) - (x < y);
}

void import_rejects_sort(struct import_rejects *rs)
{
	if (rs->n > 1)
		qsort(rs->items, (size_t)rs->n, sizeof *rs->items, by_rec_no);
}

char *import_rejects_path(const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n = strlen(path);
	if (n > 4 && (strcmp(path + n - 4, ".csv") == 0 || strcmp(path + n - 4, ".CSV") == 0))
		n -= 4;
	strbuf_addn(&sb, path, n);
	strbuf_add(&sb, ".rejects.csv");
	return strbuf_detach(&sb);
}

/* Whether the row parsed as the header promises: no CSV error, one cell per column. */
static int row_clean(const struct csv_row *row, const struct import_theme *t)
{
	return row->error == CSV_OK && row->nfields == t->ncolumns;
}

/* Appends a cell masked: in a personal column the value as core.mask_*()
 * does, unless the cell holds a line break (then it may hold more than its
 * own value, which must not be lost); then, whatever the column, every value
 * that is personal data by its shape. */
static void masked_cell(struct strbuf *out, const char *personal, const char *s, size_t len,
                        struct strbuf *tmp)
{
	struct strbuf col = STRBUF_INIT;
	if (personal && len && !memchr(s, '\n', len)) {
		import_mask(personal, s, len, &col);
		s = col.buf;
		len = col.len;
	}
	strbuf_reset(tmp);
	import_mask_text(s, len, tmp);
	csv_quote(out, tmp->buf ? tmp->buf : "", tmp->len);
	strbuf_free(&col);
}

/* Appends one rejected row: its line, the reason, then its cells. A row
 * that did not parse as the header says (broken quoting, too many or too
 * few fields, too long) cannot be trusted by column: a value may have moved
 * into another column, an unclosed quote may have swallowed the rows after
 * it, a field over CSV_MAX_RECORD is cut. Its text as the file has it,
 * raw[0..rawlen) without the line end, goes whole into the first column. */
static void reject_line(struct strbuf *out, const struct import_reject *r,
                        const struct import_theme *t, const struct csv_row *row, const char *raw,
                        size_t rawlen)
{
	struct strbuf cell = STRBUF_INIT;
	strbuf_addf(out, "%ld,", r->line);
	csv_quote(out, r->reason, strlen(r->reason));
	if (row_clean(row, t)) {
		for (int c = 0; c < row->nfields; c++) {
			int fi = t->field_of[c];
			strbuf_addc(out, ',');
			masked_cell(out, fi >= 0 ? t->fields[fi].personal : NULL, row->fields[c].s,
			            row->fields[c].len, &cell);
		}
	} else {
		if (rawlen && raw[rawlen - 1] == '\n')
			rawlen -= rawlen > 1 && raw[rawlen - 2] == '\r' ? 2 : 1;
		strbuf_addc(out, ',');
		masked_cell(out, NULL, raw, rawlen, &cell);
	}
	strbuf_add(out, "\r\n");
	strbuf_free(&cell);
}

enum status import_rejects_write(const struct import_rejects *rs, const char *path, const struct import_theme *t,
				 const struct csv_row *header, const char *text, size_t len,
				 const size_t *offsets, struct strbuf *msg)
{
	struct outfile of;
	int e = outfile_open(&of, path);
	if (e) {
		trf(msg, MSG_IMPORT_CANNOT_WRITE, path, strerror(e));
		return ST_ERROR;
	}
	struct strbuf sb = STRBUF_INIT;
	struct csv_parser cp;
	struct csv_row row;
	csv_row_init(&row);
	csv_parser_init(&cp, text, len);
	strbuf_add(&sb, "\xef\xbb\xbf");
	csv_quote(&sb, tr(MSG_IMPORT_COL_LINE), strlen(tr(MSG_IMPORT_COL_LINE)));
	strbuf_addc(&sb, ',');
	csv_quote(&sb, tr(MSG_IMPORT_COL_REASON), strlen(tr(MSG_IMPORT_COL_REASON)));
	for (int c = 0; c < header->nfields; c++) {
		strbuf_addc(&sb, ',');
		csv_quote(&sb, header->fields[c].s, header->fields[c].len);
	}
	strbuf_add(&sb, "\r\n");
	for (long i = 0; i < rs->n; i++) {
		const struct import_reject *r = &rs->items[i];
		size_t at = offsets[r->rec_no - 1];
		csv_parser_seek(&cp, at, r->line);
		if (!csv_parser_next(&cp, &row))
			row.nfields = 0;
		reject_line(&sb, r, t, &row, text + at, (size_t)(cp.p - (text + at)));
		if (sb.len > 1 << 20) {
			fwrite(sb.buf, 1, sb.len, of.f);
			strbuf_reset(&sb);
		}
	}
	fwrite(sb.buf ? sb.buf : "", 1, sb.len, of.f);
	strbuf_free(&sb);
	csv_row_free(&row);
	e = outfile_commit(&of);
	if (e) {
		trf(msg, MSG_IMPORT_CANNOT_WRITE, path, strerror(e));
		return ST_ERROR;
	}
	return ST_OK;
}
