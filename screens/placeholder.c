/* The screen a main-menu entry opens while its module is not installed yet.
 * This is the only placeholder the console has; each module's issue replaces
 * its entry in screen_for_menu() with the real screen. */
#include <stdlib.h>

#include "screens/rescue.h"
#include "screens/screens.h"
#include "ui/term.h"

static void placeholder_draw(struct app *app, void *state, const struct rect *r, enum msg_id name)
{
	char *line = trs(MSG_PLACEHOLDER_TEXT, tr(name));
	(void)app;
	(void)state;
	term_text(r->y + r->h / 2 - 1, r->x, r->w, line, COL_NORMAL, ALIGN_CENTER);
	term_text(r->y + r->h / 2 + 1, r->x, r->w, tr(MSG_PLACEHOLDER_HINT), COL_DIM, ALIGN_CENTER);
	free(line);
}

static int placeholder_action(struct app *app, void *state, enum action_id a)
{
	(void)app;
	(void)state;
	return a == ACT_BACK ? SCR_POP : SCR_UNHANDLED;
}

static const enum action_id placeholder_actions[] = {ACT_BACK, ACT_NONE};

#define PLACEHOLDER(id, label)                                                               \
	static void draw_##id(struct app *app, void *state, const struct rect *r)            \
	{                                                                                    \
		placeholder_draw(app, state, r, label);                                      \
	}                                                                                    \
	static const struct screen placeholder_##id = {                                      \
		.name = "placeholder." #id,                                                  \
		.title = label,                                                              \
		.actions = placeholder_actions,                                              \
		.draw = draw_##id,                                                           \
		.action = placeholder_action,                                                \
	};

PLACEHOLDER(policy, MSG_MENU_POLICY)

const struct screen *screen_for_menu(enum action_id a)
{
	switch (a) {
	case ACT_MENU_ENTITY: return &screen_entity_search;
	case ACT_MENU_COMPLAINT: return &screen_complaint_queue;
	case ACT_MENU_RESCUE: return &screen_rescue_board;
	case ACT_MENU_INSPECTION: return &screen_inspection_plans;
	case ACT_MENU_POLICY: return &placeholder_policy;
	case ACT_MENU_REPORT: return &screen_report_list;
	case ACT_MENU_ADMIN: return &screen_admin;
	default: return &screen_audit;
	}
}
