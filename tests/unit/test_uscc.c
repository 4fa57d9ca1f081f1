/* The Unified Social Credit Code: every test vector, normalising, what is
 * reported, completing a code, and that every one-character typo is caught. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/uscc.h"
#include "base/xalloc.h"
#include "i18n/i18n.h"
#include "lib/tap.h"

struct vector {
	char *code; /* as typed: not normalised */
	char *want; /* core.uscc_problem()'s answer, or "valid" */
	int line;
};

static struct vector *vectors;
static int nvectors;

/* SMCON_USCC_VECTORS, else the file under $SMCON_ROOT (tests/run), else the
 * path relative to the repository root (the tests' working directory). */
static char *vectors_path(void)
{
	struct strbuf sb = STRBUF_INIT;
	const char *env = getenv("SMCON_USCC_VECTORS"), *root = getenv("SMCON_ROOT");
	if (env && *env)
		strbuf_add(&sb, env);
	else if (root && *root)
		strbuf_addf(&sb, "%s/tests/data/uscc-vectors.txt", root);
	else
		strbuf_add(&sb, "tests/data/uscc-vectors.txt");
	return strbuf_detach(&sb);
}

/* Reads "CODE<TAB>EXPECTED" lines; # comments and blank lines are skipped. */
static int load_vectors(const char *path)
{
	FILE *f = fopen(path, "r");
	struct strbuf line = STRBUF_INIT;
	int lineno = 0, cap = 0;
	if (!f)
		return -1;
	while (strbuf_getline(&line, f)) {
		lineno++;
		char *s = line.buf;
		if (!s || !*s || *s == '#')
			continue;
		char *tab = strchr(s, '\t');
		if (tab)
			*tab = '\0';
		if (nvectors == cap) {
			cap = cap ? cap * 2 : 256;
			vectors = xrealloc(vectors, sizeof *vectors * (size_t)cap);
		}
		vectors[nvectors].code = xstrdup(s);
		vectors[nvectors].want = xstrdup(tab ? tab + 1 : "valid");
		vectors[nvectors].line = lineno;
		nvectors++;
	}
	strbuf_free(&line);
	fclose(f);
	return 0;
}

/* The result spelled as core.uscc_problem() spells it ("valid" for NULL). */
static void sql_spelling(const struct uscc_result *r, struct strbuf *out)
{
	switch (r->problem) {
	case USCC_VALID: strbuf_add(out, "valid"); break;
	case USCC_BAD_LENGTH: strbuf_add(out, "length"); break;
	case USCC_BAD_CHAR: strbuf_addf(out, "char %d", r->position); break;
	default: strbuf_addf(out, "%s %c", uscc_problem_name(r->problem), r->expected); break;
	}
}

static char *problem_of(const char *typed)
{
	struct strbuf code = STRBUF_INIT, got = STRBUF_INIT;
	struct uscc_result r;
	uscc_normalize(typed, &code);
	uscc_check(strbuf_str(&code), &r);
	sql_spelling(&r, &got);
	strbuf_free(&code);
	return strbuf_detach(&got);
}

static void every_vector(void)
{
	int bad = 0, valid = 0;
	for (int i = 0; i < nvectors; i++) {
		char *got = problem_of(vectors[i].code);
		if (strcmp(got, vectors[i].want) != 0) {
			printf("# line %d: '%s': got '%s', want '%s'\n", vectors[i].line,
			       vectors[i].code, got, vectors[i].want);
			bad++;
		}
		valid += strcmp(vectors[i].want, "valid") == 0;
		free(got);
	}
	ok(nvectors > 400, "the vector file holds the real samples and the constructed codes");
	is_int(bad, 0, "every vector gets the problem the file names (and SQL gives)");
	ok(valid > 390 && nvectors - valid > 40, "  ... valid and invalid ones both");
}

static int has_vector(const char *code, const char *want)
{
	for (int i = 0; i < nvectors; i++)
		if (strcmp(vectors[i].code, code) == 0 && strcmp(vectors[i].want, want) == 0)
			return 1;
	return 0;
}

/* The vectors include every real sample, as a valid code. */
static void real_samples_included(void)
{
	FILE *f = fopen("data/reference/uscc-real-samples.txt", "r");
	struct strbuf line = STRBUF_INIT;
	int n = 0, missing = 0;
	if (!f) {
		ok(0, "data/reference/uscc-real-samples.txt can be read");
		return;
	}
	while (strbuf_getline(&line, f)) {
		if (!line.len)
			continue;
		n++;
		if (!has_vector(strbuf_str(&line), "valid")) {
			printf("# real sample %s is not among the valid vectors\n",
			       strbuf_str(&line));
			missing++;
		}
	}
	strbuf_free(&line);
	fclose(f);
	is_int(n, 383, "there are 383 real samples");
	is_int(missing, 0, "  ... and every one is a valid vector");
}

static char *normalized(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	uscc_normalize(s, &sb);
	return strbuf_detach(&sb);
}

