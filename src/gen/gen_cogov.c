/* 社会共治库: restaurants with open kitchens (明厨亮灶, tied to their food
 * licence), farmers' markets, the quick tests their stalls undergo every
 * day (a positive one sent to the lab is the sample it became), and the
 * bureau's monthly rounds of the markets. */
#include <stdlib.h>
#include <string.h>

#include "gen/gen_themes.h"

static const char SQL_KITCHEN[] = "COPY cogov.open_kitchen (id, entity_id, food_licence_id, "
                                  "org_id, mode, camera_count, platform_url, "
                                  "joined_on, status, last_checked_on, source_system) FROM STDIN";
static const char SQL_MARKET[] =
    "COPY cogov.farmers_market (id, code, name, entity_id, address, division_code, org_id, "
    "stall_count, "
    "star_rating, has_quick_test_room, status, source_system) FROM STDIN";
static const char SQL_QUICK[] =
    "COPY cogov.quick_test (id, test_no, market_id, entity_id, stall_no, sample_name, "
    "sample_category, "
    "test_item, method, performed_by, tester, tested_at, result, disposal, sampling_id, published, "
    "source_system) FROM STDIN";
static const char SQL_ROUND[] =
    "COPY cogov.market_inspection (id, market_id, org_id, inspected_on, inspected_by_staff_id, "
    "score, "
    "problems, rectification_due_on, rectified_on, source_system) FROM STDIN";

static enum status write_kitchens(struct gen_world *w)
{
	static const char *const modes[] = {"glass", "video", "internet"};
	struct gen_sink s;
	struct rng r;
	long id = 0;
	if (gen_sink_begin(w, &s, &r, "cogov.open_kitchen", SQL_KITCHEN) != ST_OK)
		return w->st;
	const struct gen_list *l = &w->role[1]; /* GR_CATERING */
	for (long k = 0; k < l->n && w->st == ST_OK; k++) {
		long i = l->v[k];
		const struct gen_ent *e = &w->ent[i];
		if (!gen_alive(w, i, w->today - 1) || !w->food_licence[i] || !rng_chance(&r, 0.75))
			continue;
		int mode = rng_weighted(&r, (const int[]){30, 50, 20}, 3);
		int from = e->born > gen_day(2018, 1, 1) ? e->born : gen_day(2018, 1, 1);
		int joined = gen_day_between(&r, from, w->today - 1);
		copy_int(&s.c, ++id);
		copy_int(&s.c, i + 1);
		copy_int(&s.c, w->food_licence[i]);
		copy_int(&s.c, w->org[e->station].id);
		copy_field(&s.c, modes[mode]);
		if (mode == 0)
			copy_int(&s.c, 0);
		else
			copy_int(&s.c, rng_range(&r, 1, 8));
		if (mode == 2)
			copy_fieldf(&s.c, "https://mclz.example.cn/kitchen/%ld", i + 1);
		else
			copy_field(&s.c, NULL);
		gen_put_date(&s.c, joined);
		copy_field(&s.c, rng_chance(&r, 0.04) ? "suspended" : "active");
		gen_put_date(&s.c, joined + 30 < w->today
		                       ? gen_day_between(&r, joined, w->today - 1)
		                       : GEN_NULL);
		copy_field(&s.c, "明厨亮灶监管平台");
		gen_sink_row(&s);
	}
	return gen_sink_close(&s);
}

