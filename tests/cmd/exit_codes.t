#!/bin/bash
# One rule for exit codes (doc/smcon.1, EXIT STATUS): a command that lists or
# searches succeeds also when nothing matches, with an empty result; a
# command that names one thing that does not exist exits 4.
. "$(dirname "$0")/../lib/env.sh"

DB=$(test_db empty) || { fail "an empty copy of the test warehouse"; done_testing; exit; }

# finds_nothing USER COMMAND...: the command finds nothing in every format
finds_nothing() {
	local user=$1
	shift
	run_db "$DB" "$user" "$@"
	is "$rc" 0 "$* (nothing matches): exit 0"
	unlike "$err" . "  ... and nothing on the error stream"
	run_db "$DB" "$user" "$@" --format csv
	is "$rc:$(printf '%s\n' "$out" | wc -l)" "0:1" "  ... in CSV only the header"
	run_db "$DB" "$user" "$@" --format json
	is "$rc:$out" "0:[]" "  ... in JSON an empty list"
}
finds_nothing demo_clerk_lx entity search 没有这种名字的主体
finds_nothing demo_clerk_lx policy search 电梯 困人 不存在的词组合
finds_nothing demo_clerk_lx policy laws 没有这种标题的法规
finds_nothing demo_admin import jobs
run_db "$DB" demo_clerk_lx entity search 没有这种名字的主体
like "$out" "^没有找到符合条件的主体$" "a table says it found nothing"

# names_nothing USER COMMAND...: the one thing named does not exist
names_nothing() {
	local user=$1
	shift
	run_db "$DB" "$user" "$@"
	is "$rc" 4 "$* (no such thing): exit 4"
	like "$err" . "  ... and says so"
}
names_nothing demo_clerk_lx entity show 91320213MA1XHD015C
names_nothing demo_clerk_lx entity history 91320213MA1XHD015C
names_nothing demo_clerk_lx policy show 食品安全法 200
names_nothing demo_clerk_lx policy search 退货 --law 不存在的法规
names_nothing demo_clerk_lx catalog nosuch
names_nothing demo_clerk_lx calendar show 1999
names_nothing demo_admin user suspend nobody_like_this
done_testing
