/* 重点产品库: makers of key industrial products and their products, the
 * products under production licence (XK), CCC certificates, and measuring
 * instruments under compulsory verification with their verifications. Each
 * entity's products and instruments come from a stream of its own, so the
 * tables that describe them from different sides agree. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gen/gen_themes.h"

static const char SQL_PRODUCT[] =
    "COPY product.entity_product (id, entity_id, catalog_code, product_name, brand, annual_output, "
    "production_address, source_system) FROM STDIN";
static const char SQL_LICENSED[] = "COPY product.licensed_product (id, licence_no, entity_id, "
                                   "catalog_code, product_name, product_unit, "
                                   "detail, production_address, issuing_authority, issued_on, "
                                   "valid_to, status, source_system) FROM STDIN";
static const char SQL_CCC[] =
    "COPY product.ccc_certificate (id, certificate_no, entity_id, certification_body_id, "
    "catalog_code, "
    "product_category, product_name, model_spec, manufacturer_name, factory_name, factory_address, "
    "issued_on, valid_to, status, status_changed_on, source_system) FROM STDIN";
static const char SQL_INSTRUMENT[] =
    "COPY product.measuring_instrument (id, entity_id, instrument_kind_code, model, manufacturer, "
    "factory_no, location, registered_on, status, last_verified_on, next_due_on, source_system) "
    "FROM STDIN";
static const char SQL_VERIFICATION[] =
    "COPY product.instrument_verification (id, certificate_no, instrument_id, lab_id, "
    "verifying_body, "
    "verified_on, conclusion, next_due_on, source_system) FROM STDIN";

static const struct {
	const char *prefix, *catalog, *xk, *ccc_category;
	const char *products[3];
} catalog[] = {
    {"3831",
     "wire_cable",
     "XK06-001",
     "电线电缆",
     {"聚氯乙烯绝缘电线", "交联聚乙烯绝缘电力电缆", "橡套软电缆"}},
    {"385", "household_appliance", NULL, "家用和类似用途设备", {"电热水壶", "电饭锅", "电风扇"}},
    {"3770",
     "e_bike",
     NULL,
     "电动自行车",
     {"电动自行车", "电动自行车（锂电池）", "电动自行车（铅酸电池）"}},
    {"2927",
     "helmet",
     NULL,
     "电动自行车乘员头盔",
     {"电动自行车乘员头盔", "半盔式乘员头盔", "全盔式乘员头盔"}},
    {"245", "children_product", NULL, "玩具", {"塑胶玩具", "电动玩具", "童车"}},
    {"3861", "gas_appliance", NULL, "家用燃气器具", {"家用燃气灶", "燃气热水器", "燃气灶"}},
    {"262", "fertilizer", "XK13-004", NULL, {"复混肥料", "有机肥料", "掺混肥料"}},
    {"261", "hazardous_chemical", "XK13-014", NULL, {"硫酸", "氢氧化钠", "工业用甲醇"}},
    {"266", "hazardous_chemical", "XK13-014", NULL, {"化学试剂", "水处理剂", "工业用丙酮"}},
    {"2926",
     "hazardous_packaging",
     "XK19-001",
     NULL,
     {"危险化学品包装用塑料桶", "塑料周转箱", "塑料桶"}},
    {"3333", "hazardous_packaging", "XK19-001", NULL, {"钢桶", "镀锡薄钢板桶", "钢提桶"}},
    {"3011",
     "building_material",
     "XK05-001",
     NULL,
     {"通用硅酸盐水泥", "普通硅酸盐水泥", "复合硅酸盐水泥"}},
    {"313",
     "building_material",
     "XK05-001",
     NULL,
     {"热轧带肋钢筋", "热轧光圆钢筋", "冷轧带肋钢筋"}},
    {"17", "textile", NULL, NULL, {"针织T恤衫", "色织布", "床上用品"}},
    {"18", "textile", NULL, NULL, {"男西服", "儿童服装", "衬衫"}},
    {"2929", "food_contact", "XK16-204", NULL, {"食品用塑料包装容器", "塑料餐盒", "食品用塑料袋"}},
    {"3382", "food_contact", "XK16-204", NULL, {"不锈钢餐具", "不锈钢保温杯", "不锈钢碗"}},
    {"3381", "pressure_cooker", NULL, NULL, {"压力锅", "不锈钢压力锅", "铝合金压力锅"}},
    {"3595", "fire_product", NULL, "消防产品", {"手提式干粉灭火器", "消防水带", "应急照明灯具"}},
};
#define NCATALOG ((int)(sizeof catalog / sizeof catalog[0]))

static int catalog_of(const char *code)
{
	for (int k = 0; k < NCATALOG; k++)
		if (strncmp(code, catalog[k].prefix, strlen(catalog[k].prefix)) == 0)
			return k;
	return -1;
}

/* What entity i makes: its catalog row and how many products (0 = none). */
static int products_of(const struct gen_world *w, long i, int *cat)
{
	const struct gen_ent *e = &w->ent[i];
	*cat = (e->roles & GR_MAKER) ? catalog_of(w->ind[e->industry].code) : -1;
	if (*cat < 0)
		return 0;
	struct rng r;
	rng_seed(&r, w->seed, 0x50524f4400000000ULL | (uint64_t)i);
	if (!rng_chance(&r, e->kind == GK_ENTERPRISE ? 0.8 : 0.3))
		return 0;
	return 1 + (int)rng_below(&r, 3);
}

