#include "base/csvread.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

void csv_reader_init(struct csv_reader *r, const char *data, size_t len)
{
	r->p = data;
	r->end = data + len;
	r->line = 1;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		r->p += 3;
}

static struct strbuf *new_field(struct csv_record *rec)
{
	if (rec->nfields == rec->cap) {
		int cap = rec->cap ? rec->cap * 2 : 8;
		rec->fields = xrealloc(rec->fields, sizeof *rec->fields * (size_t)cap);
		for (int i = rec->cap; i < cap; i++)
			strbuf_init(&rec->fields[i]);
		rec->cap = cap;
	}
	struct strbuf *f = &rec->fields[rec->nfields++];
	strbuf_reset(f);
	return f;
}

/* Consumes a line end at r->p if there is one. */
static int line_end(struct csv_reader *r)
{
	if (r->p < r->end && *r->p == '\r' && r->p + 1 < r->end && r->p[1] == '\n')
		r->p++;
	if (r->p < r->end && (*r->p == '\n' || *r->p == '\r')) {
		r->p++;
		r->line++;
		return 1;
	}
	return 0;
}

/* Reads a quoted field (r->p after the opening quote). Returns 0 or -1. */
static int quoted(struct csv_reader *r, struct strbuf *f)
{
	while (r->p < r->end) {
		if (*r->p == '"') {
			if (r->p + 1 < r->end && r->p[1] == '"') {
				strbuf_addc(f, '"');
				r->p += 2;
				continue;
			}
			r->p++;
			return 0;
		}
		if (*r->p == '\n')
			r->line++;
		strbuf_addc(f, *r->p++);
	}
	return -1;
}

int csv_read(struct csv_reader *r, struct csv_record *rec)
{
	rec->nfields = 0;
	rec->line = r->line;
	if (r->p >= r->end)
		return 0;
	for (;;) {
		struct strbuf *f = new_field(rec);
		if (r->p < r->end && *r->p == '"') {
			r->p++;
			if (quoted(r, f) != 0)
				return -1;
		}
		/* unquoted text, or text after a closing quote, up to , or a line end */
		while (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r')
			strbuf_addc(f, *r->p++);
		if (r->p < r->end && *r->p == ',') {
			r->p++;
			continue;
		}
		line_end(r);
		return 1;
	}
}

int csv_blank(const struct csv_record *rec)
{
	return rec->nfields == 1 && rec->fields[0].len == 0;
}

void csv_record_free(struct csv_record *rec)
{
	for (int i = 0; i < rec->cap; i++)
		strbuf_free(&rec->fields[i]);
	free(rec->fields);
	memset(rec, 0, sizeof *rec);
}
