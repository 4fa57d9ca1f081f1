/* Commands of the security part: accounts (user …), the org tree and the
 * audit log. Each calls the admin functions of the warehouse through
 * src/domain; the database checks every call again. Passwords are read from
 * the terminal (twice, without echo) or from standard input, never from the
 * command line, and never printed. */
#include <stdlib.h>
#include <string.h>

#include "base/width.h"
#include "base/xalloc.h"
#include "cmd/command.h"
#include "cmd/prompt.h"
#include "domain/admin.h"
#include "domain/audit.h"
#include "domain/role.h"

/* Prints a database error, frees err and returns its status. */
static enum status db_fail(struct cmd_ctx *ctx, struct db_error *err)
{
	enum status st = cmd_db_fail(ctx, err);
	db_error_free(err);
	return st;
}

/* Prints the command's report (a message from trs()) and frees it. */
static void say(struct cmd_ctx *ctx, char *msg)
{
	fprintf(ctx->out, "%s\n", msg);
	free(msg);
}

static enum status fail_msg(struct cmd_ctx *ctx, enum status st, enum msg_id id, const char *arg)
{
	char *m = trs(id, arg);
	cmd_fail(ctx, st, m);
	free(m);
	return st;
}

/* Reads a new password for login: twice from the terminal, or one line of
 * standard input. Returns ST_OK with *pw set (prompt_wipe() it). */
static enum status read_password(struct cmd_ctx *ctx, const char *login, char **pw)
{
	*pw = NULL;
	if (ctx->can_prompt) {
		char *ask = trs(MSG_SEC_PASSWORD_NEW, login);
		char *again = trs(MSG_SEC_PASSWORD_AGAIN, login);
		char *a = prompt_secret(ask), *b = a ? prompt_secret(again) : NULL;
		free(ask);
		free(again);
		if (!a || !b || strcmp(a, b) != 0) {
			prompt_wipe(a);
			prompt_wipe(b);
			return fail_msg(ctx, ST_USAGE, MSG_SEC_PASSWORD_MISMATCH, login);
		}
		prompt_wipe(b);
		*pw = a;
		return ST_OK;
	}
	if (ctx->stdin_use)
		return fail_msg(ctx, ST_USAGE, MSG_SEC_PASSWORD_STDIN_BUSY, ctx->stdin_use);
	struct strbuf line = STRBUF_INIT;
	int got = strbuf_getline(&line, stdin);
	if (got && line.len && line.buf[line.len - 1] == '\r')
		strbuf_truncate(&line, line.len - 1);
	if (!got || line.len == 0) {
		strbuf_free(&line);
		return fail_msg(ctx, ST_USAGE, MSG_SEC_PASSWORD_NONE, login);
	}
	*pw = strbuf_detach(&line);
	return ST_OK;
}

/* Role bits from an option's value; prints the problem and returns ST_USAGE. */
static enum status parse_roles(struct cmd_ctx *ctx, const char *text, unsigned *mask)
{
	struct strbuf bad = STRBUF_INIT;
	enum status st = ST_OK;
	if (admin_roles_parse(text, mask, &bad) != 0)
		st = fail_msg(ctx, ST_USAGE, MSG_SEC_BAD_ROLE, strbuf_str(&bad));
	strbuf_free(&bad);
	return st;
}

/* A code for CSV and JSON, its name in the UI language for a table. */
static const char *shown(const struct cmd_ctx *ctx, const char *code)
{
	static const struct {
		const char *code;
		enum msg_id label;
	} names[] = {{"active", MSG_SEC_STATUS_ACTIVE},	  {"suspended", MSG_SEC_STATUS_SUSPENDED},
		     {"left", MSG_SEC_STATUS_LEFT},	  {"city", MSG_SEC_LEVEL_CITY},
		     {"district", MSG_SEC_LEVEL_DISTRICT}, {"station", MSG_SEC_LEVEL_STATION}};
	if (ctx->format != FMT_TABLE)
		return code;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i].code, code) == 0)
			return tr(names[i].label);
	return code;
}

