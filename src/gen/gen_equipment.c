/* 特种设备库: elevator maintenance units, rescue stations, elevators (using
 * units are the property companies, shops, hotels … of the register; the
 * registration code carries the category and the division where it was
 * registered; the 6-digit rescue codes are unique), their maintenance every
 * ~15 days and yearly inspections (some overdue), and other special
 * equipment. Records are written newest first, so the triggers that keep an
 * elevator's latest dates update each elevator once. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "gen/gen_codes.h"
#include "gen/gen_themes.h"

static const char SQL_UNIT[] = "COPY equipment.maintenance_unit (id, entity_id, licence_no, "
                               "licence_valid_to, duty_phone, backup_phone, "
                               "service_area, status, source_system) FROM STDIN";
static const char SQL_STATION[] =
    "COPY equipment.rescue_station (id, code, name, kind, entity_id, address, division_code, "
    "latitude, "
    "longitude, duty_phone, team_size, active, source_system) FROM STDIN";
static const char SQL_ELEVATOR[] =
    "COPY equipment.elevator (id, registration_code, category_code, rescue_code, entity_id, "
    "maintenance_entity_id, maintenance_contract_ends_on, manufacturer_name, model, factory_no, "
    "rated_load_kg, "
    "rated_speed_mps, floors, address, place_type, division_code, district_org_id, urban, "
    "latitude, longitude, "
    "use_certificate_no, commissioned_on, registered_on, status, last_maintained_on, "
    "last_inspected_on, "
    "next_inspection_due, source_system) FROM STDIN";
static const char SQL_MAINT[] = "COPY equipment.maintenance_record (id, record_no, elevator_id, "
                                "entity_id, maintained_on, kind, "
                                "technicians, findings, user_confirmed, source_system) FROM STDIN";
static const char SQL_PERIODIC[] =
    "COPY equipment.periodic_inspection (id, report_no, elevator_id, lab_id, inspection_body, "
    "kind, "
    "inspected_on, conclusion, next_due_on, source_system) FROM STDIN";
static const char SQL_SPECIAL[] =
    "COPY equipment.special_equipment (id, registration_code, category_code, equipment_name, "
    "entity_id, "
    "model, factory_no, address, division_code, district_org_id, use_certificate_no, "
    "registered_on, status, "
    "last_inspected_on, next_inspection_due, source_system) FROM STDIN";

static const double centre[GEN_AREAS][2] = {
    {31.572, 120.300}, {31.498, 120.402}, {31.491, 120.255}, {31.681, 120.203},
    {31.600, 120.452}, {31.840, 120.284}, {31.361, 119.823}, {31.470, 120.325},
};
static const char *const area_names[GEN_AREAS] = {"梁溪区", "新吴区", "滨湖区", "惠山区",
                                                  "锡山区", "江阴市", "宜兴市", "经开区"};
static const char *const cats[] = {"3110", "3120", "3130", "3210", "3220",
                                   "3310", "3320", "3410", "3420", "3430"};
static const char *const makers[] = {
    "通力电梯有限公司",         "奥的斯电梯（中国）有限公司",   "迅达（中国）电梯有限公司",
    "日立电梯（中国）有限公司", "三菱电机上海机电电梯有限公司", "蒂森克虏伯电梯（中国）有限公司",
    "康力电梯股份有限公司",     "东芝电梯（中国）有限公司",     "广州广日电梯工业有限公司",
    "西子奥的斯电梯有限公司"};
static const char *const models[] = {"MonoSpace 500", "GeN2-MR", "3300AP",    "HGP",  "LEHY-Ⅲ",
                                     "evolution",     "KLK2",    "SPACEL-GR", "GRPS", "OH5000"};

static void put_coord(struct copy *c, struct rng *r, int area)
{
	copy_fieldf(c, "%.6f", centre[area][0] + (rng_unit(r) - 0.5) * 0.08);
	copy_fieldf(c, "%.6f", centre[area][1] + (rng_unit(r) - 0.5) * 0.08);
}

static enum status write_units(struct gen_world *w)
{
	struct gen_sink s;
	struct rng r;
	const struct gen_list *m = &w->role[7]; /* GR_MAINTAINER */
	if (gen_sink_begin(w, &s, &r, "equipment.maintenance_unit", SQL_UNIT) != ST_OK)
		return w->st;
	struct strbuf no = STRBUF_INIT;
	for (long k = 0; k < m->n && w->st == ST_OK; k++) {
		long i = m->v[k];
		int issued = gen_day_between(&r, w->today - 4 * 365, w->today - 30);
		strbuf_reset(&no);
		strbuf_addf(&no, "TS3432%03ld-20%02d", k + 1, (gen_year(issued) + 4) % 100);
		copy_int(&s.c, k + 1);
		copy_int(&s.c, i + 1);
		copy_field(&s.c, strbuf_str(&no));
		gen_put_date(&s.c, issued + 4 * 365);
		copy_fieldf(&s.c, "0510-8%07ld", rng_range(&r, 0, 9999999));
		copy_fieldf(&s.c, "139%08ld", rng_range(&r, 0, 99999999));
		copy_fieldf(&s.c, "%s及周边", area_names[w->ent[i].area]);
		copy_field(&s.c, k % 30 == 29 ? "suspended" : "active");
		copy_field(&s.c, "特种设备安全监管系统");
		gen_sink_row(&s);
		struct gen_lic l = {(uint32_t)i,
		                    gen_keep(w, strbuf_str(&no)),
		                    gen_keep(w, "电梯安装、改造、修理"),
		                    issued,
		                    issued + 4 * 365,
		                    GEN_NULL,
		                    -1,
		                    9,
		                    GL_VALID};
		gen_lic_add(w, &l);
	}
	strbuf_free(&no);
	return gen_sink_close(&s);
}

