/* Asking for a password on the terminal, the libpq way's last resort. */
#ifndef SMCON_PROMPT_H
#define SMCON_PROMPT_H

/* Reads a password from /dev/tty without echo. Returns a new string (free it
 * with prompt_wipe) or NULL when there is no terminal or input ended. */
char *prompt_password(const char *user);
/* The same with a prompt of the caller's ("New password: "). */
char *prompt_secret(const char *ask);
/* Overwrites and frees a password. */
void prompt_wipe(char *pw);

#endif
