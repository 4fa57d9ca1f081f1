/* The importer's pieces that need no database: telling UTF-8 from GB18030,
 * dates, numbers and other cells of a file, code names, masking, the map. */
#include <stdlib.h>
#include <string.h>

#include "base/uscc.h"
#include "import/import_field.h"
#include "import/import_file.h"
#include "import/import_map.h"
#include "import/import_reject.h"
#include "import/import_value.h"
#include "i18n/i18n.h"
#include "lib/tap.h"

static void encodings(void)
{
	const char *zh = "统一社会信用代码,企业名称\n";
	is_int(utf8_scan(zh, strlen(zh)), strlen(zh), "Chinese UTF-8 is valid throughout");
	is_int(utf8_scan("abc\xe9 def", 8), 3, "a Latin-1 byte is where UTF-8 stops");
	is_int(utf8_scan("ab\xc0\xaf", 4), 2, "an overlong form is not UTF-8");
	is_int(utf8_scan("a\xed\xa0\x80", 4), 1, "a surrogate is not UTF-8");
	is_int(utf8_scan("abcdefgh\xe4\xb8", 10), 8, "a sequence cut off at the end is not UTF-8");
	is_int(utf8_scan("abcdefghijk\0lm", 14), 11, "a NUL byte is not text");
	is_int(utf8_scan("\xf0\x9f\x98\x80", 4), 4, "four-byte characters are UTF-8");

	/* 无锡市梁溪区 in GB18030 (GBK range) */
	const char gb[] = "\xce\xde\xce\xfd\xca\xd0\xc1\xba\xcf\xaa\xc7\xf8,1\r\n";
	ok(utf8_scan(gb, sizeof gb - 1) < sizeof gb - 1, "GB18030 text is not UTF-8");
	struct strbuf out = STRBUF_INIT;
	is_int(gb18030_to_utf8(gb, sizeof gb - 1, &out), sizeof gb - 1, "GB18030 converts throughout");
	is_str(strbuf_str(&out), "无锡市梁溪区,1\r\n", "  to the same Chinese in UTF-8");
	strbuf_reset(&out);
	const char bad[] = "ok\n\xce\xde\n\xff\xfe";
	is_int(gb18030_to_utf8(bad, sizeof bad - 1, &out), 6, "0xFF is where GB18030 stops");
	is_int(text_line_at(bad, 6), 3, "  on the third line");
	strbuf_free(&out);
}

static int date_is(const char *s, int y, int m, int d)
{
	int yy, mm, dd;
	return import_parse_date(s, strlen(s), &yy, &mm, &dd) == 0 && yy == y && mm == m && dd == d;
}

static void dates(void)
{
	ok(date_is("2016-03-18", 2016, 3, 18), "2016-03-18");
	ok(date_is("2016/3/8", 2016, 3, 8), "2016/3/8");
	ok(date_is("2016.03.18", 2016, 3, 18), "2016.03.18");
	ok(date_is("20160318", 2016, 3, 18), "20160318");
	ok(date_is("2016年3月18日", 2016, 3, 18), "2016年3月18日");
	ok(date_is("2016-03-18 00:00:00", 2016, 3, 18), "a time of day after the date is dropped");
	ok(date_is("2024-02-29", 2024, 2, 29), "29 February of a leap year");
	int y, m, d;
	ok(import_parse_date("2023-02-29", 10, &y, &m, &d) < 0, "no 29 February in 2023");
	ok(import_parse_date("2016-13-01", 10, &y, &m, &d) < 0, "no 13th month");
	ok(import_parse_date("2016-03", 7, &y, &m, &d) < 0, "a month is not a date");
	ok(import_parse_date("2016-3/18", 9, &y, &m, &d) < 0, "mixed separators are not a date");
	ok(import_parse_date("0216-03-18", 10, &y, &m, &d) < 0, "the year 216 is a typo");
	ok(import_parse_date("2016-03-18x", 11, &y, &m, &d) < 0, "trailing text is not a date");
}

