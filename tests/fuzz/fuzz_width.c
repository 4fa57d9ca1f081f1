/* libFuzzer: display width (src/base/width.c) on any bytes. width_fit()
 * gives exactly the columns asked for and never splits a character (its
 * output is UTF-8); width_prefix() stays within the text and the width;
 * width_sanitize() gives UTF-8. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/width.h"

static int is_utf8(const char *s, size_t n)
{
	uint32_t cp;
	for (size_t i = 0; i < n;) {
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (cp == 0xfffd && len == 1)
			return 0;
		i += len;
	}
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	if (!ready)
		ready = width_setup() == 0 ? 1 : -1;
	if (size < 1)
		return 0;
	int cols = data[0] % 64;
	char *s = malloc(size);
	memcpy(s, data + 1, size - 1);
	s[size - 1] = '\0';
	struct strbuf out = STRBUF_INIT, clean = STRBUF_INIT;
	for (int a = ALIGN_LEFT; a <= ALIGN_CENTER; a++) {
		strbuf_reset(&out);
		width_fit(&out, s, cols, (enum width_align)a);
		if (width_str(strbuf_str(&out)) != cols || !is_utf8(out.buf ? out.buf : "", out.len))
			abort();
	}
	int used = -1;
	size_t n = width_prefix(s, cols, &used);
	if (n > strlen(s) || used < 0 || used > cols || width_strn(s, n) != used)
		abort();
	width_sanitize(&clean, s);
	if (!is_utf8(clean.buf ? clean.buf : "", clean.len))
		abort();
	utf8_length(s);
	strbuf_free(&out);
	strbuf_free(&clean);
	free(s);
	return 0;
}
