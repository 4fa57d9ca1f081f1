/* 维权: 12345 work orders, complaints, reports, consultations over the last
 * years — more each year, fewer at weekends, a peak around 15 March — with
 * channels, categories, each step's time and where it stands on the as-of
 * date. A work order becomes the complaint, report or consultation it held;
 * a report that opened a case carries the case. */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "gen/gen_rights_text.h"
#include "gen/gen_themes.h"

static const char SQL_TRANSFER[] = "COPY rights.transfer_12345 (id, work_order_no, "
                                   "received_12345_at, received_bureau_at, caller_name, "
                                   "caller_phone, summary, receiving_org_id, handling_org_id, "
                                   "reply_due_at, replied_at, reply, satisfaction, "
                                   "returned, return_reason, source_system) FROM STDIN";
static const char SQL_COMPLAINT[] =
    "COPY rights.complaint (id, complaint_no, channel_code, transfer_12345_id, received_at, "
    "receiving_org_id, "
    "handling_org_id, handler_staff_id, complainant_name, complainant_phone, complainant_address, "
    "complainant_id_no, respondent_name, respondent_address, entity_id, platform_name, "
    "category_code, subject, "
    "amount_involved, purchased_on, request, facts, status, decided_at, refusal_ground_code, "
    "refusal_note, "
    "complainant_notified_at, mediation_started_at, testing_working_days, closed_at, outcome, "
    "termination_reason, parties_notified_at, recovered_amount, source_system) FROM STDIN";
static const char SQL_REPORT[] =
    "COPY rights.report (id, report_no, channel_code, transfer_12345_id, received_at, "
    "receiving_org_id, "
    "handling_org_id, handler_staff_id, anonymous, reporter_name, reporter_phone, reporter_id_no, "
    "reporter_address, reported_name, reported_address, entity_id, violation_category_code, clue, "
    "occurred_place, status, verification_extended, testing_working_days, decided_at, decision, "
    "case_id, "
    "not_opened_reason, transferred_to, reporter_notified_at, reward_amount, closed_at, "
    "source_system) "
    "FROM STDIN";
static const char SQL_CONSULTATION[] =
    "COPY rights.consultation (id, consultation_no, kind, channel_code, transfer_12345_id, "
    "received_at, "
    "receiving_org_id, handling_org_id, contact_name, contact_phone, category_code, topic, "
    "content, status, "
    "answer, answered_at, answered_by_staff_id, source_system) FROM STDIN";

enum { HAS_COMPLAINT = 1, HAS_REPORT = 2, HAS_CONSULTATION = 4 };
#define ANY_ENTERPRISE UINT32_MAX /* a role for origin_of(): any enterprise */

struct xfer {
	int64_t bureau_at;
	uint32_t ent; /* UINT32_MAX: not in the register */
	int16_t org;  /* handling org */
	uint8_t mask, area;
};

struct rights {
	struct gen_world *w;
	int d0, ndays;
	double *cum; /* cumulative weight of the days */
	struct xfer *x;
	long nx;
	long *x_first;  /* first transfer of each day, ndays + 1 entries */
	long linked[3]; /* work orders holding a complaint, report, consultation */
};

/* ---- days ---- */

static double day_weight(const struct rights *g, int k)
{
	int day = g->d0 + k, y, m, d;
	gen_ymd(day, &y, &m, &d);
	double v = 1.0 + 0.10 * k / 365.0;
	int wd = gen_weekday(day);
	if (wd >= 5)
		v *= wd == 5 ? 0.75 : 0.7;
	if (m == 3 && d >= 13 && d <= 17)
		v *= 1.6;
	if (m == 11 && d >= 11 && d <= 20)
		v *= 1.3;
	return v;
}

/* How many of total fall on day k (the days add up to total exactly). */
static long day_count(const struct rights *g, long total, int k)
{
	double all = g->cum[g->ndays - 1];
	long upto = (long)((double)total * g->cum[k] / all);
	long before = k ? (long)((double)total * g->cum[k - 1] / all) : 0;
	return upto - before;
}

