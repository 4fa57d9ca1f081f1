#include "gen/gen_text.h"

#include <stdio.h>
#include <string.h>

#include "base/width.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Shares follow the size of each district's economy; 经开区 entities are
 * registered in 滨湖区 or 新吴区 territory, so it has no division of its own. */
const struct gen_district gen_districts[] = {
	{"320213", "LX", "梁溪区", "无锡市梁溪区", 0, 18},
	{"320214", "XW", "新吴区", "无锡市新吴区", 0, 15},
	{"320211", "BH", "滨湖区", "无锡市滨湖区", 0, 12},
	{"320206", "HS", "惠山区", "无锡市惠山区", 0, 11},
	{"320205", "XS", "锡山区", "无锡市锡山区", 0, 10},
	{"320281", "JY", "江阴市", "江阴市", 1, 21},
	{"320282", "YX", "宜兴市", "宜兴市", 1, 13},
};
const int gen_district_count = COUNT(gen_districts);

const struct gen_district *gen_pick_district(struct rng *r)
{
	int w[COUNT(gen_districts)];
	for (int i = 0; i < gen_district_count; i++)
		w[i] = gen_districts[i].weight;
	return &gen_districts[rng_weighted(r, w, gen_district_count)];
}

/* Surnames with their frequency per ten thousand people (national figures,
 * with the Wuxi names 华, 钱, 顾, 秦, 荣, 浦, 过 a little more common). */
static const struct {
	const char *name;
	int weight;
} surnames[] = {
	{"王", 718}, {"李", 720}, {"张", 690}, {"刘", 540}, {"陈", 530}, {"杨", 310},
	{"黄", 220}, {"赵", 210}, {"吴", 200}, {"周", 190}, {"徐", 175}, {"孙", 150},
	{"马", 145}, {"朱", 140}, {"胡", 130}, {"郭", 125}, {"何", 115}, {"高", 105},
	{"林", 100}, {"罗", 95},  {"郑", 90},  {"梁", 85},  {"谢", 80},  {"宋", 75},
	{"唐", 75},  {"许", 70},  {"韩", 70},  {"冯", 65},  {"邓", 65},  {"曹", 60},
	{"彭", 60},  {"曾", 55},  {"肖", 55},  {"田", 50},  {"董", 50},  {"袁", 50},
	{"潘", 48},  {"于", 47},  {"蒋", 46},  {"蔡", 45},  {"余", 44},  {"杜", 43},
	{"叶", 42},  {"程", 41},  {"苏", 40},  {"魏", 39},  {"吕", 38},  {"丁", 37},
	{"任", 36},  {"沈", 40},  {"姚", 34},  {"卢", 33},  {"姜", 32},  {"崔", 31},
	{"钟", 30},  {"谭", 29},  {"陆", 33},  {"汪", 27},  {"范", 26},  {"金", 25},
	{"石", 24},  {"廖", 23},  {"贾", 22},  {"夏", 21},  {"韦", 20},  {"付", 20},
	{"方", 19},  {"白", 18},  {"邹", 18},  {"孟", 17},  {"熊", 17},  {"秦", 18},
	{"邱", 16},  {"江", 15},  {"尹", 15},  {"薛", 14},  {"闫", 14},  {"段", 13},
	{"雷", 13},  {"侯", 12},  {"龙", 12},  {"史", 12},  {"陶", 11},  {"黎", 11},
	{"贺", 11},  {"顾", 16},  {"毛", 10},  {"郝", 10},  {"龚", 10},  {"邵", 10},
	{"万", 9},   {"钱", 12},  {"严", 9},   {"华", 12},  {"荣", 4},   {"浦", 5},
	{"过", 3},   {"欧阳", 2}, {"诸葛", 1}, {"司马", 1},
};

