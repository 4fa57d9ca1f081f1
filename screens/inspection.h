/* What the 双随机 screens share (screens/inspection_*.c): loading a call's
 * rows into a table, and the screens themselves. */
#ifndef SMCON_SCREENS_INSPECTION_H
#define SMCON_SCREENS_INSPECTION_H

#include "domain/inspection.h"
#include "screens/screens.h"
#include "ui/table.h"

/* Runs call c and puts its rows into t (cleared first; result column i in
 * table column i). On failure the message goes into error (reset first).
 * Returns the number of rows, -1 on failure. */
int insp_fill(struct app *app, enum insp_call c, const char *const *params, struct table *t,
              struct strbuf *error);
/* Makes a table of n columns titled by labels (the first flex ones flex). */
struct table *insp_table(int n, const enum msg_id *labels, int flex_col);
/* Draws t into r, or the error, or the empty message. */
void insp_table_draw(struct table *t, const struct rect *r, const struct strbuf *error,
                     enum msg_id empty);

extern const struct screen screen_inspection_plan;
extern const struct screen screen_inspection_plan_form;
extern const struct screen screen_inspection_tasks;
extern const struct screen screen_inspection_task;
extern const struct screen screen_inspection_result;
extern const struct screen screen_inspection_overview;

#endif
