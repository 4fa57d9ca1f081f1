/* Commands of the import part: import THEME FILE, import jobs, import
 * fields, and the data-quality commands quality run, history and rules. */
#include <stdlib.h>
#include <string.h>

#include "cmd/command.h"
#include "import/import_field.h"
#include "import/import_run.h"

/* Rejected rows shown on the terminal; the rest are in the rejects file. */
#define SHOWN_REJECTS 20

/* A column of a command's output: machine name, title, type. */
struct col_spec {
	const char *key;
	enum msg_id label;
	enum col_type type;
};

/* The status of an import as the table shows it (machine formats: the code). */
static const char *status_text(const char *status, int machine)
{
	if (machine)
		return status;
	return strcmp(status, "loaded") == 0    ? tr(MSG_IMPORT_STATUS_LOADED)
	       : strcmp(status, "dry_run") == 0 ? tr(MSG_IMPORT_STATUS_DRY_RUN)
						: tr(MSG_IMPORT_STATUS_REFUSED);
}

/* The summary of an import as one record. */
static void print_report(struct cmd_ctx *ctx, const struct import_opts *o, const struct import_report *r)
{
	static const struct col_spec cols[] = {
		{"job", MSG_IMPORT_KEY_JOB, CT_NUMBER},           {"theme", MSG_IMPORT_KEY_THEME, CT_TEXT},
		{"file", MSG_IMPORT_KEY_FILE, CT_TEXT},           {"encoding", MSG_IMPORT_KEY_ENCODING, CT_TEXT},
		{"read", MSG_IMPORT_KEY_READ, CT_NUMBER},         {"good", MSG_IMPORT_KEY_GOOD, CT_NUMBER},
		{"rejected", MSG_IMPORT_KEY_REJECTED, CT_NUMBER}, {"inserted", MSG_IMPORT_KEY_INSERTED, CT_NUMBER},
		{"updated", MSG_IMPORT_KEY_UPDATED, CT_NUMBER},   {"unchanged", MSG_IMPORT_KEY_UNCHANGED, CT_NUMBER},
		{"status", MSG_IMPORT_KEY_STATUS, CT_TEXT},       {"rejects_file", MSG_IMPORT_KEY_REJECTS_FILE, CT_TEXT},
	};
	enum { NCOLS = sizeof cols / sizeof *cols };
	struct strbuf v[NCOLS];
	for (int i = 0; i < NCOLS; i++)
		strbuf_init(&v[i]);
	strbuf_addf(&v[0], "%ld", r->job);
	strbuf_add(&v[1], o->theme);
	strbuf_add(&v[2], o->path);
	strbuf_add(&v[3], r->gb18030 ? tr(MSG_IMPORT_ENC_CONVERTED) : "UTF-8");
	long counts[] = {r->read, r->good, r->rejected, r->inserted, r->updated, r->unchanged};
	for (int i = 0; i < 6; i++)
		strbuf_addf(&v[4 + i], "%ld", counts[i]);
	strbuf_add(&v[10], status_text(r->status, ctx->format != FMT_TABLE));
	struct rowset *rs = rowset_new(NCOLS);
	rs->record = ctx->format == FMT_TABLE;
	int row = rowset_add_row(rs);
	for (int i = 0; i < NCOLS; i++) {
		rowset_col(rs, i, cols[i].key, tr(cols[i].label), cols[i].type);
		rowset_set(rs, row, i, i == 11 ? r->rejects_path : strbuf_str(&v[i]));
		strbuf_free(&v[i]);
	}
	cmd_print(ctx, rs);
}

/* The first rejected rows, with their lines, on the error stream. */
static void print_rejects(struct cmd_ctx *ctx, const struct import_report *r)
{
	long shown = r->rejects.n < SHOWN_REJECTS ? r->rejects.n : SHOWN_REJECTS;
	for (long i = 0; i < shown; i++) {
		char *m = trs(MSG_IMPORT_REJECT_LINE, r->rejects.items[i].line, r->rejects.items[i].reason);
		fprintf(ctx->err, "smcon: %s\n", m);
		free(m);
	}
	if (r->rejects.n > shown) {
		char *m = trs(MSG_IMPORT_MORE_REJECTS, r->rejects.n - shown, r->rejects_path ? r->rejects_path : "");
		fprintf(ctx->err, "smcon: %s\n", m);
		free(m);
	}
}

