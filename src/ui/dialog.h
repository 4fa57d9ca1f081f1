/* A small modal question drawn over a screen, answered from the keyboard
 * only: Y (or Enter) = yes, N = no, Esc = cancel. A screen keeps one struct
 * dialog in its state, opens it with dialog_ask(), routes keys to
 * dialog_key() while dialog_open() and draws it last with dialog_draw().
 *
 *   if (dialog_open(&st->dlg)) {
 *       switch (dialog_key(&st->dlg, k)) {
 *       case DIALOG_YES: return SCR_POP;       // e.g. discard and leave
 *       case DIALOG_PENDING: return SCR_HANDLED;
 *       default: return SCR_HANDLED;           // no / cancel: stay
 *       }
 *   }
 *
 * No key reaches the screen underneath while the question is open. */
#ifndef SMCON_DIALOG_H
#define SMCON_DIALOG_H

#include "ui/app.h"
#include "ui/keys.h"

enum dialog_answer { DIALOG_PENDING, DIALOG_YES, DIALOG_NO, DIALOG_CANCEL };

struct dialog {
	char *question;  /* NULL when closed */
	int tag;         /* the caller's note of what was asked */
	int with_cancel; /* offers Esc = cancel besides yes and no */
};

/* Opens the question (copied); tag says later what it was about. With
 * with_cancel 0, Esc answers DIALOG_NO. */
void dialog_ask(struct dialog *d, const char *question, int tag, int with_cancel);
int dialog_open(const struct dialog *d);
/* Handles a key while open: returns DIALOG_PENDING for a key that is no
 * answer, else the answer (and the dialog closes). */
enum dialog_answer dialog_key(struct dialog *d, const struct key *k);
/* Closes without an answer. */
void dialog_close(struct dialog *d);
/* Draws the question as a box in the middle of r (nothing when closed). */
void dialog_draw(const struct dialog *d, const struct rect *r);

#endif
