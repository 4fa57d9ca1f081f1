/* 信用信息库: annual reports (on time, late, or missing), the abnormal list
 * (listed for a missing report and removed when it is filed; listed when an
 * inspection found the entity unreachable), the serious-violation list,
 * rewards, recalls. Risk grades: gen_risk.c. */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "gen/gen_codes.h"
#include "gen/gen_themes.h"

static const char SQL_ANNUAL[] = "COPY credit.annual_report (id, entity_id, year, submitted_on, "
                                 "employees, amended, source_system) FROM STDIN";
static const char SQL_ABNORMAL[] = "COPY credit.abnormal_operation (id, entity_id, list_reason, "
                                   "listed_on, list_decision_no, listing_org_id, "
                                   "inspection_result_id, removed_on, removal_reason, "
                                   "removal_decision_no, removing_org_id, source_system) "
                                   "FROM STDIN";
static const char SQL_SERIOUS[] =
    "COPY credit.serious_violation (id, entity_id, listed_on, reason, legal_basis, decision_no, "
    "deciding_org_id, penalty_id, publicity_until, removed_on, removal_reason, source_system) FROM "
    "STDIN";
static const char SQL_REWARD[] = "COPY credit.reward (id, entity_id, title, level, awarding_body, "
                                 "awarded_on, valid_to, source_system) FROM STDIN";
static const char SQL_RECALL[] = "COPY credit.recall (id, recall_no, entity_id, product_domain, "
                                 "kind, product_name, models, quantity, defect, "
                                 "remedy, announced_on, completed_on, recovered_quantity, "
                                 "supervising_org_id, source_system) FROM STDIN";

enum annual { AR_NONE, AR_ON_TIME, AR_LATE, AR_MISSING };

/* How entity i filed its report for year y: from a stream of its own, the
 * same for the reports and the abnormal list. *day: when it was filed. */
static int annual_of(const struct gen_world *w, long i, int y, int *day)
{
	const struct gen_ent *e = &w->ent[i];
	if (e->kind == GK_OTHER || e->born > gen_day(y, 12, 31) ||
	    (e->ended != GEN_NULL && e->ended <= gen_day(y + 1, 3, 1)))
		return AR_NONE;
	struct rng r;
	rng_seed(&r, w->seed, 0x414e4e0000000000ULL | ((uint64_t)i << 8) | (uint64_t)(y - 2000));
	int ind = e->kind == GK_INDIVIDUAL;
	double u = rng_unit(&r);
	int kind = u < (ind ? 0.85 : 0.90)   ? AR_ON_TIME
	           : u < (ind ? 0.89 : 0.95) ? AR_LATE
	                                     : AR_MISSING;
	*day = kind == AR_ON_TIME ? gen_day(y + 1, 1, 2) + (int)rng_below(&r, 180)
	                          : gen_day(y + 1, 7, 1) + 1 + (int)rng_below(&r, 300);
	if (kind != AR_MISSING && *day >= w->today)
		return gen_day(y + 1, 7, 1) >= w->today ? AR_NONE : AR_MISSING; /* not filed yet */
	return kind;
}

static int report_years(const struct gen_world *w, int *y0)
{
	int y1 = gen_year(w->today - 1) - 1;
	*y0 = y1 - 3; /* the last four report years */
	return y1;
}

static enum status write_annual(struct gen_world *w)
{
	struct gen_sink s;
	struct rng r;
	long id = 0;
	int y0, y1 = report_years(w, &y0);
	if (gen_sink_begin(w, &s, &r, "credit.annual_report", SQL_ANNUAL) != ST_OK)
		return w->st;
	for (long i = 0; i < w->n.entities && w->st == ST_OK; i++) {
		const struct gen_ent *e = &w->ent[i];
		for (int y = y0; y <= y1; y++) {
			int day, a = annual_of(w, i, y, &day);
			if (a == AR_LATE && y >= y1 - 2)
				w->tally[i].late_reports++;
			if (a != AR_ON_TIME && a != AR_LATE)
				continue;
			copy_int(&s.c, ++id);
			copy_int(&s.c, i + 1);
			copy_int(&s.c, y);
			gen_put_date(&s.c, day);
			copy_int(&s.c, e->kind == GK_INDIVIDUAL
			                   ? rng_range(&r, 1, 5)
			                   : rng_range(&r, 1, 20) * rng_range(&r, 1, 15));
			gen_put_bool(&s.c, rng_chance(&r, 0.03));
			copy_field(&s.c, "国家企业信用信息公示系统");
			gen_sink_row(&s);
		}
	}
	return gen_sink_close(&s);
}

