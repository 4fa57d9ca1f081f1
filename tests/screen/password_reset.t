#!/bin/bash
# An administrator resets the password of an operator whose console is open:
# the console does not retry the old password (five failures would suspend
# the account); it asks for the password on the lock screen and carries on
# with the new one, the screen underneath as it was.
. "$(dirname "$0")/../lib/screen.sh"

DB=$(test_db) || { fail "a copy of the test warehouse"; done_testing; exit; }
# an account of its own: roles are the cluster's, and other tests log in at the same time
u=reset_$RANDOM
at_exit "sh '$ROOT/mk/pgcluster.sh' psql '$SMCON_TEST_PG' -d postgres -c 'DROP ROLE IF EXISTS $u'"
printf 'Admin-set-2026\n' | PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$DB" \
	user add "$u" --name 钱多多 --employee-no LX0556 --org LX --roles clerk >/dev/null 2>&1
is "$?" 0 "a fresh account"
# the admin's first password is changed at once (as the console would ask)
printf 'Jiu-mima-2026\n' | PGUSER=$u PGPASSWORD=Admin-set-2026 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$DB" \
	password >/dev/null 2>&1
log="$SMCON_TEST_PG/run/postgres.log"
refused() { grep -c "password authentication failed for user \"$u\"" "$log"; }
before=$(refused)
scr_start 100 30 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$DB"
scr_login "$u" Jiu-mima-2026
scr_wait "主菜单"
scr_keys 1
await "查找：" "a clerk at the search screen"
scr_type "红豆"
scr_wait "条"
psql_su -d postgres -qc "ALTER ROLE $u PASSWORD 'Xin-mima-2026'"
psql_su -d postgres -qc "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '$u'" >/dev/null
await "控制台已锁定" "after the reset the console asks for the password on the lock screen"
contains "$(scr_capture)" "数据库拒绝了本次登录时的密码" "  ... saying the database refused the old one"
is "$(($(refused) - before))" 1 "  ... after one refused try, not retrying it"
scr_type "Xin-mima-2026"
scr_keys Enter
await "查找： 红豆" "the new password unlocks, back on the search as it was"
await "已重新连接数据库" "  ... reconnected with it"
scr_keys C-u
scr_type "纺织"
await "纺织" "  ... and the search works"
is "$(($(refused) - before))" 1 "the account saw one refused password in all"
is "$(psql_su -d postgres -Atc "SELECT rolcanlogin FROM pg_roles WHERE rolname = '$u'")" t \
	"  ... and is not suspended"
scr_keys F10
scr_wait "<<exited>>"
done_testing
