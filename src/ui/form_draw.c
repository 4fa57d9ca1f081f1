/* Forms: layout by display width, drawing, scrolling. */
#include <curses.h>
#include <string.h>

#include "base/width.h"
#include "ui/form.h"
#include "ui/term.h"

enum { GAP = 2, MAX_LINE_INPUT = 60 };

int form_label_width(const struct form *f, int w)
{
	int lw = 0;
	for (int i = 0; i < f->n; i++) {
		int lwi = width_str(tr(f->defs[i].label)) + 2; /* "*" and a blank */
		if (lwi > lw)
			lw = lwi;
	}
	return lw > w / 3 ? w / 3 : lw;
}

/* The input's width for a form w columns wide with labels lw wide. */
static int input_width(const struct form_item *it, int w, int lw)
{
	int iw = w - lw - GAP;
	return it->def->kind != FK_MULTILINE && iw > MAX_LINE_INPUT ? MAX_LINE_INPUT : iw;
}

/* Lays a FK_MULTI list out in rows of w columns ("[x] 名称", two blanks
 * apart) and, when draw, draws it at (y, x). Returns the rows it takes. */
static int multi_list(const struct form_item *it, int y, int x, int w, int focused, int draw)
{
	struct strbuf cell = STRBUF_INIT;
	int row = 0, cx = 0;
	for (int j = 0; it->def->choices && it->def->choices[j].value; j++) {
		strbuf_reset(&cell);
		strbuf_addf(&cell, "[%s] %s", it->picked & (1u << j) ? "x" : " ",
		            tr(it->def->choices[j].label));
		int cw = width_str(strbuf_str(&cell));
		if (cx > 0 && cx + cw > w) {
			row++;
			cx = 0;
		}
		enum ui_color col = focused && j == it->choice ? COL_SELECTED
		                    : it->picked & (1u << j)   ? COL_KEY
		                                               : COL_FIELD;
		if (draw)
			term_text(y + row, x + cx, cw > w ? w : cw, strbuf_str(&cell), col,
			          ALIGN_LEFT);
		cx += cw + 2;
	}
	strbuf_free(&cell);
	return row + 1;
}

static int item_height(const struct form_item *it, int w, int lw)
{
	if (it->def->kind == FK_MULTILINE)
		return it->def->lines > 0 ? it->def->lines : 3;
	if (it->def->kind == FK_MULTI)
		return multi_list(it, 0, 0, input_width(it, w, lw), 0, 0);
	return 1;
}

int form_layout(struct form *f, int w)
{
	int row = 0, lw = form_label_width(f, w);
	for (int i = 0; i < f->n; i++) {
		struct form_item *it = &f->items[i];
		it->row = row;
		it->height = item_height(it, w, lw);
		row += it->height + 1; /* the line below holds an error, or stays blank */
	}
	return row;
}

static void draw_choice(const struct form_item *it, int y, int x, int w, int focused)
{
	const struct form_choice *c = it->def->choices;
	static const struct form_choice yn[] = {{"t", MSG_FORM_YES}, {"f", MSG_FORM_NO}, {NULL, 0}};
	if (it->def->kind == FK_YESNO)
		c = yn;
	int cx = x;
	for (int j = 0; c && c[j].value && cx < x + w; j++) {
		const char *l = tr(c[j].label);
		int lw = width_str(l) + 2;
		enum ui_color col =
		    j == it->choice ? (focused ? COL_SELECTED : COL_KEY) : COL_FIELD;
		term_fill(y, cx, lw > x + w - cx ? x + w - cx : lw, col);
		term_clip(y, cx + 1, x + w - cx - 1, l, col);
		cx += lw + 1;
	}
}

/* Draws multi-line text wrapped at w columns over h rows, the cursor's row
 * kept in view. */
