/* Printing rows as an aligned table, CSV and JSON. */
#include <stdlib.h>
#include <string.h>

#include "base/width.h"
#include "print/rowset.h"
#include "lib/tap.h"

static char *print(struct rowset *rs, enum out_format f)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	rowset_print(rs, f, out);
	fclose(out);
	return buf;
}

static struct rowset *sample(void)
{
	struct rowset *rs = rowset_new(3);
	rowset_col(rs, 0, "name", "名称", CT_TEXT);
	rowset_col(rs, 1, "capital", "注册资本", CT_NUMBER);
	rowset_col(rs, 2, "note", "备注", CT_TEXT);
	int r = rowset_add_row(rs);
	rowset_set(rs, r, 0, "红豆集团有限公司");
	rowset_set(rs, r, 1, "125000");
	rowset_set(rs, r, 2, "含 \"引号\", 和逗号");
	r = rowset_add_row(rs);
	rowset_set(rs, r, 0, "ABC");
	rowset_set(rs, r, 1, "5");
	rowset_set(rs, r, 2, NULL);
	return rs;
}

/* The display column of the n-th '|' on a line. */
static int bar_col(const char *line, int n)
{
	const char *p = line;
	for (int i = 0; i <= n; i++) {
		p = strchr(p, '|');
		if (!p)
			return -1;
		if (i < n)
			p++;
	}
	return width_strn(line, (size_t)(p - line));
}

#define FFFD "\xef\xbf\xbd"
#define RLO  "\xe2\x80\xae" /* U+202E right-to-left override */
#define ZWSP "\xe2\x80\x8b" /* U+200B zero-width space */
/* Stored before migration 0182: an OSC 52 clipboard write, an OSC 0 title, a
 * right-to-left override and a zero-width space. */
#define HOSTILE "梁溪路\x1b]52;c;cm0=\x07\x1b]0;t\x07" RLO "号" ZWSP "1"

static struct rowset *one(const char *v, enum col_type t)
{
	struct rowset *rs = rowset_new(1);
	rowset_col(rs, 0, "v", "值", t);
	rowset_set(rs, rowset_add_row(rs), 0, v);
	return rs;
}

static char *print_one(const char *v, enum col_type t, enum out_format f)
{
	struct rowset *rs = one(v, t);
	char *s = print(rs, f);
	rowset_free(rs);
	return s;
}

static void check_one(const char *v, enum col_type t, enum out_format f, const char *want,
                      const char *name)
{
	char *got = print_one(v, t, f);
	is_str(got, want, name);
	free(got);
}

static int clean(const char *s)
{
	return !strpbrk(s, "\x1b\x07") && !strstr(s, RLO) && !strstr(s, ZWSP);
}

static void controls(void)
{
	check_one(HOSTILE, CT_TEXT, FMT_CSV,
	          "v\r\n梁溪路" FFFD "]52;c;cm0=" FFFD FFFD "]0;t" FFFD FFFD "号" FFFD "1\r\n",
	          "CSV shows controls and invisible characters as U+FFFD");
	check_one("第一行\r\n第二行\t止", CT_TEXT, FMT_CSV, "v\r\n\"第一行\n第二行\t止\"\r\n",
	          "  ... and keeps a cell's line break and tab");
	check_one(HOSTILE "\x7f\xc2\x9b\xef\xbb\xbf\xff", CT_TEXT, FMT_JSON,
	          "[\n {\"v\": \"梁溪路\\u001b]52;c;cm0=\\u0007\\u001b]0;t\\u0007\\u202e号\\u200b"
	          "1\\u007f\\u009b\\ufeff\\ufffd\"}\n]\n",
	          "JSON escapes C0, DEL, C1 and invisible characters, a malformed byte as U+FFFD");
	char *t = print_one(HOSTILE, CT_TEXT, FMT_TABLE);
	ok(clean(t) && strstr(t, "梁溪路" FFFD), "a table shows them as U+FFFD");
	free(t);
	struct rowset *rs = one(HOSTILE, CT_TEXT);
	rs->record = 1;
	char *r = print(rs, FMT_TABLE);
	ok(clean(r) && strstr(r, "梁溪路" FFFD), "so does a record");
	free(r);
	rowset_free(rs);
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	rowset_text(out, "甲\n\x1b[2J乙" RLO "\t丙");
	fclose(out);
	is_str(buf, "甲\n" FFFD "[2J乙" FFFD "\t丙", "text keeps lines and tabs, not controls");
	free(buf);
}

