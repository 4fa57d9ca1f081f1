# TAP for the shell tests. Source it, write assertions, end with done_testing.
_tap_n=0
_tap_failed=0

diag() { printf '%s\n' "$@" | sed 's/^/# /' >&2; }

_tap_result() { # COND NAME
	_tap_n=$((_tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $_tap_n - $2"
		return 0
	fi
	echo "not ok $_tap_n - $2"
	_tap_failed=$((_tap_failed + 1))
	return 1
}

pass() { _tap_result 0 "$1"; }
fail() { _tap_result 1 "$1"; }

# A command that does not exist — a misspelt or missing helper — fails the
# test instead of passing unseen (a check that never ran). bash runs this in
# a subshell, so it leaves its mark in a file that done_testing reads.
_tap_missing=$(mktemp "${TMPDIR:-/tmp}/tap-missing.XXXXXX")
command_not_found_handle() {
	printf '%s (line %s)\n' "$1" "${BASH_LINENO[0]}" >>"$_tap_missing"
	echo "${0##*/}: $1: command not found" >&2
	return 127
}

# is GOT WANT NAME
is() {
	if [ "$1" = "$2" ]; then _tap_result 0 "$3"; else
		_tap_result 1 "$3"
		diag "got:  '$1'" "want: '$2'"
		return 1
	fi
}

# isnt GOT UNWANTED NAME
isnt() {
	if [ "$1" != "$2" ]; then _tap_result 0 "$3"; else
		_tap_result 1 "$3"
		diag "got:  '$1'" "want anything but that"
		return 1
	fi
}

# like TEXT REGEX NAME (extended regex, any line)
like() {
	if printf '%s\n' "$1" | grep -qE -- "$2"; then _tap_result 0 "$3"; else
		_tap_result 1 "$3"
		diag "no line matches /$2/ in:" "$1"
		return 1
	fi
}

# unlike TEXT REGEX NAME
unlike() {
	if ! printf '%s\n' "$1" | grep -qE -- "$2"; then _tap_result 0 "$3"; else
		_tap_result 1 "$3"
		diag "a line matches /$2/ in:" "$1"
		return 1
	fi
}

# contains TEXT FIXED NAME (fixed string)
contains() {
	if printf '%s\n' "$1" | grep -qF -- "$2"; then _tap_result 0 "$3"; else
		_tap_result 1 "$3"
		diag "'$2' not found in:" "$1"
		return 1
	fi
}

# wait_until SECONDS COMMAND...: polls COMMAND every 50 ms until it succeeds
# (returns 0) or SECONDS have passed (returns 1). The one place the tests
# wait for time to pass: for a condition, never for a guessed delay.
wait_until() {
	local limit=$1 i
	shift
	for ((i = 0; i < limit * 20; i++)); do
		"$@" && return 0
		sleep 0.05
	done
	"$@"
}

done_testing() {
	if [ -s "$_tap_missing" ]; then
		_tap_result 1 "every command the test runs exists"
		diag "no such command: $(cat "$_tap_missing")"
	fi
	rm -f "$_tap_missing"
	echo "1..$_tap_n"
	[ "$_tap_failed" -eq 0 ]
	exit $?
}
