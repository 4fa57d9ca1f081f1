#!/bin/bash
# The status line's clock shows China Standard Time (ui.timezone) in a
# terminal whose TZ is UTC.
. "$(dirname "$0")/../lib/screen.sh"

before=$(TZ=Asia/Shanghai date '+%Y-%m-%d %H:%M')
SCR_ENV="TZ=UTC" scr_start 80 24 "$SMCON" -C "$CONF"
scr_wait "密码"
status=$(scr_capture | tail -1)
after=$(TZ=Asia/Shanghai date '+%Y-%m-%d %H:%M')
like "$status" "($before|$after) *$" "under TZ=UTC the clock tells China Standard Time"
scr_keys F10
scr_wait "<<exited>>"
done_testing
