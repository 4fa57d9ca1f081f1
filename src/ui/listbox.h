/* The selection and scroll position of a vertical list; the caller draws rows. */
#ifndef SMCON_LISTBOX_H
#define SMCON_LISTBOX_H

#include "domain/action.h"

struct listbox {
	int count;    /* number of rows */
	int selected; /* -1 when empty */
	int top;      /* first row shown */
};

void listbox_init(struct listbox *lb, int count);
/* Changes the row count, keeping the selection in range. */
void listbox_resize(struct listbox *lb, int count);
/* Moves for a navigation action (up, down, page, first, last) in a view of
 * height rows. Returns 1 when a was a navigation action. */
int listbox_action(struct listbox *lb, enum action_id a, int height);
/* Whether navigation action a can move in the list: 1 when it can (two
 * rows or more), 0 when not, -1 when a is no navigation action. For a
 * screen's offers hook: F1 and the key line list only what can work. */
int listbox_offers(const struct listbox *lb, enum action_id a);
/* Scrolls so the selection is visible in height rows. */
void listbox_show_selected(struct listbox *lb, int height);

#endif
