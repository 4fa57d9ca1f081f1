/* Forms: the fields, their keys, checks and errors. Layout and drawing are
 * in form_draw.c, submitting and drafts in form_submit.c. */
#include "ui/form.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "base/phone.h"
#include "base/xalloc.h"

static const struct form_choice yesno[] = {{"t", MSG_FORM_YES}, {"f", MSG_FORM_NO}, {NULL, 0}};

static const struct form_choice *choices_of(const struct form_field_def *d)
{
	return d->kind == FK_YESNO ? yesno : d->choices;
}

static int nchoices(const struct form_field_def *d)
{
	const struct form_choice *c = choices_of(d);
	int n = 0;
	while (c && c[n].value)
		n++;
	return n;
}

static int has_choices(const struct form_field_def *d)
{
	return d->kind == FK_CHOICE || d->kind == FK_YESNO;
}

/* FK_MULTI keeps its value as text too: the chosen codes, comma-separated. */
static void multi_text(struct form_item *it)
{
	struct strbuf sb = STRBUF_INIT;
	for (int j = 0; j < nchoices(it->def); j++)
		if (it->picked & (1u << j))
			strbuf_addf(&sb, "%s%s", sb.len ? "," : "", it->def->choices[j].value);
	field_set(&it->edit, strbuf_str(&sb));
	strbuf_free(&sb);
}

/* Ticks the codes named in value (comma or blank separated). */
static void multi_set(struct form_item *it, const char *value)
{
	it->picked = 0;
	for (const char *p = value; *p;) {
		size_t n = strcspn(p, ", ");
		for (int j = 0; j < nchoices(it->def) && j < 32; j++)
			if (n && strlen(it->def->choices[j].value) == n &&
			    strncmp(it->def->choices[j].value, p, n) == 0)
				it->picked |= 1u << j;
		p += n;
		p += strspn(p, ", ");
	}
	multi_text(it);
}

void form_init(struct form *f, const struct form_field_def *defs, int n, const char *draft_kind,
               const char *draft_subject)
{
	memset(f, 0, sizeof *f);
	f->defs = defs;
	f->n = n;
	f->items = xcalloc((size_t)n, sizeof *f->items);
	for (int i = 0; i < n; i++) {
		f->items[i].def = &defs[i];
		field_init(&f->items[i].edit, defs[i].masked, defs[i].max_bytes);
		f->items[i].choice = defs[i].kind == FK_MULTI ? 0 : -1;
	}
	f->draft_kind = draft_kind ? xstrdup(draft_kind) : NULL;
	f->draft_subject = xstrdup(draft_subject ? draft_subject : "");
}

void form_free(struct form *f)
{
	for (int i = 0; i < f->n; i++) {
		field_free(&f->items[i].edit);
		free(f->items[i].error);
	}
	free(f->items);
	free(f->draft_kind);
	free(f->draft_subject);
	free(f->draft_title);
	dialog_close(&f->dialog);
	memset(f, 0, sizeof *f);
}

void form_draft_title(struct form *f, const char *title)
{
	free(f->draft_title);
	f->draft_title = xstrdup(title);
}

int form_find(const struct form *f, const char *name)
{
	for (int i = 0; i < f->n; i++)
		if (strcmp(f->defs[i].name, name) == 0)
			return i;
	return -1;
}

const char *form_value(const struct form *f, int i)
{
	const struct form_item *it = &f->items[i];
	if (has_choices(it->def))
		return it->choice >= 0 ? choices_of(it->def)[it->choice].value : "";
	return field_text(&it->edit);
}

void form_set(struct form *f, int i, const char *value)
{
	struct form_item *it = &f->items[i];
	if (has_choices(it->def)) {
		const struct form_choice *c = choices_of(it->def);
		it->choice = -1;
		for (int j = 0; c[j].value; j++)
			if (strcmp(c[j].value, value) == 0)
				it->choice = j;
		return;
	}
	if (it->def->kind == FK_MULTI)
		multi_set(it, value);
	else
		field_set(&it->edit, value);
}

int form_dirty(const struct form *f)
{
	return f->dirty;
}

void form_set_error(struct form *f, int i, const char *msg)
{
	free(f->items[i].error);
	f->items[i].error = msg ? xstrdup(msg) : NULL;
}

void form_clear_errors(struct form *f)
{
	for (int i = 0; i < f->n; i++)
		form_set_error(f, i, NULL);
}

/* Whether s is a number: an optional '-', digits, at most one '.'. */
static int is_number(const char *s)
{
	int digits = 0, dots = 0;
	if (*s == '-')
		s++;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if (*s == '.' && !dots++)
			continue;
		else
			return 0;
	}
	return digits > 0;
}

/* Whether s is a real date YYYY-MM-DD. */
static int is_date(const char *s)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return 0;
	if (s[10])
		return 0;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	return m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

