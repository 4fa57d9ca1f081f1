#include "domain/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/strbuf.h"
#include "base/xalloc.h"
#include "domain/audit.h"
#include "i18n/i18n.h"

static const char *const sql_list =
    "SELECT name, title_zh, title_en, description, array_to_string(by_options, ','), default_by,"
    "       public, may_run, chart_column, whole_months FROM api.report_list()";

static char *dup_value(const PGresult *res, int r, int c)
{
	return PQgetisnull(res, r, c) ? NULL : xstrdup(PQgetvalue(res, r, c));
}

static int bool_value(const PGresult *res, int r, int c)
{
	return strcmp(PQgetvalue(res, r, c), "t") == 0;
}

enum status report_catalog_load(struct db *db, struct report_catalog *c, struct db_error *err)
{
	memset(c, 0, sizeof *c);
	PGresult *res = db_exec(db, sql_list, 0, NULL, err);
	if (!res)
		return err->status ? err->status : ST_ERROR;
	c->n = PQntuples(res);
	c->r = xcalloc((size_t)(c->n ? c->n : 1), sizeof *c->r);
	for (int i = 0; i < c->n; i++) {
		struct report_info *r = &c->r[i];
		r->name = dup_value(res, i, 0);
		r->title_zh = dup_value(res, i, 1);
		r->title_en = dup_value(res, i, 2);
		r->description = dup_value(res, i, 3);
		r->by_options = dup_value(res, i, 4);
		r->default_by = dup_value(res, i, 5);
		r->public_ = bool_value(res, i, 6);
		r->may_run = bool_value(res, i, 7);
		r->chart_column = dup_value(res, i, 8);
		r->whole_months = bool_value(res, i, 9);
	}
	PQclear(res);
	return ST_OK;
}

void report_catalog_free(struct report_catalog *c)
{
	for (int i = 0; i < c->n; i++) {
		struct report_info *r = &c->r[i];
		free(r->name);
		free(r->title_zh);
		free(r->title_en);
		free(r->description);
		free(r->by_options);
		free(r->default_by);
		free(r->chart_column);
	}
	free(c->r);
	memset(c, 0, sizeof *c);
}

const struct report_info *report_catalog_find(const struct report_catalog *c, const char *name)
{
	for (int i = 0; i < c->n; i++)
		if (strcmp(c->r[i].name, name) == 0)
			return &c->r[i];
	return NULL;
}

const char *report_title(const struct report_info *r)
{
	return i18n_language() == LANG_EN ? r->title_en : r->title_zh;
}

int report_has_by(const struct report_info *r, const char *by)
{
	size_t n = strlen(by);
	for (const char *p = r->by_options; p && *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == n && strncmp(p, by, n) == 0)
			return 1;
		p = comma ? comma + 1 : p + len;
	}
	return 0;
}

static int days_in_month(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : d[m - 1];
}

int report_period_parse(const char *period, char *from, char *to)
{
	int y, m;
	char tail;
	if (!period || strlen(period) != 7 || sscanf(period, "%4d-%2d%c", &y, &m, &tail) != 2 ||
	    period[4] != '-' || y < 1949 || y > 2100 || m < 1 || m > 12)
		return -1;
	snprintf(from, 11, "%04d-%02d-01", y, m);
	snprintf(to, 11, "%04d-%02d-%02d", y, m, days_in_month(y, m));
	return 0;
}

