#!/bin/bash
# Registering a consumer complaint about an entity (entity complaint): who may,
# what §9 of the complaint rules asks for, which unit handles it and by when
# it must decide; the complaint then shows on the entity's profile.
. "$(dirname "$0")/../lib/env.sh"

DB=$(test_db empty) || { fail "an empty copy of the test warehouse"; done_testing; exit; }
psql_su -d "$DB" -q -1 -v ON_ERROR_STOP=1 -f "$ROOT/tests/data/entity-fixtures.sql" >/dev/null
is "$?" 0 "the entity fixtures load"
# the clock is pinned: a deadline that crossed into a year without a notice would read 暂定
psql_su -d "$DB" -qc "UPDATE meta.test_clock SET enabled = true"
export PGOPTIONS="-c smcon.now=2026-12-07T10:00:00+08"
e() { run_db "$DB" "$@"; }
# the §9 items; items PHONE gives another phone number
items() {
	printf '%s\0' --name 周海燕 --phone "${1:-13861234567}" --address '无锡市梁溪区中山路 8 号' --subject 电动自行车 \
		--request 退货退款 --facts '购买三天后电池无法充电，商家拒绝退货'
}
mapfile -d '' ok_items < <(items)
mapfile -d '' bad_phone < <(items 'call me')

e demo_handler_lx entity complaint 91320213MA1XHD015B "${ok_items[@]}"
is "$rc" 0 "a complaint handler registers a complaint about a 梁溪 entity"
like "$out" "已登记投诉 SM[0-9]{14}，交无锡市梁溪区市场监督管理局处理，须在 [0-9]{4}-[0-9]{2}-[0-9]{2} 前决定是否受理" \
	"  ... and is told its number, the handling unit and the deadline"
no=$(printf '%s' "$out" | grep -o 'SM[0-9]*')
today=2026-12-07
due=$(psql_su -d "$DB" -Atc "SELECT api.add_workdays('$today', 7)")
contains "$out" "须在 $due 前决定" "  ... 7 working days from today (投诉举报处理暂行办法 §14)"
row=$(psql_su -d "$DB" -Atc "SELECT status, channel_code, respondent_name, complainant_address, source_system
                             FROM rights.complaint WHERE complaint_no = '$no'")
is "$row" "registered|hotline_12315|$(psql_su -d "$DB" -Atc "SELECT name FROM core.entity WHERE uscc = '91320213MA1XHD015B'")|无锡市梁溪区中山路 8 号|smcon" \
	"  ... stored as registered, the respondent the entity"

e demo_handler_lx entity show 91320213MA1XHD015B --tab complaint --format csv
contains "$out" "$no" "the complaint is on the entity's profile"
e demo_clerk_jy entity show 91320213MA1XHD015B --tab complaint --format csv
unlike "$out" "$no" "  ... but not for 江阴, whose scope it is not"

e demo_clerk_jy entity complaint 91320213MA1XHD015B "${ok_items[@]}" --channel walk_in
is "$rc" 0 "a 江阴 clerk registers a walk-in complaint about a 梁溪 entity"
contains "$out" "交无锡市梁溪区市场监督管理局处理" "  ... it goes to the entity's district (where the respondent operates)"

e demo_analyst entity complaint 91320213MA1XHD015B "${ok_items[@]}"
is "$rc" 3 "an analyst may not register complaints (exit 3)"
out=$(psql_as demo_inspector_lx -d "$DB" -c "SELECT api.complaint_register('91320213MA1XHD015B', '周海燕', '13861234567', '某地', '退货', '坏了')" 2>&1)
like "$out" "permission denied for function complaint_register" "  ... nor an inspector who calls the api with psql"

e demo_handler_lx entity complaint 91320213MA1XHD015B --name 周海燕 --phone 13861234567 --address 某地 --request 退货
is "$rc" 2 "without the facts: a usage error (exit 2)"
contains "$err" "请给出 --facts" "  ... that names the missing item"
e demo_handler_lx entity complaint 91320213MA1XHD015B "${bad_phone[@]}"
is "$rc" 1 "a phone that is not a phone number is refused"
like "$err" "电话" "  ... with a message about the phone"
e demo_handler_lx entity complaint 91320213MA1XHD0159 "${ok_items[@]}"
is "$rc" 4 "an entity that does not exist: exit 4"
e demo_handler_lx entity complaint 91320213MA1XHD015B "${ok_items[@]}" --channel transfer_12345
is "$rc" 1 "12345 transfers are not registered by hand"
is "$(psql_su -d "$DB" -Atc "SELECT count(*) FROM rights.complaint WHERE source_system = 'smcon'")" 2 \
	"only the two good complaints were stored"
is "$(psql_su -d "$DB" -Atc "SELECT count(*) FROM audit.log WHERE table_name = 'rights.complaint' AND action = 'insert' AND actor IN ('demo_handler_lx', 'demo_clerk_jy')")" 2 \
	"  ... each in the audit log under the operator's name"
done_testing
