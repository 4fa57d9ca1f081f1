/* Text wrapped to a width in display columns (smcon help in 80 columns). */
#include <string.h>

#include "base/width.h"
#include "lib/tap.h"
#include "print/wrap.h"

/* wrapped(s, first, indent, cols): the text as wrap_text() lays it out. */
static const char *wrapped(const char *s, int first, int indent, int cols)
{
	static struct strbuf out;
	strbuf_reset(&out);
	wrap_text(&out, s, first, indent, cols);
	return strbuf_str(&out);
}

/* The widest line of text, in columns. */
static int widest(const char *text)
{
	int w = 0;
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		int lw = width_strn(p, n);
		w = lw > w ? lw : w;
		p += n + (nl != NULL);
	}
	return w;
}

int main(void)
{
	plan(10);
	width_setup();
	is_str(wrapped("short", 0, 0, 20), "short\n", "text that fits stays on one line");
	is_str(wrapped("the quick brown fox jumps", 0, 2, 12), "the quick\n  brown fox\n  jumps\n",
	       "English breaks between words, later lines indented");
	is_str(wrapped("一二三四五六七八", 0, 0, 6), "一二三\n四五六\n七八\n",
	       "Chinese breaks between characters, two columns each");
	is_str(wrapped("一二三四五", 0, 0, 5), "一二\n三四\n五\n", "  a character is never split");
	is_str(wrapped("退出码为 10，否则", 0, 0, 10), "退出码为\n10，否则\n",
	       "  a number stays whole between Chinese words");
	is_str(wrapped("abcdefghij", 0, 0, 4), "abcd\nefgh\nij\n",
	       "a word wider than a line is cut");
	is_str(wrapped("描述", 9, 4, 10), "\n    描述\n",
	       "nothing fits after the first column: a line of its own");
	is_str(wrapped("一二三，四", 0, 0, 6), "一二\n三，四\n",
	       "a line does not start with a closing mark");
	is_str(wrapped("", 0, 0, 10), "\n", "empty text is an empty line");
	const char *long_zh =
	    "向空的数据仓库生成全部主题的仿真数据（真实的中文名称、有效代码，各表按 --scale "
	    "个市场主体成比例）；同一种子、规模和截止日期生成的数据完全相同";
	struct strbuf line = STRBUF_INIT;
	width_pad(&line, 28);
	wrap_text(&line, long_zh, 28, 28, 80);
	ok(widest(strbuf_str(&line)) <= 80,
	   "a long description in the second column keeps within 80 columns");
	strbuf_free(&line);
	return done_testing();
}
