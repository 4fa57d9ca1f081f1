/* The bureau's officers: staff records for the people the generated cases,
 * inspections and calls name (inspectors, handlers, dispatchers), and the
 * directory of law-enforcement inspectors. They are records of people, not
 * console accounts: no login role is created for them (an administrator who
 * later creates a role of the same login ties it to the record). */
#include <string.h>

#include "base/xalloc.h"
#include "gen/gen_themes.h"

static const char SQL_STAFF[] = "COPY core.staff (id, login, full_name, employee_no, "
                                "credential_no, phone, org_unit_id, status) "
                                "FROM STDIN";
static const char SQL_INSPECTOR[] = "COPY supervision.inspector (staff_id, specialties, "
                                    "included_on, excluded_on, exclusion_reason, "
                                    "source_system) FROM STDIN";

static const char SQL_LEAVE[] =
    "COPY supervision.inspector_leave (staff_id, starts_on, ends_on, reason, "
    "source_system) FROM STDIN";

static const char *const specialties[] = {"企业公示信息", "食品安全", "特种设备", "计量",
                                          "产品质量",     "价格收费", "广告",     "知识产权",
                                          "药品医疗器械", "网络交易"};

/* How many officers an org unit has, and how many of them hold a credential. */
static void headcount(const struct gen_org *o, long scale, int *n, int *cred)
{
	int extra = (int)(scale / 400000); /* a bigger city has bigger stations */
	switch (o->level) {
	case 0:
		*n = 30;
		*cred = 8;
		break;
	case 1:
		*n = 22 + 2 * extra;
		*cred = 16 + 2 * extra;
		break;
	default:
		*n = 9 + extra;
		*cred = 8 + extra;
		break;
	}
}

static void make_staff(struct gen_world *w)
{
	struct rng r;
	gen_stream(w, &r, "core.staff");
	int total = 0;
	for (int o = 0; o < w->norg; o++) {
		int n, cred;
		headcount(&w->org[o], w->scale, &n, &cred);
		total += n;
	}
	w->staff = xcalloc((size_t)total, sizeof *w->staff);
	w->staff_first = xcalloc((size_t)w->norg, sizeof(int));
	w->staff_n = xcalloc((size_t)w->norg, sizeof(int));
	w->staff_cred = xcalloc((size_t)w->norg, sizeof(int));
	struct strbuf name = STRBUF_INIT;
	for (int o = 0; o < w->norg; o++) {
		int n, cred;
		headcount(&w->org[o], w->scale, &n, &cred);
		w->staff_first[o] = w->nstaff;
		w->staff_n[o] = n;
		w->staff_cred[o] = cred;
		for (int k = 0; k < n; k++) {
			struct gen_staff *s = &w->staff[w->nstaff];
			s->id = w->staff_base + w->nstaff + 1;
			s->org = o;
			s->credential = k < cred;
			strbuf_reset(&name);
			gen_person_name(&r, &name);
			s->name = gen_keep(w, strbuf_str(&name));
			w->nstaff++;
		}
	}
	strbuf_free(&name);
}

static void put_staff(struct gen_sink *s, struct gen_world *w, struct rng *r, int i)
{
	const struct gen_staff *st = &w->staff[i];
	const struct gen_org *o = &w->org[st->org];
	int k = i - w->staff_first[st->org] + 1;
	struct strbuf v = STRBUF_INIT;
	copy_int(&s->c, st->id);
	for (const char *p = o->code; *p; p++)
		strbuf_addc(&v, *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p);
	copy_fieldf(&s->c, "zf_%s_%03d", strbuf_str(&v), k);
	copy_field(&s->c, gen_text_at(w, st->name));
	copy_fieldf(&s->c, "%sG%03d", o->code, k);
	if (st->credential)
		copy_fieldf(&s->c, "JS32%02d%06d", o->area < 0 ? 0 : o->area + 1, i + 1);
	else
		copy_field(&s->c, NULL);
	copy_fieldf(&s->c, "0510-8%07ld", rng_range(r, 0, 9999999));
	copy_int(&s->c, o->id);
	copy_field(&s->c, "active");
	strbuf_free(&v);
}

static void put_inspector(struct gen_sink *s, struct gen_world *w, struct rng *r, int i)
{
	struct strbuf arr = STRBUF_INIT;
	int n = 1 + (int)rng_below(r, 3), first = (int)rng_below(r, 10);
	strbuf_addc(&arr, '{');
	for (int k = 0; k < n; k++)
		strbuf_addf(&arr, "%s%s", k ? "," : "", specialties[(first + k * 3) % 10]);
	strbuf_addc(&arr, '}');
	copy_int(&s->c, w->staff[i].id);
	copy_field(&s->c, strbuf_str(&arr));
	int from = gen_day_between(r, gen_day(2016, 1, 1), w->today - 200);
	gen_put_date(&s->c, from);
	copy_field(&s->c, NULL);
	copy_field(&s->c, NULL);
	copy_field(&s->c, "执法人员管理系统");
	strbuf_free(&arr);
}

/* Leave of about one inspector in twelve: a week or two, around the as-of date. */
static enum status write_leave(struct gen_world *w)
{
	static const char *const why[] = {"年休假", "病假", "外出培训", "探亲假"};
	struct gen_sink s;
	struct rng r;
	if (gen_sink_begin(w, &s, &r, "supervision.inspector_leave", SQL_LEAVE) != ST_OK)
		return w->st;
	for (int i = 0; i < w->nstaff && w->st == ST_OK; i++) {
		if (!w->staff[i].credential || !rng_chance(&r, 1.0 / 12))
			continue;
		int from = w->today - 60 + (int)rng_below(&r, 120);
		copy_int(&s.c, w->staff[i].id);
		gen_put_date(&s.c, from);
		gen_put_date(&s.c, from + 4 + (int)rng_below(&r, 10));
		copy_field(&s.c, why[rng_below(&r, 4)]);
		copy_field(&s.c, "执法人员管理系统");
		gen_sink_row(&s);
	}
	return gen_sink_close(&s);
}

enum status gen_write_staff(struct gen_world *w)
{
	struct gen_sink s;
	struct rng r;
	make_staff(w);
	gen_stream(w, &r, "core.staff.rows");
	if (gen_sink_open(w, &s, "core.staff", SQL_STAFF) != ST_OK)
		return w->st;
	for (int i = 0; i < w->nstaff; i++) {
		put_staff(&s, w, &r, i);
		if (gen_sink_row(&s) != ST_OK)
			break;
	}
	if (gen_sink_close(&s) != ST_OK)
		return w->st;
	if (gen_sink_begin(w, &s, &r, "supervision.inspector", SQL_INSPECTOR) != ST_OK)
		return w->st;
	for (int i = 0; i < w->nstaff; i++) {
		if (!w->staff[i].credential)
			continue;
		put_inspector(&s, w, &r, i);
		if (gen_sink_row(&s) != ST_OK)
			break;
	}
	if (gen_sink_close(&s) != ST_OK)
		return w->st;
	return write_leave(w);
}
