/* The one module that owns the terminal: start/stop, colours with a
 * monochrome fallback, and drawing text fitted to display columns. */
#ifndef SMCON_TERM_H
#define SMCON_TERM_H

#include "base/width.h"

enum ui_color {
	COL_NORMAL,
	COL_TITLE,    /* the title bar */
	COL_STATUS,   /* the status bar */
	COL_SELECTED, /* the selected row */
	COL_DIM,      /* secondary text, closed records */
	COL_ERROR,    /* error messages */
	COL_OK,       /* good news */
	COL_MATCH,    /* the matched part of a search hit */
	COL_FIELD,    /* an input field */
	COL_KEY,      /* key names on the key line */
	COL_COUNT
};

/* Starts curses. mode is "auto" (colour when the terminal has it and NO_COLOR
 * is unset), "always" or "never". Returns 0 or -1 (no usable terminal). */
int term_start(const char *mode);
void term_stop(void);
int term_colored(void);
int term_attr(enum ui_color c);
/* Draws s at (y, x) fitted to exactly w columns. */
void term_text(int y, int x, int w, const char *s, enum ui_color c, enum width_align a);
/* Draws s at (y, x), cut at w columns, without padding. Returns the columns drawn. */
int term_clip(int y, int x, int w, const char *s, enum ui_color c);
/* Fills w columns at (y, x) with blanks in colour c. */
void term_fill(int y, int x, int w, enum ui_color c);

#endif
