#include "db/copy.h"

#include <stdarg.h>
#include <stdio.h>

#define FLUSH_AT (256 * 1024)

enum status copy_begin(struct copy *c, struct db *db, const char *copy_sql, struct db_error *err)
{
	c->db = db;
	strbuf_init(&c->buf);
	c->fields = 0;
	c->rows = 0;
	PGresult *res = PQexec(db->conn, copy_sql);
	if (PQresultStatus(res) != PGRES_COPY_IN) {
		db_error_from_result(err, res);
		PQclear(res);
		return err->status ? err->status : ST_ERROR;
	}
	PQclear(res);
	return ST_OK;
}

static void sep(struct copy *c)
{
	if (c->fields++)
		strbuf_addc(&c->buf, '\t');
}

void copy_field(struct copy *c, const char *v)
{
	sep(c);
	if (!v) {
		strbuf_add(&c->buf, "\\N");
		return;
	}
	for (const char *p = v; *p; p++) {
		switch (*p) {
		case '\\': strbuf_add(&c->buf, "\\\\"); break;
		case '\t': strbuf_add(&c->buf, "\\t"); break;
		case '\n': strbuf_add(&c->buf, "\\n"); break;
		case '\r': strbuf_add(&c->buf, "\\r"); break;
		default: strbuf_addc(&c->buf, *p);
		}
	}
}

void copy_fieldf(struct copy *c, const char *fmt, ...)
{
	struct strbuf tmp = STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&tmp, fmt, ap);
	va_end(ap);
	copy_field(c, strbuf_str(&tmp));
	strbuf_free(&tmp);
}

void copy_int(struct copy *c, long long v)
{
	sep(c);
	strbuf_addf(&c->buf, "%lld", v);
}

static enum status flush(struct copy *c)
{
	if (!c->buf.len)
		return ST_OK;
	int ok = PQputCopyData(c->db->conn, c->buf.buf, (int)c->buf.len) == 1;
	strbuf_reset(&c->buf);
	return ok ? ST_OK : ST_ERROR;
}

enum status copy_row(struct copy *c)
{
	strbuf_addc(&c->buf, '\n');
	c->fields = 0;
	c->rows++;
	return c->buf.len >= FLUSH_AT ? flush(c) : ST_OK;
}

enum status copy_end(struct copy *c, struct db_error *err)
{
	enum status st = flush(c);
	if (PQputCopyEnd(c->db->conn, st == ST_OK ? NULL : "client failed") != 1)
		st = ST_ERROR;
	PGresult *res;
	while ((res = PQgetResult(c->db->conn))) {
		if (PQresultStatus(res) != PGRES_COMMAND_OK) {
			db_error_from_result(err, res);
			st = err->status ? err->status : ST_ERROR;
		}
		PQclear(res);
	}
	strbuf_free(&c->buf);
	return st;
}