/* The exit status: 0 when every row is in (or would be), else 1. */
static enum status outcome(struct cmd_ctx *ctx, const struct import_report *r)
{
	if (!r->rejected) {
		if (strcmp(r->status, "dry_run") == 0)
			fprintf(ctx->err, "smcon: %s\n", tr(MSG_IMPORT_DRY_RUN_DONE));
		return ST_OK;
	}
	const char *file = r->rejects_path ? r->rejects_path : "";
	enum msg_id m = strcmp(r->status, "dry_run") == 0   ? MSG_IMPORT_REJECTED_DRY_RUN
			: strcmp(r->status, "refused") == 0 ? MSG_IMPORT_REJECTED_REFUSED
							    : MSG_IMPORT_REJECTED_LOADED;
	char *msg = trs(m, r->rejected, file, r->good);
	enum status st = cmd_fail(ctx, ST_ERROR, msg);
	free(msg);
	return st;
}

static enum status run_import(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct import_opts o = {
		.theme = args->argv[0],
		.path = args->argv[1],
		.source = cmd_opt(args, "source"),
		.dry_run = cmd_opt(args, "dry-run") != NULL,
		.all_or_nothing = cmd_opt(args, "all-or-nothing") != NULL,
	};
	struct import_report r;
	struct strbuf msg = STRBUF_INIT;
	enum status st = import_run(ctx->db, &o, &r, &msg);
	if (st == ST_OK && r.gb18030) {
		char *m = trs(MSG_IMPORT_CONVERTED, o.path);
		fprintf(ctx->err, "smcon: %s\n", m);
		free(m);
	}
	if (st == ST_OK) {
		print_report(ctx, &o, &r);
		fflush(ctx->out);
		print_rejects(ctx, &r);
		st = outcome(ctx, &r);
	} else {
		st = cmd_fail(ctx, st, strbuf_str(&msg));
	}
	strbuf_free(&msg);
	import_report_free(&r);
	return st;
}

/* Runs a query and prints its rows under the given columns. When it finds
 * nothing and theme is given, says there is no such theme (exit 2). */
static enum status print_query(struct cmd_ctx *ctx, const char *sql, int n, const char *const *params,
			       const struct col_spec *cols, int ncols, const char *theme)
{
	struct db_error err;
	db_error_init(&err);
	PGresult *res = db_exec(ctx->db, sql, n, params, &err);
	enum status st = ST_OK;
	if (!res) {
		st = cmd_db_fail(ctx, &err);
	} else if (theme && PQntuples(res) == 0) {
		struct strbuf msg = STRBUF_INIT;
		PQclear(res);
		st = cmd_fail(ctx, import_no_such_theme(ctx->db, theme, &msg), strbuf_str(&msg));
		strbuf_free(&msg);
	} else {
		struct rowset *rs = rowset_new(ncols);
		for (int i = 0; i < ncols; i++)
			rowset_col(rs, i, cols[i].key, tr(cols[i].label), cols[i].type);
		rowset_add_result(rs, res);
		PQclear(res);
		cmd_print(ctx, rs);
	}
	db_error_free(&err);
	return st;
}

static const char *limit_of(const struct cmd_args *args, const char *dflt)
{
	const char *v = cmd_opt(args, "limit");
	return v ? v : dflt;
}

static enum status run_import_jobs(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	static const struct col_spec cols[] = {
		{"job", MSG_IMPORT_KEY_JOB, CT_NUMBER},          {"theme", MSG_IMPORT_KEY_THEME, CT_TEXT},
		{"file", MSG_IMPORT_KEY_FILE, CT_TEXT},          {"encoding", MSG_IMPORT_KEY_ENCODING, CT_TEXT},
		{"status", MSG_IMPORT_COL_STATUS, CT_TEXT},      {"read", MSG_IMPORT_KEY_READ, CT_NUMBER},
		{"rejected", MSG_IMPORT_KEY_REJECTED, CT_NUMBER}, {"inserted", MSG_IMPORT_KEY_INSERTED, CT_NUMBER},
		{"updated", MSG_IMPORT_KEY_UPDATED, CT_NUMBER},  {"unchanged", MSG_IMPORT_KEY_UNCHANGED, CT_NUMBER},
		{"login", MSG_IMPORT_COL_LOGIN, CT_TEXT},        {"started_at", MSG_IMPORT_COL_STARTED, CT_TEXT},
		{"message", MSG_IMPORT_COL_MESSAGE, CT_TEXT},
	};
	const char *params[] = {limit_of(args, "20")};
	return print_query(ctx,
			   "SELECT id, theme, file_name, file_encoding, status || CASE WHEN dry_run AND status <> 'dry_run'"
			   " THEN ' (dry run)' ELSE '' END, rows_read, rows_rejected, rows_inserted, rows_updated,"
			   " rows_unchanged, login, to_char(started_at, 'YYYY-MM-DD HH24:MI:SS'), message"
			   " FROM api.import_jobs($1::integer)",
			   1, params, cols, (int)(sizeof cols / sizeof *cols), NULL);
}

