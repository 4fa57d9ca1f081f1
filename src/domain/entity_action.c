#include "domain/entity_action.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/outfile.h"
#include "base/xalloc.h"

void entity_export_footer(const struct session *s, struct strbuf *out)
{
	char when[32];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
	strbuf_add(out, "\n");
	trf(out, MSG_ENTITY_EXPORT_FOOTER, when, s->full_name && *s->full_name ? s->full_name : "-",
	    s->login ? s->login : "-");
	strbuf_add(out, "\n");
}

void entity_export_name(const char *prefix, const char *code, const char *ext, struct strbuf *out)
{
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	strbuf_addf(out, "%s-", prefix);
	if (code && *code)
		strbuf_addf(out, "%s-", code);
	strbuf_addf(out, "%s.%s", stamp, ext);
}

enum status entity_write_file(const char *path, const struct strbuf *text, struct db_error *err)
{
	int e = outfile_write(path, strbuf_str(text), text->len);
	if (!e)
		return ST_OK;
	char *m = trs(MSG_ENTITY_WRITE_FAILED, path, strerror(e));
	db_error_set(err, ST_ERROR, m);
	free(m);
	return ST_ERROR;
}

static const struct {
	const char *key;
	enum msg_id label;
} plan_cols[PL_COUNT] = {
	{"plan_no", MSG_PLAN_NO},     {"title", MSG_PLAN_TITLE},   {"year", MSG_PLAN_YEAR},
	{"kind", MSG_PLAN_KIND},      {"status", MSG_PLAN_STATUS}, {"org_name", MSG_PLAN_ORG},
	{"candidates", MSG_PLAN_CANDIDATES},
};

const char *plan_key(enum plan_col c)
{
	return plan_cols[c].key;
}

enum msg_id plan_label(enum plan_col c)
{
	return plan_cols[c].label;
}

enum status plan_list(struct db *db, struct entity_rows *rows, struct db_error *err)
{
	memset(rows, 0, sizeof *rows);
	rows->ncols = PL_COUNT;
	PGresult *res = db_exec(db, "SELECT * FROM api.entity_plans()", 0, NULL, err);
	if (!res)
		return err->status;
	entity_rows_add_result(rows, res);
	PQclear(res);
	return ST_OK;
}

enum status plan_add(struct db *db, const char *plan_no, const char *code, const char *note,
		     struct db_error *err)
{
	const char *p[3] = {plan_no, code, note};
	return db_command(db, "SELECT api.plan_candidate_add($1, $2, $3)", 3, p, err);
}

const char *complaint_field_key(enum complaint_field f)
{
	static const char *const keys[CF_COUNT] = {"name", "phone", "address", "subject", "request", "facts"};
	return keys[f];
}

enum msg_id complaint_field_label(enum complaint_field f)
{
	static const enum msg_id labels[CF_COUNT] = {
		MSG_COMPLAINT_LABEL_NAME,    MSG_COMPLAINT_LABEL_PHONE,   MSG_COMPLAINT_LABEL_ADDRESS,
		MSG_COMPLAINT_LABEL_SUBJECT, MSG_COMPLAINT_LABEL_REQUEST, MSG_COMPLAINT_LABEL_FACTS};
	return labels[f];
}

const char complaint_register_sql[] =
    "SELECT complaint_no, handling_org, decide_by::text, decide_by_provisional "
    "FROM api.complaint_register($1, $2, $3, $4, $5, $6, $7, $8)";

void complaint_register_params(const char *code, const char *const v[CF_COUNT], const char *channel,
                               const char *p[8])
{
	const char *q[8] = {
	    code,          v[CF_NAME],  v[CF_PHONE],   v[CF_ADDRESS],
	    v[CF_REQUEST], v[CF_FACTS], v[CF_SUBJECT], channel ? channel : "hotline_12315"};
	memcpy(p, q, sizeof q);
}

void complaint_receipt_read(const PGresult *res, struct complaint_receipt *out)
{
	strbuf_init(&out->complaint_no);
	strbuf_init(&out->handling_org);
	strbuf_init(&out->decide_by);
	strbuf_add(&out->complaint_no, PQgetvalue(res, 0, 0));
	strbuf_add(&out->handling_org, PQgetvalue(res, 0, 1));
	strbuf_add(&out->decide_by, PQgetvalue(res, 0, 2));
	out->decide_by_provisional = strcmp(PQgetvalue(res, 0, 3), "t") == 0;
}

enum status complaint_register(struct db *db, const char *code, const char *const v[CF_COUNT],
                               const char *channel, struct complaint_receipt *out,
                               struct db_error *err)
{
	const char *p[8];
	complaint_register_params(code, v, channel, p);
	PGresult *res = db_exec(db, complaint_register_sql, 8, p, err);
	if (!res)
		return err->status;
	complaint_receipt_read(res, out);
	PQclear(res);
	return ST_OK;
}

char *complaint_receipt_message(const struct complaint_receipt *rc)
{
	char *due = rc->decide_by_provisional
	                ? trs(MSG_CAL_PROVISIONAL_DATE, strbuf_str(&rc->decide_by))
	                : xstrdup(strbuf_str(&rc->decide_by));
	char *m = trs(MSG_COMPLAINT_REGISTERED, strbuf_str(&rc->complaint_no),
	              strbuf_str(&rc->handling_org), due);
	free(due);
	return m;
}

void complaint_receipt_free(struct complaint_receipt *r)
{
	strbuf_free(&r->complaint_no);
	strbuf_free(&r->handling_org);
	strbuf_free(&r->decide_by);
}
