#include "domain/policy.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/width.h"
#include "base/xalloc.h"
#include "db/pgarray.h"

static const char *const sql_search =
    "SELECT short_title, title, article_no, label, chapter, body, hit_pos, hit_len, matches"
    "  FROM api.policy_search($1::text[], $2, $3::int)";

/* The words as the array literal api.policy_search takes ($1::text[]). */
static void words_array(struct strbuf *arr, int nwords, char *const *words)
{
	for (int i = 0; i < nwords; i++)
		pgarray_add(arr, words[i]);
	pgarray_end(arr);
}

PGresult *policy_search(struct db *db, int nwords, char *const *words, const char *law,
                        const char *limit, struct db_error *err)
{
	struct strbuf arr = STRBUF_INIT;
	words_array(&arr, nwords, words);
	const char *params[3] = {strbuf_str(&arr), law, limit};
	PGresult *res = db_exec(db, sql_search, 3, params, err);
	strbuf_free(&arr);
	return res;
}

enum status policy_search_send(struct db *db, int nwords, char *const *words, const char *limit,
                               struct db_error *err)
{
	struct strbuf arr = STRBUF_INIT;
	words_array(&arr, nwords, words);
	const char *params[3] = {strbuf_str(&arr), NULL, limit};
	enum status st = db_async_send(db, sql_search, 3, params, err);
	strbuf_free(&arr);
	return st;
}

/* Whether s starts with a blank that separates words; returns its length. */
static size_t blank_at(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		return 1;
	return strncmp(s, "\xe3\x80\x80", 3) == 0 ? 3 : 0; /* U+3000 ideographic space */
}

int policy_words(const char *text, char ***words)
{
	int n = 0;
	*words = NULL;
	while (*text) {
		size_t b = blank_at(text), len = 0;
		if (b) {
			text += b;
			continue;
		}
		while (text[len] && !blank_at(text + len))
			len++;
		*words = xrealloc(*words, sizeof **words * (size_t)(n + 1));
		(*words)[n] = xmalloc(len + 1);
		memcpy((*words)[n], text, len);
		(*words)[n++][len] = '\0';
		text += len;
	}
	return n;
}

void policy_words_free(char **words, int n)
{
	for (int i = 0; i < n; i++)
		free(words[i]);
	free(words);
}

static const char *const sql_article =
    "SELECT short_title, title, kind, issuing_body, version_date, chapter, section,"
    "       article_no, label, body"
    "  FROM api.policy_article($1, $2)";

PGresult *policy_article(struct db *db, const char *law, const char *article, struct db_error *err)
{
	const char *params[2] = {law, article};
	return db_exec(db, sql_article, 2, params, err);
}

/* The article and, from the law's entry, how many articles it has. */
static const char *const sql_article_read =
    "SELECT a.short_title, a.title, a.kind, a.issuing_body, a.version_date, a.chapter,"
    "       a.section, a.article_no, a.label, a.body, l.articles"
    "  FROM api.policy_article($1, $2) a"
    " CROSS JOIN LATERAL api.policy_laws(a.short_title) l";

enum status policy_article_send(struct db *db, const char *law, const char *article,
                                struct db_error *err)
{
	const char *params[2] = {law, article};
	return db_async_send(db, sql_article_read, 2, params, err);
}

/* Whether s..end holds only an article number: digits or Chinese numerals. */
static int article_number(const char *s, const char *end)
{
	static const char numerals[] = "〇零一二两三四五六七八九十百千";
	if (s == end)
		return 0;
	while (s < end) {
		if (*s >= '0' && *s <= '9') {
			s++;
			continue;
		}
		if (end - s < 3)
			return 0;
		const char *at = strstr(numerals, (char[4]){s[0], s[1], s[2], '\0'});
		if (!at || (at - numerals) % 3 != 0)
			return 0;
		s += 3;
	}
	return 1;
}