static int entity_last(const struct gen_world *w, long i)
{
	return w->ent[i].ended == GEN_NULL ? w->today - 1 : w->ent[i].ended - 1;
}

static enum status write_products(struct gen_world *w)
{
	struct gen_sink s;
	long id = 0;
	if (gen_sink_open(w, &s, "product.entity_product", SQL_PRODUCT) != ST_OK)
		return w->st;
	for (long i = 0; i < w->n.entities && w->st == ST_OK; i++) {
		int cat, n = products_of(w, i, &cat);
		for (int p = 0; p < n; p++) {
			const struct gen_ent *e = &w->ent[i];
			copy_int(&s.c, ++id);
			copy_int(&s.c, i + 1);
			copy_field(&s.c, catalog[cat].catalog);
			copy_fieldf(&s.c, "%s%s", catalog[cat].products[p],
			            p == 2 ? "（出口型）" : "");
			copy_field(&s.c, e->trade ? gen_text_at(w, e->trade) : NULL);
			copy_fieldf(&s.c, "%ld万件", 5 + (i * 7 + p * 13) % 300);
			copy_field(&s.c, gen_text_at(w, e->addr));
			copy_field(&s.c, "重点工业产品质量安全监管系统");
			gen_sink_row(&s);
		}
	}
	return gen_sink_close(&s);
}

static const char *cert_status(const struct gen_world *w, long i, int valid_to, int *changed)
{
	*changed = GEN_NULL;
	if (w->ent[i].ended != GEN_NULL) {
		*changed = w->ent[i].ended;
		return "cancelled";
	}
	return valid_to < w->today ? "expired" : "valid";
}

static enum status write_licensed(struct gen_world *w)
{
	struct gen_sink s;
	long id = 0, serial = 0;
	if (gen_sink_open(w, &s, "product.licensed_product", SQL_LICENSED) != ST_OK)
		return w->st;
	struct strbuf no = STRBUF_INIT;
	for (long i = 0; i < w->n.entities && w->st == ST_OK; i++) {
		int cat, n = products_of(w, i, &cat);
		if (!n || !catalog[cat].xk)
			continue;
		const struct gen_ent *e = &w->ent[i];
		int last = entity_last(w, i);
		int issued = last - (int)((i * 37) % 1800);
		if (issued < e->born)
			issued = e->born < last ? e->born : last;
		int valid_to = issued + 1825, changed;
		const char *status = cert_status(w, i, valid_to, &changed);
		int provincial = i % 10 < 7;
		strbuf_reset(&no);
		strbuf_addf(&no, "%sXK%s-%05ld", provincial ? "（苏）" : "", catalog[cat].xk + 2,
		            ++serial % 100000);
		for (int p = 0; p < n; p++) {
			copy_int(&s.c, ++id);
			copy_field(&s.c, strbuf_str(&no));
			copy_int(&s.c, i + 1);
			copy_field(&s.c, catalog[cat].catalog);
			copy_fieldf(&s.c, "%s%s", catalog[cat].products[p],
			            p == 2 ? "（出口型）" : "");
			copy_field(&s.c, catalog[cat].products[0]);
			copy_field(&s.c, "见许可证副本");
			copy_field(&s.c, gen_text_at(w, e->addr));
			copy_field(&s.c,
			           provincial ? "江苏省市场监督管理局" : "国家市场监督管理总局");
			gen_put_date(&s.c, issued);
			gen_put_date(&s.c, valid_to);
			copy_field(&s.c, status);
			copy_field(&s.c, "工业产品生产许可证管理系统");
			gen_sink_row(&s);
		}
		struct gen_lic l = {(uint32_t)i,
		                    gen_keep(w, strbuf_str(&no)),
		                    gen_keep(w, catalog[cat].products[0]),
		                    issued,
		                    valid_to,
		                    changed,
		                    -1,
		                    8,
		                    !strcmp(status, "valid")     ? GL_VALID
		                    : !strcmp(status, "expired") ? GL_EXPIRED
		                                                 : GL_CANCELLED};
		gen_lic_add(w, &l);
	}
	strbuf_free(&no);
	return gen_sink_close(&s);
}