/* ---- orgs and people ---- */

static int handling_org(struct gen_world *w, struct rng *r, long ent, int area)
{
	if (ent >= 0 && rng_chance(r, 0.5))
		return w->ent[ent].station;
	return w->area[area].district;
}

static int staff_of(struct gen_world *w, struct rng *r, int org)
{
	int s = gen_pick_staff(w, r, org, 0);
	return s;
}

static void put_staff(struct copy *c, const struct gen_world *w, int s)
{
	gen_put_id(c, s >= 0 ? w->staff[s].id : 0);
}

/* A field made by make with chance p, else NULL. */
static void put_maybe(struct copy *c, struct rng *r, struct strbuf *tmp, double p,
                      void (*make)(struct rng *, struct strbuf *))
{
	strbuf_reset(tmp);
	if (rng_chance(r, p)) {
		make(r, tmp);
		copy_field(c, strbuf_str(tmp));
	} else {
		copy_field(c, NULL);
	}
}

static void put_person(struct copy *c, struct rng *r, struct strbuf *tmp, double name_p,
                       double phone_p)
{
	put_maybe(c, r, tmp, name_p, gen_person_name);
	put_maybe(c, r, tmp, phone_p, gen_phone);
}

/* ---- 12345 work orders ---- */

static void plan_transfers(struct rights *g)
{
	struct gen_world *w = g->w;
	struct rng r;
	gen_stream(w, &r, "rights.transfer_12345.plan");
	g->x = xcalloc((size_t)w->n.transfers + 1, sizeof *g->x);
	g->x_first = xcalloc((size_t)g->ndays + 1, sizeof *g->x_first);
	static const int masks[] = {HAS_COMPLAINT, HAS_REPORT, HAS_CONSULTATION,
	                            HAS_COMPLAINT | HAS_REPORT, HAS_COMPLAINT | HAS_CONSULTATION};
	static const int weights[] = {45, 15, 30, 7, 3};
	for (int k = 0; k < g->ndays; k++) {
		g->x_first[k] = g->nx;
		long n = day_count(g, w->n.transfers, k);
		for (long j = 0; j < n; j++) {
			struct xfer *x = &g->x[g->nx++];
			int day = g->d0 + k;
			x->mask = (uint8_t)masks[rng_weighted(&r, weights, 5)];
			long e = -1;
			if (x->mask & (HAS_COMPLAINT | HAS_REPORT) && rng_chance(&r, 0.85))
				e = gen_pick_ent(w, &r, (x->mask & HAS_COMPLAINT) ? GR_CONSUMER : 0,
				                 day, 1.6);
			x->ent = e >= 0 ? (uint32_t)e : UINT32_MAX;
			x->area = (uint8_t)(e >= 0 ? w->ent[e].area : rng_below(&r, GEN_AREAS));
			x->org = (int16_t)handling_org(w, &r, e, x->area);
			x->bureau_at =
			    gen_moment_on(&r, day, 1) + 600 + (int64_t)rng_below(&r, 86400);
			if (x->bureau_at >= gen_moment(w->today, 0)) /* not past the as-of date */
				x->bureau_at =
				    gen_moment(w->today, 0) - 1 - (int64_t)rng_below(&r, 1800);
			for (int b = 0; b < 3; b++)
				g->linked[b] += (x->mask >> b) & 1;
		}
	}
	g->x_first[g->ndays] = g->nx;
}

