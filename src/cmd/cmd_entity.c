/* Commands of entity lookup: entity search, show, history, export,
 * elevator, plans and candidate. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/uscc.h"
#include "base/width.h"
#include "base/xalloc.h"
#include "cmd/command.h"
#include "domain/audit.h"
#include "domain/entity.h"
#include "domain/entity_action.h"
#include "domain/entity_elevator.h"
#include "domain/entity_profile.h"
#include "print/entity_rows.h"

/* The message of a failed call, and its status. */
static enum status fail_db(struct cmd_ctx *ctx, struct db_error *err)
{
	enum status st = cmd_db_fail(ctx, err);
	db_error_free(err);
	return st;
}

static enum status usage(struct cmd_ctx *ctx, enum msg_id m, const char *arg)
{
	char *msg = trs(m, arg);
	enum status st = cmd_fail(ctx, ST_USAGE, msg);
	free(msg);
	return st;
}

/* A positive number of rows from --limit (default dflt). Returns 0 or -1. */
static int parse_limit(const struct cmd_args *a, int dflt, int *out)
{
	const char *v = cmd_opt(a, "limit");
	char *end;
	if (!v) {
		*out = dflt;
		return 0;
	}
	errno = 0;
	long n = strtol(v, &end, 10);
	if (errno || *end || n < 1 || n > 1000)
		return -1;
	*out = (int)n;
	return 0;
}

/* Tells, on the error stream, what is wrong with a mistyped code. */
static void explain_code(struct cmd_ctx *ctx, const char *given)
{
	struct strbuf code = STRBUF_INIT, msg = STRBUF_INIT;
	struct uscc_result r;
	uscc_normalize(given, &code);
	if (uscc_check(strbuf_str(&code), &r) != USCC_VALID) {
		uscc_describe(&r, &msg);
		fprintf(ctx->err, "smcon: %s %s\n", strbuf_str(&code), strbuf_str(&msg));
	}
	strbuf_free(&code);
	strbuf_free(&msg);
}

/* ---- entity search ---------------------------------------------------- */

static const char *const filter_opts[EFL_COUNT] = {"district", "type", "industry", "status",
						    "from",     "to",   "risk"};

static enum status search_query(struct cmd_ctx *ctx, const struct cmd_args *a, struct entity_query *q)
{
	struct strbuf text = STRBUF_INIT;
	for (int i = 0; i < a->argc; i++)
		strbuf_addf(&text, "%s%s", i ? " " : "", a->argv[i]);
	entity_query_set(&q->text, strbuf_str(&text));
	strbuf_free(&text);
	for (int i = 0; i < EFL_COUNT; i++)
		entity_query_set(&q->filter[i], cmd_opt(a, filter_opts[i]));
	entity_query_set(&q->within, cmd_opt(a, "within"));
	const char *sort = cmd_opt(a, "sort");
	if (sort && entity_sort_parse(sort, &q->sort) != 0)
		return usage(ctx, MSG_ENTITY_BAD_SORT, sort);
	q->descending = cmd_opt(a, "desc") != NULL;
	if (parse_limit(a, 50, &q->page_size) != 0)
		return usage(ctx, MSG_ENTITY_BAD_LIMIT, cmd_opt(a, "limit"));
	return ST_OK;
}

/* Notes on the error stream: how the input was taken, what was left out. */
static void search_notes(struct cmd_ctx *ctx, const struct entity_query *q, const struct entity_page *p)
{
	enum entity_kind k = entity_classify(q->text);
	if (k == EK_TEXT && entity_text_length(q->text) == 1)
		fprintf(ctx->err, "smcon: %s\n", tr(MSG_ENTITY_ONE_CHAR));
	if (p->capped)
		fprintf(ctx->err, "smcon: %s\n", tr(MSG_ENTITY_CAPPED));
	if (entity_page_more(p)) {
		char *m = trs(MSG_ENTITY_MORE_ROWS, p->n, p->total);
		fprintf(ctx->err, "smcon: %s\n", m);
		free(m);
	}
}

