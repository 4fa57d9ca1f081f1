#!/bin/bash
# The key walk (issue 16): on every screen of the console, as the account
# that uses it, F1 lists the keys that work now, and each key it lists does
# something: it reaches the screen, runs, and changes what the operator sees
# (or only moves in a list). tests/lib/keywalk.py walks the recipes of
# tests/screen/keywalk.tsv, three consoles at a time; tests/screens.t holds
# every screen to a recipe there.
. "$(dirname "$0")/../lib/keywalk.sh"
keywalk
done_testing
