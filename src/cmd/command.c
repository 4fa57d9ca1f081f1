#include "cmd/command.h"

#include <stdlib.h>
#include <string.h>

#include "base/outfile.h"
#include "base/width.h"
#include "base/xalloc.h"
#include "cmd/prompt.h"
#include "cmd/words.h"
#include "domain/role.h"

extern const struct command core_commands[];
extern const struct command uscc_commands[];
extern const struct command reference_commands[];
extern const struct command generate_commands[];
extern const struct command import_commands[];
extern const struct command security_commands[];
extern const struct command entity_commands[];
extern const struct command inspection_commands[];
extern const struct command report_commands[];
extern const struct command rescue_commands[];
extern const struct command elevator_commands[];
extern const struct command complaint_commands[], tipoff_commands[], consult_commands[];
extern const struct command ha_commands[];

/* Every table of commands; each ends with an entry whose noun is NULL. */
static const struct command *const tables[] = {
    core_commands,   uscc_commands,     reference_commands, generate_commands,
    import_commands, security_commands, entity_commands,    inspection_commands,
    report_commands, rescue_commands,   elevator_commands,  complaint_commands,
    tipoff_commands, consult_commands,  ha_commands,        NULL};

void cmd_ctx_init(struct cmd_ctx *ctx, struct conf *conf, struct db *db, struct session *s)
{
	memset(ctx, 0, sizeof *ctx);
	ctx->conf = conf;
	ctx->db = db;
	ctx->session = s;
	ctx->format = FMT_TABLE;
	ctx->out = stdout;
	ctx->err = stderr;
}

/* The first command of table t or of a later one, or NULL. */
static const struct command *first_from(int t)
{
	for (; tables[t]; t++)
		if (tables[t]->noun)
			return tables[t];
	return NULL;
}

const struct command *cmd_next(const struct command *prev)
{
	if (!prev)
		return first_from(0);
	for (int t = 0; tables[t]; t++)
		for (const struct command *c = tables[t]; c->noun; c++)
			if (c == prev)
				return (c + 1)->noun ? c + 1 : first_from(t + 1);
	return NULL;
}

const struct command *cmd_find(int n, char **words, int *used)
{
	if (n < 1)
		return NULL;
	for (const struct command *c = cmd_next(NULL); c; c = cmd_next(c)) {
		if (strcmp(c->noun, words[0]) != 0)
			continue;
		if (!c->verb) {
			*used = 1;
			return c;
		}
		if (n >= 2 && strcmp(c->verb, words[1]) == 0) {
			*used = 2;
			return c;
		}
	}
	return NULL;
}

void cmd_synopsis(const struct command *c, struct strbuf *out)
{
	strbuf_add(out, c->noun);
	if (c->verb)
		strbuf_addf(out, " %s", c->verb);
	if (c->usage && *c->usage)
		strbuf_addf(out, " %s", c->usage);
}

enum status cmd_fail(struct cmd_ctx *ctx, enum status st, const char *msg)
{
	/* a server's message may quote stored text (a failing row) */
	fputs("smcon: ", ctx->err);
	rowset_text(ctx->err, msg);
	fputc('\n', ctx->err);
	return st;
}

enum status cmd_flush(struct cmd_ctx *ctx, enum status st)
{
	int e = outfile_flush(ctx->out);
	if (!e)
		return st;
	char *m = trs(MSG_CMD_OUTPUT_FAILED, strerror(e));
	cmd_fail(ctx, ST_ERROR, m);
	free(m);
	return ST_ERROR;
}

enum status cmd_db_fail(struct cmd_ctx *ctx, const struct db_error *err)
{
	return cmd_fail(ctx, err->status ? err->status : ST_ERROR, strbuf_str(&err->message));
}

const char *cmd_opt(const struct cmd_args *a, const char *name)
{
	for (int i = 0; i < a->nopts; i++)
		if (strcmp(a->opt[i].name, name) == 0)
			return a->opt[i].value;
	return NULL;
}

void cmd_print(struct cmd_ctx *ctx, struct rowset *rs)
{
	rowset_print(rs, ctx->format, ctx->out);
	rowset_free(rs);
}

static enum status usage_fail(struct cmd_ctx *ctx, enum msg_id m, const char *a, const char *b)
{
	char *msg = trs(m, a, b);
	enum status st = cmd_fail(ctx, ST_USAGE, msg);
	free(msg);
	return st;
}

