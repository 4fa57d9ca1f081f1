#!/bin/bash
# api.my_orgs(): the org units whose records each kind of staff may see,
# computed from the session's own login.
. "$(dirname "$0")/../lib/env.sh"

n_orgs=$(psql_su -At -d smcon -c "SELECT count(*) FROM core.org_unit")
is "$(psql_as demo_supervisor -c "SELECT cardinality(api.my_orgs())")" "$n_orgs" "the city bureau sees every org unit"
is "$(psql_as demo_clerk_lx -c "SELECT string_agg(code, ',' ORDER BY code) FROM core.org_unit WHERE id = ANY (api.my_orgs())")" \
	"LX,LX01,LX02,LX03,LX04,LX05" "a district bureau sees itself and its stations"
is "$(psql_as demo_inspector_lx -c "SELECT string_agg(code, ',' ORDER BY code) FROM core.org_unit WHERE id = ANY (api.my_orgs())")" \
	"LX,LX01" "a station sees itself and its district bureau"
is "$(psql_as demo_clerk_jy -c "SELECT 'LX' = ANY (SELECT code FROM core.org_unit WHERE id = ANY (api.my_orgs()))")" \
	f "a Jiangyin clerk's scope has nothing of 梁溪"
is "$(psql_as demo_clerk_lx -c "SET ROLE smcon_clerk; SELECT cardinality(api.my_orgs())")" 6 "SET ROLE does not change the scope"
psql_su -d smcon -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'nostaff_user') THEN CREATE ROLE nostaff_user LOGIN PASSWORD 'demo' IN ROLE smcon_clerk; END IF; END \$\$" >/dev/null
is "$(psql_as nostaff_user -c "SELECT cardinality(api.my_orgs())")" 0 "a login without a staff record sees nothing"
out=$(psql_as demo_clerk_lx -c "SELECT legal_rep_id_no FROM core.entity LIMIT 1" 2>&1)
like "$out" "permission denied" "a clerk cannot read a raw ID number with psql"
out=$(psql_as demo_clerk_lx -c "SELECT count(legal_rep_id_no_masked) >= 0 FROM core.entity" 2>&1)
is "$out" t "  ... but can read the masked copy"
done_testing
