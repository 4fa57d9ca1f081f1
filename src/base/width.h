/* UTF-8 display width: every width in smcon is measured in terminal columns.
 * CJK and full-width forms take two columns, combining marks none; invalid
 * bytes, control characters and the invisible format characters (see
 * width_invisible()) are shown as U+FFFD (one column), tab and line breaks
 * as a space. Widths follow the C library's wcwidth(), which is
 * what ncursesw draws with, so call width_setup() once at start. */
#ifndef SMCON_WIDTH_H
#define SMCON_WIDTH_H
#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"

/* ALIGN_MIDCUT: left-aligned, and text too wide loses its middle rather than
 * its end (中国石化销售股份…无锡惠山加油站), for names whose ends tell them apart. */
enum width_align { ALIGN_LEFT, ALIGN_RIGHT, ALIGN_CENTER, ALIGN_MIDCUT };

#define WIDTH_MARKER "\xe2\x80\xa6" /* … marks truncated text */

/* Makes LC_CTYPE a UTF-8 locale (the user's if it is one, else C.UTF-8).
 * Returns 0, or -1 when no UTF-8 locale is available. */
int width_setup(void);

/* Decodes one character at s (n bytes available, n >= 1). Returns the bytes
 * used (always >= 1); a malformed sequence yields U+FFFD and 1 byte. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Appends cp as UTF-8. */
void utf8_encode(struct strbuf *out, uint32_t cp);
/* Number of characters (code points) in s; malformed bytes count one each. */
size_t utf8_length(const char *s);

/* Whether cp is an invisible format character that reorders or hides text:
 * a zero-width character or mark (U+200B-U+200F, U+2060-U+2064), a
 * bidirectional embedding, override or isolate (U+202A-U+202E,
 * U+2066-U+2069) or the byte-order mark U+FEFF. smcon shows them as U+FFFD. */
int width_invisible(uint32_t cp);
/* Columns cp takes when shown by smcon (0, 1 or 2). */
int width_cp(uint32_t cp);
/* Columns s takes. */
int width_str(const char *s);
int width_strn(const char *s, size_t n);
/* Length in bytes of the longest prefix of s that fits in cols columns,
 * zero-width marks after the last character included; *used gets its width. */
size_t width_prefix(const char *s, int cols, int *used);
/* Appends s with invalid bytes and controls replaced as described above. */
void width_sanitize(struct strbuf *out, const char *s);
/* The same for multi-line text (an export file, a CSV cell): line feeds and
 * tabs are kept, a carriage return becomes a line feed (CR LF one). */
void width_sanitize_text(struct strbuf *out, const char *s);
/* Appends s fitted to exactly cols columns: padded with spaces, or cut with
 * WIDTH_MARKER when too wide (at the end; ALIGN_MIDCUT: in the middle); a
 * character is never split. */
void width_fit(struct strbuf *out, const char *s, int cols, enum width_align align);
/* Appends n spaces. */
void width_pad(struct strbuf *out, int n);

#endif
