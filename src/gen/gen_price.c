/* 价费管理库: government-set and guided prices of Wuxi, the fee catalogue,
 * price-tagging and fee inspections of businesses (the ones that found a
 * violation tied to their case), monitoring points in markets, supermarkets
 * and petrol stations, and twice-weekly price observations. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gen/gen_themes.h"

static const char SQL_GOV[] = "COPY price.government_price (id, code, item_name, category, "
                              "pricing_form, unit, price, price_lower, "
                              "price_upper, entity_id, approval_doc_no, approving_authority, "
                              "effective_from, effective_to, source_system) "
                              "FROM STDIN";
static const char SQL_FEE[] = "COPY price.fee_item (id, code, name, kind, charging_unit_name, "
                              "entity_id, standard, amount, unit, "
                              "basis_doc, effective_from, effective_to, source_system) FROM STDIN";
static const char SQL_FEE_INSP[] = "COPY price.fee_inspection (id, inspection_no, entity_id, "
                                   "org_id, kind, inspected_from, inspected_to, "
                                   "items_checked, violation_found, illegal_amount, "
                                   "refunded_amount, conclusion, case_id, source_system) "
                                   "FROM STDIN";
static const char SQL_POINT[] =
    "COPY price.monitoring_point (id, code, name, kind, entity_id, address, division_code, active, "
    "source_system) FROM STDIN";
static const char SQL_OBS[] = "COPY price.price_observation (id, point_id, commodity_code, "
                              "observed_on, price, source_system) FROM STDIN";

static const struct {
	const char *name, *category, *form, *unit, *price, *lo, *hi, *industry, *doc;
	int year;
} gov[] = {
    {"居民生活用水（第一阶梯）", "公用事业", "government_set", "元/立方米", "3.6800", NULL, NULL,
     "4610", "锡发改价格〔2021〕95号", 2021},
    {"居民生活用水（第二阶梯）", "公用事业", "government_set", "元/立方米", "4.6800", NULL, NULL,
     "4610", "锡发改价格〔2021〕95号", 2021},
    {"居民管道天然气（第一档）", "公用事业", "government_set", "元/立方米", "2.9600", NULL, NULL,
     "4511", "锡发改价格〔2023〕31号", 2023},
    {"居民生活用电（一档，不满 1 千伏）", "公用事业", "government_set", "元/千瓦时", "0.5283", NULL,
     NULL, NULL, "苏发改价格发〔2012〕1008号", 2012},
    {"出租汽车起步价（3 公里）", "交通运输", "government_set", "元", "12.0000", NULL, NULL, "5413",
     "锡发改价格〔2019〕88号", 2019},
    {"市区公共汽车票价", "交通运输", "government_set", "元/人次", "2.0000", NULL, NULL, NULL,
     "锡发改价格〔2018〕12号", 2018},
    {"路内停车（一类区域首小时）", "公益性服务", "government_guided", "元/小时", NULL, "3.0000",
     "5.0000", NULL, "锡发改价格〔2022〕67号", 2022},
    {"公共停车场（二类区域）", "公益性服务", "government_guided", "元/小时", "3.0000", "2.0000",
     "4.0000", NULL, "锡发改价格〔2022〕67号", 2022},
    {"鼋头渚风景区门票", "旅游景区", "government_guided", "元/人次", "90.0000", NULL, "90.0000",
     NULL, "锡发改价格〔2020〕45号", 2020},
    {"灵山胜境门票", "旅游景区", "government_guided", "元/人次", "210.0000", NULL, "210.0000", NULL,
     "锡发改价格〔2020〕46号", 2020},
    {"普通门诊诊查费（三级医院）", "医疗服务", "government_guided", "元/次", "15.0000", NULL,
     "15.0000", NULL, "苏医保发〔2021〕31号", 2021},
    {"殡仪馆遗体火化", "公益性服务", "government_set", "元/具", "480.0000", NULL, NULL, NULL,
     "锡发改价格〔2017〕102号", 2017},
    {"有线电视基本收视维护费", "公用事业", "government_set", "元/月·户", "25.0000", NULL, NULL,
     NULL, "锡发改价格〔2016〕77号", 2016},
    {"普通高中住宿费", "教育", "government_guided", "元/学期", NULL, "600.0000", "1200.0000", NULL,
     "苏发改收费发〔2019〕1004号", 2019},
};
#define NGOV ((int)(sizeof gov / sizeof gov[0]))

static const struct {
	const char *name, *kind, *unit_name, *standard, *amount, *unit, *doc;
	int institute; /* 0 none, 1 计量测试院, 2 特检院 */
} fees[] = {
    {"不动产登记费（住宅）", "administrative", "无锡市不动产登记中心", "每件 80 元", "80.00", "件",
     "发改价格规〔2016〕2559号", 0},
    {"机动车号牌工本费", "administrative", "无锡市公安局交通警察支队", "汽车号牌每副 100 元",
     "100.00", "副", "发改价格〔2004〕2831号", 0},
    {"计量器具强制检定费（电子计价秤）", "operating_service", "无锡市计量测试院", "每台 20 元",
     "20.00", "台", "苏价费〔2014〕231号", 1},
    {"电梯定期检验费", "operating_service", "江苏省特种设备安全监督检验研究院无锡分院",
     "每台 800 元", "800.00", "台", "苏发改价格发〔2019〕1215号", 2},
    {"锅炉定期检验费", "operating_service", "江苏省特种设备安全监督检验研究院无锡分院",
     "按额定蒸发量计收", NULL, NULL, "苏发改价格发〔2019〕1215号", 2},
    {"无锡市电梯行业协会会费", "association", "无锡市电梯行业协会", "会员单位每年 2000 元",
     "2000.00", "年", "协会会员大会决议", 0},
    {"无锡市食品行业协会会费", "association", "无锡市食品行业协会", "会员单位每年 1000 元",
     "1000.00", "年", "协会会员大会决议", 0},
    {"港口设施保安费", "operating_service", "江阴港港口集团股份有限公司", "每吨 0.3 元", "0.30",
     "吨", "交水发〔2019〕136号", 0},
};
#define NFEES ((int)(sizeof fees / sizeof fees[0]))

