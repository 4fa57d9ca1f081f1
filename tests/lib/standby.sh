# A primary and a streaming standby for the failover tests: the primary a
# copy of the test warehouse (a standby of it, promoted: the shared cluster
# is never stopped), the standby streaming from the primary over its socket.
#   standby_pair             creates and starts both, removed at exit
#   standby_conf FILE [REPORT_CONNINFO]
#                            a config naming both hosts, writes to the primary
#   standby_caught_up        whether the standby has replayed all the primary wrote
PRIMARY="$SCRATCH/p"
STANDBY="$SCRATCH/s"
pgc() { sh "$ROOT/mk/pgcluster.sh" "$@"; }

standby_pair() {
	at_exit "sh '$ROOT/mk/pgcluster.sh' destroy '$STANDBY'"
	at_exit "sh '$ROOT/mk/pgcluster.sh' destroy '$PRIMARY'"
	pgc standby "$SMCON_TEST_PG" "$PRIMARY" && pgc promote "$PRIMARY" &&
		pgc standby "$PRIMARY" "$STANDBY"
}

standby_conf() {
	cat >"$1" <<-CONF
	db: {
	  conninfo = "host=$PRIMARY/run,$STANDBY/run dbname=smcon target_session_attrs=read-write";
	  report_conninfo = "${2:-}";
	  reconnect_seconds = 30;
	};
	CONF
}

standby_caught_up() {
	local lsn
	lsn=$(pgc psql "$PRIMARY" -At -d postgres -c 'SELECT pg_current_wal_lsn()') || return 1
	[ "$(pgc psql "$STANDBY" -At -d postgres \
		-c "SELECT pg_last_wal_replay_lsn() >= '$lsn'::pg_lsn")" = t ]
}
