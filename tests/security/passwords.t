#!/bin/bash
# Issue 10, item 5: the password policy holds in the server (smcon_auth's
# check_password hook), for an operator's own ALTER ROLE in psql too: length,
# letters and digits, not the login name, no hash the server cannot check
# or cannot use (md5), and every change is written to the server log.
. "$(dirname "$0")/../lib/env.sh"

db=$(test_db)
u=pw_$RANDOM
pw=Policy2026x
at_exit "sh '$ROOT/mk/pgcluster.sh' psql '$SMCON_TEST_PG' -d postgres -c 'DROP ROLE IF EXISTS $u'"
printf '%s\n' "$pw" | PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db" \
	user add "$u" --name 白密 --employee-no LX0992 --org LX --roles clerk >/dev/null 2>&1
is "$?" 0 "a fresh account"
as_u() { PGPASSWORD=$pw psql -X -q -At -v ON_ERROR_STOP=1 -h "$SMCON_TEST_PG/run" -U "$u" -d "$db" "$@" 2>&1; }

like "$(as_u -c "ALTER ROLE $u PASSWORD 'a'")" "refused: it is too short" "ALTER ROLE self PASSWORD 'a' is refused"
like "$(as_u -c "ALTER ROLE $u PASSWORD 'abcdefghijk'")" "letters and digits" "  ... letters only"
like "$(as_u -c "ALTER ROLE $u PASSWORD 'X${u}2026'")" "login name" "  ... the login name inside"
like "$(as_u -c "ALTER ROLE $u PASSWORD 'md5$(printf '%s' "Other2026x$u" | md5sum | cut -c1-32)'")" "clear text" \
	"  ... a ready md5 hash (the server cannot check it)"
like "$(as_u -c "SET password_encryption = md5" -c "ALTER ROLE $u PASSWORD 'Other2026x'")" "stored as md5" \
	"  ... a password stored as md5, unusable at login"
is "$(as_u -c 'SELECT 1')" 1 "after all that, the old password still works"
as_u -c "ALTER ROLE $u PASSWORD 'Better2026y'" >/dev/null
is "$(PGPASSWORD=Better2026y psql -X -At -h "$SMCON_TEST_PG/run" -U "$u" -d "$db" -c 'SELECT 1' 2>&1)" 1 \
	"a password within the policy is taken"
like "$(cat "$SMCON_TEST_PG/run/postgres.log")" "smcon_auth: password of role \"$u\" set by \"$u\"" \
	"  ... and the change is in the server log, with who made it"
done_testing