static enum status run_user_list(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct staff_list l;
	struct db_error err;
	db_error_init(&err);
	if (admin_user_list(ctx->db, cmd_opt(args, "org"), &l, &err) != ST_OK)
		return db_fail(ctx, &err);
	static const struct {
		const char *key;
		enum msg_id label;
	} cols[] = {{"login", MSG_SEC_COL_LOGIN},     {"name", MSG_SEC_COL_NAME},
		    {"employee_no", MSG_SEC_COL_EMPNO},  {"credential_no", MSG_SEC_COL_CREDNO},
		    {"phone", MSG_SEC_COL_PHONE},         {"org", MSG_SEC_COL_ORG},
		    {"org_name", MSG_SEC_COL_ORG_NAME},   {"status", MSG_SEC_COL_STATUS},
		    {"roles", MSG_SEC_COL_ROLES},         {"can_login", MSG_SEC_COL_CAN_LOGIN}};
	struct rowset *rs = rowset_new(10);
	for (int c = 0; c < 10; c++)
		rowset_col(rs, c, cols[c].key, tr(cols[c].label), c == 9 ? CT_BOOL : CT_TEXT);
	struct strbuf roles = STRBUF_INIT;
	for (int i = 0; i < l.n; i++) {
		const struct staff *s = &l.v[i];
		int row = rowset_add_row(rs);
		strbuf_reset(&roles);
		admin_roles_names(s->roles, &roles);
		const char *v[] = {s->login, s->full_name, s->employee_no, s->credential_no, s->phone,
				   s->org_code, s->org_name, shown(ctx, s->status), strbuf_str(&roles),
				   s->can_login ? "t" : "f"};
		for (int c = 0; c < 10; c++)
			rowset_set(rs, row, c, v[c]);
	}
	strbuf_free(&roles);
	staff_list_free(&l);
	db_error_free(&err);
	cmd_print(ctx, rs);
	return ST_OK;
}

static enum status run_user_add(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	static const char *const required[] = {"name", "employee-no", "org", "roles", NULL};
	for (const char *const *r = required; *r; r++)
		if (!cmd_opt(args, *r) || !*cmd_opt(args, *r))
			return fail_msg(ctx, ST_USAGE, MSG_SEC_OPTION_REQUIRED, *r);
	struct staff_new u = {args->argv[0],	    cmd_opt(args, "name"),
			      cmd_opt(args, "employee-no"), cmd_opt(args, "org"),
			      cmd_opt(args, "credential-no"), cmd_opt(args, "phone"), 0};
	enum status st = parse_roles(ctx, cmd_opt(args, "roles"), &u.roles);
	if (st != ST_OK)
		return st;
	char *pw;
	if ((st = read_password(ctx, u.login, &pw)) != ST_OK)
		return st;
	struct db_error err;
	db_error_init(&err);
	st = admin_user_add(ctx->db, &u, pw, &err);
	prompt_wipe(pw);
	if (st != ST_OK)
		return db_fail(ctx, &err);
	db_error_free(&err);
	say(ctx, trs(MSG_SEC_USER_ADDED, u.login, u.full_name, u.org_code));
	return ST_OK;
}

/* user suspend / resume: the same shape. */
static enum status set_active(struct cmd_ctx *ctx, const char *login, int active)
{
	struct db_error err;
	db_error_init(&err);
	enum status st = active ? admin_user_resume(ctx->db, login, &err)
				: admin_user_suspend(ctx->db, login, &err);
	if (st != ST_OK)
		return db_fail(ctx, &err);
	db_error_free(&err);
	say(ctx, trs(active ? MSG_SEC_USER_RESUMED : MSG_SEC_USER_SUSPENDED, login));
	return ST_OK;
}

static enum status run_user_suspend(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	return set_active(ctx, args->argv[0], 0);
}

static enum status run_user_resume(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	return set_active(ctx, args->argv[0], 1);
}

static enum status run_password(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	(void)args;
	const char *login = ctx->session->login;
	char *pw;
	enum status st = read_password(ctx, login, &pw);
	if (st != ST_OK)
		return st;
	struct db_error err;
	db_error_init(&err);
	st = session_password_change(ctx->db, pw, &err);
	if (st == ST_OK)
		db_set_login(ctx->db, ctx->db->user, pw); /* a reconnection uses the new one */
	prompt_wipe(pw);
	if (st != ST_OK)
		return db_fail(ctx, &err);
	db_error_free(&err);
	ctx->session->password_change_due = 0;
	say(ctx, trs(MSG_SEC_PASSWORD_CHANGED, login));
	return ST_OK;
}

static enum status run_user_passwd(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *login = args->argv[0];
	char *pw;
	enum status st = read_password(ctx, login, &pw);
	if (st != ST_OK)
		return st;
	struct db_error err;
	db_error_init(&err);
	st = admin_user_passwd(ctx->db, login, pw, &err);
	prompt_wipe(pw);
	if (st != ST_OK)
		return db_fail(ctx, &err);
	db_error_free(&err);
	say(ctx, trs(MSG_SEC_USER_PASSWD, login));
	return ST_OK;
}

