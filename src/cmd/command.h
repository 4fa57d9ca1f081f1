/* Command mode: NOUN VERB [ARGS] [--opt value]. Each command is one row in a
 * table of its part of the program, tied to an action of the action table
 * (which says who may run it); one exec function per command, dispatched
 * from the tables as psql does. */
#ifndef SMCON_COMMAND_H
#define SMCON_COMMAND_H

#include <stdio.h>

#include "base/conf.h"
#include "base/status.h"
#include "db/db.h"
#include "domain/action.h"
#include "domain/session.h"
#include "print/rowset.h"

struct cmd_opt {
	const char *name; /* without the leading "--" */
	int has_arg;
	enum msg_id help;
	const char *arg_name; /* e.g. "N", "FILE" */
};

#define CMD_MAX_OPTS 24

struct cmd_args {
	int argc;
	char **argv; /* positional arguments after the command words */
	int nopts;
	struct {
		const char *name;
		const char *value; /* "" for a flag */
	} opt[CMD_MAX_OPTS];
};

struct cmd_ctx {
	struct conf *conf;
	struct db *db;
	struct session *session;
	int connected;
	enum out_format format;
	FILE *out, *err;
	int can_prompt;      /* stdin is a terminal: a password may be asked for */
	const char *stdin_use; /* set when stdin holds the script: commands must not read it */
};

struct command {
	const char *noun;
	const char *verb; /* NULL for a one-word command */
	enum action_id action;
	const char *usage; /* positional arguments, e.g. "[COMMAND]" */
	const struct cmd_opt *opts; /* NULL-name-terminated, or NULL */
	int min_args, max_args; /* max -1 = any number */
	int prints_rows;        /* takes --format */
	enum status (*run)(struct cmd_ctx *ctx, const struct cmd_args *args);
};

void cmd_ctx_init(struct cmd_ctx *ctx, struct conf *conf, struct db *db, struct session *s);
/* Runs one command given as words. Returns its status; errors are printed. */
enum status cmd_execute(struct cmd_ctx *ctx, int argc, char **argv);
/* Runs one command line (split like a shell). */
enum status cmd_execute_line(struct cmd_ctx *ctx, const char *line);
/* Connects (once) and loads the session. Returns ST_OK or prints why not. */
enum status cmd_connect(struct cmd_ctx *ctx);
/* Before a line of a script or the shell: when the server has gone since
 * the last command (a failover, a restart), connects again for up to
 * db.reconnect_seconds. Returns ST_OK, or prints why not. */
enum status cmd_reconnect_if_lost(struct cmd_ctx *ctx);
/* Prints "smcon: message" to the error stream and returns st. */
enum status cmd_fail(struct cmd_ctx *ctx, enum status st, const char *msg);
/* Flushes the output. A write to it that failed since the last flush (a
 * full disk, a closed pipe) is reported once: returns ST_ERROR then, else st. */
enum status cmd_flush(struct cmd_ctx *ctx, enum status st);
/* Prints a database error and returns its status. */
enum status cmd_db_fail(struct cmd_ctx *ctx, const struct db_error *err);
/* The option's value, "" for a flag that is present, or NULL. */
const char *cmd_opt(const struct cmd_args *a, const char *name);
/* Prints rows in the chosen format and frees them. */
void cmd_print(struct cmd_ctx *ctx, struct rowset *rs);

/* Iterates over every command: pass NULL first, then the previous one. */
const struct command *cmd_next(const struct command *prev);
/* The command for words[0] [words[1]], or NULL; *used gets 1 or 2. */
const struct command *cmd_find(int n, char **words, int *used);
/* Appends "noun verb usage" for a command. */
void cmd_synopsis(const struct command *c, struct strbuf *out);

#endif
