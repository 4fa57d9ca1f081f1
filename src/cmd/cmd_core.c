/* The core commands: help, version, whoami, db status, db migrate. */
#include <curses.h>
#include <libconfig.h>
#include <readline/readline.h>
#include <stdlib.h>
#include <string.h>

#include "base/width.h"
#include "base/xalloc.h"
#include "cmd/command.h"
#include "db/migrate.h"
#include "domain/calendar.h"
#include "domain/role.h"
#include "print/wrap.h"
#include "version.h"

/* Adds one "key label value" row to a one-record rowset being built. */
struct record {
	const char *keys[24];
	const char *labels[24];
	char *values[24];
	enum col_type types[24];
	int n;
};

static void rec_add_as(struct record *r, const char *key, enum msg_id label, const char *value,
                       enum col_type type)
{
	r->keys[r->n] = key;
	r->labels[r->n] = tr(label);
	r->values[r->n] = xstrdup(value ? value : "");
	r->types[r->n] = type;
	r->n++;
}

static void rec_add(struct record *r, const char *key, enum msg_id label, const char *value)
{
	rec_add_as(r, key, label, value, CT_TEXT);
}

/* A yes/no row: true/false in JSON, t/f in CSV, 是/否 in a table (the
 * table printer shows every CT_BOOL so). */
static void rec_add_flag(struct record *r, const char *key, enum msg_id label, int value)
{
	rec_add_as(r, key, label, value ? "t" : "f", CT_BOOL);
}

static void rec_print(struct cmd_ctx *ctx, struct record *r)
{
	struct rowset *rs = rowset_new(r->n);
	rs->record = 1;
	int row = rowset_add_row(rs);
	for (int i = 0; i < r->n; i++) {
		rowset_col(rs, i, r->keys[i], r->labels[i], r->types[i]);
		rowset_set(rs, row, i, r->values[i]);
		free(r->values[i]);
	}
	cmd_print(ctx, rs);
}

static void man_escape(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '-' || *s == '\\')
			fputc('\\', out);
		fputc(*s, out);
	}
}

/* The COMMANDS section of smcon(1), generated from the tables. */
static void print_man(struct cmd_ctx *ctx)
{
	struct strbuf sb = STRBUF_INIT;
	for (const struct command *c = cmd_next(NULL); c; c = cmd_next(c)) {
		const struct action *a = action_get(c->action);
		strbuf_reset(&sb);
		cmd_synopsis(c, &sb);
		fputs(".TP\n.B ", ctx->out);
		man_escape(ctx->out, strbuf_str(&sb));
		fputc('\n', ctx->out);
		man_escape(ctx->out, tr(a->help));
		fputc('\n', ctx->out);
		for (const struct cmd_opt *o = c->opts; o && o->name; o++) {
			fputs(".br\n\\-\\-", ctx->out);
			man_escape(ctx->out, o->name);
			if (o->has_arg)
				fprintf(ctx->out, " \\fI%s\\fR", o->arg_name);
			fputs(": ", ctx->out);
			man_escape(ctx->out, tr(o->help));
			fputc('\n', ctx->out);
		}
		if (a->roles) {
			strbuf_reset(&sb);
			role_mask_text(a->roles, &sb);
			fputs(".br\n", ctx->out);
			fprintf(ctx->out, "%s ", tr(MSG_HELP_ROLES));
			man_escape(ctx->out, strbuf_str(&sb));
			fputc('\n', ctx->out);
		}
	}
	strbuf_free(&sb);
}

/* The command list for a terminal, within 80 columns: the synopsis, then the
 * description in a column of its own, wrapped under itself; a synopsis too
 * wide for its column puts the description on the next line. */
static void help_table(struct cmd_ctx *ctx)
{
	enum { HELP_COLS = 80, SYNOPSIS_MAX = 25 };
	struct strbuf syn = STRBUF_INIT, text = STRBUF_INIT;
	int w = 0;
	for (const struct command *c = cmd_next(NULL); c; c = cmd_next(c)) {
		strbuf_reset(&syn);
		cmd_synopsis(c, &syn);
		int n = width_str(strbuf_str(&syn));
		if (n > w && n <= SYNOPSIS_MAX)
			w = n;
	}
	int col = 1 + w + 2;
	for (const struct command *c = cmd_next(NULL); c; c = cmd_next(c)) {
		strbuf_reset(&syn);
		cmd_synopsis(c, &syn);
		strbuf_reset(&text);
		strbuf_addf(&text, " %s", strbuf_str(&syn));
		int n = 1 + width_str(strbuf_str(&syn));
		if (n + 2 > col) {
			strbuf_addc(&text, '\n');
			n = 0;
		}
		width_pad(&text, col - n);
		wrap_text(&text, tr(action_get(c->action)->help), col, col, HELP_COLS);
		fputs(strbuf_str(&text), ctx->out);
	}
	strbuf_free(&syn);
	strbuf_free(&text);
}

