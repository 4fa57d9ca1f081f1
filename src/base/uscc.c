#include "base/uscc.h"

#include <string.h>

#include "base/width.h"
#include "i18n/i18n.h"

/* W(i) = 3^(i-1) mod 31, positions 1-17. */
static const int weights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
/* GB 11714 weights over positions 9-16. */
static const int org_weights[8] = {3, 7, 9, 10, 5, 8, 4, 2};

/* The blanks core.uscc_normalize() removes: what '\s' matches in PostgreSQL
 * under C.UTF-8 (glibc's iswspace). The no-break spaces U+00A0, U+2007 and
 * U+202F are not among them and stay, as they do in SQL. */
static int is_blank(uint32_t cp)
{
	return (cp >= 0x09 && cp <= 0x0d) || cp == 0x20 || cp == 0x1680 ||
	       (cp >= 0x2000 && cp <= 0x2006) || (cp >= 0x2008 && cp <= 0x200a) || cp == 0x2028 ||
	       cp == 0x2029 || cp == 0x205f || cp == 0x3000;
}

/* A Chinese input method in full-width mode types ０-９, Ａ-Ｚ and ａ-ｚ
 * (U+FF10-FF19, U+FF21-FF3A, U+FF41-FF5A): their ASCII forms, else cp. */
static uint32_t halfwidth(uint32_t cp)
{
	if (cp >= 0xff10 && cp <= 0xff19)
		return cp - 0xff10 + '0';
	if (cp >= 0xff21 && cp <= 0xff3a)
		return cp - 0xff21 + 'A';
	if (cp >= 0xff41 && cp <= 0xff5a)
		return cp - 0xff41 + 'a';
	return cp;
}

void uscc_normalize(const char *code, struct strbuf *out)
{
	size_t n = strlen(code);
	uint32_t cp;
	for (size_t i = 0; i < n;) {
		size_t len = utf8_decode(code + i, n - i, &cp);
		uint32_t c = halfwidth(cp);
		if (cp == 0xfffd && len == 1)
			utf8_encode(out, cp);
		else if (c >= 'a' && c <= 'z')
			strbuf_addc(out, (char)(c - 'a' + 'A'));
		else if (c != cp)
			strbuf_addc(out, (char)c);
		else if (!is_blank(cp))
			strbuf_addn(out, code + i, len);
		i += len;
	}
}

enum uscc_problem uscc_check_text(const char *s, size_t n, struct uscc_result *r)
{
	uint32_t cp;
	memset(r, 0, sizeof *r);
	for (size_t i = 0; i < n;) {
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (cp == 0 || (cp == 0xfffd && len == 1)) {
			r->position = (int)i + 1;
			r->found = (unsigned char)s[i];
			return r->problem = USCC_BAD_TEXT;
		}
		i += len;
	}
	return USCC_VALID;
}

/* The value of cp in the code's character set (0-30), or -1. */
static int charset_value(uint32_t cp)
{
	if (cp == 0 || cp >= 0x80)
		return -1;
	const char *p = strchr(USCC_CHARSET, (int)cp);
	return p ? (int)(p - USCC_CHARSET) : -1;
}

/* GB 11714: letters count at their full-alphabet value (A=10 ... Z=35). */
static int org_value(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c - 'A' + 10;
}

/* The organization-code check character over the 8 body characters at body. */
static char org_check_char(const char *body)
{
	int sum = 0;
	for (int i = 0; i < 8; i++)
		sum += org_value(body[i]) * org_weights[i];
	int want = 11 - sum % 11;
	return want == 10 ? 'X' : want == 11 ? '0' : (char)('0' + want);
}

/* The check character (position 18) over the 17 characters at code. */
static char check_char(const char *code)
{
	int sum = 0;
	for (int i = 0; i < 17; i++)
		sum += charset_value((unsigned char)code[i]) * weights[i];
	return USCC_CHARSET[(31 - sum % 31) % 31];
}

