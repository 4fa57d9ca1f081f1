/* One item of the 12315 desk: its fields, its running clock (deadline,
 * working days left, the article that sets it) and the timeline of every
 * step. The key line offers only the steps the item's state allows (the
 * database checks again); e opens the respondent's profile, l the clock's
 * article in the policy base (screens/policy_article.c, where the law's
 * other articles are a key away). The item is read without blocking and read again
 * when a NOTIFY says it changed (another handler's step included). */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "db/listen.h"
#include "screens/complaint.h"
#include "screens/screens.h"
#include "ui/fetch.h"
#include "ui/term.h"

enum { MAX_ACTIONS = 24 };

struct item {
	enum desk_kind kind;
	char *id;
	PGresult *res;     /* the last page read (fields and timeline) */
	struct fetch read; /* its reading; read.error: why it failed */
	int top;           /* first line shown (scrolling) */
};

/* The actions of the screen now: rebuilt from the item's kind and state
 * (one item screen is open at a time). */
static enum action_id item_actions[MAX_ACTIONS];

static const char *field(const struct item *st, const char *name)
{
	for (int r = 0; st->res && r < PQntuples(st->res); r++)
		if (*PQgetvalue(st->res, r, 0) == 'f' &&
		    strcmp(PQgetvalue(st->res, r, 1), name) == 0)
			return PQgetisnull(st->res, r, 4) ? NULL : PQgetvalue(st->res, r, 4);
	return NULL;
}

/* Whether the item is still being worked on (rights.desk_open in SQL). */
static int rights_open(enum desk_kind k, const char *s)
{
	static const char *const open[DK_COUNT][7] = {
	    {"draft", "registered", "accepted", "mediating", "mediated", "terminated", NULL},
	    {"registered", "verifying", "decided", NULL},
	    {"open", NULL}};
	for (int i = 0; open[k][i]; i++)
		if (strcmp(open[k][i], s) == 0)
			return 1;
	return 0;
}

static void set_actions(struct item *st)
{
	const char *s = field(st, "state");
	const char *clock = field(st, "clock_code");
	int paused = field(st, "paused_since") != NULL, n = 0;
	enum action_id *a = item_actions;
#define ADD(x) (n < MAX_ACTIONS - 4 ? (void)(a[n++] = (x)) : (void)0)
	if (s && st->kind == DK_COMPLAINT) {
		if (!strcmp(s, "draft") || !strcmp(s, "registered")) {
			ADD(ACT_COMPLAINT_ACCEPT);
			ADD(ACT_COMPLAINT_REJECT);
		}
		if (!strcmp(s, "accepted"))
			ADD(ACT_COMPLAINT_MEDIATE);
		if ((!strcmp(s, "accepted") || !strcmp(s, "mediating")) && !paused) {
			ADD(ACT_COMPLAINT_AGREE);
			ADD(ACT_COMPLAINT_TERMINATE);
		}
		if ((!strcmp(s, "mediated") || !strcmp(s, "terminated")) && clock)
			ADD(ACT_COMPLAINT_NOTIFY);
		if ((!strcmp(s, "mediated") || !strcmp(s, "terminated")) && !clock)
			ADD(ACT_COMPLAINT_CLOSE);
	} else if (s && st->kind == DK_REPORT) {
		if (!strcmp(s, "registered"))
			ADD(ACT_TIPOFF_VERIFY);
		if ((!strcmp(s, "registered") || !strcmp(s, "verifying")) && !paused)
			ADD(ACT_TIPOFF_DECIDE);
		if (!strcmp(s, "decided") && clock)
			ADD(ACT_TIPOFF_INFORM);
		if (!strcmp(s, "decided") && !clock)
			ADD(ACT_TIPOFF_CLOSE);
	} else if (s && !strcmp(s, "open")) {
		ADD(ACT_CONSULT_ANSWER);
	}
	int open = s && rights_open(st->kind, s);
	if (open && clock) {
		if (paused)
			ADD(ACT_DESK_RESUME);
		else if (!strcmp(clock, "complaint_mediate") || !strcmp(clock, "report_verify"))
			ADD(ACT_DESK_PAUSE);
		if (strcmp(clock, "complaint_accept") != 0)
			ADD(ACT_DESK_EXTEND);
	}
	if (open) {
		ADD(ACT_DESK_ASSIGN);
		ADD(ACT_DESK_TRANSFER);
	}
	if (field(st, "uscc"))
		ADD(ACT_DESK_PROFILE);
	if (field(st, "clock_law"))
		ADD(ACT_DESK_ARTICLE);
	a[n++] = ACT_UP;
	a[n++] = ACT_DOWN;
	a[n++] = ACT_BACK;
	a[n] = ACT_NONE;
#undef ADD
}