static enum status run_import_fields(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	static const struct col_spec cols[] = {
		{"field", MSG_IMPORT_COL_FIELD, CT_TEXT},       {"title", MSG_IMPORT_COL_TITLE, CT_TEXT},
		{"aliases", MSG_IMPORT_COL_ALIASES, CT_TEXT},   {"kind", MSG_IMPORT_COL_KIND, CT_TEXT},
		{"required", MSG_IMPORT_COL_REQUIRED, CT_BOOL}, {"key", MSG_IMPORT_COL_KEY, CT_BOOL},
	};
	const char *params[] = {args->argv[0]};
	return print_query(ctx,
			   "SELECT name, title, array_to_string(aliases, '、'),"
			   " kind || coalesce('(' || code_list || ')', ''), required, is_key"
			   " FROM api.import_fields($1)",
			   1, params, cols, (int)(sizeof cols / sizeof *cols), args->argv[0]);
}

/* Runs sql (one row per rule; column 6 is the error) in a transaction
 * without a statement timeout: the rules read whole tables. */
static enum status run_rules(struct cmd_ctx *ctx, const char *sql, int n, const char *const *params,
			     const struct col_spec *cols, int ncols)
{
	struct db_error err;
	db_error_init(&err);
	enum status st = db_command(ctx->db, "BEGIN", 0, NULL, &err);
	if (st == ST_OK)
		st = db_command(ctx->db, "SET LOCAL statement_timeout = 0", 0, NULL, &err);
	PGresult *res = st == ST_OK ? db_exec(ctx->db, sql, n, params, &err) : NULL;
	if (res && db_command(ctx->db, "COMMIT", 0, NULL, &err) != ST_OK) {
		PQclear(res);
		res = NULL;
	}
	if (!res) {
		st = cmd_db_fail(ctx, &err);
		db_command(ctx->db, "ROLLBACK", 0, NULL, &err);
		db_error_free(&err);
		return st;
	}
	int failed = 0;
	for (int i = 0; i < PQntuples(res); i++)
		failed += !PQgetisnull(res, i, 6);
	struct rowset *rs = rowset_new(ncols);
	for (int i = 0; i < ncols; i++)
		rowset_col(rs, i, cols[i].key, tr(cols[i].label), cols[i].type);
	rowset_add_result(rs, res);
	PQclear(res);
	cmd_print(ctx, rs);
	db_error_free(&err);
	if (!failed)
		return ST_OK;
	fflush(ctx->out);
	char *m = trs(MSG_QUALITY_RULES_FAILED, failed);
	st = cmd_fail(ctx, ST_ERROR, m);
	free(m);
	return st;
}

static enum status run_quality_run(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	static const struct col_spec cols[] = {
		{"rule", MSG_QUALITY_COL_RULE, CT_TEXT},         {"title", MSG_QUALITY_COL_TITLE, CT_TEXT},
		{"theme", MSG_QUALITY_COL_THEME, CT_TEXT},       {"severity", MSG_QUALITY_COL_SEVERITY, CT_TEXT},
		{"count", MSG_QUALITY_COL_COUNT, CT_NUMBER},     {"examples", MSG_QUALITY_COL_SAMPLE, CT_TEXT},
		{"error", MSG_QUALITY_COL_ERROR, CT_TEXT},
	};
	/* a table shows three examples a rule; csv and json all ten kept */
	const char *params[] = {cmd_opt(args, "rule"), ctx->format == FMT_TABLE ? "3" : "10"};
	return run_rules(ctx,
			 "SELECT q.code, q.title, q.theme, q.severity, q.offender_count,"
			 " (SELECT string_agg(s.v->>'key' || ' ' || (s.v->>'name'), '；' ORDER BY s.n)"
			 "    FROM jsonb_array_elements(q.sample) WITH ORDINALITY AS s (v, n) WHERE s.n <= $2::integer),"
			 " q.error FROM api.quality_run($1) AS q",
			 2, params, cols, (int)(sizeof cols / sizeof *cols));
}

