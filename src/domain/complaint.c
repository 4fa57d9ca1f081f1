#include "domain/complaint.h"

#include <stdio.h>
#include <string.h>

#include "i18n/i18n.h"

static const char *const kind_keys[DK_COUNT] = {"complaint", "report", "consultation"};

const char *desk_kind_key(enum desk_kind k)
{
	return k < DK_COUNT ? kind_keys[k] : "";
}

int desk_kind_parse(const char *key)
{
	for (int k = 0; key && k < DK_COUNT; k++)
		if (strcmp(key, kind_keys[k]) == 0)
			return k;
	return -1;
}

static const char SQL_INTAKE[] =
    "SELECT kind, id, item_no, state, rights.state_label(kind, state), handling_org, "
    "(SELECT k.label FROM core.desk_clock k WHERE k.code = clock), clock_due::text, missing, "
    "duplicates "
    "FROM api.desk_intake($1, coalesce($2, 'hotline_12315'), $3, $4, $5, $6, coalesce($7::boolean, "
    "false), $8, $9, "
    "$10, $11, $12, $13, $14::numeric, $15, $16, $17, $18::timestamptz, $19, $20)";

const char *desk_intake_sql(void)
{
	return SQL_INTAKE;
}

PGresult *desk_intake(struct db *db, const char *const v[DF_COUNT], struct db_error *err)
{
	return db_exec(db, SQL_INTAKE, DF_COUNT, v, err);
}

/* A step's statement and the values it takes, in order: k kind, i id,
 * a b c the step's own. */
struct step_sql {
	const char *params;
	const char *sql;
};

static const struct step_sql steps[DS_COUNT] = {
    [DS_ACCEPT] = {"i", "SELECT api.complaint_accept($1::bigint)"},
    [DS_REJECT] = {"iab", "SELECT api.complaint_refuse($1::bigint, $2, $3)"},
    [DS_MEDIATE] = {"ia", "SELECT api.complaint_mediate($1::bigint, $2)"},
    [DS_AGREE] = {"iabc", "SELECT api.complaint_agree($1::bigint, $2, $3::numeric, $4)"},
    [DS_TERMINATE] = {"iab", "SELECT api.complaint_terminate($1::bigint, $2, $3)"},
    [DS_NOTIFY] = {"ia", "SELECT api.complaint_notify($1::bigint, $2)"},
    [DS_CLOSE] = {"ia", "SELECT api.complaint_close($1::bigint, $2)"},
    [DS_VERIFY] = {"ia", "SELECT api.tipoff_verify($1::bigint, $2)"},
    [DS_DECIDE] = {"iabc", "SELECT api.tipoff_decide($1::bigint, $2::boolean, $3, $4)"},
    [DS_INFORM] = {"ia", "SELECT api.tipoff_inform($1::bigint, $2)"},
    [DS_TIP_CLOSE] = {"ia", "SELECT api.tipoff_close($1::bigint, $2)"},
    [DS_ANSWER] = {"ia", "SELECT api.consult_answer($1::bigint, $2)"},
    [DS_PAUSE] = {"kia", "SELECT api.desk_pause($1, $2::bigint, $3)"},
    [DS_RESUME] = {"kia", "SELECT api.desk_resume($1, $2::bigint, $3)"},
    [DS_EXTEND] = {"kiab", "SELECT api.desk_extend($1, $2::bigint, $3::integer, $4)::text"},
    [DS_ASSIGN] = {"kia", "SELECT api.desk_assign($1, $2::bigint[], $3)"},
    [DS_TRANSFER] = {"kiab", "SELECT api.desk_transfer($1, $2::bigint, $3, $4)"},
    [DS_MERGE] = {"kiab", "SELECT api.desk_merge($1, $2::bigint, $3::bigint, $4)::text"},
    [DS_KEEP_APART] = {"kiab", "SELECT api.desk_keep_apart($1, $2::bigint, $3::bigint, $4)"},
};

void desk_state_conflict(struct db_error *err)
{
	if (strcmp(err->sqlstate, "55000") != 0)
		return;
	err->status = ST_CONFLICT;
	strbuf_reset(&err->message);
	trf(&err->message, MSG_DB_ERR_CONFLICT, strbuf_str(&err->detail));
}

