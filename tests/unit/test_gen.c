/* The generator's building blocks: determinism and valid codes. */
#include <string.h>

#include "base/width.h"
#include "gen/gen_text.h"
#include "lib/tap.h"

static int id_check_ok(const char *id)
{
	static const int wi[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	int sum = 0;
	for (int i = 0; i < 17; i++)
		sum += (id[i] - '0') * wi[i];
	return strlen(id) == 18 && "10X98765432"[sum % 11] == id[17];
}

static int reg_no_ok(const char *no)
{
	int p = 10;
	for (int i = 0; i < 15; i++) {
		int s = (p + (no[i] - '0')) % 10;
		if (s == 0)
			s = 10;
		if (i == 14)
			return strlen(no) == 15 && s == 1;
		p = (s * 2) % 11;
	}
	return 0;
}

int main(void)
{
	plan(8);
	struct rng a, b, c;
	width_setup();
	rng_seed(&a, 42, 1);
	rng_seed(&b, 42, 1);
	rng_seed(&c, 42, 2);
	int same = 1, differ = 0;
	for (int i = 0; i < 1000; i++) {
		uint64_t x = rng_next(&a), y = rng_next(&b), z = rng_next(&c);
		same &= x == y;
		differ += x != z;
	}
	ok(same, "the same seed and stream give the same numbers");
	ok(differ > 990, "another stream gives other numbers");

	int bad_id = 0, bad_reg = 0, long_names = 0;
	long total = 0;
	for (int i = 0; i < 2000; i++) {
		struct strbuf s = STRBUF_INIT;
		gen_id_number(&a, 1950, 2000, &s);
		bad_id += !id_check_ok(strbuf_str(&s));
		strbuf_reset(&s);
		gen_reg_no(&a, "320213", &s);
		bad_reg += !reg_no_ok(strbuf_str(&s)) || strncmp(strbuf_str(&s), "320213", 6) != 0;
		strbuf_reset(&s);
		gen_person_name(&a, &s);
		long_names += width_str(strbuf_str(&s)) > 8;
		total += rng_count(&a, 1.5);
		strbuf_free(&s);
	}
	is_int(bad_id, 0, "every resident ID number has a valid check character");
	is_int(bad_reg, 0, "every 注册号 has its division and a valid ISO 7064 check digit");
	is_int(long_names, 0, "person names are two to four characters");
	ok(total > 2000 * 1.3 && total < 2000 * 1.7, "counts have the asked-for mean (1.5)");

	struct strbuf s = STRBUF_INIT;
	gen_company_name(&a, &gen_districts[5], 'C', "有限公司", &s);
	ok(strstr(strbuf_str(&s), "有限公司") != NULL, "a company name ends in its form");
	strbuf_reset(&s);
	gen_address(&a, &gen_districts[0], 0, &s);
	ok(strncmp(strbuf_str(&s), "无锡市梁溪区", strlen("无锡市梁溪区")) == 0 &&
		   strstr(strbuf_str(&s), "号"),
	   "an address starts with its district and has a number");
	strbuf_free(&s);
	return done_testing();
}
