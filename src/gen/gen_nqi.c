/* 质量基础库: testing laboratories (the bureau's institutes first, then the
 * testing companies), certification bodies, measurement standards, type
 * approvals, standards and their declarations, certificates. */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "gen/gen_themes.h"

static const char SQL_LAB[] =
    "COPY nqi.lab (id, cma_no, entity_id, name, address, fields, scope, cnas_no, legal_metrology, "
    "approved_on, valid_to, status, source_system) FROM STDIN";
static const char SQL_BODY[] = "COPY nqi.certification_body (id, approval_no, name, entity_id, "
                               "scope, valid_to, source_system) FROM STDIN";
static const char SQL_MSTD[] =
    "COPY nqi.measurement_standard (id, certificate_no, entity_id, name, kind, measuring_range, "
    "uncertainty, approved_on, valid_to, status, source_system) FROM STDIN";
static const char SQL_TYPE[] = "COPY nqi.type_approval (id, approval_no, entity_id, "
                               "instrument_kind_code, instrument_name, model, "
                               "accuracy_class, approved_on, source_system) FROM STDIN";
static const char SQL_STD[] = "COPY nqi.standard (id, code, title, level, mandatory, issuing_body, "
                              "entity_id, issued_on, effective_on, "
                              "abolished_on, replaced_by_code, source_system) FROM STDIN";
static const char SQL_DECL[] = "COPY nqi.standard_declaration (id, entity_id, standard_id, "
                               "product_name, declared_on, withdrawn_on, "
                               "source_system) FROM STDIN";
static const char SQL_CERT[] = "COPY nqi.certificate (id, body_id, certificate_no, entity_id, "
                               "kind, scheme, scope, issued_on, valid_to, "
                               "status, source_system) FROM STDIN";

static const struct {
	const char *no, *name, *scope;
} bodies[] = {
    {"CNCA-R-2002-001", "中国质量认证中心", "强制性产品认证；管理体系认证；自愿性产品认证"},
    {"CNCA-R-2002-004", "方圆标志认证集团有限公司", "管理体系认证；产品认证"},
    {"CNCA-R-2002-018", "华夏认证中心有限公司", "管理体系认证"},
    {"CNCA-R-2002-039", "中联认证中心（北京）有限公司", "管理体系认证；服务认证"},
    {"CNCA-R-2003-117", "北京中大华远认证中心", "管理体系认证"},
    {"CNCA-R-2002-019", "中国建材检验认证集团股份有限公司", "产品认证；管理体系认证"},
    {"CNCA-R-2011-010", "江苏九州认证有限公司", "管理体系认证；服务认证"},
    {"CNCA-R-2004-128", "中标合信（北京）认证有限公司", "管理体系认证；有机产品认证"},
};
#define NBODIES ((int)(sizeof bodies / sizeof bodies[0]))

/* National standards every theme refers to (code, title, mandatory). */
static const struct {
	const char *code, *title;
	int mandatory;
	int year;
} national[] = {
    {"GB 2760-2014", "食品安全国家标准 食品添加剂使用标准", 1, 2014},
    {"GB 14881-2013", "食品安全国家标准 食品生产通用卫生规范", 1, 2013},
    {"GB 2762-2022", "食品安全国家标准 食品中污染物限量", 1, 2022},
    {"GB 2763-2021", "食品安全国家标准 食品中农药最大残留限量", 1, 2021},
    {"GB 4806.7-2016", "食品安全国家标准 食品接触用塑料材料及制品", 1, 2016},
    {"GB 5749-2022", "生活饮用水卫生标准", 1, 2022},
    {"GB 17761-2018", "电动自行车安全技术规范", 1, 2018},
    {"GB 4706.1-2005", "家用和类似用途电器的安全 第1部分：通用要求", 1, 2005},
    {"GB 4943.1-2022", "音视频、信息技术和通信技术设备 第1部分：安全要求", 1, 2022},
    {"GB 6675.1-2014", "玩具安全 第1部分：基本规范", 1, 2014},
    {"GB 811-2022", "摩托车、电动自行车乘员头盔", 1, 2022},
    {"GB 16410-2020", "家用燃气灶具", 1, 2020},
    {"GB/T 7588.1-2020", "电梯制造与安装安全规范 第1部分：乘客电梯和载货电梯", 0, 2020},
    {"GB/T 5023.3-2008", "额定电压450/750V及以下聚氯乙烯绝缘电缆 第3部分：固定布线用无护套电缆", 0,
     2008},
    {"GB/T 19001-2016", "质量管理体系 要求", 0, 2016},
    {"GB/T 2664-2017", "男西服、大衣", 0, 2017},
    {"GB/T 22849-2014", "针织T恤衫", 0, 2014},
    {"GB/T 1499.2-2018", "钢筋混凝土用钢 第2部分：热轧带肋钢筋", 0, 2018},
    {"GB/T 31701-2015", "婴幼儿及儿童纺织产品安全技术规范", 0, 2015},
    {"GB/T 13663.2-2018", "给水用聚乙烯（PE）管道系统 第2部分：管材", 0, 2018},
};
#define NNATIONAL ((int)(sizeof national / sizeof national[0]))

