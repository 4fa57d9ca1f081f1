/* UTF-8 display width: every width in smcon is measured in terminal columns.
 * CJK and full-width forms take two columns, combining marks none; invalid
 * bytes and control characters are shown as U+FFFD (one column), tab and
 * line breaks as a space. Widths follow the C library's wcwidth(), which is
 * what ncursesw draws with, so call width_setup() once at start. */
#ifndef SMCON_WIDTH_H
#define SMCON_WIDTH_H
#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"

enum width_align { ALIGN_LEFT, ALIGN_RIGHT, ALIGN_CENTER };

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
/* Appends s fitted to exactly cols columns: padded with spaces, or cut with
 * WIDTH_MARKER when too wide; a character is never split. */
void width_fit(struct strbuf *out, const char *s, int cols, enum width_align align);
/* Appends n spaces. */
void width_pad(struct strbuf *out, int n);

#endif
