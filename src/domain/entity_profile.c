#include "domain/entity_profile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/tz.h"
#include "base/uscc.h"
#include "base/width.h"
#include "base/xalloc.h"

static const struct {
	const char *name;
	enum msg_id label;
} tabs[ET_COUNT] = {
	{"registration", MSG_ENTITY_TAB_REGISTRATION}, {"licence", MSG_ENTITY_TAB_LICENCE},
	{"inspection", MSG_ENTITY_TAB_INSPECTION},     {"enforcement", MSG_ENTITY_TAB_ENFORCEMENT},
	{"complaint", MSG_ENTITY_TAB_COMPLAINT},       {"equipment", MSG_ENTITY_TAB_EQUIPMENT},
	{"fooddrug", MSG_ENTITY_TAB_FOODDRUG},         {"credit", MSG_ENTITY_TAB_CREDIT},
	{"product", MSG_ENTITY_TAB_PRODUCT},           {"price", MSG_ENTITY_TAB_PRICE},
	{"ip", MSG_ENTITY_TAB_IP},                     {"nqi", MSG_ENTITY_TAB_NQI},
	{"cogov", MSG_ENTITY_TAB_COGOV},
};

const char *entity_tab_name(enum entity_tab t)
{
	return tabs[t].name;
}

enum msg_id entity_tab_label(enum entity_tab t)
{
	return tabs[t].label;
}

int entity_tab_parse(const char *name, enum entity_tab *out)
{
	for (int i = 0; i < ET_COUNT; i++)
		if (strcmp(name, tabs[i].name) == 0) {
			*out = (enum entity_tab)i;
			return 0;
		}
	return -1;
}

const char *entity_theme_label(const char *schema)
{
	static const struct {
		const char *schema;
		enum msg_id label;
	} themes[] = {
		{"core", MSG_ENTITY_THEME_CORE},         {"supervision", MSG_ENTITY_THEME_SUPERVISION},
		{"product", MSG_ENTITY_THEME_PRODUCT},   {"rights", MSG_ENTITY_THEME_RIGHTS},
		{"equipment", MSG_ENTITY_THEME_EQUIPMENT}, {"fooddrug", MSG_ENTITY_THEME_FOODDRUG},
		{"credit", MSG_ENTITY_THEME_CREDIT},     {"price", MSG_ENTITY_THEME_PRICE},
		{"ip", MSG_ENTITY_THEME_IP},             {"nqi", MSG_ENTITY_THEME_NQI},
		{"cogov", MSG_ENTITY_THEME_COGOV},
	};
	for (size_t i = 0; i < sizeof themes / sizeof themes[0]; i++)
		if (strcmp(schema, themes[i].schema) == 0)
			return tr(themes[i].label);
	return schema;
}

