/* Keys: reading them from curses and naming them the way the action table
 * does ("F1", "Esc", "Enter", "^L", "q"). */
#ifndef SMCON_KEYS_H
#define SMCON_KEYS_H

#include "base/strbuf.h"

struct key {
	int code;  /* a character, or a curses KEY_* code when fn is set */
	int fn;    /* 1 for function and cursor keys */
};

/* Reads a key without waiting. Returns 1 with *k filled, or 0 when none is waiting. */
int key_read(struct key *k);
/* Whether k is one of the space-separated key names in spec. */
int key_matches(const struct key *k, const char *spec);
/* Appends spec for display: "Esc/q". */
void key_spec_display(const char *spec, struct strbuf *out);
/* Whether k is a printable character (text for an input field). */
int key_printable(const struct key *k);

#endif
