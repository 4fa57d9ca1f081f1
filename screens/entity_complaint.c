/* Registering a consumer complaint about the entity of a profile: the §9
 * items (complainant, phone, address, what it is about, the request, the
 * facts) in one form. Tab, Down or Enter move on (Enter on the last field
 * registers), F5 or ^S registers, Esc gives up. The database checks role,
 * items and phone and says what is wrong; the form keeps what was typed
 * until it is registered, a lost connection included. */
#include <stdlib.h>

#include "base/xalloc.h"
#include "domain/entity_action.h"
#include "screens/screens.h"
#include "ui/field.h"
#include "ui/term.h"

struct complaint_form {
	char *uscc, *name;
	struct field f[CF_COUNT];
	int focus;
};

static void *complaint_enter(struct app *app, void *arg)
{
	const struct entity_profile *p = arg;
	struct complaint_form *st = xcalloc(1, sizeof *st);
	(void)app;
	st->uscc = xstrdup(p->uscc);
	st->name = xstrdup(entity_profile_get(p, EF_NAME));
	for (int i = 0; i < CF_COUNT; i++)
		field_init(&st->f[i], 0, i == CF_FACTS ? 4000 : 400);
	return st;
}

static void complaint_leave(struct app *app, void *state)
{
	struct complaint_form *st = state;
	(void)app;
	for (int i = 0; i < CF_COUNT; i++)
		field_free(&st->f[i]);
	free(st->uscc);
	free(st->name);
	free(st);
}

static void complaint_draw(struct app *app, void *state, const struct rect *r)
{
	struct complaint_form *st = state;
	int x = r->x + 2, lw = 20, fw = r->w - lw - 8, y = r->y + 1;
	char *h = trs(MSG_COMPLAINT_FORM_HEADING, st->name);
	(void)app;
	term_text(y, x, r->w - 4, h, COL_KEY, ALIGN_LEFT);
	free(h);
	term_text(y + 1, x, r->w - 4, st->uscc, COL_DIM, ALIGN_LEFT);
	y += 3;
	for (int i = 0; i < CF_COUNT; i++, y += 2) {
		term_text(y, x, lw, tr(complaint_field_label((enum complaint_field)i)), COL_NORMAL,
		          ALIGN_RIGHT);
		field_draw(&st->f[i], y, x + lw + 2, fw, 0);
	}
	/* the focused field last, so that the cursor stays in it */
	field_draw(&st->f[st->focus], r->y + 4 + 2 * st->focus, x + lw + 2, fw, 1);
}

static int complaint_key(struct app *app, void *state, const struct key *k)
{
	struct complaint_form *st = state;
	(void)app;
	return field_key(&st->f[st->focus], k) ? SCR_HANDLED : SCR_UNHANDLED;
}

static int complaint_save(struct app *app, struct complaint_form *st)
{
	const char *v[CF_COUNT];
	struct complaint_receipt rc;
	struct db_error err;
	for (int i = 0; i < CF_COUNT; i++)
		v[i] = field_text(&st->f[i]);
	db_error_init(&err);
	if (complaint_register(&app->db, st->uscc, v, NULL, &rc, &err) != ST_OK) {
		app_message(app, MSGK_ERROR, strbuf_str(&err.message));
		db_error_free(&err);
		return SCR_HANDLED;
	}
	char *m = complaint_receipt_message(&rc);
	app_message(app, MSGK_INFO, m);
	free(m);
	complaint_receipt_free(&rc);
	db_error_free(&err);
	return SCR_POP;
}

static int complaint_action(struct app *app, void *state, enum action_id a)
{
	struct complaint_form *st = state;
	switch (a) {
	case ACT_FORM_CANCEL: return SCR_POP;
	case ACT_COMPLAINT_SAVE: return complaint_save(app, st);
	case ACT_FORM_NEXT:
		if (st->focus == CF_COUNT - 1)
			return complaint_save(app, st);
		st->focus++;
		return SCR_HANDLED;
	case ACT_FORM_PREV:
		st->focus = st->focus > 0 ? st->focus - 1 : CF_COUNT - 1;
		return SCR_HANDLED;
	default: return SCR_UNHANDLED;
	}
}

static const enum action_id complaint_actions[] = {ACT_COMPLAINT_SAVE, ACT_FORM_CANCEL,
                                                   ACT_FORM_NEXT, ACT_FORM_PREV, ACT_NONE};

const struct screen screen_entity_complaint = {
    .name = "entity.complaint",
    .title = MSG_COMPLAINT_FORM_TITLE,
    .actions = complaint_actions,
    .enter = complaint_enter,
    .leave = complaint_leave,
    .draw = complaint_draw,
    .key = complaint_key,
    .action = complaint_action,
};
