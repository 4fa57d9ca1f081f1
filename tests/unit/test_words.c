/* Splitting command lines into words. */
#include "cmd/words.h"
#include "lib/tap.h"

static void check(const char *line, int n, const char *w0, const char *w1, const char *name)
{
	struct words w;
	struct strbuf err = STRBUF_INIT;
	int rc = words_split(line, &w, &err);
	ok(rc == 0 && w.count == n && (!w0 || is_str(w.word[0], w0, "  first word")) &&
		   (!w1 || is_str(w.word[1], w1, "  second word")),
	   name);
	if (rc == 0)
		words_free(&w);
	strbuf_free(&err);
}

int main(void)
{
	plan(18);
	check("db status", 2, "db", "status", "blanks separate words");
	check("  entity   search  红豆  ", 3, "entity", "search", "extra blanks are ignored");
	check("entity search '无锡 红豆'", 3, NULL, NULL, "single quotes keep blanks");
	check("a \"b c\\\" d\"", 2, "a", "b c\" d", "double quotes with an escaped quote");
	check("a b\\ c", 2, "a", "b c", "a backslash escapes a blank");
	check("a ''", 2, "a", "", "an empty quoted word is a word");
	check("", 0, NULL, NULL, "an empty line has no words");
	struct words w;
	struct strbuf err = STRBUF_INIT;
	ok(words_split("say 'unclosed", &w, &err) == -1 && err.len > 0,
	   "an unclosed quote is an error with a message");
	strbuf_free(&err);
	return done_testing();
}
