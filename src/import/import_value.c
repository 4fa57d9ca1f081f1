#include "import/import_value.h"

#include <string.h>

#include "base/uscc.h"
#include "base/width.h"
#include "i18n/i18n.h"

static void trim(const char **s, size_t *len)
{
	const char *p = *s, *e = *s + *len;
	while (p < e && (*p == ' ' || *p == '\t' || (e - p >= 3 && memcmp(p, "\xe3\x80\x80", 3) == 0)))
		p += *p == ' ' || *p == '\t' ? 1 : 3;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t' || (e - p >= 3 && memcmp(e - 3, "\xe3\x80\x80", 3) == 0)))
		e -= e[-1] == ' ' || e[-1] == '\t' ? 1 : 3;
	*s = p;
	*len = (size_t)(e - p);
}

/* Whether a and b agree over n bytes, ASCII letters in either case. */
static int ascii_ieq(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char x = a[i], y = b[i];
		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x != y)
			return 0;
	}
	return 1;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_digit(s[i]))
			return 0;
	return 1;
}

/* Reads 1 to max digits at *p; returns the number or -1. */
static long digits_at(const char **p, const char *e, int min, int max)
{
	long v = 0;
	int n = 0;
	while (*p < e && is_digit(**p) && n < max) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n >= min ? v : -1;
}

static int skip(const char **p, const char *e, const char *word)
{
	size_t n = strlen(word);
	if ((size_t)(e - *p) >= n && memcmp(*p, word, n) == 0) {
		*p += n;
		return 1;
	}
	return 0;
}

