#include "db/errtext.h"

#include <string.h>

#include "i18n/i18n.h"

/* One row: an SQLSTATE (five characters) or a class (two), and, when not
 * NULL, a fragment the server's message must contain. The first row that
 * fits wins, so the particular rows come before the general ones. */
struct errtext {
	const char *state;
	const char *fragment;
	enum msg_id msg;
	int with_state; /* the message shows the SQLSTATE (%s) */
};

static const struct errtext table[] = {
    {"22007", NULL, MSG_DBE_DATETIME_FORMAT, 0},
    {"22008", NULL, MSG_DBE_DATETIME_RANGE, 0},
    {"22P02", "type date", MSG_DBE_DATETIME_FORMAT, 0},
    {"22P02", "type timestamp", MSG_DBE_DATETIME_FORMAT, 0},
    {"22P02", "type integer", MSG_DBE_NUMBER_FORMAT, 0},
    {"22P02", "type bigint", MSG_DBE_NUMBER_FORMAT, 0},
    {"22P02", "type smallint", MSG_DBE_NUMBER_FORMAT, 0},
    {"22P02", "type numeric", MSG_DBE_NUMBER_FORMAT, 0},
    {"22P02", "type double", MSG_DBE_NUMBER_FORMAT, 0},
    {"22P02", NULL, MSG_DBE_TEXT_FORMAT, 0},
    {"22003", NULL, MSG_DBE_NUMBER_RANGE, 0},
    {"22001", NULL, MSG_DBE_TOO_LONG, 0},
    {"22012", NULL, MSG_DBE_DIVISION, 0},
    {"22023", NULL, MSG_DBE_BAD_PARAMETER, 0},
    {"22", NULL, MSG_DBE_BAD_VALUE, 1},
    {"23505", NULL, MSG_DBE_UNIQUE, 0},
    {"23503", NULL, MSG_DBE_FOREIGN_KEY, 0},
    {"23514", NULL, MSG_DBE_CHECK, 0},
    {"23502", NULL, MSG_DBE_NOT_NULL, 0},
    {"23P01", NULL, MSG_DBE_EXCLUSION, 0},
    {"23", NULL, MSG_DBE_INTEGRITY, 1},
    {"42501", NULL, MSG_DBE_DENIED, 0},
    {"57014", "statement timeout", MSG_DBE_TIMEOUT, 0},
    {"57014", NULL, MSG_DBE_CANCELED, 0},
    {"57P01", NULL, MSG_DBE_SHUTDOWN, 0},
    {"57P02", NULL, MSG_DBE_SHUTDOWN, 0},
    {"57P03", NULL, MSG_DBE_STARTING, 0},
    {"40001", NULL, MSG_DBE_SERIALIZATION, 0},
    {"40P01", NULL, MSG_DBE_DEADLOCK, 0},
    {"40", NULL, MSG_DBE_ROLLBACK, 1},
    {"55P03", NULL, MSG_DBE_LOCKED, 0},
    {"25006", NULL, MSG_DBE_READ_ONLY, 0},
    {"P0002", NULL, MSG_DBE_NOT_FOUND, 0},
    {"02000", NULL, MSG_DBE_NOT_FOUND, 0},
    {"08", NULL, MSG_DBE_CONNECTION, 1},
    {"53", NULL, MSG_DBE_RESOURCES, 1},
    {"28", NULL, MSG_DBE_AUTH, 1},
};

int db_errtext_own(const char *primary)
{
	int quoted = 0;
	for (const char *p = primary ? primary : ""; *p; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && (unsigned char)*p >= 0x80)
			return 1;
	}
	return 0;
}

static const struct errtext *lookup(const char *state, const char *primary)
{
	for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
		const struct errtext *e = &table[i];
		size_t n = strlen(e->state);
		if (strncmp(state, e->state, n) != 0 || (n == 5 && state[5]))
			continue;
		if (e->fragment && !strstr(primary, e->fragment))
			continue;
		return e;
	}
	return NULL;
}

void db_errtext(struct strbuf *out, const char *sqlstate, const char *primary, const char *detail)
{
	const char *state = sqlstate && *sqlstate ? sqlstate : "-----";
	if (db_errtext_own(primary)) {
		strbuf_add(out, primary);
		if (detail && db_errtext_own(detail))
			trf(out, MSG_DBE_DETAIL, detail);
		return;
	}
	const struct errtext *e = lookup(state, primary ? primary : "");
	if (!e)
		trf(out, MSG_DBE_OTHER, state);
	else if (e->with_state)
		trf(out, e->msg, state);
	else
		strbuf_add(out, tr(e->msg));
}
