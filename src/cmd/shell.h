/* The interactive command shell (smcon --shell): readline with history in
 * $XDG_STATE_HOME/smcon/history and completion of commands and options. */
#ifndef SMCON_SHELL_H
#define SMCON_SHELL_H

#include "cmd/command.h"

/* Runs until quit/exit or end of input. Returns the last command's status. */
enum status shell_run(struct cmd_ctx *ctx);
/* The completions for the word being typed (for tests and readline):
 * calls add(arg, candidate) for each. line holds everything before the word. */
void shell_complete(const char *line, const char *word, void (*add)(void *, const char *),
		    void *arg);

#endif
