#include "ui/tabs.h"

#include "base/width.h"
#include "ui/term.h"

#define TAB_PAD 2 /* a blank either side of a label */

static int tab_width(const char *label)
{
	return width_str(label) + TAB_PAD;
}

int tabs_first_visible(int w, const char *const *labels, int n, int selected)
{
	int first = 0;
	for (;;) {
		int used = first > 0 ? 1 : 0; /* room for ‹ */
		int last = first;
		while (last < n && used + tab_width(labels[last]) <= w - 1)
			used += tab_width(labels[last++]);
		if (selected < last || first >= selected)
			return first;
		first++;
	}
}

void tabs_draw(int y, int x, int w, const char *const *labels, int n, int selected)
{
	int first = tabs_first_visible(w, labels, n, selected);
	int col = x;
	term_fill(y, x, w, COL_NORMAL);
	if (first > 0)
		col += term_clip(y, col, 1, "\xe2\x80\xb9", COL_DIM); /* ‹ */
	for (int i = first; i < n; i++) {
		int tw = tab_width(labels[i]);
		if (col + tw > x + w - 1) {
			term_clip(y, x + w - 1, 1, "\xe2\x80\xba", COL_DIM); /* › */
			break;
		}
		term_text(y, col, tw, labels[i], i == selected ? COL_TITLE : COL_NORMAL,
			  ALIGN_CENTER);
		col += tw;
	}
}
