/* notifytime CONNINFO DESKS N CODE: how soon one desk's action is seen by the
 * others. DESKS connections LISTEN on smcon_rescue; one more takes N calls
 * (api.rescue_new on the elevator with rescue code CODE) and cancels each.
 * For every call it prints two figures in milliseconds: from sending the
 * call to the last desk having its notification, and from the call's commit
 * (its result back) to that moment. Credentials come from PGUSER and
 * PGPASSWORD (a dispatcher). For bench/rescue.sh. */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libpq-fe.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static PGconn *open_conn(const char *conninfo)
{
	PGconn *c = PQconnectdb(conninfo);
	if (PQstatus(c) != CONNECTION_OK) {
		fprintf(stderr, "notifytime: %s", PQerrorMessage(c));
		exit(1);
	}
	return c;
}

static int run_ok(PGconn *c, const char *sql, int nparams, const char *const *params, char *out,
                  size_t outlen)
{
	PGresult *r = PQexecParams(c, sql, nparams, NULL, params, NULL, NULL, 0);
	int ok = PQresultStatus(r) == PGRES_TUPLES_OK || PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok)
		fprintf(stderr, "notifytime: %s", PQresultErrorMessage(r));
	else if (out && PQntuples(r) > 0)
		snprintf(out, outlen, "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
	return ok;
}

/* Waits until every desk has a notification whose payload names id. */
static void wait_all(PGconn **desk, int n, const char *id)
{
	char want[64];
	int *seen = calloc((size_t)n, sizeof *seen), left = n;
	struct pollfd *fds = calloc((size_t)n, sizeof *fds);
	snprintf(want, sizeof want, "\"id\" : %s,", id);
	while (left > 0) {
		for (int i = 0; i < n; i++) {
			fds[i].fd = PQsocket(desk[i]);
			fds[i].events = POLLIN;
		}
		if (poll(fds, (nfds_t)n, 5000) <= 0) {
			fprintf(stderr, "notifytime: no notification within 5 s\n");
			exit(1);
		}
		for (int i = 0; i < n; i++) {
			PGnotify *note;
			PQconsumeInput(desk[i]);
			while ((note = PQnotifies(desk[i]))) {
				if (!seen[i] && strstr(note->extra, want)) {
					seen[i] = 1;
					left--;
				}
				PQfreemem(note);
			}
		}
	}
	free(seen);
	free(fds);
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: notifytime CONNINFO DESKS N CODE\n");
		return 2;
	}
	int ndesks = atoi(argv[2]), n = atoi(argv[3]);
	PGconn **desk = calloc((size_t)ndesks, sizeof *desk);
	for (int i = 0; i < ndesks; i++) {
		desk[i] = open_conn(argv[1]);
		run_ok(desk[i], "LISTEN smcon_rescue", 0, NULL, NULL, 0);
	}
	PGconn *actor = open_conn(argv[1]);
	for (int k = 0; k < n; k++) {
		char id[32] = "";
		const char *p[] = {argv[4]};
		double t0 = now_ms();
		if (!run_ok(actor,
		            "SELECT id FROM api.rescue_new($1, '13900000000', 1, false, 'bench')",
		            1, p, id, sizeof id))
			return 1;
		double t1 = now_ms();
		wait_all(desk, ndesks, id);
		double t2 = now_ms();
		printf("%.3f %.3f\n", t2 - t0, t2 - t1 > 0 ? t2 - t1 : 0);
		const char *q[] = {id};
		if (!run_ok(actor, "SELECT api.rescue_cancel($1::bigint, NULL, 'duplicate', NULL)",
		            1, q, NULL, 0))
			return 1;
		wait_all(desk, ndesks, id);
	}
	for (int i = 0; i < ndesks; i++)
		PQfinish(desk[i]);
	PQfinish(actor);
	free(desk);
	return 0;
}
