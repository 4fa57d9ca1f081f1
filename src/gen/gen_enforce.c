/* Enforcement cases and administrative penalties. Cases come from
 * inspections that found problems, reports (the report that opened a case
 * is written with the complaints), failed samples, price checks and daily
 * supervision; most end in a penalty decision with its measures. */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "gen/gen_themes.h"

static const char SQL_CASE[] =
    "COPY supervision.enforcement_case (id, case_no, deciding_org_id, entity_id, party_name, "
    "party_kind, "
    "party_id_no, violation_category_code, cause, source, inspection_result_id, procedure, "
    "clue_received_on, filed_on, status, decided_on, closed_on, closure, source_system) FROM STDIN";
static const char SQL_OFFICER[] =
    "COPY supervision.case_officer (case_id, staff_id, is_lead) FROM STDIN";
static const char SQL_PENALTY[] =
    "COPY supervision.penalty (id, decision_no, case_id, deciding_org_id, entity_id, party_name, "
    "party_id_no, violation_category_code, illegal_facts, legal_basis, decided_on, status, "
    "executed_on, "
    "published_at, publicity_ends_on, source_system) FROM STDIN";
static const char SQL_MEASURE[] = "COPY supervision.penalty_measure (penalty_id, deciding_org_id, "
                                  "kind_code, amount, detail) FROM STDIN";

enum source {
	SRC_INSPECTION,
	SRC_COMPLAINT,
	SRC_REPORT,
	SRC_SAMPLING,
	SRC_MONITORING,
	SRC_TRANSFER,
	SRC_OTHER
};
static const char *const sources[] = {"inspection", "complaint", "report", "sampling",
                                      "monitoring", "transfer",  "other"};
enum closure { CL_NONE, CL_PENALTY, CL_NO_PENALTY, CL_JUDICIAL, CL_OTHER, CL_WITHDRAWN };
static const char *const closures[] = {
    NULL, "penalty", "no_penalty", "transferred_judicial", "transferred_other", "withdrawn"};

