/* Licences: food production (SC) and food business (JY) licences for the
 * businesses that need them, drug, cosmetic and medical-device licences and
 * filings for pharmacies, wholesalers and makers, and the register of every
 * licence decision (supervision.licence), written once the other themes
 * (labs, maintenance units, licensed products) have added theirs. */
#include <string.h>

#include "gen/gen_themes.h"

static const char SQL_FOOD[] =
    "COPY fooddrug.food_licence (id, licence_no, kind, entity_id, business_form, business_items, "
    "food_categories, premises_address, issuing_org_id, issuing_authority, issued_on, valid_to, "
    "status, "
    "status_changed_on, source_system) FROM STDIN";
static const char SQL_PHARMA[] = "COPY fooddrug.pharma_licence (id, kind, licence_no, entity_id, "
                                 "business_scope, premises_address, "
                                 "warehouse_address, issuing_org_id, issuing_authority, issued_on, "
                                 "valid_to, status, status_changed_on, "
                                 "source_system) FROM STDIN";
static const char SQL_LICENCE[] =
    "COPY supervision.licence (id, licence_kind_code, licence_no, entity_id, content, decision_no, "
    "issuing_org_id, issuing_authority, issued_on, valid_from, valid_to, status, "
    "status_changed_on, "
    "source_system) FROM STDIN";

/* The current term of a licence first issued on first, renewed every
 * years, for an entity alive until last: issued, valid_to, status, changed. */
struct term {
	int issued, valid_to, changed, status;
};

static void licence_term(const struct gen_world *w, struct rng *r, long i, int first, int years,
                         struct term *t)
{
	const struct gen_ent *e = &w->ent[i];
	int last = e->ended == GEN_NULL ? w->today - 1 : e->ended - 1;
	int len = years * 365 + years / 4;
	if (first > last)
		first = last;
	t->issued = first;
	while (t->issued + len <= last)
		t->issued += len;
	/* a few let the licence lapse instead of renewing it */
	if (t->issued > first && e->ended == GEN_NULL && rng_chance(r, 0.04))
		t->issued -= len;
	t->valid_to = t->issued + len - 1;
	t->changed = GEN_NULL;
	t->status = t->valid_to < w->today ? GL_EXPIRED : GL_VALID;
	if (e->ended != GEN_NULL) {
		t->status =
		    e->status == GS_REVOKED && rng_chance(r, 0.3) ? GL_REVOKED : GL_CANCELLED;
		t->changed = e->ended > t->issued ? e->ended : t->issued;
	} else if (rng_chance(r, 0.005)) {
		t->status = GL_SUSPENDED;
		t->changed = gen_day_between(r, t->issued, w->today - 1);
	}
}

static int digit_sum(const char *s)
{
	int v = 0;
	for (; *s; s++)
		if (*s >= '0' && *s <= '9')
			v += *s - '0';
	return v % 10;
}

/* SC food category (3 digits) and its name for a food maker's industry. */
static void sc_category(const char *code, int *cat, const char **name)
{
	static const struct {
		const char *prefix;
		int cat;
		const char *name;
	} map[] = {
	    {"131", 101, "粮食加工品"},
	    {"133", 102, "食用油、油脂及其制品"},
	    {"135", 104, "肉制品"},
	    {"136", 122, "水产制品"},
	    {"141", 124, "糕点"},
	    {"143", 111, "速冻食品"},
	    {"144", 105, "乳制品"},
	    {"146", 103, "调味品"},
	    {"151", 115, "酒类"},
	    {"152", 106, "饮料"},
	    {"153", 114, "茶叶及相关制品"},
	    {"13", 131, "其他食品"},
	    {"14", 108, "饼干"},
	    {"15", 106, "饮料"},
	};
	for (size_t k = 0; k < sizeof map / sizeof map[0]; k++)
		if (strncmp(code, map[k].prefix, strlen(map[k].prefix)) == 0) {
			*cat = map[k].cat;
			*name = map[k].name;
			return;
		}
	*cat = 131;
	*name = "其他食品";
}