static enum status write_stations(struct gen_world *w)
{
	struct gen_sink s;
	struct rng r;
	long id = 0;
	const struct gen_list *m = &w->role[7];
	if (gen_sink_begin(w, &s, &r, "equipment.rescue_station", SQL_STATION) != ST_OK)
		return w->st;
	struct strbuf addr = STRBUF_INIT;
	for (long k = 0; k < 2 * GEN_AREAS + m->n && w->st == ST_OK; k++) {
		int kind = k < GEN_AREAS ? 0 : k < 2 * GEN_AREAS ? 1 : 2;
		long i = kind == 2 ? (long)m->v[k - 2 * GEN_AREAS] : -1;
		int area = kind == 2 ? w->ent[i].area : (int)(k % GEN_AREAS);
		strbuf_reset(&addr);
		gen_address(&r, gen_area_district(w, area), 0, &addr);
		copy_int(&s.c, ++id);
		copy_fieldf(&s.c, "RS-%.2s-%03ld", w->org[w->area[area].district].code, k + 1);
		if (kind == 0)
			copy_fieldf(&s.c, "%s电梯应急救援公共服务站", area_names[area]);
		else if (kind == 1)
			copy_fieldf(&s.c, "无锡市消防救援支队%s大队特勤站", area_names[area]);
		else
			copy_fieldf(&s.c, "%s应急救援驻点（%s%ld）", gen_text_at(w, w->ent[i].name),
			            area_names[area], k);
		copy_field(&s.c, kind == 0   ? "public_station"
		                 : kind == 1 ? "fire_station"
		                             : "maintenance_post");
		gen_put_id(&s.c, i + 1);
		copy_field(&s.c, kind == 2 ? gen_text_at(w, w->ent[i].addr) : strbuf_str(&addr));
		copy_field(&s.c, gen_area_district(w, area)->division);
		put_coord(&s.c, &r, area);
		copy_fieldf(&s.c, "0510-8%07ld", rng_range(&r, 0, 9999999));
		copy_int(&s.c, kind == 1 ? 12 : 3 + (long)rng_below(&r, 6));
		gen_put_bool(&s.c, 1);
		copy_field(&s.c, "96333 平台");
		gen_sink_row(&s);
	}
	w->nrescue_stations = id;
	strbuf_free(&addr);
	return gen_sink_close(&s);
}

/* ---- elevators ---- */

enum place {
	PL_RESIDENTIAL,
	PL_OFFICE,
	PL_SHOPPING,
	PL_HOSPITAL,
	PL_HOTEL,
	PL_FACTORY,
	PL_TRANSPORT
};
static const char *const places[] = {"residential", "office",  "shopping", "hospital",
                                     "hotel",       "factory", "transport"};