static void draw_multiline(struct form_item *it, int y, int x, int w, int h, int focused)
{
	const char *s = field_text(&it->edit);
	size_t len = strlen(s), starts[256];
	int n = 0;
	size_t off = 0;
	do {
		int used;
		size_t step = width_prefix(s + off, w - 1, &used);
		starts[n++] = off;
		if (step == 0)
			break;
		off += step;
	} while (off < len && n < 256);
	int crow = 0;
	for (int i = 0; i < n; i++)
		if (starts[i] <= it->edit.cursor)
			crow = i;
	int first = crow >= h ? crow - h + 1 : 0;
	struct strbuf line = STRBUF_INIT;
	for (int r = 0; r < h; r++) {
		term_fill(y + r, x, w, COL_FIELD);
		int i = first + r;
		if (i >= n)
			continue;
		size_t end = i + 1 < n ? starts[i + 1] : len;
		strbuf_reset(&line);
		strbuf_addn(&line, s + starts[i], end - starts[i]);
		struct strbuf clean = STRBUF_INIT;
		width_sanitize(&clean, strbuf_str(&line));
		term_clip(y + r, x, w, strbuf_str(&clean), COL_FIELD);
		strbuf_free(&clean);
	}
	strbuf_free(&line);
	if (focused) {
		move(y + crow - first,
		     x + width_strn(s + starts[crow], it->edit.cursor - starts[crow]));
		curs_set(1);
	}
}

static void draw_item(struct form *f, int i, const struct rect *r, int lw, int focused)
{
	struct form_item *it = &f->items[i];
	int y = r->y + it->row - f->top, x = r->x + lw + GAP, w = input_width(it, r->w, lw);
	if (it->row < f->top || it->row + it->height > f->top + r->h)
		return;
	struct strbuf label = STRBUF_INIT;
	strbuf_add(&label, it->def->required ? "*" : " ");
	strbuf_add(&label, tr(it->def->label));
	term_text(y, r->x, lw, strbuf_str(&label), it->error ? COL_ERROR : COL_NORMAL, ALIGN_RIGHT);
	strbuf_free(&label);
	if (it->error && it->row + it->height < f->top + r->h)
		term_text(y + it->height, x, r->w - lw - GAP, it->error, COL_ERROR, ALIGN_LEFT);
	switch (it->def->kind) {
	case FK_CHOICE:
	case FK_YESNO: draw_choice(it, y, x, w, focused); break;
	case FK_MULTILINE: draw_multiline(it, y, x, w, it->height, focused); break;
	case FK_MULTI: multi_list(it, y, x, w, focused, 1); break;
	default: field_draw(&it->edit, y, x, w, focused); break;
	}
}

void form_draw(struct form *f, const struct rect *r)
{
	int total = form_layout(f, r->w);
	int lw = form_label_width(f, r->w);
	struct rect area = *r;
	area.h = r->h - 1; /* the last line says 提交中… */
	const struct form_item *fo = &f->items[f->focus];
	if (fo->row < f->top)
		f->top = fo->row;
	if (fo->row + fo->height + 1 > f->top + area.h)
		f->top = fo->row + fo->height + 1 - area.h;
	if (f->top > 0 && total - f->top < area.h)
		f->top = total > area.h ? total - area.h : 0;
	if (f->top < 0)
		f->top = 0;
	curs_set(0);
	for (int i = 0; i < f->n; i++)
		if (i != f->focus)
			draw_item(f, i, &area, lw, 0);
	if (f->top > 0)
		term_text(area.y, r->x + r->w - 2, 2, "↑", COL_DIM, ALIGN_RIGHT);
	if (total - f->top > area.h)
		term_text(area.y + area.h - 1, r->x + r->w - 2, 2, "↓", COL_DIM, ALIGN_RIGHT);
	if (f->submitting)
		term_text(r->y + r->h - 1, r->x, r->w, tr(MSG_FORM_SUBMITTING), COL_KEY,
		          ALIGN_LEFT);
	/* the focused field last, so that the cursor stays in it */
	draw_item(f, f->focus, &area, lw, !f->submitting && !dialog_open(&f->dialog));
	dialog_draw(&f->dialog, r);
}