static enum status run_user_roles(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	unsigned add = 0, remove = 0, after = 0;
	enum status st = parse_roles(ctx, cmd_opt(args, "add"), &add);
	if (st == ST_OK)
		st = parse_roles(ctx, cmd_opt(args, "remove"), &remove);
	if (st != ST_OK)
		return st;
	struct db_error err;
	db_error_init(&err);
	/* "" rather than NULL: the database asks for the reason of a case-data role */
	const char *why = cmd_opt(args, "reason") ? cmd_opt(args, "reason") : "";
	if (admin_user_roles_why(ctx->db, args->argv[0], add, remove, why, &after, &err) != ST_OK)
		return db_fail(ctx, &err);
	db_error_free(&err);
	struct rowset *rs = rowset_new(3);
	struct strbuf names = STRBUF_INIT, labels = STRBUF_INIT;
	admin_roles_names(after, &names);
	role_mask_text(after, &labels);
	rs->record = 1;
	rowset_col(rs, 0, "login", tr(MSG_SEC_COL_LOGIN), CT_TEXT);
	rowset_col(rs, 1, "roles", tr(MSG_SEC_COL_ROLES), CT_TEXT);
	rowset_col(rs, 2, "role_names", tr(MSG_SEC_COL_ROLE_NAMES), CT_TEXT);
	int row = rowset_add_row(rs);
	rowset_set(rs, row, 0, args->argv[0]);
	rowset_set(rs, row, 1, strbuf_str(&names));
	rowset_set(rs, row, 2, strbuf_str(&labels));
	strbuf_free(&names);
	strbuf_free(&labels);
	cmd_print(ctx, rs);
	return ST_OK;
}

static enum status run_user_org(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct db_error err;
	db_error_init(&err);
	if (admin_user_org(ctx->db, args->argv[0], args->argv[1], &err) != ST_OK)
		return db_fail(ctx, &err);
	db_error_free(&err);
	say(ctx, trs(MSG_SEC_USER_ORG, args->argv[0], args->argv[1]));
	return ST_OK;
}

static enum status run_org_tree(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct org_tree t;
	struct db_error err;
	(void)args;
	db_error_init(&err);
	if (admin_org_tree(ctx->db, &t, &err) != ST_OK)
		return db_fail(ctx, &err);
	struct rowset *rs = rowset_new(6);
	rowset_col(rs, 0, "code", tr(MSG_SEC_COL_ORG), CT_TEXT);
	rowset_col(rs, 1, "name", tr(MSG_SEC_COL_ORG_NAME), CT_TEXT);
	rowset_col(rs, 2, "level", tr(MSG_SEC_COL_LEVEL), CT_TEXT);
	rowset_col(rs, 3, "parent", tr(MSG_SEC_COL_PARENT), CT_TEXT);
	rowset_col(rs, 4, "staff_active", tr(MSG_SEC_COL_STAFF_ACTIVE), CT_NUMBER);
	rowset_col(rs, 5, "staff_total", tr(MSG_SEC_COL_STAFF_TOTAL), CT_NUMBER);
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i < t.n; i++) {
		const struct org_node *o = &t.v[i];
		int row = rowset_add_row(rs);
		strbuf_reset(&sb);
		for (int d = 0; ctx->format == FMT_TABLE && d < o->depth; d++)
			strbuf_add(&sb, "  ");
		strbuf_add(&sb, o->name);
		rowset_set(rs, row, 0, o->code);
		rowset_set(rs, row, 1, strbuf_str(&sb));
		rowset_set(rs, row, 2, shown(ctx, o->level));
		rowset_set(rs, row, 3, o->parent_code);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%ld", o->active);
		rowset_set(rs, row, 4, strbuf_str(&sb));
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%ld", o->total);
		rowset_set(rs, row, 5, strbuf_str(&sb));
	}
	strbuf_free(&sb);
	org_tree_free(&t);
	db_error_free(&err);
	cmd_print(ctx, rs);
	return ST_OK;
}

