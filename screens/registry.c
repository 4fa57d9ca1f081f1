/* Every screen of the console, for the checks that walk them all (the key
 * checks of tests/unit/test_keymap.c). tests/screens.t fails when a screen
 * defined in a file of screens/ is not listed here. */
#include "screens/admin_form.h"
#include "screens/inspection.h"
#include "screens/report_screens.h"
#include "screens/rescue.h"
#include "screens/screens.h"

const struct screen *const screens_all[] = {
    &screen_login,
    &screen_lock,
    &screen_password,
    &screen_menu,
    &screen_help,
    &screen_draft,
    &screen_entity_search,
    &screen_entity_profile,
    &screen_entity_elevator,
    &screen_entity_elevator_code,
    &screen_entity_plan,
    &screen_entity_complaint,
    &screen_entity_complaint_draft,
    &screen_complaint_queue,
    &screen_complaint_item,
    &screen_complaint_step,
    &screen_complaint_intake,
    &screen_complaint_intake_draft,
    &screen_complaint_supervise,
    &screen_rescue_board,
    &screen_rescue_detail,
    &screen_rescue_intake,
    &screen_rescue_intake_draft,
    &screen_rescue_pick,
    &screen_rescue_close,
    &screen_rescue_cancel,
    &screen_rescue_callback,
    &screen_rescue_decline,
    &screen_inspection_plans,
    &screen_inspection_plan,
    &screen_inspection_plan_form,
    &screen_inspection_tasks,
    &screen_inspection_task,
    &screen_inspection_result,
    &screen_inspection_result_draft,
    &screen_inspection_overview,
    &screen_policy_search,
    &screen_policy_article_view,
    &screen_report_list,
    &screen_report_form,
    &screen_report_view,
    &screen_report_stations,
    &screen_admin,
    &screen_admin_form_add,
    &screen_admin_form_passwd,
    &screen_admin_form_roles,
    &screen_admin_form_org,
    &screen_audit,
    &screen_audit_detail,
    NULL,
};

/* The first action of a screen's list that has a key gets it, before a
 * global action; the screen's key handler, which sees every key first,
 * takes it in the other state. */
const struct screen_key_share screens_key_shares[] = {
    /* the intake's form moves between fields with Up and Down (form_key);
     * the duplicates shown after registering move with them (ACT_UP) */
    {&screen_complaint_intake, ACT_FORM_NEXT, ACT_DOWN},
    {&screen_complaint_intake, ACT_FORM_PREV, ACT_UP},
    {&screen_complaint_intake_draft, ACT_FORM_NEXT, ACT_DOWN},
    {&screen_complaint_intake_draft, ACT_FORM_PREV, ACT_UP},
    /* while a report runs, Esc and ^C cancel it (view_key); then Esc goes
     * back and ^C quits */
    {&screen_report_view, ACT_REPORT_CANCEL, ACT_BACK},
    {&screen_report_view, ACT_REPORT_CANCEL, ACT_QUIT},
    {&screen_report_stations, ACT_REPORT_CANCEL, ACT_BACK},
    {&screen_report_stations, ACT_REPORT_CANCEL, ACT_QUIT},
    {NULL, ACT_NONE, ACT_NONE},
};
