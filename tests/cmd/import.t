#!/bin/bash
# smcon import entity FILE: good rows load, bad rows are reported by line and
# written to FILE.rejects.csv, re-importing changes nothing, a dry run changes
# nothing, GB18030 is converted, other encodings and unknown columns are
# refused, clerks are refused, and a failed or killed import leaves the
# warehouse as it was.
. "$(dirname "$0")/../lib/env.sh"

DB=$(test_db)
export DB
DATA="$ROOT/tests/data/import"
cp "$DATA"/entity-*.csv "$SCRATCH/"
sql() { psql_su -At -d "$DB" -c "$1"; }
entities() { sql "SELECT count(*) FROM core.entity"; }
# col NAME: the value of column NAME in the CSV summary an import prints
col() { printf '%s\n' "$out" | tr -d '\r' | awk -F, -v k="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == k) c = i } NR == 2 { print $c }'; }

before=$(entities)
run_db "$DB" demo_admin import entity "$SCRATCH/entity-good.csv" --format csv
is "$rc" 0 "a good file imports (exit 0)"
is "$(col inserted)" 5 "  its five entities are inserted"
is "$(col status)" loaded "  and the job says loaded"
is "$(entities)" $((before + 5)) "  the warehouse has five more entities"
is "$(sql "SELECT name || '|' || entity_type_code || '|' || registered_capital || '|' || coalesce(operating_to::text, '长期')
             FROM core.entity WHERE uscc = '91320213MA1X7Q2HXK'")" \
	"无锡红豆实业有限公司|1130|1000.00|长期" "  codes given by name, grouped numbers and 长期 are understood"
is "$(sql "SELECT address FROM core.entity WHERE uscc = '91320211MA1R5D7U6W'")" \
	"无锡市滨湖区蠡湖大道 2008 号
太湖花园物业中心" "  a quoted field keeps its line break"
is "$(sql "SELECT o.code FROM core.entity e JOIN core.org_unit o ON o.id = e.org_id WHERE e.uscc = '92320213MA1Y3K5P73'")" \
	LX01 "  an org unit given by its code"
is "$(sql "SELECT legal_rep_id_no FROM core.entity WHERE uscc = '91320213MA1X7Q2HXK'")" 320213197805123016 \
	"  the legal representative's ID number is stored"
unlike "$out$err" 320213197805123016 "  but never shown"

changes=$(sql "SELECT count(*) FROM core.entity_change")
stamp=$(sql "SELECT max(updated_at) FROM core.entity")
run_db "$DB" demo_admin import entity "$SCRATCH/entity-good.csv" --format csv
is "$rc" 0 "importing the same file again succeeds"
is "$(col inserted),$(col updated),$(col unchanged)" "0,0,5" "  and changes nothing: all five unchanged"
is "$(sql "SELECT count(*) FROM core.entity_change")" "$changes" "  no change records"
is "$(sql "SELECT max(updated_at) FROM core.entity")" "$stamp" "  no row touched"

run_db "$DB" demo_admin import entity "$SCRATCH/entity-update.csv" --dry-run --format csv
is "$rc" 0 "a dry run of an update file succeeds"
is "$(col updated),$(col status)" "3,dry_run" "  and says what it would update"
is "$(sql "SELECT name FROM core.entity WHERE uscc = '91320213MA1X7Q2HXK'")" 无锡红豆实业有限公司 "  but changes nothing"
is "$(sql "SELECT count(*) FROM core.entity_change")" "$changes" "  and records no change"
is "$(sql "SELECT status || ' ' || dry_run || ' ' || rows_updated FROM meta.import_job ORDER BY id DESC LIMIT 1")" \
	"dry_run true 3" "  the job is kept as a dry run"

run_db "$DB" demo_admin import entity "$SCRATCH/entity-update.csv" --format csv
is "$(col updated)" 3 "the update file updates three entities"
is "$(sql "SELECT item || ':' || before_value || '→' || after_value || '@' || changed_on FROM core.entity_change e
             JOIN core.entity n ON n.id = e.entity_id WHERE n.uscc = '91320213MA1X7Q2HXK'")" \
	"企业名称变更:无锡红豆实业有限公司→无锡红豆实业股份有限公司@2025-06-30" \
	"  a new name is a change record dated by the approval date"
is "$(sql "SELECT f.name FROM core.entity_former_name f JOIN core.entity e ON e.id = f.entity_id
             WHERE e.uscc = '91320213MA1X7Q2HXK'")" 无锡红豆实业有限公司 "  and the old name a former name"
is "$(sql "SELECT item || ':' || after_value FROM core.entity_change e JOIN core.entity n ON n.id = e.entity_id
             WHERE n.uscc = '92320213MA1Y3K5P73'")" "住所变更:无锡市梁溪区崇安寺步行街 18 号" "  a new address is recorded"
is "$(sql "SELECT string_agg(item || ':' || coalesce(before_value, '') || '→' || after_value, ';' ORDER BY item)
             FROM core.entity_change e JOIN core.entity n ON n.id = e.entity_id WHERE n.uscc = '91320202MA1T2L6CXU'")" \
	"法定代表人证件号码变更:→320102********1233;法定代表人证件类型变更:→resident_id" \
	"  an ID number is recorded masked"
is "$(sql "SELECT registered_capital FROM core.entity WHERE uscc = '91320211MA1R5D7U6W'")" 300.00 \
	"  entities the file does not name keep their values"

before=$(entities)
run_db "$DB" demo_admin import entity "$SCRATCH/entity-bad.csv" --format csv
is "$rc" 1 "a file with bad rows exits 1"
is "$(col read),$(col rejected),$(col inserted)" "10,9,1" "  the one good row of ten loads"
is "$(entities)" $((before + 1)) "  and only it"
like "$err" "第 3 行：统一社会信用代码“91320214MA1H4T6Y1A”无效：第 18 位（校验码）应为 P，不是 A" \
	"  a wrong check character is reported by line, with the right one"
like "$err" "第 4 行：成立日期“2018-02-30”不是有效日期" "  an impossible date"
like "$err" "第 5 行：主体类型“股份合作社”不是可用的代码或名称" "  an unknown code"
like "$err" "第 6 行：企业名称不能为空；注册资本（万元）“5000.125”最多 2 位小数" "  every problem of a row"
like "$err" "第 7 行：数据库拒绝（约束 entity_uscc_matches_type）：主体类型与统一社会信用代码前两位不符" \
	"  a row the database refuses, with its rule"
like "$err" "第 8 行：与第 2 行的统一社会信用代码重复" "  a repeated USCC, naming the first line"
like "$err" "第 9 行：.*entity_status_change_dated" "  a row refused late by a CHECK constraint"
like "$err" "第 10 行：第 5 个字段的结束引号后面还有字符" "  broken quoting"
like "$err" "第 11 行：有 12 个字段，表头有 11 列" "  a row with too many fields"
rejects="$SCRATCH/entity-bad.rejects.csv"
is "$(col rejects_file)" "$rejects" "  the rejects file is FILE.rejects.csv"
is "$(tail -n +2 "$rejects" | cut -d, -f1 | tr '\r\n' ' ')" "3 4 5 6 7 8 9 10 11 " \
	"  it lists the bad rows by line, in order"
like "$(head -1 "$rejects")" "^.?行号,原因,统一社会信用代码,企业名称" "  under the file's own header"
is "$(sql "SELECT status || ' ' || rows_rejected FROM meta.import_job ORDER BY id DESC LIMIT 1")" "loaded 9" \
	"  the job records nine rejected rows"

DB2=$(test_db)
run_db "$DB2" demo_admin import entity "$SCRATCH/entity-bad.csv" --all-or-nothing --format csv
is "$rc" 1 "with --all-or-nothing a file with bad rows exits 1"
is "$(col status)" refused "  and is refused"
is "$(psql_su -At -d "$DB2" -c "SELECT count(*) FROM core.entity WHERE uscc = '91320206MA1Q4J8W9F'")" 0 \
	"  its good row is not loaded either"

run_db "$DB" demo_admin import entity "$SCRATCH/entity-gb18030.csv" --format csv
is "$rc" 0 "a GB18030 file imports"
like "$err" "GB18030 编码，已转换为 UTF-8" "  and says it was converted"
is "$(sql "SELECT name FROM core.entity WHERE uscc = '91320282MA1T5K7A3T'")" 宜兴市丁蜀镇紫砂陶艺有限公司 \
	"  its Chinese arrives intact"

before=$(entities)
run_db "$DB" demo_admin import entity "$SCRATCH/entity-latin1.csv"
is "$rc" 2 "a file neither UTF-8 nor GB18030 is refused (exit 2)"
like "$err" "既不是 UTF-8 也不是 GB18030.*第 2 行有无效字节 0xE9" "  naming the line of the first bad byte"
run_db "$DB" demo_admin import entity "$SCRATCH/entity-unknown-column.csv"
is "$rc" 2 "a header with an unknown column is refused (exit 2)"
like "$err" "未知的列：备注" "  naming it"
like "$err" "同一字段出现了不止一次：企业名称" "  and a column given twice"
is "$(entities)" "$before" "  nothing was loaded"
run_db "$DB" demo_admin --lang en import entity "$SCRATCH/entity-unknown-column.csv"
like "$err" "unknown columns: 备注" "  in English too"
run_db "$DB" demo_admin import entity "$SCRATCH/no-such-file.csv"
is "$rc" 4 "a missing file: exit 4"
run_db "$DB" demo_admin import enterprise "$SCRATCH/entity-good.csv"
is "$rc" 2 "an unknown theme: exit 2"
like "$err" "可导入：.*entity" "  listing the themes"

run_db "$DB" demo_clerk_lx import entity "$SCRATCH/entity-good.csv"
is "$rc" 3 "a clerk may not import (exit 3)"
out=$(DB=$DB psql_as demo_clerk_lx -c "SELECT api.import_start('entity', 'x.csv', 'UTF-8', '{uscc}', NULL, false, false)" 2>&1)
like "$out" "permission denied for function import_start" "  and the database refuses a clerk's psql too"
out=$(DB=$DB psql_as demo_admin -c "INSERT INTO core.entity (uscc, name, entity_type_code, address, established_on, source_system)
	VALUES ('91320214MA1Y7J3Q1F', '无锡测试有限公司', '1130', '无锡', '2020-01-01', 'psql')" 2>&1)
like "$out" "permission denied" "  an admin has no write grant: only the import functions write"

run_db "$DB" demo_admin import fields entity --format csv
like "$out" "^uscc,统一社会信用代码," "import fields lists a theme's columns"
run_db "$DB" demo_admin import fields enterprise
is "$rc" 2 "  and refuses an unknown theme (exit 2)"
run_db "$DB" demo_admin import jobs --format csv
like "$out" "entity-bad.csv" "import jobs lists the imports"

# A failure after staging (a lock that cannot be had) leaves the warehouse as it was.
before=$(entities)
jobs=$(sql "SELECT count(*) FROM meta.import_job")
mkfifo "$SCRATCH/hold"
(echo "BEGIN; LOCK TABLE core.entity IN EXCLUSIVE MODE; SELECT 'locked';"; cat "$SCRATCH/hold"; echo "ROLLBACK;") |
	psql_su -At -d "$DB" >"$SCRATCH/locker.out" 2>&1 &
locker=$!
exec 7>"$SCRATCH/hold"
for _ in $(seq 100); do grep -q locked "$SCRATCH/locker.out" && break; sleep 0.1; done
out=$(PGOPTIONS="-c lock_timeout=500" PGUSER=demo_admin PGPASSWORD=demo "$SMCON" \
	-d "host=$SMCON_TEST_PG/run dbname=$DB" import entity "$DATA/entity-gb18030.csv" 2>"$SCRATCH/stderr")
rc=$?
is "$rc" 5 "an import that cannot lock the entity master fails (exit 5, a conflict)"
like "$(cat "$SCRATCH/stderr")" "等待锁超时" "  and says why"
is "$(entities)" "$before" "  nothing of it was written"
is "$(sql "SELECT status FROM meta.import_job ORDER BY id DESC LIMIT 1")" failed "  the job says failed"

# Killing the client in the middle (here: while it waits for the lock) also
# leaves the warehouse as it was; the next import marks the job interrupted.
PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$DB" \
	import entity "$SCRATCH/entity-good.csv" >/dev/null 2>&1 &
client=$!
waiting=0
for _ in $(seq 200); do
	[ "$(sql "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND usename = 'demo_admin'
	            AND wait_event_type = 'Lock'")" = 1 ] && { waiting=1; break; }
	sleep 0.1
done
is "$waiting" 1 "a second import waits for the lock after staging its rows"
kill -9 "$client"
wait "$client" 2>/dev/null
exec 7>&-
wait "$locker"
for _ in $(seq 100); do
	[ "$(sql "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND usename = 'demo_admin'")" = 0 ] && break
	sleep 0.1
done
is "$(entities)" "$before" "killing it leaves the warehouse as it was"
is "$(sql "SELECT status FROM meta.import_job ORDER BY id DESC LIMIT 1")" running "  its job is left running"
run_db "$DB" demo_admin import entity "$SCRATCH/entity-good.csv" --dry-run
is "$(sql "SELECT status FROM meta.import_job WHERE id = (SELECT max(id) - 1 FROM meta.import_job)")" interrupted \
	"  until the next import marks it interrupted"
is "$(sql "SELECT count(*) FROM meta.import_job")" $((jobs + 3)) "  every attempt is a job"
done_testing
