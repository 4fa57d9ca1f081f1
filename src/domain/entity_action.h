/* What an operator can do from an entity's profile besides reading it:
 * export it (a file named for the entity), put it on an inspection plan's
 * candidate list (api.entity_plans(), api.plan_candidate_add() in
 * sql/migrations/0065_plan_candidate.sql) and register a complaint about it;
 * the database checks role and scope. */
#ifndef SMCON_ENTITY_ACTION_H
#define SMCON_ENTITY_ACTION_H

#include "domain/entity_profile.h"
#include "domain/session.h"

/* Appends the export's last line: when, and by whom. */
void entity_export_footer(const struct session *s, struct strbuf *out);
/* Appends a file name in the current directory for an export:
 * PREFIX-CODE-YYYYMMDD-HHMMSS.EXT (CODE left out when NULL). */
void entity_export_name(const char *prefix, const char *code, const char *ext, struct strbuf *out);
/* Writes text to path (replacing it whole, or leaving it as it was).
 * Returns ST_OK, or ST_ERROR with err filled. */
enum status entity_write_file(const char *path, const struct strbuf *text, struct db_error *err);

/* The columns of a plan, in the order api.entity_plans() returns them. */
enum plan_col { PL_NO, PL_TITLE, PL_YEAR, PL_KIND, PL_STATUS, PL_ORG, PL_CANDIDATES, PL_COUNT };

const char *plan_key(enum plan_col c);
enum msg_id plan_label(enum plan_col c);
/* The plans in the caller's scope that take candidates (rows is initialised here). */
enum status plan_list(struct db *db, struct entity_rows *rows, struct db_error *err);
/* Puts the entity with code on the plan's candidate list (note may be NULL). */
enum status plan_add(struct db *db, const char *plan_no, const char *code, const char *note,
		     struct db_error *err);

/* A consumer complaint about an entity (api.complaint_register() in
 * sql/migrations/0083_complaint_register.sql): the items §9 asks for. */
enum complaint_field { CF_NAME, CF_PHONE, CF_ADDRESS, CF_SUBJECT, CF_REQUEST, CF_FACTS, CF_COUNT };

struct complaint_receipt {
	struct strbuf complaint_no, handling_org, decide_by;
	int decide_by_provisional; /* decide_by was counted over a provisional calendar */
};
/* "已登记投诉 … 须在 2027-01-04（暂定）前决定是否受理": the caller frees it. */
char *complaint_receipt_message(const struct complaint_receipt *rc);

/* The option name (--name …) and the label of a field. */
const char *complaint_field_key(enum complaint_field f);
enum msg_id complaint_field_label(enum complaint_field f);
/* Registers the complaint (channel NULL: the 12315 hotline); on ST_OK, out
 * holds its number, the unit that handles it and the date by which it must
 * decide whether to accept it (free it with complaint_receipt_free). */
enum status complaint_register(struct db *db, const char *code, const char *const v[CF_COUNT],
			       const char *channel, struct complaint_receipt *out, struct db_error *err);
void complaint_receipt_free(struct complaint_receipt *r);
/* The same in parts, for a form that submits without blocking: the
 * statement, its 8 parameters (p[8] points into code, v and channel) and
 * the receipt read from its first row. */
extern const char complaint_register_sql[];
void complaint_register_params(const char *code, const char *const v[CF_COUNT], const char *channel,
                               const char *p[8]);
void complaint_receipt_read(const PGresult *res, struct complaint_receipt *out);

#endif