int form_validate(struct form *f)
{
	int bad = 0, first = -1;
	form_clear_errors(f);
	for (int i = 0; i < f->n; i++) {
		const struct form_field_def *d = &f->defs[i];
		const char *v = form_value(f, i);
		char *m = NULL;
		int blank = strspn(v, " ") == strlen(v);
		if (blank && d->required == FORM_REQUIRED)
			m = trs(MSG_FORM_REQUIRED, tr(d->label));
		else if (!blank && d->kind == FK_NUMBER && !is_number(v))
			m = trs(MSG_FORM_BAD_NUMBER, tr(d->label));
		else if (!blank && d->kind == FK_DATE && !is_date(v))
			m = trs(MSG_FORM_BAD_DATE, tr(d->label));
		else if (!blank && d->kind == FK_PHONE && !phone_callable(v))
			m = trs(MSG_FORM_BAD_PHONE, tr(d->label));
		if (!m)
			continue;
		form_set_error(f, i, m);
		free(m);
		bad++;
		if (first < 0)
			first = i;
	}
	if (first >= 0)
		f->focus = first;
	return bad;
}

/* Whether word occurs in s as a whole name: quoted, or not joined to
 * letters, digits or '_' of ASCII on either side. */
static int names(const char *s, const char *word, size_t len)
{
	for (const char *p = s; len && (p = strstr(p, word)); p++) {
		unsigned char b = p > s ? (unsigned char)p[-1] : ' ', a = (unsigned char)p[len];
		int wb = b == '_' || (b < 128 && ((b | 32) >= 'a' && (b | 32) <= 'z')) ||
		         (b >= '0' && b <= '9');
		int wa = a == '_' || (a < 128 && ((a | 32) >= 'a' && (a | 32) <= 'z')) ||
		         (a >= '0' && a <= '9');
		if (!wb && !wa)
			return 1;
	}
	return 0;
}

/* Whether any space-separated name of list occurs in s. */
static int names_any(const char *s, const char *list)
{
	while (list && *list) {
		size_t n = strcspn(list, " ");
		char *w = xstrndup(list, n);
		int hit = names(s, w, n);
		free(w);
		if (hit)
			return 1;
		list += n;
		list += strspn(list, " ");
	}
	return 0;
}

static int field_of_error(const struct form *f, const char *sqlstate, const char *text)
{
	const char *p = strstr(text, "field=");
	if (p) /* the api's own convention: DETAIL field=NAME */
		for (int i = 0; i < f->n; i++) {
			size_t n = strlen(f->defs[i].name);
			if (strncmp(p + 6, f->defs[i].name, n) == 0 &&
			    (!p[6 + n] || strchr(" ),;\n", p[6 + n])))
				return i;
		}
	for (int i = 0; i < f->n; i++)
		if (names(text, f->defs[i].name, strlen(f->defs[i].name)) ||
		    names_any(text, f->defs[i].db_names))
			return i;
	if (strcmp(sqlstate, "23502") == 0)
		for (int i = 0; i < f->n; i++) {
			const char *v = form_value(f, i);
			if (f->defs[i].required && strspn(v, " ") == strlen(v))
				return i;
		}
	for (int i = 0; i < f->n; i++)
		if (strstr(text, tr(f->defs[i].label)))
			return i;
	return -1;
}

int form_error_from_db(struct form *f, const char *sqlstate, const char *message,
                       const char *detail)
{
	struct strbuf all = STRBUF_INIT;
	strbuf_addf(&all, "%s\n%s", detail ? detail : "", message ? message : "");
	int i = field_of_error(f, sqlstate ? sqlstate : "", strbuf_str(&all));
	strbuf_free(&all);
	if (i < 0)
		return -1;
	/* the focus stays where the operator is: the field is marked */
	form_set_error(f, i, message);
	return i;
}

/* Edits a choice with k. Returns 1 when k was a choice key. */
static int choice_key(struct form_item *it, const struct key *k)
{
	int n = nchoices(it->def);
	if (n == 0)
		return 0;
	if (k->fn ? k->code == KEY_RIGHT : k->code == ' ') {
		it->choice = (it->choice + 1) % n;
		return 1;
	}
	if (k->fn && k->code == KEY_LEFT) {
		it->choice = it->choice <= 0 ? n - 1 : it->choice - 1;
		return 1;
	}
	if (!k->fn && it->def->kind == FK_YESNO && (k->code == 'y' || k->code == 'n')) {
		it->choice = k->code == 'y' ? 0 : 1;
		return 1;
	}
	if (!k->fn && k->code >= '1' && k->code <= '9' && k->code - '1' < n) {
		it->choice = k->code - '1';
		return 1;
	}
	return 0;
}

