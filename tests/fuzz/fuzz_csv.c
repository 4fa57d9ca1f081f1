/* libFuzzer: the CSV parser (src/base/csv.c) on any bytes. Every row's line
 * is 1 + the LFs before it (what text_line_at() says), reading a row again
 * from its offset gives the same row, and a row never holds more than
 * CSV_MAX_FIELDS fields. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/csv.h"

static long lines_before(const char *s, size_t off)
{
	long n = 1;
	for (size_t i = 0; i < off; i++)
		n += s[i] == '\n';
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct csv_parser p, again;
	struct csv_row row, row2;
	struct strbuf msg = STRBUF_INIT;
	csv_row_init(&row);
	csv_row_init(&row2);
	csv_parser_init(&p, text, size);
	csv_parser_init(&again, text, size);
	while (csv_parser_next(&p, &row)) {
		if (row.line != lines_before(text, row.offset) || row.nfields < 1 ||
		    row.nfields > CSV_MAX_FIELDS)
			abort();
		for (int i = 0; i < row.nfields; i++)
			if (row.fields[i].len && !row.fields[i].s)
				abort();
		csv_parser_seek(&again, row.offset, row.line);
		if (!csv_parser_next(&again, &row2) || row2.nfields != row.nfields ||
		    row2.error != row.error || row2.line != row.line)
			abort();
		strbuf_reset(&msg);
		csv_describe(&row, &msg);
		if ((row.error == CSV_OK) != (msg.len == 0))
			abort();
	}
	strbuf_free(&msg);
	csv_row_free(&row);
	csv_row_free(&row2);
	return 0;
}