static const struct {
	const char *code, *title, *body;
	int level_group;
	int year;
} local[] = {
    {"DB32/T 3762-2020", "电梯应急救援处置规范", "江苏省市场监督管理局", 0, 2020},
    {"DB32/T 4181-2021", "明厨亮灶建设规范", "江苏省市场监督管理局", 0, 2021},
    {"DB32/T 3931-2020", "农贸市场食用农产品快速检测工作规范", "江苏省市场监督管理局", 0, 2020},
    {"T/WXSPXH 001-2021", "无锡酱排骨", "无锡市食品行业协会", 1, 2021},
    {"T/JSZSXH 002-2020", "宜兴紫砂壶", "江苏省紫砂行业协会", 1, 2020},
    {"T/WXDTXH 003-2022", "住宅电梯维护保养服务规范", "无锡市电梯行业协会", 1, 2022},
};
#define NLOCAL ((int)(sizeof local / sizeof local[0]))

static enum status write_labs(struct gen_world *w)
{
	static const char *const fields_inst[4] = {"{计量,校准}", "{特种设备,电梯,锅炉压力容器}",
	                                           "{产品质量,建筑材料,电子电器}",
	                                           "{食品,食用农产品,保健食品}"};
	static const char *const fields_lab[] = {"{食品,环境}", "{建筑材料}", "{电子电器,机械}",
	                                         "{纺织品}",    "{机动车}",   "{环境,水质}"};
	struct gen_sink s;
	struct rng r;
	long id = 0;
	if (gen_sink_begin(w, &s, &r, "nqi.lab", SQL_LAB) != ST_OK)
		return w->st;
	const struct gen_list *labs = &w->role[11]; /* GR_LAB */
	for (long k = 0; k < labs->n + 4 && w->st == ST_OK; k++) {
		long i = k < 4 ? w->inst[k] : labs->v[k - 4];
		const struct gen_ent *e = &w->ent[i];
		/* a laboratory that closed gave up its approval: only those in business */
		if (k >= 4 && ((e->roles & GR_INSTITUTE) || e->ended != GEN_NULL))
			continue;
		int approved = gen_day_between(&r, w->today - 6 * 365, w->today - 30);
		if (approved < e->born)
			approved = e->born;
		int valid_to = approved + 6 * 365;
		copy_int(&s.c, ++id);
		copy_fieldf(&s.c, "%02d1005%06ld", gen_year(approved) % 100, id);
		copy_int(&s.c, i + 1);
		copy_fieldf(&s.c, "%s%s", gen_text_at(w, e->name), k < 4 ? "" : "检测实验室");
		copy_field(&s.c, gen_text_at(w, e->addr));
		copy_field(&s.c, k < 4 ? fields_inst[k] : fields_lab[rng_below(&r, 6)]);
		copy_field(&s.c, k < 4 ? "见资质认定证书附表" : "检验检测能力见附表");
		if (k < 4 || rng_chance(&r, 0.4))
			copy_fieldf(&s.c, "CNAS L%05ld", 1000 + id * 7);
		else
			copy_field(&s.c, NULL);
		gen_put_bool(&s.c, k == 0);
		gen_put_date(&s.c, approved);
		gen_put_date(&s.c, valid_to);
		copy_field(&s.c, valid_to < w->today ? "expired" : "valid");
		copy_field(&s.c, "检验检测机构资质认定系统");
		gen_sink_row(&s);
		if (k == 0)
			w->lab_metrology = id;
		else if (k == 1)
			w->lab_equipment = id;
		else if (k == 2)
			w->lab_product = id;
		else if (k == 3)
			w->lab_food = id;
		struct strbuf no = STRBUF_INIT;
		strbuf_addf(&no, "%02d1005%06ld", gen_year(approved) % 100, id);
		struct gen_lic l = {(uint32_t)i,
		                    gen_keep(w, strbuf_str(&no)),
		                    gen_keep(w, "检验检测机构资质认定"),
		                    approved,
		                    valid_to,
		                    GEN_NULL,
		                    -1,
		                    12,
		                    valid_to < w->today ? GL_EXPIRED : GL_VALID};
		gen_lic_add(w, &l);
		strbuf_free(&no);
	}
	return gen_sink_close(&s);
}

