#!/bin/bash
# The live audit list: two consoles of the real binary show an entry the
# database writes, without a key press (the audit log NOTIFYs smcon_audit,
# migration 0091); the new row stands out until selected and the selection
# stays on its entry; the LISTEN survives a killed backend.
. "$(dirname "$0")/../lib/screen.sh"

db=$(test_db) || { fail "a copy of the test warehouse"; done_testing; exit; }
is "$(psql_su -At -d "$db" -c "SELECT count(*) FROM pg_trigger WHERE tgname = 'log_notify'")" 1 \
	"the audit log has its notify trigger"
tag() { psql_su -q -d "$db" -c "INSERT INTO core.tag (code, name, category) VALUES ('$1', '实时$1', '测试')"; }

# rows: the id column; esc ID: the colour escapes on the row of entry ID
rows() { scr_capture | grep -E '^ +[0-9]+ 20' | awk '{print $1}'; }
E=$'\e'
isnt_same() { [ "$1" != "$2" ]; }
esc() { scr_capture_e | grep -E "^($E\[[0-9;]*m| )*$1 20" | grep -oE "$E\[[0-9;]*m" | sort -u | tr -d '\n'; }
# listed: the list has loaded (the title shows before the rows come)
listed() { scr_until "the audit rows" 10 eval '[ "$(rows | wc -l)" -ge 3 ]'; }

# console B: a second admin console on the audit screen (started first: scr_start
# replaces the current tmux server, so B's socket is put aside)
scr_start 100 30 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db"
scr_login demo_admin
await "主菜单" "console B logs in"
scr_keys 8
await "审计" "  ... and opens the audit list"
listed
B=$_scr_sock
_scr_sock=none-yet
scr_start 100 30 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db"
A=$_scr_sock
scr_login demo_admin
await "主菜单" "console A logs in"
scr_keys 8
await "审计" "  ... and opens the audit list"
listed
scr_keys Down
# the selection on the second row before its colours are read
scr_until "the selection to move" 5 eval '[ -n "$(esc "$(rows | sed -n 2p)")" ] && [ "$(esc "$(rows | sed -n 2p)")" != "$(esc "$(rows | sed -n 3p)")" ]'
sel_id=$(rows | sed -n 2p)
sel_esc=$(esc "$sel_id")
isnt_same "$sel_esc" ""
is $? 0 "the rows' colours can be read"
other_esc=$(esc "$(rows | sed -n 3p)")
tag live_one
await "live_one" "A shows the new entry without a key press"
new_id=$(rows | head -1)
contains "$(scr_capture | grep -E "^ +$new_id 20")" "core.tag" "  ... on top, newest first"
is "$(rows | sed -n 3p)" "$sel_id" "  ... the entry selected before is one row lower"
is "$(esc "$sel_id")" "$sel_esc" "  ... and still the selected one (kept by key, not by index)"
fresh_esc=$(esc "$new_id")
isnt_same "$fresh_esc" "$other_esc"
is $? 0 "  ... the new row stands out"
scr_keys Home Down
cleared() { local e=$(esc "$new_id"); [ -n "$e" ] && [ "$e" != "$fresh_esc" ] && [ "$e" != "$sel_esc" ]; }
wait_until 5 cleared
is $? 0 "  ... until it was selected once"
_scr_sock=$B
await "live_one" "B shows it too"
_scr_sock=$A

# LISTEN survives a reconnect: kill A's and B's backends
psql_su -q -d "$db" -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                         WHERE datname = '$db' AND usename = 'demo_admin'" >/dev/null
await "已重新连接数据库" "A reconnects after its backend was killed"
listening() {
	[ "$(psql_su -At -d "$db" -c "SELECT count(*) FROM pg_stat_activity WHERE datname = '$db'
	      AND usename = 'demo_admin' AND backend_type = 'client backend'")" -ge 1 ]
}
wait_until 10 listening
tag live_two
await "live_two" "  ... and still shows new entries live (its LISTEN was issued again)"
_scr_sock=$B
await "live_two" "B too"
_scr_sock=$A
scr_keys F10
await "<<exited>>" "A quits"
done_testing
