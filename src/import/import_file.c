#include "import/import_file.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n/i18n.h"

/* Length of the UTF-8 sequence starting at s (n bytes left), or 0 when it is
 * malformed: overlong forms, surrogates and values past U+10FFFF included. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	if (c >= 0xc2 && c <= 0xdf)
		return n >= 2 && (s[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		if (n < 3 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80)
			return 0;
		if ((c == 0xe0 && s[1] < 0xa0) || (c == 0xed && s[1] >= 0xa0))
			return 0;
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if (n < 4 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 || (s[3] & 0xc0) != 0x80)
			return 0;
		if ((c == 0xf0 && s[1] < 0x90) || (c == 0xf4 && s[1] >= 0x90))
			return 0;
		return 4;
	}
	return 0;
}

size_t utf8_scan(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0;
	while (i < len) {
		/* eight ASCII bytes at a time, none of them NUL */
		if (i + 8 <= len) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (!(w & 0x8080808080808080ull) &&
			    !((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull)) {
				i += 8;
				continue;
			}
		}
		if (s[i] == 0)
			return i;
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		size_t n = utf8_seq(s + i, len - i);
		if (!n)
			return i;
		i += n;
	}
	return len;
}

size_t gb18030_to_utf8(const char *s, size_t len, struct strbuf *out)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1)
		return 0;
	/* NUL is no more text in GB18030 than in UTF-8: the text ends before it */
	const char *nul = memchr(s, '\0', len);
	char *in = (char *)s, chunk[65536];
	size_t left = nul ? (size_t)(nul - s) : len;
	while (left > 0) {
		char *o = chunk;
		size_t room = sizeof chunk;
		size_t r = iconv(cd, &in, &left, &o, &room);
		strbuf_addn(out, chunk, (size_t)(o - chunk));
		if (r == (size_t)-1 && errno != E2BIG)
			break;
	}
	iconv_close(cd);
	return (size_t)(in - s);
}

long text_line_at(const char *s, size_t off)
{
	long line = 1;
	for (const char *p = s, *end = s + off; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
		line++;
	return line;
}

static enum status cannot_read(struct strbuf *msg, const char *path)
{
	trf(msg, MSG_IMPORT_CANNOT_READ, path, strerror(errno));
	return ST_NOTFOUND;
}

/* Maps the file (an empty file maps to an empty text). */
static enum status map_file(struct import_text *t, const char *path, struct strbuf *msg)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return cannot_read(msg, path);
	struct stat st;
	int ok = fstat(fd, &st) == 0;
	if (ok && !S_ISREG(st.st_mode)) {
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		ok = 0;
	}
	if (!ok) {
		int e = errno;
		close(fd);
		errno = e;
		return cannot_read(msg, path);
	}
	t->map_len = (size_t)st.st_size;
	if (t->map_len) {
		t->map = mmap(NULL, t->map_len, PROT_READ, MAP_PRIVATE, fd, 0);
		if (t->map == MAP_FAILED) {
			t->map = NULL;
			close(fd);
			return cannot_read(msg, path);
		}
		madvise(t->map, t->map_len, MADV_SEQUENTIAL);
	}
	close(fd);
	t->data = t->map ? t->map : "";
	t->len = t->map_len;
	return ST_OK;
}

enum status import_text_open(struct import_text *t, const char *path, struct strbuf *msg)
{
	memset(t, 0, sizeof *t);
	strbuf_init(&t->converted);
	enum status st = map_file(t, path, msg);
	if (st != ST_OK)
		return st;
	size_t bad = utf8_scan(t->data, t->len);
	if (bad == t->len)
		return ST_OK;
	size_t gbad = gb18030_to_utf8(t->data, t->len, &t->converted);
	if (gbad == t->len && utf8_scan(t->converted.buf, t->converted.len) == t->converted.len) {
		t->data = strbuf_str(&t->converted);
		t->len = t->converted.len;
		t->gb18030 = 1;
		return ST_OK;
	}
	trf(msg, MSG_IMPORT_BAD_ENCODING, path, text_line_at(t->data, bad),
	    (unsigned)(unsigned char)t->data[bad], text_line_at(t->data, gbad),
	    (unsigned)(unsigned char)t->data[gbad < t->len ? gbad : bad]);
	import_text_close(t);
	return ST_USAGE;
}

void import_text_close(struct import_text *t)
{
	if (t->map)
		munmap(t->map, t->map_len);
	strbuf_free(&t->converted);
	memset(t, 0, sizeof *t);
}
