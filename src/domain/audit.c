#include "domain/audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

static const char *const sql_log =
	"SELECT id, to_char(at, 'YYYY-MM-DD HH24:MI:SS'), actor, action, coalesce(table_name, ''),"
	"       coalesce(row_key::text, ''), coalesce(old_values::text, ''),"
	"       coalesce(new_values::text, ''), coalesce(detail::text, ''), coalesce(summary, '')"
	"  FROM api.audit_log($1, $2, $3::timestamptz, $4::bigint, $5::int)";
static const char *const sql_verify =
	"SELECT checked, broken_id, problem, next_from, last_id, last_hash"
	"  FROM api.audit_verify($1::bigint, $2::int)";

/* The text members of an entry, in the order of the result's columns 1…9. */
static char **entry_text(struct audit_entry *e, int c)
{
	char **fields[] = {&e->at,	   &e->actor,	   &e->action, &e->table, &e->key,
			   &e->old_values, &e->new_values, &e->detail, &e->summary};
	return fields[c];
}

#define ENTRY_TEXTS 9

/* The parameters of api.audit_log for f; before and limit are buffers. */
static void log_params(const struct audit_filter *f, const char *params[5], char before[32],
                       char limit[16])
{
	snprintf(before, 32, "%lld", f->before_id);
	snprintf(limit, 16, "%d", f->limit > 0 ? f->limit : 100);
	params[0] = f->actor && *f->actor ? f->actor : NULL;
	params[1] = f->table && *f->table ? f->table : NULL;
	params[2] = f->since && *f->since ? f->since : NULL;
	params[3] = f->before_id ? before : NULL;
	params[4] = limit;
}

void audit_json_lines(const char *json, struct strbuf *out)
{
	const char *p = json ? json : "";
	size_t n = strlen(p);
	if (n < 2 || p[0] != '{' || p[n - 1] != '}') {
		strbuf_addf(out, "%s\n", p);
		return;
	}
	int depth = 0, quoted = 0;
	const char *start = p + 1;
	for (const char *c = p + 1; c < p + n - 1; c++) {
		if (quoted) {
			if (*c == '\\' && c[1])
				c++;
			else if (*c == '"')
				quoted = 0;
		} else if (*c == '"') {
			quoted = 1;
		} else if (*c == '{' || *c == '[') {
			depth++;
		} else if (*c == '}' || *c == ']') {
			depth--;
		} else if (*c == ',' && depth == 0) {
			strbuf_addn(out, start, (size_t)(c - start));
			strbuf_addc(out, '\n');
			start = c + 1 + (c[1] == ' ');
		}
	}
	if (p + n - 1 > start) {
		strbuf_addn(out, start, (size_t)(p + n - 1 - start));
		strbuf_addc(out, '\n');
	}
}

void audit_list_read(const PGresult *res, struct audit_list *out)
{
	out->n = PQntuples(res);
	out->v = xcalloc((size_t)out->n + 1, sizeof *out->v);
	for (int i = 0; i < out->n; i++) {
		struct audit_entry *e = &out->v[i];
		e->id = atoll(PQgetvalue(res, i, 0));
		for (int c = 0; c < ENTRY_TEXTS; c++)
			*entry_text(e, c) = xstrdup(PQgetvalue(res, i, c + 1));
	}
}

enum status audit_log(struct db *db, const struct audit_filter *f, struct audit_list *out,
                      struct db_error *err)
{
	char before[32], limit[16];
	const char *params[5];
	log_params(f, params, before, limit);
	PGresult *res = db_exec(db, sql_log, 5, params, err);
	memset(out, 0, sizeof *out);
	if (!res)
		return err->status;
	audit_list_read(res, out);
	PQclear(res);
	return ST_OK;
}

enum status audit_log_send(struct db *db, const struct audit_filter *f, struct db_error *err)
{
	char before[32], limit[16];
	const char *params[5];
	log_params(f, params, before, limit);
	return db_async_send(db, sql_log, 5, params, err);
}

void audit_list_free(struct audit_list *l)
{
	for (int i = 0; i < l->n; i++)
		for (int c = 0; c < ENTRY_TEXTS; c++)
			free(*entry_text(&l->v[i], c));
	free(l->v);
	memset(l, 0, sizeof *l);
}

static char *dup_or_null(const PGresult *res, int col)
{
	return PQgetisnull(res, 0, col) ? NULL : xstrdup(PQgetvalue(res, 0, col));
}

enum status audit_verify(struct db *db, int chunk, void (*progress)(void *, long long),
			 void *arg, struct audit_check *out, struct db_error *err)
{
	char from[32] = "1", size[16];
	snprintf(size, sizeof size, "%d", chunk > 0 ? chunk : 100000);
	memset(out, 0, sizeof *out);
	for (;;) {
		const char *params[] = {from, size};
		PGresult *res = db_exec(db, sql_verify, 2, params, err);
		if (!res)
			return err->status;
		out->checked += atoll(PQgetvalue(res, 0, 0));
		if (!PQgetisnull(res, 0, 1)) {
			out->broken_id = atoll(PQgetvalue(res, 0, 1));
			out->problem = dup_or_null(res, 2);
		}
		int more = !PQgetisnull(res, 0, 3);
		if (more)
			snprintf(from, sizeof from, "%s", PQgetvalue(res, 0, 3));
		else if (!PQgetisnull(res, 0, 4)) {
			out->last_id = atoll(PQgetvalue(res, 0, 4));
			out->last_hash = dup_or_null(res, 5);
		}
		PQclear(res);
		if (progress)
			progress(arg, out->checked);
		if (out->broken_id || !more)
			return ST_OK;
	}
}

void audit_check_free(struct audit_check *c)
{
	free(c->problem);
	free(c->last_hash);
	memset(c, 0, sizeof *c);
}

enum status audit_output_note(struct db *db, const struct audit_output *o, struct db_error *err)
{
	static const char sql[] =
	    "SELECT api.audit_note($1, jsonb_strip_nulls(jsonb_build_object('what', $2::text,"
	    " 'key', $3::text, 'file', $4::text, 'format', $5::text, 'rows', $6::bigint,"
	    " 'server', $7::text, 'params', $8::text)))";
	char rows[32];
	snprintf(rows, sizeof rows, "%ld", o->rows);
	const char *params[8] = {o->op,     o->what,   o->key,
	                         o->file,   o->format, o->rows >= 0 ? rows : NULL,
	                         o->server, o->params};
	return db_command(db, sql, 8, params, err);
}
