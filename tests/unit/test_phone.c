/* phone_callable(): every case of tests/data/phones.tsv, which
 * tests/sql/phone.sql holds against core.phone_callable() too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/phone.h"
#include "base/strbuf.h"
#include "lib/tap.h"

int main(void)
{
	plan(3);
	const char *root = getenv("SMCON_ROOT");
	struct strbuf path = STRBUF_INIT, line = STRBUF_INIT;
	strbuf_addf(&path, "%s/tests/data/phones.tsv", root && *root ? root : ".");
	FILE *f = fopen(strbuf_str(&path), "r");
	int n = 0, wrong_yes = 0, wrong_no = 0;
	while (f && strbuf_getline(&line, f)) {
		char *tab = strrchr(line.buf, '\t');
		if (line.buf[0] == '#' || !tab)
			continue;
		*tab = '\0';
		int want = atoi(tab + 1), got = phone_callable(line.buf);
		n++;
		if (got != want) {
			printf("# '%s': %s\n", line.buf,
			       want ? "refused, but is a phone" : "taken, but is none");
			*(want ? &wrong_yes : &wrong_no) += 1;
		}
	}
	if (f)
		fclose(f);
	ok(n >= 20, "the cases of tests/data/phones.tsv are read");
	ok(wrong_yes == 0, "every phone of the cases is taken");
	ok(wrong_no == 0, "every number of the cases that is no phone is refused");
	strbuf_free(&path);
	strbuf_free(&line);
	return done_testing();
}
