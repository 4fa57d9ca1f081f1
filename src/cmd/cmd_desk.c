/* What the desk's three nouns share: intake, the queue, one item, and the
 * steps every kind has (assign, pause, resume, extend, transfer, merge). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd_complaint.h"

enum status desk_cmd_need(struct cmd_ctx *ctx, const char *opt)
{
	char *m = trs(MSG_DESK_NEED, opt);
	enum status st = cmd_fail(ctx, ST_USAGE, m);
	free(m);
	return st;
}

static enum status fail_db(struct cmd_ctx *ctx, struct db_error *err)
{
	enum status st = cmd_db_fail(ctx, err);
	db_error_free(err);
	return st;
}

static enum msg_id kind_msg(enum desk_kind k)
{
	return k == DK_COMPLAINT ? MSG_DESK_KIND_COMPLAINT
	       : k == DK_REPORT  ? MSG_DESK_KIND_REPORT
	                         : MSG_DESK_KIND_CONSULTATION;
}

/* The item the first argument names, of kind k (ST_USAGE when of another). */
static enum status resolve(struct cmd_ctx *ctx, const char *ref, enum desk_kind k,
                           struct strbuf *id, struct strbuf *merged_from)
{
	struct db_error err;
	db_error_init(&err);
	enum desk_kind got;
	if (desk_resolve(ctx->db, (int)k, ref, &got, id, merged_from, &err) != ST_OK)
		return fail_db(ctx, &err);
	db_error_free(&err);
	if (got != k) {
		char *m = trs(MSG_DESK_NOT_KIND, ref, tr(kind_msg(k)));
		enum status st = cmd_fail(ctx, ST_USAGE, m);
		free(m);
		return st;
	}
	return ST_OK;
}

static const char *band_word(const char *band)
{
	if (!band)
		return NULL;
	return !strcmp(band, "red")      ? tr(MSG_DESK_BAND_RED)
	       : !strcmp(band, "yellow") ? tr(MSG_DESK_BAND_YELLOW)
	       : !strcmp(band, "green")  ? tr(MSG_DESK_BAND_GREEN)
	                                 : tr(MSG_DESK_BAND_NONE);
}

/* Prints where the item stands after a step: state and running clock. */
static enum status print_state(struct cmd_ctx *ctx, enum desk_kind k, const char *id)
{
	struct db_error err;
	db_error_init(&err);
	PGresult *res = desk_item(ctx->db, k, id, &err);
	if (!res)
		return fail_db(ctx, &err);
	db_error_free(&err);
	const char *no = desk_item_value(res, "item_no"), *due = desk_item_value(res, "clock_due");
	if (ctx->format == FMT_TABLE) {
		char *m =
		    trs(MSG_DESK_DONE, tr(kind_msg(k)), no, desk_item_value(res, "state_label"));
		fprintf(ctx->out, "%s\n", m);
		free(m);
		if (due) {
			const char *rem = desk_item_value(res, "remaining");
			m = trs(MSG_DESK_DUE, desk_item_value(res, "clock"), due, rem ? rem : "?",
			        desk_item_value(res, "clock_article"));
			fprintf(ctx->out, "%s\n", m);
			free(m);
		} else {
			fprintf(ctx->out, "%s\n", tr(MSG_DESK_NO_CLOCK));
		}
	} else {
		static const char *const f[] = {"item_no",   "state",     "clock_code",
		                                "clock_due", "remaining", "clock_article"};
		struct rowset *rs = rowset_new(6);
		rs->record = 1;
		for (int i = 0; i < 6; i++)
			rowset_col(rs, i, f[i], NULL, i == 4 ? CT_NUMBER : CT_TEXT);
		int r = rowset_add_row(rs);
		for (int i = 0; i < 6; i++)
			rowset_set(rs, r, i, desk_item_value(res, f[i]));
		cmd_print(ctx, rs);
	}
	PQclear(res);
	return ST_OK;
}