/* Violation categories: code, causes, legal basis, fine range (元). */
static const struct {
	const char *code, *cause[3], *basis;
	int fine_lo, fine_hi;
} cats[] = {
    {"unlicensed",
     {"涉嫌无照经营", "涉嫌无证经营食品", "涉嫌无证从事药品经营"},
     "《无证无照经营查处办法》第十三条",
     1000,
     50000},
    {"registration",
     {"涉嫌未按规定办理变更登记", "涉嫌提交虚假材料取得登记", "涉嫌未按规定公示年度报告"},
     "《中华人民共和国市场主体登记管理条例》第四十六条",
     1000,
     10000},
    {"advertising",
     {"涉嫌发布虚假广告", "涉嫌在广告中使用“国家级”“最高级”等用语", "涉嫌发布未经审查的医疗广告"},
     "《中华人民共和国广告法》第五十五条",
     10000,
     200000},
    {"unfair_competition",
     {"涉嫌虚假宣传", "涉嫌实施混淆行为", "涉嫌商业贿赂"},
     "《中华人民共和国反不正当竞争法》第二十条",
     20000,
     200000},
    {"price",
     {"涉嫌不明码标价", "涉嫌利用虚假的或者使人误解的价格手段诱骗消费者", "涉嫌违规收费"},
     "《中华人民共和国价格法》第四十二条",
     2000,
     50000},
    {"food_safety",
     {"涉嫌经营超过保质期的食品", "涉嫌生产经营不符合食品安全标准的食品",
      "涉嫌未按规定查验供货者许可证和产品合格证明"},
     "《中华人民共和国食品安全法》第一百二十四条",
     5000,
     100000},
    {"drug_device_cosmetic",
     {"涉嫌从无资质企业购进药品", "涉嫌未凭处方销售处方药", "涉嫌经营无注册证的医疗器械"},
     "《中华人民共和国药品管理法》第一百二十九条",
     10000,
     150000},
    {"product_quality",
     {"涉嫌生产不合格产品", "涉嫌在产品中掺杂、掺假，以次充好", "涉嫌无证生产列入目录的工业产品"},
     "《中华人民共和国产品质量法》第四十九条",
     10000,
     200000},
    {"special_equipment",
     {"涉嫌使用未经定期检验的电梯", "涉嫌未对电梯进行经常性维护保养",
      "涉嫌使用未办理使用登记的特种设备"},
     "《中华人民共和国特种设备安全法》第八十四条",
     30000,
     300000},
    {"metrology",
     {"涉嫌使用未经检定的计量器具", "涉嫌破坏计量器具准确度", "涉嫌使用不合格的计量器具"},
     "《中华人民共和国计量法实施细则》第四十三条",
     1000,
     10000},
    {"certification",
     {"涉嫌伪造、冒用认证证书", "涉嫌未经认证擅自出厂列入目录的产品", "涉嫌出具虚假检验检测报告"},
     "《中华人民共和国认证认可条例》第六十六条",
     30000,
     200000},
    {"trademark_patent",
     {"涉嫌销售侵犯注册商标专用权的商品", "涉嫌假冒专利", "涉嫌冒充注册商标"},
     "《中华人民共和国商标法》第六十条",
     5000,
     250000},
    {"consumer_rights",
     {"涉嫌拒不退还消费者预付款", "涉嫌销售商品以假充真",
      "涉嫌故意拖延或者无理拒绝消费者的合理要求"},
     "《中华人民共和国消费者权益保护法》第五十六条",
     2000,
     50000},
    {"e_commerce",
     {"涉嫌网店未公示营业执照信息", "涉嫌刷单炒信、虚构交易", "涉嫌擅自删除消费者评价"},
     "《中华人民共和国电子商务法》第七十六条",
     2000,
     100000},
    {"pyramid_selling",
     {"涉嫌组织策划传销", "涉嫌违规直销", "涉嫌介绍、诱骗他人参加传销"},
     "《禁止传销条例》第二十四条",
     50000,
     500000},
    {"other",
     {"涉嫌违反市场监督管理法律法规", "涉嫌拒绝、阻碍监督检查", "涉嫌其他违法行为"},
     "《中华人民共和国行政处罚法》第二十八条",
     1000,
     20000},
};
#define NCATS ((int)(sizeof cats / sizeof cats[0]))

struct ecase {
	uint32_t ent; /* UINT32_MAX: a natural person */
	uint32_t result_id;
	int32_t clue, filed, decided, closed, executed; /* GEN_NULL when not (yet) */
	int32_t fine;                                   /* 元, 0 = none */
	int16_t org;
	uint8_t source, cat, summary, closure, status, pstatus;
	uint8_t measures; /* bits: warning, fine, confiscate income, confiscate property, suspend,
	                     revoke */
	uint16_t officer[3];
	uint8_t nofficer;
};

enum { CS_FILED, CS_INVESTIGATING, CS_PENDING, CS_DECIDED, CS_EXECUTED, CS_CLOSED, CS_WITHDRAWN };
static const char *const case_status[] = {
    "filed", "investigating", "pending_decision", "decided", "executed", "closed", "withdrawn"};

static int find_cat(const char *code)
{
	for (int k = 0; k < NCATS; k++)
		if (strcmp(cats[k].code, code) == 0)
			return k;
	return NCATS - 1;
}

static int category_for(struct rng *r, const struct gen_ent *e, int source)
{
	if (source == SRC_MONITORING)
		return find_cat("price");
	if (source == SRC_SAMPLING)
		return find_cat((e->roles & (GR_PHARMACY | GR_DEVICE)) ? "drug_device_cosmetic"
		                                                       : "food_safety");
	uint32_t roles = e->roles;
	double u = rng_unit(r);
	if ((roles & (GR_FOOD_SALE | GR_CATERING | GR_FOOD_MAKER)) && u < 0.65)
		return find_cat("food_safety");
	if ((roles & (GR_PHARMACY | GR_DEVICE)) && u < 0.7)
		return find_cat("drug_device_cosmetic");
	if ((roles & GR_MAKER) && u < 0.6)
		return find_cat(u < 0.4   ? "product_quality"
		                : u < 0.5 ? "trademark_patent"
		                          : "certification");
	if ((roles & (GR_ESTATE | GR_HOTEL | GR_SHOP)) && u < 0.25)
		return find_cat("special_equipment");
	if ((roles & (GR_STALL | GR_FUEL)) && u < 0.4)
		return find_cat("metrology");
	if ((roles & GR_CONSUMER) && u < 0.8) {
		static const char *const c[] = {"consumer_rights", "price", "advertising",
		                                "unfair_competition", "e_commerce"};
		static const int wt[] = {35, 25, 20, 10, 10};
		return find_cat(c[rng_weighted(r, wt, 5)]);
	}
	static const char *const c[] = {"registration", "advertising", "unfair_competition",
	                                "other", "pyramid_selling"};
	static const int wt[] = {40, 20, 15, 24, 1};
	return find_cat(c[rng_weighted(r, wt, 5)]);
}

