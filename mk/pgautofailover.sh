#!/bin/sh
# pg_auto_failover (Debian: postgresql-15-auto-failover, pg-auto-failover-cli)
# on one machine, for the test of the admin guide's recipe: a monitor and two
# nodes on localhost ports BASE, BASE+1, BASE+2, trust authentication (a test
# only: the guide uses scram-sha-256 and TLS).
#
#   pgautofailover.sh up DIR BASE     monitor + primary + secondary, waits until both run
#   pgautofailover.sh uri DIR         the formation's multi-host URI (read-write)
#   pgautofailover.sh kill DIR NODE   node 1 or 2 dies: its keeper and its server, at once
#   pgautofailover.sh down DIR        stops everything under DIR
set -eu
die() { echo "pgautofailover: $*" >&2; exit 1; }
command -v pg_autoctl >/dev/null 2>&1 || die "pg_autoctl is not installed (apt-get install pg-auto-failover-cli postgresql-15-auto-failover)"
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r | head -1)
RUNUSER=""
[ "$(id -u)" -eq 0 ] && RUNUSER=postgres
# pg_autoctl keeps its state under XDG_CONFIG_HOME and XDG_DATA_HOME: DIR's own
as_pg() {
	set -- env PATH="$BIN:$PATH" XDG_CONFIG_HOME="$DIR/xdg/config" XDG_DATA_HOME="$DIR/xdg/data" "$@"
	if [ -n "$RUNUSER" ]; then (cd / && runuser -u "$RUNUSER" -- "$@"); else "$@"; fi
}
ctl() { as_pg pg_autoctl "$@"; }

# state DIR: "node_1 primary" lines from the monitor
state() {
	ctl show state --pgdata "$1/monitor" 2>/dev/null | awk -F'|' 'NR > 2 { gsub(/ /, ""); print $1, $6 }'
}

wait_for() { # SECONDS COMMAND...
	_limit=$(($1 * 2))
	shift
	_tries=0
	until "$@"; do
		_tries=$((_tries + 1))
		[ $_tries -lt $_limit ] || return 1
		sleep 0.5
	done
}

cmd_up() {
	dir=$DIR
	base=$2
	chmod 755 "$dir"
	[ -n "$RUNUSER" ] && chown "$RUNUSER" "$dir"
	as_pg mkdir -p "$dir/xdg/config" "$dir/xdg/data"
	ctl create monitor --pgdata "$dir/monitor" --pgport "$base" --hostname localhost --auth trust \
		--no-ssl >"$dir/create-monitor.log" 2>&1 || { cat "$dir/create-monitor.log" >&2; die "no monitor"; }
	as_pg sh -c "nohup pg_autoctl run --pgdata '$dir/monitor' >'$dir/monitor.log' 2>&1 &"
	mon="postgres://autoctl_node@localhost:$base/pg_auto_failover?sslmode=disable"
	for n in 1 2; do
		as_pg sh -c "nohup pg_autoctl create postgres --pgdata '$dir/node$n' --pgport $((base + n)) \
			--hostname localhost --auth trust --no-ssl --monitor '$mon' --run >'$dir/node$n.log' 2>&1 &"
		want=$([ $n -eq 1 ] && echo "node_1 single" || echo "node_2 secondary")
		wait_for 120 sh -c "'$0' state '$dir' | grep -qx '$want'" ||
			{ tail -5 "$dir/node$n.log" >&2; die "node $n did not come up"; }
	done
	# a primary that dies while still waiting for its secondary is not failed over
	wait_for 120 sh -c "'$0' state '$dir' | grep -qx 'node_1 primary'" ||
		{ tail -5 "$dir/node1.log" >&2; die "node 1 did not become the primary"; }
}

cmd_kill() {
	dir=$(cd "$1" && pwd)
	pids=$(pgrep -u "${RUNUSER:-$(id -un)}" -f "pg_autoctl .*--pgdata $dir/node$2( |\$)" || true)
	for p in $pids; do kill -9 $p $(pgrep -P "$p") 2>/dev/null || true; done
	as_pg pg_ctl -D "$dir/node$2" -m immediate -w stop >/dev/null 2>&1 || true
}

cmd_down() {
	[ -d "$1" ] || return 0
	dir=$(cd "$1" && pwd)
	for d in node2 node1 monitor; do
		[ -d "$dir/$d" ] && ctl stop --pgdata "$dir/$d" >/dev/null 2>&1 || true
	done
	for d in node2 node1 monitor; do
		[ -f "$dir/$d/PG_VERSION" ] && as_pg pg_ctl -D "$dir/$d" -m immediate -w stop >/dev/null 2>&1 || true
	done
}

[ $# -ge 2 ] || die "usage: pgautofailover.sh up|uri|state|kill|down DIR ..."
mkdir -p "$2"
DIR=$(cd "$2" && pwd)
case "${1:-}" in
up) cmd_up "$2" "${3:?usage: pgautofailover.sh up DIR BASE}" ;;
uri) ctl show uri --pgdata "$(cd "$2" && pwd)/monitor" --formation default ;;
state) state "$2" ;;
kill) cmd_kill "$2" "$3" ;;
down) cmd_down "$2" ;;
*) die "usage: pgautofailover.sh up|uri|state|kill|down DIR ..." ;;
esac
