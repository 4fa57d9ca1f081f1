#include "domain/inspection.h"

#include <string.h>

static const struct {
	const char *sql;
	int nparams;
} calls[INSP_CALL_COUNT] = {
    [INSP_ITEMS] =
        {"SELECT code, name, category, specialty, object_type, method, legal_basis, in_use "
         "FROM api.inspection_items()",
         0},
    [INSP_ITEM_ADD] = {"SELECT api.inspection_item_add($1, $2, $3, $4, $5, $6, $7)", 7},
    [INSP_PLAN_LIST] =
        {"SELECT plan_no, title, year, org_name, status, window_from, window_to, tasks, "
         "done FROM api.plan_list($1::integer)",
         1},
    [INSP_PLAN_CREATE] = {"SELECT api.plan_create($1, $2::integer, $3::text[], $4::text[], $5, "
                          "$6::date, $7::date, coalesce($8, 'random'), coalesce($9::text[], '{}'), "
                          "coalesce($10::text[], '{}'), coalesce($11::integer, 12))",
                          11},
    [INSP_PLAN_SHOW] = {"SELECT field, value FROM api.plan_show($1)", 1},
    [INSP_PLAN_FILE] = {"SELECT api.plan_file($1)", 1},
    [INSP_PLAN_CANCEL] = {"SELECT api.plan_cancel($1, $2)", 2},
    [INSP_PLAN_PREVIEW] = {"SELECT section, label, population, quota FROM api.plan_preview($1)", 1},
    [INSP_PLAN_DRAW] = {"SELECT batch_no, seed, seed_source, population, drawn, inspectors "
                        "FROM api.plan_draw($1, $2, $3)",
                        3},
    [INSP_PLAN_VERIFY] = {"SELECT consistent, detail FROM api.plan_verify($1)", 1},
    [INSP_PLAN_PUBLISH] = {"SELECT api.plan_publish($1)", 1},
    [INSP_PUBLICATION] = {"SELECT plan_no, task_no, uscc, entity_name, legal_rep, items, result, "
                          "findings, inspected_on, org_name, published_on "
                          "FROM api.plan_publication($1)",
                          1},
    [INSP_TASK_LIST] = {"SELECT task_no, plan_no, uscc, entity_name, status, due_on, team, result, "
                        "confirmed FROM api.task_list($1::boolean, $2)",
                        2},
    [INSP_TASK_SHOW] = {"SELECT field, value FROM api.task_show($1)", 1},
    [INSP_TASK_RESULT] = {"SELECT version, rectification_due_on, publish_due_on, abnormal_proposal "
                          "FROM api.task_result($1, $2, coalesce($3::text[], '{}'), $4::date, "
                          "coalesce($5::integer, 15))",
                          5},
    [INSP_TASK_CONFIRM] = {"SELECT api.task_confirm($1)", 1},
    [INSP_TASK_ABNORMAL] = {"SELECT api.task_abnormal_decide($1, $2::boolean)", 2},
    [INSP_FLAGS] = {"SELECT flag, plan_no, task_no, entity_name, due_on, basis "
                    "FROM api.inspection_flags($1)",
                    1},
    [INSP_OVERVIEW] = {"SELECT kind, name, tasks, done, confirmed, published, overdue, "
                       "unpublished_late FROM api.inspection_overview()",
                       0},
    [INSP_RESULT_CODES] = {"SELECT code, name FROM core.inspection_result_code ORDER BY sort_order",
                           0},
};

PGresult *insp_run(struct db *db, enum insp_call c, const char *const *params, struct db_error *err)
{
	return db_exec(db, calls[c].sql, calls[c].nparams, params, err);
}

int insp_nparams(enum insp_call c)
{
	return calls[c].nparams;
}

enum status insp_status(const struct db_error *err)
{
	const char *st = err->sqlstate;
	if (strncmp(st, "22", 2) == 0 || strcmp(st, "23514") == 0 || strcmp(st, "23502") == 0)
		return ST_USAGE;
	if (strcmp(st, "55000") == 0)
		return ST_CONFLICT;
	return err->status ? err->status : ST_ERROR;
}

void insp_array(struct strbuf *out, int n, const char *const *values)
{
	strbuf_addc(out, '{');
	for (int i = 0; i < n; i++) {
		if (i)
			strbuf_addc(out, ',');
		strbuf_addc(out, '"');
		for (const char *p = values[i]; *p; p++) {
			if (*p == '"' || *p == '\\')
				strbuf_addc(out, '\\');
			strbuf_addc(out, *p);
		}
		strbuf_addc(out, '"');
	}
	strbuf_addc(out, '}');
}
