/* One 96333 incident: its facts (the unit and its phone, the caller's phone
 * masked), the escalation proposals of this minute and every step taken —
 * who, when, why. Opening it marks the incident as handled by this
 * dispatcher (the advisory flag; a takeover is recorded). The step keys of
 * the board work here too; the page reads again after each, and whenever a
 * step is taken on the incident in a form or at another desk (smcon_rescue). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/tz.h"
#include "base/xalloc.h"
#include "db/listen.h"
#include "screens/rescue.h"
#include "ui/term.h"

struct detail {
	char *id;
	PGresult *show, *props, *steps;
	int top;
	int stale; /* a step was taken on it (here, in a step form or at another desk) */
};

static void load(struct app *app, struct detail *st)
{
	struct db_error err;
	db_error_init(&err);
	PQclear(st->show);
	PQclear(st->props);
	PQclear(st->steps);
	st->show = rescue_show(&app->db, st->id, &err);
	st->props = st->show ? rescue_proposals(&app->db, st->id, &err) : NULL;
	st->steps = st->props ? rescue_steps(&app->db, st->id, &err) : NULL;
	if (!st->steps)
		app_message(app, MSGK_ERROR, strbuf_str(&err.message));
	db_error_free(&err);
}

static void *detail_enter(struct app *app, void *arg)
{
	struct detail *st = xcalloc(1, sizeof *st);
	st->id = xstrdup(arg);
	if (app_allowed(app, ACT_RESCUE_TAKE)) {
		struct db_error err;
		db_error_init(&err);
		PQclear(rescue_take(&app->db, st->id, &err));
		db_error_free(&err);
	}
	load(app, st);
	app_subscribe(app, st, "smcon_rescue");
	return st;
}

static void detail_leave(struct app *app, void *state)
{
	struct detail *st = state;
	(void)app;
	PQclear(st->show);
	PQclear(st->props);
	PQclear(st->steps);
	free(st->id);
	free(st);
}

static const char *field(const struct detail *st, const char *name)
{
	for (int i = 0; st->show && i < PQntuples(st->show); i++)
		if (strcmp(PQgetvalue(st->show, i, 0), name) == 0)
			return PQgetvalue(st->show, i, 1);
	return "";
}

static void detail_draw(struct app *app, void *state, const struct rect *r)
{
	struct detail *st = state;
	int x = r->x + 2, w = r->w - 4, y = r->y + 1, end = r->y + r->h;
	char buf[512];
	(void)app;
	if (!st->show)
		return;
	snprintf(buf, sizeof buf, "%s  %s  %s %s  %s %s", field(st, "incident_no"),
	         tr(rescue_state_msg(field(st, "state"))), tr(MSG_RESCUE_COL_LEVEL),
	         field(st, "level"), tr(MSG_RESCUE_COL_DEADLINE), field(st, "deadline_at"));
	term_text(y++, x, w, buf, COL_KEY, ALIGN_LEFT);
	snprintf(buf, sizeof buf, "%s  %s %s", field(st, "address"), tr(MSG_RESCUE_COL_TRAPPED),
	         field(st, "trapped"));
	term_text(y++, x, w, buf, COL_NORMAL, ALIGN_LEFT);
	snprintf(buf, sizeof buf, "%s：%s  %s", tr(MSG_RESCUE_COL_UNIT), field(st, "unit"),
	         field(st, "unit_phone"));
	term_text(y++, x, w, buf, COL_NORMAL, ALIGN_LEFT);
	char *by = trs(MSG_RESCUE_HANDLED_BY, field(st, "handler"), field(st, "handler_since"));
	snprintf(buf, sizeof buf, "%s：%s  %s", tr(MSG_RESCUE_LABEL_PHONE),
	         field(st, "caller_phone"), *field(st, "handler") ? by : "");
	free(by);
	term_text(y++, x, w, buf, COL_NORMAL, ALIGN_LEFT);
	y++;
	for (int i = 0; st->props && i < PQntuples(st->props) && y < end; i++) {
		snprintf(buf, sizeof buf, "%s %s：%s → %s  %s", tr(MSG_RESCUE_PROPOSALS),
		         PQgetvalue(st->props, i, 0), PQgetvalue(st->props, i, 2),
		         PQgetvalue(st->props, i, 3), PQgetvalue(st->props, i, 4));
		term_text(y++, x, w, buf, COL_ERROR, ALIGN_LEFT);
	}
	if (y < end)
		term_text(y++, x, w, tr(MSG_RESCUE_STEPS), COL_KEY, ALIGN_LEFT);
	for (int i = 0; st->steps && i < PQntuples(st->steps) && y < end; i++) {
		struct strbuf at = STRBUF_INIT;
		tz_format_pg(PQgetvalue(st->steps, i, 0), &at);
		snprintf(buf, sizeof buf, "%s  %-12s %s  %s %s", strbuf_str(&at),
		         PQgetvalue(st->steps, i, 1), PQgetvalue(st->steps, i, 2),
		         PQgetvalue(st->steps, i, 8), PQgetvalue(st->steps, i, 9));
		strbuf_free(&at);
		term_text(y++, x, w, buf, COL_NORMAL, ALIGN_LEFT);
	}
}