struct abnormal_ctx {
	struct gen_world *w;
	struct gen_sink s;
	struct rng r;
	long id;
	long per_year[GEN_AREAS][128];
	uint8_t *open;          /* per entity: bit per list reason currently listed */
	struct gen_links moved; /* listed three years: to the serious-violation list */
};

static const char *const list_reasons[] = {"no_annual_report", "not_publicized_on_order",
                                           "false_publicity", "unreachable"};

static void abnormal_row(struct abnormal_ctx *a, long i, int reason, int listed, long result_id,
                         int removed, const char *removal)
{
	struct gen_world *w = a->w;
	int org = gen_ent_district(w, i);
	int area = w->org[org].area;
	copy_int(&a->s.c, ++a->id);
	copy_int(&a->s.c, i + 1);
	copy_field(&a->s.c, list_reasons[reason]);
	gen_put_date(&a->s.c, listed);
	copy_fieldf(&a->s.c, "%s市监异列〔%d〕%ld号", gen_org_abbr(w, org), gen_year(listed),
	            ++a->per_year[area][gen_year(listed) % 128]);
	copy_int(&a->s.c, w->org[org].id);
	gen_put_id(&a->s.c, result_id);
	gen_put_date(&a->s.c, removed);
	copy_field(&a->s.c, removal);
	if (removed != GEN_NULL)
		copy_fieldf(&a->s.c, "%s市监异移〔%d〕%ld号", gen_org_abbr(w, org),
		            gen_year(removed), a->id);
	else
		copy_field(&a->s.c, NULL);
	if (removed != GEN_NULL)
		copy_int(&a->s.c, w->org[org].id);
	else
		copy_field(&a->s.c, NULL);
	copy_field(&a->s.c, "国家企业信用信息公示系统");
	gen_sink_row(&a->s);
	if (removed == GEN_NULL) {
		a->open[i] |= (uint8_t)(1 << reason);
		w->tally[i].abnormal_id = (uint32_t)a->id;
	} else if (!strcmp(removal, "moved_to_serious_list")) {
		gen_links_add(&a->moved, (uint32_t)a->id, (uint32_t)i, removed, org, 0);
	}
}

/* Listings for missing and late annual reports. */
static void annual_listings(struct abnormal_ctx *a, long i, int y0, int y1)
{
	struct gen_world *w = a->w;
	for (int y = y0; y <= y1; y++) {
		int day, kind = annual_of(w, i, y, &day);
		int listed = gen_day(y + 1, 7, 1) + (int)rng_below(&a->r, 10);
		if ((kind != AR_LATE && kind != AR_MISSING) || listed >= w->today ||
		    !gen_alive(w, i, listed))
			continue;
		int removed = day + 1 + (int)rng_below(&a->r, 10);
		if (kind == AR_LATE && day > listed && removed < w->today) {
			abnormal_row(a, i, 0, listed, 0, removed, "annual_report_filed");
		} else if (kind == AR_LATE && day > listed && !(a->open[i] & 1)) {
			abnormal_row(a, i, 0, listed, 0, GEN_NULL,
			             NULL); /* filed; removal not decided yet */
		} else if (kind == AR_MISSING && !(a->open[i] & 1)) {
			int moved = listed + 3 * 365 + (int)rng_below(&a->r, 30);
			/* enterprises listed three years go to the serious-violation list */
			if (moved < w->today && w->ent[i].kind == GK_ENTERPRISE)
				abnormal_row(a, i, 0, listed, 0, moved, "moved_to_serious_list");
			else
				abnormal_row(a, i, 0, listed, 0, GEN_NULL, NULL);
		}
	}
}

