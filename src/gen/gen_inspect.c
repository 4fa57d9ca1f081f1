/* 双随机、一公开: the list of inspection items, the directory of entities
 * that may be inspected, recusals, and each district bureau's yearly plans
 * with their batches and draws (tasks and results: gen_inspect_tasks.c). */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "gen/gen_inspect.h"
#include "gen/gen_themes.h"

static const char SQL_ITEM[] =
    "COPY supervision.inspection_item (id, code, name, category, legal_basis, inspecting_body, "
    "object_type, "
    "method, ratio_note, frequency, valid_from, source_system) FROM STDIN";
static const char SQL_OBJECT[] = "COPY supervision.inspection_object (id, entity_id, object_type, "
                                 "org_id, included_on, excluded_on, "
                                 "exclusion_reason, source_system) FROM STDIN";
static const char SQL_RECUSAL[] = "COPY supervision.inspector_recusal (id, staff_id, entity_id, "
                                  "reason, recorded_at, recorded_by_staff_id, "
                                  "source_system) FROM STDIN";
static const char SQL_PLAN[] = "COPY supervision.inspection_plan (id, plan_no, org_id, year, "
                               "title, kind, participating_departments, "
                               "status, filed_with_org_id, filed_at, published_at, "
                               "created_by_staff_id, source_system) FROM STDIN";
static const char SQL_PLAN_ITEM[] = "COPY supervision.plan_item (plan_id, item_id) FROM STDIN";
static const char SQL_RATIO[] =
    "COPY supervision.plan_grade_ratio (plan_id, risk_grade, ratio_percent) FROM STDIN";
static const char SQL_BATCH[] = "COPY supervision.inspection_batch (id, plan_id, org_id, batch_no, "
                                "scope, planned_quantity, starts_on, "
                                "ends_on, source_system) FROM STDIN";
static const char SQL_DRAW[] = "COPY supervision.inspection_draw (id, batch_id, org_id, kind, "
                               "drawn_at, drawn_by_staff_id, seed, "
                               "population_count, drawn_count, witness, source_system) FROM STDIN";

static const struct {
	const char *name, *category, *basis, *object, *method, *ratio, *frequency;
} items[] = {
    {"企业公示信息情况检查", "general", "《企业信息公示暂行条例》第十四条", "企业",
     "书面检查、实地核查、网络监测", "不低于 3%", "每年一次"},
    {"个体工商户公示信息情况检查", "general", "《个体工商户年度报告暂行办法》第十二条",
     "个体工商户", "书面检查、实地核查", "不低于 1%", "每年一次"},
    {"食品经营者检查", "key", "《中华人民共和国食品安全法》第一百一十条", "食品经营者",
     "实地核查、抽样检测", "按风险等级确定", "每年不少于一次"},
    {"食品生产者检查", "key", "《中华人民共和国食品安全法》第一百一十条", "食品生产者",
     "实地核查、抽样检测", "按风险等级确定", "每年不少于一次"},
    {"特种设备使用单位检查", "key", "《中华人民共和国特种设备安全法》第五十七条",
     "特种设备使用单位", "实地核查", "不低于 5%", "每年一次"},
    {"工业产品生产许可证获证企业检查", "key", "《工业产品生产许可证管理条例》第三十六条",
     "工业产品获证企业", "实地核查、抽样检测", "不低于 5%", "每年一次"},
    {"计量器具使用情况检查", "general", "《中华人民共和国计量法》第九条", "计量器具使用单位",
     "实地核查", "不低于 2%", "每年一次"},
    {"明码标价和收费行为检查", "general", "《中华人民共和国价格法》第十三条", "经营者", "实地核查",
     "不低于 1%", "每年一次"},
    {"广告发布行为检查", "general", "《中华人民共和国广告法》第四十九条", "企业",
     "网络监测、实地核查", "不低于 1%", "每年一次"},
    {"药品零售企业检查", "key", "《中华人民共和国药品管理法》第九十九条", "药品医疗器械经营者",
     "实地核查", "不低于 10%", "每年一次"},
    {"医疗器械经营企业检查", "key", "《医疗器械监督管理条例》第六十九条", "药品医疗器械经营者",
     "实地核查", "不低于 10%", "每年一次"},
    {"商标使用行为检查", "general", "《中华人民共和国商标法》第五十七条", "企业",
     "网络监测、实地核查", "不低于 1%", "每年一次"},
    {"认证活动检查", "general", "《中华人民共和国认证认可条例》第五十五条", "获证组织",
     "书面检查、实地核查", "不低于 1%", "每年一次"},
    {"农民专业合作社年度报告公示信息检查", "general",
     "《农民专业合作社年度报告公示暂行办法》第十条", "农民专业合作社", "书面检查", "不低于 3%",
     "每年一次"},
};
#define NITEMS ((int)(sizeof items / sizeof items[0]))

