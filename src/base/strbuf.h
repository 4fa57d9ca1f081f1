/* A growable, always NUL-terminated string buffer (psql's PQExpBuffer idea). */
#ifndef SMCON_STRBUF_H
#define SMCON_STRBUF_H
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

struct strbuf {
	char *buf; /* NULL until the first append; use strbuf_str() to read */
	size_t len;
	size_t cap;
};

#define STRBUF_INIT {NULL, 0, 0}

void strbuf_init(struct strbuf *sb);
/* Releases the memory; the buffer is empty and reusable afterwards. */
void strbuf_free(struct strbuf *sb);
/* Empties the buffer, keeping its memory. */
void strbuf_reset(struct strbuf *sb);
void strbuf_add(struct strbuf *sb, const char *s);
void strbuf_addn(struct strbuf *sb, const char *s, size_t n);
void strbuf_addc(struct strbuf *sb, char c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Shortens the buffer to n bytes (n <= len). */
void strbuf_truncate(struct strbuf *sb, size_t n);
/* The contents; "" for an empty buffer. Valid until the next change. */
const char *strbuf_str(const struct strbuf *sb);
/* Replaces the contents with the next line of f, without its newline.
 * Returns 1, or 0 at the end of input when nothing was read. */
int strbuf_getline(struct strbuf *sb, FILE *f);
/* Hands the contents to the caller (free() it); the buffer is left empty. */
char *strbuf_detach(struct strbuf *sb);

#endif
