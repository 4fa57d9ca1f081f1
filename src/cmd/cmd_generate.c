/* Commands of the data generator: db generate. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/command.h"
#include "gen/gen_load.h"
#include "gen/gen_world.h"

/* Whether s is a whole number in [lo, hi]; the value goes to *v. */
static int parse_number(const char *s, unsigned long long lo, unsigned long long hi,
                        unsigned long long *v)
{
	char *end;
	if (!s || !*s || *s == '-' || *s == '+')
		return 0;
	errno = 0;
	*v = strtoull(s, &end, 10);
	return errno == 0 && *end == '\0' && *v >= lo && *v <= hi;
}

/* Whether s is a real date YYYY-MM-DD from 2016 to 2100. */
static int valid_as_of(const char *s)
{
	int y, m, d, y2, m2, d2;
	char tail;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
		return 0;
	if (y < 2016 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	gen_ymd(gen_day(y, m, d), &y2, &m2, &d2);
	return y == y2 && m == m2 && d == d2;
}

struct run {
	struct cmd_ctx *ctx;
	long scale;
	const char *seed;
};

static void started(void *arg, const char *as_of)
{
	struct run *run = arg;
	char *m = trs(MSG_GEN_START, run->scale, run->seed, as_of);
	fprintf(run->ctx->out, "%s\n", m);
	fflush(run->ctx->out);
	free(m);
}

static void table_done(void *arg, const char *table, long rows, double seconds)
{
	struct cmd_ctx *ctx = ((struct run *)arg)->ctx;
	char *m = trs(MSG_GEN_TABLE, table, rows, seconds);
	fprintf(ctx->out, "%s\n", m);
	fflush(ctx->out);
	free(m);
}

static void step_done(void *arg, enum gen_step step, long count, double seconds)
{
	struct cmd_ctx *ctx = ((struct run *)arg)->ctx;
	char *m = NULL;
	switch (step) {
	case GEN_STEP_PREPARED: m = trs(MSG_GEN_PREPARED, count, seconds); break;
	case GEN_STEP_DEFERRED: m = trs(MSG_GEN_DEFERRED, seconds); break;
	case GEN_STEP_INDEXES: m = trs(MSG_GEN_INDEXES, count, seconds); break;
	case GEN_STEP_FKEYS: m = trs(MSG_GEN_FKEYS, count, seconds); break;
	case GEN_STEP_ANALYZED: m = trs(MSG_GEN_ANALYZED, count, seconds); break;
	case GEN_STEP_COMMITTED: m = trs(MSG_GEN_COMMITTED, seconds); break;
	default: return;
	}
	fprintf(ctx->out, "%s\n", m);
	fflush(ctx->out);
	free(m);
}

static enum status usage(struct cmd_ctx *ctx, enum msg_id id, const char *value)
{
	char *m = trs(id, value);
	enum status st = cmd_fail(ctx, ST_USAGE, m);
	free(m);
	return st;
}

static enum status run_db_generate(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *scale_s = cmd_opt(args, "scale"), *seed_s = cmd_opt(args, "seed");
	const char *as_of = cmd_opt(args, "as-of");
	unsigned long long scale, seed = 1;
	if (!scale_s)
		return usage(ctx, MSG_GEN_NEEDS_SCALE, "");
	if (!parse_number(scale_s, 1, 50000000, &scale))
		return usage(ctx, MSG_GEN_BAD_SCALE, scale_s);
	if (seed_s && !parse_number(seed_s, 0, UINT64_MAX, &seed))
		return usage(ctx, MSG_GEN_BAD_SEED, seed_s);
	if (as_of && !valid_as_of(as_of))
		return usage(ctx, MSG_GEN_BAD_AS_OF, as_of);
	struct run run = {ctx, (long)scale, seed_s ? seed_s : "1"};
	struct gen_options o = {.seed = seed,
	                        .scale = (long)scale,
	                        .as_of = as_of,
	                        .started = started,
	                        .table_done = table_done,
	                        .step_done = step_done,
	                        .arg = &run};
	char *m;
	struct gen_result res;
	struct db_error err;
	db_error_init(&err);
	enum status st = gen_run(ctx->db, &o, &res, &err);
	if (st == ST_CONFLICT && res.nonempty) {
		m = trs(MSG_GEN_NOT_EMPTY, res.nonempty);
		cmd_fail(ctx, ST_CONFLICT, m);
		free(m);
	} else if (st != ST_OK) {
		m = trs(MSG_GEN_FAILED, strbuf_str(&err.message));
		cmd_fail(ctx, st, m);
		free(m);
	} else {
		m = trs(MSG_GEN_SUMMARY, res.rows, res.seconds, res.seconds / 60.0,
		        res.db_size ? res.db_size : "?", res.db_bytes);
		fprintf(ctx->out, "%s\n", m);
		free(m);
	}
	gen_result_free(&res);
	db_error_free(&err);
	return st;
}

static const struct cmd_opt generate_opts[] = {
    {"scale", 1, MSG_OPT_GEN_SCALE, "N"},
    {"seed", 1, MSG_OPT_GEN_SEED, "S"},
    {"as-of", 1, MSG_OPT_GEN_AS_OF, "DATE"},
    {NULL, 0, MSG_EMPTY, NULL},
};

const struct command generate_commands[] = {
    {"db", "generate", ACT_DB_GENERATE, "--scale N", generate_opts, 0, 0, 0, run_db_generate},
    {NULL, NULL, ACT_NONE, NULL, NULL, 0, 0, 0, NULL},
};