const struct insp_template gen_insp_templates[] = {
    {"random", "“双随机、一公开”抽查", {1, 2, 14}, 3, 0, 0.015, 2, 4, 1, 90},
    {"key",
     "食品安全重点检查",
     {3, 4, 0},
     2,
     GR_FOOD_SALE | GR_CATERING | GR_FOOD_MAKER,
     0.05,
     1,
     5,
     10,
     80},
    {"key",
     "特种设备使用单位重点检查",
     {5, 0, 0},
     1,
     GR_ESTATE | GR_HOTEL | GR_SHOP | GR_CLINIC,
     0.08,
     1,
     6,
     1,
     75},
    {"joint", "部门联合“双随机、一公开”抽查", {1, 7, 9}, 3, 0, 0.002, 1, 6, 1, 120},
    {"special", "明码标价专项检查", {8, 0, 0}, 1, GR_CONSUMER, 0.01, 1, 3, 15, 75},
    {"special",
     "药品医疗器械经营专项检查",
     {10, 11, 0},
     2,
     GR_PHARMACY | GR_DEVICE,
     0.10,
     1,
     10,
     8,
     65},
};
const int gen_insp_template_count = (int)(sizeof gen_insp_templates / sizeof gen_insp_templates[0]);

const char *const gen_result_codes[] = {
    "no_problem", "not_publicized",   "false_publicity", "unreachable",        "refused_inspection",
    "corrected",  "pending_followup", "no_activity",     "closed_liquidating", "deregistered",
    "revoked",    "annulled",         "moved_out",
};

/* ---- planning ---- */

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

int gen_insp_recused(const struct insp *in, int s, uint32_t e)
{
	uint64_t key = (uint64_t)s << 32 | e;
	return in->nrecusal &&
	       bsearch(&key, in->recusal, (size_t)in->nrecusal, sizeof key, cmp_u64);
}

static void plan_recusals(struct gen_world *w, struct insp *in)
{
	struct rng r;
	gen_stream(w, &r, "supervision.inspector_recusal.plan");
	in->recusal = xcalloc((size_t)w->nstaff * 2 + 1, sizeof *in->recusal);
	for (int s = 0; s < w->nstaff; s++) {
		int area = w->org[w->staff[s].org].area;
		if (!w->staff[s].credential || area < 0 || !rng_chance(&r, 0.08))
			continue;
		int n = 1 + (int)rng_below(&r, 2);
		for (int k = 0; k < n; k++) {
			long e = gen_pick_ent_in(w, &r, area, 0, GEN_NULL);
			if (e >= 0)
				in->recusal[in->nrecusal++] = (uint64_t)s << 32 | (uint64_t)e;
		}
	}
	qsort(in->recusal, (size_t)in->nrecusal, sizeof *in->recusal, cmp_u64);
	/* the same pair drawn twice is one recusal */
	long out = 0;
	for (long k = 0; k < in->nrecusal; k++)
		if (out == 0 || in->recusal[out - 1] != in->recusal[k])
			in->recusal[out++] = in->recusal[k];
	in->nrecusal = out;
}

