/* Entity lookup's pure parts: what the search box takes an input for
 * (every line of tests/data/entity-query-kinds.txt), date ranges as typed,
 * sort names, the keyset cursor, the OSC 52 copy sequence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/width.h"
#include "base/xalloc.h"
#include "domain/entity.h"
#include "domain/entity_profile.h"
#include "lib/tap.h"
#include "ui/clipboard.h"

static char *data_path(const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	const char *root = getenv("SMCON_ROOT");
	strbuf_addf(&sb, "%s%stests/data/%s", root && *root ? root : "", root && *root ? "/" : "", name);
	return strbuf_detach(&sb);
}

/* Every "INPUT<TAB>KIND" line: C says the same kind. */
static void kinds(void)
{
	char *path = data_path("entity-query-kinds.txt");
	FILE *f = fopen(path, "r");
	struct strbuf line = STRBUF_INIT;
	int n = 0, wrong = 0, seen[EK_TEXT + 1] = {0};
	ok(f != NULL, "the kinds file opens");
	while (f && strbuf_getline(&line, f)) {
		char *s = line.buf, *tab = s ? strchr(s, '\t') : NULL;
		if (!s || *s == '#' || !tab)
			continue;
		*tab = '\0';
		enum entity_kind k = entity_classify(s);
		if (strcmp(entity_kind_name(k), tab + 1) != 0) {
			fprintf(stderr, "#   '%s' is %s, not %s\n", s, entity_kind_name(k),
			        tab + 1);
			wrong++;
		}
		seen[k] = 1;
		n++;
	}
	is_int(wrong, 0, "every input of the kinds file is taken for what the file says");
	ok(n >= 40, "  ... at least 40 inputs");
	ok(seen[EK_EMPTY] && seen[EK_USCC] && seen[EK_REG_NO] && seen[EK_PHONE] && seen[EK_USCC_PREFIX] &&
		   seen[EK_TEXT],
	   "  ... of every kind");
	if (f)
		fclose(f);
	strbuf_free(&line);
	free(path);
}

static void dates(void)
{
	static const struct {
		const char *in, *from, *to;
	} cases[] = {
		{"2015", "2015-01-01", "2015-12-31"},
		{"2015-2020", "2015-01-01", "2020-12-31"},
		{"2015-03-01", "2015-03-01", "2015-03-01"},
		{"2015-03-01~2016-12-31", "2015-03-01", "2016-12-31"},
		{"2015/03/01..2016/12/31", "2015-03-01", "2016-12-31"},
		{"2015至2018", "2015-01-01", "2018-12-31"},
		{"2015~", "2015-01-01", ""},
		{"~2016-06-30", "", "2016-06-30"},
		{" 2015 到 2016 ", "2015-01-01", "2016-12-31"},
	};
	struct strbuf from = STRBUF_INIT, to = STRBUF_INIT, name = STRBUF_INIT;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		strbuf_reset(&from);
		strbuf_reset(&to);
		strbuf_reset(&name);
		strbuf_addf(&name, "'%s' is %s to %s", cases[i].in, cases[i].from, cases[i].to);
		int rc = entity_parse_dates(cases[i].in, &from, &to);
		ok(rc == 0 && strcmp(strbuf_str(&from), cases[i].from) == 0 &&
			   strcmp(strbuf_str(&to), cases[i].to) == 0,
		   strbuf_str(&name));
	}
	static const char *const bad[] = {"", "15", "2015-3-1", "二〇一五", "2015~2016~2017", "abcd"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		strbuf_reset(&name);
		strbuf_addf(&name, "'%s' is not a date range", bad[i]);
		ok(entity_parse_dates(bad[i], &from, &to) == -1 && from.len == 0 && to.len == 0,
		   strbuf_str(&name));
	}
	strbuf_free(&from);
	strbuf_free(&to);
	strbuf_free(&name);
}

static void sorts_and_tabs(void)
{
	int round = 1;
	for (int s = 0; s < ES_COUNT; s++) {
		enum entity_sort back;
		round &= entity_sort_parse(entity_sort_name((enum entity_sort)s), &back) == 0 && (int)back == s;
	}
	ok(round, "every sort's name parses back to it");
	enum entity_sort s;
	ok(entity_sort_parse("pinyin", &s) == -1, "an unknown sort is refused");
	int tabs = 1;
	for (int t = 0; t < ET_COUNT; t++) {
		enum entity_tab back;
		tabs &= entity_tab_parse(entity_tab_name((enum entity_tab)t), &back) == 0 && (int)back == t;
	}
	ok(tabs, "every tab's name parses back to it (13 tabs)");
	is_int(ET_COUNT, 13, "  ... one per theme of the profile");
	is_str(entity_theme_label("supervision"), "监管行为库", "supervision is 监管行为库");
	is_str(entity_theme_label("elsewhere"), "elsewhere", "an unknown schema is shown as it is");
}

static void text_length(void)
{
	is_int(entity_text_length("红豆"), 2, "红豆 is two characters");
	is_int(entity_text_length(" 红 豆 "), 2, "  ... blanks do not count");
	is_int(entity_text_length("红"), 1, "红 is one");
	ok(entity_code_valid("９１３２０２０２ｍａ１ＴＡＡ０４Ｘ７"), "a full-width code is valid once normalised");
	ok(!entity_code_valid("91320202MA1TAA04X8"), "a wrong check character is not");
}

/* The keyset cursor follows the last row loaded; an empty page clears it. */
static void cursor(void)
{
	struct entity_page p;
	struct entity_query q;
	entity_page_init(&p);
	entity_query_init(&q);
	is_int(q.page_size, 50, "a query shows 50 rows a page");
	p.hits = xcalloc(2, sizeof *p.hits);
	p.n = p.cap = 2;
	for (int i = 0; i < 2; i++)
		for (int c = 0; c < EH_COUNT; c++)
			p.hits[i].v[c] = xstrdup("");
	free(p.hits[1].v[EH_SORT_KEY]);
	p.hits[1].v[EH_SORT_KEY] = xstrdup("20");
	free(p.hits[1].v[EH_ID]);
	p.hits[1].v[EH_ID] = xstrdup("42");
	free(p.hits[1].v[EH_POS]);
	p.hits[1].v[EH_POS] = xstrdup("2");
	p.total = 3;
	ok(entity_page_more(&p), "row 2 of 3: there is more");
	entity_page_cursor(&p, &q);
	ok(q.after_key && strcmp(q.after_key, "20") == 0 && q.after_id && strcmp(q.after_id, "42") == 0,
	   "the next page follows the last row's sort key and id");
	p.total = 2;
	ok(!entity_page_more(&p), "row 2 of 2: no more");
	entity_page_free(&p);
	entity_page_cursor(&p, &q);
	ok(!q.after_key && !q.after_id, "an empty page clears the cursor");
	entity_query_free(&q);
}

static void osc52(void)
{
	struct strbuf sb = STRBUF_INIT;
	clipboard_osc52("91320213MA1XHD015B", &sb);
	is_str(strbuf_str(&sb), "\033]52;c;OTEzMjAyMTNNQTFYSEQwMTVC\a", "OSC 52 carries the code in base64");
	strbuf_reset(&sb);
	clipboard_osc52("红豆", &sb);
	is_str(strbuf_str(&sb), "\033]52;c;57qi6LGG\a", "  ... and UTF-8 text as its bytes");
	strbuf_free(&sb);
}

int main(void)
{
	plan(37);
	width_setup();
	kinds();
	dates();
	sorts_and_tabs();
	text_length();
	cursor();
	osc52();
	return done_testing();
}
