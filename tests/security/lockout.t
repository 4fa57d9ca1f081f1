#!/bin/bash
# Issue 10, items 2 and 3: the failed-login lock-out (src/pgext/smcon_auth.c)
# cannot be turned against anyone for good, and gives nothing away.
#  - logins naming a database that does not exist, or `postgres`, are not
#    counted and say nothing about the password;
#  - a locked account answers the right and a wrong password alike, and
#    those tries are counted;
#  - spraying failed logins of other accounts does not push a count out;
#  - every lock-out is audited and undone by `user resume`;
#  - the last admin locked out comes back through the owner's break-glass
#    function, audited.
. "$(dirname "$0")/../lib/env.sh"

db=$(test_db)
is "$(psql_su -At -d "$db" -c "SHOW smcon_auth.max_failures")" 5 "the lock-out module is loaded, limit 5"
u=lo_$RANDOM
pw=Lockout2026x
at_exit "sh '$ROOT/mk/pgcluster.sh' psql '$SMCON_TEST_PG' -d postgres -c 'DROP ROLE IF EXISTS $u'"
add_user() {
	printf '%s\n' "$pw" | PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db" \
		user add "$1" --name 罗锁 --employee-no "$2" --org LX --roles "${3:-clerk}" >/dev/null 2>&1
}
add_user "$u" LX0881
is "$?" 0 "a fresh account"
login() { PGPASSWORD=$1 psql -X -At -h "$SMCON_TEST_PG/run" -U "${3:-$u}" -d "${2:-$db}" -c "SELECT 1" 2>&1; }
state() { psql_su -At -d "$db" -c "SELECT s.status || ' ' || r.rolcanlogin FROM core.staff s JOIN pg_roles r ON r.rolname = s.login WHERE s.login = '${1:-$u}'"; }

# item 2: other databases
for i in 1 2 3 4 5 6; do
	out=$(login wrong$i no_such_db_$i)
done
like "$out" 'database "no_such_db_6" does not exist' "a database that does not exist: a wrong password says only that"
like "$(login "$pw" no_such_db_7)" 'database "no_such_db_7" does not exist' "  ... and so does the right one"
for i in 1 2 3 4 5 6; do out=$(login wrong$i postgres); done
like "$out" "pg_hba.conf" "the maintenance database turns operators away before any password"
is "$(state)" "active true" "  ... none of those twelve counted: the account is untouched"
is "$(login "$pw")" 1 "  ... and logs in"

# item 3: the answer of a locked account
for i in 1 2 3 4; do login wrong >/dev/null; done
like "$(login wrong5)" "not permitted to log in" "the fifth wrong password locks the account"
wait_until 10 test "$(state)" = "suspended false"
is "$(state)" "suspended false" "  ... suspended, the role NOLOGIN"
a=$(login wrong6)
b=$(login "$pw")
is "$a" "$b" "a locked account answers a wrong and the right password alike"
like "$a" "not permitted to log in" "  ... not permitted to log in"
log=$(cat "$SMCON_TEST_PG/run/postgres.log")
like "$log" "smcon_auth: locked account, wrong password" "the tries of a locked account are counted (server log)"
is "$(psql_su -At -d "$db" -c "SELECT count(*) FROM audit.log WHERE action = 'lockout' AND row_key ->> 'login' = '$u'")" 1 \
	"the lock-out is audited"
run_db "$db" demo_admin user resume "$u"
is "$rc" 0 "user resume undoes it"
is "$(login "$pw")" 1 "  ... the account logs in again"

# item 3: no slot is pushed out by spraying other accounts' failures
for i in 1 2 3 4; do login wrong >/dev/null; done
psql_su -d "$db" -q -c "DO \$\$ BEGIN FOR i IN 1..140 LOOP
	EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE smcon_clerk', 'spray_${u}_' || i, 'Spray2026x');
END LOOP; END \$\$" >/dev/null
at_exit "sh '$ROOT/mk/pgcluster.sh' psql '$SMCON_TEST_PG' -d postgres -c \"DO \\\$\\\$ BEGIN FOR i IN 1..140 LOOP EXECUTE format('DROP ROLE IF EXISTS %I', 'spray_${u}_' || i); END LOOP; END \\\$\\\$\""
for i in $(seq 140); do login wrong "$db" "spray_${u}_$i" >/dev/null; done
like "$(login wrong)" "not permitted to log in" "after 140 other accounts failed once each, the fifth failure still locks"
wait_until 10 test "$(state)" = "suspended false"
run_db "$db" demo_admin user resume "$u"
is "$rc" 0 "  ... and user resume undoes it"

# item 3: counts kept across a restart (the state file in the data directory)
for i in 1 2 3; do login wrong >/dev/null; done
saved=$(od -An -tx4 -N8 "$SMCON_TEST_PG/pgdata/smcon_auth.state" 2>/dev/null | awk '{print $1}')
is "$saved" "534d4132" "the counts are written to pgdata/smcon_auth.state at once"

# item 2: the last admin, locked out, and the owner's break-glass path
a=adm_$RANDOM
at_exit "sh '$ROOT/mk/pgcluster.sh' psql '$SMCON_TEST_PG' -d postgres -c 'DROP ROLE IF EXISTS $a'"
add_user "$a" WX0881 admin
for i in 1 2 3 4 5; do login wrong "$db" "$a" >/dev/null; done
wait_until 10 test "$(state "$a")" = "suspended false"
is "$(state "$a")" "suspended false" "an admin locked out by five wrong passwords"
out=$(PGPASSWORD=$(owner_pw) psql -X -At -h "$SMCON_TEST_PG/run" -U smcon_owner -d "$db" \
	-c "SELECT core.break_glass_resume('$a', '唯一管理员被锁定，值班长电话确认')" 2>&1)
is "$?" 0 "the owner resumes it with core.break_glass_resume"
is "$(login "$pw" "$db" "$a")" 1 "  ... and it logs in"
is "$(psql_su -At -d "$db" -c "SELECT actor || ' ' || (detail ->> 'op') FROM audit.log WHERE row_key ->> 'login' = '$a' AND detail ->> 'op' = 'break_glass_resume'")" \
	"smcon_owner break_glass_resume" "  ... audited, with the reason"
like "$(login demo "$db" demo_admin >/dev/null; DB=$db psql_as demo_admin -c "SELECT core.break_glass_resume('$a', 'x')" 2>&1)" \
	"permission denied" "an admin cannot call the break-glass function"
done_testing
