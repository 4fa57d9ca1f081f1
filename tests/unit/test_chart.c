/* Bars and sparklines in display columns. */
#include <string.h>

#include "base/width.h"
#include "lib/tap.h"
#include "ui/chart.h"

static int count(const char *s, const char *sub)
{
	int n = 0;
	for (const char *p = strstr(s, sub); p; p = strstr(p + strlen(sub), sub))
		n++;
	return n;
}

int main(void)
{
	plan(15);
	width_setup();
	struct strbuf sb = STRBUF_INIT;
	struct chart_bar full = {"梁溪区局", 200, "200"}, half = {"经开区局", 100, "100"},
	                 none = {"市局", 0, "0"};

	chart_bar_line(&sb, &full, 200, 40, 10, 5, 0);
	is_int(width_str(strbuf_str(&sb)), 40,
	       "a bar line is exactly as wide as asked, CJK label included");
	/* 40 = label 10 + space + bar 23 + space + value 5 */
	is_int(count(strbuf_str(&sb), "\xe2\x96\x88"), 23, "the largest value fills the bar");
	ok(strstr(strbuf_str(&sb), "梁溪区局") == strbuf_str(&sb), "the label comes first");
	ok(strcmp(strbuf_str(&sb) + strlen(strbuf_str(&sb)) - 3, "200") == 0,
	   "the value is right-aligned at the end");

	strbuf_reset(&sb);
	chart_bar_line(&sb, &half, 200, 40, 10, 5, 0);
	/* 23 columns × ½ = 11.5: 11 full blocks and a half block */
	is_int(count(strbuf_str(&sb), "\xe2\x96\x88"), 11,
	       "half the maximum: half the bar in full blocks");
	is_int(count(strbuf_str(&sb), "\xe2\x96\x8c"), 1,
	       "  ... and a half block for the half column");
	is_int(width_str(strbuf_str(&sb)), 40, "  ... and the line keeps its width");

	strbuf_reset(&sb);
	chart_bar_line(&sb, &none, 200, 40, 10, 5, 0);
	is_int(count(strbuf_str(&sb), "\xe2\x96"), 0, "zero draws no bar");

	strbuf_reset(&sb);
	chart_bar_line(&sb, &half, 200, 40, 10, 5, 1);
	is_int(count(strbuf_str(&sb), "#"), 12,
	       "without UTF-8 the bar is '#' (a half column rounds up)");

	strbuf_reset(&sb);
	struct chart_bar longname = {"无锡经济开发区市场监督管理局", 5, NULL};
	chart_bar_line(&sb, &longname, 10, 30, 8, 3, 0);
	is_int(width_str(strbuf_str(&sb)), 30, "a label too long is cut, the line keeps its width");

	double v[] = {3, 5, 2, 9, 9};
	strbuf_reset(&sb);
	is_int(chart_sparkline(&sb, v, 5, 10, 0), 5, "a sparkline has one column per value");
	ok(strncmp(strbuf_str(&sb) + 2 * 3, "\xe2\x96\x81", 3) == 0,
	   "  ... the smallest value lowest");
	ok(strncmp(strbuf_str(&sb) + 3 * 3, "\xe2\x96\x88", 3) == 0, "  ... the largest highest");
	strbuf_reset(&sb);
	chart_sparkline(&sb, v, 5, 3, 1);
	is_str(strbuf_str(&sb), " ##",
	       "a narrow sparkline shows the last values; ASCII without UTF-8");

	double p[8];
	is_int(chart_parse_series("3,5,2", p, 8) * 100 + (int)p[1], 305,
	       "a trend column parses into its values");
	strbuf_free(&sb);
	return done_testing();
}
