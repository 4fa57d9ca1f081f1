#!/bin/bash
# Command mode for scripts (issue 16): JSON is typed — booleans true/false,
# counts as numbers, nested JSON as objects, times with whole seconds in the
# bureau's zone — and a table never shows t/f or microseconds. Every read
# command that lists or shows, as the role that uses it, is checked by
# tests/lib/json_types.py, which names each value typed wrongly.
. "$(dirname "$0")/../lib/env.sh"

DB=$(test_db) || { fail "a copy of the test warehouse"; done_testing; exit; }
q() { psql_as demo_admin -d "$DB" -c "$1"; }
su() { psql_su -d "$DB" -AtX -c "$1"; }
U=$(su "SELECT uscc FROM core.entity WHERE org_id IN (SELECT id FROM core.org_unit WHERE code LIKE 'LX%') ORDER BY id LIMIT 1")
# (an accepted complaint when the generated data has one: whether it does
# depends on the day the warehouse was generated)
C=$(su "SELECT complaint_no FROM rights.complaint c JOIN core.org_unit o ON o.id = c.handling_org_id WHERE o.code LIKE 'LX%' ORDER BY status = 'accepted' DESC, c.id LIMIT 1")
I=$(su "SELECT incident_no FROM rights.rescue_incident ORDER BY id DESC LIMIT 1")
E=$(su "SELECT rescue_code FROM equipment.elevator WHERE rescue_code IS NOT NULL ORDER BY id LIMIT 1")
P=$(su "SELECT plan_no FROM supervision.inspection_plan ORDER BY id LIMIT 1")
T=$(su "SELECT task_no FROM supervision.inspection_task ORDER BY id LIMIT 1")
unlike ":$U:$C:$I:$E:$P:$T:" "::" "the fixtures: an entity, a complaint, an incident, an elevator, a plan, a task"
# a change with nested JSON in the audit log
psql_as demo_admin -d "$DB" -c "SELECT api.audit_note('export', '{\"file\": \"x.csv\", \"rows\": 3}'::jsonb)" >/dev/null 2>&1

# typed USER ARGS...: the JSON of the command is typed; its table has no t/f
# cell and no time with fractions of a second
typed() {
	local user=$1
	shift
	run_db "$DB" "$user" "$@" --format json
	is "$rc:$(printf '%s' "$out" | python3 "$ROOT/tests/lib/json_types.py")" "0:" "$* as $user: typed JSON"
	run_db "$DB" "$user" "$@"
	unlike "$out" '(^|\| | : )[tf]( \||$)|[0-9]:[0-9][0-9]\.[0-9]{3}' "  ... and its table shows no t/f and no microseconds"
}
typed demo_clerk_lx whoami
typed demo_admin db status
typed demo_clerk_lx entity search 无锡 --limit 20
typed demo_clerk_lx entity show "$U"
typed demo_clerk_lx entity show "$U" --tab all
typed demo_clerk_lx entity show "$U" --tab risk
typed demo_clerk_lx entity history "$U"
typed demo_clerk_lx entity elevator "$E"
typed demo_clerk_lx policy search 投诉 七个工作日
typed demo_clerk_lx policy laws
typed demo_clerk_lx catalog
typed demo_clerk_lx catalog rights
typed demo_clerk_lx calendar show 2026
typed demo_admin import jobs
typed demo_admin import fields entity
typed demo_admin quality rules
typed demo_admin quality history
typed demo_admin user list
typed demo_admin user roles demo_clerk_lx
typed demo_admin org tree
typed demo_admin audit log --limit 30
typed demo_clerk_lx item list
typed demo_supervisor_lx plan list
typed demo_supervisor plan show "$P"
typed demo_supervisor plan overview
typed demo_inspector_lx task list
typed demo_supervisor task show "$T"
typed demo_handler_lx complaint list
typed demo_handler_lx complaint show "$C"
typed demo_handler_lx tipoff list
typed demo_handler_lx consult list
typed demo_dispatcher rescue list
typed demo_dispatcher rescue show "$I"
typed demo_analyst report list

# the checker itself tells the wrong types apart
bad='[{"ok": true, "flag": "t", "count": "12", "detail": "{\"a\": 1}", "at": "2026-12-07 08:00:00.123456+08", "utc": "2026-12-07 00:00:00+00"}]'
is "$(printf '%s' "$bad" | python3 "$ROOT/tests/lib/json_types.py" | wc -l)" 5 "the checker finds each of five wrongly typed values"
done_testing
