#!/bin/bash
# Configuration files: layering and errors, seen from the command line.
. "$(dirname "$0")/../lib/env.sh"

printf 'ui: {\n  language = "en";\n  colour = "never";\n};\n' >"$SCRATCH/typo.conf"
"$SMCON" -C "$SCRATCH/typo.conf" version >/dev/null 2>"$SCRATCH/e"
is "$?" 2 "an unknown setting stops smcon with exit 2"
contains "$(cat "$SCRATCH/e")" "typo.conf:3: unknown setting 'ui.colour'" "  ... naming file, line and setting"

printf 'ui: { language = "en" \n' >"$SCRATCH/broken.conf"
"$SMCON" -C "$SCRATCH/broken.conf" version >/dev/null 2>"$SCRATCH/e"
is "$?" 2 "a syntax error exits 2"
like "$(cat "$SCRATCH/e")" 'broken.conf:[0-9]+: syntax error' "  ... naming file and line"

# A user configuration of our own: the shared one would switch the tests
# running beside this one (prove -j2) to English.
export XDG_CONFIG_HOME="$SCRATCH/config"
mkdir -p "$XDG_CONFIG_HOME/smcon"
printf 'ui: { language = "en"; };\n' >"$XDG_CONFIG_HOME/smcon/smcon.conf"
"$SMCON" version >"$SCRATCH/o"
like "$(cat "$SCRATCH/o")" '^language +: en$' "the user's file is read"
"$SMCON" --lang zh version >"$SCRATCH/o"
like "$(cat "$SCRATCH/o")" '^界面语言 +: zh$' "--lang overrides the files"
printf 'ui: { language = "zh"; };\n' >"$SCRATCH/zh.conf"
"$SMCON" -C "$SCRATCH/zh.conf" version >"$SCRATCH/o"
like "$(cat "$SCRATCH/o")" '^界面语言 +: zh$' "-C FILE overrides the user's file"
SMCON_SYSTEM_CONFIG="$SCRATCH/typo.conf" "$SMCON" version >/dev/null 2>&1
is "$?" 2 "the system file is read too (its error shows)"
done_testing
