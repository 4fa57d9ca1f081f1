#include "print/rowset.h"

#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/width.h"
#include "base/xalloc.h"
#include "i18n/i18n.h"

int format_parse(const char *name, enum out_format *f)
{
	if (strcmp(name, "table") == 0)
		*f = FMT_TABLE;
	else if (strcmp(name, "csv") == 0)
		*f = FMT_CSV;
	else if (strcmp(name, "json") == 0)
		*f = FMT_JSON;
	else
		return -1;
	return 0;
}

struct rowset *rowset_new(int ncols)
{
	struct rowset *rs = xcalloc(1, sizeof *rs);
	rs->ncols = ncols;
	rs->cols = xcalloc((size_t)ncols, sizeof *rs->cols);
	return rs;
}

void rowset_free(struct rowset *rs)
{
	if (!rs)
		return;
	for (int i = 0; i < rs->ncols; i++) {
		free(rs->cols[i].key);
		free(rs->cols[i].label);
	}
	rowset_free(rs->child);
	for (long i = 0; i < (long)rs->nrows * rs->ncols; i++)
		free(rs->cells[i]);
	free(rs->cells);
	free(rs->cols);
	free(rs);
}

void rowset_col(struct rowset *rs, int i, const char *key, const char *label, enum col_type t)
{
	free(rs->cols[i].key);
	free(rs->cols[i].label);
	rs->cols[i].key = xstrdup(key);
	rs->cols[i].label = xstrdup(label ? label : key);
	rs->cols[i].type = t;
}

int rowset_add_row(struct rowset *rs)
{
	if (rs->nrows == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 16;
		rs->cells = xrealloc(rs->cells, sizeof(char *) * (size_t)rs->cap * (size_t)rs->ncols);
	}
	for (int c = 0; c < rs->ncols; c++)
		rs->cells[(size_t)rs->nrows * (size_t)rs->ncols + (size_t)c] = NULL;
	return rs->nrows++;
}

void rowset_set(struct rowset *rs, int row, int col, const char *value)
{
	char **cell = &rs->cells[(size_t)row * (size_t)rs->ncols + (size_t)col];
	free(*cell);
	*cell = value ? xstrdup(value) : NULL;
}

void rowset_add_result(struct rowset *rs, const PGresult *res)
{
	int n = PQntuples(res), nf = PQnfields(res);
	for (int r = 0; r < n; r++) {
		int row = rowset_add_row(rs);
		for (int c = 0; c < nf && c < rs->ncols; c++)
			rowset_set(rs, row, c, PQgetisnull(res, r, c) ? NULL : PQgetvalue(res, r, c));
	}
}

static const char *cell(const struct rowset *rs, int r, int c)
{
	return rs->cells[(size_t)r * (size_t)rs->ncols + (size_t)c];
}

/* A cell as a table shows it: NULL as nothing, a boolean as 是/否 (yes/no),
 * whatever the command stored ("t"/"f" or "true"/"false"; a label it set
 * stays). */
static const char *shown(const struct rowset *rs, int r, int c)
{
	const char *v = cell(rs, r, c);
	if (!v)
		return "";
	if (rs->cols[c].type != CT_BOOL)
		return v;
	if (strcmp(v, "t") == 0 || strcmp(v, "true") == 0)
		return tr(MSG_REF_YES);
	if (strcmp(v, "f") == 0 || strcmp(v, "false") == 0)
		return tr(MSG_REF_NO);
	return v;
}

static void print_record(const struct rowset *rs, FILE *out)
{
	int lw = 0;
	struct strbuf sb = STRBUF_INIT;
	for (int c = 0; c < rs->ncols; c++) {
		int w = width_str(rs->cols[c].label);
		lw = w > lw ? w : lw;
	}
	for (int r = 0; r < rs->nrows; r++) {
		if (r)
			fputc('\n', out);
		for (int c = 0; c < rs->ncols; c++) {
			strbuf_reset(&sb);
			width_fit(&sb, rs->cols[c].label, lw, ALIGN_LEFT);
			strbuf_add(&sb, " : ");
			width_sanitize(&sb, shown(rs, r, c));
			fprintf(out, "%s\n", strbuf_str(&sb));
		}
	}
	strbuf_free(&sb);
}