static enum status write_ccc(struct gen_world *w)
{
	struct gen_sink s;
	long id = 0;
	if (gen_sink_open(w, &s, "product.ccc_certificate", SQL_CCC) != ST_OK)
		return w->st;
	for (long i = 0; i < w->n.entities && w->st == ST_OK; i++) {
		int cat, n = products_of(w, i, &cat);
		if (!n || !catalog[cat].ccc_category)
			continue;
		const struct gen_ent *e = &w->ent[i];
		int last = entity_last(w, i);
		for (int p = 0; p < n; p++) {
			int issued = last - (int)((i * 53 + p * 211) % 1800);
			if (issued < e->born)
				issued = e->born < last ? e->born : last;
			int valid_to = issued + 1825, changed;
			const char *status = cert_status(w, i, valid_to, &changed);
			copy_int(&s.c, ++id);
			copy_fieldf(&s.c, "%04d01%02d%08ld", gen_year(issued), cat + 1, id);
			copy_int(&s.c, i + 1);
			copy_int(&s.c, w->cert_body_ccc);
			copy_field(&s.c, catalog[cat].catalog);
			copy_field(&s.c, catalog[cat].ccc_category);
			copy_field(&s.c, catalog[cat].products[p]);
			copy_fieldf(&s.c, "%c%c-%ld", 'A' + (int)(i % 26), 'A' + p,
			            100 + (i + p) % 900);
			copy_field(&s.c, gen_text_at(w, e->name));
			copy_field(&s.c, gen_text_at(w, e->name));
			copy_field(&s.c, gen_text_at(w, e->addr));
			gen_put_date(&s.c, issued);
			gen_put_date(&s.c, valid_to);
			copy_field(&s.c, status);
			gen_put_date(&s.c,
			             changed != GEN_NULL && changed < issued ? issued : changed);
			copy_field(&s.c, "强制性产品认证信息系统");
			gen_sink_row(&s);
		}
	}
	return gen_sink_close(&s);
}

/* The compulsory-verification instruments an entity uses. */
struct instrument_plan {
	int n;
	int kind[12];
};

static const struct {
	const char *code, *model, *maker, *location;
	int months;
} ikinds[] = {
    {"electronic_scale", "ACS-15", "上海友声衡器有限公司", "摊位", 12},
    {"fuel_dispenser", "CS46", "正星科技股份有限公司", "加油岛", 6},
    {"truck_scale", "SCS-100", "梅特勒-托利多（常州）称重设备系统有限公司", "厂区地磅房", 12},
    {"taximeter", "JJ-DB", "江苏华计计量科技有限公司", "出租汽车", 12},
    {"pressure_gauge", "Y-100", "上海自动化仪表有限公司", "锅炉房", 6},
    {"sphygmomanometer", "HEM-7121", "欧姆龙（大连）有限公司", "诊室", 12},
    {"ecg", "ECG-1250", "深圳迈瑞生物医疗电子股份有限公司", "心电图室", 12},
};

static void instruments_of(const struct gen_world *w, long i, struct instrument_plan *p)
{
	const struct gen_ent *e = &w->ent[i];
	struct rng r;
	rng_seed(&r, w->seed, 0x494e535400000000ULL | (uint64_t)i);
	p->n = 0;
	int add[7] = {0};
	const char *code = w->ind[e->industry].code;
	if ((e->roles & GR_STALL) && rng_chance(&r, 0.9))
		add[0] = 1 + (int)rng_below(&r, 2);
	else if ((e->roles & GR_FOOD_SALE) && rng_chance(&r, 0.75))
		add[0] = 1 + (int)rng_below(&r, 3);
	if (e->roles & GR_FUEL)
		add[1] = 4 + (int)rng_below(&r, 8);
	if (e->roles & GR_MARKET) {
		add[0] = 2 + (int)rng_below(&r, 3);
		add[2] = rng_chance(&r, 0.3);
	}
	if ((e->roles & (GR_LOGISTICS | GR_MAKER)) && e->kind == GK_ENTERPRISE &&
	    rng_chance(&r, 0.1))
		add[2] = 1;
	if (!strncmp(code, "5413", 4))
		add[3] = 5 + (int)rng_below(&r, 7);
	if ((e->roles & GR_MAKER) && e->kind == GK_ENTERPRISE && rng_chance(&r, 0.2))
		add[4] = 1 + (int)rng_below(&r, 6);
	if ((e->roles & GR_CLINIC) && rng_chance(&r, 0.8)) {
		add[5] = 2 + (int)rng_below(&r, 5);
		add[6] = 1;
	}
	if ((e->roles & GR_PHARMACY) && rng_chance(&r, 0.5))
		add[5] = 1;
	for (int k = 0; k < 7; k++)
		for (int j = 0; j < add[k] && p->n < 12; j++)
			p->kind[p->n++] = k;
}

