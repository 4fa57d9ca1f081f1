/* 12315 intake on the form module (src/ui/form.h): kind (complaint, report,
 * both, consultation, suggestion), channel (a 12345 transfer with its
 * work-order number), the person, the respondent (a registered entity by
 * its code, or name and address), request and facts. A complaint lacking
 * §9 items is kept as a draft and says what is missing. When intake finds
 * possible duplicates the screen lists them: m folds the new item into the
 * selected one (the earliest receipt rules the clock), k keeps them apart
 * with a reason, Esc keeps the new one as it is. The form keeps a
 * server-side draft until it is registered. */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "screens/complaint.h"
#include "screens/screens.h"
#include "ui/form.h"
#include "ui/table.h"
#include "ui/term.h"

static const struct form_choice kinds[] = {{"complaint", MSG_DESK_KIND_COMPLAINT},
                                           {"report", MSG_DESK_KIND_REPORT},
                                           {"both", MSG_DESK_KIND_BOTH},
                                           {"consultation", MSG_DESK_KIND_CONSULTATION},
                                           {"suggestion", MSG_DESK_KIND_SUGGESTION},
                                           {NULL, MSG_EMPTY}};
static const struct form_choice channels[] = {
    {"hotline_12315", MSG_DESK_CH_HOTLINE}, {"web_12315", MSG_DESK_CH_WEB},
    {"transfer_12345", MSG_DESK_CH_12345},  {"letter", MSG_DESK_CH_LETTER},
    {"walk_in", MSG_DESK_CH_WALK_IN},       {NULL, MSG_EMPTY}};

enum {
	I_KIND,
	I_CHANNEL,
	I_WORK_ORDER,
	I_NAME,
	I_PHONE,
	I_ADDRESS,
	I_USCC,
	I_RESP,
	I_RESP_ADDR,
	I_REQUEST,
	I_FACTS,
	I_COUNT
};

static const struct form_field_def defs[I_COUNT] = {
    {.name = "kind",
     .label = MSG_DESK_F_KIND,
     .kind = FK_CHOICE,
     .required = FORM_REQUIRED,
     .choices = kinds},
    {.name = "channel",
     .label = MSG_DESK_F_CHANNEL,
     .kind = FK_CHOICE,
     .required = FORM_REQUIRED,
     .choices = channels},
    {.name = "work_order_no", .label = MSG_DESK_F_WORK_ORDER, .kind = FK_TEXT, .max_bytes = 60},
    {.name = "complainant_name",
     .label = MSG_DESK_F_NAME,
     .kind = FK_TEXT,
     .max_bytes = 200,
     .db_names = "reporter_name 投诉人姓名"},
    {.name = "complainant_phone",
     .label = MSG_DESK_F_PHONE,
     .kind = FK_PHONE,
     .max_bytes = 60,
     .db_names = "phone phone_format 投诉人电话 举报人电话"},
    {.name = "complainant_address", .label = MSG_DESK_F_ADDRESS, .kind = FK_TEXT, .max_bytes = 400},
    {.name = "uscc",
     .label = MSG_DESK_F_USCC,
     .kind = FK_TEXT,
     .max_bytes = 40,
     .db_names = "统一社会信用代码"},
    {.name = "respondent_name", .label = MSG_DESK_F_RESPONDENT, .kind = FK_TEXT, .max_bytes = 400},
    {.name = "respondent_address",
     .label = MSG_DESK_F_RESPONDENT_ADDRESS,
     .kind = FK_TEXT,
     .max_bytes = 400},
    {.name = "request", .label = MSG_DESK_F_REQUEST, .kind = FK_TEXT, .max_bytes = 2000},
    {.name = "facts",
     .label = MSG_DESK_F_FACTS,
     .kind = FK_MULTILINE,
     .max_bytes = 5000,
     .lines = 3,
     .db_names = "content clue"},
};

/* The form is not the first member: its requests carry its own address as
 * their owner token, the screen's carry the state's. */
struct intake {
	int asking; /* a request for the duplicates or a merge is running (2), due (1) */
	/* after registering: the new item and its possible duplicates */
	enum desk_kind kind;
	char *id, *no, *into;
	struct table *dups; /* number, state, received, respondent, reason; row key in ids */
	char **ids;
	int ndups;
	int merging;
	struct form form;
};