static void add_register(struct gen_world *w, long i, const char *no, const char *content, int kind,
                         int org, const struct term *t)
{
	struct gen_lic l = {(uint32_t)i,  gen_keep(w, no), gen_keep(w, content),
	                    t->issued,    t->valid_to,     t->changed,
	                    (int16_t)org, (uint8_t)kind,   (uint8_t)t->status};
	gen_lic_add(w, &l);
}

static void food_row(struct gen_sink *s, struct gen_world *w, struct rng *r, long i, int maker,
                     int canteen, long id, long *serial)
{
	const struct gen_ent *e = &w->ent[i];
	int district = gen_ent_district(w, i);
	const char *div = gen_area_district(w, e->area)->division;
	int counter = e->area == GEN_AREA_JK ? 2 : e->area; /* 经开区 numbers in 滨湖区's series */
	int first = e->born > gen_day(2015, 10, 1) ? e->born : gen_day(2015, 10, 1);
	struct term t;
	licence_term(w, r, i, first + (int)rng_below(r, 45), 5, &t);
	struct strbuf no = STRBUF_INIT;
	const char *catname = NULL;
	if (maker) {
		int cat;
		sc_category(w->ind[e->industry].code, &cat, &catname);
		strbuf_addf(&no, "SC%03d3202%.2s%04ld", cat, div + 4, ++serial[counter] % 10000);
	} else {
		int type = canteen ? 3 : (e->roles & GR_CATERING) ? 2 : 1;
		strbuf_addf(&no, "JY%d%.6s%06ld", type, div,
		            ++serial[GEN_AREAS + counter] % 1000000);
	}
	strbuf_addf(&no, "%d", digit_sum(strbuf_str(&no)));
	copy_int(&s->c, id);
	copy_field(&s->c, strbuf_str(&no));
	copy_field(&s->c, maker ? "production" : "business");
	copy_int(&s->c, i + 1);
	copy_field(&s->c, maker                      ? NULL
	                  : canteen                  ? "canteen"
	                  : (e->roles & GR_CATERING) ? "catering"
	                                             : "food_sales");
	copy_field(&s->c, maker ? NULL
	                  : (e->roles & GR_CATERING) || canteen
	                      ? "热食类食品制售；冷食类食品制售"
	                      : "预包装食品（含冷藏冷冻食品）销售；散装食品（含熟食）销售");
	if (maker)
		copy_fieldf(&s->c, "{%s}", catname);
	else
		copy_field(&s->c, "{}");
	copy_field(&s->c, gen_text_at(w, e->addr));
	copy_int(&s->c, w->org[district].id);
	copy_field(&s->c, w->org[district].name);
	gen_put_date(&s->c, t.issued);
	gen_put_date(&s->c, t.valid_to);
	copy_field(&s->c, gen_lic_status_codes[t.status]);
	gen_put_date(&s->c, t.changed);
	copy_field(&s->c, "食品生产经营许可系统");
	gen_sink_row(s);
	add_register(w, i, strbuf_str(&no), maker ? catname : "食品经营", maker ? 0 : 1, district,
	             &t);
	w->food_licence[i] = (uint32_t)id;
	strbuf_free(&no);
}

static enum status write_food(struct gen_world *w)
{
	struct gen_sink s;
	struct rng r;
	long id = 0, serial[2 * GEN_AREAS] = {0};
	if (gen_sink_begin(w, &s, &r, "fooddrug.food_licence", SQL_FOOD) != ST_OK)
		return w->st;
	for (long i = 0; i < w->n.entities && w->st == ST_OK; i++) {
		const struct gen_ent *e = &w->ent[i];
		if (e->ended != GEN_NULL && e->ended < gen_day(2015, 11, 1))
			continue;
		if ((e->roles & GR_FOOD_MAKER) && rng_chance(&r, 0.9))
			food_row(&s, w, &r, i, 1, 0, ++id, serial);
		else if ((e->roles & (GR_FOOD_SALE | GR_CATERING)) && rng_chance(&r, 0.85))
			food_row(&s, w, &r, i, 0, 0, ++id, serial);
		else if ((e->roles & GR_MAKER) && e->kind == GK_ENTERPRISE && rng_chance(&r, 0.04))
			food_row(&s, w, &r, i, 0, 1, ++id, serial);
	}
	return gen_sink_close(&s);
}

