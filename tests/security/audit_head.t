#!/bin/bash
# Issue 10, item 9 (rest): the chain against its owner and the superuser.
# audit.append() takes calls from the warehouse's functions only, so the
# owner cannot forge an update or a read by hand; and `smcon audit verify
# --head FILE` compares the heads written to a file outside the database
# with the chain, so a rewrite of the whole chain — every hash and the head
# row recomputed, which plain `audit verify` calls whole — is found.
. "$(dirname "$0")/../lib/env.sh"

DB=$(test_db)
export DB
owner() { PGPASSWORD=$(owner_pw) psql -X -q -At -h "$SMCON_TEST_PG/run" -U smcon_owner -d "$DB" "$@" 2>&1; }
like "$(owner -c "SELECT audit.append('update', 'core.entity', '{\"id\": 1}', '{\"name\": \"甲\"}', '{\"name\": \"乙\"}', '{}')")" \
	"不能直接调用 audit.append" "the owner cannot append a forged update by hand"
like "$(owner -c "DO \$\$ BEGIN PERFORM audit.append('read', 'rights.complaint', '{\"id\": 1}', NULL, NULL, '{}'); END \$\$")" \
	"不能直接调用 audit.append" "  ... nor from a DO block"
like "$(owner -c "SELECT audit.note('维护说明', '{\"by\": \"dba\"}') > 0")" "^t$" "  ... but may still add a note (action note, its own login)"
lx=$(psql_su -At -d "$DB" -c "SELECT e.id FROM core.entity e WHERE core.org_district(e.org_id) = (SELECT id FROM core.org_unit WHERE code = 'LX') ORDER BY e.id LIMIT 1")
edit() { psql_as demo_clerk_lx -c "SELECT api.entity_update($lx, NULL, '$1')" 2>&1; }
mark=$(psql_su -At -d "$DB" -c "SELECT max(id) FROM audit.log")
is "$(edit 梁溪区中山路 1 号)" 1 "a clerk edits an address through the api"
is "$(psql_su -At -d "$DB" -c "SELECT count(*) > 0 FROM audit.log WHERE id > $mark AND actor = 'demo_clerk_lx' AND action = 'update'")" t \
	"  ... the warehouse's own functions still write the log"

heads="$SCRATCH/heads/audit.heads"
mkdir -p "$(dirname "$heads")"
verify() { run_db "$DB" demo_admin audit verify --head "$heads" --format csv "$@"; }
verify
is "$rc" 0 "audit verify --head FILE: the chain is whole (exit 0)"
is "$(wc -l <"$heads")" 1 "  ... and today's head is written to the file"
is "$(stat -c %a "$heads")" 600 "  ... made for its owner alone"
last=$(psql_su -At -d "$DB" -c "SELECT id || ' ' || encode(hash, 'hex') FROM audit.log ORDER BY id DESC LIMIT 1")
like "$(cat "$heads")" "^$last " "  ... the last entry's id and hash, then the time"
edit '梁溪区中山路 2 号' >/dev/null
verify
is "$rc" 0 "after more work the earlier head still matches"
like "$(printf '%s\n' "$out" | tr -d '\r')" ",1$" "  ... one head compared"
is "$(wc -l <"$heads")" 2 "  ... and the new head is appended"

# the superuser rewrites an entry and recomputes every hash after it and the head
target=$(head -1 "$heads" | cut -d' ' -f1)
psql_su -q -d "$DB" -v ON_ERROR_STOP=1 <<SQL >/dev/null 2>&1
BEGIN;
SET LOCAL session_replication_role = replica;
UPDATE audit.log SET actor = 'someone_else' WHERE id = $target;
DO \$\$
DECLARE r record; prev bytea;
BEGIN
	SELECT hash INTO prev FROM audit.log WHERE id = $target - 1;
	FOR r IN SELECT * FROM audit.log WHERE id >= $target ORDER BY id LOOP
		UPDATE audit.log SET prev_hash = prev,
		       hash = sha256(prev || audit.canonical(r.id, r.at, r.actor, r.action, r.table_name, r.row_key,
		                                            r.old_values, r.new_values, r.detail, r.txid))
		 WHERE id = r.id RETURNING hash INTO prev;
	END LOOP;
	UPDATE audit.head SET last_hash = prev;
END \$\$;
COMMIT;
SQL
is "$(psql_su -At -d "$DB" -c "SELECT actor FROM audit.log WHERE id = $target")" someone_else "the superuser rewrote entry $target and the chain after it"
run_db "$DB" demo_admin audit verify
is "$rc" 0 "  ... which plain audit verify calls whole"
lines=$(wc -l <"$heads")
isnt "$(psql_su -At -d "$DB" -c "SELECT id || ' ' || encode(hash, 'hex') FROM audit.log WHERE id = $target")" "$last" "  ... the rewrite changed the hash the file holds"
verify
is "$rc" 1 "audit verify --head finds the rewrite (exit 1)"
like "$err" "第 $target 条与库外保存的链头不符.*第 1 行" "  ... names the entry and the line of the head file"
is "$(wc -l <"$heads")" "$lines" "  ... and writes no new head"

printf 'not a head\n' >"$SCRATCH/bad.heads"
run_db "$DB" demo_admin audit verify --head "$SCRATCH/bad.heads"
is "$rc" 1 "a head file that is not one is refused"
like "$err" "bad.heads 第 1 行不是" "  ... naming the line"
run_db "$DB" demo_clerk_lx audit verify --head "$heads"
isnt "$rc" 0 "a clerk may not verify the chain"
like "$(psql_as demo_admin -c "SELECT count(*) FROM api.audit_hashes('{1}')" 2>&1)" "^1$" "an admin reads a head's hash in psql"
like "$(psql_as demo_clerk_lx -c "SELECT count(*) FROM api.audit_hashes('{1}')" 2>&1)" "permission denied" "  ... a clerk does not"
done_testing
