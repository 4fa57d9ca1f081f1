/* 双随机 tasks, their teams (≥ 2 credentialed inspectors, one lead — the
 * database checks it when the transaction commits), results and results per
 * item. Results that found an entity unreachable or with problems are
 * remembered for the abnormal list, the cases and the risk grades. */
#include <stdlib.h>
#include <string.h>

#include "gen/gen_inspect.h"
#include "gen/gen_themes.h"

static const char SQL_TASK[] =
    "COPY supervision.inspection_task (id, task_no, batch_id, org_id, entity_id, draw_id, status, "
    "dispatched_at, inspected_from, inspected_to, cancel_reason, source_system) FROM STDIN";
static const char SQL_TEAM[] =
    "COPY supervision.task_inspector (task_id, staff_id, is_lead, department, drawn) FROM STDIN";
static const char SQL_RESULT[] = "COPY supervision.inspection_result (id, task_id, org_id, "
                                 "entity_id, result_code, findings, inspected_on, "
                                 "rectification_due_on, entered_at, entered_by_staff_id, "
                                 "publish_due_on, published_at, source_system) "
                                 "FROM STDIN";
static const char SQL_RESULT_ITEM[] =
    "COPY supervision.inspection_result_item (result_id, item_id, result_code, note) FROM STDIN";

static const char *const status_codes[] = {"pending", "dispatched", "inspecting", "done",
                                           "cancelled"};

static const char *findings(int code)
{
	static const char *const text[] = {
	    NULL,
	    "未按规定期限公示即时信息（股东出资、行政许可取得等）",
	    "年度报告中从业人数、资产总额等信息与实际情况不符",
	    "在登记的住所（经营场所）无法联系，现场无经营迹象",
	    "拒不提供有关材料，阻挠检查人员进入经营场所",
	    "食品安全管理制度不健全、从业人员健康证明过期，已当场责令改正",
	    "涉嫌销售不合格产品，已抽样送检，待检验结果后处理",
	    "检查时未发现开展本次抽查涉及的经营活动",
	    "企业已停业，正在组织清算",
	    "经核查，该主体已办理注销登记",
	    "经核查，该主体营业执照已被吊销",
	    "经核查，该主体登记已被撤销",
	    "经核查，该主体已迁出本辖区",
	};
	return text[code];
}

static enum status write_task_rows(struct gen_world *w, const struct insp *in)
{
	static const char *const cancelled[] = {"被抽中对象已迁出本辖区", "被抽中对象已注销",
	                                        "与其他抽查任务重复，合并检查"};
	struct gen_sink s;
	if (gen_sink_open(w, &s, "supervision.inspection_task", SQL_TASK) != ST_OK)
		return w->st;
	for (long k = 0; k < in->ntask && w->st == ST_OK; k++) {
		const struct insp_task *t = &in->task[k];
		const struct insp_batch *b = &in->batch[t->batch];
		const struct insp_plan *p = &in->plan[b->plan];
		copy_int(&s.c, k + 1);
		copy_fieldf(&s.c, "%.2sRW%d%02d%d%05ld", w->org[p->org].code, p->year, p->seq,
		            b->no, k - b->first_task + 1);
		copy_int(&s.c, t->batch + 1);
		copy_int(&s.c, w->org[p->org].id);
		copy_int(&s.c, t->ent + 1);
		copy_int(&s.c, b->draw_id);
		copy_field(&s.c, status_codes[t->status]);
		gen_put_ts(&s.c, t->dispatched);
		gen_put_date(&s.c, t->from);
		gen_put_date(&s.c, t->to);
		copy_field(&s.c, t->status == TS_CANCELLED ? cancelled[k % 3] : NULL);
		copy_field(&s.c, "双随机一公开监管平台");
		gen_sink_row(&s);
	}
	return gen_sink_close(&s);
}

static enum status write_teams(struct gen_world *w, const struct insp *in)
{
	struct gen_sink s;
	if (gen_sink_open(w, &s, "supervision.task_inspector", SQL_TEAM) != ST_OK)
		return w->st;
	for (long k = 0; k < in->ntask && w->st == ST_OK; k++) {
		const struct insp_task *t = &in->task[k];
		int joint = in->plan[in->batch[t->batch].plan].tmpl == 3;
		for (int j = 0; j < t->nteam; j++) {
			copy_int(&s.c, k + 1);
			copy_int(&s.c, w->staff[t->team[j]].id);
			gen_put_bool(&s.c, j == 0);
			copy_field(&s.c, joint ? "市场监督管理局" : NULL);
			gen_put_bool(&s.c, (k + j) % 10 != 0);
			gen_sink_row(&s);
		}
	}
	return gen_sink_close(&s);
}

