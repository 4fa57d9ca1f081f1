/* core.entity: market entities of a Wuxi-like city. Names are built the way
 * Chinese names are, codes are valid and unique, the registering office's
 * division is in the code (retired divisions for old entities), statuses
 * have their dates and reasons. A few entities are made on purpose for the
 * themes that need them: elevator maintenance units, farmers' market
 * operators, testing laboratories, petrol stations, and the bureau's public
 * institutions (metrology, special-equipment and product testing). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "gen/gen_codes.h"
#include "gen/gen_industry.h"
#include "gen/gen_themes.h"

static const char SQL_ENTITY[] =
    "COPY core.entity (id, uscc, reg_no, name, entity_type_code, legal_rep_name, "
    "legal_rep_id_type, "
    "legal_rep_id_no, phone, address, division_code, org_id, reg_authority_org_id, industry_code, "
    "registered_capital, capital_currency, established_on, approved_on, operating_from, "
    "operating_to, "
    "business_scope, status, status_changed_on, status_reason, risk_grade, risk_graded_on, "
    "source_system) "
    "FROM STDIN";

enum special { SP_NONE, SP_MAINTAINER, SP_MARKET, SP_LAB, SP_FUEL };

/* Enterprise types (core.entity_type) with their share and name form. */
static const struct {
	const char *code;
	short weight;
	const char *form;
} etypes[] = {
    {"1130", 450, "有限公司"},
    {"1151", 200, "有限公司"},
    {"1152", 40, "有限公司"},
    {"1153", 20, "有限公司"},
    {"1190", 25, "有限责任公司"},
    {"1110", 5, "有限公司"},
    {"1120", 10, "有限公司"},
    {"1140", 5, "有限公司"},
    {"1100", 20, "有限责任公司"},
    {"1220", 15, "股份有限公司"},
    {"1210", 1, "股份有限公司"},
    {"1200", 5, "股份有限公司"},
    {"2100", 60, NULL},
    {"2200", 5, NULL},
    {"3100", 5, "厂"},
    {"3200", 10, "厂"},
    {"3300", 3, "厂"},
    {"4531", 8, "合伙企业（普通合伙）"},
    {"4532", 1, "合伙企业（特殊普通合伙）"},
    {"4533", 15, "合伙企业（有限合伙）"},
    {"4540", 30, "经营部"},
    {"5100", 20, "有限公司"},
    {"5200", 1, "股份有限公司"},
    {"5300", 1, "合伙企业（有限合伙）"},
    {"5800", 2, NULL},
    {"6100", 10, "有限公司"},
    {"6800", 1, NULL},
};
#define NETYPES ((int)(sizeof etypes / sizeof etypes[0]))

/* Bodies that are not market entities but are entities of the register:
 * the bureau's institutions (the labs that verify instruments, inspect
 * elevators and test food) and the associations that own geographical
 * indication marks. */
static const struct {
	const char *name, *industry, *address, *type, *prefix, *division;
	int founded;
} institutes[] = {
    {"无锡市计量测试院", "7453", "无锡市梁溪区运河东路 1 号", "X120", "12", "320200", 1958},
    {"江苏省特种设备安全监督检验研究院无锡分院", "7452", "无锡市滨湖区蠡湖大道 2299 号", "X120",
     "12", "320200", 1965},
    {"无锡市检验检测认证研究院", "7452", "无锡市新吴区菱湖大道 96 号", "X120", "12", "320200",
     1972},
    {"无锡市食品安全检验检测中心", "7452", "无锡市梁溪区槐古路 35 号", "X120", "12", "320200",
     1979},
    {"宜兴市陶瓷行业协会", "9522", "宜兴市丁蜀镇陶都路 8 号", "X510", "51", "320282", 1988},
    {"无锡市阳山水蜜桃协会", "9522", "无锡市惠山区阳山大道 18 号", "X510", "51", "320206", 2002},
    {"宜兴市茶叶协会", "9522", "宜兴市张渚镇人民路 56 号", "X510", "51", "320282", 1996},
};
#define NINST ((long)(sizeof institutes / sizeof institutes[0]))