static enum status run_entity_search(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct entity_query q;
	struct entity_page page;
	struct db_error err;
	entity_query_init(&q);
	entity_page_init(&page);
	db_error_init(&err);
	enum status st = search_query(ctx, args, &q);
	if (st != ST_OK)
		goto cleanup;
	enum entity_kind kind = entity_classify(q.text);
	if (kind == EK_EMPTY) {
		st = cmd_fail(ctx, ST_USAGE, tr(MSG_ENTITY_KIND_EMPTY));
		goto cleanup;
	}
	int bad_code = kind == EK_USCC && !entity_code_valid(q.text);
	if (bad_code)
		explain_code(ctx, q.text);
	st = entity_search(ctx->db, &q, &page, &err);
	if (st != ST_OK) {
		st = cmd_db_fail(ctx, &err);
		goto cleanup;
	}
	if (bad_code)
		fprintf(ctx->err, "smcon: %s\n", tr(MSG_ENTITY_NO_EXACT));
	if (bad_code && page.n > 0)
		fprintf(ctx->err, "smcon: %s\n", tr(MSG_ENTITY_NEAR_CODES));
	/* a search that finds nothing has an empty result, not an error (exit 0) */
	if (page.n == 0 && ctx->format == FMT_TABLE)
		fprintf(ctx->out, "%s\n", tr(MSG_ENTITY_NONE));
	cmd_print(ctx, entity_hits_rowset(&page, ctx->format != FMT_TABLE));
	fflush(ctx->out);
	search_notes(ctx, &q, &page);
cleanup:
	entity_query_free(&q);
	entity_page_free(&page);
	db_error_free(&err);
	return st;
}

/* ---- entity show, history, export -------------------------------------- */

/* Header fields a table leaves out (codes and flags the labels already say). */
static int header_hidden(enum entity_field f)
{
	return f == EF_ID || f == EF_TYPE_CODE || f == EF_MARKET_ENTITY || f == EF_REP_TITLE ||
	       f == EF_STATUS || f == EF_IN_BUSINESS || f == EF_REG_DIVISION_CODE ||
	       f == EF_DIVISION_CODE || f == EF_INDUSTRY_CODE || f == EF_SECTION;
}

static struct rowset *header_rowset(const struct entity_profile *p, int machine)
{
	int shown[EF_COUNT], n = 0;
	for (int f = 0; f < EF_COUNT; f++)
		if (machine || (!header_hidden((enum entity_field)f) && *entity_profile_get(p, f)))
			shown[n++] = f;
	struct rowset *rs = rowset_new(n);
	rs->record = 1;
	int row = rowset_add_row(rs);
	for (int i = 0; i < n; i++) {
		enum entity_field f = (enum entity_field)shown[i];
		const char *label = f == EF_REP_NAME && *entity_profile_get(p, EF_REP_TITLE)
					    ? entity_profile_get(p, EF_REP_TITLE)
					    : tr(entity_field_label(f));
		rowset_col(rs, i, entity_field_key(f), label,
			   f == EF_CAPITAL || f == EF_RISK_SCORE || f == EF_ID ? CT_NUMBER
			   : f == EF_MARKET_ENTITY || f == EF_IN_BUSINESS    ? CT_BOOL
									     : CT_TEXT);
		char *v = machine ? xstrdup(entity_profile_get(p, f)) : entity_profile_shown(p, f);
		if (machine && (f == EF_MARKET_ENTITY || f == EF_IN_BUSINESS))
			rowset_set(rs, row, i, strcmp(v, "t") == 0 ? "true" : "false");
		else
			rowset_set(rs, row, i, *v ? v : NULL);
		free(v);
	}
	return rs;
}

