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

int main(void)
{
	plan(10);
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
	return done_testing();
}
