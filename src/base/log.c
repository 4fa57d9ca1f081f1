#include "base/log.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <stdlib.h>

#include "base/xalloc.h"

static FILE *log_fp;
static enum log_level max_level = LOG_INFO;

int mkdir_parents(const char *path)
{
	char *p = xstrdup(path);
	int rc = 0;
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	free(p);
	return rc;
}

int log_open(const char *path, const char *level)
{
	static const char *const names[] = {"error", "warn", "info", "debug"};
	for (int i = 0; i < 4; i++)
		if (level && strcmp(level, names[i]) == 0)
			max_level = (enum log_level)i;
	if (!path || !*path)
		return 0;
	mkdir_parents(path);
	log_fp = fopen(path, "a");
	if (!log_fp)
		return -1;
	setvbuf(log_fp, NULL, _IOLBF, 0);
	return 0;
}

void log_close(void)
{
	if (log_fp)
		fclose(log_fp);
	log_fp = NULL;
}

void log_msg(enum log_level level, const char *fmt, ...)
{
	static const char *const tags[] = {"ERROR", "WARN", "INFO", "DEBUG"};
	if (!log_fp || level > max_level)
		return;
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &tm);
	fprintf(log_fp, "%s [%d] %s ", stamp, (int)getpid(), tags[level]);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(log_fp, fmt, ap);
	va_end(ap);
	fputc('\n', log_fp);
}
