#!/bin/bash
# The 96333 caller's number in full (api.rescue_caller_phone, 0197), as the
# operators' own logins in psql meet it: the wall is in the database. A
# dispatcher gets it and the audit log records the read under the
# dispatcher's login (written by the smcon_auth module's worker, so even a
# rollback keeps it); a clerk and an analyst are refused and leave no read.
. "$(dirname "$0")/../lib/env.sh"

id=$(psql_su -At -d smcon -c "SELECT id FROM rights.rescue_incident WHERE caller_phone IS NOT NULL ORDER BY id LIMIT 1")
phone=$(psql_su -At -d smcon -c "SELECT caller_phone FROM rights.rescue_incident WHERE id = $id")
before=$(psql_su -At -d smcon -c "SELECT coalesce(max(id), 0) FROM audit.log")
reads() {
	psql_su -At -d smcon -c "SELECT count(*) FROM audit.log WHERE id > $before AND actor = '$1' AND action = 'read'
		AND table_name = 'rights.rescue_incident' AND row_key ->> 'id' = '$id'
		AND detail ->> 'via' = 'api.rescue_caller_phone'"
}

out=$(psql_as demo_clerk_lx -c "SELECT api.rescue_caller_phone($id)" 2>&1)
like "$out" "permission denied|无权" "a clerk cannot call api.rescue_caller_phone in psql"
out=$(psql_as demo_analyst -c "SELECT api.rescue_caller_phone($id)" 2>&1)
like "$out" "permission denied|无权" "  ... nor an analyst"
out=$(psql_as demo_dispatcher -c "SELECT caller_phone FROM rights.rescue_incident WHERE id = $id" 2>&1)
like "$out" "permission denied" "  ... and a dispatcher cannot read the raw column"
is "$(psql_as demo_dispatcher -c "BEGIN" -c "SELECT api.rescue_caller_phone($id)" -c "ROLLBACK")" "$phone" \
	"a dispatcher gets the caller's number whole, then rolls back"
has_read() { [ "$(reads demo_dispatcher)" -ge 1 ]; }
wait_until 10 has_read
is "$(reads demo_dispatcher)" 1 "  ... and the audit log has the read under the dispatcher's login all the same"
is "$(($(reads demo_clerk_lx) + $(reads demo_analyst)))" 0 "the refused reads are not in it"
done_testing
