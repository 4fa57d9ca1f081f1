/* phone_callable(): every case of tests/data/phones.tsv, which
 * tests/sql/phone.sql holds against core.phone_callable() too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/phone.h"
#include "base/strbuf.h"
#include "lib/tap.h"

enum { MAX_CASES = 64 };

int main(void)
{
	const char *root = getenv("SMCON_ROOT");
	struct strbuf path = STRBUF_INIT, line = STRBUF_INIT;
	strbuf_addf(&path, "%s/tests/data/phones.tsv", root && *root ? root : ".");
	FILE *f = fopen(strbuf_str(&path), "r");
	char *value[MAX_CASES];
	int want[MAX_CASES], n = 0;
	while (f && n < MAX_CASES && strbuf_getline(&line, f)) {
		char *tab = strrchr(line.buf, '\t');
		if (line.buf[0] == '#' || !tab)
			continue;
		*tab = '\0';
		value[n] = strdup(line.buf);
		want[n++] = atoi(tab + 1);
	}
	if (f)
		fclose(f);
	tap_plan(n + 1);
	tap_ok(n >= 20, "the cases of tests/data/phones.tsv are read");
	for (int i = 0; i < n; i++) {
		char name[160];
		snprintf(name, sizeof name, "'%s' is %s", value[i],
		         want[i] ? "a phone" : "not a phone");
		tap_ok(phone_callable(value[i]) == want[i], name);
		free(value[i]);
	}
	strbuf_free(&path);
	strbuf_free(&line);
	return tap_done();
}
