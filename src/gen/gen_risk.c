/* Credit-risk grades (internal, never published): every enterprise and
 * co-operative is graded once a year, the latest grade from the facts the
 * other themes left (abnormal list, serious violations, penalties,
 * inspection problems, complaints, reports, elevator incidents, late annual
 * reports, a new registration), each fact a row that names its source.
 * Written newest first, so the entity's current grade is set once. */
#include <string.h>

#include "gen/gen_themes.h"

static const char SQL_HISTORY[] =
    "COPY credit.risk_grade_history (id, entity_id, grade, score, assessed_on, model_version, "
    "manual_adjustment, adjustment_reason, adjusted_by_staff_id, source_system) FROM STDIN";
static const char SQL_FACT[] = "COPY credit.risk_grade_fact (id, history_id, indicator_code, fact, "
                               "points, source_table, source_id) "
                               "FROM STDIN";

struct fact {
	const char *indicator, *table;
	long source;
	int points;
	char text[160];
};

struct grading {
	int n; /* assessments, newest first */
	int day[3];
	int grade[3]; /* 0 A … 3 D */
	int score[3];
	int adjusted; /* the newest was adjusted by hand */
	int nfacts;
	struct fact facts[10];
};

/* The grade of a score (a local choice: one fact such as an abnormal
 * listing or a penalty makes B, two make C, the serious list makes D). */
static int grade_of(int score)
{
	return score < 10 ? 0 : score < 20 ? 1 : score < 40 ? 2 : 3;
}

static void add_fact(struct grading *g, const char *indicator, int points, const char *table,
                     long source, const char *text)
{
	if (g->nfacts >= 10 || points <= 0)
		return;
	struct fact *f = &g->facts[g->nfacts++];
	f->indicator = indicator;
	f->points = points;
	f->table = source ? table : NULL;
	f->source = source;
	snprintf(f->text, sizeof f->text, "%s", text);
}

/* The facts of the newest assessment, from what the themes tallied. */
static int newest_facts(const struct gen_world *w, long i, int day, struct grading *g)
{
	const struct gen_tally *t = &w->tally[i];
	char text[160];
	int before = g->nfacts;
	if (t->abnormal_id)
		add_fact(g, "abnormal_list", 15, "credit.abnormal_operation", t->abnormal_id,
		         "列入经营异常名录（在列）");
	if (t->serious_id)
		add_fact(g, "serious_violation", 40, "credit.serious_violation", t->serious_id,
		         "列入严重违法失信名单（在列）");
	if (t->penalties) {
		snprintf(text, sizeof text, "近三年受到行政处罚 %u 次", t->penalties);
		add_fact(g, "penalty", 10 * t->penalties, "supervision.penalty", t->penalty_id,
		         text);
	}
	if (t->problem_result_id)
		add_fact(g, "inspection_problem", 8, "supervision.inspection_result",
		         t->problem_result_id, "近三年抽查发现问题");
	if (t->complaints) {
		snprintf(text, sizeof text, "近一年被投诉 %u 件", t->complaints);
		add_fact(g, "complaint", t->complaints > 10 ? 10 : t->complaints,
		         "rights.complaint", t->complaint_id, text);
	}
	if (t->reports) {
		snprintf(text, sizeof text, "近一年被举报 %u 件", t->reports);
		add_fact(g, "report", t->reports > 5 ? 10 : 2 * t->reports, "rights.report",
		         t->report_id, text);
	}
	if (t->incidents) {
		snprintf(text, sizeof text, "近一年所用电梯发生困人、故障 %u 起", t->incidents);
		add_fact(g, "equipment_incident", t->incidents > 5 ? 15 : 3 * t->incidents,
		         "rights.rescue_incident", t->incident_id, text);
	}
	if (t->late_reports) {
		snprintf(text, sizeof text, "近三年年度报告逾期报送 %u 次", t->late_reports);
		add_fact(g, "annual_report_late", 5 * t->late_reports, NULL, 0, text);
	}
	if (day - w->ent[i].born < 365)
		add_fact(g, "registration_age", 3, NULL, 0, "成立不满一年");
	int score = 0;
	for (int k = before; k < g->nfacts; k++)
		score += g->facts[k].points;
	return score;
}

/* The assessments of entity i: the newest from its facts, the older ones
 * from a stream of its own, the same in both passes. */