enum status desk_cmd_step(struct cmd_ctx *ctx, const struct cmd_args *args, enum desk_kind k,
                          enum desk_step s, const char *a, const char *b, const char *c)
{
	struct strbuf id = STRBUF_INIT, out = STRBUF_INIT;
	enum status st = resolve(ctx, args->argv[0], k, &id, NULL);
	if (st == ST_OK) {
		struct db_error err;
		db_error_init(&err);
		if (desk_step_run(ctx->db, s, k, strbuf_str(&id), a, b, c, &out, &err) != ST_OK) {
			st = fail_db(ctx, &err);
		} else {
			db_error_free(&err);
			if (s == DS_TRANSFER) {
				/* the item may now be out of the caller's scope */
				char *m =
				    trs(MSG_DESK_TRANSFERRED, tr(kind_msg(k)), args->argv[0], a);
				fprintf(ctx->out, "%s\n", m);
				free(m);
				strbuf_free(&id);
				strbuf_free(&out);
				return ST_OK;
			}
			if (s == DS_RESUME && ctx->format == FMT_TABLE) {
				char *m = trs(MSG_DESK_RESUMED, strbuf_str(&out));
				fprintf(ctx->out, "%s\n", m);
				free(m);
			}
			st = print_state(ctx, k, strbuf_str(&id));
		}
	}
	strbuf_free(&id);
	strbuf_free(&out);
	return st;
}

/* ---- intake ---- */

static const struct {
	enum desk_field f;
	const char *opt;
} intake_opts[] = {
    {DF_CHANNEL, "channel"},
    {DF_NAME, "name"},
    {DF_PHONE, "phone"},
    {DF_ADDRESS, "address"},
    {DF_ID_NO, "id-no"},
    {DF_USCC, "uscc"},
    {DF_RESPONDENT, "respondent"},
    {DF_RESPONDENT_ADDRESS, "respondent-address"},
    {DF_PLATFORM, "platform"},
    {DF_CATEGORY, "category"},
    {DF_SUBJECT, "subject"},
    {DF_AMOUNT, "amount"},
    {DF_REQUEST, "request"},
    {DF_FACTS, "facts"},
    {DF_WORK_ORDER, "work-order"},
    {DF_RECEIVED_12345, "received-12345"},
    {DF_UNIT, "unit"},
    {DF_ROUTE_REASON, "reason"},
};

static void print_intake(struct cmd_ctx *ctx, PGresult *res)
{
	for (int r = 0; r < PQntuples(res); r++) {
		enum desk_kind k = (enum desk_kind)desk_kind_parse(PQgetvalue(res, r, DI_KIND));
		char *m = trs(MSG_DESK_REGISTERED, tr(kind_msg(k)), PQgetvalue(res, r, DI_NO),
		              PQgetvalue(res, r, DI_STATE_LABEL), PQgetvalue(res, r, DI_ORG));
		fprintf(ctx->out, "%s\n", m);
		free(m);
		if (*PQgetvalue(res, r, DI_MISSING)) {
			m = trs(MSG_DESK_MISSING, PQgetvalue(res, r, DI_MISSING));
			fprintf(ctx->out, "%s\n", m);
			free(m);
		}
		if (!PQgetisnull(res, r, DI_DUE)) {
			m = trs(MSG_DESK_DUE_ON, PQgetvalue(res, r, DI_CLOCK),
			        PQgetvalue(res, r, DI_DUE));
			fprintf(ctx->out, "%s\n", m);
			free(m);
		}
		if (strcmp(PQgetvalue(res, r, DI_DUPS), "0") != 0) {
			m = trs(MSG_DESK_DUPLICATES, PQgetvalue(res, r, DI_DUPS));
			fprintf(ctx->out, "%s\n", m);
			free(m);
		}
	}
}

