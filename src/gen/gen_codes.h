/* Codes the data generator makes that must be unique and valid: the
 * Unified Social Credit Code, the 15-digit 注册号, elevator registration and
 * rescue codes, patent numbers. Each is made from a serial number through a
 * keyed permutation, so codes look random yet never repeat. */
#ifndef SMCON_GEN_CODES_H
#define SMCON_GEN_CODES_H

#include <stdint.h>

#include "base/strbuf.h"

/* A bijection of [0, n): x < n gives a distinct value < n for each x,
 * scrambled by key. */
uint64_t gen_permute(uint64_t x, uint64_t n, uint64_t key);

/* Appends a USCC: prefix ("91", "92", "93", "12"), the registering office's
 * division (6 digits), and an organization-code body made from serial:
 * 8 digits for an entity registered before the 2015 reform (its old
 * organization code), "MA" + a digit + 5 characters after it; positions 17
 * and 18 computed. Distinct serials of the same style give distinct codes. */
void gen_uscc(const char *prefix, const char *division, uint64_t serial, int old_style,
              int ma_digit, uint64_t key, struct strbuf *out);
/* Appends a 6-digit rescue identification code, distinct for each serial
 * below 900,000. */
void gen_rescue_code(uint64_t serial, uint64_t key, struct strbuf *out);
/* Appends a 20-digit elevator registration code: category, division,
 * year and month of registration, 4-digit sequence. */
void gen_elevator_code(const char *category, const char *division, int year, int month, int seq,
                       struct strbuf *out);
/* Appends a Chinese patent number "ZL" + year + kind digit + 7-digit serial
 * + "." + its check character. */
void gen_patent_no(int year, char kind_digit, long serial, struct strbuf *out);

#endif