static const char *const male_chars[] = {
	"伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏",
	"华", "飞", "鑫", "波", "宁", "俊", "浩", "宇", "建", "国", "峰", "新", "志", "海",
	"文", "成", "林", "东", "晨", "阳", "凯", "亮", "荣", "健", "兵", "忠", "春", "洪",
};
static const char *const female_chars[] = {
	"芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "雪", "慧", "琳",
	"倩", "颖", "洁", "萍", "红", "梅", "丹", "蓉", "莉", "佳", "欣", "悦", "雯", "怡",
	"晶", "蕾", "秀", "英", "兰", "凤", "琴", "云", "月", "晓", "嘉", "琪",
};

void gen_person_name(struct rng *r, struct strbuf *out)
{
	int w[COUNT(surnames)];
	for (int i = 0; i < COUNT(surnames); i++)
		w[i] = surnames[i].weight;
	strbuf_add(out, surnames[rng_weighted(r, w, COUNT(surnames))].name);
	int female = rng_chance(r, 0.42);
	const char *const *pool = female ? female_chars : male_chars;
	int n = female ? COUNT(female_chars) : COUNT(male_chars);
	strbuf_add(out, pool[rng_below(r, (uint64_t)n)]);
	if (rng_chance(r, 0.62))
		strbuf_add(out, pool[rng_below(r, (uint64_t)n)]);
}

/* Trade names: common two-character ones built from auspicious characters,
 * and local ones (placed on roads, lakes and landmarks of Wuxi) that many
 * businesses share, as real searches for 红豆 or 海澜 find dozens. */
static const char *const trade_chars[] = {
	"华", "兴", "盛", "德", "瑞", "鑫", "源", "恒", "泰", "达", "通", "宏", "远", "祥",
	"利", "丰", "润", "博", "新", "创", "科", "明", "光", "金", "天", "安", "康", "永",
	"信", "诚", "嘉", "汇", "联", "合", "锦", "荣", "昌", "益", "佳", "隆", "顺", "腾",
	"航", "晟", "卓", "越", "凯", "亿", "誉", "东", "吉", "伟", "环", "宇", "广", "正",
};
static const char *const local_trade[] = {
	"红豆", "海澜", "阳光", "双良", "远东", "兴澄", "威孚", "天鹅", "太湖", "惠山",
	"锡山", "梁溪", "蠡湖", "鼋头", "灵山", "东林", "运河", "江南", "吴越", "泰伯",
	"阿福", "二泉", "雪浪", "映山", "碧水", "锡惠", "南禅", "清名", "荡口", "鸿山",
	"华西", "澄江", "暨阳", "紫砂", "陶都", "竹海", "阳羡", "丁蜀", "长江", "申港",
};

void gen_trade_name(struct rng *r, struct strbuf *out)
{
	if (rng_chance(r, 0.25)) {
		strbuf_add(out, local_trade[rng_below(r, COUNT(local_trade))]);
		return;
	}
	size_t a = rng_below(r, COUNT(trade_chars)), b;
	do
		b = rng_below(r, COUNT(trade_chars));
	while (b == a);
	strbuf_add(out, trade_chars[a]);
	strbuf_add(out, trade_chars[b]);
}

static const struct {
	char section;
	const char *const phrases[8];
} industry_phrases[] = {
	{'A', {"农业科技", "生态农业", "水产养殖", "苗木", "茶业", NULL}},
	{'B', {"矿业", "石材", NULL}},
	{'C', {"纺织", "机械制造", "电子科技", "精密机械", "汽车零部件", "新材料", "电气设备",
	       "服饰"}},
	{'D', {"电力工程", "新能源", "燃气", "水务", NULL}},
	{'E', {"建筑工程", "装饰工程", "建设工程", "安装工程", "市政工程", NULL}},
	{'F', {"贸易", "商贸", "进出口", "五金交电", "百货", "医药", "建材", NULL}},
	{'G', {"物流", "运输", "仓储", "货运代理", "供应链管理", NULL}},
	{'H', {"餐饮管理", "酒店管理", "餐饮", NULL}},
	{'I', {"信息技术", "软件", "网络科技", "物联网科技", "数据科技", NULL}},
	{'J', {"投资管理", "融资租赁", NULL}},
	{'K', {"房地产开发", "物业管理", "置业", NULL}},
	{'L', {"商务咨询", "企业管理咨询", "人力资源", "广告", "会展服务", NULL}},
	{'M', {"科技", "检测技术", "工程设计", "环保科技", "生物科技", NULL}},
	{'N', {"环境工程", "园林绿化", "水利工程", NULL}},
	{'O', {"家政服务", "汽车维修", "美容美发", "洗涤服务", NULL}},
	{'P', {"教育咨询", "培训", NULL}},
	{'Q', {"医疗", "健康管理", "养老服务", NULL}},
	{'R', {"文化传媒", "体育发展", "影视", NULL}},
	{'S', {"社区服务", NULL}},
	{'T', {"国际交流", NULL}},
};

