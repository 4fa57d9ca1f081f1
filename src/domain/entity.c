#include "domain/entity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/uscc.h"
#include "base/width.h"
#include "base/xalloc.h"
#include "domain/entity_profile.h"

static int all_in(const char *s, const char *set)
{
	for (; *s; s++)
		if (!strchr(set, *s))
			return 0;
	return 1;
}

/* The digits of s, in order. */
static void digits_of(const char *s, struct strbuf *out)
{
	for (; *s; s++)
		if (*s >= '0' && *s <= '9')
			strbuf_addc(out, *s);
}

/* The phone rule of core.entity_query_kind(): a mobile number, a number
 * with its area code (or +86), or 7-8 digits of a local number. */
static int looks_like_phone(const char *n)
{
	const char *p = n + (*n == '+');
	if (!(*p >= '0' && *p <= '9') || !all_in(p, "0123456789-"))
		return 0;
	struct strbuf d = STRBUF_INIT;
	digits_of(n, &d);
	const char *s = strbuf_str(&d);
	size_t len = d.len;
	int ok = (len == 11 && s[0] == '1' && s[1] >= '3' && s[1] <= '9') ||
		 (s[0] == '0' && len >= 10 && len <= 12) || (len == 13 && s[0] == '8' && s[1] == '6') ||
		 (s[0] >= '2' && s[0] <= '8' && (len == 7 || len == 8));
	strbuf_free(&d);
	return ok;
}