/* The facts of one tab (or every tab) as rows. */
static void facts_rows(struct rowset *rs, const struct entity_profile *p, enum entity_tab t,
		       int with_tab, int machine)
{
	struct strbuf src = STRBUF_INIT;
	const struct entity_rows *r = &p->tab[t];
	for (int i = 0; i < r->n; i++) {
		int row = rowset_add_row(rs), c = 0;
		if (with_tab)
			rowset_set(rs, row, c++, machine ? entity_tab_name(t) : tr(entity_tab_label(t)));
		static const enum entity_fact_col table[] = {EFC_ON, EFC_CATEGORY, EFC_SUMMARY, EFC_STATUS,
							     EFC_DETAIL};
		static const enum entity_fact_col all[] = {EFC_ON,     EFC_CATEGORY, EFC_SUMMARY,
							   EFC_STATUS, EFC_DETAIL,   EFC_THEME,
							   EFC_SOURCE, EFC_LOADED_AT, EFC_REF_TABLE,
							   EFC_REF_ID};
		int n = machine ? 10 : 5;
		for (int k = 0; k < n; k++) {
			const char *v = entity_rows_get(r, i, machine ? all[k] : table[k]);
			rowset_set(rs, row, c++, *v || !machine ? v : NULL);
		}
		if (!machine) {
			strbuf_reset(&src);
			entity_fact_source(r, i, &src);
			rowset_set(rs, row, c, strbuf_str(&src));
		}
	}
	strbuf_free(&src);
}

static struct rowset *facts_rowset(int with_tab, int machine)
{
	static const char *const keys[] = {"fact_on", "category", "summary", "status", "detail",
					   "theme",   "source_system", "loaded_at", "ref_table", "ref_id"};
	static const enum msg_id labels[] = {MSG_ENTITY_COL_DATE, MSG_ENTITY_COL_CATEGORY,
					     MSG_ENTITY_COL_SUMMARY, MSG_ENTITY_COL_STATUS,
					     MSG_ENTITY_COL_DETAIL};
	int n = machine ? 10 : 6, c = 0;
	struct rowset *rs = rowset_new(n + with_tab);
	if (with_tab)
		rowset_col(rs, c++, "tab", tr(MSG_ENTITY_COL_TAB), CT_TEXT);
	for (int k = 0; k < n; k++) {
		if (!machine && k == 5)
			rowset_col(rs, c++, "source", tr(MSG_ENTITY_COL_SOURCE), CT_TEXT);
		else
			rowset_col(rs, c++, keys[k], machine ? NULL : tr(labels[k]),
				   k == 9 ? CT_NUMBER : CT_TEXT);
	}
	return rs;
}

static struct rowset *risk_rowset(const struct entity_profile *p)
{
	struct rowset *rs = rowset_new(ERC_COUNT);
	for (int c = 0; c < ERC_COUNT; c++)
		rowset_col(rs, c, entity_risk_key((enum entity_risk_col)c), NULL,
			   c == ERC_SCORE || c == ERC_POINTS || c == ERC_SOURCE_ID ? CT_NUMBER : CT_TEXT);
	for (int r = 0; r < p->risk.n; r++) {
		int row = rowset_add_row(rs);
		for (int c = 0; c < ERC_COUNT; c++) {
			const char *v = entity_rows_get(&p->risk, r, c);
			if (c == ERC_MANUAL)
				v = strcmp(v, "t") == 0 ? "true" : "false";
			rowset_set(rs, row, c, *v ? v : NULL);
		}
	}
	return rs;
}

/* Loads the header; not found is an error that says why (and how a code is wrong). */
static enum status load_header(struct cmd_ctx *ctx, struct entity_profile *p, const char *code)
{
	struct db_error err;
	db_error_init(&err);
	if (entity_profile_call(ctx->db, p, EC_HEADER, ET_REGISTRATION, 1, &err) != ST_OK)
		return fail_db(ctx, &err);
	db_error_free(&err);
	if (p->found)
		return ST_OK;
	explain_code(ctx, code);
	char *m = trs(MSG_ENTITY_NOT_FOUND, p->uscc);
	enum status st = cmd_fail(ctx, ST_NOTFOUND, m);
	free(m);
	return st;
}

