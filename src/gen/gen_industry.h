/* Industries of generated entities, weighted the way a city's register
 * looks: wholesale and retail and manufacturing large for enterprises,
 * shops, restaurants and services for individual businesses. */
#ifndef SMCON_GEN_INDUSTRY_H
#define SMCON_GEN_INDUSTRY_H

#include "gen/gen_world.h"

struct gen_industry_picker {
	long *cum; /* cumulative weight per class (world.ind order) */
	long total;
	int n;
};

/* Builds the picker of a kind of entity (enum gen_kind) over world.ind. */
void gen_industry_picker_init(struct gen_industry_picker *p, const struct gen_world *w, int kind);
void gen_industry_picker_free(struct gen_industry_picker *p);
/* A class index, in proportion to the weights. */
int gen_industry_pick(const struct gen_industry_picker *p, struct rng *r);
/* The index of a class code in world.ind, or -1. */
int gen_industry_find(const struct gen_world *w, const char *code);
/* What an entity of this class does (enum gen_role bits). */
uint32_t gen_industry_roles(const char *code, int kind);

#endif
