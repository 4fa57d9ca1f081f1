#include "cmd/script.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"

enum status script_run(struct cmd_ctx *ctx, const char *path, int keep_going)
{
	int from_stdin = strcmp(path, "-") == 0;
	FILE *f = from_stdin ? stdin : fopen(path, "r");
	struct strbuf line = STRBUF_INIT;
	enum status first = ST_OK;
	int lineno = 0;
	if (!f) {
		char *m = trs(MSG_SCRIPT_CANNOT_OPEN, path, strerror(errno));
		cmd_fail(ctx, ST_USAGE, m);
		free(m);
		return ST_USAGE;
	}
	if (from_stdin)
		ctx->stdin_use = "script";
	while (strbuf_getline(&line, f)) {
		lineno++;
		const char *p = strbuf_str(&line);
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '#' || *p == '\r')
			continue;
		enum status st = cmd_flush(ctx, cmd_execute_line(ctx, p));
		if (st == ST_OK)
			continue;
		char *m = trs(MSG_SCRIPT_FAILED_AT, from_stdin ? "-" : path, lineno, (int)st);
		cmd_fail(ctx, st, m);
		free(m);
		if (first == ST_OK)
			first = st;
		if (!keep_going)
			break;
	}
	strbuf_free(&line);
	if (!from_stdin)
		fclose(f);
	return first;
}