/* Why no command matched: an unknown verb of a known noun, or an unknown word. */
static enum status not_found(struct cmd_ctx *ctx, int n, char **words)
{
	struct strbuf verbs = STRBUF_INIT;
	for (const struct command *c = cmd_next(NULL); c; c = cmd_next(c))
		if (c->verb && strcmp(c->noun, words[0]) == 0)
			strbuf_addf(&verbs, "%s%s", verbs.len ? ", " : "", c->verb);
	enum status st;
	if (verbs.len)
		st = usage_fail(ctx, n > 1 ? MSG_CMD_UNKNOWN_VERB : MSG_CMD_NEEDS_VERB, words[0],
				strbuf_str(&verbs));
	else
		st = usage_fail(ctx, MSG_CMD_UNKNOWN, words[0], "");
	strbuf_free(&verbs);
	return st;
}

static const struct cmd_opt *find_opt(const struct command *c, const char *name)
{
	for (const struct cmd_opt *o = c->opts; o && o->name; o++)
		if (strcmp(o->name, name) == 0)
			return o;
	return NULL;
}

static int add_opt(struct cmd_args *a, const char *name, const char *value)
{
	if (a->nopts >= CMD_MAX_OPTS)
		return -1;
	a->opt[a->nopts].name = name;
	a->opt[a->nopts].value = value;
	a->nopts++;
	return 0;
}

/* Sorts words into positional arguments and options. Returns ST_OK or ST_USAGE. */
static enum status parse_args(struct cmd_ctx *ctx, const struct command *c, int n, char **w,
			      struct cmd_args *a)
{
	int only_args = 0;
	a->argv = xcalloc((size_t)n + 1, sizeof(char *));
	for (int i = 0; i < n; i++) {
		if (only_args || strncmp(w[i], "--", 2) != 0 || w[i][2] == '\0') {
			if (!only_args && strcmp(w[i], "--") == 0) {
				only_args = 1;
				continue;
			}
			a->argv[a->argc++] = w[i];
			continue;
		}
		char *name = w[i] + 2, *eq = strchr(name, '=');
		const char *value = "";
		if (eq) {
			*eq = '\0'; /* the words are ours: "--name=value" becomes two strings */
			value = eq + 1;
		}
		const struct cmd_opt *o = find_opt(c, name);
		int is_format = c->prints_rows && strcmp(name, "format") == 0;
		if (!o && !is_format)
			return usage_fail(ctx, MSG_CMD_UNKNOWN_OPTION, name, c->noun);
		if ((is_format || o->has_arg) && !eq) {
			if (i + 1 >= n)
				return usage_fail(ctx, MSG_CMD_OPTION_NEEDS_ARG, name, "");
			value = w[++i];
		}
		if (is_format) {
			if (format_parse(value, &ctx->format) != 0)
				return usage_fail(ctx, MSG_CMD_BAD_FORMAT, value, "");
			continue;
		}
		if (add_opt(a, o->name, value) != 0)
			return usage_fail(ctx, MSG_CMD_TOO_MANY_OPTIONS, "", "");
	}
	return ST_OK;
}

enum status cmd_connect(struct cmd_ctx *ctx)
{
	struct db_error err;
	enum status st = ST_OK;
	if (ctx->connected)
		return ST_OK;
	db_error_init(&err);
	enum db_fail why = db_connect(ctx->db, &err);
	if (why == DB_FAIL_NEED_PASSWORD && ctx->can_prompt) {
		char *pw = prompt_password(db_login(ctx->db));
		if (pw) {
			db_set_login(ctx->db, ctx->db->user, pw);
			prompt_wipe(pw);
			why = db_connect(ctx->db, &err);
		}
	}
	if (why != DB_FAIL_NONE) {
		st = cmd_db_fail(ctx, &err);
	} else if (session_load(ctx->session, ctx->db, &err) != ST_OK) {
		st = cmd_db_fail(ctx, &err);
	} else {
		ctx->connected = 1;
	}
	db_error_free(&err);
	return st;
}

/* The message for why a command's action is refused (action_check). */
static char *refusal_text(const struct action *a, const struct session *s, enum action_refusal r)
{
	switch (r) {
	case ACTION_OK: return NULL;
	case ACTION_NEEDS_OWNER: return trs(MSG_CMD_NEEDS_OWNER, s->login);
	case ACTION_NEEDS_STAFF: return trs(MSG_LOGIN_NO_STAFF, s->login);
	case ACTION_NOT_ACTIVE: return trs(MSG_LOGIN_NOT_ACTIVE, s->login);
	case ACTION_PASSWORD_DUE: return trs(MSG_SEC_PASSWORD_DUE, s->login);
	case ACTION_NEEDS_SELECTION: return trs(MSG_APP_NEEDS_SELECTION, tr(a->label));
	case ACTION_NEEDS_LOGIN:
	case ACTION_NEEDS_ROLE: break;
	}
	struct strbuf roles = STRBUF_INIT;
	role_mask_text(a->roles, &roles);
	char *msg = trs(MSG_CMD_NEEDS_ROLE, tr(a->label), strbuf_str(&roles));
	strbuf_free(&roles);
	return msg;
}

