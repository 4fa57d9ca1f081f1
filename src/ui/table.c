#include "ui/table.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

#define GAP 1 /* blank columns between columns */

struct table *table_new(int ncols)
{
	struct table *t = xcalloc(1, sizeof *t);
	t->ncols = ncols;
	t->cols = xcalloc((size_t)ncols, sizeof *t->cols);
	t->width = xcalloc((size_t)ncols, sizeof *t->width);
	t->content_w = xcalloc((size_t)ncols, sizeof *t->content_w);
	t->stale = xcalloc((size_t)ncols, 1);
	for (int c = 0; c < ncols; c++)
		t->cols[c].title_msg = -1;
	t->sort_col = -1;
	listbox_init(&t->lb, 0);
	return t;
}

void table_clear(struct table *t)
{
	for (long i = 0; i < (long)t->nrows * t->ncols; i++)
		free(t->cells[i]);
	t->nrows = 0;
	memset(t->content_w, 0, sizeof *t->content_w * (size_t)t->ncols);
	memset(t->stale, 0, (size_t)t->ncols);
	listbox_init(&t->lb, 0);
}

void table_free(struct table *t)
{
	if (!t)
		return;
	table_clear(t);
	for (int i = 0; i < t->ncols; i++)
		free(t->cols[i].title);
	free(t->cols);
	free(t->width);
	free(t->content_w);
	free(t->stale);
	free(t->cells);
	free(t->row_color);
	table_highlight(t, NULL);
	free(t);
}

void table_col(struct table *t, int i, const char *title, int min_width, int max_width,
	       enum width_align align, int flex)
{
	struct table_col *c = &t->cols[i];
	free(c->title);
	c->title = xstrdup(title);
	c->title_msg = -1;
	c->min_width = min_width;
	c->max_width = max_width;
	c->align = align;
	c->flex = flex;
}

void table_col_msg(struct table *t, int i, enum msg_id title, int min_width, int max_width,
                   enum width_align align, int flex)
{
	table_col(t, i, "", min_width, max_width, align, flex);
	t->cols[i].title_msg = (int)title;
}

void table_col_priority(struct table *t, int i, int priority)
{
	t->cols[i].priority = priority;
}

const char *table_col_title(const struct table *t, int i)
{
	const struct table_col *c = &t->cols[i];
	return c->title_msg >= 0 ? tr((enum msg_id)c->title_msg) : c->title ? c->title : "";
}

void table_remove_row(struct table *t, int row)
{
	if (row < 0 || row >= t->nrows)
		return;
	size_t nc = (size_t)t->ncols;
	for (size_t c = 0; c < nc; c++) {
		free(t->cells[(size_t)row * nc + c]);
		t->stale[c] = 1;
	}
	memmove(&t->cells[(size_t)row * nc], &t->cells[(size_t)(row + 1) * nc],
	        sizeof(char *) * nc * (size_t)(t->nrows - row - 1));
	memmove(&t->row_color[row], &t->row_color[row + 1], (size_t)(t->nrows - row - 1));
	t->nrows--;
	int sel = t->lb.selected;
	listbox_resize(&t->lb, t->nrows);
	if (sel > row)
		t->lb.selected = sel - 1;
	if (t->lb.selected >= t->nrows)
		t->lb.selected = t->nrows - 1;
}

int table_add_row(struct table *t)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->cells = xrealloc(t->cells, sizeof(char *) * (size_t)t->cap * (size_t)t->ncols);
		t->row_color = xrealloc(t->row_color, (size_t)t->cap);
	}
	for (int c = 0; c < t->ncols; c++)
		t->cells[(size_t)t->nrows * (size_t)t->ncols + (size_t)c] = NULL;
	t->row_color[t->nrows] = COL_NORMAL;
	listbox_resize(&t->lb, t->nrows + 1);
	return t->nrows++;
}

void table_set(struct table *t, int row, int col, const char *value)
{
	char **cell = &t->cells[(size_t)row * (size_t)t->ncols + (size_t)col];
	if (*cell && value && strcmp(*cell, value) == 0)
		return;
	int old = *cell ? width_str(*cell) : 0, w = value ? width_str(value) : 0;
	if (w > t->content_w[col])
		t->content_w[col] = w;
	else if (old == t->content_w[col] && w < old)
		t->stale[col] = 1; /* the widest cell may have shrunk */
	free(*cell);
	*cell = value ? xstrdup(value) : NULL;
}

