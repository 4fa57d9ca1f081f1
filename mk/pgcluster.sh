#!/bin/sh
# A private PostgreSQL cluster in a directory of ours: for the demo (var/demo)
# and for every test run (a temporary directory).
#
#   pgcluster.sh init DIR [demo|test|bench]   create and start (once)
#   pgcluster.sh start DIR | stop DIR | status DIR
#   pgcluster.sh destroy DIR                  stop and remove DIR
#   pgcluster.sh psql DIR [psql args]         psql as the cluster's superuser
#
# Layout: DIR/pgdata (the cluster), DIR/run (Unix socket and server log),
# DIR/superuser.pw (the superuser's password, readable by the caller only).
# No TCP port is opened. PostgreSQL refuses to run as root, so when this runs
# as root the server runs as the unprivileged `postgres` system user.
#
# Every start loads the failed-login lock-out module smcon_auth from the
# build directory ($BUILD, default build) when it has been built: see
# pgdata/smcon_auth.conf and doc/admin-guide.md. SMCON_AUTH_MAX_FAILURES
# sets the number of failures (default 5).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)

die() { echo "pgcluster: $*" >&2; exit 1; }

bindir() {
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
		[ -x "$d/initdb" ] && { echo "$d"; return; }
	done
	command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return; }
	die "no PostgreSQL server found (install the postgresql package)"
}

BIN=$(bindir)
RUNUSER=""
if [ "$(id -u)" -eq 0 ]; then
	id postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' system user (installed with the postgresql package)"
	RUNUSER=postgres
fi

as_pg() {
	if [ -n "$RUNUSER" ]; then runuser -u "$RUNUSER" -- "$@"; else "$@"; fi
}

absdir() { mkdir -p "$1" && cd "$1" && pwd; }

cmd_init() {
	dir=$(absdir "$1")
	profile=${2:-demo}
	if [ -f "$dir/pgdata/PG_VERSION" ]; then
		cmd_start "$dir"
		return
	fi
	sock="$dir/run"
	[ ${#sock} -lt 100 ] || die "socket directory path is too long for a Unix socket: $sock"
	chmod 755 "$dir"
	mkdir -p "$dir/pgdata" "$dir/run"
	if [ -n "$RUNUSER" ]; then
		chown "$RUNUSER" "$dir/pgdata" "$dir/run"
		as_pg test -x "$dir" ||
			die "the '$RUNUSER' user cannot reach $dir; make every parent directory searchable (chmod o+x) or move the checkout"
	fi
	chmod 700 "$dir/pgdata"
	umask 077
	head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/superuser.pw"
	pwtmp="$dir/run/initdb.pw"
	cp "$dir/superuser.pw" "$pwtmp"
	[ -n "$RUNUSER" ] && chown "$RUNUSER" "$pwtmp"
	as_pg "$BIN/initdb" -D "$dir/pgdata" -U postgres -E UTF8 --locale=C.UTF-8 \
		--auth-local=scram-sha-256 --auth-host=reject --pwfile="$pwtmp" >"$dir/initdb.log" 2>&1 ||
		{ rm -f "$pwtmp"; cat "$dir/initdb.log" >&2; die "initdb failed"; }
	rm -f "$pwtmp"
	umask 022
	write_conf "$dir" "$profile"
	cmd_start "$dir"
}

write_conf() {
	dir=$1
	conf="$dir/pgdata/postgresql.auto.conf"
	{
		echo "listen_addresses = ''"
		echo "unix_socket_directories = '$dir/run'"
		echo "unix_socket_permissions = 0777"
		echo "lc_messages = 'C'"
		echo "timezone = 'Asia/Shanghai'"
		echo "log_timezone = 'Asia/Shanghai'"
		echo "password_encryption = 'scram-sha-256'"
		echo "max_connections = 200"
		case "$2" in
		test)
			echo "fsync = off"
			echo "synchronous_commit = off"
			echo "full_page_writes = off"
			;;
		bench)
			echo "shared_buffers = '2GB'"
			echo "maintenance_work_mem = '1GB'"
			echo "work_mem = '64MB'"
			echo "max_wal_size = '8GB'"
			echo "synchronous_commit = off"
			echo "fsync = off"
			echo "full_page_writes = off"
			;;
		esac
	} | as_pg tee -a "$conf" >/dev/null
	# Who may log in: the superuser and the warehouse owner, and staff (members of
	# smcon_staff). Everyone else is turned away before a password is asked, so the
	# console can tell an unknown account from a wrong password.
	as_pg tee "$dir/pgdata/pg_hba.conf" >/dev/null <<-EOF
	# TYPE  DATABASE  USER          METHOD
	local   all       postgres      scram-sha-256
	local   all       smcon_owner   scram-sha-256
	local   all       +smcon_staff  scram-sha-256
	local   all       all           reject
	EOF
}

