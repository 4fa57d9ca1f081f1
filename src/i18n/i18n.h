/* UI text in Chinese (default) and English. Every message lives in one of the
 * catalog files (src/i18n/NAME.def) as M(ID, "中文", "English"), so a message
 * without both languages does not compile. Messages that take arguments use
 * printf conversions, the same ones in the same order in both languages
 * (tests/unit/test_i18n.c checks this). */
#ifndef SMCON_I18N_H
#define SMCON_I18N_H

#include "base/strbuf.h"

enum msg_id {
#define M(id, zh, en) MSG_##id,
#include "i18n/catalogs.h"
#undef M
	MSG_COUNT
};

enum lang { LANG_ZH, LANG_EN };

/* Selects the language by name ("zh", "zh_CN", "en", "en_US", ...).
 * Returns 0, or -1 for a language smcon does not ship (nothing changes). */
int i18n_set_language(const char *name);
enum lang i18n_language(void);
/* The language's short name: "zh" or "en". */
const char *i18n_language_name(void);
/* The message in the current language. */
const char *tr(enum msg_id id);
/* The message in a given language (for tests and the catalog check). */
const char *tr_lang(enum msg_id id, enum lang lang);
/* The message's identifier, e.g. "LOGIN_TITLE". */
const char *tr_name(enum msg_id id);
/* Appends the message formatted with the arguments. */
void trf(struct strbuf *out, enum msg_id id, ...);
/* The formatted message as a new string (caller frees). */
char *trs(enum msg_id id, ...);

#endif