struct maker {
	struct gen_world *w;
	struct rng r;
	uint64_t stream; /* each entity draws from a stream of its own */
	int keep;        /* the planning pass: keep names in the world */
	struct gen_industry_picker pick[3];
	int etype_w[NETYPES];
	uint64_t old_serial, ma_serial[10];
	uint8_t *special;
	int special_ind[5];
	struct strbuf name, addr, trade, rep, tmp;
};

/* Marks some entities (enterprises, by index) for the roles themes need. */
static void choose_specials(struct maker *m)
{
	struct gen_world *w = m->w;
	struct rng r;
	long counts[5] = {0, w->n.maintainers, w->n.markets, w->n.labs, w->n.fuel_stations};
	gen_stream(w, &r, "core.entity.special");
	m->special = xcalloc((size_t)w->n.entities, 1);
	for (int sp = 1; sp < 5; sp++)
		for (long k = 0; k < counts[sp]; k++) {
			long i = (long)rng_below(&r, (uint64_t)w->n.entities);
			if (!m->special[i])
				m->special[i] = (uint8_t)sp;
		}
	static const char *const codes[5] = {"", "4320", "7223", "7452", "5265"};
	for (int sp = 1; sp < 5; sp++)
		m->special_ind[sp] = gen_industry_find(w, codes[sp]);
}

/* When an entity was established: recent ones are many more. */
static int draw_born(struct maker *m, int kind, int old_type)
{
	struct gen_world *w = m->w;
	double mean = kind == GK_INDIVIDUAL ? 7.0 : 9.5;
	if (old_type)
		return gen_day_between(&m->r, gen_day(1980, 1, 1), gen_day(1999, 12, 31));
	double age = -log(1.0 - rng_unit(&m->r)) * mean * 365.25;
	int born = w->today - 1 - (int)age;
	if (born < gen_day(1979, 1, 1))
		born = gen_day_between(&m->r, gen_day(1985, 1, 1), gen_day(2005, 12, 31));
	return born;
}

/* The registering office's division: retired districts for old entities. */
static const char *reg_division(struct maker *m, int area, int born)
{
	const char *cur = m->w->area[area].d->division;
	if (area == 0 && born < gen_day(2015, 10, 1)) {
		static const char *const old[] = {"320202", "320203", "320204"};
		return old[rng_below(&m->r, 3)];
	}
	if (born < gen_day(2000, 12, 1)) {
		if (area == 2 && rng_chance(&m->r, 0.3))
			return "320212";
		if (area == 4 && rng_chance(&m->r, 0.5))
			return "320283";
	}
	return cur;
}

static void draw_status(struct maker *m, struct gen_ent *e)
{
	struct gen_world *w = m->w;
	double years = (w->today - e->born) / 365.25;
	double p = 0.03 + 0.012 * years;
	e->status = GS_ACTIVE;
	e->ended = GEN_NULL;
	if (p > 0.5)
		p = 0.5;
	if (w->today - e->born < 200 || !rng_chance(&m->r, p))
		return;
	e->ended = gen_day_between(&m->r, e->born + 120, w->today - 1);
	double u = rng_unit(&m->r);
	if (e->ended >= gen_day(2022, 3, 1) && u < 0.04)
		e->status = GS_DORMANT;
	else if (u < 0.70)
		e->status = GS_DEREGISTERED;
	else if (u < (e->kind == GK_INDIVIDUAL ? 0.97 : 0.93))
		e->status = GS_REVOKED;
	else if (u < 0.995)
		e->status = GS_MOVED_OUT;
	else
		e->status = GS_ANNULLED;
}

static const char *status_code(int st)
{
	static const char *const codes[] = {"active",  "dormant",      "moved_out",
	                                    "revoked", "deregistered", "annulled"};
	return codes[st];
}

