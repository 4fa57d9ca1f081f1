/* The 96333 desk: the elevator card and search, intake, the steps of an
 * incident and the board, as named statements over the api functions of
 * sql/migrations/0120-0122. Every step is checked, locked and recorded by
 * the database; a refused step fails with ST_CONFLICT (SQLSTATE 40001) and
 * a message that names the incident's current state. */
#ifndef SMCON_RESCUE_H
#define SMCON_RESCUE_H

#include "db/db.h"

/* The steps of an incident, each one api function taking (id, version, …). */
enum rescue_verb {
	RV_DISPATCH,
	RV_ACK,
	RV_ENROUTE, /* arg1: ETA in minutes, optional */
	RV_ARRIVE,
	RV_RELEASE,  /* arg1: released persons, optional */
	RV_CLOSE,    /* arg1: cause code, arg2: note */
	RV_CANCEL,   /* arg1: reason code, arg2: note */
	RV_CALLBACK, /* arg1: result, arg2: note */
	RV_ESCALATE, /* arg1: level, arg2: target, arg3: note (all optional) */
	RV_DECLINE,  /* arg1: level, arg2: note */
	RV_COUNT
};

/* The columns of api.rescue_board(), in its order. */
enum board_col {
	RB_ID,
	RB_NO,
	RB_VERSION,
	RB_STATE,
	RB_LEVEL,
	RB_RECEIVED,
	RB_ADDRESS,
	RB_TRAPPED,
	RB_INJURED,
	RB_DISPATCHED,
	RB_DEADLINE,
	RB_UNIT,
	RB_UNIT_PHONE,
	RB_HANDLER,
	RB_HANDLER_SINCE,
	RB_PROPOSAL,
	RB_NEXT_CHECK,
	RB_DISTRICT,
	RB_SERVER_NOW,
	RB_COUNT
};

/* The columns of api.elevator_card(), in its order. */
enum card_col {
	RC_ELEVATOR_ID,
	RC_REG_CODE,
	RC_RESCUE_CODE,
	RC_CATEGORY,
	RC_ADDRESS,
	RC_PLACE,
	RC_DIVISION,
	RC_BUREAU,
	RC_URBAN,
	RC_STATUS,
	RC_USER_USCC,
	RC_USER_NAME,
	RC_USER_PHONE,
	RC_MAINT_USCC,
	RC_MAINT_NAME,
	RC_DUTY_PHONE,
	RC_BACKUP_PHONE,
	RC_TEAM,
	RC_TEAM_PHONE,
	RC_CONTRACT_ENDS,
	RC_LAST_MAINTAINED,
	RC_MAINT_OVERDUE,
	RC_LAST_INSPECTED,
	RC_NEXT_INSPECTION,
	RC_INSPECTION_OVERDUE,
	RC_ENTRAPMENTS,
	RC_LIMIT,
	RC_OPEN_INCIDENT,
	RC_COUNT
};

/* The elevator a rescue code or registration code names: one row, or none. */
PGresult *rescue_card(struct db *db, const char *code, struct db_error *err);
/* Elevators by a fragment of their address or of the using unit's name. */
PGresult *rescue_elevator_search(struct db *db, const char *text, const char *limit,
                                 struct db_error *err);
/* Takes a call: one row (id, incident_no, version). injured: "true"/"false". */
PGresult *rescue_new(struct db *db, const char *code, const char *phone, const char *trapped,
                     const char *injured, const char *note, struct db_error *err);
/* The id of an incident given by number or id: ST_OK with *id set (free()),
 * ST_NOTFOUND with err filled when there is none in the caller's scope. */
enum status rescue_find(struct db *db, const char *no, char **id, struct db_error *err);
/* Takes step verb of incident id, expecting version (NULL: any). The new
 * version goes to *version when not NULL (free()). */
enum status rescue_step(struct db *db, enum rescue_verb verb, const char *id, const char *version,
                        const char *arg1, const char *arg2, const char *arg3, char **new_version,
                        struct db_error *err);
/* The advisory flag: marks the caller as handling id; one row (previous, since). */
PGresult *rescue_take(struct db *db, const char *id, struct db_error *err);
/* The board (every open incident, id NULL) or one incident's board row. */
PGresult *rescue_board(struct db *db, const char *id, struct db_error *err);
/* The text of the board statement (screens send it with db_async_send()). */
const char *rescue_board_sql(void);
/* One incident as (field, value) rows; its steps; its current proposals. */
PGresult *rescue_show(struct db *db, const char *id, struct db_error *err);
PGresult *rescue_steps(struct db *db, const char *id, struct db_error *err);
PGresult *rescue_proposals(struct db *db, const char *id, struct db_error *err);
/* The caller's phone of incident id in full, for the callback: ST_OK with
 * *phone set (free()); ST_DENIED with err filled for a role or scope that
 * may not see it. Every reveal is audited by the
 * database (api.rescue_caller_phone). */
enum status rescue_caller_phone(struct db *db, const char *id, char **phone, struct db_error *err);
/* Recent incidents, newest first; open: "true" for open ones only. */
PGresult *rescue_list(struct db *db, const char *open, const char *limit, struct db_error *err);
/* The causes an incident may be closed with (code, name). */
PGresult *rescue_causes(struct db *db, struct db_error *err);
/* The command word of a verb ("dispatch", …). */
const char *rescue_verb_name(enum rescue_verb v);

#endif
