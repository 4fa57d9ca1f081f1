#include "domain/rescue.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "i18n/i18n.h"

static const char *const sql_card = "SELECT * FROM api.elevator_card($1)";
static const char *const sql_search =
    "SELECT elevator_id, registration_code, rescue_code, category, address, user_name, "
    "maintainer_name, status FROM api.elevator_search($1, $2::integer)";
static const char *const sql_new =
    "SELECT id, incident_no, version FROM api.rescue_new($1, $2, $3::integer, $4::boolean, $5)";
static const char *const sql_find = "SELECT api.rescue_find($1)";
static const char *const sql_take = "SELECT previous, since FROM api.rescue_take($1::bigint)";
static const char *const sql_board =
    "SELECT id, incident_no, version, state, level, received_at, address, trapped, injured, "
    "dispatched_at, deadline_at, unit, unit_phone, handler, handler_since, proposal, "
    "next_check_at, "
    "district_org_id, server_now FROM api.rescue_board($1::bigint)";
static const char *const sql_show = "SELECT field, value FROM api.rescue_show($1::bigint)";
static const char *const sql_steps =
    "SELECT at, step, staff, from_state, to_state, level, reason, proposed, target, note, version "
    "FROM api.rescue_steps($1::bigint)";
static const char *const sql_proposals =
    "SELECT level, reason, reason_text, target, target_phone, distance_km "
    "FROM api.rescue_proposals($1::bigint)";
static const char *const sql_caller_phone = "SELECT api.rescue_caller_phone($1::bigint)";
static const char *const sql_list =
    "SELECT id, incident_no, state, level, received_at, address, trapped, unit "
    "FROM api.rescue_list($1::boolean, $2::integer)";
static const char *const sql_causes =
    "SELECT code, name FROM core.rescue_cause WHERE active "
    "ORDER BY coalesce(parent_code, code), parent_code IS NOT NULL, sort_order";

static const struct {
	const char *name;
	const char *sql;
	int nargs;
} verbs[RV_COUNT] = {
    [RV_DISPATCH] = {"dispatch", "SELECT api.rescue_dispatch($1::bigint, $2::integer)", 0},
    [RV_ACK] = {"ack", "SELECT api.rescue_ack($1::bigint, $2::integer)", 0},
    [RV_ENROUTE] = {"enroute", "SELECT api.rescue_enroute($1::bigint, $2::integer, $3::integer)",
                    1},
    [RV_ARRIVE] = {"arrive", "SELECT api.rescue_arrive($1::bigint, $2::integer)", 0},
    [RV_RELEASE] = {"release", "SELECT api.rescue_release($1::bigint, $2::integer, $3::integer)",
                    1},
    [RV_CLOSE] = {"close", "SELECT api.rescue_close($1::bigint, $2::integer, $3, $4)", 2},
    [RV_CANCEL] = {"cancel", "SELECT api.rescue_cancel($1::bigint, $2::integer, $3, $4)", 2},
    [RV_CALLBACK] = {"callback", "SELECT api.rescue_callback($1::bigint, $2::integer, $3, $4)", 2},
    [RV_ESCALATE] = {"escalate",
                     "SELECT api.rescue_escalate($1::bigint, $2::integer, $3::integer, $4, $5)", 3},
    [RV_DECLINE] = {"decline",
                    "SELECT api.rescue_decline($1::bigint, $2::integer, $3::integer, $4)", 2},
};

const char *rescue_verb_name(enum rescue_verb v)
{
	return verbs[v].name;
}

PGresult *rescue_card(struct db *db, const char *code, struct db_error *err)
{
	const char *params[] = {code};
	return db_exec(db, sql_card, 1, params, err);
}

PGresult *rescue_elevator_search(struct db *db, const char *text, const char *limit,
                                 struct db_error *err)
{
	const char *params[] = {text, limit};
	return db_exec(db, sql_search, 2, params, err);
}

PGresult *rescue_new(struct db *db, const char *code, const char *phone, const char *trapped,
                     const char *injured, const char *note, struct db_error *err)
{
	const char *params[] = {code, phone, trapped, injured, note};
	return db_exec(db, sql_new, 5, params, err);
}

enum status rescue_find(struct db *db, const char *no, char **id, struct db_error *err)
{
	const char *params[] = {no};
	PGresult *res = db_exec(db, sql_find, 1, params, err);
	*id = NULL;
	if (!res)
		return err->status;
	if (PQntuples(res) == 1 && !PQgetisnull(res, 0, 0))
		*id = xstrdup(PQgetvalue(res, 0, 0));
	PQclear(res);
	if (*id)
		return ST_OK;
	db_error_reset(err);
	err->status = ST_NOTFOUND;
	trf(&err->message, MSG_RESCUE_NOT_FOUND, no);
	return ST_NOTFOUND;
}

enum status rescue_step(struct db *db, enum rescue_verb verb, const char *id, const char *version,
                        const char *arg1, const char *arg2, const char *arg3, char **new_version,
                        struct db_error *err)
{
	const char *params[] = {id, version, arg1, arg2, arg3};
	PGresult *res = db_exec(db, verbs[verb].sql, 2 + verbs[verb].nargs, params, err);
	if (!res)
		return err->status;
	if (new_version)
		*new_version = xstrdup(PQntuples(res) ? PQgetvalue(res, 0, 0) : "");
	PQclear(res);
	return ST_OK;
}

PGresult *rescue_take(struct db *db, const char *id, struct db_error *err)
{
	const char *params[] = {id};
	return db_exec(db, sql_take, 1, params, err);
}

const char *rescue_board_sql(void)
{
	return sql_board;
}

PGresult *rescue_board(struct db *db, const char *id, struct db_error *err)
{
	const char *params[] = {id};
	return db_exec(db, sql_board, 1, params, err);
}

PGresult *rescue_show(struct db *db, const char *id, struct db_error *err)
{
	const char *params[] = {id};
	return db_exec(db, sql_show, 1, params, err);
}

PGresult *rescue_steps(struct db *db, const char *id, struct db_error *err)
{
	const char *params[] = {id};
	return db_exec(db, sql_steps, 1, params, err);
}

PGresult *rescue_proposals(struct db *db, const char *id, struct db_error *err)
{
	const char *params[] = {id};
	return db_exec(db, sql_proposals, 1, params, err);
}

enum status rescue_caller_phone(struct db *db, const char *id, char **phone, struct db_error *err)
{
	const char *params[] = {id};
	PGresult *res = db_exec(db, sql_caller_phone, 1, params, err);
	*phone = NULL;
	if (!res)
		return err->status;
	*phone = xstrdup(PQntuples(res) ? PQgetvalue(res, 0, 0) : "");
	PQclear(res);
	return ST_OK;
}

PGresult *rescue_list(struct db *db, const char *open, const char *limit, struct db_error *err)
{
	const char *params[] = {open, limit};
	return db_exec(db, sql_list, 2, params, err);
}

PGresult *rescue_causes(struct db *db, struct db_error *err)
{
	return db_exec(db, sql_causes, 0, NULL, err);
}