static const char *status_reason(struct maker *m, const struct gen_ent *e)
{
	static const char *const dereg_ent[] = {"决议解散", "股东会决议解散", "经营期限届满",
	                                        "简易注销", "因合并、分立而解散"};
	static const char *const dereg_ind[] = {"个体工商户申请注销", "简易注销", "经营者死亡"};
	static const char *const revoked[] = {
	    "成立后无正当理由超过六个月未开业，或者开业后自行停业连续六个月以上",
	    "被列入经营异常名录届满三年仍未履行相关义务", "未依法办理年度报告，情节严重"};
	static const char *const moved[] = {"迁往苏州市", "迁往常州市", "迁往上海市", "迁往南京市"};
	switch (e->status) {
	case GS_DEREGISTERED:
		return e->kind == GK_INDIVIDUAL ? dereg_ind[rng_below(&m->r, 3)]
		                                : dereg_ent[rng_below(&m->r, 5)];
	case GS_REVOKED: return revoked[rng_below(&m->r, 3)];
	case GS_MOVED_OUT: return moved[rng_below(&m->r, 4)];
	case GS_ANNULLED: return "提交虚假材料或者采取其他欺诈手段隐瞒重要事实取得登记";
	case GS_DORMANT: return "因经营困难申请歇业";
	}
	return NULL;
}

/* The name, the trade name and the type of an enterprise. */
static const char *enterprise_name(struct maker *m, const struct gen_district *d, char section,
                                   int sp, int born)
{
	struct rng *r = &m->r;
	static const char *const elevator[] = {"电梯工程", "电梯安装维修", "机电设备工程",
	                                       "电梯服务"};
	static const char *const market[] = {"农贸市场管理", "菜市场管理", "农副产品市场管理"};
	static const char *const lab[] = {"检测技术", "检验检测", "检测科技", "质量技术服务"};
	strbuf_add(&m->name, d->county ? d->prefix : "无锡");
	size_t at = m->name.len;
	gen_trade_name(r, &m->name);
	strbuf_add(&m->trade, m->name.buf + at);
	switch (sp) {
	case SP_MAINTAINER:
		strbuf_addf(&m->name, "%s有限公司", elevator[rng_below(r, 4)]);
		return "1130";
	case SP_MARKET:
		strbuf_addf(&m->name, "%s有限公司", market[rng_below(r, 3)]);
		return rng_chance(r, 0.4) ? "1140" : "1130";
	case SP_LAB: strbuf_addf(&m->name, "%s有限公司", lab[rng_below(r, 4)]); return "1130";
	case SP_FUEL:
		if (rng_chance(r, 0.85)) {
			strbuf_reset(&m->name);
			strbuf_addf(&m->name, "%s%s加油站",
			            rng_chance(r, 0.7)
			                ? "中国石化销售股份有限公司江苏无锡石油分公司"
			                : "中国石油天然气股份有限公司江苏无锡销售分公司",
			            strbuf_str(&m->trade));
			return "2200";
		}
		strbuf_add(&m->name, "石油有限公司");
		return "1130";
	}
	int t = rng_weighted(r, m->etype_w, NETYPES);
	if ((etypes[t].code[0] == '3') && born >= gen_day(2000, 1, 1))
		t = 0;
	strbuf_reset(&m->name);
	strbuf_reset(&m->trade);
	if (!etypes[t].form) {
		/* a branch: the parent company's name and the branch */
		static const char *const cities[] = {"上海", "苏州", "南京",
		                                     "杭州", "江苏", "常州"};
		strbuf_add(&m->name, cities[rng_below(r, 6)]);
		at = m->name.len;
		gen_trade_name(r, &m->name);
		strbuf_add(&m->trade, m->name.buf + at);
		gen_industry_phrase(r, section, &m->name);
		strbuf_addf(&m->name, "%s%s分公司",
		            etypes[t].code[1] == '2' ? "股份有限公司" : "有限公司",
		            d->county ? d->name : "无锡");
	} else {
		gen_company_name_trade(r, d, section, etypes[t].form, &m->name, &m->trade);
	}
	return etypes[t].code;
}

static const char *coop_product(const char *industry)
{
	if (strncmp(industry, "0164", 4) == 0)
		return "茶叶";
	if (strncmp(industry, "015", 3) == 0)
		return "水蜜桃";
	if (strncmp(industry, "03", 2) == 0)
		return "畜禽养殖";
	if (strncmp(industry, "04", 2) == 0)
		return "水产养殖";
	if (strncmp(industry, "014", 3) == 0)
		return "蔬菜";
	return "农机服务";
}

