#!/bin/bash
# entity search, show, history, export, elevator, plans and candidate in
# command mode, on a private copy of the test warehouse with the rows of
# tests/data/entity-fixtures.sql.
. "$(dirname "$0")/../lib/env.sh"

DB=$(test_db empty) || { fail "an empty copy of the test warehouse"; done_testing; exit; }
psql_su -d "$DB" -q -1 -v ON_ERROR_STOP=1 -f "$ROOT/tests/data/entity-fixtures.sql" >/dev/null
is "$?" 0 "the entity fixtures load"
e() { run_db "$DB" "$@"; }
# the credit codes of the rows of a CSV result, in order
codes() { printf '%s\n' "$out" | sed 1d | cut -d, -f1 | paste -sd' '; }

# ---- every kind of search ----
e demo_clerk_lx entity search 91320213MA1XHD015B --format csv
is "$rc" 0 "a credit code finds its entity"
is "$(codes)" "91320213MA1XHD015B" "  ... and only it"
like "$out" ",exact[[:cntrl:]]?$" "  ... as an exact match"

e demo_clerk_lx entity search 9132 0213 ma1x hd01 5b --format csv
is "$(codes)" "91320213MA1XHD015B" "a code typed in lower case with blanks is normalised"
e demo_clerk_lx entity search '９１３２０２１３ＭＡ１ＸＨＤ０１５Ｂ' --format csv
is "$(codes)" "91320213MA1XHD015B" "  ... and one typed full-width with a Chinese input method"

e demo_clerk_lx entity search 91320202MA1TAA04X7 --format csv
is "$rc" 0 "a code of the retired 崇安区 (320202) finds its entity"
is "$(codes)" "91320202MA1TAA04X7" "  ... 无锡市崇安寺商贸有限公司"
e demo_clerk_lx entity show 91320202MA1TAA04X7 --format json
like "$out" '"reg_division_name": "崇安区"' "  ... whose profile names the district in the code"
like "$out" '"reg_division_note": "2015 年撤销，今属梁溪区"' "  ... says it was merged into 梁溪区 in 2015"
like "$out" '"division_name": "梁溪区"' "  ... and where the entity is now"

e demo_clerk_lx entity search 91320202MA1TAA04X8 --format csv
is "$rc" 0 "a wrong check character: a search all the same (exit 0)"
contains "$err" "没有完全相同的代码" "  ... that says nothing has exactly that code"
contains "$err" "第 18 位（校验码）应为 7，不是 8" "  ... and it says which character was expected"
is "$(codes)" "91320202MA1TAA04X7" "  ... and still offers the near match"
like "$out" ",near_code" "  ... marked as a near code"
e demo_clerk_lx entity search 91320202MA1TAA40X7
is "$rc" 0 "two characters swapped"
contains "$out" "91320202MA1TAA04X7" "  ... the code with them in order is offered"

e demo_clerk_lx entity search 320202000123456 --format csv
is "$(codes)" "91320202MA1TAA04X7" "a 15-digit 注册号 finds its entity"
e demo_clerk_lx entity search 0510-82718888 --format csv
is "$(codes)" "91320213MA1XHD015B" "a phone number finds its entity"
e demo_clerk_lx entity search 82718888 --format csv
is "$(codes)" "91320213MA1XHD015B" "  ... and so do its last 8 digits"
e demo_clerk_lx entity search 91320213MA1W012 --format csv
want=$(psql_as demo_clerk_lx -d "$DB" -c "SELECT string_agg(uscc, ' ' ORDER BY uscc) FROM core.entity WHERE uscc LIKE '91320213MA1W012%'")
ok=0
[ "$(echo "$want" | wc -w)" -ge 10 ] && [ "$(codes)" = "$want" ] && ok=1
is "$ok" 1 "the start of a code finds the codes that start so, in code order"

e demo_clerk_lx entity search 海澜 --format csv
is "$rc" 0 "a two-character fragment (海澜) is searched"
contains "$out" "91320213MA1XHD0236,无锡海澜服饰有限公司" "  ... and finds the name that contains it"
e demo_clerk_lx entity search 太湖毛纺 --format csv
is "$(codes)" "91320213MA1XHD015B" "a fragment only a former name has finds the entity"
like "$out" "former_name" "  ... as a former-name match"
e demo_clerk_lx entity search 太湖毛纺
contains "$out" "曾用名：无锡市太湖毛纺织厂" "  ... and the table says which former name"
e demo_clerk_lx entity search 周海峰 --format csv
like "$out" "91320213MA1XHD015B.*legal_rep" "the legal representative's name finds the entity"
e demo_clerk_lx entity search 中山路288号 --format csv
like "$out" "91320213MA1XHD015B.*address" "an address typed without its blanks finds the entity"
e demo_clerk_lx entity search 无锡红豆纺织科技有限公司 --format csv
is "$(codes | cut -d' ' -f1)" "91320213MA1XHD015B" "the exact name comes first"
like "$(printf '%s\n' "$out" | sed -n 2p)" ",exact[[:cntrl:]]?$" "  ... as an exact match"

