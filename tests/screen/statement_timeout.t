#!/bin/bash
# The console's statements have a time limit (db.statement_timeout): behind a
# table locked by someone else, a search gives up with a message instead of
# hanging the desk, and the console stays usable.
. "$(dirname "$0")/../lib/screen.sh"

DB=$(test_db) || { fail "a copy of the test warehouse"; done_testing; exit; }
printf 'db: { statement_timeout = 800; };\n' >"$SCRATCH/limit.conf"
scr_start 100 30 "$SMCON" -C "$SCRATCH/limit.conf" -d "host=$SMCON_TEST_PG/run dbname=$DB"
scr_login demo_clerk_lx
scr_wait "主菜单"
scr_keys 1
await "查找：" "the search screen"
# someone holds the entity table for 30 seconds
psql_su -d "$DB" -c "BEGIN; LOCK TABLE core.entity IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(30); COMMIT;" \
	>/dev/null 2>&1 &
locker=$!
at_exit "kill $locker"
locked() {
	[ "$(psql_su -d "$DB" -Atc "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
	                           WHERE c.relname = 'entity' AND l.mode = 'AccessExclusiveLock' AND l.granted")" = 1 ]
}
wait_until 10 locked
is "$?" 0 "another session holds the entity table"
scr_type "红豆"
await "操作已取消" "the search behind the lock gives up after the statement time limit"
contains "$(scr_capture)" "超过了语句的时间限制" "  ... and says it was the time limit"
unlike "$(scr_capture)" "statement timeout" "  ... in Chinese, not the server's English"
scr_keys F10
await "<<exited>>" "the console is still responsive and quits"
done_testing
