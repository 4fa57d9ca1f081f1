#include "gen/gen_industry.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

/* Weights of GB/T 4754 divisions (2 digits) in the register of a Wuxi-like
 * city: enterprises, then individual businesses. Unlisted divisions are rare. */
static const struct {
	const char div[3];
	short enterprise, individual;
} divisions[] = {
    {"01", 8, 40},   {"02", 1, 2},    {"03", 3, 10},  {"04", 2, 8},  {"05", 2, 5},   {"10", 1, 0},
    {"13", 4, 5},    {"14", 3, 8},    {"15", 2, 2},   {"17", 25, 5}, {"18", 20, 10}, {"19", 3, 1},
    {"20", 3, 3},    {"21", 4, 3},    {"22", 3, 0},   {"23", 5, 2},  {"24", 4, 1},   {"26", 18, 0},
    {"27", 4, 0},    {"28", 3, 0},    {"29", 20, 2},  {"30", 10, 4}, {"31", 5, 0},   {"32", 8, 0},
    {"33", 40, 8},   {"34", 45, 5},   {"35", 30, 1},  {"36", 12, 0}, {"37", 6, 0},   {"38", 30, 1},
    {"39", 25, 1},   {"40", 8, 0},    {"41", 3, 1},   {"42", 3, 2},  {"43", 5, 3},   {"44", 3, 0},
    {"45", 1, 0},    {"46", 1, 0},    {"47", 20, 2},  {"48", 15, 1}, {"49", 20, 3},  {"50", 25, 25},
    {"51", 230, 60}, {"52", 70, 420}, {"54", 25, 60}, {"58", 8, 2},  {"59", 10, 5},  {"60", 2, 3},
    {"61", 5, 15},   {"62", 20, 180}, {"63", 3, 0},   {"64", 15, 2}, {"65", 45, 5},  {"66", 1, 0},
    {"67", 2, 0},    {"69", 5, 0},    {"70", 30, 3},  {"71", 15, 5}, {"72", 90, 20}, {"73", 10, 0},
    {"74", 25, 2},   {"75", 60, 5},   {"77", 8, 1},   {"78", 5, 1},  {"80", 15, 60}, {"81", 8, 40},
    {"82", 5, 10},   {"83", 5, 3},    {"84", 3, 1},   {"85", 1, 0},  {"86", 2, 0},   {"87", 4, 1},
    {"88", 6, 5},    {"89", 4, 3},    {"90", 3, 8},
};

/* Classes more (or less: 0 = only when chosen on purpose) common than the
 * others of their division. */
static const struct {
	const char code[5];
	short factor;
} classes[] = {
    {"5211", 2}, {"5212", 4}, {"5221", 2}, {"5223", 5}, {"5224", 5}, {"5226", 2},
    {"5227", 3}, {"5232", 4}, {"5251", 3}, {"5265", 0}, {"7223", 0}, {"7452", 0},
    {"7451", 0}, {"7453", 0}, {"4320", 0}, {"6210", 3}, {"6220", 2}, {"6291", 4},
    {"8040", 5}, {"8111", 4}, {"8010", 2}, {"5430", 5}, {"7020", 4}, {"7010", 2},
    {"6513", 3}, {"5181", 2}, {"5191", 2}, {"0141", 3}, {"0151", 2}, {"0164", 2},
};

static int division_weight(const char *code, int kind)
{
	for (size_t i = 0; i < sizeof divisions / sizeof divisions[0]; i++)
		if (strncmp(divisions[i].div, code, 2) == 0)
			return kind == GK_INDIVIDUAL ? divisions[i].individual
			                             : divisions[i].enterprise;
	return 0;
}

static int class_factor(const char *code)
{
	for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
		if (strcmp(classes[i].code, code) == 0)
			return classes[i].factor;
	return 1;
}

