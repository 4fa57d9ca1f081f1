#!/bin/bash
# Cost of the read audit (issue 10, item 8), server time per call, median of
# five runs of N calls each in a DO loop:
#   - core.audit_read through the smcon_auth module (RAISE LOG, queued,
#     written by the audit worker outside the caller's transaction) against
#     audit.note in the caller's transaction (the path without the module;
#     audit.append itself takes no calls by hand);
#   - api.personal end to end as a handler (one reveal: the check, the read,
#     the audit);
#   - a profile open (header and every tab's first page) and a name search,
#     which read no unmasked personal data and so add no audit row.
set -u
export PGOPTIONS="-c client_min_messages=warning"
: "${SMCON_ROOT:?run through bench/run}"
n=${SECURITY_BENCH_N:-2000}
owner() { PGUSER=smcon_owner PGPASSWORD=$BENCH_OWNER_PW psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
handler() { PGUSER=demo_handler_lx PGPASSWORD=demo psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
clerk() { PGUSER=demo_clerk_lx PGPASSWORD=demo psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

# per_call WHO N SQL: µs per execution of SQL, median of 5 runs (rolled back)
per_call() {
	local who=$1 count=$2 sql=$3 r runs=()
	for r in 1 2 3 4 5; do
		runs+=("$($who 2>&1 <<SQL | sed -n 's/.*per_call //p'
BEGIN;
DO \$\$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
	FOR i IN 1..$count LOOP
		$sql;
	END LOOP;
	RAISE WARNING 'per_call %', round(extract(epoch FROM clock_timestamp() - t0) * 1e6 / $count, 1);
END \$\$;
ROLLBACK;
SQL
)")
	done
	printf '%s\n' "${runs[@]}" | sort -n | sed -n 3p
}

complaint=$(handler -c "SELECT c.id FROM rights.complaint c ORDER BY c.id LIMIT 1")
code=$(clerk -c "SELECT uscc FROM core.entity ORDER BY id LIMIT 1")
module=$(owner -c "SELECT current_setting('smcon_auth.audit_database', true) = current_database()")
echo "# the module writes this warehouse's audit log: $module; $n calls a run"
row() { printf '%-60s %8s µs\n' "$1" "$2"; }
row "audit of a read through the module (core.audit_read)" \
	"$(per_call owner "$n" "PERFORM core.audit_read('rights.complaint', jsonb_build_object('id', i), '{\"columns\": [\"x\"]}')")"
row "audit of a row in the caller's transaction (audit.note)" \
	"$(per_call owner "$n" "PERFORM audit.note('read', jsonb_build_object('id', i, 'columns', '[\"x\"]'::jsonb))")"
[ -n "$complaint" ] && row "api.personal, one complaint, as its handler" \
	"$(per_call handler $((n / 10)) "PERFORM * FROM api.personal('rights.complaint', $complaint)")"
row "profile open: header + every tab's first page (no reveal)" \
	"$(per_call clerk $((n / 20)) "PERFORM * FROM api.entity_header('$code'); PERFORM * FROM api.entity_facts('$code')")"
row "  ... plus the tabs the caller may not read (once a session)" \
	"$(per_call clerk "$n" "PERFORM * FROM api.entity_tabs_hidden()")"
row "name search (no reveal)" "$(per_call clerk $((n / 20)) "PERFORM * FROM api.entity_search('无锡')")"
echo "# a profile open and a search reveal no personal data: the read audit adds nothing to them;"
echo "# a reveal adds the audit's cost above (module against in-transaction)"
