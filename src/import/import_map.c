#include "import/import_map.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

void strmap_init(struct strmap *m)
{
	memset(m, 0, sizeof *m);
	strbuf_init(&m->arena);
}

void strmap_free(struct strmap *m)
{
	strbuf_free(&m->arena);
	free(m->slots);
	strmap_init(m);
}

static uint64_t hash(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h ^ (h >> 29);
}

/* The slot holding key, or the empty slot where it would go. */
static size_t find(const struct strmap *m, const char *key, size_t len, uint64_t h)
{
	size_t mask = m->cap - 1, i = (size_t)h & mask;
	for (;; i = (i + 1) & mask) {
		const struct strmap_slot *sl = &m->slots[i];
		if (!sl->key)
			return i;
		if (sl->hash == (unsigned)(h >> 32) && sl->len == len &&
		    memcmp(m->arena.buf + sl->key - 1, key, len) == 0)
			return i;
	}
}

static void grow(struct strmap *m)
{
	size_t old_cap = m->cap;
	struct strmap_slot *old = m->slots;
	m->cap = old_cap ? old_cap * 2 : 64;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	for (size_t i = 0; i < old_cap; i++) {
		if (!old[i].key)
			continue;
		const char *k = m->arena.buf + old[i].key - 1;
		m->slots[find(m, k, old[i].len, hash(k, old[i].len))] = old[i];
	}
	free(old);
}

long strmap_get(const struct strmap *m, const char *key, size_t len)
{
	if (!m->cap)
		return -1;
	size_t i = find(m, key, len, hash(key, len));
	return m->slots[i].key ? m->slots[i].value : -1;
}

long strmap_put(struct strmap *m, const char *key, size_t len, long value)
{
	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	uint64_t h = hash(key, len);
	size_t i = find(m, key, len, h);
	struct strmap_slot *sl = &m->slots[i];
	if (sl->key)
		return sl->value;
	sl->key = m->arena.len + 1;
	sl->hash = (unsigned)(h >> 32);
	sl->len = (unsigned)len;
	sl->value = value;
	strbuf_addn(&m->arena, key, len);
	strbuf_addc(&m->arena, '\0');
	m->n++;
	return -1;
}

void strmap_set(struct strmap *m, const char *key, size_t len, long value)
{
	if (strmap_put(m, key, len, value) != -1)
		m->slots[find(m, key, len, hash(key, len))].value = value;
}
