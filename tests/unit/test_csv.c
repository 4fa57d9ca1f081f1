/* The CSV parser: RFC 4180 quoting, line ends, the byte order mark, line
 * numbers of rows that span lines, and rows that break the rules. */
#include <stdio.h>
#include <string.h>

#include "base/csv.h"
#include "i18n/i18n.h"
#include "lib/tap.h"

/* The fields of the row as "a|b|c". */
static const char *joined(const struct csv_row *row)
{
	static struct strbuf sb;
	strbuf_reset(&sb);
	for (int i = 0; i < row->nfields; i++) {
		if (i)
			strbuf_addc(&sb, '|');
		strbuf_addn(&sb, row->fields[i].s, row->fields[i].len);
	}
	return strbuf_str(&sb);
}

static void diag_row(const struct csv_row *row, const char *want)
{
	fprintf(stderr, "#   got '%s' (line %ld, error %d), want '%s'\n", joined(row), row->line, (int)row->error,
		want ? want : "(no row)");
}

/* Parses text and checks the rows, given as "a|b" strings, and their lines. */
static void rows(const char *text, const char *const *want, const long *lines, const char *name)
{
	struct csv_parser p;
	struct csv_row row;
	csv_row_init(&row);
	csv_parser_init(&p, text, strlen(text));
	int n = 0, good = 1;
	while (csv_parser_next(&p, &row)) {
		if (!want[n] || strcmp(joined(&row), want[n]) != 0 || row.line != lines[n] || row.error) {
			diag_row(&row, want[n]);
			good = 0;
		}
		n++;
	}
	ok(good && !want[n], name);
	csv_row_free(&row);
}