static enum status write_bodies(struct gen_world *w)
{
	struct gen_sink s;
	if (gen_sink_open(w, &s, "nqi.certification_body", SQL_BODY) != ST_OK)
		return w->st;
	for (int k = 0; k < NBODIES; k++) {
		copy_int(&s.c, k + 1);
		copy_field(&s.c, bodies[k].no);
		copy_field(&s.c, bodies[k].name);
		copy_field(&s.c, NULL);
		copy_field(&s.c, bodies[k].scope);
		gen_put_date(&s.c, w->today + 400 + k * 90);
		copy_field(&s.c, "认证认可信息系统");
		gen_sink_row(&s);
	}
	w->cert_body_ccc = 1;
	return gen_sink_close(&s);
}

static enum status write_measurement_standards(struct gen_world *w)
{
	static const char *const names[] = {
	    "电子天平检定装置",       "压力表标准装置",     "热电偶检定装置", "卡尺检定装置",
	    "出租汽车计价器检定装置", "燃油加油机检定装置", "血压计检定装置", "砝码标准装置",
	    "电能表检定装置",         "水表检定装置"};
	static const char *const ranges[] = {
	    "(0～220) g",     "(0～60) MPa",   "(300～1300) ℃", "(0～1000) mm", "(0～99.99) km",
	    "(4～150) L/min", "(0～300) mmHg", "1 mg～20 kg",   "(0～100) A",   "(0.01～10) m³/h"};
	struct gen_sink s;
	struct rng r;
	long n = 20 + gen_plan_scaled(w->scale, 3000, 3);
	if (gen_sink_begin(w, &s, &r, "nqi.measurement_standard", SQL_MSTD) != ST_OK)
		return w->st;
	for (long id = 1; id <= n && w->st == ST_OK; id++) {
		long i = id <= 20 ? w->inst[0]
		                  : gen_pick_ent_kind(w, &r, GR_MAKER, GK_ENTERPRISE, w->today - 1);
		if (i < 0)
			i = w->inst[0];
		int k = (int)rng_below(&r, 10);
		int approved = gen_day_between(&r, w->today - 5 * 365, w->today - 10);
		if (approved < w->ent[i].born)
			approved = w->ent[i].born;
		int valid_to = approved + 5 * 365;
		struct strbuf no = STRBUF_INIT;
		strbuf_addf(&no, "[%d]苏量标锡%s证字第%04ld号", gen_year(approved),
		            id <= 20 ? "社" : "企", id);
		copy_int(&s.c, id);
		copy_field(&s.c, strbuf_str(&no));
		copy_int(&s.c, i + 1);
		copy_field(&s.c, names[k]);
		copy_field(&s.c, id <= 20 ? "public" : "enterprise");
		copy_field(&s.c, ranges[k]);
		copy_field(&s.c, rng_chance(&r, 0.5) ? "MPE：±0.5%" : "U=0.2%，k=2");
		gen_put_date(&s.c, approved);
		gen_put_date(&s.c, valid_to);
		copy_field(&s.c, valid_to < w->today ? "expired" : "valid");
		copy_field(&s.c, "计量标准考核系统");
		gen_sink_row(&s);
		struct gen_lic l = {(uint32_t)i,
		                    gen_keep(w, strbuf_str(&no)),
		                    gen_keep(w, names[k]),
		                    approved,
		                    valid_to,
		                    GEN_NULL,
		                    (int16_t)w->city,
		                    11,
		                    valid_to < w->today ? GL_EXPIRED : GL_VALID};
		gen_lic_add(w, &l);
		strbuf_free(&no);
	}
	return gen_sink_close(&s);
}