/* The case's course from its clue, cut at the as-of date. */
static void course(const struct gen_world *w, struct rng *r, struct ecase *c)
{
	int h = w->today;
	c->summary = c->source != SRC_REPORT && c->ent != UINT32_MAX && rng_chance(r, 0.08);
	double u = rng_unit(r);
	c->closure = c->summary ? CL_PENALTY
	             : u < 0.72 ? CL_PENALTY
	             : u < 0.86 ? CL_NO_PENALTY
	             : u < 0.88 ? CL_JUDICIAL
	             : u < 0.93 ? CL_OTHER
	                        : CL_WITHDRAWN;
	c->filed = c->summary ? GEN_NULL : c->clue + 3 + (int)rng_below(r, 12);
	c->decided = c->summary ? c->clue : c->filed + 30 + (int)rng_below(r, 90);
	c->executed = c->summary ? c->decided : c->decided + 5 + (int)rng_below(r, 40);
	c->closed = c->summary ? c->clue : c->executed + 5 + (int)rng_below(r, 30);
	if (c->closure == CL_WITHDRAWN || c->closure == CL_JUDICIAL || c->closure == CL_OTHER) {
		c->decided = c->closure == CL_WITHDRAWN ? GEN_NULL : c->decided;
		c->executed = GEN_NULL;
		c->closed = c->filed + 20 + (int)rng_below(r, 60);
		if (c->closure != CL_WITHDRAWN)
			c->decided = GEN_NULL;
	}
	if (c->closure == CL_NO_PENALTY)
		c->executed = GEN_NULL;
	/* where it stands on the as-of date */
	if (c->closed < h) {
		c->status = c->closure == CL_WITHDRAWN ? CS_WITHDRAWN : CS_CLOSED;
		return;
	}
	c->closed = GEN_NULL;
	c->closure = c->closure == CL_PENALTY ? CL_PENALTY : CL_NONE;
	if (c->executed != GEN_NULL && c->executed < h)
		c->status = CS_EXECUTED;
	else if (c->decided != GEN_NULL && c->decided < h)
		c->status = CS_DECIDED, c->executed = GEN_NULL;
	else {
		c->decided = GEN_NULL;
		c->executed = GEN_NULL;
		c->status = c->filed + 60 < h  ? CS_PENDING
		            : c->filed + 7 < h ? CS_INVESTIGATING
		                               : CS_FILED;
		if (c->closure == CL_NONE)
			c->closure = CL_NONE;
	}
	if (c->status < CS_DECIDED)
		c->closure = CL_NONE;
}

