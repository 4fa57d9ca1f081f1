/* Allocation that never returns NULL: out of memory aborts with a message. */
#ifndef SMCON_XALLOC_H
#define SMCON_XALLOC_H
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Frees *p and sets it to NULL. */
void xfree_ptr(char **p);

#endif
