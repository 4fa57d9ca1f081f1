/* 食药安全库: sampling tests of food, fresh produce, drugs, cosmetics and
 * devices with their test items (the failed ones tied to the cases they
 * opened), and adverse reaction reports. */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "gen/gen_themes.h"

static const char SQL_SAMPLING[] = "COPY fooddrug.sampling (id, sample_no, product_domain, "
                                   "purpose, stage, entity_id, sampled_place, "
                                   "producer_entity_id, producer_name, sample_name, food_category, "
                                   "brand, specification, batch_no, "
                                   "produced_on, sampled_on, sampling_org_id, lab_id, "
                                   "testing_body, report_no, reported_on, result, "
                                   "unqualified_items, disposal_status, disposal_note, case_id, "
                                   "published_at, source_system) FROM STDIN";
static const char SQL_FINDING[] = "COPY fooddrug.sampling_finding (id, sampling_id, item_name, "
                                  "measured_value, limit_value, unit, "
                                  "method_standard, qualified) FROM STDIN";
static const char SQL_ADVERSE[] =
    "COPY fooddrug.adverse_reaction (id, report_no, product_domain, entity_id, reporter_kind, "
    "product_name, "
    "approval_no, batch_no, holder_name, holder_entity_id, patient_sex, patient_age, reaction, "
    "severity, "
    "new_reaction, occurred_on, reported_on, outcome, source_system) FROM STDIN";

/* A test item: name, limit, unit, method; pass and fail values. */
struct test_item {
	const char *name, *limit, *unit, *method, *pass, *fail;
};

static const struct test_item T_PB = {"铅（以 Pb 计）",  "≤0.2",  "mg/kg",
                                      "GB 5009.12-2017", "0.032", "0.46"};
static const struct test_item T_CD = {"镉（以 Cd 计）",  "≤0.2",  "mg/kg",
                                      "GB 5009.15-2014", "0.018", "0.38"};
static const struct test_item T_AFB = {"黄曲霉毒素 B1",   "≤10",    "μg/kg",
                                       "GB 5009.22-2016", "未检出", "18.6"};
static const struct test_item T_ACID = {"酸价（以 KOH 计）", "≤3",   "mg/g",
                                        "GB 5009.229-2016",  "0.42", "4.8"};
static const struct test_item T_PEROX = {"过氧化值（以脂肪计）", "≤0.25", "g/100g",
                                         "GB 5009.227-2016",     "0.06",  "0.41"};
static const struct test_item T_BENZ = {
    "苯甲酸及其钠盐（以苯甲酸计）", "≤1.0", "g/kg", "GB 5009.28-2016", "未检出", "1.62"};
static const struct test_item T_COLONY = {"菌落总数",       "≤10000", "CFU/g",
                                          "GB 4789.2-2022", "320",    "86000"};
static const struct test_item T_NITRITE = {"亚硝酸盐（以亚硝酸钠计）", "≤30", "mg/kg",
                                           "GB 5009.33-2016",          "4.2", "46"};
static const struct test_item T_MOULD = {"霉菌", "≤150", "CFU/g", "GB 4789.15-2016", "<10", "420"};
static const struct test_item T_COND = {"电导率", "≤10", "μS/cm", "GB/T 5750.4-2023", "2.1", "18"};
static const struct test_item T_PSEUDO = {"铜绿假单胞菌", "0/250",  "CFU/mL",
                                          "GB 8538-2022", "未检出", "3"};
static const struct test_item T_MELAMINE = {"三聚氰胺",        "≤2.5",   "mg/kg",
                                            "GB/T 22388-2008", "未检出", "3.2"};
static const struct test_item T_PROTEIN = {"蛋白质",         "≥2.9", "g/100g",
                                           "GB 5009.5-2016", "3.2",  "2.6"};
static const struct test_item T_PROCYM = {"腐霉利", "≤0.2", "mg/kg", "GB 23200.113-2018",
                                          "未检出", "0.96"};
static const struct test_item T_CHLORPY = {"毒死蜱", "≤0.02", "mg/kg", "GB 23200.113-2018",
                                           "未检出", "0.13"};
static const struct test_item T_CYROM = {"灭蝇胺", "≤0.5", "mg/kg", "GB 23200.121-2021",
                                         "0.05",   "1.4"};
static const struct test_item T_CLEN = {"克伦特罗",        "不得检出", "μg/kg",
                                        "GB/T 22286-2008", "未检出",   "1.8"};
static const struct test_item T_ENRO = {"恩诺沙星",         "≤100",   "μg/kg",
                                        "GB 31658.17-2021", "未检出", "236"};
