/* The work calendar (domain-rules §4): loading a year's holidays from a CSV
 * file, and deadlines in working days. The rules live in PostgreSQL
 * (sql/migrations/0003_work_calendar.sql); this module splits the file,
 * passes its rows as parameters and returns what the database answers. */
#ifndef SMCON_CALENDAR_H
#define SMCON_CALENDAR_H
#include <stddef.h>

#include <libpq-fe.h>

#include "db/db.h"

struct cal_row {
	int line;
	char *day, *kind, *name;
};

/* Something wrong with a file: code is one of header, fields, quote (found
 * while splitting) or what api.calendar_check returns (bad_date, bad_kind,
 * bad_name, duplicate, weekday_makeup, new_year_makeup, no_year). */
struct cal_problem {
	int line; /* 0: the file as a whole */
	char *code;
	char *detail;
};

struct cal_file {
	struct cal_row *rows;
	int nrows, rows_cap;
	struct cal_problem *problems;
	int nproblems, problems_cap;
};

void cal_file_init(struct cal_file *f);
void cal_file_free(struct cal_file *f);
/* Splits CSV text (header date,kind,name) into rows; problems with the
 * header, the number of fields or quotes are added to f->problems. */
void calendar_parse(struct cal_file *f, const char *data, size_t len);
/* Adds the database's verdict on the rows (api.calendar_check) to
 * f->problems and sorts them by line. Returns ST_OK or err->status. */
enum status calendar_check(struct db *db, struct cal_file *f, struct db_error *err);
/* Loads the rows, all or nothing (api.calendar_load, admins only), and
 * recomputes the stored deadlines it moves. Returns one row per year loaded:
 * year, off_days, makeup_days, replaced, was_provisional, load_id; or NULL. */
PGresult *calendar_load(struct db *db, const struct cal_file *f, const char *source,
                        struct db_error *err);

/* Each returns a result the caller PQclear()s, or NULL with err filled. */
/* start, start_isodow, workdays, deadline, deadline_isodow, deadline_kind, holiday,
 * provisional (counted over a provisional calendar: 暂定) */
PGresult *calendar_deadline(struct db *db, const char *date, const char *n, struct db_error *err);
/* from, from_isodow, to, to_isodow, workdays, provisional */
PGresult *calendar_workdays(struct db *db, const char *from, const char *to, struct db_error *err);
/* year, off_days, makeup_days, workdays, source_file, loaded_at, loaded_by, provisional */
PGresult *calendar_years(struct db *db, struct db_error *err);
/* day, isodow, kind, name, loaded, provisional (of every listed day of the year) */
PGresult *calendar_days(struct db *db, const char *year, struct db_error *err);
/* Whether the calendar covers the year, and whether only provisionally
 * ("t"/"f" twice in a one-row result). */
PGresult *calendar_year_covered(struct db *db, const char *year, struct db_error *err);
/* How a load moved the stored deadlines: rule, label, article, shift_days, moved. */
PGresult *calendar_moves(struct db *db, const char *load_id, struct db_error *err);

/* The calendar's state as api.calendar_status() reports it. */
struct cal_status {
	int year;        /* the year to watch: this one if not loaded, else the next */
	int loaded;      /* its notice is loaded */
	int provisional; /* it runs on a provisional calendar */
	int warn;        /* the caller (admin, supervisor) should be warned */
};
/* Fills st. Returns ST_OK or err->status. */
enum status calendar_status(struct db *db, struct cal_status *st, struct db_error *err);
/* The warning for st in the UI language ("2027 年节假日安排未载入…"); the
 * caller frees it. */
char *calendar_warning_text(const struct cal_status *st);
/* The same, short enough for the status line. */
char *calendar_warning_short(const struct cal_status *st);

#endif