void gen_industry_picker_init(struct gen_industry_picker *p, const struct gen_world *w, int kind)
{
	int per_div[100] = {0};
	for (int i = 0; i < w->nind; i++)
		per_div[atoi((char[3]){w->ind[i].code[0], w->ind[i].code[1], 0})]++;
	p->n = w->nind;
	p->cum = xcalloc((size_t)w->nind, sizeof *p->cum);
	p->total = 0;
	for (int i = 0; i < w->nind; i++) {
		const char *code = w->ind[i].code;
		int div = atoi((char[3]){code[0], code[1], 0});
		long weight;
		if (kind == GK_COOP)
			weight = code[0] == '0' ? 1000 : 0; /* co-operatives farm */
		else
			weight = 100000L * division_weight(code, kind) * class_factor(code) /
			         (per_div[div] ? per_div[div] : 1);
		p->total += weight;
		p->cum[i] = p->total;
	}
}

void gen_industry_picker_free(struct gen_industry_picker *p)
{
	free(p->cum);
	p->cum = NULL;
}

int gen_industry_pick(const struct gen_industry_picker *p, struct rng *r)
{
	long x = (long)rng_below(r, (uint64_t)p->total);
	int lo = 0, hi = p->n - 1;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (p->cum[mid] > x)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

int gen_industry_find(const struct gen_world *w, const char *code)
{
	int lo = 0, hi = w->nind - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		int c = strcmp(w->ind[mid].code, code);
		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

static int starts(const char *code, const char *prefix)
{
	return strncmp(code, prefix, strlen(prefix)) == 0;
}

uint32_t gen_industry_roles(const char *code, int kind)
{
	uint32_t r = 0;
	if (starts(code, "5211") || starts(code, "5212"))
		r |= GR_SHOP | GR_CONSUMER | GR_FOOD_SALE;
	else if (starts(code, "522") || starts(code, "512"))
		r |= GR_FOOD_SALE | (code[1] == '2' ? GR_CONSUMER : 0);
	else if (starts(code, "5251") || starts(code, "5252"))
		r |= GR_PHARMACY | GR_CONSUMER;
	else if (starts(code, "5254") || starts(code, "5154"))
		r |= GR_DEVICE | GR_CONSUMER;
	else if (starts(code, "5265"))
		r |= GR_FUEL | GR_CONSUMER;
	else if (starts(code, "52"))
		r |= GR_CONSUMER | GR_SERVICE;
	if (kind == GK_INDIVIDUAL && (starts(code, "5223") || starts(code, "5224")))
		r |= GR_STALL;
	if (starts(code, "62"))
		r |= GR_CATERING | GR_CONSUMER;
	else if (starts(code, "61"))
		r |= GR_HOTEL | GR_CONSUMER;
	if (starts(code, "13") || starts(code, "14") || starts(code, "15"))
		r |= GR_FOOD_MAKER | GR_MAKER;
	else if (code[0] >= '1' && code[0] <= '4' && !starts(code, "43") && atoi(code) < 4400 &&
	         atoi(code) >= 1300)
		r |= GR_MAKER;
	if (starts(code, "7020") || starts(code, "7010"))
		r |= GR_ESTATE;
	else if (starts(code, "70"))
		r |= GR_CONSUMER;
	if (starts(code, "4320"))
		r |= GR_MAINTAINER;
	if (starts(code, "7223"))
		r |= GR_MARKET;
	if (starts(code, "745"))
		r |= GR_LAB;
	if (starts(code, "63") || starts(code, "64") || starts(code, "65") || starts(code, "73") ||
	    starts(code, "75"))
		r |= GR_TECH | (starts(code, "63") || starts(code, "64") ? GR_CONSUMER : 0);
	if (starts(code, "84"))
		r |= GR_CLINIC | GR_CONSUMER;
	if (starts(code, "54") || starts(code, "58") || starts(code, "59"))
		r |= GR_LOGISTICS;
	if (starts(code, "80") || starts(code, "81") || starts(code, "82") || starts(code, "89") ||
	    starts(code, "90"))
		r |= GR_SERVICE | GR_CONSUMER;
	if (code[0] == '0' && code[1] >= '1' && code[1] <= '4')
		r |= GR_FARM;
	if (starts(code, "83") || starts(code, "50") || starts(code, "7291"))
		r |= GR_CONSUMER;
	return r;
}