static enum status write_type_approvals(struct gen_world *w)
{
	static const struct {
		const char *kind, *name, *model, *cls;
	} kinds[] = {
	    {"electronic_scale", "电子计价秤", "ACS-", "Ⅲ"},
	    {"truck_scale", "数字指示秤", "SCS-", "Ⅲ"},
	    {"pressure_gauge", "一般压力表", "Y-", "1.6级"},
	    {"water_meter", "冷水水表", "LXS-", "2级"},
	    {"sphygmomanometer", "电子血压计", "BP-", "±3 mmHg"},
	};
	struct gen_sink s;
	struct rng r;
	long n = gen_plan_scaled(w->scale, 400, 2);
	if (gen_sink_begin(w, &s, &r, "nqi.type_approval", SQL_TYPE) != ST_OK)
		return w->st;
	for (long id = 1; id <= n && w->st == ST_OK; id++) {
		long i = gen_pick_ent_kind(w, &r, GR_MAKER, GK_ENTERPRISE, GEN_NULL);
		if (i < 0)
			i = w->inst[2];
		int k = (int)rng_below(&r, 5);
		int approved = gen_day_between(&r, w->ent[i].born + 30, w->today - 1);
		copy_int(&s.c, id);
		copy_fieldf(&s.c, "%dC%04ld-32", gen_year(approved), id);
		copy_int(&s.c, i + 1);
		copy_field(&s.c, kinds[k].kind);
		copy_field(&s.c, kinds[k].name);
		copy_fieldf(&s.c, "%s%d", kinds[k].model, (int)rng_range(&r, 3, 60) * 5);
		copy_field(&s.c, kinds[k].cls);
		gen_put_date(&s.c, approved);
		copy_field(&s.c, "计量器具型式批准系统");
		gen_sink_row(&s);
	}
	return gen_sink_close(&s);
}

/* Five letters naming an entity in enterprise standard codes. */
static void standard_letters(long i, struct strbuf *out)
{
	char v[6];
	for (int k = 4; k >= 0; k--) {
		v[k] = (char)('A' + i % 26);
		i /= 26;
	}
	v[5] = '\0';
	strbuf_add(out, v);
}

/* nqi.standard: national, local and group standards, then enterprise
 * standards; their ids and owners go to *owner (entity index, -1). */
static enum status write_standards(struct gen_world *w, long **owner, long *n)
{
	struct gen_sink s;
	struct rng r;
	long ent_std = gen_plan_scaled(w->scale, 12000, 3);
	*n = NNATIONAL + NLOCAL + ent_std;
	*owner = xcalloc((size_t)*n + 1, sizeof **owner);
	if (gen_sink_begin(w, &s, &r, "nqi.standard", SQL_STD) != ST_OK)
		return w->st;
	struct strbuf code = STRBUF_INIT;
	for (long id = 1; id <= *n && w->st == ST_OK; id++) {
		long k = id - 1, i = -1;
		strbuf_reset(&code);
		copy_int(&s.c, id);
		if (k < NNATIONAL) {
			int issued = gen_day(national[k].year, 3 + (int)(k % 9), 1 + (int)(k % 27));
			copy_field(&s.c, national[k].code);
			copy_field(&s.c, national[k].title);
			copy_field(&s.c, "national");
			gen_put_bool(&s.c, national[k].mandatory);
			copy_field(&s.c, "国家市场监督管理总局、国家标准化管理委员会");
			copy_field(&s.c, NULL);
			gen_put_date(&s.c, issued);
			gen_put_date(&s.c, issued + 180);
		} else if (k < NNATIONAL + NLOCAL) {
			int j = (int)(k - NNATIONAL);
			int issued = gen_day(local[j].year, 6, 10 + j);
			copy_field(&s.c, local[j].code);
			copy_field(&s.c, local[j].title);
			copy_field(&s.c, local[j].level_group ? "group" : "local");
			gen_put_bool(&s.c, 0);
			copy_field(&s.c, local[j].body);
			copy_field(&s.c, NULL);
			gen_put_date(&s.c, issued);
			gen_put_date(&s.c, issued + 30);
		} else {
			i = gen_pick_ent_kind(w, &r, GR_MAKER, GK_ENTERPRISE, GEN_NULL);
			if (i < 0)
				i = w->inst[2];
			const struct gen_ent *e = &w->ent[i];
			int issued = gen_day_between(&r, e->born + 30, w->today - 1);
			strbuf_addf(&code, "Q/%s ", gen_area_district(w, e->area)->division);
			standard_letters(i, &code);
			strbuf_addf(&code, " %03ld-%d", k + 1, gen_year(issued));
			copy_field(&s.c, strbuf_str(&code));
			copy_fieldf(&s.c, "%s企业标准", w->ind[e->industry].name);
			copy_field(&s.c, "enterprise");
			gen_put_bool(&s.c, 0);
			copy_field(&s.c, gen_text_at(w, e->name));
			copy_int(&s.c, i + 1);
			gen_put_date(&s.c, issued);
			gen_put_date(&s.c, issued + (int)rng_below(&r, 30));
		}
		copy_field(&s.c, NULL);
		copy_field(&s.c, NULL);
		copy_field(&s.c, "企业标准信息公共服务平台");
		(*owner)[id] = i;
		gen_sink_row(&s);
	}
	strbuf_free(&code);
	return gen_sink_close(&s);
}

