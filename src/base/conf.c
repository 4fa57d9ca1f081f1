#include "base/conf.h"

#include <libconfig.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "paths.h" /* SMCON_SYSCONFDIR, written by the Makefile */

enum key_type { KEY_STRING, KEY_INT, KEY_NUMBER };

struct key {
	const char *path;
	enum key_type type;
	size_t offset;
	const char *const *choices; /* allowed values of a string, or NULL */
	int min, max;               /* allowed range of an int */
};

static const char *const languages[] = {"zh", "en", NULL};
static const char *const colors[] = {"auto", "always", "never", NULL};
static const char *const levels[] = {"error", "warn", "info", "debug", NULL};

#define STR(p, f, c) {p, KEY_STRING, offsetof(struct conf, f), c, 0, 0}
#define INT(p, f, lo, hi) {p, KEY_INT, offsetof(struct conf, f), NULL, lo, hi}
#define NUM(p, f, lo, hi) {p, KEY_NUMBER, offsetof(struct conf, f), NULL, lo, hi}

/* clang-format off */
static const struct key keys[] = {
	STR("db.conninfo", db_conninfo, NULL),
	INT("db.connect_timeout", db_connect_timeout, 1, 600),
	INT("db.statement_timeout", db_statement_timeout, 0, 86400000),
	STR("db.report_conninfo", db_report_conninfo, NULL),
	INT("db.reconnect_seconds", db_reconnect_seconds, 0, 3600),
	STR("ui.language", ui_language, languages),
	STR("ui.color", ui_color, colors),
	NUM("ui.idle_lock_minutes", ui_idle_lock_minutes, 0, 1440),
	STR("ui.timezone", ui_timezone, NULL),
	STR("ui.export_dir", ui_export_dir, NULL),
	INT("ui.export_bom", ui_export_bom, 0, 1),
	STR("log.file", log_file, NULL),
	STR("log.level", log_level, levels),
	STR("shell.history_file", shell_history_file, NULL),
	INT("shell.history_size", shell_history_size, 0, 1000000),
};
/* clang-format on */

#define NKEYS (sizeof keys / sizeof keys[0])

void conf_set(char **field, const char *value)
{
	free(*field);
	*field = xstrdup(value);
}

void conf_state_path(struct strbuf *out, const char *name)
{
	const char *state = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	if (state && *state)
		strbuf_addf(out, "%s/smcon/%s", state, name);
	else
		strbuf_addf(out, "%s/.local/state/smcon/%s", home ? home : ".", name);
}

void conf_export_dir(const struct conf *cfg, struct strbuf *out)
{
	const char *data = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	if (cfg && cfg->ui_export_dir && *cfg->ui_export_dir)
		strbuf_add(out, cfg->ui_export_dir);
	else if (data && *data)
		strbuf_addf(out, "%s/smcon/exports", data);
	else
		strbuf_addf(out, "%s/.local/share/smcon/exports", home ? home : ".");
	while (out->len > 1 && strbuf_str(out)[out->len - 1] == '/')
		strbuf_truncate(out, out->len - 1);
}

void conf_user_path(struct strbuf *out)
{
	const char *cfg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	if (cfg && *cfg)
		strbuf_addf(out, "%s/smcon/smcon.conf", cfg);
	else
		strbuf_addf(out, "%s/.config/smcon/smcon.conf", home ? home : ".");
}

const char *conf_system_path(void)
{
	const char *p = getenv("SMCON_SYSTEM_CONFIG");
	return p && *p ? p : SMCON_SYSCONFDIR "/smcon.conf";
}

