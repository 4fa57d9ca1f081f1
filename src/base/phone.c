#include "base/phone.h"

#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"

/* POSIX extended expressions that PostgreSQL reads alike (0192 repeats
 * them): a mobile, a fixed line with its area code, a 400/800 number. */
static const char *const patterns[] = {
    "^(\\+?86-?)?1[3-9][0-9]-?[0-9]{4}-?[0-9]{4}$",
    "^(0[1-9][0-9]{1,2}-?|\\(0[1-9][0-9]{1,2}\\))[2-9][0-9]{6,7}(-[0-9]{1,6})?$",
    "^[48]00-?[0-9]{3}-?[0-9]{4}$",
};
#define NPATTERNS (int)(sizeof patterns / sizeof patterns[0])

int phone_callable(const char *s)
{
	static regex_t re[NPATTERNS];
	static int compiled;
	if (!compiled) {
		for (int i = 0; i < NPATTERNS; i++)
			if (regcomp(&re[i], patterns[i], REG_EXTENDED | REG_NOSUB) != 0)
				abort(); /* a constant pattern: a programming error */
		compiled = 1;
	}
	struct strbuf t = STRBUF_INIT;
	s += strspn(s, " \t");
	strbuf_add(&t, s);
	while (t.len && (t.buf[t.len - 1] == ' ' || t.buf[t.len - 1] == '\t'))
		strbuf_truncate(&t, t.len - 1);
	int ok = 0;
	for (int i = 0; i < NPATTERNS && !ok; i++)
		ok = regexec(&re[i], strbuf_str(&t), 0, NULL, 0) == 0;
	strbuf_free(&t);
	return ok;
}