static void print_table(const struct rowset *rs, FILE *out)
{
	int *w = xcalloc((size_t)rs->ncols, sizeof *w);
	struct strbuf sb = STRBUF_INIT;
	for (int c = 0; c < rs->ncols; c++) {
		w[c] = width_str(rs->cols[c].label);
		for (int r = 0; r < rs->nrows; r++) {
			int cw = width_str(shown(rs, r, c));
			w[c] = cw > w[c] ? cw : w[c];
		}
	}
	for (int c = 0; c < rs->ncols; c++) {
		strbuf_add(&sb, c ? " | " : " ");
		width_fit(&sb, rs->cols[c].label, w[c], ALIGN_CENTER);
	}
	fprintf(out, "%s\n", strbuf_str(&sb));
	strbuf_reset(&sb);
	for (int c = 0; c < rs->ncols; c++) {
		strbuf_add(&sb, c ? "-+-" : "-");
		for (int i = 0; i < w[c]; i++)
			strbuf_addc(&sb, '-');
	}
	fprintf(out, "%s-\n", strbuf_str(&sb));
	for (int r = 0; r < rs->nrows; r++) {
		strbuf_reset(&sb);
		for (int c = 0; c < rs->ncols; c++) {
			strbuf_add(&sb, c ? " | " : " ");
			width_fit(&sb, shown(rs, r, c), w[c],
			          rs->cols[c].type == CT_NUMBER ? ALIGN_RIGHT : ALIGN_LEFT);
		}
		/* Trailing blanks of the last column are noise, as in psql. */
		while (sb.len && sb.buf[sb.len - 1] == ' ')
			strbuf_truncate(&sb, sb.len - 1);
		fprintf(out, "%s\n", strbuf_str(&sb));
	}
	char *footer = trs(rs->nrows == 1 ? MSG_ROWS_ONE : MSG_ROWS_MANY, rs->nrows);
	fprintf(out, "%s\n", footer);
	free(footer);
	strbuf_free(&sb);
	free(w);
}

/* Whether s is a plain number: an optional sign, digits with an optional
 * fraction, an optional exponent. */
static int plain_number(const char *s)
{
	size_t i = *s == '-' || *s == '+' ? 1 : 0, digits = strspn(s + i, "0123456789");
	i += digits;
	if (s[i] == '.') {
		size_t frac = strspn(s + i + 1, "0123456789");
		digits += frac;
		i += 1 + frac;
	}
	if (!digits)
		return 0;
	if (s[i] == 'e' || s[i] == 'E') {
		i += s[i + 1] == '-' || s[i + 1] == '+' ? 2 : 1;
		size_t exp = strspn(s + i, "0123456789");
		if (!exp)
			return 0;
		i += exp;
	}
	return s[i] == '\0';
}

/* Writes s: controls and invisible characters replaced (line breaks and tabs
 * kept), a leading ' when a spreadsheet would take it for a formula, quoted
 * when needed. */
static void csv_field(FILE *out, const char *s)
{
	if (!s)
		return;
	struct strbuf sb = STRBUF_INIT;
	if (*s && strchr("=+-@\t\r", *s) && !plain_number(s))
		strbuf_addc(&sb, '\'');
	width_sanitize_text(&sb, s);
	const char *v = strbuf_str(&sb);
	if (!strpbrk(v, ",\"\r\n")) {
		fputs(v, out);
	} else {
		fputc('"', out);
		for (; *v; v++) {
			if (*v == '"')
				fputc('"', out);
			fputc(*v, out);
		}
		fputc('"', out);
	}
	strbuf_free(&sb);
}

static void print_csv(const struct rowset *rs, FILE *out)
{
	for (int c = 0; c < rs->ncols; c++) {
		if (c)
			fputc(',', out);
		csv_field(out,
		          rs->people && rs->cols[c].label ? rs->cols[c].label : rs->cols[c].key);
	}
	fputs("\r\n", out);
	for (int r = 0; r < rs->nrows; r++) {
		for (int c = 0; c < rs->ncols; c++) {
			if (c)
				fputc(',', out);
			csv_field(out, cell(rs, r, c));
		}
		fputs("\r\n", out);
	}
}

