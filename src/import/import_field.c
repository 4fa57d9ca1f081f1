#include "import/import_field.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "i18n/i18n.h"

#define ALIAS_SEP "\x1f"

static const char *const kind_names[] = {
	[IK_TEXT] = "text",       [IK_USCC] = "uscc",       [IK_DATE] = "date",   [IK_DATE_OPEN] = "date_open",
	[IK_NUMBER] = "number",   [IK_INTEGER] = "integer", [IK_BOOLEAN] = "boolean", [IK_PHONE] = "phone",
	[IK_CODE] = "code",       [IK_CODES] = "codes",
};

static enum import_kind kind_of(const char *name)
{
	for (size_t i = 0; i < sizeof kind_names / sizeof *kind_names; i++)
		if (strcmp(kind_names[i], name) == 0)
			return (enum import_kind)i;
	return IK_TEXT;
}

/* Trims blanks: ASCII white space and U+3000 (the ideographic space). */
static void trim(const char **s, size_t *len)
{
	const char *p = *s, *e = *s + *len;
	for (;;) {
		if (p < e && (*p == ' ' || *p == '\t'))
			p++;
		else if (e - p >= 3 && memcmp(p, "\xe3\x80\x80", 3) == 0)
			p += 3;
		else
			break;
	}
	for (;;) {
		if (e > p && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		else if (e - p >= 3 && memcmp(e - 3, "\xe3\x80\x80", 3) == 0)
			e -= 3;
		else
			break;
	}
	*s = p;
	*len = (size_t)(e - p);
}

void import_label_fold(const char *s, size_t len, struct strbuf *out)
{
	trim(&s, &len);
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '(')
			strbuf_add(out, "（");
		else if (s[i] == ')')
			strbuf_add(out, "）");
		else
			strbuf_addc(out, s[i]);
	}
}

static void fill_field(struct import_field *f, const PGresult *res, int r)
{
	memset(f, 0, sizeof *f);
	f->name = xstrdup(PQgetvalue(res, r, 1));
	f->title = xstrdup(PQgetvalue(res, r, 2));
	for (const char *p = PQgetvalue(res, r, 3); *p;) {
		size_t n = strcspn(p, ALIAS_SEP);
		f->aliases = xrealloc(f->aliases, (size_t)(f->naliases + 1) * sizeof *f->aliases);
		f->aliases[f->naliases++] = xstrndup(p, n);
		p += n + (p[n] != '\0');
	}
	f->kind = kind_of(PQgetvalue(res, r, 4));
	f->digits = atoi(PQgetvalue(res, r, 5));
	f->scale = atoi(PQgetvalue(res, r, 6));
	f->required = PQgetvalue(res, r, 7)[0] == 't';
	f->is_key = PQgetvalue(res, r, 8)[0] == 't';
	f->personal = PQgetisnull(res, r, 10) ? NULL : xstrdup(PQgetvalue(res, r, 10));
	strmap_init(&f->labels);
	f->column = -1;
}

/* Adds a code and one of its labels to a code field. */
static void add_code(struct import_field *f, const char *code, const char *label)
{
	long idx = strmap_get(&f->labels, code, strlen(code));
	if (idx < 0 || strcmp(f->codes[idx], code) != 0) {
		f->codes = xrealloc(f->codes, (size_t)(f->ncodes + 1) * sizeof *f->codes);
		idx = f->ncodes;
		f->codes[f->ncodes++] = xstrdup(code);
		strmap_set(&f->labels, code, strlen(code), idx);
	}
	struct strbuf fold = STRBUF_INIT;
	import_label_fold(label, strlen(label), &fold);
	long had = strmap_put(&f->labels, strbuf_str(&fold), fold.len, idx);
	if (had >= 0 && had != idx && strcmp(f->codes[had], strbuf_str(&fold)) != 0)
		strmap_set(&f->labels, strbuf_str(&fold), fold.len, -2);
	strbuf_free(&fold);
}

static enum status load_codes(struct db *db, struct import_theme *t, struct strbuf *msg)
{
	struct db_error err;
	db_error_init(&err);
	const char *params[] = {t->name};
	PGresult *res = db_exec(db, "SELECT field_no, code, label FROM api.import_codes($1)", 1, params, &err);
	enum status st = ST_OK;
	if (!res) {
		strbuf_add(msg, strbuf_str(&err.message));
		st = err.status;
	} else {
		for (int r = 0; r < PQntuples(res); r++) {
			int i = atoi(PQgetvalue(res, r, 0)) - 1;
			if (i >= 0 && i < t->nfields)
				add_code(&t->fields[i], PQgetvalue(res, r, 1), PQgetvalue(res, r, 2));
		}
		PQclear(res);
	}
	db_error_free(&err);
	return st;
}

enum status import_no_such_theme(struct db *db, const char *theme, struct strbuf *msg)
{
	struct db_error err;
	db_error_init(&err);
	PGresult *res = db_exec(db, "SELECT string_agg(theme, ', ' ORDER BY theme) FROM api.import_themes()",
				0, NULL, &err);
	trf(msg, MSG_IMPORT_NO_THEME, theme, res ? PQgetvalue(res, 0, 0) : "");
	if (res)
		PQclear(res);
	db_error_free(&err);
	return ST_USAGE;
}

