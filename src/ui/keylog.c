#include "ui/keylog.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/strbuf.h"

static FILE *out;

void keylog_open(void)
{
	const char *path = getenv("SMCON_KEY_LOG");
	if (out || !path || !*path)
		return;
	out = fopen(path, "a");
	if (!out) {
		log_warn("SMCON_KEY_LOG %s: %s", path, strerror(errno));
		return;
	}
	setvbuf(out, NULL, _IOLBF, 0);
}

void keylog_close(void)
{
	if (out)
		fclose(out);
	out = NULL;
}

void keylog_event(const char *what, const char *name, int depth)
{
	if (!out)
		return;
	if (depth >= 0)
		fprintf(out, "%s %s %d\n", what, name, depth);
	else
		fprintf(out, "%s %s\n", what, name);
}

void keylog_key(const char *screen, const struct key *k, const char *action, const char *outcome)
{
	if (!out)
		return;
	struct strbuf name = STRBUF_INIT;
	key_spec_name(k, &name);
	fprintf(out, "key %s %s %s %s\n", screen, strbuf_str(&name),
	        action && *action ? action : "-", outcome);
	strbuf_free(&name);
}
