# Screen tests: the real binary in a real terminal (tmux), read back as text.
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# Each scr_start gets a tmux server of its own (a fresh socket), so a server
# still shutting down can never answer for the next one.
_scr_base="smcon-test-$$-$RANDOM"
_scr_n=0
_scr_sock="$_scr_base-0"
T() { tmux -L "$_scr_sock" -f /dev/null "$@"; }
_scr_kill_all() {
	local i
	for ((i = 0; i <= _scr_n; i++)); do tmux -L "$_scr_base-$i" kill-server 2>/dev/null; done
}
at_exit _scr_kill_all

# scr_start COLS ROWS COMMAND...: starts COMMAND in a COLS×ROWS terminal.
# Extra environment goes in SCR_ENV (e.g. SCR_ENV="TERM=vt100 NO_COLOR=1").
scr_start() {
	local cols=$1 rows=$2
	shift 2
	local cmd="env LANG=C.UTF-8 ${SCR_ENV:-} $(printf '%q ' "$@"); echo '<<exited>>'; sleep 600"
	T kill-server >/dev/null 2>&1
	_scr_n=$((_scr_n + 1))
	_scr_sock="$_scr_base-$_scr_n"
	T new-session -d -x "$cols" -y "$rows" "$cmd"
	T set-option -g status off >/dev/null
	T set-window-option -g window-size manual >/dev/null 2>&1
}

# scr_capture: the screen as text. scr_capture_e: with colour escapes.
scr_capture() { T capture-pane -p; }
scr_capture_e() { T capture-pane -p -e; }

# Screen tests never sleep for a frame: they wait for what the screen should
# show (scr_wait, scr_until), which also says what it waited for when it
# fails. tests/harness.t keeps sleep out of tests/screen.

# scr_wait TEXT [SECONDS]: waits until TEXT is on the screen; fails after SECONDS (10).
scr_wait() {
	scr_until "'$1' on the screen" "${2:-10}" _scr_shows "$1"
}
_scr_shows() { scr_capture | grep -qF -- "$1"; }

# scr_until WHAT SECONDS COMMAND...: waits until COMMAND succeeds, polling;
# after SECONDS, says it timed out waiting for WHAT, shows the screen and fails.
scr_until() {
	local what=$1 limit=$2 i
	shift 2
	if wait_until "$limit" "$@"; then return 0; fi
	diag "timed out waiting for $what; the screen:" "$(scr_capture)"
	return 1
}

# await TEXT NAME: a test that passes when TEXT appears within 10 seconds.
await() {
	scr_wait "$1"
	_tap_result $? "$2"
}

# await_gone TEXT NAME: a test that passes when TEXT leaves the screen.
await_gone() {
	scr_wait_gone "$1"
	_tap_result $? "$2"
}

# scr_wait_gone TEXT [SECONDS]: waits until TEXT has left the screen. TEXT
# must have been there: on the screen just before the last keys were sent, or
# now. Text that never appeared has not gone anywhere.
scr_wait_gone() {
	local text=$1 limit=${2:-10}
	if ! printf '%s\n' "$_scr_before_keys" | grep -qF -- "$text" && ! _scr_shows "$text"; then
		diag "'$text' was not on the screen before the last keys, so it cannot go; the screen then:" \
			"$_scr_before_keys"
		return 1
	fi
	scr_until "'$text' to go" "$limit" eval '! _scr_shows "$text"'
}

# scr_keys KEY...: sends keys (tmux names); scr_type TEXT: types text. Each
# first keeps the screen as it was (for scr_wait_gone).
_scr_before_keys=""
scr_keys() {
	_scr_before_keys=$(scr_capture)
	T send-keys "$@"
}
scr_type() {
	_scr_before_keys=$(scr_capture)
	T send-keys -l -- "$1"
}
scr_resize() { T resize-window -x "$1" -y "$2"; }

# scr_login USER [PASSWORD]: types into the login screen and presses Enter.
scr_login() {
	scr_wait "密码" 3 2>/dev/null || scr_wait "Password" || return 1
	scr_keys Up C-u
	scr_type "$1"
	scr_keys Down C-u
	scr_type "${2:-demo}"
	scr_keys Enter
}

# scr_keyline: the key line (above the status bar).
scr_keyline() { scr_capture | tail -2 | head -1; }

# keyline_lacks TEXT NAME: a test that the key line does not offer TEXT. It
# looks only at a key line that shows its last key (F10 quit), i.e. one with
# room for every key the role may use: at 200 columns when the current width
# has too little, then back.
keyline_lacks() {
	local text=$1 name=$2 size
	size=$(T display-message -p '#{window_width} #{window_height}')
	if ! scr_until "the key line to show F10" 2 eval '[[ "$(scr_keyline)" == *F10* ]]' 2>/dev/null; then
		scr_resize 200 "${size#* }"
		scr_until "the key line to show F10 at 200 columns" 10 eval '[[ "$(scr_keyline)" == *F10* ]]'
	fi
	unlike "$(scr_keyline)" "$text" "$name"
	if [[ "$size" != "$(T display-message -p '#{window_width} #{window_height}')" ]]; then
		scr_resize "${size% *}" "${size#* }"
		# cut to the old width, the wide status bar loses its clock (right-aligned)
		# until the console has drawn the frame again
		scr_until "the frame drawn again at ${size% *} columns" 10 \
			eval '[[ "$(scr_capture | tail -1)" =~ [0-9]{2}:[0-9]{2}\ *$ ]]'
	fi
}

# scr_line REGEX: the first screen line matching REGEX.
scr_line() { scr_capture | grep -E -m1 -- "$1"; }

# colof LINE TEXT: the display column where TEXT starts in LINE (-1 if absent).
colof() { "$TOOLS/colof" "$1" "$2"; }