enum status import_theme_load(struct db *db, const char *theme, struct import_theme *t, struct strbuf *msg)
{
	memset(t, 0, sizeof *t);
	t->name = xstrdup(theme);
	struct db_error err;
	db_error_init(&err);
	const char *params[] = {theme};
	PGresult *res = db_exec(db,
				"SELECT field_no, name, title, array_to_string(aliases, E'\\x1f'), kind, digits,"
				" scale, required, is_key, code_list, personal_kind FROM api.import_fields($1)",
				1, params, &err);
	if (!res) {
		strbuf_add(msg, strbuf_str(&err.message));
		enum status st = err.status;
		db_error_free(&err);
		return st;
	}
	db_error_free(&err);
	t->nfields = PQntuples(res);
	t->fields = xcalloc((size_t)t->nfields + 1, sizeof *t->fields);
	for (int r = 0; r < t->nfields; r++)
		fill_field(&t->fields[r], res, r);
	PQclear(res);
	if (t->nfields == 0)
		return import_no_such_theme(db, theme, msg);
	return load_codes(db, t, msg);
}

void import_theme_free(struct import_theme *t)
{
	for (int i = 0; i < t->nfields; i++) {
		struct import_field *f = &t->fields[i];
		free(f->name);
		free(f->title);
		for (int a = 0; a < f->naliases; a++)
			free(f->aliases[a]);
		free(f->aliases);
		free(f->personal);
		strmap_free(&f->labels);
		for (int c = 0; c < f->ncodes; c++)
			free(f->codes[c]);
		free(f->codes);
		free(f->header);
	}
	free(t->fields);
	free(t->field_of);
	free(t->name);
	memset(t, 0, sizeof *t);
}

long import_code_find(const struct import_field *f, const char *s, size_t len)
{
	long idx = strmap_get(&f->labels, s, len);
	if (idx != -1)
		return idx;
	struct strbuf fold = STRBUF_INIT;
	import_label_fold(s, len, &fold);
	idx = strmap_get(&f->labels, strbuf_str(&fold), fold.len);
	strbuf_free(&fold);
	return idx;
}

/* Every name a header may give each field: field → index, -2 when two
 * fields share a name. ASCII names are compared in lower case. */
static void header_names(const struct import_theme *t, struct strmap *names)
{
	struct strbuf fold = STRBUF_INIT;
	for (int i = 0; i < t->nfields; i++) {
		const struct import_field *f = &t->fields[i];
		for (int a = -2; a < f->naliases; a++) {
			const char *n = a == -2 ? f->name : a == -1 ? f->title : f->aliases[a];
			strbuf_reset(&fold);
			import_label_fold(n, strlen(n), &fold);
			long had = strmap_put(names, strbuf_str(&fold), fold.len, i);
			if (had >= 0 && had != i)
				strmap_set(names, strbuf_str(&fold), fold.len, -2);
		}
	}
	strbuf_free(&fold);
}

/* The header cell as it is compared: folded, ASCII letters in lower case. */
static void header_key(const struct csv_field *cell, struct strbuf *out)
{
	import_label_fold(cell->s, cell->len, out);
	for (size_t i = 0; i < out->len; i++)
		if (out->buf[i] >= 'A' && out->buf[i] <= 'Z')
			out->buf[i] = (char)(out->buf[i] - 'A' + 'a');
}

static void list_add(struct strbuf *list, const char *s, size_t len)
{
	if (list->len)
		strbuf_add(list, tr(MSG_IMPORT_LIST_SEP));
	strbuf_addn(list, s, len);
}

/* Notes column c (cell) as field i, or why it cannot be. */
static void map_column(struct import_theme *t, int c, const struct csv_field *cell, long i,
		       struct strbuf *unknown, struct strbuf *repeated)
{
	t->field_of[c] = -1;
	if (i < 0) {
		struct strbuf shown = STRBUF_INIT;
		if (cell->len)
			strbuf_addn(&shown, cell->s, cell->len);
		else
			trf(&shown, MSG_IMPORT_EMPTY_HEADER, c + 1);
		list_add(unknown, strbuf_str(&shown), shown.len);
		strbuf_free(&shown);
		return;
	}
	struct import_field *f = &t->fields[i];
	if (f->column >= 0) {
		list_add(repeated, cell->s, cell->len);
		return;
	}
	f->column = c;
	f->header = xstrndup(cell->s, cell->len);
	t->field_of[c] = (int)i;
}

enum status import_header_map(struct import_theme *t, const struct csv_row *header, struct strbuf *msg)
{
	struct strmap names;
	struct strbuf key = STRBUF_INIT, unknown = STRBUF_INIT, repeated = STRBUF_INIT, missing = STRBUF_INIT;
	strmap_init(&names);
	header_names(t, &names);
	t->ncolumns = header->nfields;
	t->field_of = xcalloc((size_t)header->nfields, sizeof *t->field_of);
	for (int c = 0; c < header->nfields; c++) {
		strbuf_reset(&key);
		header_key(&header->fields[c], &key);
		map_column(t, c, &header->fields[c], strmap_get(&names, strbuf_str(&key), key.len), &unknown,
			   &repeated);
	}
	for (int i = 0; i < t->nfields; i++)
		if (t->fields[i].required && t->fields[i].column < 0)
			list_add(&missing, t->fields[i].title, strlen(t->fields[i].title));
	enum status st = ST_OK;
	if (unknown.len || repeated.len || missing.len) {
		if (unknown.len)
			trf(msg, MSG_IMPORT_UNKNOWN_COLUMNS, strbuf_str(&unknown), t->name);
		if (repeated.len)
			trf(msg, msg->len ? MSG_IMPORT_REPEATED_COLUMNS_MORE : MSG_IMPORT_REPEATED_COLUMNS,
			    strbuf_str(&repeated));
		if (missing.len)
			trf(msg, msg->len ? MSG_IMPORT_MISSING_COLUMNS_MORE : MSG_IMPORT_MISSING_COLUMNS,
			    strbuf_str(&missing));
		st = ST_USAGE;
	}
	strmap_free(&names);
	strbuf_free(&key);
	strbuf_free(&unknown);
	strbuf_free(&repeated);
	strbuf_free(&missing);
	return st;
}
