#include "base/width.h"

#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <wchar.h>

int width_setup(void)
{
	setlocale(LC_CTYPE, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return 0;
	if (setlocale(LC_CTYPE, "C.UTF-8") && strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return 0;
	return -1;
}

size_t utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c = s[0];
	size_t len;
	uint32_t v, min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2, v = c & 0x1f, min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3, v = c & 0x0f, min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4, v = c & 0x07, min = 0x10000;
	} else {
		goto bad;
	}
	if (n < len)
		goto bad;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			goto bad;
		v = (v << 6) | (s[i] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		goto bad;
	*cp = v;
	return len;
bad:
	*cp = 0xfffd;
	return 1;
}

void utf8_encode(struct strbuf *out, uint32_t cp)
{
	char b[4];
	size_t n;
	if (cp < 0x80) {
		b[0] = (char)cp, n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xc0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3f)), n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xe0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f)), n = 3;
	} else {
		b[0] = (char)(0xf0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[3] = (char)(0x80 | (cp & 0x3f)), n = 4;
	}
	strbuf_addn(out, b, n);
}

size_t utf8_length(const char *s)
{
	size_t n = strlen(s), count = 0;
	uint32_t cp;
	for (size_t i = 0; i < n; count++)
		i += utf8_decode(s + i, n - i, &cp);
	return count;
}

int width_invisible(uint32_t cp)
{
	return (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff;
}

/* What smcon shows for cp: a space for layout controls, U+FFFD for the other
 * controls and the invisible format characters. */
static uint32_t shown(uint32_t cp)
{
	if (cp == '\t' || cp == '\n' || cp == '\r')
		return ' ';
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || width_invisible(cp))
		return 0xfffd;
	return cp;
}

int width_cp(uint32_t cp)
{
	int w = wcwidth((wchar_t)shown(cp));
	return w < 0 ? 1 : w;
}

int width_strn(const char *s, size_t n)
{
	int w = 0;
	uint32_t cp;
	for (size_t i = 0; i < n && s[i];) {
		i += utf8_decode(s + i, n - i, &cp);
		w += width_cp(cp);
	}
	return w;
}

int width_str(const char *s)
{
	return width_strn(s, strlen(s));
}

size_t width_prefix(const char *s, int cols, int *used)
{
	size_t n = strlen(s), i = 0;
	int w = 0;
	uint32_t cp;
	while (i < n) {
		size_t len = utf8_decode(s + i, n - i, &cp);
		int cw = width_cp(cp);
		if (w + cw > cols)
			break;
		w += cw;
		i += len;
	}
	if (used)
		*used = w;
	return i;
}

/* Appends n bytes of s as shown. With lines, line feeds and tabs stay and a
 * carriage return becomes a line feed (CR LF one line feed). */
static void add_shown(struct strbuf *out, const char *s, size_t n, int lines)
{
	uint32_t cp;
	for (size_t i = 0; i < n;) {
		size_t len = utf8_decode(s + i, n - i, &cp);
		uint32_t sh = shown(cp);
		if (lines && (cp == '\n' || cp == '\t'))
			strbuf_addc(out, (char)cp);
		else if (lines && cp == '\r')
			strbuf_add(out, i + 1 < n && s[i + 1] == '\n' ? "" : "\n");
		else if (sh == cp && cp != 0xfffd)
			strbuf_addn(out, s + i, len);
		else
			utf8_encode(out, sh);
		i += len;
	}
}

void width_sanitize(struct strbuf *out, const char *s)
{
	add_shown(out, s, strlen(s), 0);
}

void width_sanitize_text(struct strbuf *out, const char *s)
{
	add_shown(out, s, strlen(s), 1);
}

void width_pad(struct strbuf *out, int n)
{
	for (; n > 0; n--)
		strbuf_addc(out, ' ');
}

/* The byte offset of the longest tail of s at most cols columns wide. */
static size_t width_suffix(const char *s, int cols, int *used)
{
	size_t n = strlen(s), i = 0;
	int rest = width_str(s);
	uint32_t cp;
	while (i < n && rest > cols) {
		size_t len = utf8_decode(s + i, n - i, &cp);
		rest -= width_cp(cp);
		i += len;
	}
	*used = rest;
	return i;
}

/* s, wider than cols, as its head, WIDTH_MARKER and its tail in cols columns. */
static void fit_midcut(struct strbuf *out, const char *s, int cols)
{
	int head_w, tail_w, avail = cols - 1;
	size_t head = width_prefix(s, (avail + 1) / 2, &head_w);
	size_t tail = width_suffix(s, avail - head_w, &tail_w);
	add_shown(out, s, head, 0);
	strbuf_add(out, WIDTH_MARKER);
	add_shown(out, s + tail, strlen(s + tail), 0);
	width_pad(out, avail - head_w - tail_w);
}

void width_fit(struct strbuf *out, const char *s, int cols, enum width_align align)
{
	if (cols <= 0)
		return;
	int w = width_str(s), used;
	if (w <= cols) {
		int gap = cols - w;
		int left = align == ALIGN_RIGHT ? gap : align == ALIGN_CENTER ? gap / 2 : 0;
		width_pad(out, left);
		add_shown(out, s, strlen(s), 0);
		width_pad(out, gap - left);
		return;
	}
	if (align == ALIGN_MIDCUT && cols >= 5) {
		fit_midcut(out, s, cols);
		return;
	}
	size_t keep = width_prefix(s, cols - 1, &used);
	int gap = cols - 1 - used;
	if (align == ALIGN_RIGHT)
		width_pad(out, gap);
	add_shown(out, s, keep, 0);
	strbuf_add(out, WIDTH_MARKER);
	if (align != ALIGN_RIGHT)
		width_pad(out, gap);
}
