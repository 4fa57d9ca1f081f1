/* libFuzzer: the importer's cell checks (src/import/import_value.c) on any
 * bytes, for a field of each kind: the first byte picks the kind (and
 * whether the field holds personal data), the rest is the cell. A verdict
 * is OK with a value, EMPTY with nothing, or BAD with a reason and nothing
 * in the value; a value is valid UTF-8; the reason of a personal field
 * never repeats a cell that looks like an ID number. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import/import_file.h"
#include "import/import_map.h"
#include "import/import_value.h"

static char *codes[] = {"A", "B", "C"};

static void field_of(struct import_field *f, unsigned pick)
{
	static const enum import_kind kinds[] = {IK_TEXT,   IK_USCC,    IK_DATE,    IK_DATE_OPEN,
	                                         IK_NUMBER, IK_INTEGER, IK_BOOLEAN, IK_PHONE,
	                                         IK_CODE,   IK_CODES};
	memset(f, 0, sizeof *f);
	f->name = "cell";
	f->title = "单元格";
	f->header = "单元格";
	f->kind = kinds[pick % (sizeof kinds / sizeof kinds[0])];
	f->digits = 16;
	f->scale = 2;
	f->personal = (pick / 16) % 2 ? "id_no" : NULL;
	f->column = 0;
	f->codes = codes;
	f->ncodes = 3;
	strmap_init(&f->labels);
	strmap_put(&f->labels, "A", 1, 0);
	strmap_put(&f->labels, "甲", strlen("甲"), 0);
	strmap_put(&f->labels, "B", 1, 1);
	strmap_put(&f->labels, "乙", strlen("乙"), 1);
	strmap_put(&f->labels, "C", 1, 2);
}

/* Six or more letters and digits, three of them digits: what an ID number
 * looks like, and what no message text contains by chance. */
static int looks_like_a_number(const char *s, size_t len)
{
	size_t digits = 0;
	if (len < 6)
		return 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= '0' && c <= '9')
			digits++;
		else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
			return 0;
	}
	return digits >= 3;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	struct import_field f;
	field_of(&f, data[0]);
	const char *s = (const char *)data + 1;
	size_t len = size - 1;
	if (utf8_scan(s, len) != len) { /* cells are UTF-8 by the time they are checked */
		strmap_free(&f.labels);
		return 0;
	}
	struct strbuf out = STRBUF_INIT, why = STRBUF_INIT;
	enum import_verdict v = import_value(&f, s, len, &out, &why);
	if (v == IV_OK && utf8_scan(out.buf ? out.buf : "", out.len) != out.len)
		abort();
	if (v != IV_OK && out.len)
		abort(); /* "out gains nothing unless the verdict is IV_OK" */
	if (v == IV_BAD && !why.len)
		abort();
	if (v == IV_BAD && f.personal && looks_like_a_number(s, len)) {
		char *cellz = strndup(s, len);
		if (strstr(strbuf_str(&why), cellz))
			abort();
		free(cellz);
	}
	strbuf_free(&out);
	strbuf_free(&why);
	strmap_free(&f.labels);
	return 0;
}
