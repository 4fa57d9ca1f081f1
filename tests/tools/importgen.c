/* importgen: writes an entity file as a registration system exports it, for
 * the import tests and bench/import.sh. Chinese names, addresses and people
 * from the generator's building blocks, valid USCCs (distinct for distinct
 * numbers), the bureau's Chinese column names.
 *   importgen [-n ROWS] [-s SEED] [-f FIRST] [-b EVERY]
 * -f FIRST numbers the entities from FIRST (so two runs can make disjoint
 * files); -b EVERY makes every EVERY-th row bad in one of several ways. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/csv.h"
#include "base/uscc.h"
#include "gen/gen_rng.h"
#include "gen/gen_text.h"

static const struct {
	const char *type, *form;
	char section;
	const char *industry, *scope;
} kinds[] = {
	{"有限责任公司（自然人投资或控股）", "有限公司", 'C', "1819", "服装、服饰的制造、销售"},
	{"有限责任公司（自然人独资）", "有限公司", 'F', "5211", "日用百货、五金交电销售"},
	{"有限责任公司（自然人投资或控股）", "科技有限公司", 'I', "6513", "软件开发；信息技术咨询服务"},
	{"股份有限公司（非上市）", "股份有限公司", 'C', "3831", "电线电缆制造、销售"},
	{"有限责任公司（自然人投资或控股）", "有限公司", 'K', "7020", "物业管理"},
	{"个体工商户", NULL, 'H', "6210", "餐饮服务"},
	{"个体工商户", NULL, 'F', "5212", "食品、日用品零售"},
};
#define NKINDS ((int)(sizeof kinds / sizeof *kinds))

/* The entity's USCC: 91 (92 for an individual business), the division, and
 * MA plus n in the code's own alphabet, completed with both check characters. */
static void make_uscc(long n, int shop, const char *division, struct strbuf *out)
{
	char body[17];
	snprintf(body, sizeof body, "%s%sMA", shop ? "92" : "91", division);
	for (int i = 15; i >= 10; i--) {
		body[i] = USCC_CHARSET[n % 31];
		n /= 31;
	}
	body[16] = '\0';
	uscc_complete(body, out);
}

static void field(struct strbuf *line, const char *s)
{
	if (line->len)
		strbuf_addc(line, ',');
	csv_quote(line, s, strlen(s));
}

/* Spoils a good row in one of the ways real files go wrong. */
static void spoil(long n, struct strbuf *uscc, struct strbuf *date, struct strbuf *type)
{
	switch (n % 4) {
	case 0: uscc->buf[17] = uscc->buf[17] == 'A' ? 'B' : 'A'; break; /* wrong check character */
	case 1: strbuf_reset(date); strbuf_add(date, "2019-02-30"); break;
	case 2: strbuf_reset(type); strbuf_add(type, "合资公司"); break;
	case 3: strbuf_truncate(uscc, 17); break;
	}
}

static void row(struct rng *r, long n, int bad, struct strbuf *line)
{
	struct strbuf uscc = STRBUF_INIT, name = STRBUF_INIT, rep = STRBUF_INIT, id = STRBUF_INIT,
		      phone = STRBUF_INIT, addr = STRBUF_INIT, date = STRBUF_INIT, type = STRBUF_INIT,
		      cap = STRBUF_INIT, org = STRBUF_INIT;
	const struct gen_district *d = gen_pick_district(r);
	int k = (int)rng_below(r, NKINDS), shop = kinds[k].form == NULL;
	make_uscc(n, shop, d->division, &uscc);
	if (shop)
		gen_shop_name(r, d, kinds[k].section, &name);
	else
		gen_company_name(r, d, kinds[k].section, kinds[k].form, &name);
	gen_person_name(r, &rep);
	gen_id_number(r, 1955, 2000, &id);
	gen_phone(r, &phone);
	gen_address(r, d, 1, &addr);
	strbuf_addf(&date, "%04ld-%02ld-%02ld", rng_range(r, 1995, 2024), rng_range(r, 1, 12), rng_range(r, 1, 28));
	strbuf_add(&type, kinds[k].type);
	strbuf_addf(&cap, "%ld", shop ? rng_range(r, 1, 50) : rng_range(r, 10, 5000) * 10);
	strbuf_addf(&org, "%s%02ld", d->org_code, rng_range(r, 1, 4));
	if (bad)
		spoil(n, &uscc, &date, &type);
	const char *cells[] = {strbuf_str(&uscc), strbuf_str(&name), strbuf_str(&type), strbuf_str(&rep), "居民身份证",
			       strbuf_str(&id), strbuf_str(&phone), strbuf_str(&addr), d->name, strbuf_str(&org),
			       d->org_code, kinds[k].industry, strbuf_str(&cap), strbuf_str(&date), kinds[k].scope,
			       "存续"};
	strbuf_reset(line);
	for (size_t i = 0; i < sizeof cells / sizeof *cells; i++)
		field(line, cells[i]);
	strbuf_add(line, "\r\n");
	struct strbuf *all[] = {&uscc, &name, &rep, &id, &phone, &addr, &date, &type, &cap, &org};
	for (size_t i = 0; i < sizeof all / sizeof *all; i++)
		strbuf_free(all[i]);
}

int main(int argc, char **argv)
{
	long rows = 1000, first = 1, every = 0;
	unsigned long seed = 2026;
	int opt;
	while ((opt = getopt(argc, argv, "n:s:f:b:")) != -1) {
		switch (opt) {
		case 'n': rows = atol(optarg); break;
		case 's': seed = strtoul(optarg, NULL, 10); break;
		case 'f': first = atol(optarg); break;
		case 'b': every = atol(optarg); break;
		default:
			fprintf(stderr, "usage: importgen [-n ROWS] [-s SEED] [-f FIRST] [-b EVERY]\n");
			return 2;
		}
	}
	struct rng r;
	rng_seed(&r, seed, 7);
	struct strbuf out = STRBUF_INIT, line = STRBUF_INIT;
	strbuf_add(&out, "统一社会信用代码,企业名称,主体类型,法定代表人,法定代表人证件类型,法定代表人证件号码,联系电话,"
			 "住所,所在行政区划,属地监管所,登记机关,行业代码,注册资本（万元）,成立日期,经营范围,登记状态\r\n");
	for (long i = 0; i < rows; i++) {
		row(&r, first + i, every > 0 && (i + 1) % every == 0, &line);
		strbuf_addn(&out, line.buf, line.len);
		if (out.len > 1 << 20) {
			fwrite(out.buf, 1, out.len, stdout);
			strbuf_reset(&out);
		}
	}
	fwrite(strbuf_str(&out), 1, out.len, stdout);
	strbuf_free(&out);
	strbuf_free(&line);
	return ferror(stdout) ? 1 : 0;
}
