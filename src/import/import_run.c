#include "import/import_run.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/csv.h"
#include "base/xalloc.h"
#include "db/copy.h"
#include "import/import_field.h"
#include "import/import_file.h"
#include "import/import_value.h"
#include "i18n/i18n.h"

/* One import in progress. */
struct run {
	struct db *db;
	const struct import_opts *o;
	struct import_report *r;
	struct strbuf *msg;
	struct import_text text;
	struct import_theme theme;
	struct csv_parser cp;
	struct csv_row header, row;
	size_t *offsets; /* per rec_no - 1: where the row starts */
	long cap;
	struct strbuf *vals; /* per field: the value to stage */
	int *nulls;          /* per field: stage NULL */
	struct strbuf why, one;
	struct db_error err;
	int in_txn;
};

static void run_init(struct run *R, struct db *db, const struct import_opts *o, struct import_report *r,
		     struct strbuf *msg)
{
	memset(R, 0, sizeof *R);
	R->db = db;
	R->o = o;
	R->r = r;
	R->msg = msg;
	csv_row_init(&R->header);
	csv_row_init(&R->row);
	db_error_init(&R->err);
}

static void run_free(struct run *R)
{
	for (int i = 0; R->vals && i < R->theme.nfields; i++)
		strbuf_free(&R->vals[i]);
	free(R->vals);
	free(R->nulls);
	free(R->offsets);
	import_theme_free(&R->theme);
	import_text_close(&R->text);
	csv_row_free(&R->header);
	csv_row_free(&R->row);
	strbuf_free(&R->why);
	strbuf_free(&R->one);
	db_error_free(&R->err);
}

/* A database failure: its message into msg, its status out. */
static enum status db_fail(struct run *R)
{
	if (!R->msg->len)
		strbuf_add(R->msg, strbuf_str(&R->err.message));
	return R->err.status ? R->err.status : ST_ERROR;
}

static enum status command(struct run *R, const char *sql, int n, const char *const *params)
{
	db_error_reset(&R->err);
	return db_command(R->db, sql, n, params, &R->err) == ST_OK ? ST_OK : db_fail(R);
}

/* The first row that is not blank is the header. */
static enum status read_header(struct run *R)
{
	csv_parser_init(&R->cp, R->text.data, R->text.len);
	do {
		if (!csv_parser_next(&R->cp, &R->header)) {
			trf(R->msg, MSG_IMPORT_NO_HEADER, R->o->path);
			return ST_USAGE;
		}
	} while (csv_row_blank(&R->header));
	if (R->header.error != CSV_OK) {
		trf(R->msg, MSG_IMPORT_BAD_HEADER, R->o->path, R->header.line);
		return ST_USAGE;
	}
	enum status st = import_header_map(&R->theme, &R->header, R->msg);
	R->vals = xcalloc((size_t)R->theme.nfields, sizeof *R->vals);
	R->nulls = xcalloc((size_t)R->theme.nfields, sizeof *R->nulls);
	return st;
}

static enum status start_job(struct run *R)
{
	struct strbuf cols = STRBUF_INIT;
	strbuf_addc(&cols, '{');
	for (int i = 0; i < R->theme.nfields; i++)
		if (R->theme.fields[i].column >= 0)
			strbuf_addf(&cols, "%s%s", cols.len > 1 ? "," : "", R->theme.fields[i].name);
	strbuf_addc(&cols, '}');
	const char *params[] = {R->o->theme, R->o->path, R->text.gb18030 ? "GB18030" : "UTF-8", strbuf_str(&cols),
				R->o->source, R->o->dry_run ? "true" : "false",
				R->o->all_or_nothing ? "true" : "false"};
	db_error_reset(&R->err);
	PGresult *res = db_exec(R->db,
				"SELECT api.import_start($1, $2, $3, $4::text[], $5, $6::boolean, $7::boolean)", 7,
				params, &R->err);
	strbuf_free(&cols);
	if (!res)
		return db_fail(R);
	R->r->job = atol(PQgetvalue(res, 0, 0));
	PQclear(res);
	return ST_OK;
}

static void add_reason(struct run *R, const char *reason)
{
	if (R->why.len)
		strbuf_add(&R->why, tr(MSG_IMPORT_REASON_SEP));
	strbuf_add(&R->why, reason);
}

/* Checks the cells of the current row into R->vals; reasons into R->why. */
static void check_cells(struct run *R)
{
	for (int i = 0; i < R->theme.nfields; i++) {
		const struct import_field *f = &R->theme.fields[i];
		strbuf_reset(&R->vals[i]);
		R->nulls[i] = 1;
		if (f->column < 0)
			continue;
		const struct csv_field *cell = &R->row.fields[f->column];
		strbuf_reset(&R->one);
		enum import_verdict v = import_value(f, cell->s, cell->len, &R->vals[i], &R->one);
		if (v == IV_EMPTY && f->required) {
			strbuf_reset(&R->one);
			trf(&R->one, MSG_IMPORT_REQUIRED, f->header);
		}
		if (R->one.len)
			add_reason(R, strbuf_str(&R->one));
		R->nulls[i] = v != IV_OK;
	}
}