static void *intake_enter(struct app *app, void *arg)
{
	struct intake *st = xcalloc(1, sizeof *st);
	(void)app;
	(void)arg;
	form_init(&st->form, defs, I_COUNT, "desk_intake", NULL);
	form_draft_title(&st->form, tr(MSG_DESK_INTAKE_TITLE));
	form_set(&st->form, I_KIND, "complaint");
	form_set(&st->form, I_CHANNEL, "hotline_12315");
	return st;
}

/* From the list of drafts (screens/draft.c): the values saved. */
static void *intake_draft_enter(struct app *app, void *arg)
{
	const struct draft_reopen *d = arg;
	struct intake *st = intake_enter(app, NULL);
	form_load_draft(&st->form, d->values);
	return st;
}

static void intake_leave(struct app *app, void *state)
{
	struct intake *st = state;
	db_async_cancel_owned(&app->db, st);
	form_free(&st->form);
	if (st->dups)
		table_free(st->dups);
	for (int i = 0; i < st->ndups; i++)
		free(st->ids[i]);
	free(st->ids);
	free(st->id);
	free(st->no);
	free(st->into);
	free(st);
}

static const char *v(struct intake *st, int i)
{
	const char *x = form_value(&st->form, i);
	return x && *x ? x : NULL;
}

static int intake_save(struct app *app, struct intake *st)
{
	const char *p[DF_COUNT] = {0};
	p[DF_KIND] = v(st, I_KIND);
	p[DF_CHANNEL] = v(st, I_CHANNEL);
	p[DF_WORK_ORDER] = v(st, I_WORK_ORDER);
	p[DF_NAME] = v(st, I_NAME);
	p[DF_PHONE] = v(st, I_PHONE);
	p[DF_ADDRESS] = v(st, I_ADDRESS);
	p[DF_USCC] = v(st, I_USCC);
	p[DF_RESPONDENT] = v(st, I_RESP);
	p[DF_RESPONDENT_ADDRESS] = v(st, I_RESP_ADDR);
	p[DF_REQUEST] = v(st, I_REQUEST);
	p[DF_FACTS] = v(st, I_FACTS);
	if (p[DF_WORK_ORDER])
		p[DF_RECEIVED_12345] = "now"; /* 12345 took it just before it was passed on */
	form_submit(&st->form, app, desk_intake_sql(), DF_COUNT, p);
	return SCR_HANDLED;
}

static int intake_key(struct app *app, void *state, const struct key *k)
{
	struct intake *st = state;
	if (st->dups)
		return SCR_UNHANDLED; /* the duplicates list works by actions */
	int r = form_key(&st->form, app, k);
	return r & FORM_SUBMIT ? intake_save(app, st) : r;
}

/* The new item is registered: say so; ask for its duplicates when it has some. */
static int registered(struct app *app, struct intake *st, PGresult *res)
{
	struct strbuf m = STRBUF_INIT;
	int dups = 0;
	for (int r = 0; r < PQntuples(res); r++) {
		enum desk_kind k = (enum desk_kind)desk_kind_parse(PQgetvalue(res, r, DI_KIND));
		if (r)
			strbuf_add(&m, "；");
		trf(&m, MSG_DESK_REGISTERED,
		    tr(k == DK_COMPLAINT ? MSG_DESK_KIND_COMPLAINT
		       : k == DK_REPORT  ? MSG_DESK_KIND_REPORT
		                         : MSG_DESK_KIND_CONSULTATION),
		    PQgetvalue(res, r, DI_NO), PQgetvalue(res, r, DI_STATE_LABEL),
		    PQgetvalue(res, r, DI_ORG));
		if (*PQgetvalue(res, r, DI_MISSING))
			trf(&m, MSG_DESK_MISSING, PQgetvalue(res, r, DI_MISSING));
		if (!dups && atoi(PQgetvalue(res, r, DI_DUPS)) > 0) {
			dups = 1;
			st->kind = k;
			st->id = xstrdup(PQgetvalue(res, r, DI_ID));
			st->no = xstrdup(PQgetvalue(res, r, DI_NO));
		}
	}
	app_message(app, MSGK_INFO, strbuf_str(&m));
	strbuf_free(&m);
	if (!dups)
		return SCR_POP;
	st->dups = table_new(5);
	table_col_msg(st->dups, 0, MSG_DESK_COL_NO, 16, 24, ALIGN_LEFT, 0);
	table_col_msg(st->dups, 1, MSG_DESK_COL_STATE, 4, 10, ALIGN_LEFT, 0);
	table_col_msg(st->dups, 2, MSG_DESK_COL_RECEIVED, 16, 16, ALIGN_LEFT, 0);
	table_col_msg(st->dups, 3, MSG_DESK_COL_RESPONDENT, 8, 0, ALIGN_LEFT, 2);
	table_col_msg(st->dups, 4, MSG_DESK_COL_NOTE, 8, 0, ALIGN_LEFT, 1);
	st->asking = 1;
	return SCR_HANDLED;
}

