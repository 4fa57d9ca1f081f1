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

# scr_wait TEXT [SECONDS]: waits until TEXT is on the screen; fails after SECONDS (10).
scr_wait() {
	local text=$1 limit=${2:-10} i
	for ((i = 0; i < limit * 20; i++)); do
		scr_capture | grep -qF -- "$text" && return 0
		sleep 0.05
	done
	diag "timed out waiting for '$text'; the screen:" "$(scr_capture)"
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

# scr_wait_gone TEXT [SECONDS]: waits until TEXT has left the screen.
scr_wait_gone() {
	local text=$1 limit=${2:-10} i
	for ((i = 0; i < limit * 20; i++)); do
		scr_capture | grep -qF -- "$text" || return 0
		sleep 0.05
	done
	diag "timed out waiting for '$text' to go; the screen:" "$(scr_capture)"
	return 1
}

scr_keys() { T send-keys "$@"; }
scr_type() { T send-keys -l -- "$1"; }
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

# scr_line REGEX: the first screen line matching REGEX.
scr_line() { scr_capture | grep -E -m1 -- "$1"; }

# colof LINE TEXT: the display column where TEXT starts in LINE (-1 if absent).
colof() { "$TOOLS/colof" "$1" "$2"; }
