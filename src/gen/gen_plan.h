/* How big each part of a generated warehouse is, from the number of market
 * entities (domain-rules §9): Wuxi's proportions, with the complaint volume
 * set so that 2,000,000 entities give about 3,000,000 complaints. Pure
 * arithmetic, so the proportions can be tested without a database. */
#ifndef SMCON_GEN_PLAN_H
#define SMCON_GEN_PLAN_H

struct gen_counts {
	long entities;                                      /* market entities (the scale) */
	int share_individual, share_enterprise, share_coop; /* per thousand */
	long elevators;                                     /* ~110,000 at 2,000,000 entities */
	long maintainers;                                   /* elevator maintenance units */
	long fuel_stations, markets, labs;
	long complaints;    /* over rights_years */
	long reports;       /* complaints × 23,767 / 43,528 (Wuxi 2021) */
	long consultations; /* complaints × 95,632 / 43,528 */
	long transfers;     /* 12345 work orders that reached the bureau */
	long incidents; /* 96333 calls over incident_years (~20 trapped a day at 110,000 elevators)
	                 */
	int rights_years, incident_years, inspection_years;
};

/* Fills n for a warehouse of scale market entities. */
void gen_plan_counts(long scale, struct gen_counts *n);
/* per_2m scaled from 2,000,000 entities to scale, at least min. */
long gen_plan_scaled(long scale, double per_2m, long min);

#endif
