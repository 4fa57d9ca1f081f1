/* Configuration: defaults, layering, and errors that name file and line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/conf.h"
#include "lib/tap.h"

static char dir[] = "/tmp/smcon-conf-XXXXXX";

static const char *write_file(const char *name, const char *text)
{
	static char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
	return path;
}

static void defaults(void)
{
	struct conf c;
	conf_init(&c);
	is_str(c.ui_language, "zh", "the default language is Chinese");
	is_str(c.ui_color, "auto", "colour is automatic by default");
	is_int(c.db_connect_timeout, 5, "connect timeout defaults to 5 s");
	is_str(c.db_conninfo, "", "no connection string by default (libpq decides)");
	conf_free(&c);
}

static void layering(void)
{
	struct conf c;
	struct strbuf err = STRBUF_INIT;
	char sys[256], user_dir[256], user[300];
	snprintf(sys, sizeof sys, "%s/system.conf", dir);
	snprintf(user_dir, sizeof user_dir, "%s/xdg", dir);
	snprintf(user, sizeof user, "%s/smcon/smcon.conf", user_dir);
	write_file("system.conf", "ui: { language = \"en\"; color = \"never\"; };\n"
				  "db: { connect_timeout = 9; };\n");
	char mk[400];
	snprintf(mk, sizeof mk, "mkdir -p %s/smcon", user_dir);
	if (!ok(system(mk) == 0, "the user's configuration directory is made"))
		return;
	FILE *f = fopen(user, "w");
	fputs("ui: { color = \"always\"; };\n", f);
	fclose(f);
	const char *explicit = write_file("explicit.conf", "db: { connect_timeout = 3; };\n");
	setenv("SMCON_SYSTEM_CONFIG", sys, 1);
	setenv("XDG_CONFIG_HOME", user_dir, 1);
	conf_init(&c);
	const char *explicits[] = {explicit};
	is_int(conf_load(&c, explicits, 1, &err), 0, "three layers load");
	is_str(c.ui_language, "en", "the system file sets what nobody overrides");
	is_str(c.ui_color, "always", "the user's file overrides the system file");
	is_int(c.db_connect_timeout, 3, "-C FILE overrides both");
	ok(strstr(c.loaded, "system.conf") && strstr(c.loaded, "explicit.conf"),
	   "the files read are listed in order");
	conf_free(&c);
	strbuf_free(&err);
	unsetenv("SMCON_SYSTEM_CONFIG");
	unsetenv("XDG_CONFIG_HOME");
}

static void expect_error(const char *text, const char *want, const char *name)
{
	struct conf c;
	struct strbuf err = STRBUF_INIT;
	const char *p = write_file("bad.conf", text);
	conf_init(&c);
	int rc = conf_read_file(&c, p, 1, &err);
	ok(rc == -1 && strstr(strbuf_str(&err), want) != NULL, name);
	if (!strstr(strbuf_str(&err), want))
		printf("#   error was: %s\n#   wanted:   %s\n", strbuf_str(&err), want);
	conf_free(&c);
	strbuf_free(&err);
}

static void errors(void)
{
	expect_error("ui: {\n  language = \"en\";\n  color = ;\n};\n", "bad.conf:3: syntax error",
		     "a syntax error names the file and line");
	expect_error("ui: {\n  colour = \"never\";\n};\n", "bad.conf:2: unknown setting 'ui.colour'",
		     "an unknown setting is reported with its line, not ignored");
	expect_error("dbx: { a = 1; };\n", "unknown setting 'dbx.a'", "an unknown group is reported");
	expect_error("ui: { language = \"fr\"; };\n", "ui.language must be one of",
		     "a value outside the allowed list is reported");
	expect_error("db: { connect_timeout = \"5\"; };\n", "must be a whole number",
		     "a string where a number belongs is reported");
	expect_error("db: { connect_timeout = 0; };\n", "between 1 and 600",
		     "a number out of range is reported");
	expect_error("ui: { idle_lock_minutes = \"soon\"; };\n", "must be a number",
		     "a fractional setting refuses text");
	struct conf c;
	struct strbuf err = STRBUF_INIT;
	conf_init(&c);
	ok(conf_read_file(&c, "/nonexistent/smcon.conf", 1, &err) == -1 &&
		   strstr(strbuf_str(&err), "no such configuration file"),
	   "a missing -C file is an error");
	strbuf_reset(&err);
	is_int(conf_read_file(&c, "/nonexistent/smcon.conf", 0, &err), 0,
	       "a missing optional file is fine");
	conf_free(&c);
	strbuf_free(&err);
}

/* libconfig 1.5 ends the program when an @include names a directory; smcon
 * refuses it first, with file and line, and still follows regular includes. */
static void includes(void)
{
	expect_error("ui: { language = \"en\"; };\n@include \".\"\n", "bad.conf:2: @include \".\" is not a regular file",
		     "@include of a directory is refused with file and line");
	expect_error("  @include \"/dev/null\"\n", "bad.conf:1: @include \"/dev/null\" is not a regular file",
		     "  ... so is a device");
	FILE *f = fopen(write_file("nul.conf", ""), "w");
	fwrite("# ok\n@include \"..\0\0\"\n", 1, 20, f);
	fclose(f);
	struct strbuf e = STRBUF_INIT;
	struct conf n;
	conf_init(&n);
	char nul[300];
	snprintf(nul, sizeof nul, "%s/nul.conf", dir);
	ok(conf_read_file(&n, nul, 1, &e) == -1 && strstr(strbuf_str(&e), "nul.conf:2: a NUL byte"),
	   "a NUL byte (which would cut an @include's name short) is refused with file and line");
	conf_free(&n);
	strbuf_free(&e);
	char inner[300], text[400];
	snprintf(inner, sizeof inner, "%s/inner.conf", dir);
	write_file("inner.conf", "\n\n@include \"/\"\n");
	snprintf(text, sizeof text, "@include \"%s\"\n", inner);
	expect_error(text, "inner.conf:3: @include \"/\" is not a regular file",
		     "  ... also in an included file, naming that file");
	write_file("inner.conf", "ui: { language = \"en\"; };\n");
	struct conf c;
	struct strbuf err = STRBUF_INIT;
	conf_init(&c);
	const char *outer = write_file("outer.conf", text);
	is_int(conf_read_file(&c, outer, 1, &err), 0, "an @include of a regular file is read");
	is_str(c.ui_language, "en", "  ... with its settings");
	conf_free(&c);
	strbuf_free(&err);
}

static void shipped_default(void)
{
	struct conf c, d;
	struct strbuf err = STRBUF_INIT;
	conf_init(&c);
	conf_init(&d);
	is_int(conf_read_file(&c, "conf/smcon.conf", 1, &err), 0, "conf/smcon.conf is valid");
	is_str(c.ui_language, d.ui_language, "  ... and documents the built-in language");
	is_int(c.db_connect_timeout, d.db_connect_timeout, "  ... the built-in timeout");
	ok(c.ui_idle_lock_minutes == d.ui_idle_lock_minutes, "  ... the built-in idle lock");
	conf_free(&c);
	conf_free(&d);
	strbuf_free(&err);
}

int main(void)
{
	plan(29);
	if (!mkdtemp(dir))
		return 1;
	defaults();
	layering();
	errors();
	includes();
	shipped_default();
	char rm[300];
	snprintf(rm, sizeof rm, "rm -rf %s", dir);
	if (system(rm) != 0)
		return 1;
	return done_testing();
}
