#!/bin/bash
# Live screens (make bench): median and p99 of
#   - a notification's way from one session to another console: NOTIFY
#     committed -> read on the listening connection (its socket polled as the
#     event loop does) -> the audit list's refresh query has its rows (as
#     demo_admin; the target the desks need is p99 < 50 ms);
#   - the redraw of a 50-row live list, one row changed by a notification
#     (sync, layout with cached widths, draw, curses refresh; target < 5 ms).
set -u
root=${SMCON_ROOT:?run through bench/run}
tools="$root/${BUILD:-build}/tests/tools"
make -s -C "$root" tests >/dev/null || exit 1

# stats LABEL COLUMN: median and p99 of a column of numbers on stdin
stats() {
	awk -v label="$1" -v col="$2" '$col >= 0 {a[++n] = $col}
		END {
			if (!n) { print label ": no data"; exit }
			asort(a)
			printf "%s: median %.2f ms, p99 %.2f ms (%d rounds)\n", label, a[int((n + 1) / 2)], a[int(n * 0.99) > 0 ? int(n * 0.99) : 1], n
		}'
}

rounds=${LIVE_ROUNDS:-1000}
out=$(mktemp)
"$tools/livebench" notify "host=$PGHOST dbname=$PGDATABASE user=demo_admin password=demo" "$rounds" >"$out" || {
	rm -f "$out"
	exit 1
}
stats "NOTIFY -> read by the other console" 1 <"$out"
stats "NOTIFY -> the audit list's refresh rows arrived" 2 <"$out"
"$tools/livebench" draw "$rounds" | stats "redraw of a 50-row live list" 1
rm -f "$out"
