#!/bin/bash
# Issue 10, item 8: a read of unmasked personal data is audited even when
# the reader rolls back (begin; select ... from api.personal(...); rollback),
# and so are logins, failed logins and logouts: the smcon_auth module's
# audit worker writes them outside the caller's transaction, to the audit
# log of smcon_auth.audit_database (here the test warehouse, smcon), where
# `smcon audit log` shows them. A staff member's own RAISE LOG forges nothing.
. "$(dirname "$0")/../lib/env.sh"

is "$(psql_su -At -d smcon -c "SHOW smcon_auth.audit_database")" smcon "the module writes the audit log of smcon"
who=demo_handler_lx
# the audit log's end before the handler's two logins (the module's worker
# may write the first one's row at once, or a moment later)
before=$(psql_su -At -d smcon -c "SELECT coalesce(max(id), 0) FROM audit.log")
id=$(psql_as $who -c "SELECT c.id FROM rights.complaint c ORDER BY c.id LIMIT 1")
out=$(psql_as $who -c "BEGIN" -c "SELECT count(*) FROM api.personal('rights.complaint', $id)" -c "ROLLBACK" 2>&1)
like "$out" "^[1-9]" "the handler reads the complainant's data, then rolls back"
rows() { psql_su -At -d smcon -c "SELECT count(*) FROM audit.log WHERE id > $before AND actor = '$1' AND (action = '$2' OR detail ->> 'op' = '$2') $3"; }
has() { [ "$(rows "$@")" -ge 1 ]; }
# the module's worker writes the rows a moment later, one at a time: wait for as many as expected
has_n() { local n=$1; shift; [ "$(rows "$@")" -ge "$n" ]; }
wait_until 10 has $who read "AND table_name = 'rights.complaint' AND row_key ->> 'id' = '$id'"
is "$(rows $who read "AND table_name = 'rights.complaint' AND row_key ->> 'id' = '$id' AND detail ->> 'via' = 'api.personal'")" 1 \
	"  ... and the read is in the audit log all the same: who, whose record, through which function"
# (at least: a test running beside this one may log in as the same role)
wait_until 10 has_n 2 $who login
has_n 2 $who login
_tap_result $? "both logins are in the audit log"
wait_until 10 has_n 2 $who logout
has_n 2 $who logout
_tap_result $? "  ... and both logouts"
PGPASSWORD=wrong psql -X -h "$SMCON_TEST_PG/run" -U demo_analyst -d smcon -c 'SELECT 1' >/dev/null 2>&1
wait_until 10 has demo_analyst login_failed
is "$(rows demo_analyst login_failed)" 1 "a failed login too"
psql_as demo_clerk_lx -c "DO \$\$ BEGIN RAISE LOG 'smcon_audit %', '{\"action\": \"read\", \"table\": \"rights.complaint\", \"key\": {\"id\": 1}}'; END \$\$" >/dev/null 2>&1
wait_until 10 has demo_clerk_lx logout
is "$(rows demo_clerk_lx read)" 0 "a staff member's own RAISE LOG does not forge an audit row"
out=$(PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -C "$CONF" audit log --user $who --format csv 2>&1)
contains "$out" "rights.complaint" "smcon audit log shows the read"
like "$out" "logout|note" "  ... and the logout"
is "$(PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -C "$CONF" audit verify >/dev/null 2>&1; echo $?)" 0 "the hash chain still verifies"
done_testing
