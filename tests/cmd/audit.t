#!/bin/bash
# smcon audit log and audit verify: admins read the log (masked) and check
# the hash chain; a row tampered with by a superuser is found by its id.
. "$(dirname "$0")/../lib/env.sh"

db=$(test_db)
adm() { run_db "$db" demo_admin "$@"; }
su() { psql_su -At -d "$db" -c "$1"; }

# some history: an operator's change, a read of personal data
psql_su -d "$db" -f "$ROOT/tests/perm/fixtures.sql" >/dev/null 2>&1
afu=$(su "SELECT id FROM core.entity WHERE uscc = '92320213MA1Y3K5P73'")
DB=$db psql_as demo_clerk_lx -c "SELECT api.entity_update($afu, '0510-82700001')" >/dev/null
report=$(su "SELECT id FROM rights.report WHERE report_no = 'PF-JB-LX-1'")
DB=$db psql_as demo_handler_lx -c "SELECT count(*) FROM api.personal('rights.report', $report)" >/dev/null

adm audit verify --format csv
is "$rc" 0 "audit verify: the chain is whole"
like "$out" "^t,[0-9]+,,,[0-9]+,[0-9a-f]{64}" "  ... it says how many rows it checked and the head's hash"
run_db "$db" demo_clerk_lx audit verify
is "$rc" 3 "a clerk may not verify the audit log"
run_db "$db" demo_analyst audit log
is "$rc" 3 "  ... nor an analyst read it"

adm audit log --user demo_clerk_lx --format csv
like "$out" "update,core\.entity" "audit log --user shows the clerk's change"
like "$out" "phone: 13812345678 → 0510-82700001" "  ... old and new value"
unlike "$out" "demo_handler_lx" "  ... and nobody else's"
adm audit log --table rights.report --format json
like "$out" '"action": "read"' "audit log --table shows the read of the reporter's identity"
unlike "$out" "王立新|13912398765" "  ... masked: the log shows no personal data"
adm audit log --table complaint --since 2000-01-01 --limit 2 --format csv
is "$(printf '%s\n' "$out" | tail -n +2 | grep -c 'rights.complaint')" 2 "--table takes a bare table name; --limit limits"
like "$out" "complainant_phone=139\*\*\*\*2345" "  ... inserted values are masked too"
adm audit log --since 2999-01-01 --format csv
is "$(printf '%s\n' "$out" | wc -l)" 1 "--since in the future: nothing but the header"
adm audit log --since yesterdayish
is "$rc" 1 "a bad date is an error"

# tampering, as the superuser: switch the protection off, change one row
victim=$(su "SELECT id FROM audit.log WHERE action = 'update' AND actor = 'demo_clerk_lx' ORDER BY id LIMIT 1")
psql_su -q -d "$db" -c "ALTER TABLE audit.log DISABLE TRIGGER log_append_only" \
	-c "UPDATE audit.log SET new_values = '{\"phone\": \"0510-00000000\"}' WHERE id = $victim" \
	-c "ALTER TABLE audit.log ENABLE TRIGGER log_append_only"
out=$(PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db" audit verify --chunk 3 2>&1)
is "$?" 1 "audit verify fails on a tampered log (exit 1)"
contains "$out" "审计哈希链在第 $victim 条记录处断开（changed）" "  ... naming the changed row"
psql_su -q -d "$db" -c "ALTER TABLE audit.log DISABLE TRIGGER log_append_only" \
	-c "DELETE FROM audit.log WHERE id = $victim" -c "ALTER TABLE audit.log ENABLE TRIGGER log_append_only"
adm audit verify --format csv
is "$rc" 1 "a deleted row breaks the chain too"
like "$out" "^f,[0-9]+,$((victim + 1)),missing" "  ... found at the row after it"
done_testing
