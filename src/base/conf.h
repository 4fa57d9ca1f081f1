/* Settings from libconfig files, in the order of DESIGN §4: built-in defaults
 * < /etc/smcon/smcon.conf < $XDG_CONFIG_HOME/smcon/smcon.conf < -C FILE
 * (< command-line options, applied by main). A syntax error names the file
 * and line; an unknown or mistyped setting is an error too, never ignored. */
#ifndef SMCON_CONF_H
#define SMCON_CONF_H

#include "base/strbuf.h"

struct conf {
	char *db_conninfo;       /* db.conninfo: libpq conninfo or URI ("" = libpq defaults) */
	int db_connect_timeout;  /* db.connect_timeout, seconds */
	int db_statement_timeout; /* db.statement_timeout, milliseconds, 0 = none */
	char *db_report_conninfo; /* db.report_conninfo: where heavy reads go ("" = the primary) */
	int db_reconnect_seconds; /* db.reconnect_seconds: command mode's reconnecting, 0 = never */
	char *ui_language;       /* ui.language: "zh" or "en" */
	char *ui_color;          /* ui.color: "auto", "always" or "never" */
	char *ui_timezone;       /* ui.timezone: the zone times are shown in (IANA name) */
	char *ui_export_dir; /* ui.export_dir: where the screens' exports go ("" = the default) */
	int ui_export_bom;   /* ui.export_bom: the screens' CSV files start with a UTF-8 BOM (Excel)
	                      */
	double ui_idle_lock_minutes; /* ui.idle_lock_minutes, may be fractional; 0 = never */
	char *log_file;          /* log.file ("" = no log) */
	char *log_level;         /* log.level: "error", "warn", "info", "debug" */
	char *shell_history_file; /* shell.history_file */
	int shell_history_size;  /* shell.history_size */
	char *loaded;            /* the files read, separated by ", " (for `smcon version`) */
};

/* Fills in the built-in defaults. */
void conf_init(struct conf *cfg);
void conf_free(struct conf *cfg);
/* Reads one file over the current settings. A missing file is fine unless
 * required. Returns 0, or -1 with a message naming the file and line in err. */
int conf_read_file(struct conf *cfg, const char *path, int required, struct strbuf *err);
/* Reads the system file, the user's file and then the n explicit files
 * (-C, in order). Returns 0 or -1 with err filled. */
int conf_load(struct conf *cfg, const char *const *explicit_paths, int n, struct strbuf *err);
/* The default path of the system-wide file ($SMCON_SYSTEM_CONFIG overrides). */
const char *conf_system_path(void);
/* Appends the user's config path ($XDG_CONFIG_HOME/smcon/smcon.conf). */
void conf_user_path(struct strbuf *out);
/* Appends $XDG_STATE_HOME/smcon/NAME (default ~/.local/state/smcon/NAME). */
void conf_state_path(struct strbuf *out, const char *name);
/* The directory the console's exports go to: ui.export_dir, or else
 * $XDG_DATA_HOME/smcon/exports (~/.local/share/smcon/exports); never the
 * current directory. Appends it to out without a trailing slash. */
void conf_export_dir(const struct conf *cfg, struct strbuf *out);
/* Replaces a string setting. */
void conf_set(char **field, const char *value);

#endif
