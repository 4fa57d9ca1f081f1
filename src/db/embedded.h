/* Files compiled into the binary (see mk/embed.sh). */
#ifndef SMCON_EMBEDDED_H
#define SMCON_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
	const char *name;          /* base name, e.g. "0001_foundation.sql" */
	const unsigned char *data; /* NUL-terminated */
	size_t size;               /* without the NUL */
	const char *sha256;        /* hex digest of the contents */
};

/* The files of sql/migrations in name order; the list ends with a NULL name. */
extern const struct embedded_file embedded_migrations[];
extern const int embedded_migrations_count;

#endif
