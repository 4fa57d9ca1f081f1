/* The report commands: report list, report run NAME [--period YYYY-MM |
 * --from D --to D] [--org CODE] [--by G] --format F [-o FILE|DIR] [--bom].
 * Cron-safe: no prompt, the exit codes of smcon(1), a bad parameter named;
 * Ctrl-C (SIGINT) cancels the running query and leaves no file. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "cmd/command.h"
#include "db/conninfo.h"
#include "domain/report.h"
#include "print/report_file.h"

static enum status usage(struct cmd_ctx *ctx, enum msg_id m, const char *arg)
{
	char *msg = trs(m, arg);
	enum status st = cmd_fail(ctx, ST_USAGE, msg);
	free(msg);
	return st;
}

/* ---- report list -------------------------------------------------------- */

static enum status run_report_list(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct report_catalog cat;
	struct db_error err;
	(void)args;
	db_error_init(&err);
	enum status st = report_catalog_load(ctx->db, &cat, &err);
	if (st != ST_OK) {
		st = cmd_db_fail(ctx, &err);
		db_error_free(&err);
		return st;
	}
	struct rowset *rs = rowset_new(6);
	rowset_col(rs, 0, "name", tr(MSG_REPORT_COL_NAME), CT_TEXT);
	rowset_col(rs, 1, "title", tr(MSG_REPORT_COL_TITLE), CT_TEXT);
	rowset_col(rs, 2, "by", tr(MSG_REPORT_COL_BY), CT_TEXT);
	rowset_col(rs, 3, "public", tr(MSG_REPORT_COL_PUBLIC), CT_BOOL);
	rowset_col(rs, 4, "may_run", tr(MSG_REPORT_COL_MAY_RUN), CT_BOOL);
	rowset_col(rs, 5, "description", tr(MSG_REPORT_COL_DESCRIPTION), CT_TEXT);
	for (int i = 0; i < cat.n; i++) {
		const struct report_info *r = &cat.r[i];
		int row = rowset_add_row(rs);
		rowset_set(rs, row, 0, r->name);
		rowset_set(rs, row, 1, report_title(r));
		rowset_set(rs, row, 2, r->by_options);
		rowset_set(rs, row, 3, r->public_ ? "t" : "f");
		rowset_set(rs, row, 4, r->may_run ? "t" : "f");
		rowset_set(rs, row, 5, r->description);
	}
	cmd_print(ctx, rs);
	report_catalog_free(&cat);
	db_error_free(&err);
	return ST_OK;
}

/* ---- report run --------------------------------------------------------- */

static PGcancel *volatile running; /* the query SIGINT cancels */

static void on_interrupt(int sig)
{
	char buf[256];
	(void)sig;
	if (running)
		PQcancel(running, buf, sizeof buf);
}

struct run_opts {
	const char *name, *output, *from, *to, *org, *by;
	char pfrom[11], pto[11];
	enum report_format format;
	int bom;
};

/* Reads and checks the command line (each bad value named). */
static enum status run_options(struct cmd_ctx *ctx, const struct cmd_args *a, struct run_opts *o)
{
	memset(o, 0, sizeof *o);
	o->name = a->argv[0];
	for (int i = 1; i < a->argc; i++) {
		if (strcmp(a->argv[i], "-o") == 0 && i + 1 < a->argc && !o->output)
			o->output = a->argv[++i];
		else
			return usage(ctx, MSG_REPORT_BAD_ARG, a->argv[i]);
	}
	if (!o->output)
		o->output = cmd_opt(a, "output");
	const char *f = cmd_opt(a, "format");
	o->format = RF_TABLE;
	if (f && report_format_parse(f, &o->format) != 0)
		return usage(ctx, MSG_REPORT_BAD_FORMAT, f);
	if (o->format == RF_XLSX && !o->output)
		return usage(ctx, MSG_REPORT_XLSX_NEEDS_FILE, "");
	const char *period = cmd_opt(a, "period");
	o->from = cmd_opt(a, "from");
	o->to = cmd_opt(a, "to");
	if (period && (o->from || o->to))
		return usage(ctx, MSG_REPORT_PERIOD_OR_RANGE, "");
	if (period) {
		if (report_period_parse(period, o->pfrom, o->pto) != 0)
			return usage(ctx, MSG_REPORT_BAD_PERIOD, period);
		o->from = o->pfrom;
		o->to = o->pto;
	}
	if (o->from && !report_date_valid(o->from))
		return usage(ctx, MSG_REPORT_BAD_FROM, o->from);
	if (o->to && !report_date_valid(o->to))
		return usage(ctx, MSG_REPORT_BAD_TO, o->to);
	if ((o->from != NULL) != (o->to != NULL))
		return usage(ctx, MSG_REPORT_FROM_AND_TO, "");
	o->org = cmd_opt(a, "org");
	o->by = cmd_opt(a, "by");
	o->bom = cmd_opt(a, "bom") != NULL;
	if (o->bom && o->format != RF_CSV)
		return usage(ctx, MSG_REPORT_BOM_CSV, "");
	return ST_OK;
}

