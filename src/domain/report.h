/* The report catalog and report runs (api.report_list, api.report_open):
 * a run opens the cursor smcon_report in a transaction of its own and the
 * caller fetches its rows in pieces, so that files are written as the rows
 * arrive. Heavy reports go to the standby named by db.report_conninfo
 * (db_reports_open() in db/conninfo.h). */
#ifndef SMCON_REPORT_H
#define SMCON_REPORT_H

#include <libpq-fe.h>

#include "db/db.h"

enum report_kind { RK_TEXT, RK_INT, RK_NUM, RK_PCT, RK_MIN, RK_SPARK };

struct report_info {
	char *name, *title_zh, *title_en, *description;
	char *by_options; /* comma-separated, e.g. "district,station,month" */
	char *default_by, *chart_column;
	int public_, may_run, whole_months;
};

struct report_catalog {
	int n;
	struct report_info *r;
};

struct report_column {
	char *key, *label_zh, *label_en;
	enum report_kind kind;
};

struct report_params {
	const char *name;
	const char *from, *to; /* YYYY-MM-DD or NULL */
	const char *org;       /* org code or NULL */
	const char *by;        /* grouping or NULL */
};

struct report_run {
	struct db *db; /* the connection the cursor lives on */
	int in_tx;
	int ncols;
	struct report_column *cols;
	int chart_col; /* index of the chart column, or -1 */
	char *date_from, *date_to, *org_code, *org_name, *group_by;
	int masked;
	long fetched;
};

/* Loads the catalog as the caller sees it. Returns ST_OK or err->status. */
enum status report_catalog_load(struct db *db, struct report_catalog *c, struct db_error *err);
void report_catalog_free(struct report_catalog *c);
/* The catalog entry named, or NULL. */
const struct report_info *report_catalog_find(const struct report_catalog *c, const char *name);
/* The title in the UI language. */
const char *report_title(const struct report_info *r);
/* Whether by is one of the report's groupings. */
int report_has_by(const struct report_info *r, const char *by);

/* Turns "2026-10" into its first and last day (buffers of 11 bytes).
 * Returns 0, or -1 for anything else. */
int report_period_parse(const char *period, char *from, char *to);
/* Whether s is a valid date YYYY-MM-DD. */
int report_date_valid(const char *s);

/* Starts a run: checks the parameters in the database (a bad parameter is
 * ST_USAGE, an unknown report or a period without data ST_NOTFOUND, a role
 * or org outside the caller's scope ST_DENIED), opens the cursor and loads
 * the columns. On failure nothing is left open. */
enum status report_run_open(struct db *db, const struct report_params *p, struct report_run *run,
                            struct db_error *err);
/* Records on primary (the operator's own server) what the audit log would
 * otherwise miss of an open run: the run itself when it went to another
 * server (server: "standby" or "report"; NULL when it ran on primary, where
 * api.report_open recorded it), and an export to file (NULL: none) in
 * format. Returns ST_OK or err->status: then do not export. */
enum status report_run_audit(struct db *primary, const struct report_run *run, const char *name,
                             const char *server, const char *file, const char *format,
                             struct db_error *err);
/* The next at most n rows (0 rows: the end). Caller PQclear()s; NULL with err filled. */
PGresult *report_run_fetch(struct report_run *run, int n, struct db_error *err);
/* Sends the FETCH of every remaining row and returns at once (screens):
 * collect the rows with db_async_poll(), cancel with db_async_cancel(). */
enum status report_run_send_all(struct report_run *run, struct db_error *err);
/* Ends the run's transaction, keeping what it describes (columns, period). */
void report_run_end(struct report_run *run);
/* Ends the transaction and frees the run. */
void report_run_close(struct report_run *run);
/* The column's label in the UI language. */
const char *report_col_label(const struct report_column *c);

#endif
