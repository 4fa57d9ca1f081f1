/* The policy knowledge base (政策知识库): searching and citing the articles
 * of laws, regulations and rules. The splitting and the search live in
 * PostgreSQL (sql/migrations/0005_policy.sql); this module calls them and
 * cuts the snippet shown around a hit. */
#ifndef SMCON_POLICY_H
#define SMCON_POLICY_H

#include <libpq-fe.h>

#include "base/strbuf.h"
#include "db/db.h"

/* Articles containing every word; law (or NULL) limits the search to the
 * laws a title names. Columns: short_title, title, article_no, label,
 * chapter, body, hit_pos, hit_len, matches (see api.policy_search). Returns
 * a result the caller PQclear()s, or NULL with err filled. */
PGresult *policy_search(struct db *db, int nwords, char *const *words, const char *law,
                        const char *limit, struct db_error *err);
/* Sends policy_search over every law without waiting (db_async_send: the
 * caller adopts and polls it). Returns ST_OK or err->status. */
enum status policy_search_send(struct db *db, int nwords, char *const *words, const char *limit,
                               struct db_error *err);
/* The words of a search box: text split at blanks (ASCII and the
 * ideographic space). Returns how many; *words is NULL when none, else an
 * array the caller frees with policy_words_free(). */
int policy_words(const char *text, char ***words);
void policy_words_free(char **words, int n);
/* One article: short_title, title, kind, issuing_body, version_date,
 * chapter, section, article_no, label, body. */
PGresult *policy_article(struct db *db, const char *law, const char *article, struct db_error *err);
/* Sends the read of one article for reading it on screen, without waiting:
 * the columns of policy_article and the law's number of articles
 * (articles). Returns ST_OK or err->status. */
enum status policy_article_send(struct db *db, const char *law, const char *article,
                                struct db_error *err);
/* The first citation 《LAW》第N条 in text (a legal basis, several joined by
 * '；'): appends LAW to law and 第N条 to article. Returns 0, or -1 when text
 * cites no article that way (nothing appended). */
int policy_citation(const char *text, struct strbuf *law, struct strbuf *article);
/* The laws (filter NULL = all): short_title, title, kind, issuing_body,
 * version_date, effective_date, chapters, articles. */
PGresult *policy_laws(struct db *db, const char *filter, struct db_error *err);

/* Appends to out a one-line excerpt of text at most cols columns wide around
 * the hit (hit_pos: 1-based character position, 0 = no hit; hit_len in
 * characters), with the hit between open and close (which may be ""). Line
 * breaks become spaces; cut ends are marked with WIDTH_MARKER. */
void policy_snippet(struct strbuf *out, const char *text, int hit_pos, int hit_len, int cols,
                    const char *open, const char *close);

#endif
