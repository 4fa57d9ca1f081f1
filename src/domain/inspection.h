/* 双随机、一公开 (issue 13): the named statements of inspection tasking —
 * the item list, plans (create, file, cancel, preview, draw, verify,
 * publish), tasks and results, the supervisor's overview. Every rule is in
 * the api functions of sql/migrations/0140-0143; this module only calls
 * them with parameters and says what kind of failure an error was. */
#ifndef SMCON_INSPECTION_H
#define SMCON_INSPECTION_H

#include <libpq-fe.h>

#include "base/strbuf.h"
#include "db/db.h"

enum insp_call {
	INSP_ITEMS, /* code, name, category, specialty, object_type, method, legal_basis, in_use */
	INSP_ITEM_ADD,     /* code name category basis object method specialty → code */
	INSP_PLAN_LIST,    /* year|NULL → plan_no, title, year, org_name, status, window_from,
	                      window_to, tasks, done */
	INSP_PLAN_CREATE,  /* title year items[] scope[] ratios from to kind types[] industries[]
	                      recent → plan_no */
	INSP_PLAN_SHOW,    /* plan → field, value */
	INSP_PLAN_FILE,    /* plan → the org it was filed with */
	INSP_PLAN_CANCEL,  /* plan reason */
	INSP_PLAN_PREVIEW, /* plan → section, label, population, quota */
	INSP_PLAN_DRAW,    /* plan seed witness → batch_no, seed, seed_source, population, drawn,
	                      inspectors */
	INSP_PLAN_VERIFY,  /* plan → consistent, detail */
	INSP_PLAN_PUBLISH, /* plan → rows published */
	INSP_PUBLICATION, /* plan → plan_no, task_no, uscc, entity_name, legal_rep, items, result,
	                     findings, inspected_on, org_name, published_on */
	INSP_TASK_LIST,   /* mine(t/f) plan|NULL → task_no, plan_no, uscc, entity_name, status,
	                     due_on, team, result, confirmed */
	INSP_TASK_SHOW,   /* task → field, value */
	INSP_TASK_RESULT, /* task code findings[] done rectify_days → version, rectification_due_on,
	                     publish_due_on, abnormal_proposal */
	INSP_TASK_CONFIRM,  /* task → version */
	INSP_TASK_ABNORMAL, /* task accept(t/f) → what was decided */
	INSP_FLAGS,         /* plan|NULL → flag, plan_no, task_no, entity_name, due_on, basis */
	INSP_OVERVIEW, /* → kind, name, tasks, done, confirmed, published, overdue, unpublished_late
	                */
	INSP_RESULT_CODES, /* → code, name */
	INSP_CALL_COUNT
};

/* Runs call c with its parameters (NULL for SQL NULL; how many: see the
 * enum). Returns a result the caller PQclear()s, or NULL with err filled. */
PGresult *insp_run(struct db *db, enum insp_call c, const char *const *params,
                   struct db_error *err);
/* The number of parameters call c takes. */
int insp_nparams(enum insp_call c);
/* The kind of failure an error of these calls is: bad input (a value the
 * database refused, naming the field) ST_USAGE, a plan or task in the wrong
 * state ST_CONFLICT, else the error's own status. */
enum status insp_status(const struct db_error *err);
/* Appends values as a PostgreSQL text array literal ({"a","b"}). */
void insp_array(struct strbuf *out, int n, const char *const *values);

#endif
