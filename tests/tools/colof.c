/* colof LINE TEXT: prints the display column (0-based) at which TEXT first
 * occurs in LINE, or -1. Screen tests use it to check CJK alignment. */
#include <stdio.h>
#include <string.h>

#include "base/width.h"

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: colof LINE TEXT\n");
		return 2;
	}
	width_setup();
	const char *at = strstr(argv[1], argv[2]);
	printf("%d\n", at ? width_strn(argv[1], (size_t)(at - argv[1])) : -1);
	return 0;
}
