/* Commands of the policy knowledge base: policy search, show, laws. */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd_reference.h"
#include "domain/policy.h"

#define SNIPPET_COLS 60

/* The snippet around the first hit: marked in a table, plain in CSV and JSON. */
static void fix_hit(const struct cmd_ctx *ctx, struct rowset *rs, int r, const PGresult *res)
{
	struct strbuf snip = STRBUF_INIT;
	const char *pos = ref_value(res, r, 6), *len = ref_value(res, r, 7);
	int table = ctx->format == FMT_TABLE;
	policy_snippet(&snip, PQgetvalue(res, r, 5), pos ? atoi(pos) : 0, len ? atoi(len) : 0,
	               SNIPPET_COLS, table ? tr(MSG_POL_HIT_OPEN) : "",
	               table ? tr(MSG_POL_HIT_CLOSE) : "");
	rowset_set(rs, r, 2, strbuf_str(&snip));
	strbuf_free(&snip);
}

enum status run_policy_search(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	static const struct ref_col cols[] = {
	    {"law", MSG_POL_COL_LAW, CT_TEXT},
	    {"article", MSG_POL_COL_ARTICLE, CT_TEXT},
	    {"snippet", MSG_POL_COL_SNIPPET, CT_TEXT},
	    {"law_title", MSG_POL_COL_LAW_TITLE, CT_TEXT},
	    {"article_no", MSG_POL_COL_ARTICLE_NO, CT_NUMBER},
	    {"chapter", MSG_POL_COL_CHAPTER, CT_TEXT},
	    {"text", MSG_POL_COL_TEXT, CT_TEXT},
	};
	static const int src[] = {0, 3, 5, 1, 2, 4, 5};
	/* a table shows law, article and snippet; CSV and JSON add the rest */
	struct ref_view view = {cols, src, ctx->format == FMT_TABLE ? 3 : 7, 0, fix_hit};
	const char *limit = cmd_opt(args, "limit");
	struct db_error err;
	if (limit) {
		char *end;
		long n = strtol(limit, &end, 10);
		if (!*limit || *end || n < 1 || n > 1000)
			return ref_fail(ctx, ST_USAGE, MSG_POL_BAD_LIMIT, limit, NULL);
	}
	db_error_init(&err);
	PGresult *res = policy_search(ctx->db, args->argc, args->argv, cmd_opt(args, "law"),
	                              limit ? limit : "20", &err);
	if (res && PQntuples(res) == 0 && ctx->format == FMT_TABLE)
		fprintf(ctx->out, "%s\n", tr(MSG_POL_NO_HITS));
	return ref_print(ctx, res, &err, &view);
}

/* The article as a handler cites it: title and article, where it stands,
 * then the text, one paragraph a line. */
static void print_citation(struct cmd_ctx *ctx, const PGresult *res)
{
	struct strbuf text = STRBUF_INIT;
	char *src = trs(MSG_POL_CITE_SOURCE, PQgetvalue(res, 0, 2), PQgetvalue(res, 0, 3),
	                PQgetvalue(res, 0, 4));
	strbuf_addf(&text, "%s %s\n%s\n", PQgetvalue(res, 0, 1), PQgetvalue(res, 0, 8), src);
	free(src);
	const char *chapter = PQgetvalue(res, 0, 5), *section = PQgetvalue(res, 0, 6);
	if (*chapter)
		strbuf_addf(&text, "%s%s%s\n", chapter, *section ? " " : "", section);
	strbuf_addf(&text, "\n%s %s\n", PQgetvalue(res, 0, 8), PQgetvalue(res, 0, 9));
	/* imported text: no control reaches the terminal */
	rowset_text(ctx->out, strbuf_str(&text));
	strbuf_free(&text);
}

enum status run_policy_show(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	static const struct ref_col cols[] = {
	    {"law", MSG_POL_COL_LAW, CT_TEXT},
	    {"law_title", MSG_POL_COL_LAW_TITLE, CT_TEXT},
	    {"kind", MSG_POL_COL_KIND, CT_TEXT},
	    {"issuing_body", MSG_POL_COL_ISSUER, CT_TEXT},
	    {"version_date", MSG_POL_COL_VERSION, CT_TEXT},
	    {"chapter", MSG_POL_COL_CHAPTER, CT_TEXT},
	    {"section", MSG_POL_COL_SECTION, CT_TEXT},
	    {"article_no", MSG_POL_COL_ARTICLE_NO, CT_NUMBER},
	    {"article", MSG_POL_COL_ARTICLE, CT_TEXT},
	    {"text", MSG_POL_COL_TEXT, CT_TEXT},
	};
	static const int src[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
	static const struct ref_view view = {cols, src, 10, 0, NULL};
	struct db_error err;
	db_error_init(&err);
	PGresult *res = policy_article(ctx->db, args->argv[0], args->argv[1], &err);
	if (res && ctx->format == FMT_TABLE && PQntuples(res) == 1) {
		print_citation(ctx, res);
		PQclear(res);
		db_error_free(&err);
		return ST_OK;
	}
	return ref_print(ctx, res, &err, &view);
}

enum status run_policy_laws(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	static const struct ref_col cols[] = {
	    {"law", MSG_POL_COL_LAW, CT_TEXT},
	    {"kind", MSG_POL_COL_KIND, CT_TEXT},
	    {"issuing_body", MSG_POL_COL_ISSUER, CT_TEXT},
	    {"version_date", MSG_POL_COL_VERSION, CT_TEXT},
	    {"chapters", MSG_POL_COL_CHAPTERS, CT_NUMBER},
	    {"articles", MSG_POL_COL_ARTICLES, CT_NUMBER},
	    {"law_title", MSG_POL_COL_LAW_TITLE, CT_TEXT},
	    {"effective_date", MSG_POL_COL_EFFECTIVE, CT_TEXT},
	};
	static const int src[] = {0, 2, 3, 4, 6, 7, 1, 5};
	/* a table leaves out the long full title and the often empty date */
	struct ref_view view = {cols, src, ctx->format == FMT_TABLE ? 6 : 8, 0, NULL};
	struct db_error err;
	db_error_init(&err);
	return ref_print(ctx, policy_laws(ctx->db, args->argc ? args->argv[0] : NULL, &err), &err,
	                 &view);
}
