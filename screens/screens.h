/* The screens of the console, and which screen each menu entry opens. */
#ifndef SMCON_SCREENS_H
#define SMCON_SCREENS_H

#include "ui/app.h"

extern const struct screen screen_login;
extern const struct screen screen_lock;
extern const struct screen screen_password;
extern const struct screen screen_menu;
extern const struct screen screen_help;
extern const struct screen screen_entity_search;
extern const struct screen screen_entity_profile;
extern const struct screen screen_entity_elevator_code;
extern const struct screen screen_entity_elevator;
extern const struct screen screen_entity_plan;
extern const struct screen screen_entity_complaint;
extern const struct screen screen_admin;
extern const struct screen screen_audit;
extern const struct screen screen_audit_detail;
extern const struct screen screen_inspection_plans;
extern const struct screen screen_inspection_result_draft;
extern const struct screen screen_report_list;
extern const struct screen screen_complaint_queue, screen_complaint_item, screen_complaint_step,
    screen_complaint_intake, screen_complaint_supervise, screen_complaint_intake_draft;
extern const struct screen screen_entity_complaint_draft;
extern const struct screen screen_draft;
extern const struct screen screen_policy_search, screen_policy_article_view;

/* Opens the article of a law to read (screens/policy_article.c): law as
 * api.policy_article takes it (a short or full title, or a part of one
 * title), article as 14, 第14条 or 第十四条. The strings are copied. */
void screen_policy_article(struct app *app, const char *law, const char *article);

/* What a screen that reopens a draft gets as its arg (screens/draft.c):
 * the draft's subject and title, and its values as rows (name, value). */
struct draft_reopen {
	const char *subject, *title;
	const PGresult *values;
};

/* What the audit entry's screen shows (screens/audit_detail.c; copied on
 * entry): a title line and the key, old values, new values and details as
 * JSON ("" when none). */
enum { AUDIT_DETAIL_PARTS = 4 };
struct audit_detail_arg {
	const char *title;
	const char *value[AUDIT_DETAIL_PARTS];
};

/* The screen a main-menu action opens. */
const struct screen *screen_for_menu(enum action_id a);

/* Every screen of the console (screens/registry.c), NULL-terminated: the
 * key checks walk it, and tests/screens.t fails when a screen defined in a
 * file of screens/ is missing from it. */
extern const struct screen *const screens_all[];

/* A key that a screen gives two actions on purpose (two of its own, or one
 * of its own and a global one, app_global_actions): which one the key means
 * depends on the screen's state (the focus, a report running), and the
 * screen's key or action handler decides. Any other key that two actions of
 * a screen share fails tests/unit/test_keymap.c; so does an entry here that
 * no longer shares a key. The list ends with a NULL screen. */
struct screen_key_share {
	const struct screen *screen;
	enum action_id a, b;
};
extern const struct screen_key_share screens_key_shares[];

#endif