void gen_industry_phrase(struct rng *r, char section, struct strbuf *out)
{
	for (int i = 0; i < COUNT(industry_phrases); i++) {
		if (industry_phrases[i].section != section)
			continue;
		int n = 0;
		while (n < 8 && industry_phrases[i].phrases[n])
			n++;
		strbuf_add(out, industry_phrases[i].phrases[rng_below(r, (uint64_t)n)]);
		return;
	}
	strbuf_add(out, "商贸");
}

void gen_company_name(struct rng *r, const struct gen_district *d, char section,
		      const char *form, struct strbuf *out)
{
	gen_company_name_trade(r, d, section, form, out, NULL);
}

void gen_company_name_trade(struct rng *r, const struct gen_district *d, char section,
			    const char *form, struct strbuf *out, struct strbuf *trade)
{
	static const char *const city_regions[] = {"无锡", "无锡市", "江苏", "无锡"};
	if (d->county)
		strbuf_add(out, rng_chance(r, 0.7) ? d->prefix : (rng_chance(r, 0.5) ? "无锡" : "江苏"));
	else
		strbuf_add(out, city_regions[rng_below(r, COUNT(city_regions))]);
	size_t at = out->len;
	gen_trade_name(r, out);
	if (trade)
		strbuf_add(trade, strbuf_str(out) + at);
	gen_industry_phrase(r, section, out);
	strbuf_add(out, form);
}

static const struct {
	char section;
	const char *const kinds[10];
} shop_kinds[] = {
	{'F', {"便利店", "水果店", "烟酒店", "五金店", "服装店", "手机店", "超市", "茶叶店",
	       "建材店", "副食品店"}},
	{'H', {"面馆", "小吃店", "饭店", "快餐店", "烧烤店", "馄饨店", "饮品店", "奶茶店",
	       "小笼包店", NULL}},
	{'O', {"理发店", "美容美发店", "汽车修理部", "家电维修部", "洗衣店", "摄影店", NULL}},
	{'A', {"家庭农场", "养殖场", "苗圃", NULL}},
	{'C', {"五金加工厂", "服装加工部", "木器加工部", "紫砂工作室", NULL}},
};

static const char *const nicknames[] = {"老王", "老张", "小李", "阿芳", "阿强", "老陈",
					"小周", "阿英", "老徐", "阿福", "小燕", "老顾"};

static void shop_name_of_kind(struct rng *r, const struct gen_district *d, const char *kind,
			      struct strbuf *out);

void gen_shop_name(struct rng *r, const struct gen_district *d, char section,
		   struct strbuf *out)
{
	const char *kind = "经营部";
	for (int i = 0; i < COUNT(shop_kinds); i++) {
		if (shop_kinds[i].section != section)
			continue;
		int n = 0;
		while (n < 10 && shop_kinds[i].kinds[n])
			n++;
		kind = shop_kinds[i].kinds[rng_below(r, (uint64_t)n)];
	}
	shop_name_of_kind(r, d, kind, out);
}