static int days_in(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

/* A time of day after a date: " 00:00", " 00:00:00", "T08:30:00.000". */
static int time_tail(const char *p, const char *e)
{
	if (p == e)
		return 1;
	if (*p != ' ' && *p != 'T')
		return 0;
	for (p++; p < e; p++)
		if (!is_digit(*p) && *p != ':' && *p != '.')
			return 0;
	return 1;
}

int import_parse_date(const char *s, size_t len, int *y, int *m, int *d)
{
	const char *p = s, *e = s + len;
	long yy, mm, dd;
	if (len >= 8 && all_digits(s, 8) && (len == 8 || !is_digit(s[8]))) {
		yy = digits_at(&p, e, 4, 4);
		mm = digits_at(&p, e, 2, 2);
		dd = digits_at(&p, e, 2, 2);
	} else {
		yy = digits_at(&p, e, 4, 4);
		if (yy < 0)
			return -1;
		int cn = skip(&p, e, "年");
		if (!cn && !(p < e && (*p == '-' || *p == '/' || *p == '.')))
			return -1;
		char sep = cn ? 0 : *p;
		if (!cn)
			p++;
		mm = digits_at(&p, e, 1, 2);
		if (mm < 0 || (cn ? !skip(&p, e, "月") : !(p < e && *p == sep)))
			return -1;
		if (!cn)
			p++;
		dd = digits_at(&p, e, 1, 2);
		if (cn && !skip(&p, e, "日"))
			return -1;
	}
	if (yy < 1800 || yy > 2200 || mm < 1 || mm > 12 || dd < 1 || dd > days_in((int)yy, (int)mm))
		return -1;
	if (!time_tail(p, e))
		return -1;
	*y = (int)yy;
	*m = (int)mm;
	*d = (int)dd;
	return 0;
}

/* The reason a cell is bad: message m with the column and the value, and
 * extra where m has a third conversion. A personal value (an ID number, a
 * name) is shown masked as core.mask_*() does, never as written. */
static void reason(struct strbuf *why, enum msg_id m, const struct import_field *f, const char *s,
                   size_t len, int extra)
{
	struct strbuf masked = STRBUF_INIT;
	if (f->personal) {
		import_mask(f->personal, s, len, &masked);
		s = masked.buf;
		len = masked.len;
	}
	trf(why, m, f->header, (int)len, s, extra);
	strbuf_free(&masked);
}

/* The integer digits of a decimal at *p: thousands may be grouped with
 * commas (1,234,567). Appends them without leading zeros; returns 0 when the
 * grouping is wrong. */
static int int_digits(const char **p, const char *e, struct strbuf *out, int *seen)
{
	int in_group = 0, groups = 0;
	for (; *p < e && (is_digit(**p) || **p == ','); (*p)++) {
		if (**p == ',') {
			if (groups == 0 ? in_group < 1 || in_group > 3 : in_group != 3)
				return 0;
			groups++;
			in_group = 0;
			continue;
		}
		in_group++;
		(*seen)++;
		if (out->len || **p != '0')
			strbuf_addc(out, **p);
	}
	return groups == 0 || in_group == 3;
}

/* A decimal: sign, digits, a point and decimals. Appends it plainly (no
 * grouping, no leading or trailing zeros). */
static int number(const struct import_field *f, const char *s, size_t len, struct strbuf *out, struct strbuf *why)
{
	const char *p = s, *e = s + len;
	struct strbuf ip = STRBUF_INIT, frac = STRBUF_INIT;
	int neg = p < e && *p == '-', seen = 0;
	if (p < e && (*p == '-' || *p == '+'))
		p++;
	int ok = int_digits(&p, e, &ip, &seen);
	if (ok && p < e && *p == '.')
		for (p++; p < e && is_digit(*p); p++, seen++)
			strbuf_addc(&frac, *p);
	ok = ok && seen > 0 && p == e;
	while (frac.len && frac.buf[frac.len - 1] == '0')
		strbuf_truncate(&frac, frac.len - 1);
	if (!ok)
		reason(why, MSG_IMPORT_BAD_NUMBER, f, s, len, 0);
	else if ((int)frac.len > f->scale)
		reason(why, MSG_IMPORT_TOO_MANY_DECIMALS, f, s, len, f->scale);
	else if ((int)ip.len > f->digits - f->scale)
		reason(why, MSG_IMPORT_NUMBER_TOO_BIG, f, s, len, f->digits - f->scale);
	else {
		if (neg && (ip.len || frac.len))
			strbuf_addc(out, '-');
		strbuf_add(out, ip.len ? strbuf_str(&ip) : "0");
		if (frac.len) {
			strbuf_addc(out, '.');
			strbuf_addn(out, frac.buf, frac.len);
		}
	}
	ok = ok && !why->len;
	strbuf_free(&ip);
	strbuf_free(&frac);
	return ok;
}

static int integer(const struct import_field *f, const char *s, size_t len, struct strbuf *out, struct strbuf *why)
{
	const char *p = s, *e = s + len;
	int neg = p < e && *p == '-';
	if (p < e && (*p == '-' || *p == '+'))
		p++;
	/* int4: -2147483648 to 2147483647 */
	long long v = 0, max = neg ? 2147483648LL : 2147483647LL;
	int ok = p < e;
	for (; ok && p < e; p++) {
		ok = is_digit(*p) && v <= max;
		v = v * 10 + (*p - '0');
	}
	if (!ok || v > max) {
		reason(why, MSG_IMPORT_BAD_INTEGER, f, s, len, 0);
		return 0;
	}
	strbuf_addf(out, "%lld", neg ? -v : v);
	return 1;
}

static int boolean(const struct import_field *f, const char *s, size_t len, struct strbuf *out, struct strbuf *why)
{
	static const char *const yes[] = {"是", "true", "t", "yes", "y", "1", NULL};
	static const char *const no[] = {"否", "false", "f", "no", "n", "0", NULL};
	for (int which = 0; which < 2; which++)
		for (const char *const *w = which ? no : yes; *w; w++)
			if (strlen(*w) == len && ascii_ieq(*w, s, len)) {
				strbuf_add(out, which ? "false" : "true");
				return 1;
			}
	reason(why, MSG_IMPORT_BAD_BOOLEAN, f, s, len, 0);
	return 0;
}

/* Digits and hyphens with an optional leading + (the domain core.phone);
 * blanks inside are dropped. */
static int phone(const struct import_field *f, const char *s, size_t len, struct strbuf *out, struct strbuf *why)
{
	size_t start = out->len;
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ')
			strbuf_addc(out, s[i]);
	const char *v = out->buf + start;
	size_t n = out->len - start, i = v[0] == '+';
	int ok = n > i && is_digit(v[i]) && n - i >= 4 && n - i <= 24;
	for (size_t k = i; ok && k < n; k++)
		ok = is_digit(v[k]) || v[k] == '-';
	if (!ok) {
		strbuf_truncate(out, start);
		if (f->personal)
			trf(why, MSG_IMPORT_BAD_PHONE_HIDDEN, f->header);
		else
			trf(why, MSG_IMPORT_BAD_PHONE, f->header, (int)len, s);
	}
	return ok;
}

/* A code as it should be: 18 digits and capital letters. */
static int plain_code(const char *s, size_t len)
{
	if (len != USCC_LENGTH)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!is_digit(s[i]) && !(s[i] >= 'A' && s[i] <= 'Z'))
			return 0;
	return 1;
}

