/* The audit chain's heads kept outside the database: `smcon audit verify
 * --head FILE`. Whoever can rewrite the whole chain (a superuser) can make
 * it whole again, every hash and the head row included; a head written
 * down elsewhere before then no longer matches. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/strbuf.h"
#include "base/xalloc.h"
#include "domain/audit.h"
#include "i18n/i18n.h"

struct head {
	long long id;
	char hash[65];
	long line;
};

static int is_hex64(const char *s)
{
	size_t n = strspn(s, "0123456789abcdef");
	return n == 64 && s[n] == '\0';
}

static void fail_io(struct db_error *err, enum msg_id m, const char *path, int e)
{
	char *t = trs(m, path, strerror(e));
	db_error_set(err, ST_ERROR, t);
	free(t);
}

static void fail_line(struct db_error *err, enum msg_id m, const char *path, long line)
{
	char *t = trs(m, path, line);
	db_error_set(err, ST_ERROR, t);
	free(t);
}

/* Reads the heads of path (a missing file has none). Returns 0, or -1 with err filled. */
static int read_heads(const char *path, struct head **out, long *n, struct db_error *err)
{
	*out = NULL;
	*n = 0;
	FILE *f = fopen(path, "r");
	if (!f) {
		if (errno == ENOENT)
			return 0;
		fail_io(err, MSG_SEC_HEAD_UNREADABLE, path, errno);
		return -1;
	}
	char *buf = NULL;
	size_t cap = 0, alloc = 0;
	long line = 0;
	int bad = 0;
	while (getline(&buf, &cap, f) >= 0) {
		line++;
		char idtext[32], hash[80];
		if (buf[strspn(buf, " \t\r\n")] == '\0' || buf[strspn(buf, " \t")] == '#')
			continue;
		char *end;
		if (sscanf(buf, "%31s %79s", idtext, hash) != 2 || !is_hex64(hash) ||
		    strtoll(idtext, &end, 10) <= 0 || *end) {
			fail_line(err, MSG_SEC_HEAD_BAD_LINE, path, line);
			bad = 1;
			break;
		}
		if ((size_t)*n == alloc) {
			alloc = alloc ? alloc * 2 : 64;
			*out = xrealloc(*out, alloc * sizeof **out);
		}
		struct head *h = &(*out)[(*n)++];
		h->id = strtoll(idtext, NULL, 10);
		memcpy(h->hash, hash, 65);
		h->line = line;
	}
	free(buf);
	fclose(f);
	if (!bad && *n > 100000) {
		fail_line(err, MSG_SEC_HEAD_TOO_MANY, path, *n);
		bad = 1;
	}
	if (bad) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return bad ? -1 : 0;
}

/* Appends the chain's head to path, written through before returning. */
static int append_head(const char *path, const struct audit_check *c, struct db_error *err)
{
	char when[32], line[160];
	time_t now = time(NULL);
	struct tm tm;
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S%z", localtime_r(&now, &tm));
	int len = snprintf(line, sizeof line, "%lld %s %s\n", c->last_id, c->last_hash, when);
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	int ok = fd >= 0 && write(fd, line, (size_t)len) == len && fsync(fd) == 0;
	int e = errno;
	if (fd >= 0 && close(fd) != 0 && ok) {
		ok = 0;
		e = errno;
	}
	if (!ok)
		fail_io(err, MSG_SEC_HEAD_UNWRITABLE, path, e);
	return ok ? 0 : -1;
}

/* The hash of row id in res (ordered by id), or NULL. */
static const char *hash_of(const PGresult *res, long long id)
{
	int lo = 0, hi = PQntuples(res) - 1;
	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;
		long long v = atoll(PQgetvalue(res, mid, 0));
		if (v == id)
			return PQgetvalue(res, mid, 1);
		if (v < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

enum status audit_head_file(struct db *db, const char *path, struct audit_check *c,
                            struct db_error *err)
{
	struct head *h;
	long n;
	if (read_heads(path, &h, &n, err) != 0)
		return ST_ERROR;
	struct strbuf ids = STRBUF_INIT;
	strbuf_addc(&ids, '{');
	for (long i = 0; i < n; i++)
		strbuf_addf(&ids, "%s%lld", i ? "," : "", h[i].id);
	strbuf_addc(&ids, '}');
	const char *params[] = {strbuf_str(&ids)};
	PGresult *res =
	    n ? db_exec(db, "SELECT id, hash FROM api.audit_hashes($1::bigint[])", 1, params, err)
	      : NULL;
	enum status st = n && !res ? err->status : ST_OK;
	for (long i = 0; res && i < n && !c->broken_id; i++) {
		const char *now = hash_of(res, h[i].id);
		if (!now || strcmp(now, h[i].hash) != 0) {
			c->broken_id = h[i].id;
			free(c->problem);
			c->problem = xstrdup("external");
			c->head_line = h[i].line;
		}
	}
	c->heads = n;
	if (res)
		PQclear(res);
	if (st == ST_OK && !c->broken_id && c->last_hash && append_head(path, c, err) != 0)
		st = ST_ERROR;
	strbuf_free(&ids);
	free(h);
	return st;
}