/* Registered capital in hundredths of 万元 (0 = none) and its currency. */
static uint32_t draw_capital(struct maker *m, const char *type, int kind, const char **currency)
{
	static const int nice[] = {1,   2,   3,   5,    10,   20,   30,   50,    100,   200,
	                           300, 500, 800, 1000, 2000, 3000, 5000, 10000, 20000, 50000};
	struct rng *r = &m->r;
	*currency = "CNY";
	int lo = 4, hi = 13; /* 10 … 1000 万元 */
	if (kind == GK_INDIVIDUAL) {
		lo = 0;
		hi = 7;
	} else if (kind == GK_COOP) {
		lo = 4;
		hi = 10;
	} else if (type[0] == '2' || !strcmp(type, "5800") || !strcmp(type, "6800")) {
		return 0;
	} else if (type[1] == '2' || !strcmp(type, "5200")) {
		lo = 13;
		hi = 19;
	} else if (!strcmp(type, "4540")) {
		lo = 0;
		hi = 8;
	} else if (type[0] == '5' || type[0] == '6') {
		*currency = rng_chance(r, 0.6) ? "USD" : "CNY";
		lo = 7;
		hi = 16;
	} else if (type[0] == '4') {
		lo = 8;
		hi = 17;
	}
	/* skewed towards the small end, as real registers are */
	int k = lo + (int)((hi - lo + 1) * pow(rng_unit(r), 1.6));
	return (uint32_t)nice[k > hi ? hi : k] * 100;
}

static void legal_rep(struct maker *m, const char *type, int born, struct copy *c)
{
	struct rng *r = &m->r;
	int y = gen_year(born), from = y - 60, to = y - 22;
	if (from < 1935)
		from = 1935;
	if (to > gen_year(m->w->today) - 19)
		to = gen_year(m->w->today) - 19;
	if (to < from)
		to = from;
	strbuf_reset(&m->rep);
	gen_person_name(r, &m->rep);
	copy_field(c, strbuf_str(&m->rep));
	strbuf_reset(&m->tmp);
	if ((type[0] == '5' || type[0] == '6') && rng_chance(r, 0.5)) {
		int hk = type[0] == '6';
		copy_field(c, hk ? (rng_chance(r, 0.6) ? "hk_macao_permit" : "taiwan_permit")
		                 : "passport");
		copy_fieldf(c, "%c%08ld", hk ? 'H' : 'E', rng_range(r, 0, 99999999));
		return;
	}
	copy_field(c, "resident_id");
	gen_id_number(r, from, to, &m->tmp);
	copy_field(c, strbuf_str(&m->tmp));
}

static void business_scope(const struct gen_world *w, const struct gen_ent *e, struct copy *c)
{
	const struct gen_industry *ind = &w->ind[e->industry];
	static const struct {
		char section;
		const char *extra;
	} extra[] = {
	    {'F', "日用百货、五金产品、电子产品的销售"},
	    {'H', "餐饮服务；食品销售"},
	    {'C', "货物进出口；技术进出口"},
	    {'E', "建设工程施工；住宅室内装饰装修"},
	    {'G', "普通货物仓储服务；国内货物运输代理"},
	    {'I', "技术服务、技术开发、技术咨询"},
	    {'L', "企业管理咨询；信息咨询服务"},
	    {'M', "技术服务、技术开发、技术转让"},
	    {'O', "日用品销售"},
	    {'K', "房屋租赁；停车场服务"},
	};
	const char *more = "";
	for (size_t k = 0; k < sizeof extra / sizeof extra[0]; k++)
		if (extra[k].section == ind->section)
			more = extra[k].extra;
	copy_fieldf(c, "%s%s%s%s", ind->name, *more ? "；" : "", more,
	            e->kind == GK_INDIVIDUAL
	                ? ""
	                : "（依法须经批准的项目，经相关部门批准后方可开展经营活动）");
}

static int approved_on(const struct gen_world *w, long i)
{
	struct gen_history h;
	gen_entity_history(w, i, &h);
	return h.n ? h.day[h.n - 1] : w->ent[i].born;
}

/* The entity's current risk grade: known when the row is written, at the end. */
static void put_risk(struct maker *m, long i, struct copy *c)
{
	int day, grade = m->keep ? -1 : gen_risk_latest(m->w, i, &day);
	copy_field(c, grade >= 0 ? (const char *[]){"A", "B", "C", "D"}[grade] : NULL);
	gen_put_date(c, grade >= 0 ? day : GEN_NULL);
}