static int uscc(const struct import_field *f, const char *s, size_t len, struct strbuf *out, struct strbuf *why)
{
	size_t start = out->len;
	if (plain_code(s, len)) {
		strbuf_addn(out, s, len);
		if (uscc_valid(out->buf + start))
			return 1;
		strbuf_truncate(out, start);
	}
	struct strbuf raw = STRBUF_INIT, code = STRBUF_INIT, what = STRBUF_INIT;
	strbuf_addn(&raw, s, len);
	uscc_normalize(strbuf_str(&raw), &code);
	struct uscc_result r;
	int ok = uscc_check(strbuf_str(&code), &r) == USCC_VALID;
	if (ok) {
		strbuf_addn(out, code.buf, code.len);
	} else {
		uscc_describe(&r, &what);
		if (f->personal) {
			strbuf_reset(&raw);
			import_mask(f->personal, s, len, &raw);
		}
		trf(why, MSG_IMPORT_BAD_USCC, f->header, strbuf_str(&raw), strbuf_str(&what));
	}
	strbuf_free(&raw);
	strbuf_free(&code);
	strbuf_free(&what);
	return ok;
}

static int code(const struct import_field *f, const char *s, size_t len, struct strbuf *out, struct strbuf *why)
{
	long i = import_code_find(f, s, len);
	if (i >= 0) {
		strbuf_add(out, f->codes[i]);
		return 1;
	}
	reason(why, i == -2 ? MSG_IMPORT_AMBIGUOUS_CODE : MSG_IMPORT_UNKNOWN_CODE, f, s, len, 0);
	return 0;
}

/* Several codes separated by 、，,；; (a penalty's kinds): staged as a,b,c. */
static int codes(const struct import_field *f, const char *s, size_t len, struct strbuf *out, struct strbuf *why)
{
	static const char *const seps[] = {"、", "，", "；", ",", ";", NULL};
	const char *p = s, *e = s + len;
	int n = 0;
	while (p < e) {
		const char *q = p, *next = e;
		size_t seplen = 0;
		for (; q < e && !seplen; q++)
			for (const char *const *sp = seps; *sp && !seplen; sp++)
				if ((size_t)(e - q) >= strlen(*sp) && memcmp(q, *sp, strlen(*sp)) == 0)
					seplen = strlen(*sp), next = q;
		const char *item = p;
		size_t ilen = (size_t)(next - p);
		trim(&item, &ilen);
		p = next + seplen;
		if (!ilen)
			continue;
		if (n++)
			strbuf_addc(out, ',');
		if (!code(f, item, ilen, out, why))
			return 0;
	}
	return 1;
}

