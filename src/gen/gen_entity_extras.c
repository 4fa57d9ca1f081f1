/* What else the register knows about entities: former names and the
 * change records that explain them, contacts, and tags. */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "gen/gen_themes.h"

static const char SQL_FORMER[] = "COPY core.entity_former_name (id, entity_id, name, used_from, "
                                 "used_to, source_system) FROM STDIN";
static const char SQL_CHANGE[] = "COPY core.entity_change (id, entity_id, changed_on, item, "
                                 "before_value, after_value, source_system) "
                                 "FROM STDIN";
static const char SQL_CONTACT[] =
    "COPY core.entity_contact (id, entity_id, role, contact_name, contact_phone, contact_email, "
    "valid_from, valid_to, source_system) FROM STDIN";
static const char SQL_TAG[] = "COPY core.entity_tag (entity_id, tag_id, tagged_at, "
                              "tagged_by_staff_id, note, source_system) FROM STDIN";
static const char SQL_TAG_IDS[] =
    "SELECT id, code FROM core.tag WHERE code IN ('key_supervision', 'above_scale', "
    "'food_producer', "
    "'elevator_user', 'elevator_maintainer', 'platform_operator', 'high_tech') ORDER BY code";

/* The text of one change of entity i: before and after, the same every time
 * it is asked for (drawn from a stream of the entity and the item). */
static void change_text(const struct gen_world *w, long i, int item, struct strbuf *before,
                        struct strbuf *after, const char **label)
{
	const struct gen_ent *e = &w->ent[i];
	const struct gen_district *d = gen_area_district(w, e->area);
	struct rng r;
	rng_seed(&r, w->seed, 0x5458540000000000ULL | ((uint64_t)item << 40) | (uint64_t)i);
	char section = w->ind[e->industry].section;
	switch (item) {
	case GC_NAME:
		*label = "名称变更";
		gen_company_name(&r, d, section, "有限公司", before);
		strbuf_add(after, gen_text_at(w, e->name));
		break;
	case GC_ADDRESS:
		*label = e->kind == GK_INDIVIDUAL ? "经营场所变更" : "住所变更";
		gen_address(&r, d, e->kind == GK_ENTERPRISE, before);
		strbuf_add(after, gen_text_at(w, e->addr));
		break;
	case GC_REP:
		*label = e->kind == GK_INDIVIDUAL ? "经营者变更" : "法定代表人（负责人）变更";
		gen_person_name(&r, before);
		strbuf_add(after, gen_text_at(w, e->rep));
		break;
	case GC_CAPITAL:
		if (e->capital > 0) {
			*label = e->kind == GK_INDIVIDUAL ? "资金数额变更" : "注册资本变更";
			unsigned long was = e->capital / 100 / (2 + rng_below(&r, 4));
			strbuf_addf(before, "%lu万元", was ? was : 1);
			strbuf_addf(after, "%lu万元", (unsigned long)e->capital / 100);
			break;
		}
		/* fall through - no capital to change */
	case GC_SCOPE:
		*label = "经营范围变更";
		strbuf_add(before, w->ind[e->industry].name);
		strbuf_addf(after, "%s；%s", w->ind[e->industry].name,
		            rng_chance(&r, 0.5) ? "食品销售（仅销售预包装食品）"
		                                : "技术服务、技术咨询");
		break;
	default:
		*label = e->kind == GK_INDIVIDUAL ? "组成形式变更" : "投资人（股权）变更";
		if (e->kind == GK_INDIVIDUAL) {
			strbuf_add(before, "个人经营");
			strbuf_add(after, "家庭经营");
			break;
		}
		gen_person_name(&r, before);
		strbuf_add(before, "、");
		gen_person_name(&r, before);
		gen_person_name(&r, after);
		break;
	}
}

