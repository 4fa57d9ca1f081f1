/* The UTF-8 width module: columns, truncation and padding of Chinese text. */
#include <stdlib.h>
#include <string.h>

#include "base/width.h"
#include "lib/tap.h"

static char *fit(const char *s, int cols, enum width_align a)
{
	struct strbuf sb = STRBUF_INIT;
	width_fit(&sb, s, cols, a);
	return strbuf_detach(&sb);
}

static void check_fit(const char *s, int cols, enum width_align a, const char *want,
		      const char *name)
{
	char *got = fit(s, cols, a);
	is_str(got, want, name);
	is_int(width_str(got), cols, "  ... and it is exactly that wide");
	free(got);
}

/* A name cut in the middle keeps what tells branches apart: their ends. */
static void midcut(void)
{
	const char *a = "中国石化销售股份有限公司江苏无锡石油分公司惠山加油站";
	const char *b = "中国石化销售股份有限公司江苏无锡石油分公司东亭加油站";
	check_fit(a, 25, ALIGN_MIDCUT, "中国石化销售…司惠山加油站",
	          "a long name cut in the middle: its head, …, its tail");
	char *fa = fit(a, 25, ALIGN_MIDCUT), *fb = fit(b, 25, ALIGN_MIDCUT);
	ok(strcmp(fa, fb) != 0, "  ... so that two branches of one company stay apart");
	free(fa);
	free(fb);
	check_fit(a, 25, ALIGN_LEFT, "中国石化销售股份有限公司…",
	          "cut at the end, they would read the same");
	check_fit("梁溪区老张面馆", 20, ALIGN_MIDCUT, "梁溪区老张面馆      ",
	          "a name that fits is padded, not cut");
	check_fit("abcdefghij", 7, ALIGN_MIDCUT, "abc…hij",
	          "ASCII: three and three around the marker");
}

static void widths(void)
{
	is_int(width_str("abc"), 3, "ASCII is one column a character");
	is_int(width_str("无锡市"), 6, "CJK ideographs are two columns each");
	is_int(width_str("红豆集团有限公司"), 16, "a company name");
	is_int(width_str("（有限公司）"), 12, "full-width parentheses are two columns");
	is_int(width_str("，。：；！？"), 12, "full-width punctuation is two columns");
	is_int(width_str("ＡＢＣ１２３"), 12, "full-width Latin letters and digits are two columns");
	is_int(width_str("ｶﾀｶﾅ"), 4, "half-width katakana is one column");
	is_int(width_str("e\xcc\x81"), 1, "a combining acute accent takes no column");
	is_int(width_str("A\xe2\x83\x9d"), 1, "a combining enclosing circle takes no column");
	is_int(width_str("\xf0\x9f\x98\x80"), 2, "an emoji is two columns");
	is_int(width_str("\xff"), 1, "an invalid byte is one column (shown as U+FFFD)");
	is_int(width_str("\xe6\x97"), 2, "a truncated sequence is one column per byte");
	is_int(width_str("a\tb"), 3, "a tab is shown as one space");
	is_int(width_str("\x01"), 1, "a control character is shown as U+FFFD");
	is_int(width_str(""), 0, "the empty string is zero columns");
	is_int(width_strn("无锡市", 3), 2, "width of a byte prefix");
}

static void decoding(void)
{
	uint32_t cp;
	is_int(utf8_decode("\xe6\x97\xa0", 3, &cp), 3, "a 3-byte character decodes as 3 bytes");
	is_int(cp, 0x65e0, "  ... to U+65E0 无");
	is_int(utf8_decode("\xc0\x80", 2, &cp), 1, "an overlong NUL is rejected, one byte");
	is_int(cp, 0xfffd, "  ... as U+FFFD");
	is_int(utf8_decode("\xed\xa0\x80", 3, &cp), 1, "a surrogate is rejected");
	is_int(utf8_decode("\xf4\x90\x80\x80", 4, &cp), 1, "a code point above U+10FFFF is rejected");
	is_int(utf8_length("无锡a\xff"), 4, "length counts characters, invalid bytes one each");
}

static void sanitizing(void)
{
	struct strbuf sb = STRBUF_INIT;
	width_sanitize(&sb, "梁溪\xff区\n");
	is_str(strbuf_str(&sb), "梁溪\xef\xbf\xbd区 ", "invalid bytes become U+FFFD, a newline a space");
	strbuf_free(&sb);
}

static char *sanitized(const char *s, int lines)
{
	struct strbuf sb = STRBUF_INIT;
	if (lines)
		width_sanitize_text(&sb, s);
	else
		width_sanitize(&sb, s);
	return strbuf_detach(&sb);
}

#define FFFD "\xef\xbf\xbd"
#define RLO  "\xe2\x80\xae" /* U+202E right-to-left override */
#define ZWSP "\xe2\x80\x8b" /* U+200B zero-width space */
#define CSI8 "\xc2\x9b"     /* U+009B, the 8-bit CSI */

