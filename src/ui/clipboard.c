#include "ui/clipboard.h"

#include <stdio.h>
#include <string.h>

#include "base/outfile.h"

static void base64(const unsigned char *s, size_t n, struct strbuf *out)
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)s[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)s[i + 1] << 8;
		if (i + 2 < n)
			v |= s[i + 2];
		strbuf_addc(out, digits[(v >> 18) & 63]);
		strbuf_addc(out, digits[(v >> 12) & 63]);
		strbuf_addc(out, i + 1 < n ? digits[(v >> 6) & 63] : '=');
		strbuf_addc(out, i + 2 < n ? digits[v & 63] : '=');
	}
}

void clipboard_osc52(const char *text, struct strbuf *out)
{
	strbuf_add(out, "\033]52;c;");
	base64((const unsigned char *)text, strlen(text), out);
	strbuf_add(out, "\a");
}

int clipboard_copy(const char *text)
{
	struct strbuf seq = STRBUF_INIT;
	clipboard_osc52(text, &seq);
	/* curses writes to stdout as well: flush its output first, then ours */
	fflush(stdout);
	fputs(strbuf_str(&seq), stdout);
	int e = outfile_flush(stdout);
	strbuf_free(&seq);
	return e;
}