int policy_citation(const char *text, struct strbuf *law, struct strbuf *article)
{
	static const char open[] = "《", close[] = "》", di[] = "第", tiao[] = "条";
	for (const char *o = text ? strstr(text, open) : NULL; o; o = strstr(o + 1, open)) {
		const char *name = o + strlen(open), *c = strstr(name, close);
		if (!c)
			return -1;
		const char *no = c + strlen(close), *end = strstr(no, tiao);
		if (c == name || strncmp(no, di, strlen(di)) != 0 || !end ||
		    !article_number(no + strlen(di), end))
			continue;
		strbuf_addn(law, name, (size_t)(c - name));
		strbuf_addn(article, no, (size_t)(end - no) + strlen(tiao));
		return 0;
	}
	return -1;
}

static const char *const sql_laws =
    "SELECT short_title, title, kind, issuing_body, version_date, effective_date,"
    "       chapters, articles"
    "  FROM api.policy_laws($1)";

PGresult *policy_laws(struct db *db, const char *filter, struct db_error *err)
{
	const char *params[1] = {filter};
	return db_exec(db, sql_laws, 1, params, err);
}

/* One character of the text being cut: where it is and how wide. */
struct glyph {
	size_t off, len;
	int width;
};

/* Splits s into glyphs; returns how many (the caller frees *out). */
static int glyphs_of(const char *s, struct glyph **out)
{
	size_t n = strlen(s), cap = 64;
	int count = 0;
	struct glyph *g = xmalloc(sizeof *g * cap);
	for (size_t off = 0; off < n;) {
		uint32_t cp;
		size_t len = utf8_decode(s + off, n - off, &cp);
		if ((size_t)count == cap) {
			cap *= 2;
			g = xrealloc(g, sizeof *g * cap);
		}
		g[count].off = off;
		g[count].len = len;
		g[count].width = width_cp(cp);
		count++;
		off += len;
	}
	*out = g;
	return count;
}

static void add_glyphs(struct strbuf *out, const char *s, const struct glyph *g, int from, int to)
{
	if (from < to)
		strbuf_addn(out, s + g[from].off, g[to - 1].off + g[to - 1].len - g[from].off);
}

void policy_snippet(struct strbuf *out, const char *text, int hit_pos, int hit_len, int cols,
                    const char *open, const char *close)
{
	struct strbuf clean = STRBUF_INIT;
	struct glyph *g;
	width_sanitize(&clean, text);
	const char *s = strbuf_str(&clean);
	int n = glyphs_of(s, &g);
	int marker = width_str(WIDTH_MARKER), marks = width_str(open) + width_str(close);
	int hit = hit_pos > 0 && hit_pos <= n ? hit_pos - 1 : -1;
	int hit_end = hit < 0 ? 0 : hit + hit_len > n ? n : hit + hit_len;
	int start = 0, used = 0;
	if (hit >= 0) {
		for (int i = hit; i < hit_end; i++)
			used += g[i].width;
		used += marks;
		/* context before the hit: up to a quarter of the line, leaving room
		 * for the markers of both cut ends */
		int lead = cols - used - 2 * marker, before = 0;
		lead = lead < cols / 4 ? lead : cols / 4;
		start = hit;
		while (start > 0 && before + g[start - 1].width <= lead)
			before += g[--start].width;
		used += before;
	}
	if (start > 0) {
		strbuf_add(out, WIDTH_MARKER);
		used += marker;
	}
	add_glyphs(out, s, g, start, hit < 0 ? start : hit);
	if (hit >= 0) {
		strbuf_add(out, open);
		add_glyphs(out, s, g, hit, hit_end);
		strbuf_add(out, close);
	}
	int tail = hit < 0 ? start : hit_end, rest = 0, end = tail;
	for (int i = tail; i < n; i++)
		rest += g[i].width;
	if (used + rest <= cols) {
		end = n;
	} else {
		while (end < n && used + g[end].width + marker <= cols)
			used += g[end++].width;
	}
	add_glyphs(out, s, g, tail, end);
	if (end < n)
		strbuf_add(out, WIDTH_MARKER);
	free(g);
	strbuf_free(&clean);
}
