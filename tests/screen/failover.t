#!/bin/bash
# Failover in the console: db.conninfo names a primary and its streaming
# standby; the primary dies, the loss shows within 5 s, the standby is
# promoted, and the console carries on against it on the same screen with
# what the operator typed, including what was typed while it was cut off.
. "$(dirname "$0")/../lib/screen.sh"
. "$(dirname "$0")/../lib/standby.sh"

if ! standby_pair 2>"$SCRATCH/pair.err"; then
	fail "a primary and a streaming standby start"
	diag "$(cat "$SCRATCH/pair.err")"
	done_testing
	exit 1
fi
standby_conf "$SCRATCH/ha.conf"
code_re='9[123]3202[0-9]{2}[0-9A-Z]{10}'
codes() { scr_capture | grep -cE "$code_re"; }
has_codes() { [ "$(codes)" -gt 0 ]; }

scr_start 80 24 "$SMCON" -C "$SCRATCH/ha.conf"
scr_login demo_clerk_lx
await "主菜单" "the console logs in through a two-host connection string"
is "$(pgc psql "$PRIMARY" -At -d postgres -c "SELECT count(*) FROM pg_stat_activity WHERE usename = 'demo_clerk_lx'")" 1 \
	"  ... to the primary"
scr_keys 1
scr_wait "查找："
scr_type "无锡"
scr_until "search results" 10 has_codes
_tap_result $? "a search shows results"

wait_until 20 standby_caught_up
pgc crash "$PRIMARY"
scr_wait "连接中断" 5
_tap_result $? "the primary's crash shows as 连接中断 within 5 s"
scr_type "市"
scr_wait "查找： 无锡市" 5
_tap_result $? "  ... and typing goes on while the console is cut off"

pgc promote "$STANDBY"
scr_wait "已重新连接数据库" 20
_tap_result $? "once the standby is promoted, the console reconnects by itself"
contains "$(scr_capture | tail -1)" "已连接" "  ... the status bar says connected"
contains "$(scr_capture)" "查找： 无锡市" "  ... on the same screen, with everything typed"
scr_until "search results after the failover" 10 has_codes
_tap_result $? "  ... and the search typed while cut off runs on the new primary"
is "$(pgc psql "$STANDBY" -At -d postgres -c "SELECT count(*) FROM pg_stat_activity WHERE usename = 'demo_clerk_lx'")" 1 \
	"  ... which holds the console's one session"
done_testing
