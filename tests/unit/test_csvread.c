/* Reading CSV: fields, quotes, line ends and the line each record starts on. */
#include <string.h>

#include "base/csvread.h"
#include "lib/tap.h"

/* Reads every record of data; returns the number read (-1 after a bad quote). */
static int count_records(const char *data)
{
	struct csv_reader r;
	struct csv_record rec = {0};
	int n = 0, got;
	csv_reader_init(&r, data, strlen(data));
	while ((got = csv_read(&r, &rec)) > 0)
		n++;
	csv_record_free(&rec);
	return got < 0 ? -1 : n;
}

static void plain(void)
{
	struct csv_reader r;
	struct csv_record rec = {0};
	const char *data = "date,kind,name\n2026-02-14,makeup_workday,春节\n";
	csv_reader_init(&r, data, strlen(data));
	is_int(csv_read(&r, &rec), 1, "a header is a record");
	is_int(rec.nfields, 3, "  ... of three fields");
	is_int(csv_read(&r, &rec), 1, "the next line is a record");
	is_int(rec.line, 2, "  ... starting on line 2");
	is_str(strbuf_str(&rec.fields[2]), "春节", "  ... with Chinese text intact");
	is_int(csv_read(&r, &rec), 0, "then the end");
	csv_record_free(&rec);
}

static void quoting(void)
{
	struct csv_reader r;
	struct csv_record rec = {0};
	const char *data = "\xef\xbb\xbf\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nnext,,\r\n";
	csv_reader_init(&r, data, strlen(data));
	csv_read(&r, &rec);
	is_str(strbuf_str(&rec.fields[0]), "a,b",
	       "a comma inside quotes (after a byte order mark)");
	is_str(strbuf_str(&rec.fields[1]), "say \"hi\"", "\"\" is a quote");
	is_str(strbuf_str(&rec.fields[2]), "two\nlines", "a line break inside quotes");
	csv_read(&r, &rec);
	is_int(rec.line, 3, "the record after a two-line field starts on line 3");
	is_int(rec.nfields, 3, "empty fields count");
	is_str(strbuf_str(&rec.fields[2]), "", "  ... and are empty");
	csv_record_free(&rec);
}

static void edges(void)
{
	struct csv_reader r;
	struct csv_record rec = {0};
	const char *data = "a\n\nb";
	csv_reader_init(&r, data, strlen(data));
	csv_read(&r, &rec);
	csv_read(&r, &rec);
	ok(csv_blank(&rec), "an empty line is a blank record");
	is_int(csv_read(&r, &rec), 1, "a last line without a line break is read");
	is_int(rec.line, 3, "  ... on line 3");
	csv_record_free(&rec);
	is_int(count_records(""), 0, "nothing in, nothing out");
	is_int(count_records("x,\"open\n"), -1, "an unclosed quote is an error");
	is_int(count_records("a\rb\rc"), 3, "old Mac line ends too");
}

int main(void)
{
	plain();
	quoting();
	edges();
	return done_testing();
}
