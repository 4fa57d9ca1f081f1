/* One audit entry in full: who, when, what, then its key, the values before
 * and after and the details, a line per member of each JSON object, wrapped
 * to the width. A change of many columns or long texts runs past the screen:
 * Up/Down, PgUp/PgDn (or Space) and Home/End scroll it. Opened from the
 * audit list with Enter; Enter or Esc goes back. */
#include <stdlib.h>
#include <string.h>

#include "base/width.h"
#include "base/xalloc.h"
#include "domain/audit.h"
#include "print/wrap.h"
#include "screens/screens.h"
#include "ui/term.h"

struct line {
	char *text;
	int heading;
};

struct audit_detail {
	char *title;
	char *value[AUDIT_DETAIL_PARTS];
	struct line *lines;
	int n, width; /* the lines, wrapped for width columns */
	int top;      /* first line shown */
};

static const enum msg_id part_names[AUDIT_DETAIL_PARTS] = {MSG_SEC_COL_KEY, MSG_SEC_COL_OLD,
                                                           MSG_SEC_COL_NEW, MSG_SEC_COL_DETAIL};

static void *detail_enter(struct app *app, void *arg)
{
	const struct audit_detail_arg *a = arg;
	struct audit_detail *st = xcalloc(1, sizeof *st);
	(void)app;
	st->title = xstrdup(a->title);
	for (int i = 0; i < AUDIT_DETAIL_PARTS; i++)
		st->value[i] = xstrdup(a->value[i] ? a->value[i] : "");
	return st;
}

static void free_lines(struct audit_detail *st)
{
	for (int i = 0; i < st->n; i++)
		free(st->lines[i].text);
	free(st->lines);
	st->lines = NULL;
	st->n = 0;
}

static void detail_leave(struct app *app, void *state)
{
	struct audit_detail *st = state;
	(void)app;
	free_lines(st);
	free(st->title);
	for (int i = 0; i < AUDIT_DETAIL_PARTS; i++)
		free(st->value[i]);
	free(st);
}

/* Appends the lines of text (ending with newlines), heading or not. */
static void add_lines(struct audit_detail *st, const char *text, int heading)
{
	for (const char *p = text; *p;) {
		size_t len = strcspn(p, "\n");
		st->lines = xrealloc(st->lines, sizeof *st->lines * (size_t)(st->n + 1));
		st->lines[st->n].text = xstrndup(p, len);
		st->lines[st->n++].heading = heading;
		p += len + (p[len] == '\n');
	}
}

/* Breaks the parts into lines of w columns: a heading, then each member. */
static void build(struct audit_detail *st, int w)
{
	struct strbuf members = STRBUF_INIT, wrapped = STRBUF_INIT;
	free_lines(st);
	st->width = w;
	for (int i = 0; i < AUDIT_DETAIL_PARTS; i++) {
		if (!*st->value[i])
			continue;
		add_lines(st, tr(part_names[i]), 1);
		strbuf_reset(&members);
		audit_json_lines(st->value[i], &members);
		for (const char *p = strbuf_str(&members); *p;) {
			size_t len = strcspn(p, "\n");
			char *member = xstrndup(p, len);
			strbuf_reset(&wrapped);
			strbuf_add(&wrapped, "  ");
			wrap_text(&wrapped, member, 2, 4, w);
			add_lines(st, strbuf_str(&wrapped), 0);
			free(member);
			p += len + (p[len] == '\n');
		}
	}
	strbuf_free(&members);
	strbuf_free(&wrapped);
}

static int clamp_top(struct audit_detail *st, int h)
{
	int last = st->n > h ? st->n - h : 0;
	if (st->top > last)
		st->top = last;
	if (st->top < 0)
		st->top = 0;
	return st->top;
}

static void detail_draw(struct app *app, void *state, const struct rect *r)
{
	struct audit_detail *st = state;
	int x = r->x + 1, w = r->w - 2, h = r->h - 2;
	(void)app;
	if (st->width != w)
		build(st, w);
	clamp_top(st, h);
	char *where = trs(MSG_SEC_AUDIT_LINES, st->n ? st->top + 1 : 0,
	                  st->top + h < st->n ? st->top + h : st->n, st->n);
	int ww = width_str(where);
	term_text(r->y, x, w - ww - 1, st->title, COL_KEY, ALIGN_LEFT);
	term_text(r->y, x + w - ww, ww, where, COL_DIM, ALIGN_RIGHT);
	free(where);
	for (int i = 0; i < h && st->top + i < st->n; i++) {
		const struct line *l = &st->lines[st->top + i];
		term_text(r->y + 2 + i, x, w, l->text, l->heading ? COL_KEY : COL_NORMAL,
		          ALIGN_LEFT);
	}
}

static int detail_action(struct app *app, void *state, enum action_id a)
{
	struct audit_detail *st = state;
	struct rect r = app_content();
	int h = r.h - 2, page = h > 1 ? h - 1 : 1;
	(void)app;
	switch (a) {
	case ACT_BACK:
	case ACT_AUDIT_DETAIL: return SCR_POP;
	case ACT_UP: st->top--; break;
	case ACT_DOWN: st->top++; break;
	case ACT_PAGE_UP: st->top -= page; break;
	case ACT_PAGE_DOWN: st->top += page; break;
	case ACT_FIRST: st->top = 0; break;
	case ACT_LAST: st->top = st->n; break;
	default: return SCR_UNHANDLED;
	}
	clamp_top(st, h);
	return SCR_HANDLED;
}

static int detail_has_selection(struct app *app, void *state)
{
	(void)app;
	(void)state;
	return 1; /* the entry shown: Enter closes it */
}

static const enum action_id detail_actions[] = {ACT_DOWN,         ACT_UP,    ACT_PAGE_DOWN,
                                                ACT_PAGE_UP,      ACT_FIRST, ACT_LAST,
                                                ACT_AUDIT_DETAIL, ACT_BACK,  ACT_NONE};

const struct screen screen_audit_detail = {
    .name = "audit.detail",
    .title = MSG_SEC_AUDIT_DETAIL_TITLE,
    .actions = detail_actions,
    .enter = detail_enter,
    .leave = detail_leave,
    .draw = detail_draw,
    .action = detail_action,
    .has_selection = detail_has_selection,
};
