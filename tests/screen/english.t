#!/bin/bash
# English from the command line and from the configuration.
. "$(dirname "$0")/../lib/screen.sh"

scr_start 80 24 "$SMCON" -C "$CONF" --lang en
await "Password" "--lang en: the login screen is in English"
scr_login demo_handler_lx
await "Main menu" "  ... and so is the menu"
screen=$(scr_capture)
contains "$screen" "Hello, 孙丽." "names stay in Chinese inside English text"
contains "$screen" "Complaints" "a handler sees complaints"
scr_keys F1
await "Keys of the \"Main menu\" screen" "help is in English too"
scr_keys F10
scr_wait "<<exited>>"
T kill-server

printf 'db: { conninfo = "host=%s/run dbname=smcon"; };\nui: { language = "en"; };\n' "$SMCON_TEST_PG" >"$SCRATCH/en.conf"
scr_start 80 24 "$SMCON" -C "$SCRATCH/en.conf"
await "Password" "ui.language = \"en\" in the configuration selects English"
done_testing
