#!/bin/bash
# make install PREFIX=… installs the binary, the man page and the default config,
# and keeps a config the admin already edited.
. "$(dirname "$0")/../lib/env.sh"

prefix="$SCRATCH/prefix"
make -s -C "$ROOT" BUILD="$SCRATCH/build" PREFIX="$prefix" install >"$SCRATCH/log" 2>&1
is "$?" 0 "make install succeeds"
[ -x "$prefix/bin/smcon" ]; _tap_result $? "the binary is installed"
[ -f "$prefix/share/man/man1/smcon.1" ]; _tap_result $? "the man page is installed"
cmp -s "$prefix/etc/smcon/smcon.conf" "$ROOT/conf/smcon.conf"; _tap_result $? "the default config is installed"
SMCON_SYSTEM_CONFIG= XDG_CONFIG_HOME="$SCRATCH/none" "$prefix/bin/smcon" version >"$SCRATCH/o" 2>&1
contains "$(cat "$SCRATCH/o")" "$prefix/etc/smcon/smcon.conf" "the installed binary reads the installed config"
echo '# edited' >>"$prefix/etc/smcon/smcon.conf"
make -s -C "$ROOT" BUILD="$SCRATCH/build" PREFIX="$prefix" install >"$SCRATCH/log" 2>&1
contains "$(cat "$prefix/etc/smcon/smcon.conf")" "# edited" "installing again keeps an edited config"
done_testing
