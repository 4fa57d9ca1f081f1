# Common setup of the shell tests: the binary, the test warehouse, helpers.
# tests/run exports SMCON_BIN, SMCON_TEST_PG and SMCON_TEST_WORK.
. "$(dirname "${BASH_SOURCE[0]}")/tap.sh"
: "${SMCON_BIN:?run the tests through tests/run (make check)}"
: "${SMCON_TEST_PG:?run the tests through tests/run (make check)}"
CONF="$SMCON_TEST_PG/smcon.conf"
SMCON="$SMCON_BIN"
TOOLS="$SMCON_BUILD/tests/tools"
ROOT="$SMCON_ROOT"

# A private scratch directory for this test file, removed at exit.
SCRATCH=$(mktemp -d "$SMCON_TEST_WORK/t.XXXXXX")
chmod 755 "$SCRATCH"
_env_cleanups=("rm -rf '$SCRATCH'")
at_exit() { _env_cleanups+=("$1"); }
_env_exit() {
	local i
	for ((i = ${#_env_cleanups[@]} - 1; i >= 0; i--)); do eval "${_env_cleanups[$i]}" >/dev/null 2>&1; done
}
trap _env_exit EXIT

# run USER ARGS...: runs smcon as a demo user (password demo); sets out, err, rc.
run() {
	local user=$1
	shift
	out=$(PGUSER=$user PGPASSWORD=demo "$SMCON" -C "$CONF" "$@" 2>"$SCRATCH/stderr")
	rc=$?
	err=$(cat "$SCRATCH/stderr")
}

# run_db DB USER ARGS...: like run, on another database of the test cluster.
run_db() {
	local db=$1 user=$2
	shift 2
	out=$(PGUSER=$user PGPASSWORD=demo "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db" "$@" \
		2>"$SCRATCH/stderr")
	rc=$?
	err=$(cat "$SCRATCH/stderr")
}

# psql as the cluster's superuser.
psql_su() { sh "$ROOT/mk/pgcluster.sh" psql "$SMCON_TEST_PG" "$@"; }
# psql as a user (password demo, or $PASSWORD), tuples only, unaligned.
psql_as() {
	local user=$1
	shift
	PGPASSWORD=${PASSWORD:-demo} psql -X -q -At -v ON_ERROR_STOP=1 -h "$SMCON_TEST_PG/run" \
		-U "$user" -d "${DB:-smcon}" "$@"
}
owner_pw() { cat "$SMCON_TEST_PG/owner.pw"; }

# test_db [empty]: a fresh copy of the test warehouse for a test that changes
# data, with its generated data or (empty) without; echoes its name.
test_db() {
	local name="t_$(basename "$SCRATCH" | tr 'A-Z.' 'a-z_')_$RANDOM"
	local tmpl=smcon_tmpl
	[ "${1:-}" = empty ] && tmpl=smcon_empty_tmpl
	psql_su -d postgres -c "CREATE DATABASE $name TEMPLATE $tmpl" >/dev/null || return 1
	at_exit "sh '$ROOT/mk/pgcluster.sh' psql '$SMCON_TEST_PG' -d postgres -c 'DROP DATABASE IF EXISTS $name WITH (FORCE)'"
	echo "$name"
}
