/* An elevator and its 96333 history, for the profile's equipment tab and
 * `entity elevator`: api.elevator_find(), api.elevator_detail(),
 * api.elevator_incidents() (sql/migrations/0064_entity_profile_api.sql). */
#ifndef SMCON_ENTITY_ELEVATOR_H
#define SMCON_ENTITY_ELEVATOR_H

#include "domain/entity_profile.h"

/* The elevator's columns, in the order api.elevator_detail() returns them. */
enum elevator_col {
	EV_ID, EV_REG_CODE, EV_CATEGORY, EV_RESCUE_CODE, EV_USER_USCC, EV_USER_NAME, EV_MAINT_USCC,
	EV_MAINT_NAME, EV_MAINT_PHONE, EV_CONTRACT_ENDS, EV_MANUFACTURER, EV_MODEL, EV_LOAD,
	EV_SPEED, EV_FLOORS, EV_ADDRESS, EV_PLACE, EV_DIVISION, EV_BUREAU, EV_URBAN, EV_COMMISSIONED,
	EV_REGISTERED, EV_STATUS, EV_LAST_MAINTAINED, EV_LAST_INSPECTED, EV_NEXT_INSPECTION,
	EV_OVERDUE, EV_SOURCE, EV_LOADED_AT,
	EV_COUNT
};

/* An incident's columns, in the order api.elevator_incidents() returns them. */
enum incident_col {
	EI_ID, EI_NO, EI_KIND, EI_RECEIVED, EI_TRAPPED, EI_INJURED, EI_LEVEL, EI_ARRIVAL,
	EI_LIMIT, EI_RELEASED, EI_STATUS, EI_CAUSE, EI_CALLBACK, EI_SOURCE, EI_LOADED_AT,
	EI_COUNT
};

struct elevator {
	int found;
	char *v[EV_COUNT];              /* "" for SQL NULL */
	struct entity_rows incidents;   /* EI_*, newest first */
	int incidents_hidden;           /* the caller may not read 96333 incidents at all */
};

void elevator_init(struct elevator *e);
void elevator_free(struct elevator *e);
/* Loads the elevator with id and its incidents. ST_NOTFOUND (err filled) when there is none. */
enum status elevator_load(struct db *db, const char *id, struct elevator *e, struct db_error *err);
/* The same, by registration code or rescue code. */
/* Whether s (blanks around allowed) has an elevator code's shape: a 20-digit
 * registration code or a 5–7 digit rescue code (equipment.elevator's
 * formats). */
int elevator_code_like(const char *s);
enum status elevator_load_code(struct db *db, const char *code, struct elevator *e,
			       struct db_error *err);
/* Machine names and labels of the columns. */
const char *elevator_key(enum elevator_col c);
enum msg_id elevator_label(enum elevator_col c);
const char *incident_key(enum incident_col c);
enum msg_id incident_label(enum incident_col c);

#endif
