#include "gen/gen_load.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "gen/gen_themes.h"

/* Every table the generator writes, in load order (parents first). */
static const char *const targets[] = {
    "core.staff",
    "supervision.inspector",
    "core.entity",
    "core.entity_former_name",
    "core.entity_change",
    "core.entity_contact",
    "core.entity_tag",
    "nqi.lab",
    "nqi.certification_body",
    "nqi.measurement_standard",
    "nqi.type_approval",
    "nqi.standard",
    "nqi.standard_declaration",
    "nqi.certificate",
    "fooddrug.food_licence",
    "fooddrug.pharma_licence",
    "supervision.licence",
    "supervision.inspection_item",
    "supervision.inspection_object",
    "supervision.inspector_recusal",
    "supervision.inspection_plan",
    "supervision.plan_item",
    "supervision.plan_grade_ratio",
    "supervision.inspection_batch",
    "supervision.inspection_draw",
    "supervision.inspection_task",
    "supervision.task_inspector",
    "supervision.inspection_result",
    "supervision.inspection_result_item",
    "supervision.enforcement_case",
    "supervision.case_officer",
    "supervision.penalty",
    "supervision.penalty_measure",
    "fooddrug.sampling",
    "fooddrug.sampling_finding",
    "fooddrug.adverse_reaction",
    "product.entity_product",
    "product.licensed_product",
    "product.ccc_certificate",
    "product.measuring_instrument",
    "product.instrument_verification",
    "equipment.maintenance_unit",
    "equipment.rescue_station",
    "equipment.elevator",
    "equipment.maintenance_record",
    "equipment.periodic_inspection",
    "equipment.special_equipment",
    "rights.transfer_12345",
    "rights.complaint",
    "rights.report",
    "rights.consultation",
    "rights.rescue_incident",
    "credit.annual_report",
    "credit.abnormal_operation",
    "credit.serious_violation",
    "credit.reward",
    "credit.recall",
    "credit.risk_grade_history",
    "credit.risk_grade_fact",
    "price.government_price",
    "price.fee_item",
    "price.fee_inspection",
    "price.monitoring_point",
    "price.price_observation",
    "ip.trademark",
    "ip.geographical_indication",
    "ip.gi_user",
    "ip.patent",
    "cogov.open_kitchen",
    "cogov.farmers_market",
    "cogov.quick_test",
    "cogov.market_inspection",
};

static enum status (*const themes[])(struct gen_world *) = {
    gen_write_staff,    gen_plan_entities,     gen_write_entity_extras, gen_write_nqi,
    gen_write_licences, gen_write_inspections, gen_write_enforcement,   gen_write_sampling,
    gen_write_products, gen_write_equipment,   gen_write_tags,          gen_write_licence_register,
    gen_write_rights,   gen_write_rescue,      gen_write_credit,        gen_write_price,
    gen_write_ip,       gen_write_cogov,       gen_write_entities,
};

static const char SQL_TODAY[] =
    "SELECT coalesce($1::date, (now() AT TIME ZONE 'Asia/Shanghai')::date)::text, "
    "       coalesce($1::date, (now() AT TIME ZONE 'Asia/Shanghai')::date) - DATE '1970-01-01'";
static const char SQL_TARGETS[] = "CREATE TEMP TABLE gen_target ON COMMIT DROP AS "
                                  "SELECT t.name::regclass AS rel, t.ord::int AS ord FROM "
                                  "unnest($1::text[]) WITH ORDINALITY AS t (name, ord)";
/* Which tables (other than staff, which may hold the accounts) already have rows. */
static const char SQL_FIND_NONEMPTY[] =
    "DO $$ DECLARE t record; found boolean; BEGIN "
    "CREATE TEMP TABLE gen_nonempty (rel text, ord int) ON COMMIT DROP; "
    "FOR t IN SELECT rel, ord FROM pg_temp.gen_target WHERE rel <> 'core.staff'::regclass LOOP "
    "  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s)', t.rel) INTO found; "
    "  IF found THEN INSERT INTO pg_temp.gen_nonempty VALUES (t.rel::text, t.ord); END IF; "
    "END LOOP; END $$";
static const char SQL_NONEMPTY[] = "SELECT rel FROM pg_temp.gen_nonempty ORDER BY ord LIMIT 1";
/* Enough memory for building indexes and checking foreign keys in one go
 * (raised for this transaction only, never lowered). */
