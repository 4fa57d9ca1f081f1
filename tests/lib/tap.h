/* A tiny TAP producer for the C unit tests (run under prove). */
#ifndef SMCON_TAP_H
#define SMCON_TAP_H

#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

static inline int tap_ok(int cond, const char *name)
{
	tap_n++;
	printf("%s %d - %s\n", cond ? "ok" : "not ok", tap_n, name);
	if (!cond)
		tap_failed++;
	return cond;
}

static inline int tap_is_str(const char *got, const char *want, const char *name)
{
	int ok = tap_ok(got && want && strcmp(got, want) == 0, name);
	if (!ok)
		fprintf(stderr, "#   got:  '%s'\n#   want: '%s'\n", got ? got : "(null)", want ? want : "(null)");
	return ok;
}

static inline int tap_is_int(long got, long want, const char *name)
{
	int ok = tap_ok(got == want, name);
	if (!ok)
		fprintf(stderr, "#   got:  %ld\n#   want: %ld\n", got, want);
	return ok;
}

static inline int tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#define ok(c, name) tap_ok((c), (name))
#define is_str(g, w, name) tap_is_str((g), (w), (name))
#define is_int(g, w, name) tap_is_int((long)(g), (long)(w), (name))
#define done_testing() tap_done()

#endif