static enum status write_abnormal(struct gen_world *w, struct gen_links *moved)
{
	static const int reason_of[3] = {3, 1,
	                                 2}; /* unreachable, not publicized, false publicity */
	struct abnormal_ctx a;
	memset(&a, 0, sizeof a);
	a.w = w;
	a.open = xcalloc((size_t)w->nent, 1);
	gen_stream(w, &a.r, "credit.abnormal_operation");
	int y0, y1 = report_years(w, &y0);
	if (gen_sink_open(w, &a.s, "credit.abnormal_operation", SQL_ABNORMAL) == ST_OK) {
		for (long i = 0; i < w->n.entities && w->st == ST_OK; i++)
			annual_listings(&a, i, y0, y1);
		for (long k = 0; k < w->unreachable.n && w->st == ST_OK; k++) {
			const struct gen_link *l = &w->unreachable.v[k];
			int reason = reason_of[l->extra];
			int listed = l->day + 5 + (int)rng_below(&a.r, 15);
			if (listed >= w->today || !gen_alive(w, l->ent, listed) ||
			    (a.open[l->ent] & (1 << reason)))
				continue;
			if ((reason != 3 && rng_chance(&a.r, 0.5)) || rng_chance(&a.r, 0.2))
				continue; /* corrected within the time allowed */
			int removed = listed + 60 + (int)rng_below(&a.r, 400);
			if (removed < w->today && rng_chance(&a.r, 0.4))
				abnormal_row(
				    &a, l->ent, reason, listed, l->id, removed,
				    reason == 3
				        ? (rng_chance(&a.r, 0.5) ? "reachable" : "address_changed")
				        : "info_publicized");
			else
				abnormal_row(&a, l->ent, reason, listed, l->id, GEN_NULL, NULL);
		}
		gen_sink_close(&a.s);
	}
	*moved = a.moved;
	free(a.open);
	return w->st;
}

static void serious_row(struct gen_sink *s, struct gen_world *w, struct rng *r, long id, long ent,
                        int listed, int org, long penalty, long *per_year)
{
	int until = listed + 3 * 365;
	int removed = GEN_NULL;
	const char *removal = NULL;
	if (until < w->today) {
		removed = until;
		removal = "expired";
	} else if (listed + 365 < w->today && rng_chance(r, 0.1)) {
		removed = listed + 365 + (int)rng_below(r, (uint64_t)(w->today - listed - 365));
		removal = "credit_repair";
	}
	copy_int(&s->c, id);
	copy_int(&s->c, ent + 1);
	gen_put_date(&s->c, listed);
	copy_field(&s->c, penalty ? "因严重违法行为受到较重行政处罚"
	                          : "被列入经营异常名录届满三年仍未履行相关义务");
	copy_field(&s->c, penalty ? "《市场监督管理严重违法失信名单管理办法》第二条"
	                          : "《市场监督管理严重违法失信名单管理办法》第十三条");
	copy_fieldf(&s->c, "%s市监严列〔%d〕%ld号", gen_org_abbr(w, org), gen_year(listed),
	            ++*per_year);
	copy_int(&s->c, w->org[org].id);
	gen_put_id(&s->c, penalty);
	gen_put_date(&s->c, until);
	gen_put_date(&s->c, removed);
	copy_field(&s->c, removal);
	copy_field(&s->c, "国家企业信用信息公示系统");
	gen_sink_row(s);
	if (removed == GEN_NULL)
		w->tally[ent].serious_id = (uint32_t)id;
}

static enum status write_serious(struct gen_world *w, const struct gen_links *moved)
{
	struct gen_sink s;
	struct rng r;
	long id = 0, per_year = 0;
	if (gen_sink_begin(w, &s, &r, "credit.serious_violation", SQL_SERIOUS) != ST_OK)
		return w->st;
	for (long k = 0; k < w->penalties.n && w->st == ST_OK; k++) {
		const struct gen_link *l = &w->penalties.v[k];
		int listed = l->day + 10 + (int)rng_below(&r, 20);
		if (l->extra && listed < w->today)
			serious_row(&s, w, &r, ++id, l->ent, listed, l->org, l->id, &per_year);
	}
	for (long k = 0; k < moved->n && w->st == ST_OK; k++)
		serious_row(&s, w, &r, ++id, moved->v[k].ent, moved->v[k].day, moved->v[k].org, 0,
		            &per_year);
	return gen_sink_close(&s);
}