static void add_task(struct insp *in, const struct insp_task *t)
{
	if (in->ntask == in->captask) {
		in->captask = in->captask ? in->captask * 2 : 4096;
		in->task = xrealloc(in->task, (size_t)in->captask * sizeof *in->task);
	}
	in->task[in->ntask++] = *t;
}

static int pick_team(struct gen_world *w, const struct insp *in, struct rng *r, struct insp_task *t)
{
	int station = w->ent[t->ent].station, district = w->org[station].parent;
	int n = rng_chance(r, 0.8) ? 2 : 3;
	t->nteam = 0;
	for (int tries = 0; tries < 40 && t->nteam < n; tries++) {
		int org = tries < 12 ? station : district;
		if (w->staff_cred[org] == 0)
			continue;
		int s = w->staff_first[org] + (int)rng_below(r, (uint64_t)w->staff_cred[org]);
		int dup = 0;
		for (int k = 0; k < t->nteam; k++)
			dup |= t->team[k] == s;
		if (!dup && !gen_insp_recused(in, s, t->ent))
			t->team[t->nteam++] = (uint16_t)s;
	}
	return t->nteam >= 2;
}

static int result_for(const struct gen_world *w, struct rng *r, uint32_t e, int day)
{
	static const int weights[9] = {680, 40, 10, 60, 10, 110, 30, 40, 20};
	const struct gen_ent *x = &w->ent[e];
	if (x->ended != GEN_NULL && x->ended <= day) {
		switch (x->status) {
		case GS_DEREGISTERED: return 9;
		case GS_REVOKED: return 10;
		case GS_ANNULLED: return 11;
		case GS_MOVED_OUT: return 12;
		default: return 8;
		}
	}
	return rng_weighted(r, weights, 9);
}

/* One drawn entity's task: its timeline cut at the as-of date. */
static void make_task(struct gen_world *w, struct insp *in, struct rng *r,
                      const struct insp_batch *b, uint32_t e, uint32_t batch)
{
	int horizon = w->today;
	struct insp_task t = {.ent = e,
	                      .batch = batch,
	                      .from = GEN_NULL,
	                      .to = GEN_NULL,
	                      .dispatched = GEN_NO_TS,
	                      .entered = GEN_NO_TS};
	int dday = b->starts + (int)rng_below(r, 6);
	int from = dday + 1 +
	           (int)rng_below(r, (uint64_t)(b->ends - dday - 4 > 1 ? b->ends - dday - 4 : 1));
	int to = from + (int)rng_below(r, 3);
	if (to > b->ends)
		to = b->ends;
	if (from > to)
		from = to;
	if (rng_chance(r, 0.03)) {
		t.status = TS_CANCELLED;
		if (dday < horizon && rng_chance(r, 0.5))
			t.dispatched = gen_moment_on(r, dday, 0);
		add_task(in, &t);
		return;
	}
	if (dday >= horizon) {
		t.status = TS_PENDING;
		add_task(in, &t);
		return;
	}
	t.dispatched = gen_moment_on(r, dday, 0);
	if (!pick_team(w, in, r, &t)) {
		t.status = TS_CANCELLED;
		t.dispatched = GEN_NO_TS;
		add_task(in, &t);
		return;
	}
	t.status = TS_DISPATCHED;
	if (from < horizon) {
		t.status = TS_INSPECTING;
		t.from = from;
	}
	if (to < horizon) {
		t.status = TS_DONE;
		t.to = to;
		t.result = (uint8_t)result_for(w, r, e, to);
		int eday = to + 1 + (int)rng_below(r, 5);
		if (eday < horizon)
			t.entered = gen_moment_on(r, eday, 0);
	}
	add_task(in, &t);
}