static int registered_on(const struct gen_world *w, long i, long id)
{
	const struct gen_ent *e = &w->ent[i];
	int from = e->born > w->today - 8 * 365 ? e->born : w->today - 8 * 365;
	int last = entity_last(w, i);
	return from >= last ? from : from + (int)((id * 7919) % (last - from));
}

static int verifications_of(const struct gen_world *w, long i, long inst, int k, int day[2],
                            int pass[2]);

static enum status write_instruments(struct gen_world *w)
{
	struct gen_sink s;
	long id = 0;
	if (gen_sink_open(w, &s, "product.measuring_instrument", SQL_INSTRUMENT) != ST_OK)
		return w->st;
	for (long i = 0; i < w->n.entities && w->st == ST_OK; i++) {
		struct instrument_plan p;
		instruments_of(w, i, &p);
		for (int j = 0; j < p.n; j++) {
			int k = p.kind[j];
			copy_int(&s.c, ++id);
			copy_int(&s.c, i + 1);
			copy_field(&s.c, ikinds[k].code);
			copy_field(&s.c, ikinds[k].model);
			copy_field(&s.c, ikinds[k].maker);
			copy_fieldf(&s.c, "%02d%07ld", k + 10, id);
			copy_fieldf(&s.c, "%s%d号", ikinds[k].location, j + 1);
			gen_put_date(&s.c, registered_on(w, i, id));
			copy_field(&s.c, w->ent[i].ended != GEN_NULL ? "scrapped"
			                 : id % 40 == 0              ? "stopped"
			                                             : "in_use");
			int day[2], pass[2], cycle = (int)lround(ikinds[k].months * 30.44);
			int nv = verifications_of(w, i, id, k, day, pass);
			gen_put_date(&s.c, nv ? day[0] : GEN_NULL);
			gen_put_date(&s.c, nv && pass[0] ? day[0] + cycle : GEN_NULL);
			copy_field(&s.c, "计量器具强制检定管理系统");
			gen_sink_row(&s);
		}
	}
	return gen_sink_close(&s);
}

/* The verifications of instrument inst (of entity i, kind k), newest first:
 * days and whether each passed. Returns how many (0 to 2). */
static int verifications_of(const struct gen_world *w, long i, long inst, int k, int day[2],
                            int pass[2])
{
	int cycle = (int)lround(ikinds[k].months * 30.44);
	int reg = registered_on(w, i, inst), last = entity_last(w, i);
	int latest = reg + (last - reg) / cycle * cycle;
	if (inst % 25 == 0 && latest - cycle >= reg)
		latest -= cycle; /* overdue: not verified this cycle */
	int n = 0;
	for (int v = 0; v < 2 && latest - v * cycle >= reg; v++, n++) {
		day[v] = latest - v * cycle;
		pass[v] = (inst + v) % 33 != 0 || v > 0;
	}
	return n;
}

/* Verifications, newest first, before their instruments: the instrument's
 * row is written with its latest verification. */
static enum status write_verifications(struct gen_world *w)
{
	struct gen_sink s;
	long id = 0, inst = 0;
	if (gen_sink_open(w, &s, "product.instrument_verification", SQL_VERIFICATION) != ST_OK)
		return w->st;
	for (long i = 0; i < w->n.entities && w->st == ST_OK; i++) {
		struct instrument_plan p;
		instruments_of(w, i, &p);
		for (int j = 0; j < p.n; j++) {
			int k = p.kind[j], day[2], pass[2];
			int cycle = (int)lround(ikinds[k].months * 30.44);
			int n = verifications_of(w, i, ++inst, k, day, pass);
			for (int v = 0; v < n; v++) {
				copy_int(&s.c, ++id);
				copy_fieldf(&s.c, "JD%d%08ld", gen_year(day[v]), id);
				copy_int(&s.c, inst);
				copy_int(&s.c, w->lab_metrology);
				copy_field(&s.c, "无锡市计量测试院");
				gen_put_date(&s.c, day[v]);
				copy_field(&s.c, pass[v] ? "pass" : "fail");
				gen_put_date(&s.c, pass[v] ? day[v] + cycle : GEN_NULL);
				copy_field(&s.c, "计量器具强制检定管理系统");
				gen_sink_row(&s);
			}
		}
	}
	return gen_sink_close(&s);
}

enum status gen_write_products(struct gen_world *w)
{
	if (write_products(w) == ST_OK && write_licensed(w) == ST_OK && write_ccc(w) == ST_OK &&
	    write_verifications(w) == ST_OK)
		write_instruments(w);
	return w->st;
}