/* Checks a cell for a field of kind k and says what it became (or "BAD"). */
static const char *cell(struct import_field *f, const char *s)
{
	static struct strbuf out;
	struct strbuf why = STRBUF_INIT;
	strbuf_reset(&out);
	enum import_verdict v = import_value(f, s, strlen(s), &out, &why);
	if (v == IV_BAD)
		strbuf_add(&out, "BAD");
	else if (v == IV_EMPTY)
		strbuf_add(&out, "NULL");
	strbuf_free(&why);
	return strbuf_str(&out);
}

static void values(void)
{
	struct import_field f;
	memset(&f, 0, sizeof f);
	f.header = "注册资本（万元）";
	f.kind = IK_NUMBER;
	f.digits = 18;
	f.scale = 2;
	is_str(cell(&f, " 1,000.50 "), "1000.5", "a number: blanks, grouping and trailing zeros go");
	is_str(cell(&f, "0.00"), "0", "zero");
	is_str(cell(&f, "-12"), "-12", "a negative number");
	is_str(cell(&f, "1.005"), "BAD", "three decimals where two are allowed");
	is_str(cell(&f, "1,00"), "BAD", "wrong grouping");
	is_str(cell(&f, "12万"), "BAD", "a unit is not a number");
	is_str(cell(&f, "12345678901234567"), "BAD", "17 digits before the point where 16 are allowed");
	f.kind = IK_INTEGER;
	is_str(cell(&f, "1000"), "1000", "an integer");
	is_str(cell(&f, "1000.5"), "BAD", "a fraction is not an integer");
	is_str(cell(&f, "-2147483648"), "-2147483648", "the smallest int4 is an integer");
	is_str(cell(&f, "2147483647"), "2147483647", "  and so is the largest");
	is_str(cell(&f, "2147483648"), "BAD", "  one more is too big");
	is_str(cell(&f, "-2147483649"), "BAD", "  one less is too small");
	f.kind = IK_BOOLEAN;
	is_str(cell(&f, "是"), "true", "是 is true");
	is_str(cell(&f, "N"), "false", "N is false");
	is_str(cell(&f, "也许"), "BAD", "也许 is neither");
	f.kind = IK_PHONE;
	is_str(cell(&f, "0510-8270 1234"), "0510-82701234", "a phone number loses its blanks");
	is_str(cell(&f, "转 8001"), "BAD", "text is not a phone number");
	f.kind = IK_USCC;
	f.header = "统一社会信用代码";
	is_str(cell(&f, "91320213ma1x7q2hxk"), "91320213MA1X7Q2HXK", "a USCC is normalised");
	is_str(cell(&f, "9132 0213 MA1X 7Q2H XK"), "91320213MA1X7Q2HXK", "  blanks and all");
	is_str(cell(&f, "91320213MA1X7Q2HXA"), "BAD", "a USCC with the wrong check character");
	struct strbuf out = STRBUF_INIT, why = STRBUF_INIT;
	import_value(&f, "91320213MA1X7Q2HXA", 18, &out, &why);
	ok(strstr(strbuf_str(&why), "K") != NULL && strstr(strbuf_str(&why), "统一社会信用代码") != NULL,
	   "  the reason names the column and the right check character");
	f.kind = IK_DATE_OPEN;
	f.header = "营业期限至";
	is_str(cell(&f, "长期"), "NULL", "长期 is an open end");
	is_str(cell(&f, "2035-05-19"), "2035-05-19", "  a date is a date");
	f.kind = IK_TEXT;
	is_str(cell(&f, "\xe3\x80\x80 无锡 \t"), "无锡", "text is trimmed, ideographic spaces too");
	is_str(cell(&f, "   "), "NULL", "blank text is empty");
	strbuf_free(&out);
	strbuf_free(&why);
}

