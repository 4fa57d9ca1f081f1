#!/bin/bash
# Writes that fail say so: output that cannot be written (a full disk, a
# reader that went away) is an error, exit 1 with a message on stderr; a file
# the program writes (an export, an import's rejects) is whole under its name
# or not there at all — never half of it, never a temporary file left over.
. "$(dirname "$0")/../lib/env.sh"

# limited CMD...: CMD may not write a single byte to a file (a full disk);
# its messages must go to a pipe.
limited() { (trap '' XFSZ && ulimit -f 0 && exec "$@"); }
as_clerk() { PGUSER=demo_clerk_lx PGPASSWORD=demo "$SMCON" -C "$CONF" "$@"; }
valid=$(grep -m1 -E '^9[0-9A-Z]{17}$' "$ROOT/data/reference/uscc-real-samples.txt")

"$SMCON" help >/dev/full 2>"$SCRATCH/e"
is "$?" 1 "smcon help >/dev/full exits 1"
contains "$(cat "$SCRATCH/e")" "smcon: 不能写出结果：No space left on device" "  ... saying why"
"$SMCON" --help >/dev/full 2>/dev/null
is "$?" 1 "so does smcon --help"
"$SMCON" --format csv uscc check "$valid" >/dev/full 2>"$SCRATCH/e"
is "$?" 1 "a --format csv command to a full disk exits 1"
contains "$(cat "$SCRATCH/e")" "不能写出结果：No space left on device" "  ... saying why"
as_clerk --format csv entity search 无锡 --limit 20 >/dev/full 2>"$SCRATCH/e"
is "$?" 1 "  ... a command that reads the database too"
contains "$(cat "$SCRATCH/e")" "不能写出结果：No space left on device" "  ... saying why"
printf 'version\nversion\n' | "$SMCON" -f - >/dev/full 2>"$SCRATCH/e"
is "$?" 1 "a script whose output cannot be written exits 1"
like "$(cat "$SCRATCH/e")" "第 1 行" "  ... at its first line"
"$SMCON" --format csv uscc check "$valid" >/dev/null 2>&1
is "$?" 0 "the same command to a working output exits 0"

yes "$valid" | head -30000 | "$SMCON" uscc check --format csv 2>"$SCRATCH/e" | head -c 1 >/dev/null
is "${PIPESTATUS[2]}" 1 "a reader that goes away (a closed pipe) is an error, exit 1"
contains "$(cat "$SCRATCH/e")" "不能写出结果：Broken pipe" "  ... saying so"

# entity export --output
code=$(as_clerk entity search 无锡 --limit 1 --format csv 2>/dev/null | sed -n 2p | cut -d, -f1)
mkdir "$SCRATCH/out"
as_clerk entity export "$code" --output "$SCRATCH/out/profile.txt" 2>/dev/null
is "$?" 0 "entity export --output writes a file"
contains "$(cat "$SCRATCH/out/profile.txt")" "$code" "  ... the profile"
is "$(ls -A "$SCRATCH/out")" "profile.txt" "  ... and nothing else"
echo "the old export" >"$SCRATCH/out/profile.txt"
err=$(limited env PGUSER=demo_clerk_lx PGPASSWORD=demo "$SMCON" -C "$CONF" \
	entity export "$code" --output "$SCRATCH/out/profile.txt" 2>&1 >/dev/null)
is "$?" 1 "an export onto a full disk exits 1"
contains "$err" "不能写入 $SCRATCH/out/profile.txt：File too large" "  ... saying which file and why"
is "$(cat "$SCRATCH/out/profile.txt")" "the old export" "  ... the file under that name is left as it was"
is "$(ls -A "$SCRATCH/out")" "profile.txt" "  ... and no temporary file is left behind"
rm "$SCRATCH/out/profile.txt"
limited env PGUSER=demo_clerk_lx PGPASSWORD=demo "$SMCON" -C "$CONF" \
	entity export "$code" --output "$SCRATCH/out/new.txt" 2>/dev/null
is "$?:$(ls -A "$SCRATCH/out")" "1:" "a failed export leaves no file at all where there was none"
as_clerk entity export "$code" --output /dev/full 2>"$SCRATCH/e"
is "$?" 1 "an export to /dev/full exits 1"
contains "$(cat "$SCRATCH/e")" "不能写入 /dev/full：No space left on device" "  ... saying why"
[ -c /dev/full ]
_tap_result $? "  ... and writes to the device, never replacing it"
as_clerk entity export "$code" --output "$SCRATCH/no-such-dir/p.txt" 2>"$SCRATCH/e"
is "$?" 1 "an export into a directory that does not exist exits 1"
contains "$(cat "$SCRATCH/e")" "不能写入 $SCRATCH/no-such-dir/p.txt：No such file or directory" "  ... saying why"

# an import's rejects file
DB=$(test_db)
mkdir "$SCRATCH/imp"
cp "$ROOT/tests/data/import/entity-bad.csv" "$SCRATCH/imp/"
err=$(limited env PGUSER=demo_admin PGPASSWORD=demo "$SMCON" -d "host=$SMCON_TEST_PG/run dbname=$DB" \
	import entity "$SCRATCH/imp/entity-bad.csv" --dry-run 2>&1 >/dev/null)
is "$?" 1 "an import whose rejects file cannot be written exits 1"
contains "$err" "无法写入 $SCRATCH/imp/entity-bad.rejects.csv：File too large" "  ... saying which file and why"
is "$(ls -A "$SCRATCH/imp")" "entity-bad.csv" "  ... and leaves neither the rejects file nor a temporary one"
run_db "$DB" demo_admin import entity "$SCRATCH/imp/entity-bad.csv" --dry-run
is "$(ls -A "$SCRATCH/imp" | tr '\n' ' ')" "entity-bad.csv entity-bad.rejects.csv " "  ... which it writes when it can"
done_testing