static const struct test_item T_MALA = {"孔雀石绿",      "不得检出", "μg/kg",
                                        "GB 19857-2005", "未检出",   "2.6"};
static const struct test_item T_CARB = {"多菌灵", "≤2", "mg/kg", "GB/T 20769-2008", "0.12", "3.1"};
static const struct test_item T_FLOR = {"氟苯尼考",         "不得检出", "μg/kg",
                                        "GB 31658.20-2022", "未检出",   "12"};
static const struct test_item T_COLI = {"大肠菌群",      "不得检出", "/50cm²",
                                        "GB 14934-2016", "未检出",   "阳性"};
static const struct test_item T_ALUM = {
    "铝的残留量（干样品，以 Al 计）", "≤100", "mg/kg", "GB 5009.182-2017", "未检出", "236"};
static const struct test_item T_ASSAY = {"含量测定", "90.0%～110.0%", "%", "《中国药典》2020 年版",
                                         "99.2",     "86.4"};
static const struct test_item T_DISSOL = {"溶出度", "≥80%", "%", "《中国药典》2020 年版",
                                          "92",     "71"};
static const struct test_item T_HG = {"汞",    "≤1", "mg/kg", "《化妆品安全技术规范》2015 年版",
                                      "0.012", "4.6"};
static const struct test_item T_BFE = {"细菌过滤效率", "≥95%", "%", "YY 0469-2011", "98.6", "88.2"};

static const struct {
	const char *domain, *category, *name, *spec;
	uint32_t role;
	const char *stage;
	const struct test_item *items[4];
} kinds[] = {
    {"food", "粮食加工品", "大米", "5kg/袋", GR_FOOD_SALE, "circulation", {&T_PB, &T_CD, &T_AFB}},
    {"food",
     "食用油、油脂及其制品",
     "大豆油",
     "5L/桶",
     GR_FOOD_SALE,
     "circulation",
     {&T_ACID, &T_PEROX, &T_AFB}},
    {"food",
     "肉制品",
     "无锡酱排骨",
     "散装称重",
     GR_FOOD_MAKER,
     "production",
     {&T_NITRITE, &T_BENZ, &T_COLONY}},
    {"food",
     "糕点",
     "桃酥",
     "散装称重",
     GR_FOOD_MAKER,
     "production",
     {&T_ACID, &T_PEROX, &T_COLONY, &T_MOULD}},
    {"food", "饮料", "饮用纯净水", "550mL/瓶", GR_FOOD_SALE, "circulation", {&T_COND, &T_PSEUDO}},
    {"food",
     "乳制品",
     "纯牛奶",
     "250mL/盒",
     GR_FOOD_SALE,
     "circulation",
     {&T_PROTEIN, &T_MELAMINE, &T_COLONY}},
    {"food",
     "速冻食品",
     "速冻小笼包",
     "500g/袋",
     GR_FOOD_MAKER,
     "production",
     {&T_PEROX, &T_COLONY}},
    {"food", "餐饮食品", "复用餐饮具", "复用", GR_CATERING, "catering", {&T_COLI}},
    {"food", "餐饮食品", "自制面条", "散装", GR_CATERING, "catering", {&T_ALUM, &T_BENZ}},
    {"edible_agri", "食用农产品", "韭菜", "散装", GR_STALL, "circulation", {&T_PROCYM, &T_CHLORPY}},
    {"edible_agri", "食用农产品", "豇豆", "散装", GR_STALL, "circulation", {&T_CYROM, &T_CHLORPY}},
    {"edible_agri", "食用农产品", "猪肉", "散装", GR_STALL, "circulation", {&T_CLEN, &T_ENRO}},
    {"edible_agri", "食用农产品", "鲫鱼", "散装", GR_STALL, "circulation", {&T_MALA, &T_ENRO}},
    {"edible_agri", "食用农产品", "阳山水蜜桃", "散装", GR_STALL, "circulation", {&T_CARB, &T_PB}},
    {"edible_agri", "食用农产品", "鸡蛋", "散装", GR_STALL, "circulation", {&T_FLOR, &T_ENRO}},
    {"drug",
     NULL,
     "阿莫西林胶囊",
     "0.25g×24 粒",
     GR_PHARMACY,
     "circulation",
     {&T_ASSAY, &T_DISSOL}},
    {"cosmetic", NULL, "保湿面霜", "50g/瓶", GR_SHOP, "circulation", {&T_HG, &T_PB}},
    {"device",
     NULL,
     "一次性使用医用外科口罩",
     "10 只/袋",
     GR_PHARMACY | GR_DEVICE,
     "circulation",
     {&T_BFE}},
    {"edible_agri", "食用农产品", "青菜", "散装", GR_FARM, "production", {&T_PROCYM, &T_CHLORPY}},
    {"edible_agri", "食用农产品", "阳山水蜜桃", "散装", GR_FARM, "production", {&T_CARB, &T_PB}},
    {"edible_agri", "食用农产品", "鸡蛋", "散装", GR_FARM, "production", {&T_FLOR, &T_ENRO}},
};
#define NKINDS ((int)(sizeof kinds / sizeof kinds[0]))