static const struct {
	const char *key;
	enum msg_id label;
} fields[EF_COUNT] = {
	{"id", MSG_ENTITY_F_ID},
	{"uscc", MSG_ENTITY_F_USCC},
	{"name", MSG_ENTITY_F_NAME},
	{"reg_no", MSG_ENTITY_F_REG_NO},
	{"entity_type_code", MSG_ENTITY_F_TYPE_CODE},
	{"entity_type_name", MSG_ENTITY_F_TYPE_NAME},
	{"market_entity", MSG_ENTITY_F_MARKET_ENTITY},
	{"legal_rep_title", MSG_ENTITY_F_REP_TITLE},
	{"legal_rep_name", MSG_ENTITY_F_REP_NAME},
	{"legal_rep_id_no_masked", MSG_ENTITY_F_REP_ID},
	{"phone", MSG_ENTITY_F_PHONE},
	{"address", MSG_ENTITY_F_ADDRESS},
	{"registered_capital", MSG_ENTITY_F_CAPITAL},
	{"capital_currency", MSG_ENTITY_F_CURRENCY},
	{"established_on", MSG_ENTITY_F_ESTABLISHED},
	{"approved_on", MSG_ENTITY_F_APPROVED},
	{"operating_from", MSG_ENTITY_F_OPERATING_FROM},
	{"operating_to", MSG_ENTITY_F_OPERATING_TO},
	{"business_scope", MSG_ENTITY_F_SCOPE},
	{"status", MSG_ENTITY_F_STATUS},
	{"status_name", MSG_ENTITY_F_STATUS_NAME},
	{"in_business", MSG_ENTITY_F_IN_BUSINESS},
	{"status_changed_on", MSG_ENTITY_F_STATUS_CHANGED},
	{"status_reason", MSG_ENTITY_F_STATUS_REASON},
	{"reg_authority", MSG_ENTITY_F_REG_AUTHORITY},
	{"reg_division_code", MSG_ENTITY_F_REG_DIVISION_CODE},
	{"reg_division_name", MSG_ENTITY_F_REG_DIVISION_NAME},
	{"reg_division_note", MSG_ENTITY_F_REG_DIVISION_NOTE},
	{"division_code", MSG_ENTITY_F_DIVISION_CODE},
	{"division_name", MSG_ENTITY_F_DIVISION_NAME},
	{"district_bureau", MSG_ENTITY_F_DISTRICT_BUREAU},
	{"station", MSG_ENTITY_F_STATION},
	{"industry_code", MSG_ENTITY_F_INDUSTRY_CODE},
	{"industry_name", MSG_ENTITY_F_INDUSTRY_NAME},
	{"industry_section", MSG_ENTITY_F_SECTION},
	{"section_name", MSG_ENTITY_F_SECTION_NAME},
	{"risk_grade", MSG_ENTITY_F_RISK_GRADE},
	{"risk_grade_name", MSG_ENTITY_F_RISK_NAME},
	{"risk_graded_on", MSG_ENTITY_F_RISK_GRADED_ON},
	{"risk_score", MSG_ENTITY_F_RISK_SCORE},
	{"tags", MSG_ENTITY_F_TAGS},
	{"former_names", MSG_ENTITY_F_FORMER_NAMES},
	{"source_system", MSG_ENTITY_F_SOURCE},
	{"loaded_at", MSG_ENTITY_F_LOADED_AT},
	{"updated_at", MSG_ENTITY_F_UPDATED_AT},
};

const char *entity_field_key(enum entity_field f)
{
	return fields[f].key;
}

enum msg_id entity_field_label(enum entity_field f)
{
	return fields[f].label;
}

const char *entity_fact_key(enum entity_fact_col c)
{
	static const char *const keys[EFC_COUNT] = {
		"tab",           "fact_on",   "category", "summary", "status", "detail",   "theme",
		"source_system", "loaded_at", "ref_table", "ref_id", "sort_key", "tab_total"};
	return keys[c];
}

const char *entity_risk_key(enum entity_risk_col c)
{
	static const char *const keys[ERC_COUNT] = {
		"grade",     "grade_name", "score", "assessed_on", "model_version", "manual_adjustment",
		"adjustment_reason", "indicator", "fact", "points", "source_table", "source_id"};
	return keys[c];
}

static void rows_init(struct entity_rows *r, int ncols)
{
	memset(r, 0, sizeof *r);
	r->ncols = ncols;
}

void entity_rows_free(struct entity_rows *r)
{
	for (long i = 0; i < (long)r->n * r->ncols; i++)
		free(r->cells[i]);
	free(r->cells);
	rows_init(r, r->ncols);
}

#define TIMESTAMPTZ_OID 1184 /* pg_type of timestamptz, fixed in PostgreSQL */

char *entity_cell_dup(const PGresult *res, int row, int c)
{
	if (c >= PQnfields(res))
		return xstrdup("");
	if (PQftype(res, c) != TIMESTAMPTZ_OID)
		return xstrdup(PQgetvalue(res, row, c));
	struct strbuf sb = STRBUF_INIT;
	tz_format_pg(PQgetvalue(res, row, c), &sb);
	return strbuf_detach(&sb);
}

/* Appends row `row` of res (its first ncols columns). */
static void rows_add(struct entity_rows *r, const PGresult *res, int row)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->cells = xrealloc(r->cells, sizeof(char *) * (size_t)r->cap * (size_t)r->ncols);
	}
	for (int c = 0; c < r->ncols; c++)
		r->cells[(size_t)r->n * (size_t)r->ncols + (size_t)c] = entity_cell_dup(res, row, c);
	r->n++;
}

void entity_rows_add_result(struct entity_rows *r, const PGresult *res)
{
	for (int row = 0; row < PQntuples(res); row++)
		rows_add(r, res, row);
}

