#!/bin/bash
# Reports and consultations at the 12315 desk: smcon tipoff new|list|show|
# verify|decide|inform|close|assign|pause|resume|extend|transfer|merge and
# smcon consult new|list|show|answer|assign|transfer; the reporter's
# identity only for the handling unit.
. "$(dirname "$0")/../lib/env.sh"

DB=$(test_db empty) || { fail "an empty copy of the test warehouse"; done_testing; exit; }
psql_su -d "$DB" -q -1 -v ON_ERROR_STOP=1 -f "$ROOT/tests/data/entity-fixtures.sql" >/dev/null
psql_su -d "$DB" -qc "UPDATE meta.test_clock SET enabled = true"
export PGOPTIONS="-c smcon.now=2026-12-07T10:00:00+08"
e() { run_db "$DB" "$@"; }
q() { psql_su -d "$DB" -Atc "$1"; }
LX=92320213MA1YMG038T

e demo_clerk_lx tipoff new --name 王立新 --phone 13912398765 --uscc $LX --facts '后厨使用过期调料'
is "$rc" 0 "a real-name report is registered"
contains "$out" "核查并决定是否立案期限：$(q "SELECT api.add_workdays('2026-12-07', 15)")" "  ... with 15 working days to decide"
t1=$(printf '%s' "$out" | grep -o 'SJ[0-9]*' | head -1)
e demo_clerk_lx tipoff new --anonymous --phone 13912390000 --uscc $LX --facts '无证经营'
is "$rc" 0 "an anonymous report is registered"
t2=$(printf '%s' "$out" | grep -o 'SJ[0-9]*' | head -1)
e demo_clerk_lx tipoff new --name 王立新 --uscc $LX
is "$rc" 1 "a report without a clue is refused"

e demo_handler_lx tipoff show "$t1"
contains "$out" "举报人：王立新" "the handling unit sees the reporter"
e demo_supervisor tipoff show "$t1"
is "$rc" 0 "the city supervisor may read the report"
contains "$out" "举报人：王**" "  ... with the reporter masked (§33)"
unlike "$out" "13912398765" "  ... the phone too"
e demo_handler_jy tipoff show "$t1"
is "$rc" 3 "江阴 may not read it (exit 3)"
e demo_handler_lx tipoff list --format csv
contains "$out" "$t1" "list shows the unit's reports"

e demo_handler_lx tipoff assign "$t1"
is "$rc" 0 "a handler takes the report"
e demo_handler_lx tipoff decide "$t1" --not-opened
is "$rc" 2 "no case needs a reason"
e demo_handler_lx tipoff verify "$t1"
is "$rc" 0 "verification starts"
e demo_handler_lx tipoff verify "$t1"
is "$rc" 5 "  ... once (exit 5)"
contains "$err" "核查中" "  ... naming the state"
e demo_handler_lx tipoff pause "$t1" --reason 样品送检
is "$rc" 0 "testing pauses the verification"
e demo_handler_lx tipoff resume "$t1"
is "$rc" 0 "  ... and it resumes"
e demo_supervisor_lx tipoff extend "$t1" --days 10 --reason 复杂
is "$rc" 1 "verification is extended by 15 working days, no other number"
e demo_supervisor_lx tipoff extend "$t1" --reason 案情复杂
is "$rc" 0 "a supervisor extends it by 15"
contains "$out" "期限：$(q "SELECT api.add_workdays('2026-12-07', 30)")" "  ... to 30 working days from receipt"
e demo_handler_lx tipoff decide "$t1" --case '锡梁市监立〔2026〕88号'
is "$rc" 0 "a case is opened"
contains "$out" "告知实名举报人是否立案期限：$(q "SELECT api.add_workdays('2026-12-07', 5)")" "  ... the reporter must be told within 5"
e demo_handler_lx tipoff close "$t1"
is "$rc" 5 "not closed before the reporter is told (exit 5)"
e demo_handler_lx tipoff inform "$t1"
is "$rc" 0 "the reporter is told"
e demo_handler_lx tipoff close "$t1"
is "$rc" 0 "then it is closed"
e demo_handler_lx tipoff decide "$t2" --not-opened --reason 线索不实
is "$rc" 0 "an anonymous report is decided"
e demo_handler_lx tipoff inform "$t2"
is "$rc" 5 "  ... with nobody to inform (exit 5)"

e demo_clerk_lx tipoff new --name 王立新 --phone 13912398765 --uscc $LX --facts '又见过期调料'
t3=$(printf '%s' "$out" | grep -o 'SJ[0-9]*' | head -1)
e demo_clerk_lx tipoff new --name 王立新 --phone 13912398765 --uscc $LX --facts '过期调料'
t4=$(printf '%s' "$out" | grep -o 'SJ[0-9]*' | head -1)
e demo_handler_lx tipoff merge "$t4" --into "$t3"
is "$rc" 0 "a duplicate report is merged"
e demo_handler_lx tipoff transfer "$t3" --unit JY --reason 违法行为发生在江阴
is "$rc" 0 "a report goes to the district where the act occurred"
contains "$out" "已转交" "  ... and says so"
e demo_handler_lx tipoff show "$t3"
is "$rc" 3 "  ... and is then 江阴's, not 梁溪's"

# consultations
e demo_clerk_lx consult new --name 张三 --phone 13800001111 --subject 预付卡 --facts '预付卡退费怎么办' \
	--channel transfer_12345 --work-order WX2026120700009 --received-12345 '2026-12-07 09:00+08'
is "$rc" 0 "a 12345 consultation is registered"
contains "$out" "答复 12345 转办工单期限：$(q "SELECT api.add_workdays('2026-12-07', core.setting_int('reply_12345_workdays'))")" \
	"  ... with the configured reply limit"
c1=$(printf '%s' "$out" | grep -o 'SZ[0-9]*' | head -1)
e demo_clerk_lx consult new --suggestion --facts '建议公布投诉处理结果' --format csv
is "$rc" 0 "a suggestion is registered"
c2=$(printf '%s' "$out" | grep -o 'SZ[0-9]*' | head -1)
e demo_clerk_lx consult list --format csv
contains "$out" "$c1" "list shows open consultations"
e demo_handler_lx consult assign "$c2"
is "$rc" 0 "assign takes one"
e demo_handler_lx consult transfer "$c2" --unit LX01 --reason 属所答复
is "$rc" 0 "transfer hands it to a station"
e demo_clerk_lx consult answer "$c1"
is "$rc" 2 "an answer needs its text"
e demo_clerk_lx consult answer "$c1" --answer '可向发卡经营者要求退还余额'
is "$rc" 0 "a consultation is answered"
contains "$out" "已答复" "  ... and closed"
is "$(q "SELECT replied_at IS NOT NULL FROM rights.transfer_12345 WHERE work_order_no = 'WX2026120700009'")" t \
	"  ... the 12345 order answered too"
e demo_clerk_lx consult answer "$c1" --answer 再答
is "$rc" 5 "  ... once (exit 5)"
e demo_clerk_lx consult show "$c1" --format json
contains "$out" '"answer": "可向发卡经营者要求退还余额"' "show gives the answer"
done_testing
