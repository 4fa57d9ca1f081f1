#!/bin/bash
# The 12315 desk in command mode: smcon complaint new|list|show|accept|reject|
# assign|mediate|terminate|pause|resume|extend|notify|close|merge|apart|
# transfer|complete|supervise. A wrong step exits 5 naming the state, another
# district's item 3. The clock is pinned with the test clock.
. "$(dirname "$0")/../lib/env.sh"

DB=$(test_db empty) || { fail "an empty copy of the test warehouse"; done_testing; exit; }
psql_su -d "$DB" -q -1 -v ON_ERROR_STOP=1 -f "$ROOT/tests/data/entity-fixtures.sql" >/dev/null
is "$?" 0 "the entity fixtures load"
psql_su -d "$DB" -qc "UPDATE meta.test_clock SET enabled = true"
at() { export PGOPTIONS="-c smcon.now=$1"; }
at 2026-12-07T10:00:00+08
e() { run_db "$DB" "$@"; }
q() { psql_su -d "$DB" -Atc "$1"; }
LX=91320213MA1XHD015B
person=(--name 周海燕 --phone 13861234567 --address '无锡市梁溪区中山路 8 号')

# new
e demo_clerk_lx complaint new "${person[@]}" --uscc $LX --request 退货退款 --facts '电池三天后无法充电' --amount 2399
is "$rc" 0 "a clerk registers a complaint about a 梁溪 entity"
like "$out" "已登记投诉 SM[0-9]{14}（已登记待受理），交无锡市梁溪区市场监督管理局处理" "  ... told its number, state and unit"
contains "$out" "决定是否受理并告知投诉人期限：2026-12-16" "  ... and the 7-working-day deadline"
no1=$(printf '%s' "$out" | grep -o 'SM[0-9]*' | head -1)

e demo_handler_lx complaint new --name 周海燕 --phone 13861234567 --uscc $LX --request 退货退款 --format csv
is "$rc" 0 "a complaint without address and facts is taken"
contains "$out" "draft,材料待补正" "  ... as a draft"
contains "$out" "投诉人通讯地址、争议事实" "  ... listing what is missing"
contains "$out" "争议事实,1" "  ... and one possible duplicate (same phone, same respondent)"
no2=$(printf '%s' "$out" | grep -o 'SM[0-9]*' | head -1)

e demo_handler_lx complaint new --name 王五 --phone 13900001111 --address 梁溪区学前街 --respondent 某小店 \
	--respondent-address '梁溪区南长街 1 号' --request 退款 --facts 卖过期食品 --also-report \
	--channel transfer_12345 --work-order WX2026120700001 --received-12345 '2026-12-07 08:00+08'
is "$rc" 0 "a 12345 transfer that is both a complaint and a report"
like "$out" "已登记投诉 SM[0-9]{14}" "  ... makes a complaint"
like "$out" "已登记举报 SJ[0-9]{14}" "  ... and a report"
is "$(q "SELECT count(*) FROM rights.complaint c JOIN rights.report r ON r.id = c.report_id
          JOIN rights.transfer_12345 t ON t.id = c.transfer_12345_id AND t.id = r.transfer_12345_id
         WHERE t.work_order_no = 'WX2026120700001' AND t.received_12345_at = '2026-12-07 08:00+08'")" 1 \
	"  ... linked, with the work order and its 12345 receipt time"
no3=$(printf '%s' "$out" | grep -o 'SM[0-9]*' | head -1)

e demo_handler_lx complaint new --name 李四 --phone 13900002222 --address 某地 --respondent 网店 --respondent-address 杭州 \
	--request 退款 --facts 假货 --unit JY
is "$rc" 1 "routing to another district without a reason is refused"
contains "$err" "须写明理由" "  ... asking for the reason"
e demo_analyst complaint new "${person[@]}" --uscc $LX --request 退货 --facts 坏了
is "$rc" 3 "an analyst may not register (exit 3)"

# list
e demo_handler_lx complaint list --format csv
is "$rc" 0 "list shows the unit's queue"
contains "$(printf '%s' "$out" | head -1)" "item_no,state_label,received_at,org,handler,respondent,due,remaining,used_pct,band" \
	"  ... with its columns"
contains "$out" "$no1" "  ... the new complaints are in it"
e demo_handler_jy complaint list --format csv
unlike "$out" "$no1" "  ... but not in 江阴's"
e demo_handler_jy complaint list --unit LX
is "$rc" 3 "江阴 may not open 梁溪's queue (exit 3)"
e demo_handler_lx complaint list --due-before 2026-12-17 --state registered --format csv
contains "$out" "$no1" "--due-before and --state narrow it"
unlike "$out" "$no2" "  ... (the draft is not registered)"
e demo_handler_lx complaint list --due-before 17/12
is "$rc" 2 "a date that is not a date is a usage error"

# accept, the wrong way first
e demo_handler_lx complaint accept "$no2"
is "$rc" 5 "a draft is not accepted (exit 5)"
contains "$err" "材料待补正" "  ... the refusal names the current state"
e demo_handler_jy complaint accept "$no1"
is "$rc" 3 "a 江阴 handler cannot accept a 梁溪 complaint (exit 3)"
e demo_handler_lx complaint accept SM20991231999999
is "$rc" 4 "a number that does not exist: exit 4"
e demo_handler_lx complaint accept "$no1"
is "$rc" 0 "the 梁溪 handler accepts it"
contains "$out" "调解（自受理之日起）期限：$(q "SELECT api.add_workdays('2026-12-07', 45)")" \
	"  ... and is told the 45-day mediation deadline"
