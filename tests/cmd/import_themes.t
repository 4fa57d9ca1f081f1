#!/bin/bash
# smcon import elevator / licence / penalty: each theme upserts by its
# natural key, resolves entities by USCC and org units by code or name,
# reports rows the database refuses with the rule's meaning, logs what it
# changed in meta.import_change, and changes nothing on a second run.
. "$(dirname "$0")/../lib/env.sh"

DB=$(test_db)
export DB
cp "$ROOT"/tests/data/import/*.csv "$SCRATCH/"
sql() { psql_su -At -d "$DB" -c "$1"; }
col() { printf '%s\n' "$out" | tr -d '\r' | awk -F, -v k="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == k) c = i } NR == 2 { print $c }'; }
imp() { run_db "$DB" demo_admin import "$1" "$SCRATCH/$2" --format csv; }

imp entity entity-good.csv
is "$rc" 0 "the entities the other themes refer to are in"

imp elevator elevator-good.csv
is "$rc,$(col inserted)" "0,3" "three elevators import"
is "$(sql "SELECT category_code || ' ' || o.code || ' ' || urban FROM equipment.elevator v
             JOIN core.org_unit o ON o.id = v.district_org_id WHERE registration_code = '31103202112018060012'")" \
	"3110 BH true" "  the category by name, the district bureau from the division, 是 as true"
is "$(sql "SELECT category_code FROM equipment.elevator WHERE registration_code = '31103202132020050101'")" 3110 \
	"  an empty category comes from the registration code"
is "$(sql "SELECT e.uscc FROM equipment.elevator v JOIN core.entity e ON e.id = v.maintenance_entity_id
             WHERE registration_code = '33103202132019030005'")" 91320214MA1P9G3E8R "  the maintenance unit by its USCC"
is "$(sql "SELECT count(*) FROM meta.import_change WHERE theme = 'elevator' AND action = 'insert'")" 3 \
	"  each new elevator is logged"
imp elevator elevator-good.csv
is "$(col unchanged),$(sql "SELECT count(*) FROM meta.import_change WHERE theme = 'elevator'")" "3,3" \
	"  importing them again changes and logs nothing"

imp elevator elevator-bad.csv
is "$rc,$(col inserted),$(col rejected)" "1,1,4" "an elevator file with four bad rows of five"
like "$err" "第 3 行：主体名录中没有统一社会信用代码为 91320214MA1Y7J3Q1F 的主体" "  an unknown using unit"
like "$err" "第 4 行：数据库拒绝（约束 elevator_code_matches_category）：注册代码前四位与电梯品种不符" \
	"  a category that contradicts the registration code"
like "$err" "第 5 行：.*救援识别码 21346 应为 6 位数字" "  a rescue code of the wrong length (a trigger)"
like "$err" "第 6 行：使用场所“仓库”不是可用的代码或名称；投入使用日期“2021/13/01”不是有效日期" "  an unknown place and a bad date"

imp licence licence-good.csv
is "$rc,$(col inserted)" "0,3" "three licences import"
is "$(sql "SELECT licence_kind_code || ' ' || coalesce(o.code, '-') FROM supervision.licence l
             LEFT JOIN core.org_unit o ON o.id = l.issuing_org_id WHERE licence_no = 'JY13202130012345'")" \
	"food_business LX" "  a kind by name; an authority that is one of the bureau's org units is linked"
is "$(sql "SELECT issuing_org_id IS NULL FROM supervision.licence WHERE licence_no = '(苏)XK06-001-00123'")" t \
	"  the provincial bureau is not"
imp licence licence-bad.csv
is "$rc,$(col rejected)" "1,4" "a licence file with four bad rows"
like "$err" "第 2 行：数据库拒绝（约束 licence_check1）：有效期至早于许可日期" "  a licence that ends before it was issued"
like "$err" "第 3 行：许可种类“食品流通许可”不是可用的代码或名称" "  an unknown kind"
like "$err" "第 5 行：.*暂扣、吊销、注销的许可须有状态变更日期" "  a cancelled licence without its date"

imp penalty penalty-good.csv
is "$rc,$(col inserted)" "0,2" "two penalties import"
is "$(sql "SELECT string_agg(kind_code || ':' || coalesce(amount::text, ''), ',' ORDER BY kind_code)
             FROM supervision.penalty_measure m JOIN supervision.penalty p ON p.id = m.penalty_id
            WHERE decision_no = '锡梁市监处罚〔2025〕13 号'")" "confiscate_income:350.50,fine:2000.00" \
	"  with their measures and amounts"
is "$(sql "SELECT entity_id IS NULL AND party_id_no = '320213196603154215' FROM supervision.penalty
            WHERE decision_no = '锡梁市监处罚〔2025〕13 号'")" t "  a natural person has no entity, and an ID number"
imp penalty penalty-good.csv
is "$(col unchanged)" 2 "  importing them again changes nothing"
imp penalty penalty-update.csv
is "$(col updated)" 1 "a new fine amount updates the penalty"
is "$(sql "SELECT amount FROM supervision.penalty_measure m JOIN supervision.penalty p ON p.id = m.penalty_id
            WHERE decision_no = '锡梁市监处罚〔2025〕12 号' AND kind_code = 'fine'")" 8000.00 "  and its measure"
is "$(sql "SELECT changes->>'处罚种类' FROM meta.import_change WHERE theme = 'penalty' AND action = 'update'")" \
	'["fine:5000.00,warning:", "fine:8000.00,warning:"]' "  the change is logged"
is "$(sql "SELECT executed_on FROM supervision.penalty WHERE decision_no = '锡梁市监处罚〔2025〕12 号'")" 2025-04-20 \
	"  fields the file does not have are kept"
imp penalty penalty-bad.csv
is "$rc,$(col rejected)" "1,3" "a penalty file with three bad rows"
like "$err" "第 2 行：.*有罚款金额，处罚种类中却没有罚款" "  a fine amount without a fine"
like "$err" "第 3 行：没有案件编号为“锡梁市监立〔2025〕99 号”的执法案件" "  an unknown case"
like "$err" "第 4 行：.*已执行完毕的处罚须有执行完毕日期" "  an executed penalty without its date"
unlike "$err" 320213196603154216 "  an ID number is never shown"
like "$(cat "$SCRATCH/penalty-bad.rejects.csv")" "320213\*\*\*\*\*\*\*\*4216" "  and is masked in the rejects file"

run_db "$DB" demo_supervisor quality run --rule licence_valid_after_expiry --format csv
like "$out" "licence_valid_after_expiry,.*,[0-9]+,food_business/JY13202130012345 梁溪区阿福面馆" \
	"the quality rule finds the imported licence that expired"
done_testing
