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

PGresult *policy_search(struct db *db, int nwords, char *const *words, const char *law,
                        const char *limit, struct db_error *err)
{
	struct strbuf arr = STRBUF_INIT;
	for (int i = 0; i < nwords; i++)
		pgarray_add(&arr, words[i]);
	pgarray_end(&arr);
	const char *params[3] = {strbuf_str(&arr), law, limit};
	PGresult *res = db_exec(db, sql_search, 3, params, err);
	strbuf_free(&arr);
	return res;
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