static void check_sanitized(const char *s, int lines, const char *want, const char *name)
{
	char *got = sanitized(s, lines);
	is_str(got, want, name);
	free(got);
}

static void invisible(void)
{
	static const uint32_t in[] = {0x200b, 0x200f, 0x202a, 0x202e, 0x2060,
	                              0x2064, 0x2066, 0x2069, 0xfeff};
	static const uint32_t out[] = {0x200a, 0x2010, 0x2029, 0x202f, 0x2065,
	                               0x206a, 0xfefe, 0x3000, 0x00ad};
	int all_in = 1, none_out = 1;
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++)
		all_in &= width_invisible(in[i]);
	for (size_t i = 0; i < sizeof out / sizeof out[0]; i++)
		none_out &= !width_invisible(out[i]);
	ok(all_in, "the zero-width, bidirectional and byte-order characters are invisible");
	ok(none_out, "their neighbours and the ideographic space are not");
	is_int(width_str("a" RLO "b"), 3,
	       "a right-to-left override is shown as U+FFFD, one column");
	is_int(width_str("a" ZWSP "b"), 3, "so is a zero-width space");
	check_fit("a" ZWSP "b", 3, ALIGN_LEFT, "a" FFFD "b",
	          "a fitted zero-width space is shown, not passed through");
}

static void terminal_sequences(void)
{
	check_sanitized("梁溪路\x1b]52;c;cm0gLXJmIH4K\x07", 0,
	                "梁溪路" FFFD "]52;c;cm0gLXJmIH4K" FFFD,
	                "an OSC 52 clipboard write loses its ESC and BEL");
	check_sanitized("\x1b]0;pwned\x07梁溪", 0, FFFD "]0;pwned" FFFD "梁溪",
	                "so does an OSC 0 title");
	check_sanitized("a" CSI8 "31mb\x7f", 0, "a" FFFD "31mb" FFFD,
	                "a C1 control (8-bit CSI) and DEL become U+FFFD");
	check_sanitized("梁溪路 " RLO "号 1\xef\xbb\xbf", 0, "梁溪路 " FFFD "号 1" FFFD,
	                "a right-to-left override and a byte-order mark become U+FFFD");
	check_sanitized("第一行\n\t第二行", 1, "第一行\n\t第二行",
	                "multi-line text keeps its line feeds and tabs");
	check_sanitized("a\r\nb\rc", 1, "a\nb\nc",
	                "  ... a CR LF becomes a line feed, so does a lone carriage return");
	check_sanitized("\x1b]52;c;eA==\x07\n" ZWSP, 1, FFFD "]52;c;eA==" FFFD "\n" FFFD,
	                "  ... and its controls and invisible characters become U+FFFD");
	check_sanitized("红豆集团（无锡）", 1, "红豆集团（无锡）",
	                "ordinary Chinese text is unchanged");
}

static void fitting(void)
{
	check_fit("无锡", 6, ALIGN_LEFT, "无锡  ", "padding on the right");
	check_fit("无锡", 6, ALIGN_RIGHT, "  无锡", "padding on the left");
	check_fit("无锡", 7, ALIGN_CENTER, " 无锡  ", "centred");
	check_fit("无锡市梁溪区", 8, ALIGN_LEFT, "无锡市" WIDTH_MARKER " ",
		  "cut with a marker; the wide character that does not fit is not split");
	check_fit("无锡市梁溪区", 9, ALIGN_LEFT, "无锡市梁" WIDTH_MARKER, "cut exactly");
	check_fit("无锡市梁溪区", 8, ALIGN_RIGHT, " 无锡市" WIDTH_MARKER,
		  "a right-aligned cut pads on the left");
	check_fit("abc", 1, ALIGN_LEFT, WIDTH_MARKER, "one column left: only the marker");
	check_fit("无", 1, ALIGN_LEFT, WIDTH_MARKER, "a wide character in one column");
	check_fit("ab\xff", 3, ALIGN_LEFT, "ab\xef\xbf\xbd", "an invalid byte is shown, not dropped");
	check_fit("e\xcc\x81x", 2, ALIGN_LEFT, "e\xcc\x81x", "combining marks stay with their base");
	char *none = fit("abc", 0, ALIGN_LEFT);
	is_str(none, "", "zero columns give nothing");
	free(none);
}

static void prefixes(void)
{
	int used;
	is_int(width_prefix("无锡市", 5, &used), 6, "the prefix that fits 5 columns is two characters");
	is_int(used, 4, "  ... 4 columns wide");
	is_int(width_prefix("ab", 10, &used), 2, "everything fits");
}

int main(void)
{
	plan(71);
	width_setup();
	widths();
	midcut();
	decoding();
	sanitizing();
	fitting();
	prefixes();
	invisible();
	terminal_sequences();
	return done_testing();
}
