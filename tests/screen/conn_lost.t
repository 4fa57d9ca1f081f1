#!/bin/bash
# A desk whose network drops: the console reaches the server over TCP, the
# network goes silent (no reset, no answer: a half-open connection), and the
# status line says 连接中断 within 5 s thanks to the keepalives; when the
# network is back, the console reconnects on its own. The TCP hop is a relay
# in a network namespace of the test's own, whose loopback is switched off.
. "$(dirname "$0")/../lib/screen.sh"

if [ "$(id -u)" -ne 0 ] || ! command -v unshare >/dev/null || ! command -v nsenter >/dev/null ||
	! command -v ip >/dev/null || ! unshare -n true 2>/dev/null; then
	echo "1..0 # SKIP needs root, unshare, nsenter and ip (a network namespace)"
	exit 0
fi

# The namespace lives as long as its first process.
unshare -n tail -f /dev/null &
holder=$!
at_exit "kill $holder"
wait_until 5 test "$(readlink /proc/$holder/ns/net)" != "$(readlink /proc/self/ns/net)"
NS=(nsenter "--net=/proc/$holder/ns/net")
"${NS[@]}" ip link set lo up
port=5432
"${NS[@]}" "$TOOLS/tcprelay" $port "$SMCON_TEST_PG/run/.s.PGSQL.5432" >"$SCRATCH/relay.out" 2>&1 &
relay=$!
at_exit "kill $relay"
wait_until 5 grep -q ready "$SCRATCH/relay.out"
is "$(cat "$SCRATCH/relay.out")" ready "a TCP relay to the server runs in a namespace of its own"

scr_start 100 24 "${NS[@]}" "$SMCON" -d "host=127.0.0.1 port=$port dbname=smcon connect_timeout=2"
scr_login demo_clerk_lx
await "主菜单" "the console logs in over TCP"
scr_keys 5
await "检索条文：" "a screen is open"

"${NS[@]}" ip link set lo down
start=$(date +%s%N)
scr_wait "连接中断" 6
_tap_result $? "the network goes silent: the status line shows 连接中断"
ms=$((($(date +%s%N) - start) / 1000000))
[ "$ms" -le 5000 ]
_tap_result $? "  ... within 5 s (after $ms ms)"
contains "$(scr_capture)" "检索条文：" "  ... on the same screen"

"${NS[@]}" ip link set lo up
scr_wait "已重新连接数据库" 15
_tap_result $? "the network is back: the console reconnects by itself"
contains "$(scr_capture | tail -1)" "已连接" "  ... and the status bar says connected"
done_testing
