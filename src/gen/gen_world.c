#include "gen/gen_world.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/xalloc.h"

/* ---- dates ---- */

/* Howard Hinnant's days-from-civil and back. */
int gen_day(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void gen_ymd(int day, int *y, int *m, int *d)
{
	int z = day + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

int gen_year(int day)
{
	int y, m, d;
	gen_ymd(day, &y, &m, &d);
	return y;
}

int gen_weekday(int day)
{
	/* 1970-01-01 was a Thursday */
	int w = (day + 3) % 7;
	return w < 0 ? w + 7 : w;
}

int64_t gen_moment(int day, long second_of_day)
{
	return (int64_t)day * 86400 + second_of_day;
}

int gen_day_between(struct rng *r, int from, int to)
{
	if (to <= from)
		return to; /* never after the upper bound (the data ends before the as-of date) */
	return (int)rng_range(r, from, to);
}

int64_t gen_moment_on(struct rng *r, int day, int around_clock)
{
	if (around_clock) {
		/* calls come more by day than by night */
		long s =
		    rng_chance(r, 0.8) ? rng_range(r, 7 * 3600, 22 * 3600) : rng_range(r, 0, 86399);
		return gen_moment(day, s);
	}
	return gen_moment(day, rng_range(r, 8 * 3600 + 1800, 17 * 3600 + 1800));
}

/* ---- COPY fields ---- */

void gen_put_date(struct copy *c, int day)
{
	if (day == GEN_NULL) {
		copy_field(c, NULL);
		return;
	}
	int y, m, d;
	gen_ymd(day, &y, &m, &d);
	copy_fieldf(c, "%04d-%02d-%02d", y, m, d);
}

void gen_put_ts(struct copy *c, int64_t t)
{
	if (t == GEN_NO_TS) {
		copy_field(c, NULL);
		return;
	}
	int day = (int)(t / 86400), y, m, d;
	long s = (long)(t - (int64_t)day * 86400);
	gen_ymd(day, &y, &m, &d);
	copy_fieldf(c, "%04d-%02d-%02d %02ld:%02ld:%02ld+08", y, m, d, s / 3600, s / 60 % 60,
	            s % 60);
}

void gen_put_bool(struct copy *c, int b)
{
	copy_field(c, b ? "t" : "f");
}

void gen_put_money(struct copy *c, int64_t fen)
{
	if (fen < 0)
		copy_field(c, NULL);
	else
		copy_fieldf(c, "%lld.%02lld", (long long)(fen / 100), (long long)(fen % 100));
}

void gen_put_id(struct copy *c, long id)
{
	if (id <= 0)
		copy_field(c, NULL);
	else
		copy_int(c, id);
}

/* ---- the world ---- */

void gen_world_init(struct gen_world *w, struct db *db, uint64_t seed, long scale, int today)
{
	memset(w, 0, sizeof *w);
	w->db = db;
	w->seed = seed;
	w->scale = scale;
	w->today = today;
	gen_plan_counts(scale, &w->n);
	strbuf_init(&w->text);
	strbuf_addc(&w->text, '\0'); /* offset 0 is the empty string */
	db_error_init(&w->err);
}

static void links_free(struct gen_links *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

void gen_world_free(struct gen_world *w)
{
	for (int i = 0; i < w->norg; i++) {
		free(w->org[i].code);
		free(w->org[i].name);
		free(w->org[i].short_name);
	}
	free(w->org);
	for (int i = 0; i < w->nind; i++)
		free(w->ind[i].name);
	free(w->ind);
	free(w->ent);
	for (int i = 0; i < GEN_ROLES; i++)
		free(w->role[i].v);
	free(w->live.v);
	for (int i = 0; i < GEN_AREAS; i++)
		free(w->by_area[i].v);
	free(w->tally);
	free(w->food_licence);
	free(w->staff);
	free(w->staff_first);
	free(w->staff_n);
	free(w->staff_cred);
	links_free(&w->unreachable);
	links_free(&w->problems);
	links_free(&w->report_cases);
	links_free(&w->sampling_cases);
	links_free(&w->price_cases);
	links_free(&w->penalties);
	free(w->elev);
	free(w->lic);
	links_free(&w->samplings);
	strbuf_free(&w->text);
	db_error_free(&w->err);
}

static const char SQL_ORGS[] =
    "SELECT o.id, o.code, o.name, o.short_name, o.level, coalesce(p.code, '') "
    "FROM core.org_unit o LEFT JOIN core.org_unit p ON p.id = o.parent_id "
    "WHERE o.active ORDER BY o.id";
static const char SQL_INDUSTRIES[] =
    "SELECT code, section, name FROM core.industry WHERE level = 4 ORDER BY code";

/* The area of a district bureau's code: the gen_districts entry, or 经开区. */
static int area_of_code(const char *code)
{
	if (strncmp(code, "JK", 2) == 0)
		return GEN_AREA_JK;
	for (int i = 0; i < gen_district_count; i++)
		if (strncmp(code, gen_districts[i].org_code, 2) == 0)
			return i;
	return -1;
}

static void load_orgs(struct gen_world *w, PGresult *res)
{
	int n = PQntuples(res);
	w->org = xcalloc((size_t)n, sizeof *w->org);
	w->norg = n;
	w->city = -1;
	for (int i = 0; i < GEN_AREAS; i++) {
		w->area[i].district = -1;
		w->area[i].d = &gen_districts[i == GEN_AREA_JK ? 2 : i];
	}
	for (int i = 0; i < n; i++) {
		struct gen_org *o = &w->org[i];
		o->id = atol(PQgetvalue(res, i, 0));
		o->code = xstrdup(PQgetvalue(res, i, 1));
		o->name = xstrdup(PQgetvalue(res, i, 2));
		o->short_name = xstrdup(PQgetvalue(res, i, 3));
		const char *level = PQgetvalue(res, i, 4);
		o->level = strcmp(level, "city") == 0 ? 0 : strcmp(level, "district") == 0 ? 1 : 2;
		o->area = o->level == 0 ? -1 : area_of_code(o->code);
		o->parent = -1;
	}
	for (int i = 0; i < n; i++) {
		struct gen_org *o = &w->org[i];
		const char *parent = PQgetvalue(res, i, 5);
		for (int j = 0; j < n && *parent; j++)
			if (strcmp(w->org[j].code, parent) == 0)
				o->parent = j;
		if (o->level == 0)
			w->city = i;
		else if (o->area >= 0 && o->level == 1)
			w->area[o->area].district = i;
		else if (o->area >= 0 && w->area[o->area].nstations < 8)
			w->area[o->area].stations[w->area[o->area].nstations++] = i;
	}
}

static enum status fail(struct gen_world *w, enum status st, const char *msg)
{
	if (w->st == ST_OK) {
		w->st = st;
		db_error_set(&w->err, st, msg);
	}
	return w->st;
}

enum status gen_world_load(struct gen_world *w)
{
	PGresult *res = db_exec(w->db, SQL_ORGS, 0, NULL, &w->err);
	if (!res)
		return w->st = w->err.status ? w->err.status : ST_ERROR;
	load_orgs(w, res);
	PQclear(res);
	if (w->city < 0)
		return fail(w, ST_NOTFOUND, "core.org_unit: no city bureau");
	for (int i = 0; i < GEN_AREAS; i++)
		if (w->area[i].district < 0 || w->area[i].nstations == 0)
			return fail(w, ST_NOTFOUND,
			            "core.org_unit: a district bureau or its stations are missing");
	res = db_exec(w->db, SQL_INDUSTRIES, 0, NULL, &w->err);
	if (!res)
		return w->st = w->err.status ? w->err.status : ST_ERROR;
	w->nind = PQntuples(res);
	w->ind = xcalloc((size_t)w->nind + 1, sizeof *w->ind);
	for (int i = 0; i < w->nind; i++) {
		snprintf(w->ind[i].code, sizeof w->ind[i].code, "%s", PQgetvalue(res, i, 0));
		w->ind[i].section = PQgetvalue(res, i, 1)[0];
		w->ind[i].name = xstrdup(PQgetvalue(res, i, 2));
	}
	PQclear(res);
	if (w->nind == 0)
		return fail(w, ST_NOTFOUND, "core.industry: no GB/T 4754 classes");
	return ST_OK;
}

void gen_stream(const struct gen_world *w, struct rng *r, const char *table)
{
	/* FNV-1a of the table's name: a stream of its own */
	uint64_t h = 0xcbf29ce484222325ULL;
	for (const char *p = table; *p; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
	rng_seed(r, w->seed, h);
}

uint32_t gen_keep(struct gen_world *w, const char *s)
{
	uint32_t off = (uint32_t)w->text.len;
	strbuf_addn(&w->text, s, strlen(s) + 1);
	return off;
}

const char *gen_text_at(const struct gen_world *w, uint32_t off)
{
	return w->text.buf + off;
}

int gen_alive(const struct gen_world *w, long i, int day)
{
	const struct gen_ent *e = &w->ent[i];
	return e->born <= day && (e->ended == GEN_NULL || e->ended > day);
}

int gen_ent_district(const struct gen_world *w, long i)
{
	return w->area[w->ent[i].area].district;
}

const struct gen_district *gen_area_district(const struct gen_world *w, int area)
{
	return w->area[area].d;
}

static int role_slot(uint32_t role)
{
	int b = 0;
	while (b < GEN_ROLES && !(role & (1u << b)))
		b++;
	return b;
}

static long pick_from(const struct gen_world *w, const struct gen_list *l, struct rng *r, int day,
                      double skew)
{
	if (l->n == 0)
		return -1;
	for (int tries = 0; tries < 8; tries++) {
		double u = rng_unit(r);
		long k = (long)((double)l->n * (skew > 1 ? pow(u, skew) : u));
		if (k >= l->n)
			k = l->n - 1;
		long i = l->v[k];
		if (day == GEN_NULL || gen_alive(w, i, day))
			return i;
	}
	return -1;
}

long gen_pick_ent(struct gen_world *w, struct rng *r, uint32_t role, int day, double skew)
{
	const struct gen_list *l = role ? &w->role[role_slot(role)] : &w->live;
	return pick_from(w, l, r, day, skew);
}

long gen_pick_ent_kind(struct gen_world *w, struct rng *r, uint32_t role, int kind, int day)
{
	for (int tries = 0; tries < 12; tries++) {
		long i = gen_pick_ent(w, r, role, day, 1);
		if (i >= 0 && w->ent[i].kind == kind)
			return i;
	}
	return -1;
}

long gen_pick_ent_in(struct gen_world *w, struct rng *r, int area, uint32_t role, int day)
{
	const struct gen_list *l = &w->by_area[area];
	if (l->n == 0)
		return -1;
	for (int tries = 0; tries < 24; tries++) {
		long i = l->v[rng_below(r, (uint64_t)l->n)];
		if ((!role || (w->ent[i].roles & role)) &&
		    (day == GEN_NULL || gen_alive(w, i, day)))
			return i;
	}
	return -1;
}

int gen_pick_staff(struct gen_world *w, struct rng *r, int org, int credentialed)
{
	/* the org's own staff, else its district bureau's */
	for (int pass = 0; pass < 2 && org >= 0 && w->staff_first; pass++) {
		int n = credentialed ? w->staff_cred[org] : w->staff_n[org];
		if (n > 0)
			return w->staff_first[org] + (int)rng_below(r, (uint64_t)n);
		org = w->org[org].parent;
	}
	return -1;
}

const char *gen_org_abbr(const struct gen_world *w, int org)
{
	static const char *const abbr[GEN_AREAS] = {"锡梁", "锡新", "锡滨", "锡惠",
	                                            "锡锡", "澄",   "宜",   "锡经"};
	if (org < 0 || w->org[org].area < 0)
		return "锡";
	return abbr[w->org[org].area];
}

void gen_links_add(struct gen_links *l, uint32_t id, uint32_t ent, int day, int org, int extra)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 1024;
		l->v = xrealloc(l->v, (size_t)l->cap * sizeof *l->v);
	}
	l->v[l->n++] = (struct gen_link){id, ent, day, (int16_t)org, (int16_t)extra};
}

void gen_list_add(struct gen_list *l, uint32_t v)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 1024;
		l->v = xrealloc(l->v, (size_t)l->cap * sizeof *l->v);
	}
	l->v[l->n++] = v;
}