static enum status run_quality_history(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	static const struct col_spec cols[] = {
		{"checked_at", MSG_QUALITY_COL_CHECKED, CT_TEXT}, {"rule", MSG_QUALITY_COL_RULE, CT_TEXT},
		{"title", MSG_QUALITY_COL_TITLE, CT_TEXT},        {"count", MSG_QUALITY_COL_COUNT, CT_NUMBER},
		{"previous", MSG_QUALITY_COL_PREVIOUS, CT_NUMBER}, {"change", MSG_QUALITY_COL_CHANGE, CT_TEXT},
		{"error", MSG_QUALITY_COL_ERROR, CT_TEXT},
	};
	const char *params[] = {cmd_opt(args, "rule"), limit_of(args, "50")};
	return print_query(ctx,
			   "SELECT to_char(checked_at, 'YYYY-MM-DD HH24:MI:SS'), code, title, offender_count,"
			   " previous_count, CASE WHEN change > 0 THEN '+' || change ELSE change::text END, error"
			   " FROM api.quality_history($1, $2::integer)",
			   2, params, cols, (int)(sizeof cols / sizeof *cols), NULL);
}

static enum status run_quality_rules(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	static const struct col_spec cols[] = {
		{"rule", MSG_QUALITY_COL_RULE, CT_TEXT},        {"title", MSG_QUALITY_COL_TITLE, CT_TEXT},
		{"theme", MSG_QUALITY_COL_THEME, CT_TEXT},      {"severity", MSG_QUALITY_COL_SEVERITY, CT_TEXT},
		{"active", MSG_QUALITY_COL_ACTIVE, CT_BOOL},    {"description", MSG_QUALITY_COL_DESCRIPTION, CT_TEXT},
	};
	(void)args;
	return print_query(ctx, "SELECT code, title, theme, severity, active, description FROM api.quality_rules()",
			   0, NULL, cols, (int)(sizeof cols / sizeof *cols), NULL);
}

static const struct cmd_opt rule_opts[] = {
	{"rule", 1, MSG_OPT_QUALITY_RULE, "CODE"},
	{NULL, 0, MSG_EMPTY, NULL},
};

static const struct cmd_opt history_opts[] = {
	{"rule", 1, MSG_OPT_QUALITY_RULE, "CODE"},
	{"limit", 1, MSG_OPT_LIMIT, "N"},
	{NULL, 0, MSG_EMPTY, NULL},
};

static const struct cmd_opt import_opts[] = {
	{"dry-run", 0, MSG_OPT_IMPORT_DRY_RUN, NULL},
	{"all-or-nothing", 0, MSG_OPT_IMPORT_ALL_OR_NOTHING, NULL},
	{"source", 1, MSG_OPT_IMPORT_SOURCE, "NAME"},
	{NULL, 0, MSG_EMPTY, NULL},
};

static const struct cmd_opt limit_opts[] = {
	{"limit", 1, MSG_OPT_LIMIT, "N"},
	{NULL, 0, MSG_EMPTY, NULL},
};

const struct command import_commands[] = {
	/* the two-word commands first: "import THEME FILE" takes any other word */
	{"import", "jobs", ACT_IMPORT_JOBS, "", limit_opts, 0, 0, 1, run_import_jobs},
	{"import", "fields", ACT_IMPORT_FIELDS, "THEME", NULL, 1, 1, 1, run_import_fields},
	{"import", NULL, ACT_IMPORT, "THEME FILE", import_opts, 2, 2, 1, run_import},
	{"quality", "run", ACT_QUALITY_RUN, "", rule_opts, 0, 0, 1, run_quality_run},
	{"quality", "history", ACT_QUALITY_HISTORY, "", history_opts, 0, 0, 1, run_quality_history},
	{"quality", "rules", ACT_QUALITY_RULES, "", NULL, 0, 0, 1, run_quality_rules},
	{NULL, NULL, ACT_NONE, NULL, NULL, 0, 0, 0, NULL},
};