enum status desk_cmd_new(struct cmd_ctx *ctx, const struct cmd_args *a, const char *intake_kind)
{
	const char *v[DF_COUNT] = {0};
	for (size_t i = 0; i < sizeof intake_opts / sizeof intake_opts[0]; i++) {
		const char *x = cmd_opt(a, intake_opts[i].opt);
		v[intake_opts[i].f] = x && *x ? x : NULL;
	}
	v[DF_KIND] = intake_kind;
	if (cmd_opt(a, "also-report"))
		v[DF_KIND] = "both";
	if (cmd_opt(a, "suggestion"))
		v[DF_KIND] = "suggestion";
	v[DF_ANONYMOUS] = cmd_opt(a, "anonymous") ? "t" : NULL;
	struct db_error err;
	db_error_init(&err);
	PGresult *res = desk_intake(ctx->db, v, &err);
	if (!res)
		return fail_db(ctx, &err);
	db_error_free(&err);
	if (ctx->format == FMT_TABLE) {
		print_intake(ctx, res);
		PQclear(res);
		return ST_OK;
	}
	static const char *const keys[DI_COUNT] = {
	    "kind",         "id",    "item_no",   "state",   "state_label",
	    "handling_org", "clock", "clock_due", "missing", "duplicates"};
	struct rowset *rs = rowset_new(DI_COUNT);
	for (int i = 0; i < DI_COUNT; i++)
		rowset_col(rs, i, keys[i], NULL, i == DI_ID || i == DI_DUPS ? CT_NUMBER : CT_TEXT);
	rowset_add_result(rs, res);
	PQclear(res);
	cmd_print(ctx, rs);
	return ST_OK;
}

/* ---- the queue ---- */

static int parse_count(const char *v, int dflt, int max, int *out)
{
	if (!v) {
		*out = dflt;
		return 0;
	}
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (errno || *end || n < 1 || n > max)
		return -1;
	*out = (int)n;
	return 0;
}

static int is_date(const char *s)
{
	static const char shape[] = "dddd-dd-dd";
	if (strlen(s) != 10)
		return 0;
	for (int i = 0; i < 10; i++)
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != '-')
			return 0;
	return 1;
}

enum status desk_cmd_list(struct cmd_ctx *ctx, const struct cmd_args *a, enum desk_kind k)
{
	struct desk_query q = {0};
	q.unit = cmd_opt(a, "unit");
	q.state = cmd_opt(a, "state");
	q.due_before = cmd_opt(a, "due-before");
	q.kind = desk_kind_key(k);
	q.view = cmd_opt(a, "overdue")      ? "overdue"
	         : cmd_opt(a, "due-soon")   ? "due_soon"
	         : cmd_opt(a, "mine")       ? "mine"
	         : cmd_opt(a, "unassigned") ? "unassigned"
	                                    : "all";
	if (parse_count(cmd_opt(a, "limit"), 50, 1000, &q.limit) != 0) {
		char *m = trs(MSG_DESK_BAD_NUMBER, cmd_opt(a, "limit"));
		enum status st = cmd_fail(ctx, ST_USAGE, m);
		free(m);
		return st;
	}
	if (q.due_before && !is_date(q.due_before)) {
		char *m = trs(MSG_DESK_BAD_DATE, q.due_before);
		enum status st = cmd_fail(ctx, ST_USAGE, m);
		free(m);
		return st;
	}
	struct db_error err;
	db_error_init(&err);
	PGresult *res = desk_queue(ctx->db, &q, &err);
	if (!res)
		return fail_db(ctx, &err);
	db_error_free(&err);
	static const int cols[] = {DQ_NO,         DQ_STATE_LABEL, DQ_RECEIVED,  DQ_ORG,  DQ_HANDLER,
	                           DQ_RESPONDENT, DQ_DUE,         DQ_REMAINING, DQ_USED, DQ_BAND};
	static const enum msg_id labels[] = {MSG_DESK_COL_NO,       MSG_DESK_COL_STATE,
	                                     MSG_DESK_COL_RECEIVED, MSG_DESK_COL_ORG,
	                                     MSG_DESK_COL_HANDLER,  MSG_DESK_COL_RESPONDENT,
	                                     MSG_DESK_COL_DUE,      MSG_DESK_COL_REMAINING,
	                                     MSG_DESK_COL_USED,     MSG_DESK_COL_BAND};
	int n = (int)(sizeof cols / sizeof cols[0]);
	struct rowset *rs = rowset_new(n);
	for (int i = 0; i < n; i++)
		rowset_col(rs, i, desk_queue_key((enum desk_queue_col)cols[i]), tr(labels[i]),
		           cols[i] == DQ_REMAINING || cols[i] == DQ_USED ? CT_NUMBER : CT_TEXT);
	for (int r = 0; r < PQntuples(res); r++) {
		int row = rowset_add_row(rs);
		for (int i = 0; i < n; i++) {
			const char *v =
			    PQgetisnull(res, r, cols[i]) ? NULL : PQgetvalue(res, r, cols[i]);
			if (cols[i] == DQ_BAND && ctx->format == FMT_TABLE)
				v = *PQgetvalue(res, r, DQ_PAUSED) == 't' ? tr(MSG_DESK_PAUSED)
				                                          : band_word(v);
			rowset_set(rs, row, i, v);
		}
	}
	PQclear(res);
	cmd_print(ctx, rs);
	return ST_OK;
}