static void add_case(struct gen_world *w, struct rng *r, struct ecase **v, long *n, long *cap,
                     uint32_t ent, int day, int source, uint32_t result_id)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 4096;
		*v = xrealloc(*v, (size_t)*cap * sizeof **v);
	}
	struct ecase *c = &(*v)[(*n)++];
	memset(c, 0, sizeof *c);
	c->ent = ent;
	c->clue = day;
	c->source = (uint8_t)source;
	c->result_id = result_id;
	c->org = (int16_t)(ent == UINT32_MAX ? w->area[rng_below(r, GEN_AREAS)].district
	                                     : gen_ent_district(w, ent));
	c->cat = (uint8_t)(ent == UINT32_MAX ? 0 : category_for(r, &w->ent[ent], source));
	course(w, r, c);
	if (c->filed != GEN_NULL && c->filed >= w->today) {
		(*n)--; /* only a clue so far: no case yet */
		return;
	}
	if (c->closure == CL_PENALTY && c->decided != GEN_NULL) {
		const int lo = cats[c->cat].fine_lo, hi = cats[c->cat].fine_hi;
		int fine = c->summary ? 200 + 100 * (int)rng_below(r, 29)
		                      : lo + (int)((double)(hi - lo) * rng_unit(r) * rng_unit(r));
		c->fine = fine / 100 * 100;
		c->measures =
		    (uint8_t)(2 | (rng_chance(r, 0.3) ? 1 : 0) | (rng_chance(r, 0.15) ? 4 : 0) |
		              (rng_chance(r, 0.08) ? 8 : 0));
		if (!c->summary && rng_chance(r, 0.01))
			c->measures |= 16;
		if (!c->summary && rng_chance(r, 0.005))
			c->measures |= 32;
		if (c->summary && rng_chance(r, 0.4))
			c->measures = 1, c->fine = 0;
		double p = rng_unit(r);
		c->pstatus = c->status == CS_DECIDED ? (p < 0.03    ? 2
		                                        : p < 0.045 ? 3
		                                                    : 0)
		             : p < 0.004             ? 4
		                                     : 1;
	}
	int org = c->org;
	int station = ent == UINT32_MAX ? org : w->ent[ent].station;
	int want = rng_chance(r, 0.8) ? 2 : 3, k = 0;
	for (int tries = 0; k < want && tries < 30; tries++) {
		int o = tries % 2 ? org : station;
		if (!w->staff_cred[o])
			continue;
		int s = w->staff_first[o] + (int)rng_below(r, (uint64_t)w->staff_cred[o]);
		int dup = 0;
		for (int j = 0; j < k; j++)
			dup |= c->officer[j] == s;
		if (!dup)
			c->officer[k++] = (uint16_t)s;
	}
	c->nofficer = (uint8_t)k;
}

/* Every case: from inspections, then reports, samples, price checks and the rest. */
static long plan_cases(struct gen_world *w, struct ecase **v)
{
	struct rng r;
	long n = 0, cap = 0;
	gen_stream(w, &r, "supervision.enforcement_case.plan");
	for (long k = 0; k < w->problems.n; k++) {
		const struct gen_link *l = &w->problems.v[k];
		double p = l->extra == 6 ? 0.7 : l->extra == 4 ? 0.5 : 0.15;
		if (rng_chance(&r, p))
			add_case(w, &r, v, &n, &cap, l->ent, l->day + 1 + (int)rng_below(&r, 10),
			         SRC_INSPECTION, l->id);
	}
	int rights_from = w->today - w->n.rights_years * 365;
	int insp_from = w->today - w->n.inspection_years * 365;
	struct {
		int source;
		long count;
		uint32_t role;
		int from;
	} kinds[] = {
	    {SRC_REPORT, (long)(w->n.reports * 0.045) + 1, 0, rights_from},
	    {SRC_SAMPLING, gen_plan_scaled(w->scale, 1800, 1),
	     GR_FOOD_SALE | GR_CATERING | GR_FOOD_MAKER, insp_from},
	    {SRC_MONITORING, gen_plan_scaled(w->scale, 4000, 1), GR_CONSUMER, insp_from},
	    {SRC_COMPLAINT, gen_plan_scaled(w->scale, 8000, 1), GR_CONSUMER, insp_from},
	    {SRC_TRANSFER, gen_plan_scaled(w->scale, 2000, 1), 0, insp_from},
	    {SRC_OTHER, gen_plan_scaled(w->scale, 20000, 2), 0, insp_from},
	};
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		for (long j = 0; j < kinds[k].count; j++) {
			int day = gen_day_between(&r, kinds[k].from, w->today - 1);
			long e = gen_pick_ent(w, &r, kinds[k].role, day - 30, 1.5);
			if (e < 0 && kinds[k].source == SRC_OTHER)
				e = UINT32_MAX; /* a natural person, 无照经营 */
			else if (e < 0)
				continue;
			add_case(w, &r, v, &n, &cap, (uint32_t)e, day, kinds[k].source, 0);
		}
	return n;
}

