/* 知识产权库: trademarks (the entity's trade name — 红豆, 海澜 … — in the
 * Nice classes of its trade), Wuxi's geographical indications with their
 * authorised users, and patents of makers and technology companies. */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "gen/gen_codes.h"
#include "gen/gen_themes.h"

static const char SQL_TRADEMARK[] =
    "COPY ip.trademark (id, reg_no, nice_class, entity_id, mark_name, mark_kind, goods_services, "
    "applied_on, "
    "registered_on, valid_to, status, well_known, agent_name, source_system) FROM STDIN";
static const char SQL_GI[] =
    "COPY ip.geographical_indication (id, name, kind, registration_no, product_category, "
    "protected_area, "
    "approved_on, entity_id, quality_requirements, source_system) FROM STDIN";
static const char SQL_GI_USER[] =
    "COPY ip.gi_user (id, gi_id, entity_id, approved_on, revoked_on, source_system) FROM STDIN";
static const char SQL_PATENT[] = "COPY ip.patent (id, patent_no, kind, title, entity_id, "
                                 "applied_on, granted_on, ipc_class, status, "
                                 "pledged, source_system) FROM STDIN";

/* Nice classes and goods of a GB/T 4754 division. */
static const struct {
	const char *prefix;
	int classes[2];
	const char *goods;
} nice[] = {
    {"13", {29, 30}, "肉、鱼、家禽及野味；肉汁；腌渍蔬菜；蛋；食用油"},
    {"14", {30, 29}, "糕点；面包；饼干；调味品；速冻食品"},
    {"15", {32, 33}, "啤酒；矿泉水；果汁；茶饮料；黄酒"},
    {"17", {24, 25}, "纺织品；床上用品；服装"},
    {"18", {25, 24}, "服装；鞋；帽；袜"},
    {"26", {1, 2}, "工业用化学品；水处理剂；涂料"},
    {"27", {5, 10}, "药物制剂；医用营养品；医疗器械"},
    {"33", {6, 7}, "普通金属及其合金；五金器具；金属管"},
    {"34", {7, 11}, "机器；电动机；泵；阀门"},
    {"35", {7, 9}, "纺织机械；专用设备；仪器"},
    {"38", {9, 11}, "电线电缆；开关；家用电器"},
    {"39", {9, 42}, "电子元件；通讯设备；计算机软件"},
    {"52", {35, 30}, "推销（替他人）；零售服务"},
    {"51", {35, 39}, "进出口代理；货物批发"},
    {"62", {43, 30}, "餐厅；餐饮服务；外卖服务"},
    {"61", {43, 39}, "住宿服务；酒店预订"},
    {"65", {42, 9}, "软件开发；信息技术咨询"},
    {"70", {36, 37}, "物业管理；不动产出租"},
    {"72", {35, 36}, "企业管理咨询；广告"},
    {"80", {44, 37}, "美容服务；理发"},
};

static int nice_of(const char *code)
{
	for (size_t k = 0; k < sizeof nice / sizeof nice[0]; k++)
		if (!strncmp(code, nice[k].prefix, 2))
			return (int)k;
	return -1;
}

