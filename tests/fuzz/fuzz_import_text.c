/* libFuzzer: the importer's file decoding (src/import/import_file.c) on any
 * bytes: utf8_scan() stops at the first byte that is not UTF-8 and what it
 * accepted scans whole again; GB18030 text converts to valid UTF-8, and a
 * conversion that stops says where; text_line_at() counts a line for each
 * LF before the offset (records end at LF or CR LF, as the CSV parser
 * reads them; a lone CR is data). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import/import_file.h"

static long lines_before(const char *s, size_t off)
{
	long n = 1;
	for (size_t i = 0; i < off; i++)
		n += s[i] == '\n';
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t ok = utf8_scan(s, size);
	if (ok > size || utf8_scan(s, ok) != ok)
		abort();
	struct strbuf out = STRBUF_INIT;
	size_t conv = gb18030_to_utf8(s, size, &out);
	if (conv > size || utf8_scan(out.buf ? out.buf : "", out.len) != out.len)
		abort();
	if (text_line_at(s, conv) != lines_before(s, conv))
		abort();
	strbuf_free(&out);
	return 0;
}
