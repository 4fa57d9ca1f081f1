/* notifylat N WRITER READER CHANNEL WRITE_SQL REREAD_SQL: how long until a
 * change one session commits is on another session's screen. N times: the
 * writer runs WRITE_SQL (autocommit; $1 is the round number), the reader,
 * which LISTENs on CHANNEL, waits on its socket for the notification, then
 * runs REREAD_SQL (what a live list does to refresh). Prints the
 * milliseconds from sending the write to the end of the reread, one line a
 * round. WRITER and READER are conninfo strings. NOTIFYLAT_PAUSE_MS, when
 * set, is a pause between rounds (a change every so often, not one after
 * another). For bench/complaint.sh. */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <libpq-fe.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static PGconn *connect_to(const char *conninfo)
{
	PGconn *c = PQconnectdb(conninfo);
	if (PQstatus(c) != CONNECTION_OK) {
		fprintf(stderr, "notifylat: %s", PQerrorMessage(c));
		exit(1);
	}
	return c;
}

static int run(PGconn *c, const char *sql, int n, const char *const *p)
{
	PGresult *r = PQexecParams(c, sql, n, NULL, p, NULL, NULL, 0);
	int ok = PQresultStatus(r) == PGRES_TUPLES_OK || PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok)
		fprintf(stderr, "notifylat: %s", PQresultErrorMessage(r));
	PQclear(r);
	return ok;
}

/* Waits up to 5 s for a notification on c; returns 1 when one came. */
static int wait_notify(PGconn *c)
{
	double until = now_ms() + 5000;
	for (;;) {
		PQconsumeInput(c);
		PGnotify *n = PQnotifies(c);
		if (n) {
			PQfreemem(n);
			while ((n = PQnotifies(c)))
				PQfreemem(n);
			return 1;
		}
		int left = (int)(until - now_ms());
		if (left <= 0)
			return 0;
		struct pollfd pfd = {PQsocket(c), POLLIN, 0};
		poll(&pfd, 1, left);
	}
}

int main(int argc, char **argv)
{
	if (argc != 7) {
		fprintf(stderr, "usage: notifylat N WRITER READER CHANNEL WRITE_SQL REREAD_SQL\n");
		return 2;
	}
	int rounds = atoi(argv[1]);
	const char *pause_env = getenv("NOTIFYLAT_PAUSE_MS");
	long pause_ms = pause_env ? atol(pause_env) : 0;
	PGconn *w = connect_to(argv[2]), *r = connect_to(argv[3]);
	char listen[200];
	snprintf(listen, sizeof listen, "LISTEN %s", argv[4]);
	if (!run(r, listen, 0, NULL))
		return 1;
	for (int i = 0; i < rounds; i++) {
		char num[16];
		snprintf(num, sizeof num, "%d", i);
		const char *p[] = {num};
		double t0 = now_ms();
		if (!run(w, argv[5], 1, p))
			return 1;
		if (!wait_notify(r)) {
			fprintf(stderr, "notifylat: no notification within 5 s\n");
			return 1;
		}
		if (!run(r, argv[6], 0, NULL))
			return 1;
		printf("%.3f\n", now_ms() - t0);
		if (pause_ms > 0) {
			struct timespec ts = {pause_ms / 1000, (pause_ms % 1000) * 1000000L};
			nanosleep(&ts, NULL);
		}
	}
	PQfinish(w);
	PQfinish(r);
	return 0;
}
