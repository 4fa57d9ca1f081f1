#include "ui/keyline.h"

int keyline_choose(const struct keyline_item *items, int n, int cols, int *chosen)
{
	int used = 0, count = 0, dropped = 0;
	for (int i = 0; i < n; i++)
		chosen[i] = 0;
	for (int prio = PRIO_ESSENTIAL; prio <= PRIO_MINOR && !dropped; prio++)
		for (int i = 0; i < n; i++) {
			if ((int)items[i].prio != prio)
				continue;
			if (used + items[i].width > cols) {
				dropped = 1;
				continue;
			}
			used += items[i].width;
			chosen[i] = 1;
			count++;
		}
	return count;
}