static enum status write_catalogue(struct gen_world *w)
{
	struct gen_sink s;
	struct rng r;
	if (gen_sink_begin(w, &s, &r, "price.government_price", SQL_GOV) != ST_OK)
		return w->st;
	for (int k = 0; k < NGOV; k++) {
		long ent = -1;
		if (gov[k].industry)
			for (long i = 0; i < w->n.entities && ent < 0; i++)
				if (!strcmp(w->ind[w->ent[i].industry].code, gov[k].industry) &&
				    gen_alive(w, i, w->today - 1))
					ent = i;
		copy_int(&s.c, k + 1);
		copy_fieldf(&s.c, "WXJG-%03d", k + 1);
		copy_field(&s.c, gov[k].name);
		copy_field(&s.c, gov[k].category);
		copy_field(&s.c, gov[k].form);
		copy_field(&s.c, gov[k].unit);
		copy_field(&s.c, gov[k].price);
		copy_field(&s.c, gov[k].lo);
		copy_field(&s.c, gov[k].hi);
		gen_put_id(&s.c, ent + 1);
		copy_field(&s.c, gov[k].doc);
		copy_field(&s.c, !strncmp(gov[k].doc, "苏医保", 9) ? "江苏省医疗保障局"
		                 : !strncmp(gov[k].doc, "苏", 3) ? "江苏省发展和改革委员会"
		                                                 : "无锡市发展和改革委员会");
		gen_put_date(&s.c, gen_day(gov[k].year, 7, 1));
		copy_field(&s.c, NULL);
		copy_field(&s.c, "价格管理信息系统");
		gen_sink_row(&s);
	}
	if (gen_sink_close(&s) != ST_OK || gen_sink_open(w, &s, "price.fee_item", SQL_FEE) != ST_OK)
		return w->st;
	for (int k = 0; k < NFEES; k++) {
		copy_int(&s.c, k + 1);
		copy_fieldf(&s.c, "WXSF-%03d", k + 1);
		copy_field(&s.c, fees[k].name);
		copy_field(&s.c, fees[k].kind);
		copy_field(&s.c, fees[k].unit_name);
		gen_put_id(&s.c, fees[k].institute ? w->inst[fees[k].institute - 1] + 1 : 0);
		copy_field(&s.c, fees[k].standard);
		copy_field(&s.c, fees[k].amount);
		copy_field(&s.c, fees[k].unit);
		copy_field(&s.c, fees[k].doc);
		gen_put_date(&s.c, gen_day(2016 + k % 6, 1, 1));
		copy_field(&s.c, NULL);
		copy_field(&s.c, "收费目录清单管理系统");
		gen_sink_row(&s);
	}
	return gen_sink_close(&s);
}

