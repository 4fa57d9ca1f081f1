/* livebench notify CONNINFO N: a notification's way to a second console:
 *   NOTIFY committed on one connection -> the listening connection reads it
 *   (poll on its socket, as the event loop does) -> the screen's refresh
 *   (api.audit_log, the audit list's first page) has its rows.
 *   Prints one line per round, milliseconds: "notify refresh".
 * livebench draw N: the redraw of a 50-row live list (6 columns, CJK text)
 *   into an 160x60 curses screen written to /dev/null; prints N times in ms. */
#include <curses.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ui/livelist.h"
#include "ui/term.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int run_ok(PGconn *c, const char *sql)
{
	PGresult *r = PQexec(c, sql);
	int ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
	if (!ok)
		fprintf(stderr, "%s: %s", sql, PQerrorMessage(c));
	PQclear(r);
	return ok;
}

static int notify(const char *conninfo, int n)
{
	PGconn *a = PQconnectdb(conninfo), *b = PQconnectdb(conninfo);
	if (PQstatus(a) != CONNECTION_OK || PQstatus(b) != CONNECTION_OK) {
		fprintf(stderr, "connect: %s%s", PQerrorMessage(a), PQerrorMessage(b));
		return 1;
	}
	if (!run_ok(a, "LISTEN smcon_bench"))
		return 1;
	for (int i = 0; i < n; i++) {
		double t0 = now_ms();
		if (!run_ok(b, "NOTIFY smcon_bench, '1'"))
			return 1;
		PGnotify *note = NULL;
		while (!note) {
			struct pollfd p = {PQsocket(a), POLLIN, 0};
			poll(&p, 1, 1000);
			PQconsumeInput(a);
			note = PQnotifies(a);
		}
		PQfreemem(note);
		double t1 = now_ms();
		PGresult *r = PQexec(a, "SELECT id, at, actor, action, table_name, summary"
		                        "  FROM api.audit_log(NULL, NULL, NULL, NULL, 200)");
		if (PQresultStatus(r) != PGRES_TUPLES_OK) /* not an admin: the notification alone */
			t1 = -1;
		PQclear(r);
		double t2 = now_ms();
		printf("%.3f %.3f\n", t1 - t0, t1 < 0 ? -1.0 : t2 - t0);
	}
	PQfinish(a);
	PQfinish(b);
	return 0;
}

static int draw(int n)
{
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	SCREEN *scr = newterm("xterm-256color", out, in);
	if (!scr)
		return 1;
	set_term(scr);
	resizeterm(60, 160);
	struct live_source src = {0};
	struct livelist *ll = livelist_new(&src, 6, 0, NULL);
	for (int c = 0; c < 6; c++)
		table_col(ll->table, c, "名称", 4, c == 5 ? 0 : 24, ALIGN_LEFT, c == 5);
	for (int r = 0; r < 50; r++) {
		char key[16], v[64];
		snprintf(key, sizeof key, "%d", r);
		int i = live_rows_add(&ll->rows, key, NULL);
		for (int c = 0; c < 6; c++) {
			snprintf(v, sizeof v, "梁溪区第%d号电梯困人 %d", r, c);
			live_rows_set(&ll->rows, i, c, v);
		}
	}
	livelist_sync(ll);
	struct rect area = {1, 0, 56, 160};
	for (int i = 0; i < n; i++) {
		/* a notification changed one row: the frame after it */
		char v[32];
		snprintf(v, sizeof v, "已到达 %d", i);
		live_rows_set(&ll->rows, i % 50, 2, v);
		double t0 = now_ms();
		livelist_sync(ll);
		erase();
		livelist_draw(ll, &area);
		refresh();
		printf("%.3f\n", now_ms() - t0);
	}
	livelist_free(ll, NULL);
	endwin();
	delscreen(scr);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "notify") == 0)
		return notify(argv[2], atoi(argv[3]));
	if (argc == 3 && strcmp(argv[1], "draw") == 0)
		return draw(atoi(argv[2]));
	fprintf(stderr, "usage: livebench notify CONNINFO N | livebench draw N\n");
	return 2;
}