/* Prints the facts of tab (ET_COUNT: every tab; -1: the risk facts). */
static enum status show_facts(struct cmd_ctx *ctx, struct entity_profile *p, int tab, int limit)
{
	struct db_error err;
	db_error_init(&err);
	int machine = ctx->format != FMT_TABLE;
	enum entity_call call = tab < 0 ? EC_RISK : tab == ET_COUNT ? EC_TABS : EC_MORE;
	if (entity_profile_call(ctx->db, p, call, tab < 0 || tab == ET_COUNT ? ET_REGISTRATION
									      : (enum entity_tab)tab,
				limit, &err) != ST_OK)
		return fail_db(ctx, &err);
	db_error_free(&err);
	if (tab < 0) {
		cmd_print(ctx, risk_rowset(p));
		return ST_OK;
	}
	struct rowset *rs = facts_rowset(tab == ET_COUNT, machine);
	for (int t = 0; t < ET_COUNT; t++)
		if (tab == ET_COUNT || t == tab)
			facts_rows(rs, p, (enum entity_tab)t, tab == ET_COUNT, machine);
	cmd_print(ctx, rs);
	fflush(ctx->out);
	for (int t = 0; t < ET_COUNT; t++)
		if ((tab == ET_COUNT || t == tab) && p->hidden[t]) {
			char *m = trs(MSG_ENTITY_TAB_HIDDEN_CMD,
			              tr(entity_tab_label((enum entity_tab)t)));
			fprintf(ctx->err, "smcon: %s\n", m);
			free(m);
		}
	for (int t = 0; t < ET_COUNT; t++)
		if ((tab == ET_COUNT || t == tab) && entity_profile_more(p, (enum entity_tab)t)) {
			char *m = trs(MSG_ENTITY_TAB_MORE, tr(entity_tab_label((enum entity_tab)t)),
				      p->tab[t].n, p->total[t]);
			fprintf(ctx->err, "smcon: %s\n", m);
			free(m);
		}
	return ST_OK;
}

/* The tab --tab names: a tab, ET_COUNT for "all", -1 for "risk"; -2 when unknown. */
static int tab_arg(const char *v)
{
	enum entity_tab t;
	if (!v)
		return -3;
	if (strcmp(v, "all") == 0)
		return ET_COUNT;
	if (strcmp(v, "risk") == 0)
		return -1;
	return entity_tab_parse(v, &t) == 0 ? (int)t : -2;
}

static enum status run_entity_show(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	int tab = tab_arg(cmd_opt(args, "tab")), limit;
	if (tab == -2)
		return usage(ctx, MSG_ENTITY_BAD_TAB, cmd_opt(args, "tab"));
	if (parse_limit(args, 50, &limit) != 0)
		return usage(ctx, MSG_ENTITY_BAD_LIMIT, cmd_opt(args, "limit"));
	struct entity_profile p;
	entity_profile_init(&p, args->argv[0]);
	enum status st = load_header(ctx, &p, args->argv[0]);
	if (st == ST_OK && tab == -3)
		cmd_print(ctx, header_rowset(&p, ctx->format != FMT_TABLE));
	else if (st == ST_OK)
		st = show_facts(ctx, &p, tab, limit);
	entity_profile_free(&p);
	return st;
}

static enum status run_entity_history(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct entity_profile p;
	entity_profile_init(&p, args->argv[0]);
	enum status st = load_header(ctx, &p, args->argv[0]);
	if (st == ST_OK)
		st = show_facts(ctx, &p, ET_REGISTRATION, 1000);
	entity_profile_free(&p);
	return st;
}

