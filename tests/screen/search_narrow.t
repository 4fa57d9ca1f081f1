#!/bin/bash
# 80×24 keeps what matters in the entity search (issue 16): a 匹配 column
# that no hit fills is dropped before names are cut, and a long name is cut
# in the middle, so that the branches of one company (中国石化销售股份有限
# 公司江苏无锡石油分公司…加油站) can still be told apart.
. "$(dirname "$0")/../lib/screen.sh"

DB=$(test_db) || { fail "a copy of the test warehouse"; done_testing; exit; }
company=中国石化销售股份有限公司江苏无锡石油分公司
# three more branches, renamed from entities of the district
psql_su -d "$DB" -q -c "UPDATE core.entity e SET name = '$company' || x.b || '加油站'
  FROM (SELECT id, (ARRAY['惠山', '东亭', '梅村'])[row_number() OVER (ORDER BY id)] AS b FROM core.entity
         WHERE status = 'active' AND name NOT LIKE '$company%' ORDER BY id LIMIT 3) x WHERE e.id = x.id" >/dev/null
n=$(psql_su -At -d "$DB" -c "SELECT count(*) FROM core.entity WHERE name LIKE '$company%加油站'")
like "$n" "^([2-9]|[1-9][0-9]+)$" "the test warehouse has several branches of $company"

scr_start 80 24 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$DB"
scr_login demo_clerk_lx
scr_wait "主菜单" && scr_keys 1 && scr_wait "查找："
scr_type "$company"
await "加油站" "the search lists the branches at 80×24"
screen=$(scr_capture)
header=$(printf '%s\n' "$screen" | grep -m1 "统一社会信用代码")
like "$header" "名称" "the header keeps 名称"
unlike "$header" "匹配" "  ... and drops 匹配, which no hit fills"
names=$(printf '%s\n' "$screen" | grep -o "中国石化[^ ]*加油站" | sort -u)
like "$names" "^中国石化销售股…" "the names are cut in the middle, the marker after their head"
like "$(printf '%s\n' "$names" | grep -c .)" "^([2-9]|[1-9][0-9]+)$" "  ... and the branches read differently"
diag "$names"
done_testing
