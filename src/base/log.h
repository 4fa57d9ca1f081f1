/* A file log: stderr is unusable under curses. Passwords never reach it. */
#ifndef SMCON_LOG_H
#define SMCON_LOG_H

enum log_level { LOG_ERROR, LOG_WARN, LOG_INFO, LOG_DEBUG };

/* Opens (appends to) path, creating its directory; "" or NULL logs nothing.
 * level is "error", "warn", "info" or "debug". Returns 0 or -1 (no log). */
int log_open(const char *path, const char *level);
void log_close(void);
void log_msg(enum log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define log_error(...) log_msg(LOG_ERROR, __VA_ARGS__)
#define log_warn(...)  log_msg(LOG_WARN, __VA_ARGS__)
#define log_info(...)  log_msg(LOG_INFO, __VA_ARGS__)
#define log_debug(...) log_msg(LOG_DEBUG, __VA_ARGS__)

/* Creates every missing directory of path up to its last '/'. Returns 0 or -1. */
int mkdir_parents(const char *path);

#endif
