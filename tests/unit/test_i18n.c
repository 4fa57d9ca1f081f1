/* Both catalogs ship and agree: same printf conversions, nothing empty. */
#include <stdlib.h>
#include <string.h>

#include "i18n/i18n.h"
#include "lib/tap.h"

/* The conversion letters of a format, in order ("%s %d" -> "sd"). */
static void conversions(const char *fmt, char *out, size_t n)
{
	size_t k = 0;
	for (const char *p = fmt; *p && k + 1 < n; p++) {
		if (*p != '%')
			continue;
		p++;
		if (*p == '%')
			continue;
		while (*p && strchr("-+ #0123456789.lzh", *p))
			p++;
		if (*p)
			out[k++] = *p;
	}
	out[k] = '\0';
}

int main(void)
{
	plan(8);
	int bad_conv = 0, empty = 0;
	for (int i = 1; i < MSG_COUNT; i++) {
		char zh[32], en[32];
		conversions(tr_lang((enum msg_id)i, LANG_ZH), zh, sizeof zh);
		conversions(tr_lang((enum msg_id)i, LANG_EN), en, sizeof en);
		if (strcmp(zh, en) != 0) {
			printf("# %s: zh has %%%s, en has %%%s\n", tr_name((enum msg_id)i), zh, en);
			bad_conv++;
		}
		if (!*tr_lang((enum msg_id)i, LANG_ZH) || !*tr_lang((enum msg_id)i, LANG_EN)) {
			printf("# %s is empty in one language\n", tr_name((enum msg_id)i));
			empty++;
		}
	}
	is_int(bad_conv, 0, "every message has the same conversions in Chinese and English");
	is_int(empty, 0, "no message is empty in either language");
	is_str(tr(MSG_LOGIN_TITLE), "登录", "Chinese is the default");
	is_int(i18n_set_language("en_US.UTF-8"), 0, "a locale name selects English");
	is_str(tr(MSG_LOGIN_TITLE), "Log in", "  ... and messages follow");
	is_int(i18n_set_language("fr"), -1, "an unknown language is refused");
	is_str(tr(MSG_LOGIN_TITLE), "Log in", "  ... and nothing changes");
	char *s = trs(MSG_FRAME_NEED_SIZE, 80, 24);
	is_str(s, "It needs at least 80×24; please enlarge it", "formatted messages");
	free(s);
	return done_testing();
}