# The lock-out module's settings, rewritten at every start so that they
# follow the build directory (and vanish when the module is not built: a
# preload of a missing library would stop the server from starting).
auth_conf() {
	dir=$1
	ext="$root/${BUILD:-build}/pgext"
	grep -q "smcon_auth.conf" "$dir/pgdata/postgresql.conf" ||
		echo "include_if_exists = 'smcon_auth.conf'" | as_pg tee -a "$dir/pgdata/postgresql.conf" >/dev/null
	{
		echo "# Written by mk/pgcluster.sh at every start: the failed-login lock-out."
		if [ -f "$ext/smcon_auth.so" ]; then
			echo "dynamic_library_path = '$ext:\$libdir'"
			echo "shared_preload_libraries = 'smcon_auth'"
			echo "smcon_auth.max_failures = ${SMCON_AUTH_MAX_FAILURES:-5}"
		else
			echo "# $ext/smcon_auth.so is not built: no lock-out (run make)"
		fi
	} | as_pg tee "$dir/pgdata/smcon_auth.conf" >/dev/null
}

cmd_start() {
	dir=$(absdir "$1")
	[ -f "$dir/pgdata/PG_VERSION" ] || die "no cluster in $dir (run init first)"
	if as_pg "$BIN/pg_ctl" -D "$dir/pgdata" status >/dev/null 2>&1; then
		return 0
	fi
	auth_conf "$dir"
	as_pg "$BIN/pg_ctl" -D "$dir/pgdata" -l "$dir/run/postgres.log" -w -t 60 -s start ||
		{ tail -20 "$dir/run/postgres.log" >&2; die "the server did not start"; }
}

cmd_stop() {
	dir=$(absdir "$1")
	[ -f "$dir/pgdata/PG_VERSION" ] || return 0
	if as_pg "$BIN/pg_ctl" -D "$dir/pgdata" status >/dev/null 2>&1; then
		as_pg "$BIN/pg_ctl" -D "$dir/pgdata" -m fast -w -s stop
	fi
}

cmd_status() {
	dir=$(absdir "$1")
	as_pg "$BIN/pg_ctl" -D "$dir/pgdata" status
}

cmd_destroy() {
	[ -d "$1" ] || return 0
	cmd_stop "$1" || true
	rm -rf "$1"
}

cmd_psql() {
	dir=$(absdir "$1")
	shift
	PGPASSWORD=$(cat "$dir/superuser.pw") PGHOST="$dir/run" PGUSER=postgres \
		"$BIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"
}

[ $# -ge 2 ] || die "usage: pgcluster.sh init|start|stop|status|destroy|psql DIR ..."
cmd=$1
shift
case "$cmd" in
init) cmd_init "$@" ;;
start) cmd_start "$1" ;;
stop) cmd_stop "$1" ;;
status) cmd_status "$1" ;;
destroy) cmd_destroy "$1" ;;
psql) cmd_psql "$@" ;;
*) die "unknown command: $cmd" ;;
esac