static enum status write_transfers(struct rights *g)
{
	struct gen_world *w = g->w;
	struct gen_sink s;
	struct rng r;
	struct strbuf tmp = STRBUF_INIT;
	int64_t horizon = gen_moment(w->today, 0);
	if (gen_sink_begin(w, &s, &r, "rights.transfer_12345", SQL_TRANSFER) != ST_OK)
		return w->st;
	for (long k = 0; k < g->nx && w->st == ST_OK; k++) {
		const struct xfer *x = &g->x[k];
		int64_t at12345 = x->bureau_at - 600 - (int64_t)rng_below(&r, 7200);
		int64_t replied = x->bureau_at + 86400 + (int64_t)rng_below(&r, 5 * 86400);
		int done = replied < horizon;
		int returned = rng_chance(&r, 0.03);
		const struct gen_topic *t =
		    gen_topic_of(w, x->ent == UINT32_MAX ? -1 : (long)x->ent, &r);
		copy_int(&s.c, k + 1);
		int y, m, d;
		gen_ymd((int)(at12345 / 86400), &y, &m, &d);
		copy_fieldf(&s.c, "12345-%04d%02d%02d-%07ld", y, m, d, k + 1);
		gen_put_ts(&s.c, at12345);
		gen_put_ts(&s.c, x->bureau_at);
		put_person(&s.c, &r, &tmp, 0.7, 0.95);
		if (x->mask & HAS_CONSULTATION && !(x->mask & HAS_COMPLAINT))
			copy_field(&s.c, "市民来电咨询市场监管相关政策");
		else
			copy_fieldf(&s.c, "市民反映%s%s%s，请依法处理",
			            x->ent == UINT32_MAX ? "" : gen_text_at(w, w->ent[x->ent].name),
			            t->subjects[k % 4], t->problems[k % 4]);
		copy_int(&s.c, w->org[w->city].id);
		copy_int(&s.c, w->org[x->org].id);
		gen_put_ts(&s.c, x->bureau_at + 7 * 86400);
		gen_put_ts(&s.c, done ? replied : GEN_NO_TS);
		copy_field(&s.c, done ? (returned ? "经核实非市场监管部门职责，已退回"
		                                  : "已联系诉求人并依法处理，结果已告知")
		                      : NULL);
		copy_field(&s.c, done && !returned ? (k % 12 == 0  ? "unsatisfied"
		                                      : k % 5 == 0 ? "basically_satisfied"
		                                                   : "satisfied")
		                                   : NULL);
		gen_put_bool(&s.c, returned);
		copy_field(&s.c, returned ? "诉求事项属于住房和城乡建设部门职责" : NULL);
		copy_field(&s.c, "12345 政务服务平台");
		gen_sink_row(&s);
	}
	strbuf_free(&tmp);
	return gen_sink_close(&s);
}

/* ---- complaints ---- */

struct item_ctx {
	struct rights *g;
	struct rng r;
	struct strbuf a, b;
	int64_t horizon, year_ago;
};

/* Who the item is about, where it is handled, when it came and how. */
struct origin {
	long ent; /* -1: not in the register */
	int area, org, receiving;
	int64_t received;
	const char *channel;
	long xfer; /* work order id, 0 = none */
	int day;   /* the day it was registered on (numbers it) */
};

static int origin_of(struct item_ctx *c, struct origin *o, int day, long xi, uint32_t role,
                     double matched)
{
	struct gen_world *w = c->g->w;
	struct rng *r = &c->r;
	o->day = day;
	if (xi >= 0) {
		const struct xfer *x = &c->g->x[xi];
		o->ent = x->ent == UINT32_MAX ? -1 : (long)x->ent;
		o->area = x->area;
		o->org = x->org;
		o->receiving = x->org;
		o->received = x->bureau_at + 300 + (int64_t)rng_below(r, 7200);
		o->channel = "transfer_12345";
		o->xfer = xi + 1;
		return o->received < c->horizon;
	}
	static const char *const channels[] = {"hotline_12315", "web_12315", "letter", "fax",
	                                       "walk_in"};
	static const int weights[] = {300, 600, 20, 5, 75};
	o->channel = channels[rng_weighted(r, weights, 5)];
	/* most spread over the businesses, some on a few busy ones */
	if (!rng_chance(r, matched))
		o->ent = -1;
	else if (role == ANY_ENTERPRISE)
		o->ent = gen_pick_ent_kind(w, r, 0, GK_ENTERPRISE, day);
	else
		o->ent = gen_pick_ent(w, r, role, day, rng_chance(r, 0.1) ? 2.5 : 1.0);
	o->area = o->ent >= 0 ? w->ent[o->ent].area : (int)rng_below(r, GEN_AREAS);
	o->org = handling_org(w, r, o->ent, o->area);
	o->receiving = o->channel[0] == 'h'   ? w->city
	               : o->channel[0] == 'w' ? w->area[o->area].district
	                                      : o->org;
	o->received = gen_moment_on(r, day, o->channel[0] == 'w');
	o->xfer = 0;
	return 1;
}

