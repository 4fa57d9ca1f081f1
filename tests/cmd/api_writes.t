#!/bin/bash
# Writes go through api functions that check the role, the record's scope
# and the transition; nobody writes the tables directly. Each change is in
# the audit log under the operator's own login.
. "$(dirname "$0")/../lib/env.sh"

db=$(test_db)
psql_su -d "$db" -f "$ROOT/tests/perm/fixtures.sql" >"$SCRATCH/fixtures.log" 2>&1 ||
	{ fail "the fixtures load"; diag "$(cat "$SCRATCH/fixtures.log")"; done_testing; }
q() { DB=$db psql_as "$@" 2>&1; }
su() { psql_su -At -d "$db" -c "$1"; }
id_of() { su "SELECT id FROM $1 WHERE $2 = '$3'"; }

# an entity's phone and address: clerks and supervisors of its district
afu=$(id_of core.entity uscc 92320213MA1Y3K5P73)      # 梁溪区阿福面馆
cable=$(id_of core.entity uscc 91320281MA1G5E9KXK)    # 江阴澄江电缆有限公司
is "$(q demo_clerk_lx -c "SELECT api.entity_update($afu, '0510-82700000', '无锡市梁溪区崇安寺步行街 14 号')")" 2 \
	"a 梁溪 clerk changes the phone and address of a 梁溪 entity"
is "$(su "SELECT phone || ' ' || address FROM core.entity WHERE id = $afu")" \
	"0510-82700000 无锡市梁溪区崇安寺步行街 14 号" "  ... the entity has them"
is "$(su "SELECT string_agg(item || ':' || after_value, ',' ORDER BY item) FROM core.entity_change WHERE entity_id = $afu AND source_system = 'smcon'")" \
	"住所变更:无锡市梁溪区崇安寺步行街 14 号,联系电话变更:0510-82700000" "  ... and each change is recorded in core.entity_change"
is "$(su "SELECT count(*) FROM audit.log WHERE actor = 'demo_clerk_lx' AND table_name = 'core.entity' AND action = 'update'")" 2 \
	"  ... and in the audit log, as the clerk"
like "$(q demo_clerk_lx -c "SELECT api.entity_update($cable, '0510-86800000')")" "不在本区" \
	"a 梁溪 clerk may not change a 江阴 entity"
like "$(q demo_inspector_lx -c "SELECT api.entity_update($afu, '0510-82711111')")" "permission denied" \
	"an inspector may not change entities at all"
like "$(q demo_clerk_lx -c "UPDATE core.entity SET phone = '0510-82711111' WHERE id = $afu")" "permission denied" \
	"nobody updates core.entity directly"
is "$(q demo_supervisor -c "SELECT api.entity_update($cable, '0510-86800000')")" 1 \
	"the city bureau's supervisor may change any entity"

# complaints: accept (§9 complete) or refuse (§15 ground), in scope
c_lx=$(id_of rights.complaint complaint_no PF-TS-LX-1)
c_incomplete=$(id_of rights.complaint complaint_no PF-TS-LX-2)
c_jy=$(id_of rights.complaint complaint_no PF-TS-JY-1)
like "$(q demo_handler_jy -c "SELECT api.complaint_accept($c_lx)")" "不在本机构范围内" \
	"a 江阴 handler cannot decide a 梁溪 complaint"
like "$(q demo_clerk_lx -c "SELECT api.complaint_accept($c_lx)")" "permission denied" "a clerk cannot decide complaints"
q demo_handler_lx -c "SELECT api.complaint_accept($c_lx)" >/dev/null
is "$(su "SELECT status || ' ' || (decided_at IS NOT NULL) || ' ' || (handler_staff_id = (SELECT id FROM core.staff WHERE login = 'demo_handler_lx'))
          FROM rights.complaint WHERE id = $c_lx")" "accepted true true" "the 梁溪 handler accepts a complete complaint"
like "$(q demo_handler_lx -c "SELECT api.complaint_accept($c_lx)")" "已作出受理决定" "  ... once"
out=$(q demo_handler_lx -c "SELECT api.complaint_accept($c_incomplete)")
like "$out" "缺少第九条规定的材料：争议事实" "an incomplete complaint is not accepted and the missing item is named"
like "$out" "materials_missing" "  ... with the hint to refuse it"
like "$(q demo_handler_lx -c "SELECT api.complaint_refuse($c_incomplete, 'no_such_ground')")" "没有不予受理情形" \
	"a refusal needs a §15 ground"
q demo_handler_lx -c "SELECT api.complaint_refuse($c_incomplete, 'materials_missing', '未提供争议事实')" >/dev/null
is "$(su "SELECT status || ' ' || refusal_ground_code FROM rights.complaint WHERE id = $c_incomplete")" \
	"refused materials_missing" "  ... and with one it is refused"
is "$(su "SELECT status FROM rights.complaint WHERE id = $c_jy")" "registered" "江阴's complaint is untouched"

# 96333: acknowledging a dispatch
i_lx=$(id_of rights.rescue_incident incident_no PF-96333-LX-1)
i_x=$(id_of rights.rescue_incident incident_no PF-96333-X-1)
like "$(q demo_clerk_lx -c "SELECT api.incident_acknowledge($i_lx)")" "permission denied" "a clerk cannot acknowledge"
like "$(q demo_dispatcher -c "SELECT api.incident_acknowledge($i_x)")" "尚未派单" "an incident not dispatched cannot be acknowledged"
like "$(q demo_dispatcher -c "SELECT api.incident_acknowledge($i_lx)")" "^20" "a dispatcher acknowledges a dispatched incident"
is "$(su "SELECT acknowledged_at >= level1_dispatched_at FROM rights.rescue_incident WHERE id = $i_lx")" t \
	"  ... after the dispatch"
like "$(q demo_dispatcher2 -c "SELECT api.incident_acknowledge($i_lx)")" "已于" "  ... once"
done_testing