/* ---- one item ---- */

static int internal_field(const char *f)
{
	static const char *const skip[] = {"state", "clock_code", "clock_law", "clock_article_no",
	                                   "band",  NULL};
	for (int i = 0; skip[i]; i++)
		if (strcmp(f, skip[i]) == 0)
			return 1;
	return 0;
}

static void print_timeline(struct cmd_ctx *ctx, PGresult *res)
{
	static const enum msg_id labels[] = {
	    MSG_DESK_COL_AT,  MSG_DESK_COL_ACTOR, MSG_DESK_COL_ACTION, MSG_DESK_COL_STATE,
	    MSG_DESK_COL_ORG, MSG_DESK_COL_DUE,   MSG_DESK_COL_NOTE};
	static const char *const keys[] = {"at", "actor", "action", "state", "org", "due", "note"};
	struct rowset *rs = rowset_new(7);
	for (int i = 0; i < 7; i++)
		rowset_col(rs, i, keys[i], tr(labels[i]), CT_TEXT);
	for (int r = 0; r < PQntuples(res); r++) {
		int row = rowset_add_row(rs);
		static const int src[] = {0, 1, 2, 4, 5, 6, 7};
		for (int i = 0; i < 7; i++)
			rowset_set(rs, row, i,
			           PQgetisnull(res, r, src[i]) ? NULL : PQgetvalue(res, r, src[i]));
		rowset_set(rs, row, 2, desk_action_label(PQgetvalue(res, r, 2)));
		if (!PQgetisnull(res, r, 8)) {
			struct strbuf n = STRBUF_INIT;
			strbuf_addf(&n, "%s%s%s",
			            PQgetisnull(res, r, 7) ? "" : PQgetvalue(res, r, 7),
			            PQgetisnull(res, r, 7) ? "" : " ", PQgetvalue(res, r, 8));
			rowset_set(rs, row, 6, strbuf_str(&n));
			strbuf_free(&n);
		}
	}
	fprintf(ctx->out, "\n%s\n", tr(MSG_DESK_TIMELINE));
	cmd_print(ctx, rs);
}

/* The JSON type of a field of api.desk_item (its values all come as text). */
static enum col_type field_type(const char *field)
{
	static const char *const numbers[] = {"id",
	                                      "entity_id",
	                                      "handler_staff_id",
	                                      "handling_org_id",
	                                      "answered_by_staff_id",
	                                      "transfer_12345_id",
	                                      "amount_involved",
	                                      "amount",
	                                      "clock_workdays",
	                                      "clock_article_no",
	                                      "remaining",
	                                      "used_pct"};
	for (size_t i = 0; i < sizeof numbers / sizeof *numbers; i++)
		if (strcmp(field, numbers[i]) == 0)
			return CT_NUMBER;
	return strcmp(field, "anonymous") == 0 ? CT_BOOL : CT_TEXT;
}

