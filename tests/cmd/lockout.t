#!/bin/bash
# Failed-login lock-out (the smcon_auth server module): after
# smcon_auth.max_failures consecutive wrong passwords an operator's account
# is suspended, whatever the client — psql here — and stays so, right
# password or not, until an admin resumes it. A success in between resets the
# count; roles that are not staff are not counted.
. "$(dirname "$0")/../lib/env.sh"

db=$(test_db)
limit=$(psql_su -At -d "$db" -c "SHOW smcon_auth.max_failures" 2>/dev/null)
is "$limit" 5 "the server has the lock-out module, with a limit of 5"
u=lock_$RANDOM
at_exit "sh '$ROOT/mk/pgcluster.sh' psql '$SMCON_TEST_PG' -d postgres -c 'DROP ROLE IF EXISTS $u'"
printf 'Zhongqiu2026\n' | PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db" \
	user add "$u" --name 钱多多 --employee-no LX0555 --org LX --roles clerk >/dev/null 2>&1
is "$?" 0 "a fresh account"

login() { PASSWORD=$1 DB=$db psql_as "$u" -c "SELECT 1" 2>&1; }
for i in 1 2 3 4; do login wrong >/dev/null; done
is "$(login Zhongqiu2026)" 1 "four wrong passwords, then the right one: in"
for i in 1 2 3 4; do
	like "$(login wrong$i)" "password authentication failed" "wrong password $i of 5 is just wrong"
done
like "$(login wrong5)" "not permitted to log in" "the fifth in a row suspends the account"
like "$(login Zhongqiu2026)" "not permitted to log in" "  ... and the right password no longer lets it in"
status=""
for i in $(seq 50); do
	status=$(psql_su -At -d "$db" -c "SELECT s.status || ' ' || r.rolcanlogin FROM core.staff s JOIN pg_roles r ON r.rolname = s.login WHERE s.login = '$u'")
	[ "$status" = "suspended false" ] && break
	sleep 0.1
done
is "$status" "suspended false" "the staff record is suspended and the role may not log in"
is "$(psql_su -At -d "$db" -c "SELECT actor || ' ' || (detail ->> 'failures') FROM audit.log WHERE action = 'lockout' AND row_key ->> 'login' = '$u'")" \
	"smcon_owner 5" "the lock-out is in the audit log"
out=$(PGUSER=$u PGPASSWORD=Zhongqiu2026 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db" whoami 2>&1)
is "$?" 3 "the console refuses it too (exit 3)"
contains "$out" "账号 $u 已被停用，不能登录" "  ... saying the account is suspended"

run_db "$db" demo_admin user resume "$u"
is "$rc" 0 "an admin resumes it"
is "$(login Zhongqiu2026)" 1 "  ... and it logs in again"
for i in 1 2 3 4; do login wrong >/dev/null; done
is "$(login Zhongqiu2026)" 1 "  ... with a fresh count"

for i in 1 2 3 4 5 6; do PGPASSWORD=wrong psql -X -h "$SMCON_TEST_PG/run" -U smcon_owner -d "$db" -c 'SELECT 1' >/dev/null 2>&1; done
is "$(PGPASSWORD=$(owner_pw) psql -X -At -h "$SMCON_TEST_PG/run" -U smcon_owner -d "$db" -c 'SELECT 1' 2>&1)" 1 \
	"the warehouse owner is not a staff account and is never locked out"
done_testing
