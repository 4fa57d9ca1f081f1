/* The file an import reads: opened, mapped into memory and made UTF-8.
 * Valid UTF-8 is used as it is; otherwise the text must be GB18030 (what
 * Excel and the older registration systems export in China), which is
 * converted; a file in neither is refused, naming where it goes wrong. */
#ifndef SMCON_IMPORT_FILE_H
#define SMCON_IMPORT_FILE_H

#include <stddef.h>

#include "base/status.h"
#include "base/strbuf.h"

struct import_text {
	const char *data; /* UTF-8 text (a BOM, if any, is left for the CSV parser) */
	size_t len;
	int gb18030;      /* the file was GB18030 and has been converted */
	void *map;        /* (internal) the mapped file */
	size_t map_len;
	struct strbuf converted;
};

/* Opens path and makes its text UTF-8. Returns ST_OK; ST_NOTFOUND when it
 * cannot be read, ST_USAGE when it is neither UTF-8 nor GB18030; msg says
 * why (the line and byte of the first bad character). */
enum status import_text_open(struct import_text *t, const char *path, struct strbuf *msg);
/* Releases the text. */
void import_text_close(struct import_text *t);

/* Offset of the first byte of s that is not part of valid UTF-8 (a NUL byte
 * counts as bad: no text column holds it), or len when every byte is. */
size_t utf8_scan(const char *s, size_t len);
/* Appends s converted from GB18030 to UTF-8. Returns len when all of it
 * converts, else the offset of the first bad byte (out then holds the part
 * before it). */
size_t gb18030_to_utf8(const char *s, size_t len, struct strbuf *out);
/* The 1-based line that byte offset off of s is on. */
long text_line_at(const char *s, size_t off);

#endif
