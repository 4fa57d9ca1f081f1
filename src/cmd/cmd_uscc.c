/* Commands of the uscc part: uscc check. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/uscc.h"
#include "base/width.h"
#include "cmd/command.h"

/* The rows of one `uscc check` run and what it found. */
struct check_run {
	struct rowset *rs;
	int machine; /* csv or json: every column, not the three of the table */
	int total, invalid;
};

/* Appends s with malformed UTF-8 bytes replaced by U+FFFD, so that JSON and
 * CSV output stay UTF-8 whatever the input was (a GBK file, say). */
static void add_utf8(struct strbuf *out, const char *s)
{
	size_t n = strlen(s);
	uint32_t cp;
	for (size_t i = 0; i < n;) {
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (cp == 0xfffd && len == 1)
			utf8_encode(out, cp);
		else
			strbuf_addn(out, s + i, len);
		i += len;
	}
}

static void set_utf8(struct rowset *rs, int row, int col, const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	add_utf8(&sb, s);
	rowset_set(rs, row, col, strbuf_str(&sb));
	strbuf_free(&sb);
}

static void set_int(struct rowset *rs, int row, int col, int v)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "%d", v);
	rowset_set(rs, row, col, strbuf_str(&sb));
	strbuf_free(&sb);
}

static struct check_run check_run_new(enum out_format f)
{
	struct check_run cr = {0};
	cr.machine = f != FMT_TABLE;
	cr.rs = rowset_new(cr.machine ? 9 : 3);
	rowset_col(cr.rs, 0, "input", tr(MSG_USCC_COL_INPUT), CT_TEXT);
	rowset_col(cr.rs, 1, "code", tr(MSG_USCC_COL_CODE), CT_TEXT);
	if (!cr.machine) {
		rowset_col(cr.rs, 2, "result", tr(MSG_USCC_COL_RESULT), CT_TEXT);
		return cr;
	}
	rowset_col(cr.rs, 2, "length", NULL, CT_NUMBER);
	rowset_col(cr.rs, 3, "valid", NULL, CT_BOOL);
	rowset_col(cr.rs, 4, "problem", NULL, CT_TEXT);
	rowset_col(cr.rs, 5, "position", NULL, CT_NUMBER);
	rowset_col(cr.rs, 6, "found", NULL, CT_TEXT);
	rowset_col(cr.rs, 7, "expected", NULL, CT_TEXT);
	rowset_col(cr.rs, 8, "message", NULL, CT_TEXT);
	return cr;
}

/* Checks one code as the operator gave it (len bytes: a NUL may be among
 * them) and adds its row. Text that is not UTF-8 is refused before it is
 * normalised. */
static void check_one(struct check_run *cr, const char *given, size_t len)
{
	struct strbuf code = STRBUF_INIT, msg = STRBUF_INIT, found = STRBUF_INIT;
	struct uscc_result r;
	if (uscc_check_text(given, len, &r) == USCC_VALID) {
		uscc_normalize(given, &code);
		uscc_check(strbuf_str(&code), &r);
	}
	uscc_describe(&r, &msg);
	cr->total++;
	cr->invalid += r.problem != USCC_VALID;
	int row = rowset_add_row(cr->rs);
	set_utf8(cr->rs, row, 0, given);
	set_utf8(cr->rs, row, 1, strbuf_str(&code));
	if (!cr->machine) {
		rowset_set(cr->rs, row, 2, strbuf_str(&msg));
		goto done;
	}
	set_int(cr->rs, row, 2, r.length);
	rowset_set(cr->rs, row, 3, r.problem == USCC_VALID ? "true" : "false");
	rowset_set(cr->rs, row, 4, uscc_problem_name(r.problem));
	if (r.position) {
		set_int(cr->rs, row, 5, r.position);
		if (r.problem == USCC_BAD_TEXT)
			strbuf_addf(&found, "0x%02X", (unsigned)r.found);
		else
			uscc_show_char(r.found, &found);
		rowset_set(cr->rs, row, 6, strbuf_str(&found));
	}
	if (r.expected) {
		char expected[2] = {r.expected, '\0'};
		rowset_set(cr->rs, row, 7, expected);
	}
	rowset_set(cr->rs, row, 8, strbuf_str(&msg));
done:
	strbuf_free(&code);
	strbuf_free(&msg);
	strbuf_free(&found);
}

/* Checks the codes on standard input, one a line (LF or CR LF), blank lines skipped. */
static enum status check_stdin(struct cmd_ctx *ctx, struct check_run *cr)
{
	struct strbuf line = STRBUF_INIT, code = STRBUF_INIT;
	enum status st = ST_OK;
	while (strbuf_getline(&line, stdin)) {
		if (line.len && line.buf[line.len - 1] == '\r')
			strbuf_truncate(&line, line.len - 1);
		strbuf_reset(&code);
		uscc_normalize(strbuf_str(&line), &code);
		if (code.len || strlen(strbuf_str(&line)) != line.len)
			check_one(cr, strbuf_str(&line), line.len);
	}
	if (ferror(stdin)) {
		char *m = trs(MSG_USCC_READ_FAILED, strerror(errno));
		st = cmd_fail(ctx, ST_ERROR, m);
		free(m);
	}
	clearerr(stdin); /* a terminal may be read again after ^D (the shell) */
	strbuf_free(&line);
	strbuf_free(&code);
	return st;
}

static enum status run_uscc_check(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	if (args->argc == 0 && ctx->stdin_use)
		return cmd_fail(ctx, ST_USAGE, tr(MSG_USCC_STDIN_BUSY));
	struct check_run cr = check_run_new(ctx->format);
	enum status st = ST_OK;
	for (int i = 0; i < args->argc; i++)
		check_one(&cr, args->argv[i], strlen(args->argv[i]));
	if (args->argc == 0)
		st = check_stdin(ctx, &cr);
	if (st != ST_OK) {
		rowset_free(cr.rs);
		return st;
	}
	cmd_print(ctx, cr.rs);
	if (cr.invalid == 0)
		return ST_OK;
	fflush(ctx->out);
	char *m = trs(MSG_USCC_SUMMARY, cr.total, cr.invalid);
	st = cmd_fail(ctx, ST_ERROR, m);
	free(m);
	return st;
}

const struct command uscc_commands[] = {
	{"uscc", "check", ACT_USCC_CHECK, "[CODE...]", NULL, 0, -1, 1, run_uscc_check},
	{NULL, NULL, ACT_NONE, NULL, NULL, 0, 0, 0, NULL},
};
