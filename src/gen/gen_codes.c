#include "gen/gen_codes.h"

#include <string.h>

#include "base/uscc.h"

/* One round of a bijective mix of the low bits: multiplying by an odd
 * number and xor-shifting right are both invertible modulo 2^bits. */
static uint64_t mix(uint64_t x, uint64_t mask, int bits, uint64_t key)
{
	x = (x ^ key) & mask;
	x = (x * 0x9e3779b97f4a7c15ULL) & mask;
	x ^= x >> (bits / 2 + 1);
	x = (x * 0xbf58476d1ce4e5b9ULL) & mask;
	x ^= x >> (bits / 3 + 1);
	return x;
}

uint64_t gen_permute(uint64_t x, uint64_t n, uint64_t key)
{
	int bits = 1;
	while ((1ULL << bits) < n)
		bits++;
	uint64_t mask = (1ULL << bits) - 1;
	/* cycle-walking: a permutation of [0, 2^bits) applied until the value
	 * falls in [0, n) is a permutation of [0, n) */
	do
		x = mix(x, mask, bits, key);
	while (x >= n);
	return x;
}

void gen_uscc(const char *prefix, const char *division, uint64_t serial, int old_style,
              int ma_digit, uint64_t key, struct strbuf *out)
{
	static const char set[] = USCC_CHARSET;
	char first16[17];
	memcpy(first16, prefix, 2);
	memcpy(first16 + 2, division, 6);
	if (old_style) {
		/* old organization codes: 8 digits, not beginning with 0 */
		uint64_t v = 10000000 + gen_permute(serial, 80000000, key);
		for (int i = 15; i >= 8; i--) {
			first16[i] = (char)('0' + v % 10);
			v /= 10;
		}
	} else {
		uint64_t v = gen_permute(serial, 28629151, key ^ 0x5a5a); /* 31^5 */
		first16[8] = 'M';
		first16[9] = 'A';
		first16[10] = (char)('0' + ma_digit);
		for (int i = 15; i >= 11; i--) {
			first16[i] = set[v % 31];
			v /= 31;
		}
	}
	first16[16] = '\0';
	uscc_complete(first16, out);
}

void gen_rescue_code(uint64_t serial, uint64_t key, struct strbuf *out)
{
	strbuf_addf(out, "%06llu", (unsigned long long)(100000 + gen_permute(serial, 900000, key)));
}

void gen_elevator_code(const char *category, const char *division, int year, int month, int seq,
                       struct strbuf *out)
{
	strbuf_addf(out, "%.4s%.6s%04d%02d%04d", category, division, year, month, seq);
}

void gen_patent_no(int year, char kind_digit, long serial, struct strbuf *out)
{
	char digits[13];
	/* 12 digits: year, kind, 7-digit serial; the check is their weighted sum
	 * (weights 2..9, 2..5) modulo 11, 10 written X */
	static const int weights[12] = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
	long v = serial % 10000000;
	digits[0] = (char)('0' + year / 1000 % 10);
	digits[1] = (char)('0' + year / 100 % 10);
	digits[2] = (char)('0' + year / 10 % 10);
	digits[3] = (char)('0' + year % 10);
	digits[4] = kind_digit;
	for (int i = 11; i >= 5; i--) {
		digits[i] = (char)('0' + v % 10);
		v /= 10;
	}
	digits[12] = '\0';
	int sum = 0;
	for (int i = 0; i < 12; i++)
		sum += (digits[i] - '0') * weights[i];
	int check = sum % 11;
	strbuf_addf(out, "ZL%s.%c", digits, check == 10 ? 'X' : (char)('0' + check));
}
