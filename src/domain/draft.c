#include "domain/draft.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "i18n/i18n.h"

enum status draft_list_load(struct db *db, struct draft_list *list, struct db_error *err)
{
	memset(list, 0, sizeof *list);
	PGresult *r =
	    db_exec(db,
	            "SELECT id::text, kind, subject, title, "
	            "to_char(updated_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') "
	            "FROM api.draft_list()",
	            0, NULL, err);
	if (!r)
		return err->status;
	list->n = PQntuples(r);
	list->items = xcalloc((size_t)list->n + 1, sizeof *list->items);
	for (int i = 0; i < list->n; i++) {
		struct draft_entry *e = &list->items[i];
		e->id = xstrdup(PQgetvalue(r, i, 0));
		e->kind = xstrdup(PQgetvalue(r, i, 1));
		e->subject = xstrdup(PQgetvalue(r, i, 2));
		e->title = xstrdup(PQgetvalue(r, i, 3));
		e->updated = xstrdup(PQgetvalue(r, i, 4));
	}
	PQclear(r);
	return ST_OK;
}

void draft_list_free(struct draft_list *list)
{
	for (int i = 0; i < list->n; i++) {
		free(list->items[i].id);
		free(list->items[i].kind);
		free(list->items[i].subject);
		free(list->items[i].title);
		free(list->items[i].updated);
	}
	free(list->items);
	memset(list, 0, sizeof *list);
}

int draft_count(struct db *db)
{
	struct db_error err;
	db_error_init(&err);
	PGresult *r = db_exec(db, "SELECT count(*) FROM api.draft_list()", 0, NULL, &err);
	int n = r ? atoi(PQgetvalue(r, 0, 0)) : 0;
	PQclear(r);
	db_error_free(&err);
	return n;
}

PGresult *draft_values(struct db *db, const char *id, struct db_error *err)
{
	const char *p[1] = {id};
	return db_exec(db, "SELECT field, value FROM api.draft_get($1::bigint)", 1, p, err);
}

enum status draft_discard(struct db *db, const char *id, struct db_error *err)
{
	const char *p[1] = {id};
	return db_command(db, "SELECT api.draft_discard($1::bigint)", 1, p, err);
}

const char *draft_kind_label(const char *kind)
{
	if (strcmp(kind, "complaint") == 0)
		return tr(MSG_DRAFT_KIND_COMPLAINT);
	if (strcmp(kind, "rescue") == 0)
		return tr(MSG_DRAFT_KIND_RESCUE);
	if (strcmp(kind, "inspection_result") == 0)
		return tr(MSG_DRAFT_KIND_INSPECTION_RESULT);
	return kind;
}
