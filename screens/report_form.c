/* The parameter form of a report: the month, the org unit (empty: the
 * operator's own) and the grouping; Enter runs the report (the database
 * checks every parameter and the view shows what it says), Tab moves. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/xalloc.h"
#include "screens/report_screens.h"
#include "ui/field.h"
#include "ui/keys.h"
#include "ui/term.h"

enum { F_PERIOD, F_ORG, F_BY, NFIELDS };

struct report_form {
	const struct report_info *info;
	struct field f[NFIELDS];
	int focus;
	char from[11], to[11];
};

static void *form_enter(struct app *app, void *arg)
{
	struct report_form *st = xcalloc(1, sizeof *st);
	char month[8];
	time_t now = time(NULL);
	struct tm tm;
	(void)app;
	st->info = arg;
	localtime_r(&now, &tm);
	tm.tm_mon -= 1; /* last month */
	tm.tm_mday = 1;
	mktime(&tm);
	strftime(month, sizeof month, "%Y-%m", &tm);
	for (int i = 0; i < NFIELDS; i++)
		field_init(&st->f[i], 0, 32);
	field_set(&st->f[F_PERIOD], month);
	field_set(&st->f[F_BY], st->info->default_by);
	return st;
}

static void form_leave(struct app *app, void *state)
{
	struct report_form *st = state;
	(void)app;
	for (int i = 0; i < NFIELDS; i++)
		field_free(&st->f[i]);
	free(st);
}

static void form_draw(struct app *app, void *state, const struct rect *r)
{
	struct report_form *st = state;
	static const enum msg_id names[NFIELDS] = {MSG_REPORT_FORM_PERIOD, MSG_REPORT_FORM_ORG,
	                                           MSG_REPORT_FORM_BY};
	(void)app;
	term_text(r->y + 1, r->x + 2, r->w - 4, report_title(st->info), COL_TITLE, ALIGN_LEFT);
	term_text(r->y + 2, r->x + 2, r->w - 4, st->info->description, COL_DIM, ALIGN_LEFT);
	for (int i = 0; i < NFIELDS; i++) {
		term_text(r->y + 4 + 2 * i, r->x + 2, 12, tr(names[i]), COL_KEY, ALIGN_RIGHT);
		field_draw(&st->f[i], r->y + 4 + 2 * i, r->x + 16, 24, 0);
	}
	char *hint = trs(MSG_REPORT_FORM_HINT, st->info->by_options);
	term_text(r->y + 11, r->x + 2, r->w - 4, hint, COL_DIM, ALIGN_LEFT);
	free(hint);
	field_draw(&st->f[st->focus], r->y + 4 + 2 * st->focus, r->x + 16, 24, 1); /* the cursor */
}

static int run(struct app *app, struct report_form *st)
{
	const char *period = field_text(&st->f[F_PERIOD]);
	if (report_period_parse(period, st->from, st->to) != 0) {
		char *m = trs(MSG_REPORT_BAD_PERIOD, period);
		app_message(app, MSGK_ERROR, m);
		free(m);
		st->focus = F_PERIOD;
		return SCR_HANDLED;
	}
	const char *org = field_text(&st->f[F_ORG]), *by = field_text(&st->f[F_BY]);
	struct report_request rq = {st->info, st->from, st->to, *org ? org : NULL, *by ? by : NULL};
	app_push(app, &screen_report_view, &rq);
	return SCR_HANDLED;
}

static int form_key(struct app *app, void *state, const struct key *k)
{
	struct report_form *st = state;
	if (key_matches(k, "Esc"))
		return SCR_POP;
	if (key_matches(k, "Enter"))
		return run(app, st);
	if (key_matches(k, "Tab Down")) {
		st->focus = (st->focus + 1) % NFIELDS;
		return SCR_HANDLED;
	}
	if (key_matches(k, "BTab Up")) {
		st->focus = (st->focus + NFIELDS - 1) % NFIELDS;
		return SCR_HANDLED;
	}
	return field_key(&st->f[st->focus], k) ? SCR_HANDLED : SCR_UNHANDLED;
}

static int form_action(struct app *app, void *state, enum action_id a)
{
	if (a == ACT_REPORT_OPEN)
		return run(app, state);
	return a == ACT_BACK ? SCR_POP : SCR_UNHANDLED;
}

static const enum action_id form_actions[] = {ACT_REPORT_OPEN, ACT_BACK, ACT_NONE};

const struct screen screen_report_form = {
    .name = "report.form",
    .title = MSG_REPORT_FORM_TITLE,
    .actions = form_actions,
    .enter = form_enter,
    .leave = form_leave,
    .draw = form_draw,
    .key = form_key,
    .action = form_action,
};