static enum status run_audit_verify(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct audit_check c;
	struct db_error err;
	const char *chunk = cmd_opt(args, "chunk"), *head = cmd_opt(args, "head");
	db_error_init(&err);
	if (audit_verify(ctx->db, chunk ? atoi(chunk) : 0, NULL, NULL, &c, &err) != ST_OK)
		return db_fail(ctx, &err);
	if (head && !c.broken_id && audit_head_file(ctx->db, head, &c, &err) != ST_OK) {
		audit_check_free(&c);
		return db_fail(ctx, &err);
	}
	db_error_free(&err);
	struct rowset *rs = rowset_new(head ? 7 : 6);
	struct strbuf sb = STRBUF_INIT;
	rs->record = 1;
	rowset_col(rs, 0, "whole", tr(MSG_SEC_COL_WHOLE), CT_BOOL);
	rowset_col(rs, 1, "checked", tr(MSG_SEC_COL_CHECKED), CT_NUMBER);
	rowset_col(rs, 2, "broken_id", tr(MSG_SEC_COL_BROKEN_ID), CT_NUMBER);
	rowset_col(rs, 3, "problem", tr(MSG_SEC_COL_PROBLEM), CT_TEXT);
	rowset_col(rs, 4, "last_id", tr(MSG_SEC_COL_LAST_ID), CT_NUMBER);
	rowset_col(rs, 5, "last_hash", tr(MSG_SEC_COL_LAST_HASH), CT_TEXT);
	int row = rowset_add_row(rs);
	rowset_set(rs, row, 0, c.broken_id ? "f" : "t");
	strbuf_addf(&sb, "%lld", c.checked);
	rowset_set(rs, row, 1, strbuf_str(&sb));
	strbuf_reset(&sb);
	if (c.broken_id)
		strbuf_addf(&sb, "%lld", c.broken_id);
	rowset_set(rs, row, 2, c.broken_id ? strbuf_str(&sb) : NULL);
	rowset_set(rs, row, 3, c.problem);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%lld", c.last_id);
	rowset_set(rs, row, 4, c.broken_id ? NULL : strbuf_str(&sb));
	rowset_set(rs, row, 5, c.broken_id ? NULL : c.last_hash);
	if (head) {
		rowset_col(rs, 6, "heads", tr(MSG_SEC_COL_HEADS), CT_NUMBER);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%ld", c.heads);
		rowset_set(rs, row, 6, strbuf_str(&sb));
	}
	cmd_print(ctx, rs);
	enum status st = ST_OK;
	if (c.broken_id) {
		fflush(ctx->out);
		strbuf_reset(&sb);
		if (c.head_line)
			trf(&sb, MSG_SEC_HEAD_DIFFERS, c.broken_id, head, c.head_line);
		else
			trf(&sb, MSG_SEC_AUDIT_BROKEN, c.broken_id, c.problem ? c.problem : "");
		st = cmd_fail(ctx, ST_ERROR, strbuf_str(&sb));
	}
	strbuf_free(&sb);
	audit_check_free(&c);
	return st;
}

static enum status run_audit_log(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *limit = cmd_opt(args, "limit"), *before = cmd_opt(args, "before");
	struct audit_filter f = {cmd_opt(args, "user"), cmd_opt(args, "table"), cmd_opt(args, "since"),
				 before ? atoll(before) : 0, limit ? atoi(limit) : 0};
	struct audit_list l;
	struct db_error err;
	db_error_init(&err);
	if (audit_log(ctx->db, &f, &l, &err) != ST_OK)
		return db_fail(ctx, &err);
	db_error_free(&err);
	/* the table shows one line per entry; CSV and JSON carry the values too */
	int ncols = ctx->format == FMT_TABLE ? 7 : 10;
	struct rowset *rs = rowset_new(ncols);
	static const char *const keys[] = {"id",	"at",	      "actor",	   "action",    "table",
					   "key",	"summary",    "old_values", "new_values", "detail"};
	static const enum msg_id labels[] = {
		MSG_SEC_COL_ID,	   MSG_SEC_COL_AT,	MSG_SEC_COL_ACTOR,	MSG_SEC_COL_ACTION,
		MSG_SEC_COL_TABLE, MSG_SEC_COL_KEY,	MSG_SEC_COL_SUMMARY,	MSG_SEC_COL_OLD,
		MSG_SEC_COL_NEW,   MSG_SEC_COL_DETAIL};
	for (int c = 0; c < ncols; c++)
		rowset_col(rs, c, keys[c], tr(labels[c]),
		           c == 0   ? CT_NUMBER
		           : c >= 7 ? CT_JSON
		                    : CT_TEXT);
	struct strbuf id = STRBUF_INIT, what = STRBUF_INIT;
	for (int i = 0; i < l.n; i++) {
		const struct audit_entry *e = &l.v[i];
		int row = rowset_add_row(rs);
		strbuf_reset(&id);
		strbuf_addf(&id, "%lld", e->id);
		strbuf_reset(&what);
		if (ctx->format == FMT_TABLE && width_str(e->summary) > 60)
			width_fit(&what, e->summary, 60, ALIGN_LEFT);
		else
			strbuf_add(&what, e->summary);
		const char *v[] = {strbuf_str(&id), e->at,	     e->actor,	    e->action,
				   e->table,	    e->key,	     strbuf_str(&what), e->old_values,
				   e->new_values,   e->detail};
		for (int c = 0; c < ncols; c++)
			rowset_set(rs, row, c, *v[c] || c < 3 ? v[c] : NULL);
	}
	strbuf_free(&id);
	strbuf_free(&what);
	audit_list_free(&l);
	cmd_print(ctx, rs);
	return ST_OK;
}