enum status desk_cmd_show(struct cmd_ctx *ctx, const struct cmd_args *a, enum desk_kind k)
{
	struct strbuf id = STRBUF_INIT, from = STRBUF_INIT;
	enum status st = resolve(ctx, a->argv[0], k, &id, &from);
	struct db_error err;
	db_error_init(&err);
	PGresult *res = st == ST_OK ? desk_item(ctx->db, k, strbuf_str(&id), &err) : NULL;
	PGresult *tl = res ? desk_timeline(ctx->db, k, strbuf_str(&id), &err) : NULL;
	if (st == ST_OK && (!res || !tl)) {
		st = cmd_db_fail(ctx, &err);
	} else if (st == ST_OK) {
		int en = !strcmp(tr(MSG_DESK_KIND_COMPLAINT), "complaint");
		if (ctx->format == FMT_TABLE && from.len) {
			char *m = trs(MSG_DESK_MERGED_FROM, strbuf_str(&from));
			fprintf(ctx->out, "%s\n", m);
			free(m);
		}
		struct strbuf text = STRBUF_INIT;
		if (ctx->format == FMT_TABLE) {
			for (int r = 0; r < PQntuples(res); r++)
				if (!PQgetisnull(res, r, 3) &&
				    !internal_field(PQgetvalue(res, r, 0)))
					strbuf_addf(&text, "%s：%s\n",
					            PQgetvalue(res, r, en ? 2 : 1),
					            PQgetvalue(res, r, 3));
			rowset_text(ctx->out, strbuf_str(&text));
			print_timeline(ctx, tl);
		} else {
			/* one record, a key per field */
			struct rowset *rs = rowset_new(PQntuples(res));
			rs->record = 1;
			int row = rowset_add_row(rs);
			for (int r = 0; r < PQntuples(res); r++) {
				rowset_col(rs, r, PQgetvalue(res, r, 0), NULL,
				           field_type(PQgetvalue(res, r, 0)));
				rowset_set(rs, row, r,
				           PQgetisnull(res, r, 3) ? NULL : PQgetvalue(res, r, 3));
			}
			cmd_print(ctx, rs);
		}
		strbuf_free(&text);
	}
	if (res)
		PQclear(res);
	if (tl)
		PQclear(tl);
	db_error_free(&err);
	strbuf_free(&id);
	strbuf_free(&from);
	return st;
}

/* ---- steps every kind has ---- */

enum status desk_cmd_assign(struct cmd_ctx *ctx, const struct cmd_args *a, enum desk_kind k)
{
	struct strbuf ids = STRBUF_INIT, one = STRBUF_INIT, out = STRBUF_INIT;
	enum status st = ST_OK;
	strbuf_addc(&ids, '{');
	for (int i = 0; i < a->argc && st == ST_OK; i++) {
		strbuf_reset(&one);
		st = resolve(ctx, a->argv[i], k, &one, NULL);
		strbuf_addf(&ids, "%s%s", i ? "," : "", strbuf_str(&one));
	}
	strbuf_addc(&ids, '}');
	if (st == ST_OK) {
		struct db_error err;
		db_error_init(&err);
		if (desk_step_run(ctx->db, DS_ASSIGN, k, strbuf_str(&ids), cmd_opt(a, "to"), NULL,
		                  NULL, &out, &err) != ST_OK) {
			st = fail_db(ctx, &err);
		} else {
			db_error_free(&err);
			char *m = trs(MSG_DESK_ASSIGNED, strbuf_str(&out));
			fprintf(ctx->out, "%s\n", m);
			free(m);
		}
	}
	strbuf_free(&ids);
	strbuf_free(&one);
	strbuf_free(&out);
	return st;
}

enum status desk_cmd_pause(struct cmd_ctx *ctx, const struct cmd_args *a, enum desk_kind k)
{
	const char *why = cmd_opt(a, "reason");
	if (!why || !*why)
		return desk_cmd_need(ctx, "reason");
	return desk_cmd_step(ctx, a, k, DS_PAUSE, why, NULL, NULL);
}