/* ---- the sink ---- */

#define GEN_CHUNK 250000

double gen_clock(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static enum status sink_fail(struct gen_sink *s)
{
	struct gen_world *w = s->w;
	if (w->st == ST_OK)
		w->st = w->err.status ? w->err.status : ST_ERROR;
	return w->st;
}

enum status gen_sink_open(struct gen_world *w, struct gen_sink *s, const char *table,
                          const char *copy_sql)
{
	memset(s, 0, sizeof *s);
	s->w = w;
	s->table = table;
	s->sql = copy_sql;
	s->started = gen_clock();
	if (w->st != ST_OK)
		return w->st;
	if (copy_begin(&s->c, w->db, copy_sql, &w->err) != ST_OK)
		return sink_fail(s);
	s->open = 1;
	return ST_OK;
}

enum status gen_sink_begin(struct gen_world *w, struct gen_sink *s, struct rng *r,
                           const char *table, const char *copy_sql)
{
	gen_stream(w, r, table);
	return gen_sink_open(w, s, table, copy_sql);
}

enum status gen_sink_row(struct gen_sink *s)
{
	struct gen_world *w = s->w;
	if (!s->open)
		return w->st ? w->st : ST_ERROR;
	if (copy_row(&s->c) != ST_OK) {
		s->open = 0;
		copy_end(&s->c, &w->err);
		return sink_fail(s);
	}
	s->rows++;
	if (++s->chunk >= GEN_CHUNK) {
		s->chunk = 0;
		s->open = 0;
		if (copy_end(&s->c, &w->err) != ST_OK)
			return sink_fail(s);
		if (copy_begin(&s->c, w->db, s->sql, &w->err) != ST_OK)
			return sink_fail(s);
		s->open = 1;
	}
	return ST_OK;
}

static void note_audit(struct gen_sink *s)
{
	struct gen_world *w = s->w;
	struct strbuf detail = STRBUF_INIT;
	strbuf_addf(&detail, "{\"table\": \"%s\", \"rows\": %ld, \"seed\": %llu, \"scale\": %ld}",
	            s->table, s->rows, (unsigned long long)w->seed, w->scale);
	const char *params[] = {strbuf_str(&detail)};
	if (db_command(w->db, "SELECT audit.note('generate', $1::jsonb)", 1, params, &w->err) !=
	    ST_OK)
		sink_fail(s);
	strbuf_free(&detail);
}

enum status gen_sink_close(struct gen_sink *s)
{
	struct gen_world *w = s->w;
	if (s->open) {
		s->open = 0;
		if (copy_end(&s->c, &w->err) != ST_OK)
			return sink_fail(s);
	}
	if (w->st != ST_OK)
		return w->st;
	if (w->audit_note)
		note_audit(s);
	w->total_rows += s->rows;
	if (w->progress && w->st == ST_OK)
		w->progress(w->progress_arg, s->table, s->rows, gen_clock() - s->started);
	return w->st;
}

/* core.licence_kind codes, in the order of gen_lic.kind. */
const char *const gen_licence_kinds[] = {
    "food_production",
    "food_business",
    "food_small_workshop",
    "drug_wholesale",
    "drug_retail",
    "cosmetic_production",
    "device_business_class3",
    "device_business_class2",
    "industrial_product",
    "special_equipment_production",
    "special_equipment_use",
    "metrology_standard",
    "inspection_body_cma",
    "advertisement_review",
    NULL,
};
const char *const gen_lic_status_codes[] = {"valid", "expired", "suspended", "revoked",
                                            "cancelled"};

void gen_lic_add(struct gen_world *w, const struct gen_lic *l)
{
	if (w->nlic == w->caplic) {
		w->caplic = w->caplic ? w->caplic * 2 : 4096;
		w->lic = xrealloc(w->lic, (size_t)w->caplic * sizeof *w->lic);
	}
	w->lic[w->nlic++] = *l;
}
