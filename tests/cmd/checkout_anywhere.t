#!/bin/bash
# make demo and make check work from a clone the postgres user cannot enter (a
# checkout under /root, or in a 0700 directory): run as root, the cluster runs
# as postgres, so the lock-out module is copied where the server can read it,
# the demo cluster's files live in the postgres user's home, and the server
# tools never start in the caller's working directory.
. "$(dirname "$0")/../lib/env.sh"

if [ "$(id -u)" -ne 0 ]; then
	echo "1..0 # SKIP only as root does the cluster run as another user"
	exit 0
fi

private=$(mktemp -d "$SCRATCH/private.XXXXXX")
runuser -u postgres -- test -x "$private"
is "$?" 1 "the postgres user cannot enter the directory of the clone"
clone="$private/smcon"
git clone -q "$ROOT" "$clone"
is "$?" 0 "git clone into it"
# The working tree's changes too: the test tries what is about to be committed.
(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard |
	tar --null -T - --ignore-failed-read -cf - 2>/dev/null) | tar -C "$clone" -xf -
# The objects already built, older than none of the sources, so make reuses them.
b=$(basename "$SMCON_BUILD")
find "$clone" -path "$clone/.git" -prune -o -type f -exec touch -d 2001-01-01 {} +
cp -a "$SMCON_BUILD" "$clone/$b"
cd "$clone" || exit 1
make BUILD="$b" all tests >"$SCRATCH/make.log" 2>&1
is "$?" 0 "make in the clone"
unlike "$(cat "$SCRATCH/make.log")" ' -c -o ' "  ... reuses the objects built already"

# The demo's cluster (make demo-db is this, then the migrations and accounts).
at_exit "sh '$clone/mk/pgcluster.sh' destroy '$clone/var/demo'"
sh mk/pgcluster.sh init var/demo demo >"$SCRATCH/demo.log" 2>&1
is "$?" 0 "the demo cluster starts in the clone" || diag "$(tail -20 "$SCRATCH/demo.log")"
srv=$(dirname "$(readlink var/demo/pgdata)")
like "$srv" "^$(getent passwd postgres | cut -d: -f6)/smcon/demo\.[^/]+$" \
	"  ... its server's files live in the postgres user's home"
is "$(sh mk/pgcluster.sh psql var/demo -At -c 'SHOW smcon_auth.max_failures' 2>&1)" 5 \
	"  ... the server loads the lock-out module"
sh mk/pgcluster.sh stop var/demo && sh mk/pgcluster.sh start var/demo
is "$?" 0 "  ... and starts again"
sh mk/pgcluster.sh destroy var/demo
[ -n "$srv" ] && [ ! -e "$srv" ] && [ ! -e var/demo ]
_tap_result $? "destroying the cluster removes the server's files too"

# A CI runner may hand over a checkout owned by another user than the one
# that runs the tests: git calls such a repository dubious.
chown -R nobody "$clone"
GENERATE_SCALE=0 BUILD="$b" tests/run tests/cmd/whoami_sql.t tests/format.t >"$SCRATCH/run.log" 2>&1
is "$?" 0 "tests/run in the clone, owned by another user" || diag "$(tail -20 "$SCRATCH/run.log")"
like "$(cat "$SCRATCH/run.log")" '^Result: PASS' "  ... runs the tests"
like "$(cat "$SCRATCH/run.log")" 'format\.t \.+ ok$' "  ... git reads the checkout (the format check runs, not skipped)"
done_testing