static enum status write_markets(struct gen_world *w)
{
	static const char *const kinds[] = {"农贸市场", "菜市场", "农副产品市场"};
	struct gen_sink s;
	struct rng r;
	const struct gen_list *l = &w->role[8]; /* GR_MARKET */
	if (gen_sink_begin(w, &s, &r, "cogov.farmers_market", SQL_MARKET) != ST_OK)
		return w->st;
	for (long k = 0; k < l->n && w->st == ST_OK; k++) {
		long i = l->v[k];
		const struct gen_ent *e = &w->ent[i];
		copy_int(&s.c, k + 1);
		copy_fieldf(&s.c, "NM-%.2s-%04ld", w->org[gen_ent_district(w, i)].code, k + 1);
		copy_fieldf(&s.c, "%s%s", e->trade ? gen_text_at(w, e->trade) : "", kinds[k % 3]);
		copy_int(&s.c, i + 1);
		copy_field(&s.c, gen_text_at(w, e->addr));
		copy_field(&s.c, gen_area_district(w, e->area)->division);
		copy_int(&s.c, w->org[e->station].id);
		copy_int(&s.c, rng_range(&r, 80, 400));
		if (rng_chance(&r, 0.8))
			copy_int(&s.c, rng_range(&r, 1, 5));
		else
			copy_field(&s.c, NULL);
		gen_put_bool(&s.c, rng_chance(&r, 0.85));
		copy_field(&s.c, k % 40 == 39 ? "renovating" : "open");
		copy_field(&s.c, "农贸市场监管系统");
		gen_sink_row(&s);
	}
	return gen_sink_close(&s);
}

static const struct {
	const char *sample, *category, *item, *method;
} tests[] = {
    {"青菜", "vegetable", "有机磷和氨基甲酸酯类农药", "酶抑制率法"},
    {"韭菜", "vegetable", "有机磷和氨基甲酸酯类农药", "酶抑制率法"},
    {"豇豆", "vegetable", "有机磷和氨基甲酸酯类农药", "酶抑制率法"},
    {"猪肉", "livestock_meat", "克伦特罗", "胶体金免疫层析法"},
    {"鲫鱼", "aquatic", "孔雀石绿", "胶体金免疫层析法"},
    {"鸡肉", "poultry", "恩诺沙星", "胶体金免疫层析法"},
    {"鸡蛋", "egg", "氟苯尼考", "胶体金免疫层析法"},
    {"阳山水蜜桃", "fruit", "有机磷和氨基甲酸酯类农药", "酶抑制率法"},
    {"大米", "grain_oil", "黄曲霉毒素 B1", "胶体金免疫层析法"},
    {"干香菇", "other", "二氧化硫", "比色法"},
};
#define NTESTS ((int)(sizeof tests / sizeof tests[0]))

static int sample_test(int sampling_kind)
{
	/* the sampling kinds of fresh produce, in gen_sampling.c's order */
	static const int map[6] = {1, 2, 3, 4, 7, 6};
	return sampling_kind >= 9 && sampling_kind < 15 ? map[sampling_kind - 9] : 0;
}

static void quick_row(struct gen_sink *s, struct rng *r, long id, long market, long stall, int day,
                      int t, long sampling_id, struct strbuf *tmp)
{
	int positive = sampling_id > 0 || rng_chance(r, 0.008);
	int y, m, d;
	gen_ymd(day, &y, &m, &d);
	copy_int(&s->c, id);
	copy_fieldf(&s->c, "KJ%04d%02d%02d%08ld", y, m, d, id);
	copy_int(&s->c, market + 1);
	copy_int(&s->c, stall + 1);
	copy_fieldf(&s->c, "%c%02ld", 'A' + (int)(stall % 6), stall % 60 + 1);
	copy_field(&s->c, tests[t].sample);
	copy_field(&s->c, tests[t].category);
	copy_field(&s->c, tests[t].item);
	copy_field(&s->c, tests[t].method);
	copy_field(&s->c, sampling_id           ? "regulator"
	                  : rng_chance(r, 0.8)  ? "market"
	                  : rng_chance(r, 0.75) ? "regulator"
	                                        : "third_party");
	strbuf_reset(tmp);
	gen_person_name(r, tmp);
	copy_field(&s->c, strbuf_str(tmp));
	gen_put_ts(&s->c, gen_moment(day, 6 * 3600 + (long)rng_below(r, 5 * 3600)));
	copy_field(&s->c, positive ? "positive" : "negative");
	copy_field(&s->c,
	           positive ? (sampling_id ? "暂停销售，抽样送实验室检验" : "当场下架销毁") : NULL);
	gen_put_id(&s->c, sampling_id);
	gen_put_bool(&s->c, 1);
	copy_field(&s->c, "农贸市场快检公示系统");
	gen_sink_row(s);
}