const char *entity_rows_get(const struct entity_rows *r, int row, int col)
{
	return r->cells[(size_t)row * (size_t)r->ncols + (size_t)col];
}

void entity_profile_init(struct entity_profile *p, const char *code)
{
	struct strbuf sb = STRBUF_INIT;
	memset(p, 0, sizeof *p);
	uscc_normalize(code ? code : "", &sb);
	p->uscc = strbuf_detach(&sb);
	rows_init(&p->risk, ERC_COUNT);
	for (int t = 0; t < ET_COUNT; t++)
		rows_init(&p->tab[t], EFC_COUNT);
}

void entity_profile_free(struct entity_profile *p)
{
	free(p->uscc);
	for (int f = 0; f < EF_COUNT; f++)
		free(p->v[f]);
	entity_rows_free(&p->risk);
	for (int t = 0; t < ET_COUNT; t++)
		entity_rows_free(&p->tab[t]);
	memset(p, 0, sizeof *p);
}

const char *entity_profile_get(const struct entity_profile *p, enum entity_field f)
{
	return p->v[f] ? p->v[f] : "";
}

char *entity_profile_shown(const struct entity_profile *p, enum entity_field f)
{
	const char *v = entity_profile_get(p, f);
	/* timestamps to the minute: "2026-01-02 10:00" */
	if (f == EF_LOADED_AT || f == EF_UPDATED_AT)
		return xstrndup(v, 16);
	return xstrdup(v);
}

static const char sql_header[] = "SELECT * FROM api.entity_header($1)";
static const char sql_risk[] = "SELECT * FROM api.entity_risk($1)";
/* Every tab's first page (or one tab's next page), then a row with
 * tab_total -1 for each tab the caller may not read at all (row-level
 * security would count it 0). */
#define HIDDEN_TABS                                                                                \
	" UNION ALL SELECT h, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "  \
	"-1"                                                                                       \
	" FROM api.entity_tabs_hidden() h"
static const char sql_tabs[] = "SELECT * FROM api.entity_facts($1, NULL, $2::integer)" HIDDEN_TABS;
static const char sql_more[] =
    "SELECT * FROM api.entity_facts($1, $2, $3::integer, $4)" HIDDEN_TABS " WHERE h = $2";

/* The statement and parameters of a call; size holds the page size's text. */
static const char *call_sql(const struct entity_profile *p, enum entity_call call, enum entity_tab tab,
			    const char **params, int *n, char *size, size_t size_len, int page_size)
{
	snprintf(size, size_len, "%d", page_size > 0 ? page_size : 50);
	params[0] = p->uscc;
	switch (call) {
	case EC_HEADER: *n = 1; return sql_header;
	case EC_RISK: *n = 1; return sql_risk;
	case EC_TABS:
		params[1] = size;
		*n = 2;
		return sql_tabs;
	case EC_MORE: {
		const struct entity_rows *r = &p->tab[tab];
		params[1] = entity_tab_name(tab);
		params[2] = size;
		params[3] = r->n ? entity_rows_get(r, r->n - 1, EFC_SORT_KEY) : NULL;
		*n = 4;
		return sql_more;
	}
	}
	return NULL;
}

enum status entity_profile_send(struct db *db, struct entity_profile *p, enum entity_call call,
				enum entity_tab tab, int page_size, struct db_error *err)
{
	const char *params[4];
	char size[16];
	int n = 0;
	const char *sql = call_sql(p, call, tab, params, &n, size, sizeof size, page_size);
	return db_async_send(db, sql, n, params, err);
}

static void take_header(struct entity_profile *p, const PGresult *res)
{
	for (int f = 0; f < EF_COUNT; f++) {
		free(p->v[f]);
		p->v[f] = NULL;
	}
	p->found = PQntuples(res) > 0;
	if (!p->found)
		return;
	for (int f = 0; f < EF_COUNT && f < PQnfields(res); f++)
		p->v[f] = entity_cell_dup(res, 0, f);
}