/* Draws a batch's tasks from the entities of its district. */
static void draw_batch(struct gen_world *w, struct insp *in, struct rng *r, int bi, uint32_t *cand)
{
	struct insp_batch *b = &in->batch[bi];
	const struct insp_plan *p = &in->plan[b->plan];
	const struct insp_template *tp = &gen_insp_templates[p->tmpl];
	int area = w->org[p->org].area;
	const struct gen_list *l = &w->by_area[area];
	long n = 0;
	for (long k = 0; k < l->n; k++) {
		uint32_t e = l->v[k];
		if ((!tp->roles || (w->ent[e].roles & tp->roles)) && gen_alive(w, e, b->starts - 7))
			cand[n++] = e;
	}
	b->population = (int)n;
	b->staff_pool = 0;
	for (int o = 0; o < w->norg; o++)
		if (o == p->org || w->org[o].parent == p->org)
			b->staff_pool += w->staff_cred[o];
	long k = (long)(tp->rate * (double)n + 0.5);
	if (k < 1 && n > 0)
		k = 1;
	b->planned = (int)(k + k / 20 + 1);
	b->first_task = in->ntask;
	if (b->starts - 7 >= w->today)
		return;              /* not drawn yet */
	b->draw_id = in->ndraws + 1; /* the object draw, then the inspector draw */
	in->ndraws += 2;
	for (long j = 0; j < k; j++) {
		long pick = j + (long)rng_below(r, (uint64_t)(n - j));
		uint32_t tmp = cand[j];
		cand[j] = cand[pick];
		cand[pick] = tmp;
		make_task(w, in, r, b, cand[j], (uint32_t)bi);
	}
	b->ntasks = in->ntask - b->first_task;
}

void gen_insp_plan(struct gen_world *w, struct insp *in)
{
	struct rng r;
	memset(in, 0, sizeof *in);
	gen_stream(w, &r, "supervision.inspection_task.plan");
	plan_recusals(w, in);
	int y1 = gen_year(w->today - 1), y0 = y1 - w->n.inspection_years + 1;
	int max_plans = GEN_AREAS * (y1 - y0 + 1) * gen_insp_template_count;
	in->plan = xcalloc((size_t)max_plans, sizeof *in->plan);
	in->batch = xcalloc((size_t)max_plans * 2, sizeof *in->batch);
	long maxarea = 1;
	for (int a = 0; a < GEN_AREAS; a++)
		if (w->by_area[a].n > maxarea)
			maxarea = w->by_area[a].n;
	uint32_t *cand = xcalloc((size_t)maxarea, sizeof *cand);
	for (int y = y0; y <= y1; y++)
		for (int a = 0; a < GEN_AREAS; a++) {
			int seq = 0;
			for (int t = 0; t < gen_insp_template_count; t++) {
				if ((t == 3 && y % 2 == 0) || (t == 4 && y % 2 == 1))
					continue;
				const struct insp_template *tp = &gen_insp_templates[t];
				struct insp_plan *p = &in->plan[in->nplan];
				*p = (struct insp_plan){w->area[a].district, y, t, ++seq, 0, 0,
				                        tp->batches};
				p->starts = gen_day(y, tp->start_month, tp->start_day);
				for (int bn = 0; bn < tp->batches; bn++) {
					struct insp_batch *b = &in->batch[in->nbatch];
					b->plan = in->nplan;
					b->no = bn + 1;
					b->starts = p->starts + bn * 150;
					b->ends = b->starts + tp->days;
					draw_batch(w, in, &r, in->nbatch, cand);
					in->nbatch++;
				}
				in->nplan++;
			}
		}
	free(cand);
}

void gen_insp_free(struct insp *in)
{
	free(in->plan);
	free(in->batch);
	free(in->task);
	free(in->recusal);
	memset(in, 0, sizeof *in);
}

/* ---- the list, the directory and the plans ---- */