/* One market entity: draws it, keeps what the themes need, writes its row. */
static void market_entity(struct maker *m, long i, struct copy *c)
{
	struct gen_world *w = m->w;
	struct rng *r = &m->r;
	struct gen_ent *e = &w->ent[i];
	int sp = m->special[i];
	rng_seed(r, w->seed, m->stream + (uint64_t)i);
	const struct gen_district *d = gen_pick_district(r);
	int area = (int)(d - gen_districts);
	if (area == 2 && rng_chance(r, 0.25))
		area = GEN_AREA_JK;
	e->area = (uint8_t)area;
	e->station =
	    (uint8_t)w->area[area].stations[rng_below(r, (uint64_t)w->area[area].nstations)];
	int u = (int)rng_below(r, 1000);
	e->kind = sp                                            ? GK_ENTERPRISE
	          : u < w->n.share_individual                   ? GK_INDIVIDUAL
	          : u < w->n.share_individual + w->n.share_coop ? GK_COOP
	                                                        : GK_ENTERPRISE;
	int ind = sp && m->special_ind[sp] >= 0 ? m->special_ind[sp]
	                                        : gen_industry_pick(&m->pick[e->kind], r);
	e->industry = (uint16_t)ind;
	char section = w->ind[ind].section;
	strbuf_reset(&m->name);
	strbuf_reset(&m->trade);
	const char *type = "9600";
	e->born = draw_born(m, e->kind, 0);
	if (sp && e->born > w->today - 1500)
		e->born = w->today - 1500 - (int)rng_below(r, 3000);
	if (e->kind == GK_INDIVIDUAL) {
		gen_shop_name_for(r, d, w->ind[ind].code, section, &m->name);
	} else if (e->kind == GK_COOP) {
		type = "9100";
		strbuf_addf(&m->name, "%s", d->prefix);
		size_t at = m->name.len;
		gen_trade_name(r, &m->name);
		strbuf_add(&m->trade, m->name.buf + at);
		strbuf_addf(&m->name, "%s专业合作社", coop_product(w->ind[ind].code));
	} else {
		type = enterprise_name(m, d, section, sp, e->born);
		if (type[0] == '3')
			e->born = draw_born(m, e->kind, 1);
	}
	e->roles = gen_industry_roles(w->ind[ind].code, e->kind);
	if (sp)
		e->status = GS_ACTIVE, e->ended = GEN_NULL;
	else
		draw_status(m, e);
	const char *div = reg_division(m, area, e->born);
	int old = e->born < gen_day(2015, 10, 1);
	const char *prefix = e->kind == GK_INDIVIDUAL ? "92" : e->kind == GK_COOP ? "93" : "91";
	int ma = gen_year(e->born) < 2020 ? 1 : 2;
	strbuf_reset(&m->tmp);
	gen_uscc(prefix, div, old ? m->old_serial : m->ma_serial[ma], old, ma, w->seed, &m->tmp);
	copy_int(c, i + 1);
	copy_field(c, strbuf_str(&m->tmp));
	strbuf_reset(&m->tmp);
	/* the registration number and the credit code it was exchanged for come
	 * from the same registering office */
	if (old)
		gen_reg_no_of(div, (long)gen_permute(m->old_serial, 100000000, w->seed ^ 0x7e9),
		              &m->tmp);
	copy_field(c, old ? strbuf_str(&m->tmp) : NULL);
	if (old)
		m->old_serial++;
	else
		m->ma_serial[ma]++;
	copy_field(c, strbuf_str(&m->name));
	copy_field(c, type);
	legal_rep(m, type, e->born, c);
	strbuf_reset(&m->tmp);
	gen_phone(r, &m->tmp);
	copy_field(c, strbuf_str(&m->tmp));
	strbuf_reset(&m->addr);
	gen_address(r, d, e->kind == GK_ENTERPRISE, &m->addr);
	copy_field(c, strbuf_str(&m->addr));
	copy_field(c, d->division);
	copy_int(c, w->org[e->station].id);
	copy_int(c, w->org[w->area[area].district].id);
	copy_field(c, w->ind[ind].code);
	const char *currency;
	e->capital = draw_capital(m, type, e->kind, &currency);
	gen_put_money(c, e->capital ? (int64_t)e->capital : -1);
	copy_field(c, currency);
	gen_put_date(c, e->born);
	gen_put_date(c, approved_on(w, i));
	gen_put_date(c, e->born);
	gen_put_date(c, e->kind == GK_ENTERPRISE && rng_chance(r, 0.4)
	                    ? e->born + (rng_chance(r, 0.5) ? 7305 : 10957) - 1
	                    : GEN_NULL);
	business_scope(w, e, c);
	copy_field(c, status_code(e->status));
	gen_put_date(c, e->ended);
	copy_field(c, status_reason(m, e));
	put_risk(m, i, c);
	copy_field(c, "企业登记系统");
	if (!m->keep)
		return;
	e->name = gen_keep(w, strbuf_str(&m->name));
	e->addr = gen_keep(w, strbuf_str(&m->addr));
	e->trade = m->trade.len ? gen_keep(w, strbuf_str(&m->trade)) : 0;
	e->rep = gen_keep(w, strbuf_str(&m->rep));
}