void conf_init(struct conf *cfg)
{
	struct strbuf sb = STRBUF_INIT;
	memset(cfg, 0, sizeof *cfg);
	cfg->db_conninfo = xstrdup("");
	cfg->db_connect_timeout = 5;
	cfg->db_statement_timeout = 30000;
	cfg->db_report_conninfo = xstrdup("");
	cfg->db_reconnect_seconds = 60;
	cfg->ui_language = xstrdup("zh");
	cfg->ui_color = xstrdup("auto");
	cfg->ui_idle_lock_minutes = 15;
	cfg->ui_timezone = xstrdup("Asia/Shanghai");
	cfg->ui_export_dir = xstrdup("");
	cfg->ui_export_bom = 1;
	conf_state_path(&sb, "smcon.log");
	cfg->log_file = strbuf_detach(&sb);
	cfg->log_level = xstrdup("info");
	conf_state_path(&sb, "history");
	cfg->shell_history_file = strbuf_detach(&sb);
	cfg->shell_history_size = 1000;
	cfg->loaded = xstrdup("");
}

void conf_free(struct conf *cfg)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (keys[i].type == KEY_STRING)
			free(*(char **)((char *)cfg + keys[i].offset));
	free(cfg->loaded);
	memset(cfg, 0, sizeof *cfg);
}

static const struct key *find_key(const char *path)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (strcmp(keys[i].path, path) == 0)
			return &keys[i];
	return NULL;
}

static int in_choices(const char *v, const char *const *choices)
{
	for (; *choices; choices++)
		if (strcmp(v, *choices) == 0)
			return 1;
	return 0;
}

static void add_choices(struct strbuf *err, const char *const *choices)
{
	for (const char *const *c = choices; *c; c++)
		strbuf_addf(err, "%s\"%s\"", c == choices ? "" : ", ", *c);
}

static int apply(struct conf *cfg, const struct key *k, config_setting_t *s, const char *file,
		 struct strbuf *err)
{
	int line = config_setting_source_line(s);
	void *field = (char *)cfg + k->offset;
	if (k->type == KEY_STRING) {
		const char *v = config_setting_get_string(s);
		if (!v) {
			strbuf_addf(err, "%s:%d: %s must be a string", file, line, k->path);
			return -1;
		}
		if (k->choices && !in_choices(v, k->choices)) {
			strbuf_addf(err, "%s:%d: %s must be one of ", file, line, k->path);
			add_choices(err, k->choices);
			strbuf_addf(err, ", not \"%s\"", v);
			return -1;
		}
		conf_set(field, v);
		return 0;
	}
	if (k->type == KEY_NUMBER) {
		int t = config_setting_type(s);
		if (t != CONFIG_TYPE_INT && t != CONFIG_TYPE_FLOAT) {
			strbuf_addf(err, "%s:%d: %s must be a number", file, line, k->path);
			return -1;
		}
		double v = t == CONFIG_TYPE_INT ? config_setting_get_int(s)
						: config_setting_get_float(s);
		if (v < k->min || v > k->max) {
			strbuf_addf(err, "%s:%d: %s must be between %d and %d, not %g", file, line,
				    k->path, k->min, k->max, v);
			return -1;
		}
		*(double *)field = v;
		return 0;
	}
	if (config_setting_type(s) != CONFIG_TYPE_INT) {
		strbuf_addf(err, "%s:%d: %s must be a whole number", file, line, k->path);
		return -1;
	}
	int v = config_setting_get_int(s);
	if (v < k->min || v > k->max) {
		strbuf_addf(err, "%s:%d: %s must be between %d and %d, not %d", file, line,
			    k->path, k->min, k->max, v);
		return -1;
	}
	*(int *)field = v;
	return 0;
}

/* Walks a group; every leaf must be a known key. */
static int walk(struct conf *cfg, config_setting_t *group, const char *prefix, const char *file,
		struct strbuf *err)
{
	int n = config_setting_length(group);
	for (int i = 0; i < n; i++) {
		config_setting_t *s = config_setting_get_elem(group, (unsigned)i);
		struct strbuf path = STRBUF_INIT;
		int rc = 0;
		strbuf_addf(&path, "%s%s%s", prefix, *prefix ? "." : "", config_setting_name(s));
		const struct key *k = find_key(strbuf_str(&path));
		if (config_setting_type(s) == CONFIG_TYPE_GROUP && !k)
			rc = walk(cfg, s, strbuf_str(&path), file, err);
		else if (!k) {
			strbuf_addf(err, "%s:%d: unknown setting '%s'", file,
				    config_setting_source_line(s), strbuf_str(&path));
			rc = -1;
		} else
			rc = apply(cfg, k, s, file, err);
		strbuf_free(&path);
		if (rc)
			return rc;
	}
	return 0;
}