static int draw_category(struct rng *r, int place)
{
	static const int w[7][10] = {
	    {900, 0, 0, 0, 0, 0, 0, 0, 80, 20},   {950, 0, 0, 50, 0, 0, 0, 0, 0, 0},
	    {350, 100, 0, 0, 0, 550, 0, 0, 0, 0}, {700, 300, 0, 0, 0, 0, 0, 0, 0, 0},
	    {900, 0, 0, 0, 0, 0, 0, 0, 0, 100},   {150, 500, 250, 0, 50, 0, 0, 50, 0, 0},
	    {200, 0, 0, 0, 0, 600, 200, 0, 0, 0},
	};
	return rng_weighted(r, w[place], 10);
}

/* The division an elevator was registered in: retired ones for old registrations. */
static const char *reg_division(struct rng *r, int area, int day, const char *cur)
{
	if (area == 0 && day < gen_day(2015, 10, 1)) {
		static const char *const old[] = {"320202", "320203", "320204"};
		return old[rng_below(r, 3)];
	}
	if (area == 4 && day < gen_day(2000, 12, 1))
		return "320283";
	return cur;
}

struct elevator_row {
	struct gen_world *w;
	struct rng r;
	uint64_t stream; /* each elevator draws from a stream of its own */
	uint16_t *seq;   /* per category, division and month */
	struct strbuf code, addr;
	int plan; /* the planning pass: fill world.elev */
};

