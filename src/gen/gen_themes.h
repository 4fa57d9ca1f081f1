/* The theme generators, in the order they run: each writes its tables
 * through the world's sink and leaves facts for the ones after it. Each
 * returns w->st (ST_OK, or the failure that stops the run). */
#ifndef SMCON_GEN_THEMES_H
#define SMCON_GEN_THEMES_H

#include "gen/gen_world.h"

/* An entity's registration history: its changes (dates and items) drawn
 * from its own stream, the same for core.entity (approved_on) and
 * core.entity_change. */
enum gen_change_item { GC_NAME, GC_ADDRESS, GC_REP, GC_CAPITAL, GC_SCOPE, GC_INVESTOR, GC_ITEMS };
struct gen_history {
	int n;
	int day[4];
	int item[4];
};
void gen_entity_history(const struct gen_world *w, long i, struct gen_history *h);

enum status gen_write_staff(struct gen_world *w);   /* core.staff, supervision.inspector */
enum status gen_plan_entities(struct gen_world *w); /* the entities, in memory */
enum status
gen_write_entities(struct gen_world *w); /* core.entity, written last (with its risk grade) */
enum status
gen_write_entity_extras(struct gen_world *w);           /* former names, changes, contacts, tags */
enum status gen_write_nqi(struct gen_world *w);         /* labs, certification, standards */
enum status gen_write_licences(struct gen_world *w);    /* food, drug and other licences */
enum status gen_write_inspections(struct gen_world *w); /* 双随机 plans to results */
enum status gen_write_enforcement(struct gen_world *w); /* cases and penalties */
enum status gen_write_sampling(struct gen_world *w);    /* sampling tests, adverse reactions */
enum status gen_write_products(struct gen_world *w);    /* key products, CCC, instruments */
enum status gen_write_equipment(struct gen_world *w);   /* elevators and other special equipment */
enum status gen_write_tags(struct gen_world *w);        /* core.entity_tag (needs the elevators) */
enum status
gen_write_licence_register(struct gen_world *w);   /* supervision.licence: every licence */
enum status gen_write_rights(struct gen_world *w); /* 12345, complaints, reports, consultations */
enum status gen_write_rescue(struct gen_world *w); /* 96333 incidents */
enum status gen_write_credit(struct gen_world *w); /* abnormal list … risk grades */
enum status gen_write_risk(struct gen_world *w);   /* risk grades and their facts (from credit) */
/* Entity i's current risk grade (0 A … 3 D) and its day, or -1 when ungraded. */
int gen_risk_latest(const struct gen_world *w, long i, int *day);
enum status gen_write_price(struct gen_world *w); /* prices, fees, monitoring */
enum status gen_write_ip(struct gen_world *w);    /* trademarks, GIs, patents */
enum status gen_write_cogov(struct gen_world *w); /* open kitchens, markets, quick tests */

#endif