static enum status write_items(struct gen_world *w)
{
	struct gen_sink s;
	if (gen_sink_open(w, &s, "supervision.inspection_item", SQL_ITEM) != ST_OK)
		return w->st;
	for (int k = 0; k < NITEMS; k++) {
		copy_int(&s.c, k + 1);
		copy_fieldf(&s.c, "JSSJ-%03d", k + 1);
		copy_field(&s.c, items[k].name);
		copy_field(&s.c, items[k].category);
		copy_field(&s.c, items[k].basis);
		copy_field(&s.c, "市场监督管理部门");
		copy_field(&s.c, items[k].object);
		copy_field(&s.c, items[k].method);
		copy_field(&s.c, items[k].ratio);
		copy_field(&s.c, items[k].frequency);
		gen_put_date(&s.c, gen_day(2016 + k % 4, 3, 1));
		copy_field(&s.c, "双随机一公开监管平台");
		gen_sink_row(&s);
	}
	return gen_sink_close(&s);
}

static void object_row(struct gen_sink *s, struct gen_world *w, struct rng *r, long *id, long i,
                       const char *type)
{
	static const char *const why[] = {"", "歇业", "已迁出", "已被吊销", "已注销", "已被撤销"};
	const struct gen_ent *e = &w->ent[i];
	int included = e->born > gen_day(2016, 1, 1) ? e->born : gen_day(2016, 1, 1);
	included += (int)rng_below(r, 30);
	if (included >= w->today)
		included = w->today - 1;
	if (e->ended != GEN_NULL && e->ended < included)
		return;
	copy_int(&s->c, ++*id);
	copy_int(&s->c, i + 1);
	copy_field(&s->c, type);
	copy_int(&s->c, w->org[e->station].id);
	gen_put_date(&s->c, included);
	gen_put_date(&s->c, e->ended);
	copy_field(&s->c, e->ended == GEN_NULL ? NULL : why[e->status]);
	copy_field(&s->c, "双随机一公开监管平台");
	gen_sink_row(s);
}

static enum status write_objects(struct gen_world *w)
{
	static const char *const main_type[] = {"企业", "个体工商户", "农民专业合作社"};
	struct gen_sink s;
	struct rng r;
	long id = 0;
	if (gen_sink_begin(w, &s, &r, "supervision.inspection_object", SQL_OBJECT) != ST_OK)
		return w->st;
	for (long i = 0; i < w->n.entities && w->st == ST_OK; i++) {
		const struct gen_ent *e = &w->ent[i];
		object_row(&s, w, &r, &id, i, main_type[e->kind]);
		if (e->roles & (GR_FOOD_SALE | GR_CATERING))
			object_row(&s, w, &r, &id, i, "食品经营者");
		if (e->roles & GR_FOOD_MAKER)
			object_row(&s, w, &r, &id, i, "食品生产者");
		if (e->roles & (GR_PHARMACY | GR_DEVICE))
			object_row(&s, w, &r, &id, i, "药品医疗器械经营者");
		if (e->roles & (GR_ESTATE | GR_HOTEL | GR_SHOP | GR_CLINIC))
			object_row(&s, w, &r, &id, i, "特种设备使用单位");
		if (e->roles & (GR_STALL | GR_FUEL))
			object_row(&s, w, &r, &id, i, "计量器具使用单位");
	}
	return gen_sink_close(&s);
}

