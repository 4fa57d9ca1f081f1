#!/bin/sh
# Makes sure the Debian packages smcon builds and tests with are present.
# As root it installs what is missing with apt-get; otherwise it prints the
# exact command to run and fails, so `make` stops before a confusing error.
set -eu

pkgs="gcc make pkg-config libncurses-dev libpq-dev libreadline-dev libconfig-dev
postgresql postgresql-contrib postgresql-server-dev-15 postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl
tmux perl locales tzdata libxlsxwriter-dev python3-openpyxl
pgbouncer postgresql-15-auto-failover pg-auto-failover-cli"

missing=""
for p in $pkgs; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$status" in
	*"install ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done

[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	echo "smcon: installing missing packages:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q
	# shellcheck disable=SC2086
	apt-get install -y -q --no-install-recommends $missing
	exit 0
fi

echo "smcon: these Debian packages are missing:$missing" >&2
echo "smcon: install them with:" >&2
echo "    sudo apt-get install -y$missing" >&2
exit 1
