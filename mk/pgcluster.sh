#!/bin/sh
# A private PostgreSQL cluster in a directory of ours: for the demo (var/demo)
# and for every test run (a temporary directory).
#
#   pgcluster.sh init DIR [demo|test|bench]   create and start (once)
#   pgcluster.sh start DIR | stop DIR | status DIR
#   pgcluster.sh destroy DIR                  stop and remove DIR
#   pgcluster.sh psql DIR [psql args]         psql as the cluster's superuser
#   pgcluster.sh standby SRC DIR              a streaming standby of the running
#                                             cluster SRC in DIR, started
#   pgcluster.sh promote DIR                  makes the standby in DIR a primary
#   pgcluster.sh crash DIR                    stops at once, as a crash would
#
# Layout: DIR/pgdata (the cluster), DIR/run (Unix socket and server log),
# DIR/superuser.pw (the superuser's password, readable by the caller only).
# No TCP port is opened. PostgreSQL refuses to run as root, so when this runs
# as root the server runs as the unprivileged `postgres` system user. When
# that user cannot enter DIR (a checkout under /root or in a 0700 directory),
# the server's files live in a directory of its own under the postgres user's
# home, ~postgres/smcon/NAME.XXXXXX, and DIR/pgdata and DIR/run are symbolic
# links to it; destroy removes both.
#
# Every start copies the failed-login lock-out module smcon_auth from the
# build directory ($BUILD, default build), when it has been built, to the
# server's lib directory (DIR/lib, or beside the relocated pgdata) and loads
# it from there: see pgdata/smcon_auth.conf and doc/admin-guide.md.
# SMCON_AUTH_MAX_FAILURES sets the number of failures (default 5).
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

# From /: the server and its tools complain about a working directory they cannot enter.
as_pg() {
	if [ -n "$RUNUSER" ]; then (cd / && runuser -u "$RUNUSER" -- "$@"); else "$@"; fi
}

absdir() { mkdir -p "$1" && cd "$1" && pwd; }

# The directory that holds the server's own files: DIR, or where DIR/pgdata points.
srvdir() {
	if [ -L "$1/pgdata" ]; then dirname "$(readlink "$1/pgdata")"; else echo "$1"; fi
}

# Makes the server's directory for DIR; relocated when RUNUSER cannot enter DIR.
make_srvdir() {
	dir=$1
	if [ -z "$RUNUSER" ] || as_pg test -x "$dir"; then
		mkdir -p "$dir/pgdata" "$dir/run"
		echo "$dir"
		return
	fi
	home=$(getent passwd "$RUNUSER" | cut -d: -f6)
	as_pg test -w "$home" || die "the '$RUNUSER' user can neither enter $dir nor write its home $home"
	mkdir -p "$home/smcon"
	chmod 755 "$home/smcon"
	srv=$(mktemp -d "$home/smcon/$(basename "$dir").XXXXXX")
	chmod 755 "$srv"
	mkdir -p "$srv/pgdata" "$srv/run"
	ln -s "$srv/pgdata" "$dir/pgdata"
	ln -s "$srv/run" "$dir/run"
	echo "$srv"
}