/* What a shop of a GB/T 4754 class calls itself. */
static const struct {
	const char *prefix;
	const char *const kinds[3];
} class_kinds[] = {
	{"5212", {"超市", "生活超市", NULL}},	{"5213", {"便利店", NULL, NULL}},
	{"5221", {"粮油店", "米行", NULL}},	{"5222", {"糕点店", "面包房", NULL}},
	{"5223", {"水果店", "蔬菜店", "果蔬店"}}, {"5224", {"肉铺", "水产店", "禽蛋店"}},
	{"5226", {"茶叶店", "酒行", NULL}},	{"5227", {"烟酒店", "烟杂店", NULL}},
	{"5229", {"副食品店", "炒货店", NULL}}, {"523", {"服装店", "鞋帽店", "日用品店"}},
	{"524", {"文具店", "书店", "体育用品店"}}, {"525", {"药店", "大药房", NULL}},
	{"526", {"汽车配件店", "摩托车行", NULL}}, {"5271", {"家电店", NULL, NULL}},
	{"5272", {"家电店", NULL, NULL}},	{"5274", {"手机店", "通讯器材店", NULL}},
	{"528", {"五金店", "建材店", "灯具店"}}, {"5291", {"摊位", NULL, NULL}},
	{"6210", {"饭店", "菜馆", "酒家"}},	{"6220", {"快餐店", NULL, NULL}},
	{"623", {"茶馆", "咖啡馆", "奶茶店"}},	{"6291", {"小吃店", "面馆", "馄饨店"}},
	{"8030", {"洗衣店", "干洗店", NULL}},	{"8040", {"理发店", "美容美发店", "美发工作室"}},
	{"805", {"足浴店", "养生馆", NULL}},	{"8060", {"摄影店", "照相馆", NULL}},
	{"811", {"汽车修理部", "汽车美容店", NULL}}, {"813", {"家电维修部", NULL, NULL}},
	{"8191", {"自行车修理铺", NULL, NULL}},
};

void gen_shop_name_for(struct rng *r, const struct gen_district *d, const char *industry,
		       char section, struct strbuf *out)
{
	for (int i = 0; i < COUNT(class_kinds); i++) {
		if (strncmp(industry, class_kinds[i].prefix, strlen(class_kinds[i].prefix)) != 0)
			continue;
		int n = 0;
		while (n < 3 && class_kinds[i].kinds[n])
			n++;
		shop_name_of_kind(r, d, class_kinds[i].kinds[rng_below(r, (uint64_t)n)], out);
		return;
	}
	gen_shop_name(r, d, section, out);
}

static void shop_name_of_kind(struct rng *r, const struct gen_district *d, const char *kind,
			      struct strbuf *out)
{
	strbuf_add(out, d->prefix);
	int style = (int)rng_below(r, 3);
	if (style == 0) {
		struct strbuf who = STRBUF_INIT;
		gen_person_name(r, &who);
		/* "周记": the surname (its first character) and 记 */
		uint32_t cp;
		size_t n = utf8_decode(who.buf, who.len, &cp);
		strbuf_addn(out, who.buf, n);
		strbuf_add(out, "记");
		strbuf_free(&who);
	} else if (style == 1) {
		strbuf_add(out, nicknames[rng_below(r, COUNT(nicknames))]);
	} else {
		gen_trade_name(r, out);
	}
	strbuf_add(out, kind);
}

/* Roads of each district (real road names), and towns of the county-level
 * cities. */
