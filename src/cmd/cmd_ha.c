/* Commands of failover and standby reads: db servers; and command mode's
 * reconnecting between lines after a server went away. */
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "cmd/command.h"
#include "db/conninfo.h"

/* "host:port" of an open connection (a socket directory is a host too). */
static void where(struct db *db, struct strbuf *out)
{
	strbuf_addf(out, "%s:%s", PQhost(db->conn), PQport(db->conn));
}

static enum status add_server(struct cmd_ctx *ctx, struct rowset *rs, const char *use,
                              struct db *db, struct db_error *err)
{
	PGresult *res = db_exec(db, "SELECT pg_is_in_recovery(), current_setting('server_version')",
	                        0, NULL, err);
	if (!res)
		return err->status;
	struct strbuf sb = STRBUF_INIT;
	int row = rowset_add_row(rs);
	int standby = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
	rowset_set(rs, row, 0, use);
	where(db, &sb);
	rowset_set(rs, row, 1, strbuf_str(&sb));
	rowset_set(rs, row, 2,
	           ctx->format == FMT_TABLE ? tr(standby ? MSG_REF_YES : MSG_REF_NO)
	           : standby                ? "t"
	                                    : "f");
	rowset_set(rs, row, 3, PQgetvalue(res, 0, 1));
	strbuf_free(&sb);
	PQclear(res);
	return ST_OK;
}

/* db servers: the primary this session writes to and where reports go. */
static enum status run_db_servers(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct db_error err;
	struct db_reports rep;
	(void)args;
	db_error_init(&err);
	db_reports_init(&rep);
	struct rowset *rs = rowset_new(4);
	rowset_col(rs, 0, "use", tr(MSG_HA_COL_USE), CT_TEXT);
	rowset_col(rs, 1, "server", tr(MSG_HA_COL_SERVER), CT_TEXT);
	rowset_col(rs, 2, "standby", tr(MSG_HA_COL_STANDBY), CT_BOOL);
	rowset_col(rs, 3, "version", tr(MSG_HA_COL_VERSION), CT_TEXT);
	enum status st = add_server(ctx, rs, "primary", ctx->db, &err);
	if (st == ST_OK) {
		struct db *r = db_reports_open(&rep, ctx->conf, ctx->db, &err);
		if (err.message.len)
			cmd_fail(ctx, ST_OK, strbuf_str(&err.message));
		db_error_reset(&err);
		st = add_server(ctx, rs, "reports", r, &err);
	}
	if (st == ST_OK)
		cmd_print(ctx, rs);
	else {
		rowset_free(rs);
		st = cmd_db_fail(ctx, &err);
	}
	db_reports_close(&rep);
	db_error_free(&err);
	return st;
}

enum status cmd_reconnect_if_lost(struct cmd_ctx *ctx)
{
	if (!ctx->connected || db_alive(ctx->db) || ctx->conf->db_reconnect_seconds <= 0)
		return ST_OK;
	struct db_error err;
	db_error_init(&err);
	log_info("the connection was lost between commands: reconnecting");
	enum status st = ST_OK;
	if (db_reconnect_wait(ctx->db, ctx->conf->db_reconnect_seconds, &err) != 0)
		st = cmd_db_fail(ctx, &err);
	db_error_free(&err);
	return st;
}

const struct command ha_commands[] = {
    {"db", "servers", ACT_DB_SERVERS, "", NULL, 0, 0, 1, run_db_servers},
    {NULL, NULL, ACT_NONE, NULL, NULL, 0, 0, 0, NULL},
};
