#!/bin/bash
# The data catalog from command mode: themes, tables, columns.
. "$(dirname "$0")/../lib/env.sh"

run demo_clerk_lx catalog
is "$rc" 0 "catalog exits 0"
like "$out" '^ core +\| 管理主体库' "it lists the theme databases with their Chinese comment"
like "$out" '^ policy +\| 政策知识库.*\| +3 \| +[0-9]+ \| 精确$' "  ... with table count, rows and how they were counted"
unlike "$out" '^ (public|pgtap|pg_catalog|information_schema) ' "  ... and nothing of the system's"

run demo_clerk_lx catalog core
like "$out" '^ staff +\| 职员：数据库登录账号与人员、机构的对应 +\| +[0-9]+ \| 精确$' \
	"catalog core: its tables with their row counts"
like "$out" '^ work_calendar +\| 法定节假日安排' "  ... the calendar too"

run demo_clerk_lx catalog core.staff
like "$out" '^ login +\| text +\| 是 +\| 数据库登录名' "catalog core.staff: columns, type, required, comment"
run demo_clerk_lx catalog staff --format json
contains "$out" '"column": "org_unit_id", "type": "bigint", "not_null": true, "comment": "所属机构"' \
	"catalog staff (a bare table name), in JSON"

run demo_clerk_lx catalog policy --columns
like "$out" '^ article +\| tokens +\| text\[\] ' "catalog THEME --columns lists every table's columns"

run demo_clerk_lx catalog nosuch
is "$rc" 4 "an unknown name: not found"
contains "$err" "没有名为“nosuch”的主题库或表" "  ... and says so"

# A theme added later, with a big table, on a copy of the warehouse.
db=$(test_db)
psql_su -d "$db" -q -v ON_ERROR_STOP=1 <<'SQL'
CREATE SCHEMA zz_hotline AUTHORIZATION smcon_owner;
SET ROLE smcon_owner;
COMMENT ON SCHEMA zz_hotline IS '热线库（测试）：咨询记录';
CREATE TABLE zz_hotline.inquiry (id bigint, topic text);
COMMENT ON TABLE zz_hotline.inquiry IS '咨询记录';
CREATE TABLE core.inquiry (id bigint);
COMMENT ON TABLE core.inquiry IS '同名表（测试）';
INSERT INTO zz_hotline.inquiry SELECT g, '预付卡退费' FROM generate_series(1, 200000) AS g;
ANALYZE zz_hotline.inquiry;
SQL
run_db "$db" demo_clerk_lx catalog
like "$out" '^ zz_hotline +\| 热线库.*\| +1 \| +[0-9]+ \| 含估算$' \
	"a theme added later is listed, its total marked as partly estimated"
run_db "$db" demo_clerk_lx catalog zz_hotline
like "$out" '^ inquiry +\| 咨询记录 +\| +[0-9]+ \| 估算$' "  ... a big table shows an estimate, marked"
out2=$(DB=$db psql_as demo_clerk_lx -c 'SELECT count(*) FROM zz_hotline.inquiry' 2>&1)
contains "$out2" "permission denied" "  ... though the clerk may not read its rows"
run_db "$db" demo_clerk_lx --lang en catalog zz_hotline --format csv
like "$out" '^inquiry,咨询记录,[0-9]+,f' "  ... f (not exact) in CSV"
run_db "$db" demo_clerk_lx catalog inquiry
is "$rc" 2 "a table name found in two themes is ambiguous"
contains "$err" "core.inquiry、zz_hotline.inquiry" "  ... and both are named"
done_testing
