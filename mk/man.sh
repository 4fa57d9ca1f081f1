#!/bin/sh
# Regenerates the COMMANDS section of doc/smcon.1 from the command table:
#   man.sh BINARY MANPAGE
# The section sits between the lines ".\" BEGIN COMMANDS" and ".\" END COMMANDS".
set -eu
bin=$1
page=$2
tmp="$page.tmp"
# Through the environment, not awk -v: -v would turn \fI into a form feed.
SMCON_MAN_COMMANDS="$("$bin" --lang en help --man)" awk '
	/^\.\\" BEGIN COMMANDS/ { print; print ENVIRON["SMCON_MAN_COMMANDS"]; skip = 1; next }
	/^\.\\" END COMMANDS/ { skip = 0 }
	!skip { print }
' "$page" >"$tmp"
mv "$tmp" "$page"