static const char SQL_MEMORY[] =
    "SELECT set_config('maintenance_work_mem', '512MB', true) "
    " WHERE pg_size_bytes(current_setting('maintenance_work_mem')) < pg_size_bytes('512MB') "
    "UNION ALL SELECT set_config('work_mem', '256MB', true) "
    " WHERE pg_size_bytes(current_setting('work_mem')) < pg_size_bytes('256MB')";
static const char SQL_STAFF_BASE[] = "SELECT coalesce(max(id), 0) FROM core.staff";
static const char SQL_AUDIT_NOTE[] =
    "SELECT to_regprocedure('audit.note(text, jsonb)') IS NOT NULL";
/* The indexes that back no constraint (and are no replica identity): dropped
 * now, built again at the end with their comments and CLUSTER marks. */
static const char SQL_DROP_INDEXES[] =
    "CREATE TEMP TABLE gen_index ON COMMIT DROP AS "
    "SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def, t.ord, "
    "       obj_description(i.indexrelid, 'pg_class') AS note, i.indisclustered AS clustered, "
    "       i.indrelid::regclass::text AS rel "
    "  FROM pg_index i JOIN pg_temp.gen_target t ON t.rel = i.indrelid "
    " WHERE NOT i.indisreplident "
    "   AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)";
static const char SQL_DROP_INDEXES2[] =
    "DO $$ DECLARE x record; BEGIN "
    "FOR x IN SELECT name FROM pg_temp.gen_index LOOP EXECUTE 'DROP INDEX ' || x.name; END LOOP; "
    "END $$";
/* Foreign keys are dropped too and added again at the end (with their
 * comments, which name the rule for the importer's messages): adding one
 * checks every row in one join instead of one lookup per row. */
static const char SQL_DROP_FKEYS[] =
    "CREATE TEMP TABLE gen_fkey ON COMMIT DROP AS "
    "SELECT c.conrelid::regclass::text AS rel, c.conname::text AS name, "
    "       pg_get_constraintdef(c.oid) AS def, t.ord, "
    "       obj_description(c.oid, 'pg_constraint') AS note "
    "  FROM pg_constraint c JOIN pg_temp.gen_target t ON t.rel = c.conrelid WHERE c.contype = 'f'";
static const char SQL_DROP_FKEYS2[] =
    "DO $$ DECLARE x record; BEGIN "
    "FOR x IN SELECT rel, name FROM pg_temp.gen_fkey LOOP "
    "  EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', x.rel, x.name); END LOOP; "
    "END $$";
static const char SQL_ADD_FKEYS[] =
    "DO $$ DECLARE x record; BEGIN "
    "FOR x IN SELECT rel, name, def, note FROM pg_temp.gen_fkey ORDER BY ord, name LOOP "
    "  EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', x.rel, x.name, x.def); "
    "  IF x.note IS NOT NULL THEN "
    "    EXECUTE format('COMMENT ON CONSTRAINT %I ON %s IS %L', x.name, x.rel, x.note); "
    "  END IF; "
    "END LOOP; END $$";
static const char SQL_FKEY_COUNT[] = "SELECT count(*) FROM pg_temp.gen_fkey";
static const char SQL_DROPPED_COUNT[] =
    "SELECT (SELECT count(*) FROM pg_temp.gen_index) + (SELECT count(*) FROM pg_temp.gen_fkey)";
static const char SQL_INDEX_COUNT[] = "SELECT count(*) FROM pg_temp.gen_index";
static const char SQL_BUILD_INDEXES[] =
    "DO $$ DECLARE x record; BEGIN "
    "FOR x IN SELECT * FROM pg_temp.gen_index ORDER BY ord, name LOOP "
    "  EXECUTE x.def; "
    "  IF x.note IS NOT NULL THEN "
    "    EXECUTE format('COMMENT ON INDEX %s IS %L', x.name, x.note); END IF; "
    "  IF x.clustered THEN EXECUTE format('ALTER TABLE %s CLUSTER ON %s', x.rel, "
    "    (SELECT quote_ident(relname) FROM pg_class WHERE oid = x.name::regclass)); END IF; "
    "END LOOP; END $$";
/* Audit triggers and the report summaries' triggers are switched off while
 * loading and on again before the end (the summaries are rebuilt once). */
static const char SQL_AUDIT_OFF[] =
    "CREATE TEMP TABLE gen_trigger ON COMMIT DROP AS "
    "SELECT tg.tgrelid::regclass::text AS rel, tg.tgname::text AS name "
    "  FROM pg_trigger tg JOIN pg_temp.gen_target t ON t.rel = tg.tgrelid "
    " WHERE (tg.tgname LIKE 'audit\\_%' OR tg.tgname LIKE 'report\\_sum\\_%') AND NOT "
    "tg.tgisinternal "
    "   AND tg.tgenabled <> 'D'";
