/* The steps of the 96333 desk that need an answer from the dispatcher —
 * closing (the cause), cancelling (the reason), the callback (its result),
 * each with a note, and declining an escalation proposal (the reason
 * required) — as small forms (ui/form.h) over the selected incident, headed
 * by its number and address; the callback form shows the caller's number
 * whole (api.rescue_caller_phone: audited), the decline form the proposal
 * it overrides. And the helpers the desk's screens share: a step taken at
 * once, states, timestamps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/xalloc.h"
#include "screens/rescue.h"
#include "ui/form.h"
#include "ui/term.h"

long long rescue_epoch_ms(const char *ts)
{
	struct tm tm = {0};
	int y, mo, d, h, mi, s, n = 0;
	if (!ts || sscanf(ts, "%d-%d-%d %d:%d:%d%n", &y, &mo, &d, &h, &mi, &s, &n) < 6)
		return 0;
	const char *p = ts + n;
	double frac = 0;
	if (*p == '.') {
		char *end;
		frac = strtod(p, &end);
		p = end;
	}
	int zs = 0;
	if (*p == '+' || *p == '-') {
		int zh = 0, zm = 0;
		sscanf(p + 1, "%2d:%2d", &zh, &zm);
		zs = (zh * 3600 + zm * 60) * (*p == '-' ? -1 : 1);
	}
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	return ((long long)timegm(&tm) - zs) * 1000 + (long long)(frac * 1000);
}

enum msg_id rescue_state_msg(const char *state)
{
	static const struct {
		const char *code;
		enum msg_id msg;
	} m[] = {{"received", MSG_RESCUE_ST_RECEIVED},
	         {"dispatched", MSG_RESCUE_ST_DISPATCHED},
	         {"acknowledged", MSG_RESCUE_ST_ACKNOWLEDGED},
	         {"en_route", MSG_RESCUE_ST_EN_ROUTE},
	         {"arrived", MSG_RESCUE_ST_ARRIVED},
	         {"released", MSG_RESCUE_ST_RELEASED},
	         {"closed", MSG_RESCUE_ST_CLOSED},
	         {"callback_done", MSG_RESCUE_ST_CALLBACK_DONE},
	         {"cancelled", MSG_RESCUE_ST_CANCELLED}};
	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
		if (state && strcmp(m[i].code, state) == 0)
			return m[i].msg;
	return MSG_EMPTY;
}

enum msg_id rescue_verb_label(enum rescue_verb verb)
{
	static const enum msg_id labels[RV_COUNT + 1] = {
	    [RV_DISPATCH] = MSG_ACT_RESCUE_DISPATCH, [RV_ACK] = MSG_ACT_RESCUE_ACK,
	    [RV_ENROUTE] = MSG_ACT_RESCUE_ENROUTE,   [RV_ARRIVE] = MSG_ACT_RESCUE_ARRIVE,
	    [RV_RELEASE] = MSG_ACT_RESCUE_RELEASE,   [RV_CLOSE] = MSG_ACT_RESCUE_CLOSE,
	    [RV_CANCEL] = MSG_ACT_RESCUE_CANCEL,     [RV_CALLBACK] = MSG_ACT_RESCUE_CALLBACK,
	    [RV_ESCALATE] = MSG_ACT_RESCUE_ESCALATE, [RV_DECLINE] = MSG_ACT_RESCUE_DECLINE,
	    [RV_COUNT] = MSG_ACT_RESCUE_TAKE};
	return labels[verb];
}

enum status rescue_take_step(struct app *app, const void *owner, const char *id,
                             const char *version, enum rescue_verb verb, const char *a1,
                             const char *a2)
{
	struct db_error err;
	enum status st;
	db_error_init(&err);
	db_async_cancel_owned(&app->db, owner);
	if (verb == RV_COUNT) {
		PGresult *res = rescue_take(&app->db, id, &err);
		st = res ? ST_OK : err.status;
		PQclear(res);
	} else {
		st = rescue_step(&app->db, verb, id, version, a1, a2, NULL, NULL, &err);
	}
	if (st != ST_OK) {
		app_message(app, MSGK_ERROR, strbuf_str(&err.message));
	} else {
		char *m = trs(MSG_RESCUE_STEP_DONE, tr(rescue_verb_label(verb)));
		app_message(app, MSGK_INFO, m);
		free(m);
	}
	db_error_free(&err);
	return st;
}

/* ---- the forms -------------------------------------------------------- */

