/* One article of a law, to read: the law's title, where the article stands
 * (chapter, section, its number of the law's articles), the text wrapped to
 * the screen's width in display columns and scrolled when it is longer;
 * p/n (or Left/Right) read the previous or next article of the same law.
 * Opened from the policy search and from every screen that cites an
 * article (the 12315 item's clock, an inspection task's legal basis) with
 * screen_policy_article(). The article is read without blocking. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "domain/policy.h"
#include "print/wrap.h"
#include "screens/screens.h"
#include "ui/fetch.h"
#include "ui/term.h"

/* Columns of policy_article_send. */
enum {
	A_SHORT,
	A_TITLE,
	A_KIND,
	A_ISSUER,
	A_VERSION,
	A_CHAPTER,
	A_SECTION,
	A_NO,
	A_LABEL,
	A_BODY,
	A_COUNT
};

#define HEAD_LINES 3 /* title, where it stands, a blank line */

struct article_arg {
	const char *law, *article;
};

struct article_view {
	char *law, *article; /* what to read next (as written by whoever asked) */
	PGresult *res;       /* the article shown, NULL until read */
	struct fetch read;   /* its reading; read.error: why it failed */
	int target;          /* the number of the neighbour asked for (0: none) */
	int top;             /* first line of the text shown */
	int page;            /* lines of text the last frame had room for */
};

static void *article_enter(struct app *app, void *arg)
{
	const struct article_arg *a = arg;
	struct article_view *st = xcalloc(1, sizeof *st);
	st->law = xstrdup(a->law);
	st->article = xstrdup(a->article);
	fetch_init(&st->read, st);
	fetch_want(&st->read, app);
	return st;
}

static void article_leave(struct app *app, void *state)
{
	struct article_view *st = state;
	fetch_free(&st->read, app);
	if (st->res)
		PQclear(st->res);
	free(st->law);
	free(st->article);
	free(st);
}

void screen_policy_article(struct app *app, const char *law, const char *article)
{
	struct article_arg a = {law, article};
	app_push(app, &screen_policy_article_view, &a);
}

static enum status send(struct app *app, void *ctx, struct db_error *err)
{
	struct article_view *st = ctx;
	return policy_article_send(&app->db, st->law, st->article, err);
}

static int article_tick(struct app *app, void *state)
{
	struct article_view *st = state;
	PGresult *res;
	if (!fetch_tick(&st->read, app, send, st, &res))
		return 0;
	if (res && PQntuples(res) == 1) {
		if (st->res)
			PQclear(st->res);
		st->res = res;
		st->top = 0;
		st->target = 0;
	} else if (res) {
		PQclear(res);
	}
	return SCR_HANDLED;
}

/* ---- drawing ----------------------------------------------------------- */

static const char *value(const struct article_view *st, int col)
{
	return PQgetvalue(st->res, 0, col);
}

/* The article's text wrapped to cols: its label before the first
 * paragraph, each paragraph (a line of the body) on lines of its own. */
static void wrap_body(const struct article_view *st, int cols, struct strbuf *out)
{
	struct strbuf text = STRBUF_INIT, para = STRBUF_INIT;
	strbuf_addf(&text, "%s %s", value(st, A_LABEL), value(st, A_BODY));
	for (const char *p = strbuf_str(&text); *p;) {
		size_t n = strcspn(p, "\n");
		struct strbuf raw = STRBUF_INIT;
		strbuf_addn(&raw, p, n);
		strbuf_reset(&para);
		width_sanitize(&para, strbuf_str(&raw)); /* imported text: no controls */
		wrap_text(out, strbuf_str(&para), 0, 0, cols);
		strbuf_free(&raw);
		p += n + (p[n] == '\n');
	}
	strbuf_free(&text);
	strbuf_free(&para);
}

/* The second line: chapter and section, the article's place, the source. */
static void where_line(const struct article_view *st, struct strbuf *out)
{
	const char *chapter = value(st, A_CHAPTER), *section = value(st, A_SECTION);
	if (*chapter)
		strbuf_addf(out, "%s%s%s  ", chapter, *section ? " " : "", section);
	trf(out, MSG_POLICY_POSITION, value(st, A_NO), value(st, A_COUNT));
	char *src =
	    trs(MSG_POL_CITE_SOURCE, value(st, A_KIND), value(st, A_ISSUER), value(st, A_VERSION));
	strbuf_addf(out, "  %s", src);
	free(src);
}

/* Draws the lines of text from line top on, at most h of them. */
static void draw_lines(const char *text, int top, const struct rect *r, int h)
{
	int line = 0;
	for (const char *p = text; *p && line < top + h; line++) {
		size_t n = strcspn(p, "\n");
		if (line >= top && line < top + h) {
			char *one = xmalloc(n + 1);
			memcpy(one, p, n);
			one[n] = '\0';
			term_text(r->y + line - top, r->x, r->w, one, COL_NORMAL, ALIGN_LEFT);
			free(one);
		}
		p += n + (p[n] == '\n');
	}
}

