/* The 双随机 inspections as the generator plans them in memory before
 * writing their tables: each district bureau's yearly plans, their batches,
 * and the tasks drawn for each batch with their teams and results. */
#ifndef SMCON_GEN_INSPECT_H
#define SMCON_GEN_INSPECT_H

#include "gen/gen_world.h"

enum task_status { TS_PENDING, TS_DISPATCHED, TS_INSPECTING, TS_DONE, TS_CANCELLED };

struct insp_plan {
	int org; /* district bureau (index into world.org) */
	int year, tmpl, seq;
	int starts, ends; /* of its batches: batch b runs starts + b * 150 … */
	int batches;
};

struct insp_batch {
	int plan, no;
	int starts, ends;
	int planned;
	int population; /* entities it could draw from */
	int staff_pool; /* credentialed inspectors it could draw from */
	long draw_id;   /* its object draw (0 = not drawn yet) */
	long first_task, ntasks;
};

struct insp_task {
	uint32_t ent;
	uint32_t batch;
	uint32_t result_id; /* 0 = no result */
	int32_t from, to;   /* inspected (GEN_NULL = not yet) */
	int64_t dispatched; /* GEN_NO_TS = not yet */
	int64_t entered;    /* result entered */
	uint16_t team[3];
	uint8_t nteam, status, result; /* result: index into gen_result_codes */
};

struct insp {
	struct insp_plan *plan;
	int nplan;
	struct insp_batch *batch;
	int nbatch;
	struct insp_task *task;
	long ntask, captask;
	long ndraws;
	uint64_t *recusal; /* sorted (staff index << 32 | entity index) */
	long nrecusal;
};

/* The plan templates: kind, title, items, which entities, rate, batches. */
struct insp_template {
	const char *kind, *title;
	int items[3], nitems;
	uint32_t roles;
	double rate;
	int batches, start_month, start_day, days;
};
extern const struct insp_template gen_insp_templates[];
extern const int gen_insp_template_count;
extern const char *const gen_result_codes[];

/* Plans everything in memory. */
void gen_insp_plan(struct gen_world *w, struct insp *in);
void gen_insp_free(struct insp *in);
/* Whether staff member s must not inspect entity e. */
int gen_insp_recused(const struct insp *in, int s, uint32_t e);
/* Writes the tasks, their teams, results and result items. Returns w->st. */
enum status gen_insp_write_tasks(struct gen_world *w, struct insp *in);

#endif
