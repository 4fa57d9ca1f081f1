/* The commands of 双随机、一公开: items and plans (cmd_inspection.c), tasks
 * and results (cmd_task.c). */
#ifndef SMCON_CMD_INSPECTION_H
#define SMCON_CMD_INSPECTION_H

#include "cmd/cmd_reference.h"
#include "domain/inspection.h"

/* Runs call c and returns its result, or prints the error (exit status by
 * insp_status: bad input 2, wrong state 5) and returns NULL with *st set. */
PGresult *insp_cmd_call(struct cmd_ctx *ctx, enum insp_call c, const char *const *params,
                        enum status *st);
/* Runs call c and prints its rows as v says. Returns the status. */
enum status insp_cmd_print(struct cmd_ctx *ctx, enum insp_call c, const char *const *params,
                           const struct ref_view *v);
/* Every value of a repeatable option as a text array literal, or NULL when
 * the option is absent. The caller frees it. */
char *insp_opt_array(const struct cmd_args *a, const char *name);
/* Checks that an option's value looks like a date. Returns ST_OK or prints why. */
enum status insp_opt_date(struct cmd_ctx *ctx, const struct cmd_args *a, const char *name);

enum status run_task_list(struct cmd_ctx *ctx, const struct cmd_args *args);
enum status run_task_show(struct cmd_ctx *ctx, const struct cmd_args *args);
enum status run_task_result(struct cmd_ctx *ctx, const struct cmd_args *args);
enum status run_task_confirm(struct cmd_ctx *ctx, const struct cmd_args *args);
enum status run_task_abnormal(struct cmd_ctx *ctx, const struct cmd_args *args);

#endif
