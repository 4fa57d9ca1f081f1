#include "print/report_out.h"

#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "base/width.h"
#include "base/xalloc.h"
#include "i18n/i18n.h"
#include "print/rowset.h"

#define TEXT_WIDTH     80 /* columns of an A4 page in a 10-point monospaced font */
#define TEXT_LINES     60 /* lines of a page */
#define XLSX_FIRST_ROW 4  /* title, period, blank, header */

struct report_out {
	enum report_format f;
	const struct report_doc *d;
	FILE *out;
	long rows;
	struct rowset *table; /* RF_TABLE */
	int line;             /* RF_TEXT: lines on the current page */
	int page;
	lxw_workbook *wb; /* RF_XLSX */
	lxw_worksheet *ws;
	lxw_format *f_title, *f_head, *f_int, *f_num, *f_pct, *f_total, *f_total_num;
	long chart_last; /* last sheet row of the chart's categories, -1: none */
	char *sheet;
};

static const char *const format_names[] = {"table", "csv", "json", "xlsx", "text"};

const char *report_format_name(enum report_format f)
{
	return format_names[f];
}

int report_format_parse(const char *name, enum report_format *f)
{
	const char *const *names = format_names;
	for (int i = 0; i < 5; i++)
		if (strcmp(name, names[i]) == 0) {
			*f = (enum report_format)i;
			return 0;
		}
	return -1;
}

const char *report_format_ext(enum report_format f)
{
	static const char *const ext[] = {"txt", "csv", "json", "xlsx", "txt"};
	return ext[f];
}

static int numeric(enum report_kind k)
{
	return k == RK_INT || k == RK_NUM || k == RK_PCT || k == RK_MIN;
}

/* ---- the lines every file starts with ---------------------------------- */

static void period_line(const struct report_doc *d, struct strbuf *out, int with_mask_note)
{
	trf(out, MSG_REPORT_PERIOD_LINE, d->date_from, d->date_to, d->org_name ? d->org_name : "",
	    d->group_by);
	if (d->masked && with_mask_note)
		strbuf_addf(out, "  %s", tr(MSG_REPORT_MASKED_NOTE));
}

/* ---- CSV and JSON: a row as it comes ----------------------------------- */

static void csv_row(struct report_out *o, const char *const *cells)
{
	for (int c = 0; c < o->d->ncols; c++) {
		if (c)
			fputc(',', o->out);
		rowset_csv_field(o->out, cells[c]);
	}
	fputs("\r\n", o->out);
}

static void json_row(struct report_out *o, const char *const *cells)
{
	fputs(o->rows ? ",\n {" : "\n {", o->out);
	for (int c = 0; c < o->d->ncols; c++) {
		if (c)
			fputs(", ", o->out);
		rowset_json_value(o->out, o->d->cols[c].key, CT_TEXT);
		fputs(": ", o->out);
		rowset_json_value(o->out, cells[c],
		                  numeric(o->d->cols[c].kind) ? CT_NUMBER : CT_TEXT);
	}
	fputc('}', o->out);
}

/* ---- text for A4: each row a block of "label value" pairs, two a line --- */

static void text_page_head(struct report_out *o)
{
	struct strbuf s = STRBUF_INIT, line = STRBUF_INIT;
	if (o->page++)
		fputc('\f', o->out);
	width_fit(&line, o->d->title, TEXT_WIDTH, ALIGN_CENTER);
	fprintf(o->out, "%s\n", strbuf_str(&line));
	period_line(o->d, &s, 0);
	strbuf_reset(&line);
	width_fit(&line, strbuf_str(&s), TEXT_WIDTH, ALIGN_LEFT);
	fprintf(o->out, "%s\n", strbuf_str(&line));
	strbuf_reset(&s);
	trf(&s, MSG_REPORT_PAGE_LINE, o->d->generated, o->page);
	if (o->d->masked)
		strbuf_addf(&s, "  %s", tr(MSG_REPORT_MASKED_NOTE));
	fprintf(o->out, "%s\n", strbuf_str(&s));
	for (int i = 0; i < TEXT_WIDTH; i++)
		fputc('=', o->out);
	fputc('\n', o->out);
	o->line = 4;
	strbuf_free(&s);
	strbuf_free(&line);
}

/* One "label ..... value" pair of exactly 38 columns. */
static void text_pair(struct strbuf *out, const char *label, const char *value)
{
	struct strbuf l = STRBUF_INIT, v = STRBUF_INIT;
	int vw = width_str(value);
	if (vw > 24)
		vw = 24;
	width_fit(&l, label, 37 - vw - 1, ALIGN_LEFT);
	width_fit(&v, value, vw, ALIGN_LEFT);
	strbuf_addf(out, "%s %s", strbuf_str(&l), strbuf_str(&v));
	strbuf_free(&l);
	strbuf_free(&v);
}

