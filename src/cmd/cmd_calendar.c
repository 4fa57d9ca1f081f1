/* The work calendar commands: calendar load, deadline, workdays, show. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "cmd/cmd_reference.h"
#include "domain/calendar.h"

/* "星期四" for an ISO weekday given as text ("4"). */
static const char *weekday(const char *isodow)
{
	int d = isodow ? atoi(isodow) : 0;
	return d >= 1 && d <= 7 ? tr((enum msg_id)(MSG_WEEKDAY_1 + d - 1)) : "";
}

/* The kind of a calendar day: its code in CSV and JSON, its label in a table. */
static const char *kind_text(const struct cmd_ctx *ctx, const char *kind)
{
	const char *code = kind ? kind : "workday";
	if (ctx->format != FMT_TABLE)
		return code;
	if (strcmp(code, "off") == 0)
		return tr(MSG_CAL_KIND_OFF);
	if (strcmp(code, "makeup_workday") == 0)
		return tr(MSG_CAL_KIND_MAKEUP);
	return tr(MSG_CAL_KIND_WORKDAY);
}

/* Whether s is all digits, min to max of them. */
static int digits(const char *s, size_t min, size_t max)
{
	size_t n = strlen(s);
	return n >= min && n <= max && strspn(s, "0123456789") == n;
}

/* Whether s looks like YYYY-MM-DD (the database checks the date itself). */
static int date_shape(const char *s)
{
	return strlen(s) == 10 && s[4] == '-' && s[7] == '-' && strspn(s, "0123456789") == 4 &&
	       strspn(s + 5, "0123456789") == 2 && strspn(s + 8, "0123456789") == 2;
}

