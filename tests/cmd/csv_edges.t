#!/bin/bash
# CSV records end with LF or CR LF only, and lines are counted by LF: a bare
# CR outside quotes is an error of its record (whose line the importer names
# as an editor would), and a record of more than 1,000 fields or 1 MiB is
# refused with a clear reason instead of costing memory without bound.
. "$(dirname "$0")/../lib/env.sh"

DB=$(test_db)
f="$SCRATCH/entities.csv"
{
	head -1 "$ROOT/tests/data/import/entity-good.csv"
	printf '91320213MA1X7Q2HXK,无锡红豆实业有限公司\r有限责任公司,王建华\n'
	sed -n 2p "$ROOT/tests/data/import/entity-good.csv"
	printf 'x%.0s,' $(seq 1500)
	printf 'x\n'
	sed -n 3p "$ROOT/tests/data/import/entity-good.csv"
} >"$f"
run_db "$DB" demo_admin import entity "$f" --dry-run
is "$rc" 1 "a file with a bare CR and a row of 1,501 fields exits 1"
contains "$err" "第 2 行：第 2 个字段中有单独的回车符（CR）：记录应以 LF 或 CR LF 结束" \
	"  the bare CR is named with its field, on the line an editor shows"
contains "$err" "第 4 行：字段超过 1000 个" "  the long row is refused, on its own line"
unlike "$err" "第 [35] 行" "  the good rows around them pass"
done_testing
