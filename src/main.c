/* smcon: the operator console of the market-supervision bureau. Without a
 * command it runs full screen; with -c, -f, --shell or a command on the
 * command line it runs in command mode. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/conf.h"
#include "base/log.h"
#include "base/outfile.h"
#include "base/tz.h"
#include "base/width.h"
#include "cmd/command.h"
#include "cmd/script.h"
#include "cmd/shell.h"
#include "i18n/i18n.h"
#include "ui/app.h"
#include "ui/keymap.h"
#include "version.h"

#define MAX_CONFIGS 8

struct options {
	const char *config[MAX_CONFIGS];
	int nconfig;
	const char *command;
	const char *file;
	const char *conninfo;
	const char *user;
	const char *lang;
	const char *format;
	int keep_going;
	int shell;
};

static void usage(FILE *out)
{
	fputs(tr(MSG_MAIN_USAGE), out);
}

/* The exit status after printing to stdout only: 0, or 1 when it could not be written. */
static int stdout_status(void)
{
	int e = outfile_flush(stdout);
	if (!e)
		return ST_OK;
	char *m = trs(MSG_CMD_OUTPUT_FAILED, strerror(e));
	fprintf(stderr, "smcon: %s\n", m);
	free(m);
	return ST_ERROR;
}

/* Parses the program's own options; the command's words follow them. */
static int parse_options(int argc, char **argv, struct options *o)
{
	enum { OPT_KEEP_GOING = 256, OPT_SHELL, OPT_LANG, OPT_FORMAT };
	static const struct option longopts[] = {
		{"config", required_argument, NULL, 'C'}, {"command", required_argument, NULL, 'c'},
		{"file", required_argument, NULL, 'f'},   {"db", required_argument, NULL, 'd'},
		{"user", required_argument, NULL, 'U'},   {"keep-going", no_argument, NULL, OPT_KEEP_GOING},
		{"shell", no_argument, NULL, OPT_SHELL},  {"lang", required_argument, NULL, OPT_LANG},
		{"format", required_argument, NULL, OPT_FORMAT}, {"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},      {NULL, 0, NULL, 0},
	};
	int c;
	while ((c = getopt_long(argc, argv, "+C:c:f:d:U:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'C':
			if (o->nconfig == MAX_CONFIGS) {
				fprintf(stderr, "smcon: at most %d -C options\n", MAX_CONFIGS);
				return -1;
			}
			o->config[o->nconfig++] = optarg;
			break;
		case 'c': o->command = optarg; break;
		case 'f': o->file = optarg; break;
		case 'd': o->conninfo = optarg; break;
		case 'U': o->user = optarg; break;
		case OPT_KEEP_GOING: o->keep_going = 1; break;
		case OPT_SHELL: o->shell = 1; break;
		case OPT_LANG: o->lang = optarg; break;
		case OPT_FORMAT: o->format = optarg; break;
		case 'h': usage(stdout); exit(stdout_status());
		case 'V': printf("smcon %s\n", SMCON_VERSION); exit(stdout_status());
		default: usage(stderr); return -1;
		}
	}
	return 0;
}

/* Configuration files, then the command line over them. */
static int setup(struct conf *cfg, const struct options *o)
{
	struct strbuf err = STRBUF_INIT;
	conf_init(cfg);
	if (conf_load(cfg, o->config, o->nconfig, &err) != 0) {
		fprintf(stderr, "smcon: %s\n", strbuf_str(&err));
		strbuf_free(&err);
		return -1;
	}
	strbuf_free(&err);
	if (o->conninfo)
		conf_set(&cfg->db_conninfo, o->conninfo);
	if (o->lang)
		conf_set(&cfg->ui_language, o->lang);
	if (i18n_set_language(cfg->ui_language) != 0) {
		fprintf(stderr, "smcon: unknown language '%s' (zh or en)\n", cfg->ui_language);
		return -1;
	}
	struct strbuf tzerr = STRBUF_INIT;
	if (tz_setup(cfg->ui_timezone, &tzerr) != 0) {
		fprintf(stderr, "smcon: %s\n", strbuf_str(&tzerr));
		strbuf_free(&tzerr);
		return -1;
	}
	log_open(cfg->log_file, cfg->log_level);
	return 0;
}

static int command_mode(struct conf *cfg, const struct options *o, int argc, char **argv)
{
	struct db db;
	struct session s;
	struct cmd_ctx ctx;
	enum status st;
	/* A closed pipe is a write error, reported like a full disk. */
	signal(SIGPIPE, SIG_IGN);
	db_init(&db, cfg->db_conninfo, cfg->db_connect_timeout, 0);
	db_set_login(&db, o->user, NULL);
	session_init(&s);
	cmd_ctx_init(&ctx, cfg, &db, &s);
	ctx.can_prompt = isatty(STDIN_FILENO) && !(o->file && strcmp(o->file, "-") == 0);
	if (o->format && format_parse(o->format, &ctx.format) != 0) {
		char *m = trs(MSG_CMD_BAD_FORMAT, o->format, "");
		st = cmd_fail(&ctx, ST_USAGE, m);
		free(m);
	} else if (o->command)
		st = cmd_execute_line(&ctx, o->command);
	else if (o->file)
		st = script_run(&ctx, o->file, o->keep_going);
	else if (o->shell)
		st = shell_run(&ctx);
	else
		st = cmd_execute(&ctx, argc, argv);
	st = cmd_flush(&ctx, st);
	session_free(&s);
	db_free(&db);
	return st;
}

static int console_mode(struct conf *cfg, const struct options *o)
{
	struct app app;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "smcon: %s\n", tr(MSG_MAIN_NO_TERMINAL));
		return ST_USAGE;
	}
	struct strbuf bad_keys = STRBUF_INIT;
	if (keymap_init(&bad_keys))
		log_warn("action keys that are no keys (ignored):\n%s", strbuf_str(&bad_keys));
	strbuf_free(&bad_keys);
	app_init(&app, cfg);
	app.initial_user = o->user;
	int st = app_run(&app);
	app_free(&app);
	return st;
}

int main(int argc, char **argv)
{
	struct options o = {0};
	struct conf cfg;
	int st;
	if (width_setup() != 0)
		fprintf(stderr, "smcon: no UTF-8 locale is available; text will not align\n");
	if (parse_options(argc, argv, &o) != 0)
		return ST_USAGE;
	if (setup(&cfg, &o) != 0) {
		conf_free(&cfg);
		return ST_USAGE;
	}
	if (o.command || o.file || o.shell || optind < argc)
		st = command_mode(&cfg, &o, argc - optind, argv + optind);
	else
		st = console_mode(&cfg, &o);
	log_close();
	conf_free(&cfg);
	return st;
}