/* One of the bodies that are not market entities (事业单位 12…, 社会团体 51…). */
static void institute(struct maker *m, long i, long k, struct copy *c)
{
	struct gen_world *w = m->w;
	struct gen_ent *e = &w->ent[i];
	rng_seed(&m->r, w->seed, m->stream + (uint64_t)i);
	e->kind = GK_OTHER;
	e->area = 0;
	e->station = (uint8_t)w->area[0].stations[0];
	e->industry = (uint16_t)gen_industry_find(w, institutes[k].industry);
	e->born = gen_day(institutes[k].founded, 3, 1);
	e->ended = GEN_NULL;
	e->status = GS_ACTIVE;
	e->roles = k < 4 ? GR_LAB | GR_INSTITUTE : GR_INSTITUTE;
	if (institutes[k].division[5] == '2')
		e->area = 6; /* 宜兴 */
	else if (institutes[k].division[5] == '6')
		e->area = 3; /* 惠山 */
	strbuf_reset(&m->tmp);
	gen_uscc(institutes[k].prefix, institutes[k].division, m->old_serial++, 1, 0, w->seed,
	         &m->tmp);
	copy_int(c, i + 1);
	copy_field(c, strbuf_str(&m->tmp));
	copy_field(c, NULL);
	copy_field(c, institutes[k].name);
	copy_field(c, institutes[k].type);
	legal_rep(m, institutes[k].type, gen_day(1990, 1, 1), c);
	copy_fieldf(c, "0510-8%07ld", rng_range(&m->r, 0, 9999999));
	copy_field(c, institutes[k].address);
	copy_field(c, institutes[k].division);
	copy_field(c, NULL);
	copy_field(c, NULL);
	copy_field(c, institutes[k].industry);
	gen_put_money(c, 100000 + (int64_t)k * 50000);
	copy_field(c, "CNY");
	gen_put_date(c, e->born);
	gen_put_date(c, e->born);
	gen_put_date(c, e->born);
	copy_field(c, NULL);
	copy_field(c, k < 4 ? "检验检测、计量校准、技术服务" : "行业自律、技术交流、地理标志管理");
	copy_field(c, "active");
	copy_field(c, NULL);
	copy_field(c, NULL);
	copy_field(c, NULL);
	copy_field(c, NULL);
	copy_field(c, k < 4 ? "事业单位登记管理系统" : "社会组织登记管理系统");
	w->inst[k] = i;
	if (!m->keep)
		return;
	e->name = gen_keep(w, institutes[k].name);
	e->addr = gen_keep(w, institutes[k].address);
	e->rep = gen_keep(w, strbuf_str(&m->rep));
	e->station = (uint8_t)w->area[e->area].stations[0];
}

