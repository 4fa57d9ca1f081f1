/* Charts in text, after htop's meters: horizontal bars with their values
 * (one line per item: a label fitted to its columns, a bar in eighths of a
 * column, the value) and sparklines (one character per value, eight
 * heights). Every width is in display columns (CJK labels take two); on a
 * terminal without UTF-8 the bars are '#' and the sparkline " .:-=+*#", and
 * without colour the bars are drawn in the normal attribute. */
#ifndef SMCON_CHART_H
#define SMCON_CHART_H

#include "base/strbuf.h"

struct chart_bar {
	const char *label;
	double value;
	const char *value_text; /* as shown (e.g. "93.5"); NULL: formatted from value */
};

/* Appends one bar line of exactly width columns: the label in label_w
 * columns, a space, the bar scaled so that max fills the bar's columns, a
 * space and the value text right-aligned in value_w columns. A negative or
 * zero value draws no bar. ascii: '#' instead of block characters. */
void chart_bar_line(struct strbuf *out, const struct chart_bar *b, double max, int width,
                    int label_w, int value_w, int ascii);
/* Appends a sparkline of the last at most width values (min lowest, max
 * highest; all equal: the middle height). Returns the columns appended. */
int chart_sparkline(struct strbuf *out, const double *v, int n, int width, int ascii);
/* Parses "3,5,2" into at most cap values. Returns how many. */
int chart_parse_series(const char *s, double *v, int cap);
/* The largest value of n bars (0 when none is positive). */
double chart_max(const struct chart_bar *b, int n);

/* Draws n bars from (y, x), one a line, at most h lines, w columns wide. */
void chart_draw_bars(int y, int x, int w, int h, const struct chart_bar *b, int n, int label_w);

#endif