static const struct form_choice causes[] = {{"door_fault", MSG_RESCUE_CAUSE_DOOR_FAULT},
                                            {"drive_fault", MSG_RESCUE_CAUSE_DRIVE_FAULT},
                                            {"power_cut", MSG_RESCUE_CAUSE_POWER_CUT},
                                            {"water_ingress", MSG_RESCUE_CAUSE_WATER},
                                            {"door_blocked", MSG_RESCUE_CAUSE_DOOR_BLOCKED},
                                            {"forced_door", MSG_RESCUE_CAUSE_FORCED_DOOR},
                                            {"overload", MSG_RESCUE_CAUSE_OVERLOAD},
                                            {"external", MSG_RESCUE_CAUSE_EXTERNAL},
                                            {"human", MSG_RESCUE_CAUSE_HUMAN},
                                            {"other", MSG_RESCUE_CAUSE_OTHER},
                                            {NULL, MSG_EMPTY}};
static const struct form_choice reasons[] = {{"false_alarm", MSG_RESCUE_CANCEL_FALSE_ALARM},
                                             {"self_released", MSG_RESCUE_CANCEL_SELF_RELEASED},
                                             {"duplicate", MSG_RESCUE_CANCEL_DUPLICATE},
                                             {"other", MSG_RESCUE_CANCEL_OTHER},
                                             {NULL, MSG_EMPTY}};
static const struct form_choice results[] = {{"satisfied", MSG_RESCUE_CALLBACK_SATISFIED},
                                             {"unsatisfied", MSG_RESCUE_CALLBACK_UNSATISFIED},
                                             {"unreachable", MSG_RESCUE_CALLBACK_UNREACHABLE},
                                             {NULL, MSG_EMPTY}};

static const struct form_choice levels[] = {
    {"2", MSG_RESCUE_LEVEL_2}, {"3", MSG_RESCUE_LEVEL_3}, {NULL, MSG_EMPTY}};

static const struct form_field_def close_defs[] = {
    {.name = "cause",
     .label = MSG_RESCUE_LABEL_CAUSE,
     .kind = FK_CHOICE,
     .required = FORM_REQUIRED,
     .choices = causes},
    {.name = "note", .label = MSG_RESCUE_LABEL_NOTE, .kind = FK_TEXT, .max_bytes = 2000},
};
static const struct form_field_def cancel_defs[] = {
    {.name = "reason",
     .label = MSG_RESCUE_LABEL_REASON,
     .kind = FK_CHOICE,
     .required = FORM_REQUIRED,
     .choices = reasons},
    {.name = "note",
     .label = MSG_RESCUE_LABEL_NOTE,
     .kind = FK_TEXT,
     .max_bytes = 2000,
     .required = FORM_REQUIRED_DB,
     .db_names = "说明"},
};
static const struct form_field_def callback_defs[] = {
    {.name = "result",
     .label = MSG_RESCUE_LABEL_RESULT,
     .kind = FK_CHOICE,
     .required = FORM_REQUIRED,
     .choices = results},
    {.name = "note", .label = MSG_RESCUE_LABEL_NOTE, .kind = FK_TEXT, .max_bytes = 2000},
};

