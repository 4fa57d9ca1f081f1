/* What a theme's file may hold, as the warehouse defines it
 * (meta.import_field): the fields, the header names each goes by, the kind of
 * value and the codes a code field accepts. The header of a file is mapped
 * onto the fields here; an unknown or repeated column, or a missing required
 * one, refuses the file. */
#ifndef SMCON_IMPORT_FIELD_H
#define SMCON_IMPORT_FIELD_H

#include "base/csv.h"
#include "base/status.h"
#include "db/db.h"
#include "import/import_map.h"

enum import_kind {
	IK_TEXT, IK_USCC, IK_DATE, IK_DATE_OPEN, IK_NUMBER, IK_INTEGER, IK_BOOLEAN, IK_PHONE, IK_CODE,
	IK_CODES,
};

struct import_field {
	char *name;     /* e.g. "established_on": also a header name */
	char *title;    /* e.g. "成立日期": also a header name */
	char **aliases; /* other header names */
	int naliases;
	enum import_kind kind;
	int digits, scale; /* IK_NUMBER */
	int required, is_key;
	char *personal; /* personal data kind ("id_no", …) or NULL */
	struct strmap labels; /* IK_CODE(S): code or name → index in codes */
	char **codes;
	int ncodes;
	int column;   /* the file's column holding it, -1 when absent */
	char *header; /* that column's header as the file writes it */
};

struct import_theme {
	char *name;
	int nfields;
	struct import_field *fields;
	int *field_of; /* per column of the file: the field's index */
	int ncolumns;
};

/* Loads the theme's fields and codes. Returns ST_OK, ST_USAGE when there is
 * no such theme (msg lists the themes), or the database's status. */
enum status import_theme_load(struct db *db, const char *theme, struct import_theme *t,
			      struct strbuf *msg);
void import_theme_free(struct import_theme *t);
/* Says there is no theme of that name, listing those there are; returns ST_USAGE. */
enum status import_no_such_theme(struct db *db, const char *theme, struct strbuf *msg);
/* Maps the header row onto the fields. Returns ST_OK, or ST_USAGE with msg
 * naming every unknown, repeated or missing column. */
enum status import_header_map(struct import_theme *t, const struct csv_row *header, struct strbuf *msg);
/* The code for a code field's value (a code or a name of one): its index in
 * f->codes, -1 when unknown, -2 when the name means several codes. */
long import_code_find(const struct import_field *f, const char *s, size_t len);
/* Appends s with ASCII parentheses made full-width and blanks trimmed: how
 * header names and code names are compared. */
void import_label_fold(const char *s, size_t len, struct strbuf *out);

#endif