static const char SQL_AUDIT_OFF2[] =
    "DO $$ DECLARE x record; BEGIN "
    "FOR x IN SELECT rel, name FROM pg_temp.gen_trigger LOOP "
    "  EXECUTE format('ALTER TABLE %s DISABLE TRIGGER %I', x.rel, x.name); END LOOP; "
    "END $$";
static const char SQL_AUDIT_ON[] =
    "DO $$ DECLARE x record; BEGIN "
    "FOR x IN SELECT rel, name FROM pg_temp.gen_trigger LOOP "
    "  EXECUTE format('ALTER TABLE %s ENABLE TRIGGER %I', x.rel, x.name); END LOOP; "
    "END $$";
/* Ids were given explicitly: the identity sequences continue after them. */
static const char SQL_SEQUENCES[] =
    "DO $$ DECLARE x record; m bigint; BEGIN "
    "FOR x IN SELECT t.rel, a.attname FROM pg_temp.gen_target t "
    "         JOIN pg_attribute a ON a.attrelid = t.rel AND a.attidentity <> '' AND NOT "
    "a.attisdropped LOOP "
    "  EXECUTE format('SELECT max(%I) FROM %s', x.attname, x.rel) INTO m; "
    "  IF m IS NOT NULL THEN PERFORM setval(pg_get_serial_sequence(x.rel::text, x.attname), m); "
    "END IF; "
    "END LOOP; END $$";
static const char SQL_ANALYZE[] = "DO $$ DECLARE x record; BEGIN "
                                  "FOR x IN SELECT rel FROM pg_temp.gen_target ORDER BY ord LOOP "
                                  "EXECUTE 'ANALYZE ' || x.rel; END LOOP; "
                                  "END $$";
static const char SQL_SIZE[] = "SELECT pg_database_size(current_database()), "
                               "pg_size_pretty(pg_database_size(current_database()))";

static enum status cmd(struct gen_world *w, const char *sql, int n, const char *const *params)
{
	if (w->st == ST_OK && db_command(w->db, sql, n, params, &w->err) != ST_OK)
		w->st = w->err.status ? w->err.status : ST_ERROR;
	return w->st;
}

/* The first value of a one-row query, copied; NULL on failure. */
static char *value(struct gen_world *w, const char *sql, int n, const char *const *params, int col)
{
	if (w->st != ST_OK)
		return NULL;
	PGresult *res = db_exec(w->db, sql, n, params, &w->err);
	if (!res) {
		w->st = w->err.status ? w->err.status : ST_ERROR;
		return NULL;
	}
	char *v = PQntuples(res) > 0 ? xstrdup(PQgetvalue(res, 0, col)) : NULL;
	PQclear(res);
	return v;
}

static void step(struct gen_world *w, const struct gen_options *o, enum gen_step s, long count,
                 double since)
{
	if (w->st == ST_OK && o->step_done)
		o->step_done(o->arg, s, count, gen_clock() - since);
}

/* Creates gen_target, checks the warehouse is empty, reads what the run
 * needs to know. Returns ST_CONFLICT with res->nonempty when it is not. */
static enum status prepare(struct gen_world *w, struct gen_result *res)
{
	struct strbuf arr = STRBUF_INIT;
	strbuf_addc(&arr, '{');
	for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++)
		strbuf_addf(&arr, "%s%s", i ? "," : "", targets[i]);
	strbuf_addc(&arr, '}');
	const char *p[] = {strbuf_str(&arr)};
	cmd(w, "LOCK TABLE core.entity IN SHARE ROW EXCLUSIVE MODE", 0, NULL);
	cmd(w, SQL_TARGETS, 1, p);
	strbuf_free(&arr);
	cmd(w, SQL_FIND_NONEMPTY, 0, NULL);
	res->nonempty = value(w, SQL_NONEMPTY, 0, NULL, 0);
	if (res->nonempty)
		return w->st = ST_CONFLICT;
	char *base = value(w, SQL_STAFF_BASE, 0, NULL, 0);
	char *note = value(w, SQL_AUDIT_NOTE, 0, NULL, 0);
	if (base)
		w->staff_base = atol(base);
	w->audit_note = note && strcmp(note, "t") == 0;
	free(base);
	free(note);
	cmd(w, SQL_MEMORY, 0, NULL);
	cmd(w, SQL_AUDIT_OFF, 0, NULL);
	cmd(w, SQL_AUDIT_OFF2, 0, NULL);
	cmd(w, SQL_DROP_FKEYS, 0, NULL);
	cmd(w, SQL_DROP_FKEYS2, 0, NULL);
	cmd(w, SQL_DROP_INDEXES, 0, NULL);
	cmd(w, SQL_DROP_INDEXES2, 0, NULL);
	return w->st;
}

