#include "ui/term.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

static int colored;

static const struct {
	short fg, bg;
	int attr;      /* added in colour mode */
	int mono;      /* used in monochrome mode */
} style[COL_COUNT] = {
	[COL_NORMAL] = {-1, -1, 0, A_NORMAL},
	[COL_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD},
	[COL_STATUS] = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE},
	[COL_SELECTED] = {COLOR_BLACK, COLOR_YELLOW, 0, A_REVERSE},
	[COL_DIM] = {-1, -1, A_DIM, A_DIM},
	[COL_ERROR] = {COLOR_RED, -1, A_BOLD, A_BOLD},
	[COL_OK] = {COLOR_GREEN, -1, 0, A_NORMAL},
	[COL_MATCH] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD | A_UNDERLINE},
	[COL_FIELD] = {-1, -1, A_UNDERLINE, A_UNDERLINE},
	[COL_KEY] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
};

static int want_color(const char *mode)
{
	if (mode && strcmp(mode, "never") == 0)
		return 0;
	if (mode && strcmp(mode, "always") == 0)
		return has_colors();
	const char *nc = getenv("NO_COLOR");
	if (nc && *nc)
		return 0;
	return has_colors();
}

int term_start(const char *mode)
{
	if (!initscr())
		return -1;
	raw(); /* ^C, ^S, ^Q and ^Z are keys, not signals or flow control */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	colored = want_color(mode);
	if (colored && start_color() == OK) {
		use_default_colors();
		for (int i = 1; i < COL_COUNT; i++)
			init_pair((short)i, style[i].fg, style[i].bg);
	} else {
		colored = 0;
	}
	return 0;
}

void term_stop(void)
{
	if (!isendwin())
		endwin();
}

int term_colored(void)
{
	return colored;
}

int term_attr(enum ui_color c)
{
	if (!colored)
		return style[c].mono;
	return (c == COL_NORMAL ? 0 : (int)COLOR_PAIR(c)) | style[c].attr;
}

void term_text(int y, int x, int w, const char *s, enum ui_color c, enum width_align a)
{
	struct strbuf sb = STRBUF_INIT;
	if (w <= 0)
		return;
	width_fit(&sb, s, w, a);
	attrset(term_attr(c));
	mvaddstr(y, x, strbuf_str(&sb));
	attrset(A_NORMAL);
	strbuf_free(&sb);
}

int term_clip(int y, int x, int w, const char *s, enum ui_color c)
{
	struct strbuf sb = STRBUF_INIT;
	int used;
	if (w <= 0)
		return 0;
	size_t n = width_prefix(s, w, &used);
	struct strbuf part = STRBUF_INIT;
	strbuf_addn(&part, s, n);
	width_sanitize(&sb, strbuf_str(&part));
	attrset(term_attr(c));
	mvaddstr(y, x, strbuf_str(&sb));
	attrset(A_NORMAL);
	strbuf_free(&part);
	strbuf_free(&sb);
	return used;
}

void term_fill(int y, int x, int w, enum ui_color c)
{
	term_text(y, x, w, "", c, ALIGN_LEFT);
}