/* api.rescue_decline's refusal without a reason names 理由. */
static const struct form_field_def decline_defs[] = {
    {.name = "level",
     .label = MSG_RESCUE_LABEL_LEVEL,
     .kind = FK_CHOICE,
     .required = FORM_REQUIRED,
     .choices = levels},
    {.name = "note",
     .label = MSG_RESCUE_LABEL_WHY,
     .kind = FK_TEXT,
     .max_bytes = 2000,
     .required = FORM_REQUIRED_DB,
     .db_names = "理由"},
};

struct stepform {
	char *id;
	enum rescue_verb verb;
	struct form form;
	char *no, *address; /* the incident's number and address, "" if unread */
	char *extra;        /* the caller's number or the proposal; NULL: none */
	int extra_error;    /* extra is the refusal instead */
};

/* The incident's number and address for the heading. */
static void load_heading(struct app *app, struct stepform *st)
{
	struct db_error err;
	db_error_init(&err);
	PGresult *res = rescue_board(&app->db, st->id, &err);
	int ok = res && PQntuples(res) == 1;
	st->no = xstrdup(ok ? PQgetvalue(res, 0, RB_NO) : st->id);
	st->address = xstrdup(ok ? PQgetvalue(res, 0, RB_ADDRESS) : "");
	PQclear(res);
	db_error_free(&err);
}

static struct stepform *step_open(struct app *app, const char *id, enum rescue_verb verb,
                                  const struct form_field_def *defs)
{
	struct stepform *st = xcalloc(1, sizeof *st);
	st->id = xstrdup(id);
	st->verb = verb;
	form_init(&st->form, defs, 2, NULL, NULL);
	load_heading(app, st);
	return st;
}

static void set_extra(struct stepform *st, char *text, const struct db_error *err)
{
	st->extra_error = text == NULL;
	st->extra = text ? text : xstrdup(strbuf_str(&err->message));
}

static void *close_enter(struct app *app, void *arg)
{
	return step_open(app, arg, RV_CLOSE, close_defs);
}

static void *cancel_enter(struct app *app, void *arg)
{
	return step_open(app, arg, RV_CANCEL, cancel_defs);
}

/* The caller's number, whole: the database checks who may see it and
 * records that this dispatcher did. */
static void *callback_enter(struct app *app, void *arg)
{
	struct stepform *st = step_open(app, arg, RV_CALLBACK, callback_defs);
	struct db_error err;
	char *phone;
	db_error_init(&err);
	if (rescue_caller_phone(&app->db, st->id, &phone, &err) == ST_OK) {
		set_extra(st, trs(MSG_RESCUE_CALLER_PHONE, phone), NULL);
		free(phone);
	} else {
		set_extra(st, NULL, &err);
	}
	db_error_free(&err);
	return st;
}

/* The proposal to decline: the most urgent one, its level chosen. */
static void *decline_enter(struct app *app, void *arg)
{
	struct stepform *st = step_open(app, arg, RV_DECLINE, decline_defs);
	struct db_error err;
	db_error_init(&err);
	PGresult *res = rescue_proposals(&app->db, st->id, &err);
	if (res && PQntuples(res) > 0) {
		int top = 0;
		for (int i = 1; i < PQntuples(res); i++)
			if (atoi(PQgetvalue(res, i, 0)) > atoi(PQgetvalue(res, top, 0)))
				top = i;
		set_extra(st,
		          trs(MSG_RESCUE_PROPOSAL_LINE, PQgetvalue(res, top, 0),
		              PQgetvalue(res, top, 2), PQgetvalue(res, top, 3),
		              PQgetvalue(res, top, 4)),
		          NULL);
		form_set(&st->form, 0, PQgetvalue(res, top, 0));
	} else if (res) {
		set_extra(st, xstrdup(tr(MSG_RESCUE_NO_PROPOSAL)), NULL);
		st->extra_error = 1;
	} else {
		set_extra(st, NULL, &err);
	}
	PQclear(res);
	db_error_free(&err);
	return st;
}

