#!/bin/bash
# Every way a login can fail has its own message and exit code.
. "$(dirname "$0")/../lib/env.sh"

out=$(PGUSER=demo_clerk_lx PGPASSWORD=wrong "$SMCON" -C "$CONF" whoami 2>&1)
is "$?" 3 "a wrong password exits 3"
contains "$out" "用户 demo_clerk_lx 的密码错误" "  ... and says the password is wrong"
unlike "$out" "wrong" "  ... without echoing the password"

out=$(PGUSER=no_such_user PGPASSWORD=demo "$SMCON" -C "$CONF" whoami 2>&1)
is "$?" 3 "an unknown account exits 3"
contains "$out" "账号 no_such_user 不存在" "  ... and says the account does not exist"

out=$(PGUSER=demo_clerk_lx PGPASSWORD=demo "$SMCON" -d "host=$SCRATCH/nowhere dbname=smcon" whoami 2>&1)
is "$?" 1 "a server that is down exits 1"
contains "$out" "无法连接数据库服务器" "  ... and says the server cannot be reached"

out=$(PGUSER=demo_clerk_lx "$SMCON" -C "$CONF" whoami 2>&1 </dev/null)
is "$?" 3 "no password and no terminal to ask on exits 3"
contains "$out" "需要密码" "  ... and says a password is needed"

# A role that may log in (member of a staff group) but has no staff record.
psql_su -d smcon -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'nostaff_user') THEN CREATE ROLE nostaff_user LOGIN PASSWORD 'demo' IN ROLE smcon_clerk; END IF; END \$\$" >/dev/null
run nostaff_user whoami
is "$rc" 0 "whoami works for an account without a staff record"
contains "$out" "（无职员档案）" "  ... and says it has none"
run nostaff_user --lang en db status
is "$rc" 0 "db status needs a login, not a staff record"

# The password reaches neither the log nor the process list.
log="$XDG_STATE_HOME/smcon/smcon.log"
PGUSER=demo_clerk_lx PGPASSWORD=sekrit-pass-42 "$SMCON" -C "$CONF" whoami >/dev/null 2>&1
ok_log=0
[ -f "$log" ] && ! grep -q 'sekrit-pass-42' "$log" && ok_log=1
is "$ok_log" 1 "the log exists and never contains the password"
done_testing
