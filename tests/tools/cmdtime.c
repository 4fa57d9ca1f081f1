/* cmdtime CONNINFO < COMMANDS: runs each line of standard input as a smcon
 * command on one connection, as the shell does, and prints for each the
 * milliseconds from taking the line to the last byte of its output (which
 * goes to /dev/null). The first line also connects. For benchmarks of the
 * command-mode path (bench/entity.sh); credentials come from PGUSER and
 * PGPASSWORD. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/conf.h"
#include "base/width.h"
#include "cmd/command.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
	struct conf cfg;
	struct db db;
	struct session s;
	struct cmd_ctx ctx;
	struct strbuf line = STRBUF_INIT;
	if (argc != 2) {
		fprintf(stderr, "usage: cmdtime CONNINFO < COMMANDS\n");
		return 2;
	}
	width_setup();
	conf_init(&cfg);
	db_init(&db, argv[1], 10, 0);
	db_set_login(&db, NULL, NULL);
	session_init(&s);
	cmd_ctx_init(&ctx, &cfg, &db, &s);
	ctx.out = ctx.err = fopen("/dev/null", "w");
	while (ctx.out && strbuf_getline(&line, stdin)) {
		double t0 = now_ms();
		enum status st = cmd_execute_line(&ctx, strbuf_str(&line));
		fflush(ctx.out);
		printf("%.3f %d\n", now_ms() - t0, (int)st);
	}
	strbuf_free(&line);
	session_free(&s);
	db_free(&db);
	conf_free(&cfg);
	return 0;
}
