#!/bin/sh
# Brings up a warehouse in a private cluster, for the demo and the tests:
#   warehouse.sh DIR DBNAME PROFILE      (PROFILE: demo, test or bench)
# Creates the cluster (once), the owner role and the database, applies the
# migrations with `smcon db migrate`, creates the demo accounts, fills an
# empty warehouse with `smcon db generate` (demo 20000 entities, test 2000,
# bench $BENCH_SCALE, default 2000000; GENERATE_SCALE overrides, 0 skips),
# and writes DIR/smcon.conf, DIR/pg_service.conf (service smcon-demo) and
# DIR/pgpass. Running it again reuses everything and applies only what is
# new; generation runs only while core.entity is empty. Its report is kept in
# DIR/generate.log, and DIR/generated marks a run that generated.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -eq 3 ] || { echo "usage: warehouse.sh DIR DBNAME PROFILE" >&2; exit 2; }
dir=$1
db=$2
profile=$3
bin=${SMCON_BIN:-$root/${BUILD:-build}/smcon}

sh "$root/mk/pgcluster.sh" init "$dir" "$profile"
dir=$(cd "$dir" && pwd)

if [ ! -f "$dir/owner.pw" ]; then
	(umask 077 && head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/owner.pw")
fi
owner_pw=$(cat "$dir/owner.pw")

sh "$root/mk/pgcluster.sh" psql "$dir" -d postgres -v pw="$owner_pw" -v db="$db" <<'SQL'
SELECT NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'smcon_owner') AS need_owner \gset
\if :need_owner
CREATE ROLE smcon_owner LOGIN CREATEROLE PASSWORD :'pw';
COMMENT ON ROLE smcon_owner IS '数据仓库所有者：拥有全部表和函数，执行迁移';
\endif
SELECT NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') AS need_db \gset
\if :need_db
CREATE DATABASE :"db" OWNER smcon_owner;
\endif
SQL

export PGHOST="$dir/run" PGDATABASE="$db"
# The owner's own environment, so that a caller's PGUSER or PGSERVICE cannot interfere.
as_owner() { env -u PGSERVICE -u PGSERVICEFILE PGUSER=smcon_owner PGPASSWORD="$owner_pw" "$@"; }

# Not through a pipe: sh has no pipefail, and a failed migration must stop us.
if ! as_owner "$bin" -C /dev/null db migrate >"$dir/migrate.log" 2>&1; then
	sed 's/^/  /' "$dir/migrate.log" >&2
	echo "warehouse.sh: db migrate failed" >&2
	exit 1
fi
sed 's/^/  /' "$dir/migrate.log"
as_owner psql -X -q -v ON_ERROR_STOP=1 -f "$root/sql/demo/accounts.sql"

# Generated data, once, into an empty warehouse.
rm -f "$dir/generated"
case $profile in
demo) scale=20000 ;;
test) scale=2000 ;;
bench) scale=${BENCH_SCALE:-2000000} ;;
*) scale=0 ;;
esac
scale=${GENERATE_SCALE:-$scale}
if [ "$scale" -gt 0 ] && [ "$(as_owner psql -X -At -c 'SELECT NOT EXISTS (SELECT 1 FROM core.entity)')" = t ]; then
	if ! as_owner "$bin" -C /dev/null db generate --scale "$scale" >"$dir/generate.log" 2>&1; then
		sed 's/^/  /' "$dir/generate.log" >&2
		exit 1
	fi
	sed 's/^/  /' "$dir/generate.log"
	touch "$dir/generated"
fi

cat >"$dir/smcon.conf" <<CONF
# Written by mk/warehouse.sh: the console's settings for this warehouse.
db: {
  conninfo = "host=$dir/run dbname=$db";
};
CONF

(umask 077 && cat >"$dir/pgpass" <<PASS
*:*:*:demo_admin:demo
*:*:*:demo_supervisor:demo
*:*:*:demo_clerk_lx:demo
*:*:*:demo_clerk_jy:demo
*:*:*:demo_inspector_lx:demo
*:*:*:demo_inspector2_lx:demo
*:*:*:demo_handler_lx:demo
*:*:*:demo_handler_jy:demo
*:*:*:demo_dispatcher:demo
*:*:*:demo_dispatcher2:demo
*:*:*:demo_analyst:demo
PASS
)

cat >"$dir/pg_service.conf" <<SERVICE
# Written by mk/warehouse.sh. Use: PGSERVICEFILE=$dir/pg_service.conf psql service=smcon-demo
[smcon-demo]
host=$dir/run
dbname=$db
user=demo_admin
passfile=$dir/pgpass
SERVICE
