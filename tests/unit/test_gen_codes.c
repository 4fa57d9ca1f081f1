/* The data generator's codes, calendar and proportions: what needs no
 * database. */
#include <stdlib.h>
#include <string.h>

#include "base/uscc.h"
#include "base/xalloc.h"
#include "gen/gen_codes.h"
#include "gen/gen_industry.h"
#include "gen/gen_plan.h"
#include "gen/gen_world.h"
#include "lib/tap.h"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether the n strings are all different (sorts them). */
static int all_distinct(char **v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_str);
	for (int i = 1; i < n; i++)
		if (strcmp(v[i - 1], v[i]) == 0)
			return 0;
	return 1;
}

static void free_all(char **v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i]);
}

static void test_permute(void)
{
	static unsigned char seen[900000];
	int bad = 0;
	for (uint64_t x = 0; x < 900000; x++) {
		uint64_t y = gen_permute(x, 900000, 42);
		if (y >= 900000 || seen[y]++)
			bad++;
	}
	is_int(bad, 0, "gen_permute is a bijection of [0, 900000)");
	int moved = 0;
	for (uint64_t x = 0; x < 1000; x++)
		moved += gen_permute(x, 1000, 7) != x;
	ok(moved > 900, "  ... that scrambles");
	ok(gen_permute(5, 1000, 1) != gen_permute(5, 1000, 2), "  ... differently for another key");
}

static void test_uscc(void)
{
	enum { N = 60000 };
	char **v = calloc(N, sizeof *v);
	int invalid = 0, wrong_division = 0, wrong_prefix = 0, wrong_style = 0;
	for (int i = 0; i < N; i++) {
		struct strbuf sb = STRBUF_INIT;
		int old = i % 2;
		gen_uscc(i % 3 ? "92" : "91", "320202", (uint64_t)i / 2, old, 1 + i % 2, 99, &sb);
		invalid += !uscc_valid(strbuf_str(&sb));
		wrong_division += strncmp(strbuf_str(&sb) + 2, "320202", 6) != 0;
		wrong_prefix += strncmp(strbuf_str(&sb), i % 3 ? "92" : "91", 2) != 0;
		wrong_style += old ? strspn(strbuf_str(&sb) + 8, "0123456789") < 8
		                   : strncmp(strbuf_str(&sb) + 8, "MA", 2) != 0;
		/* the prefix aside, codes of one style differ by their body */
		v[i] = xstrndup(strbuf_str(&sb) + 2, 15);
		strbuf_free(&sb);
	}
	is_int(invalid, 0, "every generated USCC passes the GB 32100 checks");
	is_int(wrong_division, 0,
	       "  ... carries the registering office's division in positions 3-8");
	is_int(wrong_prefix, 0, "  ... begins 91 or 92 as asked");
	is_int(wrong_style, 0, "  ... an 8-digit organization code before 2015, MA… after");
	ok(all_distinct(v, N), "  ... and never repeats for distinct serials");
	free_all(v, N);
	free(v);
}

static int reg_no_ok(const char *no)
{
	int p = 10;
	if (strlen(no) != 15 || strspn(no, "0123456789") != 15)
		return 0;
	for (int i = 0; i < 15; i++) {
		int s = (p + (no[i] - '0')) % 10;
		if (s == 0)
			s = 10;
		if (i == 14)
			return s == 1;
		p = (s * 2) % 11;
	}
	return 0;
}

static void test_reg_no(void)
{
	enum { N = 50000 };
	char **v = calloc(N, sizeof *v);
	int bad = 0;
	for (int i = 0; i < N; i++) {
		struct strbuf sb = STRBUF_INIT;
		gen_reg_no_of("320203", (long)gen_permute((uint64_t)i, 100000000, 5), &sb);
		bad += !reg_no_ok(strbuf_str(&sb)) || strncmp(strbuf_str(&sb), "320203", 6) != 0;
		v[i] = strbuf_detach(&sb);
	}
	is_int(bad, 0, "注册号: 15 digits, the division, a valid ISO 7064 check digit");
	ok(all_distinct(v, N), "  ... distinct for distinct serials");
	free_all(v, N);
	free(v);
}

