#include "domain/calendar.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "base/csv.h"
#include "base/xalloc.h"
#include "db/pgarray.h"
#include "i18n/i18n.h"

void cal_file_init(struct cal_file *f)
{
	memset(f, 0, sizeof *f);
}

void cal_file_free(struct cal_file *f)
{
	for (int i = 0; i < f->nrows; i++) {
		free(f->rows[i].day);
		free(f->rows[i].kind);
		free(f->rows[i].name);
	}
	for (int i = 0; i < f->nproblems; i++) {
		free(f->problems[i].code);
		free(f->problems[i].detail);
	}
	free(f->rows);
	free(f->problems);
	cal_file_init(f);
}

static void add_problem(struct cal_file *f, int line, const char *code, const char *detail)
{
	if (f->nproblems == f->problems_cap) {
		f->problems_cap = f->problems_cap ? f->problems_cap * 2 : 16;
		f->problems = xrealloc(f->problems, sizeof *f->problems * (size_t)f->problems_cap);
	}
	struct cal_problem *p = &f->problems[f->nproblems++];
	p->line = line;
	p->code = xstrdup(code);
	p->detail = xstrdup(detail ? detail : "");
}

static char *field_dup(const struct csv_row *row, int i)
{
	return xstrndup(row->fields[i].s, row->fields[i].len);
}

static int field_is(const struct csv_row *row, int i, const char *want)
{
	return row->fields[i].len == strlen(want) &&
	       memcmp(row->fields[i].s, want, row->fields[i].len) == 0;
}

static void add_row(struct cal_file *f, const struct csv_row *rec)
{
	if (f->nrows == f->rows_cap) {
		f->rows_cap = f->rows_cap ? f->rows_cap * 2 : 64;
		f->rows = xrealloc(f->rows, sizeof *f->rows * (size_t)f->rows_cap);
	}
	struct cal_row *r = &f->rows[f->nrows++];
	r->line = (int)rec->line;
	r->day = field_dup(rec, 0);
	r->kind = field_dup(rec, 1);
	r->name = field_dup(rec, 2);
}

static int is_header(const struct csv_row *rec)
{
	return rec->nfields == 3 && field_is(rec, 0, "date") && field_is(rec, 1, "kind") &&
	       field_is(rec, 2, "name");
}

void calendar_parse(struct cal_file *f, const char *data, size_t len)
{
	struct csv_parser r;
	struct csv_row rec;
	struct strbuf n = STRBUF_INIT;
	int first = 1;
	csv_parser_init(&r, data, len);
	csv_row_init(&rec);
	while (csv_parser_next(&r, &rec)) {
		if (rec.error != CSV_OK) {
			add_problem(f, (int)rec.line, "quote", NULL);
			continue;
		}
		if (csv_row_blank(&rec))
			continue;
		if (first) {
			first = 0;
			if (!is_header(&rec))
				add_problem(f, (int)rec.line, "header", NULL);
			continue;
		}
		if (rec.nfields != 3) {
			strbuf_reset(&n);
			strbuf_addf(&n, "%d", rec.nfields);
			add_problem(f, (int)rec.line, "fields", strbuf_str(&n));
			continue;
		}
		add_row(f, &rec);
	}
	strbuf_free(&n);
	csv_row_free(&rec);
}

/* The four parallel arrays of the rows as literals: line_no, day, kind, name. */
static void row_arrays(const struct cal_file *f, struct strbuf arr[4])
{
	struct strbuf n = STRBUF_INIT;
	for (int i = 0; i < f->nrows; i++) {
		strbuf_reset(&n);
		strbuf_addf(&n, "%d", f->rows[i].line);
		pgarray_add(&arr[0], strbuf_str(&n));
		pgarray_add(&arr[1], f->rows[i].day);
		pgarray_add(&arr[2], f->rows[i].kind);
		pgarray_add(&arr[3], f->rows[i].name);
	}
	for (int i = 0; i < 4; i++)
		pgarray_end(&arr[i]);
	strbuf_free(&n);
}

/* By line; the file-wide problems (line 0) last. */
static int by_line(const void *a, const void *b)
{
	const struct cal_problem *x = a, *y = b;
	int lx = x->line ? x->line : INT_MAX, ly = y->line ? y->line : INT_MAX;
	return (lx > ly) - (lx < ly);
}

static PGresult *call_with_rows(struct db *db, const char *sql, const struct cal_file *f,
                                const char *extra, struct db_error *err)
{
	struct strbuf arr[4] = {STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, STRBUF_INIT};
	row_arrays(f, arr);
	const char *params[5] = {strbuf_str(&arr[0]), strbuf_str(&arr[1]), strbuf_str(&arr[2]),
	                         strbuf_str(&arr[3]), extra};
	PGresult *res = db_exec(db, sql, extra ? 5 : 4, params, err);
	for (int i = 0; i < 4; i++)
		strbuf_free(&arr[i]);
	return res;
}