/* Checks the current row. Returns 1 when it is good; else R->why says why. */
static int check_row(struct run *R)
{
	strbuf_reset(&R->why);
	if (R->row.error != CSV_OK) {
		csv_describe(&R->row, &R->why);
		return 0;
	}
	if (R->row.nfields != R->theme.ncolumns) {
		trf(&R->why, MSG_IMPORT_FIELD_COUNT, R->row.nfields, R->theme.ncolumns);
		return 0;
	}
	check_cells(R);
	return !R->why.len;
}

static void note_offset(struct run *R, long rec_no)
{
	if (rec_no > R->cap) {
		R->cap = R->cap ? R->cap * 2 : 4096;
		R->offsets = xrealloc(R->offsets, (size_t)R->cap * sizeof *R->offsets);
	}
	R->offsets[rec_no - 1] = R->row.offset;
}

static enum status send_row(struct run *R, struct copy *c, long rec_no)
{
	copy_int(c, rec_no);
	copy_int(c, R->row.line);
	for (int i = 0; i < R->theme.nfields; i++)
		copy_fieldn(c, R->nulls[i] ? NULL : strbuf_str(&R->vals[i]), R->vals[i].len);
	return copy_row(c);
}

/* A row with nothing in it: an empty line, or only commas (as a spreadsheet
 * leaves below its data). */
static int empty_row(const struct csv_row *row)
{
	if (row->error != CSV_OK)
		return 0;
	for (int i = 0; i < row->nfields; i++)
		if (row->fields[i].len)
			return 0;
	return 1;
}

/* Reads every row, checks it and COPYs the good ones into the staging table. */
static enum status stage_rows(struct run *R)
{
	char job[32];
	snprintf(job, sizeof job, "%ld", R->r->job);
	const char *params[] = {job};
	/* Room for the staging table in memory; PostgreSQL allows this only before
	 * the session's first temporary table, so a later import keeps the size
	 * the first one set (and the error, if any, does not matter). */
	db_command(R->db, "SET temp_buffers = '256MB'", 0, NULL, &R->err);
	enum status st = command(R, "BEGIN", 0, NULL);
	if (st != ST_OK)
		return st;
	R->in_txn = 1;
	if ((st = command(R, "SET LOCAL statement_timeout = 0", 0, NULL)) != ST_OK ||
	    (st = command(R, "SELECT api.import_stage($1)", 1, params)) != ST_OK)
		return st;
	struct copy c;
	db_error_reset(&R->err);
	if (copy_begin(&c, R->db, "COPY pg_temp.import_stage FROM STDIN", &R->err) != ST_OK)
		return db_fail(R);
	enum status sent = ST_OK;
	while (sent == ST_OK && csv_parser_next(&R->cp, &R->row)) {
		if (empty_row(&R->row))
			continue;
		long rec_no = ++R->r->read;
		note_offset(R, rec_no);
		if (check_row(R))
			sent = send_row(R, &c, rec_no);
		else
			import_rejects_add(&R->r->rejects, rec_no, R->row.line, strbuf_str(&R->why));
	}
	db_error_reset(&R->err);
	if (copy_end(&c, &R->err) != ST_OK)
		return db_fail(R);
	return ST_OK;
}

/* The reason for a row the database refused, in the UI language. */
static void db_reason(const PGresult *res, int i, struct strbuf *out)
{
	const char *code = PQgetvalue(res, i, 2), *field = PQgetvalue(res, i, 3), *detail = PQgetvalue(res, i, 4);
	if (strcmp(code, "duplicate") == 0)
		trf(out, MSG_IMPORT_DUPLICATE, atol(detail), field);
	else if (strcmp(field, "import_unknown_org") == 0)
		trf(out, MSG_IMPORT_UNKNOWN_ORG, detail);
	else if (strcmp(field, "import_unknown_entity") == 0)
		trf(out, MSG_IMPORT_UNKNOWN_ENTITY, detail);
	else if (strcmp(field, "import_unknown_case") == 0)
		trf(out, MSG_IMPORT_UNKNOWN_CASE, detail);
	else if (*field)
		trf(out, MSG_IMPORT_REFUSED_CONSTRAINT, field, detail);
	else
		trf(out, MSG_IMPORT_REFUSED, detail);
}

