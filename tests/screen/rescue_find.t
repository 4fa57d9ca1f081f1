#!/bin/bash
# The 96333 intake without a rescue code: the dispatcher types a fragment of
# the address the caller gives (Chinese, from the generated data) into the
# code field and presses F3; the elevators that match come up, Enter picks
# one, its rescue code fills the field and the elevator card appears.
. "$(dirname "$0")/../lib/screen.sh"

q() { psql_su -d smcon -Atc "$1"; }
# a road's name (the Chinese between the district and the house number), and the elevator the
# search lists first for it, as the dispatcher's search gives them
frag=$(q "SELECT regexp_replace(regexp_replace(address, '^.*[区市]', ''), '[0-9]+号.*$', '')
          FROM equipment.elevator WHERE rescue_code IS NOT NULL AND status = 'in_use' ORDER BY id LIMIT 1")
first=$(psql_as demo_dispatcher -c "SELECT coalesce(rescue_code, registration_code) || '|' || address
                                      FROM api.elevator_search('$frag') LIMIT 1")
code=${first%%|*}
addr=${first#*|}
like "$frag" '^[^0-9A-Za-z ]{2,10}$' "a road's name from the generated addresses ($frag)" ||
	{ done_testing; exit; }
like "$code" '^[0-9]{5,20}$' "  ... which finds an elevator with a code ($code)" || { done_testing; exit; }

scr_start 120 30 "$SMCON" -C "$CONF"
scr_login demo_dispatcher
scr_wait "主菜单" && scr_keys 3
scr_wait "未结事件" && scr_keys n
await "按 F3 查找" "the intake says how to find an elevator without a code"
scr_type "${frag:0:1}"
scr_keys F3
await "至少两个字" "F3 with one character asks for two"
scr_type "${frag:1}"
scr_keys F3
await "含“$frag”的电梯" "F3 lists the elevators whose address holds the fragment"
contains "$(scr_capture)" "$code" "  ... the first with its rescue code"
scr_keys Enter
await "$addr" "Enter picks it: the elevator card appears"
scr_until "the code field to hold $code" 10 eval '[[ "$(scr_line "\\*救援识别码")" == *"$code"* ]]'
_tap_result $? "  ... and its rescue code is in the code field"
scr_type 13912345678
contains "$(scr_line "\\*报警人电话")" "13912345678" "  ... the caller's phone is next"

done_testing
