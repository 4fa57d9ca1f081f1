#!/bin/bash
# The key line at 80×24 keeps what matters: on the entity profile, which has
# more keys than fit, Esc, F1 and the screen's main action stay and the
# minor keys go, by their priority in the action table (ui/keyline.h).
. "$(dirname "$0")/../lib/screen.sh"

DB=$(test_db empty) || { fail "an empty copy of the test warehouse"; done_testing; exit; }
psql_su -d "$DB" -q -1 -v ON_ERROR_STOP=1 -f "$ROOT/tests/data/entity-fixtures.sql" >/dev/null
is "$?" 0 "the entity fixtures load"

scr_start 80 24 "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$DB"
scr_login demo_inspector_lx
scr_wait "主菜单" && scr_keys 1 && scr_wait "查找："
scr_type "91320213MA1XHD015B"
scr_wait "无锡红豆纺织科技有限公司" && scr_keys Enter
await "统一社会信用代码 91320213MA1XHD015B" "an inspector opens a profile at 80×24"
scr_until "the key line drawn" 10 eval '[[ "$(scr_keyline)" == *"F1 帮助"* ]]'
line=$(scr_keyline)
contains "$line" "Esc/q 返回" "80 columns: the key line keeps Esc (back)"
contains "$line" "F1 帮助" "  ... and F1 (help)"
contains "$line" "p 加入检查计划" "  ... and the screen's main action"
contains "$line" "下一页签" "  ... all of its main actions"
unlike "$line" "Enter 打开" "  ... but not Enter, which opens nothing on the overview's rows"
unlike "$line" "x 导出画像" "  ... while a minor key is dropped"
unlike "$line" "F10" "  ... and so is F10, which F1 lists"
like "$line" "下一页签 +c 复制代码 +p 加入检查计划 +Esc/q 返回 +F1 帮助" \
	"  ... the keys it keeps stay in the screen's order"

scr_resize 200 24
scr_until "the key line to show F10 at 200 columns" 10 eval '[[ "$(scr_keyline)" == *F10* ]]'
contains "$(scr_keyline)" "x 导出画像" "with room, the dropped minor key is there"
scr_keys F10
scr_wait "<<exited>>"
done_testing
