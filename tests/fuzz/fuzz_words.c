/* libFuzzer: the command-word splitter (src/cmd/words.c) on any line.
 * It either splits or says why; the word list ends with NULL. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/words.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *line = malloc(size + 1);
	memcpy(line, data, size);
	line[size] = '\0';
	struct words w;
	struct strbuf err = STRBUF_INIT;
	if (words_split(line, &w, &err) == 0) {
		if (w.count < 0 || w.word[w.count] != NULL || err.len)
			abort();
		for (int i = 0; i < w.count; i++)
			if (strlen(w.word[i]) > size)
				abort();
		words_free(&w);
	} else if (!err.len) {
		abort();
	}
	strbuf_free(&err);
	free(line);
	return 0;
}