static enum status write_former(struct gen_world *w)
{
	struct gen_sink s;
	struct strbuf before = STRBUF_INIT, after = STRBUF_INIT;
	struct gen_history h;
	const char *label;
	long id = 0;
	if (gen_sink_open(w, &s, "core.entity_former_name", SQL_FORMER) != ST_OK)
		return w->st;
	for (long i = 0; i < w->nent && w->st == ST_OK; i++) {
		gen_entity_history(w, i, &h);
		for (int k = 0; k < h.n; k++) {
			if (h.item[k] != GC_NAME)
				continue;
			strbuf_reset(&before);
			strbuf_reset(&after);
			change_text(w, i, GC_NAME, &before, &after, &label);
			copy_int(&s.c, ++id);
			copy_int(&s.c, i + 1);
			copy_field(&s.c, strbuf_str(&before));
			gen_put_date(&s.c, w->ent[i].born);
			gen_put_date(&s.c, h.day[k]);
			copy_field(&s.c, "企业登记系统");
			gen_sink_row(&s);
		}
	}
	strbuf_free(&before);
	strbuf_free(&after);
	return gen_sink_close(&s);
}

static enum status write_changes(struct gen_world *w)
{
	struct gen_sink s;
	struct strbuf before = STRBUF_INIT, after = STRBUF_INIT;
	struct gen_history h;
	const char *label;
	long id = 0;
	if (gen_sink_open(w, &s, "core.entity_change", SQL_CHANGE) != ST_OK)
		return w->st;
	for (long i = 0; i < w->nent && w->st == ST_OK; i++) {
		gen_entity_history(w, i, &h);
		for (int k = 0; k < h.n; k++) {
			strbuf_reset(&before);
			strbuf_reset(&after);
			change_text(w, i, h.item[k], &before, &after, &label);
			if (strcmp(strbuf_str(&before), strbuf_str(&after)) == 0)
				continue;
			copy_int(&s.c, ++id);
			copy_int(&s.c, i + 1);
			gen_put_date(&s.c, h.day[k]);
			copy_field(&s.c, label);
			copy_field(&s.c, strbuf_str(&before));
			copy_field(&s.c, strbuf_str(&after));
			copy_field(&s.c, "企业登记系统");
			gen_sink_row(&s);
		}
	}
	strbuf_free(&before);
	strbuf_free(&after);
	return gen_sink_close(&s);
}

static void contact_row(struct gen_sink *s, struct gen_world *w, struct rng *r, long *id, long i,
                        const char *role, int with_email)
{
	static const char *const domains[] = {"qq.com", "163.com", "126.com", "sina.com"};
	struct strbuf v = STRBUF_INIT;
	const struct gen_ent *e = &w->ent[i];
	copy_int(&s->c, ++*id);
	copy_int(&s->c, i + 1);
	copy_field(&s->c, role);
	gen_person_name(r, &v);
	copy_field(&s->c, strbuf_str(&v));
	strbuf_reset(&v);
	gen_phone(r, &v);
	copy_field(&s->c, strbuf_str(&v));
	if (with_email)
		copy_fieldf(&s->c, "%ld@%s", rng_range(r, 10000000, 2999999999L),
		            domains[rng_below(r, 4)]);
	else
		copy_field(&s->c, NULL);
	int last = e->ended == GEN_NULL ? w->today - 1 : e->ended;
	int from = gen_day_between(r, e->born, last);
	gen_put_date(&s->c, from);
	gen_put_date(&s->c, e->ended == GEN_NULL ? GEN_NULL : e->ended);
	copy_field(&s->c, "企业登记系统");
	strbuf_free(&v);
	gen_sink_row(s);
}

