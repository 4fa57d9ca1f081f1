#!/bin/bash
# The 96333 desk in command mode: the elevator card by rescue code, the search
# without one, taking a call, every step of an incident with its guard (a
# step the incident is not ready for exits 5 and says its state), escalation
# proposals at the minute of the test clock, who may do what.
. "$(dirname "$0")/../lib/env.sh"

DB=$(test_db) || { fail "a copy of the test warehouse"; done_testing; exit; }
e() { run_db "$DB" "$@"; }
q() { psql_su -d "$DB" -Atc "$1"; }
psql_su -d "$DB" -qc "UPDATE meta.test_clock SET enabled = true"
at() { export PGOPTIONS="-c smcon.now=2026-12-07T$1+08"; }
at 10:00:00

code=$(q "SELECT rescue_code FROM equipment.elevator WHERE status = 'in_use' AND maintenance_entity_id IS NOT NULL
          AND urban AND rescue_code IS NOT NULL ORDER BY id LIMIT 1")
addr=$(q "SELECT address FROM equipment.elevator WHERE rescue_code = '$code'")
unit=$(q "SELECT m.name FROM equipment.elevator e JOIN core.entity m ON m.id = e.maintenance_entity_id
          WHERE e.rescue_code = '$code'")

# the card and the search
e demo_dispatcher elevator show "$code"
is "$rc" 0 "elevator show finds an elevator by its rescue code"
contains "$out" "$addr" "  ... with its address"
contains "$out" "$unit" "  ... its contracted maintenance unit"
like "$out" "24 小时值班电话 *: [0-9-]+" "  ... and the unit's 24-hour phone"
e demo_dispatcher elevator show "$code" --format json
like "$out" '"arrival_limit_minutes": 30' "  ... the arrival limit of its area (json)"
e demo_dispatcher elevator show 000001
is "$rc" 4 "an unknown code exits 4"
frag=$(q "SELECT substr(address, 8, 4) FROM equipment.elevator WHERE rescue_code = '$code'")
e demo_dispatcher elevator search "$frag" --format csv --limit 500
contains "$out" "$code" "elevator search finds it by a fragment of its address ($frag)"

user=$(q "SELECT u.uscc FROM equipment.elevator e JOIN core.entity u ON u.id = e.entity_id WHERE e.rescue_code = '$code'")
e demo_clerk_lx entity search "$code" --format csv
contains "$out" "$user" "the rescue code typed into the entity search finds the elevator's using unit"

# a call
e demo_dispatcher rescue new --code "$code" --phone 13912345678 --trapped 2 --note '停在 5、6 楼之间'
is "$rc" 0 "rescue new takes a call"
like "$out" '^WX96333-20261207-[0-9]{5}$' "  ... and prints the incident number"
no=$out
e demo_dispatcher rescue new --code "$code" --phone 13912345678
is "$rc" 2 "without --trapped: a usage error"
e demo_dispatcher rescue new --code 0000000 --phone 13912345678 --trapped 1
is "$rc" 4 "an unknown code: exit 4"
e demo_clerk_lx rescue new --code "$code" --phone 13912345678 --trapped 1
is "$rc" 3 "a clerk may not take a 96333 call"
e demo_dispatcher elevator show "$code" --format csv
contains "$out" "$no" "the card now names the open incident (a second caller is told)"

e demo_dispatcher2 rescue list --open --format csv
contains "$out" "$no,received" "the other dispatcher's open list shows it, received"

# steps and their guards
at 10:01:00
e demo_dispatcher rescue ack "$no"
is "$rc" 5 "acknowledging before dispatch exits 5"
contains "$err" "已接警" "  ... naming the state"
e demo_dispatcher rescue dispatch "$no" --format csv
is "$rc" 0 "dispatch"
contains "$out" "$no,dispatched,1,1" "  ... to level 1, version 1"
e demo_dispatcher2 rescue dispatch "$no"
is "$rc" 5 "a second dispatch exits 5"
like "$err" "已派单.*$(q "SELECT full_name FROM core.staff WHERE login = 'demo_dispatcher'")" \
	"  ... saying it is dispatched, and by whom"
e demo_dispatcher2 rescue ack "$no" --version 0
is "$rc" 5 "a step on a stale version exits 5"

at 10:05:59
e demo_dispatcher rescue show "$no" --format csv
unlike "$out" "no_ack" "no escalation proposal 4:59 after dispatch"
at 10:06:00
e demo_dispatcher rescue show "$no"
contains "$out" "一级响应单位超时未响应" "at 5:00 without acknowledgement, level 2 is proposed"
e demo_dispatcher rescue escalate "$no" --decline
is "$rc" 1 "declining needs a reason"
e demo_dispatcher rescue escalate "$no" --decline --note '单位来电，马上响应'
is "$rc" 0 "  ... with one it is recorded"
e demo_dispatcher rescue ack "$no"
is "$rc" 0 "ack"
e demo_dispatcher rescue enroute "$no" --eta 12
is "$rc" 0 "en route, with an ETA"
at 10:20:00
e demo_dispatcher rescue arrive "$no"
is "$rc" 0 "arrived"
e demo_dispatcher rescue close "$no" --cause door_fault
is "$rc" 5 "closing before release exits 5"
e demo_dispatcher rescue release "$no"
is "$rc" 0 "released"
e demo_dispatcher rescue close "$no"
is "$rc" 2 "closing needs --cause"
e demo_dispatcher rescue close "$no" --cause door_fault --note '层门门锁触点接触不良'
is "$rc" 0 "closed with a cause"
e demo_dispatcher rescue callback "$no" --result satisfied --format json
is "$rc" 0 "callback"
contains "$out" '"state": "callback_done"' "  ... the incident is done"
e demo_dispatcher rescue show "$no" --format json
contains "$out" '"value": "139****5678"' "show masks the caller's phone"
steps=$(q "SELECT string_agg(s.step, ',' ORDER BY s.id) FROM rights.rescue_step s
           JOIN rights.rescue_incident i ON i.id = s.incident_id WHERE i.incident_no = '$no'")
is "$steps" "received,dispatched,declined,acknowledged,en_route,arrived,released,closed,callback" \
	"every step is recorded"
audited=$(q "SELECT count(*) > 0 FROM audit.log WHERE table_name = 'rights.rescue_step'")
is "$audited" t "  ... and audited"

# injuries, cancel, take
e demo_dispatcher2 rescue new --code "$code" --phone 0510-82701234 --trapped 1 --injured
no2=$out
e demo_dispatcher rescue show "$no2" --format csv
contains "$out" "level,3" "an injury calls 119 at once (level 3)"
e demo_dispatcher rescue take "$no2"
is "$rc" 0 "take over an incident"
e demo_dispatcher rescue list --open --format csv
contains "$out" "$(q "SELECT full_name FROM core.staff WHERE login = 'demo_dispatcher'")" "  ... the board shows who has it"
e demo_dispatcher rescue cancel "$no2" --reason self_released
is "$rc" 0 "cancel (self-released)"
e demo_dispatcher rescue dispatch "$no2"
is "$rc" 5 "a cancelled incident cannot be dispatched"
contains "$err" "已撤销" "  ... it says so"
e demo_analyst rescue dispatch "$no2"
is "$rc" 3 "an analyst may not act on incidents"
e demo_analyst rescue show "$no2"
is "$rc" 0 "  ... but may read them"

# the caller's number to call back: whole for a dispatcher, audited; refused to others
no1=$(q "SELECT incident_no FROM rights.rescue_incident WHERE caller_phone = '13912345678' ORDER BY id LIMIT 1")
e demo_dispatcher rescue phone "$no1"
is "$rc" 0 "rescue phone shows the caller's number"
contains "$out" "13912345678" "  ... whole"
e demo_dispatcher rescue phone "$no1" --format json
contains "$out" '"caller_phone": "13912345678"' "  ... in JSON too"
is "$(q "SELECT count(*) FROM audit.log WHERE actor = 'demo_dispatcher' AND action = 'read'
         AND table_name = 'rights.rescue_incident' AND row_key ->> 'id' = (SELECT id::text FROM rights.rescue_incident WHERE incident_no = '$no1')")" 2 \
	"  ... and each look is in the audit log"
e demo_analyst rescue phone "$no1"
is "$rc" 3 "an analyst may not see the number"
unlike "$out" "13912345678" "  ... and does not"

done_testing