static const struct {
	const char *division;
	const char *const roads[12];
} roads[] = {
	{"320213", {"中山路", "人民中路", "解放南路", "学前街", "崇宁路", "县前街", "南长街",
		    "清名路", "通扬路", "江海西路", "广瑞路", "五爱路"}},
	{"320214", {"长江路", "锡士路", "新华路", "珠江路", "旺庄路", "菱湖大道", "震泽路",
		    "行创四路", "新锡路", "泰山路", "景贤路", "鸿山路"}},
	{"320211", {"梁溪路", "蠡湖大道", "湖滨路", "隐秀路", "青祁路", "太湖大道", "建筑路",
		    "滨湖路", "高浪路", "鸿桥路", "雪浪路", "马山环山西路"}},
	{"320206", {"惠山大道", "西环线", "堰新路", "钱桥路", "长安路", "洛社人民路", "阳山大道",
		    "政和大道", "天港路", "吴韵路", "惠成路", "藕杨路"}},
	{"320205", {"东亭路", "锡沪路", "团结路", "春晖路", "八士路", "云林路", "安镇大道",
		    "东港大道", "友谊路", "先锋路", "荟聚路", "锡港路"}},
	{"320281", {"澄江中路", "人民东路", "芙蓉大道", "虹桥路", "长江路", "华士镇华西路",
		    "周庄镇长寿路", "青阳镇青阳路", "徐霞客镇马镇路", "澄南路", "朝阳路", "环城北路"}},
	{"320282", {"人民中路", "荆溪路", "东虹路", "丁蜀镇陶都路", "张渚镇人民路", "官林镇新兴路",
		    "解放西路", "宜城街道阳泉西路", "氿滨大道", "龙背山路", "和桥镇中兴路", "太华路"}},
};

void gen_address(struct rng *r, const struct gen_district *d, int with_room,
		 struct strbuf *out)
{
	strbuf_add(out, d->prefix);
	for (int i = 0; i < COUNT(roads); i++)
		if (strcmp(roads[i].division, d->division) == 0)
			strbuf_add(out, roads[i].roads[rng_below(r, 12)]);
	strbuf_addf(out, "%ld号", rng_range(r, 1, 899));
	if (with_room && rng_chance(r, 0.5)) {
		if (rng_chance(r, 0.4))
			strbuf_addf(out, "%c座", (char)('A' + rng_below(r, 4)));
		strbuf_addf(out, "%ld%02ld室", rng_range(r, 1, 28), rng_range(r, 1, 20));
	}
}

void gen_phone(struct rng *r, struct strbuf *out)
{
	static const char *const mobile[] = {"139", "138", "137", "136", "135", "150", "151",
					     "152", "158", "159", "180", "181", "186", "187",
					     "188", "177", "173", "199"};
	if (rng_chance(r, 0.8))
		strbuf_addf(out, "%s%08ld", mobile[rng_below(r, COUNT(mobile))],
			    rng_range(r, 0, 99999999));
	else
		strbuf_addf(out, "0510-8%07ld", rng_range(r, 0, 9999999));
}

void gen_id_number(struct rng *r, int born_from, int born_to, struct strbuf *out)
{
	/* Most owners are local; many came from neighbouring provinces. */
	static const char *const regions[] = {"320202", "320211", "320281", "320282", "320205",
					      "320206", "320583", "321282", "341221", "411522",
					      "330481", "513030"};
	static const int weights[] = {14, 10, 14, 10, 8, 8, 6, 6, 8, 7, 5, 4};
	static const int wi[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	static const char check[] = "10X98765432";
	char digits[19];
	int year = (int)rng_range(r, born_from, born_to);
	snprintf(digits, sizeof digits, "%s%04d%02ld%02ld%03ld",
		 regions[rng_weighted(r, weights, COUNT(regions))], year, rng_range(r, 1, 12),
		 rng_range(r, 1, 28), rng_range(r, 1, 999));
	int sum = 0;
	for (int i = 0; i < 17; i++)
		sum += (digits[i] - '0') * wi[i];
	digits[17] = check[sum % 11];
	digits[18] = '\0';
	strbuf_add(out, digits);
}

void gen_reg_no(struct rng *r, const char *division, struct strbuf *out)
{
	gen_reg_no_of(division, rng_range(r, 0, 99999999), out);
}

void gen_reg_no_of(const char *division, long serial, struct strbuf *out)
{
	char digits[16];
	snprintf(digits, sizeof digits, "%.6s%08ld", division, serial % 100000000);
	/* ISO 7064 MOD 11,10 */
	int p = 10;
	for (int i = 0; i < 14; i++) {
		int s = (p + (digits[i] - '0')) % 10;
		if (s == 0)
			s = 10;
		p = (s * 2) % 11;
	}
	digits[14] = (char)('0' + (11 - p) % 10);
	digits[15] = '\0';
	strbuf_add(out, digits);
}
