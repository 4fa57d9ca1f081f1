#include "ui/keys.h"

#include <curses.h>
#include <string.h>
#include <limits.h>
#include <wchar.h>
#include <wctype.h>

#include "base/log.h"

/* After an Esc that arrived together with more bytes: the rest of an escape
 * sequence the terminal description does not know (a key this TERM cannot
 * name). Swallow it up to its final byte, so it is not taken for Esc. */
static void skip_sequence(wint_t first)
{
	wint_t ch = first;
	if (ch != '[' && ch != 'O')
		return;
	for (int i = 0; i < 16; i++) {
		if (wget_wch(stdscr, &ch) == ERR)
			return;
		if (i > 0 || ch != '[') {
			if (ch >= 0x40 && ch <= 0x7e)
				return;
		}
	}
}

int key_read(struct key *k)
{
	wint_t ch;
	nodelay(stdscr, TRUE);
	int rc = wget_wch(stdscr, &ch);
	if (rc == ERR)
		return 0;
	if (rc == OK && ch == 27) {
		wint_t next;
		int more = wget_wch(stdscr, &next);
		if (more == OK && (next == '[' || next == 'O')) {
			skip_sequence(next);
			return key_read(k);
		}
		/* Esc and then another key typed quickly: both count. */
		if (more == OK)
			unget_wch((wchar_t)next);
		else if (more == KEY_CODE_YES)
			ungetch((int)next);
	}
	k->fn = rc == KEY_CODE_YES;
	k->code = (int)ch;
	if (!k->fn && (ch == '\r' || ch == '\n')) {
		k->fn = 1;
		k->code = KEY_ENTER;
	}
	if (!k->fn && (ch == 127 || ch == 8)) {
		k->fn = 1;
		k->code = KEY_BACKSPACE;
	}
	return 1;
}

static const struct {
	const char *name;
	int code;
	int fn;
} named[] = {
	{"Esc", 27, 0},           {"Enter", KEY_ENTER, 1}, {"Tab", '\t', 0},
	{"BTab", KEY_BTAB, 1},    {"Space", ' ', 0},       {"Up", KEY_UP, 1},
	{"Down", KEY_DOWN, 1},    {"Left", KEY_LEFT, 1},   {"Right", KEY_RIGHT, 1},
	{"PgUp", KEY_PPAGE, 1},   {"PgDn", KEY_NPAGE, 1},  {"Home", KEY_HOME, 1},
	{"End", KEY_END, 1},      {"Backspace", KEY_BACKSPACE, 1}, {"Delete", KEY_DC, 1},
	{"Insert", KEY_IC, 1},
};

/* The key named by the n bytes at name. Returns 0, or -1 when they name none. */
static int parse(const char *name, size_t n, struct key *k)
{
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (strlen(named[i].name) == n && strncmp(named[i].name, name, n) == 0) {
			k->code = named[i].code;
			k->fn = named[i].fn;
			return 0;
		}
	if (n >= 2 && n <= 3 && name[0] == 'F' && name[1] >= '1' && name[1] <= '9') {
		int f = name[1] - '0';
		if (n == 3) {
			if (name[2] < '0' || name[2] > '9')
				return -1;
			f = f * 10 + (name[2] - '0');
		}
		if (f > 12)
			return -1;
		k->code = KEY_F(f);
		k->fn = 1;
		return 0;
	}
	if (n == 2 && name[0] == '^' && strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZ@[\\]^_", name[1])) {
		k->code = name[1] & 0x1f;
		k->fn = 0;
		return 0;
	}
	if (n == 1 && name[0] > ' ' && name[0] < 0x7f) {
		k->code = (unsigned char)name[0];
		k->fn = 0;
		return 0;
	}
	return -1;
}

int key_set_parse(const char *spec, struct key_set *set, struct strbuf *err)
{
	int bad = 0;
	set->n = 0;
	for (const char *p = spec ? spec : ""; *p;) {
		size_t n = strcspn(p, " ");
		struct key k;
		if (!n) {
			p++;
			continue;
		}
		if (parse(p, n, &k) != 0) {
			if (!bad++ && err)
				strbuf_addf(err, "no key is named \"%.*s\" in \"%s\"", (int)n, p,
				            spec);
		} else if (set->n == KEY_SET_MAX) {
			if (!bad++ && err)
				strbuf_addf(err, "more than %d keys in \"%s\"", KEY_SET_MAX, spec);
		} else {
			set->key[set->n++] = k;
		}
		p += n;
	}
	return bad ? -1 : 0;
}

int key_set_has(const struct key_set *set, const struct key *k)
{
	for (int i = 0; i < set->n; i++)
		if (set->key[i].code == k->code && set->key[i].fn == k->fn)
			return 1;
	return 0;
}

int key_matches(const struct key *k, const char *spec)
{
	struct key_set set;
	struct strbuf err = STRBUF_INIT;
	if (key_set_parse(spec, &set, &err) != 0)
		log_warn("key spec: %s", strbuf_str(&err));
	strbuf_free(&err);
	return key_set_has(&set, k);
}

void key_spec_display(const char *spec, struct strbuf *out)
{
	if (!spec)
		return;
	for (const char *p = spec; *p; p++)
		strbuf_addc(out, *p == ' ' ? '/' : *p);
}

int key_spec_show(const char *spec, int (*skip)(const struct key *k), struct strbuf *out)
{
	int shown = 0;
	for (const char *p = spec; p && *p;) {
		size_t n = strcspn(p, " ");
		struct key k;
		if (n && !(skip && parse(p, n, &k) == 0 && skip(&k))) {
			if (shown++)
				strbuf_addc(out, '/');
			strbuf_addn(out, p, n);
		}
		p += n;
		while (*p == ' ')
			p++;
	}
	return shown;
}

int key_printable(const struct key *k)
{
	return !k->fn && k->code >= 0x20 && k->code != 0x7f && iswprint((wint_t)k->code);
}

void key_spec_name(const struct key *k, struct strbuf *out)
{
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (named[i].code == k->code && named[i].fn == k->fn) {
			strbuf_add(out, named[i].name);
			return;
		}
	if (k->fn && k->code >= KEY_F(1) && k->code <= KEY_F(63))
		strbuf_addf(out, "F%d", k->code - KEY_F0);
	else if (!k->fn && k->code > 0 && k->code < 0x20)
		strbuf_addf(out, "^%c", k->code | 0x40);
	else if (key_printable(k)) {
		char mb[MB_LEN_MAX + 1];
		mbstate_t ps;
		memset(&ps, 0, sizeof ps);
		size_t n = wcrtomb(mb, (wchar_t)k->code, &ps);
		if (n == (size_t)-1)
			strbuf_addf(out, "U+%04X", (unsigned)k->code);
		else
			strbuf_addn(out, mb, n);
	} else
		strbuf_addf(out, "#%d", k->code);
}