static void party_id(const struct gen_world *w, long k, struct strbuf *name, struct strbuf *id)
{
	struct rng r;
	rng_seed(&r, w->seed, 0x5041525459000000ULL | (uint64_t)k);
	gen_person_name(&r, name);
	gen_id_number(&r, 1960, 2000, id);
}

static void put_party(struct gen_sink *s, const struct gen_world *w, const struct ecase *c, long k,
                      int kind)
{
	struct strbuf name = STRBUF_INIT, id = STRBUF_INIT;
	if (c->ent == UINT32_MAX) {
		party_id(w, k, &name, &id);
		copy_field(&s->c, NULL);
		copy_field(&s->c, strbuf_str(&name));
		if (kind)
			copy_field(&s->c, "person");
		copy_field(&s->c, strbuf_str(&id));
	} else {
		copy_int(&s->c, c->ent + 1);
		copy_field(&s->c, gen_text_at(w, w->ent[c->ent].name));
		if (kind)
			copy_field(&s->c, "entity");
		copy_field(&s->c, NULL);
	}
	strbuf_free(&name);
	strbuf_free(&id);
}

static enum status write_cases(struct gen_world *w, const struct ecase *v, long n)
{
	struct gen_sink s;
	static long per_year[GEN_AREAS][128];
	memset(per_year, 0, sizeof per_year);
	if (gen_sink_open(w, &s, "supervision.enforcement_case", SQL_CASE) != ST_OK)
		return w->st;
	for (long k = 0; k < n && w->st == ST_OK; k++) {
		const struct ecase *c = &v[k];
		int y = gen_year(c->filed != GEN_NULL ? c->filed : c->clue);
		copy_int(&s.c, k + 1);
		copy_fieldf(&s.c, "%s市监案立〔%d〕%ld号", gen_org_abbr(w, c->org), y,
		            ++per_year[w->org[c->org].area][y % 128]);
		copy_int(&s.c, w->org[c->org].id);
		put_party(&s, w, c, k, 1);
		copy_field(&s.c, cats[c->cat].code);
		copy_field(&s.c, cats[c->cat].cause[k % 3]);
		copy_field(&s.c, sources[c->source]);
		gen_put_id(&s.c, c->result_id);
		copy_field(&s.c, c->summary ? "summary" : "general");
		gen_put_date(&s.c, c->clue);
		gen_put_date(&s.c, c->filed);
		copy_field(&s.c, case_status[c->status]);
		gen_put_date(&s.c, c->decided);
		gen_put_date(&s.c, c->closed);
		copy_field(&s.c, closures[c->closed == GEN_NULL ? CL_NONE : c->closure]);
		copy_field(&s.c, "执法办案系统");
		gen_sink_row(&s);
		if (c->source == SRC_REPORT)
			gen_links_add(&w->report_cases, (uint32_t)k + 1, c->ent, c->clue, c->org,
			              c->filed != GEN_NULL ? c->filed - c->clue : 0);
		else if (c->source == SRC_SAMPLING)
			gen_links_add(&w->sampling_cases, (uint32_t)k + 1, c->ent, c->clue, c->org,
			              0);
		else if (c->source == SRC_MONITORING)
			gen_links_add(&w->price_cases, (uint32_t)k + 1, c->ent, c->clue, c->org, 0);
	}
	if (gen_sink_close(&s) != ST_OK)
		return w->st;
	if (gen_sink_open(w, &s, "supervision.case_officer", SQL_OFFICER) != ST_OK)
		return w->st;
	for (long k = 0; k < n && w->st == ST_OK; k++)
		for (int j = 0; j < v[k].nofficer; j++) {
			copy_int(&s.c, k + 1);
			copy_int(&s.c, w->staff[v[k].officer[j]].id);
			gen_put_bool(&s.c, j == 0);
			gen_sink_row(&s);
		}
	return gen_sink_close(&s);
}

