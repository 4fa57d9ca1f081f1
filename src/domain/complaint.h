/* The 12315 desk (sql/migrations/0100-0103): intake, the steps of the
 * complaint, report and consultation workflows, the queue of a unit, one
 * item and its timeline. Named statements only; the database checks the
 * role, the scope and the state of every step. Used by the complaint,
 * tipoff and consult commands and by the desk's screens. */
#ifndef SMCON_COMPLAINT_H
#define SMCON_COMPLAINT_H

#include <libpq-fe.h>

#include "base/status.h"
#include "base/strbuf.h"
#include "db/db.h"

enum desk_kind { DK_COMPLAINT, DK_REPORT, DK_CONSULTATION, DK_COUNT };

/* "complaint", "report", "consultation". */
const char *desk_kind_key(enum desk_kind k);
/* The kind of a key, or -1. */
int desk_kind_parse(const char *key);

/* What intake takes (api.desk_intake), every value text or NULL. */
enum desk_field {
	DF_KIND, /* complaint, report, both, consultation, suggestion */
	DF_CHANNEL,
	DF_NAME,
	DF_PHONE,
	DF_ADDRESS,
	DF_ID_NO,
	DF_ANONYMOUS, /* "t" or NULL */
	DF_USCC,
	DF_RESPONDENT,
	DF_RESPONDENT_ADDRESS,
	DF_PLATFORM,
	DF_CATEGORY,
	DF_SUBJECT,
	DF_AMOUNT,
	DF_REQUEST,
	DF_FACTS,
	DF_WORK_ORDER,
	DF_RECEIVED_12345,
	DF_UNIT,
	DF_ROUTE_REASON,
	DF_COUNT
};

/* The columns of an intake result, one row per item made. */
enum desk_intake_col {
	DI_KIND,
	DI_ID,
	DI_NO,
	DI_STATE,
	DI_STATE_LABEL,
	DI_ORG,
	DI_CLOCK,
	DI_DUE,
	DI_MISSING,
	DI_DUPS,
	DI_COUNT
};

/* Registers a submission. Returns the rows (caller PQclear()s) or NULL
 * with err filled. */
PGresult *desk_intake(struct db *db, const char *const v[DF_COUNT], struct db_error *err);
/* Its statement (DF_COUNT parameters in enum order), for a form that sends it. */
const char *desk_intake_sql(void);

/* The steps. Each takes the item's kind and id and up to three more
 * values (a, b, c), as its statement says. */
enum desk_step {
	DS_ACCEPT,     /* complaint */
	DS_REJECT,     /* a = §15 ground, b = note */
	DS_MEDIATE,    /* a = note */
	DS_AGREE,      /* a = agreement, b = amount recovered, c = note */
	DS_TERMINATE,  /* a = §21 ground, b = note */
	DS_NOTIFY,     /* a = note */
	DS_CLOSE,      /* a = note */
	DS_VERIFY,     /* report; a = note */
	DS_DECIDE,     /* a = "t" case opened / "f", b = case number, c = reason */
	DS_INFORM,     /* a = note */
	DS_TIP_CLOSE,  /* a = note */
	DS_ANSWER,     /* consultation; a = answer */
	DS_PAUSE,      /* any kind; a = what is tested */
	DS_RESUME,     /* a = note */
	DS_EXTEND,     /* a = working days, b = reason */
	DS_ASSIGN,     /* id is a list "{1,2}"; a = login (NULL: oneself) */
	DS_TRANSFER,   /* a = unit code, b = reason */
	DS_MERGE,      /* a = id of the item kept, b = note */
	DS_KEEP_APART, /* a = id of the other item, b = reason */
	DS_COUNT
};

/* Runs a step. A step the item's state does not allow (SQLSTATE 55000)
 * comes back as ST_CONFLICT; another unit's item as ST_DENIED. The first
 * value of the result (a date, a count) goes to out when out is not NULL. */
enum status desk_step_run(struct db *db, enum desk_step s, enum desk_kind k, const char *id,
                          const char *a, const char *b, const char *c, struct strbuf *out,
                          struct db_error *err);

/* The statement of a step and its parameters (params has room for 5), for
 * a screen that sends it without waiting. */
const char *desk_step_sql(enum desk_step s, enum desk_kind k, const char *id, const char *a,
                          const char *b, const char *c, const char **params, int *n);
/* A refused transition (SQLSTATE 55000) is a conflict with the item's
 * state: err becomes ST_CONFLICT (exit 5) with a message to match. */
void desk_state_conflict(struct db_error *err);
/* One statement for the item screen: the item's fields ('f', field, label,
 * label_en, value) and its timeline ('t', action, at, actor, state, note,
 * due); parameters kind and id. */
const char *desk_item_page_sql(void);

/* Fills in a complaint's missing §9 items (NULL: unchanged); missing gets
 * what still lacks ("" when complete). */
enum status desk_complete(struct db *db, const char *id, const char *const v[DF_COUNT],
                          struct strbuf *missing, struct db_error *err);

/* An item by registration number, or by internal id (digits only) when
 * want is given. kind and id are filled; merged_from gets the number asked
 * for when it was a duplicate merged into the item found. */
enum status desk_resolve(struct db *db, int want, const char *ref, enum desk_kind *kind,
                         struct strbuf *id, struct strbuf *merged_from, struct db_error *err);

/* The queue (api.desk_queue): view all, mine, unassigned, due_soon, overdue. */
struct desk_query {
	const char *unit, *view, *state, *due_before, *kind;
	int limit, offset;
};
enum desk_queue_col {
	DQ_KIND,
	DQ_ID,
	DQ_NO,
	DQ_STATE,
	DQ_STATE_LABEL,
	DQ_RECEIVED,
	DQ_ORG_CODE,
	DQ_ORG,
	DQ_HANDLER,
	DQ_RESPONDENT,
	DQ_CLOCK,
	DQ_DUE,
	DQ_REMAINING,
	DQ_USED,
	DQ_BAND,
	DQ_PAUSED,
	DQ_COUNT
};
const char *desk_queue_key(enum desk_queue_col c);
PGresult *desk_queue(struct db *db, const struct desk_query *q, struct db_error *err);
/* The statement and parameters of the queue, for a screen that sends it
 * without waiting (params has room for 7). */
const char *desk_queue_sql(const struct desk_query *q, const char **params, char limit[16],
                           char offset[16]);

/* Counts per band: total, mine, unassigned, green, due_soon, overdue, paused. */
enum desk_count_col {
	DC_TOTAL,
	DC_MINE,
	DC_UNASSIGNED,
	DC_GREEN,
	DC_DUE_SOON,
	DC_OVERDUE,
	DC_PAUSED,
	DC_COUNT
};
PGresult *desk_counts(struct db *db, const char *unit, struct db_error *err);
const char *desk_counts_sql(void);

/* One item as rows (field, label, label_en, value); its timeline (at,
 * actor, action, from, to, org, due, note, other); its duplicates; the
 * supervisor's view by unit and handler. */
PGresult *desk_item(struct db *db, enum desk_kind k, const char *id, struct db_error *err);
PGresult *desk_timeline(struct db *db, enum desk_kind k, const char *id, struct db_error *err);
PGresult *desk_duplicates(struct db *db, enum desk_kind k, const char *id, struct db_error *err);
PGresult *desk_supervise(struct db *db, const char *unit, struct db_error *err);
/* The value of field in a desk_item() result, or NULL. */
const char *desk_item_value(const PGresult *res, const char *field);

/* The word for a timeline action ("accept" → 受理), in the UI language. */
const char *desk_action_label(const char *action);

#endif
