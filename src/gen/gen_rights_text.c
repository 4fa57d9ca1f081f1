#include "gen/gen_rights_text.h"

#include <string.h>

const struct gen_topic gen_topics[] = {
    {GR_CATERING,
     "S02",
     {"外卖套餐", "宴席", "小笼包", "自助餐"},
     {"菜品中吃出异物", "就餐后出现腹泻、呕吐", "结账金额与菜单标价不符",
      "预订包间被强制收取服务费"},
     "food_safety",
     "后厨卫生条件差，餐具未消毒，使用过期食材",
     {NULL}},

    {GR_HOTEL,
     "S03",
     {"客房住宿", "酒店预订", "宾馆住宿", "民宿"},
     {"房间卫生不达标", "预订后到店无房", "押金长时间未退还", "实际房型与宣传不符"},
     "consumer_rights",
     "以低价引诱预订后强制加价",
     {NULL}},

    {GR_PHARMACY,
     "G09",
     {"感冒药", "医用口罩", "血压计", "保健品"},
     {"药品已过有效期", "无处方销售处方药", "医疗器械无注册证", "夸大宣传保健功效"},
     "drug_device_cosmetic",
     "未凭处方销售处方药，药师不在岗",
     {"G09", "G09", "G09", "G0203"}},
    {GR_FUEL,
     "G99",
     {"92 号汽油", "0 号柴油", "95 号汽油", "加油服务"},
     {"加油量与显示不符，怀疑计量不准", "油品质量差导致车辆故障", "支付后未开具发票",
      "加油卡余额被扣"},
     "metrology",
     "加油机计量作弊，加油量不足",
     {NULL}},

    {GR_STALL,
     "G0202",
     {"猪肉", "水产品", "蔬菜", "水果"},
     {"电子秤缺斤短两", "商品变质", "以次充好", "价格标签与结算价不符"},
     "metrology",
     "使用作弊电子秤缺斤短两",
     {NULL}},

    {GR_SHOP,
     "G04",
     {"日用百货", "食用油", "儿童玩具", "家用电器"},
     {"商品质量问题拒绝退换", "促销价格与结算价不符", "销售过期商品", "会员卡积分被清零"},
     "price",
     "虚构原价进行促销，价格欺诈",
     {"G04", "G02", "G11", "G01"}},
    {GR_FOOD_SALE,
     "G02",
     {"预包装食品", "散装熟食", "奶粉", "糕点"},
     {"食品超过保质期", "食品中有异物", "标签标识不规范", "食用后身体不适"},
     "food_safety",
     "销售超过保质期的食品",
     {NULL}},

    {GR_ESTATE,
     "S1102",
     {"物业服务", "停车管理", "电梯运行", "房屋维修"},
     {"电梯经常故障困人", "物业费收费标准不透明", "停车费擅自上涨", "公共区域维修不及时"},
     "price",
     "擅自提高停车收费标准，未公示收费依据",
     {NULL}},

    {GR_CLINIC,
     "S16",
     {"口腔治疗", "体检服务", "医疗美容", "中医理疗"},
     {"诊疗费用明显高于公示标准", "医美项目效果与宣传不符", "预付疗程卡无法退款", "诱导办理会员卡"},
     "advertising",
     "发布违法医疗广告，夸大疗效",
     {NULL}},

    {GR_SERVICE,
     "S04",
     {"美发服务", "美容护理", "汽车维修", "洗衣服务"},
     {"办理预付卡后商家关门", "服务中途强制加价", "维修后故障依旧", "衣物洗坏拒绝赔偿"},
     "consumer_rights",
     "预收费用后跑路，拒不退还预付款",
     {"S1001", "S04", "S0103", "S0102"}},
    {GR_TECH,
     "S08",
     {"宽带服务", "手机套餐", "网络游戏", "会员服务"},
     {"未经同意开通增值业务", "自动续费未提醒", "宽带网速不达标", "注销账户困难"},
     "e_commerce",
     "诱导自动续费，未显著提示",
     {"S08", "S08", "S0702", "S07"}},
    {GR_MAKER,
     "G01",
     {"电热水壶", "空调器", "电动自行车", "燃气灶"},
     {"产品存在安全隐患", "三包期内拒绝维修", "实际功能与说明不符", "产品起火"},
     "product_quality",
     "生产销售不合格产品，以次充好",
     {NULL}},

    {GR_CONSUMER,
     "S99",
     {"培训课程", "装修服务", "旅游服务", "健身服务"},
     {"合同约定服务未履行", "虚假宣传", "拒绝退还定金", "服务质量差"},
     "consumer_rights",
     "虚假宣传，诱导消费者签订合同",
     {"S0601", "S1101", "S14", "S0501"}},
    {0,
     "S0701",
     {"网购服装", "网购手机", "直播间商品", "网购化妆品"},
     {"收到商品与描述不符", "七天无理由退货被拒", "商品疑似假冒", "商家迟迟不发货"},
     "e_commerce",
     "网店销售假冒商品",
     {NULL}},
};
const int gen_topic_count = (int)(sizeof gen_topics / sizeof gen_topics[0]);

