/* Forms: labelled fields laid out by display width, for every screen where
 * an operator types a record (complaint intake, rescue intake, inspection
 * results, accounts). A screen describes its fields once in a static table
 * of struct form_field_def, keeps one struct form in its state and hands
 * the form its keys, its ticks and its drawing:
 *
 *   static const struct form_field_def defs[] = {     (designated initialisers)
 *       {.name = "complainant_name", .label = MSG_..._NAME, .kind = FK_TEXT,
 *        .required = FORM_REQUIRED, .max_bytes = 400},
 *       {.name = "channel", .label = MSG_..._CHANNEL, .kind = FK_CHOICE, .choices = channels},
 *       {.name = "facts", .label = MSG_..._FACTS, .kind = FK_MULTILINE,
 *        .required = FORM_REQUIRED_DB, .max_bytes = 4000, .lines = 3},
 *   };
 *   enter:  form_init(&st->form, defs, N, "complaint", uscc);   (draft kind, subject)
 *   key:    r = form_key(&st->form, app, k);
 *           if (r & FORM_SUBMIT) → collect form_value(…) into params and call
 *               form_submit(&st->form, app, "SELECT … FROM api.x($1, …)", n, params);
 *           else return r;            (SCR_* flags: handled, pop, quit)
 *   action: F5/^S (the screen's save action) → the same as FORM_SUBMIT;
 *   tick:   r = form_tick(&st->form, app, &res);
 *           if (r == FORM_DONE) → read res (PQclear it), app_message(), SCR_POP;
 *   draw:   the heading, then form_draw(&st->form, &rest_of_rect).
 *   leave:  form_free(&st->form).
 *
 * Keys: Tab, Down or Enter go to the next field (Enter on the last field
 * submits), BTab or Up to the previous; Left/Right/Space change a choice or
 * yes/no (in a FK_MULTI list Left/Right move and Space ticks); text fields
 * edit as ui/field.h says. Esc leaves; F10 or Ctrl-C
 * quits; either one asks first (是/否) when the form holds unsaved input
 * (the dirty flag), and 否 keeps every character. The screen's own actions
 * list should name ACT_FORM_NEXT/PREV/CANCEL so the key line shows them.
 *
 * Layout: one column of labels (right-aligned, as wide as the widest label
 * in display columns, a required field marked "*"), the inputs beside them,
 * an error line under a field that has one. A form taller than its area
 * scrolls so the focused field stays visible; 80×24 is always enough for the
 * focused field.
 *
 * Submitting never blocks: form_submit() sends the statement with
 * db_async_send(), the form shows 提交中… and ignores edits until
 * form_tick() reports the answer. A refusal is mapped to a field
 * (form_error_from_db) and shown under it, and every character typed
 * stays. The statement must be one SELECT that returns at
 * least one row; when the form keeps a draft, the module appends a last
 * column that discards the draft in the same transaction.
 *
 * Drafts: with a draft kind (form_init's kind not NULL) the form saves its
 * values to the server (api.draft_save, sql/migrations/0095_draft.sql) when
 * the operator leaves a changed field and at most every FORM_DRAFT_MS while
 * typing, asynchronously and only when the connection is idle; a submit
 * that succeeds discards it. form_load_draft() puts saved values back. */
#ifndef SMCON_FORM_H
#define SMCON_FORM_H

#include <libpq-fe.h>
#include <stddef.h>

#include "db/db.h"
#include "i18n/i18n.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/field.h"

enum form_kind {
	FK_TEXT,      /* one line of text */
	FK_MULTILINE, /* text wrapped over .lines rows (Enter still moves on) */
	FK_CHOICE,    /* one of .choices: Left/Right/Space, or the first letter */
	FK_NUMBER,    /* an integer or amount: digits, one '.', a leading '-' */
	FK_DATE,      /* YYYY-MM-DD, checked to be a real date */
	FK_YESNO,     /* 是/否: the values "t" and "f" ("" = not answered) */
	FK_PHONE,     /* a phone number to call back (base/phone.h), checked here too */
	FK_MULTI,     /* any of .choices (at most 32), shown as a list of [x] labels:
	                 Left/Right move, Space or the number toggles; the value is
	                 the chosen codes in the list's order, comma-separated */
};

enum form_required {
	FORM_OPTIONAL = 0,
	FORM_REQUIRED,    /* marked "*", checked here before anything is sent */
	FORM_REQUIRED_DB, /* marked "*", but the database checks it and says why
	                     (its message cites the rule); an error without a
	                     field then lands on the first empty such field */
};

/* A value of a choice list: what is sent (a code) and what is shown. */
struct form_choice {
	const char *value;
	enum msg_id label;
};

/* One field, described once (static const tables). */
struct form_field_def {
	/* The value's name: the draft's key, and the name the database uses
	 * for it (column or parameter), matched in its error messages. */
	const char *name;
	enum msg_id label;
	enum form_kind kind;
	enum form_required required;
	size_t max_bytes;                  /* 0 = no limit */
	int masked;                        /* a password: shown as '*', never saved in a draft */
	int lines;                         /* FK_MULTILINE rows shown (default 3) */
	const struct form_choice *choices; /* FK_CHOICE, FK_MULTI: ended by {NULL} */
	/* More names that point at this field in a database error, space
	 * separated: constraint names ("complaint_phone_check") or words of a
	 * message raised by an api function ("投诉人电话"). */
	const char *db_names;
};