/* The lists the themes pick from. */
static void index_entities(struct gen_world *w)
{
	for (long i = 0; i < w->nent; i++) {
		const struct gen_ent *e = &w->ent[i];
		for (int b = 0; b < GEN_ROLES; b++)
			if (e->roles & (1u << b))
				gen_list_add(&w->role[b], (uint32_t)i);
		if (gen_alive(w, i, w->today - 1) && e->kind != GK_OTHER)
			gen_list_add(&w->live, (uint32_t)i);
		if (e->kind != GK_OTHER)
			gen_list_add(&w->by_area[e->area], (uint32_t)i);
	}
	w->tally = xcalloc((size_t)w->nent, sizeof *w->tally);
	w->food_licence = xcalloc((size_t)w->nent, sizeof *w->food_licence);
}

static void maker_init(struct maker *m, struct gen_world *w, int keep)
{
	struct rng r;
	memset(m, 0, sizeof *m);
	m->w = w;
	m->keep = keep;
	gen_stream(w, &r, "core.entity");
	m->stream = rng_next(&r);
	for (int k = 0; k < 3; k++)
		gen_industry_picker_init(&m->pick[k], w, k);
	for (int t = 0; t < NETYPES; t++)
		m->etype_w[t] = etypes[t].weight;
	choose_specials(m);
}

static void maker_free(struct maker *m)
{
	for (int k = 0; k < 3; k++)
		gen_industry_picker_free(&m->pick[k]);
	free(m->special);
	strbuf_free(&m->name);
	strbuf_free(&m->addr);
	strbuf_free(&m->trade);
	strbuf_free(&m->rep);
	strbuf_free(&m->tmp);
}

static void make_entity(struct maker *m, long i, struct copy *c)
{
	if (i < m->w->n.entities)
		market_entity(m, i, c);
	else
		institute(m, i, i - m->w->n.entities, c);
}

enum status gen_plan_entities(struct gen_world *w)
{
	struct maker m;
	struct copy scratch; /* the rows are written at the end; this pass only draws them */
	maker_init(&m, w, 1);
	memset(&scratch, 0, sizeof scratch);
	strbuf_init(&scratch.buf);
	w->nent = w->n.entities + NINST;
	w->ent = xcalloc((size_t)w->nent, sizeof *w->ent);
	for (long i = 0; i < w->nent; i++) {
		make_entity(&m, i, &scratch);
		strbuf_reset(&scratch.buf);
		scratch.fields = 0;
	}
	strbuf_free(&scratch.buf);
	maker_free(&m);
	index_entities(w);
	return w->st;
}

enum status gen_write_entities(struct gen_world *w)
{
	struct maker m;
	struct gen_sink s;
	maker_init(&m, w, 0);
	if (gen_sink_open(w, &s, "core.entity", SQL_ENTITY) == ST_OK) {
		for (long i = 0; i < w->nent; i++) {
			make_entity(&m, i, &s.c);
			if (gen_sink_row(&s) != ST_OK)
				break;
		}
		gen_sink_close(&s);
	}
	maker_free(&m);
	return w->st;
}

void gen_entity_history(const struct gen_world *w, long i, struct gen_history *h)
{
	const struct gen_ent *e = &w->ent[i];
	struct rng r;
	rng_seed(&r, w->seed, 0x4849535400000000ULL | (uint64_t)i);
	h->n = 0;
	double p = e->kind == GK_INDIVIDUAL ? 0.3 : e->kind == GK_OTHER ? 0 : 0.6;
	int last = e->ended == GEN_NULL ? w->today - 1 : e->ended - 1;
	if (last - e->born < 60 || !rng_chance(&r, p))
		return;
	int n = 1 + (int)rng_below(&r, 3);
	int used = 0;
	for (int k = 0; k < n; k++) {
		int item = (int)rng_below(&r, GC_ITEMS);
		if (item == GC_NAME && e->kind == GK_INDIVIDUAL)
			item = GC_REP;
		if (used & (1 << item))
			continue;
		used |= 1 << item;
		h->item[h->n] = item;
		h->day[h->n] = gen_day_between(&r, e->born + 30, last);
		h->n++;
	}
	/* in date order */
	for (int a = 1; a < h->n; a++)
		for (int b = a; b > 0 && h->day[b] < h->day[b - 1]; b--) {
			int t = h->day[b];
			h->day[b] = h->day[b - 1];
			h->day[b - 1] = t;
			t = h->item[b];
			h->item[b] = h->item[b - 1];
			h->item[b - 1] = t;
		}
}
