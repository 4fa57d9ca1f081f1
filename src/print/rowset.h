/* Rows a command prints, built once and printed as an aligned table (widths
 * in display columns, CJK aware), as CSV (RFC 4180) or as JSON. No format
 * passes a terminal control or an invisible format character through. */
#ifndef SMCON_ROWSET_H
#define SMCON_ROWSET_H

#include <stdio.h>

#include <libpq-fe.h>

enum out_format { FMT_TABLE, FMT_CSV, FMT_JSON };
/* CT_JSON: a json or jsonb value from the database, an object or array in
 * JSON output (its strings escaped as json_string escapes), text elsewhere. */
enum col_type { CT_TEXT, CT_NUMBER, CT_BOOL, CT_JSON };

struct rowset_col {
	char *key;   /* machine name: CSV header, JSON key */
	char *label; /* column title in the UI language, for tables */
	enum col_type type;
};

struct rowset {
	int ncols;
	struct rowset_col *cols;
	int nrows, cap;
	char **cells; /* nrows × ncols; NULL is SQL NULL */
	int record;   /* one record: a table shows it as "label: value" lines */
	int people;   /* CSV for people: the labels as its header (screens' exports) */
	/* JSON only: a list nested in the first row under child_key (a card and
	 * its records in one document); freed with the rowset */
	struct rowset *child;
	const char *child_key;
};

/* Parses "table", "csv" or "json". Returns 0 or -1. */
int format_parse(const char *name, enum out_format *f);

struct rowset *rowset_new(int ncols);
void rowset_free(struct rowset *rs);
/* Names column i. label NULL means the key. */
void rowset_col(struct rowset *rs, int i, const char *key, const char *label, enum col_type t);
/* Appends an empty row and returns its index. */
int rowset_add_row(struct rowset *rs);
/* Sets a cell (copied; NULL = SQL NULL). */
void rowset_set(struct rowset *rs, int row, int col, const char *value);
/* Appends every row of res; columns must already be named, in result order. */
void rowset_add_result(struct rowset *rs, const PGresult *res);
void rowset_print(const struct rowset *rs, enum out_format f, FILE *out);
/* Writes multi-line text from the database: controls and invisible format
 * characters shown as U+FFFD, line feeds and tabs kept (width_sanitize_text). */
void rowset_text(FILE *out, const char *s);
/* One CSV field as the CSV format writes it: controls and invisible format
 * characters shown as U+FFFD (line breaks and tabs kept), a ' before a text
 * that starts with = + - @ tab or CR and is not a plain number (so that a
 * spreadsheet does not take it for a formula), quoted when needed; NULL:
 * nothing. */
void rowset_csv_field(FILE *out, const char *s);
/* One JSON value as the JSON format writes it: null, a number, a boolean, an
 * object or array (CT_JSON) or a string (controls, DEL, C1 controls and invisible format characters
 * escaped as \uXXXX). */
void rowset_json_value(FILE *out, const char *v, enum col_type t);

#endif
