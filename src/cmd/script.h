/* Scripts: one command a line, '#' starts a comment, stop at the first
 * failure unless keep_going. */
#ifndef SMCON_SCRIPT_H
#define SMCON_SCRIPT_H

#include "cmd/command.h"

/* Runs the script in path ("-" = standard input). Returns ST_OK or the
 * status of the first command that failed. */
enum status script_run(struct cmd_ctx *ctx, const char *path, int keep_going);

#endif
