#!/bin/bash
# A clerk who opens psql with their own password meets the console's walls:
# the obvious ways out are tried as demo_clerk_lx and each one fails.
. "$(dirname "$0")/../lib/env.sh"

db=$(test_db)
psql_su -d "$db" -f "$ROOT/tests/perm/fixtures.sql" >"$SCRATCH/fixtures.log" 2>&1 ||
	{ fail "the fixtures load"; diag "$(cat "$SCRATCH/fixtures.log")"; done_testing; }
clerk() { DB=$db psql_as demo_clerk_lx "$@" 2>&1; }
jy_seen='SELECT count(*) FROM rights.complaint WHERE complaint_no LIKE $$PF-TS-JY%$$'
is "$(clerk -c "$jy_seen")" 0 "the clerk sees no 江阴 complaint to begin with"

for r in smcon_admin smcon_owner smcon_audit postgres demo_admin; do
	like "$(clerk -c "SET ROLE $r")" "permission denied to set role" "SET ROLE $r is refused"
done
like "$(clerk -c "SET SESSION AUTHORIZATION demo_admin")" "permission denied" "SET SESSION AUTHORIZATION is refused"
is "$(clerk -c "SET ROLE smcon_clerk" -c "SELECT login FROM api.whoami()")" "demo_clerk_lx" \
	"SET ROLE to one's own group changes nobody's identity"

jy=$(psql_su -At -d "$db" -c "SELECT id FROM core.org_unit WHERE code = 'JY'")
is "$(clerk -c "SET smcon.org_id = '$jy'" -c "SET app.scope = '{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41}'" \
	-c "SELECT set_config('smcon.scope', '{$jy}', false)" -c "$jy_seen" | tail -1)" 0 \
	"settings (smcon.*, app.*) do not change the scope"
like "$(clerk -c "SET smcon_auth.max_failures = 0")" "cannot be changed now|permission denied" \
	"the lock-out limit is the server's, not the session's"
like "$(clerk -c "SET row_security = off" -c "$jy_seen")" "row-level security" \
	"row_security = off does not switch the policies off, it refuses the query"
is "$(clerk -c "SELECT count(*) FROM rights.complaint WHERE complaint_no LIKE 'PF-%' AND (1 / (handling_org_id - $jy)) IS NOT NULL" 2>&1)" 3 \
	"a query that would fail on a hidden row never sees it (no division by zero)"
clerk -c "CREATE FUNCTION pg_temp.leak(t text) RETURNS boolean LANGUAGE plpgsql COST 0.0001 AS \$\$ BEGIN RAISE NOTICE 'saw %', t; RETURN true; END \$\$" \
	-c "SELECT count(*) FROM rights.complaint WHERE pg_temp.leak(complaint_no)" >"$SCRATCH/leak" 2>&1
unlike "$(cat "$SCRATCH/leak")" "PF-TS-JY" "a cheap leaky function in the query sees no hidden row"
contains "$(cat "$SCRATCH/leak")" "saw PF-TS-LX-1" "  ... though it does see the visible ones"

report_jy=$(psql_su -At -d "$db" -c "SELECT id FROM rights.report WHERE report_no = 'PF-JB-JY-1'")
like "$(clerk -c "SELECT * FROM api.personal('rights.report', $report_jy)")" "无权查看" \
	"api.personal() with another district's report id is refused"
like "$(clerk -c "SELECT * FROM api.personal('pg_catalog.pg_authid', 10)")" "不是存有个人信息的表" \
	"  ... and with a table it does not serve"
for call in "api.user_passwd('demo_admin', 'Taken2026x')" "api.user_roles('demo_clerk_lx', '{admin}', '{}')" \
	"api.user_add('mole', '内鬼', 'LX9999', 'WX', '{admin}', 'Taken2026x')" "api.audit_verify()" \
	"audit.append('note', NULL, NULL, NULL, NULL, '{}')" "audit.note('x', '{}')" \
	"core.staff_lock_out('demo_admin', 5)" "core.set_password('demo_admin', 'Taken2026x', false)" \
	"core.may_reveal('rights.report', $report_jy)" "core.refresh_staff_scope(NULL)" \
	"api.complaint_accept(1)" "api.incident_acknowledge(1)"; do
	like "$(clerk -c "SELECT $call")" "permission denied" "calling $call is refused"
done
like "$(clerk -c "SELECT * FROM audit.log")" "permission denied" "the audit log cannot be read"
like "$(clerk -c "COPY audit.log TO STDOUT")" "permission denied" "  ... nor copied out"
like "$(clerk -c "COPY (SELECT 1) TO PROGRAM 'id'")" "permission denied|must be superuser" "COPY … TO PROGRAM is refused"
like "$(clerk -c "COPY core.entity (name) FROM '/etc/passwd'")" "permission denied|must be superuser" \
	"COPY … FROM a server file is refused"
like "$(printf '1\n' | clerk -c "COPY core.tag (code) FROM STDIN")" "permission denied" \
	"COPY … FROM STDIN into a table is refused (no INSERT)"
like "$(clerk -c "SELECT lo_import('/etc/passwd')")" "permission denied|must be superuser" "lo_import is refused"
like "$(clerk -c "SELECT pg_read_file('/etc/passwd')")" "permission denied" "pg_read_file is refused"
like "$(clerk -c "SELECT pg_ls_dir('.')")" "permission denied" "pg_ls_dir is refused"
like "$(clerk -c "CREATE EXTENSION dblink")" "permission denied|not available|must be" "dblink cannot be installed"
for stmt in "CREATE TABLE core.x (a int)" "CREATE TABLE public.x (a int)" "CREATE SCHEMA x" \
	"CREATE FUNCTION api.f() RETURNS int LANGUAGE sql RETURN 1" "CREATE VIEW rights.v AS SELECT 1"; do
	like "$(clerk -c "$stmt")" "permission denied" "$stmt is refused"
done
for stmt in "ALTER TABLE rights.complaint DISABLE ROW LEVEL SECURITY" "DROP POLICY complaint_scope ON rights.complaint" \
	"ALTER TABLE core.entity ADD COLUMN x int" "ALTER TABLE core.staff DISABLE TRIGGER audit_update" \
	"TRUNCATE rights.complaint" "DROP TABLE core.entity"; do
	like "$(clerk -c "$stmt")" "must be owner|permission denied" "$stmt is refused"
done
like "$(clerk -c "UPDATE rights.complaint SET handling_org_id = $jy")" "permission denied" "no direct UPDATE of case data"
like "$(clerk -c "GRANT smcon_admin TO demo_clerk_lx")" "permission denied|must have admin option" \
	"a clerk cannot grant itself the admin role"
like "$(clerk -c "ALTER ROLE demo_clerk_lx CREATEROLE")" "permission denied" "  ... nor CREATEROLE"
like "$(clerk -c "SELECT rolpassword FROM pg_authid")" "permission denied" "password hashes cannot be read"
is "$(clerk -c "$jy_seen")" 0 "after all that, still no 江阴 complaint"
done_testing
