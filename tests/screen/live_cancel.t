#!/bin/bash
# The app-owned connection: a query stuck behind someone else's lock is
# cancelled without blocking the console (Esc answers at once, the server
# stops the statement), the connection is free again afterwards, and a new
# search text clears the "/" narrowing of the previous search (issue 16).
. "$(dirname "$0")/../lib/screen.sh"

DB=$(test_db empty) || { fail "an empty copy of the test warehouse"; done_testing; exit; }
psql_su -d "$DB" -q -1 -v ON_ERROR_STOP=1 -f "$ROOT/tests/data/entity-fixtures.sql" >/dev/null
is "$?" 0 "the entity fixtures load"
scr_start 100 30 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$DB"
scr_login demo_clerk_lx
scr_wait "主菜单"
scr_keys 1
await "查找：" "the search screen"
psql_su -d "$DB" -c "BEGIN; LOCK TABLE core.entity IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(60); COMMIT;" \
	>/dev/null 2>&1 &
locker=$!
at_exit "kill $locker 2>/dev/null"
waiting() {
	[ "$(psql_su -d "$DB" -Atc "SELECT count(*) FROM pg_stat_activity
	      WHERE datname = '$DB' AND usename = 'demo_clerk_lx' AND wait_event_type = 'Lock'")" = "$1" ]
}
locked() {
	[ "$(psql_su -d "$DB" -Atc "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
	                           WHERE c.relname = 'entity' AND l.mode = 'AccessExclusiveLock' AND l.granted")" = 1 ]
}
wait_until 10 locked
is "$?" 0 "another session holds the entity table"
scr_type "红豆"
wait_until 10 waiting 1
is "$?" 0 "the search waits behind the lock" ||
	diag "$(psql_su -d "$DB" -Atc "SELECT usename, state, wait_event_type, query FROM pg_stat_activity WHERE datname = '$DB'")"

scr_keys Escape
scr_until "the menu at once" 3 _scr_shows "主菜单"
is "$?" 0 "Esc leaves the screen at once (the cancel does not wait for the server)"
wait_until 10 waiting 0
is "$?" 0 "  ... and the server stopped the statement" ||
	diag "$(psql_su -d "$DB" -Atc "SELECT usename, state, wait_event_type, query FROM pg_stat_activity WHERE datname = '$DB'")"

kill "$locker" 2>/dev/null
psql_su -d "$DB" -qc "SELECT pg_cancel_backend(pid) FROM pg_stat_activity
                      WHERE datname = '$DB' AND query LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid()" >/dev/null
scr_keys 1
await "查找：" "the search opens again"
scr_type "红豆"
await "梁溪区陈记红豆面馆" "  ... and searches: the connection is free"
scr_keys Down /
scr_type "面馆"
scr_keys Enter
await "结果中查找：面馆" "/ narrows the results"
scr_keys Tab
scr_keys C-u
scr_type "无锡红豆纺织"
await "无锡红豆纺织科技有限公司" "a new search text finds its entity"
unlike "$(scr_capture)" "结果中查找：面馆" "  ... with the narrowing of the old search gone"
scr_keys F10
await "<<exited>>" "the console quits"
done_testing
