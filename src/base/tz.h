/* The time zone every time is shown in (ui.timezone, by default
 * Asia/Shanghai, where the warehouse's data lives), whatever the terminal's:
 * the clock, export file names and footers, the log, and the database
 * session's TimeZone, so that timestamps come back in it. */
#ifndef SMCON_TZ_H
#define SMCON_TZ_H

#include "base/strbuf.h"

/* Makes name (an IANA zone such as "Asia/Shanghai", or "UTC") the zone of
 * this process (TZ) and of every database connection it opens (PGTZ).
 * Returns 0, or -1 with err saying why when there is no such zone. */
int tz_setup(const char *name, struct strbuf *err);
/* Appends a timestamp as PostgreSQL prints it ("2026-12-07 03:05:56.559614+08")
 * to the second, without fraction or zone ("2026-12-07 03:05:56"); any other
 * text is appended as it is. */
void tz_format_pg(const char *value, struct strbuf *out);

#endif