/* A moment on a later office day, at least a minute after since. */
static int64_t later(struct rng *r, int64_t since, int min_days, int max_days)
{
	int day = (int)(since / 86400) + min_days +
	          (int)rng_below(r, (uint64_t)(max_days - min_days + 1));
	int64_t t = gen_moment_on(r, day, 0);
	return t > since ? t : since + 60 + (int64_t)rng_below(r, 3600);
}

static void put_ts_before(struct copy *c, int64_t t, int64_t horizon)
{
	gen_put_ts(c, t != GEN_NO_TS && t < horizon ? t : GEN_NO_TS);
}

/* The columns every complaint and report begins with: id, number (prefix,
 * day, number of the day), channel, work order, received, receiving and
 * handling office, the officer handling it. */
static void put_origin(struct item_ctx *c, struct gen_sink *s, long id, const struct origin *o,
                       const char *prefix, int k)
{
	struct gen_world *w = c->g->w;
	int y, m, d;
	gen_ymd(o->day, &y, &m, &d);
	copy_int(&s->c, id);
	copy_fieldf(&s->c, "%s%04d%02d%02d%06d", prefix, y, m, d, k);
	copy_field(&s->c, o->channel);
	gen_put_id(&s->c, o->xfer);
	gen_put_ts(&s->c, o->received);
	copy_int(&s->c, w->org[o->receiving].id);
	copy_int(&s->c, w->org[o->org].id);
	put_staff(&s->c, w, staff_of(w, &c->r, o->org));
}

static void respondent(struct item_ctx *c, const struct origin *o, const struct gen_topic *t)
{
	struct gen_world *w = c->g->w;
	struct rng *r = &c->r;
	strbuf_reset(&c->a);
	strbuf_reset(&c->b);
	if (o->ent >= 0) {
		strbuf_add(&c->a, gen_text_at(w, w->ent[o->ent].name));
		strbuf_add(&c->b, gen_text_at(w, w->ent[o->ent].addr));
	} else if (t->category[1] == '0' && t->category[2] == '7') {
		gen_trade_name(r, &c->a);
		strbuf_add(&c->a, rng_chance(r, 0.5) ? "官方旗舰店" : "专营店");
		strbuf_add(&c->b, rng_chance(r, 0.5) ? "浙江省杭州市余杭区文一西路 969 号"
		                                     : "广东省广州市白云区黄园路 88 号");
	} else {
		gen_shop_name(r, gen_area_district(w, o->area), 'F', &c->a);
		gen_address(r, gen_area_district(w, o->area), 0, &c->b);
	}
}

