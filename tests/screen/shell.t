#!/bin/bash
# smcon --shell in a real terminal: Tab completion of commands, verbs and
# options, and history kept in $XDG_STATE_HOME/smcon/history.
. "$(dirname "$0")/../lib/screen.sh"

export XDG_STATE_HOME="$SCRATCH/state"
SCR_ENV="PGUSER=demo_clerk_lx PGPASSWORD=demo XDG_STATE_HOME=$XDG_STATE_HOME" \
	scr_start 100 30 "$SMCON" -C "$CONF" --shell
await "smcon>" "the shell prompts"
scr_type "who"
scr_keys Tab
await "smcon> whoami" "Tab completes a command"
scr_keys C-u
scr_type "db st"
scr_keys Tab
await "smcon> db status" "Tab completes a verb after its noun"
scr_type "--fo"
scr_keys Tab
await "smcon> db status --format" "Tab completes an option"
scr_type "cs"
scr_keys Tab
await "smcon> db status --format csv" "Tab completes an option's value"
scr_keys Enter
await "server_version,database" "the completed command runs"
scr_type "exit"
scr_keys Enter
await "<<exited>>" "exit leaves the shell"
like "$(cat "$XDG_STATE_HOME/smcon/history" 2>/dev/null)" '^db status --format csv$' "the command is saved in the history file"

SCR_ENV="PGUSER=demo_clerk_lx PGPASSWORD=demo XDG_STATE_HOME=$XDG_STATE_HOME" \
	scr_start 100 30 "$SMCON" -C "$CONF" --shell
await "smcon>" "a new shell starts"
scr_keys Up
await "smcon> db status --format csv" "Up recalls the previous session's command"

# without a password, on a terminal: the prompt names the user from PGUSER
# asked NAME ARGS...: smcon ARGS with PGUSER only; a test that it asks for
# demo_clerk_lx's password, which it is then given
asked() {
	local name=$1
	shift
	SCR_ENV="PGUSER=demo_clerk_lx XDG_STATE_HOME=$XDG_STATE_HOME" scr_start 100 30 "$SMCON" -C "$CONF" "$@"
	await "用户 demo_clerk_lx 的密码：" "$name"
	scr_type "demo"
	scr_keys Enter
}
asked "the password prompt names the user from PGUSER" whoami
await "登录名" "  ... and the password typed connects"
asked "the shell connects when it starts, asking for the password" --shell
await "demo_clerk_lx@smcon>" "  ... and its prompt names the user and the database"
done_testing
