/* A hash map from strings to numbers for the importer: code names to codes,
 * and the natural keys seen so far in a file (a million of them). Keys are
 * copied into one arena, so the map costs two allocations, not one a key. */
#ifndef SMCON_IMPORT_MAP_H
#define SMCON_IMPORT_MAP_H

#include <stddef.h>

#include "base/strbuf.h"

struct strmap_slot {
	size_t key;    /* 1 + the key's offset in the arena, 0 = empty */
	unsigned hash; /* part of the key's hash, to skip most comparisons */
	unsigned len;
	long value;
};

struct strmap {
	struct strbuf arena; /* the keys, each NUL-terminated */
	struct strmap_slot *slots;
	size_t cap, n;
};

void strmap_init(struct strmap *m);
void strmap_free(struct strmap *m);
/* The value of key[0..len), or -1 when it is not there. */
long strmap_get(const struct strmap *m, const char *key, size_t len);
/* Adds key → value unless the key is there. Returns -1 when added, else the
 * value it already has (which is kept). */
long strmap_put(struct strmap *m, const char *key, size_t len, long value);
/* Replaces the value of a key that is there (adds it otherwise). */
void strmap_set(struct strmap *m, const char *key, size_t len, long value);

#endif
