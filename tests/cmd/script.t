#!/bin/bash
# Scripts: -f FILE and -f -, comments, stop at the first error, --keep-going.
. "$(dirname "$0")/../lib/env.sh"

cat >"$SCRATCH/ok.smcon" <<'S'
# a comment
whoami --format csv

   # an indented comment
db status --format csv
S
run demo_clerk_lx -f "$SCRATCH/ok.smcon"
is "$rc" 0 "a good script exits 0"
like "$out" '^demo_clerk_lx,' "  ... ran the first command"
like "$out" '^server_version,' "  ... and the second"

cat >"$SCRATCH/bad.smcon" <<'S'
whoami --format csv
nosuchcommand
db status --format csv
S
run demo_clerk_lx -f "$SCRATCH/bad.smcon"
is "$rc" 2 "a script stops at the first failing command, with its exit code"
unlike "$out" '^server_version' "  ... and runs nothing after it"
contains "$err" "第 2 行" "  ... and names the line"

run demo_clerk_lx --keep-going -f "$SCRATCH/bad.smcon"
is "$rc" 2 "--keep-going still reports the failure"
like "$out" '^server_version' "  ... but runs the rest"

out=$(printf 'whoami --format csv\n' | PGUSER=demo_clerk_lx PGPASSWORD=demo "$SMCON" -C "$CONF" -f -)
is "$?" 0 "-f - reads the script from standard input"
like "$out" '^demo_clerk_lx,' "  ... and runs it"

run demo_clerk_lx -f "$SCRATCH/missing.smcon"
is "$rc" 2 "a missing script exits 2"
contains "$err" "无法打开脚本" "  ... and says so"

out=$(printf 'whoami --format csv\nexit\nversion\n' | PGUSER=demo_clerk_lx PGPASSWORD=demo "$SMCON" -C "$CONF" --shell 2>&1)
like "$out" 'demo_clerk_lx,' "--shell reads commands"
unlike "$out" 'libpq' "  ... and stops at exit"
out=$(printf 'uscc check\n91320214745555318W\nversion\n' | "$SMCON" --shell 2>&1)
contains "$out" "smcon" "a command in a piped shell does not swallow the shell's input as data"
contains "$out" "libpq" "  ... so the commands after it still run"
done_testing