/* Moves in or ticks a FK_MULTI list with k. Returns 1 when k was one of its keys. */
static int multi_key(struct form_item *it, const struct key *k)
{
	int n = nchoices(it->def), at = -1;
	if (n == 0)
		return 0;
	if (k->fn && k->code == KEY_RIGHT)
		it->choice = (it->choice + 1) % n;
	else if (k->fn && k->code == KEY_LEFT)
		it->choice = it->choice <= 0 ? n - 1 : it->choice - 1;
	else if (!k->fn && k->code == ' ')
		at = it->choice;
	else if (!k->fn && k->code >= '1' && k->code <= '9' && k->code - '1' < n)
		at = it->choice = k->code - '1';
	else
		return 0;
	if (at >= 0) {
		it->picked ^= 1u << at;
		multi_text(it);
	}
	return 1;
}

/* Whether k may be typed into a field of this kind. */
static int allowed_char(const struct form_field_def *d, const struct key *k)
{
	if (!key_printable(k))
		return 1;
	if (d->kind == FK_NUMBER)
		return (k->code >= '0' && k->code <= '9') || k->code == '.' || k->code == '-' ||
		       k->code == ',';
	if (d->kind == FK_DATE)
		return (k->code >= '0' && k->code <= '9') || k->code == '-';
	if (d->kind == FK_PHONE)
		return (k->code >= '0' && k->code <= '9') ||
		       (k->code > 0 && k->code < 128 && strchr("-+() ", k->code));
	return 1;
}

static void changed(struct form *f)
{
	f->dirty = 1;
	f->draft_changed = 1;
	if (!f->draft_due_ms)
		f->draft_due_ms = app_now_ms() + FORM_DRAFT_MS;
}

/* Edits the focused field. Returns 1 when k was an editing key. */
static int edit_key(struct form *f, const struct key *k)
{
	struct form_item *it = &f->items[f->focus];
	if (has_choices(it->def)) {
		int before = it->choice;
		if (!choice_key(it, k))
			return 0;
		if (it->choice != before)
			changed(f);
		return 1;
	}
	if (it->def->kind == FK_MULTI) {
		unsigned was = it->picked;
		if (!multi_key(it, k))
			return 0;
		if (it->picked != was) {
			changed(f);
			form_set_error(f, f->focus, NULL);
		}
		return 1;
	}
	if (!allowed_char(it->def, k)) {
		beep();
		return 1;
	}
	char *before = xstrdup(field_text(&it->edit));
	int r = field_key(&it->edit, k);
	if (r && strcmp(before, field_text(&it->edit)) != 0) {
		changed(f);
		form_set_error(f, f->focus, NULL);
	}
	free(before);
	return r;
}

enum { ASK_LEAVE = 1, ASK_QUIT = 2 };

/* After "yes, discard": the draft goes too (it was the same input). */
static void discard(struct form *f, struct app *app)
{
	if (f->draft_kind)
		form_draft_discard(f, app);
	f->dirty = 0;
}

int form_cancel(struct form *f)
{
	if (!f->dirty)
		return SCR_POP;
	dialog_ask(&f->dialog, tr(MSG_FORM_DISCARD), ASK_LEAVE, 0);
	return SCR_HANDLED;
}

void form_focus(struct form *f, struct app *app, int i)
{
	if (i == f->focus)
		return;
	f->focus = i;
	/* leaving a changed field saves the draft at the next tick */
	if (f->draft_changed)
		f->draft_due_ms = app_now_ms();
	if (app)
		app_wake_in(app, 0);
}

int form_key(struct form *f, struct app *app, const struct key *k)
{
	if (dialog_open(&f->dialog)) {
		int tag = f->dialog.tag;
		enum dialog_answer a = dialog_key(&f->dialog, k);
		if (a != DIALOG_YES)
			return SCR_HANDLED;
		discard(f, app);
		return tag == ASK_QUIT ? SCR_QUIT : SCR_POP;
	}
	if (key_matches(k, "F10 ^C")) {
		if (!f->dirty)
			return SCR_UNHANDLED;
		dialog_ask(&f->dialog, tr(MSG_FORM_DISCARD_QUIT), ASK_QUIT, 0);
		return SCR_HANDLED;
	}
	if (key_matches(k, "Esc"))
		return form_cancel(f);
	if (f->submitting) {
		app_message(app, MSGK_INFO, tr(MSG_FORM_SUBMITTING));
		return SCR_HANDLED;
	}
	if (key_matches(k, "Enter")) {
		if (f->focus == f->n - 1)
			return FORM_SUBMIT;
		form_focus(f, app, f->focus + 1);
		return SCR_HANDLED;
	}
	if (key_matches(k, "Tab Down")) {
		form_focus(f, app, (f->focus + 1) % f->n);
		return SCR_HANDLED;
	}
	if (key_matches(k, "BTab Up")) {
		form_focus(f, app, f->focus > 0 ? f->focus - 1 : f->n - 1);
		return SCR_HANDLED;
	}
	return edit_key(f, k) ? SCR_HANDLED : SCR_UNHANDLED;
}

int form_offers(const struct form *f, enum action_id a)
{
	switch (a) {
	case ACT_FORM_NEXT:
	case ACT_FORM_PREV: return f->n > 1;
	default: return -1;
	}
}