struct sample {
	uint32_t ent, producer, case_id;
	int32_t day, reported;
	uint8_t kind, purpose, fail, fail_item, nitems;
	int16_t org;
};

static int kind_for(struct rng *r, const struct gen_ent *e)
{
	int cand[NKINDS], n = 0;
	for (int k = 0; k < NKINDS; k++)
		if (e->roles & kinds[k].role)
			cand[n++] = k;
	return n ? cand[rng_below(r, (uint64_t)n)] : 0;
}

static void add_sample(struct gen_world *w, struct rng *r, struct sample **v, long *n, long *cap,
                       long e, int day, uint32_t case_id, int kind)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 4096;
		*v = xrealloc(*v, (size_t)*cap * sizeof **v);
	}
	struct sample *s = &(*v)[(*n)++];
	memset(s, 0, sizeof *s);
	s->ent = (uint32_t)e;
	s->day = day;
	s->case_id = case_id;
	s->kind = (uint8_t)(kind >= 0 ? kind : kind_for(r, &w->ent[e]));
	s->purpose = (uint8_t)rng_weighted(r, (const int[]){70, 20, 5, 5}, 4);
	s->org = (int16_t)(rng_chance(r, 0.8) ? gen_ent_district(w, e) : w->city);
	s->reported = day + 10 + (int)rng_below(r, 20);
	while (s->nitems < 4 && kinds[s->kind].items[s->nitems])
		s->nitems++;
	s->fail = case_id || (s->reported < w->today && rng_chance(r, 0.035));
	s->fail_item = (uint8_t)rng_below(r, s->nitems);
	if (s->fail && s->reported >= w->today)
		s->reported = w->today - 1 > day ? w->today - 1 : day;
	s->producer = UINT32_MAX;
	if (!strcmp(kinds[s->kind].stage, "circulation") && kinds[s->kind].role != GR_STALL &&
	    rng_chance(r, 0.5)) {
		long p = gen_pick_ent(w, r, GR_FOOD_MAKER, day, 1);
		if (p >= 0)
			s->producer = (uint32_t)p;
	}
}

static long plan_samples(struct gen_world *w, struct sample **v)
{
	struct rng r;
	long n = 0, cap = 0;
	gen_stream(w, &r, "fooddrug.sampling.plan");
	long count = gen_plan_scaled(w->scale, 150000, 12);
	int from = w->today - 5 * 365;
	static const uint32_t roles[] = {GR_FOOD_SALE, GR_FOOD_MAKER, GR_CATERING, GR_STALL,
	                                 GR_PHARMACY,  GR_SHOP,       GR_FARM};
	static const int weights[] = {30, 15, 20, 20, 8, 7, 20};
	for (long k = 0; k < count; k++) {
		int day = gen_day_between(&r, from, w->today - 1);
		long e = gen_pick_ent(w, &r, roles[rng_weighted(&r, weights, 7)], day, 1);
		if (e >= 0)
			add_sample(w, &r, v, &n, &cap, e, day, 0, -1);
	}
	for (long k = 0; k < w->sampling_cases.n; k++) {
		const struct gen_link *l = &w->sampling_cases.v[k];
		add_sample(w, &r, v, &n, &cap, l->ent, l->day - 10 - (int)rng_below(&r, 15), l->id,
		           -1);
	}
	/* fresh produce a market's quick test found positive, sent to the lab */
	long confirm = gen_plan_scaled(w->scale, 600, 1);
	for (long k = 0; k < confirm; k++) {
		int day = gen_day_between(&r, w->today - 170, w->today - 1);
		long e = gen_pick_ent(w, &r, GR_STALL, day, 1);
		if (e < 0)
			continue;
		add_sample(w, &r, v, &n, &cap, e, day, 0, 9 + (int)rng_below(&r, 6));
		(*v)[n - 1].purpose = 3;
		gen_links_add(&w->samplings, (uint32_t)n, (uint32_t)e, day, (*v)[n - 1].kind, 0);
	}
	return n;
}