/* Writes s as a JSON string: controls, DEL, the C1 controls, the invisible
 * format characters and malformed bytes (as U+FFFD) escaped as \uXXXX. */
static void json_string(FILE *out, const char *s)
{
	size_t n = strlen(s);
	uint32_t cp;
	fputc('"', out);
	for (size_t i = 0; i < n;) {
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (cp == '"' || cp == '\\')
			fprintf(out, "\\%c", (char)cp);
		else if (cp == '\n')
			fputs("\\n", out);
		else if (cp == '\t')
			fputs("\\t", out);
		else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || width_invisible(cp) ||
		         (len == 1 && cp >= 0x80))
			fprintf(out, "\\u%04x", (unsigned)cp);
		else
			fwrite(s + i, 1, len, out);
		i += len;
	}
	fputc('"', out);
}

/* Writes a json value the database produced (valid JSON: jsonb's output)
 * with every string in it rewritten by json_string, so that an invisible
 * format character inside it is escaped as in any other string. */
static void json_raw(FILE *out, const char *v)
{
	struct strbuf str = STRBUF_INIT;
	for (const char *p = v; *p; p++) {
		if (*p != '"') {
			fputc(*p, out);
			continue;
		}
		strbuf_reset(&str);
		for (p++; *p && *p != '"'; p++) {
			if (*p == '\\' && p[1]) {
				p++;
				switch (*p) {
				case 'n': strbuf_addc(&str, '\n'); break;
				case 't': strbuf_addc(&str, '\t'); break;
				case 'r': strbuf_addc(&str, '\r'); break;
				case 'b': strbuf_addc(&str, '\b'); break;
				case 'f': strbuf_addc(&str, '\f'); break;
				case 'u': {
					unsigned cp = 0;
					if (sscanf(p + 1, "%4x", &cp) == 1 &&
					    strspn(p + 1, "0123456789abcdefABCDEF") >= 4) {
						p += 4;
						utf8_encode(&str, cp);
					}
					break;
				}
				default: strbuf_addc(&str, *p);
				}
			} else {
				strbuf_addc(&str, *p);
			}
		}
		json_string(out, strbuf_str(&str));
		if (!*p)
			break;
	}
	strbuf_free(&str);
}

static void json_value(FILE *out, const char *v, enum col_type t)
{
	if (!v)
		fputs("null", out);
	else if (t == CT_JSON && (*v == '{' || *v == '['))
		json_raw(out, v);
	else if (t == CT_BOOL)
		fputs(strcmp(v, "t") == 0 || strcmp(v, "true") == 0 ? "true" : "false", out);
	else if (t == CT_NUMBER && *v && strspn(v, "-0123456789.eE+") == strlen(v))
		fputs(v, out);
	else
		json_string(out, v);
}

static void print_json(const struct rowset *rs, FILE *out)
{
	fputc('[', out);
	for (int r = 0; r < rs->nrows; r++) {
		fputs(r ? ",\n {" : "\n {", out);
		for (int c = 0; c < rs->ncols; c++) {
			if (c)
				fputs(", ", out);
			json_string(out, rs->cols[c].key);
			fputs(": ", out);
			json_value(out, cell(rs, r, c), rs->cols[c].type);
		}
		if (r == 0 && rs->child) {
			fputs(", ", out);
			json_string(out, rs->child_key);
			fputs(": ", out);
			print_json(rs->child, out);
		}
		fputc('}', out);
	}
	fputs(rs->nrows ? "\n]\n" : "]\n", out);
}

void rowset_print(const struct rowset *rs, enum out_format f, FILE *out)
{
	switch (f) {
	case FMT_CSV: print_csv(rs, out); break;
	case FMT_JSON: print_json(rs, out); break;
	default:
		if (rs->record)
			print_record(rs, out);
		else
			print_table(rs, out);
	}
}

void rowset_text(FILE *out, const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	width_sanitize_text(&sb, s);
	fputs(strbuf_str(&sb), out);
	strbuf_free(&sb);
}

void rowset_csv_field(FILE *out, const char *s)
{
	csv_field(out, s);
}

void rowset_json_value(FILE *out, const char *v, enum col_type t)
{
	json_value(out, v, t);
}