static void elevator_row(struct elevator_row *x, struct gen_sink *s, long k)
{
	struct gen_world *w = x->w;
	struct rng *r = &x->r;
	rng_seed(r, w->seed, x->stream + (uint64_t)k);
	static const uint32_t roles[] = {GR_ESTATE, GR_SHOP,  GR_HOTEL,
	                                 GR_CLINIC, GR_MAKER, GR_CONSUMER};
	static const int role_w[] = {72, 7, 6, 3, 8, 4};
	static const int role_place[] = {PL_RESIDENTIAL, PL_SHOPPING, PL_HOTEL,
	                                 PL_HOSPITAL,    PL_FACTORY,  PL_OFFICE};
	int role = rng_weighted(r, role_w, 6);
	long u = gen_pick_ent_kind(w, r, roles[role], GK_ENTERPRISE, w->today - 1);
	if (u < 0)
		u = gen_pick_ent(w, r, roles[role], w->today - 1, 2.5);
	if (u < 0)
		u = gen_pick_ent(w, r, 0, w->today - 1, 1);
	const struct gen_ent *e = &w->ent[u];
	int place = role_place[role];
	if (place == PL_RESIDENTIAL && rng_chance(r, 0.15))
		place = PL_OFFICE;
	if (place == PL_OFFICE && rng_chance(r, 0.1))
		place = PL_TRANSPORT;
	int cat = draw_category(r, place);
	const struct gen_list *m = &w->role[7];
	long maint = m->n ? m->v[rng_chance(r, 0.8) ? (u * 2654435761u) % (uint64_t)m->n
	                                            : rng_below(r, (uint64_t)m->n)]
	                  : u;
	int commissioned =
	    w->today - 1 - (int)fmin(-log(1.0 - rng_unit(r)) * 9.0 * 365.25, 30 * 365.0);
	int registered = commissioned + (int)rng_below(r, 30);
	if (registered >= w->today)
		registered = w->today - 1;
	int y, mo, d;
	gen_ymd(registered, &y, &mo, &d);
	const char *cur = gen_area_district(w, e->area)->division;
	const char *div = reg_division(r, e->area, registered, cur);
	static const char *const divs[] = {"320213", "320214", "320211", "320206",
	                                   "320205", "320281", "320282", "320202",
	                                   "320203", "320204", "320212", "320283"};
	int di = 0;
	while (di < 11 && strcmp(divs[di], div) != 0)
		di++;
	long key = ((long)cat * 12 + di) * 1440 + (y - 1990) * 12 + (mo - 1);
	int status = e->ended != GEN_NULL ? 2 + (int)rng_below(r, 2)
	             : commissioned < w->today - 20 * 365 && rng_chance(r, 0.15)
	                 ? 2
	                 : rng_chance(r, 0.02);
	int area = e->area, urban = area < 5 || area == GEN_AREA_JK || rng_chance(r, 0.4);
	strbuf_reset(&x->code);
	gen_elevator_code(cats[cat], div, y, mo, ++x->seq[key], &x->code);
	copy_int(&s->c, k + 1);
	copy_field(&s->c, strbuf_str(&x->code));
	copy_field(&s->c, cats[cat]);
	if (k < 900000) {
		strbuf_reset(&x->code);
		gen_rescue_code((uint64_t)k, w->seed ^ 0x96333, &x->code);
		copy_field(&s->c, strbuf_str(&x->code));
	} else {
		copy_field(&s->c, NULL); /* beyond what 6 digits can number */
	}
	copy_int(&s->c, u + 1);
	copy_int(&s->c, maint + 1);
	gen_put_date(&s->c, w->today + (int)rng_range(r, -30, 365));
	int mk = (int)rng_below(r, 10);
	copy_field(&s->c, makers[mk]);
	copy_field(&s->c, models[mk]);
	copy_fieldf(&s->c, "%c%08ld", 'A' + mk, k + 1);
	int escalator = cat == 5 || cat == 6;
	static const int loads[] = {630, 800, 1000, 1050, 1350, 1600, 2000, 3000};
	if (escalator)
		copy_field(&s->c, NULL);
	else
		copy_int(&s->c, loads[cat == 1 || cat == 2 || cat == 4 ? 5 + rng_below(r, 3)
		                                                       : rng_below(r, 6)]);
	copy_field(&s->c, escalator            ? "0.50"
	                  : cat == 9           ? "0.40"
	                  : rng_chance(r, 0.5) ? "1.75"
	                                       : "1.00");
	copy_int(&s->c, escalator                 ? 2
	                : place == PL_RESIDENTIAL ? rng_range(r, 6, 33)
	                                          : rng_range(r, 2, 24));
	strbuf_reset(&x->addr);
	if (place == PL_RESIDENTIAL) {
		static const char *const estates[] = {"花园", "苑", "家园", "新村", "公寓", "名邸"};
		gen_address(r, gen_area_district(w, area), 0, &x->addr);
		gen_trade_name(r, &x->addr);
		strbuf_addf(&x->addr, "%s%ld号楼%ld单元", estates[rng_below(r, 6)],
		            rng_range(r, 1, 40), rng_range(r, 1, 4));
	} else {
		strbuf_addf(&x->addr, "%s%ld号梯", gen_text_at(w, e->addr), rng_range(r, 1, 12));
	}
	copy_field(&s->c, strbuf_str(&x->addr));
	copy_field(&s->c, places[place]);
	copy_field(&s->c, cur);
	copy_int(&s->c, w->org[w->area[area].district].id);
	gen_put_bool(&s->c, urban);
	put_coord(&s->c, r, area);
	copy_fieldf(&s->c, "梯11苏B%07ld（%02d）", k + 1, y % 100);
	gen_put_date(&s->c, commissioned);
	gen_put_date(&s->c, registered);
	static const char *const statuses[] = {"in_use", "stopped", "scrapped", "cancelled"};
	copy_field(&s->c, statuses[status]);
	struct gen_elev *g = &w->elev[k];
	if (x->plan) {
		*g = (struct gen_elev){(uint32_t)u,
		                       (uint32_t)maint,
		                       commissioned,
		                       GEN_NULL,
		                       GEN_NULL,
		                       GEN_NULL,
		                       (int16_t)w->area[area].district,
		                       (uint8_t)area,
		                       (uint8_t)status,
		                       (uint8_t)urban,
		                       0};
	}
	gen_put_date(&s->c, g->last_maint);
	gen_put_date(&s->c, g->last_insp);
	gen_put_date(&s->c, g->next_due);
	copy_field(&s->c, "特种设备安全监管系统");
}

/* Elevators are drawn first (the records need them) and their rows written
 * after their maintenance and inspections, with the latest of each. */
