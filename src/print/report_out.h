/* A report written as its rows arrive: an aligned table (for a terminal;
 * collected, then printed), CSV (UTF-8, optionally with a byte order mark
 * for Excel), JSON, a plain-text layout that prints on A4 (80 columns, 60
 * lines a page, CJK counted as two columns), or XLSX (a formatted sheet and
 * a native bar chart, libxlsxwriter in constant-memory mode). */
#ifndef SMCON_REPORT_OUT_H
#define SMCON_REPORT_OUT_H

#include <stdio.h>

#include "base/strbuf.h"
#include "domain/report.h"

enum report_format { RF_TABLE, RF_CSV, RF_JSON, RF_XLSX, RF_TEXT };

/* Parses table, csv, json, xlsx or text. Returns 0 or -1. */
int report_format_parse(const char *name, enum report_format *f);
/* The file name extension of a format ("csv", "xlsx", "txt", …). */
const char *report_format_ext(enum report_format f);
/* Its name, as report_format_parse() reads it. */
const char *report_format_name(enum report_format f);

/* What a report file says about itself, besides its rows. */
struct report_doc {
	const char *name, *title;
	const char *date_from, *date_to, *org_name, *group_by;
	int masked;
	const char *generated; /* "2026-12-07 09:30" */
	int ncols;
	const struct report_column *cols;
	int chart_col; /* -1: no chart */
};

struct report_out;

/* Starts a report on out (every format but XLSX) or in the file xlsx_path
 * (which the caller renames into place after report_out_finish). bom: a
 * byte order mark before CSV. Returns NULL with err filled when the XLSX
 * workbook cannot be created. */
struct report_out *report_out_new(enum report_format f, const struct report_doc *d, FILE *out,
                                  const char *xlsx_path, int bom, struct strbuf *err);
/* Writes one row (cells[i] NULL is SQL NULL; a NULL first cell is the totals row). */
void report_out_row(struct report_out *o, const char *const *cells);
/* Ends the report and frees o. Returns 0, or -1 with err filled (XLSX). */
int report_out_finish(struct report_out *o, struct strbuf *err);

#endif