static void text_row(struct report_out *o, const char *const *cells)
{
	int pairs = o->d->ncols - 2;
	int need = 2 + (pairs + 1) / 2;
	if (o->line == 0 || o->line + need > TEXT_LINES)
		text_page_head(o);
	struct strbuf head = STRBUF_INIT, line = STRBUF_INIT;
	if (cells[0])
		strbuf_addf(&head, "%s（%s）", cells[1] ? cells[1] : "", cells[0]);
	else
		strbuf_add(&head, cells[1] ? cells[1] : tr(MSG_REPORT_TOTAL));
	width_fit(&line, strbuf_str(&head), TEXT_WIDTH, ALIGN_LEFT);
	fprintf(o->out, "%s\n", strbuf_str(&line));
	for (int i = 0; i < pairs; i += 2) {
		strbuf_reset(&line);
		strbuf_add(&line, "  ");
		text_pair(&line, report_col_label(&o->d->cols[2 + i]),
		          cells[2 + i] ? cells[2 + i] : "—");
		if (i + 1 < pairs) {
			strbuf_add(&line, "   ");
			text_pair(&line, report_col_label(&o->d->cols[3 + i]),
			          cells[3 + i] ? cells[3 + i] : "—");
		}
		fprintf(o->out, "%s\n", strbuf_str(&line));
	}
	fputc('\n', o->out);
	o->line += need;
	strbuf_free(&head);
	strbuf_free(&line);
}

/* ---- XLSX ------------------------------------------------------------- */

static lxw_format *fmt(lxw_workbook *wb, const char *num, int bold, uint32_t fill)
{
	lxw_format *f = workbook_add_format(wb);
	if (num)
		format_set_num_format(f, num);
	if (bold)
		format_set_bold(f);
	if (fill) {
		format_set_bg_color(f, fill);
		format_set_pattern(f, LXW_PATTERN_SOLID);
	}
	return f;
}

/* Writes a text cell with controls and invisible format characters shown as
 * U+FFFD (line breaks kept); a string cell is never taken for a formula. */
static void xlsx_text(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s, lxw_format *f)
{
	struct strbuf sb = STRBUF_INIT;
	width_sanitize_text(&sb, s);
	worksheet_write_string(ws, r, c, strbuf_str(&sb), f);
	strbuf_free(&sb);
}

