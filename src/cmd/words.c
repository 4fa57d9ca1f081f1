#include "cmd/words.h"

#include <stdlib.h>

#include "base/xalloc.h"
#include "i18n/i18n.h"

static void push(struct words *w, struct strbuf *cur)
{
	w->word = xrealloc(w->word, sizeof(char *) * ((size_t)w->count + 2));
	w->word[w->count++] = strbuf_detach(cur);
	w->word[w->count] = NULL;
}

int words_split(const char *line, struct words *w, struct strbuf *err)
{
	struct strbuf cur = STRBUF_INIT;
	int in_word = 0;
	char quote = 0;
	w->count = 0;
	w->word = xcalloc(1, sizeof(char *));
	for (const char *p = line; *p; p++) {
		char c = *p;
		if (quote) {
			if (c == quote)
				quote = 0;
			else if (c == '\\' && quote == '"' && (p[1] == '"' || p[1] == '\\'))
				strbuf_addc(&cur, *++p);
			else
				strbuf_addc(&cur, c);
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			if (in_word)
				push(w, &cur);
			in_word = 0;
			continue;
		}
		in_word = 1;
		if (c == '\'' || c == '"')
			quote = c;
		else if (c == '\\' && p[1])
			strbuf_addc(&cur, *++p);
		else
			strbuf_addc(&cur, c);
	}
	if (quote) {
		trf(err, MSG_CMD_UNCLOSED_QUOTE, quote);
		strbuf_free(&cur);
		words_free(w);
		return -1;
	}
	if (in_word)
		push(w, &cur);
	strbuf_free(&cur);
	return 0;
}

void words_free(struct words *w)
{
	for (int i = 0; i < w->count; i++)
		free(w->word[i]);
	free(w->word);
	w->word = NULL;
	w->count = 0;
}