contains "$out" "第二十一条" "  ... and its article"
e demo_handler_lx complaint accept "$no1"
is "$rc" 5 "accepting twice exits 5"
contains "$err" "已受理" "  ... naming the state"

# complete, apart, merge
e demo_clerk_lx complaint complete "$no2" --address '梁溪区学前街 1 号' --facts 又坏了
is "$rc" 0 "complete fills in the missing items"
contains "$out" "已登记待受理" "  ... and the draft is registered"
e demo_handler_lx complaint apart "$no2" --from "$no1"
is "$rc" 2 "keeping apart needs a reason"
e demo_handler_lx complaint merge "$no2" --into "$no1"
is "$rc" 0 "a duplicate is merged into the accepted complaint"
e demo_handler_lx complaint show "$no2"
contains "$out" "（$no2 已并入此件）" "the merged number still finds the kept one"
contains "$out" "编号：$no1" "  ... shown as the kept complaint"

# assign, pause, resume, extend, transfer
e demo_handler_lx complaint assign "$no1"
is "$rc" 0 "a handler takes a complaint"
e demo_handler_lx complaint list --mine --format csv
contains "$out" "$no1" "  ... and it is on --mine"
e demo_handler_lx complaint assign "$no1" --to demo_handler_jy
is "$rc" 3 "a handler cannot assign to someone else (exit 3)"
e demo_handler_lx complaint pause "$no1"
is "$rc" 2 "a pause needs a reason"
e demo_handler_lx complaint pause "$no1" --reason 电池送检
is "$rc" 0 "testing pauses the clock"
at 2026-12-14T10:00:00+08
e demo_handler_lx complaint resume "$no1"
is "$rc" 0 "and resumes it a week later"
contains "$out" "暂停了 5 个工作日" "  ... 5 working days paused"
contains "$out" "期限：$(q "SELECT api.add_workdays('2026-12-07', 50)")" "  ... added to the deadline"
e demo_handler_lx complaint extend "$no1" --days 5 --reason 当事人申请
is "$rc" 3 "a handler cannot extend (exit 3)"
e demo_supervisor_lx complaint extend "$no1" --days 5 --reason 当事人申请
is "$rc" 0 "a supervisor extends with a reason"
contains "$out" "期限：$(q "SELECT api.add_workdays('2026-12-07', 55)")" "  ... by the working days given"
e demo_handler_lx complaint transfer "$no3" --unit LX01 --reason 属所管辖
is "$rc" 0 "transfer hands a complaint to a station"
is "$(q "SELECT o.code || ' ' || c.clock_due FROM rights.complaint c JOIN core.org_unit o ON o.id = c.handling_org_id
          WHERE c.complaint_no = '$no3'")" "LX01 2026-12-16" "  ... its clock unchanged"

# mediate, terminate, notify, close
e demo_handler_lx complaint close "$no1"
is "$rc" 5 "a complaint in mediation is not closed (exit 5)"
e demo_handler_lx complaint mediate "$no1"
is "$rc" 0 "mediation starts"
e demo_handler_lx complaint terminate "$no1"
is "$rc" 2 "termination needs a §21 ground"
e demo_handler_lx complaint terminate "$no1" --ground no_agreement --format json
is "$rc" 0 "mediation is terminated"
contains "$out" '"clock_code": "complaint_notify"' "  ... and the notice clock runs"
e demo_handler_lx complaint notify "$no1"
is "$rc" 0 "the parties are told"
e demo_handler_lx complaint close "$no1"
is "$rc" 0 "then it is closed"
contains "$out" "办结" "  ... and says so"
e demo_handler_lx complaint show "$no1"
like "$(printf '%s' "$out" | tr '\n' ' ')" "登记.*受理.*并入重复件.*分派.*暂停计时.*恢复计时.*延长时限.*开始调解.*终止调解.*告知双方.*办结" \
	"show has the whole timeline"

# reject and agreement
e demo_handler_lx complaint new --name 赵六 --phone 13900003333 --address 梁溪区 --uscc $LX --request 赔偿 --facts 服务差
no4=$(printf '%s' "$out" | grep -o 'SM[0-9]*' | head -1)
e demo_handler_lx complaint reject "$no4" --ground nonsense
is "$rc" 1 "an unknown §15 ground is refused"
e demo_handler_lx complaint reject "$no4" --ground not_consumption --note 经营用途
is "$rc" 0 "a complaint is rejected on a §15 ground"
e demo_handler_lx complaint mediate "$no4" --agreement 退款
is "$rc" 5 "  ... and cannot be mediated (exit 5)"

# the supervisor's view
e demo_supervisor_lx complaint supervise --format csv
is "$rc" 0 "supervise shows open and overdue items by unit and handler"
contains "$(printf '%s' "$out" | head -1)" "org_code,org,handler_login,handler,open,due_soon,overdue" "  ... with its columns"
e demo_handler_lx complaint supervise
is "$rc" 3 "  ... for supervisors only"
at 2026-12-28T10:00:00+08
e demo_handler_lx complaint list --overdue --format csv
contains "$out" "$no3" "an item past its deadline is on --overdue"
contains "$out" ",red" "  ... in the red band"
done_testing
