#include "ui/keys.h"

#include <curses.h>
#include <string.h>
#include <wctype.h>

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

static int parse(const char *name, size_t n, struct key *k)
{
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (strlen(named[i].name) == n && strncmp(named[i].name, name, n) == 0) {
			k->code = named[i].code;
			k->fn = named[i].fn;
			return 0;
		}
	if (n >= 2 && name[0] == 'F' && name[1] >= '1' && name[1] <= '9') {
		int f = 0;
		for (size_t i = 1; i < n; i++)
			f = f * 10 + (name[i] - '0');
		k->code = KEY_F(f);
		k->fn = 1;
		return 0;
	}
	if (n == 2 && name[0] == '^') {
		k->code = name[1] & 0x1f;
		k->fn = 0;
		return 0;
	}
	if (n == 1) {
		k->code = (unsigned char)name[0];
		k->fn = 0;
		return 0;
	}
	return -1;
}

int key_matches(const struct key *k, const char *spec)
{
	if (!spec)
		return 0;
	for (const char *p = spec; *p;) {
		size_t n = strcspn(p, " ");
		struct key want;
		if (n && parse(p, n, &want) == 0 && want.code == k->code && want.fn == k->fn)
			return 1;
		p += n;
		while (*p == ' ')
			p++;
	}
	return 0;
}

void key_spec_display(const char *spec, struct strbuf *out)
{
	if (!spec)
		return;
	for (const char *p = spec; *p; p++)
		strbuf_addc(out, *p == ' ' ? '/' : *p);
}

int key_printable(const struct key *k)
{
	return !k->fn && k->code >= 0x20 && k->code != 0x7f && iswprint((wint_t)k->code);
}
