/* The key line at the bottom of the frame: which keys it shows when not all
 * of them fit, chosen by the action's priority (struct action's prio). */
#ifndef SMCON_KEYLINE_H
#define SMCON_KEYLINE_H

#include "domain/action.h"

/* One key the line could show: its action's priority and the columns it
 * takes with the gap after it. */
struct keyline_item {
	enum keyline_prio prio;
	int width;
};

/* Chooses the items (n, in the order the line shows them) that fit in cols
 * columns: by priority, then in that order; once an item does not fit, no
 * item of a lower priority is taken, so a minor key never stands where a
 * main one was dropped; PRIO_NEVER items never. Sets chosen[i] to 1 or 0.
 * Returns how many are chosen. */
int keyline_choose(const struct keyline_item *items, int n, int cols, int *chosen);

#endif
