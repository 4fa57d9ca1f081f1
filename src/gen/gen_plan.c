#include "gen/gen_plan.h"

#include <math.h>

long gen_plan_scaled(long scale, double per_2m, long min)
{
	long v = lround(per_2m * (double)scale / 2000000.0);
	return v < min ? min : v;
}

void gen_plan_counts(long scale, struct gen_counts *n)
{
	n->entities = scale;
	/* Jiangsu: 70 % of market entities are individual businesses */
	n->share_individual = 690;
	n->share_enterprise = 305;
	n->share_coop = 5;
	n->elevators = gen_plan_scaled(scale, 110000, 12);
	n->maintainers = n->elevators / 550 < 5 ? 5 : n->elevators / 550;
	n->fuel_stations = gen_plan_scaled(scale, 520, 2);
	n->markets = gen_plan_scaled(scale, 300, 3);
	n->labs = gen_plan_scaled(scale, 240, 2);
	n->rights_years = 10;
	n->incident_years = 5;
	n->inspection_years = 7;
	n->complaints = gen_plan_scaled(scale, 3000000, 30);
	n->reports = lround((double)n->complaints * 23767.0 / 43528.0);
	n->consultations = lround((double)n->complaints * 95632.0 / 43528.0);
	/* about one item in sixteen comes through 12345; a work order holds 1.15 items */
	n->transfers =
	    lround((double)(n->complaints + n->reports + n->consultations) * 0.06 / 1.15);
	/* ~20 trapped a day at 110,000 elevators, and faults and other calls besides */
	n->incidents =
	    lround((double)n->elevators * 20.0 / 110000.0 * 365.0 * n->incident_years * 1.3);
	if (n->incidents < 10)
		n->incidents = 10;
}
