#!/bin/bash
# The house format (.clang-format, clang-format 14) holds for every line of C
# this branch changes: `clang-format --dry-run -Werror --lines=…` over the
# changed lines of each changed .c/.h file. Changed means: against the
# merge base with origin/main or main when HEAD is not on it; else (on main,
# or in a fresh clone with neither) the last commit; with uncommitted and
# untracked files too. SMCON_FORMAT_BASE=REV sets the base. Lines nobody
# touched are left as they are, so that branches merge.
. "$(dirname "$0")/lib/tap.sh"
cd "$(dirname "$0")/.." || exit 1

if ! git rev-parse -q --verify HEAD >/dev/null 2>&1; then
	echo "1..0 # SKIP not a git checkout"
	exit 0
fi
head=$(git rev-parse HEAD)
base=${SMCON_FORMAT_BASE:-}
if [ -z "$base" ]; then
	for ref in origin/main main; do
		b=$(git merge-base HEAD "$ref" 2>/dev/null) || continue
		if [ "$b" != "$head" ]; then
			base=$b
			break
		fi
	done
fi
[ -n "$base" ] || base=$(git rev-parse -q --verify HEAD~1)
if [ -z "$base" ]; then
	echo "1..0 # SKIP no commit before HEAD to compare with (a shallow clone?)"
	exit 0
fi
diag "changes since $(git log -1 --format='%h %s' "$base")"

clang-format --version >/dev/null 2>&1
_tap_result $? "clang-format is installed" || { done_testing; }

# "FILE --lines=A:B" for each hunk of added lines, renames followed.
changed=$(git diff -U0 -M --no-color "$base" -- '*.c' '*.h' | awk '
	/^\+\+\+ / { file = substr($2, 3); next }
	/^@@ / {
		split($3, a, ",")
		start = substr(a[1], 2)
		n = a[2] == "" ? 1 : a[2]
		if (n > 0 && file != "")
			printf "%s --lines=%d:%d\n", file, start, start + n - 1
	}')
untracked=$(git ls-files --others --exclude-standard -- '*.c' '*.h')
for f in $( (printf '%s\n' "$changed" | cut -d' ' -f1; printf '%s\n' "$untracked") | grep . | sort -u); do
	[ -f "$f" ] || continue
	lines=$(printf '%s\n' "$changed" | awk -v f="$f" '$1 == f { print $2 }')
	if printf '%s\n' "$untracked" | grep -qxF -- "$f"; then lines=""; fi
	# shellcheck disable=SC2086 # one --lines argument per hunk
	err=$(clang-format --dry-run -Werror $lines "$f" 2>&1)
	_tap_result $? "$f: the changed lines are formatted" ||
		diag "$(printf '%s\n' "$err" | head -20)" "fix: git diff -U0 $base -- $f | clang-format-diff -p1 -i"
done
done_testing
