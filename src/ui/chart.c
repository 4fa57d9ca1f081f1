#include "ui/chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/width.h"
#include "ui/term.h"

/* U+2588 FULL BLOCK down to U+258F LEFT ONE EIGHTH BLOCK: index i is i eighths. */
static const char *const eighths[9] = {"",
                                       "\xe2\x96\x8f",
                                       "\xe2\x96\x8e",
                                       "\xe2\x96\x8d",
                                       "\xe2\x96\x8c",
                                       "\xe2\x96\x8b",
                                       "\xe2\x96\x8a",
                                       "\xe2\x96\x89",
                                       "\xe2\x96\x88"};
/* U+2581 … U+2588: the eight heights of a sparkline. */
static const char *const heights[8] = {"\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83",
                                       "\xe2\x96\x84", "\xe2\x96\x85", "\xe2\x96\x86",
                                       "\xe2\x96\x87", "\xe2\x96\x88"};
static const char ascii_heights[] = " .:-=+*#";

double chart_max(const struct chart_bar *b, int n)
{
	double m = 0;
	for (int i = 0; i < n; i++)
		if (b[i].value > m)
			m = b[i].value;
	return m;
}

/* The bar of value/max in cols columns; returns the columns it takes. */
static int bar(struct strbuf *out, double value, double max, int cols, int ascii)
{
	if (cols <= 0 || max <= 0 || !(value > 0))
		return 0;
	double frac = value >= max ? 1.0 : value / max;
	long units = lround(frac * cols * 8);
	if (units == 0)
		units = 1; /* a positive value is never invisible */
	int full = (int)(units / 8), part = (int)(units % 8);
	for (int i = 0; i < full; i++)
		strbuf_add(out, ascii ? "#" : eighths[8]);
	if (part)
		strbuf_add(out, ascii ? (part >= 4 ? "#" : "") : eighths[part]);
	return full + (part && (!ascii || part >= 4) ? 1 : 0);
}

void chart_bar_line(struct strbuf *out, const struct chart_bar *b, double max, int width,
                    int label_w, int value_w, int ascii)
{
	char num[32];
	const char *vt = b->value_text;
	if (!vt) {
		snprintf(num, sizeof num, "%g", b->value);
		vt = num;
	}
	if (label_w > width)
		label_w = width;
	width_fit(out, b->label ? b->label : "", label_w, ALIGN_LEFT);
	int rest = width - label_w;
	if (rest <= 0)
		return;
	if (value_w > rest - 1)
		value_w = rest - 1 > 0 ? rest - 1 : 0;
	int bar_w = rest - 1 - (value_w ? value_w + 1 : 0);
	strbuf_addc(out, ' ');
	int used = bar(out, b->value, max, bar_w, ascii);
	for (int i = used; i < bar_w; i++)
		strbuf_addc(out, ' ');
	if (value_w) {
		strbuf_addc(out, ' ');
		width_fit(out, vt, value_w, ALIGN_RIGHT);
	}
}

int chart_sparkline(struct strbuf *out, const double *v, int n, int width, int ascii)
{
	if (n <= 0 || width <= 0)
		return 0;
	int first = n > width ? n - width : 0;
	double lo = v[first], hi = v[first];
	for (int i = first; i < n; i++) {
		if (v[i] < lo)
			lo = v[i];
		if (v[i] > hi)
			hi = v[i];
	}
	for (int i = first; i < n; i++) {
		int h = hi > lo ? (int)lround((v[i] - lo) / (hi - lo) * 7) : 3;
		if (ascii)
			strbuf_addc(out, ascii_heights[h]);
		else
			strbuf_add(out, heights[h]);
	}
	return n - first;
}

int chart_parse_series(const char *s, double *v, int cap)
{
	int n = 0;
	while (s && *s && n < cap) {
		char *end;
		double x = strtod(s, &end);
		if (end == s)
			break;
		v[n++] = x;
		s = *end == ',' ? end + 1 : end;
	}
	return n;
}

void chart_draw_bars(int y, int x, int w, int h, const struct chart_bar *b, int n, int label_w)
{
	double max = chart_max(b, n);
	int value_w = 0;
	for (int i = 0; i < n; i++) {
		char num[32];
		const char *vt = b[i].value_text;
		if (!vt) {
			snprintf(num, sizeof num, "%g", b[i].value);
			vt = num;
		}
		int vw = width_str(vt);
		if (vw > value_w)
			value_w = vw;
	}
	struct strbuf line = STRBUF_INIT;
	for (int i = 0; i < n && i < h; i++) {
		strbuf_reset(&line);
		width_fit(&line, b[i].label ? b[i].label : "", label_w, ALIGN_LEFT);
		term_text(y + i, x, label_w, strbuf_str(&line), COL_NORMAL, ALIGN_LEFT);
		strbuf_reset(&line);
		struct chart_bar nolabel = b[i];
		nolabel.label = "";
		chart_bar_line(&line, &nolabel, max, w - label_w, 0, value_w, 0);
		/* the bar in colour (green) when the terminal has it, else plain */
		term_text(y + i, x + label_w, w - label_w, strbuf_str(&line),
		          term_colored() ? COL_OK : COL_NORMAL, ALIGN_LEFT);
	}
	strbuf_free(&line);
}
