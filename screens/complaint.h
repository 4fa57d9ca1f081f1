/* What the 12315 desk's screens share: the channel they listen on, opening
 * an item, and the small form that asks what a step needs (a ground, a
 * reason, a login …) and sends it. */
#ifndef SMCON_SCREENS_COMPLAINT_H
#define SMCON_SCREENS_COMPLAINT_H

#include "domain/complaint.h"
#include "ui/app.h"

#define DESK_CHANNEL "smcon_complaint"

/* Opens the item screen for kind and id (copied). */
void desk_item_open(struct app *app, enum desk_kind k, const char *id);

/* A step to take on one or more items (several only for DS_ASSIGN). */
struct desk_step_arg {
	enum desk_step step;
	enum desk_kind kind;
	char *no;           /* the item's number, for the title */
	struct strbuf ids;  /* "12" or, for DS_ASSIGN, "{12,13}" */
	struct strbuf list; /* the ids, comma separated */
	char *other;        /* DS_MERGE, DS_KEEP_APART: the other item's id */
	int n;
};
struct desk_step_arg *desk_step_arg_new(enum desk_step s);
/* Adds an item: kind given as text of length klen, id. */
void desk_step_arg_add(struct desk_step_arg *a, const char *kind, size_t klen, const char *id);
void desk_step_arg_free(struct desk_step_arg *a);
/* Opens the step's form (which takes arg over). Returns 0, or -1 when it
 * could not be opened (arg is the caller's still). */
int desk_step_open(struct app *app, struct desk_step_arg *arg);

#endif
