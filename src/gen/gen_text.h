/* Realistic Chinese text for the data generator: people's names with a real
 * surname distribution, company names the way they are built (行政区划 + 字号 +
 * 行业 + 组织形式), names of individual businesses (个体工商户), and
 * addresses on real roads of each Wuxi district. */
#ifndef SMCON_GEN_TEXT_H
#define SMCON_GEN_TEXT_H

#include "base/strbuf.h"
#include "gen/gen_rng.h"

/* The districts the generator places entities in, with their share. */
struct gen_district {
	const char *division;   /* current GB/T 2260 code */
	const char *org_code;   /* district bureau's org code (LX, JY, …) */
	const char *name;       /* 梁溪区 */
	const char *prefix;     /* how addresses start: 无锡市梁溪区 */
	int county;             /* a county-level city (江阴, 宜兴) */
	int weight;             /* share of entities */
};

extern const struct gen_district gen_districts[];
extern const int gen_district_count;

/* Picks a district by its share. */
const struct gen_district *gen_pick_district(struct rng *r);
/* Appends a person's name (surname by frequency, one or two given characters). */
void gen_person_name(struct rng *r, struct strbuf *out);
/* Appends a two-character trade name (字号). */
void gen_trade_name(struct rng *r, struct strbuf *out);
/* Appends an industry phrase for a GB/T 4754 section letter (纺织, 贸易 …). */
void gen_industry_phrase(struct rng *r, char section, struct strbuf *out);
/* Appends a company name: region + trade name + industry + form. form is the
 * organisation-form suffix (有限公司, 股份有限公司, 厂, …). */
void gen_company_name(struct rng *r, const struct gen_district *d, char section,
		      const char *form, struct strbuf *out);
/* Like gen_company_name (the same name for the same draws), also appending
 * the trade name (字号) to trade. */
void gen_company_name_trade(struct rng *r, const struct gen_district *d, char section,
			    const char *form, struct strbuf *out, struct strbuf *trade);
/* Appends the name of an individual business in d for a section. */
void gen_shop_name(struct rng *r, const struct gen_district *d, char section,
		   struct strbuf *out);
/* Like gen_shop_name, named for the shop's GB/T 4754 class where the class
 * says what it is (水果店 for 5223, 理发店 for 8040 …). */
void gen_shop_name_for(struct rng *r, const struct gen_district *d, const char *industry,
		       char section, struct strbuf *out);
/* Appends an address in d: road, number, and sometimes building and room. */
void gen_address(struct rng *r, const struct gen_district *d, int with_room,
		 struct strbuf *out);
/* Appends a mobile (most) or Wuxi landline number. */
void gen_phone(struct rng *r, struct strbuf *out);
/* Appends an 18-digit resident ID number with a valid check character for
 * someone born between the years given. */
void gen_id_number(struct rng *r, int born_from, int born_to, struct strbuf *out);
/* Appends a 15-digit registration number (注册号) of a division, with its
 * ISO 7064 MOD 11,10 check digit. */
void gen_reg_no(struct rng *r, const char *division, struct strbuf *out);
/* The same for a given 8-digit serial (below 100,000,000): distinct serials
 * give distinct numbers. */
void gen_reg_no_of(const char *division, long serial, struct strbuf *out);

#endif