enum import_verdict import_value(const struct import_field *f, const char *s, size_t len, struct strbuf *out,
				 struct strbuf *why)
{
	trim(&s, &len);
	if (!len)
		return IV_EMPTY;
	size_t start = out->len;
	int ok = 1, y, m, d;
	switch (f->kind) {
	case IK_TEXT: strbuf_addn(out, s, len); break;
	case IK_USCC: ok = uscc(f, s, len, out, why); break;
	case IK_DATE_OPEN:
		if ((len == 6 && memcmp(s, "长期", 6) == 0) || (len == 6 && memcmp(s, "永久", 6) == 0) ||
		    (len == 12 && memcmp(s, "长期有效", 12) == 0) || (len == 15 && memcmp(s, "无固定期限", 15) == 0))
			return IV_EMPTY;
		/* fall through */
	case IK_DATE:
		ok = import_parse_date(s, len, &y, &m, &d) == 0;
		if (ok) {
			char iso[10] = {(char)('0' + y / 1000), (char)('0' + y / 100 % 10), (char)('0' + y / 10 % 10),
					(char)('0' + y % 10), '-', (char)('0' + m / 10), (char)('0' + m % 10), '-',
					(char)('0' + d / 10), (char)('0' + d % 10)};
			strbuf_addn(out, iso, sizeof iso);
		} else
			reason(why, MSG_IMPORT_BAD_DATE, f, s, len, 0);
		break;
	case IK_NUMBER: ok = number(f, s, len, out, why); break;
	case IK_INTEGER: ok = integer(f, s, len, out, why); break;
	case IK_BOOLEAN: ok = boolean(f, s, len, out, why); break;
	case IK_PHONE: ok = phone(f, s, len, out, why); break;
	case IK_CODE: ok = code(f, s, len, out, why); break;
	case IK_CODES: ok = codes(f, s, len, out, why); break;
	}
	if (!ok) {
		strbuf_truncate(out, start); /* a bad cell has no value, not part of one */
		return IV_BAD;
	}
	return out->len > start ? IV_OK : IV_EMPTY;
}

/* Byte offset of the k-th character of s[0..len). */
static size_t char_offset(const char *s, size_t len, size_t k)
{
	size_t i = 0;
	uint32_t cp;
	while (k-- > 0 && i < len)
		i += utf8_decode(s + i, len - i, &cp);
	return i;
}

/* Like core.mask_*(): a name keeps its first character, a phone its first
 * three and last four characters, an ID number its first six and last four,
 * an address its first six characters; the rest are stars. */
void import_mask(const char *kind, const char *s, size_t len, struct strbuf *out)
{
	size_t n = 0;
	for (size_t i = 0; i < len; n++) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
	}
	size_t head = 0, tail = 0, stars;
	if (strcmp(kind, "name") == 0)
		head = n > 1 ? 1 : 0;
	else if (strcmp(kind, "phone") == 0 && n >= 11)
		head = 3, tail = 4;
	else if (strcmp(kind, "phone") == 0 && n >= 5)
		tail = 4; /* shorter than a mobile number: the last four only */
	else if (strcmp(kind, "id_no") == 0 && n >= 15)
		head = 6, tail = 4; /* shorter than an identity card: nothing */
	else if (strcmp(kind, "address") == 0 && n > 6)
		head = 6;
	stars = strcmp(kind, "address") == 0 && n > 6 ? 4 : n - head - tail;
	strbuf_addn(out, s, char_offset(s, len, head));
	for (size_t i = 0; i < stars; i++)
		strbuf_addc(out, '*');
	size_t t = char_offset(s, len, n - tail);
	strbuf_addn(out, s + t, len - t);
}