static enum status write_contacts(struct gen_world *w)
{
	struct gen_sink s;
	struct rng r;
	long id = 0;
	if (gen_sink_begin(w, &s, &r, "core.entity_contact", SQL_CONTACT) != ST_OK)
		return w->st;
	for (long i = 0; i < w->n.entities && w->st == ST_OK; i++) {
		const struct gen_ent *e = &w->ent[i];
		/* every entity names a liaison for its annual report (企业信息公示) */
		contact_row(&s, w, &r, &id, i, "liaison",
		            e->kind != GK_INDIVIDUAL && rng_chance(&r, 0.5));
		if ((e->roles & (GR_FOOD_SALE | GR_CATERING | GR_FOOD_MAKER)) &&
		    rng_chance(&r, 0.5))
			contact_row(&s, w, &r, &id, i, "food_safety", 0);
		if ((e->roles & GR_MAKER) && rng_chance(&r, 0.3))
			contact_row(&s, w, &r, &id, i, "quality", 0);
		if ((e->roles & (GR_ESTATE | GR_MAINTAINER)) && rng_chance(&r, 0.5))
			contact_row(&s, w, &r, &id, i, "safety", 0);
		if (e->kind == GK_ENTERPRISE && rng_chance(&r, 0.15))
			contact_row(&s, w, &r, &id, i, "finance", 1);
	}
	return gen_sink_close(&s);
}

enum status gen_write_entity_extras(struct gen_world *w)
{
	if (write_former(w) == ST_OK && write_changes(w) == ST_OK)
		write_contacts(w);
	return w->st;
}

/* ---- tags, once the elevators are known ---- */

static void tag_row(struct gen_sink *s, struct gen_world *w, struct rng *r, long i, long tag,
                    const char *note)
{
	const struct gen_ent *e = &w->ent[i];
	copy_int(&s->c, i + 1);
	copy_int(&s->c, tag);
	int day = gen_day_between(r, e->born > gen_day(2018, 1, 1) ? e->born : gen_day(2018, 1, 1),
	                          w->today - 1);
	gen_put_ts(&s->c, gen_moment_on(r, day, 0));
	copy_field(&s->c, NULL);
	copy_field(&s->c, note);
	copy_field(&s->c, "主体标签规则");
	gen_sink_row(s);
}

enum status gen_write_tags(struct gen_world *w)
{
	long tag[7] = {0};
	PGresult *res = db_exec(w->db, SQL_TAG_IDS, 0, NULL, &w->err);
	if (!res)
		return w->st = w->err.status ? w->err.status : ST_ERROR;
	/* ordered by code: above_scale, elevator_maintainer, elevator_user,
	 * food_producer, high_tech, key_supervision, platform_operator */
	for (int k = 0; k < PQntuples(res) && k < 7; k++)
		tag[k] = atol(PQgetvalue(res, k, 0));
	PQclear(res);
	uint8_t *user = xcalloc((size_t)w->nent, 1);
	for (long k = 0; k < w->nelev; k++)
		user[w->elev[k].ent] = 1;
	struct gen_sink s;
	struct rng r;
	if (gen_sink_begin(w, &s, &r, "core.entity_tag", SQL_TAG) == ST_OK) {
		for (long i = 0; i < w->n.entities && w->st == ST_OK; i++) {
			const struct gen_ent *e = &w->ent[i];
			if (!gen_alive(w, i, w->today - 1))
				continue;
			const char *code = w->ind[e->industry].code;
			if ((e->roles & GR_MAKER) && e->kind == GK_ENTERPRISE &&
			    rng_chance(&r, 0.12))
				tag_row(&s, w, &r, i, tag[0], "统计部门认定的规模以上工业企业");
			if (e->roles & GR_MAINTAINER)
				tag_row(&s, w, &r, i, tag[1], NULL);
			if (user[i])
				tag_row(&s, w, &r, i, tag[2], NULL);
			if (e->roles & GR_FOOD_MAKER)
				tag_row(&s, w, &r, i, tag[3], NULL);
			if ((e->roles & (GR_TECH | GR_MAKER)) && e->kind == GK_ENTERPRISE &&
			    rng_chance(&r, 0.05))
				tag_row(&s, w, &r, i, tag[4], "高新技术企业证书");
			if (((e->roles & (GR_FOOD_MAKER | GR_PHARMACY | GR_MAINTAINER)) &&
			     rng_chance(&r, 0.15)) ||
			    rng_chance(&r, 0.005))
				tag_row(&s, w, &r, i, tag[5], "年度重点监管名单");
			if (strncmp(code, "643", 3) == 0)
				tag_row(&s, w, &r, i, tag[6], NULL);
		}
		gen_sink_close(&s);
	}
	free(user);
	return w->st;
}
