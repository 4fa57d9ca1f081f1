/* cancelrace CONNINFO ROUNDS: the race of a late cancel, through the
 * console's own connection layer (src/db). Each round sends a statement
 * that ends at once, lets it end on the server, cancels it anyway (what a
 * screen does when it is left while its answer is on the way), then runs a
 * statement that takes a moment. The cancel request travels on a
 * connection of its own; had the drain not waited for it, it would land on
 * the second statement and cancel that. Prints how many rounds the second
 * statement was cancelled in (0 expected) and exits 1 when any was. */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "db/db.h"

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: cancelrace CONNINFO ROUNDS\n");
		return 2;
	}
	struct db db;
	struct db_error err;
	db_error_init(&err);
	db_init(&db, argv[1], 10, 0);
	if (db_connect(&db, &err) != DB_FAIL_NONE) {
		fprintf(stderr, "cancelrace: %s\n", strbuf_str(&err.message));
		return 2;
	}
	int rounds = atoi(argv[2]), hit = 0;
	struct timespec settle = {0, 20 * 1000000L};
	for (int i = 0; i < rounds; i++) {
		if (db_async_send(&db, "SELECT 1", 0, NULL, &err) != ST_OK) {
			fprintf(stderr, "cancelrace: %s\n", strbuf_str(&err.message));
			return 2;
		}
		/* the answer is back in the socket: the statement has ended */
		struct pollfd pfd = {PQsocket(db.conn), POLLIN, 0};
		poll(&pfd, 1, 5000);
		nanosleep(&settle, NULL);
		db_async_cancel(&db);
		PGresult *r = db_exec(&db, "SELECT pg_sleep(0.05)", 0, NULL, &err);
		if (!r) {
			hit++;
			fprintf(stderr, "cancelrace: round %d: %s\n", i + 1,
			        strbuf_str(&err.message));
		}
		PQclear(r);
	}
	printf("%d\n", hit);
	db_free(&db);
	db_error_free(&err);
	return hit ? 1 : 0;
}