static void article_draw(struct app *app, void *state, const struct rect *r)
{
	struct article_view *st = state;
	struct strbuf sb = STRBUF_INIT;
	(void)app;
	const struct strbuf *error = &st->read.error;
	if (!st->res) {
		int err = error->len > 0;
		term_text(r->y, r->x, r->w, err ? strbuf_str(error) : tr(MSG_POLICY_LOADING),
		          err ? COL_ERROR : COL_DIM, ALIGN_LEFT);
		return;
	}
	strbuf_addf(&sb, "%s  %s", value(st, A_TITLE), value(st, A_LABEL));
	term_text(r->y, r->x, r->w, strbuf_str(&sb), COL_KEY, ALIGN_LEFT);
	strbuf_reset(&sb);
	if (error->len) /* a neighbour that could not be read */
		strbuf_add(&sb, strbuf_str(error));
	else
		where_line(st, &sb);
	term_text(r->y + 1, r->x, r->w, strbuf_str(&sb), error->len ? COL_ERROR : COL_DIM,
	          ALIGN_LEFT);
	strbuf_reset(&sb);
	wrap_body(st, r->w, &sb);
	struct rect text = {r->y + HEAD_LINES, r->x, r->h - HEAD_LINES, r->w};
	st->page = text.h > 1 ? text.h - 1 : 1; /* the last line says what follows */
	int lines = 0;                          /* wrap_text ends every line with a line feed */
	for (const char *p = strbuf_str(&sb); (p = strchr(p, '\n')); p++)
		lines++;
	if (st->top > lines - st->page)
		st->top = lines > st->page ? lines - st->page : 0;
	draw_lines(strbuf_str(&sb), st->top, &text, st->page);
	if (lines > st->top + st->page) {
		char *more = trs(MSG_POLICY_MORE_BELOW, lines - st->top - st->page);
		term_text(text.y + st->page, text.x, text.w, more, COL_DIM, ALIGN_LEFT);
		free(more);
	}
	strbuf_free(&sb);
}

/* ---- keys -------------------------------------------------------------- */

/* p/n: the article step away in the same law, unless there is none; from
 * the one still being read when keys come faster than the articles. */
static void neighbour(struct app *app, struct article_view *st, int step)
{
	if (!st->res)
		return;
	int busy = st->read.want || st->read.sent;
	int from = busy && st->target ? st->target : atoi(value(st, A_NO));
	int no = from + step, count = atoi(value(st, A_COUNT));
	if (no < 1 || no > count) {
		app_message(app, MSGK_INFO, tr(step < 0 ? MSG_POLICY_FIRST : MSG_POLICY_LAST));
		return;
	}
	char buf[16];
	snprintf(buf, sizeof buf, "%d", no);
	free(st->law);
	free(st->article);
	st->law = xstrdup(value(st, A_SHORT)); /* the law found, not the words that found it */
	st->article = xstrdup(buf);
	st->target = no;
	fetch_want(&st->read, app); /* the article asked for before is not wanted any more */
}

static int article_action(struct app *app, void *state, enum action_id a)
{
	struct article_view *st = state;
	switch (a) {
	case ACT_BACK: return SCR_POP;
	case ACT_POLICY_PREV: neighbour(app, st, -1); return SCR_HANDLED;
	case ACT_POLICY_NEXT: neighbour(app, st, 1); return SCR_HANDLED;
	case ACT_UP: st->top -= st->top > 0; return SCR_HANDLED;
	case ACT_DOWN: st->top++; return SCR_HANDLED; /* draw keeps it in the text */
	case ACT_PAGE_UP: st->top = st->top > st->page ? st->top - st->page : 0; return SCR_HANDLED;
	case ACT_PAGE_DOWN: st->top += st->page; return SCR_HANDLED;
	case ACT_FIRST: st->top = 0; return SCR_HANDLED;
	case ACT_LAST: st->top = 1 << 20; return SCR_HANDLED;
	default: return SCR_UNHANDLED;
	}
}

static const enum action_id article_actions[] = {
    ACT_POLICY_PREV, ACT_POLICY_NEXT, ACT_BACK,  ACT_UP,   ACT_DOWN,
    ACT_PAGE_UP,     ACT_PAGE_DOWN,   ACT_FIRST, ACT_LAST, ACT_NONE};

const struct screen screen_policy_article_view = {
    .name = "policy.article",
    .title = MSG_POLICY_ARTICLE_TITLE,
    .actions = article_actions,
    .enter = article_enter,
    .leave = article_leave,
    .draw = article_draw,
    .action = article_action,
    .tick = article_tick,
};