static enum status write_report(struct cmd_ctx *ctx, struct db *db, const char *server,
                                const struct run_opts *o, struct db_error *err)
{
	struct report_catalog cat;
	struct report_run run;
	struct strbuf path = STRBUF_INIT;
	enum status st = report_catalog_load(db, &cat, err);
	if (st != ST_OK)
		return st;
	const struct report_info *info = report_catalog_find(&cat, o->name);
	struct report_params p = {o->name, o->from, o->to, o->org, o->by};
	st = report_run_open(db, &p, &run, err);
	if (st == ST_OK) {
		st = report_run_audit(ctx->db, &run, o->name, server, o->output,
		                      report_format_name(o->format), err);
		if (st != ST_OK)
			report_run_close(&run);
	}
	if (st == ST_OK) {
		struct report_write w = {o->name,   info ? report_title(info) : o->name,
		                         o->format, o->bom,
		                         o->output, ctx->out,
		                         500,       NULL,
		                         NULL};
		st = report_write_run(&run, &w, &path, err);
		if (st == ST_OK && o->output) {
			char *m = trs(MSG_REPORT_WRITTEN, strbuf_str(&path), run.fetched);
			fprintf(ctx->err, "smcon: %s\n", m);
			free(m);
		}
		report_run_close(&run);
	}
	report_catalog_free(&cat);
	strbuf_free(&path);
	return st;
}

static enum status run_report_run(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct run_opts o;
	struct db_error err;
	struct db_reports rep;
	enum status st = run_options(ctx, args, &o);
	if (st != ST_OK)
		return st;
	db_error_init(&err);
	db_reports_init(&rep);
	struct db *db = db_reports_open_strict(&rep, ctx->conf, ctx->db, &err);
	if (!db) {
		st = cmd_db_fail(ctx, &err);
		db_error_free(&err);
		return st;
	}
	running = PQgetCancel(db->conn);
	struct sigaction sa = {0}, old;
	sa.sa_handler = on_interrupt;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old);
	st = write_report(ctx, db, db_reports_server(&rep), &o, &err);
	sigaction(SIGINT, &old, NULL);
	PGcancel *c = running;
	running = NULL;
	PQfreeCancel(c);
	if (st != ST_OK)
		st = err.status == ST_USAGE ? cmd_fail(ctx, ST_USAGE, strbuf_str(&err.message))
		                            : cmd_db_fail(ctx, &err);
	db_reports_close(&rep);
	db_error_free(&err);
	return st;
}

static const struct cmd_opt run_opts[] = {
    {"period", 1, MSG_REPORT_OPT_PERIOD, "YYYY-MM"},
    {"from", 1, MSG_REPORT_OPT_FROM, "DATE"},
    {"to", 1, MSG_REPORT_OPT_TO, "DATE"},
    {"org", 1, MSG_REPORT_OPT_ORG, "CODE"},
    {"by", 1, MSG_REPORT_OPT_BY, "GROUP"},
    {"format", 1, MSG_REPORT_OPT_FORMAT, "table|csv|json|xlsx|text"},
    {"output", 1, MSG_REPORT_OPT_OUTPUT, "FILE|DIR"},
    {"bom", 0, MSG_REPORT_OPT_BOM, NULL},
    {NULL, 0, MSG_EMPTY, NULL},
};

const struct command report_commands[] = {
    {"report", "list", ACT_REPORT_LIST, "", NULL, 0, 0, 1, run_report_list},
    {"report", "run", ACT_REPORT_RUN, "NAME [-o FILE|DIR]", run_opts, 1, 3, 0, run_report_run},
    {NULL, NULL, ACT_NONE, NULL, NULL, 0, 0, 0, NULL},
};
