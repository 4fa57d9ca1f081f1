#!/bin/bash
# What FILE.rejects.csv holds: no ID number or mobile number as written,
# wherever a broken row has put it, and the whole text of a row that did
# not parse, the good rows an unclosed quote swallowed included. The bad
# rows do not stop the good ones: they load and the import exits 1, as
# import.t has it.
. "$(dirname "$0")/../lib/env.sh"

DB=$(test_db)
DATA="$ROOT/tests/data/import"
cp "$DATA"/entity-shifted.csv "$DATA"/entity-unclosed.csv "$SCRATCH/"
sql() { psql_su -At -d "$DB" -c "$1"; }
# col NAME: the value of column NAME in the CSV summary an import prints
col() { printf '%s\n' "$out" | tr -d '\r' | awk -F, -v k="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == k) c = i } NR == 2 { print $c }'; }

# A comma too many in 法定代表人 (王,建华) moves the ID number into 联系电话,
# a column that is not personal; the next row has an ID number typed into
# 法定代表人 and a bad date.
run_db "$DB" demo_admin import entity "$SCRATCH/entity-shifted.csv" --format csv
is "$rc" 1 "a file with a shifted row exits 1"
is "$(col read),$(col rejected),$(col inserted)" "3,2,1" "  the good row still loads, the two bad ones do not"
is "$(sql "SELECT count(*) FROM core.entity WHERE uscc = '92320213MA1Y3K5P73'")" 1 "  the good row is in the warehouse"
like "$err" "第 2 行：有 18 个字段，表头有 17 列" "  the shifted row is reported by its field count"
rejects=$(cat "$SCRATCH/entity-shifted.rejects.csv")
like "$(head -1 "$SCRATCH/entity-shifted.rejects.csv")" "^.?行号,原因,统一社会信用代码,企业名称,主体类型,法定代表人," \
	"  the rejects file has the file's own header"
unlike "$rejects" 320213197805123016 "  the shifted ID number is not in the rejects file as written"
contains "$rejects" 320213********3016 "  but masked"
like "$rejects" '^2,[^,]*,"91320213MA1X7Q2HXK,无锡红豆实业有限公司,有限责任公司（自然人投资或控股）,王,建华,' \
	"  the shifted row's whole text is in the first column, not spread over columns it does not fit"
contains "$rejects" '320213********3016,0510-82701234,无锡市梁溪区中山路 168 号,梁溪区,崇安寺所,梁溪区局,1819,""1,000.00"",2016-03-18,长期,服装、服饰的制造、销售,存续"' \
	"  with the rest of its text as the file has it"
unlike "$rejects" 320102197001011233 "an ID number typed into a column that is not personal is not there as written"
unlike "$rejects" 13912345678 "  nor a mobile number"
contains "$rejects" ',91320202MA1T2L6CXU,无锡市崇安百货有限公司,1130,320102********1233,,,139****5678,无锡市梁溪区人民中路 139 号,' \
	"  a row that parsed keeps its cells in their columns, values masked"
unlike "$out$err" '320213197805123016|320102197001011233' "  and the terminal shows neither"

# An unclosed quote before the ID number runs to the end of the file: the
# row swallows the good row after it.
run_db "$DB" demo_admin import entity "$SCRATCH/entity-unclosed.csv" --format csv
is "$rc" 1 "a file with an unclosed quote exits 1"
is "$(col read),$(col rejected),$(col inserted)" "2,1,1" \
	"  the row before it loads; the row it swallowed is read as part of it"
is "$(sql "SELECT count(*) FROM core.entity WHERE uscc = '91320202MA1T2L6CXU'")" 1 "  the row before it is in the warehouse"
like "$err" "第 3 行：第 6 个字段的引号没有闭合" "  the unclosed quote is reported by line and field"
rejects=$(cat "$SCRATCH/entity-unclosed.rejects.csv")
like "$(head -1 "$SCRATCH/entity-unclosed.rejects.csv")" "^.?行号,原因,统一社会信用代码,企业名称," \
	"  the rejects file has the file's own header"
contains "$rejects" '3,第 6 个字段的引号没有闭合（一直到文件末尾）,"91320211MA1R5D7U6W,无锡太湖物业管理有限公司,有限责任公司(自然人投资或控股),周丽,居民身份证,""320211********4427,137****4567,无锡市滨湖区蠡湖大道 2008 号,' \
	"  the row's text is in the first column, the ID and mobile numbers masked"
contains "$rejects" '91320214MA1P9G3E8R,无锡新吴电梯工程有限公司,1130,赵永刚,居民身份证,320214********3316,139****4567,无锡市新吴区长江路 21 号,新吴区,旺庄所,新吴区局,4320,2000,20161111,,电梯安装、维修、保养,存续"' \
	"  and the text of the row it swallowed, whole, masked the same way"
unlike "$rejects" '320211198203154427|320214197112083316' "  neither row's ID number is there as written"
unlike "$rejects" '13701234567|13951234567' "  nor its mobile number"
is "$(sql "SELECT count(*) FROM core.entity WHERE uscc IN ('91320211MA1R5D7U6W', '91320214MA1P9G3E8R')")" 0 \
	"  neither the broken row nor the row it swallowed is loaded"
done_testing
