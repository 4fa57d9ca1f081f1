/* Splits a command line into words the way a shell does for simple cases:
 * blanks separate words, '…' and "…" quote, backslash escapes one character. */
#ifndef SMCON_WORDS_H
#define SMCON_WORDS_H

#include "base/strbuf.h"

struct words {
	int count;
	char **word; /* count entries, then NULL */
};

/* Splits line into w. Returns 0, or -1 with a message in err (unclosed quote). */
int words_split(const char *line, struct words *w, struct strbuf *err);
void words_free(struct words *w);

#endif