static void *item_enter(struct app *app, void *arg)
{
	const struct desk_step_arg *a = arg;
	struct item *st = xcalloc(1, sizeof *st);
	st->kind = a->kind;
	st->id = xstrdup(strbuf_str(&a->ids));
	fetch_init(&st->read, st);
	fetch_want(&st->read, app);
	set_actions(st);
	app_subscribe(app, st, DESK_CHANNEL);
	return st;
}

static void item_leave(struct app *app, void *state)
{
	struct item *st = state;
	fetch_free(&st->read, app);
	if (st->res)
		PQclear(st->res);
	free(st->id);
	free(st);
}

void desk_item_open(struct app *app, enum desk_kind k, const char *id)
{
	struct desk_step_arg a = {.kind = k};
	strbuf_init(&a.ids);
	strbuf_add(&a.ids, id);
	app_push(app, &screen_complaint_item, &a);
	strbuf_free(&a.ids);
}

static enum status send(struct app *app, void *ctx, struct db_error *err)
{
	struct item *st = ctx;
	const char *p[] = {desk_kind_key(st->kind), st->id};
	return db_async_send(&app->db, desk_item_page_sql(), 2, p, err);
}

static int item_tick(struct app *app, void *state)
{
	struct item *st = state;
	PGresult *res;
	if (!fetch_tick(&st->read, app, send, st, &res))
		return 0;
	if (res) {
		if (st->res)
			PQclear(st->res);
		st->res = res;
		set_actions(st);
	}
	return SCR_HANDLED;
}

static void item_notify(struct app *app, void *state, const char *channel, const char *payload)
{
	struct item *st = state;
	(void)channel;
	/* re-read only for this item */
	if (db_payload_has(payload, "id", st->id) && strstr(payload, desk_kind_key(st->kind)))
		fetch_want(&st->read, app);
}

/* The lines of the screen: fields, the clock, the timeline. */
static void build_lines(const struct item *st, struct strbuf *out)
{
	int en = strcmp(tr(MSG_DESK_KIND_COMPLAINT), "complaint") == 0;
	static const char *const skip[] = {"kind",
	                                   "state",
	                                   "clock",
	                                   "clock_code",
	                                   "clock_article",
	                                   "clock_law",
	                                   "clock_article_no",
	                                   "clock_start",
	                                   "clock_workdays",
	                                   "clock_due",
	                                   "remaining",
	                                   "used_pct",
	                                   "band",
	                                   "paused_since",
	                                   "id",
	                                   "entity_id",
	                                   NULL};
	const char *due = field(st, "clock_due");
	if (due) {
		const char *ps = field(st, "paused_since");
		struct strbuf when = STRBUF_INIT;
		if (ps)
			trf(&when, MSG_DESK_CLOCK_PAUSED, ps);
		else
			strbuf_add(&when, field(st, "clock_article"));
		trf(out, MSG_DESK_CLOCK_LINE, field(st, "clock"), due, field(st, "remaining"),
		    strbuf_str(&when));
		strbuf_addc(out, '\n');
		if (ps)
			strbuf_addf(out, "%s\n", field(st, "clock_article"));
		strbuf_free(&when);
	}
	for (int r = 0; st->res && r < PQntuples(st->res); r++) {
		if (*PQgetvalue(st->res, r, 0) != 'f' || PQgetisnull(st->res, r, 4))
			continue;
		int hide = 0;
		for (int i = 0; skip[i]; i++)
			hide |= strcmp(PQgetvalue(st->res, r, 1), skip[i]) == 0;
		if (!hide)
			strbuf_addf(out, "%s：%s\n", PQgetvalue(st->res, r, en ? 3 : 2),
			            PQgetvalue(st->res, r, 4));
	}
	strbuf_addf(out, "\n%s\n", tr(MSG_DESK_TIMELINE));
	for (int r = 0; st->res && r < PQntuples(st->res); r++) {
		if (*PQgetvalue(st->res, r, 0) != 't')
			continue;
		strbuf_addf(out, "%s  %s  %s → %s  %s\n", PQgetvalue(st->res, r, 2),
		            PQgetvalue(st->res, r, 3), desk_action_label(PQgetvalue(st->res, r, 1)),
		            PQgetvalue(st->res, r, 4), PQgetvalue(st->res, r, 5));
	}
}

