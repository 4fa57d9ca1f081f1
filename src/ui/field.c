#include "ui/field.h"

#include <curses.h>
#include <string.h>

#include "base/width.h"
#include "ui/term.h"

void field_init(struct field *f, int masked, size_t max_bytes)
{
	strbuf_init(&f->text);
	f->cursor = 0;
	f->masked = masked;
	f->max_bytes = max_bytes;
	f->scroll = 0;
}

void field_clear(struct field *f)
{
	if (f->masked && f->text.buf)
		memset(f->text.buf, 0, f->text.cap);
	strbuf_reset(&f->text);
	f->cursor = 0;
	f->scroll = 0;
}

void field_free(struct field *f)
{
	field_clear(f);
	strbuf_free(&f->text);
}

void field_set(struct field *f, const char *s)
{
	field_clear(f);
	strbuf_add(&f->text, s);
	f->cursor = f->text.len;
}

const char *field_text(const struct field *f)
{
	return strbuf_str(&f->text);
}

static size_t prev_char(const struct field *f, size_t pos)
{
	const char *s = strbuf_str(&f->text);
	if (pos == 0)
		return 0;
	pos--;
	while (pos > 0 && ((unsigned char)s[pos] & 0xc0) == 0x80)
		pos--;
	return pos;
}

static size_t next_char(const struct field *f, size_t pos)
{
	uint32_t cp;
	if (pos >= f->text.len)
		return f->text.len;
	return pos + utf8_decode(f->text.buf + pos, f->text.len - pos, &cp);
}

static void delete_range(struct field *f, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(f->text.buf + from, f->text.buf + to, f->text.len - to + 1);
	f->text.len -= to - from;
	f->cursor = from;
}

static void insert(struct field *f, int code)
{
	struct strbuf ch = STRBUF_INIT;
	utf8_encode(&ch, (uint32_t)code);
	if (f->max_bytes && f->text.len + ch.len > f->max_bytes) {
		strbuf_free(&ch);
		beep();
		return;
	}
	struct strbuf tail = STRBUF_INIT;
	strbuf_add(&tail, strbuf_str(&f->text) + f->cursor);
	strbuf_truncate(&f->text, f->cursor);
	strbuf_add(&f->text, strbuf_str(&ch));
	f->cursor = f->text.len;
	strbuf_add(&f->text, strbuf_str(&tail));
	if (f->masked)
		memset(tail.buf, 0, tail.cap);
	strbuf_free(&tail);
	strbuf_free(&ch);
}

static size_t word_start(const struct field *f, size_t pos)
{
	const char *s = strbuf_str(&f->text);
	while (pos > 0 && s[pos - 1] == ' ')
		pos--;
	while (pos > 0 && s[pos - 1] != ' ')
		pos--;
	return pos;
}

int field_key(struct field *f, const struct key *k)
{
	if (key_printable(k)) {
		insert(f, k->code);
		return 1;
	}
	int c = k->code;
	if (k->fn) {
		switch (c) {
		case KEY_BACKSPACE: delete_range(f, prev_char(f, f->cursor), f->cursor); return 1;
		case KEY_DC: delete_range(f, f->cursor, next_char(f, f->cursor)); return 1;
		case KEY_LEFT: f->cursor = prev_char(f, f->cursor); return 1;
		case KEY_RIGHT: f->cursor = next_char(f, f->cursor); return 1;
		case KEY_HOME: f->cursor = 0; return 1;
		case KEY_END: f->cursor = f->text.len; return 1;
		default: return 0;
		}
	}
	switch (c) {
	case 'A' & 0x1f: f->cursor = 0; return 1;
	case 'E' & 0x1f: f->cursor = f->text.len; return 1;
	case 'B' & 0x1f: f->cursor = prev_char(f, f->cursor); return 1;
	case 'F' & 0x1f: f->cursor = next_char(f, f->cursor); return 1;
	case 'U' & 0x1f: delete_range(f, 0, f->cursor); return 1;
	case 'K' & 0x1f: strbuf_truncate(&f->text, f->cursor); return 1;
	case 'W' & 0x1f: delete_range(f, word_start(f, f->cursor), f->cursor); return 1;
	default: return 0;
	}
}

int field_takes(const struct key *k)
{
	struct field f;
	field_init(&f, 0, 16);
	field_set(&f, "ab");
	f.cursor = 1;
	int used = field_key(&f, k);
	field_free(&f);
	return used;
}

/* What the field shows: the text, or one '*' per character when masked. */
static void shown_text(const struct field *f, struct strbuf *out, int *cursor_col)
{
	if (!f->masked) {
		width_sanitize(out, strbuf_str(&f->text));
		*cursor_col = width_strn(strbuf_str(&f->text), f->cursor);
		return;
	}
	size_t before = 0, total = utf8_length(strbuf_str(&f->text));
	for (size_t i = 0; i < f->cursor; i = next_char(f, i))
		before++;
	for (size_t i = 0; i < total; i++)
		strbuf_addc(out, '*');
	*cursor_col = (int)before;
}

void field_draw(struct field *f, int y, int x, int w, int focused)
{
	struct strbuf shown = STRBUF_INIT;
	int ccol;
	if (w < 2)
		return;
	shown_text(f, &shown, &ccol);
	if (ccol < f->scroll)
		f->scroll = ccol;
	if (ccol > f->scroll + w - 1)
		f->scroll = ccol - (w - 1);
	/* Skip the scrolled-off columns without splitting a wide character. */
	int skipped;
	size_t off = width_prefix(strbuf_str(&shown), f->scroll, &skipped);
	int lead = f->scroll - skipped;
	term_fill(y, x, w, COL_FIELD);
	term_clip(y, x + lead, w - lead, strbuf_str(&shown) + off, COL_FIELD);
	if (focused) {
		move(y, x + ccol - f->scroll);
		curs_set(1);
	}
	strbuf_free(&shown);
}
