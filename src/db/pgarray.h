/* PostgreSQL array literals for passing lists as one parameter
 * ($1::text[]): a value, never SQL text. */
#ifndef SMCON_PGARRAY_H
#define SMCON_PGARRAY_H

#include "base/strbuf.h"

/* Appends one element to an array literal being built in sb (empty = none
 * yet); call pgarray_end() when done. */
void pgarray_add(struct strbuf *sb, const char *elem);
/* Closes the literal: "{...}", or "{}" when nothing was added. */
void pgarray_end(struct strbuf *sb);

#endif