static enum status write_trademarks(struct gen_world *w)
{
	static const char *const agents[] = {"无锡市天宇知识产权代理事务所（普通合伙）",
	                                     "江苏圣典律师事务所", "无锡互维知识产权代理有限公司",
	                                     NULL, NULL};
	static const char *const famous[] = {"红豆", "海澜", "阳光", "双良", "远东"};
	struct gen_sink s;
	struct rng r;
	long id = 0;
	if (gen_sink_begin(w, &s, &r, "ip.trademark", SQL_TRADEMARK) != ST_OK)
		return w->st;
	for (long i = 0; i < w->n.entities && w->st == ST_OK; i++) {
		const struct gen_ent *e = &w->ent[i];
		int k = nice_of(w->ind[e->industry].code);
		double p = e->kind != GK_ENTERPRISE ? 0.0 : (e->roles & GR_MAKER) ? 0.4 : 0.25;
		if (!e->trade || k < 0 || !rng_chance(&r, p))
			continue;
		const char *mark = gen_text_at(w, e->trade);
		int n = 1 + (rng_chance(&r, 0.4) ? 1 : 0);
		int last = e->ended == GEN_NULL ? w->today - 1 : e->ended;
		for (int c = 0; c < n; c++) {
			int applied = gen_day_between(&r, e->born,
			                              e->born + 700 < last ? e->born + 700 : last);
			int registered = applied + 270 + (int)rng_below(&r, 270);
			int pending = registered >= w->today;
			int valid_to = registered + 3652;
			if (!pending && valid_to < w->today && rng_chance(&r, 0.8))
				valid_to += 3652; /* renewed */
			const char *status = pending ? "pending"
			                     : e->ended != GEN_NULL && rng_chance(&r, 0.5)
			                         ? "cancelled"
			                     : valid_to < w->today   ? "expired"
			                     : rng_chance(&r, 0.005) ? "invalidated"
			                                             : "registered";
			int well_known = 0;
			for (int f = 0; f < 5; f++)
				well_known |= !strcmp(mark, famous[f]) && (e->roles & GR_MAKER) &&
				              rng_chance(&r, 0.02);
			int kind = rng_weighted(&r, (const int[]){60, 10, 30}, 3);
			copy_int(&s.c, ++id);
			copy_fieldf(
			    &s.c, "%llu",
			    (unsigned long long)(10000000 +
			                         gen_permute((uint64_t)id, 60000000, w->seed)));
			copy_int(&s.c, nice[k].classes[c]);
			copy_int(&s.c, i + 1);
			copy_field(&s.c, kind == 1 ? "图形" : mark);
			copy_field(&s.c, kind == 0   ? "word"
			                 : kind == 1 ? "figurative"
			                             : "combined");
			copy_field(&s.c, nice[k].goods);
			gen_put_date(&s.c, applied);
			gen_put_date(&s.c, pending ? GEN_NULL : registered);
			gen_put_date(&s.c, pending ? GEN_NULL : valid_to - 1);
			copy_field(&s.c, status);
			gen_put_bool(&s.c, well_known);
			copy_field(&s.c, agents[rng_below(&r, 5)]);
			copy_field(&s.c, "商标注册信息系统");
			gen_sink_row(&s);
		}
	}
	return gen_sink_close(&s);
}

static const struct {
	const char *name, *kind, *no, *category, *area, *quality;
	int year, assoc;        /* assoc: index of the owning association in world.inst, -1 none */
	int user_area;          /* area of its users */
	const char *industries; /* their classes, by prefix */
} gis[] = {
    {"宜兴紫砂", "protected_product", "2006 年第 165 号", "陶瓷", "宜兴市丁蜀镇、张渚镇、湖㳇镇等",
     "以宜兴黄龙山紫砂泥料手工制作", 2006, -1, 6, "307"},
    {"宜兴紫砂", "collective_mark", "第 4287659 号", "陶瓷", "宜兴市",
     "使用宜兴本地紫砂泥料，手工成型", 2008, 4, 6, "307"},
    {"阳山水蜜桃", "protected_product", "2005 年第 103 号", "水果", "无锡市惠山区阳山镇",
     "果形圆整，果肉乳白，含糖量 12% 以上", 2005, -1, 3, "015"},
    {"阳山水蜜桃", "certification_mark", "第 3765521 号", "水果", "无锡市惠山区阳山镇及周边",
     "按《阳山水蜜桃》地方标准种植", 2007, 5, 3, "015"},
    {"宜兴红茶", "certification_mark", "第 8913772 号", "茶叶", "宜兴市湖㳇镇、张渚镇、西渚镇等",
     "条索紧细，汤色红亮", 2012, 6, 6, "0164"},
    {"惠山泥人", "protected_product", "2010 年第 46 号", "工艺品", "无锡市惠山区、梁溪区惠山古镇",
     "以惠山黑泥手工捏塑彩绘", 2010, -1, 3, "24"},
};
#define NGIS ((int)(sizeof gis / sizeof gis[0]))

