#!/bin/bash
# api.whoami() answers for the session's own login, also through psql, and
# SET ROLE cannot borrow another identity.
. "$(dirname "$0")/../lib/env.sh"

is "$(psql_as demo_clerk_jy -c 'SELECT login, org_code, roles FROM api.whoami()')" \
	'demo_clerk_jy|JY|{smcon_clerk}' "psql as a Jiangyin clerk: whoami says so"
is "$(psql_as demo_dispatcher -c 'SELECT org_code, org_level FROM api.whoami()')" \
	'WX|city' "a dispatcher belongs to the city bureau"
out=$(psql_as demo_clerk_lx -c 'SET ROLE smcon_clerk; SELECT login FROM api.whoami()' 2>&1)
is "$out" "demo_clerk_lx" "SET ROLE to a group does not change who whoami reports"
out=$(psql_as demo_clerk_lx -c 'SET ROLE demo_admin' 2>&1)
like "$out" 'permission denied' "a clerk cannot SET ROLE to the admin"
is "$(psql_as demo_admin -c 'SELECT is_owner FROM api.whoami()')" f "the admin is not the warehouse owner"
done_testing
