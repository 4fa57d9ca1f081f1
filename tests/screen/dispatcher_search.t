#!/bin/bash
# The 96333 dispatcher's search box takes an elevator's code: a 20-digit
# registration code or its rescue code, and Enter opens the elevator (issue
# 16, search). A clerk's box keeps searching market entities.
. "$(dirname "$0")/../lib/screen.sh"

DB=$(test_db empty) || { fail "an empty copy of the test warehouse"; done_testing; exit; }
psql_su -d "$DB" -q -1 -v ON_ERROR_STOP=1 -f "$ROOT/tests/data/entity-fixtures.sql" >/dev/null
is "$?" 0 "the entity fixtures load"
reg=31103202132016050001
rescue=$(psql_su -At -d "$DB" -c "SELECT rescue_code FROM equipment.elevator WHERE registration_code = '$reg'")
like "$rescue" "^[0-9]{5,7}$" "the fixture's elevator has a rescue code"

search_as() {
	scr_start 100 30 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$DB"
	scr_login "$1"
	scr_wait "主菜单" && scr_keys 1 && scr_wait "查找："
}

search_as demo_dispatcher
scr_type "$reg"
scr_keys Enter
await "曳引驱动乘客电梯" "a dispatcher types a registration code, Enter opens the elevator"
await "96333 救援记录" "  ... with its 96333 history"
scr_keys Escape
await "查找： $reg" "Esc goes back to the search as it was"
scr_keys C-u
scr_type "$rescue"
scr_keys Enter
await "$reg" "the rescue code opens the same elevator"
scr_keys Escape
scr_keys C-u
scr_type "99999999999999999999"
scr_keys Enter
await "没有注册代码或救援识别码为 99999999999999999999 的电梯" "an unknown code says so, naming it"

search_as demo_clerk_lx
scr_type "$reg"
await "0 条" "a clerk's box searches entities with the same digits"
scr_keys Enter
scr_type "x"
await "查找： ${reg}x" "  ... Enter leaves the clerk in the box (the next key lands there)"
unlike "$(scr_capture)" "曳引驱动乘客电梯" "  ... and opens no elevator"
done_testing