static enum status run_entity_export(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct entity_profile p;
	struct db_error err;
	struct strbuf raw = STRBUF_INIT, text = STRBUF_INIT;
	const char *path = cmd_opt(args, "output");
	db_error_init(&err);
	entity_profile_init(&p, args->argv[0]);
	enum status st = entity_profile_load(ctx->db, &p, 1000, &err);
	if (st == ST_NOTFOUND)
		explain_code(ctx, args->argv[0]);
	if (st != ST_OK) {
		st = cmd_db_fail(ctx, &err);
		goto cleanup;
	}
	entity_profile_text(&p, &raw);
	entity_export_footer(ctx->session, &raw);
	/* stored text may predate 0182: no control reaches a terminal or the file */
	width_sanitize_text(&text, strbuf_str(&raw));
	struct audit_output note = {
	    "export", "entity_profile", p.uscc, path ? path : "-", "text", -1, NULL, NULL};
	if (audit_output_note(ctx->db, &note, &err) != ST_OK) {
		st = cmd_db_fail(ctx, &err);
	} else if (!path) {
		fputs(strbuf_str(&text), ctx->out);
	} else if (entity_write_file(path, &text, &err) != ST_OK) {
		st = cmd_db_fail(ctx, &err);
	} else {
		char *m = trs(MSG_ENTITY_EXPORTED, path);
		fprintf(ctx->err, "smcon: %s\n", m);
		free(m);
	}
cleanup:
	strbuf_free(&raw);
	strbuf_free(&text);
	entity_profile_free(&p);
	db_error_free(&err);
	return st;
}

/* ---- entity elevator, plans, candidate --------------------------------- */

/* The JSON types of the elevator card's and its incidents' columns. */
static enum col_type elevator_type(enum elevator_col c)
{
	switch (c) {
	case EV_ID:
	case EV_LOAD:
	case EV_SPEED:
	case EV_FLOORS: return CT_NUMBER;
	case EV_URBAN:
	case EV_OVERDUE: return CT_BOOL;
	default: return CT_TEXT;
	}
}

static enum col_type incident_type(enum incident_col c)
{
	switch (c) {
	case EI_ID:
	case EI_TRAPPED:
	case EI_LEVEL:
	case EI_ARRIVAL:
	case EI_LIMIT: return CT_NUMBER;
	case EI_INJURED: return CT_BOOL;
	default: return CT_TEXT;
	}
}

static enum status run_entity_elevator(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct elevator ev;
	struct db_error err;
	db_error_init(&err);
	elevator_init(&ev);
	enum status st = elevator_load_code(ctx->db, args->argv[0], &ev, &err);
	if (st != ST_OK) {
		st = cmd_db_fail(ctx, &err);
	} else {
		struct rowset *rs = rowset_new(EV_COUNT);
		rs->record = 1;
		int row = rowset_add_row(rs);
		for (int c = 0; c < EV_COUNT; c++) {
			rowset_col(rs, c, elevator_key((enum elevator_col)c),
			           tr(elevator_label((enum elevator_col)c)),
			           elevator_type((enum elevator_col)c));
			rowset_set(rs, row, c, ev.v[c]);
		}
		struct rowset *in = rowset_new(EI_COUNT);
		for (int c = 0; c < EI_COUNT; c++)
			rowset_col(in, c, incident_key((enum incident_col)c),
			           ctx->format == FMT_TABLE
			               ? tr(incident_label((enum incident_col)c))
			               : NULL,
			           incident_type((enum incident_col)c));
		for (int r = 0; r < ev.incidents.n; r++) {
			row = rowset_add_row(in);
			for (int c = 0; c < EI_COUNT; c++)
				rowset_set(in, row, c, entity_rows_get(&ev.incidents, r, c));
		}
		if (ctx->format == FMT_JSON) {
			/* one document: the card with its incidents inside */
			rs->child = in;
			rs->child_key = "incidents";
			cmd_print(ctx, rs);
		} else {
			cmd_print(ctx, rs);
			fprintf(ctx->out, "\n");
			cmd_print(ctx, in);
		}
		if (ev.incidents_hidden) {
			fflush(ctx->out);
			fprintf(ctx->err, "smcon: %s\n", tr(MSG_ELEVATOR_INCIDENTS_HIDDEN_CMD));
		}
	}
	elevator_free(&ev);
	db_error_free(&err);
	return st;
}

