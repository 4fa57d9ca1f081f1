/* Commands of the import part (filled in by its issue). */
#include "cmd/command.h"

const struct command import_commands[] = {
	{NULL, NULL, ACT_NONE, NULL, NULL, 0, 0, 0, NULL},
};
