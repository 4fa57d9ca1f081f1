/* The live list's pure logic: merge by key, new-row marks, selection kept by
 * key, debounce by an injected clock. */
#include "lib/tap.h"
#include "ui/livelist.h"

#include <stdio.h>
#include <string.h>

static long long fake_now;
static long long fake_clock(void)
{
	return fake_now;
}

/* rows from "k1=v1,k2=v2": key and one cell each */
static void fill(struct live_rows *r, const char *spec)
{
	char buf[256];
	snprintf(buf, sizeof buf, "%s", spec);
	for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
		char *eq = strchr(tok, '=');
		*eq = '\0';
		int i = live_rows_add(r, tok, NULL);
		live_rows_set(r, i, 0, eq + 1);
	}
}

static const char *keys(const struct live_rows *r, char *out, size_t n)
{
	out[0] = '\0';
	for (int i = 0; i < r->n; i++) {
		strncat(out, r->v[i].key, n - strlen(out) - 2);
		if (r->v[i].fresh)
			strncat(out, "*", n - strlen(out) - 1);
		if (i + 1 < r->n)
			strncat(out, " ", n - strlen(out) - 1);
	}
	return out;
}

static int never(void *ctx, struct db *db, enum live_job job, const char *after, int limit,
                 struct db_error *err)
{
	(void)ctx, (void)db, (void)job, (void)after, (void)limit, (void)err;
	return -1;
}

int main(void)
{
	char buf[256];
	plan(17);

	struct live_rows list, page;
	live_rows_init(&list, 1);
	live_rows_init(&page, 1);
	fill(&list, "3=c,2=b,1=a");
	live_rows_append(&list, &page);
	tap_is_str(keys(&list, buf, sizeof buf), "3 2 1", "an empty page appends nothing");
	fill(&page, "1=a,0=z");
	live_rows_append(&list, &page);
	tap_is_str(keys(&list, buf, sizeof buf), "3 2 1 0",
	           "a next page appends the keys not yet there");

	live_rows_clear(&page);
	fill(&page, "5=e,3=C,2=b,1=a");
	int marked = live_rows_merge(&list, &page, 4, 1);
	tap_is_str(keys(&list, buf, sizeof buf), "5* 3 2 1 0",
	           "a full refresh window: the new row on top, marked; the rows beyond stay");
	tap_is_int(marked, 1, "  ... one row marked new");
	tap_is_str(list.v[1].cells[0], "C", "  ... an existing row is updated in place");

	live_rows_clear(&page);
	fill(&page, "6=f,5=e,3=C");
	live_rows_merge(&list, &page, 5, 1);
	tap_is_str(keys(&list, buf, sizeof buf), "6* 5* 3",
	           "a short refresh is the whole list: gone rows leave, marks stay");
	live_rows_clear(&page);
	fill(&page, "7=g");
	live_rows_merge(&list, &page, 10, 0);
	tap_is_str(keys(&list, buf, sizeof buf), "7", "without mark_new nothing is marked");
	tap_is_int(live_rows_find(&list, "7"), 0, "find by key");
	tap_is_int(live_rows_find(&list, "nope"), -1, "  ... -1 when absent");

	/* the list: selection by key across a merge, marks cleared by selecting */
	struct live_source src = {.send = never};
	struct livelist *ll = livelist_new(&src, 1, 0, NULL);
	ll->clock = fake_clock;
	fill(&ll->rows, "3=c,2=b,1=a");
	ll->loaded = 1;
	livelist_sync(ll);
	livelist_select_key(ll, "2");
	live_rows_clear(&page);
	fill(&page, "4=d,3=c,2=B,1=a");
	live_rows_merge(&ll->rows, &page, 4, 1);
	livelist_sync(ll);
	tap_is_str(livelist_selected_key(ll), "2", "the selection stays on its row after a merge");
	tap_is_int(livelist_selected(ll), 2, "  ... which moved one down");
	tap_is_str(table_get(ll->table, 2, 0), "B", "  ... and the table shows its new value");
	tap_is_int(livelist_fresh(ll), 1, "the new row is marked");
	livelist_select_key(ll, "4");
	tap_is_int(livelist_fresh(ll), 0, "  ... until it is selected");

	/* debounce: the query is due ms after the last change */
	fake_now = 1000;
	livelist_query_changed(ll, NULL, 150);
	fake_now = 1100;
	livelist_query_changed(ll, NULL, 150);
	tap_is_int(livelist_due(ll), 1250, "a second keystroke postpones the query");
	tap_ok(livelist_busy(ll), "  ... which counts as busy meanwhile");
	/* headers are message ids, resolved when drawn: F2 switches them at once */
	table_col_msg(ll->table, 0, MSG_ENTITY_F_NAME, 4, 0, ALIGN_LEFT, 1);
	i18n_set_language("zh");
	char zh[64];
	snprintf(zh, sizeof zh, "%s", table_col_title(ll->table, 0));
	i18n_set_language("en");
	tap_ok(strcmp(zh, table_col_title(ll->table, 0)) != 0 &&
	           strcmp(table_col_title(ll->table, 0), tr_lang(MSG_ENTITY_F_NAME, LANG_EN)) == 0,
	       "a column title follows the language");
	livelist_free(ll, NULL);
	live_rows_free(&list);
	live_rows_free(&page);
	return done_testing();
}