static void grading_of(const struct gen_world *w, long i, struct grading *g)
{
	const struct gen_ent *e = &w->ent[i];
	memset(g, 0, sizeof *g);
	if (e->kind != GK_ENTERPRISE && e->kind != GK_COOP)
		return;
	int y, m, d;
	gen_ymd(w->today - 1, &y, &m, &d);
	int newest = gen_day(y, (m - 1) / 3 * 3 + 1, 1);
	int dates[3] = {newest, gen_day(y - 1, 1, 15), gen_day(y - 2, 1, 15)};
	if (dates[1] >= newest)
		dates[1] = newest - 90;
	struct rng r;
	rng_seed(&r, w->seed, 0x5249534b00000000ULL | (uint64_t)i);
	for (int k = 0; k < 3; k++) {
		if (!gen_alive(w, i, dates[k]) || dates[k] - e->born < 30)
			break;
		g->day[g->n] = dates[k];
		if (k == 0) {
			g->score[0] = newest_facts(w, i, dates[0], g);
			g->grade[0] = grade_of(g->score[0]);
			g->adjusted = rng_chance(&r, 0.01) && g->grade[0] < 3;
			if (g->adjusted)
				g->grade[0]++;
		} else {
			int prev = g->grade[k - 1];
			double u = rng_unit(&r);
			int grade = u < 0.7   ? prev
			            : u < 0.9 ? (prev > 0 ? prev - 1 : 0)
			                      : (prev < 3 ? prev + 1 : 3);
			static const int lo[4] = {0, 10, 20, 40}, span[4] = {10, 10, 20, 30};
			g->grade[k] = grade;
			g->score[k] = lo[grade] + (int)rng_below(&r, (uint64_t)span[grade]);
		}
		g->n++;
	}
}

static enum status write_history(struct gen_world *w)
{
	static const char *const grades[] = {"A", "B", "C", "D"};
	struct gen_sink s;
	struct rng r;
	long id = 0;
	if (gen_sink_begin(w, &s, &r, "credit.risk_grade_history", SQL_HISTORY) != ST_OK)
		return w->st;
	for (long i = 0; i < w->n.entities && w->st == ST_OK; i++) {
		struct grading g;
		grading_of(w, i, &g);
		for (int k = 0; k < g.n; k++) {
			int adjusted = k == 0 && g.adjusted;
			int who = adjusted ? gen_pick_staff(w, &r, gen_ent_district(w, i), 0) : -1;
			copy_int(&s.c, ++id);
			copy_int(&s.c, i + 1);
			copy_field(&s.c, grades[g.grade[k]]);
			copy_fieldf(&s.c, "%d.00", g.score[k]);
			gen_put_date(&s.c, g.day[k]);
			copy_field(&s.c, k == 0 ? "JS-2024" : "JS-2021");
			gen_put_bool(&s.c, adjusted && who >= 0);
			copy_field(&s.c, adjusted && who >= 0
			                     ? "经现场核查，存在较大风险隐患，上调一级"
			                     : NULL);
			gen_put_id(&s.c, adjusted && who >= 0 ? w->staff[who].id : 0);
			copy_field(&s.c, "信用风险分类管理系统");
			gen_sink_row(&s);
		}
	}
	return gen_sink_close(&s);
}

static void put_fact(struct gen_sink *s, long id, long history, const char *indicator,
                     const char *text, int points, const char *table, long source)
{
	copy_int(&s->c, id);
	copy_int(&s->c, history);
	copy_field(&s->c, indicator);
	copy_field(&s->c, text);
	copy_fieldf(&s->c, "%d.00", points);
	copy_field(&s->c, table);
	gen_put_id(&s->c, table ? source : 0);
	gen_sink_row(s);
}

static enum status write_facts(struct gen_world *w)
{
	struct gen_sink s;
	long id = 0, history = 0;
	char text[64];
	if (gen_sink_open(w, &s, "credit.risk_grade_fact", SQL_FACT) != ST_OK)
		return w->st;
	for (long i = 0; i < w->n.entities && w->st == ST_OK; i++) {
		struct grading g;
		grading_of(w, i, &g);
		for (int k = 0; k < g.n; k++) {
			history++;
			if (k == 0) {
				for (int f = 0; f < g.nfacts; f++)
					put_fact(&s, ++id, history, g.facts[f].indicator,
					         g.facts[f].text, g.facts[f].points,
					         g.facts[f].table, g.facts[f].source);
			} else if (g.score[k] > 0) {
				snprintf(text, sizeof text, "%d 年度评价周期内投诉、举报等计分",
				         gen_year(g.day[k]) - 1);
				put_fact(&s, ++id, history, "complaint", text, g.score[k], NULL, 0);
			}
		}
	}
	return gen_sink_close(&s);
}

int gen_risk_latest(const struct gen_world *w, long i, int *day)
{
	struct grading g;
	grading_of(w, i, &g);
	if (!g.n)
		return -1;
	*day = g.day[0];
	return g.grade[0];
}

enum status gen_write_risk(struct gen_world *w)
{
	if (write_history(w) == ST_OK)
		write_facts(w);
	return w->st;
}
