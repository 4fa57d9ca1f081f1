#!/bin/bash
# Issue 10, item 13 (writes): control characters — an OSC 52 clipboard
# write, an OSC 0 title — and the invisible characters that reorder or hide
# text (RLO, zero-width space) are refused by the database when written
# through api.entity_update, from psql as from smcon; ordinary text passes.
. "$(dirname "$0")/../lib/env.sh"

db=$(test_db)
id=$(psql_su -At -d "$db" -c "SELECT e.id FROM core.entity e JOIN core.org_unit o ON o.id = e.org_id WHERE core.org_district(o.id) = (SELECT id FROM core.org_unit WHERE code = 'LX') ORDER BY e.id LIMIT 1")
upd() { DB=$db psql_as demo_clerk_lx -c "SELECT api.entity_update($id, NULL, $1)" 2>&1; }
like "$(upd "E'梁溪路 1 号\\x1b]52;c;cm0gLXJmIH4K\\x07'")" "entity_address_clean" "an OSC 52 clipboard sequence is refused"
like "$(upd "E'\\x1b]0;pwned\\x07梁溪路 1 号'")" "entity_address_clean" "an OSC 0 title sequence is refused"
like "$(upd "E'梁溪路 \\u202e号 1'")" "entity_address_clean" "a right-to-left override is refused"
like "$(upd "E'梁溪\\u200b路 1 号'")" "entity_address_clean" "a zero-width space is refused"
is "$(upd "'梁溪路 1 号（东门）'")" 1 "an ordinary address is taken"
is "$(psql_su -At -d "$db" -c "SELECT address FROM core.entity WHERE id = $id")" "梁溪路 1 号（东门）" "  ... and stored"
is "$(psql_su -At -d "$db" -c "SELECT core.text_clean(E'第一行\\n第二行', true)")" t "an address may run over two lines"
done_testing