/* Each market: a few tests a day over the last half year; the stalls are
 * the fresh-food businesses of its district. */
static enum status write_quick_tests(struct gen_world *w)
{
	struct gen_sink s;
	struct rng r;
	struct strbuf tmp = STRBUF_INIT;
	long id = 0;
	const struct gen_list *markets = &w->role[8];
	if (gen_sink_begin(w, &s, &r, "cogov.quick_test", SQL_QUICK) != ST_OK)
		return w->st;
	for (long k = 0; k < markets->n && w->st == ST_OK; k++) {
		long market_ent = markets->v[k];
		int area = w->ent[market_ent].area;
		for (int day = w->today - 180; day < w->today; day++) {
			int n = 2 + (int)rng_below(&r, 4);
			for (int j = 0; j < n; j++) {
				long stall = -1;
				const struct gen_list *stalls = &w->role[9]; /* GR_STALL */
				for (int tries = 0; tries < 40 && stall < 0 && stalls->n; tries++) {
					long i = stalls->v[rng_below(&r, (uint64_t)stalls->n)];
					if (w->ent[i].area == area && gen_alive(w, i, day))
						stall = i;
				}
				quick_row(&s, &r, ++id, k, stall >= 0 ? stall : market_ent, day,
				          (int)rng_below(&r, NTESTS), 0, &tmp);
			}
		}
	}
	/* positives confirmed by the lab: the stall's market is one of its district */
	for (long k = 0; k < w->samplings.n && w->st == ST_OK && markets->n; k++) {
		const struct gen_link *l = &w->samplings.v[k];
		long market = 0;
		for (long j = 0; j < markets->n; j++)
			if (w->ent[markets->v[j]].area == w->ent[l->ent].area) {
				market = j;
				break;
			}
		quick_row(&s, &r, ++id, market, l->ent, l->day, sample_test(l->org), l->id, &tmp);
	}
	strbuf_free(&tmp);
	return gen_sink_close(&s);
}

static enum status write_rounds(struct gen_world *w)
{
	static const char *const problems[] = {"部分摊位未明码标价", "快检公示屏未及时更新",
	                                       "公平秤未按期检定", "冷鲜禽销售区温度不达标"};
	struct gen_sink s;
	struct rng r;
	long id = 0;
	const struct gen_list *markets = &w->role[8];
	if (gen_sink_begin(w, &s, &r, "cogov.market_inspection", SQL_ROUND) != ST_OK)
		return w->st;
	for (long k = 0; k < markets->n && w->st == ST_OK; k++) {
		const struct gen_ent *e = &w->ent[markets->v[k]];
		for (int month = 24; month >= 1; month--) {
			int day = w->today - month * 30 + (int)rng_below(&r, 25);
			if (day >= w->today)
				continue;
			int score = 70 + (int)rng_below(&r, 31);
			int staff = gen_pick_staff(w, &r, e->station, 0);
			int bad = score < 90;
			copy_int(&s.c, ++id);
			copy_int(&s.c, k + 1);
			copy_int(&s.c, w->org[e->station].id);
			gen_put_date(&s.c, day);
			gen_put_id(&s.c, staff >= 0 ? w->staff[staff].id : 0);
			copy_fieldf(&s.c, "%d.0", score);
			copy_field(&s.c, bad ? problems[rng_below(&r, 4)] : NULL);
			gen_put_date(&s.c, bad ? day + 7 : GEN_NULL);
			gen_put_date(&s.c, bad && day + 5 < w->today
			                       ? day + 1 + (int)rng_below(&r, 5)
			                       : GEN_NULL);
			copy_field(&s.c, "农贸市场监管系统");
			gen_sink_row(&s);
		}
	}
	return gen_sink_close(&s);
}

enum status gen_write_cogov(struct gen_world *w)
{
	if (write_kitchens(w) == ST_OK && write_markets(w) == ST_OK &&
	    write_quick_tests(w) == ST_OK)
		write_rounds(w);
	return w->st;
}
