/* What the policy screens take from text: the words of the search box, and
 * the article a legal basis cites (《法》第N条). */
#include <stdlib.h>
#include <string.h>

#include "domain/policy.h"
#include "lib/tap.h"

/* The citation in text as "LAW|ARTICLE", or "-" when none. */
static char *cite(const char *text)
{
	struct strbuf law = STRBUF_INIT, article = STRBUF_INIT;
	int rc = policy_citation(text, &law, &article);
	if (rc == 0)
		strbuf_addf(&law, "|%s", strbuf_str(&article));
	else
		strbuf_add(&law, strbuf_str(&article)[0] ? "?" : "-");
	strbuf_free(&article);
	return strbuf_detach(&law);
}

static void is_cite(const char *text, const char *want, const char *name)
{
	char *got = cite(text);
	is_str(got, want, name);
	free(got);
}

int main(void)
{
	plan(12);
	is_cite("《企业信息公示暂行条例》第十四条", "企业信息公示暂行条例|第十四条",
	        "a legal basis: the law and the article");
	is_cite("《中华人民共和国食品安全法》第一百一十条第一款",
	        "中华人民共和国食品安全法|第一百一十条",
	        "  ... a paragraph after the article is left out");
	is_cite("《价格法》第13条", "价格法|第13条", "  ... an article in digits");
	is_cite("依据《产品质量法》第十五条；《计量法》第九条", "产品质量法|第十五条",
	        "several: the first");
	is_cite("《广告法》及其实施细则；《计量法》第九条", "计量法|第九条",
	        "a law cited without an article is passed over");
	is_cite("某条例", "-", "no 《》: none");
	is_cite("《广告法》第二章", "-", "a chapter is not an article");
	is_cite("《》第一条", "-", "an empty title is not a law");
	is_cite("《广告法》第一章第五条", "-", "  ... nor a chapter before the article");

	char **w;
	int n = policy_words("  七个工作日　投诉 45\t", &w);
	is_int(n, 3, "the box's words are split at blanks, the ideographic space too");
	ok(n == 3 && !strcmp(w[0], "七个工作日") && !strcmp(w[1], "投诉") && !strcmp(w[2], "45"),
	   "  ... in order, without the blanks");
	policy_words_free(w, n);
	n = policy_words(" 　 ", &w);
	ok(n == 0 && w == NULL, "blanks only: no words");
	return done_testing();
}
