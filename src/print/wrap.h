/* Text wrapped to a width in display columns, for help in a terminal. */
#ifndef SMCON_WRAP_H
#define SMCON_WRAP_H

#include "base/strbuf.h"

/* Appends s in lines of at most cols columns, each line but the first
 * starting with indent spaces (the first continues where out is, at column
 * first). A line breaks at a blank rather than inside an ASCII word, and
 * anywhere between CJK characters; a word wider than a line is cut. Every
 * line ends with a newline. */
void wrap_text(struct strbuf *out, const char *s, int first, int indent, int cols);

#endif