const char *table_get(const struct table *t, int row, int col)
{
	const char *v = t->cells[(size_t)row * (size_t)t->ncols + (size_t)col];
	return v ? v : "";
}

void table_row_color(struct table *t, int row, enum ui_color c)
{
	t->row_color[row] = (unsigned char)c;
}

void table_highlight(struct table *t, const char *fragment)
{
	for (int i = 0; i < t->nhighlight; i++)
		free(t->highlight[i]);
	free(t->highlight);
	t->highlight = NULL;
	t->nhighlight = 0;
	table_highlight_add(t, fragment);
}

void table_highlight_add(struct table *t, const char *fragment)
{
	if (!fragment || !*fragment)
		return;
	t->highlight = xrealloc(t->highlight, sizeof(char *) * (size_t)(t->nhighlight + 1));
	t->highlight[t->nhighlight++] = xstrdup(fragment);
}

/* The first occurrence in s of any highlighted fragment; *len gets its length. */
static const char *first_hit(const struct table *t, const char *s, size_t *len)
{
	const char *best = NULL;
	for (int i = 0; i < t->nhighlight; i++) {
		const char *hit = strstr(s, t->highlight[i]);
		size_t n = strlen(t->highlight[i]);
		if (hit && (!best || hit < best || (hit == best && n > *len))) {
			best = hit;
			*len = n;
		}
	}
	return best;
}

static int clamp(int v, const struct table_col *c)
{
	if (v < c->min_width)
		v = c->min_width;
	if (c->max_width && v > c->max_width)
		v = c->max_width;
	return v;
}

/* Total width of the visible columns with their gaps. */
static int total(const struct table *t)
{
	int sum = 0, n = 0;
	for (int c = 0; c < t->ncols; c++)
		if (!t->cols[c].hidden) {
			sum += t->width[c];
			n++;
		}
	return sum + (n > 0 ? (n - 1) * GAP : 0);
}

/* The visible column to hide next: the lowest priority, the rightmost of
 * equals; never the first. -1 when only the first is left. */
static int lowest_priority(const struct table *t)
{
	int drop = -1;
	for (int c = t->ncols - 1; c > 0; c--)
		if (!t->cols[c].hidden &&
		    (drop < 0 || t->cols[c].priority < t->cols[drop].priority))
			drop = c;
	return drop;
}

static void shrink(struct table *t, int width)
{
	/* A column no row fills shows only its title: it goes before anything
	 * is cut (the search's 匹配 column when no hit came from a former name). */
	for (int c = 1; c < t->ncols && total(t) > width; c++)
		if (t->nrows && t->content_w[c] == 0)
			t->cols[c].hidden = 1;
	/* Take columns from the widest flex column first, down to its minimum. */
	while (total(t) > width) {
		int widest = -1;
		for (int c = 0; c < t->ncols; c++)
			if (!t->cols[c].hidden && t->cols[c].flex &&
			    t->width[c] > t->cols[c].min_width &&
			    (widest < 0 || t->width[c] > t->width[widest]))
				widest = c;
		if (widest < 0)
			break;
		t->width[widest]--;
	}
	/* Still too wide: hide columns, the least important first, but keep the first. */
	while (total(t) > width) {
		int drop = lowest_priority(t);
		if (drop < 0)
			break;
		t->cols[drop].hidden = 1;
	}
	if (total(t) > width) /* only the first column is left */
		t->width[0] = width > 1 ? width : 1;
}