enum status desk_cmd_resume(struct cmd_ctx *ctx, const struct cmd_args *a, enum desk_kind k)
{
	return desk_cmd_step(ctx, a, k, DS_RESUME, cmd_opt(a, "note"), NULL, NULL);
}

enum status desk_cmd_extend(struct cmd_ctx *ctx, const struct cmd_args *a, enum desk_kind k)
{
	const char *why = cmd_opt(a, "reason");
	if (!why || !*why)
		return desk_cmd_need(ctx, "reason");
	int days;
	if (parse_count(cmd_opt(a, "days"), 15, 60, &days) != 0) {
		char *m = trs(MSG_DESK_BAD_NUMBER, cmd_opt(a, "days"));
		enum status st = cmd_fail(ctx, ST_USAGE, m);
		free(m);
		return st;
	}
	char d[16];
	snprintf(d, sizeof d, "%d", days);
	return desk_cmd_step(ctx, a, k, DS_EXTEND, d, why, NULL);
}

enum status desk_cmd_transfer(struct cmd_ctx *ctx, const struct cmd_args *a, enum desk_kind k)
{
	const char *unit = cmd_opt(a, "unit"), *why = cmd_opt(a, "reason");
	if (!unit || !*unit)
		return desk_cmd_need(ctx, "unit");
	if (!why || !*why)
		return desk_cmd_need(ctx, "reason");
	return desk_cmd_step(ctx, a, k, DS_TRANSFER, unit, why, NULL);
}

enum status desk_cmd_merge(struct cmd_ctx *ctx, const struct cmd_args *a, enum desk_kind k)
{
	const char *into = cmd_opt(a, "into");
	if (!into || !*into)
		return desk_cmd_need(ctx, "into");
	struct strbuf target = STRBUF_INIT;
	enum status st = resolve(ctx, into, k, &target, NULL);
	if (st == ST_OK)
		st = desk_cmd_step(ctx, a, k, DS_MERGE, strbuf_str(&target), cmd_opt(a, "note"),
		                   NULL);
	/* the merged item is done: show the one that carries on */
	if (st == ST_OK)
		st = print_state(ctx, k, strbuf_str(&target));
	strbuf_free(&target);
	return st;
}

enum status desk_cmd_apart(struct cmd_ctx *ctx, const struct cmd_args *a, enum desk_kind k)
{
	const char *other = cmd_opt(a, "from"), *why = cmd_opt(a, "reason");
	if (!other || !*other)
		return desk_cmd_need(ctx, "from");
	if (!why || !*why)
		return desk_cmd_need(ctx, "reason");
	struct strbuf target = STRBUF_INIT;
	enum status st = resolve(ctx, other, k, &target, NULL);
	if (st == ST_OK)
		st = desk_cmd_step(ctx, a, k, DS_KEEP_APART, strbuf_str(&target), why, NULL);
	strbuf_free(&target);
	return st;
}