static void step_leave(struct app *app, void *state)
{
	struct stepform *st = state;
	(void)app;
	form_free(&st->form);
	free(st->id);
	free(st->no);
	free(st->address);
	free(st->extra);
	free(st);
}

static void step_draw(struct app *app, void *state, const struct rect *r)
{
	struct stepform *st = state;
	(void)app;
	char *h = trs(MSG_RESCUE_STEP_HEADING, st->no, st->address);
	term_text(r->y + 1, r->x + 2, r->w - 4, h, COL_KEY, ALIGN_LEFT);
	free(h);
	int y = r->y + 3;
	if (st->extra) {
		term_text(y, r->x + 2, r->w - 4, st->extra, st->extra_error ? COL_ERROR : COL_MATCH,
		          ALIGN_LEFT);
		y += 2;
	}
	struct rect fr = {y, r->x + 2, r->h - (y - r->y), r->w - 4};
	form_draw(&st->form, &fr);
}

static const char *const step_sql[] = {
    [RV_CLOSE] = "SELECT api.rescue_close($1::bigint, NULL, $2, nullif($3, ''))",
    [RV_CANCEL] = "SELECT api.rescue_cancel($1::bigint, NULL, $2, nullif($3, ''))",
    [RV_CALLBACK] = "SELECT api.rescue_callback($1::bigint, NULL, $2, nullif($3, ''))",
    [RV_DECLINE] = "SELECT api.rescue_decline($1::bigint, NULL, $2::integer, nullif($3, ''))",
};

static int step_save(struct app *app, struct stepform *st)
{
	const char *p[] = {st->id, form_value(&st->form, 0), form_value(&st->form, 1)};
	form_submit(&st->form, app, step_sql[st->verb], 3, p);
	return SCR_HANDLED;
}

static int step_key(struct app *app, void *state, const struct key *k)
{
	struct stepform *st = state;
	int r = form_key(&st->form, app, k);
	return r & FORM_SUBMIT ? step_save(app, st) : r;
}

static int step_tick(struct app *app, void *state)
{
	struct stepform *st = state;
	PGresult *res;
	if (form_tick(&st->form, app, &res) != FORM_DONE)
		return SCR_HANDLED;
	PQclear(res);
	char *m = trs(MSG_RESCUE_STEP_DONE, tr(rescue_verb_label(st->verb)));
	app_message(app, MSGK_INFO, m);
	free(m);
	return SCR_POP;
}

static int step_action(struct app *app, void *state, enum action_id a)
{
	struct stepform *st = state;
	switch (a) {
	case ACT_FORM_CANCEL: return form_cancel(&st->form);
	case ACT_RESCUE_SAVE: return step_save(app, st);
	default: return SCR_UNHANDLED;
	}
}

static const enum action_id step_actions[] = {ACT_RESCUE_SAVE, ACT_FORM_CANCEL, ACT_FORM_NEXT,
                                              ACT_FORM_PREV, ACT_NONE};

#define STEP_SCREEN(var, nm, ttl, ent)                                                             \
	const struct screen var = {.name = nm,                                                     \
	                           .title = ttl,                                                   \
	                           .actions = step_actions,                                        \
	                           .enter = ent,                                                   \
	                           .leave = step_leave,                                            \
	                           .draw = step_draw,                                              \
	                           .key = step_key,                                                \
	                           .action = step_action,                                          \
	                           .tick = step_tick};

STEP_SCREEN(screen_rescue_close, "rescue.close", MSG_ACT_RESCUE_CLOSE, close_enter)
STEP_SCREEN(screen_rescue_cancel, "rescue.cancel", MSG_ACT_RESCUE_CANCEL, cancel_enter)
STEP_SCREEN(screen_rescue_callback, "rescue.callback", MSG_ACT_RESCUE_CALLBACK, callback_enter)
STEP_SCREEN(screen_rescue_decline, "rescue.decline", MSG_ACT_RESCUE_DECLINE, decline_enter)