static enum status run_help(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	if (cmd_opt(args, "man")) {
		print_man(ctx);
		return ST_OK;
	}
	if (args->argc > 0) {
		int used = 0;
		const struct command *c = cmd_find(args->argc, args->argv, &used);
		if (!c)
			return cmd_execute(ctx, args->argc, args->argv);
		char *words[] = {args->argv[0], used > 1 ? args->argv[1] : "--help", "--help", NULL};
		return cmd_execute(ctx, used + 1, words);
	}
	if (ctx->format == FMT_TABLE) {
		help_table(ctx);
		return ST_OK;
	}
	struct rowset *rs = rowset_new(2);
	rowset_col(rs, 0, "command", tr(MSG_HELP_COL_COMMAND), CT_TEXT);
	rowset_col(rs, 1, "description", tr(MSG_HELP_COL_DESCRIPTION), CT_TEXT);
	struct strbuf sb = STRBUF_INIT;
	for (const struct command *c = cmd_next(NULL); c; c = cmd_next(c)) {
		int row = rowset_add_row(rs);
		strbuf_reset(&sb);
		cmd_synopsis(c, &sb);
		rowset_set(rs, row, 0, strbuf_str(&sb));
		rowset_set(rs, row, 1, tr(action_get(c->action)->help));
	}
	strbuf_free(&sb);
	cmd_print(ctx, rs);
	return ST_OK;
}

static enum status run_version(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct record r = {0};
	struct strbuf sb = STRBUF_INIT;
	(void)args;
	rec_add(&r, "smcon", MSG_VERSION_SMCON, SMCON_VERSION);
	strbuf_addf(&sb, "%d.%d", PQlibVersion() / 10000, PQlibVersion() % 10000);
	rec_add(&r, "libpq", MSG_VERSION_LIBPQ, strbuf_str(&sb));
	rec_add(&r, "ncurses", MSG_VERSION_NCURSES, curses_version());
	rec_add(&r, "readline", MSG_VERSION_READLINE, rl_library_version);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%d.%d.%d", LIBCONFIG_VER_MAJOR, LIBCONFIG_VER_MINOR,
		    LIBCONFIG_VER_REVISION);
	rec_add(&r, "libconfig", MSG_VERSION_LIBCONFIG, strbuf_str(&sb));
	rec_add(&r, "config_files", MSG_VERSION_CONFIG_FILES, ctx->conf->loaded);
	rec_add(&r, "language", MSG_VERSION_LANGUAGE, i18n_language_name());
	strbuf_free(&sb);
	rec_print(ctx, &r);
	return ST_OK;
}

static enum status run_whoami(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct session *s = ctx->session;
	struct record r = {0};
	struct strbuf roles = STRBUF_INIT;
	(void)args;
	rec_add(&r, "login", MSG_WHOAMI_LOGIN, s->login);
	rec_add(&r, "name", MSG_WHOAMI_NAME, s->has_staff ? s->full_name : tr(MSG_WHOAMI_NO_STAFF));
	rec_add(&r, "employee_no", MSG_WHOAMI_EMPLOYEE_NO, s->employee_no);
	rec_add(&r, "org_code", MSG_WHOAMI_ORG_CODE, s->org_code);
	rec_add(&r, "org", MSG_WHOAMI_ORG, s->org_name);
	role_mask_text(s->roles, &roles);
	rec_add(&r, "roles", MSG_WHOAMI_ROLES, strbuf_str(&roles));
	rec_add(&r, "status", MSG_WHOAMI_STATUS, s->status);
	rec_add(&r, "database", MSG_WHOAMI_DATABASE, PQdb(ctx->db->conn));
	strbuf_free(&roles);
	rec_print(ctx, &r);
	return ST_OK;
}

/* The work calendar's state (issue: next year's notice from 1 November);
 * the warning is the database's to give (admins and supervisors). */
