/* Copying text to the terminal's clipboard with the OSC 52 escape
 * sequence, which xterm, tmux (set-clipboard on), iTerm2, kitty and most
 * terminal emulators honour, also across SSH. */
#ifndef SMCON_CLIPBOARD_H
#define SMCON_CLIPBOARD_H

#include "base/strbuf.h"

/* Appends the OSC 52 sequence that puts text on the clipboard. */
void clipboard_osc52(const char *text, struct strbuf *out);
/* Sends that sequence to the terminal (call while curses runs). Returns 0,
 * or the errno value of the failed write. */
int clipboard_copy(const char *text);

#endif