static void inspection_row(struct gen_sink *s, struct gen_world *w, struct rng *r, long id, long i,
                           int day, long case_id)
{
	static const char *const kinds[] = {"price_tagging", "enterprise_fee", "special"};
	int k = case_id ? 0 : rng_weighted(r, (const int[]){70, 20, 10}, 3);
	int violation = case_id || rng_chance(r, 0.12);
	int64_t illegal = violation && k == 1 ? (int64_t)(500 + rng_below(r, 50000)) * 100 : 0;
	copy_int(&s->c, id);
	copy_fieldf(&s->c, "JGJC%d%07ld", gen_year(day), id);
	copy_int(&s->c, i + 1);
	copy_int(&s->c, w->org[w->ent[i].station].id);
	copy_field(&s->c, kinds[k]);
	gen_put_date(&s->c, day);
	gen_put_date(&s->c, day + (k == 0 ? 0 : (int)rng_below(r, 5)));
	copy_field(&s->c, k == 0   ? "商品和服务明码标价"
	                  : k == 1 ? "涉企经营服务性收费"
	                           : "节日市场价格专项检查");
	gen_put_bool(&s->c, violation);
	gen_put_money(&s->c, violation ? illegal : 0);
	gen_put_money(&s->c, illegal     ? illegal * (int64_t)rng_below(r, 101) / 100
	                     : violation ? 0
	                                 : -1);
	copy_field(&s->c, !violation ? "未发现价格收费违法行为"
	                  : k == 0   ? "部分商品未明码标价，已责令改正"
	                             : "存在违规收费，已责令清退");
	gen_put_id(&s->c, case_id);
	copy_field(&s->c, "价格监督检查系统");
	gen_sink_row(s);
}

static enum status write_fee_inspections(struct gen_world *w)
{
	struct gen_sink s;
	struct rng r;
	long id = 0;
	long n = gen_plan_scaled(w->scale, 2000000, 10);
	if (gen_sink_begin(w, &s, &r, "price.fee_inspection", SQL_FEE_INSP) != ST_OK)
		return w->st;
	for (long k = 0; k < n && w->st == ST_OK; k++) {
		int day = gen_day_between(&r, w->today - 5 * 365, w->today - 6);
		double u = rng_unit(&r);
		long i = u < 0.2 ? gen_pick_ent_kind(w, &r, 0, GK_ENTERPRISE, day)
		                 : gen_pick_ent(w, &r, u < 0.85 ? GR_CONSUMER : 0, day, 1);
		if (i >= 0)
			inspection_row(&s, w, &r, ++id, i, day, 0);
	}
	for (long k = 0; k < w->price_cases.n && w->st == ST_OK; k++) {
		const struct gen_link *l = &w->price_cases.v[k];
		inspection_row(&s, w, &r, ++id, l->ent, l->day - 1 - (int)rng_below(&r, 5), l->id);
	}
	return gen_sink_close(&s);
}

