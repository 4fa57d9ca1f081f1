/* The key line's choice when not every key fits: by priority, then in the
 * line's order, drawn in the line's order (ui/keyline.h). */
#include "lib/tap.h"
#include "ui/keyline.h"

#define E PRIO_ESSENTIAL
#define M PRIO_MAIN
#define m PRIO_MINOR

/* The chosen items as a string of their indices ("0134"). */
static const char *choose(const struct keyline_item *items, int n, int cols)
{
	static char out[32];
	int chosen[16], k = 0;
	keyline_choose(items, n, cols, chosen);
	for (int i = 0; i < n; i++)
		if (chosen[i])
			out[k++] = (char)('0' + i);
	out[k] = '\0';
	return out;
}

int main(void)
{
	plan(8);
	/* a screen: main, minor, minor, Esc (essential), main; then F1, F2, F10 */
	const struct keyline_item line[] = {{M, 10}, {m, 10}, {m, 10}, {E, 10},
	                                    {M, 10}, {E, 8},  {m, 8},  {m, 10}};
	is_str(choose(line, 8, 200), "01234567", "when every key fits, every key is shown");
	is_str(choose(line, 8, 66), "0123456", "short of the last key: only it goes");
	is_str(choose(line, 8, 38), "0345", "short of room: Esc, F1 and the main actions stay");
	is_str(choose(line, 8, 48), "01345", "  ... then minor keys in the line's order");
	is_str(choose(line, 8, 28), "035", "less room: the essential keys and the first main one");
	is_str(choose(line, 8, 18), "35", "  ... the essential keys before any other");
	const struct keyline_item wide[] = {{M, 30}, {m, 5}, {E, 10}};
	is_str(choose(wide, 3, 20), "2", "a minor key does not stand where a main one was dropped");
	const struct keyline_item never[] = {{PRIO_NEVER, 1}, {E, 5}};
	is_str(choose(never, 2, 80), "1", "an action never on the key line is not chosen");
	return done_testing();
}
