#!/bin/bash
# Issue 10, item 9: the owner switching an audit trigger off (ALTER TABLE
# ... DISABLE TRIGGER audit_update, DISABLE TRIGGER ALL, DROP TRIGGER) leaves
# a trace: the smcon_auth module writes each such command to the audit log
# outside the owner's transaction, so rolling back or enabling the trigger
# again does not hide it.
. "$(dirname "$0")/../lib/env.sh"

before=$(psql_su -At -d smcon -c "SELECT coalesce(max(id), 0) FROM audit.log")
owner() { PGPASSWORD=$(owner_pw) psql -X -q -At -h "$SMCON_TEST_PG/run" -U smcon_owner -d smcon "$@" 2>&1; }
owner -c "BEGIN" -c "ALTER TABLE rights.complaint DISABLE TRIGGER audit_update" \
	-c "ALTER TABLE rights.complaint ENABLE TRIGGER audit_update" -c "ROLLBACK" >/dev/null
owner -c "BEGIN" -c "ALTER TABLE core.entity DISABLE TRIGGER ALL" -c "ROLLBACK" >/dev/null
changes() { psql_su -At -d smcon -c "SELECT string_agg(table_name || ' ' || (detail ->> 'command'), ',' ORDER BY id) FROM audit.log WHERE id > $before AND actor = 'smcon_owner' AND detail ->> 'op' = 'trigger_change'"; }
three() { [ "$(changes | tr ',' '\n' | wc -l)" -ge 3 ]; }
wait_until 10 three
is "$(changes)" "rights.complaint DISABLE TRIGGER audit_update,rights.complaint ENABLE TRIGGER audit_update,core.entity DISABLE TRIGGER ALL" \
	"the owner's trigger switches are in the audit log, though rolled back"
like "$(cat "$SMCON_TEST_PG/run/postgres.log")" "smcon_auth: DISABLE TRIGGER audit_update on rights.complaint by smcon_owner" \
	"  ... and in the server log"
is "$(PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -C "$CONF" audit verify >/dev/null 2>&1; echo $?)" 0 "the hash chain verifies"
done_testing