static void put_sample(struct gen_sink *s, struct gen_world *w, struct rng *r,
                       const struct sample *x, long id)
{
	static const char *const purposes[] = {"supervision", "risk_monitoring", "evaluation",
	                                       "special"};
	const struct gen_ent *e = &w->ent[x->ent];
	int y = gen_year(x->day);
	int done = x->reported < w->today;
	int lab = kinds[x->kind].domain[0] == 'f' || kinds[x->kind].domain[0] == 'e'
	              ? (rng_chance(r, 0.7) ? (int)w->lab_food : (int)w->lab_product)
	              : (int)w->lab_product;
	copy_int(&s->c, id);
	copy_fieldf(&s->c, "DC%02d%s%07ld", y % 100, gen_area_district(w, e->area)->division, id);
	copy_field(&s->c, kinds[x->kind].domain);
	copy_field(&s->c, purposes[x->purpose]);
	copy_field(&s->c, kinds[x->kind].stage);
	copy_int(&s->c, x->ent + 1);
	copy_field(&s->c, gen_text_at(w, e->addr));
	gen_put_id(&s->c, x->producer == UINT32_MAX ? 0 : x->producer + 1);
	int fresh = kinds[x->kind].role & (GR_STALL | GR_FARM);
	int own = !strcmp(kinds[x->kind].stage, "production");
	copy_field(&s->c, x->producer != UINT32_MAX ? gen_text_at(w, w->ent[x->producer].name)
	                  : fresh || own            ? NULL
	                                            : "山东鲁丰食品有限公司");
	copy_field(&s->c, kinds[x->kind].name);
	copy_field(&s->c, kinds[x->kind].category);
	copy_field(&s->c, fresh ? NULL : "见标签");
	copy_field(&s->c, kinds[x->kind].spec);
	copy_fieldf(&s->c, "%d%02ld%02ld", y, rng_range(r, 1, 12), rng_range(r, 1, 28));
	gen_put_date(&s->c, x->day - (int)rng_below(r, 20));
	gen_put_date(&s->c, x->day);
	copy_int(&s->c, w->org[x->org].id);
	copy_int(&s->c, lab);
	copy_field(&s->c,
	           lab == w->lab_food ? "无锡市食品安全检验检测中心" : "无锡市检验检测认证研究院");
	if (done)
		copy_fieldf(&s->c, "W%d%07ld", y, id);
	else
		copy_field(&s->c, NULL);
	gen_put_date(&s->c, done ? x->reported : GEN_NULL);
	copy_field(&s->c, !done ? "pending" : x->fail ? "fail" : "pass");
	copy_field(&s->c, x->fail ? kinds[x->kind].items[x->fail_item]->name : NULL);
	int closed = x->fail && x->reported + 60 < w->today;
	copy_field(&s->c, !x->fail ? "not_needed" : closed ? "done" : "in_progress");
	copy_field(&s->c, x->fail ? (closed ? "已责令下架召回问题产品，立案调查"
	                                    : "已通知经营者停止销售，正在核查")
	                          : NULL);
	gen_put_id(&s->c, x->case_id);
	int pub = x->reported + 10 + (int)rng_below(r, 20);
	gen_put_ts(&s->c, done && pub < w->today ? gen_moment_on(r, pub, 0) : GEN_NO_TS);
	copy_field(&s->c, "国家食品安全抽样检验信息系统");
}

static enum status write_samples(struct gen_world *w, const struct sample *v, long n)
{
	struct gen_sink s;
	struct rng r;
	if (gen_sink_begin(w, &s, &r, "fooddrug.sampling", SQL_SAMPLING) != ST_OK)
		return w->st;
	for (long k = 0; k < n && w->st == ST_OK; k++) {
		put_sample(&s, w, &r, &v[k], k + 1);
		gen_sink_row(&s);
	}
	if (gen_sink_close(&s) != ST_OK)
		return w->st;
	long id = 0;
	if (gen_sink_open(w, &s, "fooddrug.sampling_finding", SQL_FINDING) != ST_OK)
		return w->st;
	for (long k = 0; k < n && w->st == ST_OK; k++) {
		const struct sample *x = &v[k];
		if (x->reported >= w->today)
			continue;
		for (int j = 0; j < x->nitems; j++) {
			const struct test_item *t = kinds[x->kind].items[j];
			int bad = x->fail && j == x->fail_item;
			copy_int(&s.c, ++id);
			copy_int(&s.c, k + 1);
			copy_field(&s.c, t->name);
			copy_field(&s.c, bad ? t->fail : t->pass);
			copy_field(&s.c, t->limit);
			copy_field(&s.c, t->unit);
			copy_field(&s.c, t->method);
			gen_put_bool(&s.c, !bad);
			gen_sink_row(&s);
		}
	}
	return gen_sink_close(&s);
}