static enum status write_penalties(struct gen_world *w, const struct ecase *v, long n)
{
	static const char *const pstatus[] = {"decided", "executed", "reconsideration",
	                                      "litigation", "revoked"};
	static const char *const kinds[] = {"warning",           "fine",
	                                    "confiscate_income", "confiscate_property",
	                                    "suspend_business",  "revoke_licence"};
	struct gen_sink s, m;
	struct rng r;
	static long per_year[GEN_AREAS][128];
	memset(per_year, 0, sizeof per_year);
	long id = 0;
	if (gen_sink_begin(w, &s, &r, "supervision.penalty", SQL_PENALTY) != ST_OK)
		return w->st;
	for (long k = 0; k < n && w->st == ST_OK; k++) {
		const struct ecase *c = &v[k];
		if (!c->measures)
			continue;
		int y = gen_year(c->decided);
		int pub = c->decided + 1 + (int)rng_below(&r, 7);
		copy_int(&s.c, ++id);
		copy_fieldf(&s.c, "%s市监%s〔%d〕%ld号", gen_org_abbr(w, c->org),
		            c->summary ? "当罚" : "处罚", y,
		            ++per_year[w->org[c->org].area][y % 128]);
		copy_int(&s.c, k + 1);
		copy_int(&s.c, w->org[c->org].id);
		put_party(&s, w, c, k, 0);
		copy_field(&s.c, cats[c->cat].code);
		copy_fieldf(&s.c, "经查，当事人%s，违法事实清楚，证据确凿。",
		            cats[c->cat].cause[k % 3] + 6);
		copy_field(&s.c, cats[c->cat].basis);
		gen_put_date(&s.c, c->decided);
		copy_field(&s.c, pstatus[c->pstatus]);
		gen_put_date(&s.c, c->pstatus == 1 ? c->executed : GEN_NULL);
		gen_put_ts(&s.c, pub < w->today ? gen_moment_on(&r, pub, 0) : GEN_NO_TS);
		gen_put_date(&s.c, c->decided + (c->measures == 1 ? 90 : 1095));
		copy_field(&s.c, "执法办案系统");
		gen_sink_row(&s);
		if (c->ent != UINT32_MAX) {
			if (c->decided >= w->today - 3 * 365) {
				w->tally[c->ent].penalties++;
				w->tally[c->ent].penalty_id = (uint32_t)id;
			}
			int serious = c->fine >= 50000 && rng_chance(&r, 0.25);
			gen_links_add(&w->penalties, (uint32_t)id, c->ent, c->decided, c->org,
			              serious);
		}
	}
	if (gen_sink_close(&s) != ST_OK)
		return w->st;
	gen_stream(w, &r, "supervision.penalty_measure");
	if (gen_sink_open(w, &m, "supervision.penalty_measure", SQL_MEASURE) != ST_OK)
		return w->st;
	id = 0;
	for (long k = 0; k < n && w->st == ST_OK; k++) {
		const struct ecase *c = &v[k];
		if (!c->measures)
			continue;
		id++;
		for (int b = 0; b < 6; b++) {
			if (!(c->measures & (1 << b)))
				continue;
			copy_int(&m.c, id);
			copy_int(&m.c, w->org[c->org].id);
			copy_field(&m.c, kinds[b]);
			if (b == 1)
				gen_put_money(&m.c, (int64_t)c->fine * 100);
			else if (b == 2)
				gen_put_money(&m.c, (int64_t)(100 + rng_below(&r, 20000)) * 100);
			else
				copy_field(&m.c, NULL);
			copy_field(&m.c, b == 3   ? "没收涉案商品"
			                 : b == 4 ? "责令停产停业三十日"
			                 : b == 5 ? "吊销相关许可证件"
			                          : NULL);
			gen_sink_row(&m);
		}
	}
	return gen_sink_close(&m);
}

enum status gen_write_enforcement(struct gen_world *w)
{
	struct ecase *v = NULL;
	long n = plan_cases(w, &v);
	if (write_cases(w, v, n) == ST_OK)
		write_penalties(w, v, n);
	free(v);
	return w->st;
}
