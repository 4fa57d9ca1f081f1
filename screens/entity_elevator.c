/* One elevator, opened from a profile's equipment tab: its registration
 * and rescue codes, user and maintenance unit, inspection and maintenance
 * dates, and its 96333 incidents (as far as the operator's scope reaches). */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "domain/entity_elevator.h"
#include "screens/screens.h"
#include "ui/table.h"
#include "ui/term.h"

struct elevator_view {
	struct elevator ev;
	struct table *incidents;
	struct strbuf error;
};

/* The facts shown above the incidents, two to a line. */
static const enum elevator_col shown[] = {
	EV_REG_CODE,   EV_RESCUE_CODE,   EV_CATEGORY,        EV_STATUS,          EV_USER_NAME,
	EV_MAINT_NAME, EV_MAINT_PHONE,   EV_CONTRACT_ENDS,   EV_ADDRESS,         EV_PLACE,
	EV_BUREAU,     EV_MANUFACTURER,  EV_MODEL,           EV_COMMISSIONED,    EV_LAST_MAINTAINED,
	EV_LAST_INSPECTED, EV_NEXT_INSPECTION, EV_OVERDUE,   EV_SOURCE,          EV_LOADED_AT};
#define NSHOWN (int)(sizeof shown / sizeof shown[0])

/* arg: the elevator's id (from a profile), or its code (by_code: typed in
 * a dispatcher's search box). */
static void *elevator_open(struct app *app, const char *arg, int by_code)
{
	static const enum incident_col cols[] = {EI_NO,     EI_RECEIVED, EI_KIND,  EI_TRAPPED,
						 EI_LEVEL,  EI_ARRIVAL,  EI_STATUS, EI_CAUSE};
	struct elevator_view *st = xcalloc(1, sizeof *st);
	struct db_error err;
	elevator_init(&st->ev);
	strbuf_init(&st->error);
	st->incidents = table_new(8);
	for (int c = 0; c < 8; c++)
		table_col_msg(st->incidents, c, incident_label(cols[c]), c == 1 ? 16 : 4,
		              c == 1 ? 16 : 0, ALIGN_LEFT, c == 7 ? 1 : 0);
	db_error_init(&err);
	if ((by_code ? elevator_load_code(&app->db, arg, &st->ev, &err)
	             : elevator_load(&app->db, arg, &st->ev, &err)) != ST_OK)
		strbuf_add(&st->error, strbuf_str(&err.message));
	for (int r = 0; r < st->ev.incidents.n; r++) {
		int row = table_add_row(st->incidents);
		for (int c = 0; c < 8; c++) {
			const char *v = entity_rows_get(&st->ev.incidents, r, cols[c]);
			struct strbuf sb = STRBUF_INIT;
			strbuf_addn(&sb, v, c == 1 ? 16 : strlen(v)); /* received, to the minute */
			table_set(st->incidents, row, c, strbuf_str(&sb));
			strbuf_free(&sb);
		}
	}
	db_error_free(&err);
	return st;
}

static void *elevator_enter(struct app *app, void *arg)
{
	return elevator_open(app, arg, 0);
}

static void *elevator_enter_code(struct app *app, void *arg)
{
	return elevator_open(app, arg, 1);
}

static void elevator_leave(struct app *app, void *state)
{
	struct elevator_view *st = state;
	(void)app;
	elevator_free(&st->ev);
	table_free(st->incidents);
	strbuf_free(&st->error);
	free(st);
}

static void elevator_draw(struct app *app, void *state, const struct rect *r)
{
	struct elevator_view *st = state;
	(void)app;
	if (st->error.len) {
		term_text(r->y + r->h / 2, r->x, r->w, strbuf_str(&st->error), COL_ERROR, ALIGN_CENTER);
		return;
	}
	int half = r->w / 2, lines = (NSHOWN + 1) / 2;
	for (int i = 0; i < NSHOWN; i++) {
		int y = r->y + i / 2, x = r->x + (i % 2) * half;
		struct strbuf sb = STRBUF_INIT;
		const char *v = st->ev.v[shown[i]];
		if (shown[i] == EV_OVERDUE || shown[i] == EV_URBAN)
			v = strcmp(v, "t") == 0 ? tr(MSG_ENTITY_YES) : tr(MSG_ENTITY_NO);
		strbuf_addf(&sb, "%s：", tr(elevator_label(shown[i])));
		int lw = width_str(strbuf_str(&sb));
		term_text(y, x, lw, strbuf_str(&sb), COL_DIM, ALIGN_LEFT);
		int bad = shown[i] == EV_OVERDUE && strcmp(st->ev.v[shown[i]], "t") == 0;
		term_text(y, x + lw, half - lw - 1, v, bad ? COL_ERROR : COL_NORMAL, ALIGN_LEFT);
		strbuf_free(&sb);
	}
	int y = r->y + lines + 1;
	struct strbuf title = STRBUF_INIT;
	if (st->ev.incidents_hidden)
		strbuf_add(&title, tr(MSG_ELEVATOR_INCIDENTS_HIDDEN));
	else
		trf(&title, MSG_ELEVATOR_INCIDENTS, st->ev.incidents.n);
	term_text(y, r->x, r->w, strbuf_str(&title), COL_KEY, ALIGN_LEFT);
	strbuf_free(&title);
	struct rect t = {y + 1, r->x, r->h - lines - 2, r->w};
	table_layout(st->incidents, t.w);
	table_draw(st->incidents, &t);
	if (st->incidents->nrows == 0)
		term_text(
		    t.y + 2, t.x, t.w,
		    tr(st->ev.incidents_hidden ? MSG_ENTITY_TAB_HIDDEN : MSG_ENTITY_TAB_EMPTY),
		    COL_DIM, ALIGN_CENTER);
}

static int elevator_action(struct app *app, void *state, enum action_id a)
{
	struct elevator_view *st = state;
	(void)app;
	if (table_action(st->incidents, a, app_content().h / 2))
		return SCR_HANDLED;
	return a == ACT_BACK ? SCR_POP : SCR_UNHANDLED;
}

static const enum action_id elevator_actions[] = {ACT_BACK,      ACT_UP,    ACT_DOWN, ACT_PAGE_UP,
						  ACT_PAGE_DOWN, ACT_FIRST, ACT_LAST, ACT_NONE};

const struct screen screen_entity_elevator = {
	.name = "entity.elevator",
	.title = MSG_ELEVATOR_TITLE,
	.actions = elevator_actions,
	.enter = elevator_enter,
	.leave = elevator_leave,
	.draw = elevator_draw,
	.action = elevator_action,
};

/* The same, opened by a code typed in the search box. */
const struct screen screen_entity_elevator_code = {
    .name = "entity.elevator.code",
    .title = MSG_ELEVATOR_TITLE,
    .actions = elevator_actions,
    .enter = elevator_enter_code,
    .leave = elevator_leave,
    .draw = elevator_draw,
    .action = elevator_action,
};