/* One field's state. */
struct form_item {
	const struct form_field_def *def;
	struct field edit; /* the text (all kinds but choices keep it here) */
	int choice;        /* FK_CHOICE/FK_YESNO: index, -1 = none chosen; FK_MULTI: the cursor */
	unsigned picked;   /* FK_MULTI: bit i set when choice i is chosen */
	char *error;       /* shown under the field; NULL = none */
	int row, height;   /* layout: first row in the form, rows it takes */
};

enum { FORM_DRAFT_MS = 3000 };

struct form {
	const struct form_field_def *defs;
	struct form_item *items;
	int n;
	int focus;       /* the field being edited */
	int top;         /* first form row shown (scrolling) */
	int dirty;       /* typed since the form opened or was last saved */
	int submitting;  /* a submit is in flight */
	int hide_errors; /* unused by the module; free for the screen */
	struct dialog dialog;
	/* drafts */
	char *draft_kind, *draft_subject; /* NULL kind = no drafts */
	char *draft_title;                /* how the list of drafts names it */
	int draft_changed;                /* typed since the last draft save */
	int draft_pending;                /* a draft save is in flight */
	long long draft_due_ms;           /* save by then (0 = nothing to save) */
};

/* Prepares the form for n fields of defs (kept, not copied). draft_kind
 * ("complaint", "rescue", "inspection_result") turns on server drafts,
 * keyed by the subject (e.g. the entity's code; NULL = none). */
void form_init(struct form *f, const struct form_field_def *defs, int n, const char *draft_kind,
               const char *draft_subject);
void form_free(struct form *f);
/* How the list of drafts at login names this form's draft ("投诉 某公司"). */
void form_draft_title(struct form *f, const char *title);

/* The field called name, or -1. */
int form_find(const struct form *f, const char *name);
/* A field's value as sent: the text, a choice's code, "t"/"f"; "" when
 * empty (the caller may turn "" into NULL). */
const char *form_value(const struct form *f, int i);
/* Sets a field's value (text, a choice's code, FK_MULTI's comma-separated
 * codes) without making the form dirty. */
void form_set(struct form *f, int i, const char *value);
int form_dirty(const struct form *f);

/* Handles a key. Returns SCR_* flags (SCR_UNHANDLED for keys it leaves to
 * the screen, e.g. F5) or FORM_SUBMIT when the operator asked to submit
 * (Enter on the last field). */
enum { FORM_SUBMIT = 1 << 8 };
int form_key(struct form *f, struct app *app, const struct key *k);
/* For a screen's offers hook: whether the form's own action a can do
 * something now (moving needs two fields); -1 when a is none of them. */
int form_offers(const struct form *f, enum action_id a);
/* Asks before leaving (Esc) when dirty; returns SCR_POP at once when not.
 * For a screen whose cancel action comes by the action table. */
int form_cancel(struct form *f);
/* Moves the focus to field i (saving a draft of the field it leaves). */
void form_focus(struct form *f, struct app *app, int i);

/* Checks what the form can check itself (required fields, numbers, dates),
 * sets an error on each bad field and focuses the first. Returns the
 * number of bad fields (0 = fine). */
int form_validate(struct form *f);
void form_clear_errors(struct form *f);
/* Sets field i's error (copied; NULL clears it). */
void form_set_error(struct form *f, int i, const char *msg);

/* Puts a database refusal next to the field it is about: a DETAIL of
 * "field=NAME" raised by an api function, a quoted column or constraint
 * name ("null value in column "x"", "violates check constraint "y""), a
 * field's db_names, or its label in the message. A not_null_violation that
 * names no field goes to the first empty required field. Returns the
 * field's index or -1 when the error is about no field. The focus stays
 * where it is (the operator may be typing on); the field's label turns red
 * and the message shows under it. */
int form_error_from_db(struct form *f, const char *sqlstate, const char *message,
                       const char *detail);

/* Validates, then sends sql with params via db_async_send() and shows
 * 提交中…. Returns 1 when sent, 0 when not (bad fields, or the database
 * refused to take it: the reason is on the message line). */
int form_submit(struct form *f, struct app *app, const char *sql, int nparams,
                const char *const *params);

/* What form_tick() reports. */
enum form_tick { FORM_IDLE, FORM_DONE, FORM_FAILED };
/* Call from the screen's tick: collects a submit's answer (FORM_DONE with
 * *res set, caller PQclear()s; FORM_FAILED with the refusal shown by its
 * field and on the message line) and saves drafts when due. */
enum form_tick form_tick(struct form *f, struct app *app, PGresult **res);

/* Lays the fields out for a width of w columns (sets row, height). Called
 * by form_draw; public for tests. Returns the total rows. */
int form_layout(struct form *f, int w);
/* The width of the label column for w columns. */
int form_label_width(const struct form *f, int w);
/* Draws the fields into r, the submit state and an open question. */
void form_draw(struct form *f, const struct rect *r);

/* Drafts: the values as two PostgreSQL array literals (names, values),
 * masked fields left out. */
void form_draft_arrays(const struct form *f, struct strbuf *names, struct strbuf *values);
/* Deletes the form's draft on the server now (after the operator chose
 * to discard the input); waits for a draft save in flight first. */
void form_draft_discard(struct form *f, struct app *app);
/* Puts the saved values of a draft back (a result of name, value rows). */
void form_load_draft(struct form *f, const PGresult *rows);

#endif