static enum status run_entity_plans(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct entity_rows plans;
	struct db_error err;
	(void)args;
	db_error_init(&err);
	enum status st = plan_list(ctx->db, &plans, &err);
	if (st != ST_OK)
		return fail_db(ctx, &err);
	struct rowset *rs = rowset_new(PL_COUNT);
	for (int c = 0; c < PL_COUNT; c++)
		rowset_col(rs, c, plan_key((enum plan_col)c),
			   ctx->format == FMT_TABLE ? tr(plan_label((enum plan_col)c)) : NULL,
			   c == PL_CANDIDATES ? CT_NUMBER : CT_TEXT);
	for (int r = 0; r < plans.n; r++) {
		int row = rowset_add_row(rs);
		for (int c = 0; c < PL_COUNT; c++)
			rowset_set(rs, row, c, entity_rows_get(&plans, r, c));
	}
	cmd_print(ctx, rs);
	entity_rows_free(&plans);
	db_error_free(&err);
	return ST_OK;
}

static enum status run_entity_plan_add(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	struct db_error err;
	db_error_init(&err);
	const char *plan = cmd_opt(args, "plan");
	if (!plan || !*plan) {
		db_error_free(&err);
		return usage(ctx, MSG_ENTITY_NEED_PLAN, "");
	}
	if (plan_add(ctx->db, plan, args->argv[0], cmd_opt(args, "note"), &err) != ST_OK)
		return fail_db(ctx, &err);
	char *m = trs(MSG_ENTITY_PLAN_ADDED, args->argv[0], plan);
	fprintf(ctx->out, "%s\n", m);
	free(m);
	db_error_free(&err);
	return ST_OK;
}

static enum status run_entity_complaint(struct cmd_ctx *ctx, const struct cmd_args *args)
{
	const char *v[CF_COUNT];
	for (int f = 0; f < CF_COUNT; f++) {
		v[f] = cmd_opt(args, complaint_field_key((enum complaint_field)f));
		if (f != CF_SUBJECT && (!v[f] || !*v[f]))
			return usage(ctx, MSG_COMPLAINT_NEED, complaint_field_key((enum complaint_field)f));
	}
	struct complaint_receipt rc;
	struct db_error err;
	db_error_init(&err);
	if (complaint_register(ctx->db, args->argv[0], v, cmd_opt(args, "channel"), &rc, &err) != ST_OK)
		return fail_db(ctx, &err);
	if (ctx->format == FMT_TABLE) {
		char *m = complaint_receipt_message(&rc);
		fprintf(ctx->out, "%s\n", m);
		free(m);
	} else {
		struct rowset *rs = rowset_new(4);
		rs->record = 1;
		rowset_col(rs, 0, "complaint_no", tr(MSG_COMPLAINT_COL_NO), CT_TEXT);
		rowset_col(rs, 1, "handling_org", tr(MSG_COMPLAINT_COL_ORG), CT_TEXT);
		rowset_col(rs, 2, "decide_by", tr(MSG_COMPLAINT_COL_DECIDE_BY), CT_TEXT);
		rowset_col(rs, 3, "decide_by_provisional", tr(MSG_CAL_COL_PROVISIONAL), CT_BOOL);
		int r = rowset_add_row(rs);
		rowset_set(rs, r, 0, strbuf_str(&rc.complaint_no));
		rowset_set(rs, r, 1, strbuf_str(&rc.handling_org));
		rowset_set(rs, r, 2, strbuf_str(&rc.decide_by));
		rowset_set(rs, r, 3, rc.decide_by_provisional ? "t" : "f");
		cmd_print(ctx, rs);
	}
	complaint_receipt_free(&rc);
	db_error_free(&err);
	return ST_OK;
}

