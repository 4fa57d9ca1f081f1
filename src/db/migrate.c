#include "db/migrate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/width.h"
#include "base/xalloc.h"
#include "db/embedded.h"
#include "i18n/i18n.h"

/* The runner's own bookkeeping, created before the first migration runs. */
static const char bootstrap[] =
	"CREATE SCHEMA IF NOT EXISTS meta;"
	"COMMENT ON SCHEMA meta IS '数据平台元数据：迁移记录、资源目录、数据质量、导入作业';"
	"CREATE TABLE IF NOT EXISTS meta.schema_migration ("
	"  version integer PRIMARY KEY CHECK (version > 0),"
	"  name text NOT NULL UNIQUE,"
	"  checksum text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),"
	"  applied_at timestamptz NOT NULL DEFAULT now(),"
	"  applied_by text NOT NULL DEFAULT session_user);"
	"COMMENT ON TABLE meta.schema_migration IS '已应用的数据库迁移（smcon db migrate 写入）';"
	"COMMENT ON COLUMN meta.schema_migration.version IS '迁移编号（文件名前的数字）';"
	"COMMENT ON COLUMN meta.schema_migration.name IS '迁移文件名';"
	"COMMENT ON COLUMN meta.schema_migration.checksum IS '迁移文件内容的 SHA-256 校验和';"
	"COMMENT ON COLUMN meta.schema_migration.applied_at IS '应用时间';"
	"COMMENT ON COLUMN meta.schema_migration.applied_by IS '执行迁移的数据库账号';";

#define LOCK_KEY "7270010"

void migrate_state_free(struct migrate_state *ms)
{
	free(ms->latest);
	memset(ms, 0, sizeof *ms);
}

static int version_of(const char *name)
{
	return atoi(name);
}

static const struct embedded_file *known(int version)
{
	for (const struct embedded_file *f = embedded_migrations; f->name; f++)
		if (version_of(f->name) == version)
			return f;
	return NULL;
}

static PGresult *applied_rows(struct db *db, struct db_error *err)
{
	return db_exec(db,
		       "SELECT version, name, checksum FROM meta.schema_migration"
		       " ORDER BY version",
		       0, NULL, err);
}

enum status migrate_status(struct db *db, struct migrate_state *ms, struct db_error *err)
{
	memset(ms, 0, sizeof *ms);
	ms->known = embedded_migrations_count;
	PGresult *res = db_exec(db, "SELECT to_regclass('meta.schema_migration') IS NOT NULL", 0,
				NULL, err);
	if (!res)
		return err->status;
	int exists = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
	PQclear(res);
	if (!exists) {
		ms->pending = ms->known;
		return ST_OK;
	}
	if (!(res = applied_rows(db, err)))
		return err->status;
	ms->applied = PQntuples(res);
	for (int i = 0; i < ms->applied; i++)
		if (!known(atoi(PQgetvalue(res, i, 0))))
			ms->unknown++;
	if (ms->applied)
		ms->latest = xstrdup(PQgetvalue(res, ms->applied - 1, 1));
	ms->pending = ms->known - (ms->applied - ms->unknown);
	PQclear(res);
	return ST_OK;
}

/* Checks the recorded migrations against ours; marks the applied ones. */
static enum status verify(struct db *db, char *done, struct db_error *err)
{
	PGresult *res = applied_rows(db, err);
	enum status st = ST_OK;
	if (!res)
		return err->status;
	for (int i = 0; i < PQntuples(res) && st == ST_OK; i++) {
		const char *name = PQgetvalue(res, i, 1);
		const struct embedded_file *f = known(atoi(PQgetvalue(res, i, 0)));
		if (!f) {
			char *m = trs(MSG_MIGRATE_UNKNOWN, name);
			db_error_set(err, ST_CONFLICT, m);
			free(m);
			st = ST_CONFLICT;
		} else if (strcmp(f->sha256, PQgetvalue(res, i, 2)) != 0) {
			char *m = trs(MSG_MIGRATE_CHANGED, name);
			db_error_set(err, ST_CONFLICT, m);
			free(m);
			st = ST_CONFLICT;
		} else {
			done[f - embedded_migrations] = 1;
		}
	}
	PQclear(res);
	return st;
}

/* Line of the file at the 1-based character position the server reported. */
static int line_at(const char *text, const char *pos)
{
	long chars = pos ? atol(pos) : 0;
	int line = 1;
	size_t n = strlen(text);
	uint32_t cp;
	for (size_t i = 0; i < n && chars > 1; chars--) {
		if (text[i] == '\n')
			line++;
		i += utf8_decode(text + i, n - i, &cp);
	}
	return line;
}

static enum status apply_one(struct db *db, const struct embedded_file *f, struct db_error *err)
{
	char version[16];
	const char *params[3] = {version, f->name, f->sha256};
	snprintf(version, sizeof version, "%d", version_of(f->name));
	if (db_command(db, "BEGIN", 0, NULL, err) != ST_OK)
		return err->status;
	PGresult *res = PQexec(db->conn, (const char *)f->data);
	ExecStatusType rs = PQresultStatus(res);
	if (rs != PGRES_COMMAND_OK && rs != PGRES_TUPLES_OK) {
		db_error_from_result(err, res);
		int line = line_at((const char *)f->data,
				   PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION));
		strbuf_reset(&err->message);
		trf(&err->message, MSG_MIGRATE_FAILED, f->name, line, strbuf_str(&err->detail));
		PQclear(res);
		PQclear(PQexec(db->conn, "ROLLBACK"));
		return err->status;
	}
	PQclear(res);
	if (db_command(db,
		       "INSERT INTO meta.schema_migration (version, name, checksum)"
		       " VALUES ($1::integer, $2, $3)",
		       3, params, err) != ST_OK ||
	    db_command(db, "COMMIT", 0, NULL, err) != ST_OK) {
		PQclear(PQexec(db->conn, "ROLLBACK"));
		return err->status;
	}
	log_info("migration %s applied", f->name);
	return ST_OK;
}

enum status migrate_run(struct db *db, int dry_run, migrate_cb cb, void *arg,
			struct db_error *err)
{
	char *done = xcalloc((size_t)embedded_migrations_count + 1, 1);
	enum status st = ST_OK;
	if (dry_run) {
		/* A dry run changes nothing, not even the bookkeeping table. */
		PGresult *res = db_exec(db, "SELECT to_regclass('meta.schema_migration') IS NULL", 0,
					NULL, err);
		if (!res) {
			st = err->status;
			goto cleanup;
		}
		int fresh = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
		PQclear(res);
		if (fresh) {
			for (int i = 0; cb && i < embedded_migrations_count; i++)
				cb(arg, embedded_migrations[i].name);
			goto cleanup;
		}
	} else if ((st = db_script(db, bootstrap, err)) != ST_OK) {
		goto cleanup;
	}
	if ((st = db_command(db, "SELECT pg_advisory_lock(" LOCK_KEY ")", 0, NULL, err)) != ST_OK)
		goto cleanup;
	st = verify(db, done, err);
	for (int i = 0; st == ST_OK && i < embedded_migrations_count; i++) {
		if (done[i])
			continue;
		if (cb)
			cb(arg, embedded_migrations[i].name);
		if (!dry_run)
			st = apply_one(db, &embedded_migrations[i], err);
	}
	struct db_error ignored;
	db_error_init(&ignored);
	db_command(db, "SELECT pg_advisory_unlock(" LOCK_KEY ")", 0, NULL, &ignored);
	db_error_free(&ignored);
cleanup:
	free(done);
	return st;
}