/* Lets the database check and write the staged rows; collects what it refused. */
static enum status apply(struct run *R)
{
	char job[32];
	snprintf(job, sizeof job, "%ld", R->r->job);
	const char *params[] = {job};
	db_error_reset(&R->err);
	PGresult *res = db_exec(R->db, "SELECT inserted, updated, unchanged FROM api.import_apply($1)", 1, params,
				&R->err);
	if (!res)
		return db_fail(R);
	R->r->inserted = atol(PQgetvalue(res, 0, 0));
	R->r->updated = atol(PQgetvalue(res, 0, 1));
	R->r->unchanged = atol(PQgetvalue(res, 0, 2));
	PQclear(res);
	res = db_exec(R->db, "SELECT rec_no, line_no, code, field, detail FROM api.import_rejects($1)", 1, params,
		      &R->err);
	if (!res)
		return db_fail(R);
	struct strbuf why = STRBUF_INIT;
	for (int i = 0; i < PQntuples(res); i++) {
		strbuf_reset(&why);
		db_reason(res, i, &why);
		import_rejects_add(&R->r->rejects, atol(PQgetvalue(res, i, 0)), atol(PQgetvalue(res, i, 1)),
				   strbuf_str(&why));
	}
	strbuf_free(&why);
	PQclear(res);
	import_rejects_sort(&R->r->rejects);
	R->r->rejected = R->r->rejects.n;
	R->r->good = R->r->read - R->r->rejected;
	return ST_OK;
}

static enum status finish_job(struct run *R, const char *status, const char *message)
{
	char v[7][32];
	long n[7] = {R->r->job, R->r->read, R->r->good, R->r->rejected, R->r->inserted, R->r->updated,
		     R->r->unchanged};
	for (int i = 0; i < 7; i++)
		snprintf(v[i], sizeof v[i], "%ld", n[i]);
	const char *params[] = {v[0], status, v[1], v[2], v[3], v[4], v[5], v[6], message};
	return command(R, "SELECT api.import_finish($1, $2, $3, $4, $5, $6, $7, $8, $9)", 9, params);
}

/* Keeps the data (COMMIT) or not (ROLLBACK), and records how the job ended. */
static enum status conclude(struct run *R)
{
	int keep = !R->o->dry_run && !(R->o->all_or_nothing && R->r->rejected > 0);
	R->r->status = R->o->dry_run ? "dry_run" : keep ? "loaded" : "refused";
	enum status st;
	if (keep) {
		if ((st = finish_job(R, R->r->status, NULL)) != ST_OK || (st = command(R, "COMMIT", 0, NULL)) != ST_OK)
			return st;
		R->in_txn = 0;
		return ST_OK;
	}
	if ((st = command(R, "ROLLBACK", 0, NULL)) != ST_OK)
		return st;
	R->in_txn = 0;
	return finish_job(R, R->r->status, NULL);
}

/* After a failure: nothing of the data is kept, and the job says why. */
static void abandon(struct run *R)
{
	struct db_error err;
	db_error_init(&err);
	if (R->in_txn)
		db_command(R->db, "ROLLBACK", 0, NULL, &err);
	R->in_txn = 0;
	if (R->r->job && R->db->state == DB_UP) {
		char job[32], read[32];
		snprintf(job, sizeof job, "%ld", R->r->job);
		snprintf(read, sizeof read, "%ld", R->r->read);
		const char *params[] = {job, read, strbuf_str(R->msg)};
		db_command(R->db,
			   "SELECT api.import_finish($1, 'failed', $2, NULL, NULL, NULL, NULL, NULL, $3)", 3,
			   params, &err);
	}
	db_error_free(&err);
}

/* Writes FILE.rejects.csv when rows were turned away, else removes an old one. */
static enum status write_rejects(struct run *R)
{
	char *path = import_rejects_path(R->o->path);
	enum status st = ST_OK;
	if (R->r->rejects.n) {
		st = import_rejects_write(&R->r->rejects, path, &R->theme, &R->header, R->text.data, R->text.len,
					  R->offsets, R->msg);
		if (st == ST_OK) {
			R->r->rejects_path = path;
			path = NULL;
		}
	} else if (remove(path) != 0 && errno != ENOENT) {
		trf(R->msg, MSG_IMPORT_CANNOT_WRITE, path, strerror(errno));
		st = ST_ERROR;
	}
	free(path);
	return st;
}

enum status import_run(struct db *db, const struct import_opts *o, struct import_report *r, struct strbuf *msg)
{
	struct run R;
	memset(r, 0, sizeof *r);
	import_rejects_init(&r->rejects);
	run_init(&R, db, o, r, msg);
	enum status st = import_text_open(&R.text, o->path, msg);
	if (st == ST_OK) {
		r->gb18030 = R.text.gb18030;
		st = import_theme_load(db, o->theme, &R.theme, msg);
	}
	if (st == ST_OK)
		st = read_header(&R);
	if (st == ST_OK)
		st = start_job(&R);
	if (st == ST_OK && (st = stage_rows(&R)) == ST_OK && (st = apply(&R)) == ST_OK)
		st = conclude(&R);
	if (st != ST_OK)
		abandon(&R);
	else
		st = write_rejects(&R);
	run_free(&R);
	return st;
}

void import_report_free(struct import_report *r)
{
	free(r->rejects_path);
	import_rejects_free(&r->rejects);
	memset(r, 0, sizeof *r);
}