/* The file name of an `@include "NAME"` line (as libconfig 1.5's scanner
 * matches it: at the start of a line), unescaped into name. Returns 1 when
 * the line is one. */
static int include_name(const char *line, struct strbuf *name)
{
	const char *p = line + strspn(line, " \t");
	if (strncmp(p, "@include", 8) != 0 || (p[8] != ' ' && p[8] != '\t'))
		return 0;
	p += 8 + strspn(p + 8, " \t");
	if (*p++ != '"')
		return 0;
	strbuf_reset(name);
	for (; *p && *p != '"'; p++) {
		if (*p == '\\' && p[1])
			p++;
		strbuf_addc(name, *p);
	}
	return *p == '"';
}

/* libconfig 1.5 ends the whole program ("input in flex scanner failed")
 * when an @include names a directory. Every @include of path, nested ones
 * too, must name a regular file, and no file may hold a NUL byte (which
 * would end a name early). Returns 0, or -1 with err naming the file and
 * line. A name that does not exist is left to libconfig to report. */
static int check_includes(const char *path, int depth, struct strbuf *err)
{
	FILE *f = fopen(path, "r");
	struct strbuf line = STRBUF_INIT, name = STRBUF_INIT;
	struct stat st;
	int rc = 0, lineno = 0;
	while (f && rc == 0 && strbuf_getline(&line, f)) {
		lineno++;
		if (strlen(strbuf_str(&line)) != line.len) {
			strbuf_addf(err, "%s:%d: a NUL byte: not a text file", path, lineno);
			rc = -1;
			continue;
		}
		if (!include_name(strbuf_str(&line), &name) || stat(strbuf_str(&name), &st) != 0)
			continue;
		if (!S_ISREG(st.st_mode)) {
			strbuf_addf(err, "%s:%d: @include \"%s\" is not a regular file", path, lineno,
				    strbuf_str(&name));
			rc = -1;
		} else if (depth < 10) {
			rc = check_includes(strbuf_str(&name), depth + 1, err);
		}
	}
	if (f)
		fclose(f);
	strbuf_free(&line);
	strbuf_free(&name);
	return rc;
}

int conf_read_file(struct conf *cfg, const char *path, int required, struct strbuf *err)
{
	config_t lc;
	int rc = -1;
	if (access(path, F_OK) != 0) {
		if (!required)
			return 0;
		strbuf_addf(err, "%s: no such configuration file", path);
		return -1;
	}
	if (check_includes(path, 0, err) != 0)
		return -1;
	config_init(&lc);
	if (!config_read_file(&lc, path)) {
		if (config_error_type(&lc) == CONFIG_ERR_FILE_IO)
			strbuf_addf(err, "%s: cannot read the file", path);
		else
			strbuf_addf(err, "%s:%d: syntax error: %s", path, config_error_line(&lc),
				    config_error_text(&lc));
		goto cleanup;
	}
	rc = walk(cfg, config_root_setting(&lc), "", path, err);
	if (rc == 0) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, "%s%s%s", cfg->loaded, *cfg->loaded ? ", " : "", path);
		free(cfg->loaded);
		cfg->loaded = strbuf_detach(&sb);
	}
cleanup:
	config_destroy(&lc);
	return rc;
}

int conf_load(struct conf *cfg, const char *const *explicit_paths, int n, struct strbuf *err)
{
	struct strbuf user = STRBUF_INIT;
	int rc = conf_read_file(cfg, conf_system_path(), 0, err);
	if (rc == 0) {
		conf_user_path(&user);
		rc = conf_read_file(cfg, strbuf_str(&user), 0, err);
	}
	for (int i = 0; rc == 0 && i < n; i++)
		rc = conf_read_file(cfg, explicit_paths[i], 1, err);
	strbuf_free(&user);
	return rc;
}
