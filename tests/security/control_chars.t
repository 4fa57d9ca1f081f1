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

# Issue 10, item 13 (output): 0182's constraints are NOT VALID, so rows written
# before it may still hold such characters. Dropping the constraints stands in
# for them: no output of smcon passes an ESC, a BEL, a right-to-left override
# or a zero-width space on; each is shown as U+FFFD (JSON escapes it).
psql_su -q -d "$db" -c "ALTER TABLE core.entity DROP CONSTRAINT entity_address_clean, DROP CONSTRAINT entity_name_clean"
uscc=$(psql_su -At -d "$db" -c "SELECT uscc FROM core.entity WHERE id = $id")
psql_su -q -d "$db" -c "UPDATE core.entity SET address = E'梁溪路 1 号\\x1b]52;c;cm0gLXJmIH4K\\x07（东\\u202e门）\\u200b',
	name = E'\\x1b]0;pwned\\x07红豆\\u202e纺织\\u200b有限公司' WHERE id = $id"
# raw FILE: lines of FILE holding one of those bytes (0 when clean)
raw() { LC_ALL=C grep -c -e $'\x1b' -e $'\x07' -e $'\xe2\x80\xae' -e $'\xe2\x80\x8b' "$1"; }
fffd=$'\xef\xbf\xbd'
shown() { # NAME FILE: the output is clean and still shows the address
	is "$(raw "$2")" 0 "$1 passes no ESC, BEL, right-to-left override or zero-width space"
	contains "$(cat "$2")" "梁溪路 1 号$fffd]52;c;cm0gLXJmIH4K$fffd（东${fffd}门）$fffd" "  ... and shows the address with U+FFFD in their place"
}
run_db "$db" demo_clerk_lx entity show "$uscc"
printf '%s\n' "$out" >"$SCRATCH/show.txt"
shown "entity show" "$SCRATCH/show.txt"
run_db "$db" demo_clerk_lx entity show "$uscc" --format csv
printf '%s\n' "$out" >"$SCRATCH/show.csv"
shown "entity show --format csv" "$SCRATCH/show.csv"
run_db "$db" demo_clerk_lx entity show "$uscc" --format json
printf '%s\n' "$out" >"$SCRATCH/show.json"
is "$(raw "$SCRATCH/show.json")" 0 "entity show --format json passes none of them"
contains "$out" '"address": "梁溪路 1 号\u001b]52;c;cm0gLXJmIH4K\u0007（东\u202e门）\u200b"' \
	"  ... it escapes them, so the data stays whole"
is "$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["name"])' "$SCRATCH/show.json")" \
	"$(psql_su -At -d "$db" -c "SELECT name FROM core.entity WHERE id = $id")" "  ... and valid JSON that decodes to the stored name"
run_db "$db" demo_clerk_lx entity search "$uscc" --format csv
printf '%s\n' "$out" >"$SCRATCH/search.csv"
is "$(raw "$SCRATCH/search.csv")" 0 "entity search --format csv (the console's x file) passes none of them"
run_db "$db" demo_clerk_lx entity export "$uscc"
printf '%s\n' "$out" >"$SCRATCH/export.txt"
shown "entity export" "$SCRATCH/export.txt"
run_db "$db" demo_clerk_lx entity export "$uscc" --output "$SCRATCH/profile.txt"
is "$rc" 0 "entity export --output writes the file"
shown "entity export --output" "$SCRATCH/profile.txt"

# A spreadsheet takes a CSV cell that starts with = + - @ for a formula: such a
# text gets a leading apostrophe.
psql_su -q -d "$db" -c "UPDATE core.entity SET name = '=HYPERLINK(\"http://example.com/x\",\"红豆\")' WHERE id = $id"
run_db "$db" demo_clerk_lx entity show "$uscc" --format csv
contains "$out" "\"'=HYPERLINK(\"\"http://example.com/x\"\",\"\"红豆\"\")\"" "a name starting with = is written to CSV after an apostrophe"
run_db "$db" demo_clerk_lx entity search "$uscc" --format csv
contains "$out" "\"'=HYPERLINK(" "  ... in the search list's CSV too"
done_testing