/* Role and precondition of the command's action, checked by action_check
 * on the session (command mode never has a selected row). */
static enum status check_action(struct cmd_ctx *ctx, const struct command *c)
{
	const struct action *a = action_get(c->action);
	if (!a || (!a->pre && !a->roles))
		return ST_OK;
	enum status st = cmd_connect(ctx);
	if (st != ST_OK)
		return st;
	const struct session *s = ctx->session;
	struct action_ctx ac = {
	    .logged_in = 1,
	    .has_staff = s->has_staff,
	    .active = s->status && strcmp(s->status, "active") == 0,
	    .password_due = s->password_change_due,
	    .owner = s->is_owner,
	    .roles = s->roles,
	};
	char *msg = refusal_text(a, s, action_check(a, &ac));
	if (!msg)
		return ST_OK;
	st = cmd_fail(ctx, ST_DENIED, msg);
	free(msg);
	return st;
}

static enum status print_command_help(struct cmd_ctx *ctx, const struct command *c);

enum status cmd_execute(struct cmd_ctx *ctx, int argc, char **argv)
{
	int used = 0;
	const struct command *c = cmd_find(argc, argv, &used);
	if (!c)
		return argc ? not_found(ctx, argc, argv) : ST_OK;
	for (int i = used; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return print_command_help(ctx, c);
	struct cmd_args a = {0};
	enum out_format saved = ctx->format;
	enum status st = parse_args(ctx, c, argc - used, argv + used, &a);
	if (st == ST_OK && (a.argc < c->min_args || (c->max_args >= 0 && a.argc > c->max_args))) {
		struct strbuf syn = STRBUF_INIT;
		cmd_synopsis(c, &syn);
		st = usage_fail(ctx, MSG_CMD_USAGE, strbuf_str(&syn), "");
		strbuf_free(&syn);
	}
	if (st == ST_OK)
		st = check_action(ctx, c);
	if (st == ST_OK)
		st = c->run(ctx, &a);
	ctx->format = saved;
	free(a.argv);
	return st;
}

enum status cmd_execute_line(struct cmd_ctx *ctx, const char *line)
{
	struct words w;
	struct strbuf err = STRBUF_INIT;
	if (words_split(line, &w, &err) != 0) {
		enum status st = cmd_fail(ctx, ST_USAGE, strbuf_str(&err));
		strbuf_free(&err);
		return st;
	}
	enum status st = cmd_reconnect_if_lost(ctx);
	if (st == ST_OK)
		st = cmd_execute(ctx, w.count, w.word);
	words_free(&w);
	strbuf_free(&err);
	return st;
}

static enum status print_command_help(struct cmd_ctx *ctx, const struct command *c)
{
	const struct action *a = action_get(c->action);
	struct strbuf sb = STRBUF_INIT;
	cmd_synopsis(c, &sb);
	fprintf(ctx->out, "%s smcon %s\n", tr(MSG_HELP_USAGE), strbuf_str(&sb));
	if (a)
		fprintf(ctx->out, "\n  %s\n", tr(a->help));
	if (c->opts || c->prints_rows)
		fprintf(ctx->out, "\n%s\n", tr(MSG_HELP_OPTIONS));
	for (const struct cmd_opt *o = c->opts; o && o->name; o++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "--%s%s%s", o->name, o->has_arg ? " " : "",
			    o->has_arg ? o->arg_name : "");
		struct strbuf col = STRBUF_INIT;
		width_fit(&col, strbuf_str(&sb), 22, ALIGN_LEFT);
		fprintf(ctx->out, "  %s %s\n", strbuf_str(&col), tr(o->help));
		strbuf_free(&col);
	}
	if (c->prints_rows)
		fprintf(ctx->out, "  %-22s %s\n", "--format table|csv|json", tr(MSG_HELP_FORMAT));
	if (a && a->roles) {
		strbuf_reset(&sb);
		role_mask_text(a->roles, &sb);
		fprintf(ctx->out, "\n%s %s\n", tr(MSG_HELP_ROLES), strbuf_str(&sb));
	}
	strbuf_free(&sb);
	return ST_OK;
}
