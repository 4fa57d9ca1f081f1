/* A one-line text input: UTF-8 aware editing (the cursor never lands inside
 * a character), horizontal scrolling by display width, optional masking. */
#ifndef SMCON_FIELD_H
#define SMCON_FIELD_H

#include <stddef.h>

#include "base/strbuf.h"
#include "ui/keys.h"

struct field {
	struct strbuf text;
	size_t cursor;    /* byte offset into text */
	int masked;       /* show '*' for each character (passwords) */
	size_t max_bytes; /* 0 = no limit */
	int scroll;       /* first column shown */
};

void field_init(struct field *f, int masked, size_t max_bytes);
/* Frees the text; a masked field's memory is wiped first. */
void field_free(struct field *f);
void field_set(struct field *f, const char *s);
/* Empties the field (wiping a masked one). */
void field_clear(struct field *f);
const char *field_text(const struct field *f);
/* Edits with k. Returns 1 when the key was an editing key, else 0. */
int field_key(struct field *f, const struct key *k);
/* Whether a text field takes k (as text or to edit): field_key's answer in
 * the middle of a text. */
int field_takes(const struct key *k);
/* Draws into w columns at (y, x); when focused, places the cursor there. */
void field_draw(struct field *f, int y, int x, int w, int focused);

#endif