static void send_dups(struct app *app, struct intake *st)
{
	struct db_error err;
	db_error_init(&err);
	const char *p[] = {desk_kind_key(st->kind), st->id};
	if (db_async_send(&app->db,
	                  "SELECT id, item_no, rights.state_label($1, state), "
	                  "to_char(received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD "
	                  "HH24:MI'), respondent, reason "
	                  "FROM api.desk_duplicates($1, $2::bigint)",
	                  2, p, &err) == ST_OK) {
		db_async_adopt(&app->db, st);
		st->asking = 2;
	} else {
		app_message(app, MSGK_ERROR, strbuf_str(&err.message));
		st->asking = 0;
	}
	db_error_free(&err);
}

static void read_dups(struct intake *st, PGresult *res)
{
	table_clear(st->dups);
	for (int i = 0; i < st->ndups; i++)
		free(st->ids[i]);
	st->ndups = PQntuples(res);
	st->ids = xrealloc(st->ids, (size_t)(st->ndups + 1) * sizeof *st->ids);
	for (int r = 0; r < st->ndups; r++) {
		st->ids[r] = xstrdup(PQgetvalue(res, r, 0));
		int row = table_add_row(st->dups);
		for (int c = 0; c < 5; c++)
			table_set(st->dups, row, c, PQgetvalue(res, r, c + 1));
	}
}

static int intake_tick(struct app *app, void *state)
{
	struct intake *st = state;
	PGresult *res = NULL;
	if (!st->dups) {
		if (form_tick(&st->form, app, &res) != FORM_DONE)
			return SCR_HANDLED;
		int r = registered(app, st, res);
		PQclear(res);
		return r;
	}
	if (st->asking == 1) {
		if (db_idle(&app->db))
			send_dups(app, st);
		return 0;
	}
	if (st->asking != 2)
		return 0;
	struct db_error err;
	db_error_init(&err);
	int r = db_async_poll_owned(&app->db, st, &res, &err);
	if (r == 0) {
		db_error_free(&err);
		return 0;
	}
	st->asking = r < 0 ? 1 : 0;
	int pop = 0;
	if (r > 0 && !res) {
		desk_state_conflict(&err);
		app_message(app, MSGK_ERROR, strbuf_str(&err.message));
	} else if (r > 0 && st->merging) {
		char *m = trs(MSG_DESK_MERGED, st->no, st->into);
		app_message(app, MSGK_INFO, m);
		free(m);
		pop = 1;
	} else if (r > 0) {
		read_dups(st, res);
	}
	if (res)
		PQclear(res);
	db_error_free(&err);
	return pop ? SCR_POP : SCR_HANDLED;
}

/* m: the new item goes into the selected duplicate. */
static int merge_selected(struct app *app, struct intake *st)
{
	int sel = st->dups ? st->dups->lb.selected : -1;
	if (sel < 0 || sel >= st->ndups || st->asking)
		return SCR_HANDLED;
	struct db_error err;
	db_error_init(&err);
	const char *p[] = {desk_kind_key(st->kind), st->id, st->ids[sel]};
	free(st->into);
	st->into = xstrdup(table_get(st->dups, sel, 0));
	if (db_async_send(
	        &app->db,
	        "SELECT api.desk_merge($1, $2::bigint, $3::bigint, '登记时查重合并')::text", 3, p,
	        &err) == ST_OK) {
		db_async_adopt(&app->db, st);
		st->asking = 2;
		st->merging = 1;
	} else {
		app_message(app, MSGK_ERROR, strbuf_str(&err.message));
	}
	db_error_free(&err);
	return SCR_HANDLED;
}