static enum status write_rewards(struct gen_world *w)
{
	static const struct {
		const char *title, *level, *body;
		int years;
	} titles[] = {
	    {"江苏省守合同重信用企业", "provincial", "江苏省市场监督管理局", 2},
	    {"无锡市守合同重信用企业", "city", "无锡市市场监督管理局", 2},
	    {"无锡市市长质量奖", "city", "无锡市人民政府", 0},
	    {"诚信经营示范单位", "district", "区市场监督管理局", 3},
	};
	struct gen_sink s;
	struct rng r;
	long n = gen_plan_scaled(w->scale, 6000, 2);
	if (gen_sink_begin(w, &s, &r, "credit.reward", SQL_REWARD) != ST_OK)
		return w->st;
	const struct gen_list *live = &w->live;
	if (n > live->n)
		n = live->n;
	long id = 0;
	/* distinct entities: a permutation of the live ones, enterprises a year old */
	for (long j = 0; j < live->n && id < n && w->st == ST_OK; j++) {
		long i = live->v[gen_permute((uint64_t)j, (uint64_t)live->n, w->seed)];
		if (w->ent[i].kind != GK_ENTERPRISE || w->ent[i].born + 365 >= w->today - 1)
			continue;
		id++;
		int k = (int)rng_below(&r, 4);
		int day = gen_day_between(&r, w->ent[i].born + 365, w->today - 1);
		copy_int(&s.c, id);
		copy_int(&s.c, i + 1);
		copy_field(&s.c, titles[k].title);
		copy_field(&s.c, titles[k].level);
		copy_field(&s.c, titles[k].body);
		gen_put_date(&s.c, day);
		gen_put_date(&s.c, titles[k].years ? day + titles[k].years * 365 : GEN_NULL);
		copy_field(&s.c, "信用激励信息系统");
		gen_sink_row(&s);
	}
	return gen_sink_close(&s);
}

static enum status write_recalls(struct gen_world *w)
{
	static const struct {
		const char *domain, *product, *defect, *remedy;
	} items[] = {
	    {"consumer_product", "电热水壶", "温控器失效，存在干烧起火风险", "免费更换温控器"},
	    {"consumer_product", "儿童滑板车", "折叠机构锁止不可靠，可能导致摔倒",
	     "免费更换折叠锁止件"},
	    {"vehicle", "电动自行车", "充电器输出电压异常，存在电池过热风险", "免费更换充电器"},
	    {"food", "速冻汤圆", "个别批次检出异物", "退货退款"},
	    {"consumer_product", "燃气灶", "熄火保护装置响应时间超标", "上门维修"},
	};
	struct gen_sink s;
	struct rng r;
	long n = gen_plan_scaled(w->scale, 400, 2);
	if (gen_sink_begin(w, &s, &r, "credit.recall", SQL_RECALL) != ST_OK)
		return w->st;
	for (long id = 1; id <= n && w->st == ST_OK; id++) {
		int k = (int)rng_below(&r, 5);
		long i = gen_pick_ent_kind(w, &r, k == 3 ? GR_FOOD_MAKER : GR_MAKER, GK_ENTERPRISE,
		                           w->today - 1);
		if (i < 0)
			i = gen_pick_ent(w, &r, GR_MAKER, GEN_NULL, 1);
		if (i < 0)
			i = w->inst[2];
		int day = gen_day_between(&r, w->today - 5 * 365, w->today - 1);
		int done = day + 60 + (int)rng_below(&r, 200);
		int qty = 500 + (int)rng_below(&r, 30000);
		copy_int(&s.c, id);
		copy_fieldf(&s.c, "ZH%d32%05ld", gen_year(day), id);
		copy_int(&s.c, i + 1);
		copy_field(&s.c, items[k].domain);
		copy_field(&s.c, rng_chance(&r, 0.85) ? "voluntary" : "ordered");
		copy_field(&s.c, items[k].product);
		copy_fieldf(&s.c, "%c%c-%ld 型，%d 年生产批次", 'A' + k, 'K', 100 + id % 800,
		            gen_year(day) - 1);
		copy_int(&s.c, qty);
		copy_field(&s.c, items[k].defect);
		copy_field(&s.c, items[k].remedy);
		gen_put_date(&s.c, day);
		gen_put_date(&s.c, done < w->today ? done : GEN_NULL);
		copy_int(&s.c,
		         done < w->today ? qty * (70 + (int)rng_below(&r, 30)) / 100 : qty / 3);
		copy_int(&s.c, w->org[w->city].id);
		copy_field(&s.c, "缺陷产品召回管理信息系统");
		gen_sink_row(&s);
	}
	return gen_sink_close(&s);
}

enum status gen_write_credit(struct gen_world *w)
{
	struct gen_links moved = {0};
	if (write_annual(w) == ST_OK && write_abnormal(w, &moved) == ST_OK &&
	    write_serious(w, &moved) == ST_OK && write_rewards(w) == ST_OK &&
	    write_recalls(w) == ST_OK)
		gen_write_risk(w);
	free(moved.v);
	return w->st;
}