static void complaint_row(struct item_ctx *c, struct gen_sink *s, long id, const struct origin *o,
                          int k, const struct gen_link *opened)
{
	(void)opened; /* complaints are not opened as cases here */
	static const char *const grounds[] = {"not_competent",     "already_handled",
	                                      "not_consumption",   "time_barred",
	                                      "materials_missing", "other_legal"};
	static const int ground_w[] = {30, 10, 15, 5, 35, 5};
	static const char *const reasons[] = {"withdrawn_or_settled", "testing_disagreement",
	                                      "mediation_refused",    "no_agreement",
	                                      "time_limit",           "refusal_ground_found"};
	static const int reason_w[] = {35, 3, 25, 25, 10, 2};
	static const char *const platforms[] = {"淘宝", "京东", "拼多多", "抖音", "美团"};
	struct gen_world *w = c->g->w;
	struct rng *r = &c->r;
	const struct gen_topic *t = gen_topic_of(w, o->ent, r);
	int64_t h = c->horizon;
	int64_t decided = later(r, o->received, 0, rng_chance(r, 0.95) ? 6 : 11);
	int refused = rng_chance(r, 0.12);
	int64_t notified = later(r, decided, 0, 2);
	int64_t mediation = later(r, decided, 0, 3);
	int64_t closed = later(r, mediation, 1, 40);
	int agreement = rng_chance(r, 0.65);
	int64_t parties =
	    agreement ? (rng_chance(r, 0.5) ? closed : GEN_NO_TS) : later(r, closed, 0, 5);
	const char *status = decided >= h     ? "registered"
	                     : refused        ? "refused"
	                     : mediation >= h ? "accepted"
	                     : closed >= h    ? "mediating"
	                                      : "closed";
	int complete = status[0] != 'r' || rng_chance(r, 0.9);
	int64_t amount = (int64_t)(2000 + rng_below(r, 20000) * (1 + rng_below(r, 100)));
	int day = (int)(o->received / 86400), y, m, dd;
	gen_ymd(day - (int)rng_below(r, 60), &y, &m, &dd);
	put_origin(c, s, id, o, "TS", k);
	put_person(&s->c, r, &c->a, 1.0, 1.0);
	strbuf_reset(&c->a);
	gen_address(r, gen_area_district(w, (int)rng_below(r, GEN_AREAS)), 1, &c->a);
	copy_field(&s->c, complete ? strbuf_str(&c->a) : NULL);
	strbuf_reset(&c->a);
	if (rng_chance(r, 0.1)) {
		gen_id_number(r, 1955, 2004, &c->a);
		copy_field(&s->c, strbuf_str(&c->a));
	} else {
		copy_field(&s->c, NULL);
	}
	respondent(c, o, t);
	copy_field(&s->c, strbuf_str(&c->a));
	copy_field(&s->c, strbuf_str(&c->b));
	gen_put_id(&s->c, o->ent + 1);
	int subj = gen_topic_subject(w, o->ent, t, r);
	const char *category = gen_topic_category(t, subj);
	copy_field(&s->c, strncmp(category, "S07", 3) ? NULL : platforms[rng_below(r, 5)]);
	copy_field(&s->c, category);
	const char *subject = t->subjects[subj];
	copy_field(&s->c, subject);
	gen_put_money(&s->c, amount);
	gen_put_date(&s->c, gen_day(y, m, dd));
	copy_field(&s->c, gen_complaint_request(r));
	copy_fieldf(&s->c, "本人于%d年%d月%d日购买（接受）%s，%s。", y, m, dd, subject,
	            t->problems[subj]);
	copy_field(&s->c, status);
	put_ts_before(&s->c, decided, h);
	copy_field(&s->c,
	           !strcmp(status, "refused") ? grounds[rng_weighted(r, ground_w, 6)] : NULL);
	copy_field(&s->c,
	           !strcmp(status, "refused") ? "经审查，依法决定不予受理，已告知投诉人" : NULL);
	put_ts_before(&s->c, decided < h ? notified : GEN_NO_TS, h);
	put_ts_before(&s->c, status[0] == 'm' || status[0] == 'c' ? mediation : GEN_NO_TS, h);
	copy_int(&s->c, rng_chance(r, 0.02) ? rng_range(r, 3, 15) : 0);
	int is_closed = !strcmp(status, "closed");
	put_ts_before(&s->c, is_closed ? closed : GEN_NO_TS, h);
	copy_field(&s->c, is_closed ? (agreement ? "agreement" : "terminated") : NULL);
	copy_field(&s->c, is_closed && !agreement ? reasons[rng_weighted(r, reason_w, 6)] : NULL);
	put_ts_before(&s->c, is_closed ? parties : GEN_NO_TS, h);
	gen_put_money(
	    &s->c, is_closed && agreement ? amount * (30 + (int64_t)rng_below(r, 71)) / 100 : -1);
	copy_field(&s->c, o->xfer ? "12345 政务服务平台" : "全国 12315 平台");
	if (o->ent >= 0 && o->received >= c->year_ago) {
		w->tally[o->ent].complaints++;
		w->tally[o->ent].complaint_id = (uint32_t)id;
	}
}

