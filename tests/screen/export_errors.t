#!/bin/bash
# An export from the console onto a full disk (here: a file size limit of
# zero) says so on the message line, and leaves no file, half written or
# temporary, in the export directory: `e` on the search results, `x` on a
# profile.
. "$(dirname "$0")/../lib/screen.sh"

DB=$(test_db empty) || { fail "an empty copy of the test warehouse"; done_testing; exit; }
psql_su -d "$DB" -q -1 -v ON_ERROR_STOP=1 -f "$ROOT/tests/data/entity-fixtures.sql" >/dev/null
is "$?" 0 "the entity fixtures load"

# a short export directory, so that the message with its path fits the line
dir=$(mktemp -d /tmp/xp.XXXX)
at_exit "rm -rf '$dir'"
printf 'ui: { export_dir = "%s"; };\n' "$dir" >"$SCRATCH/export.conf"
scr_start 100 24 sh -c 'cd "$1" && trap "" XFSZ && ulimit -f 0 && shift && exec "$@"' sh "$SCRATCH" \
	"$SMCON" -C "$SCRATCH/export.conf" -d "host=$SMCON_TEST_PG/run dbname=$DB"
scr_login demo_clerk_lx
scr_wait "主菜单" && scr_keys 1 && scr_wait "查找："
scr_type "91320213MA1XHD015B"
await "无锡红豆纺织科技有限公司" "the entity is found"
scr_keys Down
scr_keys e
await "不能写入 $dir/entity-search-" "e onto a full disk says the export failed"
await "File too large" "  ... and why"
is "$(ls -A "$dir")" "" "  ... and leaves no file behind"
scr_keys Enter
await "统一社会信用代码 91320213MA1XHD015B" "Enter opens the profile"
scr_keys x
await "不能写入 $dir/entity-91320213MA1XHD015B-" "x onto a full disk says the export failed"
await "File too large" "  ... and why"
is "$(ls -A "$dir")" "" "  ... and leaves no file behind"
scr_keys F10
scr_wait "<<exited>>"
done_testing
