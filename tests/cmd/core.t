#!/bin/bash
# Command mode: help, version, whoami, db status; formats and exit codes.
. "$(dirname "$0")/../lib/env.sh"

run demo_clerk_lx whoami
is "$rc" 0 "whoami exits 0"
like "$out" '^登录名 +: demo_clerk_lx$' "whoami shows the login"
like "$out" '^所属机构 +: 无锡市梁溪区市场监督管理局$' "  ... the org unit"
like "$out" '^角色 +: 登记查询员$' "  ... the role, in Chinese"

run demo_clerk_jy --lang en whoami
like "$out" '^org unit +: 江阴市市场监督管理局$' "--lang en gives English labels"

run demo_admin whoami --format json
is "$rc" 0 "whoami --format json exits 0"
like "$out" '"login": "demo_admin"' "JSON carries the login"
like "$out" '"org": "无锡市市场监督管理局"' "  ... and Chinese text unescaped"

run demo_admin --format csv whoami
like "$out" '^login,name,employee_no,org_code,org,roles,status,database' "--format before the command works too (CSV header)"

run demo_analyst db status
is "$rc" 0 "db status exits 0"
like "$out" '^服务器版本 +: 1[0-9]\.' "db status shows the server version"
latest=$(cd "$ROOT/sql/migrations" && ls [0-9]*.sql | sort | tail -1)
like "$out" "^迁移级别 +: ${latest//./\\.}\$" "  ... the migration level: the latest migration, $latest"
like "$out" '^待应用迁移 +: 0$' "  ... nothing pending"

run demo_clerk_lx help
is "$rc" 0 "help exits 0 (no database needed)"
like "$out" '^ db status +显示服务器版本' "help lists the commands from the table"
w=$(printf '%s\n' "$out" | wc -L)
[ "$w" -le 80 ] && [ "$w" -ge 70 ]
_tap_result $? "  ... within 80 columns (long descriptions wrap, Chinese counted two a character)" ||
	diag "the widest line has $w columns"
is "$(printf '%s\n' "$out" | grep -c '^ [a-z]')" "$("$SMCON" --format csv help | tail -n +2 | wc -l)" \
	"  ... every command, one a line with its description beside it or under it"
like "$out" '^ {28}0，否则为 1$' "  ... a wrapped description keeps to its column, and a number stays whole"
"$SMCON" --lang en help >"$SCRATCH/o" 2>&1
w=$(wc -L <"$SCRATCH/o")
[ "$w" -le 80 ] && [ "$w" -ge 70 ]
_tap_result $? "  ... in English too" || diag "the widest line has $w columns"

"$SMCON" help db status >"$SCRATCH/o" 2>&1
like "$(cat "$SCRATCH/o")" '^用法： smcon db status' "help COMMAND shows its usage"

"$SMCON" version >"$SCRATCH/o" 2>&1
is "$?" 0 "version works without a database"
like "$(cat "$SCRATCH/o")" '^libpq 版本 +: 1[0-9]\.' "  ... and lists libpq"

"$SMCON" frobnicate >/dev/null 2>"$SCRATCH/e"
is "$?" 2 "an unknown command exits 2 (usage)"
contains "$(cat "$SCRATCH/e")" "未知命令“frobnicate”" "  ... and says which"

"$SMCON" db >/dev/null 2>"$SCRATCH/e"
is "$?" 2 "a noun without its verb exits 2"
contains "$(cat "$SCRATCH/e")" "status, migrate" "  ... and lists the verbs"

"$SMCON" whoami --bogus >/dev/null 2>"$SCRATCH/e"
is "$?" 2 "an unknown option exits 2"

run demo_clerk_lx whoami --format xml
is "$rc" 2 "an unknown format exits 2"

run demo_clerk_lx whoami extra
is "$rc" 2 "a surplus argument exits 2"
like "$err" 'smcon whoami' "  ... and shows the usage"

run demo_clerk_lx db migrate
is "$rc" 3 "db migrate as a clerk exits 3 (permission denied)"
contains "$err" "不是数据仓库所有者" "  ... and says why"

run demo_clerk_lx -c 'whoami --format csv'
is "$rc" 0 "-c runs one command"
like "$out" '^demo_clerk_lx,' "  ... with its options"

# a code with blanks, quoted: one valid argument (exit 0); unquoted it would be
# five invalid ones (exit 1)
"$SMCON" -c 'uscc check "9132 0213 MA1X HD01 5B"' >/dev/null 2>"$SCRATCH/e"
is "$?" 0 "-c takes a quoted argument with blanks as one"
"$SMCON" -c 'uscc check "9132 0213 MA1X HD01 5B' >/dev/null 2>"$SCRATCH/e"
is "$?" 2 "  ... the same with the quote left open exits 2 (usage)"
contains "$(cat "$SCRATCH/e")" "引号 \" 没有闭合" "  ... and says the quote is not closed"
done_testing
