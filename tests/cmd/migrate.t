#!/bin/bash
# Migrations: a fresh database, re-running, dry run, and a changed migration.
. "$(dirname "$0")/../lib/env.sh"

db="t_migrate_$$"
psql_su -d postgres -c "CREATE DATABASE $db OWNER smcon_owner" >/dev/null
at_exit "sh '$ROOT/mk/pgcluster.sh' psql '$SMCON_TEST_PG' -d postgres -c 'DROP DATABASE IF EXISTS $db WITH (FORCE)'"
as_owner() {
	out=$(PGUSER=smcon_owner PGPASSWORD=$(owner_pw) "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$db" "$@" 2>"$SCRATCH/e")
	rc=$?
	err=$(cat "$SCRATCH/e")
}
count=$(ls "$ROOT"/sql/migrations/*.sql | wc -l)

as_owner db migrate --dry-run
is "$rc" 0 "a dry run exits 0"
is "$(printf '%s\n' "$out" | grep -c '^将应用 ')" "$count" "  ... and lists every migration"
is "$(PASSWORD=$(owner_pw) DB=$db psql_as smcon_owner -c "SELECT to_regclass('meta.schema_migration') IS NULL")" t "  ... and changes nothing, not even the bookkeeping table"

as_owner db migrate
is "$rc" 0 "migrating a fresh database exits 0"
is "$(printf '%s\n' "$out" | grep -c '^正在应用 ')" "$count" "  ... applying every migration"
is "$(PASSWORD=$(owner_pw) DB=$db psql_as smcon_owner -c "SELECT count(*) FROM meta.schema_migration")" "$count" "  ... each recorded once"
checks=$(PASSWORD=$(owner_pw) DB=$db psql_as smcon_owner -c "SELECT count(*) FROM meta.schema_migration WHERE checksum ~ '^[0-9a-f]{64}$'")
is "$checks" "$count" "  ... with a SHA-256 checksum"

as_owner db migrate
is "$rc" 0 "running it again exits 0"
unlike "$out" '^正在应用' "  ... and applies nothing"

PASSWORD=$(owner_pw) DB=$db psql_as smcon_owner -c "UPDATE meta.schema_migration SET checksum = repeat('0', 64) WHERE version = 1"
as_owner db migrate
is "$rc" 5 "a migration changed after it was applied is a conflict (exit 5)"
contains "$err" "0001_foundation.sql 在应用之后被修改" "  ... naming the migration"

PASSWORD=$(owner_pw) DB=$db psql_as smcon_owner -c "INSERT INTO meta.schema_migration VALUES (9999, '9999_future.sql', repeat('a', 64))"
run_db "$db" demo_admin db status --format json
contains "$out" '"unknown": "1"' "db status counts migrations this smcon does not know"
done_testing
