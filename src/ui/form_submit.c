/* Forms: submitting without blocking, and the server-side drafts. */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "db/pgarray.h"
#include "ui/form.h"

void form_draft_arrays(const struct form *f, struct strbuf *names, struct strbuf *values)
{
	for (int i = 0; i < f->n; i++) {
		if (f->defs[i].masked)
			continue;
		pgarray_add(names, f->defs[i].name);
		pgarray_add(values, form_value(f, i));
	}
	pgarray_end(names);
	pgarray_end(values);
}

void form_load_draft(struct form *f, const PGresult *rows)
{
	for (int r = 0; r < PQntuples(rows); r++) {
		int i = form_find(f, PQgetvalue(rows, r, 0));
		if (i >= 0 && !f->defs[i].masked)
			form_set(f, i, PQgetvalue(rows, r, 1));
	}
	/* what came back is input not yet submitted: leaving asks first */
	f->dirty = 1;
}

/* Waits for a statement of ours in flight and drops its result. */
static void settle(struct form *f, struct app *app)
{
	if (!f->draft_pending && !f->submitting)
		return;
	db_async_cancel_owned(&app->db, f);
	f->draft_pending = 0;
	f->submitting = 0;
}

void form_draft_discard(struct form *f, struct app *app)
{
	struct db_error err;
	settle(f, app);
	if (!f->draft_kind || app->db.state != DB_UP)
		return;
	const char *p[2] = {f->draft_kind, f->draft_subject};
	db_error_init(&err);
	db_command(&app->db, "SELECT api.draft_discard_for($1, $2)", 2, p, &err);
	db_error_free(&err);
	f->draft_changed = 0;
	f->draft_due_ms = 0;
}

int form_submit(struct form *f, struct app *app, const char *sql, int nparams,
                const char *const *params)
{
	struct db_error err;
	if (f->submitting)
		return 0;
	if (form_validate(f)) {
		app_message(app, MSGK_ERROR, f->items[f->focus].error);
		return 0;
	}
	settle(f, app); /* a draft save in flight gives way: the submit discards it */
	struct strbuf q = STRBUF_INIT;
	const char **p = xcalloc((size_t)nparams + 2, sizeof *p);
	memcpy(p, params, (size_t)nparams * sizeof *p);
	if (f->draft_kind) {
		/* one transaction: the record is stored and the draft is gone, or neither */
		strbuf_addf(&q, "SELECT s.*, api.draft_discard_for($%d, $%d) FROM (%s) s",
		            nparams + 1, nparams + 2, sql);
		p[nparams++] = f->draft_kind;
		p[nparams++] = f->draft_subject;
	} else {
		strbuf_add(&q, sql);
	}
	db_error_init(&err);
	enum status st = db_async_send(&app->db, strbuf_str(&q), nparams, p, &err);
	free(p);
	strbuf_free(&q);
	if (st != ST_OK) {
		app_message(app, MSGK_ERROR, strbuf_str(&err.message));
		db_error_free(&err);
		return 0;
	}
	db_error_free(&err);
	db_async_adopt(&app->db, f); /* the result is this form's, never another screen's */
	f->submitting = 1;
	app_wake_in(app, 20);
	return 1;
}

static void draft_send(struct form *f, struct app *app)
{
	struct strbuf names = STRBUF_INIT, values = STRBUF_INIT;
	struct db_error err;
	form_draft_arrays(f, &names, &values);
	const char *p[5] = {f->draft_kind, f->draft_subject, strbuf_str(&names),
	                    strbuf_str(&values), f->draft_title ? f->draft_title : ""};
	db_error_init(&err);
	if (db_async_send(&app->db,
	                  "SELECT api.draft_save($1, $2, jsonb_object($3::text[], $4::text[]), $5)",
	                  5, p, &err) == ST_OK) {
		db_async_adopt(&app->db, f);
		f->draft_pending = 1;
		f->draft_changed = 0;
		f->draft_due_ms = 0;
		app_wake_in(app, 20);
	}
	db_error_free(&err);
	strbuf_free(&names);
	strbuf_free(&values);
}

enum form_tick form_tick(struct form *f, struct app *app, PGresult **res)
{
	struct db_error err;
	PGresult *r = NULL;
	enum form_tick out = FORM_IDLE;
	*res = NULL;
	if (!f->submitting && !f->draft_pending) {
		if (f->draft_kind && f->draft_changed && f->draft_due_ms &&
		    app_now_ms() >= f->draft_due_ms && app->db.state == DB_UP &&
		    !app->db.async_pending && !dialog_open(&f->dialog))
			draft_send(f, app);
		else if (f->draft_kind && f->draft_changed && f->draft_due_ms)
			app_wake_in(app, (int)(f->draft_due_ms - app_now_ms() > 0
			                           ? f->draft_due_ms - app_now_ms()
			                           : 200));
		return FORM_IDLE;
	}
	db_error_init(&err);
	int got = db_async_poll_owned(&app->db, f, &r, &err);
	if (got == 0) {
		db_error_free(&err);
		app_wake_in(app, 50);
		return FORM_IDLE;
	}
	if (got < 0) {
		/* cancelled (the form was covered or the connection dropped): nothing was
		 * stored; the values are still in the form, a draft is tried again */
		int was_draft = f->draft_pending;
		db_error_free(&err);
		f->draft_pending = 0;
		f->submitting = 0;
		if (was_draft) {
			f->draft_changed = 1;
			return FORM_IDLE;
		}
		app_message(app, MSGK_ERROR, tr(MSG_FORM_NOT_SENT));
		return FORM_FAILED;
	}
	if (f->draft_pending) {
		/* a draft that did not save is tried again at the next change */
		f->draft_pending = 0;
		if (!r)
			f->draft_changed = 1;
		PQclear(r);
	} else {
		f->submitting = 0;
		if (r) {
			*res = r;
			f->dirty = 0;
			f->draft_changed = 0;
			f->draft_due_ms = 0;
			out = FORM_DONE;
		} else {
			form_error_from_db(f, err.sqlstate, strbuf_str(&err.message),
			                   strbuf_str(&err.detail));
			app_message(app, MSGK_ERROR, strbuf_str(&err.message));
			out = FORM_FAILED;
		}
	}
	db_error_free(&err);
	return out;
}
