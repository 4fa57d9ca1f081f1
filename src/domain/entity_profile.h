/* The 360° profile of a market entity: the header, the facts behind its
 * credit-risk grade, and thirteen tabs of facts from the theme databases,
 * through api.entity_header(), api.entity_risk() and api.entity_facts()
 * (sql/migrations/0064_entity_profile_api.sql). Every call can be made
 * waiting (commands) or sent and collected later (screens). */
#ifndef SMCON_ENTITY_PROFILE_H
#define SMCON_ENTITY_PROFILE_H

#include "db/db.h"
#include "i18n/i18n.h"

/* The tabs, one per theme, in the order the profile shows them. */
enum entity_tab {
	ET_REGISTRATION,
	ET_LICENCE,
	ET_INSPECTION,
	ET_ENFORCEMENT,
	ET_COMPLAINT,
	ET_EQUIPMENT,
	ET_FOODDRUG,
	ET_CREDIT,
	ET_PRODUCT,
	ET_PRICE,
	ET_IP,
	ET_NQI,
	ET_COGOV,
	ET_COUNT
};

/* The tab's name as SQL spells it ("licence"). */
const char *entity_tab_name(enum entity_tab t);
/* The tab's title in the UI language ("许可"). */
enum msg_id entity_tab_label(enum entity_tab t);
/* Parses a tab name. Returns 0, or -1 for an unknown one. */
int entity_tab_parse(const char *name, enum entity_tab *out);
/* The theme database a schema holds ("supervision" → 监管行为库), or the schema itself. */
const char *entity_theme_label(const char *schema);

/* The header's fields, in the order api.entity_header() returns them. */
enum entity_field {
	EF_ID, EF_USCC, EF_NAME, EF_REG_NO, EF_TYPE_CODE, EF_TYPE_NAME, EF_MARKET_ENTITY, EF_REP_TITLE,
	EF_REP_NAME, EF_REP_ID_MASKED, EF_PHONE, EF_ADDRESS, EF_CAPITAL, EF_CURRENCY, EF_ESTABLISHED,
	EF_APPROVED, EF_OPERATING_FROM, EF_OPERATING_TO, EF_SCOPE, EF_STATUS, EF_STATUS_NAME,
	EF_IN_BUSINESS, EF_STATUS_CHANGED, EF_STATUS_REASON, EF_REG_AUTHORITY, EF_REG_DIVISION_CODE,
	EF_REG_DIVISION_NAME, EF_REG_DIVISION_NOTE, EF_DIVISION_CODE, EF_DIVISION_NAME,
	EF_DISTRICT_BUREAU, EF_STATION, EF_INDUSTRY_CODE, EF_INDUSTRY_NAME, EF_SECTION,
	EF_SECTION_NAME, EF_RISK_GRADE, EF_RISK_NAME, EF_RISK_GRADED_ON, EF_RISK_SCORE, EF_TAGS,
	EF_FORMER_NAMES, EF_SOURCE, EF_LOADED_AT, EF_UPDATED_AT,
	EF_COUNT
};

/* The field's machine name (CSV header, JSON key) and its label. */
const char *entity_field_key(enum entity_field f);
enum msg_id entity_field_label(enum entity_field f);

/* The columns of a fact, in the order api.entity_facts() returns them. */
enum entity_fact_col {
	EFC_TAB, EFC_ON, EFC_CATEGORY, EFC_SUMMARY, EFC_STATUS, EFC_DETAIL, EFC_THEME, EFC_SOURCE,
	EFC_LOADED_AT, EFC_REF_TABLE, EFC_REF_ID, EFC_SORT_KEY, EFC_TOTAL,
	EFC_COUNT
};

/* The columns of a risk fact, in the order api.entity_risk() returns them. */
enum entity_risk_col {
	ERC_GRADE, ERC_GRADE_NAME, ERC_SCORE, ERC_ASSESSED_ON, ERC_MODEL, ERC_MANUAL, ERC_REASON,
	ERC_INDICATOR, ERC_FACT, ERC_POINTS, ERC_SOURCE_TABLE, ERC_SOURCE_ID,
	ERC_COUNT
};

/* The machine name of a fact column or a risk column. */
const char *entity_fact_key(enum entity_fact_col c);
const char *entity_risk_key(enum entity_risk_col c);

/* Rows of text, ncols wide; "" for SQL NULL. */
struct entity_rows {
	int ncols;
	int n, cap;
	char **cells;
};

/* Cell (row, col). */
const char *entity_rows_get(const struct entity_rows *r, int row, int col);
/* Appends every row of res (its first ncols columns). */
void entity_rows_add_result(struct entity_rows *r, const PGresult *res);
/* A copy of a cell of res to free ("" past its columns); a timestamp is cut
 * to the second, in the session's time zone (ui.timezone): never a raw
 * "2026-12-07 03:05:56.559614+08" on a screen. */
char *entity_cell_dup(const PGresult *res, int row, int col);
/* Frees the rows; r stays usable (empty, ncols kept). */
void entity_rows_free(struct entity_rows *r);

struct entity_profile {
	char *uscc;              /* as asked for (normalised) */
	int found;               /* the header was loaded and the entity exists */
	char *v[EF_COUNT];       /* the header */
	struct entity_rows risk; /* facts behind the risk grade (ERC_*) */
	struct entity_rows tab[ET_COUNT]; /* facts loaded so far (EFC_*), newest first */
	long total[ET_COUNT];    /* facts each tab has */
	int hidden[ET_COUNT];    /* the caller may not read the tab's records at all */
	int counted;             /* the tab totals are known */
};

/* Prepares p for the entity with code (normalised here). */
void entity_profile_init(struct entity_profile *p, const char *code);
void entity_profile_free(struct entity_profile *p);
/* The header value of f ("" when not loaded). */
const char *entity_profile_get(const struct entity_profile *p, enum entity_field f);
/* The value of f as shown to the operator (timestamps to the minute). Caller frees. */
char *entity_profile_shown(const struct entity_profile *p, enum entity_field f);

/* What a profile call is: the header, the risk facts, every tab's first
 * page, or the next page of one tab. */
enum entity_call { EC_HEADER, EC_RISK, EC_TABS, EC_MORE };

/* Sends a call without waiting; for EC_MORE, tab says which. Returns ST_OK or err->status. */
enum status entity_profile_send(struct db *db, struct entity_profile *p, enum entity_call call,
				enum entity_tab tab, int page_size, struct db_error *err);
/* Takes the result of a call into p. */
void entity_profile_take(struct entity_profile *p, enum entity_call call, enum entity_tab tab,
			 const PGresult *res);
/* Runs a call and waits. Returns ST_OK or err->status. */
enum status entity_profile_call(struct db *db, struct entity_profile *p, enum entity_call call,
				enum entity_tab tab, int page_size, struct db_error *err);
/* Loads the header, the risk facts and every tab's first page. ST_NOTFOUND
 * (err filled) when no entity has the code. */
enum status entity_profile_load(struct db *db, struct entity_profile *p, int page_size,
				struct db_error *err);
/* Whether a tab has facts not loaded yet. */
int entity_profile_more(const struct entity_profile *p, enum entity_tab t);

/* Appends fact r of rows as text lines: date, category, summary, status;
 * its detail; where it came from. */
void entity_fact_text(const struct entity_rows *rows, int r, struct strbuf *out);
/* Appends where fact r came from: theme database, source system, load time. */
void entity_fact_source(const struct entity_rows *rows, int r, struct strbuf *out);
/* Appends the profile as plain text (what is loaded): header, risk, every tab. */
void entity_profile_text(const struct entity_profile *p, struct strbuf *out);

#endif
