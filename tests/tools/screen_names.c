/* screen_names: the name of every screen in the registry
 * (screens/registry.c), one a line, for the checks that need each screen
 * (tests/screens.t: every screen has a key-walk recipe). */
#include <stdio.h>

#include "screens/screens.h"

int main(void)
{
	for (const struct screen *const *s = screens_all; *s; s++)
		printf("%s\n", (*s)->name);
	return 0;
}
