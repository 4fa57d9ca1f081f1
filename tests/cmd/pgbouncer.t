#!/bin/bash
# PgBouncer in front of the console (mk/pgbouncer.sh, the admin guide's
# recipe): operators log in through it with their own roles, and session
# pooling keeps each session's state its own, where transaction pooling
# hands one operator's settings to the next.
. "$(dirname "$0")/../lib/env.sh"

if ! command -v pgbouncer >/dev/null 2>&1 && [ ! -x /usr/sbin/pgbouncer ]; then
	echo "1..0 # SKIP pgbouncer is not installed"
	exit 0
fi
pb() { sh "$ROOT/mk/pgbouncer.sh" "$@"; }
at_exit "sh '$ROOT/mk/pgbouncer.sh' stop '$SCRATCH/session'"
at_exit "sh '$ROOT/mk/pgbouncer.sh' stop '$SCRATCH/tx'"
pb start "$SCRATCH/session" "$SMCON_TEST_PG" session
_tap_result $? "pgbouncer starts in session mode"

through() { # DIR USER ARGS...: smcon through the pgbouncer in DIR
	local dir=$1 user=$2
	shift 2
	out=$(PGUSER=$user PGPASSWORD=${PASSWORD:-demo} "$SMCON" -d "host=$dir port=6432 dbname=smcon" "$@" \
		2>"$SCRATCH/stderr")
	rc=$?
	err=$(cat "$SCRATCH/stderr")
}
through "$SCRATCH/session" demo_clerk_lx whoami --format csv
is "$rc" 0 "the console's command mode works through pgbouncer"
like "$out" "^demo_clerk_lx,李娜," "  ... logged in as the operator's own role"
through "$SCRATCH/session" demo_handler_lx whoami --format csv
like "$out" "^demo_handler_lx," "  ... and another operator as theirs"
PASSWORD=wrong through "$SCRATCH/session" demo_clerk_lx whoami
is "$rc" 3 "a wrong password is refused (by pgbouncer)"

# psql_pb DIR SQL: one session of demo_clerk_lx through the pgbouncer in DIR
psql_pb() { PGPASSWORD=demo psql -X -At -h "$1" -p 6432 -U demo_clerk_lx -d smcon -c "$2"; }
psql_pb "$SCRATCH/session" "SET statement_timeout = '1234ms'" >/dev/null
is "$(psql_pb "$SCRATCH/session" "SHOW statement_timeout")" \
	"$(PGPASSWORD=demo psql -X -At -h "$SMCON_TEST_PG/run" -U demo_clerk_lx -d smcon -c 'SHOW statement_timeout')" \
	"session pooling: the next session starts clean"

PGBOUNCER_POOL_SIZE=1 pb start "$SCRATCH/tx" "$SMCON_TEST_PG" transaction
psql_pb "$SCRATCH/tx" "SET statement_timeout = '1234ms'" >/dev/null
is "$(psql_pb "$SCRATCH/tx" "SHOW statement_timeout")" 1234ms \
	"transaction pooling: one session's settings reach the next (why the console needs session pooling)"
done_testing
