/* What an operator can do from an entity's profile besides reading it:
 * export it (a file named for the entity), and put it on an inspection
 * plan's candidate list (api.entity_plans(), api.plan_candidate_add() in
 * sql/migrations/0065_plan_candidate.sql; the database checks role and scope). */
#ifndef SMCON_ENTITY_ACTION_H
#define SMCON_ENTITY_ACTION_H

#include "domain/entity_profile.h"
#include "domain/session.h"

/* Appends the export's last line: when, and by whom. */
void entity_export_footer(const struct session *s, struct strbuf *out);
/* Appends a file name in the current directory for an export:
 * PREFIX-CODE-YYYYMMDD-HHMMSS.EXT (CODE left out when NULL). */
void entity_export_name(const char *prefix, const char *code, const char *ext, struct strbuf *out);
/* Writes text to path (replacing it). Returns ST_OK, or ST_ERROR with err filled. */
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

#endif