const char *desk_step_sql(enum desk_step s, enum desk_kind k, const char *id, const char *a,
                          const char *b, const char *c, const char **params, int *n)
{
	*n = 0;
	for (const char *x = steps[s].params; *x; x++)
		params[(*n)++] = *x == 'k'   ? desk_kind_key(k)
		                 : *x == 'i' ? id
		                 : *x == 'a' ? a
		                 : *x == 'b' ? b
		                             : c;
	return steps[s].sql;
}

enum status desk_step_run(struct db *db, enum desk_step s, enum desk_kind k, const char *id,
                          const char *a, const char *b, const char *c, struct strbuf *out,
                          struct db_error *err)
{
	const char *p[5];
	int n;
	const char *sql = desk_step_sql(s, k, id, a, b, c, p, &n);
	PGresult *res = db_exec(db, sql, n, p, err);
	if (!res) {
		desk_state_conflict(err);
		return err->status;
	}
	if (out && PQntuples(res) > 0 && !PQgetisnull(res, 0, 0))
		strbuf_add(out, PQgetvalue(res, 0, 0));
	PQclear(res);
	return ST_OK;
}

enum status desk_complete(struct db *db, const char *id, const char *const v[DF_COUNT],
                          struct strbuf *missing, struct db_error *err)
{
	const char *p[] = {id,
	                   v[DF_NAME],
	                   v[DF_PHONE],
	                   v[DF_ADDRESS],
	                   v[DF_RESPONDENT],
	                   v[DF_RESPONDENT_ADDRESS],
	                   v[DF_REQUEST],
	                   v[DF_FACTS]};
	PGresult *res = db_exec(
	    db, "SELECT api.complaint_complete($1::bigint, $2, $3, $4, $5, $6, $7, $8)", 8, p, err);
	if (!res) {
		desk_state_conflict(err);
		return err->status;
	}
	strbuf_add(missing, PQgetvalue(res, 0, 0));
	PQclear(res);
	return ST_OK;
}

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

enum status desk_resolve(struct db *db, int want, const char *ref, enum desk_kind *kind,
                         struct strbuf *id, struct strbuf *merged_from, struct db_error *err)
{
	if (want >= 0 && all_digits(ref)) {
		*kind = (enum desk_kind)want;
		strbuf_add(id, ref);
		return ST_OK;
	}
	const char *p[] = {ref};
	PGresult *res =
	    db_exec(db, "SELECT kind, id, merged_from FROM api.desk_find($1)", 1, p, err);
	if (!res)
		return err->status;
	*kind = (enum desk_kind)desk_kind_parse(PQgetvalue(res, 0, 0));
	strbuf_add(id, PQgetvalue(res, 0, 1));
	if (merged_from && !PQgetisnull(res, 0, 2))
		strbuf_add(merged_from, PQgetvalue(res, 0, 2));
	PQclear(res);
	return ST_OK;
}

static const char *const queue_keys[DQ_COUNT] = {
    "kind",      "id",       "item_no", "state",      "state_label", "received_at",
    "org_code",  "org",      "handler", "respondent", "clock",       "due",
    "remaining", "used_pct", "band",    "paused"};

const char *desk_queue_key(enum desk_queue_col c)
{
	return c < DQ_COUNT ? queue_keys[c] : "";
}

const char *desk_item_page_sql(void)
{
	return "SELECT 'f', field, label, label_en, value, NULL, NULL FROM api.desk_item($1, "
	       "$2::bigint) "
	       "UNION ALL SELECT 't', action, to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD "
	       "HH24:MI'), actor, "
	       "rights.state_label($1, to_state), concat_ws(' ', note, other_no), clock_due::text "
	       "FROM api.desk_timeline($1, $2::bigint)";
}

static const char SQL_QUEUE[] =
    "SELECT kind, id, item_no, state, state_label, "
    "to_char(received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), org_code, org_name, "
    "handler, "
    "respondent, clock, clock_due::text, remaining, used_pct, band, paused "
    "FROM api.desk_queue($1, $2, $3, $4::date, $5, $6::integer, $7::integer)";

const char *desk_queue_sql(const struct desk_query *q, const char **params, char limit[16],
                           char offset[16])
{
	snprintf(limit, 16, "%d", q->limit > 0 ? q->limit : 50);
	snprintf(offset, 16, "%d", q->offset > 0 ? q->offset : 0);
	params[0] = q->unit;
	params[1] = q->view ? q->view : "all";
	params[2] = q->state;
	params[3] = q->due_before;
	params[4] = q->kind;
	params[5] = limit;
	params[6] = offset;
	return SQL_QUEUE;
}

