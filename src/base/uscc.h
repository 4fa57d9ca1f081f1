/* The Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters
 * from 0123456789ABCDEFGHJKLMNPQRTUWXY; position 17 is the GB 11714
 * organization-code check character over positions 9-16, position 18 the
 * code's check character. The same algorithm is core.uscc_problem() in
 * sql/migrations/0002_uscc.sql; the checks run in the same order, so both
 * name the same problem (tests/cmd/uscc_agree.t feeds both the same codes). */
#ifndef SMCON_USCC_H
#define SMCON_USCC_H

#include <stdint.h>

#include "base/strbuf.h"

#define USCC_LENGTH  18
#define USCC_CHARSET "0123456789ABCDEFGHJKLMNPQRTUWXY"

/* What is wrong with a code, in the order they are checked. */
enum uscc_problem {
	USCC_VALID,
	USCC_BAD_LENGTH, /* not 18 characters */
	USCC_BAD_CHAR,   /* a character outside the set (the first one) */
	USCC_ORG_CHECK,  /* position 17 is not the organization-code check character */
	USCC_CHECK,      /* position 18 is not the check character */
	USCC_BAD_TEXT,   /* not UTF-8 text (uscc_check_text(); never from SQL, which holds only text) */
};

struct uscc_result {
	enum uscc_problem problem;
	int length;     /* characters (code points) in the code */
	int position;   /* 1-based: the bad character, or 17 or 18; the bad byte for USCC_BAD_TEXT; else 0 */
	uint32_t found; /* the character (a code point) or byte at position; 0 when position is 0 */
	char expected;  /* the right check character for USCC_ORG_CHECK and USCC_CHECK, else 0 */
};

/* Appends code upper-cased (a-z only: no other letter is ever valid) with
 * full-width digits and letters (０-９, Ａ-Ｚ, ａ-ｚ, typed with a Chinese
 * input method) made ASCII and blanks removed: ASCII white space and the
 * Unicode spaces PostgreSQL's '\s' matches under C.UTF-8 (U+3000
 * ideographic space among them). A byte that is not UTF-8 becomes U+FFFD,
 * so that removing a blank never joins stray bytes into a character: the
 * result is UTF-8 and normalising it again changes nothing. Check input
 * that may not be text with uscc_check_text() first. */
void uscc_normalize(const char *code, struct strbuf *out);
/* Checks that s[0..n) is text a code can be read from: UTF-8 without NUL.
 * Returns USCC_VALID, or USCC_BAD_TEXT with r->position the 1-based offset
 * of the first bad byte and r->found its value. */
enum uscc_problem uscc_check_text(const char *s, size_t n, struct uscc_result *r);
/* Checks a code taken as given (normalise first). Fills r and returns r->problem. */
enum uscc_problem uscc_check(const char *code, struct uscc_result *r);
/* Whether the code, taken as given, is valid. */
int uscc_valid(const char *code);
/* Appends the 18-character code whose first 16 characters are first16 (from
 * the set, upper case): positions 17 and 18 computed. Returns 0, or -1 (and
 * appends nothing) when first16 is not 16 characters from the set. */
int uscc_complete(const char *first16, struct strbuf *out);
/* The machine name of a problem as core.uscc_problem() spells its first
 * word: "length", "char", "org_check", "check"; NULL for USCC_VALID. */
const char *uscc_problem_name(enum uscc_problem p);
/* Appends what is wrong (or that the code is valid) in the UI language. */
void uscc_describe(const struct uscc_result *r, struct strbuf *out);
/* Appends the character cp for a message: itself when printable, else U+XXXX. */
void uscc_show_char(uint32_t cp, struct strbuf *out);

#endif