static void codes(void)
{
	struct import_field f;
	memset(&f, 0, sizeof f);
	f.kind = IK_CODES;
	f.header = "处罚种类";
	strmap_init(&f.labels);
	static char *codes_[] = {"warning", "fine"};
	f.codes = codes_;
	f.ncodes = 2;
	strmap_put(&f.labels, "warning", 7, 0);
	strmap_put(&f.labels, "警告", strlen("警告"), 0);
	strmap_put(&f.labels, "fine", 4, 1);
	strmap_put(&f.labels, "罚款", strlen("罚款"), 1);
	struct strbuf fold = STRBUF_INIT;
	import_label_fold("有限责任公司(自然人独资)", strlen("有限责任公司(自然人独资)"), &fold);
	strmap_put(&f.labels, fold.buf, fold.len, 1);
	is_str(cell(&f, "警告、罚款"), "warning,fine", "names become codes");
	is_str(cell(&f, "warning；fine"), "warning,fine", "  codes stay codes");
	is_str(cell(&f, "罚没"), "BAD", "an unknown name is refused");
	is_str(cell(&f, "警告、罚没"), "BAD",
	       "a list with an unknown name is refused, without the codes before it");
	struct strbuf out = STRBUF_INIT, why = STRBUF_INIT;
	strbuf_add(&out, "earlier");
	is_int(import_value(&f, "罚款，罚没", strlen("罚款，罚没"), &out, &why), IV_BAD,
	       "a bad list of codes is bad");
	is_str(strbuf_str(&out), "earlier", "  and adds nothing to the value buffer");
	strbuf_free(&out);
	strbuf_free(&why);
	is_int(import_code_find(&f, "有限责任公司（自然人独资）", strlen("有限责任公司（自然人独资）")), 1,
	       "full-width and ASCII parentheses are the same");
	strmap_free(&f.labels);
	strbuf_free(&fold);
}

/* A bad cell of a personal field (here an ID number, whatever kind of value
 * the field takes) is reported without the value as written. */
static void personal(void)
{
	static const enum import_kind kinds[] = {IK_USCC,    IK_DATE,  IK_NUMBER, IK_INTEGER,
	                                         IK_BOOLEAN, IK_PHONE, IK_CODE,   IK_CODES};
	static const char *const names[] = {"USCC",    "date",  "number", "integer",
	                                    "boolean", "phone", "code",   "codes"};
	const char *id = "32021319780512301X";
	struct import_field f;
	memset(&f, 0, sizeof f);
	f.header = "法定代表人证件号码";
	f.personal = "id_no";
	f.digits = 18;
	strmap_init(&f.labels);
	struct strbuf out = STRBUF_INIT, why = STRBUF_INIT;
	char name[96];
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		f.kind = kinds[i];
		strbuf_reset(&out);
		strbuf_reset(&why);
		snprintf(name, sizeof name, "a bad ID number in a %s field is refused", names[i]);
		is_int(import_value(&f, id, strlen(id), &out, &why), IV_BAD, name);
		ok(strstr(strbuf_str(&why), f.header) && !strstr(strbuf_str(&why), "19780512"),
		   "  its reason names the column, not the number");
		if (strstr(strbuf_str(&why), "19780512"))
			fprintf(stderr, "#   reason: %s\n", strbuf_str(&why));
	}
	strmap_free(&f.labels);
	strbuf_free(&out);
	strbuf_free(&why);
}

/* What import_mask_text() makes of s. */
static const char *masked(const char *s)
{
	static struct strbuf out;
	strbuf_reset(&out);
	import_mask_text(s, strlen(s), &out);
	return strbuf_str(&out);
}

/* Text a row of a file may hold, masked by what its values are, wherever
 * they stand: ID numbers and mobile numbers, nothing else. */
