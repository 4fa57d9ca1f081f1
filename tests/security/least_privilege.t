#!/bin/bash
# Issue 10, item 10: internal data is for the roles that need it, in the
# database (psql): inspectors' recusal declarations, staff phone numbers, the
# facts behind risk grades (内部使用，不得公开), which no longer name the
# reports that row-level security hides. The profile's header still shows
# every role the grade and its score.
. "$(dirname "$0")/../lib/env.sh"

q() { psql_as "$@" 2>&1; }
for who in demo_clerk_lx demo_handler_lx demo_dispatcher demo_inspector_lx demo_analyst; do
	like "$(q "$who" -c "SELECT count(*) FROM supervision.inspector_recusal")" "permission denied" \
		"$who may not read the recusal declarations"
done
like "$(q demo_supervisor -c "SELECT count(*) >= 0 FROM supervision.inspector_recusal")" "^t$" "a supervisor may"
for who in demo_clerk_lx demo_inspector_lx demo_analyst demo_handler_lx; do
	like "$(q "$who" -c "SELECT phone FROM core.staff LIMIT 1")" "permission denied" "$who may not read staff phone numbers"
done
is "$(q demo_clerk_lx -c "SELECT full_name FROM core.staff WHERE login = 'demo_clerk_lx'")" "李娜" \
	"  ... but still the rest of the staff list"
is "$(q demo_dispatcher -c "SELECT phone FROM core.staff WHERE login = 'demo_dispatcher'")" "0510-96333001" \
	"a dispatcher may (it calls staff out)"
for who in demo_clerk_lx demo_handler_lx demo_dispatcher; do
	like "$(q "$who" -c "SELECT count(*) FROM credit.risk_grade_fact")" "permission denied" \
		"$who may not read the facts behind risk grades"
	like "$(q "$who" -c "SELECT count(*) FROM credit.risk_grade_history")" "permission denied" \
		"  ... nor the grade history"
done
code=$(psql_su -At -d smcon -c "SELECT e.uscc FROM credit.risk_grade_history h JOIN core.entity e ON e.id = h.entity_id ORDER BY h.id LIMIT 1")
is "$(q demo_clerk_lx -c "SELECT risk_score IS NOT NULL FROM api.entity_header('$code')")" "t" \
	"a clerk's profile header still shows the risk score"
is "$(q demo_clerk_lx -c "SELECT count(*) > 0 FROM api.entity_risk('$code')")" t \
	"  ... and the profile's risk facts, through the api"
rcode=$(psql_su -At -d smcon -c "SELECT e.uscc FROM credit.risk_grade_fact f JOIN credit.risk_grade_history h ON h.id = f.history_id JOIN core.entity e ON e.id = h.entity_id WHERE f.source_table = 'rights.report' ORDER BY f.id LIMIT 1")
if [ -n "$rcode" ]; then
	is "$(q demo_clerk_lx -c "SELECT count(*) FROM api.entity_risk('$rcode') WHERE source_table = 'rights.report' OR (fact LIKE '%举报%' AND source_id IS NOT NULL)")" 0 \
		"the risk facts through the api name no report behind them"
	is "$(q demo_analyst -c "SELECT count(*) > 0 FROM api.entity_risk('$rcode')")" t "an analyst reads them"
else
	fail "the test warehouse has a risk fact drawn from a report"
fi
# A tab whose records a role may not read at all says so (无权查看), not (0):
# in the database, by the caller's own policies, and in command mode.
hidden() { q "$1" -c "SELECT coalesce(string_agg(t, ',' ORDER BY t), '-') FROM api.entity_tabs_hidden() t"; }
is "$(hidden demo_dispatcher)" "complaint,enforcement,inspection" \
	"a dispatcher may read no complaints, cases or inspection tasks: the three tabs are hidden"
is "$(hidden demo_clerk_lx)" "inspection" "a clerk: only the inspection tasks (penalties and complaints are in scope)"
is "$(hidden demo_inspector_lx)" "complaint" "an inspector: the complaints"
is "$(hidden demo_analyst)" "-" "an analyst sees every tab"
is "$(hidden demo_admin)" "complaint,enforcement,inspection" "an admin sees no case data"
is "$(q demo_dispatcher -c "SELECT core.may_read_rows('core.entity'), core.may_read_rows('rights.rescue_incident'), core.may_read_rows('rights.complaint')")" \
	"t|t|f" "  core.may_read_rows: a table without row security, a policy for the role, none"
ccode=$(psql_su -At -d smcon -c "SELECT e.uscc FROM rights.complaint c JOIN core.entity e ON e.id = c.entity_id ORDER BY c.id LIMIT 1")
run demo_dispatcher entity show "$ccode" --tab complaint
is "$rc" 0 "entity show --tab complaint as a dispatcher runs"
like "$err" "【投诉举报】无权查看" "  ... and says the tab is not the dispatcher's to see"
run demo_dispatcher entity export "$ccode"
like "$out" "【投诉举报】无权查看" "the exported profile says 无权查看 for the complaints"
unlike "$out" "【投诉举报】共 0 条" "  ... not that there are none"
run demo_analyst entity export "$ccode"
like "$out" "【投诉举报】共 [1-9][0-9]* 条" "an analyst's export counts them"
ecode=$(psql_su -At -d smcon -c "SELECT registration_code FROM equipment.elevator ORDER BY id LIMIT 1")
run demo_clerk_lx entity elevator "$ecode"
like "$err" "96333 救援记录无权查看" "an elevator's 96333 incidents: a clerk is told they are not the clerk's to see"
run demo_dispatcher entity elevator "$ecode"
unlike "$err" "无权查看" "  ... a dispatcher is not"
done_testing