const struct gen_topic *gen_topic_of(const struct gen_world *w, long ent, struct rng *r)
{
	(void)r;
	if (ent >= 0)
		for (int k = 0; k < gen_topic_count - 1; k++)
			if (w->ent[ent].roles & gen_topics[k].role)
				return &gen_topics[k];
	return &gen_topics[gen_topic_count - 1];
}

int gen_topic_subject(const struct gen_world *w, long ent, const struct gen_topic *t, struct rng *r)
{
	static const struct {
		uint32_t role;
		const char *prefix;
		int subject;
	} by_industry[] = {
	    {GR_SERVICE, "804", 0}, {GR_SERVICE, "805", 1},   {GR_SERVICE, "811", 2},
	    {GR_SERVICE, "813", 2}, {GR_SERVICE, "803", 3},   {GR_CONSUMER, "83", 0},
	    {GR_CONSUMER, "50", 1}, {GR_CONSUMER, "7291", 2}, {GR_CONSUMER, "89", 3},
	    {GR_TECH, "63", 0},     {GR_TECH, "6422", 2},
	};
	if (ent >= 0) {
		const char *code = w->ind[w->ent[ent].industry].code;
		for (size_t k = 0; k < sizeof by_industry / sizeof by_industry[0]; k++)
			if (t->role == by_industry[k].role &&
			    !strncmp(code, by_industry[k].prefix, strlen(by_industry[k].prefix)))
				return by_industry[k].subject;
	}
	return (int)rng_below(r, 4);
}

const char *gen_topic_category(const struct gen_topic *t, int subject)
{
	return t->categories[subject] ? t->categories[subject] : t->category;
}

const char *gen_complaint_request(struct rng *r)
{
	static const char *const requests[] = {"要求退货退款",       "要求赔偿损失",
	                                       "要求更换商品",       "要求按食品安全法支付十倍赔偿",
	                                       "要求退还预付款余额", "要求商家赔礼道歉并整改",
	                                       "要求退还多收的费用"};
	static const int weights[] = {30, 20, 10, 8, 12, 10, 10};
	return requests[rng_weighted(r, weights, 7)];
}

void gen_consultation_text(struct rng *r, const char **topic, const char **content,
                           const char **answer, const char **category)
{
	static const struct {
		const char *topic, *content, *answer, *category;
	} q[] = {
	    {"个体工商户登记", "开一家小吃店需要办理哪些证照？",
	     "需办理营业执照和食品经营许可证，可通过江苏政务服务网在线办理。", NULL},
	    {"网购退货", "网上买的衣服不合适，七天无理由退货运费谁承担？",
	     "依据消费者权益保护法第二十五条，退回商品的运费由消费者承担，另有约定的按约定。",
	     "S0701"},
	    {"预付卡", "健身房办的卡商家不退怎么办？",
	     "可先与经营者协商，协商不成可向 12315 投诉，并保留合同和付款凭证。", "S1001"},
	    {"食品安全", "买到过期食品可以要求怎样赔偿？",
	     "依据食品安全法第一百四十八条，可要求支付价款十倍或者损失三倍的赔偿金，增加赔偿不足一"
	     "千元的为一千元。",
	     "G0201"},
	    {"年度报告", "个体工商户年报什么时候报？",
	     "每年 1 月 1 日至 6 月 30 日通过国家企业信用信息公示系统报送上一年度报告。", NULL},
	    {"电梯安全", "小区电梯多久检验一次？",
	     "电梯每年定期检验一次，维保单位每 15 日至少维护保养一次。", "S1102"},
	    {"商标注册", "个人可以申请注册商标吗？",
	     "可以，个体工商户等可以申请注册商标，具体可咨询商标受理窗口。", NULL},
	    {"价格", "停车场收费标准在哪里查？",
	     "政府定价和指导价的停车收费标准由价格主管部门公布，经营者应当明码标价。", "S99"},
	};
	int k = (int)rng_below(r, sizeof q / sizeof q[0]);
	*topic = q[k].topic;
	*content = q[k].content;
	*answer = q[k].answer;
	*category = q[k].category;
}