static enum status write_recusals(struct gen_world *w, const struct insp *in)
{
	static const char *const reasons[] = {"近亲属在该主体任职", "曾在该主体任职未满三年",
	                                      "与该主体负责人有其他利害关系",
	                                      "本人或近亲属持有该主体股份"};
	struct gen_sink s;
	struct rng r;
	if (gen_sink_begin(w, &s, &r, "supervision.inspector_recusal", SQL_RECUSAL) != ST_OK)
		return w->st;
	for (long k = 0; k < in->nrecusal && w->st == ST_OK; k++) {
		int st = (int)(in->recusal[k] >> 32);
		long e = (long)(in->recusal[k] & 0xffffffffu);
		int recorder = gen_pick_staff(w, &r,
		                              w->org[w->staff[st].org].parent >= 0
		                                  ? w->org[w->staff[st].org].parent
		                                  : w->staff[st].org,
		                              0);
		int day = gen_day_between(&r, gen_day(2017, 1, 1), w->today - 1);
		copy_int(&s.c, k + 1);
		copy_int(&s.c, w->staff[st].id);
		copy_int(&s.c, e + 1);
		copy_field(&s.c, reasons[rng_below(&r, 4)]);
		gen_put_ts(&s.c, gen_moment_on(&r, day, 0));
		gen_put_id(&s.c, recorder >= 0 ? w->staff[recorder].id : 0);
		copy_field(&s.c, "执法人员管理系统");
		gen_sink_row(&s);
	}
	return gen_sink_close(&s);
}

static const char *plan_status(const struct gen_world *w, const struct insp_plan *p, int *filed)
{
	*filed = gen_day(p->year, 1, 20) + (p->seq * 3) % 40;
	if (*filed >= w->today)
		return "draft";
	if (p->year < gen_year(w->today - 1))
		return "finished";
	return p->starts <= w->today - 1 ? "in_progress" : "filed";
}

static enum status write_plans(struct gen_world *w, const struct insp *in)
{
	struct gen_sink s;
	struct rng r;
	if (gen_sink_begin(w, &s, &r, "supervision.inspection_plan", SQL_PLAN) != ST_OK)
		return w->st;
	for (int k = 0; k < in->nplan && w->st == ST_OK; k++) {
		const struct insp_plan *p = &in->plan[k];
		const struct insp_template *tp = &gen_insp_templates[p->tmpl];
		int filed;
		const char *status = plan_status(w, p, &filed);
		int creator = gen_pick_staff(w, &r, p->org, 0);
		copy_int(&s.c, k + 1);
		copy_fieldf(&s.c, "%s市监抽〔%d〕%d号", gen_org_abbr(w, p->org), p->year, p->seq);
		copy_int(&s.c, w->org[p->org].id);
		copy_int(&s.c, p->year);
		copy_fieldf(&s.c, "%s%d年度%s工作计划", w->org[p->org].name, p->year, tp->title);
		copy_field(&s.c, tp->kind);
		copy_field(&s.c,
		           p->tmpl == 3 ? "{市应急管理局,市生态环境局,市卫生健康委员会}" : "{}");
		copy_field(&s.c, status);
		copy_int(&s.c, w->org[w->city].id);
		gen_put_ts(&s.c, strcmp(status, "draft") ? gen_moment_on(&r, filed, 0) : GEN_NO_TS);
		gen_put_ts(&s.c, strcmp(status, "draft") && filed + 5 < w->today
		                     ? gen_moment_on(&r, filed + 5, 0)
		                     : GEN_NO_TS);
		gen_put_id(&s.c, creator >= 0 ? w->staff[creator].id : 0);
		copy_field(&s.c, "双随机一公开监管平台");
		gen_sink_row(&s);
	}
	if (gen_sink_close(&s) != ST_OK)
		return w->st;
	if (gen_sink_open(w, &s, "supervision.plan_item", SQL_PLAN_ITEM) != ST_OK)
		return w->st;
	for (int k = 0; k < in->nplan && w->st == ST_OK; k++) {
		const struct insp_template *tp = &gen_insp_templates[in->plan[k].tmpl];
		for (int j = 0; j < tp->nitems; j++) {
			copy_int(&s.c, k + 1);
			copy_int(&s.c, tp->items[j]);
			gen_sink_row(&s);
		}
	}
	if (gen_sink_close(&s) != ST_OK)
		return w->st;
	static const char *const ratios[2][4] = {{"1", "2", "10", "30"}, {"2", "5", "100", "100"}};
	if (gen_sink_open(w, &s, "supervision.plan_grade_ratio", SQL_RATIO) != ST_OK)
		return w->st;
	for (int k = 0; k < in->nplan && w->st == ST_OK; k++)
		for (int g = 0; g < 4; g++) {
			copy_int(&s.c, k + 1);
			copy_fieldf(&s.c, "%c", 'A' + g);
			copy_field(&s.c, ratios[in->plan[k].tmpl == 1 || in->plan[k].tmpl == 5][g]);
			gen_sink_row(&s);
		}
	return gen_sink_close(&s);
}