enum entity_kind entity_classify(const char *q)
{
	struct strbuf sb = STRBUF_INIT;
	uscc_normalize(q ? q : "", &sb);
	const char *n = strbuf_str(&sb);
	size_t len = sb.len;
	enum entity_kind k = EK_TEXT;
	if (len == 0)
		k = EK_EMPTY;
	else if (len == 18 && all_in(n, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
		k = EK_USCC;
	else if (len == 15 && all_in(n, "0123456789"))
		k = EK_REG_NO;
	else if (looks_like_phone(n))
		k = EK_PHONE;
	else if (len >= 2 && len <= 17 && n[0] >= '1' && n[0] <= '9' && all_in(n, USCC_CHARSET))
		k = EK_USCC_PREFIX;
	strbuf_free(&sb);
	return k;
}

const char *entity_kind_name(enum entity_kind k)
{
	static const char *const names[] = {"empty", "uscc", "reg_no", "phone", "uscc_prefix", "text"};
	return names[k];
}

enum msg_id entity_kind_label(enum entity_kind k)
{
	static const enum msg_id labels[] = {MSG_ENTITY_KIND_EMPTY,  MSG_ENTITY_KIND_USCC,
					     MSG_ENTITY_KIND_REG_NO, MSG_ENTITY_KIND_PHONE,
					     MSG_ENTITY_KIND_PREFIX, MSG_ENTITY_KIND_TEXT};
	return labels[k];
}

int entity_text_length(const char *q)
{
	struct strbuf sb = STRBUF_INIT;
	uscc_normalize(q ? q : "", &sb);
	int n = (int)utf8_length(strbuf_str(&sb));
	strbuf_free(&sb);
	return n;
}

static const char *const sort_names[ES_COUNT] = {
	"relevance", "name", "uscc", "legal_rep", "status", "established", "district", "capital"};

const char *entity_sort_name(enum entity_sort s)
{
	return sort_names[s];
}

enum msg_id entity_sort_label(enum entity_sort s)
{
	static const enum msg_id labels[ES_COUNT] = {
		MSG_ENTITY_SORT_RELEVANCE, MSG_ENTITY_F_NAME,   MSG_ENTITY_F_USCC,
		MSG_ENTITY_F_REP_NAME,     MSG_ENTITY_COL_STATUS, MSG_ENTITY_F_ESTABLISHED,
		MSG_ENTITY_F_DIVISION_NAME, MSG_ENTITY_F_CAPITAL};
	return labels[s];
}

int entity_sort_parse(const char *name, enum entity_sort *out)
{
	for (int i = 0; i < ES_COUNT; i++)
		if (strcmp(name, sort_names[i]) == 0) {
			*out = (enum entity_sort)i;
			return 0;
		}
	return -1;
}

void entity_query_init(struct entity_query *q)
{
	memset(q, 0, sizeof *q);
	q->sort = ES_RELEVANCE;
	q->page_size = 50;
}

void entity_query_free(struct entity_query *q)
{
	free(q->text);
	free(q->within);
	for (int i = 0; i < EFL_COUNT; i++)
		free(q->filter[i]);
	free(q->after_key);
	free(q->after_id);
	entity_query_init(q);
}

void entity_query_set(char **field, const char *value)
{
	free(*field);
	*field = value && *value ? xstrdup(value) : NULL;
}

void entity_query_copy(struct entity_query *dst, const struct entity_query *src)
{
	entity_query_free(dst);
	*dst = *src;
	dst->text = src->text ? xstrdup(src->text) : NULL;
	dst->within = src->within ? xstrdup(src->within) : NULL;
	for (int i = 0; i < EFL_COUNT; i++)
		dst->filter[i] = src->filter[i] ? xstrdup(src->filter[i]) : NULL;
	dst->after_key = src->after_key ? xstrdup(src->after_key) : NULL;
	dst->after_id = src->after_id ? xstrdup(src->after_id) : NULL;
}

static const char *const hit_keys[EH_COUNT] = {
	"id",     "uscc",        "name",        "legal_rep_name", "entity_type_name",
	"status", "status_name", "in_business", "established_on", "division_name",
	"registered_capital", "risk_grade", "match", "matched", "sort_key",
	"pos",    "total",       "capped",      "kind"};

const char *entity_hit_key(enum entity_hit_col c)
{
	return hit_keys[c];
}

static const char sql_search[] =
	"SELECT id, uscc, name, legal_rep_name, entity_type_name, status, status_name, in_business,"
	"       established_on, division_name, registered_capital, risk_grade, match, matched,"
	"       sort_key, pos, total, capped, kind"
	"  FROM api.entity_search(q => $1, district => $2, entity_type => $3,"
	"       industry_section => $4, reg_status => $5, established_from => $6::date,"
	"       established_to => $7::date, risk => $8, within => $9, sort => $10,"
	"       descending => $11::boolean, after_key => $12, after_id => $13::bigint,"
	"       page_size => $14::integer)";

#define SEARCH_PARAMS 14

/* The statement's parameters; size holds the page size's text. */
static void search_params(const struct entity_query *q, const char **p, char *size, size_t n)
{
	snprintf(size, n, "%d", q->page_size > 0 ? q->page_size : 50);
	p[0] = q->text ? q->text : "";
	for (int i = 0; i < EFL_COUNT; i++)
		p[1 + i] = q->filter[i];
	p[8] = q->within;
	p[9] = entity_sort_name(q->sort);
	p[10] = q->descending ? "true" : "false";
	p[11] = q->after_key;
	p[12] = q->after_key ? q->after_id : NULL;
	p[13] = size;
}

enum status entity_search(struct db *db, const struct entity_query *q, struct entity_page *page,
			  struct db_error *err)
{
	const char *p[SEARCH_PARAMS];
	char size[16];
	search_params(q, p, size, sizeof size);
	PGresult *res = db_exec(db, sql_search, SEARCH_PARAMS, p, err);
	if (!res)
		return err->status;
	entity_page_add(page, res);
	PQclear(res);
	return ST_OK;
}

enum status entity_search_all(struct db *db, const struct entity_query *q, struct entity_page *page,
                              struct db_error *err)
{
	struct entity_query all;
	entity_query_init(&all);
	entity_query_copy(&all, q);
	entity_query_set(&all.after_key, NULL);
	entity_query_set(&all.after_id, NULL);
	all.page_size = ENTITY_PAGE_ALL;
	enum status st;
	for (;;) {
		int before = page->n;
		st = entity_search(db, &all, page, err);
		if (st != ST_OK || page->n == before || !entity_page_more(page))
			break;
		entity_page_cursor(page, &all);
	}
	entity_query_free(&all);
	return st;
}

enum status entity_search_send(struct db *db, const struct entity_query *q, struct db_error *err)
{
	const char *p[SEARCH_PARAMS];
	char size[16];
	search_params(q, p, size, sizeof size);
	return db_async_send(db, sql_search, SEARCH_PARAMS, p, err);
}

void entity_page_init(struct entity_page *p)
{
	memset(p, 0, sizeof *p);
}

void entity_page_free(struct entity_page *p)
{
	for (int i = 0; i < p->n; i++)
		for (int c = 0; c < EH_COUNT; c++)
			free(p->hits[i].v[c]);
	free(p->hits);
	entity_page_init(p);
}

void entity_page_add(struct entity_page *p, const PGresult *res)
{
	int rows = PQntuples(res);
	for (int r = 0; r < rows; r++) {
		if (p->n == p->cap) {
			p->cap = p->cap ? p->cap * 2 : 64;
			p->hits = xrealloc(p->hits, sizeof *p->hits * (size_t)p->cap);
		}
		struct entity_hit *h = &p->hits[p->n++];
		for (int c = 0; c < EH_COUNT; c++)
			h->v[c] = entity_cell_dup(res, r, c);
		p->total = atol(h->v[EH_TOTAL]);
		p->capped = strcmp(h->v[EH_CAPPED], "t") == 0;
	}
}

int entity_page_more(const struct entity_page *p)
{
	return p->n > 0 && atol(p->hits[p->n - 1].v[EH_POS]) < p->total;
}

void entity_page_cursor(const struct entity_page *p, struct entity_query *q)
{
	if (p->n == 0) {
		entity_query_set(&q->after_key, NULL);
		entity_query_set(&q->after_id, NULL);
		return;
	}
	const struct entity_hit *last = &p->hits[p->n - 1];
	free(q->after_key);
	q->after_key = xstrdup(last->v[EH_SORT_KEY]); /* may be "" (a NULL-less empty key) */
	entity_query_set(&q->after_id, last->v[EH_ID]);
}

int entity_status_closed(const char *status)
{
	return strcmp(status, "deregistered") == 0 || strcmp(status, "revoked") == 0 ||
	       strcmp(status, "annulled") == 0;
}

void entity_hit_describe(const struct entity_hit *h, struct strbuf *out)
{
	static const enum msg_id how[] = {MSG_ENTITY_MATCH_EXACT,  MSG_ENTITY_MATCH_NEAR,
					  MSG_ENTITY_MATCH_NAME,   MSG_ENTITY_MATCH_FORMER,
					  MSG_ENTITY_MATCH_REP,    MSG_ENTITY_MATCH_ADDRESS,
					  MSG_ENTITY_MATCH_SIMILAR};
	int m = atoi(h->v[EH_MATCH]);
	if (m < 0 || m > 6)
		return;
	const char *kind = h->v[EH_KIND];
	if (m == 1 && strcmp(kind, "uscc") == 0)
		strbuf_add(out, tr(MSG_ENTITY_MATCH_NEAR));
	else if (m >= 3 && m <= 5)
		trf(out, how[m], h->v[EH_MATCHED]);
	else if (m == 6)
		strbuf_add(out, tr(how[m]));
}

int entity_code_valid(const char *q)
{
	struct strbuf sb = STRBUF_INIT;
	uscc_normalize(q ? q : "", &sb);
	int ok = uscc_valid(strbuf_str(&sb));
	strbuf_free(&sb);
	return ok;
}

const char *entity_match_name(const struct entity_hit *h)
{
	static const char *const names[] = {"exact",      "prefix",  "name",   "former_name",
					    "legal_rep",  "address", "similar"};
	int m = atoi(h->v[EH_MATCH]);
	if (m < 0 || m > 6)
		return "";
	if (m == 1 && strcmp(h->v[EH_KIND], "uscc") == 0)
		return "near_code";
	return names[m];
}

static int choice_filter(const char *name)
{
	static const struct {
		const char *name;
		int filter;
	} map[] = {{"district", EFL_DISTRICT}, {"type", EFL_TYPE},   {"industry", EFL_SECTION},
		   {"status", EFL_STATUS},     {"risk", EFL_RISK}};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(name, map[i].name) == 0)
			return map[i].filter;
	return -1;
}

enum status entity_choices_load(struct db *db, struct entity_choices *c, struct db_error *err)
{
	memset(c, 0, sizeof *c);
	PGresult *res =
		db_exec(db, "SELECT filter, code, name FROM api.entity_filter_choices()", 0, NULL, err);
	if (!res)
		return err->status;
	for (int r = 0; r < PQntuples(res); r++) {
		int f = choice_filter(PQgetvalue(res, r, 0));
		if (f < 0)
			continue;
		int n = c->n[f]++;
		c->code[f] = xrealloc(c->code[f], sizeof(char *) * (size_t)(n + 1));
		c->name[f] = xrealloc(c->name[f], sizeof(char *) * (size_t)(n + 1));
		c->code[f][n] = xstrdup(PQgetvalue(res, r, 1));
		c->name[f][n] = xstrdup(PQgetvalue(res, r, 2));
	}
	PQclear(res);
	return ST_OK;
}

void entity_choices_free(struct entity_choices *c)
{
	for (int f = 0; f < EFL_COUNT; f++) {
		for (int i = 0; i < c->n[f]; i++) {
			free(c->code[f][i]);
			free(c->name[f][i]);
		}
		free(c->code[f]);
		free(c->name[f]);
	}
	memset(c, 0, sizeof *c);
}

/* Whether s[0..n) is all digits. */
static int digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* One end of a range: YYYY, YYYY-MM-DD (or YYYY/MM/DD), or nothing. The
 * year alone means its first day (or its last, for the end). Returns 0 or -1. */
static int date_end(const char *s, size_t n, int last, struct strbuf *out)
{
	while (n && *s == ' ') {
		s++;
		n--;
	}
	while (n && s[n - 1] == ' ')
		n--;
	if (n == 0)
		return 0;
	if (n == 4 && digits(s, 4)) {
		strbuf_addf(out, "%.4s-%s", s, last ? "12-31" : "01-01");
		return 0;
	}
	if (n == 10 && digits(s, 4) && (s[4] == '-' || s[4] == '/') && s[7] == s[4] &&
	    digits(s + 5, 2) && digits(s + 8, 2)) {
		strbuf_addf(out, "%.4s-%.2s-%.2s", s, s + 5, s + 8);
		return 0;
	}
	return -1;
}

int entity_parse_dates(const char *s, struct strbuf *from, struct strbuf *to)
{
	static const char *const seps[] = {"~", "..", "\xe8\x87\xb3" /* 至 */, "\xe5\x88\xb0" /* 到 */,
					   "\xef\xbd\x9e" /* ～ */};
	size_t n = strlen(s);
	const char *sep = NULL;
	size_t seplen = 0;
	strbuf_reset(from);
	strbuf_reset(to);
	for (size_t i = 0; i < sizeof seps / sizeof seps[0] && !sep; i++)
		if ((sep = strstr(s, seps[i])))
			seplen = strlen(seps[i]);
	/* 2015-2020: two years joined by a hyphen */
	if (!sep && n == 9 && digits(s, 4) && s[4] == '-' && digits(s + 5, 4)) {
		sep = s + 4;
		seplen = 1;
	}
	int rc;
	if (sep)
		rc = date_end(s, (size_t)(sep - s), 0, from) ||
		     date_end(sep + seplen, strlen(sep + seplen), 1, to);
	else
		rc = date_end(s, n, 0, from) || date_end(s, n, 1, to);
	if (rc || (!from->len && !to->len)) {
		strbuf_reset(from);
		strbuf_reset(to);
		return -1;
	}
	return 0;
}
