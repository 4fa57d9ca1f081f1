#include "ui/dialog.h"

#include <curses.h>
#include <stdlib.h>

#include "base/width.h"
#include "base/xalloc.h"
#include "i18n/i18n.h"
#include "ui/keylog.h"
#include "ui/term.h"

void dialog_ask(struct dialog *d, const char *question, int tag, int with_cancel)
{
	if (!d->question)
		keylog_event("dialog", "open", -1);
	free(d->question);
	d->question = xstrdup(question);
	d->tag = tag;
	d->with_cancel = with_cancel;
}

int dialog_open(const struct dialog *d)
{
	return d->question != NULL;
}

void dialog_close(struct dialog *d)
{
	if (d->question)
		keylog_event("dialog", "close", -1);
	free(d->question);
	d->question = NULL;
}

enum dialog_answer dialog_key(struct dialog *d, const struct key *k)
{
	enum dialog_answer a = DIALOG_PENDING;
	if (!d->question)
		return DIALOG_CANCEL;
	if (key_matches(k, "y Y Enter"))
		a = DIALOG_YES;
	else if (key_matches(k, "n N"))
		a = DIALOG_NO;
	else if (key_matches(k, "Esc ^C"))
		a = d->with_cancel ? DIALOG_CANCEL : DIALOG_NO;
	if (a != DIALOG_PENDING)
		dialog_close(d);
	return a;
}

void dialog_draw(const struct dialog *d, const struct rect *r)
{
	if (!d->question)
		return;
	const char *keys = tr(d->with_cancel ? MSG_DIALOG_KEYS_CANCEL : MSG_DIALOG_KEYS);
	int qw = width_str(d->question), kw = width_str(keys);
	int w = (qw > kw ? qw : kw) + 6;
	if (w > r->w - 2)
		w = r->w - 2;
	int x = r->x + (r->w - w) / 2, y = r->y + (r->h - 5) / 2;
	for (int i = 0; i < 5; i++)
		term_fill(y + i, x, w, COL_SELECTED);
	term_text(y + 1, x + 3, w - 6, d->question, COL_SELECTED, ALIGN_LEFT);
	term_text(y + 3, x + 3, w - 6, keys, COL_SELECTED, ALIGN_LEFT);
	curs_set(0);
}
