#!/bin/bash
# The layers of doc/ARCHITECTURE.md: screens and commands stand on src/print
# and src/domain, never on each other; the layers below know neither.
. "$(dirname "$0")/lib/env.sh"
cd "$ROOT" || exit 1

# includes DIR... : every '#include "part/…"' line of the C files under DIR.
includes() { grep -Hn '^#include "' $(find "$@" -name '*.[ch]') ; }

is "$(includes screens | grep '"cmd/')" "" "screens never include src/cmd"
is "$(includes src/cmd | grep '"screens/')" "" "src/cmd never includes screens"
is "$(includes src/print src/domain src/import src/gen src/db src/base |
	grep -E '"(cmd|screens|ui)/')" "" "the layers below include neither commands, screens nor src/ui"
is "$(includes src/domain src/print | grep -E '"(gen|import)/')" "" \
	"src/domain and src/print know neither the importer nor the generator"
is "$(ls src/domain | grep -E '^(gen|import)_')" "" "the generator and the importer live in src/gen and src/import"
done_testing