static enum status write_adverse(struct gen_world *w)
{
	static const struct {
		const char *domain, *product, *approval, *holder, *reaction;
	} products[] = {
	    {"drug", "阿莫西林胶囊", "国药准字H32020731", "江苏恒瑞医药股份有限公司", "皮疹、瘙痒"},
	    {"drug", "头孢克肟片", "国药准字H20103318", "扬子江药业集团有限公司", "恶心、腹泻"},
	    {"drug", "布洛芬缓释胶囊", "国药准字H10900089", "中美天津史克制药有限公司", "胃部不适"},
	    {"drug", "注射用头孢曲松钠", "国药准字H32026541", "无锡济民可信山禾药业股份有限公司",
	     "过敏性休克"},
	    {"drug", "左氧氟沙星片", "国药准字H20073627", "江苏正大清江制药有限公司", "头晕、失眠"},
	    {"device", "一次性使用输液器", "苏械注准20152141234", "江苏康友医用器械有限公司",
	     "输液时药液渗漏"},
	    {"device", "医用外科口罩", "苏械注准20202140567", "无锡市宇寿医疗器械有限公司",
	     "接触部位皮肤发红"},
	    {"cosmetic", "美白修护面霜", "国妆特字G20190412", "上海家化联合股份有限公司",
	     "面部红斑、灼热感"},
	};
	static const char *const outcomes[] = {"recovered", "improving", "not_recovered",
	                                       "sequelae", "unknown"};
	struct gen_sink s;
	struct rng r;
	long n = gen_plan_scaled(w->scale, 8000, 2);
	if (gen_sink_begin(w, &s, &r, "fooddrug.adverse_reaction", SQL_ADVERSE) != ST_OK)
		return w->st;
	for (long id = 1; id <= n && w->st == ST_OK; id++) {
		int p = (int)rng_below(&r, 8);
		int reported = gen_day_between(&r, w->today - 5 * 365, w->today - 1);
		int kind = rng_weighted(&r, (const int[]){55, 25, 5, 15}, 4);
		long e = kind == 0   ? gen_pick_ent(w, &r, GR_CLINIC, reported, 1)
		         : kind == 1 ? gen_pick_ent(w, &r, GR_PHARMACY, reported, 1)
		                     : -1;
		if (kind == 2)
			e = gen_pick_ent(w, &r, GR_MAKER, reported, 1);
		if (e < 0)
			kind = 3;
		static const char *const reporters[] = {"medical_institution", "distributor",
		                                        "holder", "individual"};
		int severity = rng_weighted(&r, (const int[]){85, 14, 1}, 3);
		copy_int(&s.c, id);
		copy_fieldf(&s.c, "ADR%d32020%06ld", gen_year(reported), id);
		copy_field(&s.c, products[p].domain);
		gen_put_id(&s.c, kind == 3 ? 0 : e + 1);
		copy_field(&s.c, reporters[kind]);
		copy_field(&s.c, products[p].product);
		copy_field(&s.c, products[p].approval);
		copy_fieldf(&s.c, "%d%04ld", gen_year(reported) - 1, rng_range(&r, 1, 9999));
		copy_field(&s.c, products[p].holder);
		gen_put_id(&s.c, kind == 2 ? e + 1 : 0);
		copy_field(&s.c, rng_chance(&r, 0.55) ? "female" : "male");
		copy_int(&s.c, rng_range(&r, 1, 92));
		copy_field(&s.c, products[p].reaction);
		copy_field(&s.c, severity == 0 ? "general" : severity == 1 ? "serious" : "death");
		gen_put_bool(&s.c, rng_chance(&r, 0.08));
		gen_put_date(&s.c, reported - (int)rng_below(&r, 15));
		gen_put_date(&s.c, reported);
		copy_field(&s.c, severity == 2 ? "death" : outcomes[rng_below(&r, 5)]);
		copy_field(&s.c, "国家药品不良反应监测系统");
		gen_sink_row(&s);
	}
	return gen_sink_close(&s);
}

enum status gen_write_sampling(struct gen_world *w)
{
	struct sample *v = NULL;
	long n = plan_samples(w, &v);
	if (write_samples(w, v, n) == ST_OK)
		write_adverse(w);
	free(v);
	return w->st;
}
