#!/bin/sh
# PgBouncer in front of a private cluster of mk/pgcluster.sh, for the tests,
# the load benchmark and as the admin guide's tested recipe:
#
#   pgbouncer.sh start DIR CLUSTER [MODE]   listen on DIR/.s.PGSQL.6432
#   pgbouncer.sh stop DIR
#
# MODE is the pool mode, "session" by default: the console keeps state in its
# session (statement_timeout and client_connection_check_interval set once,
# SET ROLE, LISTEN for the live desks, the test clock), which transaction
# pooling would hand to another client between two transactions. Every
# operator logs in with their own role: PgBouncer checks the password with the
# SCRAM secrets in DIR/userlist.txt (copied from pg_authid of every login role,
# readable by the server's user only) and uses them to log in to the server
# as that role, so the server's roles, RLS and audit see the real operator.
# One pool per role and database; with session pooling each console holds one
# server connection while it is logged in.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
die() { echo "pgbouncer: $*" >&2; exit 1; }
command -v pgbouncer >/dev/null 2>&1 || [ -x /usr/sbin/pgbouncer ] || die "pgbouncer is not installed (apt-get install pgbouncer)"
PGB=$(command -v pgbouncer 2>/dev/null || echo /usr/sbin/pgbouncer)
RUNUSER=""
[ "$(id -u)" -eq 0 ] && RUNUSER=postgres
as_pg() { if [ -n "$RUNUSER" ]; then (cd / && runuser -u "$RUNUSER" -- "$@"); else "$@"; fi; }

cmd_start() {
	mkdir -p "$1"
	dir=$(cd "$1" && pwd)
	cluster=$(cd "$2" && pwd)
	mode=${3:-session}
	chmod 755 "$dir"
	[ -n "$RUNUSER" ] && chown "$RUNUSER" "$dir"
	sh "$root/mk/pgcluster.sh" psql "$cluster" -d postgres -At \
		-c "SELECT format('\"%s\" \"%s\"', rolname, rolpassword) FROM pg_authid
		     WHERE rolcanlogin AND rolpassword LIKE 'SCRAM-SHA-256\$%'" |
		as_pg sh -c "umask 077 && cat >'$dir/userlist.txt'"
	as_pg tee "$dir/pgbouncer.ini" >/dev/null <<-EOF
	[databases]
	* = host=$cluster/run
	[pgbouncer]
	listen_addr =
	listen_port = 6432
	unix_socket_dir = $dir
	auth_type = scram-sha-256
	auth_file = $dir/userlist.txt
	pool_mode = $mode
	max_client_conn = 1000
	default_pool_size = ${PGBOUNCER_POOL_SIZE:-400}
	server_reset_query = DISCARD ALL
	logfile = $dir/pgbouncer.log
	pidfile = $dir/pgbouncer.pid
	EOF
	as_pg "$PGB" -d "$dir/pgbouncer.ini" || { tail -5 "$dir/pgbouncer.log" >&2; die "pgbouncer did not start"; }
	i=0
	while [ ! -S "$dir/.s.PGSQL.6432" ]; do
		i=$((i + 1))
		[ $i -lt 100 ] || die "pgbouncer does not listen on $dir/.s.PGSQL.6432"
		sleep 0.1
	done
}

cmd_stop() {
	dir=$1
	[ -f "$dir/pgbouncer.pid" ] || return 0
	pid=$(cat "$dir/pgbouncer.pid")
	kill "$pid" 2>/dev/null || true
	while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
}

case "${1:-}" in
start) [ $# -ge 3 ] || die "usage: pgbouncer.sh start DIR CLUSTER [MODE]"; cmd_start "$2" "$3" "${4:-session}" ;;
stop) [ $# -eq 2 ] || die "usage: pgbouncer.sh stop DIR"; cmd_stop "$2" ;;
*) die "usage: pgbouncer.sh start DIR CLUSTER [MODE] | stop DIR" ;;
esac
