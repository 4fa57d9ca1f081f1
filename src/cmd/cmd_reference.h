/* The commands of the reference part: the work calendar (cmd_calendar.c),
 * the policy knowledge base (cmd_policy.c) and the data catalog
 * (cmd_catalog.c); their table and shared helpers are in cmd_reference.c. */
#ifndef SMCON_CMD_REFERENCE_H
#define SMCON_CMD_REFERENCE_H

#include "cmd/command.h"

/* A column of a rowset: machine key, label in the UI language, type. */
struct ref_col {
	const char *key;
	enum msg_id label;
	enum col_type type;
};

/* How a result is shown: column i of the rowset takes result column src[i]. */
struct ref_view {
	const struct ref_col *cols;
	const int *src;
	int n;
	int record; /* a table shows one "label : value" line per column */
	/* rewrites row r of rs from row r of res (labels, weekdays), or NULL */
	void (*fix)(const struct cmd_ctx *ctx, struct rowset *rs, int r, const PGresult *res);
};

/* Prints res as v says and clears it; a NULL res prints err instead. Frees
 * err. A CT_BOOL column is t/f (NULL as f), which a table shows as 是/否
 * (v->fix may relabel it).
 * Returns ST_OK or the error's status. */
enum status ref_print(struct cmd_ctx *ctx, PGresult *res, struct db_error *err,
                      const struct ref_view *v);
/* Prints a database error, frees it and returns its status. */
enum status ref_db_fail(struct cmd_ctx *ctx, struct db_error *err);
/* Prints a message (formatted from m with up to two strings) and returns st. */
enum status ref_fail(struct cmd_ctx *ctx, enum status st, enum msg_id m, const char *a,
                     const char *b);
/* A boolean cell: "t"/"f" in CSV and JSON, the yes or no label in a table. */
const char *ref_flag(const struct cmd_ctx *ctx, const char *value, enum msg_id yes, enum msg_id no);
/* The value of a cell, NULL for SQL NULL. */
const char *ref_value(const PGresult *res, int row, int col);

enum status run_calendar_load(struct cmd_ctx *ctx, const struct cmd_args *args);
enum status run_calendar_deadline(struct cmd_ctx *ctx, const struct cmd_args *args);
enum status run_calendar_workdays(struct cmd_ctx *ctx, const struct cmd_args *args);
enum status run_calendar_show(struct cmd_ctx *ctx, const struct cmd_args *args);
enum status run_policy_search(struct cmd_ctx *ctx, const struct cmd_args *args);
enum status run_policy_show(struct cmd_ctx *ctx, const struct cmd_args *args);
enum status run_policy_laws(struct cmd_ctx *ctx, const struct cmd_args *args);
enum status run_catalog(struct cmd_ctx *ctx, const struct cmd_args *args);

#endif
