/* The parameter form of a report, on the form module: the month, the org
 * unit (empty: the operator's own) and the grouping, a choice of the
 * report's own groupings. It is a query form: every field has a default,
 * so Enter (or F5/^S) runs the report from any field, Tab/Down and
 * BTab/Up move, Esc goes back. The form checks the month itself (its error
 * shows under the field); the database checks the rest and the view shows
 * what it says. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/xalloc.h"
#include "screens/report_screens.h"
#include "ui/form.h"
#include "ui/keys.h"
#include "ui/term.h"

enum { F_PERIOD, F_ORG, F_BY, NFIELDS };
enum { MAX_BY = 8 };

/* What each grouping of the catalog is called on screen. */
static const struct form_choice by_names[] = {
    {"district", MSG_REPORT_BY_DISTRICT}, {"station", MSG_REPORT_BY_STATION},
    {"month", MSG_REPORT_BY_MONTH},       {"type", MSG_REPORT_BY_TYPE},
    {"industry", MSG_REPORT_BY_INDUSTRY}, {"channel", MSG_REPORT_BY_CHANNEL},
    {"category", MSG_REPORT_BY_CATEGORY}, {"respondent", MSG_REPORT_BY_RESPONDENT},
    {"unit", MSG_REPORT_BY_UNIT},         {"plan", MSG_REPORT_BY_PLAN},
    {"rule", MSG_REPORT_BY_RULE},
};

struct report_form {
	const struct report_info *info;
	struct form_choice by[MAX_BY + 1]; /* the report's groupings, ended by {NULL} */
	char *by_values;                   /* by[].value point into it */
	struct form_field_def defs[NFIELDS];
	struct form form;
	char from[11], to[11];
};

/* A grouping the table above does not know (a new one in meta.report)
 * still works; it is shown as 其他分组 until it is named here. */
static enum msg_id by_label(const char *value)
{
	for (size_t i = 0; i < sizeof by_names / sizeof by_names[0]; i++)
		if (strcmp(by_names[i].value, value) == 0)
			return by_names[i].label;
	return MSG_REPORT_BY_OTHER;
}

/* The choices of the grouping field from the catalog's "district,station,…". */
static void load_groupings(struct report_form *st)
{
	st->by_values = xstrdup(st->info->by_options ? st->info->by_options : "");
	int n = 0;
	for (char *save = NULL, *v = strtok_r(st->by_values, ",", &save); v && n < MAX_BY;
	     v = strtok_r(NULL, ",", &save)) {
		st->by[n].value = v;
		st->by[n].label = by_label(v);
		n++;
	}
	st->by[n].value = NULL;
}

static void *rf_enter(struct app *app, void *arg)
{
	struct report_form *st = xcalloc(1, sizeof *st);
	(void)app;
	st->info = arg;
	load_groupings(st);
	st->defs[F_PERIOD] = (struct form_field_def){.name = "period",
	                                             .label = MSG_REPORT_FORM_PERIOD,
	                                             .kind = FK_TEXT,
	                                             .required = FORM_REQUIRED,
	                                             .max_bytes = 7,
	                                             .db_names = "--period"};
	st->defs[F_ORG] = (struct form_field_def){
	    .name = "org", .label = MSG_REPORT_FORM_ORG, .kind = FK_TEXT, .max_bytes = 32};
	st->defs[F_BY] = (struct form_field_def){
	    .name = "by", .label = MSG_REPORT_FORM_BY, .kind = FK_CHOICE, .choices = st->by};
	form_init(&st->form, st->defs, NFIELDS, NULL, NULL);

	char month[8]; /* last month */
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	tm.tm_mon -= 1;
	tm.tm_mday = 1;
	mktime(&tm);
	strftime(month, sizeof month, "%Y-%m", &tm);
	form_set(&st->form, F_PERIOD, month);
	form_set(&st->form, F_BY, st->info->default_by ? st->info->default_by : "");
	return st;
}

static void rf_leave(struct app *app, void *state)
{
	struct report_form *st = state;
	(void)app;
	form_free(&st->form);
	free(st->by_values);
	free(st);
}

static void rf_draw(struct app *app, void *state, const struct rect *r)
{
	struct report_form *st = state;
	(void)app;
	term_text(r->y + 1, r->x + 2, r->w - 4, report_title(st->info), COL_TITLE, ALIGN_LEFT);
	term_text(r->y + 2, r->x + 2, r->w - 4, st->info->description, COL_DIM, ALIGN_LEFT);
	term_text(r->y + 3, r->x + 2, r->w - 4, tr(MSG_REPORT_FORM_HINT), COL_DIM, ALIGN_LEFT);
	struct rect fr = {r->y + 5, r->x + 2, r->h - 5, r->w - 4};
	form_draw(&st->form, &fr);
}

/* Runs the report: the month is checked here, under its field. */
static int run(struct app *app, struct report_form *st)
{
	form_clear_errors(&st->form);
	const char *period = form_value(&st->form, F_PERIOD);
	if (report_period_parse(period, st->from, st->to) != 0) {
		char *m = trs(MSG_REPORT_FORM_BAD_MONTH, period);
		form_set_error(&st->form, F_PERIOD, m);
		app_message(app, MSGK_ERROR, m);
		free(m);
		form_focus(&st->form, app, F_PERIOD);
		return SCR_HANDLED;
	}
	const char *org = form_value(&st->form, F_ORG), *by = form_value(&st->form, F_BY);
	struct report_request rq = {st->info, st->from, st->to, *org ? org : NULL, *by ? by : NULL};
	app_push(app, &screen_report_view, &rq);
	return SCR_HANDLED;
}

static int rf_key(struct app *app, void *state, const struct key *k)
{
	struct report_form *st = state;
	if (!dialog_open(&st->form.dialog) && key_matches(k, "Enter"))
		return run(app, st);
	int r = form_key(&st->form, app, k);
	return r & FORM_SUBMIT ? run(app, st) : r;
}

static int rf_action(struct app *app, void *state, enum action_id a)
{
	struct report_form *st = state;
	switch (a) {
	case ACT_REPORT_GO: return run(app, st);
	case ACT_FORM_CANCEL: return form_cancel(&st->form);
	default: return SCR_UNHANDLED;
	}
}

static const enum action_id rf_actions[] = {ACT_REPORT_GO, ACT_FORM_CANCEL, ACT_REPORT_FIELD_NEXT,
                                            ACT_FORM_PREV, ACT_NONE};

const struct screen screen_report_form = {
    .name = "report.form",
    .title = MSG_REPORT_FORM_TITLE,
    .actions = rf_actions,
    .enter = rf_enter,
    .leave = rf_leave,
    .draw = rf_draw,
    .key = rf_key,
    .action = rf_action,
};