static void finish(struct gen_world *w, const struct gen_options *o, struct gen_result *res)
{
	/* checks deferred by the schema run now: indexes cannot be built on a
	 * table with checks still pending */
	double t = gen_clock();
	/* open 12315 items get the clock of their state, then every stored
	 * legal deadline is exactly as the work calendar gives it */
	cmd(w, "SELECT rights.desk_clock_fill()", 0, NULL);
	cmd(w, "SELECT count(*) FROM core.deadline_recompute('-infinity')", 0, NULL);
	cmd(w, "SET CONSTRAINTS ALL IMMEDIATE", 0, NULL);
	step(w, o, GEN_STEP_DEFERRED, 0, t);
	t = gen_clock();
	char *n = value(w, SQL_INDEX_COUNT, 0, NULL, 0);
	cmd(w, SQL_BUILD_INDEXES, 0, NULL);
	step(w, o, GEN_STEP_INDEXES, n ? atol(n) : 0, t);
	free(n);
	t = gen_clock();
	n = value(w, SQL_FKEY_COUNT, 0, NULL, 0);
	cmd(w, SQL_ADD_FKEYS, 0, NULL);
	step(w, o, GEN_STEP_FKEYS, n ? atol(n) : 0, t);
	free(n);
	cmd(w, SQL_AUDIT_ON, 0, NULL);
	cmd(w, SQL_SEQUENCES, 0, NULL);
	t = gen_clock();
	cmd(w, SQL_ANALYZE, 0, NULL);
	cmd(w, "SELECT meta.report_summary_rebuild()", 0, NULL);
	step(w, o, GEN_STEP_ANALYZED, (long)(sizeof targets / sizeof targets[0]), t);
	t = gen_clock();
	cmd(w, "COMMIT", 0, NULL);
	step(w, o, GEN_STEP_COMMITTED, 0, t);
	char *bytes = value(w, SQL_SIZE, 0, NULL, 0);
	res->db_size = value(w, SQL_SIZE, 0, NULL, 1);
	res->db_bytes = bytes ? atoll(bytes) : 0;
	free(bytes);
}

enum status gen_run(struct db *db, const struct gen_options *o, struct gen_result *res,
                    struct db_error *err)
{
	struct gen_world w;
	double started = gen_clock();
	memset(res, 0, sizeof *res);
	gen_world_init(&w, db, o->seed, o->scale, 0);
	w.progress = o->table_done;
	w.progress_arg = o->arg;
	const char *p[] = {o->as_of};
	res->as_of = value(&w, SQL_TODAY, 1, p, 0);
	char *today = value(&w, SQL_TODAY, 1, p, 1);
	w.today = today ? atoi(today) : 0;
	free(today);
	if (w.st == ST_OK && o->started)
		o->started(o->arg, res->as_of);
	cmd(&w, "BEGIN", 0, NULL);
	double t = gen_clock();
	if (prepare(&w, res) == ST_OK) {
		char *n = value(&w, SQL_DROPPED_COUNT, 0, NULL, 0);
		step(&w, o, GEN_STEP_PREPARED, n ? atol(n) : 0, t);
		free(n);
	}
	if (w.st == ST_OK)
		gen_world_load(&w);
	for (size_t i = 0; i < sizeof themes / sizeof themes[0] && w.st == ST_OK; i++)
		themes[i](&w);
	if (w.st == ST_OK)
		finish(&w, o, res);
	enum status st = w.st;
	if (st != ST_OK) {
		struct db_error ignore;
		db_error_init(&ignore);
		db_command(db, "ROLLBACK", 0, NULL, &ignore);
		db_error_free(&ignore);
		db_error_set(err, w.err.status ? w.err.status : st, strbuf_str(&w.err.message));
		strbuf_add(&err->detail, strbuf_str(&w.err.detail));
	}
	res->rows = w.total_rows;
	res->seconds = gen_clock() - started;
	gen_world_free(&w);
	return st;
}

void gen_result_free(struct gen_result *res)
{
	free(res->db_size);
	free(res->nonempty);
	free(res->as_of);
	memset(res, 0, sizeof *res);
}
