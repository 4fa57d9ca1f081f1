#include "domain/entity_action.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
	FILE *f = fopen(path, "w");
	int ok = f && fwrite(strbuf_str(text), 1, text->len, f) == text->len;
	int saved = errno;
	if (f && fclose(f) != 0 && ok) {
		ok = 0;
		saved = errno;
	}
	if (ok)
		return ST_OK;
	char *m = trs(MSG_ENTITY_WRITE_FAILED, path, strerror(saved));
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