e demo_clerk_lx entity search 红豆 --format csv
first=$(printf '%s\n' "$out" | sed 1d | grep -n '91320211MA1RBB0548' | cut -d: -f1)
open=$(printf '%s\n' "$out" | sed 1d | grep -n '91320213MA1XHD015B' | cut -d: -f1)
ok=0
[ -n "$first" ] && [ -n "$open" ] && [ "$open" -lt "$first" ] && ok=1
is "$ok" 1 "entities in business come before deregistered ones"

e demo_clerk_lx entity search 无
is "$rc" 0 "one character searches names that start with it"
contains "$err" "只输入了一个字" "  ... and says that a fragment needs two"

# ---- filters, sorting, paging ----
e demo_clerk_lx entity search 红豆 --district 滨湖 --format csv
is "$(codes)" "91320211MA1RBB0548" "--district takes a district's name"
e demo_clerk_lx entity search 红豆 --status 注销 --format csv
is "$(codes)" "91320211MA1RBB0548" "--status takes a status's name"
e demo_clerk_lx entity search 红豆 --type 个体工商户 --format csv
is "$(codes)" "92320213MA1YMG038T" "--type takes a type's name"
e demo_clerk_lx entity search 红豆 --industry H --format csv
is "$(codes)" "92320213MA1YMG038T 91320211MA1RBB0548" "--industry takes a GB/T 4754 section"
e demo_clerk_lx entity search 红豆 --from 2016-01-01 --to 2016-12-31 --format csv
is "$(codes)" "91320213MA1XHD015B" "--from and --to bound the date of establishment"
e demo_clerk_lx entity search 红豆 --risk c --format csv
is "$(codes)" "91320213MA1XHD015B" "--risk takes a risk grade"
e demo_clerk_lx entity search 红豆 --within 面馆 --format csv
is "$(codes)" "92320213MA1YMG038T" "--within narrows the results to a second fragment"
e demo_clerk_lx entity search 红豆 --district 火星
is "$rc" 1 "an unknown district is an error"
contains "$err" "没有这个区县：火星" "  ... that names it"

e demo_clerk_lx entity search 晨曦 --limit 50 --format csv
is "$(printf '%s\n' "$out" | sed 1d | wc -l)" 50 "--limit 50 shows 50 rows"
contains "$err" "显示了 50 条，共 130 条" "  ... and says there are 130"
e demo_clerk_lx entity search 晨曦 --sort uscc --limit 3 --format csv
sorted=$(psql_as demo_clerk_lx -d "$DB" -c "SELECT string_agg(uscc, ' ' ORDER BY uscc) FROM (SELECT uscc FROM core.entity WHERE name LIKE '%晨曦%' ORDER BY uscc LIMIT 3) s")
is "$(codes)" "$sorted" "--sort uscc orders by code"
e demo_clerk_lx entity search 晨曦 --sort uscc --desc --limit 3 --format csv
sorted=$(psql_as demo_clerk_lx -d "$DB" -c "SELECT string_agg(uscc, ' ' ORDER BY uscc DESC) FROM (SELECT uscc FROM core.entity WHERE name LIKE '%晨曦%' ORDER BY uscc DESC LIMIT 3) s")
is "$(codes)" "$sorted" "--desc reverses it"
e demo_clerk_lx entity search 红豆 --sort pinyin
is "$rc" 2 "an unknown sort is a usage error"

# keyset paging in SQL: page after page gives every row once, in order
pages=$(psql_as demo_clerk_lx -d "$DB" <<'SQL'
CREATE TEMP TABLE seen (pos bigint, id bigint);
DO $$
DECLARE k text; i bigint; n int;
BEGIN
	LOOP
		INSERT INTO seen SELECT s.pos, s.id FROM api.entity_search('晨曦', after_key => k, after_id => i, page_size => 40) s;
		GET DIAGNOSTICS n = ROW_COUNT;
		EXIT WHEN n = 0;
		SELECT s.sort_key, s.id INTO k, i FROM api.entity_search('晨曦', after_key => k, after_id => i, page_size => 40) s
		 ORDER BY s.pos DESC LIMIT 1;
	END LOOP;
END $$;
SELECT count(*), count(DISTINCT id), min(pos), max(pos), bool_and(pos = rn)
  FROM (SELECT pos, id, row_number() OVER (ORDER BY pos) AS rn FROM seen) x;
SQL
)
is "$pages" "130|130|1|130|t" "pages of 40 follow each other: 130 rows, each once, in order"

