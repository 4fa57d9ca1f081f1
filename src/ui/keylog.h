/* SMCON_KEY_LOG=FILE: what each key did, for the test that presses every key
 * the help page lists (tests/screen/keywalk.t). One line an event, appended
 * and flushed at once:
 *   open SCREEN DEPTH        a screen was opened (DEPTH counts it)
 *   close SCREEN DEPTH       a screen was closed
 *   dialog open|close        a question (ui/dialog) was asked or answered
 *   key SCREEN KEY ACTION OUTCOME
 * KEY as the action table names it (keys.h key_spec_name), ACTION the action's
 * name or "-", OUTCOME one of: own (the screen's key handler took it),
 * unbound (no action of the screen has the key), refused (role or
 * precondition), global (F1, F2, F10, ^L), handled, unhandled (the screen's
 * action handler did nothing with it), pop, quit.
 * Nothing is written, and nothing costs more than a test of a pointer, when
 * the variable is unset. */
#ifndef SMCON_KEYLOG_H
#define SMCON_KEYLOG_H

#include "ui/keys.h"

/* Opens the file named by SMCON_KEY_LOG (once; unset: does nothing). */
void keylog_open(void);
void keylog_close(void);
/* One line of words separated by spaces. */
void keylog_event(const char *what, const char *name, int depth);
void keylog_key(const char *screen, const struct key *k, const char *action, const char *outcome);

#endif