const struct cmd_opt desk_list_opts[] = {
    {"unit", 1, MSG_OPT_DESK_LIST_UNIT, "UNIT"},
    {"state", 1, MSG_OPT_DESK_LIST_STATE, "STATE"},
    {"due-before", 1, MSG_OPT_DESK_DUE_BEFORE, "DATE"},
    {"overdue", 0, MSG_OPT_DESK_OVERDUE, NULL},
    {"due-soon", 0, MSG_OPT_DESK_DUE_SOON, NULL},
    {"mine", 0, MSG_OPT_DESK_MINE, NULL},
    {"unassigned", 0, MSG_OPT_DESK_UNASSIGNED, NULL},
    {"limit", 1, MSG_OPT_DESK_LIMIT, "N"},
    {NULL, 0, MSG_EMPTY, NULL},
};
const struct cmd_opt desk_reason_opts[] = {
    {"reason", 1, MSG_OPT_DESK_REASON, "TEXT"},
    {NULL, 0, MSG_EMPTY, NULL},
};
const struct cmd_opt desk_note_opts[] = {
    {"note", 1, MSG_OPT_DESK_NOTE, "TEXT"},
    {NULL, 0, MSG_EMPTY, NULL},
};
const struct cmd_opt desk_assign_opts[] = {
    {"to", 1, MSG_OPT_DESK_TO, "LOGIN"},
    {NULL, 0, MSG_EMPTY, NULL},
};
const struct cmd_opt desk_extend_opts[] = {
    {"days", 1, MSG_OPT_DESK_DAYS, "N"},
    {"reason", 1, MSG_OPT_DESK_REASON, "TEXT"},
    {NULL, 0, MSG_EMPTY, NULL},
};
const struct cmd_opt desk_transfer_opts[] = {
    {"unit", 1, MSG_OPT_DESK_UNIT, "UNIT"},
    {"reason", 1, MSG_OPT_DESK_REASON, "TEXT"},
    {NULL, 0, MSG_EMPTY, NULL},
};
const struct cmd_opt desk_merge_opts[] = {
    {"into", 1, MSG_OPT_DESK_INTO, "NUMBER"},
    {"note", 1, MSG_OPT_DESK_NOTE, "TEXT"},
    {NULL, 0, MSG_EMPTY, NULL},
};
const struct cmd_opt desk_apart_opts[] = {
    {"from", 1, MSG_OPT_DESK_OTHER, "NUMBER"},
    {"reason", 1, MSG_OPT_DESK_REASON, "TEXT"},
    {NULL, 0, MSG_EMPTY, NULL},
};

enum status desk_cmd_complete(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	const char *v[DF_COUNT] = {0};
	static const struct {
		enum desk_field f;
		const char *opt;
	} o[] = {{DF_NAME, "name"},
	         {DF_PHONE, "phone"},
	         {DF_ADDRESS, "address"},
	         {DF_RESPONDENT, "respondent"},
	         {DF_RESPONDENT_ADDRESS, "respondent-address"},
	         {DF_REQUEST, "request"},
	         {DF_FACTS, "facts"}};
	for (size_t i = 0; i < sizeof o / sizeof o[0]; i++)
		v[o[i].f] = cmd_opt(a, o[i].opt);
	struct strbuf id = STRBUF_INIT, missing = STRBUF_INIT;
	enum status st = resolve(ctx, a->argv[0], DK_COMPLAINT, &id, NULL);
	if (st == ST_OK) {
		struct db_error err;
		db_error_init(&err);
		if (desk_complete(ctx->db, strbuf_str(&id), v, &missing, &err) != ST_OK) {
			st = fail_db(ctx, &err);
		} else {
			db_error_free(&err);
			if (missing.len && ctx->format == FMT_TABLE) {
				char *m = trs(MSG_DESK_MISSING, strbuf_str(&missing));
				fprintf(ctx->out, "%s\n", m);
				free(m);
			}
			st = print_state(ctx, DK_COMPLAINT, strbuf_str(&id));
		}
	}
	strbuf_free(&id);
	strbuf_free(&missing);
	return st;
}

enum status desk_cmd_supervise(struct cmd_ctx *ctx, const struct cmd_args *a)
{
	struct db_error err;
	db_error_init(&err);
	PGresult *res = desk_supervise(ctx->db, cmd_opt(a, "unit"), &err);
	if (!res)
		return fail_db(ctx, &err);
	db_error_free(&err);
	static const char *const keys[] = {"org_code", "org",      "handler_login", "handler",
	                                   "open",     "due_soon", "overdue"};
	static const enum msg_id labels[] = {
	    MSG_DESK_COL_ORG,   MSG_DESK_COL_ORG,      MSG_DESK_COL_HANDLER, MSG_DESK_COL_HANDLER,
	    MSG_DESK_COL_TOTAL, MSG_DESK_COL_DUE_SOON, MSG_DESK_COL_OVERDUE};
	struct rowset *rs = rowset_new(7);
	for (int i = 0; i < 7; i++)
		rowset_col(rs, i, keys[i], tr(labels[i]), i >= 4 ? CT_NUMBER : CT_TEXT);
	rowset_add_result(rs, res);
	PQclear(res);
	cmd_print(ctx, rs);
	return ST_OK;
}
