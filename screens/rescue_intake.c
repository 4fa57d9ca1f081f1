/* Taking a 96333 call (ui/form.h): the rescue code the caller reads from the
 * sign in the car brings up the elevator card at once — address, using
 * unit, the contracted unit with its 24-hour phone and rescue team, the
 * last maintenance and inspection (overdue flagged), entrapments in the
 * last 12 months, the arrival limit, an incident already open on it — then
 * the caller's phone, persons trapped, injured (calls 119 at once) and a
 * note. Without a code, the dispatcher types a fragment of the address or
 * the using unit's name into the code field and presses F3: the elevators
 * that match come up in a pick list (screen_rescue_pick), and the one
 * picked fills the code in. F5 or ^S takes the call without blocking; the form is kept as a
 * server-side draft while it is typed (a killed terminal loses nothing: the
 * next login offers it again, screen_rescue_intake_draft). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/width.h"
#include "base/xalloc.h"
#include "screens/rescue.h"
#include "screens/screens.h"
#include "ui/form.h"
#include "ui/term.h"

enum { IF_CODE, IF_PHONE, IF_TRAPPED, IF_INJURED, IF_NOTE, IF_COUNT };

/* The names are api.rescue_new's words, so its refusals land on the field. */
static const struct form_field_def defs[IF_COUNT] = {
    {.name = "code",
     .label = MSG_RESCUE_LABEL_CODE,
     .kind = FK_TEXT,
     .required = FORM_REQUIRED_DB,
     .max_bytes = 40,
     .db_names = "救援识别码 电梯"},
    {.name = "phone",
     .label = MSG_RESCUE_LABEL_PHONE,
     .kind = FK_PHONE,
     .required = FORM_REQUIRED_DB,
     .max_bytes = 40,
     .db_names = "phone_format 报警人电话"},
    {.name = "trapped",
     .label = MSG_RESCUE_LABEL_TRAPPED,
     .kind = FK_NUMBER,
     .required = FORM_REQUIRED_DB,
     .max_bytes = 4,
     .db_names = "rescue_trapped_count 被困人数"},
    {.name = "injured", .label = MSG_RESCUE_LABEL_INJURED, .kind = FK_YESNO},
    {.name = "note", .label = MSG_RESCUE_LABEL_NOTE, .kind = FK_TEXT, .max_bytes = 2000},
};

struct intake {
	struct form form;
	char *code_shown;        /* the code the card is for */
	PGresult *card;          /* one row of api.elevator_card, or none */
	struct rescue_pick pick; /* the text sent to the pick list, the code picked */
	char *pick_text;
};

static struct intake *open_intake(void)
{
	struct intake *st = xcalloc(1, sizeof *st);
	form_init(&st->form, defs, IF_COUNT, "rescue", NULL);
	form_draft_title(&st->form, tr(MSG_ACT_RESCUE_NEW));
	return st;
}

static void *intake_enter(struct app *app, void *arg)
{
	(void)app, (void)arg;
	return open_intake();
}

static void *intake_draft_enter(struct app *app, void *arg)
{
	const struct draft_reopen *d = arg;
	(void)app;
	struct intake *st = open_intake();
	form_load_draft(&st->form, d->values);
	return st;
}

static void intake_leave(struct app *app, void *state)
{
	struct intake *st = state;
	(void)app;
	form_free(&st->form);
	PQclear(st->card);
	free(st->code_shown);
	free(st->pick_text);
	free(st->pick.picked);
	free(st);
}

/* The card follows the code: read when the code changed and the connection
 * is free (a lookup by the unique index, under 2 ms). */
static void follow_code(struct app *app, struct intake *st)
{
	const char *code = form_value(&st->form, IF_CODE);
	if (st->code_shown && strcmp(st->code_shown, code) == 0)
		return;
	if (app->db.async_pending || app->db.state != DB_UP)
		return;
	free(st->code_shown);
	st->code_shown = xstrdup(code);
	PQclear(st->card);
	st->card = NULL;
	size_t n = strlen(code);
	if (n < 5 || (n > 7 && n != 20))
		return;
	for (const char *p = code; *p; p++)
		if ((unsigned char)*p >= 0x80)
			return; /* an address fragment for F3, not a code */
	struct db_error err;
	db_error_init(&err);
	st->card = rescue_card(&app->db, code, &err);
	db_error_free(&err);
}

static const char *cell(const struct intake *st, int c)
{
	return st->card && PQntuples(st->card) ? PQgetvalue(st->card, 0, c) : "";
}

static void card_line(int y, int x, int w, enum msg_id label, const char *value, enum ui_color c)
{
	char *s = trs(MSG_RESCUE_CARD_LINE, tr(label), value);
	term_text(y, x, w, s, c, ALIGN_LEFT);
	free(s);
}

