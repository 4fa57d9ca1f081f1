#!/bin/bash
# Issue 10, item 1: once `smcon user suspend` has returned, no session of
# that account reads anything — neither one open before (psql \watch) nor
# one of two psql loops reconnecting as fast as they can through the
# suspension. Each read records the server's clock; none may come after the
# moment the command returned.
. "$(dirname "$0")/../lib/env.sh"

db=$(test_db)
u=susp_$RANDOM
pw=Suspend2026x
at_exit "sh '$ROOT/mk/pgcluster.sh' psql '$SMCON_TEST_PG' -d postgres -c 'DROP ROLE IF EXISTS $u'"
printf '%s\n' "$pw" | PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db" \
	user add "$u" --name 苏庭 --employee-no LX0777 --org LX --roles clerk >/dev/null 2>&1
is "$?" 0 "a fresh account"

read_sql="SELECT extract(epoch FROM clock_timestamp())::numeric(20,6), count(*) FROM core.org_unit"
loop() {
	while [ ! -e "$SCRATCH/stop" ]; do
		PGPASSWORD=$pw PGCONNECT_TIMEOUT=5 psql -X -At -F ' ' -h "$SMCON_TEST_PG/run" -U "$u" -d "$db" \
			-c "$read_sql" >>"$SCRATCH/reads.$1" 2>/dev/null
		echo >>"$SCRATCH/tries.$1"
	done
}
tries() { cat "$SCRATCH"/tries.* 2>/dev/null | wc -l; }
loop 1 &
p1=$!
loop 2 &
p2=$!
# an open session reading every 20 ms
(echo "$read_sql \\watch 0.02" | PGPASSWORD=$pw psql -X -At -F ' ' -h "$SMCON_TEST_PG/run" -U "$u" -d "$db" \
	>"$SCRATCH/reads.watch" 2>/dev/null) &
p3=$!
at_exit "touch '$SCRATCH/stop'; kill $p1 $p2 $p3"
reading() { [ "$(tries)" -ge 10 ] && [ -s "$SCRATCH/reads.1" ] && [ -s "$SCRATCH/reads.watch" ]; }
wait_until 20 reading
is "$(reading && echo yes)" yes "before: the loops and the open session read"

run_db "$db" demo_admin user suspend "$u"
returned=$(psql_su -At -d "$db" -c "SELECT extract(epoch FROM clock_timestamp())::numeric(20,6)")
is "$rc" 0 "user suspend returns"
after=$(tries)
more() { [ "$(tries)" -ge $((after + 40)) ]; }
wait_until 30 more
touch "$SCRATCH/stop"
wait $p1 $p2 2>/dev/null
is "$(more && echo yes)" yes "the loops tried at least 40 more logins after it returned"
late=$(cat "$SCRATCH"/reads.* | awk -v t="$returned" '$1 > t' | wc -l)
is "$late" 0 "no read of that account after user suspend returned"
is "$(psql_su -At -d "$db" -c "SELECT count(*) FROM pg_stat_activity WHERE usename = '$u'")" 0 \
	"  ... and no session of it is left"
is "$(psql_su -At -d "$db" -c "SELECT s.status || ' ' || r.rolcanlogin FROM core.staff s JOIN pg_roles r ON r.rolname = s.login WHERE s.login = '$u'")" \
	"suspended false" "the account is suspended"
like "$(PGPASSWORD=$pw psql -X -At -h "$SMCON_TEST_PG/run" -U "$u" -d "$db" -c 'SELECT 1' 2>&1)" \
	"not permitted to log in" "  ... and refused"
done_testing
