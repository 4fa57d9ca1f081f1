/* The screens of the console, and which screen each menu entry opens. */
#ifndef SMCON_SCREENS_H
#define SMCON_SCREENS_H

#include "ui/app.h"

extern const struct screen screen_login;
extern const struct screen screen_menu;
extern const struct screen screen_help;
extern const struct screen screen_entity_search;
extern const struct screen screen_entity_profile;
extern const struct screen screen_entity_elevator;
extern const struct screen screen_entity_plan;
extern const struct screen screen_entity_complaint;
extern const struct screen screen_admin;
extern const struct screen screen_audit;
extern const struct screen screen_report_list;

/* The screen a main-menu action opens. */
const struct screen *screen_for_menu(enum action_id a);

#endif