static int cmp_link_day(const void *a, const void *b)
{
	const struct gen_link *x = a, *y = b;
	return x->day != y->day ? (x->day < y->day ? -1 : 1) : (x->id < y->id ? -1 : x->id > y->id);
}

static void item_ctx_init(struct item_ctx *c, struct rights *g, const char *stream)
{
	c->g = g;
	gen_stream(g->w, &c->r, stream);
	strbuf_init(&c->a);
	strbuf_init(&c->b);
	c->horizon = gen_moment(g->w->today, 0);
	c->year_ago = gen_moment(g->w->today - 365, 0);
}

static void item_ctx_free(struct item_ctx *c)
{
	strbuf_free(&c->a);
	strbuf_free(&c->b);
}

/* ---- reports ---- */

static void report_row(struct item_ctx *c, struct gen_sink *s, long id, const struct origin *o,
                       int k, const struct gen_link *opened)
{
	static const char *const not_opened[] = {
	    "经核查，举报事项不属实", "经核查，违法事实不成立", "违法行为已超过行政处罚追诉时效",
	    "违法行为轻微并及时改正，没有造成危害后果，依法不予立案"};
	static const char *const agencies[] = {"市住房和城乡建设局", "市生态环境局",
	                                       "区卫生健康委员会", "市交通运输局", "区城市管理局"};
	struct gen_world *w = c->g->w;
	struct rng *r = &c->r;
	const struct gen_topic *t = gen_topic_of(w, o->ent, r);
	int64_t h = c->horizon;
	int anonymous = rng_chance(r, 0.25);
	int extended = !opened && rng_chance(r, 0.15);
	int64_t decided = opened ? later(r, o->received, opened->extra, opened->extra)
	                         : later(r, o->received, 3, extended ? 30 : 15);
	int transferred = !opened && rng_chance(r, 0.12);
	int64_t notified = later(r, decided, 1, 5);
	int64_t closed = later(r, decided, 1, 10);
	const char *status = transferred    ? (decided < h ? "transferred" : "verifying")
	                     : decided >= h ? (o->received + 86400 < h ? "verifying" : "registered")
	                     : closed >= h  ? "decided"
	                                    : "closed";
	int is_decided = !transferred && decided < h;
	put_origin(c, s, id, o, "JB", k);
	gen_put_bool(&s->c, anonymous);
	strbuf_reset(&c->a);
	gen_person_name(r, &c->a);
	copy_field(&s->c, anonymous ? NULL : strbuf_str(&c->a));
	strbuf_reset(&c->a);
	gen_phone(r, &c->a);
	copy_field(&s->c, anonymous && rng_chance(r, 0.5) ? NULL : strbuf_str(&c->a));
	strbuf_reset(&c->a);
	gen_id_number(r, 1955, 2004, &c->a);
	copy_field(&s->c, anonymous || rng_chance(r, 0.7) ? NULL : strbuf_str(&c->a));
	strbuf_reset(&c->a);
	gen_address(r, gen_area_district(w, (int)rng_below(r, GEN_AREAS)), 1, &c->a);
	copy_field(&s->c, anonymous ? NULL : strbuf_str(&c->a));
	respondent(c, o, t);
	int unlicensed = o->ent < 0 && rng_chance(r, 0.5);
	if (unlicensed) {
		strbuf_reset(&c->a);
		strbuf_add(&c->a, rng_chance(r, 0.5) ? "无证经营的食品小作坊" : "无照经营流动摊贩");
	}
	copy_field(&s->c, strbuf_str(&c->a));
	copy_field(&s->c, strbuf_str(&c->b));
	gen_put_id(&s->c, o->ent + 1);
	copy_field(&s->c, unlicensed ? "unlicensed" : t->violation);
	copy_field(&s->c, t->clue);
	copy_field(&s->c, strbuf_str(&c->b));
	copy_field(&s->c, status);
	gen_put_bool(&s->c, extended);
	copy_int(&s->c, 0);
	put_ts_before(&s->c, is_decided ? decided : GEN_NO_TS, h);
	copy_field(&s->c, !is_decided ? NULL : opened ? "case_opened" : "not_opened");
	gen_put_id(&s->c, is_decided && opened ? (long)opened->id : 0);
	copy_field(&s->c, is_decided && !opened ? not_opened[rng_below(r, 4)] : NULL);
	copy_field(&s->c, transferred && decided < h ? agencies[rng_below(r, 5)] : NULL);
	put_ts_before(&s->c, is_decided && !anonymous ? notified : GEN_NO_TS, h);
	int is_closed = !strcmp(status, "closed");
	gen_put_money(&s->c, is_closed && opened && !anonymous && rng_chance(r, 0.15)
	                         ? (int64_t)(200 + rng_below(r, 4800)) * 100
	                         : -1);
	put_ts_before(&s->c, is_closed ? closed : GEN_NO_TS, h);
	copy_field(&s->c, o->xfer ? "12345 政务服务平台" : "全国 12315 平台");
	if (o->ent >= 0 && o->received >= c->year_ago) {
		w->tally[o->ent].reports++;
		w->tally[o->ent].report_id = (uint32_t)id;
	}
}

