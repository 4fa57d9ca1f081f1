/* A phone number a person can be called back on: an 11-digit mainland
 * mobile number (1[3-9]…, +86 allowed), a fixed line with its area code
 * (0510-82711234, (010)12345678, an extension after a hyphen), or a
 * nationwide 400/800 number. Short numbers (1386123, 12345) are not. The
 * same rule as core.phone_callable() in SQL (migration 0192); the cases of
 * tests/data/phones.tsv hold for both. */
#ifndef SMCON_PHONE_H
#define SMCON_PHONE_H

/* 1 when s (blanks around allowed) is such a number, else 0. */
int phone_callable(const char *s);

#endif
