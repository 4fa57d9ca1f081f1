/* The form module without a terminal: layout by display width, moving
 * between fields, typing by kind, the dirty flag and the question before
 * discarding, checks, and database errors put next to their field. */
#include <curses.h>
#include <string.h>

#include "base/width.h"
#include "lib/tap.h"
#include "ui/form.h"

static const struct form_choice channels[] = {
    {"hotline_12315", MSG_FORM_YES}, {"letter", MSG_FORM_NO}, {NULL, 0}};

static const struct form_field_def defs[] = {
    {.name = "complainant_name",
     .label = MSG_COMPLAINT_LABEL_NAME,
     .kind = FK_TEXT,
     .required = FORM_REQUIRED},
    {.name = "complainant_phone",
     .label = MSG_COMPLAINT_LABEL_PHONE,
     .kind = FK_TEXT,
     .db_names = "phone_format"},
    {.name = "amount", .label = MSG_FORM_YES, .kind = FK_NUMBER},
    {.name = "due", .label = MSG_FORM_NO, .kind = FK_DATE},
    {.name = "channel", .label = MSG_ACT_DRAFTS, .kind = FK_CHOICE, .choices = channels},
    {.name = "urgent", .label = MSG_ACT_DRAFT_DISCARD, .kind = FK_YESNO},
    {.name = "facts",
     .label = MSG_COMPLAINT_LABEL_FACTS,
     .kind = FK_MULTILINE,
     .required = FORM_REQUIRED_DB,
     .lines = 4},
};
#define N (int)(sizeof defs / sizeof defs[0])

static struct key fn(int code)
{
	struct key k = {code, 1};
	return k;
}

static struct key ch(int code)
{
	struct key k = {code, 0};
	return k;
}

static void type(struct form *f, struct app *app, const char *s)
{
	for (; *s; s++) {
		struct key k = ch((unsigned char)*s);
		form_key(f, app, &k);
	}
}

static void layout(void)
{
	struct form f;
	form_init(&f, defs, N, NULL, NULL);
	int rows = form_layout(&f, 80);
	is_int(f.items[0].row, 0, "the first field on the first row");
	is_int(f.items[1].row, 2, "one blank (error) row between fields");
	is_int(f.items[6].height, 4, "a multi-line field takes its rows");
	is_int(rows, 6 * 2 + 4 + 1, "the form's rows add up");
	/* 事实和理由 is 10 columns, the widest label; "*" and a blank make 12 */
	is_int(form_label_width(&f, 80), 12,
	       "the label column is as wide as the widest label in display columns");
	is_int(form_label_width(&f, 24), 8, "  ... but never more than a third of the width");
	form_free(&f);
}

static void navigation(void)
{
	struct app app;
	struct form f;
	memset(&app, 0, sizeof app);
	form_init(&f, defs, N, NULL, NULL);
	struct key tab = ch('\t'), down = fn(KEY_DOWN), up = fn(KEY_UP), btab = fn(KEY_BTAB),
	           enter = fn(KEY_ENTER), esc = ch(27);
	form_key(&f, &app, &tab);
	is_int(f.focus, 1, "Tab goes to the next field");
	form_key(&f, &app, &down);
	is_int(f.focus, 2, "Down too");
	form_key(&f, &app, &up);
	form_key(&f, &app, &btab);
	is_int(f.focus, 0, "Up and BTab go back");
	form_key(&f, &app, &btab);
	is_int(f.focus, N - 1, "  ... from the first to the last");
	is_int(form_key(&f, &app, &enter), FORM_SUBMIT, "Enter on the last field submits");
	form_focus(&f, &app, 0);
	is_int(form_key(&f, &app, &enter), SCR_HANDLED, "Enter elsewhere moves on");
	is_int(f.focus, 1, "  ... to the next field");
	ok(!form_dirty(&f), "nothing typed: not dirty");
	is_int(form_key(&f, &app, &esc), SCR_POP, "Esc on a clean form leaves at once");
	form_free(&f);
}

static void typing(void)
{
	struct app app;
	struct form f;
	memset(&app, 0, sizeof app);
	form_init(&f, defs, N, NULL, NULL);
	type(&f, &app, "Zhou");
	is_str(form_value(&f, 0), "Zhou", "text is typed into the focused field");
	ok(form_dirty(&f), "  ... which makes the form dirty");
	form_focus(&f, &app, 2);
	type(&f, &app, "1x2.5");
	is_str(form_value(&f, 2), "12.5", "a number field takes digits and a point only");
	form_focus(&f, &app, 3);
	type(&f, &app, "2026a-02-30");
	is_str(form_value(&f, 3), "2026-02-30", "a date field takes digits and '-' only");
	form_focus(&f, &app, 4);
	is_str(form_value(&f, 4), "", "a choice starts unanswered");
	struct key right = fn(KEY_RIGHT), left = fn(KEY_LEFT), space = ch(' ');
	form_key(&f, &app, &right);
	is_str(form_value(&f, 4), "hotline_12315", "Right picks the first value (its code)");
	form_key(&f, &app, &space);
	is_str(form_value(&f, 4), "letter", "Space the next");
	form_key(&f, &app, &left);
	is_str(form_value(&f, 4), "hotline_12315", "Left the previous");
	form_focus(&f, &app, 5);
	type(&f, &app, "n");
	is_str(form_value(&f, 5), "f", "n answers a yes/no field with no");

	struct key esc = ch(27), no = ch('n'), yes = ch('y'), f10 = fn(KEY_F(10));
	is_int(form_key(&f, &app, &esc), SCR_HANDLED, "Esc on a dirty form does not leave");
	ok(dialog_open(&f.dialog), "  ... it asks");
	is_int(form_key(&f, &app, &no), SCR_HANDLED, "n answers the question");
	ok(!dialog_open(&f.dialog), "  ... which closes");
	is_str(form_value(&f, 0), "Zhou", "  ... and every character stays");
	form_key(&f, &app, &f10);
	ok(dialog_open(&f.dialog), "F10 on a dirty form asks too");
	type(&f, &app, "x");
	ok(dialog_open(&f.dialog), "  ... other keys are no answer and reach no field");
	is_str(form_value(&f, 5), "f", "  ... the field is unchanged");
	is_int(form_key(&f, &app, &yes), SCR_QUIT, "y quits");

	form_set(&f, 0, "");
	is_int(form_validate(&f), 2, "two bad fields: a required one empty, an impossible date");
	is_int(f.focus, 0, "  ... the first is focused");
	ok(f.items[0].error && strstr(f.items[0].error, "投诉人姓名"), "  ... its error names it");
	ok(f.items[3].error != NULL, "  ... 2026-02-30 is no date");
	ok(f.items[6].error == NULL, "a field the database checks is not checked here");
	form_set(&f, 3, "2028-02-29");
	form_set(&f, 0, "周");
	is_int(form_validate(&f), 0, "a leap day is a date");
	form_free(&f);
}