static enum status elevators(struct gen_world *w, int plan)
{
	struct gen_sink s;
	struct rng r;
	struct elevator_row x = {.w = w, .plan = plan};
	gen_stream(w, &r, "equipment.elevator");
	x.stream = rng_next(&r);
	x.seq = xcalloc(10 * 12 * 1440, sizeof *x.seq);
	strbuf_init(&x.code);
	strbuf_init(&x.addr);
	if (plan) {
		struct gen_sink scratch = {.w = w};
		strbuf_init(&scratch.c.buf);
		w->nelev = w->n.elevators;
		w->elev = xcalloc((size_t)w->nelev, sizeof *w->elev);
		for (long k = 0; k < w->nelev; k++) {
			elevator_row(&x, &scratch, k);
			strbuf_reset(&scratch.c.buf);
			scratch.c.fields = 0;
		}
		strbuf_free(&scratch.c.buf);
	} else if (gen_sink_open(w, &s, "equipment.elevator", SQL_ELEVATOR) == ST_OK) {
		for (long k = 0; k < w->nelev && w->st == ST_OK; k++) {
			elevator_row(&x, &s, k);
			gen_sink_row(&s);
		}
		gen_sink_close(&s);
	}
	free(x.seq);
	strbuf_free(&x.code);
	strbuf_free(&x.addr);
	return w->st;
}

/* Two technicians of a maintenance unit, named the same on every record of it. */
static void technicians(const struct gen_world *w, uint32_t maint, int k, struct strbuf *out)
{
	struct rng r;
	rng_seed(&r, w->seed, 0x5445434800000000ULL | ((uint64_t)maint << 4) | (uint64_t)(k % 5));
	gen_person_name(&r, out);
	strbuf_addf(out, "（T%07ld）、", rng_range(&r, 1000000, 9999999));
	gen_person_name(&r, out);
	strbuf_addf(out, "（T%07ld）", rng_range(&r, 1000000, 9999999));
}

static enum status write_maintenance(struct gen_world *w)
{
	static const char *const found[] = {"更换层门滑块", "调整门刀与门球间隙", "清洁轿顶、底坑",
	                                    "更换轿厢照明", "润滑导轨"};
	struct gen_sink s;
	struct rng r;
	long id = 0;
	if (gen_sink_begin(w, &s, &r, "equipment.maintenance_record", SQL_MAINT) != ST_OK)
		return w->st;
	struct strbuf tech = STRBUF_INIT;
	for (long k = 0; k < w->nelev && w->st == ST_OK; k++) {
		struct gen_elev *e = &w->elev[k];
		if (e->status != 0)
			continue;
		/* newest first; a few are overdue for maintenance */
		int day =
		    w->today - 1 -
		    (int)(rng_chance(&r, 0.03) ? rng_range(&r, 16, 45) : (long)rng_below(&r, 14));
		for (int j = 0; day >= w->today - 120 && day > e->commissioned;
		     j++, day -= 14 + (int)rng_below(&r, 2)) {
			if (j == 0)
				w->elev[k].last_maint = day;
			strbuf_reset(&tech);
			technicians(w, e->maint, (int)(k + j), &tech);
			int f = rng_chance(&r, 0.08);
			copy_int(&s.c, ++id);
			copy_fieldf(&s.c, "WB%010ld", id);
			copy_int(&s.c, k + 1);
			copy_int(&s.c, e->maint + 1);
			gen_put_date(&s.c, day);
			copy_field(&s.c, j % 6 == 5 ? "quarter" : "half_month");
			copy_field(&s.c, strbuf_str(&tech));
			copy_field(&s.c, f ? found[rng_below(&r, 5)] : NULL);
			gen_put_bool(&s.c, !rng_chance(&r, 0.08));
			copy_field(&s.c, "电梯维保信息系统");
			gen_sink_row(&s);
		}
	}
	strbuf_free(&tech);
	return gen_sink_close(&s);
}