# ---- formats ----
e demo_clerk_lx entity search 海澜 --format json
like "$out" '"uscc": "91320213MA1XHD0236", "name": "无锡海澜服饰有限公司"' "--format json"
e demo_clerk_lx entity search 海澜
like "$(printf '%s\n' "$out" | head -1)" "统一社会信用代码 +\| +名称" "the table has Chinese column titles"

e demo_clerk_lx entity search 没有这种名字的主体
is "$rc" 0 "nothing found: an empty result, exit 0 (doc/smcon.1)"
contains "$out" "没有找到符合条件的主体" "  ... that says so"
like "$out" "（0 行）" "  ... and shows no rows"
e demo_clerk_lx entity search 没有这种名字的主体 --format csv
is "$rc:$(printf "%s" "$out" | tr -d "\r")" "0:uscc,name,legal_rep_name,entity_type_name,status,status_name,established_on,division_name,registered_capital,risk_grade,matched,match" \
	"  ... in CSV only the header"

# ---- show, history, export ----
e demo_clerk_lx entity show 91320213MA1XHD015B
is "$rc" 0 "entity show prints the header"
contains "$out" "无锡红豆纺织科技有限公司" "  ... the name"
like "$out" "法定代表人 *: 周海峰" "  ... the legal representative under his title"
like "$out" "证件号码（脱敏） *: 320213\*\*\*\*\*\*\*\*3016" "  ... his ID number masked"
unlike "$out" "320213197805123016" "  ... never in full"
like "$out" "风险等级 *: C" "  ... the risk grade"
like "$out" "标签 *: 重点监管对象" "  ... the tags"
e demo_clerk_lx entity show 91320213MA1XHD015B --tab risk --format csv
like "$out" "C,信用风险较高,38.00,2026-03-31" "--tab risk: the grade and score"
contains "$out" "列入经营异常名录,2025-07-10 因未报送年度报告列入经营异常名录,15.00" "  ... and the facts behind it"
e demo_clerk_lx entity show 91320213MA1XHD015B --tab all --format csv
for tab in registration licence enforcement complaint equipment credit ip; do
	like "$out" "^$tab," "--tab all has the $tab tab"
done
like "$out" "complaint,2026-03-05,投诉,TS20260305-LX-0012：羊毛围巾起球严重,已登记,服装鞋帽；投诉人 沈\*\*" \
	"  ... a complaint with its complainant masked"
like "$out" ",supervision,行政处罚系统,20" "  ... every fact with its theme database, source system and load time"
e demo_clerk_lx entity show 91320213MA1XHD015B --tab enforcement
contains "$out" "罚款 20000.00 元" "--tab enforcement: the penalty and its measures"
contains "$out" "来源：监管行为库 · 行政处罚系统" "  ... and where it came from"
e demo_clerk_lx entity show 91320213MA1XHD015B --tab fooddrug --format csv
is "$(printf '%s\n' "$out" | sed 1d | wc -l)" 0 "a tab without rows prints none"
e demo_clerk_lx entity show 91320213MA1XHD015B --tab nowhere
is "$rc" 2 "an unknown tab is a usage error"
e demo_clerk_lx entity show 91320213MA1XHD015C
is "$rc" 4 "entity show of an unknown code: exit 4"
contains "$err" "应为 B，不是 C" "  ... saying the check character is wrong"

e demo_clerk_lx entity history 91320213MA1XHD015B --format csv
like "$(printf '%s\n' "$out" | sed -n 3p)" "2021-07-06,变更登记,住所变更" "entity history lists the changes newest first"
contains "$out" "曾用名,无锡市太湖毛纺织厂" "  ... with the former names"

e demo_clerk_lx entity export 91320213MA1XHD015B --output "$SCRATCH/profile.txt"
is "$rc" 0 "entity export --output writes a file"
contains "$err" "$SCRATCH/profile.txt" "  ... and says where"
contains "$(cat "$SCRATCH/profile.txt")" "【处罚】共 1 条" "  ... the profile as text, every tab"
contains "$(cat "$SCRATCH/profile.txt")" "【食药】共 0 条" "  ... empty tabs too"
contains "$(cat "$SCRATCH/profile.txt")" "导出人：李娜（demo_clerk_lx）" "  ... and who exported it"