static void normalizing(void)
{
	static const struct {
		const char *in, *want, *name;
	} cases[] = {
	    {"91320214745555318w", "91320214745555318W", "lower case becomes upper case"},
	    {" 9132 0214\t7455 5531 8W\r\n", "91320214745555318W", "blanks, tabs and CR LF go"},
	    {"9132\u30000214", "91320214", "the ideographic space U+3000 goes"},
	    {"91\u200232", "9132", "the en space U+2002 goes"},
	    {"91\u00a032", "91\u00a032", "the no-break space stays (as in SQL)"},
	    {"91\u200b32", "91\u200b32", "the zero-width space stays"},
	    {"９1a", "91A", "a full-width digit becomes ASCII"},
	    {"９１３２Ｍａ", "9132MA", "full-width digits and letters (a Chinese IME) become ASCII, upper case"},
	    {"（９）", "（9）", "full-width brackets are not code characters and stay"},
	    {"号x", "号X", "Chinese characters pass through"},
	    {"", "", "empty stays empty"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = normalized(cases[i].in);
		is_str(got, cases[i].want, cases[i].name);
		free(got);
	}
}

/* Malformed UTF-8: a blank between stray bytes must not join them into a
 * character the input does not hold (\xef + \xbc\xb7 would be Ｗ, which
 * becomes W), and normalising twice changes nothing. */
static void malformed_text(void)
{
	const char *in = "91320214745555318\xef \xbc\xb7";
	char *once = normalized(in), *twice = normalized(once);
	ok(!strstr(once, "\xef\xbc\xb7") && !strchr(once, 'W'), "stray bytes are not joined into a character");
	is_str(once, "91320214745555318\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", "  ... each becomes U+FFFD");
	is_str(twice, once, "  ... and normalising again changes nothing");
	free(once);
	free(twice);
	struct uscc_result r;
	is_int(uscc_check_text(in, strlen(in), &r), USCC_BAD_TEXT, "such input is refused as text first");
	is_int(r.position, 18, "  ... at its first bad byte");
	is_int(r.found, 0xef, "  ... which it names");
	struct strbuf msg = STRBUF_INIT;
	uscc_describe(&r, &msg);
	is_str(strbuf_str(&msg), "不是有效的 UTF-8 文本：第 18 个字节是 0xEF", "  ... in a clear message");
	strbuf_free(&msg);
	const char nul[] = "91320214745555318W\0garbage";
	is_int(uscc_check_text(nul, sizeof nul - 1, &r), USCC_BAD_TEXT, "a NUL inside the input is not text");
	is_int(r.position, 19, "  ... at the NUL");
	is_int(r.found, 0, "  ... byte 0x00");
	const char *good = "９１３２ 0214 7455 5531 8w";
	is_int(uscc_check_text(good, strlen(good), &r), USCC_VALID, "UTF-8 with full-width characters and blanks is text");
}

static void what_is_reported(void)
{
	struct uscc_result r;
	is_int(uscc_check("9132", &r), USCC_BAD_LENGTH, "4 characters: wrong length");
	is_int(r.length, 4, "  ... and it says how many were given");
	is_int(uscc_check("913202147455553号", &r), USCC_BAD_LENGTH,
	       "length counts characters, not bytes (16 characters in 18 bytes)");
	is_int(r.length, 16, "  ... 16");
	is_int(uscc_check("913202147号5555318W", &r), USCC_BAD_CHAR,
	       "18 characters with a Chinese one: a bad character");
	is_int(r.position, 10, "  ... at position 10 (counted in characters)");
	is_int(r.found, 0x53f7, "  ... and which character");
	is_int(uscc_check("\3771320214745555318W", &r), USCC_BAD_CHAR,
	       "a malformed byte is a bad character");
	is_int(r.found, 0xfffd, "  ... shown as U+FFFD");
	is_int(uscc_check("913S0214745O55318W", &r), USCC_BAD_CHAR, "two bad characters");
	is_int(r.position, 4, "  ... the first is named");
	is_int(uscc_check("9132021474555531XW", &r), USCC_ORG_CHECK, "position 17 wrong");
	is_int(r.position, 17, "  ... position 17");
	is_int(r.expected, '8', "  ... should be 8");
	is_int(r.found, 'X', "  ... is X");
	is_int(uscc_check("91440300708461136K", &r), USCC_CHECK, "position 18 wrong");
	is_int(r.expected, 'T', "  ... should be T (domain-rules.md)");
	is_int(uscc_check("91320214745555318W", &r), USCC_VALID, "a valid code");
	ok(r.position == 0 && r.expected == 0 && r.length == 18, "  ... names no position");
	ok(uscc_valid("914403001922038216") && !uscc_valid("914403001922038217"),
	   "uscc_valid agrees");
	ok(!uscc_valid("91320214745555318w"), "lower case is invalid until normalised");
}

static char *described(const char *code, const char *lang)
{
	struct strbuf sb = STRBUF_INIT;
	struct uscc_result r;
	i18n_set_language(lang);
	uscc_check(code, &r);
	uscc_describe(&r, &sb);
	i18n_set_language("zh");
	return strbuf_detach(&sb);
}

static void messages(void)
{
	static const struct {
		const char *code, *lang, *want;
	} cases[] = {
	    {"91320214745555318W", "zh", "有效"},
	    {"91320214745555318W", "en", "valid"},
	    {"9132", "zh", "长度不对：4 位，应为 18 位"},
	    {"9132", "en", "wrong length: 4 characters, 18 expected"},
	    {"91350100M000100Y4Z", "zh",
	     "第 18 位“Z”不是代码字符（代码只用数字和 I、O、S、V、Z 以外的大写字母）"},
	    {"91350100M000100Y4Z", "en",
	     "position 18: 'Z' is not a code character "
	     "(digits and capital letters except I, O, S, V, Z)"},
	    {"91320214745555318\u00a0", "en",
	     "position 18: 'U+00A0' is not a code character "
	     "(digits and capital letters except I, O, S, V, Z)"},
	    {"9132021474555531XW", "zh", "第 17 位（组织机构代码校验码）应为 8，不是 X"},
	    {"9132021474555531XW", "en",
	     "position 17 (organization-code check character) should be 8, not X"},
	    {"91440300708461136K", "zh", "第 18 位（校验码）应为 T，不是 K"},
	    {"91440300708461136K", "en", "position 18 (check character) should be T, not K"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = described(cases[i].code, cases[i].lang);
		char name[64];
		snprintf(name, sizeof name, "message for %.18s (%s)", cases[i].code, cases[i].lang);
		is_str(got, cases[i].want, name);
		free(got);
	}
	is_str(uscc_problem_name(USCC_ORG_CHECK), "org_check", "machine names as in SQL");
	ok(uscc_problem_name(USCC_VALID) == NULL, "  ... none for a valid code");
}

/* Completing the first 16 characters of every valid vector gives the code back. */
static void completing(void)
{
	int tried = 0, bad = 0;
	struct strbuf code = STRBUF_INIT, got = STRBUF_INIT;
	for (int i = 0; i < nvectors; i++) {
		if (strcmp(vectors[i].want, "valid") != 0)
			continue;
		strbuf_reset(&code);
		strbuf_reset(&got);
		uscc_normalize(vectors[i].code, &code);
		char *first16 = strndup(strbuf_str(&code), 16);
		if (uscc_complete(first16, &got) != 0 ||
		    strcmp(strbuf_str(&got), strbuf_str(&code)))
			bad++;
		free(first16);
		tried++;
	}
	ok(tried > 390, "every valid vector was completed");
	is_int(bad, 0, "  ... and gave back the same code");
	strbuf_reset(&got);
	is_int(uscc_complete("N2320213MA1W2Q3K", &got), 0,
	       "completing a code of a non-market body");
	is_str(strbuf_str(&got), "N2320213MA1W2Q3K2X", "  ... N2320213MA1W2Q3K2X");
	strbuf_reset(&got);
	is_int(uscc_complete("913202147455553", &got), -1, "15 characters are refused");
	is_int(uscc_complete("913202147455553I", &got), -1, "a character outside the set too");
	is_int(uscc_complete("91350100m000100y", &got), -1, "and lower case (normalise first)");
	is_int((long)got.len, 0, "  ... appending nothing");
	strbuf_free(&code);
	strbuf_free(&got);
}

/* Every code that differs from a valid one in one character of positions
 * 1-17, or by swapping two different neighbours there, is invalid: the
 * weights 3^(i-1) mod 31 are distinct and 31 is prime. */
static void typos_are_caught(void)
{
	static const char *codes[] = {"91320214745555318W", "91350100M000100Y43",
	                              "914403001922038216", "N2320213MA1W2Q3K2X"};
	int tried = 0, missed = 0;
	for (size_t k = 0; k < sizeof codes / sizeof codes[0]; k++) {
		char c[USCC_LENGTH + 1];
		for (int pos = 0; pos < 17; pos++) {
			for (const char *s = USCC_CHARSET; *s; s++) {
				memcpy(c, codes[k], sizeof c);
				if (c[pos] == *s)
					continue;
				c[pos] = *s;
				tried++;
				missed += uscc_valid(c);
			}
			memcpy(c, codes[k], sizeof c);
			if (pos == 16 || c[pos] == c[pos + 1])
				continue;
			c[pos] = codes[k][pos + 1];
			c[pos + 1] = codes[k][pos];
			tried++;
			missed += uscc_valid(c);
		}
	}
	ok(tried > 2000, "thousands of one-character typos and swaps were tried");
	is_int(missed, 0, "  ... and every one is invalid");
}

int main(void)
{
	plan(72);
	char *path = vectors_path();
	if (!ok(load_vectors(path) == 0, "the test vectors can be read"))
		printf("# cannot open %s\n", path);
	free(path);
	i18n_set_language("zh");
	every_vector();
	real_samples_included();
	normalizing();
	malformed_text();
	what_is_reported();
	messages();
	completing();
	typos_are_caught();
	for (int i = 0; i < nvectors; i++) {
		free(vectors[i].code);
		free(vectors[i].want);
	}
	free(vectors);
	return done_testing();
}
