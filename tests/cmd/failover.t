#!/bin/bash
# Failover: db.conninfo names a primary and its standby; after the primary
# dies and the standby is promoted, a running script carries on against the
# new primary. Reports read from the standby (db.report_conninfo), and
# their runs are recorded on the primary.
. "$(dirname "$0")/../lib/env.sh"
. "$(dirname "$0")/../lib/standby.sh"

if ! standby_pair 2>"$SCRATCH/pair.err"; then
	fail "a primary and a streaming standby start"
	diag "$(cat "$SCRATCH/pair.err")"
	done_testing
	exit 1
fi
pass "a primary and a streaming standby start"
is "$(pgc psql "$STANDBY" -At -d postgres -c 'SELECT pg_is_in_recovery()')" t "  ... the standby is in recovery"

standby_conf "$SCRATCH/ha.conf" "host=$STANDBY/run dbname=smcon"
servers() { run demo_clerk_lx -C "$SCRATCH/ha.conf" db servers --format csv; }
servers
is "$rc" 0 "db servers runs against the pair"
like "$out" "^primary,$PRIMARY/run:[0-9]+,f," "  ... writes go to the primary, found among the two hosts"
like "$out" "^reports,$STANDBY/run:[0-9]+,t," "  ... reports read from the standby"
# a run on the standby, which keeps no audit log, is recorded on the primary
standby_runs() { pgc psql "$PRIMARY" -At -d smcon -c "SELECT count(*) FROM audit.log WHERE actor = 'demo_supervisor' AND detail ->> 'op' = 'report_run' AND detail ->> 'server' = 'standby' AND detail ->> 'key' = 'complaint'"; }
run demo_supervisor -C "$SCRATCH/ha.conf" report run complaint --period 2026-10 --format csv
is "$rc" 0 "a report runs on the standby"
wait_until 10 eval '[ "$(standby_runs)" -ge 1 ]'
is "$(standby_runs)" 1 "  ... and the run is in the primary's audit log, marked as run on the standby"

standby_conf "$SCRATCH/nostandby.conf" "host=$SCRATCH/nowhere dbname=smcon connect_timeout=2"
run demo_clerk_lx -C "$SCRATCH/nostandby.conf" db servers --format csv
is "$rc" 0 "a report server that does not answer is no failure"
like "$out" "^reports,$PRIMARY/run:[0-9]+,f," "  ... reports fall back to the primary"
contains "$err" "报表服务器" "  ... and the operator is told why"

# A script fed line by line, as an admin's job would be: the primary dies
# between two lines and the standby is promoted.
mkfifo "$SCRATCH/in"
PGUSER=demo_clerk_lx PGPASSWORD=demo "$SMCON" -C "$SCRATCH/ha.conf" -f - <"$SCRATCH/in" \
	>"$SCRATCH/out" 2>"$SCRATCH/err" &
pid=$!
exec 3>"$SCRATCH/in"
echo "db servers --format csv" >&3
wait_until 20 grep -q '^primary,' "$SCRATCH/out"
like "$(cat "$SCRATCH/out")" "^primary,$PRIMARY/run" "the script's first line ran on the primary"
wait_until 20 standby_caught_up
pgc crash "$PRIMARY"
pgc promote "$STANDBY"
echo "whoami --format csv" >&3
echo "db servers --format csv" >&3
exec 3>&-
wait "$pid"
is "$?" 0 "the script carries on after the failover and exits 0"
like "$(cat "$SCRATCH/out")" "^demo_clerk_lx," "  ... the line after the failover ran"
like "$(cat "$SCRATCH/out")" "^primary,$STANDBY/run:[0-9]+,f," "  ... on the promoted standby, now the primary"
is "$(grep -c '^primary,' "$SCRATCH/out")" 2 "  ... every line ran once"
unlike "$(cat "$SCRATCH/err")" "中断|lost" "  ... and no line failed for the lost connection"
done_testing