static void mask_text(void)
{
	is_str(masked("法定代表人王建华，身份证320213197805123016，住无锡市梁溪区中山路 168 号"),
	       "法定代表人王建华，身份证320213********3016，住无锡市梁溪区中山路 168 号",
	       "an ID number inside Chinese text is masked, the text around it kept");
	is_str(masked("旧证 320213780512301 已换"), "旧证 320213*****2301 已换",
	       "a 15-digit ID number (first-generation card) is masked");
	is_str(masked("32021319780512301X,32021319780512301x"),
	       "320213********301X,320213********301x",
	       "an ID number with an X check character is masked, in either case");
	is_str(masked("320213197805123017"), "320213********3017",
	       "an ID number with a wrong check digit is still masked");
	is_str(masked("手机+8613812345678；13912345678。"), "手机+86138****5678；139****5678。",
	       "a mobile number is masked, after +86 too");
	is_str(masked("8613812345678 138 1234 5678 139-1234-5678"),
	       "86138****5678 138 **** 5678 139-****-5678", "  after 86, and written in groups");
	is_str(masked("Tel13812345678"), "Tel138****5678", "  and after letters");
	const char *code = "913202197805120227";
	ok(uscc_valid(code), "913202197805120227 is a valid USCC whose digits 7-14 read as a date");
	is_str(masked(code), code, "  and is not masked");
	is_str(masked("3202131978051230161"), "3202131978051230161",
	       "a run of 19 digits is no ID number");
	is_str(masked("320213197813123016,320213185005123016,320213197805323016"),
	       "320213197813123016,320213185005123016,320213197805323016",
	       "18 digits without a plausible date of birth are no ID number");
	is_str(masked("138123456789 2138123456 0510-82701234"),
	       "138123456789 2138123456 0510-82701234",
	       "12 digits, 10 digits and a landline are no mobile number");
	is_str(masked("320213197805123016ABC"), "320213197805123016ABC",
	       "18 digits inside a longer run of letters and digits are no ID number");
	is_str(masked("\"王建华\",\"无锡\r\n太湖\"\"花园\"\"\"\n13812345678\n"),
	       "\"王建华\",\"无锡\r\n太湖\"\"花园\"\"\"\n138****5678\n",
	       "quotes, commas and line breaks are kept byte for byte");
	is_str(masked(""), "", "nothing stays nothing");
}

static void masks_and_map(void)
{
	struct strbuf sb = STRBUF_INIT;
	import_mask("id_no", "320213197805123016", 18, &sb);
	is_str(strbuf_str(&sb), "320213********3016", "an ID number keeps its first six and last four");
	strbuf_reset(&sb);
	import_mask("name", "王建华", strlen("王建华"), &sb);
	is_str(strbuf_str(&sb), "王**", "a name keeps its surname");
	/* the same rules as core.mask_phone/core.mask_id_no (0185): something is always hidden */
	strbuf_reset(&sb);
	import_mask("id_no", "3144747455", 10, &sb);
	is_str(strbuf_str(&sb), "**********",
	       "an ID number shorter than an identity card is hidden whole");
	strbuf_reset(&sb);
	import_mask("phone", "8270123", 7, &sb);
	is_str(strbuf_str(&sb), "***0123", "a local number keeps only its last four");
	strbuf_reset(&sb);
	import_mask("phone", "13917006195", 11, &sb);
	is_str(strbuf_str(&sb), "139****6195",
	       "a mobile number keeps its first three and last four");
	strbuf_free(&sb);

	struct strmap m;
	strmap_init(&m);
	char key[32];
	for (long i = 0; i < 5000; i++) {
		snprintf(key, sizeof key, "9132%014ld", i);
		strmap_put(&m, key, strlen(key), i);
	}
	snprintf(key, sizeof key, "9132%014ld", 4321L);
	is_int(strmap_get(&m, key, strlen(key)), 4321, "the map finds a key among thousands");
	is_int(strmap_put(&m, key, strlen(key), 1), 4321, "  and keeps the first value");
	is_int(strmap_get(&m, "nope", 4), -1, "  and knows what it does not have");
	strmap_free(&m);

	char *p = import_rejects_path("data/企业.csv");
	is_str(p, "data/企业.rejects.csv", "the rejects file of FILE.csv is FILE.rejects.csv");
	free(p);
	p = import_rejects_path("export.txt");
	is_str(p, "export.txt.rejects.csv", "  and of another name NAME.rejects.csv");
	free(p);
}

int main(void)
{
	plan(99);
	encodings();
	dates();
	values();
	codes();
	personal();
	mask_text();
	masks_and_map();
	return done_testing();
}
