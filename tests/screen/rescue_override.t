#!/bin/bash
# The 96333 board's override and callback: an incident dispatched eight
# minutes ago and not acknowledged has a level-2 proposal; f (否决提议) is
# offered on its row only, opens a form naming the proposal, and the
# database wants a reason before it records the override (who, what, why).
# b opens the callback form, which shows the caller's number whole (the
# reveal is audited).
. "$(dirname "$0")/../lib/screen.sh"

DB=$(test_db) || { fail "a copy of the test warehouse"; done_testing; exit; }
q() { psql_su -d "$DB" -Atc "$1"; }
q "UPDATE meta.test_clock SET enabled = true" >/dev/null
codes=($(q "SELECT rescue_code FROM equipment.elevator e WHERE status = 'in_use' AND maintenance_entity_id IS NOT NULL
            AND rescue_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM rights.rescue_incident i
                WHERE i.elevator_id = e.id AND i.status = 'open') ORDER BY id LIMIT 2"))
# P: taken and dispatched eight minutes ago (the database's clock for that session), no acknowledgement
ago=$(q "SELECT to_char(now() - interval '8 minutes', 'YYYY-MM-DD\"T\"HH24:MI:SSOF')")
P=$(PGOPTIONS="-c smcon.now=$ago" psql_as demo_dispatcher -c "SELECT id FROM api.rescue_new('${codes[0]}', '13912345678', 1)")
PGOPTIONS="-c smcon.now=$ago" psql_as demo_dispatcher -c "SELECT api.rescue_dispatch($P)" >/dev/null
# Q: just taken, nothing to propose
Q=$(psql_as demo_dispatcher -c "SELECT id FROM api.rescue_new('${codes[1]}', '13800138000', 1)")
no_p=$(q "SELECT incident_no FROM rights.rescue_incident WHERE id = $P")
no_q=$(q "SELECT incident_no FROM rights.rescue_incident WHERE id = $Q")
is "$(psql_as demo_dispatcher -c "SELECT max(level) FROM api.rescue_proposals($P)")" 2 \
	"an incident dispatched 8 minutes ago without acknowledgement has a level-2 proposal"
# the rows of the board, as the board reads them
row() { psql_as demo_dispatcher -c "SELECT n FROM (SELECT id, row_number() OVER () AS n FROM api.rescue_board()) b WHERE id = $1"; }
# select ROW: the first row, then down
select_row() {
	scr_keys g
	local i
	for ((i = 1; i < $1; i++)); do scr_keys j; done
}

scr_start 120 30 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$DB"
scr_login demo_dispatcher
scr_wait "主菜单" && scr_keys 3
await "${no_p#WX96333-}" "the board shows the incident with a proposal"

select_row "$(row "$Q")"
keyline_lacks "否决提议" "on a row without a proposal the key line does not offer f"
scr_keys f
await "所选事件现在没有升级提议" "  ... and f says there is none to decline"
contains "$(scr_capture)" "未结事件" "  ... staying on the board"

select_row "$(row "$P")"
scr_until "the key line to offer f" 10 eval '[[ "$(scr_keyline)" == *"f 否决提议"* ]]'
_tap_result $? "on the row with a proposal it does (f 否决提议)"
scr_keys f
await "升级提议：2 级" "f opens the form with the proposal it overrides"
contains "$(scr_capture)" "$no_p" "  ... headed by the incident's number"
scr_keys Tab F5
await "须写明理由" "without a reason the database refuses it, by the field"
scr_type "单位来电：已在路上，3 分钟到"
scr_keys F5
await "已完成：否决提议" "with a reason the override is taken"
is "$(q "SELECT s.level || '|' || s.reason || '|' || s.note || '|' || st.login FROM rights.rescue_step s
         JOIN core.staff st ON st.id = s.staff_id WHERE s.incident_id = $P AND s.step = 'declined'")" \
	"2|no_ack|单位来电：已在路上，3 分钟到|demo_dispatcher" \
	"  ... recorded in the incident's steps: the level, the reason proposed, why, who"
is "$(q "SELECT count(*) FROM rights.rescue_step WHERE incident_id = $Q AND step = 'declined'")" 0 \
	"  ... and on that incident only"

select_row "$(row "$P")"
scr_keys b
await "报警人电话：13912345678" "b opens the callback form with the caller's number whole"
contains "$(scr_capture)" "$no_p" "  ... and the incident's number"
is "$(q "SELECT count(*) FROM audit.log WHERE actor = 'demo_dispatcher' AND action = 'read'
         AND table_name = 'rights.rescue_incident' AND row_key ->> 'id' = '$P'")" 1 \
	"  ... the reveal is in the audit log"
scr_keys Escape
await "未结事件" "Esc goes back to the board"

# the incident's page follows the incident: a step at another desk, and a
# step taken in a form opened from the page, show without reopening it
select_row "$(row "$Q")"
scr_keys Enter
await "$no_q  已接警" "Enter opens the incident's page (received)"
psql_as demo_dispatcher2 -c "SELECT api.rescue_dispatch($Q)" >/dev/null
await "$no_q  已派单" "  ... another desk's dispatch shows on it without a key press"
scr_keys x
await "撤销原因" "x opens the cancel form from the page"
scr_keys 2 Tab
scr_type "报警人来电：已自行脱困"
scr_keys F5
await "$no_q  已撤销" "  ... and once it is done the page shows the incident cancelled"

done_testing
