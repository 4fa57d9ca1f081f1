/* The entity search results as rows, for `entity search` and the search
 * screen's CSV export alike. */
#include "print/entity_rows.h"

#include "base/strbuf.h"
#include "i18n/i18n.h"

struct rowset *entity_hits_rowset(const struct entity_page *p, int machine)
{
	static const enum entity_hit_col table_cols[] = {
	    EH_USCC, EH_NAME, EH_LEGAL_REP, EH_STATUS_NAME, EH_ESTABLISHED, EH_DISTRICT};
	static const enum msg_id table_labels[] = {
	    MSG_ENTITY_F_USCC,        MSG_ENTITY_F_NAME,        MSG_ENTITY_F_REP_NAME,
	    MSG_ENTITY_F_STATUS_NAME, MSG_ENTITY_F_ESTABLISHED, MSG_ENTITY_F_DIVISION_NAME};
	static const enum entity_hit_col machine_cols[] = {
	    EH_USCC,        EH_NAME,     EH_LEGAL_REP, EH_TYPE_NAME, EH_STATUS, EH_STATUS_NAME,
	    EH_ESTABLISHED, EH_DISTRICT, EH_CAPITAL,   EH_RISK,      EH_MATCHED};
	/* the machine columns' labels: a CSV for people (rs->people) heads with them */
	static const enum msg_id machine_labels[] = {
	    MSG_ENTITY_F_USCC,        MSG_ENTITY_F_NAME,          MSG_ENTITY_F_REP_NAME,
	    MSG_ENTITY_F_TYPE_NAME,   MSG_ENTITY_F_STATUS,        MSG_ENTITY_F_STATUS_NAME,
	    MSG_ENTITY_F_ESTABLISHED, MSG_ENTITY_F_DIVISION_NAME, MSG_ENTITY_F_CAPITAL,
	    MSG_ENTITY_F_RISK_GRADE,  MSG_ENTITY_COL_MATCHED};
	int n = machine ? (int)(sizeof machine_cols / sizeof machine_cols[0]) : 6;
	const enum entity_hit_col *cols = machine ? machine_cols : table_cols;
	struct rowset *rs = rowset_new(n + 1);
	for (int c = 0; c < n; c++)
		rowset_col(rs, c, entity_hit_key(cols[c]),
		           tr(machine ? machine_labels[c] : table_labels[c]),
		           cols[c] == EH_CAPITAL ? CT_NUMBER : CT_TEXT);
	rowset_col(rs, n, "match", tr(MSG_ENTITY_COL_MATCH), CT_TEXT);
	struct strbuf how = STRBUF_INIT;
	for (int i = 0; i < p->n; i++) {
		int row = rowset_add_row(rs);
		for (int c = 0; c < n; c++) {
			const char *v = p->hits[i].v[cols[c]];
			rowset_set(rs, row, c, *v || !machine ? v : NULL);
		}
		strbuf_reset(&how);
		if (machine)
			strbuf_add(&how, entity_match_name(&p->hits[i]));
		else
			entity_hit_describe(&p->hits[i], &how);
		rowset_set(rs, row, n, strbuf_str(&how));
	}
	strbuf_free(&how);
	return rs;
}