static const struct cmd_opt list_opts[] = {
	{"org", 1, MSG_SEC_OPT_ORG_FILTER, "CODE"},
	{NULL, 0, MSG_EMPTY, NULL},
};

static const struct cmd_opt add_opts[] = {
	{"name", 1, MSG_SEC_OPT_NAME, "NAME"},
	{"employee-no", 1, MSG_SEC_OPT_EMPNO, "NO"},
	{"org", 1, MSG_SEC_OPT_ORG, "CODE"},
	{"roles", 1, MSG_SEC_OPT_ROLES, "ROLE,..."},
	{"credential-no", 1, MSG_SEC_OPT_CREDNO, "NO"},
	{"phone", 1, MSG_SEC_OPT_PHONE, "PHONE"},
	{NULL, 0, MSG_EMPTY, NULL},
};

static const struct cmd_opt roles_opts[] = {
    {"add", 1, MSG_SEC_OPT_ADD, "ROLE,..."},
    {"remove", 1, MSG_SEC_OPT_REMOVE, "ROLE,..."},
    {"reason", 1, MSG_SEC_OPT_REASON, "TEXT"},
    {NULL, 0, MSG_EMPTY, NULL},
};

static const struct cmd_opt verify_opts[] = {
    {"chunk", 1, MSG_SEC_OPT_CHUNK, "N"},
    {"head", 1, MSG_SEC_OPT_HEAD, "FILE"},
    {NULL, 0, MSG_EMPTY, NULL},
};

static const struct cmd_opt log_opts[] = {
	{"user", 1, MSG_SEC_OPT_USER, "LOGIN"},
	{"table", 1, MSG_SEC_OPT_TABLE, "TABLE"},
	{"since", 1, MSG_SEC_OPT_SINCE, "DATE"},
	{"limit", 1, MSG_SEC_OPT_LIMIT, "N"},
	{"before", 1, MSG_SEC_OPT_BEFORE, "ID"},
	{NULL, 0, MSG_EMPTY, NULL},
};

const struct command security_commands[] = {
    {"user", "list", ACT_USER_LIST, "", list_opts, 0, 0, 1, run_user_list},
    {"user", "add", ACT_USER_ADD, "LOGIN", add_opts, 1, 1, 0, run_user_add},
    {"user", "suspend", ACT_USER_SUSPEND, "LOGIN", NULL, 1, 1, 0, run_user_suspend},
    {"user", "resume", ACT_USER_RESUME, "LOGIN", NULL, 1, 1, 0, run_user_resume},
    {"user", "passwd", ACT_USER_PASSWD, "LOGIN", NULL, 1, 1, 0, run_user_passwd},
    {"password", NULL, ACT_PASSWORD, "", NULL, 0, 0, 0, run_password},
    {"user", "roles", ACT_USER_ROLES, "LOGIN", roles_opts, 1, 1, 1, run_user_roles},
    {"user", "org", ACT_USER_ORG, "LOGIN CODE", NULL, 2, 2, 0, run_user_org},
    {"org", "tree", ACT_ORG_TREE, "", NULL, 0, 0, 1, run_org_tree},
    {"audit", "verify", ACT_AUDIT_VERIFY, "", verify_opts, 0, 0, 1, run_audit_verify},
    {"audit", "log", ACT_AUDIT_LOG, "", log_opts, 0, 0, 1, run_audit_log},
    {NULL, NULL, ACT_NONE, NULL, NULL, 0, 0, 0, NULL},
};