/* Every tab's first page: replaces what was loaded, and sets every total. */
static void take_tabs(struct entity_profile *p, const PGresult *res)
{
	for (int t = 0; t < ET_COUNT; t++) {
		entity_rows_free(&p->tab[t]);
		p->total[t] = 0;
		p->hidden[t] = 0;
	}
	for (int r = 0; r < PQntuples(res); r++) {
		enum entity_tab t;
		if (entity_tab_parse(PQgetvalue(res, r, EFC_TAB), &t) != 0)
			continue;
		if (atol(PQgetvalue(res, r, EFC_TOTAL)) < 0) {
			p->hidden[t] = 1;
			continue;
		}
		rows_add(&p->tab[t], res, r);
		p->total[t] = atol(PQgetvalue(res, r, EFC_TOTAL));
	}
	p->counted = 1;
}

static void take_more(struct entity_profile *p, enum entity_tab t, const PGresult *res)
{
	int before = p->tab[t].n;
	long after = 0;
	p->hidden[t] = 0;
	for (int r = 0; r < PQntuples(res); r++) {
		/* tab_total counts what followed the cursor; -1: hidden */
		long n = atol(PQgetvalue(res, r, EFC_TOTAL));
		if (n < 0) {
			p->hidden[t] = 1;
			continue;
		}
		rows_add(&p->tab[t], res, r);
		after = n;
	}
	p->total[t] = before + after;
}

void entity_profile_take(struct entity_profile *p, enum entity_call call, enum entity_tab tab,
			 const PGresult *res)
{
	switch (call) {
	case EC_HEADER: take_header(p, res); break;
	case EC_RISK:
		entity_rows_free(&p->risk);
		entity_rows_add_result(&p->risk, res);
		break;
	case EC_TABS: take_tabs(p, res); break;
	case EC_MORE: take_more(p, tab, res); break;
	}
}

enum status entity_profile_call(struct db *db, struct entity_profile *p, enum entity_call call,
				enum entity_tab tab, int page_size, struct db_error *err)
{
	const char *params[4];
	char size[16];
	int n = 0;
	const char *sql = call_sql(p, call, tab, params, &n, size, sizeof size, page_size);
	PGresult *res = db_exec(db, sql, n, params, err);
	if (!res)
		return err->status;
	entity_profile_take(p, call, tab, res);
	PQclear(res);
	return ST_OK;
}

enum status entity_profile_load(struct db *db, struct entity_profile *p, int page_size,
				struct db_error *err)
{
	enum status st = entity_profile_call(db, p, EC_HEADER, ET_REGISTRATION, page_size, err);
	if (st != ST_OK)
		return st;
	if (!p->found) {
		char *m = trs(MSG_ENTITY_NOT_FOUND, p->uscc);
		db_error_set(err, ST_NOTFOUND, m);
		free(m);
		return ST_NOTFOUND;
	}
	st = entity_profile_call(db, p, EC_TABS, ET_REGISTRATION, page_size, err);
	if (st == ST_OK)
		st = entity_profile_call(db, p, EC_RISK, ET_REGISTRATION, page_size, err);
	return st;
}

int entity_profile_more(const struct entity_profile *p, enum entity_tab t)
{
	return p->tab[t].n < p->total[t];
}

/* "label：value" with the labels padded to one width; nothing for an empty value. */
static void text_field(struct strbuf *out, const char *label, const char *value)
{
	if (!value || !*value)
		return;
	width_fit(out, label, 18, ALIGN_LEFT);
	strbuf_addf(out, " %s\n", value);
}

static void text_header(const struct entity_profile *p, struct strbuf *out)
{
	static const enum entity_field shown[] = {
		EF_USCC,         EF_REG_NO,         EF_TYPE_NAME,        EF_STATUS_NAME,   EF_STATUS_CHANGED,
		EF_STATUS_REASON, EF_REP_NAME,      EF_REP_ID_MASKED,    EF_CAPITAL,       EF_ESTABLISHED,
		EF_APPROVED,     EF_REG_AUTHORITY,  EF_REG_DIVISION_NAME, EF_REG_DIVISION_NOTE, EF_ADDRESS,
		EF_PHONE,        EF_DIVISION_NAME,  EF_DISTRICT_BUREAU,  EF_STATION,       EF_INDUSTRY_NAME,
		EF_SECTION_NAME, EF_SCOPE,          EF_FORMER_NAMES,     EF_TAGS,          EF_SOURCE,
		EF_LOADED_AT};
	strbuf_addf(out, "%s\n", entity_profile_get(p, EF_NAME));
	for (size_t i = 0; i < sizeof shown / sizeof shown[0]; i++) {
		enum entity_field f = shown[i];
		const char *label = f == EF_REP_NAME && *entity_profile_get(p, EF_REP_TITLE)
					    ? entity_profile_get(p, EF_REP_TITLE)
					    : tr(entity_field_label(f));
		char *v = entity_profile_shown(p, f);
		text_field(out, label, v);
		free(v);
	}
}

