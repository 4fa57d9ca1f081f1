#!/bin/bash
# The 96333 desk with two dispatchers at two terminals: A takes a call by
# rescue code (the elevator card shows at once) and dispatches it; B's board
# shows the new incident without a key press and its clocks tick; B's
# dispatch of the same incident is refused with its current state; A's
# terminal killed in the middle of an intake loses nothing: the next login
# offers the draft and the form comes back filled.
. "$(dirname "$0")/../lib/screen.sh"

DB=$(test_db) || { fail "a copy of the test warehouse"; done_testing; exit; }
q() { psql_su -d "$DB" -Atc "$1"; }
code=$(q "SELECT rescue_code FROM equipment.elevator WHERE status = 'in_use' AND maintenance_entity_id IS NOT NULL
          AND rescue_code IS NOT NULL ORDER BY id LIMIT 1")
addr=$(q "SELECT address FROM equipment.elevator WHERE rescue_code = '$code'")
phone=$(q "SELECT mu.duty_phone FROM equipment.elevator e JOIN equipment.maintenance_unit mu
           ON mu.entity_id = e.maintenance_entity_id WHERE e.rescue_code = '$code'")
console() { printf '%q ' "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$DB"; }

# B: a second terminal, a tmux server of its own
sockB="smcon-test-b-$$-$RANDOM"
B() { tmux -L "$sockB" -f /dev/null "$@"; }
at_exit "tmux -L '$sockB' kill-server"
B new-session -d -x 120 -y 30 "env LANG=C.UTF-8 $(console); read -r _"
B set-option -g status off >/dev/null
b_shows() { B capture-pane -p | grep -qF -- "$1"; }
b_wait() {
	wait_until 10 b_shows "$1" && return 0
	diag "B: timed out waiting for '$1'; the screen:" "$(B capture-pane -p)"
	return 1
}
wait_until 10 b_shows "密码"
B send-keys Up C-u && B send-keys -l demo_dispatcher2 && B send-keys Down C-u && B send-keys -l demo && B send-keys Enter
b_wait "主菜单" && B send-keys 3
b_wait "未结事件"
_tap_result $? "dispatcher B opens the board (menu 3)"

# A
scr_start 120 30 sh -c "$(console)"
scr_login demo_dispatcher
scr_wait "主菜单" && scr_keys 3
await "未结事件" "dispatcher A opens the board"
scr_keys n
await "救援识别码" "n opens the intake form"
scr_type "$code"
await "$addr" "the rescue code brings up the elevator card at once"
await "$phone" "  ... with the contracted unit's 24-hour phone"
scr_keys Tab
scr_type 1386123
scr_keys Tab
scr_type 2
scr_keys F5
await "须是 11 位手机号（如 13912345678）或带区号的固定电话" "a caller's phone of seven digits is refused at once, saying what a phone looks like"
contains "$(scr_capture)" "1386123" "  ... and what was typed stays"
scr_keys C-u # the refused field has the focus
scr_type 13912345678
scr_keys F5
await "已接警：WX96333-" "F5 takes the call and says its number"
no=$(scr_capture | grep -oE 'WX96333-[0-9]{8}-[0-9]{5}' | head -1)
short=${no#WX96333-}
await "$short" "A's board shows the incident"

b_wait "$short"
_tap_result $? "B's board shows it without a key press"
age1=$(B capture-pane -p | grep -F "$short" | awk '{print $2}')
b_changed() { [ "$(B capture-pane -p | grep -F "$short" | awk '{print $2}')" != "$age1" ]; }
wait_until 5 b_changed
_tap_result $? "  ... and its clock ticks ($age1 → $(B capture-pane -p | grep -F "$short" | awk '{print $2}'))"

scr_keys d
await "已派单" "A dispatches it (d)"
B send-keys d
b_wait "不能派单"
_tap_result $? "B's dispatch of the same incident is refused"
contains "$(B capture-pane -p)" "已派单" "  ... with its current state"
is "$(q "SELECT count(*) FROM rights.rescue_step s JOIN rights.rescue_incident i ON i.id = s.incident_id
         WHERE i.incident_no = '$no' AND s.step = 'dispatched'")" 1 "the incident is dispatched once"

# A's terminal dies in the middle of an intake
scr_keys n
scr_wait "救援识别码"
scr_type "$code"
scr_keys Tab
scr_type 13800001111
scr_keys Tab
drafted() { [ "$(q "SELECT count(*) FROM meta.draft WHERE owner_login = 'demo_dispatcher' AND kind = 'rescue'
                   AND vals::text LIKE '%13800001111%'")" = 1 ]; }
wait_until 10 drafted
_tap_result $? "the intake in progress is kept as a server-side draft"
T kill-server
scr_start 120 30 sh -c "$(console)"
scr_login demo_dispatcher
await "您有 1 份未完成的草稿" "the next login offers the draft"
scr_keys d
await "救援登记" "  ... in the list of drafts"
scr_keys Enter
await "13800001111" "  ... and the intake comes back with what was typed"
await "$addr" "  ... the elevator card too"

done_testing
