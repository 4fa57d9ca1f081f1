/* libFuzzer: the USCC normaliser and checker (src/base/uscc.c) on any
 * bytes. Normalising is idempotent and yields UTF-8; a code completed from
 * 16 characters is valid; describing any result works. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/uscc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	struct strbuf once = STRBUF_INIT, twice = STRBUF_INIT, msg = STRBUF_INIT;
	struct uscc_result r;
	uscc_normalize(s, &once);
	uscc_normalize(strbuf_str(&once), &twice);
	if (strcmp(strbuf_str(&once), strbuf_str(&twice)) != 0)
		abort();
	if (uscc_check_text(once.buf ? once.buf : "", once.len, &r) != USCC_VALID)
		abort();
	if (uscc_check_text(s, size, &r) == USCC_VALID) {
		uscc_check(strbuf_str(&once), &r);
		uscc_describe(&r, &msg);
		if (r.problem == USCC_VALID && (once.len != USCC_LENGTH || !uscc_valid(strbuf_str(&once))))
			abort();
	} else {
		uscc_describe(&r, &msg);
	}
	struct strbuf done = STRBUF_INIT;
	if (uscc_complete(s, &done) == 0 && !uscc_valid(strbuf_str(&done)))
		abort();
	strbuf_free(&done);
	strbuf_free(&once);
	strbuf_free(&twice);
	strbuf_free(&msg);
	free(s);
	return 0;
}