static enum status read_file(struct cmd_ctx *ctx, const char *path, struct strbuf *out)
{
	FILE *f = fopen(path, "rb");
	char chunk[8192];
	size_t n;
	if (!f)
		return ref_fail(ctx, errno == ENOENT ? ST_NOTFOUND : ST_ERROR, MSG_CAL_FILE_OPEN,
		                path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		strbuf_addn(out, chunk, n);
	int bad = ferror(f);
	fclose(f);
	if (bad)
		return ref_fail(ctx, ST_ERROR, MSG_CAL_FILE_OPEN, path, strerror(EIO));
	return ST_OK;
}

static void print_problem(struct cmd_ctx *ctx, const struct cal_problem *p)
{
	static const struct {
		const char *code;
		enum msg_id msg;
	} map[] = {
	    {"header", MSG_CAL_P_HEADER},
	    {"fields", MSG_CAL_P_FIELDS},
	    {"quote", MSG_CAL_P_QUOTE},
	    {"bad_date", MSG_CAL_P_BAD_DATE},
	    {"bad_kind", MSG_CAL_P_BAD_KIND},
	    {"bad_name", MSG_CAL_P_BAD_NAME},
	    {"duplicate", MSG_CAL_P_DUPLICATE},
	    {"weekday_makeup", MSG_CAL_P_WEEKDAY_MAKEUP},
	    {"new_year_makeup", MSG_CAL_P_NEW_YEAR_MAKEUP},
	};
	char *msg = NULL;
	if (strcmp(p->code, "no_year") == 0)
		msg = xstrdup(tr(MSG_CAL_P_NO_YEAR));
	for (size_t i = 0; !msg && i < sizeof map / sizeof map[0]; i++)
		if (strcmp(p->code, map[i].code) == 0)
			msg = trs(map[i].msg, p->line, p->detail);
	if (!msg)
		msg = trs(MSG_CAL_P_OTHER, p->line, p->code);
	fprintf(ctx->err, "smcon: %s\n", msg);
	free(msg);
}

/* After a load: how the stored deadlines moved (a table in the UI language;
 * csv and json carry the rows as they are). */
static enum status print_moves(struct cmd_ctx *ctx, const char *load_id)
{
	static const struct ref_col cols[] = {
	    {"rule", MSG_CAL_COL_RULE, CT_TEXT},       {"label", MSG_CAL_COL_RULE_LABEL, CT_TEXT},
	    {"article", MSG_CAL_COL_ARTICLE, CT_TEXT}, {"shift_days", MSG_CAL_COL_SHIFT, CT_NUMBER},
	    {"moved", MSG_CAL_COL_MOVED, CT_NUMBER},
	};
	static const int src[] = {0, 1, 2, 3, 4};
	static const struct ref_view view = {cols, src, 5, 0, NULL};
	struct db_error err;
	db_error_init(&err);
	PGresult *res = calendar_moves(ctx->db, load_id, &err);
	if (!res)
		return ref_db_fail(ctx, &err);
	if (ctx->format == FMT_TABLE) {
		long total = 0;
		for (int i = 0; i < PQntuples(res); i++)
			total += atol(PQgetvalue(res, i, 4));
		char n[32];
		snprintf(n, sizeof n, "%ld", total);
		char *msg = trs(total ? MSG_CAL_MOVED : MSG_CAL_NONE_MOVED, n);
		fprintf(ctx->out, "%s\n", msg);
		free(msg);
		if (!total) {
			PQclear(res);
			db_error_free(&err);
			return ST_OK;
		}
	}
	return ref_print(ctx, res, &err, &view);
}

static enum status load_rows(struct cmd_ctx *ctx, const struct cal_file *f, const char *path,
                             struct db_error *err)
{
	static const struct ref_col cols[] = {
	    {"year", MSG_CAL_COL_YEAR, CT_NUMBER},
	    {"off_days", MSG_CAL_COL_OFF_DAYS, CT_NUMBER},
	    {"makeup_days", MSG_CAL_COL_MAKEUP_DAYS, CT_NUMBER},
	    {"replaced", MSG_CAL_COL_REPLACED, CT_BOOL},
	    {"was_provisional", MSG_CAL_COL_WAS_PROVISIONAL, CT_BOOL},
	};
	static const int src[] = {0, 1, 2, 3, 4};
	static const struct ref_view view = {cols, src, 5, 0, NULL};
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	PGresult *res = calendar_load(ctx->db, f, base, err);
	if (!res)
		return ref_print(ctx, res, err, &view);
	if (ctx->format == FMT_TABLE) {
		char *msg = trs(MSG_CAL_LOADED, path, f->nrows);
		fprintf(ctx->out, "%s\n", msg);
		free(msg);
	}
	char *load_id = xstrdup(PQntuples(res) ? PQgetvalue(res, 0, 5) : "0");
	enum status st = ref_print(ctx, res, err, &view);
	/* json: one document per command; the moves follow as their own lines */
	if (st == ST_OK)
		st = print_moves(ctx, load_id);
	free(load_id);
	return st;
}

enum status run_calendar_load(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *path = args->argv[0];
	struct strbuf data = STRBUF_INIT;
	struct cal_file f;
	struct db_error err;
	enum status st = read_file(ctx, path, &data);
	if (st != ST_OK)
		return st;
	db_error_init(&err);
	cal_file_init(&f);
	calendar_parse(&f, strbuf_str(&data), data.len);
	if (calendar_check(ctx->db, &f, &err) != ST_OK) {
		st = ref_db_fail(ctx, &err);
	} else if (f.nproblems > 0) {
		for (int i = 0; i < f.nproblems; i++)
			print_problem(ctx, &f.problems[i]);
		char *n = trs(MSG_CAL_NOTHING_LOADED, path, f.nproblems);
		st = cmd_fail(ctx, ST_ERROR, n);
		free(n);
		db_error_free(&err);
	} else {
		st = load_rows(ctx, &f, path, &err);
	}
	cal_file_free(&f);
	strbuf_free(&data);
	return st;
}

/* In a table, a date counted over a provisional calendar reads "2027-01-04（暂定）". */
static void mark_provisional(const struct cmd_ctx *ctx, struct rowset *rs, int r, int col,
                             const char *date, const char *provisional)
{
	if (ctx->format != FMT_TABLE || !provisional || strcmp(provisional, "t") != 0)
		return;
	char *marked = trs(MSG_CAL_PROVISIONAL_DATE, date);
	rowset_set(rs, r, col, marked);
	free(marked);
}

static void fix_deadline(const struct cmd_ctx *ctx, struct rowset *rs, int r, const PGresult *res)
{
	rowset_set(rs, r, 1, weekday(PQgetvalue(res, r, 1)));
	rowset_set(rs, r, 4, weekday(PQgetvalue(res, r, 4)));
	rowset_set(rs, r, 5, kind_text(ctx, ref_value(res, r, 5)));
	mark_provisional(ctx, rs, r, 3, PQgetvalue(res, r, 3), PQgetvalue(res, r, 7));
}

enum status run_calendar_deadline(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	static const struct ref_col cols[] = {
	    {"start", MSG_CAL_COL_START, CT_TEXT},
	    {"start_weekday", MSG_CAL_COL_START_WEEKDAY, CT_TEXT},
	    {"workdays", MSG_CAL_COL_WORKDAYS, CT_NUMBER},
	    {"deadline", MSG_CAL_COL_DEADLINE, CT_TEXT},
	    {"deadline_weekday", MSG_CAL_COL_DEADLINE_WEEKDAY, CT_TEXT},
	    {"deadline_kind", MSG_CAL_COL_DEADLINE_KIND, CT_TEXT},
	    {"holiday", MSG_CAL_COL_HOLIDAY, CT_TEXT},
	    {"provisional", MSG_CAL_COL_PROVISIONAL, CT_BOOL},
	};
	static const int src[] = {0, 1, 2, 3, 4, 5, 6, 7};
	static const struct ref_view view = {cols, src, 8, 1, fix_deadline};
	struct db_error err;
	if (!date_shape(args->argv[0]))
		return ref_fail(ctx, ST_USAGE, MSG_CAL_BAD_DATE_ARG, args->argv[0], NULL);
	if (!digits(args->argv[1], 1, 4))
		return ref_fail(ctx, ST_USAGE, MSG_CAL_BAD_COUNT_ARG, args->argv[1], NULL);
	db_error_init(&err);
	return ref_print(ctx, calendar_deadline(ctx->db, args->argv[0], args->argv[1], &err), &err,
	                 &view);
}

static void fix_workdays(const struct cmd_ctx *ctx, struct rowset *rs, int r, const PGresult *res)
{
	(void)ctx;
	rowset_set(rs, r, 1, weekday(PQgetvalue(res, r, 1)));
	rowset_set(rs, r, 3, weekday(PQgetvalue(res, r, 3)));
}

enum status run_calendar_workdays(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	static const struct ref_col cols[] = {
	    {"from", MSG_CAL_COL_FROM, CT_TEXT},
	    {"from_weekday", MSG_CAL_COL_FROM_WEEKDAY, CT_TEXT},
	    {"to", MSG_CAL_COL_TO, CT_TEXT},
	    {"to_weekday", MSG_CAL_COL_TO_WEEKDAY, CT_TEXT},
	    {"workdays", MSG_CAL_COL_WORKDAYS, CT_NUMBER},
	    {"provisional", MSG_CAL_COL_PROVISIONAL, CT_BOOL},
	};
	static const int src[] = {0, 1, 2, 3, 4, 5};
	static const struct ref_view view = {cols, src, 6, 1, fix_workdays};
	struct db_error err;
	for (int i = 0; i < 2; i++)
		if (!date_shape(args->argv[i]))
			return ref_fail(ctx, ST_USAGE, MSG_CAL_BAD_DATE_ARG, args->argv[i], NULL);
	db_error_init(&err);
	return ref_print(ctx, calendar_workdays(ctx->db, args->argv[0], args->argv[1], &err), &err,
	                 &view);
}

static enum status show_years(struct cmd_ctx *ctx)
{
	static const struct ref_col cols[] = {
	    {"year", MSG_CAL_COL_YEAR, CT_NUMBER},
	    {"off_days", MSG_CAL_COL_OFF_DAYS, CT_NUMBER},
	    {"makeup_days", MSG_CAL_COL_MAKEUP_DAYS, CT_NUMBER},
	    {"workdays", MSG_CAL_COL_WORKDAYS_YEAR, CT_NUMBER},
	    {"source_file", MSG_CAL_COL_SOURCE, CT_TEXT},
	    {"loaded_at", MSG_CAL_COL_LOADED_AT, CT_TEXT},
	    {"loaded_by", MSG_CAL_COL_LOADED_BY, CT_TEXT},
	    {"provisional", MSG_CAL_COL_PROVISIONAL, CT_BOOL},
	};
	static const int src[] = {0, 1, 2, 3, 4, 5, 6, 7};
	static const struct ref_view view = {cols, src, 8, 0, NULL};
	struct db_error err;
	db_error_init(&err);
	return ref_print(ctx, calendar_years(ctx->db, &err), &err, &view);
}

static void fix_day(const struct cmd_ctx *ctx, struct rowset *rs, int r, const PGresult *res)
{
	rowset_set(rs, r, 1, weekday(PQgetvalue(res, r, 1)));
	rowset_set(rs, r, 2, kind_text(ctx, PQgetvalue(res, r, 2)));
}

static enum status show_year(struct cmd_ctx *ctx, const char *year)
{
	static const struct ref_col cols[] = {
	    {"date", MSG_CAL_COL_DATE, CT_TEXT},
	    {"weekday", MSG_CAL_COL_WEEKDAY, CT_TEXT},
	    {"kind", MSG_CAL_COL_KIND, CT_TEXT},
	    {"holiday", MSG_CAL_COL_HOLIDAY, CT_TEXT},
	    {"provisional", MSG_CAL_COL_PROVISIONAL, CT_BOOL},
	};
	static const int src[] = {0, 1, 2, 3, 5};
	static const struct ref_view view = {cols, src, 5, 0, fix_day};
	struct db_error err;
	if (!digits(year, 4, 4))
		return ref_fail(ctx, ST_USAGE, MSG_CAL_BAD_YEAR_ARG, year, NULL);
	db_error_init(&err);
	PGresult *res = calendar_year_covered(ctx->db, year, &err);
	if (!res)
		return ref_db_fail(ctx, &err);
	int covered = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
	int provisional = strcmp(PQgetvalue(res, 0, 1), "t") == 0;
	PQclear(res);
	if (!covered) {
		db_error_free(&err);
		return ref_fail(ctx, ST_NOTFOUND, MSG_CAL_YEAR_NOT_LOADED, year, NULL);
	}
	if (provisional && ctx->format == FMT_TABLE) {
		char *note = trs(MSG_CAL_YEAR_PROVISIONAL, year);
		fprintf(ctx->out, "%s\n", note);
		free(note);
	}
	return ref_print(ctx, calendar_days(ctx->db, year, &err), &err, &view);
}

enum status run_calendar_show(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	return args->argc ? show_year(ctx, args->argv[0]) : show_years(ctx);
}