static enum status write_periodic(struct gen_world *w)
{
	struct gen_sink s;
	struct rng r;
	long id = 0;
	if (gen_sink_begin(w, &s, &r, "equipment.periodic_inspection", SQL_PERIODIC) != ST_OK)
		return w->st;
	for (long k = 0; k < w->nelev && w->st == ST_OK; k++) {
		struct gen_elev *e = &w->elev[k];
		if (e->status >= 2)
			continue;
		int years = (w->today - 1 - e->commissioned) / 365;
		if (rng_chance(&r, 0.04) && years > 1)
			years--; /* overdue for inspection */
		for (int j = years, n = 0; j >= 0 && n < 4; j--, n++) {
			int day = e->commissioned + j * 365 + (j ? (int)rng_below(&r, 20) : 0);
			if (day >= w->today)
				day = w->today - 1;
			int c = j == years ? 0 : rng_weighted(&r, (const int[]){93, 5, 2}, 3);
			if (n == 0) {
				e->last_insp = day;
				e->next_due = c == 2 ? GEN_NULL : day + 365;
			}
			copy_int(&s.c, ++id);
			copy_fieldf(&s.c, "DT%d%08ld", gen_year(day), id);
			copy_int(&s.c, k + 1);
			copy_int(&s.c, w->lab_equipment);
			copy_field(&s.c, "江苏省特种设备安全监督检验研究院无锡分院");
			copy_field(&s.c, j == 0 ? "supervisory" : "periodic");
			gen_put_date(&s.c, day);
			copy_field(&s.c, c == 0   ? "pass"
			                 : c == 1 ? "pass_after_rectification"
			                          : "fail");
			gen_put_date(&s.c, c == 2 ? GEN_NULL : day + 365);
			copy_field(&s.c, "特种设备检验检测系统");
			gen_sink_row(&s);
		}
	}
	return gen_sink_close(&s);
}

static enum status write_special(struct gen_world *w)
{
	static const struct {
		const char *cat, *name, *model, *prefix;
		uint32_t role;
		int cycle;
	} kinds[] = {
	    {"1100", "燃气蒸汽锅炉", "WNS4-1.25-Q", "锅", GR_MAKER, 365},
	    {"2100", "储气罐", "C-2.0/1.0", "容", GR_MAKER, 3 * 365},
	    {"4100", "桥式起重机", "QD16/3.2-22.5", "起", GR_MAKER, 2 * 365},
	    {"4200", "门式起重机", "MH10-20", "起", GR_LOGISTICS, 2 * 365},
	    {"5100", "内燃平衡重式叉车", "CPCD30", "车", GR_LOGISTICS, 365},
	    {"6100", "观览车", "MTL-30", "游", GR_SERVICE, 365},
	};
	struct gen_sink s;
	struct rng r;
	long n = gen_plan_scaled(w->scale, 40000, 5);
	if (gen_sink_begin(w, &s, &r, "equipment.special_equipment", SQL_SPECIAL) != ST_OK)
		return w->st;
	for (long id = 1; id <= n && w->st == ST_OK; id++) {
		int k = rng_weighted(&r, (const int[]){15, 30, 20, 8, 26, 1}, 6);
		long i = gen_pick_ent_kind(w, &r, kinds[k].role, GK_ENTERPRISE, GEN_NULL);
		if (i < 0)
			i = gen_pick_ent(w, &r, 0, GEN_NULL, 1);
		const struct gen_ent *e = &w->ent[i];
		int last = e->ended == GEN_NULL ? w->today - 1 : e->ended - 1;
		int registered = gen_day_between(&r, e->born, last);
		int inspected = registered + (last - registered) / kinds[k].cycle * kinds[k].cycle;
		const char *div = gen_area_district(w, e->area)->division;
		copy_int(&s.c, id);
		copy_fieldf(&s.c, "%s%s%d%06ld", kinds[k].cat, div, gen_year(registered), id);
		copy_field(&s.c, kinds[k].cat);
		copy_field(&s.c, kinds[k].name);
		copy_int(&s.c, i + 1);
		copy_field(&s.c, kinds[k].model);
		copy_fieldf(&s.c, "%d%05ld", gen_year(registered), id % 100000);
		copy_field(&s.c, gen_text_at(w, e->addr));
		copy_field(&s.c, div);
		copy_int(&s.c, w->org[w->area[e->area].district].id);
		copy_fieldf(&s.c, "%s11苏B%07ld", kinds[k].prefix, id);
		gen_put_date(&s.c, registered);
		copy_field(&s.c, e->ended != GEN_NULL ? "cancelled" : "in_use");
		gen_put_date(&s.c, inspected);
		gen_put_date(&s.c, inspected + kinds[k].cycle);
		copy_field(&s.c, "特种设备安全监管系统");
		gen_sink_row(&s);
	}
	return gen_sink_close(&s);
}

enum status gen_write_equipment(struct gen_world *w)
{
	if (write_units(w) == ST_OK && write_stations(w) == ST_OK && elevators(w, 1) == ST_OK &&
	    write_maintenance(w) == ST_OK && write_periodic(w) == ST_OK &&
	    write_special(w) == ST_OK)
		elevators(w, 0);
	return w->st;
}