int report_date_valid(const char *s)
{
	int y, m, d;
	char tail;
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
		return 0;
	return y >= 1949 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* A bad parameter (SQLSTATE 22xxx raised by core.report_params) is a usage error. */
static enum status run_status(struct db_error *err)
{
	if (strncmp(err->sqlstate, "22", 2) == 0)
		err->status = ST_USAGE;
	return err->status ? err->status : ST_ERROR;
}

static const char *const sql_open =
    "SELECT cursor_name, date_from, date_to, org_code, org_name, group_by, masked"
    "  FROM api.report_open($1, $2::date, $3::date, $4, $5)";
static const char *const sql_columns =
    "SELECT c.key, c.label_zh, c.label_en, c.kind, c.key = r.chart_column"
    "  FROM meta.report_column c JOIN meta.report r ON r.name = c.report"
    " WHERE c.report = $1 ORDER BY c.position";

static enum report_kind kind_of(const char *k)
{
	static const char *const names[] = {"text", "int", "num", "pct", "min", "spark"};
	for (int i = 0; i < 6; i++)
		if (strcmp(k, names[i]) == 0)
			return (enum report_kind)i;
	return RK_TEXT;
}

static int load_columns(struct report_run *run, const char *name, struct db_error *err)
{
	const char *params[1] = {name};
	PGresult *res = db_exec(run->db, sql_columns, 1, params, err);
	if (!res)
		return -1;
	run->ncols = PQntuples(res);
	run->cols = xcalloc((size_t)(run->ncols ? run->ncols : 1), sizeof *run->cols);
	run->chart_col = -1;
	for (int i = 0; i < run->ncols; i++) {
		run->cols[i].key = dup_value(res, i, 0);
		run->cols[i].label_zh = dup_value(res, i, 1);
		run->cols[i].label_en = dup_value(res, i, 2);
		run->cols[i].kind = kind_of(PQgetvalue(res, i, 3));
		if (bool_value(res, i, 4))
			run->chart_col = i;
	}
	PQclear(res);
	return 0;
}

enum status report_run_open(struct db *db, const struct report_params *p, struct report_run *run,
                            struct db_error *err)
{
	memset(run, 0, sizeof *run);
	run->db = db;
	run->chart_col = -1;
	if (db_command(db, "BEGIN READ ONLY", 0, NULL, err) != ST_OK)
		return err->status ? err->status : ST_ERROR;
	run->in_tx = 1;
	const char *params[5] = {p->name, p->from, p->to, p->org, p->by};
	PGresult *res = db_exec(db, sql_open, 5, params, err);
	if (!res) {
		enum status st = run_status(err);
		report_run_close(run);
		return st;
	}
	run->date_from = dup_value(res, 0, 1);
	run->date_to = dup_value(res, 0, 2);
	run->org_code = dup_value(res, 0, 3);
	run->org_name = dup_value(res, 0, 4);
	run->group_by = dup_value(res, 0, 5);
	run->masked = bool_value(res, 0, 6);
	PQclear(res);
	if (load_columns(run, p->name, err) != 0) {
		enum status st = run_status(err);
		report_run_close(run);
		return st;
	}
	return ST_OK;
}

PGresult *report_run_fetch(struct report_run *run, int n, struct db_error *err)
{
	char count[16];
	snprintf(count, sizeof count, "%d", n);
	/* the count is ours, not input; FETCH takes no parameters */
	char sql[64];
	snprintf(sql, sizeof sql, "FETCH FORWARD %s FROM smcon_report", count);
	PGresult *res = db_exec(run->db, sql, 0, NULL, err);
	if (res)
		run->fetched += PQntuples(res);
	else
		run_status(err);
	return res;
}

enum status report_run_send_all(struct report_run *run, struct db_error *err)
{
	return db_async_send(run->db, "FETCH ALL FROM smcon_report", 0, NULL, err);
}

void report_run_end(struct report_run *run)
{
	if (run->in_tx && run->db->state == DB_UP) {
		struct db_error e;
		db_error_init(&e);
		db_command(run->db, "ROLLBACK", 0, NULL, &e);
		db_error_free(&e);
	}
	run->in_tx = 0;
}

void report_run_close(struct report_run *run)
{
	report_run_end(run);
	for (int i = 0; i < run->ncols; i++) {
		free(run->cols[i].key);
		free(run->cols[i].label_zh);
		free(run->cols[i].label_en);
	}
	free(run->cols);
	free(run->date_from);
	free(run->date_to);
	free(run->org_code);
	free(run->org_name);
	free(run->group_by);
	memset(run, 0, sizeof *run);
	run->chart_col = -1;
}

const char *report_col_label(const struct report_column *c)
{
	return i18n_language() == LANG_EN ? c->label_en : c->label_zh;
}

enum status report_run_audit(struct db *primary, const struct report_run *run, const char *name,
                             const char *server, const char *file, const char *format,
                             struct db_error *err)
{
	struct strbuf params = STRBUF_INIT;
	strbuf_addf(&params, "%s..%s %s by=%s", run->date_from ? run->date_from : "",
	            run->date_to ? run->date_to : "", run->org_code ? run->org_code : "",
	            run->group_by ? run->group_by : "");
	struct audit_output o = {"report_run", "report", name,   NULL,
	                         NULL,         -1,       server, strbuf_str(&params)};
	enum status st = server ? audit_output_note(primary, &o, err) : ST_OK;
	if (st == ST_OK && file) {
		o.op = "export";
		o.file = file;
		o.format = format;
		st = audit_output_note(primary, &o, err);
	}
	strbuf_free(&params);
	return st;
}
