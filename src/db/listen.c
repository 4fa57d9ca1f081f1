/* The LISTEN registry (db/listen.h). */
#include "db/listen.h"

#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/xalloc.h"

int db_channel_valid(const char *name)
{
	size_t n = name ? strlen(name) : 0;
	return n > 0 && n < 64;
}

static struct db_channel *find(const struct db *db, const char *name)
{
	for (int i = 0; i < db->nchannels; i++)
		if (strcmp(db->channels[i].name, name) == 0)
			return &db->channels[i];
	return NULL;
}

int db_listen(struct db *db, const char *channel)
{
	if (!db_channel_valid(channel))
		return -1;
	struct db_channel *c = find(db, channel);
	if (!c) {
		db->channels =
		    xrealloc(db->channels, sizeof *db->channels * (size_t)(db->nchannels + 1));
		c = &db->channels[db->nchannels++];
		c->name = xstrdup(channel);
		c->refs = 0;
		c->listening = 0;
	}
	c->refs++;
	db_listen_sync(db);
	return 0;
}

void db_unlisten(struct db *db, const char *channel)
{
	struct db_channel *c = channel ? find(db, channel) : NULL;
	if (c && c->refs > 0)
		c->refs--;
	db_listen_sync(db);
}

int db_listen_pending(const struct db *db)
{
	for (int i = 0; i < db->nchannels; i++)
		if ((db->channels[i].refs > 0) != db->channels[i].listening)
			return 1;
	return 0;
}

int db_listening(const struct db *db, const char *channel)
{
	const struct db_channel *c = find(db, channel);
	return c && c->listening;
}

/* Runs LISTEN or UNLISTEN for one channel; 0 or -1. */
static int tell(struct db *db, const char *verb, const char *name)
{
	char *quoted = PQescapeIdentifier(db->conn, name, strlen(name));
	if (!quoted)
		return -1;
	size_t len = strlen(verb) + strlen(quoted) + 2;
	char *sql = xmalloc(len);
	snprintf(sql, len, "%s %s", verb, quoted);
	PQfreemem(quoted);
	PGresult *res = PQexec(db->conn, sql);
	int ok = PQresultStatus(res) == PGRES_COMMAND_OK;
	if (!ok)
		log_warn("%s failed: %s", sql, PQerrorMessage(db->conn));
	else
		log_debug("%s", sql);
	PQclear(res);
	free(sql);
	if (PQstatus(db->conn) != CONNECTION_OK)
		db->state = DB_LOST;
	return ok ? 0 : -1;
}

int db_listen_sync(struct db *db)
{
	int failed = 0;
	if (!db_idle(db) || !db_listen_pending(db))
		return 0;
	for (int i = 0; i < db->nchannels && db->state == DB_UP; i++) {
		struct db_channel *c = &db->channels[i];
		int want = c->refs > 0;
		if (want == c->listening)
			continue;
		if (tell(db, want ? "LISTEN" : "UNLISTEN", c->name) == 0)
			c->listening = want;
		else
			failed++;
	}
	/* channels nobody wants and the server has forgotten leave the registry */
	int j = 0;
	for (int i = 0; i < db->nchannels; i++) {
		if (db->channels[i].refs == 0 && !db->channels[i].listening)
			free(db->channels[i].name);
		else
			db->channels[j++] = db->channels[i];
	}
	db->nchannels = j;
	return failed;
}

void db_listen_forget(struct db *db)
{
	for (int i = 0; i < db->nchannels; i++)
		db->channels[i].listening = 0;
}

void db_listen_free(struct db *db)
{
	for (int i = 0; i < db->nchannels; i++)
		free(db->channels[i].name);
	free(db->channels);
	db->channels = NULL;
	db->nchannels = 0;
}

PGnotify *db_notify_next(struct db *db)
{
	return db->conn ? PQnotifies(db->conn) : NULL;
}

int db_payload_has(const char *payload, const char *key, const char *value)
{
	struct strbuf want = STRBUF_INIT;
	strbuf_addf(&want, "\"%s\" : %s,", key, value);
	int found = strstr(payload, strbuf_str(&want)) != NULL;
	strbuf_free(&want);
	return found;
}
