#include "print/wrap.h"

#include <string.h>

#include "base/width.h"

static int ascii_word(char c)
{
	return c != ' ' && c != '\0' && (unsigned char)c < 0x80;
}

/* Whether s starts with a mark a line does not start with (closing
 * punctuation: ，。、；：）》 …). */
static int closing_mark(const char *s)
{
	static const char *const marks[] = {"，", "。", "、", "；", "：", "！", "？", "）",
	                                    "》", "」", "』", "】", "〕", "…",  NULL};
	for (const char *const *m = marks; *m; m++)
		if (strncmp(s, *m, strlen(*m)) == 0)
			return 1;
	return 0;
}

/* Where to break s so that the line takes at most room columns: after the
 * longest prefix that does not end inside an ASCII word nor leave a closing
 * mark to start the next line (or the whole prefix when there is no such
 * place). Returns its length in bytes. */
static size_t break_at(const char *s, int room)
{
	int used;
	size_t n = width_prefix(s, room, &used), k = n;
	if (s[n] == '\0' || n == 0)
		return n;
	if (ascii_word(s[n]) && ascii_word(s[n - 1]))
		while (k > 0 && ascii_word(s[k - 1]))
			k--;
	else if (closing_mark(s + n))
		for (k--; k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80;)
			k--; /* the character before goes with the mark */
	return k > 0 ? k : n;
}

void wrap_text(struct strbuf *out, const char *s, int first, int indent, int cols)
{
	int col = first;
	while (*s == ' ')
		s++;
	if (!*s)
		strbuf_addc(out, '\n');
	while (*s) {
		size_t n = break_at(s, cols - col);
		if (n == 0 && col > indent) { /* nothing fits after first: a line of its own */
			strbuf_addc(out, '\n');
			width_pad(out, indent);
			col = indent;
			continue;
		}
		if (n == 0) { /* a character wider than the line */
			uint32_t cp;
			n = utf8_decode(s, strlen(s), &cp);
		}
		size_t end = n;
		while (end > 0 && s[end - 1] == ' ')
			end--;
		strbuf_addn(out, s, end);
		strbuf_addc(out, '\n');
		for (s += n; *s == ' ';)
			s++;
		if (*s) {
			width_pad(out, indent);
			col = indent;
		}
	}
}