/* ---- consultations ---- */

static void consultation_row(struct item_ctx *c, struct gen_sink *s, long id,
                             const struct origin *o, int k, const struct gen_link *opened)
{
	(void)opened;
	struct gen_world *w = c->g->w;
	struct rng *r = &c->r;
	const char *topic, *content, *answer, *category;
	gen_consultation_text(r, &topic, &content, &answer, &category);
	int hotline = !strcmp(o->channel, "hotline_12315");
	int org = hotline && rng_chance(r, 0.6) ? w->city : o->org;
	int64_t answered = hotline && rng_chance(r, 0.7)
	                       ? o->received + 120 + (int64_t)rng_below(r, 900)
	                       : later(r, o->received, 0, 3);
	int done = answered < c->horizon;
	int y, m, d;
	gen_ymd(o->day, &y, &m, &d);
	copy_int(&s->c, id);
	copy_fieldf(&s->c, "ZX%04d%02d%02d%06d", y, m, d, k);
	copy_field(&s->c, rng_chance(r, 0.06) ? "suggestion" : "consultation");
	copy_field(&s->c, o->channel);
	gen_put_id(&s->c, o->xfer);
	gen_put_ts(&s->c, o->received);
	copy_int(&s->c, w->org[hotline ? w->city : o->receiving].id);
	copy_int(&s->c, w->org[org].id);
	put_person(&s->c, r, &c->a, 0.15, 0.4); /* most who ask do not give their name */
	copy_field(&s->c, rng_chance(r, 0.5) ? category : NULL);
	copy_field(&s->c, topic);
	copy_field(&s->c, content);
	copy_field(&s->c, done ? "answered" : "open");
	copy_field(&s->c, done ? answer : NULL);
	gen_put_ts(&s->c, done ? answered : GEN_NO_TS);
	put_staff(&s->c, w, done ? staff_of(w, r, org) : -1);
	copy_field(&s->c, o->xfer ? "12345 政务服务平台" : "全国 12315 平台");
}

/* ---- writing one kind of item ---- */

/* A kind of item: its table, which transfers carry it, how many there are and
 * who the rest are about (role, share in the register). Items come day by day:
 * those that came by a 12345 transfer, those that opened a case (reports), then
 * the rest. */
struct item_kind {
	const char *table, *sql;
	int mask;
	long total, linked;
	struct gen_links *cases; /* items that opened a case, or NULL */
	uint32_t role[3];        /* roles picked with the chances below */
	double role_cut[2], matched;
	void (*row)(struct item_ctx *, struct gen_sink *, long, const struct origin *, int,
	            const struct gen_link *);
};