static void text_risk(const struct entity_profile *p, struct strbuf *out)
{
	if (!*entity_profile_get(p, EF_RISK_GRADE))
		return;
	strbuf_add(out, "\n");
	trf(out, MSG_ENTITY_TEXT_RISK, entity_profile_get(p, EF_RISK_GRADE),
	    entity_profile_get(p, EF_RISK_NAME), entity_profile_get(p, EF_RISK_SCORE),
	    entity_profile_get(p, EF_RISK_GRADED_ON));
	strbuf_add(out, "\n");
	for (int r = 0; r < p->risk.n; r++) {
		if (!*entity_rows_get(&p->risk, r, ERC_INDICATOR))
			continue;
		strbuf_addf(out, "  · %s  %s  ", entity_rows_get(&p->risk, r, ERC_INDICATOR),
			    entity_rows_get(&p->risk, r, ERC_FACT));
		trf(out, MSG_ENTITY_POINTS, entity_rows_get(&p->risk, r, ERC_POINTS));
		strbuf_add(out, "\n");
	}
}

/* One fact: date, category, summary, status, then detail and provenance. */
void entity_fact_text(const struct entity_rows *rows, int r, struct strbuf *out)
{
	const char *status = entity_rows_get(rows, r, EFC_STATUS);
	const char *detail = entity_rows_get(rows, r, EFC_DETAIL);
	strbuf_addf(out, "  %s  %s  %s", entity_rows_get(rows, r, EFC_ON),
		    entity_rows_get(rows, r, EFC_CATEGORY), entity_rows_get(rows, r, EFC_SUMMARY));
	if (*status)
		strbuf_addf(out, "  [%s]", status);
	strbuf_add(out, "\n");
	if (*detail)
		strbuf_addf(out, "      %s\n", detail);
	strbuf_add(out, "      ");
	entity_fact_source(rows, r, out);
	strbuf_add(out, "\n");
}

void entity_fact_source(const struct entity_rows *rows, int r, struct strbuf *out)
{
	/* the load time to the minute: "2026-01-02 10:00" */
	char *when = xstrndup(entity_rows_get(rows, r, EFC_LOADED_AT), 16);
	trf(out, MSG_ENTITY_SOURCE_LINE, entity_theme_label(entity_rows_get(rows, r, EFC_THEME)),
	    entity_rows_get(rows, r, EFC_SOURCE), when);
	free(when);
}

void entity_profile_text(const struct entity_profile *p, struct strbuf *clean)
{
	/* stored text may predate 0182: no control reaches a terminal or a file */
	struct strbuf raw = STRBUF_INIT, *out = &raw;
	text_header(p, out);
	text_risk(p, out);
	for (int t = 0; t < ET_COUNT; t++) {
		strbuf_add(out, "\n");
		if (p->hidden[t]) {
			trf(out, MSG_ENTITY_TEXT_TAB_HIDDEN,
			    tr(entity_tab_label((enum entity_tab)t)));
			strbuf_add(out, "\n");
			continue;
		}
		trf(out, MSG_ENTITY_TEXT_TAB, tr(entity_tab_label((enum entity_tab)t)), p->total[t]);
		strbuf_add(out, "\n");
		if (p->tab[t].n == 0)
			strbuf_addf(out, "  %s\n", tr(MSG_ENTITY_TAB_EMPTY));
		for (int r = 0; r < p->tab[t].n; r++)
			entity_fact_text(&p->tab[t], r, out);
		if (p->tab[t].n < p->total[t]) {
			strbuf_add(out, "  ");
			trf(out, MSG_ENTITY_TEXT_MORE, p->total[t] - p->tab[t].n);
			strbuf_add(out, "\n");
		}
	}
	width_sanitize_text(clean, strbuf_str(&raw));
	strbuf_free(&raw);
}
