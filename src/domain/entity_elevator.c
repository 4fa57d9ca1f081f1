#include "domain/entity_elevator.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

static const struct {
	const char *key;
	enum msg_id label;
} ev_cols[EV_COUNT] = {
	{"id", MSG_ENTITY_F_ID},
	{"registration_code", MSG_ELEVATOR_REG_CODE},
	{"category", MSG_ELEVATOR_CATEGORY},
	{"rescue_code", MSG_ELEVATOR_RESCUE_CODE},
	{"user_uscc", MSG_ELEVATOR_USER_USCC},
	{"user_name", MSG_ELEVATOR_USER_NAME},
	{"maintainer_uscc", MSG_ELEVATOR_MAINT_USCC},
	{"maintainer_name", MSG_ELEVATOR_MAINT_NAME},
	{"maintainer_duty_phone", MSG_ELEVATOR_MAINT_PHONE},
	{"maintenance_contract_ends_on", MSG_ELEVATOR_CONTRACT_ENDS},
	{"manufacturer_name", MSG_ELEVATOR_MANUFACTURER},
	{"model", MSG_ELEVATOR_MODEL},
	{"rated_load_kg", MSG_ELEVATOR_LOAD},
	{"rated_speed_mps", MSG_ELEVATOR_SPEED},
	{"floors", MSG_ELEVATOR_FLOORS},
	{"address", MSG_ELEVATOR_ADDRESS},
	{"place_type", MSG_ELEVATOR_PLACE},
	{"division_name", MSG_ENTITY_F_DIVISION_NAME},
	{"district_bureau", MSG_ENTITY_F_DISTRICT_BUREAU},
	{"urban", MSG_ELEVATOR_URBAN},
	{"commissioned_on", MSG_ELEVATOR_COMMISSIONED},
	{"registered_on", MSG_ELEVATOR_REGISTERED},
	{"status", MSG_ELEVATOR_STATUS},
	{"last_maintained_on", MSG_ELEVATOR_LAST_MAINTAINED},
	{"last_inspected_on", MSG_ELEVATOR_LAST_INSPECTED},
	{"next_inspection_due", MSG_ELEVATOR_NEXT_INSPECTION},
	{"inspection_overdue", MSG_ELEVATOR_OVERDUE},
	{"source_system", MSG_ENTITY_F_SOURCE},
	{"loaded_at", MSG_ENTITY_F_LOADED_AT},
};

static const struct {
	const char *key;
	enum msg_id label;
} ei_cols[EI_COUNT] = {
	{"id", MSG_ENTITY_F_ID},
	{"incident_no", MSG_INCIDENT_NO},
	{"kind", MSG_INCIDENT_KIND},
	{"received_at", MSG_INCIDENT_RECEIVED},
	{"trapped_count", MSG_INCIDENT_TRAPPED},
	{"injured", MSG_INCIDENT_INJURED},
	{"level", MSG_INCIDENT_LEVEL},
	{"arrival_minutes", MSG_INCIDENT_ARRIVAL},
	{"arrival_limit_minutes", MSG_INCIDENT_LIMIT},
	{"released_at", MSG_INCIDENT_RELEASED},
	{"status", MSG_INCIDENT_STATUS},
	{"cause", MSG_INCIDENT_CAUSE},
	{"callback_result", MSG_INCIDENT_CALLBACK},
	{"source_system", MSG_ENTITY_F_SOURCE},
	{"loaded_at", MSG_ENTITY_F_LOADED_AT},
};

const char *elevator_key(enum elevator_col c)
{
	return ev_cols[c].key;
}

enum msg_id elevator_label(enum elevator_col c)
{
	return ev_cols[c].label;
}

const char *incident_key(enum incident_col c)
{
	return ei_cols[c].key;
}

enum msg_id incident_label(enum incident_col c)
{
	return ei_cols[c].label;
}

void elevator_init(struct elevator *e)
{
	memset(e, 0, sizeof *e);
	e->incidents.ncols = EI_COUNT;
}

void elevator_free(struct elevator *e)
{
	for (int c = 0; c < EV_COUNT; c++)
		free(e->v[c]);
	entity_rows_free(&e->incidents);
	elevator_init(e);
}

static const char sql_detail[] = "SELECT * FROM api.elevator_detail($1::bigint)";
static const char sql_incidents[] = "SELECT * FROM api.elevator_incidents($1::bigint)";
static const char sql_find[] = "SELECT api.elevator_find($1)";
/* none shown may mean "none for you" (row-level security): which is it */
static const char sql_hidden[] = "SELECT NOT core.may_read_rows('rights.rescue_incident')";

static enum status not_found(struct db_error *err, const char *what)
{
	char *m = trs(MSG_ELEVATOR_NOT_FOUND, what);
	db_error_set(err, ST_NOTFOUND, m);
	free(m);
	return ST_NOTFOUND;
}

enum status elevator_load(struct db *db, const char *id, struct elevator *e, struct db_error *err)
{
	const char *p[1] = {id};
	elevator_free(e);
	PGresult *res = db_exec(db, sql_detail, 1, p, err);
	if (!res)
		return err->status;
	e->found = PQntuples(res) > 0;
	for (int c = 0; e->found && c < EV_COUNT && c < PQnfields(res); c++)
		e->v[c] = entity_cell_dup(res, 0, c);
	PQclear(res);
	if (!e->found)
		return not_found(err, id);
	res = db_exec(db, sql_incidents, 1, p, err);
	if (!res)
		return err->status;
	entity_rows_add_result(&e->incidents, res);
	PQclear(res);
	if (e->incidents.n == 0 && (res = db_exec(db, sql_hidden, 0, NULL, err)) != NULL) {
		e->incidents_hidden =
		    PQntuples(res) == 1 && strcmp(PQgetvalue(res, 0, 0), "t") == 0;
		PQclear(res);
	}
	return res || e->incidents.n ? ST_OK : err->status;
}

int elevator_code_like(const char *s)
{
	s += strspn(s, " \t");
	size_t n = strspn(s, "0123456789");
	if (s[n + strspn(s + n, " \t")] != '\0')
		return 0;
	return n == 20 || (n >= 5 && n <= 7);
}

enum status elevator_load_code(struct db *db, const char *code, struct elevator *e,
			       struct db_error *err)
{
	const char *p[1] = {code};
	PGresult *res = db_exec(db, sql_find, 1, p, err);
	if (!res)
		return err->status;
	char *id = PQgetisnull(res, 0, 0) ? NULL : xstrdup(PQgetvalue(res, 0, 0));
	PQclear(res);
	if (!id)
		return not_found(err, code);
	enum status st = elevator_load(db, id, e, err);
	free(id);
	return st;
}
