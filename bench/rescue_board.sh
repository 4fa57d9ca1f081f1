#!/bin/bash
# The 96333 board's redraw (issue 12: "the board with 50 open incidents
# redraws in under 5 ms"), measured in the real binary: smcon runs in tmux
# (200x64, every row on the screen) on the board with BENCH_BOARD_OPEN (60)
# open incidents for BENCH_BOARD_SECONDS (10), its clocks ticking every
# second and the selection moving ten times a second, with SMCON_DRAW_LOG
# set: each frame's time from erase() to refresh() (doc/smcon.1). Prints the
# median, p99 and max of the board's frames.
#
# Under bench/run (make bench): a database of its own in the bench cluster,
# board_bench, copied from rescue_bench (bench/rescue.sh's) or generated at
# 2,000 entities, dropped at the end. Alone (bash bench/rescue_board.sh): a
# throwaway cluster in a temporary directory, made as tests/run makes its
# own (mk/warehouse.sh, 2,000 entities), removed at the end.
set -u
root=${SMCON_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
bin=${SMCON_BIN:-$root/${BUILD:-build}/smcon}
secs=${BENCH_BOARD_SECONDS:-10}
want=${BENCH_BOARD_OPEN:-60}
export PGOPTIONS="-c client_min_messages=warning"
work=$(mktemp -d /tmp/smcon-board.XXXXXX)
chmod 755 "$work"
sock="smcon-board-$$"
cleanup() {
	tmux -L "$sock" kill-server >/dev/null 2>&1
	[ -n "${drop:-}" ] && super -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
	[ -n "${alone:-}" ] && sh "$root/mk/pgcluster.sh" destroy "$work/pg" >/dev/null 2>&1
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

if [ -n "${BENCH_DIR:-}" ]; then
	super() { PGUSER=postgres PGPASSWORD=$BENCH_SUPER_PW psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
	owner_pw=$BENCH_OWNER_PW
	db=board_bench
	drop=1
	super -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
	if [ -n "$(super -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'rescue_bench'")" ]; then
		super -d postgres -c "CREATE DATABASE $db TEMPLATE rescue_bench OWNER smcon_owner" || exit 1
	else
		super -d postgres -c "CREATE DATABASE $db OWNER smcon_owner" || exit 1
		PGDATABASE=$db PGUSER=smcon_owner PGPASSWORD=$owner_pw "$bin" -C /dev/null db migrate >/dev/null || exit 1
		PGDATABASE=$db PGUSER=smcon_owner PGPASSWORD=$owner_pw psql -X -q -f "$root/sql/demo/accounts.sql" >/dev/null 2>&1
		PGDATABASE=$db PGUSER=smcon_owner PGPASSWORD=$owner_pw "$bin" -C /dev/null db generate \
			--scale "${BENCH_BOARD_SCALE:-2000}" >/dev/null || exit 1
	fi
else
	alone=1
	echo "# a throwaway cluster in $work/pg (2,000 entities)"
	GENERATE_SCALE=${BENCH_BOARD_SCALE:-2000} sh "$root/mk/warehouse.sh" "$work/pg" smcon test \
		>"$work/setup.log" 2>&1 || { cat "$work/setup.log" >&2; exit 1; }
	export PGHOST="$work/pg/run"
	super() { sh "$root/mk/pgcluster.sh" psql "$work/pg" "$@"; }
	db=smcon
fi
disp() { PGUSER=demo_dispatcher PGPASSWORD=demo psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }

# Open incidents up to $want, in several states: calls taken on elevators
# without one, every second one dispatched, every third of those acknowledged.
disp -v want="$want" <<'SQL' || exit 1
SELECT greatest(:want - count(*), 0) AS need FROM api.rescue_board() \gset
CREATE TEMP TABLE todo AS
SELECT e.rescue_code, row_number() OVER (ORDER BY e.id) AS n
  FROM equipment.elevator e
 WHERE e.status = 'in_use' AND e.rescue_code IS NOT NULL AND e.maintenance_entity_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM rights.rescue_incident i WHERE i.elevator_id = e.id AND i.status = 'open')
 ORDER BY e.id LIMIT :need;
DO $$
DECLARE
	t record;
	x record;
BEGIN
	FOR t IN SELECT * FROM todo LOOP
		SELECT * INTO x FROM api.rescue_new(t.rescue_code, '13900000000', 1 + (t.n % 3)::int, false, 'bench');
		IF t.n % 2 = 0 THEN
			PERFORM api.rescue_dispatch(x.id);
			IF t.n % 3 = 0 THEN
				PERFORM api.rescue_ack(x.id);
			END IF;
		END IF;
	END LOOP;
END $$;
SQL
open=$(disp -c "SELECT count(*) FROM api.rescue_board()")

# The console on the board, as demo_dispatcher.
log="$work/draw.log"
T() { tmux -L "$sock" -f /dev/null "$@"; }
T new-session -d -x 200 -y 64 \
	"env LANG=C.UTF-8 SMCON_DRAW_LOG=$log $(printf '%q ' "$bin") -d 'host=$PGHOST dbname=$db'; sleep 600"
T set-option -g status off >/dev/null
shows() { T capture-pane -p | grep -qF -- "$1"; }
await() {
	local i
	for ((i = 0; i < 200; i++)); do
		shows "$1" && return 0
		sleep 0.05
	done
	echo "# timed out waiting for '$1'; the screen:" >&2
	T capture-pane -p | sed 's/^/#   /' >&2
	exit 1
}
await "密码"
T send-keys Up C-u && T send-keys -l demo_dispatcher && T send-keys Down C-u && T send-keys -l demo
T send-keys Enter
await "主菜单"
T send-keys 3
await "未结事件 $open 件"
: >"$log"
for ((i = 0; i < secs * 10; i++)); do
	((i % 40 < 20)) && T send-keys j || T send-keys k
	sleep 0.1
done
T send-keys F10

echo "# $open open incidents on the board (200x64), ${secs} s, the clocks ticking and the selection moving:"
awk '$1 == "rescue.board" { print $2 }' "$log" | sort -n | awk '{ v[NR] = $1 }
	END {
		if (!NR) { print "  no frames logged"; exit 1 }
		printf "  board redraw (erase to refresh)   %5d frames  median %6.2f ms  p99 %6.2f ms  max %6.2f ms\n",
			NR, v[int((NR + 1) / 2)] / 1000, v[int(NR * 0.99 + 0.999)] / 1000, v[NR] / 1000
	}'
