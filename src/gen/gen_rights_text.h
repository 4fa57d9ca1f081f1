/* What consumers complain about, report and ask, by the kind of business:
 * the complaint category, the goods or service, the problem, the request. */
#ifndef SMCON_GEN_RIGHTS_TEXT_H
#define SMCON_GEN_RIGHTS_TEXT_H

#include "gen/gen_world.h"

struct gen_topic {
	uint32_t role;        /* entities it applies to (0: anyone, and online shops) */
	const char *category; /* core.complaint_category */
	const char *subjects[4];
	const char *problems[4];
	const char *violation;     /* core.violation_category for reports */
	const char *clue;          /* what a reporter says */
	const char *categories[4]; /* each subject's category, when not the topic's */
};

extern const struct gen_topic gen_topics[];
extern const int gen_topic_count;

/* The topic of an entity (its first matching role), or the online-shopping one. */
const struct gen_topic *gen_topic_of(const struct gen_world *w, long ent, struct rng *r);
/* Which of the topic's subjects (and problems) fits entity ent: by its
 * industry where that tells, else at random. */
int gen_topic_subject(const struct gen_world *w, long ent, const struct gen_topic *t,
                      struct rng *r);
/* The complaint category of a subject of the topic. */
const char *gen_topic_category(const struct gen_topic *t, int subject);
/* What a complainant asks for. */
const char *gen_complaint_request(struct rng *r);
/* A question people ask the 12315 hotline, and its answer. */
void gen_consultation_text(struct rng *r, const char **topic, const char **content,
                           const char **answer, const char **category);

#endif