static void item_draw(struct app *app, void *state, const struct rect *r)
{
	struct item *st = state;
	(void)app;
	const char *no = field(st, "item_no"), *band = field(st, "band");
	struct strbuf head = STRBUF_INIT;
	if (no)
		strbuf_addf(&head, "%s %s  %s", field(st, "kind"), no, field(st, "state_label"));
	else
		strbuf_add(&head, tr(MSG_DESK_QUEUE_LOADING));
	int c = !band                     ? COL_KEY
	        : !strcmp(band, "red")    ? COL_ERROR
	        : !strcmp(band, "yellow") ? COL_MATCH
	                                  : COL_OK;
	term_text(r->y, r->x, r->w, strbuf_str(&head), c, ALIGN_LEFT);
	strbuf_free(&head);
	if (st->read.error.len)
		term_text(r->y + 1, r->x, r->w, strbuf_str(&st->read.error), COL_ERROR, ALIGN_LEFT);
	struct strbuf text = STRBUF_INIT;
	build_lines(st, &text);
	const char *p = strbuf_str(&text);
	int line = 0, y = r->y + 2;
	while (*p && y < r->y + r->h) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (line++ >= st->top) {
			char *one = xmalloc(len + 1);
			memcpy(one, p, len);
			one[len] = '\0';
			term_text(y++, r->x, r->w, one, COL_NORMAL, ALIGN_LEFT);
			free(one);
		}
		p += len + (nl ? 1 : 0);
	}
	strbuf_free(&text);
}

/* The step an action takes, or DS_COUNT. */
static enum desk_step step_of(enum action_id a)
{
	switch (a) {
	case ACT_COMPLAINT_ACCEPT: return DS_ACCEPT;
	case ACT_COMPLAINT_REJECT: return DS_REJECT;
	case ACT_COMPLAINT_MEDIATE: return DS_MEDIATE;
	case ACT_COMPLAINT_AGREE: return DS_AGREE;
	case ACT_COMPLAINT_TERMINATE: return DS_TERMINATE;
	case ACT_COMPLAINT_NOTIFY: return DS_NOTIFY;
	case ACT_COMPLAINT_CLOSE: return DS_CLOSE;
	case ACT_TIPOFF_VERIFY: return DS_VERIFY;
	case ACT_TIPOFF_DECIDE: return DS_DECIDE;
	case ACT_TIPOFF_INFORM: return DS_INFORM;
	case ACT_TIPOFF_CLOSE: return DS_TIP_CLOSE;
	case ACT_CONSULT_ANSWER: return DS_ANSWER;
	case ACT_DESK_PAUSE: return DS_PAUSE;
	case ACT_DESK_RESUME: return DS_RESUME;
	case ACT_DESK_EXTEND: return DS_EXTEND;
	case ACT_DESK_ASSIGN: return DS_ASSIGN;
	case ACT_DESK_TRANSFER: return DS_TRANSFER;
	default: return DS_COUNT;
	}
}

static int item_action(struct app *app, void *state, enum action_id a)
{
	struct item *st = state;
	if (a == ACT_BACK)
		return SCR_POP;
	if (a == ACT_UP || a == ACT_DOWN) {
		st->top += a == ACT_DOWN ? 1 : (st->top > 0 ? -1 : 0);
		return SCR_HANDLED;
	}
	if (a == ACT_DESK_PROFILE) {
		const char *uscc = field(st, "uscc");
		if (uscc)
			app_push(app, &screen_entity_profile, (void *)uscc);
		else
			app_message(app, MSGK_INFO, tr(MSG_DESK_NO_RESPONDENT));
		return SCR_HANDLED;
	}
	if (a == ACT_DESK_ARTICLE) {
		const char *law = field(st, "clock_law"), *no = field(st, "clock_article_no");
		if (law && no)
			screen_policy_article(app, law, no);
		return SCR_HANDLED;
	}
	enum desk_step s = step_of(a);
	if (s == DS_COUNT || !field(st, "item_no"))
		return SCR_UNHANDLED;
	struct desk_step_arg *arg = desk_step_arg_new(s);
	const char *k = desk_kind_key(st->kind);
	desk_step_arg_add(arg, k, strlen(k), st->id);
	free(arg->no);
	arg->no = xstrdup(field(st, "item_no"));
	if (desk_step_open(app, arg) != 0)
		desk_step_arg_free(arg);
	fetch_want(&st->read, app); /* read again when the step's form closes */
	return SCR_HANDLED;
}

const struct screen screen_complaint_item = {
    .name = "complaint.item",
    .title = MSG_DESK_ITEM_TITLE,
    .actions = item_actions,
    .enter = item_enter,
    .leave = item_leave,
    .draw = item_draw,
    .action = item_action,
    .tick = item_tick,
    .notify = item_notify,
};