static int is_alnum(char c)
{
	return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Whether the n digits at s (YYYYMMDD, or YYMMDD when n is 6) could be a
 * date of birth: a year 1900 to 2099, a month, a day 01 to 31. */
static int birth_date(const char *s, int n)
{
	const char *p = s, *e = s + n;
	long y = digits_at(&p, e, n - 4, n - 4), m = digits_at(&p, e, 2, 2),
	     d = digits_at(&p, e, 2, 2);
	return y >= 0 && (n == 6 || (y >= 1900 && y <= 2099)) && m >= 1 && m <= 12 && d >= 1 &&
	       d <= 31;
}

/* Whether a whole run of letters and digits is a resident ID number: 17
 * digits and a digit or X, or 15 digits (the first-generation card), with
 * a date of birth after the six-digit region; the check character is not
 * checked, as a mistyped number is personal data too. A valid USCC is not
 * one. */
static int id_number(const char *s, size_t n)
{
	if (n == 15)
		return all_digits(s, 15) && birth_date(s + 6, 6);
	if (n != USCC_LENGTH || !all_digits(s, 17) ||
	    !(is_digit(s[17]) || s[17] == 'X' || s[17] == 'x') || !birth_date(s + 6, 8))
		return 0;
	char code[USCC_LENGTH + 1];
	memcpy(code, s, USCC_LENGTH);
	code[17] = s[17] == 'x' ? 'X' : s[17];
	code[USCC_LENGTH] = '\0';
	return !uscc_valid(code);
}

/* Whether the 11 digits at s are a mainland mobile number's (1[3-9]…). */
static int mobile_at(const char *s)
{
	return s[0] == '1' && s[1] >= '3' && s[1] <= '9' && all_digits(s, 11);
}

/* Whether s[0..n) begins with a mobile number written in groups, 138 1234
 * 5678 or 138-1234-5678, with no digit after it. */
static int grouped_mobile(const char *s, size_t n)
{
	return n >= 13 && s[0] == '1' && s[1] >= '3' && s[1] <= '9' && is_digit(s[2]) &&
	       (s[3] == ' ' || s[3] == '-') && all_digits(s + 4, 4) && s[8] == s[3] &&
	       all_digits(s + 9, 4) && (n == 13 || !is_digit(s[13]));
}

/* Masks the mobile number the digit run s[0..n) (not part of a longer one)
 * is, or begins when it is written in groups; returns the bytes it took, 0
 * when it is none. */
static size_t mask_mobile(const char *s, size_t n, size_t rest, struct strbuf *out)
{
	if (n == 13 && s[0] == '8' && s[1] == '6' && mobile_at(s + 2)) {
		strbuf_addn(out, s, 2); /* 86 before a mobile number, after + or not */
		import_mask("phone", s + 2, 11, out);
		return 13;
	}
	if (n == 11 && mobile_at(s)) {
		import_mask("phone", s, 11, out);
		return 11;
	}
	if (n == 3 && grouped_mobile(s, rest)) {
		strbuf_addn(out, s, 4); /* 3 + stars + 4 as a mobile number, the blanks kept */
		strbuf_add(out, "****");
		strbuf_addn(out, s + 8, 5);
		return 13;
	}
	return 0;
}

/* Scans runs of letters and digits: a whole run may be an ID number; the
 * digit runs inside one (between letters, or the whole run) may be mobile
 * numbers. */
void import_mask_text(const char *s, size_t len, struct strbuf *out)
{
	size_t i = 0;
	while (i < len) {
		size_t j = i;
		if (!is_alnum(s[i])) {
			while (j < len && !is_alnum(s[j]))
				j++;
			strbuf_addn(out, s + i, j - i);
			i = j;
			continue;
		}
		if (i == 0 || !is_alnum(s[i - 1])) {
			while (j < len && is_alnum(s[j]))
				j++;
			if (id_number(s + i, j - i)) {
				import_mask("id_no", s + i, j - i, out);
				i = j;
				continue;
			}
			j = i;
		}
		if (!is_digit(s[i])) {
			strbuf_addc(out, s[i++]);
			continue;
		}
		while (j < len && is_digit(s[j]))
			j++;
		size_t took = mask_mobile(s + i, j - i, len - i, out);
		if (!took)
			strbuf_addn(out, s + i, j - i);
		i = took ? i + took : j;
	}
}