static uint32_t kind_role(const struct item_kind *kd, struct rng *r)
{
	if (!kd->role_cut[0])
		return kd->role[0];
	double u = rng_unit(r);
	return u < kd->role_cut[0] ? kd->role[0] : u < kd->role_cut[1] ? kd->role[1] : kd->role[2];
}

static enum status write_items(struct rights *g, const struct item_kind *kd)
{
	struct gen_world *w = g->w;
	struct gen_sink s;
	struct item_ctx c;
	struct origin o;
	long id = 0, ci = 0, ncases = kd->cases ? kd->cases->n : 0;
	long base = kd->total - kd->linked - ncases;
	if (ncases)
		qsort(kd->cases->v, (size_t)ncases, sizeof *kd->cases->v, cmp_link_day);
	item_ctx_init(&c, g, kd->table);
	if (gen_sink_open(w, &s, kd->table, kd->sql) == ST_OK) {
		for (int k = 0; k < g->ndays && w->st == ST_OK; k++) {
			int seq = 0, day = g->d0 + k;
			for (long xi = g->x_first[k]; xi < g->x_first[k + 1]; xi++)
				if ((g->x[xi].mask & kd->mask) &&
				    origin_of(&c, &o, day, xi, 0, 0)) {
					kd->row(&c, &s, ++id, &o, ++seq, NULL);
					gen_sink_row(&s);
				}
			for (; ci < ncases && kd->cases->v[ci].day <= day; ci++) {
				const struct gen_link *l = &kd->cases->v[ci];
				origin_of(&c, &o, l->day, -1, 0, 0);
				o.ent = l->ent;
				o.area = w->ent[l->ent].area;
				o.org = l->org;
				kd->row(&c, &s, ++id, &o, ++seq, l);
				gen_sink_row(&s);
			}
			long n = base > 0 ? day_count(g, base, k) : 0;
			for (long j = 0; j < n; j++) {
				origin_of(&c, &o, day, -1, kind_role(kd, &c.r), kd->matched);
				kd->row(&c, &s, ++id, &o, ++seq, NULL);
				gen_sink_row(&s);
			}
		}
		gen_sink_close(&s);
	}
	item_ctx_free(&c);
	return w->st;
}

enum status gen_write_rights(struct gen_world *w)
{
	struct rights g = {.w = w};
	g.ndays = w->n.rights_years * 365;
	g.d0 = w->today - g.ndays;
	g.cum = xcalloc((size_t)g.ndays, sizeof *g.cum);
	for (int k = 0; k < g.ndays; k++)
		g.cum[k] = (k ? g.cum[k - 1] : 0) + day_weight(&g, k);
	plan_transfers(&g);
	/* complaints about businesses selling to consumers; reports about those,
	 * enterprises or anyone; consultations mostly about no one in particular */
	const struct item_kind kinds[] = {
	    {"rights.complaint",
	     SQL_COMPLAINT,
	     HAS_COMPLAINT,
	     w->n.complaints,
	     g.linked[0],
	     NULL,
	     {GR_CONSUMER},
	     {0, 0},
	     0.9,
	     complaint_row},
	    {"rights.report",
	     SQL_REPORT,
	     HAS_REPORT,
	     w->n.reports,
	     g.linked[1],
	     &w->report_cases,
	     {GR_CONSUMER, ANY_ENTERPRISE, 0},
	     {0.35, 0.7},
	     0.92,
	     report_row},
	    {"rights.consultation",
	     SQL_CONSULTATION,
	     HAS_CONSULTATION,
	     w->n.consultations,
	     g.linked[2],
	     NULL,
	     {0},
	     {0, 0},
	     0,
	     consultation_row},
	};
	if (write_transfers(&g) == ST_OK)
		for (size_t i = 0; i < sizeof kinds / sizeof *kinds && w->st == ST_OK; i++)
			write_items(&g, &kinds[i]);
	free(g.cum);
	free(g.x);
	free(g.x_first);
	return w->st;
}
