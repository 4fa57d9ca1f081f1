/* A table of text rows: columns sized by display width (CJK aware), a header,
 * the selected row, dimmed rows, and fragments highlighted wherever they
 * occur (the matched parts of a search). Rows are loaded by the caller, page
 * by page; the table never fetches anything itself. */
#ifndef SMCON_TABLE_H
#define SMCON_TABLE_H

#include "base/width.h"
#include "ui/app.h"
#include "ui/listbox.h"
#include "ui/term.h"

struct table_col {
	char *title;   /* fixed text (table_col), or NULL */
	int title_msg; /* message id resolved at each draw (table_col_msg), -1: none */
	int min_width; /* never narrower than this (columns) */
	int max_width; /* never wider (0: no limit) */
	enum width_align align;
	int flex;      /* takes a share of spare room in proportion (0: content width only) */
	int priority;  /* kept longer when room is short: higher stays (table_col_priority) */
	int hidden;    /* left out by the layout for lack of room */
};

struct table {
	int ncols;
	struct table_col *cols;
	int nrows, cap;
	char **cells;              /* nrows × ncols, owned; NULL shows as empty */
	unsigned char *row_color;  /* enum ui_color of each row */
	int *width;                /* from table_layout() */
	int *content_w;            /* widest cell of each column, kept up by table_set */
	unsigned char *stale;      /* content_w[c] may be too wide: measure again */
	struct listbox lb;
	char **highlight;          /* fragments to mark (nhighlight of them) */
	int nhighlight;
	int sort_col;              /* column shown as sorted, -1 for none */
	int sort_desc;
};

struct table *table_new(int ncols);
void table_free(struct table *t);
/* Describes column i; title is copied. */
void table_col(struct table *t, int i, const char *title, int min_width, int max_width,
	       enum width_align align, int flex);
/* Like table_col with a message id: the title follows the UI language (F2)
 * because it is looked up when the table is laid out and drawn. */
void table_col_msg(struct table *t, int i, enum msg_id title, int min_width, int max_width,
                   enum width_align align, int flex);
/* How much column i matters when the width is short (default 0): the layout
 * hides the columns of the lowest priority first, the rightmost of equals
 * first, so a narrow terminal (80 columns) keeps what a table is for (the
 * roles of an account, the content of an audit entry) and drops an id or a
 * number first. With every priority equal, columns go from the right. */
void table_col_priority(struct table *t, int i, int priority);
/* The title column i shows now. */
const char *table_col_title(const struct table *t, int i);
/* Removes every row (the columns stay). */
void table_clear(struct table *t);
/* Appends an empty row; returns its index. */
int table_add_row(struct table *t);
/* Sets a cell (copied). */
void table_set(struct table *t, int row, int col, const char *value);
const char *table_get(const struct table *t, int row, int col);
void table_row_color(struct table *t, int row, enum ui_color c);
/* Sets the fragment to highlight (copied; NULL or "" for none). */
void table_highlight(struct table *t, const char *fragment);
/* Highlights another fragment as well (copied; NULL or "" is ignored). */
void table_highlight_add(struct table *t, const char *fragment);
/* Removes row (the rows below move up; the selection stays on its row or
 * moves up if it was that row). */
void table_remove_row(struct table *t, int row);
/* Sizes the columns for a width (cheap: cell widths are cached, so a
 * layout per frame costs the columns, not the rows): content width within each column's limits;
 * spare room goes to flex columns; when there is too little, a column that
 * no row fills goes first (it would show only its title), then flex columns
 * shrink to their minimum and then columns are hidden, the lowest priority
 * first (table_col_priority), from the right among equals; the first column
 * always stays. */
void table_layout(struct table *t, int width);
/* Draws header and rows into r (call table_layout first). */
void table_draw(struct table *t, const struct rect *r);
/* Navigation (up, down, pages, first, last) in a view of height rows. */
int table_action(struct table *t, enum action_id a, int height);
/* The rows of data r shows (its height less the header). */
int table_view_height(const struct rect *r);

#endif
