/* Keys: reading them from curses and naming them the way the action table
 * does ("F1", "Esc", "Enter", "^L", "q"). */
#ifndef SMCON_KEYS_H
#define SMCON_KEYS_H

#include "base/strbuf.h"

struct key {
	int code;  /* a character, or a curses KEY_* code when fn is set */
	int fn;    /* 1 for function and cursor keys */
};

/* The keys of one spec ("Esc q"), parsed (key_set_parse). */
#define KEY_SET_MAX 4
struct key_set {
	int n;
	struct key key[KEY_SET_MAX];
};

/* Reads a key without waiting. Returns 1 with *k filled, or 0 when none is waiting. */
int key_read(struct key *k);
/* Parses spec, space-separated key names ("F1", "F12", "Esc", "^L", "q";
 * NULL or "" is no key), into set. Returns 0, or -1 when a name is no key
 * or there are more than KEY_SET_MAX: then set holds the keys that parsed
 * and, when err is given, it says which name (the first) was wrong. */
int key_set_parse(const char *spec, struct key_set *set, struct strbuf *err);
/* Whether k is in set. */
int key_set_has(const struct key_set *set, const struct key *k);
/* Whether k is one of the key names in spec (parsed on each call: for a
 * spec written in the code; an action's keys are in ui/keymap.h). A name
 * that is no key is logged. */
int key_matches(const struct key *k, const char *spec);
/* Appends spec for display: "Esc/q". */
void key_spec_display(const char *spec, struct strbuf *out);
/* Appends the keys of spec for display as key_spec_display does, leaving out
 * those for which skip (when not NULL) answers 1. Returns how many it
 * appended. */
int key_spec_show(const char *spec, int (*skip)(const struct key *k), struct strbuf *out);
/* Appends k's name as a key spec would write it ("F5", "Esc", "^L", "q"). */
void key_spec_name(const struct key *k, struct strbuf *out);
/* Whether k is a printable character (text for an input field). */
int key_printable(const struct key *k);

#endif
