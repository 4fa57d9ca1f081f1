/* Drafts of forms, kept on the server per login (meta.draft,
 * sql/migrations/0095_draft.sql): listed at login, read back into the form
 * that reopens them, deleted. Saving is done by src/ui/form.c as the
 * operator types. */
#ifndef SMCON_DRAFT_H
#define SMCON_DRAFT_H

#include "db/db.h"

struct draft_entry {
	char *id, *kind, *subject, *title, *updated; /* updated: "2026-12-07 09:41" */
};

struct draft_list {
	struct draft_entry *items;
	int n;
};

/* The caller's drafts, the latest first (list is initialised here). */
enum status draft_list_load(struct db *db, struct draft_list *list, struct db_error *err);
void draft_list_free(struct draft_list *list);
/* How many drafts the caller has (0 when that cannot be read). */
int draft_count(struct db *db);
/* A draft's values as rows (field, value); NULL with err filled. */
PGresult *draft_values(struct db *db, const char *id, struct db_error *err);
enum status draft_discard(struct db *db, const char *id, struct db_error *err);
/* The label of a draft kind ("complaint" → 投诉登记), or the kind itself. */
const char *draft_kind_label(const char *kind);

#endif