static const char *const sql_check =
    "SELECT coalesce(line, 0), problem, detail"
    "  FROM api.calendar_check($1::int[], $2::text[], $3::text[], $4::text[])";

enum status calendar_check(struct db *db, struct cal_file *f, struct db_error *err)
{
	PGresult *res = call_with_rows(db, sql_check, f, NULL, err);
	if (!res)
		return err->status;
	for (int i = 0; i < PQntuples(res); i++)
		add_problem(f, atoi(PQgetvalue(res, i, 0)), PQgetvalue(res, i, 1),
		            PQgetvalue(res, i, 2));
	PQclear(res);
	if (f->nproblems > 1)
		qsort(f->problems, (size_t)f->nproblems, sizeof *f->problems, by_line);
	return ST_OK;
}

static const char *const sql_load =
    "SELECT year, off_days, makeup_days, replaced, was_provisional, load_id"
    "  FROM api.calendar_load($1::int[], $2::text[], $3::text[], $4::text[], $5)";

PGresult *calendar_load(struct db *db, const struct cal_file *f, const char *source,
                        struct db_error *err)
{
	return call_with_rows(db, sql_load, f, source, err);
}

static const char *const sql_deadline =
    "SELECT start, start_isodow, workdays, deadline, deadline_isodow, deadline_kind, holiday,"
    "       provisional"
    "  FROM api.calendar_deadline($1::date, $2::int)";

PGresult *calendar_deadline(struct db *db, const char *date, const char *n, struct db_error *err)
{
	const char *params[2] = {date, n};
	return db_exec(db, sql_deadline, 2, params, err);
}

static const char *const sql_workdays = "SELECT $1::date, extract(isodow FROM $1::date)::int,"
                                        "       $2::date, extract(isodow FROM $2::date)::int,"
                                        "       api.workdays_between($1::date, $2::date),"
                                        "       api.calendar_provisional($1::date, $2::date)";

PGresult *calendar_workdays(struct db *db, const char *from, const char *to, struct db_error *err)
{
	const char *params[2] = {from, to};
	return db_exec(db, sql_workdays, 2, params, err);
}

static const char *const sql_years =
    "SELECT year, off_days, makeup_days, workdays, source_file,"
    "       to_char(loaded_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), loaded_by,"
    "       provisional"
    "  FROM api.calendar_years()";

PGresult *calendar_years(struct db *db, struct db_error *err)
{
	return db_exec(db, sql_years, 0, NULL, err);
}

static const char *const sql_days =
    "SELECT day, isodow, kind, name, loaded, provisional FROM api.calendar_days($1::int)";

PGresult *calendar_days(struct db *db, const char *year, struct db_error *err)
{
	const char *params[1] = {year};
	return db_exec(db, sql_days, 1, params, err);
}

static const char *const sql_covered =
    "SELECT EXISTS (SELECT 1 FROM api.calendar_years() WHERE year = $1::int),"
    "       EXISTS (SELECT 1 FROM api.calendar_years() WHERE year = $1::int AND provisional)";

PGresult *calendar_year_covered(struct db *db, const char *year, struct db_error *err)
{
	const char *params[1] = {year};
	return db_exec(db, sql_covered, 1, params, err);
}

static const char *const sql_moves =
    "SELECT rule, label, article, shift_days, moved FROM api.calendar_moves($1::bigint)";

PGresult *calendar_moves(struct db *db, const char *load_id, struct db_error *err)
{
	const char *params[1] = {load_id};
	return db_exec(db, sql_moves, 1, params, err);
}

static const char *const sql_status =
    "SELECT today, year, loaded, provisional, warn FROM api.calendar_status()";

enum status calendar_status(struct db *db, struct cal_status *st, struct db_error *err)
{
	memset(st, 0, sizeof *st);
	PGresult *res = db_exec(db, sql_status, 0, NULL, err);
	if (!res)
		return err->status;
	if (PQntuples(res) == 1) {
		st->year = atoi(PQgetvalue(res, 0, 1));
		st->loaded = strcmp(PQgetvalue(res, 0, 2), "t") == 0;
		st->provisional = strcmp(PQgetvalue(res, 0, 3), "t") == 0;
		st->warn = strcmp(PQgetvalue(res, 0, 4), "t") == 0;
	}
	PQclear(res);
	return ST_OK;
}

char *calendar_warning_text(const struct cal_status *st)
{
	return trs(st->provisional ? MSG_CAL_WARN_PROVISIONAL : MSG_CAL_WARN_MISSING, st->year);
}

char *calendar_warning_short(const struct cal_status *st)
{
	return trs(st->provisional ? MSG_CAL_WARN_PROVISIONAL_SHORT : MSG_CAL_WARN_MISSING_SHORT,
	           st->year);
}
