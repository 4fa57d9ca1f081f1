/* smcon elevator show CODE | search TEXT: the 96333 intake card of an
 * elevator by its rescue or registration code, and elevators by address or
 * using unit when the caller has no code. (`entity elevator` shows the
 * elevator's full record and history for the entity profile.) */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd_reference.h"
#include "domain/rescue.h"

static const struct ref_col card_cols[] = {
    {"rescue_code", MSG_ELEVATOR_RESCUE_CODE, CT_TEXT},
    {"registration_code", MSG_ELEVATOR_REG_CODE, CT_TEXT},
    {"address", MSG_ELEVATOR_ADDRESS, CT_TEXT},
    {"category", MSG_RESCUE_COL_CATEGORY, CT_TEXT},
    {"place_type", MSG_ELEVATOR_PLACE, CT_TEXT},
    {"division_name", MSG_ENTITY_F_DIVISION_NAME, CT_TEXT},
    {"district_bureau", MSG_ENTITY_F_DISTRICT_BUREAU, CT_TEXT},
    {"urban", MSG_ELEVATOR_URBAN, CT_BOOL},
    {"status", MSG_RESCUE_COL_STATUS, CT_TEXT},
    {"user_name", MSG_RESCUE_COL_USER, CT_TEXT},
    {"user_uscc", MSG_ELEVATOR_USER_USCC, CT_TEXT},
    {"user_phone", MSG_RESCUE_COL_USER_PHONE, CT_TEXT},
    {"maintainer_name", MSG_RESCUE_COL_MAINT, CT_TEXT},
    {"maintainer_uscc", MSG_ELEVATOR_MAINT_USCC, CT_TEXT},
    {"duty_phone", MSG_RESCUE_COL_DUTY_PHONE, CT_TEXT},
    {"backup_phone", MSG_RESCUE_COL_BACKUP_PHONE, CT_TEXT},
    {"team_name", MSG_RESCUE_COL_TEAM, CT_TEXT},
    {"team_phone", MSG_RESCUE_COL_TEAM_PHONE, CT_TEXT},
    {"maintenance_contract_ends_on", MSG_ELEVATOR_CONTRACT_ENDS, CT_TEXT},
    {"last_maintained_on", MSG_ELEVATOR_LAST_MAINTAINED, CT_TEXT},
    {"maintenance_overdue", MSG_RESCUE_COL_MAINT_OVERDUE, CT_BOOL},
    {"last_inspected_on", MSG_ELEVATOR_LAST_INSPECTED, CT_TEXT},
    {"next_inspection_due", MSG_ELEVATOR_NEXT_INSPECTION, CT_TEXT},
    {"inspection_overdue", MSG_ELEVATOR_OVERDUE, CT_BOOL},
    {"entrapments_12m", MSG_RESCUE_COL_ENTRAPMENTS, CT_NUMBER},
    {"arrival_limit_minutes", MSG_RESCUE_COL_LIMIT, CT_NUMBER},
    {"open_incident_no", MSG_RESCUE_COL_OPEN, CT_TEXT},
};
static const int card_src[] = {
    RC_RESCUE_CODE,   RC_REG_CODE,       RC_ADDRESS,         RC_CATEGORY,
    RC_PLACE,         RC_DIVISION,       RC_BUREAU,          RC_URBAN,
    RC_STATUS,        RC_USER_NAME,      RC_USER_USCC,       RC_USER_PHONE,
    RC_MAINT_NAME,    RC_MAINT_USCC,     RC_DUTY_PHONE,      RC_BACKUP_PHONE,
    RC_TEAM,          RC_TEAM_PHONE,     RC_CONTRACT_ENDS,   RC_LAST_MAINTAINED,
    RC_MAINT_OVERDUE, RC_LAST_INSPECTED, RC_NEXT_INSPECTION, RC_INSPECTION_OVERDUE,
    RC_ENTRAPMENTS,   RC_LIMIT,          RC_OPEN_INCIDENT,
};

static const struct ref_col search_cols[] = {
    {"rescue_code", MSG_ELEVATOR_RESCUE_CODE, CT_TEXT},
    {"registration_code", MSG_ELEVATOR_REG_CODE, CT_TEXT},
    {"category", MSG_RESCUE_COL_CATEGORY, CT_TEXT},
    {"address", MSG_ELEVATOR_ADDRESS, CT_TEXT},
    {"user_name", MSG_RESCUE_COL_USER, CT_TEXT},
    {"maintainer_name", MSG_RESCUE_COL_MAINT, CT_TEXT},
    {"status", MSG_RESCUE_COL_STATUS, CT_TEXT},
};
static const int search_src[] = {2, 1, 3, 4, 5, 6, 7};

static enum status run_elevator_show(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct db_error err;
	db_error_init(&err);
	PGresult *res = rescue_card(ctx->db, args->argv[0], &err);
	if (res && PQntuples(res) == 0) {
		PQclear(res);
		db_error_free(&err);
		return ref_fail(ctx, ST_NOTFOUND, MSG_ELEVATOR_NOT_FOUND, args->argv[0], NULL);
	}
	const struct ref_view v = {card_cols, card_src, (int)(sizeof card_src / sizeof card_src[0]),
	                           1, NULL};
	return ref_print(ctx, res, &err, &v);
}

static enum status run_elevator_search(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct db_error err;
	struct strbuf text = STRBUF_INIT;
	for (int i = 0; i < args->argc; i++)
		strbuf_addf(&text, "%s%s", i ? " " : "", args->argv[i]);
	db_error_init(&err);
	PGresult *res =
	    rescue_elevator_search(ctx->db, strbuf_str(&text), cmd_opt(args, "limit"), &err);
	strbuf_free(&text);
	const struct ref_view v = {search_cols, search_src,
	                           (int)(sizeof search_src / sizeof search_src[0]), 0, NULL};
	return ref_print(ctx, res, &err, &v);
}

static const struct cmd_opt search_opts[] = {
    {"limit", 1, MSG_OPT_RESCUE_LIMIT, "N"},
    {NULL, 0, MSG_EMPTY, NULL},
};

const struct command elevator_commands[] = {
    {"elevator", "show", ACT_ELEVATOR_SHOW, "CODE", NULL, 1, 1, 1, run_elevator_show},
    {"elevator", "search", ACT_ELEVATOR_SEARCH, "TEXT...", search_opts, 1, -1, 1,
     run_elevator_search},
    {NULL, NULL, ACT_NONE, NULL, NULL, 0, 0, 0, NULL},
};