static void add_calendar_status(struct cmd_ctx *ctx, struct record *r)
{
	struct cal_status cs;
	struct db_error err;
	db_error_init(&err);
	if (calendar_status(ctx->db, &cs, &err) != ST_OK) {
		db_error_free(&err);
		return;
	}
	char year[16];
	snprintf(year, sizeof year, "%d", cs.year);
	rec_add_as(r, "calendar_year", MSG_DBSTATUS_CAL_YEAR, year, CT_NUMBER);
	rec_add_flag(r, "calendar_loaded", MSG_DBSTATUS_CAL_LOADED, cs.loaded);
	rec_add_flag(r, "calendar_provisional", MSG_DBSTATUS_CAL_PROVISIONAL, cs.provisional);
	char *warning = cs.warn ? calendar_warning_text(&cs) : NULL;
	rec_add(r, "calendar_warning", MSG_DBSTATUS_CAL_WARNING, warning ? warning : "");
	free(warning);
	db_error_free(&err);
}

static enum status run_db_status(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct record r = {0};
	struct migrate_state ms;
	struct db_error err;
	struct strbuf sb = STRBUF_INIT;
	(void)args;
	db_error_init(&err);
	if (migrate_status(ctx->db, &ms, &err) != ST_OK) {
		enum status st = cmd_db_fail(ctx, &err);
		db_error_free(&err);
		return st;
	}
	db_server_version(ctx->db, &sb);
	rec_add(&r, "server_version", MSG_DBSTATUS_SERVER, strbuf_str(&sb));
	rec_add(&r, "database", MSG_WHOAMI_DATABASE, PQdb(ctx->db->conn));
	rec_add(&r, "user", MSG_WHOAMI_LOGIN, PQuser(ctx->db->conn));
	rec_add(&r, "migration_level", MSG_DBSTATUS_LEVEL, ms.latest ? ms.latest : "-");
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%d", ms.applied);
	rec_add(&r, "applied", MSG_DBSTATUS_APPLIED, strbuf_str(&sb));
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%d", ms.pending);
	rec_add(&r, "pending", MSG_DBSTATUS_PENDING, strbuf_str(&sb));
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%d", ms.unknown);
	rec_add(&r, "unknown", MSG_DBSTATUS_UNKNOWN, strbuf_str(&sb));
	if (ms.pending == 0 && ms.applied > 0)
		add_calendar_status(ctx, &r);
	migrate_state_free(&ms);
	strbuf_free(&sb);
	db_error_free(&err);
	rec_print(ctx, &r);
	return ST_OK;
}

static void announce(void *arg, const char *name)
{
	struct cmd_ctx *ctx = arg;
	char *m = trs(MSG_MIGRATE_APPLYING, name);
	fprintf(ctx->out, "%s\n", m);
	fflush(ctx->out);
	free(m);
}

static void announce_dry(void *arg, const char *name)
{
	struct cmd_ctx *ctx = arg;
	char *m = trs(MSG_MIGRATE_WOULD_APPLY, name);
	fprintf(ctx->out, "%s\n", m);
	free(m);
}

static enum status run_db_migrate(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct db_error err;
	struct migrate_state ms;
	int dry = cmd_opt(args, "dry-run") != NULL;
	db_error_init(&err);
	enum status st = migrate_run(ctx->db, dry, dry ? announce_dry : announce, ctx, &err);
	if (st != ST_OK) {
		st = cmd_db_fail(ctx, &err);
	} else if (!dry && migrate_status(ctx->db, &ms, &err) == ST_OK) {
		char *m = trs(MSG_MIGRATE_DONE, ms.latest ? ms.latest : "-", ms.applied);
		fprintf(ctx->out, "%s\n", m);
		free(m);
		migrate_state_free(&ms);
	}
	db_error_free(&err);
	return st;
}

static const struct cmd_opt help_opts[] = {
	{"man", 0, MSG_OPT_HELP_MAN, NULL},
	{NULL, 0, MSG_EMPTY, NULL},
};

static const struct cmd_opt migrate_opts[] = {
	{"dry-run", 0, MSG_OPT_DRY_RUN_MIGRATE, NULL},
	{NULL, 0, MSG_EMPTY, NULL},
};

const struct command core_commands[] = {
	{"help", NULL, ACT_HELP, "[COMMAND]", help_opts, 0, 2, 1, run_help},
	{"version", NULL, ACT_VERSION, "", NULL, 0, 0, 1, run_version},
	{"whoami", NULL, ACT_WHOAMI, "", NULL, 0, 0, 1, run_whoami},
	{"db", "status", ACT_DB_STATUS, "", NULL, 0, 0, 1, run_db_status},
	{"db", "migrate", ACT_DB_MIGRATE, "", migrate_opts, 0, 0, 0, run_db_migrate},
	{NULL, NULL, ACT_NONE, NULL, NULL, 0, 0, 0, NULL},
};
