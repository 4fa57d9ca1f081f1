/* The report catalog: every report with its title, whether it is public,
 * its groupings and what it counts; Enter opens the parameter form of a
 * report the operator may run (the database says which: api.report_list). */
#include <stdlib.h>

#include "base/xalloc.h"
#include "screens/report_screens.h"
#include "screens/screens.h"
#include "ui/table.h"
#include "ui/term.h"

enum { C_TITLE, C_PUBLIC, C_BY, C_DESCRIPTION, NCOLS };

struct report_list {
	struct report_catalog cat;
	struct table *t;
};

static void *list_enter(struct app *app, void *arg)
{
	struct report_list *st = xcalloc(1, sizeof *st);
	struct db_error err;
	(void)arg;
	db_error_init(&err);
	st->t = table_new(NCOLS);
	table_col_msg(st->t, C_TITLE, MSG_REPORT_COL_TITLE, 12, 24, ALIGN_LEFT, 0);
	table_col_msg(st->t, C_PUBLIC, MSG_REPORT_COL_PUBLIC, 4, 6, ALIGN_LEFT, 0);
	table_col_msg(st->t, C_BY, MSG_REPORT_COL_BY, 8, 30, ALIGN_LEFT, 0);
	table_col_msg(st->t, C_DESCRIPTION, MSG_REPORT_COL_DESCRIPTION, 10, 0, ALIGN_LEFT, 1);
	if (report_catalog_load(&app->db, &st->cat, &err) != ST_OK)
		app_message(app, MSGK_ERROR, strbuf_str(&err.message));
	for (int i = 0; i < st->cat.n; i++) {
		const struct report_info *r = &st->cat.r[i];
		int row = table_add_row(st->t);
		table_set(st->t, row, C_TITLE, report_title(r));
		table_set(st->t, row, C_PUBLIC, tr(r->public_ ? MSG_REPORT_YES : MSG_REPORT_NO));
		table_set(st->t, row, C_BY, r->by_options);
		table_set(st->t, row, C_DESCRIPTION, r->description);
		if (!r->may_run)
			table_row_color(st->t, row, COL_DIM);
	}
	db_error_free(&err);
	return st;
}

static void list_leave(struct app *app, void *state)
{
	struct report_list *st = state;
	(void)app;
	report_catalog_free(&st->cat);
	table_free(st->t);
	free(st);
}

static void list_draw(struct app *app, void *state, const struct rect *r)
{
	struct report_list *st = state;
	struct rect box = {r->y + 1, r->x + 1, r->h - 1, r->w - 2};
	(void)app;
	table_layout(st->t, box.w);
	table_draw(st->t, &box);
}

static const struct report_info *selected(const struct report_list *st)
{
	int i = st->t->lb.selected;
	return i >= 0 && i < st->cat.n ? &st->cat.r[i] : NULL;
}

static int list_action(struct app *app, void *state, enum action_id a)
{
	struct report_list *st = state;
	struct rect r = app_content();
	const struct report_info *info = selected(st);
	switch (a) {
	case ACT_BACK: return SCR_POP;
	case ACT_REPORT_OPEN:
		if (!info)
			return SCR_HANDLED;
		if (!info->may_run) {
			app_message(app, MSGK_ERROR, tr(MSG_REPORT_NOT_FOR_YOU));
			return SCR_HANDLED;
		}
		app_push(app, &screen_report_form, (void *)info);
		return SCR_HANDLED;
	default: return table_action(st->t, a, r.h - 2) ? SCR_HANDLED : SCR_UNHANDLED;
	}
}

static int list_has_selection(struct app *app, void *state)
{
	(void)app;
	return selected(state) != NULL;
}

static const enum action_id list_actions[] = {ACT_REPORT_OPEN, ACT_BACK,    ACT_UP,
                                              ACT_DOWN,        ACT_PAGE_UP, ACT_PAGE_DOWN,
                                              ACT_FIRST,       ACT_LAST,    ACT_NONE};

const struct screen screen_report_list = {
    .name = "report.list",
    .title = MSG_MENU_REPORT,
    .actions = list_actions,
    .enter = list_enter,
    .leave = list_leave,
    .draw = list_draw,
    .action = list_action,
    .has_selection = list_has_selection,
};
