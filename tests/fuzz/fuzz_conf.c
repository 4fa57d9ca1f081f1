/* libFuzzer: configuration loading (src/base/conf.c, libconfig) on any
 * file. It loads or names what is wrong; it never ends the program. The
 * input is written to a file of this process in $TMPDIR (default /tmp). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/conf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[256];
	if (!*path) {
		const char *tmp = getenv("TMPDIR");
		snprintf(path, sizeof path, "%s/smcon-fuzz-conf-%ld.conf", tmp && *tmp ? tmp : "/tmp",
			 (long)getpid());
	}
	FILE *f = fopen(path, "wb");
	if (!f)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);
	struct conf c;
	struct strbuf err = STRBUF_INIT;
	conf_init(&c);
	if (conf_read_file(&c, path, 1, &err) != 0 && !err.len)
		abort();
	conf_free(&c);
	strbuf_free(&err);
	unlink(path);
	return 0;
}
