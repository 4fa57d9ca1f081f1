#include "db/copy.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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

/* The bytes COPY's text format escapes. */
static const unsigned char escaped[256] = {['\\'] = '\\', ['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r'};

void copy_fieldn(struct copy *c, const char *v, size_t len)
{
	sep(c);
	if (!v) {
		strbuf_add(&c->buf, "\\N");
		return;
	}
	/* plain runs are copied whole: this is the hot loop of an import */
	const char *run = v, *end = v + len;
	for (const char *p = v; p < end; p++) {
		unsigned char e = escaped[(unsigned char)*p];
		if (!e)
			continue;
		strbuf_addn(&c->buf, run, (size_t)(p - run));
		char pair[2] = {'\\', (char)e};
		strbuf_addn(&c->buf, pair, 2);
		run = p + 1;
	}
	strbuf_addn(&c->buf, run, (size_t)(end - run));
}

void copy_field(struct copy *c, const char *v)
{
	copy_fieldn(c, v, v ? strlen(v) : 0);
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
	char digits[24], *p = digits + sizeof digits;
	unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
	sep(c);
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	strbuf_addn(&c->buf, p, (size_t)(digits + sizeof digits - p));
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
