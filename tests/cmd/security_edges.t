#!/bin/bash
# Attacks at the edges, replayed (issue 10, items 11, 12, 14): revealing
# personal data answers alike for a record that does not exist and one that
# is not the caller's; a plan takes only entities of its scope; search and
# complaint texts have sane lengths with clear messages, psql included.
. "$(dirname "$0")/../lib/env.sh"

DB=$(test_db empty) || { fail "an empty copy of the test warehouse"; done_testing; exit; }
psql_su -d "$DB" -q -1 -v ON_ERROR_STOP=1 -f "$ROOT/tests/data/entity-fixtures.sql" >/dev/null
is "$?" 0 "the entity fixtures load"
e() { run_db "$DB" "$@"; }
# sqlerr USER SQL: the SQLSTATE and message psql reports for SQL as USER
sqlerr() {
	DB=$DB psql_as "$1" -v VERBOSITY=verbose -c "$2" 2>&1 >/dev/null | head -1 | sed 's/^psql:[^ ]* //'
}

# 11: one answer for "no such record" and "not yours"
jy=$(psql_su -d "$DB" -Atc "SELECT c.id FROM rights.complaint c WHERE core.org_district(c.handling_org_id)
                             = (SELECT id FROM core.org_unit WHERE code = 'JY') LIMIT 1")
if [ -z "$jy" ]; then
	jy=$(psql_su -d "$DB" -Atc "INSERT INTO rights.complaint (complaint_no, channel_code, received_at, receiving_org_id,
	        handling_org_id, complainant_name, complainant_phone, complainant_address, respondent_name, request, facts,
	        source_system) SELECT 'T-JY', 'hotline_12315', now(), o.id, o.id, '周海燕', '13861234567', '江阴市澄江街道',
	        '某商店', '退款', '未按约定发货', 'test' FROM core.org_unit o WHERE o.code = 'JY' RETURNING id")
fi
other=$(sqlerr demo_handler_lx "SELECT * FROM api.personal('rights.complaint', $jy)")
none=$(sqlerr demo_handler_lx "SELECT * FROM api.personal('rights.complaint', 999999999)")
like "$other" "42501.*无权查看" "a handler asking for another district's complainant is refused (42501)"
is "${none//第 999999999 号/第 N 号}" "${other//第 $jy 号/第 N 号}" "  ... with the very answer given for an id that does not exist"

# 12: a district plan takes only its district's entities
e demo_inspector_lx entity candidate 92320205MA1UDD07X2 --plan LX-2026-SJ-01
is "$rc" 3 "an inspector cannot put a 锡山 entity on 梁溪's plan (exit 3)"
contains "$err" "不在抽查计划所属无锡市梁溪区市场监督管理局的监管范围内" "  ... and is told why"
is "$(psql_su -d "$DB" -Atc "SELECT count(*) FROM supervision.plan_candidate")" 0 "  ... nothing was added"
e demo_inspector_lx entity candidate 91320213MA1XHD015B --plan LX-2026-SJ-01
is "$rc" 0 "  ... while a 梁溪 entity goes on it"
out=$(PASSWORD=$(owner_pw) DB=$DB psql_as smcon_owner -c "INSERT INTO supervision.plan_candidate
      (plan_id, org_id, entity_id, added_by_staff_id) SELECT p.id, p.org_id, e.id, s.id
       FROM supervision.inspection_plan p, core.entity e, core.staff s
      WHERE p.plan_no = 'LX-2026-SJ-01' AND e.uscc = '92320205MA1UDD07X2' AND s.login = 'demo_inspector_lx'" 2>&1)
contains "$out" "不在抽查计划所属" "  ... and the table refuses it even to the owner in psql"

# 14: lengths
long=$(printf '红%.0s' $(seq 300))
e demo_clerk_lx entity search "$long"
is "$rc" 1 "a 300-character search is refused"
contains "$err" "查找内容太长：最多 200 个字符，现有 300 个" "  ... saying the limit and the length"
like "$(sqlerr demo_clerk_lx "SELECT count(*) FROM api.entity_search(repeat('红', 90000))")" "22001.*查找内容太长" \
	"  ... in psql too, a 90,000-character search is refused at once"
facts=$(printf '电%.0s' $(seq 5001))
e demo_handler_lx entity complaint 91320213MA1XHD015B --name 周海燕 --phone 13861234567 \
	--address '无锡市梁溪区中山路 8 号' --request 退货退款 --facts "$facts"
is "$rc" 1 "a complaint with 5,001 characters of facts is refused"
contains "$err" "事实和理由最多 5000 个字，现有 5001 个" "  ... naming the field, the limit and the length"
like "$(sqlerr demo_handler_lx "SELECT * FROM api.complaint_register('91320213MA1XHD015B', '周海燕', '13861234567',
        '无锡市梁溪区中山路 8 号', '退货退款', repeat('电', 10000000))")" "22001.*事实和理由最多 5000 个字" \
	"  ... ten million characters through psql are refused the same way"
e demo_handler_lx entity complaint 91320213MA1XHD015B --name 周海燕 --phone 13861234567 \
	--address '无锡市梁溪区中山路 8 号' --request 退货退款 --facts "${facts:1}"
is "$rc" 0 "  ... 5,000 characters are accepted"
done_testing