int main(void)
{
	plan(33);
	rows("a,b,c\n1,2,3\n", (const char *[]){"a|b|c", "1|2|3", NULL}, (long[]){1, 2}, "plain rows");
	rows("a,b\r\n1,2\r\n", (const char *[]){"a|b", "1|2", NULL}, (long[]){1, 2}, "CR LF line ends");
	rows("a,b\n1,2", (const char *[]){"a|b", "1|2", NULL}, (long[]){1, 2}, "no line end after the last row");
	rows("\xef\xbb\xbf统一社会信用代码,名称\n", (const char *[]){"统一社会信用代码|名称", NULL}, (long[]){1},
	     "a UTF-8 byte order mark is skipped");
	rows("名称,住所\n\"无锡红豆实业有限公司\",\"中山路 168 号，东楼\"\n",
	     (const char *[]){"名称|住所", "无锡红豆实业有限公司|中山路 168 号，东楼", NULL}, (long[]){1, 2},
	     "quoted fields");
	rows("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n", (const char *[]){"a|b", "x, y|say \"hi\"", NULL}, (long[]){1, 2},
	     "a comma and doubled quotes inside quotes");
	rows("a,b\n\"南长街\n300 号\",2\nc,d\n", (const char *[]){"a|b", "南长街\n300 号|2", "c|d", NULL},
	     (long[]){1, 2, 4}, "a line break inside quotes: the next row starts two lines on");
	rows("a,,c\n,\n", (const char *[]){"a||c", "|", NULL}, (long[]){1, 2}, "empty fields");
	rows("a\n\nb\n", (const char *[]){"a", "", "b", NULL}, (long[]){1, 2, 3}, "a blank line is a row");

	struct csv_parser p;
	struct csv_row row;
	csv_row_init(&row);
	const char *blank = "\n";
	csv_parser_init(&p, blank, 1);
	ok(csv_parser_next(&p, &row) && csv_row_blank(&row), "an empty line is blank");

	const char *bad = "a,b\nx\"y,2\n\"z\"w,3\n\"open,4\nmore\n";
	csv_parser_init(&p, bad, strlen(bad));
	csv_parser_next(&p, &row);
	csv_parser_next(&p, &row);
	is_int(row.error, CSV_STRAY_QUOTE, "a quote inside an unquoted field is reported");
	is_int(row.error_field, 1, "  in the field it is in");
	csv_parser_next(&p, &row);
	is_int(row.error, CSV_AFTER_QUOTE, "text after a closing quote is reported");
	is_int(row.line, 3, "  on its line");
	ok(csv_parser_next(&p, &row) && row.error == CSV_UNCLOSED_QUOTE && row.line == 4,
	   "an unclosed quote is reported on the line it opens");
	ok(!csv_parser_next(&p, &row), "  and it runs to the end");

	const char *text = "h\nfirst\nsecond\n";
	csv_parser_init(&p, text, strlen(text));
	csv_parser_next(&p, &row);
	csv_parser_next(&p, &row);
	size_t off = row.offset;
	csv_parser_next(&p, &row);
	csv_parser_seek(&p, off, 2);
	ok(csv_parser_next(&p, &row) && strcmp(joined(&row), "first") == 0 && row.line == 2,
	   "a row is read again from its offset");

	/* A bare CR ends nothing: lines are counted by LF, as text_line_at() does. */
	const char *cr = "a,b\r1,2\rx,y\n3,4\n";
	csv_parser_init(&p, cr, strlen(cr));
	csv_parser_next(&p, &row);
	is_int(row.error, CSV_BARE_CR, "a CR without LF outside quotes is an error");
	is_int(row.error_field, 2, "  in the field it is in");
	is_int(row.nfields, 4, "  and does not end the record");
	ok(csv_parser_next(&p, &row) && row.line == 2 && strcmp(joined(&row), "3|4") == 0 && !row.error,
	   "  the next record starts on the next LF line");
	rows("a,\"x\ry\"\n1,2\n", (const char *[]){"a|x\ry", "1|2", NULL}, (long[]){1, 2},
	     "a CR inside quotes is data and ends no line");
	struct strbuf desc = STRBUF_INIT;
	i18n_set_language("en");
	csv_parser_init(&p, "a\rb", 3);
	csv_parser_next(&p, &row);
	csv_describe(&row, &desc);
	is_str(strbuf_str(&desc), "field 1: a carriage return (CR) without a line feed; records end with LF or CR LF",
	       "  the error says what the file should hold");

	/* Memory is bounded: at most CSV_MAX_FIELDS fields, CSV_MAX_RECORD bytes. */
	struct strbuf big = STRBUF_INIT;
	for (int i = 0; i < 5000; i++)
		strbuf_add(&big, "x,");
	strbuf_add(&big, "last\nnext\n");
	csv_parser_init(&p, big.buf, big.len);
	csv_parser_next(&p, &row);
	is_int(row.error, CSV_TOO_MANY_FIELDS, "a record of 5,001 fields is an error");
	is_int(row.nfields, CSV_MAX_FIELDS, "  and holds no more than the limit");
	ok(row.cap <= 2 * CSV_MAX_FIELDS, "  nor the memory for many more");
	strbuf_reset(&desc);
	csv_describe(&row, &desc);
	is_str(strbuf_str(&desc), "more than 1000 fields", "  it says so");
	ok(csv_parser_next(&p, &row) && strcmp(joined(&row), "next") == 0 && row.line == 2 && !row.error,
	   "  the next record is read as usual");
	strbuf_reset(&big);
	strbuf_add(&big, "h\n\"");
	for (int i = 0; i < CSV_MAX_RECORD; i++)
		strbuf_add(&big, "\"\"");
	strbuf_add(&big, "\"\nnext\n");
	csv_parser_init(&p, big.buf, big.len);
	csv_parser_next(&p, &row);
	csv_parser_next(&p, &row);
	is_int(row.error, CSV_TOO_LONG, "a record of 2 MiB is an error");
	ok(row.unquoted.len <= CSV_MAX_RECORD + 2, "  its unescaped copy stops at the limit");
	strbuf_reset(&desc);
	csv_describe(&row, &desc);
	is_str(strbuf_str(&desc), "the record is longer than 1048576 bytes", "  it says so");
	ok(csv_parser_next(&p, &row) && strcmp(joined(&row), "next") == 0 && row.line == 3,
	   "  the next record is read as usual");
	strbuf_free(&big);
	strbuf_free(&desc);

	struct strbuf q = STRBUF_INIT;
	csv_quote(&q, "plain", 5);
	strbuf_addc(&q, ' ');
	csv_quote(&q, "a \"b\", c", 8);
	is_str(strbuf_str(&q), "plain \"a \"\"b\"\", c\"", "fields are quoted only when they must be");
	strbuf_free(&q);
	csv_row_free(&row);
	return done_testing();
}