static const struct cmd_opt search_opts[] = {
	{"district", 1, MSG_OPT_ENTITY_DISTRICT, "DISTRICT"},
	{"type", 1, MSG_OPT_ENTITY_TYPE, "TYPE"},
	{"industry", 1, MSG_OPT_ENTITY_INDUSTRY, "SECTION"},
	{"status", 1, MSG_OPT_ENTITY_STATUS, "STATUS"},
	{"from", 1, MSG_OPT_ENTITY_FROM, "DATE"},
	{"to", 1, MSG_OPT_ENTITY_TO, "DATE"},
	{"risk", 1, MSG_OPT_ENTITY_RISK, "GRADE"},
	{"within", 1, MSG_OPT_ENTITY_WITHIN, "TEXT"},
	{"sort", 1, MSG_OPT_ENTITY_SORT, "KEY"},
	{"desc", 0, MSG_OPT_ENTITY_DESC, NULL},
	{"limit", 1, MSG_OPT_ENTITY_LIMIT, "N"},
	{NULL, 0, MSG_EMPTY, NULL},
};

static const struct cmd_opt show_opts[] = {
	{"tab", 1, MSG_OPT_ENTITY_TAB, "TAB"},
	{"limit", 1, MSG_OPT_ENTITY_TAB_LIMIT, "N"},
	{NULL, 0, MSG_EMPTY, NULL},
};

static const struct cmd_opt export_opts[] = {
	{"output", 1, MSG_OPT_ENTITY_OUTPUT, "FILE"},
	{NULL, 0, MSG_EMPTY, NULL},
};

static const struct cmd_opt plan_add_opts[] = {
	{"plan", 1, MSG_OPT_ENTITY_PLAN, "PLAN_NO"},
	{"note", 1, MSG_OPT_ENTITY_NOTE, "TEXT"},
	{NULL, 0, MSG_EMPTY, NULL},
};

static const struct cmd_opt complaint_opts[] = {
	{"name", 1, MSG_OPT_COMPLAINT_NAME, "NAME"},
	{"phone", 1, MSG_OPT_COMPLAINT_PHONE, "PHONE"},
	{"address", 1, MSG_OPT_COMPLAINT_ADDRESS, "ADDRESS"},
	{"subject", 1, MSG_OPT_COMPLAINT_SUBJECT, "TEXT"},
	{"request", 1, MSG_OPT_COMPLAINT_REQUEST, "TEXT"},
	{"facts", 1, MSG_OPT_COMPLAINT_FACTS, "TEXT"},
	{"channel", 1, MSG_OPT_COMPLAINT_CHANNEL, "CODE"},
	{NULL, 0, MSG_EMPTY, NULL},
};

const struct command entity_commands[] = {
    {"entity", "search", ACT_ENTITY_SEARCH, "TEXT...", search_opts, 1, -1, 1, run_entity_search},
    {"entity", "show", ACT_ENTITY_SHOW, "USCC", show_opts, 1, 1, 1, run_entity_show},
    {"entity", "history", ACT_ENTITY_HISTORY, "USCC", NULL, 1, 1, 1, run_entity_history},
    {"entity", "export", ACT_ENTITY_EXPORT, "USCC", export_opts, 1, 1, 0, run_entity_export},
    {"entity", "elevator", ACT_ENTITY_ELEVATOR, "CODE", NULL, 1, 1, 1, run_entity_elevator},
    {"entity", "plans", ACT_ENTITY_PLANS, "", NULL, 0, 0, 1, run_entity_plans},
    {"entity", "candidate", ACT_ENTITY_PLAN_ADD, "USCC", plan_add_opts, 1, 1, 0,
     run_entity_plan_add},
    {"entity", "complaint", ACT_ENTITY_COMPLAINT, "USCC", complaint_opts, 1, 1, 1,
     run_entity_complaint},
    {NULL, NULL, ACT_NONE, NULL, NULL, 0, 0, 0, NULL},
};