static int intake_action(struct app *app, void *state, enum action_id a)
{
	struct intake *st = state;
	if (st->dups) {
		int h = table_view_height(&(struct rect){0, 0, app_content().h - 3, 0});
		switch (a) {
		case ACT_DESK_MERGE: return merge_selected(app, st);
		case ACT_DESK_APART: {
			int sel = st->dups->lb.selected;
			if (sel < 0 || sel >= st->ndups)
				return SCR_HANDLED;
			struct desk_step_arg *arg = desk_step_arg_new(DS_KEEP_APART);
			const char *k = desk_kind_key(st->kind);
			desk_step_arg_add(arg, k, strlen(k), st->id);
			arg->no = xstrdup(st->no);
			/* the other item travels as the step's a: see desk_step_open */
			arg->other = xstrdup(st->ids[sel]);
			if (desk_step_open(app, arg) != 0)
				desk_step_arg_free(arg);
			return SCR_HANDLED;
		}
		case ACT_BACK:
		case ACT_FORM_CANCEL: return SCR_POP;
		default: return table_action(st->dups, a, h) ? SCR_HANDLED : SCR_UNHANDLED;
		}
	}
	switch (a) {
	case ACT_FORM_CANCEL: return form_cancel(&st->form);
	case ACT_DESK_SUBMIT: return intake_save(app, st);
	default: return SCR_UNHANDLED;
	}
}

static void intake_draw(struct app *app, void *state, const struct rect *r)
{
	struct intake *st = state;
	(void)app;
	if (st->dups) {
		char *h = trs(MSG_DESK_DUP_HEADING, st->no);
		term_text(r->y + 1, r->x + 2, r->w - 4, h, COL_ERROR, ALIGN_LEFT);
		free(h);
		struct rect tr_ = {r->y + 3, r->x, r->h - 3, r->w};
		table_layout(st->dups, tr_.w);
		table_draw(st->dups, &tr_);
		return;
	}
	term_text(r->y + 1, r->x + 2, r->w - 4, tr(MSG_DESK_INTAKE_HEADING), COL_KEY, ALIGN_LEFT);
	struct rect fr = {r->y + 3, r->x + 2, r->h - 3, r->w - 4};
	form_draw(&st->form, &fr);
}

/* The form's keys while it shows; the list's once duplicates were found. */
static int intake_offers(struct app *app, void *state, enum action_id a)
{
	struct intake *st = state;
	(void)app;
	switch (a) {
	case ACT_DESK_SUBMIT:
	case ACT_FORM_NEXT:
	case ACT_FORM_PREV: return !st->dups;
	case ACT_DESK_MERGE:
	case ACT_DESK_APART: return st->dups && st->dups->lb.selected >= 0;
	case ACT_UP:
	case ACT_DOWN: return st->dups && st->dups->lb.count > 1;
	default: return 1;
	}
}

/* The form takes Tab, Up, Down and Enter itself (form_key); the list of
 * duplicates after a registration has them as actions, UP and DOWN first. */
static const enum action_id intake_actions[] = {ACT_DESK_SUBMIT, ACT_DESK_MERGE, ACT_DESK_APART,
                                                ACT_FORM_CANCEL, ACT_UP,         ACT_DOWN,
                                                ACT_FORM_NEXT,   ACT_FORM_PREV,  ACT_NONE};

const struct screen screen_complaint_intake = {
    .name = "complaint.intake",
    .title = MSG_DESK_INTAKE_TITLE,
    .actions = intake_actions,
    .enter = intake_enter,
    .leave = intake_leave,
    .draw = intake_draw,
    .key = intake_key,
    .action = intake_action,
    .offers = intake_offers,
    .tick = intake_tick,
};

const struct screen screen_complaint_intake_draft = {
    .name = "complaint.intake.draft",
    .title = MSG_DESK_INTAKE_TITLE,
    .actions = intake_actions,
    .enter = intake_draft_enter,
    .leave = intake_leave,
    .draw = intake_draw,
    .key = intake_key,
    .action = intake_action,
    .offers = intake_offers,
    .tick = intake_tick,
};