static void draw_card(const struct intake *st, int y, int x, int w, int h)
{
	if (h < 3)
		return;
	if (!st->card || PQntuples(st->card) == 0) {
		if (st->code_shown && *st->code_shown && st->card)
			term_text(y, x, w, tr(MSG_RESCUE_CARD_NONE), COL_ERROR, ALIGN_LEFT);
		return;
	}
	char buf[256];
	int row = 0;
	card_line(y + row++, x, w, MSG_ELEVATOR_ADDRESS, cell(st, RC_ADDRESS), COL_KEY);
	snprintf(buf, sizeof buf, "%s（%s）", cell(st, RC_USER_NAME), cell(st, RC_CATEGORY));
	card_line(y + row++, x, w, MSG_RESCUE_COL_USER, buf, COL_NORMAL);
	snprintf(buf, sizeof buf, "%s  %s", cell(st, RC_MAINT_NAME), cell(st, RC_DUTY_PHONE));
	card_line(y + row++, x, w, MSG_RESCUE_COL_DUTY_PHONE, buf, COL_NORMAL);
	if (row < h) {
		snprintf(buf, sizeof buf, "%s  %s", cell(st, RC_TEAM), cell(st, RC_TEAM_PHONE));
		card_line(y + row++, x, w, MSG_RESCUE_COL_TEAM, buf, COL_NORMAL);
	}
	int overdue = strcmp(cell(st, RC_MAINT_OVERDUE), "t") == 0 ||
	              strcmp(cell(st, RC_INSPECTION_OVERDUE), "t") == 0;
	if (row < h) {
		char *s = trs(MSG_RESCUE_CARD_RECORDS, cell(st, RC_LAST_MAINTAINED),
		              cell(st, RC_NEXT_INSPECTION), cell(st, RC_ENTRAPMENTS),
		              cell(st, RC_LIMIT), overdue ? tr(MSG_RESCUE_CARD_OVERDUE) : "");
		term_text(y + row++, x, w, s, overdue ? COL_ERROR : COL_NORMAL, ALIGN_LEFT);
		free(s);
	}
	if (row < h && *cell(st, RC_OPEN_INCIDENT)) {
		char *s = trs(MSG_RESCUE_CARD_OPEN, cell(st, RC_OPEN_INCIDENT));
		term_text(y + row++, x, w, s, COL_ERROR, ALIGN_LEFT);
		free(s);
	}
}

static void intake_draw(struct app *app, void *state, const struct rect *r)
{
	struct intake *st = state;
	(void)app;
	term_text(r->y + 1, r->x + 2, r->w - 4, tr(MSG_RESCUE_INTAKE_HEADING), COL_KEY, ALIGN_LEFT);
	int fh = IF_COUNT * 2 + 1;
	if (fh > r->h - 3)
		fh = r->h - 3;
	struct rect fr = {r->y + 3, r->x + 2, fh, r->w - 4};
	/* the card first: the form leaves the cursor in its focused field */
	draw_card(st, r->y + 3 + fh + 1, r->x + 2, r->w - 4, r->h - fh - 5);
	form_draw(&st->form, &fr);
}

static int intake_save(struct app *app, struct intake *st)
{
	const char *p[5];
	for (int i = 0; i < IF_COUNT; i++)
		p[i] = form_value(&st->form, i);
	if (!*p[IF_INJURED])
		p[IF_INJURED] = "f";
	form_submit(
	    &st->form, app,
	    "SELECT incident_no, id, version FROM api.rescue_new($1, $2, nullif($3, '')::integer, "
	    "$4::boolean, nullif($5, ''))",
	    5, p);
	return SCR_HANDLED;
}

static int intake_key(struct app *app, void *state, const struct key *k)
{
	struct intake *st = state;
	int r = form_key(&st->form, app, k);
	if (r & FORM_SUBMIT)
		return intake_save(app, st);
	follow_code(app, st);
	return r;
}

/* F3: the elevators whose address or using unit holds the code field's text. */
static int intake_find(struct app *app, struct intake *st)
{
	const char *text = form_value(&st->form, IF_CODE);
	if (utf8_length(text) < 2) {
		app_message(app, MSGK_ERROR, tr(MSG_RESCUE_PICK_SHORT));
		return SCR_HANDLED;
	}
	free(st->pick_text);
	st->pick_text = xstrdup(text);
	st->pick.text = st->pick_text;
	app_push(app, &screen_rescue_pick, &st->pick);
	return SCR_HANDLED;
}

/* Back from the pick list with an elevator: its code, and on to the phone. */
static void take_pick(struct app *app, struct intake *st)
{
	if (!st->pick.picked)
		return;
	form_set(&st->form, IF_CODE, st->pick.picked);
	free(st->pick.picked);
	st->pick.picked = NULL;
	form_focus(&st->form, app, IF_PHONE);
}

static int intake_tick(struct app *app, void *state)
{
	struct intake *st = state;
	PGresult *res;
	take_pick(app, st);
	follow_code(app, st);
	if (form_tick(&st->form, app, &res) != FORM_DONE)
		return SCR_HANDLED;
	char *m = trs(MSG_RESCUE_CREATED, PQntuples(res) ? PQgetvalue(res, 0, 0) : "");
	PQclear(res);
	app_message(app, MSGK_INFO, m);
	free(m);
	return SCR_POP;
}

static int intake_action(struct app *app, void *state, enum action_id a)
{
	struct intake *st = state;
	switch (a) {
	case ACT_FORM_CANCEL: return form_cancel(&st->form);
	case ACT_RESCUE_SAVE: return intake_save(app, st);
	case ACT_RESCUE_FIND: return intake_find(app, st);
	default: return SCR_UNHANDLED;
	}
}

static const enum action_id intake_actions[] = {ACT_RESCUE_SAVE, ACT_RESCUE_FIND, ACT_FORM_CANCEL,
                                                ACT_FORM_NEXT,   ACT_FORM_PREV,   ACT_NONE};

const struct screen screen_rescue_intake = {
    .name = "rescue.intake",
    .title = MSG_ACT_RESCUE_NEW,
    .actions = intake_actions,
    .enter = intake_enter,
    .leave = intake_leave,
    .draw = intake_draw,
    .key = intake_key,
    .action = intake_action,
    .tick = intake_tick,
};

const struct screen screen_rescue_intake_draft = {
    .name = "rescue.intake.draft",
    .title = MSG_ACT_RESCUE_NEW,
    .actions = intake_actions,
    .enter = intake_draft_enter,
    .leave = intake_leave,
    .draw = intake_draw,
    .key = intake_key,
    .action = intake_action,
    .tick = intake_tick,
};
