/* Commands of the security part (filled in by its issue). */
#include "cmd/command.h"

const struct command security_commands[] = {
	{NULL, NULL, ACT_NONE, NULL, NULL, 0, 0, 0, NULL},
};