/* What pharmaceutical licences an entity holds, by its industry. */
struct pharma_kind {
	const char *kind, *prefix, *scope;
	int style; /* 0 prefix + 7 digits, 1 prefix + year + 6 digits + 号, 2 prefix + 8 digits, 3 +
	              号 */
	int years, provincial, reg_kind; /* reg_kind: index into gen_licence_kinds, -1 none */
	double share;
};

static const struct pharma_kind retail = {
    "drug_retail",
    "苏DA",
    "处方药、甲类非处方药、乙类非处方药：中成药、化学药制剂、抗生素制剂、生物制品",
    0,
    5,
    0,
    4,
    0.92};
static const struct pharma_kind filing2 = {"device_filing_class2",
                                           "苏锡药监械经营备",
                                           "第二类医疗器械（不含体外诊断试剂）",
                                           1,
                                           0,
                                           0,
                                           7,
                                           0.6};
static const struct pharma_kind class3 = {
    "device_business_class3",
    "苏锡药监械经营许",
    "第三类医疗器械：6815 注射穿刺器械，6866 医用高分子材料及制品",
    1,
    5,
    0,
    6,
    0.3};
static const struct pharma_kind wholesale = {
    "drug_wholesale",
    "苏AA",
    "中药饮片、中成药、化学药制剂、抗生素制剂、生化药品、生物制品",
    0,
    5,
    1,
    3,
    0.9};
static const struct pharma_kind drugmaker = {
    "drug_production", "苏", "片剂、硬胶囊剂、颗粒剂", 2, 5, 1, -1, 0.8};
static const struct pharma_kind cosmetic = {
    "cosmetic_production", "苏妆", "一般液态单元、膏霜乳液单元", 2, 5, 1, 5, 0.8};
static const struct pharma_kind devicemaker = {
    "device_production", "苏药监械生产许", "第二类医疗器械生产", 3, 5, 1, -1, 0.7};

static int pharma_kinds(const char *code, const struct pharma_kind **k)
{
	int n = 0;
	if (!strncmp(code, "5251", 4) || !strncmp(code, "5252", 4)) {
		k[n++] = &retail;
		k[n++] = &filing2;
	} else if (!strncmp(code, "5254", 4) || !strncmp(code, "5154", 4)) {
		k[n++] = &filing2;
		k[n++] = &class3;
	} else if (!strncmp(code, "5151", 4) || !strncmp(code, "5152", 4)) {
		k[n++] = &wholesale;
	} else if (!strncmp(code, "27", 2)) {
		k[n++] = &drugmaker;
	} else if (!strncmp(code, "2682", 4)) {
		k[n++] = &cosmetic;
	} else if (!strncmp(code, "358", 3)) {
		k[n++] = &devicemaker;
	}
	return n;
}