static enum status write_gis(struct gen_world *w)
{
	struct gen_sink s;
	if (gen_sink_open(w, &s, "ip.geographical_indication", SQL_GI) != ST_OK)
		return w->st;
	for (int k = 0; k < NGIS; k++) {
		copy_int(&s.c, k + 1);
		copy_field(&s.c, gis[k].name);
		copy_field(&s.c, gis[k].kind);
		copy_field(&s.c, gis[k].no);
		copy_field(&s.c, gis[k].category);
		copy_field(&s.c, gis[k].area);
		gen_put_date(&s.c, gen_day(gis[k].year, 6, 18));
		gen_put_id(&s.c, gis[k].assoc >= 0 ? w->inst[gis[k].assoc] + 1 : 0);
		copy_field(&s.c, gis[k].quality);
		copy_field(&s.c, "地理标志信息系统");
		gen_sink_row(&s);
	}
	if (gen_sink_close(&s) != ST_OK)
		return w->st;
	struct rng r;
	long id = 0;
	long want = gen_plan_scaled(w->scale, 300, 2);
	if (gen_sink_begin(w, &s, &r, "ip.gi_user", SQL_GI_USER) != ST_OK)
		return w->st;
	for (int k = 0; k < NGIS && w->st == ST_OK; k++) {
		const struct gen_list *l = &w->by_area[gis[k].user_area];
		long got = 0;
		size_t plen = strlen(gis[k].industries);
		/* those of the trade first, then (so that each has some) any in its area */
		for (int pass = 0; pass < 2 && got < want; pass++)
			for (long j = 0; j < l->n && got < want; j++) {
				long i = l->v[j];
				int match = !strncmp(w->ind[w->ent[i].industry].code,
				                     gis[k].industries, plen);
				if (pass == 0 ? !match : match || got > 0 || j % 97 != 0)
					continue;
				int approved = gen_day(gis[k].year, 6, 18) > w->ent[i].born
				                   ? gen_day(gis[k].year, 6, 18)
				                   : w->ent[i].born;
				approved += (int)rng_below(&r, 900);
				if (approved >= w->today)
					continue;
				copy_int(&s.c, ++id);
				copy_int(&s.c, k + 1);
				copy_int(&s.c, i + 1);
				gen_put_date(&s.c, approved);
				gen_put_date(&s.c, w->ent[i].ended != GEN_NULL &&
				                           w->ent[i].ended > approved
				                       ? w->ent[i].ended
				                       : GEN_NULL);
				copy_field(&s.c, "地理标志信息系统");
				gen_sink_row(&s);
				got++;
			}
	}
	return gen_sink_close(&s);
}

static const struct {
	const char *prefix, *parts[3], *ipc;
} titles[] = {
    {"17", {"纺织机械用导纱装置", "高强度涤纶纱线的制备方法", "织物防皱整理装置"}, "D01H 13/04"},
    {"18", {"服装用防水透气面料", "衬衫领型定型装置", "服装裁剪用定位机构"}, "A41D 27/00"},
    {"26", {"环保型水处理剂的制备方法", "反应釜用搅拌装置", "催化剂回收方法"}, "C02F 1/52"},
    {"33", {"不锈钢管材冷拔模具", "五金件表面处理装置", "紧固件自动装配机构"}, "B21C 3/02"},
    {"34", {"高效节能电机散热结构", "离心泵密封装置", "阀门快速启闭机构"}, "H02K 9/06"},
    {"35",
     {"自动化检测设备的定位装置", "纺织专用设备张力控制系统", "焊接机器人夹具"},
     "B23K 37/04"},
    {"38", {"电缆绝缘层挤出模具", "低压开关柜散热结构", "变压器绕组固定装置"}, "H01B 13/14"},
    {"39", {"电路板散热组件", "传感器信号处理电路", "无线通信模块天线结构"}, "H05K 7/20"},
    {"65",
     {"数据同步方法及系统", "基于机器学习的图像识别方法", "物联网设备管理平台"},
     "G06F 16/23"},
    {"13", {"肉制品腌制装置", "酱排骨制作方法", "食品真空包装机构"}, "A23L 13/40"},
};

