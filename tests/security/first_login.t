#!/bin/bash
# Issue 10, item 5 (last part): a password an admin set — a new account, a
# reset — is changed by its holder before anything else (等保 2.0 third
# level). Until then the database grants the account nothing, in psql as in
# smcon: no role passes an api check, no scoped row shows. `smcon password`
# or the console's password screen (right after the login) sets one of its
# own. An operator's own ALTER ROLE ... PASSWORD is in the audit log too.
. "$(dirname "$0")/../lib/screen.sh"

DB=$(test_db)
export DB
u=first_$RANDOM
p1=Admin2026set
at_exit "sh '$ROOT/mk/pgcluster.sh' psql '$SMCON_TEST_PG' -d postgres -c 'DROP ROLE IF EXISTS $u'"
admin() { PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$DB" "$@" 2>&1; }
printf '%s\n' "$p1" | admin user add "$u" --name 初登 --employee-no LX0993 --org LX --roles clerk >/dev/null
is "$?" 0 "an admin creates an account"
as_u() { PASSWORD=$1 psql_as "$u" "${@:2}" 2>&1; }
is "$(as_u "$p1" -c "SELECT core.password_change_due()")" t "  ... whose password is due for a change"
is "$(psql_su -At -d "$DB" -c "SELECT count(*) FROM core.staff WHERE password_change_due AND login LIKE 'demo\_%'")" 0 \
	"  ... (the demo accounts, made by the owner, are not)"
is "$(psql_as demo_clerk_lx -c "SELECT count(*) > 0 FROM rights.complaint")" t "a clerk of 梁溪 sees 梁溪's complaints"
is "$(as_u "$p1" -c "SELECT count(*) FROM rights.complaint")" 0 "  ... the new 梁溪 clerk, in psql, none yet"
like "$(as_u "$p1" -c "SELECT core.require_role('clerk')")" "权限不足" "  ... and holds no role for the api"
out=$(PGUSER=$u PGPASSWORD=$p1 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$DB" entity search 红豆 2>&1)
rc=$?
isnt "$rc" 0 "smcon refuses the account's commands"
like "$out" "须先修改：smcon password" "  ... and says what to do"

like "$(printf 'short\n' | PGUSER=$u PGPASSWORD=$p1 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$DB" password 2>&1)" \
	"密码不符合要求" "smcon password applies the policy"
p2=Mine2026own
out=$(printf '%s\n' "$p2" | PGUSER=$u PGPASSWORD=$p1 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$DB" password 2>&1)
is "$?" 0 "smcon password sets the holder's own password"
like "$out" "已修改账号 $u 的密码" "  ... and says so"
is "$(as_u "$p2" -c "SELECT core.password_change_due()")" f "  ... the mark is gone"
is "$(as_u "$p2" -c "SELECT count(*) > 0 FROM rights.complaint")" t "  ... and the clerk sees 梁溪's complaints"
is "$(psql_su -At -d "$DB" -c "SELECT count(*) FROM audit.log WHERE actor = '$u' AND detail ->> 'op' = 'password_change' AND detail::text NOT LIKE '%$p2%'")" 1 \
	"  ... the change is audited, without the password"

p3=Reset2026tmp
printf '%s\n' "$p3" | admin user passwd "$u" >/dev/null
is "$(as_u "$p3" -c "SELECT core.password_change_due()")" t "an admin's reset marks the account again"

# the console: the password screen right after the login
scr_start 100 30 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$DB"
scr_login "$u" "$p3"
await "修改密码" "the console asks for a new password at once"
contains "$(scr_capture)" "密码是管理员设定的" "  ... and says why"
scr_type "Again2026one"
scr_keys Enter
scr_type "Again2026two"
scr_keys Enter
await "两次输入的密码不一致" "two different entries are refused"
scr_keys BTab C-u
scr_type "abcdefgh"
scr_keys Enter C-u
scr_type "abcdefgh"
scr_keys Enter
await "密码不符合要求" "a password outside the policy is refused, with the database's reason"
scr_keys BTab C-u
scr_type "Console2026ok"
scr_keys Enter C-u
scr_type "Console2026ok"
scr_keys Enter
await "已修改账号 $u 的密码" "the new password is taken"
await_gone "再输一遍" "  ... and the menu is the operator's"
is "$(as_u Console2026ok -c "SELECT core.password_change_due()")" f "  ... the mark is gone"
scr_keys 1
await "查找：" "  ... the entity lookup opens"

printf '%s\n' "$p3" | admin user passwd "$u" >/dev/null
scr_start 100 30 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$DB"
scr_login "$u" "$p3"
await "修改密码" "after another reset, the console asks again"
scr_keys Escape
await "用户名" "Esc logs out instead"

# an operator's own ALTER ROLE in psql: audited outside the transaction, by
# the module (it writes the audit log of the test warehouse, smcon)
v=alter_$RANDOM
at_exit "sh '$ROOT/mk/pgcluster.sh' psql '$SMCON_TEST_PG' -d smcon -c \"DELETE FROM core.staff WHERE login = '$v'\" -c 'DROP ROLE IF EXISTS $v'"
printf 'Alter2026one\n' | PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -C "$CONF" \
	user add "$v" --name 改密 --employee-no LX0994 --org LX --roles clerk >/dev/null 2>&1
PGPASSWORD=Alter2026one psql -X -q -h "$SMCON_TEST_PG/run" -U "$v" -d smcon -c "ALTER ROLE $v PASSWORD 'Alter2026two'" >/dev/null 2>&1
altered() { [ "$(psql_su -At -d smcon -c "SELECT count(*) FROM audit.log WHERE actor = '$v' AND detail ->> 'op' = 'password_change' AND detail ->> 'via' = 'ALTER ROLE'")" -ge 1 ]; }
wait_until 10 altered
altered
_tap_result $? "an operator's own ALTER ROLE ... PASSWORD is in the audit log"
done_testing