static void test_elevator_codes(void)
{
	enum { N = 110000 };
	char **v = calloc(N, sizeof *v);
	int bad = 0;
	for (int i = 0; i < N; i++) {
		struct strbuf sb = STRBUF_INIT;
		gen_rescue_code((uint64_t)i, 0x96333, &sb);
		bad += strlen(strbuf_str(&sb)) != 6 || strspn(strbuf_str(&sb), "0123456789") != 6;
		v[i] = strbuf_detach(&sb);
	}
	is_int(bad, 0, "rescue codes have 6 digits");
	ok(all_distinct(v, N), "  ... and 110,000 of them are all different");
	free_all(v, N);
	free(v);
	struct strbuf sb = STRBUF_INIT;
	gen_elevator_code("3110", "320211", 2018, 6, 12, &sb);
	is_str(strbuf_str(&sb), "31103202112018060012",
	       "a registration code: category, division, year, month, sequence");
	strbuf_free(&sb);
}

static void test_patent(void)
{
	struct strbuf sb = STRBUF_INIT;
	gen_patent_no(2021, '1', 123456, &sb);
	/* 2021 1 0123456: weights 2..9, 2..5 give 117; 117 mod 11 = 7 */
	is_str(strbuf_str(&sb), "ZL202110123456.7",
	       "a patent number: year, kind, serial and check digit");
	strbuf_reset(&sb);
	gen_patent_no(2019, '2', 7, &sb);
	ok(strlen(strbuf_str(&sb)) == 16 && strbuf_str(&sb)[6] == '2',
	   "  ... the 7th character is the kind");
	strbuf_free(&sb);
}

static void test_calendar(void)
{
	int bad = 0;
	for (int day = gen_day(1949, 1, 1); day < gen_day(2101, 1, 1); day += 13) {
		int y, m, d;
		gen_ymd(day, &y, &m, &d);
		bad += gen_day(y, m, d) != day;
	}
	is_int(bad, 0, "days and dates convert both ways, 1949 to 2100");
	is_int(gen_weekday(gen_day(2026, 2, 12)), 3, "2026-02-12 is a Thursday");
	is_int(gen_day(2024, 3, 1) - gen_day(2024, 2, 28), 2, "2024 is a leap year");
}

static void test_plan(void)
{
	struct gen_counts n;
	gen_plan_counts(2000000, &n);
	is_int(n.elevators, 110000, "2,000,000 entities: about 110,000 elevators (Wuxi)");
	is_int(n.complaints, 3000000, "  ... 3,000,000 complaints");
	ok(labs(n.reports - 1638049) <= 1,
	   "  ... reports : complaints = 23,767 : 43,528 (Wuxi 12315, 2021)");
	ok(labs(n.consultations - 6591068) <= 1,
	   "  ... consultations : complaints = 95,632 : 43,528");
	is_int(n.share_individual + n.share_enterprise + n.share_coop, 1000,
	       "  ... the shares of entity kinds add up");
	ok(n.share_individual >= 650 && n.share_individual <= 750,
	   "  ... about 70 % individual businesses");
	double trapped = (double)n.incidents / 1.3 / (365.0 * n.incident_years);
	ok(trapped > 19 && trapped < 21, "  ... about 20 trapped-passenger calls a day");
	gen_plan_counts(1, &n);
	ok(n.elevators > 0 && n.complaints > 0 && n.markets > 0 && n.maintainers > 0 &&
	       n.incidents > 0,
	   "a tiny warehouse still gets some of everything");
	gen_plan_counts(200000, &n);
	is_int(n.complaints, 300000, "the counts scale with the entities");
}

static void test_roles(void)
{
	ok(gen_industry_roles("6210", GK_INDIVIDUAL) & GR_CATERING, "a restaurant (6210) caters");
	ok(gen_industry_roles("5224", GK_INDIVIDUAL) & GR_STALL,
	   "a meat stall (5224) is a fresh-food stall");
	ok(!(gen_industry_roles("5224", GK_ENTERPRISE) & GR_STALL),
	   "  ... but a meat wholesaler company is not");
	ok(gen_industry_roles("1411", GK_ENTERPRISE) & GR_FOOD_MAKER, "a bakery (1411) makes food");
	ok(gen_industry_roles("7020", GK_ENTERPRISE) & GR_ESTATE,
	   "property management (7020) uses elevators");
	ok(!(gen_industry_roles("4320", GK_ENTERPRISE) & GR_MAKER),
	   "equipment repair (4320) is not manufacturing");
}

int main(void)
{
	plan(33);
	test_permute();
	test_uscc();
	test_reg_no();
	test_elevator_codes();
	test_patent();
	test_calendar();
	test_plan();
	test_roles();
	return done_testing();
}
