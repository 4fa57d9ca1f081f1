/* Entity lookup: what the search box understood, the named statement that
 * calls api.entity_search() (sql/migrations/0062_entity_search.sql), and
 * its rows as C structs. Screens and commands both search through here. */
#ifndef SMCON_ENTITY_H
#define SMCON_ENTITY_H

#include "db/db.h"
#include "i18n/i18n.h"

/* What a search input is; the same rules as core.entity_query_kind(). */
enum entity_kind {
	EK_EMPTY,
	EK_USCC,        /* 18 code characters (valid or not) */
	EK_REG_NO,      /* 15 digits: a pre-2015 注册号 */
	EK_PHONE,       /* a phone number, or 7-8 digits of a local one */
	EK_USCC_PREFIX, /* 2-17 code characters starting with a digit */
	EK_TEXT,        /* a fragment of a name, legal representative or address */
};

/* Classifies q as core.entity_query_kind() does. */
enum entity_kind entity_classify(const char *q);
/* The kind's name as SQL spells it ("uscc", "text", ...). */
const char *entity_kind_name(enum entity_kind k);
/* How the kind is described to the operator ("按统一社会信用代码"). */
enum msg_id entity_kind_label(enum entity_kind k);
/* Characters of q as the search compares text (blanks do not count). */
int entity_text_length(const char *q);

enum entity_sort {
	ES_RELEVANCE,
	ES_NAME,
	ES_USCC,
	ES_LEGAL_REP,
	ES_STATUS,
	ES_ESTABLISHED,
	ES_DISTRICT,
	ES_CAPITAL,
	ES_COUNT
};

/* The sort's name as api.entity_search() takes it. */
const char *entity_sort_name(enum entity_sort s);
/* The sort's name for the operator ("名称"). */
enum msg_id entity_sort_label(enum entity_sort s);
/* Parses a sort name. Returns 0, or -1 for an unknown one. */
int entity_sort_parse(const char *name, enum entity_sort *out);

/* The filters of a search; NULL for any. Strings are owned. */
enum entity_filter_field {
	EFL_DISTRICT, /* division code of the place of business, e.g. 320213 */
	EFL_TYPE,     /* entity type code (its subtypes match too) */
	EFL_SECTION,  /* GB/T 4754 section letter */
	EFL_STATUS,   /* registration status code */
	EFL_FROM,     /* established on or after (YYYY-MM-DD) */
	EFL_TO,       /* established on or before */
	EFL_RISK,     /* credit-risk grade */
	EFL_COUNT
};

struct entity_query {
	char *text;
	char *within; /* a second fragment every result must also contain, or NULL */
	char *filter[EFL_COUNT];
	enum entity_sort sort;
	int descending;
	int page_size;
	char *after_key; /* keyset: the sort_key and id of the row the page follows */
	char *after_id;
};

void entity_query_init(struct entity_query *q);
void entity_query_free(struct entity_query *q);
/* Replaces a string of the query (copied; NULL or "" clears it). */
void entity_query_set(char **field, const char *value);
/* Copies src into dst (dst is freed first). */
void entity_query_copy(struct entity_query *dst, const struct entity_query *src);

/* The columns of a search row, in the order the statement selects them. */
enum entity_hit_col {
	EH_ID,
	EH_USCC,
	EH_NAME,
	EH_LEGAL_REP,
	EH_TYPE_NAME,
	EH_STATUS,
	EH_STATUS_NAME,
	EH_IN_BUSINESS,
	EH_ESTABLISHED,
	EH_DISTRICT,
	EH_CAPITAL,
	EH_RISK,
	EH_MATCH,
	EH_MATCHED,
	EH_SORT_KEY,
	EH_POS,
	EH_TOTAL,
	EH_CAPPED,
	EH_KIND,
	EH_COUNT
};

struct entity_hit {
	char *v[EH_COUNT]; /* "" for SQL NULL */
};

/* Rows loaded so far, page after page. */
struct entity_page {
	struct entity_hit *hits;
	int n, cap;
	long total;  /* rows the search has in all */
	int capped;  /* a source had more candidates than were ranked */
};

/* The machine name of column c ("uscc", "name", ...). */
const char *entity_hit_key(enum entity_hit_col c);
void entity_page_init(struct entity_page *p);
void entity_page_free(struct entity_page *p);
/* Appends the rows of a finished search. */
void entity_page_add(struct entity_page *p, const PGresult *res);
/* Whether rows after the loaded ones exist. */
int entity_page_more(const struct entity_page *p);
/* Sets q's keyset cursor to the last loaded row (the next page follows it). */
void entity_page_cursor(const struct entity_page *p, struct entity_query *q);
/* Whether the entity's registration has ended (注销, 吊销, 撤销): shown dimmed. */
int entity_status_closed(const char *status);
/* Whether q, normalised, is a valid USCC. */
int entity_code_valid(const char *q);
/* How a row matched, as a machine word: exact, prefix, name, former_name,
 * legal_rep, address, similar, near_code. */
const char *entity_match_name(const struct entity_hit *h);
/* How a row matched, for the operator ("曾用名：…"); appends nothing for a name hit. */
void entity_hit_describe(const struct entity_hit *h, struct strbuf *out);

/* The values the filters with a list can take: district, type, section,
 * status, risk (the date filters are typed). code and name are owned. */
struct entity_choices {
	int n[EFL_COUNT];
	char **code[EFL_COUNT];
	char **name[EFL_COUNT];
};

/* Loads the choices from api.entity_filter_choices(). Returns ST_OK or err->status. */
enum status entity_choices_load(struct db *db, struct entity_choices *c, struct db_error *err);
void entity_choices_free(struct entity_choices *c);
/* Parses a date range as typed: 2015, 2015-2020, 2015-03-01, 2015-03-01~2016-12-31
 * (also .. 至 到 as separators; either end may be left out). Fills from and
 * to (YYYY-MM-DD, "" for open). Returns 0, or -1 when it is not a range. */
int entity_parse_dates(const char *s, struct strbuf *from, struct strbuf *to);

/* Runs a search and appends its rows to page. Returns ST_OK or err->status. */
enum status entity_search(struct db *db, const struct entity_query *q, struct entity_page *page,
			  struct db_error *err);
/* Runs q from its first row to its last, ENTITY_PAGE_ALL rows a call,
 * appending every row to page (an export: all that match, not the rows
 * shown). q is not changed. Returns ST_OK or err->status. */
enum { ENTITY_PAGE_ALL = 1000 };
enum status entity_search_all(struct db *db, const struct entity_query *q, struct entity_page *page,
                              struct db_error *err);
/* Sends a search without waiting (collect it with db_async_poll, then entity_page_add). */
enum status entity_search_send(struct db *db, const struct entity_query *q, struct db_error *err);

#endif
