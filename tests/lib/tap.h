/* A tiny TAP producer for the C unit tests (run under prove). Every test
 * declares its plan up front, plan(N) first thing in main(): a test that
 * stops early (a helper that failed and returned) then fails for the checks
 * it did not make, instead of passing with fewer. */
#ifndef SMCON_TAP_H
#define SMCON_TAP_H

#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed, tap_planned = -1;

static inline void tap_plan(int n)
{
	tap_planned = n;
	printf("1..%d\n", n);
}

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
		fprintf(stderr, "#   got:  '%s'\n#   want: '%s'\n", got ? got : "(null)",
		        want ? want : "(null)");
	return ok;
}

static inline int tap_is_int(long got, long want, const char *name)
{
	int ok = tap_ok(got == want, name);
	if (!ok)
		fprintf(stderr, "#   got:  %ld\n#   want: %ld\n", got, want);
	return ok;
}

/* The exit status: 0 when the plan was declared, every planned check ran
 * and none failed. */
static inline int tap_done(void)
{
	if (tap_planned < 0) {
		tap_ok(0, "the test declares its plan up front with plan(N)");
		printf("1..%d\n", tap_n);
		return 1;
	}
	if (tap_n != tap_planned) {
		fprintf(stderr, "# planned %d checks, ran %d\n", tap_planned, tap_n);
		return 1;
	}
	return tap_failed ? 1 : 0;
}

#define plan(n)            tap_plan(n)
#define ok(c, name)        tap_ok((c), (name))
#define is_str(g, w, name) tap_is_str((g), (w), (name))
#define is_int(g, w, name) tap_is_int((long)(g), (long)(w), (name))
#define done_testing()     tap_done()

#endif
