#include "cmd/shell.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "base/log.h"
#include "base/xalloc.h"
#include "cmd/words.h"

static void add_unique(void (*add)(void *, const char *), void *arg, const char *cand,
		       const char *word, struct strbuf *seen)
{
	if (strncmp(cand, word, strlen(word)) != 0)
		return;
	struct strbuf key = STRBUF_INIT;
	strbuf_addf(&key, "\n%s\n", cand);
	if (!strstr(strbuf_str(seen), strbuf_str(&key))) {
		strbuf_addf(seen, "%s", strbuf_str(&key));
		add(arg, cand);
	}
	strbuf_free(&key);
}

static void complete_options(const struct command *c, const char *prev, const char *word,
			     void (*add)(void *, const char *), void *arg, struct strbuf *seen)
{
	static const char *const formats[] = {"table", "csv", "json", NULL};
	struct strbuf opt = STRBUF_INIT;
	if (prev && strcmp(prev, "--format") == 0 && c->prints_rows) {
		for (const char *const *f = formats; *f; f++)
			add_unique(add, arg, *f, word, seen);
		return;
	}
	if (strncmp(word, "--", 2) != 0 && *word)
		return;
	for (const struct cmd_opt *o = c->opts; o && o->name; o++) {
		strbuf_reset(&opt);
		strbuf_addf(&opt, "--%s", o->name);
		add_unique(add, arg, strbuf_str(&opt), word, seen);
	}
	if (c->prints_rows)
		add_unique(add, arg, "--format", word, seen);
	add_unique(add, arg, "--help", word, seen);
	strbuf_free(&opt);
}

void shell_complete(const char *line, const char *word, void (*add)(void *, const char *),
		    void *arg)
{
	struct words w;
	struct strbuf err = STRBUF_INIT, seen = STRBUF_INIT;
	if (words_split(line, &w, &err) != 0) {
		strbuf_free(&err);
		return;
	}
	int used = 0;
	const struct command *found = cmd_find(w.count, w.word, &used);
	for (const struct command *c = cmd_next(NULL); c; c = cmd_next(c)) {
		if (w.count == 0)
			add_unique(add, arg, c->noun, word, &seen);
		else if (w.count == 1 && c->verb && strcmp(c->noun, w.word[0]) == 0)
			add_unique(add, arg, c->verb, word, &seen);
	}
	if (found && w.count >= used)
		complete_options(found, w.count ? w.word[w.count - 1] : NULL, word, add, arg, &seen);
	words_free(&w);
	strbuf_free(&err);
	strbuf_free(&seen);
}

/* readline's completion glue: collect candidates into a NULL-terminated list. */
struct cand_list {
	char **items;
	int n;
};

static void collect(void *arg, const char *cand)
{
	struct cand_list *l = arg;
	l->items = xrealloc(l->items, sizeof(char *) * ((size_t)l->n + 2));
	l->items[l->n++] = xstrdup(cand);
	l->items[l->n] = NULL;
}

static struct cand_list pending;
static int pending_next;

static char *generator(const char *text, int state)
{
	(void)text;
	if (state == 0)
		pending_next = 0;
	if (!pending.items || pending_next >= pending.n)
		return NULL;
	return xstrdup(pending.items[pending_next++]);
}

static char **attempt(const char *text, int start, int end)
{
	(void)end;
	char *before = xstrndup(rl_line_buffer, (size_t)start);
	for (int i = 0; i < pending.n; i++)
		free(pending.items[i]);
	free(pending.items);
	memset(&pending, 0, sizeof pending);
	shell_complete(before, text, collect, &pending);
	free(before);
	rl_attempted_completion_over = 1;
	return rl_completion_matches(text, generator);
}

/* The prompt: login@database> once connected, as psql names the database;
 * smcon> before. */
static void shell_prompt(const struct cmd_ctx *ctx, struct strbuf *p)
{
	PGconn *conn = ctx->connected ? ctx->db->conn : NULL;
	strbuf_reset(p);
	if (conn)
		strbuf_addf(p, "%s@%s> ", PQuser(conn), PQdb(conn));
	else
		strbuf_add(p, "smcon> ");
}

enum status shell_run(struct cmd_ctx *ctx)
{
	const char *hist = ctx->conf->shell_history_file;
	enum status last = ST_OK;
	rl_readline_name = "smcon";
	/* Piped into the shell, standard input is the commands: no command may
	 * read it as data. */
	if (!isatty(STDIN_FILENO))
		ctx->stdin_use = "shell";
	else if (cmd_connect(ctx) != ST_OK) /* says why; the commands try again */
		fflush(ctx->err);
	rl_attempted_completion_function = attempt;
	using_history();
	stifle_history(ctx->conf->shell_history_size);
	if (*hist) {
		mkdir_parents(hist);
		read_history(hist);
	}
	char *line;
	struct strbuf prompt = STRBUF_INIT;
	for (shell_prompt(ctx, &prompt); (line = readline(strbuf_str(&prompt)));
	     shell_prompt(ctx, &prompt)) {
		char *p = line, *end = line + strlen(line);
		while (*p == ' ' || *p == '\t')
			p++;
		while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
			*--end = '\0';
		if (strcmp(p, "quit") == 0 || strcmp(p, "exit") == 0 || strcmp(p, "\\q") == 0) {
			free(line);
			break;
		}
		if (*p && *p != '#') {
			add_history(p);
			last = cmd_flush(ctx, cmd_execute_line(ctx, p));
		}
		free(line);
	}
	strbuf_free(&prompt);
	if (*hist && write_history(hist) != 0)
		log_warn("cannot write history to %s", hist);
	for (int i = 0; i < pending.n; i++)
		free(pending.items[i]);
	free(pending.items);
	memset(&pending, 0, sizeof pending);
	return last;
}
