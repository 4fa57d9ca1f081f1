#!/bin/bash
# Times are shown in ui.timezone (default Asia/Shanghai, the zone of the
# warehouse's data), whatever the terminal's TZ says: an export's footer, and
# timestamps from the database, which come in the session's TimeZone and are
# shown to the second — never a raw "2026-12-07 03:05:56.559614+08".
. "$(dirname "$0")/../lib/env.sh"

clerk() { PGUSER=demo_clerk_lx PGPASSWORD=demo "$SMCON" -C "$CONF" "$@" 2>/dev/null; }
code=$(clerk entity search 无锡 --limit 1 --format csv | sed -n 2p | cut -d, -f1)
printf 'ui: { timezone = "UTC"; };\n' >"$SCRATCH/utc.conf"

before=$(TZ=Asia/Shanghai date '+%Y-%m-%d %H:%M')
footer=$(TZ=UTC clerk entity export "$code" | tail -1)
after=$(TZ=Asia/Shanghai date '+%Y-%m-%d %H:%M')
like "$footer" "导出时间：($before|$after)" "under TZ=UTC an export's footer tells China Standard Time"
before=$(TZ=UTC date '+%Y-%m-%d %H:%M')
footer=$(TZ=Asia/Shanghai clerk -C "$SCRATCH/utc.conf" entity export "$code" | tail -1)
after=$(TZ=UTC date '+%Y-%m-%d %H:%M')
like "$footer" "导出时间：($before|$after)" "ui.timezone = \"UTC\" tells UTC, whatever TZ says"

loaded() { grep '^入库时间' | sed 's/^入库时间 *: *//'; }
cst=$(TZ=UTC clerk entity show "$code" | loaded)
utc=$(clerk -C "$SCRATCH/utc.conf" entity show "$code" | loaded)
like "$cst" '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}(:[0-9]{2})?$' \
	"a timestamp from the database is shown to the minute, without fraction or offset"
is "$(($(TZ=UTC date -d "$cst" +%s) - $(TZ=UTC date -d "$utc" +%s)))" 28800 \
	"  ... in the session's time zone: ui.timezone sets it (China is UTC+8)"

elevator=$(psql_su -At -d smcon -c "SELECT e.registration_code FROM equipment.elevator e
	WHERE EXISTS (SELECT 1 FROM rights.rescue_incident i WHERE i.elevator_id = e.id
	AND i.released_at IS NOT NULL) LIMIT 1")
out=$(PGUSER=demo_dispatcher PGPASSWORD=demo "$SMCON" -C "$CONF" entity elevator "$elevator" --format csv)
like "$out" ',[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2},' "an elevator's 96333 incidents: times to the second"
unlike "$out" '[0-9]:[0-9]{2}(\.[0-9]+)?[+-][0-9]{2}' "  ... never with a fraction or an offset"

"$SMCON" -C /dev/null --lang en version >/dev/null 2>&1
is "$?" 0 "the default zone is known"
printf 'ui: { timezone = "Mars/Olympus_Mons"; };\n' >"$SCRATCH/mars.conf"
"$SMCON" -C "$SCRATCH/mars.conf" version >/dev/null 2>"$SCRATCH/e"
is "$?" 2 "an unknown zone stops smcon with exit 2"
contains "$(cat "$SCRATCH/e")" 'unknown time zone "Mars/Olympus_Mons"' "  ... saying so"
done_testing
