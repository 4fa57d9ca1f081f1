#include "i18n/i18n.h"

#include <stdarg.h>
#include <string.h>

static const char *const catalog[2][MSG_COUNT] = {
	{
#define M(id, zh, en) zh,
#include "i18n/catalogs.h"
#undef M
	},
	{
#define M(id, zh, en) en,
#include "i18n/catalogs.h"
#undef M
	},
};

static const char *const names[MSG_COUNT] = {
#define M(id, zh, en) #id,
#include "i18n/catalogs.h"
#undef M
};

static enum lang current = LANG_ZH;

int i18n_set_language(const char *name)
{
	if (!name)
		return -1;
	if (strncmp(name, "zh", 2) == 0 && (name[2] == '\0' || name[2] == '_' || name[2] == '-')) {
		current = LANG_ZH;
		return 0;
	}
	if (strncmp(name, "en", 2) == 0 && (name[2] == '\0' || name[2] == '_' || name[2] == '-')) {
		current = LANG_EN;
		return 0;
	}
	return -1;
}

enum lang i18n_language(void)
{
	return current;
}

const char *i18n_language_name(void)
{
	return current == LANG_EN ? "en" : "zh";
}

const char *tr_lang(enum msg_id id, enum lang lang)
{
	if ((unsigned)id >= MSG_COUNT)
		return "?";
	return catalog[lang][id];
}

const char *tr(enum msg_id id)
{
	return tr_lang(id, current);
}

const char *tr_name(enum msg_id id)
{
	return (unsigned)id < MSG_COUNT ? names[id] : "?";
}

/* Catalog strings are formats by design; their conversions are checked
 * against each other by the unit tests instead of by the compiler. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void vtrf(struct strbuf *out, enum msg_id id, va_list ap)
{
	strbuf_vaddf(out, tr(id), ap);
}
#pragma GCC diagnostic pop

void trf(struct strbuf *out, enum msg_id id, ...)
{
	va_list ap;
	va_start(ap, id);
	vtrf(out, id, ap);
	va_end(ap);
}

char *trs(enum msg_id id, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	va_start(ap, id);
	vtrf(&sb, id, ap);
	va_end(ap);
	return strbuf_detach(&sb);
}