static void pharma_row(struct gen_sink *s, struct gen_world *w, struct rng *r, long i,
                       const struct pharma_kind *k, long id)
{
	const struct gen_ent *e = &w->ent[i];
	int district = gen_ent_district(w, i);
	int last = e->ended == GEN_NULL ? w->today - 1 : e->ended - 1;
	int first = gen_day_between(r, e->born, e->born + 90 < last ? e->born + 90 : last);
	struct term t;
	if (k->years)
		licence_term(w, r, i, first, k->years, &t);
	else
		t = (struct term){first, GEN_NULL, GEN_NULL, GL_VALID};
	if (!k->years && e->ended != GEN_NULL)
		t.status = GL_CANCELLED, t.changed = e->ended > first ? e->ended : first;
	struct strbuf no = STRBUF_INIT;
	switch (k->style) {
	case 0: strbuf_addf(&no, "%s%07ld", k->prefix, id); break;
	case 1: strbuf_addf(&no, "%s%d%06ld号", k->prefix, gen_year(t.issued), id); break;
	case 2: strbuf_addf(&no, "%s%08ld", k->prefix, id); break;
	default: strbuf_addf(&no, "%s%08ld号", k->prefix, id); break;
	}
	const char *authority = k->provincial ? "江苏省药品监督管理局" : w->org[district].name;
	copy_int(&s->c, id);
	copy_field(&s->c, k->kind);
	copy_field(&s->c, strbuf_str(&no));
	copy_int(&s->c, i + 1);
	copy_field(&s->c, k->scope);
	copy_field(&s->c, gen_text_at(w, e->addr));
	copy_field(&s->c, k == &wholesale ? gen_text_at(w, e->addr) : NULL);
	if (k->provincial)
		copy_field(&s->c, NULL);
	else
		copy_int(&s->c, w->org[district].id);
	copy_field(&s->c, authority);
	gen_put_date(&s->c, t.issued);
	gen_put_date(&s->c, t.valid_to);
	copy_field(&s->c, gen_lic_status_codes[t.status]);
	gen_put_date(&s->c, t.changed);
	copy_field(&s->c, "药品医疗器械监管系统");
	gen_sink_row(s);
	if (k->reg_kind >= 0)
		add_register(w, i, strbuf_str(&no), k->scope, k->reg_kind,
		             k->provincial ? -1 : district, &t);
	strbuf_free(&no);
}

static enum status write_pharma(struct gen_world *w)
{
	struct gen_sink s;
	struct rng r;
	long id = 0;
	if (gen_sink_begin(w, &s, &r, "fooddrug.pharma_licence", SQL_PHARMA) != ST_OK)
		return w->st;
	for (long i = 0; i < w->n.entities && w->st == ST_OK; i++) {
		const struct pharma_kind *k[2];
		int n = pharma_kinds(w->ind[w->ent[i].industry].code, k);
		for (int j = 0; j < n; j++)
			if (rng_chance(&r, k[j]->share))
				pharma_row(&s, w, &r, i, k[j], ++id);
	}
	return gen_sink_close(&s);
}

enum status gen_write_licences(struct gen_world *w)
{
	if (write_food(w) == ST_OK)
		write_pharma(w);
	return w->st;
}

enum status gen_write_licence_register(struct gen_world *w)
{
	struct gen_sink s;
	if (gen_sink_open(w, &s, "supervision.licence", SQL_LICENCE) != ST_OK)
		return w->st;
	long per_year[8][100] = {{0}};
	for (long k = 0; k < w->nlic && w->st == ST_OK; k++) {
		const struct gen_lic *l = &w->lic[k];
		int area = l->org >= 0 && w->org[l->org].area >= 0 ? w->org[l->org].area : 0;
		int y = gen_year(l->issued);
		long n = ++per_year[area][y % 100];
		copy_int(&s.c, k + 1);
		copy_field(&s.c, gen_licence_kinds[l->kind]);
		copy_field(&s.c, gen_text_at(w, l->no));
		copy_int(&s.c, l->ent + 1);
		copy_field(&s.c, gen_text_at(w, l->content));
		if (l->org >= 0)
			copy_fieldf(&s.c, "%s市监许〔%d〕%ld号", gen_org_abbr(w, l->org), y, n);
		else
			copy_fieldf(&s.c, "苏市监许〔%d〕%ld号", y, 100000 + k);
		if (l->org >= 0)
			copy_int(&s.c, w->org[l->org].id);
		else
			copy_field(&s.c, NULL);
		copy_field(&s.c, l->org >= 0 ? w->org[l->org].name : "江苏省市场监督管理局");
		gen_put_date(&s.c, l->issued);
		gen_put_date(&s.c, l->issued);
		gen_put_date(&s.c, l->valid_to);
		copy_field(&s.c, gen_lic_status_codes[l->status]);
		gen_put_date(&s.c, l->changed);
		copy_field(&s.c, "行政许可信息公示系统");
		gen_sink_row(&s);
	}
	return gen_sink_close(&s);
}