static enum status write_declarations(struct gen_world *w, const long *owner, long nstd)
{
	struct gen_sink s;
	struct rng r;
	long id = 0;
	if (gen_sink_begin(w, &s, &r, "nqi.standard_declaration", SQL_DECL) != ST_OK)
		return w->st;
	for (long sid = NNATIONAL + NLOCAL + 1; sid <= nstd && w->st == ST_OK; sid++) {
		long i = owner[sid];
		int products = 1 + (int)rng_below(&r, 2);
		for (int p = 0; p < products; p++) {
			const struct gen_ent *e = &w->ent[i];
			int day = gen_day_between(&r, e->born + 30, w->today - 1);
			copy_int(&s.c, ++id);
			copy_int(&s.c, i + 1);
			/* its own standard first, then a national one */
			copy_int(&s.c, p == 0 ? sid : 1 + (long)rng_below(&r, NNATIONAL));
			if (p == 0)
				copy_fieldf(&s.c, "%s产品", w->ind[e->industry].name);
			else
				copy_fieldf(&s.c, "%s（%ld 系列）", w->ind[e->industry].name, sid);
			gen_put_date(&s.c, day);
			gen_put_date(&s.c,
			             e->ended != GEN_NULL && e->ended > day ? e->ended : GEN_NULL);
			copy_field(&s.c, "企业标准信息公共服务平台");
			gen_sink_row(&s);
		}
	}
	return gen_sink_close(&s);
}

static enum status write_certificates(struct gen_world *w)
{
	static const struct {
		const char *kind, *scheme, *code;
	} schemes[] = {
	    {"management_system", "ISO 9001", "Q"},
	    {"management_system", "ISO 9001", "Q"},
	    {"management_system", "ISO 14001", "E"},
	    {"management_system", "ISO 45001", "S"},
	    {"management_system", "HACCP", "H"},
	    {"product", "节能产品认证", "P"},
	    {"product", "有机产品", "O"},
	    {"service", "商品售后服务评价认证", "V"},
	};
	struct gen_sink s;
	struct rng r;
	long n = gen_plan_scaled(w->scale, 130000, 5);
	if (gen_sink_begin(w, &s, &r, "nqi.certificate", SQL_CERT) != ST_OK)
		return w->st;
	for (long id = 1; id <= n && w->st == ST_OK; id++) {
		uint32_t role = rng_chance(&r, 0.5) ? GR_MAKER : 0;
		long i = gen_pick_ent_kind(w, &r, role, GK_ENTERPRISE, GEN_NULL);
		if (i < 0)
			i = w->inst[2];
		const struct gen_ent *e = &w->ent[i];
		int k = (int)rng_below(&r, 8);
		if (k == 4 && !(e->roles & GR_FOOD_MAKER))
			k = 0;
		int last = e->ended == GEN_NULL ? w->today - 1 : e->ended - 1;
		int issued =
		    gen_day_between(&r, e->born + 60 < last ? e->born + 60 : e->born, last);
		int valid_to = issued + 3 * 365;
		int body = 1 + (int)rng_below(&r, NBODIES);
		copy_int(&s.c, id);
		copy_int(&s.c, body);
		copy_fieldf(&s.c, "%03d%02d%s%s%06ld", body, gen_year(issued) % 100,
		            schemes[k].code, "3", id);
		copy_int(&s.c, i + 1);
		copy_field(&s.c, schemes[k].kind);
		copy_field(&s.c, schemes[k].scheme);
		copy_fieldf(&s.c, "%s的设计、生产和服务", w->ind[e->industry].name);
		gen_put_date(&s.c, issued);
		gen_put_date(&s.c, valid_to);
		copy_field(&s.c, valid_to < w->today    ? "expired"
		                 : rng_chance(&r, 0.02) ? "suspended"
		                                        : "valid");
		copy_field(&s.c, "认证认可信息系统");
		gen_sink_row(&s);
	}
	return gen_sink_close(&s);
}

enum status gen_write_nqi(struct gen_world *w)
{
	long *owner = NULL, nstd = 0;
	if (write_labs(w) == ST_OK && write_bodies(w) == ST_OK &&
	    write_measurement_standards(w) == ST_OK && write_type_approvals(w) == ST_OK &&
	    write_standards(w, &owner, &nstd) == ST_OK)
		if (write_declarations(w, owner, nstd) == ST_OK)
			write_certificates(w);
	free(owner);
	return w->st;
}
