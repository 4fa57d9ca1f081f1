#include "base/tz.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* Whether name is a zone of the system's time zone database. */
static int tz_known(const char *name)
{
	const char *dir = getenv("TZDIR");
	struct strbuf path = STRBUF_INIT;
	struct stat st;
	if (!*name || *name == '/' || strstr(name, ".."))
		return 0;
	strbuf_addf(&path, "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", name);
	int ok = stat(strbuf_str(&path), &st) == 0 && S_ISREG(st.st_mode);
	strbuf_free(&path);
	return ok;
}

int tz_setup(const char *name, struct strbuf *err)
{
	if (!tz_known(name)) {
		strbuf_addf(err, "ui.timezone: unknown time zone \"%s\" (e.g. \"Asia/Shanghai\" or \"UTC\")",
			    name);
		return -1;
	}
	setenv("TZ", name, 1);
	setenv("PGTZ", name, 1);
	tzset();
	return 0;
}

/* Whether s[0..n) are digits. */
static int digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

void tz_format_pg(const char *value, struct strbuf *out)
{
	/* YYYY-MM-DD HH:MM:SS then a fraction and/or an offset */
	size_t n = strlen(value);
	if (n > 19 && digits(value, 4) && value[4] == '-' && value[10] == ' ' && value[13] == ':' &&
	    value[16] == ':' && digits(value + 17, 2) && strchr(".+-", value[19])) {
		strbuf_addn(out, value, 19);
		return;
	}
	strbuf_add(out, value);
}