static int detail_step(struct app *app, struct detail *st, enum rescue_verb verb)
{
	rescue_take_step(app, st, st->id, field(st, "version"), verb, NULL, NULL);
	load(app, st);
	return SCR_HANDLED;
}

static int has_proposal(const struct detail *st)
{
	return st->props && PQntuples(st->props) > 0;
}

static int detail_offers(struct app *app, void *state, enum action_id a)
{
	(void)app;
	return a != ACT_RESCUE_DECLINE || has_proposal(state);
}

static int detail_decline(struct app *app, struct detail *st)
{
	if (has_proposal(st))
		app_push(app, &screen_rescue_decline, st->id);
	else
		app_message(app, MSGK_ERROR, tr(MSG_RESCUE_NO_PROPOSAL));
	return SCR_HANDLED;
}

static int detail_action(struct app *app, void *state, enum action_id a)
{
	struct detail *st = state;
	switch (a) {
	case ACT_RESCUE_DISPATCH: return detail_step(app, st, RV_DISPATCH);
	case ACT_RESCUE_ACK: return detail_step(app, st, RV_ACK);
	case ACT_RESCUE_ENROUTE: return detail_step(app, st, RV_ENROUTE);
	case ACT_RESCUE_ARRIVE: return detail_step(app, st, RV_ARRIVE);
	case ACT_RESCUE_RELEASE: return detail_step(app, st, RV_RELEASE);
	case ACT_RESCUE_ESCALATE: return detail_step(app, st, RV_ESCALATE);
	case ACT_RESCUE_DECLINE: return detail_decline(app, st);
	case ACT_RESCUE_CLOSE: app_push(app, &screen_rescue_close, st->id); return SCR_HANDLED;
	case ACT_RESCUE_CANCEL: app_push(app, &screen_rescue_cancel, st->id); return SCR_HANDLED;
	case ACT_RESCUE_CALLBACK:
		app_push(app, &screen_rescue_callback, st->id);
		return SCR_HANDLED;
	case ACT_BACK: return SCR_POP;
	default: return SCR_UNHANDLED;
	}
}

/* Every step on the incident sends its id on smcon_rescue: the page reads
 * again when it is on top (after a step form closes, or when another desk
 * moved it), so it never shows a state that has passed. */
static void detail_notify(struct app *app, void *state, const char *channel, const char *payload)
{
	struct detail *st = state;
	(void)app, (void)channel;
	if (db_payload_has(payload, "id", st->id))
		st->stale = 1;
}

static int detail_tick(struct app *app, void *state)
{
	struct detail *st = state;
	if (!st->stale)
		return SCR_UNHANDLED;
	st->stale = 0;
	load(app, st);
	return SCR_HANDLED;
}

static const enum action_id detail_actions[] = {
    ACT_RESCUE_DISPATCH, ACT_RESCUE_ACK,      ACT_RESCUE_ENROUTE, ACT_RESCUE_ARRIVE,
    ACT_RESCUE_RELEASE,  ACT_RESCUE_CLOSE,    ACT_RESCUE_CANCEL,  ACT_RESCUE_ESCALATE,
    ACT_RESCUE_DECLINE,  ACT_RESCUE_CALLBACK, ACT_BACK,           ACT_NONE};

const struct screen screen_rescue_detail = {
    .name = "rescue.detail",
    .title = MSG_ACT_RESCUE_SHOW,
    .actions = detail_actions,
    .enter = detail_enter,
    .leave = detail_leave,
    .draw = detail_draw,
    .action = detail_action,
    .tick = detail_tick,
    .offers = detail_offers,
    .notify = detail_notify,
};
