/* The snippet of a policy search hit: cut to a width, hit marked, never a split character. */
#include <stdlib.h>

#include "base/width.h"
#include "domain/policy.h"
#include "lib/tap.h"

static const char *const art21 =
    "有下列情形之一的，终止调解：\n（一）投诉人撤回投诉或者双方自行和解的；\n"
    "（五）自投诉受理之日起四十五个工作日内投诉人和被投诉人未能达成调解协议的；";

static char *snip(const char *text, int pos, int len, int cols)
{
	struct strbuf sb = STRBUF_INIT;
	policy_snippet(&sb, text, pos, len, cols, "【", "】");
	return strbuf_detach(&sb);
}

int main(void)
{
	plan(11);
	width_setup();
	char *s = snip(art21, 12, 2, 60);
	ok(width_str(s) <= 60, "a snippet fits in 60 columns");
	ok(strstr(s, "终止【调解】") != NULL, "the hit is marked");
	is_str(s + strlen(s) - 3, WIDTH_MARKER, "a cut end is marked …");
	free(s);

	s = snip(art21, 48, 3, 60);
	ok(strstr(s, "【四十五】") != NULL, "a hit far in the text is shown");
	ok(strncmp(s, WIDTH_MARKER, 3) == 0, "  ... with … before the context");
	ok(width_str(s) <= 60, "  ... within the width");
	free(s);

	s = snip("短文。", 1, 2, 60);
	is_str(s, "【短文】。", "a short text is shown whole");
	free(s);

	s = snip(art21, 0, 0, 20);
	is_str(s, "有下列情形之一的，…", "no hit: the start of the text");
	ok(width_str(s) <= 20, "  ... within the width");
	free(s);

	s = snip("ab\ncd", 4, 1, 60);
	is_str(s, "ab 【c】d", "line breaks become spaces; positions count characters");
	free(s);

	int over = 0;
	for (int cols = 16; cols <= 80; cols++) {
		for (int pos = 1; pos < 70; pos += 3) {
			s = snip(art21, pos, 4, cols);
			over += width_str(s) > cols;
			free(s);
		}
	}
	is_int(over, 0, "every width from 16 to 80, every hit position: never wider");
	return done_testing();
}