static int title_of(const char *code)
{
	for (size_t k = 0; k < sizeof titles / sizeof titles[0]; k++)
		if (!strncmp(code, titles[k].prefix, 2))
			return (int)k;
	return 4;
}

static enum status write_patents(struct gen_world *w)
{
	struct gen_sink s;
	struct rng r;
	long id = 0;
	static long serial[140][3];
	memset(serial, 0, sizeof serial);
	if (gen_sink_begin(w, &s, &r, "ip.patent", SQL_PATENT) != ST_OK)
		return w->st;
	struct strbuf no = STRBUF_INIT;
	for (long i = 0; i < w->n.entities && w->st == ST_OK; i++) {
		const struct gen_ent *e = &w->ent[i];
		double p = e->kind != GK_ENTERPRISE ? 0
		           : (e->roles & GR_MAKER)  ? 0.25
		           : (e->roles & GR_TECH)   ? 0.3
		                                    : 0;
		if (p == 0 || !rng_chance(&r, p))
			continue;
		int n = 1 + rng_count(&r, 1.5);
		if (n > 10)
			n = 10;
		int t = title_of(w->ind[e->industry].code);
		int last = e->ended == GEN_NULL ? w->today - 1 : e->ended;
		for (int j = 0; j < n; j++) {
			int kind = rng_weighted(&r, (const int[]){25, 55, 20}, 3);
			int applied =
			    gen_day_between(&r, e->born + 90 < last ? e->born + 90 : e->born, last);
			int y = gen_year(applied);
			int granted = applied + (kind == 0   ? 700 + (int)rng_below(&r, 400)
			                         : kind == 1 ? 180 + (int)rng_below(&r, 180)
			                                     : 120 + (int)rng_below(&r, 120));
			int pending = granted >= w->today;
			int term = kind == 0 ? 20 * 365 : kind == 1 ? 10 * 365 : 15 * 365;
			const char *status = pending                     ? "pending"
			                     : applied + term < w->today ? "expired"
			                     : granted + 3 * 365 < w->today && rng_chance(&r, 0.15)
			                         ? "terminated"
			                     : rng_chance(&r, 0.005) ? "invalidated"
			                                             : "valid";
			strbuf_reset(&no);
			gen_patent_no(y, (char)('1' + kind), ++serial[(y - 1980) % 140][kind], &no);
			copy_int(&s.c, ++id);
			copy_field(&s.c, strbuf_str(&no));
			copy_field(&s.c, kind == 0   ? "invention"
			                 : kind == 1 ? "utility_model"
			                             : "design");
			if (kind == 2)
				copy_fieldf(&s.c, "包装盒（%s）",
				            e->trade ? gen_text_at(w, e->trade) : "产品");
			else
				copy_fieldf(&s.c, "一种%s", titles[t].parts[j % 3]);
			copy_int(&s.c, i + 1);
			gen_put_date(&s.c, applied);
			gen_put_date(&s.c, pending ? GEN_NULL : granted);
			copy_field(&s.c, kind == 2 ? "09-03" : titles[t].ipc);
			copy_field(&s.c, status);
			gen_put_bool(&s.c, !pending && rng_chance(&r, 0.02));
			copy_field(&s.c, "专利信息服务平台");
			gen_sink_row(&s);
		}
	}
	strbuf_free(&no);
	return gen_sink_close(&s);
}

enum status gen_write_ip(struct gen_world *w)
{
	if (write_trademarks(w) == ST_OK && write_gis(w) == ST_OK)
		write_patents(w);
	return w->st;
}