static int xlsx_start(struct report_out *o, const char *path, struct strbuf *err)
{
	lxw_workbook_options opt = {
	    .constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
	o->wb = workbook_new_opt(path, &opt);
	if (!o->wb) {
		trf(err, MSG_REPORT_XLSX_FAILED, path, "workbook_new");
		return -1;
	}
	/* a sheet name: at most 31 characters, none of []:*?/\ */
	struct strbuf name = STRBUF_INIT;
	size_t cut = width_prefix(o->d->title, 31, NULL);
	strbuf_addn(&name, o->d->title, cut);
	o->sheet = strbuf_detach(&name);
	o->ws = workbook_add_worksheet(o->wb, o->sheet);
	if (!o->ws) {
		free(o->sheet);
		o->sheet = xstrdup("Sheet1");
		o->ws = workbook_add_worksheet(o->wb, o->sheet);
	}
	o->f_title = fmt(o->wb, NULL, 1, 0);
	format_set_font_size(o->f_title, 14);
	o->f_head = fmt(o->wb, NULL, 1, 0xDDEBF7);
	format_set_text_wrap(o->f_head);
	format_set_border(o->f_head, LXW_BORDER_THIN);
	o->f_int = fmt(o->wb, "#,##0", 0, 0);
	o->f_num = fmt(o->wb, "#,##0.00", 0, 0);
	o->f_pct = fmt(o->wb, "0.0", 0, 0);
	o->f_total = fmt(o->wb, NULL, 1, 0xF2F2F2);
	o->f_total_num = fmt(o->wb, "#,##0.##", 1, 0xF2F2F2);
	worksheet_set_paper(o->ws, 9); /* A4 */
	worksheet_set_landscape(o->ws);
	worksheet_fit_to_pages(o->ws, 1, 0);
	worksheet_write_string(o->ws, 0, 0, o->d->title, o->f_title);
	struct strbuf s = STRBUF_INIT;
	period_line(o->d, &s, 1);
	strbuf_addf(&s, "  %s", o->d->generated);
	xlsx_text(o->ws, 1, 0, strbuf_str(&s), NULL);
	strbuf_free(&s);
	for (int c = 0; c < o->d->ncols; c++) {
		double w = c == 1 ? 24 : c == 0 ? 12 : 11;
		worksheet_set_column(o->ws, (lxw_col_t)c, (lxw_col_t)c, w, NULL);
		worksheet_write_string(o->ws, XLSX_FIRST_ROW - 1, (lxw_col_t)c,
		                       report_col_label(&o->d->cols[c]), o->f_head);
	}
	worksheet_freeze_panes(o->ws, XLSX_FIRST_ROW, 2);
	o->chart_last = -1;
	return 0;
}

static void xlsx_row(struct report_out *o, const char *const *cells)
{
	lxw_row_t r = (lxw_row_t)(XLSX_FIRST_ROW + o->rows);
	int total = cells[0] == NULL;
	for (int c = 0; c < o->d->ncols; c++) {
		const char *v = cells[c];
		enum report_kind k = o->d->cols[c].kind;
		if (!v && !(total && c == 1))
			continue;
		if (numeric(k) && *v) {
			lxw_format *f = total         ? o->f_total_num
			                : k == RK_INT ? o->f_int
			                : k == RK_NUM ? o->f_num
			                              : o->f_pct;
			worksheet_write_number(o->ws, r, (lxw_col_t)c, strtod(v, NULL), f);
		} else {
			xlsx_text(o->ws, r, (lxw_col_t)c, v ? v : tr(MSG_REPORT_TOTAL),
			          total ? o->f_total : NULL);
		}
	}
	if (!total)
		o->chart_last = (long)r;
}

static int xlsx_finish(struct report_out *o, struct strbuf *err)
{
	if (o->d->chart_col >= 0 && o->chart_last >= XLSX_FIRST_ROW) {
		lxw_chart *chart = workbook_add_chart(o->wb, LXW_CHART_BAR);
		char cats[160], vals[160], col = (char)('A' + o->d->chart_col);
		snprintf(cats, sizeof cats, "='%s'!$B$%d:$B$%ld", o->sheet, XLSX_FIRST_ROW + 1,
		         o->chart_last + 1);
		snprintf(vals, sizeof vals, "='%s'!$%c$%d:$%c$%ld", o->sheet, col,
		         XLSX_FIRST_ROW + 1, col, o->chart_last + 1);
		lxw_chart_series *s = chart_add_series(chart, cats, vals);
		chart_series_set_name(s, report_col_label(&o->d->cols[o->d->chart_col]));
		chart_series_set_labels(s);
		chart_title_set_name(chart, report_col_label(&o->d->cols[o->d->chart_col]));
		chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
		lxw_chart_options place = {.x_scale = 1.5, .y_scale = 1.5};
		worksheet_insert_chart_opt(o->ws, (lxw_row_t)(o->chart_last + 3), 1, chart, &place);
	}
	lxw_error e = workbook_close(o->wb);
	free(o->sheet);
	if (e != LXW_NO_ERROR) {
		trf(err, MSG_REPORT_XLSX_FAILED, "", lxw_strerror(e));
		return -1;
	}
	return 0;
}

/* ---- the writer -------------------------------------------------------- */

struct report_out *report_out_new(enum report_format f, const struct report_doc *d, FILE *out,
                                  const char *xlsx_path, int bom, struct strbuf *err)
{
	struct report_out *o = xcalloc(1, sizeof *o);
	o->f = f;
	o->d = d;
	o->out = out;
	switch (f) {
	case RF_TABLE:
		o->table = rowset_new(d->ncols);
		for (int c = 0; c < d->ncols; c++)
			rowset_col(o->table, c, d->cols[c].key, report_col_label(&d->cols[c]),
			           numeric(d->cols[c].kind) ? CT_NUMBER : CT_TEXT);
		break;
	case RF_CSV:
		if (bom)
			fputs("\xEF\xBB\xBF", out);
		for (int c = 0; c < d->ncols; c++) {
			if (c)
				fputc(',', out);
			rowset_csv_field(out, d->cols[c].key);
		}
		fputs("\r\n", out);
		break;
	case RF_JSON: fputc('[', out); break;
	case RF_TEXT: break;
	case RF_XLSX:
		if (xlsx_start(o, xlsx_path, err) != 0) {
			free(o);
			return NULL;
		}
		break;
	}
	return o;
}

void report_out_row(struct report_out *o, const char *const *cells)
{
	switch (o->f) {
	case RF_TABLE: {
		int r = rowset_add_row(o->table);
		for (int c = 0; c < o->d->ncols; c++)
			rowset_set(o->table, r, c,
			           c == 1 && !cells[0] && !cells[1] ? tr(MSG_REPORT_TOTAL)
			                                            : cells[c]);
		break;
	}
	case RF_CSV: csv_row(o, cells); break;
	case RF_JSON: json_row(o, cells); break;
	case RF_TEXT: text_row(o, cells); break;
	case RF_XLSX: xlsx_row(o, cells); break;
	}
	o->rows++;
}

int report_out_finish(struct report_out *o, struct strbuf *err)
{
	int rc = 0;
	switch (o->f) {
	case RF_TABLE:
		rowset_print(o->table, FMT_TABLE, o->out);
		rowset_free(o->table);
		break;
	case RF_JSON: fputs(o->rows ? "\n]\n" : "]\n", o->out); break;
	case RF_TEXT:
		if (o->rows == 0)
			text_page_head(o);
		break;
	case RF_XLSX: rc = xlsx_finish(o, err); break;
	case RF_CSV: break;
	}
	free(o);
	return rc;
}