static enum uscc_problem found_wrong(struct uscc_result *r, enum uscc_problem p, int position,
                                     uint32_t found, char expected)
{
	r->problem = p;
	r->position = position;
	r->found = found;
	r->expected = expected;
	return p;
}

enum uscc_problem uscc_check(const char *code, struct uscc_result *r)
{
	size_t n = strlen(code);
	memset(r, 0, sizeof *r);
	r->length = (int)utf8_length(code);
	if (r->length != USCC_LENGTH)
		return r->problem = USCC_BAD_LENGTH;
	uint32_t cp;
	size_t i = 0;
	for (int pos = 1; pos <= USCC_LENGTH; pos++) {
		i += utf8_decode(code + i, n - i, &cp);
		if (charset_value(cp) < 0)
			return found_wrong(r, USCC_BAD_CHAR, pos, cp, 0);
	}
	/* Every character is ASCII now: positions are byte offsets. */
	char want = org_check_char(code + 8);
	if (code[16] != want)
		return found_wrong(r, USCC_ORG_CHECK, 17, (unsigned char)code[16], want);
	want = check_char(code);
	if (code[17] != want)
		return found_wrong(r, USCC_CHECK, 18, (unsigned char)code[17], want);
	return USCC_VALID;
}

int uscc_valid(const char *code)
{
	struct uscc_result r;
	return uscc_check(code, &r) == USCC_VALID;
}

int uscc_complete(const char *first16, struct strbuf *out)
{
	if (strlen(first16) != 16)
		return -1;
	for (int i = 0; i < 16; i++)
		if (charset_value((unsigned char)first16[i]) < 0)
			return -1;
	char code[USCC_LENGTH + 1];
	memcpy(code, first16, 16);
	code[16] = org_check_char(first16 + 8);
	code[17] = check_char(code);
	code[18] = '\0';
	strbuf_add(out, code);
	return 0;
}

const char *uscc_problem_name(enum uscc_problem p)
{
	switch (p) {
	case USCC_BAD_LENGTH: return "length";
	case USCC_BAD_CHAR: return "char";
	case USCC_ORG_CHECK: return "org_check";
	case USCC_CHECK: return "check";
	case USCC_BAD_TEXT: return "text";
	case USCC_VALID: break;
	}
	return NULL;
}

/* Characters a reader cannot see or tell apart in a message. */
static int invisible(uint32_t cp)
{
	return cp <= 0x20 || (cp >= 0x7f && cp <= 0xa0) || cp == 0xad ||
	       (cp >= 0x300 && cp <= 0x36f) || cp == 0x180e || cp == 0x2007 ||
	       (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202f) ||
	       (cp >= 0x2060 && cp <= 0x206f) || cp == 0xfeff || cp == 0xfffd;
}

void uscc_show_char(uint32_t cp, struct strbuf *out)
{
	if (invisible(cp))
		strbuf_addf(out, "U+%04X", (unsigned)cp);
	else
		utf8_encode(out, cp);
}

void uscc_describe(const struct uscc_result *r, struct strbuf *out)
{
	struct strbuf found = STRBUF_INIT;
	if (r->position && r->problem != USCC_BAD_TEXT)
		uscc_show_char(r->found, &found);
	switch (r->problem) {
	case USCC_VALID: strbuf_add(out, tr(MSG_USCC_VALID)); break;
	case USCC_BAD_LENGTH: trf(out, MSG_USCC_BAD_LENGTH, r->length, USCC_LENGTH); break;
	case USCC_BAD_CHAR: trf(out, MSG_USCC_BAD_CHAR, r->position, strbuf_str(&found)); break;
	case USCC_ORG_CHECK: trf(out, MSG_USCC_ORG_CHECK, r->expected, strbuf_str(&found)); break;
	case USCC_CHECK: trf(out, MSG_USCC_CHECK, r->expected, strbuf_str(&found)); break;
	case USCC_BAD_TEXT: trf(out, MSG_USCC_BAD_TEXT, r->position, (unsigned)r->found); break;
	}
	strbuf_free(&found);
}