/* Monitoring points: farmers' markets, supermarkets, petrol stations. */
static const struct {
	uint32_t role;
	const char *kind;
	int first, last; /* commodities (price.commodity in sort order) */
} point_kinds[] = {
    {GR_MARKET, "farmers_market", 0, 11},
    {GR_SHOP, "supermarket", 0, 11},
    {GR_FUEL, "gas_station", 12, 13},
};

static const struct {
	const char *code;
	double base;
} commodities[] = {
    {"japonica_rice", 2.9}, {"flour", 2.6},    {"soybean_oil", 68.0}, {"pork_lean", 16.5},
    {"beef", 42.0},         {"chicken", 11.0}, {"egg", 5.6},          {"crucian", 13.0},
    {"cabbage", 3.2},       {"tomato", 4.5},   {"potato", 2.8},       {"apple", 7.5},
    {"gasoline_92", 7.6},   {"diesel_0", 7.3},
};

static long point_count(const struct gen_world *w)
{
	return gen_plan_scaled(w->scale, 120, 3);
}

static long point_entity(const struct gen_world *w, long k, int *kind)
{
	*kind = (int)(k % 3);
	const struct gen_list *l = &w->role[*kind == 0 ? 8 : *kind == 1 ? 15 : 10];
	if (l->n == 0) {
		*kind = 0;
		l = &w->role[8];
	}
	return l->n ? (long)l->v[(k / 3) % l->n] : w->inst[0];
}

static enum status write_points(struct gen_world *w)
{
	static const char *const suffix[] = {"价格监测点", "价格监测点（超市）",
	                                     "成品油价格监测点"};
	struct gen_sink s;
	if (gen_sink_open(w, &s, "price.monitoring_point", SQL_POINT) != ST_OK)
		return w->st;
	for (long k = 0; k < point_count(w) && w->st == ST_OK; k++) {
		int kind;
		long i = point_entity(w, k, &kind);
		copy_int(&s.c, k + 1);
		copy_fieldf(&s.c, "JC-%.2s-%03ld", w->org[gen_ent_district(w, i)].code, k + 1);
		copy_fieldf(&s.c, "%s%s%ld", gen_text_at(w, w->ent[i].name), suffix[kind],
		            k / 3 + 1);
		copy_field(&s.c, point_kinds[kind].kind);
		copy_int(&s.c, i + 1);
		copy_field(&s.c, gen_text_at(w, w->ent[i].addr));
		copy_field(&s.c, gen_area_district(w, w->ent[i].area)->division);
		gen_put_bool(&s.c, 1);
		copy_field(&s.c, "价格监测系统");
		gen_sink_row(&s);
	}
	if (gen_sink_close(&s) != ST_OK)
		return w->st;
	struct rng r;
	long id = 0;
	if (gen_sink_begin(w, &s, &r, "price.price_observation", SQL_OBS) != ST_OK)
		return w->st;
	for (long k = 0; k < point_count(w) && w->st == ST_OK; k++) {
		int kind;
		point_entity(w, k, &kind);
		for (int c = point_kinds[kind].first; c <= point_kinds[kind].last; c++) {
			double level = commodities[c].base * (0.9 + 0.2 * rng_unit(&r));
			for (int day = w->today - 364; day < w->today; day++) {
				int wd = gen_weekday(day);
				if (wd != 0 && wd != 3)
					continue; /* Mondays and Thursdays */
				level *= 1.0 + (rng_unit(&r) - 0.5) * 0.04;
				double season = 1.0 + 0.08 * sin((double)day / 58.0);
				copy_int(&s.c, ++id);
				copy_int(&s.c, k + 1);
				copy_field(&s.c, commodities[c].code);
				gen_put_date(&s.c, day);
				copy_fieldf(&s.c, "%.2f", level * season);
				copy_field(&s.c, "价格监测系统");
				gen_sink_row(&s);
			}
		}
	}
	return gen_sink_close(&s);
}

enum status gen_write_price(struct gen_world *w)
{
	if (write_catalogue(w) == ST_OK && write_fee_inspections(w) == ST_OK)
		write_points(w);
	return w->st;
}