static enum status write_batches(struct gen_world *w, const struct insp *in)
{
	struct gen_sink s;
	struct rng r;
	if (gen_sink_open(w, &s, "supervision.inspection_batch", SQL_BATCH) != ST_OK)
		return w->st;
	for (int k = 0; k < in->nbatch && w->st == ST_OK; k++) {
		const struct insp_batch *b = &in->batch[k];
		const struct insp_plan *p = &in->plan[b->plan];
		copy_int(&s.c, k + 1);
		copy_int(&s.c, b->plan + 1);
		copy_int(&s.c, w->org[p->org].id);
		copy_int(&s.c, b->no);
		copy_fieldf(&s.c, "%s辖区内%s", w->org[p->org].short_name,
		            gen_insp_templates[p->tmpl].roles ? "相关行业的市场主体"
		                                              : "各类市场主体");
		copy_int(&s.c, b->planned);
		gen_put_date(&s.c, b->starts);
		gen_put_date(&s.c, b->ends);
		copy_field(&s.c, "双随机一公开监管平台");
		gen_sink_row(&s);
	}
	if (gen_sink_close(&s) != ST_OK)
		return w->st;
	if (gen_sink_begin(w, &s, &r, "supervision.inspection_draw", SQL_DRAW) != ST_OK)
		return w->st;
	long id = 0;
	for (int k = 0; k < in->nbatch && w->st == ST_OK; k++) {
		const struct insp_batch *b = &in->batch[k];
		const struct insp_plan *p = &in->plan[b->plan];
		if (b->starts - 7 >= w->today)
			continue;
		for (int kind = 0; kind < 2; kind++) {
			int who = gen_pick_staff(w, &r, p->org, 0);
			int drawn = kind == 0 ? (int)b->ntasks : (int)(2 * b->ntasks);
			int pop = kind == 0 ? b->population : b->staff_pool;
			copy_int(&s.c, ++id);
			copy_int(&s.c, k + 1);
			copy_int(&s.c, w->org[p->org].id);
			copy_field(&s.c, kind == 0 ? "object" : "inspector");
			gen_put_ts(&s.c, gen_moment_on(&r, b->starts - 7, 0));
			copy_int(&s.c, w->staff[who].id);
			copy_fieldf(&s.c, "%016llx", (unsigned long long)rng_next(&r));
			copy_int(&s.c, pop);
			copy_int(&s.c, drawn < pop ? drawn : pop);
			struct strbuf name = STRBUF_INIT;
			gen_person_name(&r, &name);
			copy_field(&s.c, strbuf_str(&name));
			strbuf_free(&name);
			copy_field(&s.c, "双随机一公开监管平台");
			gen_sink_row(&s);
		}
	}
	return gen_sink_close(&s);
}

enum status gen_write_inspections(struct gen_world *w)
{
	struct insp in;
	gen_insp_plan(w, &in);
	if (write_items(w) == ST_OK && write_objects(w) == ST_OK &&
	    write_recusals(w, &in) == ST_OK && write_plans(w, &in) == ST_OK &&
	    write_batches(w, &in) == ST_OK)
		gen_insp_write_tasks(w, &in);
	gen_insp_free(&in);
	return w->st;
}