# ---- elevators ----
e demo_clerk_lx entity elevator 213901
is "$rc" 0 "entity elevator finds an elevator by its rescue code"
contains "$out" "31103202132016050001" "  ... shows its registration code"
contains "$out" "无锡新吴快捷电梯维保有限公司" "  ... its maintenance unit"
unlike "$out" "96333-20260302-0007" "  ... but a clerk sees none of its 96333 incidents (row-level security)"
e demo_inspector_lx entity elevator 213901
contains "$out" "96333-20260302-0007" "an inspector of the elevator's district sees its 96333 incidents"
e demo_dispatcher entity elevator 213901
contains "$out" "96333-20260302-0007" "  ... and so does the dispatch desk"
e demo_clerk_lx entity elevator 99999999999999999999
is "$rc" 4 "an unknown elevator: exit 4"

# ---- inspection plans: by role and scope, and the database refuses the rest ----
e demo_clerk_lx entity candidate 91320213MA1XHD015B --plan LX-2026-SJ-01
is "$rc" 3 "a clerk may not add to a plan"
e demo_inspector_lx entity plans --format csv
is "$(printf '%s\n' "$out" | sed 1d | cut -d, -f1)" "LX-2026-SJ-01" "an inspector of 梁溪 sees the plans of 梁溪 only"
e demo_inspector_lx entity candidate 91320213MA1XHD015B --plan LX-2026-SJ-01 --note 投诉集中
is "$rc" 0 "an inspector adds an entity to a plan of his district"
contains "$out" "91320213MA1XHD015B 已加入抽查计划 LX-2026-SJ-01 的候选名单" "  ... and is told"
e demo_inspector_lx entity candidate 91320213MA1XHD015B --plan LX-2026-SJ-01
is "$rc" 5 "the same entity twice: a conflict"
e demo_inspector_lx entity candidate 91320213MA1XHD015B --plan JY-2026-SJ-01
is "$rc" 3 "a plan of another district is refused"
e demo_inspector_lx entity candidate 91320211MA1RBB0548 --plan LX-2026-SJ-01
is "$rc" 1 "a deregistered entity cannot be put forward"
e demo_supervisor entity candidate 91320202MA1TAA04X7 --plan JY-2026-SJ-01
is "$rc" 3 "even the city's supervisor cannot put a 梁溪 entity on 江阴's plan (a plan takes its scope)"
out=$(psql_as demo_clerk_lx -d "$DB" -c "SELECT api.plan_candidate_add('LX-2026-SJ-01', '91320213MA1XHD0236')" 2>&1)
like "$out" "permission denied for function plan_candidate_add" "the database refuses a clerk who calls the api directly"
out=$(psql_as demo_inspector_lx -d "$DB" -c "INSERT INTO supervision.plan_candidate (plan_id, org_id, entity_id, added_by_staff_id) SELECT 1, 1, 1, 1" 2>&1)
like "$out" "permission denied" "  ... and anyone who writes the table"
is "$(psql_as demo_clerk_jy -d "$DB" -c 'SELECT count(*) FROM supervision.plan_candidate')" 0 \
	"a clerk has no business with plan candidates and sees none"
is "$(psql_as demo_inspector_lx -d "$DB" -c 'SELECT count(*) FROM supervision.plan_candidate')" 1 \
	"an inspector of 梁溪 sees the candidates of 梁溪's plans only"
is "$(psql_as demo_supervisor -d "$DB" -c 'SELECT count(*) FROM supervision.plan_candidate')" 1 \
	"the city's supervisor sees the candidates"

# ---- the search stays on its indexes when a clerk runs it ----
plan=$(sh "$ROOT/mk/pgcluster.sh" psql "$SMCON_TEST_PG" -d "$DB" 2>&1 <<'SQL'
LOAD 'auto_explain';
SET auto_explain.log_min_duration = 0;
SET auto_explain.log_nested_statements = on;
SET client_min_messages = log;
SET ROLE demo_clerk_lx;
SELECT count(*) FROM api.entity_search('红豆');
SELECT count(*) FROM api.entity_search('91320213');
SQL
)
contains "$plan" "Bitmap Index Scan on entity_name_bigram_idx" "a name fragment is looked up in the bigram index"
contains "$plan" "entity_former_name_bigram_idx" "  ... and so are former names"
unlike "$plan" "Seq Scan on entity " "  ... no query of the search reads core.entity from end to end"
done_testing
