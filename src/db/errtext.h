/* What the operator reads when PostgreSQL refuses a statement: one table
 * from SQLSTATE (and, where one state covers several cases, a fragment of
 * the server's English message) to a sentence in the UI language. The
 * server's own words are English and name internals ("date/time field value
 * out of range"); they stay in db_error.detail and the log, never on the
 * screen. Messages the bureau's SQL raises itself (RAISE EXCEPTION '…' in
 * Chinese) already speak to the operator and pass through unchanged.
 * db_error_from_result() uses it, so every screen and command does. */
#ifndef SMCON_ERRTEXT_H
#define SMCON_ERRTEXT_H

#include "base/strbuf.h"

/* Whether primary was written by the bureau's SQL: text other than ASCII
 * outside the double quotes PostgreSQL puts around the values it cites. */
int db_errtext_own(const char *primary);

/* Appends the operator's message for an error: primary (and detail, when
 * it is Chinese too) unchanged when db_errtext_own(primary); else the
 * sentence for sqlstate, or for its class (the first two characters), or a
 * general one; the last two show the SQLSTATE. Any argument may be NULL. */
void db_errtext(struct strbuf *out, const char *sqlstate, const char *primary, const char *detail);

#endif