# The empty server directory of a new cluster in DIR, owned by the server's user.
new_srvdir() {
	sock="$1/run"
	[ ${#sock} -lt 100 ] || die "socket directory path is too long for a Unix socket: $sock"
	chmod 755 "$1"
	srv=$(make_srvdir "$1")
	[ -n "$RUNUSER" ] && chown "$RUNUSER" "$srv/pgdata" "$srv/run"
	chmod 700 "$srv/pgdata"
	echo "$srv"
}

cmd_init() {
	dir=$(absdir "$1")
	profile=${2:-demo}
	if [ -f "$dir/pgdata/PG_VERSION" ]; then
		cmd_start "$dir"
		return
	fi
	srv=$(new_srvdir "$dir")
	umask 077
	head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/superuser.pw"
	pwtmp="$srv/run/initdb.pw"
	cp "$dir/superuser.pw" "$pwtmp"
	[ -n "$RUNUSER" ] && chown "$RUNUSER" "$pwtmp"
	as_pg "$BIN/initdb" -D "$srv/pgdata" -U postgres -E UTF8 --locale=C.UTF-8 \
		--auth-local=scram-sha-256 --auth-host=reject --pwfile="$pwtmp" >"$dir/initdb.log" 2>&1 ||
		{ rm -f "$pwtmp"; cat "$dir/initdb.log" >&2; die "initdb failed"; }
	rm -f "$pwtmp"
	umask 022
	write_conf "$srv" "$profile"
	cmd_start "$dir"
}

# write_conf SRV PROFILE
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
	# smcon_staff) to a warehouse, not to the maintenance databases (a failed
	# login there would count against the account). Everyone else is turned
	# away before a password is asked, so the console can tell an unknown
	# account from a wrong password.
	as_pg tee "$dir/pgdata/pg_hba.conf" >/dev/null <<-EOF
	# TYPE  DATABASE  USER          METHOD
	local   all       postgres      scram-sha-256
	local   all       smcon_owner   scram-sha-256
	local   postgres,template1 +smcon_staff reject
	local   all       +smcon_staff  scram-sha-256
	local   all       all           reject
	local   replication  postgres   scram-sha-256
	EOF
}

# The lock-out module's settings, rewritten at every start so that they
# follow the build directory (and vanish when the module is not built: a
# preload of a missing library would stop the server from starting). The
# module is copied next to the cluster: the server may not be able to read
# the build directory.
auth_conf() {
	dir=$1
	ext="$root/${BUILD:-build}/pgext"
	lib="$dir/lib"
	as_pg grep -q "smcon_auth.conf" "$dir/pgdata/postgresql.conf" ||
		echo "include_if_exists = 'smcon_auth.conf'" | as_pg tee -a "$dir/pgdata/postgresql.conf" >/dev/null
	rm -rf "$lib"
	if [ -f "$ext/smcon_auth.so" ]; then
		mkdir -p "$lib"
		cp "$ext/smcon_auth.so" "$lib/smcon_auth.so"
		chmod 755 "$lib"
		chmod 644 "$lib/smcon_auth.so"
	fi
	{
		echo "# Written by mk/pgcluster.sh at every start: the failed-login lock-out."
		if [ -f "$lib/smcon_auth.so" ]; then
			echo "# copied from $ext"
			echo "dynamic_library_path = '$lib:\$libdir'"
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
	srv=$(srvdir "$dir")
	if as_pg "$BIN/pg_ctl" -D "$srv/pgdata" status >/dev/null 2>&1; then
		return 0
	fi
	auth_conf "$srv"
	as_pg "$BIN/pg_ctl" -D "$srv/pgdata" -l "$srv/run/postgres.log" -w -t 60 -s start ||
		{ tail -20 "$srv/run/postgres.log" >&2; die "the server did not start"; }
}

cmd_stop() {
	dir=$(absdir "$1")
	[ -f "$dir/pgdata/PG_VERSION" ] || return 0
	srv=$(srvdir "$dir")
	if as_pg "$BIN/pg_ctl" -D "$srv/pgdata" status >/dev/null 2>&1; then
		as_pg "$BIN/pg_ctl" -D "$srv/pgdata" -m fast -w -s stop
	fi
}

cmd_status() {
	dir=$(absdir "$1")
	as_pg "$BIN/pg_ctl" -D "$(srvdir "$dir")/pgdata" status
}

cmd_destroy() {
	[ -d "$1" ] || return 0
	cmd_stop "$1" || true
	dir=$(absdir "$1")
	srv=$(srvdir "$dir")
	rm -rf "$dir"
	[ "$srv" = "$dir" ] || rm -rf "$srv"
}

cmd_psql() {
	dir=$(absdir "$1")
	shift
	PGPASSWORD=$(cat "$dir/superuser.pw") PGHOST="$dir/run" PGUSER=postgres \
		"$BIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"
}

# A standby of the running cluster SRC in DIR (pg_basebackup -R: streaming
# replication over SRC's socket, as its superuser), on a socket of its own,
# started. SRC's superuser password is DIR's too (the copy has the same roles).
cmd_standby() {
	src=$(absdir "$1")
	dir=$(absdir "$2")
	[ -f "$src/pgdata/PG_VERSION" ] || die "no cluster in $src"
	[ -f "$dir/pgdata/PG_VERSION" ] && die "$dir already holds a cluster"
	srv=$(new_srvdir "$dir")
	(umask 077 && cp "$src/superuser.pw" "$dir/superuser.pw")
	as_pg env PGPASSWORD="$(cat "$src/superuser.pw")" "$BIN/pg_basebackup" -h "$src/run" -U postgres \
		-D "$srv/pgdata" -R -X stream -c fast >"$dir/basebackup.log" 2>&1 ||
		{ cat "$dir/basebackup.log" >&2; die "pg_basebackup from $src failed"; }
	# the copy's settings name SRC's socket: later lines win
	echo "unix_socket_directories = '$srv/run'" | as_pg tee -a "$srv/pgdata/postgresql.auto.conf" >/dev/null
	as_pg rm -f "$srv/pgdata/postmaster.opts"
	cmd_start "$dir"
}

cmd_crash() {
	dir=$(absdir "$1")
	as_pg "$BIN/pg_ctl" -D "$(srvdir "$dir")/pgdata" -m immediate -w -s stop
}

cmd_promote() {
	dir=$(absdir "$1")
	as_pg "$BIN/pg_ctl" -D "$(srvdir "$dir")/pgdata" -w -t 60 -s promote
}

[ $# -ge 2 ] || die "usage: pgcluster.sh init|start|stop|status|destroy|psql|standby|promote|crash DIR ..."
cmd=$1
shift
case "$cmd" in
init) cmd_init "$@" ;;
start) cmd_start "$1" ;;
stop) cmd_stop "$1" ;;
status) cmd_status "$1" ;;
destroy) cmd_destroy "$1" ;;
psql) cmd_psql "$@" ;;
standby) cmd_standby "$1" "${2:?usage: pgcluster.sh standby SRC DIR}" ;;
promote) cmd_promote "$1" ;;
crash) cmd_crash "$1" ;;
*) die "unknown command: $cmd" ;;
esac
