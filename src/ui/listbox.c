#include "ui/listbox.h"

void listbox_init(struct listbox *lb, int count)
{
	lb->count = count;
	lb->selected = count > 0 ? 0 : -1;
	lb->top = 0;
}

void listbox_resize(struct listbox *lb, int count)
{
	lb->count = count;
	if (count == 0)
		lb->selected = -1;
	else if (lb->selected < 0)
		lb->selected = 0;
	else if (lb->selected >= count)
		lb->selected = count - 1;
	if (lb->top >= count)
		lb->top = count > 0 ? count - 1 : 0;
}

void listbox_show_selected(struct listbox *lb, int height)
{
	if (height < 1)
		height = 1;
	if (lb->selected < lb->top)
		lb->top = lb->selected;
	if (lb->selected >= lb->top + height)
		lb->top = lb->selected - height + 1;
	if (lb->top < 0)
		lb->top = 0;
}

int listbox_action(struct listbox *lb, enum action_id a, int height)
{
	int page = height > 1 ? height - 1 : 1;
	int s = lb->selected;
	switch (a) {
	case ACT_UP: s--; break;
	case ACT_DOWN: s++; break;
	case ACT_PAGE_UP: s -= page; break;
	case ACT_PAGE_DOWN: s += page; break;
	case ACT_FIRST: s = 0; break;
	case ACT_LAST: s = lb->count - 1; break;
	default: return 0;
	}
	if (lb->count == 0)
		return 1;
	if (s < 0)
		s = 0;
	if (s >= lb->count)
		s = lb->count - 1;
	lb->selected = s;
	listbox_show_selected(lb, height);
	return 1;
}

int listbox_offers(const struct listbox *lb, enum action_id a)
{
	switch (a) {
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
	case ACT_FIRST:
	case ACT_LAST: return lb->count > 1;
	default: return -1;
	}
}