static void grow(struct table *t, int width)
{
	int spare = width - total(t), shares = 0;
	for (int c = 0; c < t->ncols; c++)
		if (!t->cols[c].hidden && t->cols[c].flex)
			shares += t->cols[c].flex;
	if (spare <= 0 || shares == 0)
		return;
	int given = 0, last = -1;
	for (int c = 0; c < t->ncols; c++) {
		if (t->cols[c].hidden || !t->cols[c].flex)
			continue;
		int add = spare * t->cols[c].flex / shares;
		if (t->cols[c].max_width && t->width[c] + add > t->cols[c].max_width)
			add = t->cols[c].max_width - t->width[c];
		t->width[c] += add;
		given += add;
		last = c;
	}
	if (last >= 0 && (!t->cols[last].max_width ||
			  t->width[last] + spare - given <= t->cols[last].max_width))
		t->width[last] += spare - given;
}

void table_layout(struct table *t, int width)
{
	for (int c = 0; c < t->ncols; c++) {
		if (t->stale[c]) {
			t->content_w[c] = 0;
			for (int r = 0; r < t->nrows; r++) {
				int cw = width_str(table_get(t, r, c));
				t->content_w[c] = cw > t->content_w[c] ? cw : t->content_w[c];
			}
			t->stale[c] = 0;
		}
		int w = width_str(table_col_title(t, c)) + (c == t->sort_col ? 1 : 0);
		w = t->content_w[c] > w ? t->content_w[c] : w;
		t->width[c] = clamp(w, &t->cols[c]);
		t->cols[c].hidden = 0;
	}
	shrink(t, width);
	grow(t, width);
}

int table_view_height(const struct rect *r)
{
	return r->h > 1 ? r->h - 1 : 1;
}

/* Draws text fitted to w columns at (y, x), with every occurrence of the
 * highlighted fragments in COL_MATCH. */
static void draw_cell(const struct table *t, int y, int x, int w, const char *text,
		      enum width_align align, enum ui_color base)
{
	struct strbuf fitted = STRBUF_INIT;
	width_fit(&fitted, text, w, align);
	const char *s = strbuf_str(&fitted);
	int col = x;
	while (*s) {
		size_t hlen = 0;
		const char *hit = first_hit(t, s, &hlen);
		size_t plain = hit ? (size_t)(hit - s) : strlen(s);
		struct strbuf part = STRBUF_INIT;
		strbuf_addn(&part, s, plain);
		col += term_clip(y, col, x + w - col, strbuf_str(&part), base);
		strbuf_reset(&part);
		if (!hit) {
			strbuf_free(&part);
			break;
		}
		strbuf_addn(&part, hit, hlen);
		col += term_clip(y, col, x + w - col, strbuf_str(&part),
				 base == COL_SELECTED ? COL_SELECTED : COL_MATCH);
		strbuf_free(&part);
		s = hit + hlen;
	}
	strbuf_free(&fitted);
}

static void draw_header(const struct table *t, int y, int x, int w)
{
	term_fill(y, x, w, COL_DIM);
	for (int c = 0; c < t->ncols; c++) {
		if (t->cols[c].hidden)
			continue;
		struct strbuf title = STRBUF_INIT;
		strbuf_add(&title, table_col_title(t, c));
		if (c == t->sort_col)
			strbuf_add(&title, t->sort_desc ? "\xe2\x86\x93" : "\xe2\x86\x91"); /* ↓ ↑ */
		term_text(y, x, t->width[c], strbuf_str(&title), COL_KEY, t->cols[c].align);
		x += t->width[c] + GAP;
		strbuf_free(&title);
	}
}

void table_draw(struct table *t, const struct rect *r)
{
	int h = table_view_height(r);
	draw_header(t, r->y, r->x, r->w);
	listbox_show_selected(&t->lb, h);
	for (int i = 0; i < h && t->lb.top + i < t->nrows; i++) {
		int row = t->lb.top + i, y = r->y + 1 + i, x = r->x;
		enum ui_color base =
			row == t->lb.selected ? COL_SELECTED : (enum ui_color)t->row_color[row];
		term_fill(y, r->x, r->w, base == COL_SELECTED ? COL_SELECTED : COL_NORMAL);
		for (int c = 0; c < t->ncols; c++) {
			if (t->cols[c].hidden)
				continue;
			draw_cell(t, y, x, t->width[c], table_get(t, row, c), t->cols[c].align,
				  base);
			x += t->width[c] + GAP;
		}
	}
}

int table_action(struct table *t, enum action_id a, int height)
{
	return listbox_action(&t->lb, a, height);
}