static void db_errors(void)
{
	struct form f;
	form_init(&f, defs, N, NULL, NULL);
	is_int(form_error_from_db(&f, "P0001", "电话格式不对",
	                          "电话格式不对 (field=complainant_phone)"),
	       1, "DETAIL field=NAME points at the field");
	is_str(f.items[1].error, "电话格式不对", "  ... which shows the message");
	is_int(f.focus, 0, "  ... the focus stays where the operator is");
	form_clear_errors(&f);
	is_int(form_error_from_db(&f, "23502", "错误",
	                          "null value in column \"complainant_name\" of relation \"x\""),
	       0, "a quoted column name");
	is_int(form_error_from_db(&f, "23514", "错误",
	                          "value violates check constraint \"phone_format\""),
	       1, "a constraint name of db_names");
	is_int(form_error_from_db(&f, "22023", "“投诉人电话”不对", ""), 1,
	       "the label in a message of an api function");
	form_set(&f, 0, "周");
	is_int(
	    form_error_from_db(&f, "23502", "投诉须有投诉人姓名、电话、地址和投诉请求、事实", ""),
	    6, "a not_null_violation naming no field: the first empty required field");
	is_int(form_error_from_db(&f, "42501", "权限不足", "权限不足"), -1,
	       "an error about no field");
	form_free(&f);
}

static void drafts(void)
{
	struct form f;
	struct strbuf names = STRBUF_INIT, values = STRBUF_INIT;
	form_init(&f, defs, 2, "complaint", "91320213MA1XHD015B");
	form_set(&f, 0, "周,海\"燕");
	form_draft_arrays(&f, &names, &values);
	is_str(strbuf_str(&names), "{\"complainant_name\",\"complainant_phone\"}",
	       "a draft's names as an array literal");
	is_str(strbuf_str(&values), "{\"周,海\\\"燕\",\"\"}", "  ... its values quoted");
	strbuf_free(&names);
	strbuf_free(&values);
	form_free(&f);
}

/* A FK_MULTI list: codes in, codes out, ticked with Space or a number,
 * as many rows as its labels need. */
static void multi(void)
{
	static const struct form_choice roles[] = {{"clerk", MSG_ROLE_CLERK},
	                                           {"inspector", MSG_ROLE_INSPECTOR},
	                                           {"handler", MSG_ROLE_HANDLER},
	                                           {"admin", MSG_ROLE_ADMIN},
	                                           {NULL, 0}};
	static const struct form_field_def mdefs[] = {{.name = "roles",
	                                               .label = MSG_SEC_COL_ROLES,
	                                               .kind = FK_MULTI,
	                                               .choices = roles,
	                                               .required = FORM_REQUIRED}};
	struct app app;
	struct form f;
	memset(&app, 0, sizeof app);
	form_init(&f, mdefs, 1, NULL, NULL);
	is_str(form_value(&f, 0), "", "a list of choices starts with none ticked");
	ok(form_validate(&f) == 1, "  ... which a required one refuses");
	form_set(&f, 0, "handler,clerk");
	is_str(form_value(&f, 0), "clerk,handler",
	       "form_set ticks codes; the value lists them in order");
	ok(!form_dirty(&f), "  ... without making the form dirty");
	struct key right = fn(KEY_RIGHT), space = ch(' '), four = ch('4');
	form_key(&f, &app, &right);
	form_key(&f, &app, &space);
	is_str(form_value(&f, 0), "clerk,inspector,handler", "Right moves, Space ticks");
	form_key(&f, &app, &space);
	form_key(&f, &app, &four);
	is_str(form_value(&f, 0), "clerk,handler,admin",
	       "Space again unticks; a number ticks its choice");
	ok(form_dirty(&f), "  ... which makes the form dirty");
	form_layout(&f, 64);
	int wide = f.items[0].height;
	form_layout(&f, 30);
	ok(wide >= 1 && f.items[0].height > wide, "a narrow form lays the list over more rows");
	form_free(&f);
}

int main(void)
{
	plan(57);
	width_setup();
	layout();
	navigation();
	typing();
	db_errors();
	drafts();
	multi();
	return done_testing();
}