static void formulas(void)
{
	check_one("=HYPERLINK(\"http://x\",\"点击\")", CT_TEXT, FMT_CSV,
	          "v\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\"\r\n",
	          "a cell that starts with = gets a leading apostrophe");
	check_one("+86 510 1234", CT_TEXT, FMT_CSV, "v\r\n'+86 510 1234\r\n",
	          "  ... so does one with +");
	check_one("-2+3", CT_TEXT, FMT_CSV, "v\r\n'-2+3\r\n", "  ... or -");
	check_one("@SUM(A1)", CT_TEXT, FMT_CSV, "v\r\n'@SUM(A1)\r\n", "  ... or @");
	check_one("\t=1", CT_TEXT, FMT_CSV, "v\r\n'\t=1\r\n", "  ... or a tab");
	check_one("-125000.50", CT_NUMBER, FMT_CSV, "v\r\n-125000.50\r\n",
	          "a negative number is written as it is");
	check_one("+1.5e-3", CT_TEXT, FMT_CSV, "v\r\n+1.5e-3\r\n",
	          "  ... so is a signed one in a text column");
	check_one("红豆=集团", CT_TEXT, FMT_CSV, "v\r\n红豆=集团\r\n",
	          "an = inside a text is left alone");
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	rowset_csv_field(out, "=1+1");
	fclose(out);
	is_str(buf, "'=1+1", "reports' CSV cells are guarded the same way");
	free(buf);
	check_one("=1+1", CT_TEXT, FMT_JSON, "[\n {\"v\": \"=1+1\"}\n]\n", "JSON is left as it is");
}

int main(void)
{
	plan(26);
	width_setup();
	struct rowset *rs = sample();
	char *t = print(rs, FMT_TABLE);
	char *lines[8] = {0};
	int n = 0;
	for (char *l = strtok(t, "\n"); l && n < 8; l = strtok(NULL, "\n"))
		lines[n++] = l;
	is_int(n, 5, "header, rule, two rows and a footer");
	ok(bar_col(lines[0], 0) == bar_col(lines[2], 0) && bar_col(lines[2], 0) == bar_col(lines[3], 0),
	   "the first separator is in the same display column on every line");
	ok(bar_col(lines[0], 1) == bar_col(lines[2], 1) && bar_col(lines[2], 1) == bar_col(lines[3], 1),
	   "so is the second, after Chinese text");
	ok(strstr(lines[3], "      5 |") != NULL, "numbers are right-aligned");
	is_str(lines[4], "（2 行）", "the footer counts rows");
	free(t);

	char *c = print(rs, FMT_CSV);
	is_str(c, "name,capital,note\r\n红豆集团有限公司,125000,\"含 \"\"引号\"\", 和逗号\"\r\nABC,5,\r\n",
	       "CSV quotes fields with commas and quotes, NULL is empty");
	free(c);

	char *j = print(rs, FMT_JSON);
	is_str(j, "[\n {\"name\": \"红豆集团有限公司\", \"capital\": 125000, \"note\": \"含 \\\"引号\\\", 和逗号\"},\n"
		  " {\"name\": \"ABC\", \"capital\": 5, \"note\": null}\n]\n",
	       "JSON: numbers as numbers, NULL as null, quotes escaped");
	free(j);
	rowset_free(rs);

	struct rowset *e = rowset_new(1);
	rowset_col(e, 0, "x", NULL, CT_TEXT);
	char *ej = print(e, FMT_JSON);
	is_str(ej, "[]\n", "no rows is an empty JSON array");
	free(ej);
	rowset_free(e);
	enum out_format f;
	ok(format_parse("csv", &f) == 0 && f == FMT_CSV, "format names parse");
	ok(format_parse("xml", &f) == -1, "unknown formats are refused");
	controls();
	formulas();
	return done_testing();
}
