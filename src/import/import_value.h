/* Checking one cell of an import file against its field, and turning it
 * into the value the staging table gets: trimmed text, an upper-case USCC,
 * an ISO date, a plain decimal, true/false, a code for a code's name. The
 * database checks every value again; this is where the operator learns, by
 * line and column, what is wrong with a file. */
#ifndef SMCON_IMPORT_VALUE_H
#define SMCON_IMPORT_VALUE_H

#include <stddef.h>

#include "base/strbuf.h"
#include "import/import_field.h"

enum import_verdict {
	IV_OK,    /* out holds the value */
	IV_EMPTY, /* blank: stage NULL */
	IV_BAD,   /* why says what is wrong; a personal value is never repeated
	           * in it (masked, or left out) */
};

/* Checks s[0..len) for field f; appends the value to out, or the reason to
 * why: out gains nothing unless the verdict is IV_OK. */
enum import_verdict import_value(const struct import_field *f, const char *s, size_t len, struct strbuf *out,
				 struct strbuf *why);
/* Parses a date as files write it (2016-03-18, 2016/3/18, 2016.03.18,
 * 20160318, 2016年3月18日, optionally followed by a time of day). Returns 0
 * and sets *y, *m, *d, or -1 when it is not a date of the calendar. */
int import_parse_date(const char *s, size_t len, int *y, int *m, int *d);
/* Appends a personal value of the given kind masked as core.mask_*() does. */
void import_mask(const char *kind, const char *s, size_t len, struct strbuf *out);
/* Appends s[0..len) with every value that is personal data by its shape
 * masked as import_mask() does, wherever it stands: a resident ID number (18
 * characters or 15 digits, not inside a longer run of letters and digits,
 * with a plausible date of birth; not a valid USCC) as "id_no", a mainland
 * mobile number (11 digits 1[3-9]…, not inside a longer run of digits; after
 * 86 or +86, or written 3-4-4 with blanks or hyphens) as "phone". Everything
 * else is copied byte for byte. */
void import_mask_text(const char *s, size_t len, struct strbuf *out);

#endif