PGresult *desk_queue(struct db *db, const struct desk_query *q, struct db_error *err)
{
	const char *p[7];
	char limit[16], offset[16];
	const char *sql = desk_queue_sql(q, p, limit, offset);
	return db_exec(db, sql, 7, p, err);
}

const char *desk_counts_sql(void)
{
	return "SELECT total, mine, unassigned, green, due_soon, overdue, paused FROM "
	       "api.desk_counts($1)";
}

PGresult *desk_counts(struct db *db, const char *unit, struct db_error *err)
{
	const char *p[] = {unit};
	return db_exec(db, desk_counts_sql(), 1, p, err);
}

PGresult *desk_item(struct db *db, enum desk_kind k, const char *id, struct db_error *err)
{
	const char *p[] = {desk_kind_key(k), id};
	return db_exec(db,
	               "SELECT field, label, label_en, value FROM api.desk_item($1, $2::bigint)", 2,
	               p, err);
}

PGresult *desk_timeline(struct db *db, enum desk_kind k, const char *id, struct db_error *err)
{
	const char *p[] = {desk_kind_key(k), id};
	return db_exec(
	    db,
	    "SELECT to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), actor, action, "
	    "rights.state_label($1, from_state), rights.state_label($1, to_state), org, "
	    "clock_due::text, "
	    "note, other_no "
	    "FROM api.desk_timeline($1, $2::bigint)",
	    2, p, err);
}

PGresult *desk_duplicates(struct db *db, enum desk_kind k, const char *id, struct db_error *err)
{
	const char *p[] = {desk_kind_key(k), id};
	return db_exec(
	    db,
	    "SELECT id, item_no, state, to_char(received_at AT TIME ZONE 'Asia/Shanghai', "
	    "'YYYY-MM-DD HH24:MI'), respondent, reason FROM api.desk_duplicates($1, $2::bigint)",
	    2, p, err);
}

PGresult *desk_supervise(struct db *db, const char *unit, struct db_error *err)
{
	const char *p[] = {unit};
	return db_exec(
	    db,
	    "SELECT org_code, org_name, handler_login, handler, total, due_soon, overdue "
	    "FROM api.desk_supervise($1)",
	    1, p, err);
}

const char *desk_item_value(const PGresult *res, const char *field)
{
	for (int r = 0; res && r < PQntuples(res); r++)
		if (strcmp(PQgetvalue(res, r, 0), field) == 0)
			return PQgetisnull(res, r, 3) ? NULL : PQgetvalue(res, r, 3);
	return NULL;
}

static const struct {
	const char *action;
	enum msg_id label;
} action_labels[] = {
    {"intake", MSG_DESK_EV_INTAKE},         {"complete", MSG_DESK_EV_COMPLETE},
    {"accept", MSG_DESK_EV_ACCEPT},         {"reject", MSG_DESK_EV_REJECT},
    {"mediate", MSG_DESK_EV_MEDIATE},       {"agree", MSG_DESK_EV_AGREE},
    {"terminate", MSG_DESK_EV_TERMINATE},   {"notify", MSG_DESK_EV_NOTIFY},
    {"close", MSG_DESK_EV_CLOSE},           {"verify", MSG_DESK_EV_VERIFY},
    {"decide", MSG_DESK_EV_DECIDE},         {"inform", MSG_DESK_EV_INFORM},
    {"answer", MSG_DESK_EV_ANSWER},         {"pause", MSG_DESK_EV_PAUSE},
    {"resume", MSG_DESK_EV_RESUME},         {"extend", MSG_DESK_EV_EXTEND},
    {"assign", MSG_DESK_EV_ASSIGN},         {"transfer", MSG_DESK_EV_TRANSFER},
    {"merge", MSG_DESK_EV_MERGE},           {"absorb", MSG_DESK_EV_ABSORB},
    {"keep_apart", MSG_DESK_EV_KEEP_APART},
};

const char *desk_action_label(const char *action)
{
	for (size_t i = 0; i < sizeof action_labels / sizeof action_labels[0]; i++)
		if (strcmp(action_labels[i].action, action) == 0)
			return tr(action_labels[i].label);
	return action;
}
