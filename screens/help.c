/* F1 help: the keys that work on the screen it was opened from, for this
 * operator, now: generated from the action table and filtered as the key
 * line is (app_offered: roles, preconditions, the screen's offers hook;
 * app_keys_shown: a text field in focus takes q, /, Left ...). Each action's
 * help text wraps under it instead of being cut. */
#include <stdlib.h>
#include <string.h>

#include "base/width.h"
#include "base/xalloc.h"
#include "print/wrap.h"
#include "screens/screens.h"
#include "ui/listbox.h"
#include "ui/term.h"

#define HELP_MAX 64
#define HELP_KEY_COLS   16
#define HELP_LABEL_COLS 16

struct help_entry {
	enum action_id id; /* ACT_NONE: a section heading */
	enum msg_id heading;
	char *keys; /* as shown, e.g. "Esc/q" */
};

struct help {
	const struct screen *about;
	struct help_entry entries[HELP_MAX];
	int n;
	/* the entries laid out for the width last drawn: one line each, plus a
	 * line for each wrapped part of a help text */
	struct strbuf lines; /* the help texts, wrapped, '\n' between lines */
	int *line_entry;     /* per line: its entry */
	int *line_offset;    /* per line: where its text starts in lines */
	int nlines, width;
	struct listbox lb;
};

static const enum action_id globals[] = {ACT_HELP, ACT_LANGUAGE, ACT_REDRAW, ACT_QUIT, ACT_NONE};

static int listed(const enum action_id *list, enum action_id a)
{
	for (; list && *list != ACT_NONE; list++)
		if (*list == a)
			return 1;
	return 0;
}

static void add_section(struct app *app, struct help *st, enum msg_id heading,
                        const enum action_id *list, const enum action_id *skip)
{
	st->entries[st->n].id = ACT_NONE;
	st->entries[st->n++].heading = heading;
	for (; list && *list != ACT_NONE && st->n < HELP_MAX; list++) {
		if (listed(skip, *list) || !app_offered(app, *list))
			continue;
		struct strbuf keys = STRBUF_INIT;
		if (app_keys_shown(app, *list, &keys) == 0) {
			strbuf_free(&keys);
			continue;
		}
		st->entries[st->n].id = *list;
		st->entries[st->n++].keys = strbuf_detach(&keys);
	}
}

/* Lays the entries out for text width w (the help texts' column). */
static void layout(struct help *st, int w)
{
	if (w == st->width)
		return;
	st->width = w;
	strbuf_reset(&st->lines);
	free(st->line_entry);
	free(st->line_offset);
	st->line_entry = NULL;
	st->line_offset = NULL;
	int cap = 0;
	st->nlines = 0;
	for (int e = 0; e < st->n; e++) {
		size_t start = st->lines.len;
		if (st->entries[e].id == ACT_NONE)
			strbuf_add(&st->lines, "\n");
		else
			wrap_text(&st->lines, tr(action_get(st->entries[e].id)->help), 0, 0,
			          w > 8 ? w : 8);
		for (size_t i = start; i < st->lines.len; i++) {
			if (i != start && st->lines.buf[i - 1] != '\n')
				continue;
			if (st->nlines == cap) {
				cap = cap ? cap * 2 : 64;
				st->line_entry =
				    xrealloc(st->line_entry, cap * sizeof *st->line_entry);
				st->line_offset =
				    xrealloc(st->line_offset, cap * sizeof *st->line_offset);
			}
			st->line_entry[st->nlines] = e;
			st->line_offset[st->nlines++] = (int)i;
		}
	}
	/* wrap_text ends each line with '\n': one C string a line */
	for (size_t i = 0; i < st->lines.len; i++)
		if (st->lines.buf[i] == '\n')
			st->lines.buf[i] = '\0';
	int keep = st->lb.selected;
	listbox_resize(&st->lb, st->nlines);
	if (keep >= st->nlines)
		st->lb.selected = st->nlines - 1;
}

static void *help_enter(struct app *app, void *arg)
{
	struct help *st = xcalloc(1, sizeof *st);
	strbuf_init(&st->lines);
	st->about = arg;
	add_section(app, st, MSG_HELP_THIS_SCREEN, st->about->actions, globals);
	add_section(app, st, MSG_HELP_EVERYWHERE, globals, NULL);
	st->width = -1;
	listbox_init(&st->lb, 0);
	return st;
}

static void help_leave(struct app *app, void *state)
{
	struct help *st = state;
	(void)app;
	for (int e = 0; e < st->n; e++)
		free(st->entries[e].keys);
	strbuf_free(&st->lines);
	free(st->line_entry);
	free(st->line_offset);
	free(st);
}

static void help_draw(struct app *app, void *state, const struct rect *r)
{
	struct help *st = state;
	struct strbuf sb = STRBUF_INIT;
	int x = r->x + 2, w = r->w - 4;
	int tx = 2 + HELP_KEY_COLS + 1 + HELP_LABEL_COLS + 1;
	(void)app;
	layout(st, w - tx);
	trf(&sb, MSG_HELP_HEADING, tr(st->about->title));
	term_text(r->y, x, w, strbuf_str(&sb), COL_KEY, ALIGN_LEFT);
	strbuf_free(&sb);
	int h = r->h - 2;
	listbox_show_selected(&st->lb, h);
	for (int i = 0; i < h && st->lb.top + i < st->lb.count; i++) {
		int line = st->lb.top + i, y = r->y + 2 + i;
		const struct help_entry *e = &st->entries[st->line_entry[line]];
		if (e->id == ACT_NONE) {
			term_text(y, x, w, tr(e->heading), COL_DIM, ALIGN_LEFT);
			continue;
		}
		int first = line == 0 || st->line_entry[line - 1] != st->line_entry[line];
		enum ui_color c = line == st->lb.selected ? COL_SELECTED : COL_NORMAL;
		term_fill(y, x, w, c);
		if (first) {
			term_text(y, x + 2, HELP_KEY_COLS, e->keys, c == COL_SELECTED ? c : COL_KEY,
			          ALIGN_LEFT);
			term_text(y, x + 3 + HELP_KEY_COLS, HELP_LABEL_COLS,
			          tr(action_get(e->id)->label), c, ALIGN_LEFT);
		}
		term_text(y, x + tx, w - tx, st->lines.buf + st->line_offset[line], c, ALIGN_LEFT);
	}
}

static int help_action(struct app *app, void *state, enum action_id a)
{
	struct help *st = state;
	struct rect r = app_content();
	(void)app;
	if (listbox_action(&st->lb, a, r.h - 2))
		return SCR_HANDLED;
	return a == ACT_BACK ? SCR_POP : SCR_UNHANDLED;
}

static const enum action_id help_actions[] = {ACT_BACK,      ACT_UP,    ACT_DOWN, ACT_PAGE_UP,
					      ACT_PAGE_DOWN, ACT_FIRST, ACT_LAST, ACT_NONE};

const struct screen screen_help = {
	.name = "help",
	.title = MSG_HELP_TITLE,
	.actions = help_actions,
	.enter = help_enter,
	.leave = help_leave,
	.draw = help_draw,
	.action = help_action,
};