/* Remembers what a result means for the themes after this one. */
static void note_result(struct gen_world *w, const struct insp_task *t, int org, uint32_t id)
{
	int code = t->result;
	if (code == 3 || code == 1 || code == 2) /* unreachable, not publicized, false publicity */
		gen_links_add(&w->unreachable, id, t->ent, t->to, org,
		              code == 3   ? 0
		              : code == 1 ? 1
		                          : 2);
	if (code == 4 || code == 5 || code == 6) {
		gen_links_add(&w->problems, id, t->ent, t->to, org, code);
		if (t->to >= w->today - 3 * 365)
			w->tally[t->ent].problem_result_id = id;
	}
}

static enum status write_results(struct gen_world *w, struct insp *in)
{
	struct gen_sink s;
	struct rng r;
	uint32_t id = 0;
	if (gen_sink_begin(w, &s, &r, "supervision.inspection_result", SQL_RESULT) != ST_OK)
		return w->st;
	for (long k = 0; k < in->ntask && w->st == ST_OK; k++) {
		struct insp_task *t = &in->task[k];
		if (t->status != TS_DONE || t->entered == GEN_NO_TS)
			continue;
		const struct insp_plan *p = &in->plan[in->batch[t->batch].plan];
		t->result_id = ++id;
		int code = t->result;
		int due = t->to + 28; /* 20 working days */
		int entered_day = (int)(t->entered / 86400);
		int pub = entered_day + (int)rng_below(&r, rng_chance(&r, 0.03) ? 40 : 10);
		copy_int(&s.c, id);
		copy_int(&s.c, k + 1);
		copy_int(&s.c, w->org[p->org].id);
		copy_int(&s.c, t->ent + 1);
		copy_field(&s.c, gen_result_codes[code]);
		copy_field(&s.c, findings(code));
		gen_put_date(&s.c, t->to);
		gen_put_date(&s.c,
		             code == 5 || code == 6 ? t->to + 15 + 15 * (code == 6) : GEN_NULL);
		gen_put_ts(&s.c, t->entered);
		copy_int(&s.c, w->staff[t->team[0]].id);
		gen_put_date(&s.c, due);
		gen_put_ts(&s.c, pub < w->today ? gen_moment_on(&r, pub, 0) : GEN_NO_TS);
		copy_field(&s.c, "双随机一公开监管平台");
		gen_sink_row(&s);
		note_result(w, t, p->org, id);
	}
	return gen_sink_close(&s);
}

static enum status write_result_items(struct gen_world *w, const struct insp *in)
{
	struct gen_sink s;
	if (gen_sink_open(w, &s, "supervision.inspection_result_item", SQL_RESULT_ITEM) != ST_OK)
		return w->st;
	for (long k = 0; k < in->ntask && w->st == ST_OK; k++) {
		const struct insp_task *t = &in->task[k];
		if (!t->result_id)
			continue;
		const struct insp_template *tp =
		    &gen_insp_templates[in->plan[in->batch[t->batch].plan].tmpl];
		int gone = t->result >= 8;
		for (int j = 0; j < tp->nitems; j++) {
			int code = j == 0 || gone ? t->result : 0;
			copy_int(&s.c, t->result_id);
			copy_int(&s.c, tp->items[j]);
			copy_field(&s.c, gen_result_codes[code]);
			copy_field(&s.c, code ? findings(code) : NULL);
			gen_sink_row(&s);
		}
	}
	return gen_sink_close(&s);
}

/* The recusal rule over all teams at once (the row trigger checks a team
 * member against the task's entity; the teams are written before their tasks). */
static const char SQL_RECUSAL_CHECK[] =
    "DO $$ BEGIN "
    "IF EXISTS (SELECT 1 FROM supervision.task_inspector ti "
    "             JOIN supervision.inspection_task t ON t.id = ti.task_id "
    "             JOIN supervision.inspector_recusal r ON r.entity_id = t.entity_id AND r.staff_id "
    "= ti.staff_id) THEN "
    "  RAISE EXCEPTION '检查人员与检查对象有利害关系，应当回避' "
    "    USING ERRCODE = 'check_violation', CONSTRAINT = 'task_inspector_recusal'; "
    "END IF; END $$";

/* Teams first, then their tasks: each task's team (≥ 2 credentialed
 * inspectors, one lead) is checked once, when the task arrives. */
enum status gen_insp_write_tasks(struct gen_world *w, struct insp *in)
{
	/* the team check looks the team up by task: plan it on what is there */
	if (write_teams(w, in) == ST_OK &&
	    db_command(w->db, "ANALYZE supervision.task_inspector, core.staff", 0, NULL, &w->err) ==
	        ST_OK &&
	    write_task_rows(w, in) == ST_OK &&
	    db_command(w->db, SQL_RECUSAL_CHECK, 0, NULL, &w->err) != ST_OK)
		w->st = w->err.status ? w->err.status : ST_ERROR;
	if (w->st == ST_OK && write_results(w, in) == ST_OK)
		write_result_items(w, in);
	return w->st;
}
