/* Asking for a password on the terminal, the libpq way's last resort. */
#ifndef SMCON_PROMPT_H
#define SMCON_PROMPT_H

/* Reads a password from /dev/tty without echo. Returns a new string (free it
 * with prompt_wipe) or NULL when there is no terminal or input ended. */
char *prompt_password(const char *user);
/* Overwrites and frees a password. */
void prompt_wipe(char *pw);

#endif
